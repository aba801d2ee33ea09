"""What a posting asks for, read as a careful applicant reads it. One reader for every room that
needs it: a draft says "the role asks for X" only of what is required and names a plus as a
plus (outreach); the resume ranks the person's facts by it, must-haves first (resume).

A posting is read in two steps.

1. Its sections (`sections`). Each line falls under the last heading above it: a heading that
   asks (Requirements, What you bring, Dein Profil) opens a *required* section, one that calls
   things a plus (Nice to have, Preferred, Von Vorteil) a *plus* section, any other (What you'll
   do, About us, Benefits, Wir bieten, a heading in the company's voice: "The way we work") an
   *other* one. A heading is a short line that says nothing itself: "Experience" heads a
   section, "Experience with Kafka is a plus" is a requirement; "Requirements: Python, Go"
   heads its own line. A list that ends in a paragraph has ended. Each line is cut into
   clauses where what it asks changes ("Python is required, Kafka is a plus"); what follows
   "preferably", "ideally", "bonus if" is a plus, and so is a clause that says "is a plus"
   itself, in any section. A posting with no required or plus heading at all asks only what its
   sentences say it needs ("We need Go", "3+ years of SQL").
2. The person's terms (`asked`). A term is asked for as the strongest clause that names it
   says (required, then plus, then mentioned), in the posting's order; terms a clause offers as
   alternatives ("Go or Python", "Go, Rust, or Python") are kept together.

The headings' kinds are finer than what a clause asks (duties, offer, about): the outreach hook
reads the posting's own sentences about the company with the same headings.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.fit.scorer import mentions

REQUIRED, PLUS, OTHER = "required", "plus", "other"  # what a clause asks
# What a section holds, besides what is required or a plus: its clauses ask nothing (OTHER).
DUTIES, OFFER, ABOUT = "duties", "offer", "about"
ASKING = (REQUIRED, PLUS)
_RANK = {REQUIRED: 0, PLUS: 1, OTHER: 2}


def _words(*alternatives: str) -> str:
    """One of the alternatives, ending at a word's end."""
    return "(?:" + "|".join(alternatives) + r")(?!\w)"


# -- headings: what a section holds, by the words it starts with ------------------------------------------
# Each family is matched at the start of a heading; what follows must be short and say nothing
# itself (see _tail_is_heading). A family ending in $ must be the whole heading.
_PLUS_HEADINGS = re.compile(_words(
    r"nice[- ]to[- ]haves?", r"(?:bonus|brownie|extra) (?:points?|credit)", r"bonus", r"(?:it'?s |it is )?an? plus",
    r"pluses", r"plus(?:punkte)?", r"preferred(?: (?:qualifications|skills|experience|requirements|knowledge))?",
    r"desired(?: (?:qualifications|skills|experience))?", r"desirable", r"even better(?: if)?", r"good to have",
    r"would be (?:great|nice)", r"ideal(?:ly)?(?: (?:you|if you) (?:have|bring|also))?$",
    r"what would make you stand out", r"(?:you'll |to )?stand out", r"optional",
    r"wünschenswert", r"von vorteil", r"(?:ein )?plus ist", r"idealerweise(?: (?:bringst du|bringen sie|hast du))?",
    r"schön wäre", r"gerne? auch", r"(?:un |les )?atouts?", r"un plus"), re.I)
_REQUIRED_HEADINGS = re.compile(_words(
    r"requirements?", r"(?:minimum|basic|required|key|core|essential|technical|professional|must[- ]have|job) "
    r"(?:qualifications|requirements|skills|experience)", r"qualifications?", r"must[- ]haves?", r"must have",
    r"what (?:you(?:'ll| will)? (?:need|bring|have|should have|know)|we(?:'re| are) looking for|"
    r"we (?:expect|need|require|want)|it takes)",
    r"we(?:'re| are) looking for", r"who (?:you are|we(?:'re| are) looking for|you'll be)",
    r"(?:the |our )?ideal candidate", r"(?:you|you'll|you will|you should) (?:have|bring|are|need|will need|have got)$",
    r"about you", r"is this you\??", r"this is you", r"(?:your|the) (?:profile|skills|background|experience|expertise|"
    r"qualifications|toolkit|strengths|requirements)",
    r"(?:relevant |required |technical |desired )?(?:skills|experience|expertise|knowledge|background)"
    r"(?:\s*(?:&|and|,|/|und)\s*(?:skills|experience|expertise|knowledge|background|education|qualifications))*$",
    r"(?:critical|essential|required|mandatory)$", r"to (?:succeed|be successful)",
    r"(?:dein|ihr|euer|unser) (?:profil|anforderungsprofil)", r"anforderungen", r"anforderungsprofil", r"profile?",
    r"(?:das|was) (?:bringst du|du mitbringst|sie mitbringen|bringen sie|solltest du|sollten sie)"
    r" ?(?:mit(?:bringen)?)?",
    r"was wir (?:von (?:dir|ihnen) )?erwarten", r"was (?:du|sie) (?:brauchst|brauchen|kannst|können)",
    r"qualifikation(?:en)?", r"voraussetzungen", r"das zeichnet (?:dich|sie) aus", r"(?:deine|ihre) "
    r"(?:skills|kenntnisse|erfahrung|qualifikationen|kompetenzen|fähigkeiten)", r"kenntnisse", r"erfahrung",
    r"(?:votre )?profil(?: recherché)?", r"compétences(?: requises)?"), re.I)
_DUTY_HEADINGS = re.compile(_words(
    r"(?:key |main |your |core )?responsibilities", r"duties", r"tasks",
    r"what you(?:'ll| will)? (?:do|be doing|work on|achieve|own|learn)",
    r"(?:how|where) you(?:'ll| will)? (?:make|spend)", r"your (?:role|mission|impact|day|challenge|tasks)",
    r"(?:the )?(?:impact|difference) you(?:'ll| will)? (?:make|have)",
    r"in this role(?: you(?:'ll| will))?", r"(?:a )?typical day", r"day[- ]to[- ]day", r"(?:a )?day in the life",
    r"(?:deine|ihre|die) (?:aufgaben|rolle|mission|verantwortung)", r"aufgaben(?:gebiet|bereich)?",
    r"was (?:dich|sie) erwartet", r"(?:vos |les )?missions"), re.I)
_OFFER_HEADINGS = re.compile(_words(
    r"(?:our |the )?(?:benefits|perks|offer)", r"compensation", r"salary", r"pay(?: range)?", r"location",
    r"(?:what|how) we (?:offer|take care)", r"what(?:'s| is) in it for you", r"why (?:join|us|you|work)",
    r"equal opportunity", r"diversity", r"inclusion", r"our commitment", r"(?:how|where) to apply",
    r"(?:the |our )?(?:hiring|interview|application|recruiting) process", r"next steps", r"wir bieten",
    r"das bieten wir", r"was wir (?:dir |ihnen )?bieten", r"unser angebot", r"warum wir", r"(?:deine|ihre) vorteile",
    r"kontakt", r"bewerbung", r"nous offrons", r"avantages"), re.I)
_ABOUT_HEADINGS = re.compile(_words(
    r"about(?: us| the \w+)?", r"about \w+$", r"who we are", r"(?:tech|technology) stack",
    r"(?:our|the) (?:team|stack|tech stack|values|culture|mission|story|product|company|process|tools|role|"
    r"position|job|opportunity|challenge)",
    r"(?:what|how) we (?:work|build|do)", r"overview", r"(?:job |position |role )?(?:summary|description|overview)",
    r"über uns", r"wer wir sind", r"le poste", r"à propos"), re.I)
_FAMILIES = ((PLUS, _PLUS_HEADINGS), (REQUIRED, _REQUIRED_HEADINGS), (DUTIES, _DUTY_HEADINGS),
             (OFFER, _OFFER_HEADINGS), (ABOUT, _ABOUT_HEADINGS))

# -- markers inside a clause ---------------------------------------------------------------------------------
# The clause is a plus: "Kafka is a plus", "Go (nice to have)", "Kenntnisse in Go sind von Vorteil".
_PLUS_MARK = re.compile(r"\b(?:an? (?:strong |big |huge |great |real |definite )?(?:plus|bonus|advantage)|"
                        r"bonus points|nice[- ]to[- ]have|(?:is|are) preferred|preferred(?=\s*(?:[.,;:)]|$))|"
                        r"advantageous|desirable|(?:is|are|would be|will be) (?:very |extremely )?helpful|"
                        r"would be (?:great|nice|ideal)|not (?:required|a must|mandatory|necessary)|"
                        r"(?:is|are) optional|\(optional\)|von vorteil|wünschenswert|ein plus|pluspunkt\w*|"
                        r"gern(?:e)? gesehen|un plus|un atout)", re.I)
# What follows is a plus: "SQL, ideally Snowflake", "5 years, preferably in SaaS".
_PLUS_AFTER = re.compile(r"\b(?:preferabl[ey]|ideally|bonus (?:if|for)|even better(?: if)?|better yet|plus if|"
                         r"idealerweise|vorzugsweise|gerne? auch|de préférence|idéalement)\b", re.I)
# The clause says it is needed: read only in a posting without a required or plus heading.
_REQUIRED_MARK = re.compile(r"\b(?:required|requires?|must|needs?|needed|essential|mandatory|"
                            r"you(?:'ve| have| bring| know)|experience (?:with|in|of|using|building|running)|"
                            r"\d+\+? ?(?:years?|yrs)|years of|proficien\w*|fluen\w*|knowledge of|familiar(?:ity)? with|"
                            r"background in|erforderlich|vorausgesetzt|voraussetzung|musst|müssen|"
                            r"zwingend|erfahrung (?:mit|in|im)|kenntnisse)\b", re.I)
# A part that says how much it matters: a comma after it may start a part that says otherwise.
_VERB = re.compile(r"\b(?:is|are|required|needed|must|essential|expected|ist|sind|erforderlich|vorausgesetzt)\b",
                   re.I)
_REQUIREMENT_WORD = re.compile(r"\b(?:experience|skills?|knowledge|expertise|familiar\w*|proficien\w*|background|"
                               r"qualifications?|erfahrung\w*|kenntnisse|fähigkeiten|kompetenzen)\b", re.I)
_PREPOSITION = re.compile(r"(?:with|in|of|for|on|at|to|from|across|mit|im|in|von|bei|für|[a-z]+ing)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦–—+]|\d{1,2}[.)])\s+")
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")
_COMPANY_VOICE = re.compile(r"(?i:\b(?:we|we're|we'll|we've|our|wir|uns|unser\w*|nous|notre)\b)|\b[Uu]s\b")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_ABBREVIATIONS = r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bz\.B\.)(?<!\bbzw\.)(?<!\bvs\.)(?<!\bca\.)(?<!\bincl\.)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"(?<=[.!?])\s+(?=\S)")
PROSE = 300  # characters: a line this long after a list's items is a paragraph, not an item
LIST_PROSE = 120  # a line this long without a bullet, after bulleted items, has left the list
HEADING_WORDS, HEADING_CHARS = 8, 70


@dataclass(frozen=True)
class Clause:
    text: str
    kind: str  # REQUIRED, PLUS or OTHER


@dataclass(frozen=True)
class Reading:
    """A posting's clauses in order, each with what it asks; `headed`: it has a required or plus section."""

    clauses: tuple[Clause, ...]
    headed: bool

    def text(self, kind: str) -> str:
        return "\n".join(c.text for c in self.clauses if c.kind == kind)


def _plain(line: str) -> str:
    """A line as a heading reads: no markdown around it, no final colon."""
    return _MARKUP.sub("", line.translate(_QUOTES).strip()).rstrip(":： ").strip()


_SMALL_WORDS = frozenset("a an the and or of to in on at by for with from & und oder der die das mit".split())


def _title_case(text: str) -> bool:
    """Every word but the small ones capitalised: 'How We'll Take Care of You', not 'We use Kafka'."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


def _tail_is_heading(tail: str, whole: str) -> bool:
    """What follows a heading's family words, when the line is still a heading: nothing, or a few
    words that say nothing ('Requirements for this role', 'Skills & Experience'); not a claim
    ('Experience with Kafka', 'You have 5 years of Go', 'Bonus is paid yearly')."""
    tail = tail.strip(" :!?-–&/,")
    if not tail:
        return True
    capital_ok = _title_case(whole) or whole.isupper()
    return (len(tail.split()) <= 4 and not re.search(r"\d", tail) and not _VERB.search(tail)
            and not _PLUS_MARK.search(tail) and not _PREPOSITION.match(tail)
            and (capital_ok or not any(w[:1].isupper() for w in tail.split())))


def _family(text: str) -> str | None:
    for kind, pattern in _FAMILIES:
        found = pattern.match(text)
        if found and _tail_is_heading(text[found.end():], text):
            return kind
    return None


def heading(line: str, after_heading: bool = False) -> str | None:
    """What the section a line heads holds (REQUIRED, PLUS, DUTIES, OFFER, ABOUT, or OTHER when its
    words are not known); None for a line that says something.
    A heading is short, is no bullet and ends no sentence. Known words decide its kind; a heading
    of unknown words is one by its form (a final colon, markdown, capitals, the company's own
    voice: "The way we work"), and then holds what its words say it holds, else other things.
    Right after a heading, only known words make a heading ('Requirements' then 'Python and Go')."""
    if _BULLET.match(line):
        return None
    text = _plain(line)
    if not text or len(text) > HEADING_CHARS or len(text.split()) > HEADING_WORDS or text[-1] in ".,;":
        return None
    kind = _family(text)
    if kind or after_heading:
        return kind
    stripped = line.strip()
    by_form = stripped.endswith(":") or stripped.startswith(("#", "**", "__")) or \
        (text.isupper() and len(re.sub(r"\W", "", text)) > 3)
    voice = bool(_COMPANY_VOICE.search(text)) and not _VERB.search(text) and \
        (_title_case(text) or not any(w[:1].isupper() for w in text.split()[1:]))
    if not (by_form or voice):
        return None
    if _PLUS_MARK.search(text) or _PLUS_AFTER.search(text):
        return PLUS
    return REQUIRED if by_form and _REQUIREMENT_WORD.search(text) and not voice else OTHER


def _split_commas(text: str) -> list[str]:
    """The parts of a clause between commas outside brackets ('(e.g. French, Spanish)' stays whole)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def clauses(line: str) -> list[str]:
    """A line cut where what it asks may change: sentences and semicolons always; a comma only
    after a part that says how much it matters ('Python is required, Kafka is a plus') or
    before a plus ('SQL, ideally Snowflake'); 'Experience with X, Y or Z is a plus' stays whole."""
    found: list[str] = []
    for sentence in _SENTENCE_END.split(line):
        for part in re.split(r"\s*;\s*", sentence):
            merged: list[str] = []
            for piece in _split_commas(part):
                lead = re.sub(r"^\s*(?:but|while|whereas|aber|jedoch)\s+", "", piece, flags=re.I)
                if merged and not _VERB.search(merged[-1]) and not _PLUS_AFTER.match(lead.strip()):
                    merged[-1] += "," + piece
                else:
                    merged.append(piece.strip() if not merged else lead.strip())
            found += [m.strip() for m in merged if m.strip()]
    return found


def _kinds(clause: str, section: str, headed: bool) -> list[Clause]:
    """A clause with what it asks, cut where a plus starts ('5 years, preferably in SaaS'). In a
    posting with no required or plus section, the clause's own words say whether it is needed."""
    cut = _PLUS_AFTER.search(clause)
    head, tail = (clause[:cut.start()], clause[cut.start():]) if cut else (clause, "")
    if not headed:
        section = REQUIRED if _REQUIRED_MARK.search(head) else OTHER
    found = [Clause(head.strip(), PLUS if _PLUS_MARK.search(head) else section)] if head.strip(" ,;:-–(") else []
    return found + ([Clause(tail.strip(), PLUS)] if tail else [])


def sections(description: str | None) -> Reading:
    """The posting's clauses, each required, plus or other (see the module's docstring)."""
    lines = [line.translate(_QUOTES) for line in (description or "").splitlines() if line.strip()]
    headed = any(heading(line) in ASKING or _inline(line)[0] in ASKING for line in lines)
    found: list[Clause] = []
    section, items, bulleted, after_heading = OTHER, 0, False, False
    for line in lines:
        kind = heading(line, after_heading)
        if kind:
            section, items, bulleted, after_heading = kind, 0, False, True
            found.append(Clause(_plain(line), OTHER))  # a heading names things, it asks for none
            continue
        after_heading = False
        label, rest = _inline(line)
        here = label or section
        if label and not (label == PLUS and section == REQUIRED):  # 'Nice to have: Kafka' in a list is an aside
            section, items, bulleted = label, 0, False
        elif section in ASKING and items and _left_the_list(line, bulleted):
            section = here = OTHER  # a paragraph after the list's items: a mission statement, the team
        items += 1
        bulleted = bulleted or bool(_BULLET.match(line))
        for clause in clauses(_BULLET.sub("", rest)):
            found += _kinds(clause, here if here in ASKING else OTHER, headed)
    return Reading(tuple(found), headed)


def _left_the_list(line: str, bulleted: bool) -> bool:
    """A line after a section's items that is no item: a long paragraph, or prose after bullets."""
    return len(line) > PROSE or (bulleted and not _BULLET.match(line) and len(line) > LIST_PROSE)


def _inline(line: str) -> tuple[str | None, str]:
    """(what the label heads, the rest) for 'Requirements: Python, Go'; (None, line) otherwise."""
    found = re.match(r"^\s*(?:[-*•·▪●◦–]\s*)?\**([^:.]{3,60}?)\**:\**\s+(\S.*)$", line)
    if found:
        kind = _family(_plain(found.group(1)))
        if kind:
            return kind, found.group(2)
    return None, line


# -- the person's terms as the posting asks for them ----------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    """The person's terms as this posting asks for them, each list in the posting's order."""

    required: list[str] = field(default_factory=list)
    plus: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)  # named, but asked for by no clause (and the title)
    has_section: bool = False  # the posting has a required or plus section
    either: list[tuple[str, ...]] = field(default_factory=list)  # asked for as alternatives: 'Go or Python'
    reading: Reading = field(default_factory=lambda: Reading((), False))

    def kind_of(self, term: str) -> str | None:
        """'required', 'plus', 'mentioned' or None (not named)."""
        return next((k for k, terms in (("required", self.required), ("plus", self.plus),
                                        ("mentioned", self.mentioned)) if term in terms), None)

    def required_phrases(self, conjunction_or: str) -> list[str]:
        """The required terms as the posting asks for them: alternatives joined by 'or'."""
        phrases, done = [], set()
        for term in self.required:
            if term in done:
                continue
            group = next((g for g in self.either if term in g), (term,))
            members = [t for t in self.required if t in group]
            done.update(members)
            phrases.append(f" {conjunction_or} ".join(members))
        return phrases


def asked(terms: Iterable[str], title: str, description: str | None) -> Asked:
    """Sort the person's terms the posting names into required / plus / mentioned."""
    terms = list(dict.fromkeys(terms))
    reading = sections(description)
    found: dict[str, tuple[str, int]] = {}  # term -> (kind, position)
    either: list[set[str]] = []
    for position, clause in enumerate(reading.clauses, 1):
        lowered = clause.text.lower()
        named = [t for t in terms if mentions(t, clause.text, lowered)]
        _alternatives(clause.text, named, either)
        for term in named:
            if term not in found or _RANK[clause.kind] < _RANK[found[term][0]]:
                offset = lowered.find(term.lower())
                found[term] = (clause.kind, position * 1000 + (offset if offset >= 0 else 999))
    for term in terms:
        if term not in found and mentions(term, title or ""):
            found[term] = (OTHER, -1)

    def of(kind: str) -> list[str]:
        return [t for t, _ in sorted(((t, p) for t, (k, p) in found.items() if k == kind), key=lambda tp: tp[1])]
    return Asked(of(REQUIRED), of(PLUS), of(OTHER), reading.headed,
                 [tuple(sorted(g)) for g in either if len(g) > 1], reading)


_OR = re.compile(r"^\W*(?:,\s*)?(?:or|oder|ou|/|either)?\W*$|^\s*/\s*$", re.I)


def _alternatives(clause: str, named: list[str], either: list[set[str]]) -> None:
    """Terms a clause offers as alternatives join one group: 'Go or Python', 'Spark/Kafka', and a
    list that ends in 'or' ('TypeScript, Node.js, or Python'); 'and' ends a list."""
    lowered = clause.lower()
    placed = sorted((at, t) for t in named if (at := lowered.find(t.lower())) >= 0)
    run: list[str] = []
    for (start, a), (end, b) in zip(placed, placed[1:], strict=False):
        gap = lowered[start + len(a):end]
        if _OR.match(gap) and len(gap) < 12:
            run = run or [a]
            run.append(b)
            if re.search(r"\bor\b|\boder\b|\bou\b|/", gap):
                _join(either, run)
                run = [b]
        else:
            run = []


def _join(either: list[set[str]], run: list[str]) -> None:
    group = next((g for g in either if g & set(run)), None)
    if group is None:
        either.append(set(run))
    else:
        group.update(run)


def spoken_list(items: list[str], conjunction: str) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
