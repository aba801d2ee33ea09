"""How a person writes, not a mail merge: names as people say them, achievements as sentences,
sentences cut at their ends, and the phrasing of each part picked per message so two drafts of
one person never read the same.

cleanco strips legal suffixes (GmbH, Inc., Ltd, AS, B.V., S.A., ... of many countries): a
maintained table beats a hand-written one that misses the next country.
"""

import hashlib
import re

from cleanco import basename
from nameparser import HumanName

from pipeline.config.profile import Profile

_GENDER = re.compile(r"\s*[\(\[](?:[mwfdx]|all genders?|alle geschlechter|gn\*?|w\*m\*d|h/f|f/h|m/f/d|m/w/d|w/m/d|"
                     r"d/m/w|f/m/x|m/f/x|w/m/x)(?:\s*/\s*[mwfdx])*\s*[\)\]]", re.I)
_TITLE_TAIL = re.compile(r"\s+[-–—|]\s+(?:(?:fully\s+)?remote|hybrid|on-?site|home\s*office|"
                         r"(?:[A-ZÄÖÜ][\w.äöüß-]+(?:[ ,/]+[A-ZÄÖÜ][\w.äöüß-]+){0,3}))\s*$")
PAST_VERB = re.compile(r"^(?:\w+ed|built|led|cut|ran|made|grew|wrote|rewrote|rebuilt|took|brought|drove|set|won|"
                       r"got|began|kept|taught|found|held|shipped|sped|spun|put|saw|brought|lead|own(?:ed)?)$", re.I)


def company_name(name: str) -> str:
    """The name people say: 'Acme Robotics GmbH' -> 'Acme Robotics', 'Foo, Inc.' -> 'Foo'."""
    name = re.sub(r"\s+", " ", name or "").strip()
    short = basename(name).strip(" ,")
    return short or name


def strip_legal(text: str, legal_name: str) -> str:
    """Text with the company's legal name said as people say it ('Acme Robotics GmbH' -> 'Acme Robotics')."""
    short = company_name(legal_name)
    return text.replace(legal_name, short) if legal_name and short and legal_name != short else text


def role_title(title: str, location: str = "") -> str:
    """A job title as a person says it: no gender markers '(m/w/d)', no trailing location or
    'Remote' after a dash; 'Senior Backend Engineer (m/w/d) - Berlin' -> 'Senior Backend Engineer'."""
    title = _GENDER.sub("", re.sub(r"\s+", " ", title or "")).strip(" -–|,")
    shorter = _TITLE_TAIL.sub("", title).strip()
    tail = title[len(shorter):].lower()
    if shorter and shorter != title and (not location or any(w in tail for w in re.findall(r"\w+", location.lower()))
                                         or re.search(r"remote|hybrid|site|office", tail)):
        title = shorter
    return title


def short_name(profile: Profile) -> str:
    """How the person signs a note or an informal e-mail: `short_name`, else their first name."""
    return profile.short_name.strip() or str(HumanName(profile.name).first or profile.name.split()[0])


def pick(options: tuple[str, ...] | list[str], *seed: str) -> str:
    """One of several phrasings, the same for the same seed (a job, a person, a part), another
    for another: reproducible drafts that do not read alike."""
    if not options:
        return ""
    digest = hashlib.sha1("\x00".join(seed).encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def sentence(text: str) -> str:
    """Text ending in one full stop (or its own ? or !)."""
    text = text.strip()
    return text if text[-1:] in ".!?" else f"{text}."


def lower_first(text: str) -> str:
    """'Led the migration' -> 'led the migration'; 'API latency', 'GraphQL', 'Kubernetes' stay."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:] != first[1:].lower() or first.isupper()):
        return text
    return text[:1].lower() + text[1:]


def achievement_clause(achievement: str, language: str) -> str:
    """An achievement as the person says it. English bullets start with a past verb ('Cut p99
    latency ...') and become 'I cut p99 latency ...'; others are kept as a result after a colon."""
    text = achievement.strip().rstrip(".")
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if language == "english":
        if first in ("I", "I've", "I'd"):
            return sentence(text)
        if PAST_VERB.match(first):
            return sentence(f"I {lower_first(text)}")
    return ""


def proof_phrase(achievement: str) -> str:
    """The head of an achievement, for a subject or a short note: 'Cut p99 API latency from 900 ms
    to 120 ms by reworking the caching layer' -> 'Cut p99 API latency from 900 ms to 120 ms'."""
    text = achievement.strip().rstrip(".")
    head = re.split(r"\s+(?:by|through|using|via|with|while|durch|mit|indem)\s+|[;:,(]\s*", text, maxsplit=1)[0]
    return head if len(head.split()) >= 4 else text


def words(text: str) -> int:
    return len(text.split())
