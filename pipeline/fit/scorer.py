"""How well a job fits the person: a 0-100 score from the job's own text, with no network and no key.

Each component adds points up to its weight and says why: the title against the roles the person
wants, the seniority read from the title (and LinkedIn's seniority field, and "N+ years"), the
skills found in the text as whole words with their common aliases, location and remote, languages
the posting requires, and freshness. Avoid terms and ruled-out title words take points away.
Everything is stored, so the score explains itself.
"""

import collections
import dataclasses
import functools
import itertools
import re
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.config.profile import FitProfile
from pipeline.fit.functions import (
    GENERIC,
    NOTE_PIECES,
    english_title,
    job_function,
    names_openings_together,
    note_openings,
    openings,
    own_functions,
    person_functions,
    text_function,
    text_openings,
    title_function,
    title_functions,
    title_grade,
    work_left_to_text,
)
from pipeline.fit.occurrences import find_each, focus, holds_any, triggers
from pipeline.fit.places import (
    MANY_COUNTRIES,
    REMOTE,
    Said,
    Where,
    expand,
    field_says_anywhere,
    fully_remote_said,
    header_offers_remote,
    home_of,
    names_no_place,
    office_named,
    on_site_said,
    opening_place,
    positions,
    read_where,
    remote_chosen,
    remote_in_text,
    seat_label,
    seat_note,
    seat_repeated,
    spot_of,
    text_place,
    title_anywhere,
    title_where,
    what_text_says,
    windows,
    without_hq,
)
from pipeline.records import Job

WEIGHTS = {"title": 35, "seniority": 15, "skills": 25, "location": 15, "language": 5, "freshness": 5}
AVOID_PENALTY = 30
MISSING_MUST_PENALTY = 15
RULED_OUT_CAP = 10
TITLE_MATCH = 0.6      # share of a role's words a title needs to count as that role
FUNCTION_TITLE_MATCH = 0.8  # how far a title of the person's own function, in other words, matches
GENERIC_TITLE_MATCH = 0.7  # a generic "Software Engineer" title, for a person whose function takes one
_GENERIC_FUNCTIONS = frozenset({"open application"})  # not a role at all
NEAR_TITLE_CAP = 45    # the best a job whose title matches no role can score
OUTSIDE_CAP = 40       # the best a job in a place or language the person cannot work in can score
SENIORITY_PENALTY = 30  # a level the title states that the person did not ask for
FUNCTION_CAP = 30      # the best a job of another function (frontend for an SRE) can score
OPENING_GAP = 15       # an open application or talent pool scores this far below min_score at best
LEVEL_CAP = 45         # the best a job whose title states a level the person did not ask for can score
YEARS_SHORT_CAP = 40   # the best a job asking 3+ years more than the person has can score
YEARS_PENALTY = 10     # a job asking 2 years more, or a range well below the person's years
# How far apart levels are; two different levels are at least 1 apart, so a staff role is not a lead's.
_RANK = {"intern": 0, "entry": 1, "mid": 2, "senior": 3, "staff": 4, "lead": 4, "manager": 5, "director": 6}
_TITLE_LEVELS = (  # first match wins: the most specific words first
    (r"intern(ship)?|praktikum|praktikant|werkstudent|working student|trainee|apprentice|apprenti|alternan(ce|t)",
     "intern"),
    (r"director|head of|vp|vice president|chief|cto|cio", "director"),
    # "Manager, Site Reliability Engineering", "Manager | Microservices | Engineering": a manager of that work
    (r"(engineering|development|team|sales) manager|manager,? engineering|"
     r"^manager\b(?!.*\b(?:recruit|talent|sales(?! engineering)|business))(?=.*\bengineering\b)", "manager"),
    (r"principal|staff|distinguished", "staff"),
    (r"tech(nical)? lead|team lead|lead|leader|supervisor", "lead"),
    (r"semi[- ]?senior|semi[- ]?sr|ssr|medior", "mid"),  # the middle level in Latin America and the Netherlands
    # French and German words for the levels: expérimenté(e), erfahrene(r); confirmé(e); débutant(e).
    (r"senior|sr|snr|experienced|iii|iv|experimentee?|erfahrener?", "senior"),
    (r"mid(?![- ](?:market|size|sized|west|atlantic))(?:[- ]level)?|middle(?! east)|intermediate|pleno|ii|"
     r"confirmee?", "mid"),
    (r"junior|jr|entry[- ]level|graduate|new grad|grad|associate|berufseinsteiger|absolvent|i|debutante?", "entry"),
)
# A level the title promises later is not the role's: "Sales Specialist & Team Lead Track", "path to lead".
_TRACK = re.compile(r"\b(?:team |tech(?:nical)? )?(?:lead|leader|leadership|management|manager)\s+track\b|"
                    r"\b(?:path|track|growth|progression)\s+(?:to|into|towards)\s+(?:a\s+)?\w+", re.I)
_LEVEL_WORD = r"(?:senior|sr\.?|staff|principal|lead|junior|jr\.?|mid(?:-level)?|entry[- ]level)"
# Levels offered as alternatives: "Senior/Staff Engineer", "Junior or Mid-level Developer", "Staff and Senior SWEs".
_ALTERNATIVE_LEVELS = re.compile(rf"\b({_LEVEL_WORD})\s*(?:/|\bor\b|&|\+|[-–—]|\bto\b|\band\b)\s*({_LEVEL_WORD})(?!\w)",
                                 re.I)  # "Senior + Staff Software Engineers", "Senior–Principal SWE": a range too
# An internship offered beside a role ("Full-stack engineer or INTERN in Spring or Summer", "Intern or Junior
# Developer"): two openings, and the role's level is its own.
_INTERN_ALTERNATIVE = re.compile(r"(?:\s+or|\s*/)\s+(?:an?\s+)?intern(?:ship)?s?\b.*$|"
                                  r"^\W*intern(?:ship)?s?\s*(?:or\b|/)", re.I)  # "(Full-Time / Intern)" too
# Levels listed in a note: "(Senior, Staff, Principal)", "(Mid/Senior)".
_LISTED_LEVELS = re.compile(rf"\(\s*({_LEVEL_WORD}(?:\s*(?:,|/|\bor\b|&|\band\b)\s*{_LEVEL_WORD})+)\s*\)", re.I)
# A title that says the job is not a regular full-time position: a schedule, or a workload below full
# time written as a share ("50%", "60 %"), but not "100% remote" nor "80-100%".
_SCHEDULE = re.compile(r"\b(weekend|part[- ]time|night[- ]shift|teilzeit|meio per[íi]odo|medio tiempo|"
                       r"(?<![\d-])[1-6]\d\s?%(?![\s-]*(?:remot|home|fernarbeit)))", re.I)
# The same said by a field line of the text's summary: "Hours: Part-time, flexible", "Job type: Part-time" (not
# "Job type: Full-time, Part-time", which offers both).
_SCHEDULE_LINE = re.compile(r"(?im)^\W{0,4}(?:hours|job type|employment type|employment|schedule|commitment|workload)"
                            r"\W{0,4}:\W{0,4}\s*part[- ]time\b(?!\s*(?:/|,|or|and)\s*full)")
# A level the text states for the role when its title states none: LinkedIn's "Seniority level" line,
# "no previous experience required" (in the languages postings use), or a level word right beside the
# title where the text names it ("um Data Engineer JR", "a Senior Data Engineer").
_TEXT_LEVEL = re.compile(
    r"seniority level\W{0,5}(internship|entry level|associate|mid-senior level|director|executive)\b|"
    r"\b(?:no|without)\s+(?:previous|prior)\s+(?:\w+\s+)?experience\s+(?:is\s+)?(?:required|necessary|needed)|"
    r"\bsem (?:necessidade de )?experi[êe]ncia (?:pr[ée]via|anterior)|"
    r"\bsin experiencia (?:previa )?(?:requerida|necesaria)|"
    r"\bkeine (?:vorherige )?(?:berufs)?erfahrung (?:erforderlich|notwendig|nötig)")
_TEXT_LEVEL_HINTS = triggers("seniority level", "previous", "prior", "sem ", "sin experiencia", "keine")
_BESIDE = re.compile(r"^(senior|sr|sênior|junior|jr|júnior|pleno|mid-level|staff|principal|lead|entry-level)$")
# The end of a title's first role noun: the name the text calls the role by.
_ROLE_END = re.compile(r"\b(?:engineer|developer|analyst|scientist|executive|designer|architect|administrator|"
                       r"specialist|consultant|representative|technician|programmer|manager)\b")
_LINKEDIN_LEVELS = {"internship": ("intern",), "entry": ("entry",), "associate": ("entry", "mid"),
                    "mid_senior": ("mid", "senior"), "director": ("director",), "executive": ("director",),
                    "entry level": ("entry",), "mid-senior level": ("mid", "senior")}
_ABBREVIATIONS = {"sr": "senior", "snr": "senior", "jr": "junior", "swe": "software engineer",
                  "sde": "software development engineer", "eng": "engineer", "engr": "engineer",
                  "dev": "developer", "mgr": "manager", "ae": "account executive", "pmm": "product marketing manager",
                  "sre": "site reliability engineer",
                  "ml": "machine learning", "backend": "back end", "back-end": "back end",
                  "frontend": "front end", "front-end": "front end", "fullstack": "full stack",
                  "full-stack": "full stack"}
# A level numbered right after the role ("Software Engineer 2") is the numeral a grade ladder writes ("II"); not the
# years it asks ("Java Developer 1-3 Years").
_ROLE_NUMBER = re.compile(r"\b(engineer|developer|analyst|scientist|specialist|technician|administrator|architect|"
                          r"representative|associate) ([1-4])\b(?!\s*(?:[-–+]|to\b|years?\b|yrs?\b))")
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
# Words a title may use for the same role word: a "Software Developer" is a "Software Engineer".
_SAME_WORD = {"developer": "engineer", "programmer": "engineer"}
_LEVEL_WORDS = {"senior", "junior", "staff", "principal", "lead", "intern", "ii", "iii", "iv", "i", "experienced",
                "entry", "level", "associate", "new", "grad", "graduate"}
_GENDER = re.compile(r"\((?:m|f|w|d|x|all genders?)(?:\s*/\s*(?:m|f|w|d|x))*\)", re.I)
# Skills written differently for the same thing; each group matches any of its spellings.
ALIASES = (("postgres", "postgresql", "psql"), ("kubernetes", "k8s"), ("javascript", "js", "ecmascript"),
           ("typescript", "ts"), ("golang", "go"), ("python", "python3"), ("amazon web services", "aws"),
           ("google cloud", "gcp", "google cloud platform"), ("machine learning", "ml"), ("react", "reactjs",
           "react.js"), ("node", "nodejs", "node.js"), ("c#", "csharp"), ("c++", "cpp"), ("ci/cd", "cicd"),
           ("rest", "restful", "rest api", "rest apis"), ("sql", "mysql", "postgresql", "sqlite"))
_CASE_SENSITIVE = {"go", "ts", "js", "r", "c", "ml"}  # common words or letters: match only as written
_NEGATION = re.compile(r"\b(no|not|without|never|non)\s+(?:\w+\s+)?$")  # on lower-case text
# Each language by its names in the languages postings are written in (English, German, French, Spanish,
# Portuguese, its own).
LANGUAGES = {"english": ("english", "englisch", "inglês", "inglés", "anglais"),
             "german": ("german", "deutsch", "deutschkenntnisse", "alemão", "alemán", "allemand"),
             "french": ("french", "français", "francais", "französisch", "francês", "francés"),
             "spanish": ("spanish", "español", "espanol", "spanisch", "espanhol", "espagnol"),
             "portuguese": ("portuguese", "português", "portugiesisch", "portugués", "portugais"),
             "italian": ("italian", "italiano", "italienisch"), "dutch": ("dutch", "nederlands", "niederländisch"),
             "turkish": ("turkish", "türkçe", "türkisch"), "polish": ("polish", "polnisch", "polski"),
             "japanese": ("japanese", "japanisch"), "mandarin": ("mandarin", "chinese", "chinesisch"),
             "korean": ("korean", "koreanisch"),
             "swedish": ("swedish", "schwedisch")}
triggers(*itertools.chain.from_iterable(LANGUAGES.values()))  # looked for around a language's anchor (below)
_BILINGUAL = r"bilingual|biling[üu]e|bil[íi]ngue|zweisprachig"  # asks for two languages (_BILINGUAL_TITLE)
# The words between a language and what is said of it stay in one clause: not across a line or a sentence
# ("Fluent German required.\nNice-to-have: Terraform" asks German and nothing of Terraform's).
_GAP = r"[^\w.;!?\n]+"
_REQUIRED = (r"(?:fluent|fluency|native|business[- ]level|business[- ]fluent|proficien\w*|excellent|strong|"
             r"very good|perfect|verhandlungssicher\w*|fließend\w*|sehr gute?|fluência|domínio|dominio|"
             + _BILINGUAL + r")" + _GAP +
             r"(?:\w+" + _GAP + r"){0,5}?{lang}|"
             r"{lang}" + _GAP + r"(?:\w+" + _GAP + r"){0,2}?(?:is\s+)?(?:required|mandatory|a must|essential|needed|"
             r"\(?[bc][12]\b|native|fluent|fließend|verhandlungssicher|fluente|avançado|obrigatório|"
             r"imprescind[íi]vel|fluido|avanzado|nativo|imprescindible|requerido|indispensable|courant)")
# "Customer Support Associate, Bilingual": a title that asks for two languages and names neither
_BILINGUAL_TITLE = re.compile(rf"\b(?:{_BILINGUAL})\b", re.I)
# A language the same clause calls a plus ("German is a plus", "Deutsch, nice-to-have").
_OPTIONAL = (r"{lang}" + _GAP + r"(?:\w+" + _GAP + r"){0,3}?(?:is\s+)?(?:a\s+)?"
             r"(?:plus|nice[- ]to[- ]have|bonus|advantage|preferred|ideal)")
# Frequent words of the languages a posting may be written in; English last, as the default.
_STOPWORDS = {"german": {"und", "die", "der", "wir", "sie", "mit", "für", "ist", "du", "bei", "eine", "auf", "das"},
              "french": {"et", "les", "des", "une", "vous", "nous", "pour", "avec", "est", "dans", "sur"},
              "spanish": {"y", "los", "las", "una", "para", "con", "del", "que", "por", "somos"},
              "dutch": {"en", "het", "een", "wij", "voor", "met", "zijn", "van", "jij"},
              "portuguese": {"e", "de", "da", "do", "para", "com", "que", "em", "uma", "os", "você", "vaga", "não"},
              "italian": {"il", "di", "che", "per", "con", "della", "sono", "una", "nel", "siamo"},
              "turkish": {"ve", "bir", "için", "ile", "olarak", "veya", "bu", "çok", "olan", "gibi"},
              # not "i", "do" or "to", which are English words too
              "polish": {"w", "z", "na", "się", "jest", "dla", "oraz", "nie", "że", "jako", "lub", "będzie"},
              "english": {"and", "the", "you", "we", "for", "with", "our", "are", "to", "of"}}
# Years of experience a posting asks, in its common forms and languages: "5+ years", "3-5 years",
# "at least 4 years", "3yrs+", "mindestens 3 Jahre", "al menos 2 años", "pelo menos 3 anos", "co najmniej 3 lata",
# "almeno 5 anni", "minimaal 3 jaar".
_UNIT = r"(?:years?|yrs?|jahre?n?|años|anos|ans|år|lata?|anni|jaar)\b"  # not "latency", "LATAM", "annint"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twelve": 12, "fifteen": 15, "zwei": 2, "drei": 3, "fünf": 5, "dois": 2, "três": 3,
                 "cinco": 5, "dos": 2, "tres": 3}
_N = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
_EXPERIENCE = "experience|erfahrung|experiencia|experiência|expérience|esperienza|ervaring"  # and Polish, by form
_YEARS_RANGE = re.compile(rf"\b{_N}\s*\+?\s*(?:-|–|‐|to|bis|a|à)\s*{_N}\s*\+?\s*{_UNIT}\b")
_YEARS_MIN = re.compile(
    rf"\b(?:{_N}\s*(?:\+|plus|or more|oder mehr|o más|ou mais)\s*{_UNIT}|{_N}\s*{_UNIT}\s*\+|"
    rf"(?:at least|minimum(?: of)?|min\.|mindestens|al menos|mínimo(?: de)?|pelo menos|au moins|over|more than|über|"
    rf"mais de|más de|plus de|au minimum|ao menos|no m[ií]nimo|co najmniej|almeno|minimaal|ten minste)"
    rf"\s*{_N}\s*\+?\s*{_UNIT}|"
    # "5 years' experience", "five (5) years of experience", "5 ans d'expérience"
    rf"{_N}\)?\s*{_UNIT}['’]?\s+(?:of\s+)?(?:[\w/-]+\s+){{0,4}}?(?:d['’])?(?:{_EXPERIENCE}|doświadczeni\w*)|"
    # "experience: 5 years", "experiência mínima de 3 anos"
    rf"(?:{_EXPERIENCE}|doświadczenie)\s*(?:m[ií]nim[ao]|minimum)?\s*(?:of|de|von|:)?"
    rf"\s*{_N}\s*\+?\s*{_UNIT})")
_HISTORY = re.compile(r"\b(for|since|almost|nearly|seit|há|hace)\s*$")  # the company's years, not the person's
# Years the company or its founders hold, said right after naming them: "Established company (20+ years)", "Our
# Founder (Stanford - BS) has 20 years of experience"; not "our CTO, you bring 7+ years" (the person's).
_OWNER_BEFORE = re.compile(r"\b(?:company|established|firm|agency)\s*\(\s*(?:over\s+|more than\s+)?$|"
                           r"\b(?:our|the)\s+(?:founders?|founding team|leadership team|ceo|cto)\b"
                           r"(?:(?!\b(?:you|we)\b)[^.;:\n]){0,40}?"
                           r"\b(?:has|have|brings?)\s+(?:over\s+|more than\s+|nearly\s+)?$")
# "With over 10 years of experience in big data, we serve ...": a sentence about the company, in the
# languages postings are written in ("Com mais de 20 anos de história, nossa empresa ...", "Seit über 15
# Jahren unterstützt unser Unternehmen ...", "Con más de 10 años de trayectoria, nuestra compañía ...").
_ABOUT_US = re.compile(r"\b(we|we've|we're|our|us|company|founded|history|clients|customers|"
                       r"nossa|nosso|nossos|nossas|empresa|companhia|fundada|fundado|hist[oó]ria|tradi[cç][aã]o|"
                       r"segmento|nuestra|nuestro|nuestros|compa[ñn][ií]a|trayectoria|tradici[oó]n|"
                       r"wir|unser|unsere|unserer|unternehmen|firma|gegr[üu]ndet|notre|nos|nous|entreprise|"
                       r"soci[ée]t[ée]|fond[ée]e|consultoria)\b")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


# Open applications and talent pools: a way to be remembered, not an opening ("a general application link"
# for the roles listed is only where to apply).
_OPEN_APPLICATION = re.compile(
    r"(?:open|general) application(?!\s+(?:link|form|url|page|portal))|"
    r"(?<!broadest )(?<!broad )(?<!diverse )(?<!widest )(?<!largest )"
    r"talent (pool|network|community)|initiativbewerbung|spontanbewerbung|banco de talentos|bolsa de talento|"
    r"(spontaneous|speculative|unsolicited) application|candidatura espont|candidature spontan|"
    r"future (opportunit(y|ies)|openings?|roles?|consideration)|expression of interest|"
    # an ATS's standing posting: "This is an evergreen role", "we are always accepting applications"
    r"evergreen (role|position|posting|requisition|req|opening|job)|always accepting applications|"
    r"general interest (application|posting|role|form)|"
    r"(don.t|do not) see (a|the|your) (role|position|job)|"
    r"not (a|an) (specific|active|current) (role|opening|position)|"
    # a network of freelancers one joins ("a network of Europe's best freelance developers") is a pool
    r"network of ([\w'’-]+ ){0,4}freelanc|freelanc\w* network|"
    # a contractor's seat that exists only if a bid is won: "anticipated roles, pending contract award"
    r"(pending|contingent (up)?on) (the )?(contract|program) award|"
    r"anticipated (roles?|positions?|openings?)")  # lowered
# A talent pool as the work itself, a recruiter's ("build talent pools for hard-to-fill roles", "grow our talent
# community"), not a pool one joins
_POOL_AS_WORK = re.compile(r"\b(?:build|building|built|grow|growing|develop|developing|manag(?:e|ing)|maintain(?:ing)?|"
                           r"nurtur(?:e|ing)|creat(?:e|ing)|expand(?:ing)?|engag(?:e|ing)|own(?:ing)?|cultivat(?:e|ing)|"
                           r"strengthen(?:ing)?|sourc(?:e|ing)|pipelines?)\b[^.;\n]{0,30}$")


def _applies_to_no_opening(low_head: str) -> bool:
    """The text's opening says it is an open application or a talent pool, not a talent pool as the work."""
    return any(not (found.group(0).startswith("talent") and _POOL_AS_WORK.search(low_head, max(0, found.start() - 40),
                                                                                 found.start()))
               for found in _OPEN_APPLICATION.finditer(low_head))


# A piece every open-application phrase holds: the full pattern runs only when one is there.
_OPENING_HINTS = triggers("open application", "general application", "talent ", "talento", "initiativbewerbung",
                          "spontan", "speculative", "unsolicited", "candidatura espont", "future ",
                          "expression of interest", " see ", "not a", "freelanc", "evergreen", "always accepting",
                          "general interest", "award", "anticipated")
_MOST_LISTED = 12  # openings a post's text lists that are scored: each is a whole scoring of the post
# A post the page itself marks closed: "(CLOSED)" or "[Filled]" in its title, an ATS's "status: closed"
# line, "application window closed", "this position has been filled", "no longer accepting applications".
_CLOSED = re.compile(r"[(\[]\s*(?:closed|filled|expired)\s*[)\]]|^\W*(?:closed|filled)\s*(?::|\s[-–])|"
                     r"\bstatus\s*:\s*(?:closed|filled|expired)\b(?!\s+beta)|"
                     r"application (?:window|period)\s+(?:is\s+|has\s+)?closed|"
                     # not a rule for later: "until the position is filled", "once the role has been filled"
                     r"(?<!until the )(?<!until )(?<!once the )(?<!once )(?<!unless the )"
                     r"\b(?:position|role|job|posting|vacancy|opening)\s+(?:is\s+(?:now\s+)?|has\s+been\s+)"
                     r"(?:closed|filled)\b(?!\s+(?:with|once|when|as soon|after|upon))|"
                     # "no longer accepting applications from agencies" closes a door to recruiters, not the role
                     # ... nor one channel: "no longer accepting applications via email; apply in the portal"
                     r"no longer (?:accepting|taking|open to) applica\w*+(?!\s+(?:through|via|by)\b|\s+from\s+"
                     r"(?:agenc|recruit|third|staffing|headhunt))", re.M)  # lowered
_CLOSED_HINTS = ("closed", "filled", "expired", "no longer")  # every _CLOSED phrase holds one
# Two kinds offered in one title, "iOS/Android Developer" or "iOS or Android Developer" (not "Support / DevOps
# Engineer", spaced: one role doing both)
_KIND_CHOICE = re.compile(r"(?<=\w)/(?=\w)|\s+or\s+", re.I)
# The title's first segment, before its notes ("... (US Only - PST/MST)"): a choice of kinds is read there only.
# (functions.role_segment picks the segment naming a role instead, and splits a gendered "Engenheiro/a" off.)
_ROLE_PART = re.compile(r"\s*(?:[(\[|,:]|\s[-–—]\s)")
_SCIENTIST = re.compile(r"\bscientists?\b", re.I)
# Titles in other words for the same role, read as the English a role list uses.
_TITLE_SYNONYMS = ((re.compile(r"member of (the )?technical staff", re.I), "software engineer"),)


@dataclass
class Fit:
    """A job's score and everything that explains it (stored as job.data['fit'])."""

    score: int
    method: str = "heuristic"
    components: dict[str, float] = field(default_factory=dict)
    matched: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    brief: str = ""
    scored_at: float = 0.0
    title_match: float = 1.0
    outside: bool = False
    years_asked: tuple[int, int | None] | None = None
    level_gap: bool = False
    function: str | None = None  # the job's function, as read (functions.job_function)
    caps: list[str] = field(default_factory=list)  # "40: a place or language you cannot work in": what held it down

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@functools.lru_cache(maxsize=16384)
def normalise_title(title: str) -> str:
    """'Sr. Backend SWE (m/w/d)' -> 'senior back end software engineer'. Cached: titles repeat."""
    text = english_title(_GENDER.sub(" ", title or ""))
    for pattern, english in _TITLE_SYNONYMS:
        text = pattern.sub(english, text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))  # Sênior
    text = re.sub(r"(?<=[a-z])/(?=[a-z])", " ", text.lower())
    words = re.findall(r"[a-z0-9+#./-]+", text.replace(",", " ").replace("–", " ").replace("|", " "))
    out = []
    for word in words:
        word = word.strip("./-")
        out.append(_ABBREVIATIONS.get(word, word))
    text = " ".join(w for w in " ".join(out).split() if w)
    return _ROLE_NUMBER.sub(lambda m: f"{m.group(1)} {_ROMAN[m.group(2)]}", text) if _ROLE_NUMBER.search(text) else text


def _has(pattern: str, text: str) -> bool:
    return re.search(rf"(?<![\w+#]){pattern}(?![\w+#])", text) is not None


@functools.lru_cache(maxsize=16384)
def title_level(title: str) -> str | None:
    """The seniority a title's words state, or None when they state none."""
    text = normalise_title(title)
    return next((level for pattern, level in _TITLE_LEVELS if _has(f"(?:{pattern})", text)), None)


@functools.lru_cache(maxsize=16384)
def title_levels(title: str, ignore: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The levels a title states (words in `ignore`, the person's own role words, left out): both
    of "Senior/Staff", else the most specific level word, else a corporate grade standing as a part
    of its own ("- Associate -"); () when it states none. A track it promises is not its level."""
    title, grade = title_grade(_TRACK.sub(" ", _INTERN_ALTERNATIVE.sub(" ", title)))
    listed = _LISTED_LEVELS.search(title)  # "Software Engineers (Senior, Staff, Principal)": each is offered
    alternatives = _ALTERNATIVE_LEVELS.search(title)
    if listed or alternatives:
        offered = NOTE_PIECES.split(listed.group(1)) if listed else alternatives.groups() if alternatives else ()
        found = {title_level(word) for word in offered} - {None}
        return tuple(sorted(level for level in found if level))
    words = " ".join(w for w in normalise_title(title).split() if w not in ignore)
    if _PERSONNEL.search(title):
        words = words[:-len(" staff")]  # "Rider Support On-Call Staff": the people, not the level
    level = next((level for pattern, level in _TITLE_LEVELS if _has(f"(?:{pattern})", words)), None)
    return (level,) if level else grade or _years_level(title)


# "Staff" ending a title after the work's name is the people ("Rider Support On-Call Staff"); not a grade after a
# comma or a bracket ("Software Engineer, Staff"), nor "Senior Staff", "Principal Staff", "Technical Staff".
_PERSONNEL = re.compile(r"(?<![,(/])(?<![,(/-] )\b(?!(?:senior|sr|principal|lead|technical|of)\b)[a-z]+\s+staff\s*$",
                        re.I)
# Years a title asks for ("Full Stack Engineer (0 to 2 Years)", "Java Developer 1-3 Years", "(5+ yrs)"), read as a
# level by the fewest it takes: up to 1 an entry level, 2 to 4 mid, 5 or more senior
_TITLE_YEARS = re.compile(r"\b(\d{1,2})\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b", re.I)


def _years_level(title: str) -> tuple[str, ...]:
    said = _TITLE_YEARS.search(title)
    if said is None:
        return ()
    fewest = int(said.group(1))
    return ("entry",) if fewest <= 1 else ("mid",) if fewest <= 4 else ("senior",)


def text_levels(title: str, low_text: str) -> tuple[str, ...]:
    """The level the text states for a role whose title states none (see _TEXT_LEVEL), or ()."""
    head = low_text[:5000]
    for start, end in windows(head, _TEXT_LEVEL_HINTS, 12, 100):  # the pattern runs only where its words are
        said = _TEXT_LEVEL.search(head, start, end)
        if said:
            return _LINKEDIN_LEVELS[said.group(1)] if said.group(1) else ("entry",)
    named = title.lower().strip()
    role = _ROLE_END.search(named)  # "Data Engineer S", "Data Engineer - Remote": the text names "data engineer"
    names = tuple({named, named[:role.end()]} if role else {named})
    found: set[str] = set()
    for at, size in ((at, len(name)) for name in names if len(name) > 5 for at in positions(head[:1500], (name,))):
        before, after = head[max(0, at - 15):at].split()[-1:], head[at + size:at + size + 12].split()[:1]
        beside = [w.strip(".,;:()") for w in (*before, *after)]
        found |= {level for w in beside if _BESIDE.match(w) and (level := title_level(w))}
    return tuple(sorted(found))


def _spellings(term: str) -> tuple[str, ...]:
    low = term.lower().strip()
    for group in ALIASES:
        if low in group:
            return group
    return (low,)


def mentions(term: str, text: str, lowered: str | None = None) -> bool:
    """The term (or an alias) as a whole word, not negated ("no Java", "without PHP"). Short words
    that are also common words ("Go", "JS") match only capitalised or in capitals."""
    lowered = text.lower() if lowered is None else lowered
    for spelling, variants, case_sensitive in _spelling_variants(term):
        if spelling not in lowered:  # cheap test first: most skills are absent from most postings
            continue
        within = text if case_sensitive else lowered
        for variant in variants:  # each place it is written, as a whole word: (?<![\w+#])variant(?![\w+#])
            at = within.find(variant)
            while at >= 0:
                end = at + len(variant)
                if not (at and _word_char(within[at - 1])) and not (end < len(within) and _word_char(within[end])) \
                        and not _NEGATION.search(lowered[max(0, at - 25):at]):
                    return True
                at = within.find(variant, at + 1)
    return False


def _word_char(char: str) -> bool:
    """What a regular expression's \\w matches (a letter or digit in any script, or _), or + or #."""
    return char.isalnum() or char in "_+#"


@functools.lru_cache(maxsize=4096)
def _spelling_variants(term: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """Each spelling of a term with the ways it may be written: as is, or, for a common word, only
    capitalised or in capitals."""
    found = []
    for spelling in _spellings(term):
        case_sensitive = spelling in _CASE_SENSITIVE
        variants = tuple(sorted({spelling.capitalize(), spelling.upper()})) if case_sensitive else (spelling,)
        found.append((spelling, variants, case_sensitive))
    return tuple(found)


def _language_patterns() -> dict[str, tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str]]]:
    found = {}
    for language, names in LANGUAGES.items():
        lang = "(?:" + "|".join(re.escape(n) for n in names) + ")"
        found[language] = (names, re.compile(_REQUIRED.replace("{lang}", lang)),
                           re.compile(_OPTIONAL.replace("{lang}", lang)))
    return found


_LANGUAGE_PATTERNS = _language_patterns()
# Pieces that every name of a language holds one of ("engl" for english and englisch, "deutsch"
# for deutschkenntnisse), looked for once per posting before the language's names are.
# A piece is the name itself where a shorter one would sit inside common words ("ingl" is in "single",
# "chines" in "machines").
_LANGUAGE_ANCHORS = {"english": ("engl", "inglês", "inglés", "anglais"),
                     "german": ("german", "deutsch", "alemão", "alemán", "allemand"), "french": ("french", "fran"),
                     "spanish": ("spani", "espa"), "portuguese": ("portug",), "italian": ("itali",),
                     "dutch": ("dutch", "nederlands", "niederl"), "turkish": ("turkish", "türk"),
                     "polish": ("polish", "polnisch", "polski"), "japanese": ("japan",),
                     "mandarin": ("mandarin", "chinese", "chinesisch"), "swedish": ("swedish", "schwed"),
                     "korean": ("korean", "koreanisch")}
assert all(any(a in n for a in _LANGUAGE_ANCHORS[lang]) for lang, names in LANGUAGES.items() for n in names)
_LANGUAGE_OF_ANCHOR = {anchor: language for language, anchors in _LANGUAGE_ANCHORS.items() for anchor in anchors}
_ANCHORS = triggers(*_LANGUAGE_OF_ANCHOR)
assert len(_ANCHORS) == sum(map(len, _LANGUAGE_ANCHORS.values())), "each piece is one language's"
# Each stop word, bare and before , or ., with the languages it is frequent in ("que": Spanish, Portuguese).
_STOP_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOPWORDS.items():
    for _word in _words:
        for _end in ("", ",", "."):
            _STOP_LANGUAGES[_word + _end] = (*_STOP_LANGUAGES.get(_word + _end, ()), _language)
_NONE = itertools.repeat(())


# Where each language a posting may be written in is the language of work: a posting written in it for
# a place in none of these countries (a Berlin office advertised in Portuguese on a Brazilian board) is
# written for its readers, not in the language the job is done in.
SPOKEN_IN: dict[str, frozenset[str]] = {
    "german": frozenset({"germany", "austria", "switzerland", "luxembourg", "liechtenstein"}),
    "french": frozenset({"france", "belgium", "switzerland", "luxembourg", "canada", "morocco", "senegal"}),
    "spanish": frozenset({"spain", "mexico", "argentina", "chile", "colombia", "peru", "uruguay", "paraguay", "bolivia",
                          "ecuador", "venezuela", "costa rica", "panama", "guatemala", "honduras", "el salvador",
                          "nicaragua", "dominican republic", "puerto rico", "cuba", "united states"}),
    "portuguese": frozenset({"brazil", "portugal", "angola", "mozambique"}),
    "dutch": frozenset({"netherlands", "belgium"}), "italian": frozenset({"italy", "switzerland"}),
    "turkish": frozenset({"turkey", "cyprus"}), "polish": frozenset({"poland"})}


def required_languages(text: str, lowered: str | None = None, spoken: frozenset[str] = frozenset(),
                       places: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """(languages the posting requires, languages it calls a plus), leaving out the `spoken` ones:
    a language the person speaks is never held against a posting, so it need not be looked for. The
    language the posting is written in is required unless every country it places the job in (`places`)
    speaks another."""
    lowered = text.lower() if lowered is None else lowered
    required, optional = set(), set()
    asked: list[tuple[int, int]] = []  # where the text asks for a language it requires
    named = {_LANGUAGE_OF_ANCHOR[anchor] for anchor, _ in find_each(lowered, _ANCHORS)} - spoken  # most name one or two
    for language in named:
        names, must, plus = _LANGUAGE_PATTERNS[language]
        spans = windows(lowered, names, 90, 90)  # the patterns run only around the language's name
        if not spans:
            continue
        if any(plus.search(lowered, a, b) for a, b in spans):
            optional.add(language)
        elif found := [m.span() for a, b in spans if (m := must.search(lowered, a, b))]:
            required.add(language)
            asked += found
    if asked and spoken:
        required -= _choices_with_spoken(lowered, spoken, asked)
    written = written_in(lowered)
    if written and written != "english" and written not in spoken and \
            (not places or places & SPOKEN_IN.get(written, places)):
        required.add(written)
    return required - optional, optional


# Languages offered as a choice ("fluent in Spanish, Italian or Portuguese", "Deutsch oder Englisch"): one of them
# is asked for, so a person who speaks one has what is asked.
_LANGUAGE_OF_NAME = {name: language for language, names in LANGUAGES.items() for name in names}
_ANY_LANGUAGE = "(?:" + "|".join(sorted(_LANGUAGE_OF_NAME, key=len, reverse=True)) + ")"
_CHOICE_WORD = r"\b(?:or|oder|ou|o|and/or)\b"
_LANGUAGE_CHOICE = re.compile(rf"\b{_ANY_LANGUAGE}(?:\s*(?:,\s*(?:{_CHOICE_WORD})?|/|{_CHOICE_WORD})\s*"
                              rf"{_ANY_LANGUAGE}\b)+")
_CHOOSES = re.compile(_CHOICE_WORD)  # not "/": "English/Spanish" names a pair
_BILINGUAL_BEFORE = re.compile(rf"(?:{_BILINGUAL})\W+(?:\w+\W+)?$")


def _choices_with_spoken(lowered: str, spoken: frozenset[str], asked: list[tuple[int, int]]) -> set[str]:
    """The languages a requirement (at one of the `asked` spans) offers as alternatives to one the person speaks.
    A bilingual seat's pair ("bilingual English or Spanish") is asked whole."""
    found: set[str] = set()
    for choice in _LANGUAGE_CHOICE.finditer(lowered):
        start, end = choice.span()
        if not _CHOOSES.search(choice.group()) or _BILINGUAL_BEFORE.search(lowered, max(0, start - 30), start) \
                or not any(a < end and start < b for a, b in asked):
            continue  # "English, German and French", "English/Spanish"; or a choice that is not the requirement
        named = {_LANGUAGE_OF_NAME[n] for n in re.findall(_ANY_LANGUAGE, choice.group())}
        if named & spoken:
            found |= named
    return found


@functools.lru_cache(maxsize=4)  # asked for the same text by the place and the language components
def written_in(lowered: str) -> str | None:
    """The language most of a text is written in, from its frequent words (None when too short). The
    first 1,200 characters decide when one language leads them clearly; else the first 3,000."""
    if _CJK.search(lowered, 0, 1200) and (script := _cjk_language(lowered[:1200])):
        return script  # "地点不限 ... 薪资": a text in Chinese, Japanese or Korean has no spaces between its words
    short = _language_of(lowered[:1200].split(), clear=True)
    return short if short is not None else _language_of(lowered[:3000].split(), clear=False)


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # any of the three scripts
_LETTER = re.compile(r"[^\W\d_]")
_KANA = re.compile(r"[\u3040-\u30fa]")  # not "・" or "ー", which Chinese texts use too
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _cjk_language(head: str) -> str | None:
    """Japanese, Korean or Chinese when their script is a third of a text's letters or more."""
    letters = len(_LETTER.findall(head))
    kana, hangul, han = (len(p.findall(head)) for p in (_KANA, _HANGUL, _HAN))
    if not letters or (kana + hangul + han) * 3 < letters:
        return None
    return "japanese" if kana * 20 >= kana + han else "korean" if hangul > han else "mandarin"


def _language_of(words: list[str], clear: bool) -> str | None:
    if len(words) < 40:
        return None
    seen = collections.Counter(itertools.chain.from_iterable(map(_STOP_LANGUAGES.get, words, _NONE)))  # in C
    counts = sorted(((seen[language], language) for language in _STOPWORDS), reverse=True)
    (best, language), (second, _) = counts[0], counts[1]
    if best < max(4, len(words) // 25) or (clear and best < 3 * max(second, 1)):
        return None
    return language


# every form of "N years" holds one of these
_UNIT_WORDS = triggers("year", "yr", "jahr", "años", "anos", " ans", "år", " lat ", " lata ", "anni ", "jaar")


def required_years(lowered: str, several: bool = False) -> tuple[int, int | None] | None:
    """(least years asked, most years of a range or None) from a posting's text, or None: the
    largest "N+" the posting asks (leaving out years it only wishes for, when it requires some), and
    a range "N-M" when that is all it says. `several`: the post lists several openings, each of which may ask its
    own years ("Tier 3 roles are 5-10 years, Tier 4 roles 11-20"), so the fewest asked count."""
    floors: list[int] = []
    ranges: list[tuple[int, int]] = []
    sections: list[tuple[int, int]] | None = None  # read when a floor is first found
    wishes = False
    wished: list[int] = []
    for start, end in windows(lowered, _UNIT_WORDS, 30, 90):
        spans = []
        for m in _YEARS_RANGE.finditer(lowered, start, end):
            low, high = _number(m.group(1)), _number(m.group(2))
            if low < high <= 30:
                ranges.append((low, high))
                spans.append((m.start(), m.end()))
        for m in _YEARS_MIN.finditer(lowered, start, end):
            group = next(i for i, found in enumerate(m.groups(), 1) if found)
            if any(a <= m.start(group) < b for a, b in spans):
                continue  # the top of a range ("3 to 5 years of experience"), read as the range
            if _HISTORY.search(lowered, max(0, m.start() - 12), m.start()) or _about_us(lowered, m.start(), m.end()) \
                    or _OWNER_BEFORE.search(lowered, max(0, m.start() - 60), m.start()):
                continue
            if sections is None:  # read once, when a floor is first found; [] also when no wish word is there
                wishes = holds_any(lowered, _WISH_WORDS)
                sections = _wish_sections(lowered) if wishes and holds_any(lowered, _WISH_HEADING_WORDS) else []
            # "Preferred qualifications: 8+ years", "5+ years (7+ preferred)": a wish, not what is required
            wish = wishes and _only_wished(lowered, m.start(), m.end(), sections)
            (wished if wish else floors).append(_number(m.group(group)))
    # wished years count only where they are all a posting says ("Desired skills: 6+ years" may be its requirements)
    floors = [y for y in floors or wished if 0 < y <= 20]
    pick = min if several else max
    if ranges and (not floors or pick(floors) <= pick(a for a, _ in ranges)):
        return pick(ranges)
    return (pick(floors), None) if floors else None


# Years a posting wishes for rather than requires: a wish word tied to the number, with no comma or clause
# between ("5+ years of experience preferred", "preferably 5+ years"; not "5+ years, ideally in SaaS"), or a
# section under a heading of wishes ("Preferred qualifications", "Nice to have") up to the next heading.
_WISH_AFTER = re.compile(r"[^,;.\n()•]{0,40}?\b(?:preferred|desired|desirable|a plus|is a bonus|nice[- ]to[- ]have|"
                         r"wünschenswert|desej[áa]vel|deseable)\b")
_WISH_BEFORE = re.compile(r"\b(?:preferably|ideally|preferred|nice[- ]to[- ]have|bonus|idealmente|"
                          r"wünschenswert)\b[^,;.\n()•]{0,40}$")
_WISH_HEADING = re.compile(r"^[ \t#*]*(?:preferred (?:qualifications|skills|experience|requirements)|"
                           r"nice[- ]to[- ]haves?|bonus points|desired (?:qualifications|skills)|pluses|"
                           r"diferenciais|wünschenswert)\b[^\n]{0,40}$", re.M)
_WISH_HEADING_WORDS = triggers("preferred qualif", "preferred skills", "preferred experience", "preferred requirem",
                               "nice to have", "nice-to-have", "nice-to have", "nice to-have", "bonus points",
                               "desired qualif", "desired skills",
                               "pluses", "diferenciais", "wünschenswert")  # every _WISH_HEADING holds one
_WISH_WORDS = triggers("prefer", "nice", "bonus", "plus", "ideal", "desir", "wünsch", "desej", "deseab",
                       "diferenc")  # every _WISH_AFTER, _WISH_BEFORE and _WISH_HEADING phrase holds one
_BULLETS = "-*•·▪◦–"


def _wish_sections(lowered: str) -> list[tuple[int, int]]:
    """The spans under a heading of wishes, each up to the next line that reads as a heading (not a
    bullet; ends with ':' or is five words or fewer without a digit), at most 3,000 characters."""
    spans = []
    for heading in _WISH_HEADING.finditer(lowered):
        start = end = heading.end()
        for line in lowered[start:start + 3000].split("\n")[1:]:
            item = line.strip()
            if item and item[0] not in _BULLETS and (item.endswith(":") or (
                    len(item.split()) <= 5 and not any(ch.isdigit() for ch in item))):
                break
            end += len(line) + 1
        spans.append((start, end))
    return spans


def _only_wished(lowered: str, start: int, end: int, sections: list[tuple[int, int]]) -> bool:
    """The years at lowered[start:end] are wished for, not required."""
    if _WISH_AFTER.match(lowered, end) or _WISH_BEFORE.search(lowered, max(0, start - 60), start):
        return True
    return any(a <= start < b for a, b in sections)


def _about_us(lowered: str, start: int, end: int) -> bool:
    """The sentence around an "over 10 years" speaks of the company, not of the person it wants."""
    if not lowered.startswith(("over", "more", "über", "mais", "más", "plus"), start):
        return False
    left = max(lowered.rfind(".", 0, start), lowered.rfind("\n", 0, start)) + 1
    right = min((i for i in (lowered.find(".", end), lowered.find("\n", end)) if i != -1), default=len(lowered))
    return _ABOUT_US.search(lowered, left, right) is not None


def _blank(text: str, lowered: str, words: str) -> str:
    """`text` with each place `lowered` holds `words` blanked out, so every index still points where it did."""
    out, start = [], 0
    while (at := lowered.find(words, start)) != -1:
        out += [text[start:at], " " * len(words)]
        start = at + len(words)
    return "".join([*out, text[start:]])


def _few(countries: frozenset[str]) -> str:
    names = sorted(countries)
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


# Sources whose every card states a place (LinkedIn's cards, an applicant tracking system's location
# field): a card without one was read wrong, not posted without one.
_PLACED_SOURCES = frozenset({"linkedin", "greenhouse", "lever", "ashby"})
_PLACELESS_TEXT = 150  # a text this short (or none) says too little to read a missing place as remote


def _placeless(job: Job, workplace: str, low_text: str) -> bool:
    """A posting whose location field is empty and whose text neither says it is on site or hybrid nor
    names where one works (no "based in", no office by its place: "our Munich office") is a remote
    role that names no region: what remote boards, their mirrors and careers pages post without a
    place. Not so a card of a source that always states a place, one whose source says it is not
    remote (an import's is_remote: false), nor a posting with hardly any text."""
    return names_no_place(job.location) and job.source not in _PLACED_SOURCES and \
        job.extra.get("is_remote") is not False and \
        len(low_text) >= _PLACELESS_TEXT and not on_site_said(workplace, low_text) and \
        not office_named(job.description, low_text)


def _opening(job: Job, title: str) -> tuple[Job, bool]:
    """One listed opening of a post, at the place its note names ("Account Executive (France)"), if any;
    and whether it was placed so (then the post's remote places are not this opening's)."""
    place = opening_place(title, job.location)
    return dataclasses.replace(job, title=title, location=place), place != job.location


def remote_areas(where: Where, remote_hint: bool, said: Said, placed: bool = False) -> list[frozenset[str] | None]:
    """Where the posting's remote work may be done from, one area per alternative (None: anywhere).
    A remote part that names its countries ("Remote (Canada)") is that area, widened by the places
    the text names ("Uruguay; remote if you live in LATAM"); a bare "Remote" beside an office's
    place is that place unless the text says anywhere in the world; a remote job that names no place
    is bounded by the text. Time zones, the pay's currency and clearances limit all but an area the
    location field names itself."""
    def limited(area: frozenset[str] | None) -> frozenset[str] | None:
        if said.limits is None:
            return area
        return said.limits if area is None else area & said.limits

    areas: list[frozenset[str] | None] = []
    named = False
    for part in where.parts:
        if not (part.remote or remote_hint):
            continue
        if part.countries and part.remote and not part.inferred:
            named = True
            # a time zone is only the hours: the pay's currency or a clearance still limits it
            inside = said.bounds & part.countries
            # a time zone is hours near a place; where the text says one must live narrows it ("Remote - EST":
            # "you must be living within the U.S."), where a named area is widened by the places the text adds
            area = (inside or part.countries) if part.zoned or part.shared or placed else part.countries | said.bounds
            if len(part.countries) >= MANY_COUNTRIES and len(inside) >= 2 and inside < part.countries:
                # a board's long list of countries, narrowed by the several the text names ("only available
                # in Peru, Colombia, Mexico ..."); not by one, which may be the company's seat ("located in NY")
                area = inside
            areas.append(limited(area) if part.zoned else area)
        elif part.countries:
            areas.append(limited(None if said.anywhere and not said.bounds else part.countries | said.bounds))
    offices = frozenset().union(*(p.countries for p in where.parts if not p.remote))
    if where.worldwide and (said.bounds <= offices or said.hiring_everywhere):
        # "Remote (global) or Hybrid (Cambridge, MA)": the text's places are the offices'; a field and a text that
        # both say worldwide ("Remote Global", "we're hiring everywhere") are not narrowed by the hours it names
        areas.append(limited(None))
    elif where.anywhere or (remote_hint and not where.parts) or (said.anywhere and not named):
        bare = limited(said.bounds or None)
        # a bare "Remote" paid in a range of US dollars is remote in the US, as the labels read it; not a field
        # that says worldwide
        areas.append(said.dollars if bare is None and said.dollars and not field_says_anywhere(where) else bare)
    if said.bounds and said.remote and not placed:  # the post's remote places are not an opening's its note places
        areas.append(limited(said.bounds))
    return areas


class Scorer:
    """Scores jobs for one FitProfile; cheap enough to run on every job (thousands a second)."""

    def __init__(self, profile: FitProfile) -> None:
        self.profile = profile
        self.roles = [normalise_title(r) for r in profile.roles]
        self.ruled_out = [(w, re.compile(rf"(?<![\w+#]){re.escape(normalise_title(w))}(?![\w+#])"))
                          for w in profile.avoid_titles]
        self.wanted = {s for s in profile.seniority}
        # The level words of the person's own roles ("Account Director", "Team Lead"), which a title may use
        # for the role rather than a level; the words that only qualify a level ("sales" in "Sales Manager") stay.
        self.role_words = frozenset(w for r in self.roles for w in r.split() if title_level(w))
        self.functions = person_functions(profile.roles, (*profile.must_have, *profile.nice_to_have))
        self.own_functions = own_functions(profile.roles, (*profile.must_have, *profile.nice_to_have))
        # A profile whose roles name part-time or weekend work takes such jobs.
        self.takes_schedules = any(_SCHEDULE.search(role) for role in profile.roles)
        self.spoken = frozenset(s.lower() for s in profile.languages)
        self.home = expand(profile.locations)
        self.onsite = home_of(profile.locations)
        self.work_from = expand(profile.work_from) or self.home

    def score(self, job: Job, now: float | None = None) -> Fit:
        """The job's fit; a title listing several openings ("Senior Software Engineer; Lead Product
        Designer") fits as well as its best opening does."""
        titles = openings(job.title)
        listed: tuple[str, ...] = ()
        if len(titles) == 1 and names_openings_together(job.title):
            # "Multiple Roles", "Engineering roles", "Founding Engineers": the text lists the openings; a
            # generic title ("Software Engineers") stays one of them
            listed = (text_openings(job.description) or note_openings(job.title))[:_MOST_LISTED]
            # a title that names a role of its own stays one of them ("Hiring for Senior Backend Engineer")
            own = title_function(job.title) not in (None, "open application")
            titles = (*listed, job.title) if own and listed else listed or titles
        if len(titles) == 1 and not listed:
            return self._score(job, now=now)
        # an opening whose note names one of the post's places is there ("Account Executive (IN)"); one of another
        # function is capped at FUNCTION_CAP, so it is scored only when no opening of the person's own beats that
        # (a long list of the kinds hired costs a scoring of each kind otherwise)
        theirs = [title for title in titles if not self._another_function(title)]
        scored = [(self._score(*_opening(job, title), now=now, several=True), title) for title in theirs]
        if not scored or max(fit.score for fit, _ in scored) <= FUNCTION_CAP:  # the others too, in the list's order
            done = {title: fit for fit, title in scored}
            scored = [(done.get(title) or self._score(*_opening(job, title), now=now, several=True), title)
                      for title in titles]
        best, title = max(scored, key=lambda pair: pair[0].score)
        if listed:
            best.reasons.append(f"read as {title!r}: the title names no one opening, its text lists "
                                + ", ".join(map(repr, listed[:5])) + (", ..." if len(listed) > 5 else ""))
        return best

    def _another_function(self, title: str) -> bool:
        """The opening is surely of a function the person does not look for: every function its title offers is
        another, and the title does not leave its work to the text ("Senior Python Developer")."""
        offered = title_functions(title)
        return bool(self.functions) and bool(offered) and not work_left_to_text(title) and all(
            function not in self.functions and function not in (GENERIC, "open application") for function in offered)

    def _score(self, job: Job, placed: bool = False, now: float | None = None, several: bool = False) -> Fit:
        """One opening's fit; `several`: the post lists several openings, so a level word the text puts
        beside a role's name may be another opening's ("Junior Software Engineer" beside "Software Engineer");
        `placed`: the opening's own note placed it (see _opening)."""
        fit = Fit(score=0, scored_at=now or time.time())
        text = f"{job.title}\n{job.description}"
        lowered = text.lower()
        focus(lowered, (len(job.title) + 1,))  # every rule's trigger words are found in it in one pass
        function = self._function(job, lowered)
        parts = (self._title(job, function, fit), self._seniority(job, lowered, fit, several),
                 self._skills(text, lowered, fit), self._location(job, lowered, fit, placed),
                 self._language(job, lowered, fit), self._freshness(job, fit))
        total = sum(parts) - self._avoid(text, lowered, fit)
        fit.function = function
        caps = (("the title matches none of your roles", self._title_cap(fit)),
                ("another function", self._function_cap(function, fit)), ("more years asked", self._years_cap(fit)),
                ("not an opening", self._opening_cap(job, lowered, fit)),
                ("closed, not an opening", self._closed_cap(lowered, fit)),
                ("not a regular position", self._schedule_cap(job, fit)),
                ("a place or language you cannot work in", OUTSIDE_CAP if fit.outside else None),
                ("a level you did not ask for", LEVEL_CAP if fit.level_gap else None),
                ("a title you rule out", self._ruled_out_cap(job, fit)))
        for why, cap in caps:
            if cap is not None and cap < total:
                fit.caps.append(f"{cap}: {why}")
                total = cap
        fit.score = int(round(max(0, min(100, total))))
        return fit

    def _function(self, job: Job, lowered: str) -> str | None:
        """The job's function; of a title offering alternatives ("Data Engineer and Analyst"), the
        first that is the person's own work (one they merely also take does not count: a frontend or
        full-stack role is not a backend engineer's)."""
        function = job_function(job.title, job.description, lowered[len(job.title) + 1:])
        if not self.functions or function in self.functions:
            return function
        if function == "machine learning" and "research" in self.own_functions and _SCIENTIST.search(job.title):
            return "research"  # a scientist's seat on ML work ("NLP Scientist") is a researcher's work too
        offered: tuple[str | None, ...] = title_functions(job.title)
        if work_left_to_text(job.title):  # "Senior Python Developer": the text says which work the language is for
            offered += (text_function(job.description, lowered[len(job.title) + 1:]),)
        return next((f for f in offered if f in self.own_functions), function)

    def _title_cap(self, fit: Fit) -> int | None:
        return NEAR_TITLE_CAP if self.roles and fit.title_match < TITLE_MATCH else None

    def _ruled_out_cap(self, job: Job, fit: Fit) -> int | None:
        title = normalise_title(_INTERN_ALTERNATIVE.sub(" ", job.title))  # an internship beside the role is another
        ruled_out = [word for word, pattern in self.ruled_out if pattern.search(title)]
        if not ruled_out:
            return None
        kinds = [normalise_title(kind) for kind in _KIND_CHOICE.split(_ROLE_PART.split(job.title, 1)[0])]
        if len(kinds) > 1 and any(not any(p.search(kind) for _, p in self.ruled_out) for kind in kinds):
            return None  # "iOS/Android Developer": the Android seat is still on offer to one who rules out iOS
        fit.flags.append(f"title says {ruled_out[0]!r}, which you rule out")
        return RULED_OUT_CAP

    def _function_cap(self, function: str | None, fit: Fit) -> int | None:
        """A job of another function than the person's (a frontend role for an SRE, a forward-deployed
        or research role for an engineer) scores FUNCTION_CAP at most, and says so."""
        fit.components["function"] = 0.0
        if not function or not self.functions or function in self.functions or function == "open application":
            return None
        fit.flags.append(f"a {function} role; you look for {', '.join(sorted(self.functions))}")
        fit.components["function"] = -1.0
        return FUNCTION_CAP

    def _opening_cap(self, job: Job, lowered: str, fit: Fit) -> int | None:
        """Open applications and talent pools are flagged and kept below min_score, unless the
        person opted in (fit.open_applications)."""
        head = f"{job.title}\n{job.description[:1500]}"
        low_head = lowered[:len(head)]
        if fit.function != "open application" and not (
                holds_any(low_head, _OPENING_HINTS) and _applies_to_no_opening(low_head)):
            return None
        fit.flags.append("open application or talent pool, not an opening")
        return None if self.profile.open_applications else self.profile.min_score - OPENING_GAP

    def _closed_cap(self, lowered: str, fit: Fit) -> int | None:
        """A posting that marks itself closed ("(CLOSED) Full-stack Dev", "[Filled]", "status: closed",
        "APPLICATION WINDOW CLOSED", "this position has been filled", "no longer accepting applications")
        is no opening any more: kept below min_score, with what it says."""
        if all(lowered.find(hint, 0, 2000) == -1 for hint in _CLOSED_HINTS):
            return None  # the cheap test first
        said = _CLOSED.search(lowered, 0, 2000)
        if said is None:
            return None
        fit.flags.append(f"the posting says {said.group(0).strip()!r}: closed, not an opening")
        return self.profile.min_score - OPENING_GAP

    def _schedule_cap(self, job: Job, fit: Fit) -> int | None:
        """A title that says weekend or part-time work ("Weekend Site Reliability Engineer") is not the
        regular position a profile asks for, unless one of its roles says so."""
        if self.takes_schedules:
            return None
        found = _SCHEDULE.search(job.title)
        if found is not None:
            fit.flags.append(f"the title says {found.group(1)!r}: not a regular full-time position")
            return self.profile.min_score - OPENING_GAP
        text = job.description  # the cheap test first: "Part-time", "part time" hold one of these
        hinted = text.find("art-time", 0, 1500) != -1 or text.find("art time", 0, 1500) != -1
        line = _SCHEDULE_LINE.search(text, 0, 1500) if hinted else None
        if line is None:
            return None
        fit.flags.append(f"the text says {line.group(0).strip()!r}: not a regular full-time position")
        return self.profile.min_score - OPENING_GAP

    def _title(self, job: Job, function: str | None, fit: Fit) -> float:
        """The share of a role's words the title has ('backend engineer' in 'Software Engineer,
        Backend': all of them), best role first. A shared generic word alone ('specialist',
        'engineer') is half a match at most, which caps the whole score. A title that names another
        role of the person's own function ('Python Engineer' for a backend engineer, 'Technical Support
        Representative' for support) counts as a match, and a generic one ("Software Engineer")
        nearly so for a person whose function takes it (a backend engineer)."""
        weight = WEIGHTS["title"]
        if not self.roles:
            fit.components["title"] = weight / 2
            return weight / 2
        words = {w.rstrip("s") for w in normalise_title(job.title).split() if w not in _LEVEL_WORDS}
        best, role = max((self._coverage(words, r), r) for r in self.roles)
        same = GENERIC_TITLE_MATCH if function == GENERIC else FUNCTION_TITLE_MATCH
        if best < same and function in self.functions and function not in _GENERIC_FUNCTIONS:
            best, role = same, f"a {function} role"
        fit.title_match = best
        points = weight * best ** 2
        fit.components["title"] = round(points, 1)
        if best >= TITLE_MATCH:
            fit.reasons.append(f"title matches {role!r}")
        else:
            fit.flags.append("title matches none of your roles" if best == 0 else f"title is only near {role!r}")
        return points

    @staticmethod
    def _coverage(words: set[str], role: str) -> float:
        wanted = {_SAME_WORD.get(w, w) for w in (w.rstrip("s") for w in role.split() if w not in _LEVEL_WORDS)}
        return len(wanted & {_SAME_WORD.get(w, w) for w in words}) / len(wanted) if wanted else 0.0

    def _seniority(self, job: Job, lowered: str, fit: Fit, several: bool = False) -> float:
        """The level the title states, else LinkedIn's seniority field, else the years the text asks
        (read as a level only when the person's own years are unknown)."""
        weight = WEIGHTS["seniority"]
        levels = title_levels(job.title, self.role_words)
        stated = bool(levels)
        fit.years_asked = required_years(lowered, several)
        if not stated:
            criteria = str((job.data.get("detail") or {}).get("seniority") or job.extra.get("seniority") or "")
            levels = _LINKEDIN_LEVELS.get(criteria, ())
        said_by = "title"
        if not levels and not several:
            levels = text_levels(job.title, lowered[len(job.title) + 1:])
            stated, said_by = bool(levels), "text"
            if not levels and self.profile.years is None and fit.years_asked:
                least = fit.years_asked[0]
                levels = ("senior",) if least >= 5 else ("mid",) if least >= 2 else ("entry",)
        if not self.wanted or not levels:
            fit.components["seniority"] = weight * (1.0 if not self.wanted else 0.7)
            return fit.components["seniority"]
        gap = min(0 if a == b else max(1, abs(_RANK[a] - _RANK[b])) for a in levels for b in self.wanted)
        points = weight if gap == 0 else -SENIORITY_PENALTY if stated else 0.0
        fit.level_gap = bool(gap and stated)
        if gap:
            fit.flags.append(f"{said_by} says {levels[0]}" if stated else f"seniority looks {levels[0]}")
        fit.components["seniority"] = points
        return points

    def _years_cap(self, fit: Fit) -> int | None:
        """Years asked against the person's (fit.years; later also the resume's dates, issue #25): 3 or
        more short caps the score, 2 short costs YEARS_PENALTY, a range far below them too."""
        have = self.profile.years
        if have is None or fit.years_asked is None:
            return None
        low, high = fit.years_asked
        asked = f"{low}-{high}" if high else f"{low}+"
        if low - have >= 3:
            fit.flags.append(f"asks {asked} years; you have {have}")
            return YEARS_SHORT_CAP
        if low - have == 2 or (high is not None and have - high >= 4):
            fit.flags.append(f"asks {asked} years; you have {have}")
            fit.components["years"] = -YEARS_PENALTY
            return None
        fit.components["years"] = 0.0
        return None

    def _skills(self, text: str, lowered: str, fit: Fit) -> float:
        weight = WEIGHTS["skills"]
        must = [s for s in self.profile.must_have if mentions(s, text, lowered)]
        nice = [s for s in self.profile.nice_to_have if mentions(s, text, lowered)]
        fit.matched = sorted({*must, *nice}, key=str.lower)
        fit.missing = [s for s in self.profile.must_have if s not in must]
        must_part = len(must) / len(self.profile.must_have) if self.profile.must_have else 1.0
        nice_part = min(1.0, len(nice) / min(3, len(self.profile.nice_to_have))) if self.profile.nice_to_have \
            else 1.0
        points = weight * (0.5 * must_part + 0.5 * nice_part) - MISSING_MUST_PENALTY * len(fit.missing)
        if fit.missing:
            fit.flags.append("missing must-have: " + ", ".join(fit.missing))
        fit.components["skills"] = round(points, 1)
        return points

    def _avoid(self, text: str, lowered: str, fit: Fit) -> float:
        found = [term for term in self.profile.avoid if mentions(term, text, lowered)]
        for term in found:
            fit.flags.append(f"mentions {term!r}, which you avoid")
        fit.components["avoid"] = -AVOID_PENALTY * len(found)
        return AVOID_PENALTY * len(found)

    def _location(self, job: Job, lowered: str, fit: Fit, placed: bool = False) -> float:
        """Full points where one of the posting's places is workable for the person: an on-site part
        in a country they live in (unless remote: only), a remote part within where they may work
        from, or remote with no bound (unless remote: no). What the text says bounds a bare "Remote"
        ("Remote (US only)", "based in Latin America", "9 AM - 5 PM EST", a salary in rand)."""
        weight = WEIGHTS["location"]
        low_text = lowered[len(job.title) + 1:]  # the description in lower case
        workplace = str(job.extra.get("workplace") or "")
        where, seat_only = self._where(job.location or "", workplace, job.description, low_text)
        text = job.description
        note = seat_note(job.location or "")
        if note and note in low_text and len(low_text) == len(text):
            # the field's "(HQ: New Zealand, GMT+12)" repeated in the text is the seat's note there too
            text, low_text = _blank(text, low_text, note), _blank(low_text, low_text, note)
        said = what_text_says(job.title, text, low_text, written_in(lowered) == "english", job.location or "")
        remote_hint = bool(job.extra.get("is_remote")) or workplace.lower() == "remote" or seat_only \
            or "remote" in job.title.lower() or (where.unknown and (said.remote or said.anywhere))
        titled = title_where(job.title)
        if not where.countries():  # "Anywhere", "Remote" or nothing: the title may say where
            if titled.countries():
                where, remote_hint = titled, remote_hint or where.remote
            elif where.unknown and not remote_hint and (place := text_place(job.description, low_text)):
                # "Location: Munich", "our Lisbon office" in a text that does not say remote: the role's place,
                # read to the city (an office a remote role names is where the company sits, not a bound)
                where = read_where(place)
                fit.reasons.append(f"no place given; the text names {place.strip()!r}")
            elif where.unknown and not remote_hint and _placeless(job, workplace, low_text):
                remote_hint = True
                fit.reasons.append("no place given and the text names no office: read as remote with no region")
        elif any(REMOTE.search(p.text) for p in titled.parts):
            # "Senior Frontend Engineer - Remote Europe": the title opens remote work there too; a territory
            # the title names without saying remote ("Account Executive - EMEA") is not where one works from
            where = Where(where.parts + tuple(p for p in titled.parts if REMOTE.search(p.text)), where.anywhere, False,
                          where.excluded, where.worldwide)
        if where.parts and not where.remote and not where.anywhere and header_offers_remote(job.description, where):
            # "Acme | SF | ONSITE, REMOTE": the header offers remote work beside the place, as "SF or Remote" does
            where = Where(where.parts, True, False, where.excluded, where.worldwide)
            fit.reasons.append("the post's header offers remote work beside its place")
        if where.parts and not where.remote and not said.anywhere and (remote_chosen(low_text) or fully_remote_said(
                job.description, low_text) and not on_site_said(workplace, low_text)):
            # "São Paulo" beside "100% home office" or a free choice of remote work: remote work in the place's
            # country, not an office there
            where = Where(tuple(dataclasses.replace(p, remote=True) for p in where.parts), False, False,
                          where.excluded)
            fit.reasons.append("the text says the work is fully remote, in the place's country")
        if title_anywhere(job.title) and not where.anywhere and not titled.countries():
            # "DevOps Engineer Remote/Work Anywhere" at "Serbia"; not "USA - Based Anywhere" (anywhere there)
            where, remote_hint = Where(where.parts, True, False, where.excluded), True
            fit.reasons.append("the title says it may be done from anywhere")
        share, note = 1.0, ""
        if where.unknown and not remote_hint and not said.bounds and self.home:
            share, note = 0.0, "no location given: cannot tell whether you can work there"
        elif where.unknown and not remote_hint:
            if said.bounds and self.home:
                share, note = (1.0, "") if said.bounds & self.work_from else \
                    (0.0, f"the text limits it to {_few(said.bounds)}, outside where you can work")
            else:
                share, note = 0.5, "no location given"
        elif not self.home:
            workable = any(p.remote for p in where.parts) or where.anywhere or remote_hint
            share, note = (1.0, "") if self.profile.remote != "only" or workable else (0.0, "not remote")
        elif not self._workable(where, remote_hint, said, placed):
            share, note = 0.0, f"{job.location or 'remote'} is outside where you can work"
            if (said.excluded | where.excluded) & self.work_from:
                note += f" (it shuts out {_few((said.excluded | where.excluded) & self.work_from)})"
            elif (where.remote or remote_hint) and said.limits is not None and not said.limits & self.work_from:
                note += f" (its hours, pay, clearance or contract point to {_few(said.limits)})"
        if note:
            fit.flags.append(note)
        fit.outside = share == 0.0
        fit.components["location"] = weight * share
        return weight * share

    @staticmethod
    def _where(location: str, workplace: str, description: str, low_text: str) -> tuple[Where, bool]:
        """The posting's places without the company's seat ("Headquarters: Toronto", "(HQ in NYC)"), and
        whether the seat was all it named and is not the role's place. The seat counts as the role's
        place only for a role that names no other place and is on site or hybrid: one that says so, or
        an office marked as the seat ("New York, NY (HQ)") in a text that does not say remote. A field
        that gives only the seat ("Headquarters: Toronto", a remote board's company line) or a text
        that says remote makes the role remote, bounded only by what the text says."""
        place, seat = without_hq(location)
        label = seat_label(location)
        if not seat and location.strip() and seat_repeated(location, description):
            place, seat, label = "", location, True  # the field repeats the text's "Headquarters:" line
        if not seat or place:
            return read_where(place), False
        where = read_where(seat)
        if where.remote:
            return where, False
        if on_site_said(workplace, low_text) or not (label or remote_in_text(description, low_text)):
            return where, False
        return Where((), False, True), True

    def _workable(self, where: Where, remote_hint: bool, said: Said, placed: bool = False) -> bool:
        """One part of the place is workable: on site within the person's reach (a country they name,
        or near a city they name), or remote from an area within where they may work from (None:
        anywhere)."""
        mode = self.profile.remote
        # an on-site part, or a remote one tied to a city ("Munich + home office", "Toronto, ON - Remote OK"),
        # which has an office there, within the person's reach
        if mode != "only" and any((not p.remote or spot_of(p.text).points) and self.onsite.takes(p.countries, p.text)
                                  for p in where.parts):
            return True
        if mode == "no":
            return False
        areas = remote_areas(where, remote_hint, said, placed)
        if not any(area is None or area & self.work_from for area in areas):
            return False
        allowed = self.work_from - said.excluded - where.excluded  # "not considering DACH", "(except US)"
        return any(area is None and allowed or area is not None and area & allowed for area in areas)

    def _language(self, job: Job, lowered: str, fit: Fit) -> float:
        spoken = self.spoken
        required, _optional = required_languages(lowered, lowered, spoken, read_where(job.location or "").countries())
        missing = sorted(required - spoken)
        for language in missing:
            fit.flags.append(f"requires {language.capitalize()}")
        if not missing and len(spoken) < 2 and _BILINGUAL_TITLE.search(job.title) and \
                not any(name in job.title.lower() for names in LANGUAGES.values() for name in names):
            missing = ["a second language"]  # which one, the title does not say; one the person lacks all the same
            fit.flags.append("the title asks for a second language (bilingual); you list one")
        fit.outside = fit.outside or bool(missing)
        points = 0.0 if missing else float(WEIGHTS["language"])
        fit.components["language"] = points
        return points

    def _freshness(self, job: Job, fit: Fit) -> float:
        weight = WEIGHTS["freshness"]
        seen = job.first_seen_at or job.created_at
        posted = str(job.extra.get("posted_date") or "")
        if re.match(r"\d{4}-\d{2}-\d{2}", posted):
            seen = time.mktime(time.strptime(posted[:10], "%Y-%m-%d"))
        age_days = (fit.scored_at - seen) / 86400 if seen else 0
        points = weight if age_days <= 14 else weight / 2 if age_days <= 30 else 0.0
        if age_days > 30:
            fit.flags.append(f"posted {age_days:.0f} days ago")
        fit.components["freshness"] = points
        return points
