"""The `cv:` section of profile.yaml: the facts a resume may show, under JSON Resume's field names
(jsonresume.org/schema), so a resume kept in that format moves in as is (`main.py resume --import`).

Mistakes are reported like the rest of the profile, with file, line and field. Every highlight
gets an id, explicit (`{id: ..., text: ...}`) or derived from its text, so a selection or an LLM's
choice names facts and never carries text of its own. JSON Resume sections that a one-page resume
does not print (volunteer, awards, publications, interests, references, meta) are accepted and
left aside.
"""

import dataclasses
import datetime
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.config.profile import EMAIL, FitProfile, load_profile
from pipeline.config.yamlfile import Located, check_section, check_type, read_text
from pipeline.errors import ConfigError

Spec = dict[str, tuple[tuple[Any, ...], Any]]
TEXT: tuple[tuple[Any, ...], Any] = ((str,), "")
LIST: tuple[tuple[Any, ...], Any] = ((list,), [])
DATE: tuple[tuple[Any, ...], Any] = ((str, int, datetime.date), "")
# JSON Resume 1.0.0, the parts a resume prints; `id` is ours (JSON Resume allows added fields).
SCHEMA: dict[str, Spec] = {
    "basics": {"name": TEXT, "label": TEXT, "image": TEXT, "email": TEXT, "phone": TEXT, "url": TEXT,
               "summary": TEXT, "location": ((dict,), {}), "profiles": LIST},
    "location": {"address": TEXT, "postalCode": ((str, int), ""), "city": TEXT, "countryCode": TEXT, "region": TEXT},
    "profiles": {"network": TEXT, "username": TEXT, "url": TEXT},
    "work": {"name": TEXT, "position": TEXT, "location": TEXT, "description": TEXT, "url": TEXT, "startDate": DATE,
             "endDate": DATE, "summary": TEXT, "highlights": LIST},
    "projects": {"id": TEXT, "name": TEXT, "description": TEXT, "entity": TEXT, "type": TEXT, "url": TEXT,
                 "startDate": DATE, "endDate": DATE, "highlights": LIST, "keywords": LIST, "roles": LIST},
    "education": {"institution": TEXT, "url": TEXT, "area": TEXT, "studyType": TEXT, "startDate": DATE,
                  "endDate": DATE, "score": ((str, int, float), ""), "courses": LIST},
    "skills": {"name": TEXT, "level": TEXT, "keywords": LIST},
    "languages": {"language": TEXT, "fluency": TEXT},
    "certificates": {"name": TEXT, "date": DATE, "issuer": TEXT, "url": TEXT},
}
LISTS = ("work", "projects", "education", "skills", "languages", "certificates")
REQUIRED = {"work": "position", "projects": "name", "education": "institution", "skills": "name",
            "languages": "language", "certificates": "name"}
ASIDE = ("volunteer", "awards", "publications", "interests", "references", "meta", "$schema")
SECTION: Spec = {"basics": ((dict,), {}), **{key: LIST for key in LISTS},
                 **{key: ((object, None), None) for key in ASIDE}}
ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
DATE_TEXT = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
LEGACY = {"company": "name", "website": "url"}  # work entries' names before JSON Resume 1.0


@dataclass(frozen=True)
class Highlight:
    id: str
    text: str
    where: str  # its field in the profile (cv.work.0.highlights.2), for notes and errors


@dataclass(frozen=True)
class Entry:
    """One of `work` (title: position, org: the employer) or `projects` (title: name, org: entity)."""

    id: str
    where: str
    title: str
    org: str = ""
    location: str = ""
    start: str = ""
    end: str = ""
    url: str = ""
    summary: str = ""
    highlights: tuple[Highlight, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class CV:
    """The validated section. `facts` holds education, skills, languages and certificates as
    checked mappings of their JSON Resume fields, each with its `where`."""

    basics: dict[str, Any]
    work: tuple[Entry, ...] = ()
    projects: tuple[Entry, ...] = ()
    facts: dict[str, tuple[dict[str, Any], ...]] | None = None

    def items(self, section: str) -> tuple[dict[str, Any], ...]:
        return (self.facts or {}).get(section, ())

    def highlights(self) -> dict[str, Highlight]:
        return {h.id: h for entry in (*self.work, *self.projects) for h in entry.highlights}


def derived_id(text: str, prefix: str = "") -> str:
    """A readable id that stays the same while the text does: its first words and a short hash."""
    normal = " ".join(text.split()).lower()
    words = "-".join(re.findall(r"[a-z0-9]+", normal)[:4])[:30].strip("-")
    return f"{prefix}{words or 'item'}-{hashlib.sha1(normal.encode()).hexdigest()[:6]}"


def _where(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path)


def _date(doc: Located, path: tuple[Any, ...], value: Any) -> str:
    """JSON Resume's ISO 8601 dates (YYYY, YYYY-MM, YYYY-MM-DD); YAML reads 2020 as a number and
    2020-01-15 as a date, both taken as written."""
    text = value.isoformat() if isinstance(value, datetime.date) else str(value).strip()
    if text and not DATE_TEXT.match(text):
        raise doc.error(path, f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    return text


def _texts(doc: Located, path: tuple[Any, ...], items: list[Any]) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise doc.error(path, "expected a list of text items")
    return tuple(" ".join(v.split()) for v in items)


def _fields(doc: Located, path: tuple[Any, ...], data: Any, spec: Spec) -> dict[str, Any]:
    """One mapping checked against its spec: unknown fields refused, dates and URLs checked, text
    trimmed; lists of text (keywords, courses, roles) checked here, highlights by the caller."""
    if not isinstance(data, dict):
        raise doc.error(path, f"expected a mapping of JSON Resume fields, got {type(data).__name__}")
    values = check_section(doc, path, data, spec)
    for key, value in values.items():
        at = path + (key,)
        if spec[key] is DATE:
            values[key] = _date(doc, at, value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            values[key] = str(value)
        elif isinstance(value, str):
            values[key] = " ".join(value.split()) if key != "summary" else value.strip()
        elif isinstance(value, list) and key not in ("highlights", "profiles"):
            values[key] = _texts(doc, at, value)
    if values.get("url") and not str(values["url"]).startswith(("http://", "https://")):
        raise doc.error(path + ("url",), f"expected an http(s) URL, got {values['url']!r}")
    return values


def _highlights(doc: Located, path: tuple[Any, ...], items: list[Any]) -> tuple[Highlight, ...]:
    out = []
    for i, item in enumerate(items):
        at = path + (i,)
        if isinstance(item, dict):
            values = check_section(doc, at, item, {"id": TEXT, "text": TEXT})
            text, given = values["text"], values["id"].strip()
            if given and not ID.match(given):
                raise doc.error(at + ("id",), f"an id is 1-48 of a-z, 0-9, - and _, got {given!r}")
        else:
            text, given = check_type(doc, at, item, (str,)), ""
        text = " ".join(str(text).split())
        if not text:
            raise doc.error(at, "a highlight needs its text")
        out.append(Highlight(given or derived_id(text), text, _where(at)))
    return tuple(out)


def _entry(doc: Located, path: tuple[Any, ...], data: Any, section: str) -> Entry:
    v = _fields(doc, path, data, SCHEMA[section])
    if not v[REQUIRED[section]]:
        raise doc.error(path, f"{REQUIRED[section]}: required")
    project = section == "projects"
    if project and v["id"] and not ID.match(v["id"]):
        raise doc.error(path + ("id",), f"an id is 1-48 of a-z, 0-9, - and _, got {v['id']!r}")
    return Entry(id=(v["id"] or derived_id(v["name"], "project-")) if project else "", where=_where(path),
                 title=v["name"] if project else v["position"], org=v["entity"] if project else v["name"],
                 location="" if project else v["location"], start=v["startDate"], end=v["endDate"], url=v["url"],
                 summary=v["description"] if project else v["summary"],
                 highlights=_highlights(doc, path + ("highlights",), v["highlights"]),
                 keywords=v["keywords"] if project else ())


def _basics(doc: Located, path: tuple[Any, ...], data: Any) -> dict[str, Any]:
    basics = _fields(doc, path, data or {}, SCHEMA["basics"])
    if basics["email"] and not EMAIL.match(basics["email"]):
        raise doc.error(path + ("email",), f"not an e-mail address: {basics['email']!r}")
    basics["location"] = _fields(doc, path + ("location",), basics["location"], SCHEMA["location"])
    basics["profiles"] = tuple(_fields(doc, path + ("profiles", i), p, SCHEMA["profiles"])
                               for i, p in enumerate(basics["profiles"]))
    return basics


def parse_cv(doc: Located, data: Any, at: tuple[Any, ...] = ("cv",)) -> CV:
    """The section at `at` of a profile (or the whole of a JSON Resume file, at ())."""
    section = check_section(doc, at, data, SECTION)
    entries: dict[str, tuple[Entry, ...]] = {}
    facts: dict[str, tuple[dict[str, Any], ...]] = {}
    for name in LISTS:
        path = at + (name,)
        if name in ("work", "projects"):
            entries[name] = tuple(_entry(doc, path + (i,), item, name) for i, item in enumerate(section[name]))
            continue
        checked = []
        for i, item in enumerate(section[name]):
            values = _fields(doc, path + (i,), item, SCHEMA[name])
            if not values[REQUIRED[name]]:
                raise doc.error(path + (i,), f"{REQUIRED[name]}: required")
            checked.append({**values, "where": _where(path + (i,))})
        facts[name] = tuple(checked)
    cv = CV(_basics(doc, at + ("basics",), section["basics"]), entries["work"], entries["projects"], facts)
    _unique_ids(doc, cv)
    return cv


def _unique_ids(doc: Located, cv: CV) -> None:
    """Highlights and projects share one namespace (a selection lists both): no id twice."""
    seen: dict[str, str] = {}
    for entry in (*cv.work, *cv.projects):
        for id_, where in ([(entry.id, entry.where)] if entry.id else []) + [(h.id, h.where) for h in entry.highlights]:
            if id_ in seen:
                path = tuple(int(p) if p.isdigit() else p for p in where.split("."))
                raise doc.error(path, f"id {id_!r} is used twice (first at {seen[id_]}): "
                                "the same text twice, or give one an explicit id")
            seen[id_] = where


def load_cv(path: Path) -> CV | None:
    """The profile's `cv:` section, validated; None when the profile has none."""
    doc = Located(path, read_text(path))
    data = doc.data if isinstance(doc.data, dict) else {}
    return None if data.get("cv") is None else parse_cv(doc, data["cv"])


# -- main.py resume --import resume.json ----------------------------------------------------------------


class JsonDoc(Located):
    """A JSON file with the line of every key (JSON is YAML, nearly always), for the same errors."""

    def __init__(self, path: Path, text: str) -> None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"invalid JSON: {exc.msg}", str(path), exc.lineno) from None
        try:
            super().__init__(path, text)
        except ConfigError:  # YAML rejects what JSON allows (a tab before a key): no lines, same checks
            self.file, self.lines = str(path), {}
        self.data = data


def _known(data: Any, spec: Spec, where: str, left_out: list[str], legacy: dict[str, str] | None = None) -> Any:
    """A JSON Resume mapping reduced to the fields we check (older names mapped), empty values
    dropped; what is dropped is named in `left_out`. Anything but a mapping is left for the checks."""
    out = {}
    for key, value in (data.items() if isinstance(data, dict) else ()):
        key = (legacy or {}).get(key, key) if key not in spec else key
        if key not in spec:
            left_out.append(f"{where}.{key}".lstrip("."))
        elif value not in ("", [], {}, None):
            out[key] = value
    return out if isinstance(data, dict) else data


def json_resume_section(path: Path) -> tuple[dict[str, Any], list[str]]:
    """A JSON Resume file as the profile's `cv:` section, checked like the profile (errors name the
    JSON file's line and field), and the fields left out (not JSON Resume's, or not printed)."""
    doc = JsonDoc(path, read_text(path))
    if not isinstance(doc.data, dict):
        raise doc.error((), "expected a JSON Resume object ({\"basics\": ..., \"work\": [...], ...})")
    left_out = [key for key in doc.data if key in ASIDE]
    section = _known({k: v for k, v in doc.data.items() if k not in ASIDE}, SECTION, "", left_out)
    basics = _known(section.get("basics", {}), SCHEMA["basics"], "basics", left_out)
    if "location" in basics:
        basics["location"] = _known(basics["location"], SCHEMA["location"], "basics.location", left_out)
    if "profiles" in basics and isinstance(basics["profiles"], list):
        basics["profiles"] = [_known(p, SCHEMA["profiles"], f"basics.profiles.{i}", left_out)
                              for i, p in enumerate(basics["profiles"])]
    if basics:
        section["basics"] = basics
    for name in LISTS:
        if isinstance(section.get(name), list):
            section[name] = [_known(item, SCHEMA[name], f"{name}.{i}", left_out, LEGACY if name == "work" else None)
                             for i, item in enumerate(section[name])]
    parse_cv(doc, section, ())
    return section, left_out


def section_yaml(section: dict[str, Any]) -> str:
    return yaml.safe_dump({"cv": section}, sort_keys=False, allow_unicode=True, width=100)


def _cv_lines(text: str, path: Path) -> tuple[int, int] | None:
    """Where the profile's top-level `cv:` block sits: (first line, line after it), 0-based; the
    comments and blank lines before the next key stay with that key."""
    doc = Located(path, text)
    if not isinstance(doc.data, dict) or "cv" not in doc.data:
        return None
    start = doc.lines[("cv",)] - 1
    after = [doc.lines[(key,)] - 1 for key in doc.data if doc.lines[(key,)] - 1 > start]
    lines = text.splitlines(keepends=True)
    end = min(after, default=len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return start, end


def write_section(profile: Path, section: dict[str, Any], replace: bool) -> str:
    """Put `cv:` into the profile (a new profile from basics' name and e-mail when there is none),
    keeping every other line and comment; the result is validated before it replaces the file.
    Returns what was done, for the person."""
    block = section_yaml(section)
    if profile.exists():
        text = read_text(profile)
        found = _cv_lines(text, profile)
        if found and not replace:
            raise ConfigError(f"the profile already has a cv: section (line {found[0] + 1}); "
                              "pass --replace to overwrite it", str(profile))
        lines = text.splitlines(keepends=True)
        if found:
            lines[found[0]:found[1]] = [block]
        else:
            lines += (["\n"] if lines and not lines[-1].endswith("\n") else []) + [block]
        new, done = "".join(lines), "replaced" if found else "added"
    else:
        basics = section.get("basics") or {}
        if not (basics.get("name") and basics.get("email")):
            raise ConfigError("no profile yet and the JSON Resume has no basics.name and basics.email: "
                              "copy profile.example.yaml first", str(profile))
        new, done = yaml.safe_dump({"name": basics["name"], "email": basics["email"]},
                                   allow_unicode=True) + block, "created"
    _replace_checked(profile, new)
    return done


def _replace_checked(profile: Path, text: str) -> None:
    """Write beside the profile, load it as the pipeline will (profile and cv), then rename over."""
    fd, name = tempfile.mkstemp(prefix=".profile-", suffix=".yaml", dir=profile.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        if profile.exists():
            os.chmod(temp, profile.stat().st_mode & 0o777)
        try:
            load_profile(temp)
            load_cv(temp)
        except ConfigError as exc:  # named by the profile's own name, not the temporary file's
            raise ConfigError(f"{exc.message} (nothing was changed)", str(profile), exc.line, exc.key) from None
        temp.replace(profile)
    finally:
        temp.unlink(missing_ok=True)


def experience_years(cv: CV | None, today: datetime.date | None = None) -> int | None:
    """Whole years of work the resume's `work` entries cover (overlapping jobs counted once; an
    entry without an end date runs to today); None when no entry has a start date."""
    spans = sorted((_month(e.start), _month(e.end) if e.end else _month((today or datetime.date.today()).isoformat()))
                   for e in (cv.work if cv else ()) if e.start)
    if not spans:
        return None
    months, reach = 0, spans[0][0]
    for start, end in spans:
        start = max(start, reach)
        if end > start:
            months, reach = months + end - start, end
    return months // 12


def _month(text: str) -> int:
    """'2019', '2019-04' or '2019-04-15' -> a month count (a bare year is its January)."""
    year, _, rest = text.partition("-")
    return int(year) * 12 + (int(rest[:2]) - 1 if rest else 0)


def with_resume_years(fit: FitProfile, path: Path) -> FitProfile:
    """The fit profile, its `years` taken from the resume's work dates when the profile does not
    state them (fit.years wins)."""
    if fit.years is not None or not path.is_file():
        return fit
    years = experience_years(load_cv(path))
    return fit if years is None else dataclasses.replace(fit, years=years)
