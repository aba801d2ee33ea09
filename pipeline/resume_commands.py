"""`main.py resume JOB_ID [--out FILE]` and `main.py resume --import resume.json [--replace]`.

The first makes (or keeps, when nothing it shows changed) the job's one-page resume, the same way
the draft stage does, and stores the record on the job; the second turns a JSON Resume file into
the profile's `cv:` section.
"""

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline import constants as c
from pipeline.config import Config
from pipeline.display import out
from pipeline.profile import load_profile, profile_path
from pipeline.resume.cv import json_resume_section, load_cv, write_section
from pipeline.settings import DraftSettings
from pipeline.store import JobStore, open_store


def import_json(config: Config, file: Path, replace: bool) -> int:
    """The JSON Resume file as the profile's cv: section; ConfigError (exit 2) names file, line, field."""
    section, left_out = json_resume_section(file)
    path = profile_path(config)
    done = write_section(path, section, replace)
    counts = {name: len(section.get(name) or []) for name in ("work", "projects", "education", "skills")}
    out(f"{done} the cv: section of {path} from {file}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if left_out:
        out("left out (not printed on a one-page resume, or not JSON Resume fields): " + ", ".join(left_out))
    return c.EXIT_OK


def make(config: Config, job_id: str, copy_to: Path | None) -> int:
    """The job's resume, made or kept, stored on the job; with --out, a copy there too."""
    from pipeline.resume.make import make_resume

    path = profile_path(config)
    cv = load_cv(path) if path.exists() else None
    if cv is None:
        print(f"{path}: no cv: section. Add one (see profile.example.yaml) or import a JSON Resume: "
              "python main.py resume --import resume.json", file=sys.stderr)
        return c.EXIT_USAGE
    store = open_store(config)
    job = store.get(job_id)
    if job is None:
        print(f"{job_id}: no such job", file=sys.stderr)
        return c.EXIT_ERROR
    settings: DraftSettings = config.stage(c.DRAFT)
    made = make_resume(job, cv, load_profile(path), config.root, _ask(config, store), settings.description_chars)
    for note in made.notes:
        out(f"note: {note}", file=sys.stderr)
    stored = store.annotate(job.id, job.status, {"resume": made.record}, {})
    record = made.record
    if record.get("error"):
        kept = f"; the previous one is kept: {record['path']}" if record.get("path") else ""
        out(f"{job_id}: resume not made: {record['error']}{kept}", file=sys.stderr)
        return c.EXIT_ERROR
    out(f"{job_id}: {'made' if made.changed else 'up to date'}: {config.root / record['path']}")
    if copy_to:
        shutil.copyfile(config.root / record["path"], copy_to)
        out(f"copied to {copy_to}")
    if not stored:
        print(f"{job_id}: not stored on the job (a stage is working on it right now); run it again later",
              file=sys.stderr)
        return c.EXIT_ERROR
    return c.EXIT_OK


def _ask(config: Config, store: JobStore) -> Callable[[str, str], str] | None:
    """The LLM step, metered like every call, when a key is set and generator.resume_llm is on."""
    settings: DraftSettings = config.stage(c.DRAFT)
    if not (config.llm_api_key and settings.resume_llm):
        return None
    from pipeline.llm import LLM
    from pipeline.stages.spend import Budget, metered

    return metered(LLM(config), Budget(settings.daily_cost_cap_usd, config.llm.model), store)
