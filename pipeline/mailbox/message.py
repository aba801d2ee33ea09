"""What a mail says, read as hostile data: headers decoded (RFC 2047) and sanitised with the one
sanitiser (textclean.visible), addresses parsed, the reply's own text without the quoted mail
below it, a snippet of at most 300 characters. And the other way: a draft as the MIME message
filed in Drafts, with its Message-ID, its date and the tailored resume attached."""

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import format_datetime, getaddresses, make_msgid, parsedate_to_datetime
from typing import Any

from pipeline.outreach.export import draft_email
from pipeline.text import visible

SNIPPET_CHARS = 300
SUBJECT_CHARS = 200
MESSAGE_ID = re.compile(r"<[^<>\s]{1,250}>")
# Headers a person's mail client would send on to the company: the IMAP copy drops them.
PRIVATE_HEADERS = ("X-Unsent", "X-Pipeline-Job", "X-Pipeline-Address-Status", "X-Pipeline-Note")


@dataclass(frozen=True)
class Mail:
    """One message as the sync sees it: only headers, and later the start of its readable text."""

    folder: str
    uid: int
    size: int
    message_id: str  # "<...>", or "" when the message has none
    refers_to: tuple[str, ...]  # the Message-IDs in In-Reply-To and References
    sender: str  # the From address, lower case
    sender_name: str
    recipients: tuple[str, ...]  # To and Cc addresses, lower case
    subject: str
    date: float  # epoch seconds (the Date header, else 0)
    headers: dict[str, str] = field(default_factory=dict)  # the classifier's: auto-submitted, content-type, ...

    @property
    def key(self) -> str:
        """What identifies the message across rescans (a changed UIDVALIDITY renumbers UIDs)."""
        if self.message_id:
            return self.message_id
        digest = hashlib.sha1(f"{self.sender}\0{self.subject}\0{self.date}".encode()).hexdigest()[:16]
        return f"sha1:{digest}"

    @property
    def sender_domain(self) -> str:
        return self.sender.rpartition("@")[2]


def decoded(value: Any) -> str:
    """A header value as text: RFC 2047 words decoded, anything undecodable replaced, one line,
    nothing invisible or controlling left."""
    if value is None:
        return ""
    text = str(value)
    try:
        text = str(make_header(decode_header(text)))
    except (LookupError, ValueError, UnicodeError, AssertionError):
        pass
    return " ".join(visible(text).split())


def addresses(values: list[str]) -> list[tuple[str, str]]:
    """(name, address) pairs, the address lower case; anything that is not an address is dropped."""
    found = []
    for name, address in getaddresses([decoded(v) for v in values if v]):
        address = address.strip().lower()
        if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", address):
            found.append((decoded(name), address))
    return found


def message_ids(value: str) -> tuple[str, ...]:
    return tuple(MESSAGE_ID.findall(value or ""))


def parse(folder: str, uid: int, size: int, raw_headers: bytes) -> Mail:
    """A Mail from the header fields fetched (compat32 parsing never raises on a malformed header)."""
    headers: Message = email.message_from_bytes(raw_headers, policy=email.policy.compat32)
    sender = addresses(headers.get_all("From") or [])
    recipients = addresses((headers.get_all("To") or []) + (headers.get_all("Cc") or []))
    try:
        when = parsedate_to_datetime(str(headers.get("Date"))).timestamp() if headers.get("Date") else 0.0
    except (TypeError, ValueError, IndexError, OverflowError):
        when = 0.0
    own = message_ids(str(headers.get("Message-ID") or ""))
    refers = message_ids(f"{headers.get('In-Reply-To') or ''} {headers.get('References') or ''}")
    wanted = ("auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
              "content-type", "x-failed-recipients", "return-path", "list-id", "list-unsubscribe")
    kept = {name: decoded(headers.get(name))[:300] for name in wanted if headers.get(name) is not None}
    return Mail(folder=folder, uid=uid, size=size, message_id=own[0] if own else "", refers_to=refers,
                sender=sender[0][1] if sender else "", sender_name=sender[0][0] if sender else "",
                recipients=tuple(a for _, a in recipients), subject=decoded(headers.get("Subject"))[:SUBJECT_CHARS],
                date=when, headers=kept)


# Where the quoted mail below a reply starts, in the languages the classifier reads (Portuguese's
# "Em ... escreveu:" and Italian's "Il giorno ... ha scritto:" too): the
# attribution line of every common client (wrapped over two lines, or "<address> schrieb am ...:"
# as Gmail on Android writes it), an Outlook header block ("From:", "*Von:*"), a separator, a
# forwarded message. The quoted text is the candidate's own words and often asks for a call.
WROTE = r"(?:wrote|schrieb|a écrit|escribió|schreef|het volgende geschreven|escreveu|ha scritto)"
QUOTE_START = re.compile(
    rf"^(?:On|Am|Le|El|Op|Em|Il giorno|No dia)\s[^\n]{{5,200}}?(?:\n[^\n]{{0,200}}?)?\b{WROTE}\b[^\n]{{0,100}}:\s*$|"
    rf"^[^\n]{{0,120}}@[\w.-]+>?\)?\s{WROTE}\b[^\n]{{0,100}}:\s*$|"
    r"^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|"
    r"Mensagem original|Messaggio originale|Forwarded message|Weitergeleitete Nachricht|Message transféré|"
    r"Mensaje reenviado|Doorgestuurd bericht|Mensagem encaminhada|Messaggio inoltrato)\s*-{2,}|"
    r"^Begin forwarded message:|^_{10,}|^\*?(?:From|Von|De|Van|Da)\s?:\*?[^\n]{3,200}$",
    re.I | re.M)


def own_text(text: str) -> str:
    """The reply's own words: the quoted mail below it and '>' lines removed, sanitised."""
    text = visible(text)
    found = QUOTE_START.search(text)
    if found:
        text = text[:found.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">")).strip()


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """At most `limit` characters of text on one line; the history keeps this, never the body."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def new_message_id(sender: str) -> str:
    """A fresh Message-ID at the sender's own domain (a draft keeps it when it is sent)."""
    domain = sender.rpartition("@")[2].strip(" >").lower()
    return make_msgid(domain=domain if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", domain) else "job-pipeline.invalid")


def draft_message(row: dict[str, Any], sender: str, message_id: str, when: datetime) -> bytes:
    """The draft as filed in Drafts: export's message (the job's resume attached when the row names
    one) with its Message-ID and date, without the pipeline's own headers (a client would send them
    on to the company)."""
    message: EmailMessage = draft_email(row, sender)
    for name in PRIVATE_HEADERS:
        del message[name]
    message["Message-ID"] = message_id
    message["Date"] = format_datetime(when)
    return bytes(message)
