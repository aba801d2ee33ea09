"""Drafts out of the store: a listing, and files a person opens to review and send by hand.

`.eml` files carry `X-Unsent: 1`, so mail clients open them as drafts, with To (when the recipient
has an address) and Subject filled, and the job's resume PDF attached when it has one; LinkedIn
notes are exported as text, never sent anywhere.
An export folder keeps a manifest of the files it wrote with their SHA-256, so a re-export
removes the files of drafts no longer exported (rejected, sent, the job skipped or applied) and
never overwrites or removes a file a person has edited since: those are kept and reported.

Nothing written can be turned against the person: every text passes through text.visible()
(no control, bidi or invisible character reaches a header, a body, a note or a cell), CSV cells a
spreadsheet would evaluate are quoted, and files are written only inside the folder, never
through a symlink: each is written to a new temporary file there and renamed into place, and a
symlink (or anything else that is not a regular file) in the folder is left alone and reported.
"""

import csv
import errno
import hashlib
import io
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from pipeline.outreach.recipients import address_kind
from pipeline.records import Job
from pipeline.text import visible

FORMATS = ("eml", "md", "csv")
CSV_FIELDS = ("job_id", "n", "review", "company", "title", "channel", "recipient", "role", "address",
              "address_status", "address_source", "profile_url", "subject", "body", "template", "edited", "cost",
              "created_at")
MANIFEST = ".drafts-manifest.json"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """OWASP's rule for CSV injection: a cell a spreadsheet would evaluate gets a leading quote."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def resume_of(job: Job, root: Path | None) -> str:
    """The job's resume PDF (job.data["resume"]["path"], relative to `root`, the config's folder)
    when the file is there, else ""."""
    relative = (job.data.get("resume") or {}).get("path") or ""
    return str(root / relative) if root and relative and (root / relative).is_file() else ""


def draft_rows(jobs: list[Job], root: Path | None = None) -> list[dict[str, Any]]:
    """One row per draft, flat enough for a table, JSON or CSV; with `root`, each names its job's resume."""
    rows = []
    for job in jobs:
        resume = resume_of(job, root)
        for n, draft in enumerate(job.data.get("drafts", []), 1):
            to = draft.get("recipient") or {}
            rows.append({"job_id": job.id, "n": n, "review": (draft.get("review") or {}).get("state") or "new",
                         "edited": "original" in draft, "company": job.company, "title": job.title,
                         "channel": draft["channel"], "recipient": to.get("name", ""), "role": to.get("role", ""),
                         "address": to.get("address", ""), "address_status": address_kind(to),
                         "address_source": to.get("address_source", ""), "profile_url": to.get("profile_url", ""),
                         "subject": draft.get("subject", ""), "body": draft["body"],
                         "template": draft.get("template", False), "cost": draft.get("cost", 0.0),
                         "created_at": draft.get("created_at", ""), "resume": resume})
    return rows


def _name(row: dict[str, Any], suffix: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", f"{row['company']} {row['title']}".lower()).strip("-")[:60]
    return f"{row['job_id']}-{row['n']}-{row['channel']}-{slug}.{suffix}"


def _header(value: str) -> str:
    """A header value on one line: CR/LF from a title or name would end the header (or crash)."""
    return " ".join(visible(str(value)).split())


def _visible_row(row: dict[str, Any]) -> dict[str, Any]:
    """Every text of a row with nothing invisible or controlling left in it."""
    return {k: visible(v) if isinstance(v, str) else v for k, v in row.items()}


def to_eml(row: dict[str, Any], sender: str) -> bytes:
    return bytes(draft_email(row, sender))


def draft_email(row: dict[str, Any], sender: str) -> EmailMessage:
    """The draft as a MIME message: the .eml export writes it, the mailbox files it in Drafts."""
    row = {k: _header(v) if isinstance(v, str) and k != "body" else v for k, v in row.items()}
    message = EmailMessage()
    if sender:
        message["From"] = sender
    if row["address"]:
        try:  # a display name is quoted, so text inside it can never become another address
            message["To"] = Address(display_name=row["recipient"], addr_spec=row["address"])
        except (ValueError, IndexError):
            message["To"] = row["address"]
    message["Subject"] = row["subject"] or f"{row['title']} at {row['company']}"
    message["X-Unsent"] = "1"
    message["X-Pipeline-Job"] = row["job_id"]
    message["X-Pipeline-Address-Status"] = row["address_status"] or "none"
    if row["address_status"] == "guess":
        message["X-Pipeline-Note"] = "the address is a pattern guess, not verified"
    elif row["address_status"] == "role":
        message["X-Pipeline-Note"] = "a shared inbox: the message asks them to pass it on"
    message.set_content(row["body"])
    if row.get("resume"):
        pdf = Path(row["resume"]).read_bytes()
        name = re.sub(r"[^\w .-]", "", parseaddr(sender)[0]).strip()
        message.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=f"{name} - Resume.pdf" if name else "Resume.pdf")
        message.set_boundary(f"pipeline-{_digest(row['body'].encode() + pdf)[:32]}")  # same draft, same bytes
    return message


def to_markdown(row: dict[str, Any]) -> str:
    to = f"{row['recipient']} ({row['role']})" if row["recipient"] else row["role"]
    address = f" <{row['address']}> ({row['address_status']})" if row["address"] else ""
    lines = [f"# {row['title']} at {row['company']}", "", f"- channel: {row['channel']}", f"- to: {to}{address}",
             f"- job: {row['job_id']}" + (" (template draft)" if row["template"] else "")]
    if row["channel"] == "linkedin" and row["profile_url"]:
        lines.append(f"- profile: {row['profile_url']} (note of {len(row['body'])} characters)")
    if row["subject"]:
        lines.append(f"- subject: {row['subject']}")
    if row.get("resume"):
        lines.append(f"- resume: {row['resume']}")
    return "\n".join(lines + ["", row["body"], ""])


class ExportError(Exception):
    """The export cannot be written (the folder is a file, the disk is full); one line, naming the path."""


@dataclass
class Exported:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by a person (or not ours): left alone
    notes: list[str] = field(default_factory=list)  # e.g. a manifest that could not be read


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(rows: list[dict[str, Any]], fmt: str, sender: str) -> dict[str, bytes]:
    """File name -> content, for every row (one drafts.csv for csv)."""
    if fmt == "csv":
        text = io.StringIO(newline="")
        writer = csv.DictWriter(text, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(visible(v) if isinstance(v, str) else v) for k, v in row.items()}
                         for row in rows)
        return {"drafts.csv": text.getvalue().encode("utf-8")}
    files = {}
    rows = [_visible_row(row) for row in rows]
    for row in rows:
        if fmt == "eml" and row["channel"] != "email":  # a LinkedIn note, to paste at the profile it names
            head = f"{row['profile_url']}\n\n" if row["profile_url"] else ""
            files[_name(row, "txt")] = (head + row["body"] + "\n").encode("utf-8")
        elif fmt == "eml":
            files[_name(row, "eml")] = to_eml(row, sender)
        else:
            files[_name(row, "md")] = to_markdown(row).encode("utf-8")
    return files


def export(rows: list[dict[str, Any]], fmt: str, out: Path, sender: str = "") -> Exported:
    """Write the drafts, remove the files of drafts no longer exported, keep edited files.
    ExportError when the folder cannot be made or written (one line, naming the path)."""
    try:
        return _export(rows, fmt, out, sender)
    except OSError as exc:
        where = exc.filename or out
        if exc.errno == errno.ENOSPC:
            raise ExportError(f"disk full at {where}") from None
        raise ExportError(f"cannot write {where}: {exc.strerror or exc}") from None


def _export(rows: list[dict[str, Any]], fmt: str, out: Path, sender: str) -> Exported:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder: name a folder for --out")
    out.mkdir(parents=True, exist_ok=True)
    result = Exported()
    manifest = _manifest(out / MANIFEST, result)
    wanted, kept_manifest = _files(rows, fmt, sender), {}
    for name, data in wanted.items():
        path = out / name
        current = _ours(path)
        if current is not None and current != _digest(data) and (name not in manifest or current != manifest[name]):
            result.kept.append(path)  # edited since we wrote it, or a file (or link) we never wrote
            if name in manifest:
                kept_manifest[name] = manifest[name]
            continue
        _write(out, name, data)
        kept_manifest[name] = _digest(data)
        result.written.append(path)
    for name, digest in manifest.items():
        path = out / name
        if name in wanted or os.sep in name or name in (".", "..") or not os.path.lexists(path):
            continue
        if _ours(path) == digest:
            path.unlink()
            result.removed.append(path)
        else:
            result.kept.append(path)
    _write(out, MANIFEST, json.dumps(kept_manifest, indent=1, sort_keys=True).encode())
    return result


def _ours(path: Path) -> str | None:
    """The digest of a regular file at `path`; None when there is none; '' for anything else
    there (a symlink, a folder): never read, written through or removed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return ""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as f:
        return _digest(f.read())


def _manifest(path: Path, result: Exported) -> dict[str, str]:
    """The folder's manifest, {file name: SHA-256}; one that cannot be read (malformed, not a
    regular file) counts as empty, so every file already there is kept, and the export says so."""
    if not os.path.lexists(path):
        return {}
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as f:
            manifest = json.loads(f.read(10_000_000).decode("utf-8"))
        if isinstance(manifest, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in manifest.items()):
            return manifest
        problem = "not a mapping of file names to digests"
    except (OSError, ValueError) as exc:
        problem = getattr(exc, "strerror", None) or str(exc)
    result.notes.append(f"{path}: cannot be read ({problem[:200]}); every file already in the folder is kept")
    return {}


def _write(out: Path, name: str, data: bytes) -> None:
    """A new file in `out`, renamed onto `name`: a symlink planted there is replaced, never followed."""
    fd, temporary = tempfile.mkstemp(dir=out, prefix=".export-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temporary, out / name)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
