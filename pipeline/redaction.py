"""Keep secrets out of logs, the database and the terminal."""

import os
import re

from pipeline import constants as c

# scheme://user:password@host -> scheme://user:***@host, scheme://token@host -> scheme://***@host. The
# user-info ends at the last '@' before the host (a password may hold an unescaped '@'); in free text
# a URI ends at white space, in a field's whole value (mask_uri) a password may hold a space too.
_USERINFO = r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?:([^:/?#@{s}]*):)?([^/?#{s}]*)(@[^@/?#{s}]*(?=[/?#{s}]|$))"
_URI_PASSWORD = re.compile(_USERINFO.format(s="\\s"))
_URI_PASSWORD_IN_VALUE = re.compile(_USERINFO.format(s="\n"))
# Query parameters that carry secrets: password, tlsCertificateKeyFilePassword, api_key, token, sig, ...
_SECRET_PARAM = re.compile(r"([?&;][^=&#\s]*(?:pass|pwd|secret|token|key|sig|credential|auth)[^=&#\s]*=)"
                           r"([^&#\s]+)", re.I)
# Well-known API key shapes (OpenAI / OpenRouter style) and bearer tokens.
_KEY_SHAPES = re.compile(r"\b(sk-[A-Za-z0-9_-]{8,}|Bearer\s+[A-Za-z0-9._-]{8,})")
SECRET_ENV = (c.ENV_OPENROUTER_KEY, "OPENAI_API_KEY", c.ENV_MONGODB_URI, c.ENV_IMAP_PASSWORD)

_extra_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret value so every later redaction removes it verbatim."""
    if value and len(value) >= 6:
        _extra_secrets.add(value)


def _known_secrets() -> list[str]:
    found = set(_extra_secrets)
    for name in SECRET_ENV:
        value = os.environ.get(name)
        if value and len(value) >= 6 and name != c.ENV_MONGODB_URI:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def redact(text: str) -> str:
    """Text with passwords in URIs, API keys and registered secrets replaced by ***."""
    if not text:
        return text
    for secret in _known_secrets():
        text = text.replace(secret, "***")
    text = _SECRET_PARAM.sub(r"\1***", _URI_PASSWORD.sub(_masked, text))
    return _KEY_SHAPES.sub("***", text)


def _masked(found: re.Match[str]) -> str:
    scheme, user, _secret, host = found.groups()
    return f"{scheme}{user}:***{host}" if user is not None else f"{scheme}***{host}"


def mask_uri(uri: str | None) -> str | None:
    """A value fit to print (a connection URI, a base URL, any setting): the credentials of every URL
    in it replaced by *** (user-info, secret query parameters), whatever they hold."""
    return _SECRET_PARAM.sub(r"\1***", _URI_PASSWORD_IN_VALUE.sub(_masked, uri)) if uri else uri
