"""Drafts out of the store: a listing, and files a person opens to review and send by hand.

`.eml` files carry `X-Unsent: 1`, so mail clients open them as drafts, with To (when the recipient
has an address) and Subject filled; LinkedIn notes are exported as text, never sent anywhere.
"""

import csv
import re
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from pipeline.records import Job

FORMATS = ("eml", "md", "csv")
CSV_FIELDS = ("job_id", "company", "title", "channel", "recipient", "role", "address", "address_status",
              "subject", "body", "template", "cost", "created_at")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """OWASP's rule for CSV injection: a cell a spreadsheet would evaluate gets a leading quote."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def draft_rows(jobs: list[Job]) -> list[dict[str, Any]]:
    """One row per draft, flat enough for a table, JSON or CSV."""
    rows = []
    for job in jobs:
        for n, draft in enumerate(job.data.get("drafts", []), 1):
            to = draft.get("recipient") or {}
            rows.append({"job_id": job.id, "n": n, "company": job.company, "title": job.title,
                         "channel": draft["channel"], "recipient": to.get("name", ""), "role": to.get("role", ""),
                         "address": to.get("address", ""), "address_status": to.get("address_status", ""),
                         "subject": draft.get("subject", ""), "body": draft["body"],
                         "template": draft.get("template", False), "cost": draft.get("cost", 0.0),
                         "created_at": draft.get("created_at", "")})
    return rows


def _name(row: dict[str, Any], suffix: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", f"{row['company']} {row['title']}".lower()).strip("-")[:60]
    return f"{row['job_id']}-{row['n']}-{row['channel']}-{slug}.{suffix}"


def _header(value: str) -> str:
    """A header value on one line: CR/LF from a title or name would end the header (or crash)."""
    return " ".join(str(value).split())


def to_eml(row: dict[str, Any], sender: str) -> bytes:
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
    message.set_content(row["body"])
    return bytes(message)


def to_markdown(row: dict[str, Any]) -> str:
    to = f"{row['recipient']} ({row['role']})" if row["recipient"] else row["role"]
    address = f" <{row['address']}> ({row['address_status']})" if row["address"] else ""
    lines = [f"# {row['title']} at {row['company']}", "", f"- channel: {row['channel']}", f"- to: {to}{address}",
             f"- job: {row['job_id']}" + (" (template draft)" if row["template"] else "")]
    if row["subject"]:
        lines.append(f"- subject: {row['subject']}")
    return "\n".join(lines + ["", row["body"], ""])


def export(rows: list[dict[str, Any]], fmt: str, out: Path, sender: str = "") -> list[Path]:
    """Write the drafts; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path = out / "drafts.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=CSV_FIELDS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
        return [path]
    written = []
    for row in rows:
        if fmt == "eml" and row["channel"] != "email":
            path = out / _name(row, "txt")
            path.write_text(row["body"] + "\n", encoding="utf-8")
        elif fmt == "eml":
            path = out / _name(row, "eml")
            path.write_bytes(to_eml(row, sender))
        else:
            path = out / _name(row, "md")
            path.write_text(to_markdown(row), encoding="utf-8")
        written.append(path)
    return written
