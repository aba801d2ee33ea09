"""The template's data: the chosen facts as plain one-line strings, in the shape
template/resume.typ lays out. Every string passes textclean.visible, is cut at a word with a note
when it is longer than its limit, and is checked against the fonts: a character they cannot show
is an error naming its field, never an empty box on the page.

Contact lines show the city, region and country, never a street address or postal code. The
template decides what fits on one page; `ranked` tells it what to give up first.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.config.profile import Profile
from pipeline.fit.scorer import mentions
from pipeline.resume.cv import CV, Entry
from pipeline.resume.render import ResumeError
from pipeline.resume.select import Asks, Choice
from pipeline.text import visible

LIMITS = {"highlight": 300, "summary": 600, "line": 240, "title": 120, "keyword": 40, "contact": 80}
MAX_KEYWORDS = 14  # per skill group, the job's first
LETTER_COUNTRIES = ("US", "CA", "MX", "PH", "CL", "CO")  # where US Letter is the paper
WORDS = {
    "en": {"resume": "Resume", "experience": "Experience", "projects": "Projects", "skills": "Skills",
           "education": "Education", "certificates": "Certificates", "languages": "Languages", "present": "Present",
           "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"},
    "de": {"resume": "Lebenslauf", "experience": "Berufserfahrung", "projects": "Projekte", "skills": "Kenntnisse",
           "education": "Ausbildung", "certificates": "Zertifikate", "languages": "Sprachen", "present": "heute",
           "months": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez."},
}
LANGUAGE_CODES = {"english": "en", "en": "en", "englisch": "en", "german": "de", "deutsch": "de", "de": "de"}


@dataclass
class Document:
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)  # what was cut, for the person


class _Writer:
    """Makes each string safe for the page and remembers what it had to cut."""

    def __init__(self, missing: Callable[[str], str]) -> None:
        self.missing = missing
        self.notes: list[str] = []

    def text(self, value: Any, where: str, limit: str = "line") -> str:
        text = " ".join(visible(str(value or "")).split())
        most = LIMITS[limit]
        if len(text) > most:
            cut = text[:most - 1]
            at_word = cut.rsplit(" ", 1)[0]
            cut = at_word if len(at_word) > most * 0.6 else cut  # a word longer than that is cut inside
            self.notes.append(f"{where}: cut from {len(text)} to {len(cut) + 1} characters to fit the page")
            text = cut.rstrip(" ,;:-–") + "…"
        bad = self.missing(text)
        if bad:
            names = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in bad[:5])
            raise ResumeError(f"{where}: the resume's font has no {names}: write it without them")
        return text


def _date(text: str, words: dict[str, str]) -> str:
    if len(text) >= 7:
        return f"{words['months'].split()[int(text[5:7]) - 1]} {text[:4]}"
    return text


def dates(start: str, end: str, words: dict[str, str]) -> str:
    """'Jan 2020 – Present', '2018 – 2020', 'Mar 2021' (an end alone)."""
    if not start:
        return _date(end, words)
    return f"{_date(start, words)} – {_date(end, words) if end else words['present']}"


def _entry(w: _Writer, entry: Entry, words: dict[str, str], bullets: list[dict[str, str]],
           project: bool) -> dict[str, Any]:
    return {"id": entry.id if project else "", "style": "heading", "bullets": bullets,
            "title": w.text(entry.title, entry.where + (".name" if project else ".position"), "title"),
            "org": w.text(entry.org, entry.where + (".entity" if project else ".name"), "title"),
            "place": w.text(entry.location, entry.where + ".location", "title"),
            "when": dates(entry.start, entry.end, words),
            "line": w.text(entry.summary, entry.where + ".description", "line") if project else ""}


def _inline(title: str, line: str) -> dict[str, Any]:
    return {"id": "", "style": "inline", "title": title, "line": line, "org": "", "place": "", "when": "",
            "bullets": []}


def _rank_of(keyword: str, asks: Asks) -> int:
    """0 a must-have, 1 matched, 2 a plus, 3 not asked for."""
    for n, kind in enumerate((asks.required, asks.matched, asks.plus)):
        if any(term.lower() == keyword.lower() or mentions(term, keyword) for term in kind):
            return n
    return 3


def _skills(w: _Writer, cv: CV, profile: Profile, asks: Asks) -> list[dict[str, Any]]:
    """One line per skill group, its keywords and the groups themselves in the order of the job's
    asks (stable otherwise); groups without keywords, or the profile's skills when the cv lists
    none, share one line."""
    def ordered(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(items, key=lambda item: _rank_of(item[0], asks))[:MAX_KEYWORDS]

    groups = [(s, ordered([(k, f"{s['where']}.keywords") for k in s["keywords"]]))
              for s in cv.items("skills") if s["keywords"]]
    groups.sort(key=lambda g: _rank_of(g[1][0][0], asks))
    lines = [_inline(w.text(s["name"], s["where"] + ".name", "title"),
                     ", ".join(w.text(k, where, "keyword") for k, where in keywords)) for s, keywords in groups]
    loose = [(s["name"], s["where"] + ".name") for s in cv.items("skills") if not s["keywords"]]
    if not cv.items("skills"):
        loose = [(skill, "skills") for skill in profile.skills]
    if loose:
        lines.append(_inline("", ", ".join(w.text(k, where, "keyword") for k, where in ordered(loose))))
    return lines


def _education(w: _Writer, cv: CV, words: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for e in cv.items("education"):
        degree = ", ".join(x for x in (e["studyType"], e["area"]) if x)
        out.append({"id": "", "style": "heading", "bullets": [], "place": "",
                    "title": w.text(degree or e["institution"], e["where"] + ".area", "title"),
                    "org": w.text(e["institution"] if degree else "", e["where"] + ".institution", "title"),
                    "when": dates(e["startDate"], e["endDate"], words),
                    "line": w.text(e["score"], e["where"] + ".score", "title")})
    return out


def _certificates(w: _Writer, cv: CV, words: dict[str, str]) -> list[dict[str, Any]]:
    return [{"id": "", "style": "heading", "bullets": [], "place": "", "line": "",
             "title": w.text(c["name"], c["where"] + ".name", "title"),
             "org": w.text(c["issuer"], c["where"] + ".issuer", "title"), "when": dates("", c["date"], words)}
            for c in cv.items("certificates")]


def _languages(w: _Writer, cv: CV) -> list[dict[str, Any]]:
    spoken = [w.text(f"{x['language']} ({x['fluency']})" if x["fluency"] else x["language"], x["where"], "title")
              for x in cv.items("languages")]
    return [_inline("", "  ·  ".join(spoken))] if spoken else []


def _link(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def _contact(w: _Writer, cv: CV, profile: Profile) -> list[dict[str, str]]:
    """E-mail, phone, where (city, region, country: no street), the person's web pages."""
    b = cv.basics
    place = ", ".join(x for x in (b["location"]["city"], b["location"]["region"], b["location"]["countryCode"]) if x)
    email = b["email"] or profile.email
    items = [{"text": w.text(email, "cv.basics.email", "contact"), "href": f"mailto:{email}"},
             {"text": w.text(b["phone"], "cv.basics.phone", "contact"), "href": ""},
             {"text": w.text(place, "cv.basics.location", "contact"), "href": ""}]
    urls = [b["url"], *(p["url"] for p in b["profiles"])] if b["url"] or b["profiles"] else list(profile.links)
    for url in dict.fromkeys(u for u in urls if u):
        items.append({"text": w.text(_link(url), "cv.basics.profiles", "contact"),
                      "href": url if url.startswith(("https://", "http://")) else ""})
    return [item for item in items if item["text"]]


def _work_and_projects(w: _Writer, cv: CV, choice: Choice, words: dict[str, str]) -> tuple[list[Any], list[Any]]:
    """Every work entry (a gap tells a story too), with its chosen highlights best first; the chosen
    projects in the profile's order."""
    position = {id_: n for n, id_ in enumerate(choice.ids)}

    def bullets(entry: Entry) -> list[dict[str, str]]:
        chosen = sorted((h for h in entry.highlights if h.id in position), key=lambda h: position[h.id])
        return [{"id": h.id, "text": w.text(h.text, h.where, "highlight")} for h in chosen]
    work = [_entry(w, e, words, bullets(e), project=False) for e in cv.work]
    projects = [_entry(w, p, words, bullets(p), project=True) for p in cv.projects if p.id in position]
    return work, projects


def language_code(profile: Profile) -> str:
    """The profile's language when the template speaks it (English, German), else English."""
    return LANGUAGE_CODES.get(profile.language.strip().lower(), "en")


def build(cv: CV, profile: Profile, choice: Choice, missing: Callable[[str], str]) -> Document:
    """The template's data for one job's choice; `missing` names the characters the fonts lack."""
    w, lang = _Writer(missing), language_code(profile)
    words = WORDS[lang]
    b = cv.basics
    name = w.text(b["name"] or profile.name, "cv.basics.name", "title")
    work, projects = _work_and_projects(w, cv, choice, words)
    sections = [(words["experience"], work), (words["skills"], _skills(w, cv, profile, choice.asks)),
                (words["projects"], projects), (words["education"], _education(w, cv, words)),
                (words["certificates"], _certificates(w, cv, words)), (words["languages"], _languages(w, cv))]
    shown = {h["id"] for entry in (*work, *projects) for h in entry["bullets"]} | {p["id"] for p in projects}
    data = {"title": f"{name} – {words['resume']}", "name": name, "lang": lang,
            "label": w.text(b["label"] or profile.headline, "cv.basics.label", "title"),
            "paper": "us-letter" if b["location"]["countryCode"].upper() in LETTER_COUNTRIES else "a4",
            "contact": _contact(w, cv, profile),
            "summary": w.text(b["summary"] or profile.summary, "cv.basics.summary", "summary"),
            "sections": [{"title": title, "entries": entries} for title, entries in sections if entries],
            "ranked": [id_ for id_ in choice.ids if id_ in shown]}
    return Document(data, w.notes)
