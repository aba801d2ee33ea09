"""The candidate: profile.yaml (and optionally a resume), validated at start with file, line, key."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config.loading import Config
from pipeline.config.yamlfile import Located, check_section, check_type, read_text
from pipeline.errors import ConfigError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
KEYS: dict[str, tuple[tuple[Any, ...], Any]] = {
    "name": ((str,), None), "short_name": ((str,), ""), "email": ((str,), None), "headline": ((str,), ""),
    "summary": ((str,), ""),
    "skills": ((list,), []), "achievements": ((list,), []), "links": ((list,), []), "target_roles": ((list,), []),
    "tone": ((str,), "warm, direct and specific"), "language": ((str,), "English"), "signature": ((str,), ""),
    "resume": ((str, None), None), "fit": ((dict, None), None),
    "cv": ((dict, None), None),  # the resume's facts, in JSON Resume's names: checked by pipeline.resume.cv
}
RESUME_CHARS = 4000
SENIORITY = ("intern", "entry", "mid", "senior", "staff", "lead", "manager", "director")
REMOTE = ("ok", "only", "no")
FIT_LISTS = ("roles", "avoid_titles", "must_have", "nice_to_have", "avoid", "seniority", "locations", "languages",
             "work_from")
FIT_KEYS: dict[str, tuple[tuple[Any, ...], Any]] = {
    **{key: ((list,), None) for key in FIT_LISTS}, "remote": ((str,), "ok"), "min_score": ((int,), 50),
    "top_n_per_day": ((int,), 10), "llm_band": ((list,), [35, 75]), "years": ((int, None), None),
    "open_applications": ((bool,), False),
}
MAX_YEARS = 60


@dataclass(frozen=True)
class FitProfile:
    """What fits the person (profile.yaml's `fit`, with defaults from the rest of the profile)."""

    roles: tuple[str, ...] = ()
    avoid_titles: tuple[str, ...] = ()
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    work_from: tuple[str, ...] = ()  # countries or regions remote work may be done from; default: locations'
    years: int | None = None  # years of experience; None: unknown (the resume may give it, issue #25)
    open_applications: bool = False  # talent pools and open applications may pass min_score
    remote: str = "ok"
    languages: tuple[str, ...] = ("English",)
    min_score: int = 50
    top_n_per_day: int = 10
    llm_band: tuple[int, int] = (35, 75)
    configured: bool = False  # the profile has a `fit` section: gate on min_score, cap at top_n_per_day




@dataclass(frozen=True)
class Profile:
    name: str
    email: str
    short_name: str = ""  # how you sign notes and informal e-mails; empty: your first name
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
    fit: FitProfile = FitProfile()


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
    """Where the person's profile lives (the config's `profile:`, relative to the config file)."""
    return config.profile


def load_profile(path: Path) -> Profile:
    """Read and validate the profile; ConfigError names the file, line and key of a mistake."""
    if not path.is_file():
        raise ConfigError("cannot read the profile: no such file (copy profile.example.yaml)", str(path))
    doc = Located(path, read_text(path))
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
    values.pop("cv")
    resume = values.pop("resume")
    values["resume_text"] = _resume(path.parent / resume, doc) if resume else ""
    values["fit"] = _fit(doc, data.get("fit"), values)
    return Profile(**values)


def _fit(doc: Located, data: Any, profile: dict[str, Any]) -> FitProfile:
    """profile.yaml's `fit`, every key optional; defaults come from the rest of the profile."""
    values = check_section(doc, ("fit",), data, FIT_KEYS)
    for key in FIT_LISTS:
        items = values[key]
        if items is None:
            continue
        if not all(isinstance(v, str) and v.strip() for v in items):
            raise doc.error(("fit", key), "expected a list of text items")
        values[key] = tuple(v.strip() for v in items)
    for level in values["seniority"] or ():
        if level not in SENIORITY:
            raise doc.error(("fit", "seniority"), f"unknown level {level!r} (known: {', '.join(SENIORITY)})")
    if values["remote"] not in REMOTE:
        raise doc.error(("fit", "remote"), f"expected one of {', '.join(REMOTE)}, got {values['remote']!r}")
    if not 0 <= values["min_score"] <= 100:
        raise doc.error(("fit", "min_score"), f"expected 0 to 100, got {values['min_score']!r}")
    band = values["llm_band"]
    if len(band) != 2 or not all(isinstance(b, int) and 0 <= b <= 100 for b in band) or band[0] > band[1]:
        raise doc.error(("fit", "llm_band"), f"expected [low, high] between 0 and 100, got {band!r}")
    values["llm_band"] = (band[0], band[1])
    years = values["years"]
    if years is not None and (isinstance(years, bool) or not 0 <= years <= MAX_YEARS):
        raise doc.error(("fit", "years"), f"expected 0 to {MAX_YEARS} years, got {years!r}")
    defaults = {"roles": profile["target_roles"], "nice_to_have": profile["skills"],
                "languages": (profile["language"],)}
    for key in FIT_LISTS:
        if values[key] is None:
            values[key] = tuple(defaults.get(key, ()))
    return FitProfile(**values, configured=data is not None)
