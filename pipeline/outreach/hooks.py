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
from dataclasses import dataclass
from typing import Any

from pipeline.fit.scorer import mentions
from pipeline.outreach.drafts import PHONE, DraftRejected, check_summary
from pipeline.outreach.voice import company_name, lower_first

MIN_SCORE = 2.0
STOP = {"with", "from", "that", "this", "have", "their", "about", "into", "over", "more", "than", "they", "them",
        "what", "when", "which", "while", "where", "your", "ours", "also", "each", "every", "most", "some", "such",
        "these", "those", "very", "just", "only", "will", "would", "could", "should", "being", "been", "were",
        "und", "oder", "eine", "einer", "einem", "einen", "nicht", "auch", "sich", "sind", "wird", "werden"}
NUMBER = re.compile(r"\d|\b(?:million|billion|thousand|hundreds?|dozens?|millionen|milliarden|tausend)\b", re.I)
SCALE = re.compile(r"\b(?:customers?|users?|clients?|companies|businesses|teams?|cities|countries|markets?|deliveries|"
                   r"requests?|transactions?|events?|devices?|robots?|warehouses?|orders?|records?|patients?|"
                   r"hospitals?|merchants?|developers?|engineers?|per (?:second|minute|day|month|year)|a (?:day|month)|"
                   r"kunden|städte|ländern?|anlagen|geräte|nutzer\w*)\b", re.I)
FUNDING = re.compile(r"\b(?:raised|series [a-e]|seed round|funding|funded|investors?|backed by|finanzierung\w*)\b",
                     re.I)
TECH = re.compile(r"\b(?:api|apis|engine|platform|pipelines?|data|infrastructure|services?|backend|database|real[- ]time|"
                  r"latency|scale|scaling|models?|machine learning|open[- ]source|stack|distributed|cloud|sensors?|"
                  r"software|systems?|steuer\w*|plattform|daten)\b", re.I)
MARKETING = re.compile(r"\b(?:leading|best|world[- ]class|revolutionar\w*|revolutioni[sz]\w*|innovative|cutting[- ]edge|"
                       r"passionate|mission|empower\w*|seamless\w*|next[- ]gen\w*|unlock\w*|transform\w*|disrupt\w*|"
                       r"future of|amazing|awesome|exciting|love|award[- ]winning|trusted by|premier|ultimate|"
                       r"effortless\w*|magic\w*|delight\w*|vision|dream|führende\w*|innovativ\w*)\b", re.I)
BOILERPLATE = re.compile(r"\b(?:equal opportunity|diversity|inclusive|discriminat\w*|accommodation|disabilit\w*|veteran|"
                         r"gender|race|religion|benefits?|vacation|holidays?|salary|compensation|equity|401k|pension|"
                         r"health insurance|insurance|parental|apply|application|cookies?|privacy|copyright|rights reserved|"
                         r"visa|relocation|remote[- ]first|office dog|perks?|bonus|wellbeing|gym|lunch|snacks|"
                         r"recruit\w*|interview\w*|hiring|bewerb\w*|gehalt|urlaub|chancengleich\w*)\b", re.I)
TO_READER = re.compile(r"\byou(?:r|rs|'ll|'re|'ve|'d)?\b|\bdu\b|\bdein\w*\b|\bdich\b|\bdir\b|\bihr\b|\beuch\b|"
                       r"\beuer\w*\b", re.I)
JOB_SECTIONS_SKIPPED = re.compile(r"^(?:requirements?|qualifications|what you|who you|you (?:have|bring|will)|about you|"
                                  r"your (?:profile|role|responsibilities)|responsibilities|benefits|perks|what we offer|"
                                  r"nice to have|bonus|dein profil|ihr profil|deine aufgaben|ihre aufgaben|wir bieten|"
                                  r"anforderungen|aufgaben|how to apply|compensation|salary)", re.I)


@dataclass(frozen=True)
class Hook:
    text: str        # the fact in the person's voice, without a final stop
    original: str    # the sentence as the page has it (kept in `used`, never quoted)
    source: str      # the page (or posting) it came from
    score: float
    shared: tuple[str, ...]  # the words and skills it shares with the proof and the job


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, cut to five letters: 'pipelines' and 'pipeline' agree."""
    return {w[:5] for w in re.findall(r"[a-zäöüß0-9]{4,}", text.lower()) if w not in STOP}


def _same(a: str, b: str) -> bool:
    a, b = re.sub(r"\W+", " ", a.lower()).strip(), re.sub(r"\W+", " ", b.lower()).strip()
    return bool(a and b) and (a == b or (len(a.split()) >= 4 and a in b) or (len(b.split()) >= 4 and b in a))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"“„])", re.sub(r"\s+", " ", text)) if s.strip()]


def candidates(company: dict[str, Any] | None, job_text: str, job_url: str) -> list[tuple[str, str, str]]:
    """(sentence, source, where) of every candidate fact: the company's page sentences (or, for a
    record enriched before they were kept, its excerpts), the LinkedIn description, and the job's
    own text outside its requirements, benefits and duties."""
    company = company or {}
    facts = company.get("facts") or {}
    found: list[tuple[str, str, str]] = []
    statements = company.get("statements")
    if statements:
        found += [(str(s["text"]), str(s.get("source") or ""), f"page:{s.get('tag')}") for s in statements
                  if s.get("tag") not in ("h1", "h2", "h3")]
    else:
        for key in ("excerpt", "about_excerpt"):
            fact = facts.get(key) or {}
            for line in str(fact.get("value") or "").splitlines():
                if len(line.split()) >= 7:
                    found += [(s, str(fact.get("source") or ""), "page:p") for s in _sentences(line)]
    linkedin = facts.get("description") or {}
    found += [(s, str(linkedin.get("source") or ""), "linkedin") for s in _sentences(str(linkedin.get("value") or ""))]
    skipping = False
    for line in (job_text or "").splitlines():
        heading = line.strip().strip("*#:•- ")
        if len(heading.split()) <= 6 and not heading.endswith("."):
            skipping = bool(JOB_SECTIONS_SKIPPED.match(heading))
            continue
        if not skipping:
            found += [(s, job_url, "job") for s in _sentences(line)]
    return found


def _usable(sentence: str, taglines: list[str], language: str) -> bool:
    """A plain statement about the company: not a tagline, not addressed to the reader (a duty,
    a sales line), no question, no boilerplate, nothing a company summary may not carry."""
    n = len(sentence.split())
    if not 7 <= n <= 40 or sentence[-1:] in "?!:" or PHONE.search(sentence) or "\"" in sentence:
        return False
    if any(_same(sentence, t) for t in taglines) or TO_READER.search(sentence) or BOILERPLATE.search(sentence):
        return False
    if language == "german" and re.search(r"\buns\b", sentence, re.I):  # dative or accusative: cannot be turned
        return False
    try:
        check_summary(sentence, sentence)
    except DraftRejected:
        return False
    return True


def score(sentence: str, where: str, proof: str, job_words: set[str], skills: list[str]) -> tuple[float, tuple[str, ...]]:
    """How well a sentence links the company to the proof, and how concrete it is."""
    shared_skills = [s for s in skills if mentions(s, sentence)]
    shared_proof = sorted(_content_words(sentence) & _content_words(proof))
    shared_job = _content_words(sentence) & job_words
    points = 2.0 * bool(NUMBER.search(sentence)) + 1.0 * bool(SCALE.search(sentence)) + \
        1.0 * bool(FUNDING.search(sentence)) + min(4.0, 2.0 * len(shared_skills)) + \
        min(2.0, 0.5 * len(TECH.findall(sentence))) + min(3.0, 1.0 * len(shared_proof)) + \
        min(1.5, 0.3 * len(shared_job)) - 1.5 * len(MARKETING.findall(sentence))
    points += {"job": -0.5, "linkedin": -0.5}.get(where, 0.0) + 0.3 * bool(re.match(r"(?i)(we|our|wir|unser)", sentence))
    return points, tuple(shared_skills + shared_proof)


def choose(company: dict[str, Any] | None, job_title: str, job_text: str, job_url: str, legal_name: str,
           proof: str, skills: list[str], language: str, formal: bool) -> Hook | None:
    """The best-scoring usable fact, in the person's voice; None when nothing scores MIN_SCORE
    (no hook beats a vapid one)."""
    taglines = [str(t) for t in (company or {}).get("taglines") or []]
    job_words = _content_words(f"{job_title} {job_text}")
    best: Hook | None = None
    seen: set[str] = set()
    for sentence, source, where in candidates(company, job_text, job_url):
        if sentence.lower() in seen or not _usable(sentence, taglines, language):
            continue
        seen.add(sentence.lower())
        voiced = in_voice(sentence, legal_name, language, formal)
        if not voiced:
            continue
        points, shared = score(sentence, where, proof, job_words, skills)
        if points >= MIN_SCORE and (best is None or points > best.score):
            best = Hook(voiced, sentence, source, round(points, 2), shared)
    return best


_EN_SWAPS = (("we're", "you're"), ("we've", "you've"), ("we'd", "you'd"), ("we'll", "you'll"), ("ourselves", "yourselves"),
             ("ours", "yours"), ("our", "your"), ("we", "you"), ("us", "you"))
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
    for old, new in _EN_SWAPS:
        text = re.sub(rf"\b{old}\b", lambda m, new=new: new.capitalize() if m.group(0)[0].isupper() else new,
                      text, flags=re.I)
    return lower_first(text) if re.match(r"(?:You|Your)\b", text) else text
