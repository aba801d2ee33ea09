"""The candidate: profile.yaml (and optionally a resume), validated at start with file, line, key."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import constants as c
from pipeline.config import Config
from pipeline.errors import ConfigError
from pipeline.settings import DraftSettings
from pipeline.yamldoc import Located, check_type

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
KEYS: dict[str, tuple[tuple[Any, ...], Any]] = {
    "name": ((str,), None), "email": ((str,), None), "headline": ((str,), ""), "summary": ((str,), ""),
    "skills": ((list,), []), "achievements": ((list,), []), "links": ((list,), []), "target_roles": ((list,), []),
    "tone": ((str,), "warm, direct and specific"), "language": ((str,), "English"), "signature": ((str,), ""),
    "resume": ((str, None), None),
}
RESUME_CHARS = 4000


@dataclass(frozen=True)
class Profile:
    name: str
    email: str
    headline: str = ""
    summary: str = ""
    skills: tuple[str, ...] = ()
    achievements: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    target_roles: tuple[str, ...] = ()
    tone: str = "warm, direct and specific"
    language: str = "English"
    signature: str = ""
    resume_text: str = ""


def _resume(path: Path, doc: Located) -> str:
    if not path.exists():
        raise doc.error(("resume",), f"no such file: {path}")
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        except (PdfReadError, OSError, ValueError) as exc:
            raise doc.error(("resume",), f"cannot read the PDF {path}: {exc}") from None
    elif path.suffix.lower() in (".txt", ".md", ".markdown", ""):
        text = path.read_text(encoding="utf-8", errors="replace")
    else:
        raise doc.error(("resume",), f"{path.name}: use a .txt, .md or .pdf file")
    return re.sub(r"\n{3,}", "\n\n", text).strip()[:RESUME_CHARS]


def profile_path(config: Config) -> Path:
    """Where the draft stage's profile lives (generator.profile, relative to the config file)."""
    settings: DraftSettings = config.stage(c.DRAFT)
    return config.root / settings.profile


def load_profile(path: Path) -> Profile:
    """Read and validate the profile; ConfigError names the file, line and key of a mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the profile: {exc.strerror} (copy profile.example.yaml)", str(path)) from None
    doc = Located(path, text)
    data = doc.data or {}
    if not isinstance(data, dict):
        raise doc.error((), "the profile must be a mapping of fields")
    for key in data:
        if key not in KEYS:
            raise doc.error((key,), f"unknown field (known: {', '.join(KEYS)})")
    values: dict[str, Any] = {}
    for key, (types, default) in KEYS.items():
        if key not in data:
            if default is None and key in ("name", "email"):
                raise doc.error((), f"{key}: required")
            values[key] = default
            continue
        values[key] = check_type(doc, (key,), data[key], types)
        if isinstance(values[key], list):
            if not all(isinstance(v, str) and v.strip() for v in values[key]):
                raise doc.error((key,), "expected a list of text items")
            values[key] = tuple(v.strip() for v in values[key])
    if not values["name"].strip() or len(values["name"].split()) > 6:
        raise doc.error(("name",), f"expected your name, got {values['name']!r}")
    if not EMAIL.match(values["email"]):
        raise doc.error(("email",), f"not an e-mail address: {values['email']!r}")
    for link in values["links"]:
        if not link.startswith(("http://", "https://")):
            raise doc.error(("links",), f"expected http(s) URLs, got {link!r}")
    resume = values.pop("resume")
    values["resume_text"] = _resume(path.parent / resume, doc) if resume else ""
    return Profile(**values)
