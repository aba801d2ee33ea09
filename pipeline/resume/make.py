"""One job's resume, made when its inputs changed and never lost.

The fingerprint covers the template folder (fonts included), the typst version and the canonical
JSON of the data the template gets: a changed profile or job that changes what the page would
show makes a new PDF; anything else keeps the one there is. The new PDF replaces the old one only
once it compiled; a failure is recorded beside the old one (`error`, `error_at`), and the job's
state and drafts are the caller's, untouched here.

`job.data["resume"]` is the contract the export, the mailbox and the review page read:
{path (relative to the config's folder), fingerprint, made_at, pages} and, after a failed
regeneration, error and error_at.
"""

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config.profile import Profile
from pipeline.logs import get_logger
from pipeline.records import Job
from pipeline.resume.cv import CV
from pipeline.resume.document import build
from pipeline.resume.render import Renderer, ResumeError, shared
from pipeline.resume.select import llm_rank, rank
from pipeline.timeutil import utc_iso

FOLDER = Path("data/resumes")
KEPT = ("path", "fingerprint", "made_at", "pages")  # a record's fields a failed regeneration keeps
log = get_logger("pipeline.resume")


@dataclass
class Made:
    record: dict[str, Any]  # what job.data["resume"] becomes
    notes: list[str] = field(default_factory=list)
    changed: bool = False   # a new PDF was written


def resume_file(job_id: str) -> Path:
    """Where a job's PDF lives, relative to the config's folder."""
    return FOLDER / f"{re.sub(r'[^A-Za-z0-9_-]', '_', job_id)}.pdf"


def write_private(path: Path, data: bytes) -> None:
    """All at once or not at all (a temporary file renamed over), 0600 in a 0700 folder (or stricter,
    by the umask): a resume carries the person's phone and address."""
    for folder in reversed([path.parent, *path.parent.parents]):
        if not folder.exists():
            folder.mkdir(mode=0o700)
    fd, name = tempfile.mkstemp(prefix=".resume-", suffix=".pdf", dir=path.parent)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _current(previous: dict[str, Any], fingerprint: str, root: Path) -> bool:
    return (previous.get("fingerprint") == fingerprint and not previous.get("error")
            and bool(previous.get("path")) and (root / previous["path"]).is_file())


def make_resume(job: Job, cv: CV, profile: Profile, root: Path, ask: Callable[[str, str], str] | None = None,
                chars: int = 1500, renderer: Renderer | None = None) -> Made:
    """The job's resume record: the previous one when nothing it shows changed, a new PDF when
    something did, or the previous one with the error when making it failed."""
    renderer = renderer or shared()
    previous = job.data.get("resume") or {}
    notes: list[str] = []
    try:
        choice = rank(cv, profile, job)
        document = build(cv, profile, choice, renderer.missing)
        fingerprint = renderer.fingerprint({"data": document.data, "llm": ask is not None})
        if _current(previous, fingerprint, root):
            return Made(previous, document.notes)
        if ask is not None:
            choice = llm_rank(cv, job, choice, ask, chars)
            document = build(cv, profile, choice, renderer.missing)
            notes += [choice.note] if choice.note else []
        notes = document.notes + notes
        rendered = renderer.compile(document.data)
        write_private(root / resume_file(job.id), rendered.pdf)
    except Exception as exc:  # noqa: BLE001 - whatever it was, the job keeps its state, drafts and last PDF
        if not isinstance(exc, (ResumeError, OSError)):
            log.exception("resume failed unexpectedly", job_id=job.id)
        error = str(exc) if isinstance(exc, ResumeError) else f"{type(exc).__name__}: {exc}"
        return Made({**{k: previous[k] for k in KEPT if k in previous}, "error": error, "error_at": utc_iso()}, notes)
    if rendered.left_out:
        notes.append(f"{len(rendered.left_out)} lower-ranked highlight(s) or project(s) left out to fit one page")
    return Made({"path": resume_file(job.id).as_posix(), "fingerprint": fingerprint, "made_at": utc_iso(),
                 "pages": 1}, notes, changed=True)
