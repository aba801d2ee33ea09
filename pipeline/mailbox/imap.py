"""IMAP through imapclient: a connection that is TLS with certificate checks by default, folders
found by their RFC 6154 special use, reads that never mark anything read, and every failure
turned into one of three errors a person can act on (wrong password, server away, certificate
refused). The password is passed in; it is never logged (imapclient redacts LOGIN, and its
debug log is silenced in pipeline.logs)."""

import base64
import binascii
import functools
import imaplib
import quopri
import re
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from pipeline.config.settings import MailboxSettings
from pipeline.errors import PipelineError

T = TypeVar("T")
DRAFTS, SENT = "\\Drafts", "\\Sent"
# Where clients keep drafts and sent mail when the server marks no special use (RFC 6154 is
# optional), in the languages of the providers' web mail; compared without case or "INBOX." prefix.
COMMON_NAMES = {
    DRAFTS: ("Drafts", "Draft", "[Gmail]/Drafts", "Entwürfe", "Brouillons", "Borradores", "Concepten", "Bozze"),
    SENT: ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail", "Gesendet",
           "Gesendete Elemente", "Gesendete Objekte", "Envoyés", "Éléments envoyés", "Enviados",
           "Elementos enviados", "Verzonden", "Verzonden items", "Posta inviata"),
}
HEADER_FIELDS = ("FROM", "TO", "CC", "SUBJECT", "DATE", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES", "AUTO-SUBMITTED",
                 "PRECEDENCE", "X-AUTOREPLY", "X-AUTORESPOND", "X-AUTO-RESPONSE-SUPPRESS", "CONTENT-TYPE",
                 "X-FAILED-RECIPIENTS", "RETURN-PATH", "LIST-ID", "LIST-UNSUBSCRIBE")
HEADERS_ITEM = f"BODY.PEEK[HEADER.FIELDS ({' '.join(HEADER_FIELDS)})]".encode()
FETCH_BATCH = 500


class MailboxError(PipelineError):
    """The mailbox could not be used; the message says why and what to do."""


class LoginRefused(MailboxError):
    """The server refused the user name or password: loud in status, the log and the page."""


class CertificateRefused(MailboxError):
    """The server's TLS certificate is not trusted for this host: never worked around silently."""


class ServerUnreachable(MailboxError):
    """No connection, or it dropped: the sync pauses with nothing changed and runs at the next tick."""


@dataclass(frozen=True)
class Folder:
    name: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class FolderState:
    """What EXAMINE says of a folder: a changed uidvalidity means every UID we remember is void."""

    uidvalidity: int
    uidnext: int
    exists: int


@dataclass(frozen=True)
class Fetched:
    """One message's headers (only the fields the sync reads) and its size; never its body."""

    uid: int
    size: int
    headers: bytes


def _flag(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class Mailbox:
    """One logged-in IMAP connection. Every server call goes through `_call`, so a dropped
    connection is ServerUnreachable wherever it happens."""

    def __init__(self, client: IMAPClient, settings: MailboxSettings) -> None:
        self.client, self.settings = client, settings
        self.selected: tuple[str, bool] | None = None
        self._folders: list[Folder] | None = None

    def _call(self, what: str, action: Callable[[], T]) -> T:
        try:
            return action()
        except (imaplib.IMAP4.abort, OSError) as exc:  # EOF, reset, timeout: the server went away
            raise ServerUnreachable(f"the IMAP server {self.settings.host} dropped the connection during "
                                    f"{what}: {exc}") from None
        except IMAPClientError as exc:
            raise MailboxError(f"the IMAP server refused {what}: {exc}") from None

    def folders(self) -> list[Folder]:
        """The folders and their flags; LISTed once per connection."""
        if self._folders is None:
            listed = self._call("LIST", lambda: self.client.list_folders())
            self._folders = [Folder(str(name), tuple(_flag(f) for f in flags)) for flags, _, name in listed]
        return self._folders

    def special_folder(self, use: str, configured: str = "auto") -> str:
        """A folder named in the config, else the one marked with `use`, else a common name."""
        found = self.folders()
        if configured and configured != "auto":
            if configured not in {f.name for f in found}:
                raise MailboxError(f"the configured folder {configured!r} does not exist on {self.settings.host}; "
                                   f"folders there: {', '.join(f.name for f in found)}")
            return configured
        marked = [f.name for f in found if use.lower() in (flag.lower() for flag in f.flags)]
        if marked:
            return marked[0]
        names = {_bare(f.name): f.name for f in found}
        for common in COMMON_NAMES[use]:
            if _bare(common) in names:
                return names[_bare(common)]
        setting = "drafts_folder" if use == DRAFTS else "sent_folder"
        raise MailboxError(f"no {use[1:]} folder on {self.settings.host}: none is marked {use} and none has a "
                           f"common name; set mailbox.{setting} to one of: {', '.join(f.name for f in found)}")

    def select(self, folder: str, readonly: bool) -> FolderState:
        """EXAMINE (readonly) or SELECT a folder; reading replies only ever EXAMINEs."""
        answer = self._call(f"{'EXAMINE' if readonly else 'SELECT'} {folder}",
                            lambda: self.client.select_folder(folder, readonly=readonly))
        self.selected = (folder, readonly)
        return FolderState(int(answer.get(b"UIDVALIDITY", 0)), int(answer.get(b"UIDNEXT", 0)),
                           int(answer.get(b"EXISTS", 0)))

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs above `last_uid` in the selected folder (UID n:* always names the last message,
        even an old one, so the answer is filtered)."""
        found = self._call("UID SEARCH", lambda: self.client.search(["UID", f"{last_uid + 1}:*"]))
        return sorted(u for u in found if u > last_uid)

    def uids_since(self, day: date) -> list[int]:
        """UIDs of messages that arrived on or after `day` (the server's INTERNALDATE)."""
        return sorted(self._call("SEARCH SINCE", lambda: self.client.search(["SINCE", day])))

    def find_message_id(self, message_id: str) -> list[int]:
        """UIDs in the selected folder whose Message-ID header is exactly this one (the server's
        HEADER search matches substrings, so each hit is checked); none for an empty id."""
        if not message_id.strip():
            return []
        found = self._call("SEARCH HEADER", lambda: self.client.search(["HEADER", "Message-ID", message_id]))
        if not found:
            return []
        item = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
        answer = self._call("FETCH Message-ID", lambda: self.client.fetch(found, [item]))
        return sorted(uid for uid, data in answer.items()
                      if message_id in _body(data).decode("utf-8", errors="replace").split())

    def headers_after(self, last_uid: int, uidnext: int) -> list[Fetched]:
        """The header fields of every message from `last_uid` + 1 to before `uidnext`, in one UID
        FETCH of those UIDs (no SEARCH first: the sync's usual case is a handful of new messages;
        UIDs of messages expunged meanwhile are simply not answered)."""
        item = [b"RFC822.SIZE", HEADERS_ITEM]
        wanted = list(range(last_uid + 1, uidnext))
        answer = self._call("FETCH headers", lambda: self.client.fetch(wanted, item))
        return [Fetched(uid, int(data.get(b"RFC822.SIZE", 0)),
                        bytes(next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"") or b""))
                for uid, data in sorted(answer.items()) if uid > last_uid]

    def headers(self, uids: list[int]) -> Iterator[Fetched]:
        """The header fields the sync reads, in batches: never a body, whatever the message's size."""
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start:start + FETCH_BATCH]
            answer = self._call("FETCH headers",
                                functools.partial(self.client.fetch, batch, [b"RFC822.SIZE", HEADERS_ITEM]))
            for uid in batch:
                data = answer.get(uid)
                if data is None:  # expunged meanwhile
                    continue
                raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"") or b""
                yield Fetched(uid, int(data.get(b"RFC822.SIZE", 0)), bytes(raw))

    def texts(self, uids: list[int], limit: int) -> dict[int, tuple[str, str]]:
        """uid -> (plain text, html) of each message's first readable part, at most `limit` bytes
        of it, chosen from BODYSTRUCTURE: an attachment of 50 MB is never downloaded. One FETCH
        for the structures, one per part number for the texts."""
        if not uids:
            return {}
        answer = self._call("FETCH BODYSTRUCTURE", lambda: self.client.fetch(uids, [b"BODYSTRUCTURE"]))
        parts: dict[str, list[tuple[int, str, str, str]]] = {}
        for uid in uids:
            structure = (answer.get(uid) or {}).get(b"BODYSTRUCTURE")
            part = _readable_part(structure) if structure is not None else None
            if part is not None:
                number, subtype, charset, encoding = part
                parts.setdefault(number, []).append((uid, subtype, charset, encoding))
        found: dict[int, tuple[str, str]] = {}
        for number, wanted in parts.items():
            item = f"BODY.PEEK[{number}]<0.{limit}>".encode()
            data = self._call("FETCH text", functools.partial(self.client.fetch, [w[0] for w in wanted], [item]))
            for uid, subtype, charset, encoding in wanted:
                text = _decode(_body(data.get(uid) or {}), encoding, charset)
                found[uid] = (text, "") if subtype == "plain" else ("", text)
        return found

    def raw_texts(self, uids: list[int], limit: int) -> dict[int, str]:
        """uid -> the first `limit` bytes of the message's body as it is (for a bounce: the
        delivery report and the returned headers, whatever the MIME parts)."""
        if not uids:
            return {}
        item = f"BODY.PEEK[TEXT]<0.{limit}>".encode()
        data = self._call("FETCH text", lambda: self.client.fetch(uids, [item]))
        return {uid: _body(data.get(uid) or {}).decode("utf-8", errors="replace") for uid in uids}

    def append_draft(self, folder: str, message: bytes, when: datetime) -> int | None:
        """APPEND with \\Draft; the new UID when the server says it (UIDPLUS), else None."""
        answer = self._call(f"APPEND to {folder}",
                            lambda: self.client.append(folder, message, flags=(b"\\Draft",), msg_time=when))
        found = re.search(rb"APPENDUID \d+ (\d+)", answer if isinstance(answer, bytes) else b"")
        return int(found.group(1)) if found else None

    def delete(self, uids: list[int]) -> None:
        """Delete messages of the selected (read-write) folder: UID EXPUNGE where the server has
        UIDPLUS, so nothing else marked deleted in the folder goes with them."""
        if not uids:
            return
        self._call("STORE \\Deleted", lambda: self.client.delete_messages(uids))
        if self._call("CAPABILITY", lambda: self.client.has_capability("UIDPLUS")):
            self._call("UID EXPUNGE", lambda: self.client.uid_expunge(uids))
        else:
            self._call("EXPUNGE", lambda: self.client.expunge())

    def logout(self) -> None:
        try:
            self.client.logout()
        except (IMAPClientError, imaplib.IMAP4.abort, OSError):
            pass


def _body(data: dict[bytes, Any]) -> bytes:
    """The BODY[...] item of one message's FETCH answer (its key names the section fetched)."""
    return bytes(next((v for k, v in data.items() if k.startswith(b"BODY[")), b"") or b"")


def _bare(name: str) -> str:
    lowered = name.lower()
    for prefix in ("inbox.", "inbox/"):
        lowered = lowered.removeprefix(prefix)
    return lowered


def _readable_part(structure: Any) -> tuple[str, str, str, str] | None:
    """(part number, subtype, charset, transfer encoding) of the first text/plain part, else the
    first text/html one; message/rfc822 parts (a forwarded or returned mail) are not entered."""
    found: dict[str, tuple[str, str, str, str]] = {}

    def walk(node: Any, number: str) -> None:
        if getattr(node, "is_multipart", False):
            for i, child in enumerate(node[0], 1):
                walk(child, f"{number}.{i}" if number else str(i))
            return
        kind, subtype = _flag(node[0]).lower(), _flag(node[1]).lower()
        if kind != "text" or subtype not in ("plain", "html") or subtype in found:
            return
        params = list(node[2] or ())
        charset = next((_flag(v) for k, v in zip(params[::2], params[1::2], strict=False)
                        if _flag(k).lower() == "charset"), "utf-8")
        found[subtype] = (number or "1", subtype, charset, _flag(node[5] or b"7bit").lower())

    walk(structure, "")
    return found.get("plain") or found.get("html")


def _decode(raw: bytes, encoding: str, charset: str) -> str:
    """A part's bytes (possibly cut at the read limit) as text."""
    if encoding == "base64":
        cleaned = re.sub(rb"[^A-Za-z0-9+/=]", b"", raw)
        try:
            raw = base64.b64decode(cleaned[: len(cleaned) // 4 * 4])
        except (binascii.Error, ValueError):
            raw = b""
    elif encoding == "quoted-printable":
        raw = quopri.decodestring(raw)
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


@functools.lru_cache(maxsize=4)
def _context(ca_file: str | None) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_file)


def tls_context(settings: MailboxSettings) -> ssl.SSLContext | None:
    """Certificate and host name checked, against the system's CAs or the configured ca_file only;
    made once per process (loading the system's CAs takes tens of milliseconds). None for plain."""
    if settings.security == "plain":
        return None
    return _context(str(settings.ca_file) if settings.ca_file else None)


@contextmanager
def connect(settings: MailboxSettings, password: str | None) -> Iterator[Mailbox]:
    """A logged-in Mailbox, logged out afterwards. Raises LoginRefused, CertificateRefused or
    ServerUnreachable with a message fit for a person (no password in it)."""
    if not password:
        from pipeline.constants import ENV_IMAP_PASSWORD

        raise LoginRefused(f"{ENV_IMAP_PASSWORD} is not set in .env: the mailbox cannot log in")
    where = f"{settings.host}:{settings.port}"
    try:
        context = tls_context(settings)
        client = IMAPClient(settings.host, settings.port, ssl=settings.security == "tls", ssl_context=context,
                            timeout=settings.timeout_seconds)
        if settings.security == "starttls":
            client.starttls(context)
        client.login(settings.user, password)
    except ssl.SSLCertVerificationError as exc:
        raise CertificateRefused(f"the IMAP server {where} presented a certificate that is not trusted "
                                 f"({exc.verify_message}); set mailbox.ca_file only if you trust this server") from None
    except ssl.SSLError as exc:  # e.g. TLS spoken to a plain port: a setting to fix, not an outage
        raise MailboxError(f"TLS with the IMAP server {where} failed ({exc}): check mailbox.security "
                           f"({settings.security}) and mailbox.port ({settings.port})") from None
    except LoginError as exc:
        raise LoginRefused(f"the IMAP server {where} refused the login for {settings.user!r} "
                           f"({_reason(exc)}): check mailbox.user and IMAP_PASSWORD (an app password)") from None
    except (imaplib.IMAP4.abort, OSError) as exc:  # a timeout is an OSError
        raise ServerUnreachable(f"cannot reach the IMAP server {where}: {exc}") from None
    except IMAPClientError as exc:
        raise MailboxError(f"the IMAP server {where} refused the connection: {exc}") from None
    mailbox = Mailbox(client, settings)
    try:
        yield mailbox
    finally:
        mailbox.logout()


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text.removeprefix("b'").removesuffix("'") or "no reason given"
