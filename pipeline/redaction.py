"""Keep secrets out of logs, the database and the terminal."""

import os
import re

from pipeline import constants as c

# scheme://user:password@host -> scheme://user:***@host
_URI_PASSWORD = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)([^@\s]+)(@)")
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
    text = _URI_PASSWORD.sub(r"\1***\3", text)
    return _KEY_SHAPES.sub("***", text)


def mask_uri(uri: str | None) -> str | None:
    """A connection URI fit to print: the password replaced by ***."""
    return _URI_PASSWORD.sub(r"\1***\3", uri) if uri else uri
