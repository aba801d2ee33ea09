"""What a posting asks for, read as a careful applicant reads it: the skills its requirements
section states as required (in the posting's own order), those it calls a plus or nice to have,
and those it only mentions elsewhere. A draft says "the role asks for X" only of the first kind.
"""

import re
from dataclasses import dataclass, field

from pipeline.fit.scorer import mentions

REQUIRED = re.compile(
    r"^(?:requirements?|(?:minimum|basic|required|key) (?:qualifications|requirements|skills)|qualifications|"
    r"must[- ]haves?|what (?:you(?:'ll)? (?:need|bring)|we(?:'re| are) looking for|you should have)|"
    r"who (?:you are|we(?:'re| are) looking for)|you (?:have|bring|are|should have|will need)|about you|"
    r"your (?:profile|skills|background|experience)|skills(?: (?:and|&) experience)?|experience|"
    r"(?:dein|ihr) profil|anforderungen|(?:das|was) (?:bringst du|du mitbringst|sie mitbringen|bringen sie) ?(?:mit)?|"
    r"qualifikation(?:en)?|voraussetzungen|das zeichnet (?:dich|sie) aus)\b", re.I)
OPTIONAL = re.compile(
    r"^(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred(?: qualifications| skills)?|pluses|plus|"
    r"(?:it'?s|it is) a plus|even better|extra credit|good to have|would be great|"
    r"wünschenswert|von vorteil|(?:ein )?plus(?:punkte)?|idealerweise|schön wäre)\b", re.I)
OTHER = re.compile(
    r"^(?:responsibilities|what you(?:'ll| will) do|the role|your role|about (?:us|the (?:role|team|company|job))|"
    r"benefits|perks|what we offer|why (?:join|us)|compensation|salary|how to apply|our (?:team|stack|values)|"
    r"(?:deine|ihre) aufgaben|aufgaben|wir bieten|das bieten wir|über uns|benefits)\b", re.I)
MARKED_OPTIONAL = re.compile(
    r"\b(?:a plus|nice[- ]to[- ]have|bonus|preferred|ideally|is an advantage|are an advantage|helpful|"
    r"not required|optional|desirable|would be great|a big plus|von vorteil|wünschenswert|idealerweise|"
    r"ein plus|gern(?:e)? gesehen)\b", re.I)


@dataclass(frozen=True)
class Asked:
    """The person's skills as this posting asks for them, each list in the posting's order."""

    required: list[str] = field(default_factory=list)
    optional: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)  # no requirements section says either
    has_section: bool = False
    either: list[tuple[str, ...]] = field(default_factory=list)  # asked for as alternatives: 'Go or Python'

    def required_phrases(self, conjunction_or: str) -> list[str]:
        """The required skills as the posting asks for them: alternatives joined by 'or'."""
        phrases, done = [], set()
        for skill in self.required:
            if skill in done:
                continue
            group = next((g for g in self.either if skill in g), (skill,))
            members = [s for s in self.required if s in group]
            done.update(members)
            phrases.append(f" {conjunction_or} ".join(members))
        return phrases


VERB = re.compile(r"\b(?:is|are|required|needed|must|essential|expected|ist|sind|erforderlich|vorausgesetzt)\b", re.I)
LEADING_MARKER = re.compile(r"^(?:ideally|preferably|bonus|plus|idealerweise|gern(?:e)? auch|optional)\b", re.I)


def _heading(line: str) -> str | None:
    """'required', 'optional', 'other' for a line that heads a section; None for a plain line.
    A heading is short and says nothing itself: 'Experience' and 'What you'll need to succeed'
    head sections, 'Experience with Kafka is a plus' is a requirement."""
    text = line.strip().strip("*#•-–: ").strip()
    if not text or len(text.split()) > 8 or text.endswith((".", ",")):
        return None
    for kind, pattern in (("optional", OPTIONAL), ("required", REQUIRED), ("other", OTHER)):
        found = pattern.match(text)
        if not found:
            continue
        tail = text[found.end():].strip(" :!")
        if not tail or (not VERB.search(tail) and not MARKED_OPTIONAL.search(tail) and len(tail.split()) <= 4
                        and not re.match(r"(?:with|in|of|using|building|for|on|mit|im|von)\b", tail, re.I)):
            return kind
    return None


def _clauses(line: str) -> list[str]:
    """A line cut where its requirement changes: sentences and semicolons always; a comma only
    between two parts that each say how much they matter ('Python is required, Kafka is a plus'),
    or before 'ideally' ('Python, ideally also Kafka'); 'Experience with X, Y or Z is a plus' stays whole."""
    found: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+|\s*;\s*", line):
        merged: list[str] = []
        for piece in re.split(r",\s+(?:but\s+|while\s+|whereas\s+|aber\s+)?", part):
            if merged and not VERB.search(merged[-1]) and not LEADING_MARKER.match(piece):
                merged[-1] += ", " + piece
            else:
                merged.append(piece)
        found += [m for m in merged if m.strip()]
    return found


def asked_skills(skills: tuple[str, ...] | list[str], title: str, description: str) -> Asked:
    """Sort the person's skills the posting names into required / optional / mentioned."""
    section = "none"
    found: dict[str, tuple[str, int]] = {}  # skill -> (kind, position)
    position = 0
    has_section = False
    either: list[set[str]] = []
    for line in (description or "").splitlines():
        kind = _heading(line)
        inline = re.match(r"^\s*([^:.]{3,60}):\s*(\S.*)$", line)
        if kind is None and inline and _heading(inline.group(1)):
            kind, line = _heading(inline.group(1)), inline.group(2)
            section = kind or section
            has_section = has_section or kind in ("required", "optional")
        elif kind:
            section = kind
            has_section = has_section or kind in ("required", "optional")
            continue
        for clause in _clauses(line):
            position += 1
            _alternatives(clause, skills, either)
            where = "optional" if section == "optional" or MARKED_OPTIONAL.search(clause) else \
                "required" if section == "required" else "mentioned"
            for skill in skills:
                if skill in found and found[skill][0] == "required":
                    continue
                if mentions(skill, clause):
                    rank = {"required": 0, "optional": 1, "mentioned": 2}
                    if skill not in found or rank[where] < rank[found[skill][0]]:
                        offset = clause.lower().find(skill.lower())
                        found[skill] = (where, position * 1000 + (offset if offset >= 0 else 999))
    for skill in skills:
        if skill not in found and mentions(skill, title or ""):
            found[skill] = ("mentioned", -1)

    def of(kind: str) -> list[str]:
        return [s for s, _ in sorted(((s, p) for s, (k, p) in found.items() if k == kind), key=lambda t: t[1])]
    return Asked(of("required"), of("optional"), of("mentioned"), has_section,
                 [tuple(sorted(g)) for g in either if len(g) > 1])


def _alternatives(clause: str, skills: tuple[str, ...] | list[str], either: list[set[str]]) -> None:
    """Skills a clause offers as alternatives ('Go or Python', 'Spark/Kafka') join one group."""
    lowered = clause.lower()
    placed = sorted((lowered.find(s.lower()), s) for s in skills if s.lower() in lowered and mentions(s, clause))
    for (start, a), (end, b) in zip(placed, placed[1:], strict=False):
        if re.search(r"\bor\b|\boder\b|/", lowered[start + len(a):end]):
            group = next((g for g in either if a in g or b in g), None)
            if group is None:
                either.append({a, b})
            else:
                group.update((a, b))


def spoken_list(items: list[str], conjunction: str) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
