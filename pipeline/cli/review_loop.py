"""`main.py drafts review`: the new drafts in the terminal, best-scoring job first, grouped by job,
one key per answer. Every answer is stored at once through service.actions, as the page's and the
scripts' are, and confirmed on its own line.

On a terminal a key acts at once (Enter after it is harmless); elsewhere a line is read. Text is
wrapped at word boundaries to the terminal's width; drafts of one job with the same text are
shown once, with everyone they go to.
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.cli.display import out, terminal_safe
from pipeline.config.loading import Config
from pipeline.outreach import review
from pipeline.outreach.recipients import GUESS, OLD_PUBLISHED, PERSONAL, ROLE, address_kind
from pipeline.service import actions
from pipeline.states import State
from pipeline.store import Job, JobStore, open_store

PROMPT = "[a]pprove  [e]dit  [r]eject  [s]kip  [q]uit  [?] help > "
HELP = """  a  approve: it may be sent (an e-mail needs an address: add one with e)
  e  edit in $VISUAL or $EDITOR: the To, Subject and body lines (the original is kept)
  r  reject, with a reason if you like
  s  skip: leave it new for later
  q  quit: every answer so far is already stored
  ?  this help
  Keys act at once on a terminal; Enter after a key is fine."""
NOTE_CHARS = 300


@dataclass
class Item:
    """One thing to decide: a draft, or several drafts of one job with the same text."""

    job: Job
    numbers: list[int]  # draft numbers (from 1) that share this text

    @property
    def draft(self) -> dict[str, Any]:
        return dict(self.job.data["drafts"][self.numbers[0] - 1])


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


def wrapped(text: str, width: int | None = None, indent: str = "") -> str:
    """Text wrapped at word boundaries (never inside a word or a link), its line breaks kept."""
    width = width or _width()
    lines = []
    for line in terminal_safe(text).splitlines() or [""]:
        lines += textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent,
                               break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]
    return "\n".join(lines)


def address_line(to: dict[str, Any]) -> str:
    """The address and how honest it is: whose, and where it was found."""
    address, kind, source = to.get("address") or "", address_kind(to), to.get("address_source") or ""
    if not address:
        return "address: none (add one with e, or reject)"
    label = {PERSONAL: "their own, published", ROLE: "a shared inbox, asked to pass it on",
             GUESS: f"a pattern guess ({float(to.get('confidence') or 0):.0%}), not verified",
             review.ENTERED: "entered by you"}.get(kind, "published" if to.get("address_status") == OLD_PUBLISHED
                                                   else kind or "unknown")
    where = f" on {source}" if source.startswith("http") else f"; {source}" if source and kind == GUESS else ""
    return f"address: {address}  [{label}{where}]"


def show(item: Item, index: int, total: int) -> None:
    draft, job = item.draft, item.job
    to = draft.get("recipient") or {}
    flag = "edited" if "original" in draft else "template" if draft.get("template") else "model"
    numbers = ", ".join(map(str, item.numbers))
    out()
    out(wrapped(f"── {index} of {total} · {job.company} · {job.title} · job {job.id} draft {numbers} "
                f"({draft['channel']}, {flag})"))
    people = [job.data["drafts"][n - 1].get("recipient") or {} for n in item.numbers]
    for person in people:
        who = person.get("name") or "hiring team"
        out(wrapped(f"to:      {who}" + (f" ({person['role']})" if person.get("role") else "")))
    if draft["channel"] == "linkedin":
        url = to.get("profile_url") or "no profile URL"
        out(wrapped(f"profile: {url}  · note {len(draft['body'])} of {NOTE_CHARS} characters"))
    else:
        out(wrapped(address_line(to)))
    if draft.get("roles"):
        out(wrapped(f"roles:   {', '.join(draft['roles'])} (one message for both postings)"))
    if draft.get("subject"):
        out(wrapped(f"subject: {draft['subject']}"))
    out()
    out(wrapped(draft["body"], indent="  "))
    out()


def _edit(draft: dict[str, Any], editor: str) -> tuple[str, str, str | None]:
    """The draft in $EDITOR: 'To:' and 'Subject:' lines (e-mail), a blank line, the body."""
    to = draft.get("recipient") or {}
    head = f"To: {to.get('address') or ''}\nSubject: {draft.get('subject', '')}\n\n" if draft["channel"] == "email" \
        else ""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(head + draft["body"] + "\n")
        path = f.name
    try:
        subprocess.run([*shlex.split(editor), path], check=True)
        edited = Path(path).read_text(encoding="utf-8")
    finally:
        os.unlink(path)
    subject, address = draft.get("subject", ""), None
    while draft["channel"] == "email" and edited.startswith(("To:", "Subject:")):
        first, _, edited = edited.partition("\n")
        if first.startswith("To:"):
            address = first.removeprefix("To:").strip()
        else:
            subject = first.removeprefix("Subject:").strip()
    return subject, edited.strip("\n"), address


class Keys:
    """One answer at a time: a single key on a terminal (Enter ignored), else a line."""

    def __init__(self, ask: Callable[[str], str] | None) -> None:
        self.ask = ask
        self.single = ask is None and sys.stdin.isatty()

    def read(self, prompt: str) -> str:
        if not self.single:
            return (self.ask or input)(prompt).strip().lower()[:1]
        with _cbreak():  # before the prompt: a key pressed as soon as it shows is read as a key
            print(prompt, end="", flush=True)
            while True:
                key = os.read(sys.stdin.fileno(), 1).decode(errors="replace")
                if key not in ("\r", "\n", ""):
                    break
                if key == "":
                    raise EOFError
        print(key if key.isprintable() else "")
        return key.lower()

    def line(self, prompt: str) -> str:
        return (self.ask or input)(prompt).strip()


@contextmanager
def _cbreak() -> Iterator[None]:
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def items(store: JobStore, status: str) -> list[Item]:
    """New drafts grouped by job (best score first); drafts of one job with the same text, once."""
    found = []
    for job in store.list_jobs(status, sort="score"):
        seen: dict[tuple[str, str, str], Item] = {}
        for n, draft in enumerate(job.data.get("drafts") or [], 1):
            if review.state_of(draft) != review.NEW:
                continue
            key = (draft["channel"], draft.get("subject", ""), draft["body"])
            if key in seen:
                seen[key].numbers.append(n)
            else:
                seen[key] = Item(job, [n])
                found.append(seen[key])
    return found


def held_back(store: JobStore) -> None:
    """Postings held back as suspicious: the person decides, not the pipeline."""
    flagged = [j for j in store.list_jobs(State.SKIPPED) if (j.data.get("suspicious") or {}).get("reasons")
               and not j.data["suspicious"].get("cleared_at")]
    if flagged:
        out(wrapped(f"{len(flagged)} posting(s) held back as suspicious, not drafted (`main.py show JOB_ID` to read, "
                    "`main.py clear-suspicious JOB_ID` to draft after all):"))
        for job in flagged:
            out(wrapped(f"  {job.id}  {job.company} · {job.title}: {'; '.join(job.data['suspicious']['reasons'])}"))


def interactive(config: Config, status: str, ask: Callable[[str], str] | None = None) -> int:
    """`drafts review`: every new draft, best-scoring job first; each answer is stored at once."""
    store = open_store(config)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    keys = Keys(ask)
    counts = {"approved": 0, "rejected": 0, "edited": 0, "skipped": 0}
    held_back(store)
    todo = items(store, status)
    if not todo:
        out("no new drafts to review")
    for index, item in enumerate(todo, 1):
        if _decide(store, item, index, len(todo), keys, editor, counts) == "quit":
            break
    return _done(counts)


def _decide(store: JobStore, item: Item, index: int, total: int, keys: Keys, editor: str,
            counts: dict[str, int]) -> str:
    """Ask about one item until it is answered; 'quit' to stop."""
    while True:
        job = store.get(item.job.id) or item.job
        item = Item(job, [n for n in item.numbers if n <= len(job.data.get("drafts") or [])
                          and review.state_of(job.data["drafts"][n - 1]) == review.NEW])
        if not item.numbers:
            return "next"
        show(item, index, total)
        try:
            answer = keys.read(PROMPT)
        except EOFError:
            answer = "q"
        if answer == "?":
            out(wrapped(HELP))
            continue
        if answer == "q":
            return "quit"
        if answer == "s":
            counts["skipped"] += 1
            out(f"skipped: job {job.id} draft {', '.join(map(str, item.numbers))} stays new")
            return "next"
        if answer in ("a", "e", "r") and _act(store, item, answer, keys, editor, counts):
            return "next"
        if answer not in ("a", "e", "r"):
            out(f"no such key {answer!r}: press ? for help")


def _act(store: JobStore, item: Item, answer: str, keys: Keys, editor: str, counts: dict[str, int]) -> bool:
    """Carry out approve / edit / reject on the item's drafts and confirm it; False when refused."""
    job, who = item.job, ", ".join((item.job.data["drafts"][n - 1].get("recipient") or {}).get("name") or "hiring team"
                                   for n in item.numbers)
    # the first write only if nothing changed the job since it was shown (its updated_at): an answer
    # given meanwhile elsewhere is never undone; the item's other drafts follow the first
    versions = [job.updated_at] + [None] * (len(item.numbers) - 1)
    try:
        if answer == "e":
            subject, body, address = _edit(item.draft, editor)
            for n, version in zip(item.numbers, versions, strict=True):
                actions.edit_draft(store, job.id, n, subject, body, address, version=version)
            counts["edited"] += 1
            out(f"edited: job {job.id} draft {', '.join(map(str, item.numbers))} (the original is kept); "
                "now approve or reject it")
            return False
        reason = keys.line("reason (optional, Enter for none) > ") if answer == "r" else ""
        action = "approve" if answer == "a" else "reject"
        for n, version in zip(item.numbers, versions, strict=True):
            actions.review_drafts(store, job.id, action, n, reason, version=version)
        counts["approved" if answer == "a" else "rejected"] += 1
        out(f"{action.rstrip('e')}ed: job {job.id} draft {', '.join(map(str, item.numbers))} to {who}"
            + (f" ({reason})" if reason else ""))
        return True
    except (subprocess.CalledProcessError, OSError) as exc:
        out(f"not changed: {exc}")
    except actions.Refused as exc:  # a Conflict too: the job is read again, and asked about again if still new
        out(f"not changed: {exc}")
    return False


def _done(counts: dict[str, int]) -> int:
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return c.EXIT_OK
