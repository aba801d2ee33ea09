"""The hook: the one company fact that links the company to the person's proof.

Candidates are the visible sentences of the company's pages (companies.pages keeps them with their
page), the LinkedIn description and the job's own text outside its requirements. Each is scored by
what it shares with the job's requirements and the person's chosen achievement, and by how
concrete it is (numbers, scale, stack, customers, funding and what it is for); taglines and meta
descriptions are never candidates, marketing words count against a sentence, and anything that
fails the checks a company summary passes (links, addresses, orders, money) is dropped. The
chosen sentence is said in the person's voice ("we" becomes "you"), never quoted.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.fit import requirements
from pipeline.fit.scorer import mentions
from pipeline.outreach.drafts import PHONE, DraftRejected, check_summary
from pipeline.outreach.voice import company_name, lower_first

MIN_SCORE = 2.0
STOP = {"the", "and", "for", "are", "was", "our", "you", "its", "has", "had", "but", "not", "all", "can", "who", "how",
        "per", "one", "two", "new", "now", "der", "die", "das", "ein", "mit", "von", "für", "auf", "ist", "wir",
        "with", "from", "that", "this", "have", "their", "about", "into", "over", "more", "than", "they", "them",
        "what", "when", "which", "while", "where", "your", "ours", "also", "each", "every", "most", "some", "such",
        "these", "those", "very", "just", "only", "will", "would", "could", "should", "being", "been", "were",
        "und", "oder", "eine", "einer", "einem", "einen", "nicht", "auch", "sich", "sind", "wird", "werden"}
NUMBER = re.compile(r"\d|\b(?:million|billion|thousand|hundreds?|dozens?|millionen|milliarden|tausend)\b", re.I)
SCALE = re.compile(r"\b(?:customers?|users?|clients?|companies|businesses|teams?|cities|countries|markets?|deliveries|"
                   r"requests?|transactions?|events?|devices?|robots?|warehouses?|orders?|records?|patients?|"
                   r"hospitals?|merchants?|developers?|engineers?|per (?:second|minute|day|month|year)|a (?:day|month)|"
                   r"kunden|städte|ländern?|anlagen|geräte|nutzer\w*)\b", re.I)
FUNDING = re.compile(r"\b(?:raised|series [a-e]|seed round|funding|funded|finanzierung\w*)\b.*\b(?:to|um|für)\b", re.I)
def _words(*alternatives: str) -> re.Pattern[str]:
    """Whole words or phrases (regular expressions each), case-insensitive."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


TECH = _words("api", "apis", "engine", "platform", r"pipelines?", "data", "infrastructure", r"services?", "backend",
              "database", r"real[- ]time", "latency", "scale", "scaling", r"models?", "machine learning",
              r"open[- ]source", "stack", "distributed", "cloud", r"sensors?", "software", r"systems?", r"steuer\w*",
              "plattform", "daten")
MARKETING = _words("leading", "best", r"world[- ]class", r"revolutionar\w*", r"revolutioni[sz]\w*", "innovative",
                   r"cutting[- ]edge", "passionate", "mission", r"empower\w*", r"seamless\w*", r"next[- ]gen\w*",
                   r"unlock\w*", r"transform\w*", r"disrupt\w*", "future of", "amazing", "awesome", "exciting",
                   "love", r"award[- ]winning", "trusted by", "premier", "ultimate", r"effortless\w*", r"magic\w*",
                   r"delight\w*", "vision", "dream", r"führende\w*", r"innovativ\w*", "care deeply", r"passion\w*",
                   "believe", "belief", r"high[- ]impact", r"fast[- ]moving", "ambitious", "world's", "fundamentally",
                   "craft")
BOILERPLATE = _words("equal opportunity", "diversity", "inclusive", r"discriminat\w*", "accommodation",
                     r"disabilit\w*", "veteran", "gender", "race", "religion", r"benefits?", "vacation", r"holidays?",
                     "salary", "compensation", "equity", "401k", "pension", "health insurance", "insurance",
                     "parental", "apply", "application", r"cookies?", "privacy", "copyright", "rights reserved", "visa",
                     "relocation", r"remote[- ]first", "office dog", r"perks?", "bonus", "wellbeing", "gym", "lunch",
                     "snacks", r"recruit\w*", r"interview\w*", "hiring", r"bewerb\w*", "gehalt", "urlaub",
                     r"chancengleich\w*")
TO_READER = re.compile(r"\byou(?:r|rs|'ll|'re|'ve|'d)?\b|\bdu\b|\bdein\w*\b|\bdich\b|\bdir\b|\bihr\b|\beuch\b|"
                       r"\beuer\w*\b", re.I)
IMPERATIVE = re.compile(r"^(?:build|run|work|help|lead|keep|join|own|design|shape|drive|make|create|develop|write|"
                        r"maintain|scale|ship|grow|take|be|bring|collaborate|partner|support|manage|define|deliver|"
                        r"improve|turn|use|apply|contribute|mentor|operate|automate|architect|implement|solve|tackle|"
                        r"get|come|learn|play|set|partner|establish|ensure|champion|identify|analy[sz]e|prototype|"
                        r"mitgestalten|entwickle|baue|arbeite|hilf|unterstütze|übernimm|gestalte|betreue)\b", re.I)
OPENING_PHRASE = re.compile(r"^(?:founded|based|backed|headquartered|located|started|born|built|made|trusted|loved|"
                            r"used|gegründet|mit sitz)\b", re.I)
HISTORY = re.compile(r"\b(?:founded|gegründet|since \d{4}|seit \d{4}|started in|was born)\b", re.I)
REQUIREMENT_WORDS = re.compile(r"\b(?:experience|familiarity|knowledge|proficien\w*|degree|years of|ability|skills?|"
                               r"qualifications?|required|preferred|a plus|nice to have|bonus|must|should|"
                               r"erfahrung|kenntnisse|vorteil|wünschenswert|studium)\b", re.I)
POSTAL = re.compile(r"\b\d{4,5}\s+[A-ZÄÖÜ][a-zäöüß]+|\b(?:str\.|straße|strasse|weg|street|avenue|suite)\b\s*\d", re.I)
PROFILE_FACT = re.compile(r"\b\d+[- ](?:person|people|strong)\b|\bemployees\b|\bbased in\b|\bheadquartered\b|"
                          r"\boffices? in\b|\bcompany in\b|^\S+(?: \S+)? (?:is|are|ist) (?:the|a|an|ein|eine)\b", re.I)
AGENCY = re.compile(r"\b(?:our|unser) (?:client|kunde)\b", re.I)  # an agency's posting: not the company's words
HOOK_PAGES = ("home", "about", None)  # team and contact pages hold names and addresses, not facts

# The job's own sections whose sentences are about the applicant, not the company: never a hook.
JOB_SECTIONS_SKIPPED = (requirements.REQUIRED, requirements.PLUS, requirements.DUTIES, requirements.OFFER)


@dataclass(frozen=True)
class Hook:
    text: str        # the fact in the person's voice, without a final stop
    original: str    # the sentence as the page has it (kept in `used`, never quoted)
    source: str      # the page (or posting) it came from
    score: float
    shared: tuple[str, ...]  # the words and skills it shares with the proof and the job
    near: bool = False  # it shares a skill, or two words, with the proof: the link can be said


def _content_words(text: str) -> set[str]:
    """Words of three letters or more (API, SQL), cut to five: 'pipelines' and 'pipeline' agree."""
    return {w[:5] for w in re.findall(r"[a-zäöüß0-9]{3,}", text.lower()) if w not in STOP}


def _same(a: str, b: str) -> bool:
    a, b = re.sub(r"\W+", " ", a.lower()).strip(), re.sub(r"\W+", " ", b.lower()).strip()
    return bool(a and b) and (a == b or (len(a.split()) >= 4 and a in b) or (len(b.split()) >= 4 and b in a))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"“„])", re.sub(r"\s+", " ", text)) if s.strip()]


def candidates(company: dict[str, Any] | None, job_text: str, job_url: str,
               name: str = "") -> list[tuple[str, str, str]]:
    """(sentence, source, where) of every candidate fact: the company's page sentences (or, for a
    record enriched before they were kept, its excerpts), the LinkedIn description, and the job's
    own text outside its requirements, benefits and duties."""
    company = company or {}
    facts = company.get("facts") or {}
    found: list[tuple[str, str, str]] = []
    statements = company.get("statements")
    if statements:
        found += [(str(s["text"]), str(s.get("source") or ""), f"page:{s.get('tag')}") for s in statements
                  if s.get("tag") not in ("h1", "h2", "h3") and s.get("page") in HOOK_PAGES]
    else:
        for key in ("excerpt", "about_excerpt"):
            fact = facts.get(key) or {}
            for line in str(fact.get("value") or "").splitlines():
                if len(line.split()) >= 7:
                    found += [(s, str(fact.get("source") or ""), "page:p") for s in _sentences(line)]
    linkedin = facts.get("description") or {}
    found += [(s, str(linkedin.get("source") or ""), "linkedin") for s in _sentences(str(linkedin.get("value") or ""))]
    skipping = False
    names = "|".join(re.escape(n) for n in {company_name(name), name} if n)
    subject = re.compile(rf"^(?:we|our|the company|the team{'|' + names if names else ''})\b", re.I)
    for line in _paragraphs(job_text):
        heads = requirements.heading(line)
        if heads:
            skipping = heads in JOB_SECTIONS_SKIPPED
            continue
        if not skipping and not re.match(r"\s*[-•*–·]", line):  # a bullet is a duty or a requirement
            # the posting's own sentences about the company, not its duties ('Build the APIs ...')
            found += [(s, job_url, "job") for s in _sentences(line) if subject.match(s)]
    return found


def _paragraphs(text: str) -> list[str]:
    """Lines joined where a sentence was wrapped: a line that does not end a sentence, followed by
    one that starts in lower case."""
    lines: list[str] = []
    for line in (text or "").splitlines():
        if lines and lines[-1] and lines[-1][-1:] not in ".!?:" and line[:1].islower():
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.strip())
    return lines


def _usable(sentence: str, taglines: list[str], language: str) -> bool:
    """A plain statement about the company: not a tagline, not addressed to the reader (a duty,
    a sales line), no question, no boilerplate, nothing a company summary may not carry."""
    n = len(sentence.split())
    if not 7 <= n <= 30 or AGENCY.search(sentence) or sentence[-1:] in "?!:" or PHONE.search(sentence) or \
            "\"" in sentence or not re.match(r"[A-ZÄÖÜ0-9]", sentence):
        return False
    if any(_same(sentence, t) for t in taglines) or TO_READER.search(sentence) or BOILERPLATE.search(sentence):
        return False
    if IMPERATIVE.match(sentence) or OPENING_PHRASE.match(sentence) or REQUIREMENT_WORDS.search(sentence) or \
            POSTAL.search(sentence) or sentence[:1] in "-•*–·(":
        return False
    if language == "german" and re.search(r"\buns\b", sentence, re.I):  # dative or accusative: cannot be turned
        return False
    try:
        check_summary(sentence, sentence)
    except DraftRejected:
        return False
    return True


def score(sentence: str, where: str, proof: str, job_words: set[str],
          skills: list[str]) -> tuple[float, tuple[str, ...], bool]:
    """How well a sentence links the company to the proof, and how concrete it is."""
    shared_skills = [s for s in skills if mentions(s, sentence)]
    shared_proof = sorted(_content_words(sentence) & _content_words(proof))
    shared_job = _content_words(sentence) & job_words
    points = 2.0 * bool(NUMBER.search(sentence)) + 1.0 * bool(SCALE.search(sentence)) + \
        1.0 * bool(FUNDING.search(sentence)) + min(4.0, 2.0 * len(shared_skills)) + \
        min(2.0, 0.5 * len(TECH.findall(sentence))) + min(3.0, 1.0 * len(shared_proof)) + \
        min(1.5, 0.3 * len(shared_job)) - 1.5 * len(MARKETING.findall(sentence)) - \
        2.0 * bool(HISTORY.search(sentence)) - 2.0 * bool(PROFILE_FACT.search(sentence))
    points += {"job": -0.5, "linkedin": -0.5}.get(where, 0.0) + \
        0.3 * bool(re.match(r"(?i)(we|our|wir|unser)", sentence))
    near = any(mentions(s, proof) for s in shared_skills) or len(shared_proof) >= 2
    return points, tuple(shared_skills + shared_proof), near


def choose(company: dict[str, Any] | None, job_title: str, job_text: str, job_url: str, legal_name: str,
           proof: str, skills: list[str], language: str, formal: bool) -> Hook | None:
    """The best-scoring usable fact, in the person's voice; None when nothing scores MIN_SCORE
    (no hook beats a vapid one)."""
    taglines = [str(t) for t in (company or {}).get("taglines") or []]
    job_words = _content_words(f"{job_title} {job_text}")
    best: Hook | None = None
    seen: set[str] = set()
    for sentence, source, where in candidates(company, job_text, job_url, legal_name):
        if sentence.lower() in seen or not _usable(sentence, taglines, language):
            continue
        seen.add(sentence.lower())
        voiced = in_voice(sentence, legal_name, language, formal)
        if not voiced:
            continue
        points, shared, near = score(sentence, where, proof, job_words, skills)
        if points >= MIN_SCORE and (best is None or points > best.score):
            best = Hook(voiced, sentence, source, round(points, 2), shared, near)
    return best


_EN_SWAPS = (("we're", "you're"), ("we've", "you've"), ("we'd", "you'd"), ("we'll", "you'll"),
             ("ourselves", "yourselves"), ("ours", "yours"), ("our", "your"), ("we", "you"), ("us", "you"))
_DE_FORMAL = (("wir", "Sie"), ("unserer", "Ihrer"), ("unseren", "Ihren"), ("unserem", "Ihrem"), ("unseres", "Ihres"),
              ("unsere", "Ihre"), ("unser", "Ihr"))


def in_voice(sentence: str, legal_name: str, language: str, formal: bool) -> str:
    """The company's sentence as the person says it to the company: 'Our robots learn ...' ->
    'your robots learn ...', the legal name as people say it, no final stop. German casual
    cannot turn 'wir steuern' into 'ihr steuert' without conjugating: such a sentence is not used."""
    text = sentence.strip().rstrip(".")
    if legal_name:
        text = text.replace(legal_name, company_name(legal_name))
    if language == "german":
        if re.search(r"\b(?:wir|unser\w*)\b", text, re.I):
            if not formal:
                return ""
            for old, new in _DE_FORMAL:
                text = re.sub(rf"\b{old}\b", new, text, flags=re.I)
        return text
    for old, new in _EN_SWAPS:  # 'us', never 'US' (the country)
        text = re.sub(rf"\b(?:{old}|{old.capitalize()})\b", _swap(new), text)
    return _lower_start(text, legal_name)


COMMON_STARTS = set("""a an the this that these those our your their its my every each all many most some more
over under about around nearly almost half one two three four five six seven eight nine ten in on at by with from for
today now since after before during last next this median average customers clients users teams companies
businesses people engineers developers couriers terminals warehouses cities countries millions thousands hundreds
dozens everything nothing something both while when where what why how there here it he she they you your""".split())


def _swap(new: str) -> Callable[[re.Match[str]], str]:
    return lambda m: new.capitalize() if m.group(0)[0].isupper() else new


def _lower_start(text: str, legal_name: str) -> str:
    """The sentence's first word in lower case, to follow 'I read that', when it is a common word
    that starts sentences; a name (the company's, or one unknown here) keeps its capital, and the
    template then frames it after a colon instead."""
    first = text.split(" ", 1)[0]
    names = {w for w in re.findall(r"\w+", company_name(legal_name))}
    if first.strip(",") in names or first[1:] != first[1:].lower() or first.isupper():
        return text
    return lower_first(text) if first.lower().strip(",") in COMMON_STARTS else text


def needs_colon(hook: Hook, legal_name: str) -> bool:
    """A hook that starts with a capital that is not a name reads right only after a colon."""
    first = hook.text.split(" ", 1)[0].strip(",")
    names = {w for w in re.findall(r"\w+", company_name(legal_name))}
    return first[:1].isupper() and first not in names and first[1:] == first[1:].lower() and not first.isupper()
