"""The words the reply classifier reads, as families of cues, each written out per language
(English, German, French, Spanish, Dutch, and Portuguese and Italian, which no blind round has
measured yet: their words were written from the tuner's probes). classify.py holds the logic; this
file only says how
each kind of sentence is worded, so a newcomer adds a phrasing here without touching the logic.

A family is one case-insensitive pattern made of every language's alternatives; `within(langs)`
gives the same family in some languages only. The modifiers (negation, condition, past, clause
boundary) are read in the mail's own language (and English), since their short words collide
across languages: the Spanish "no" in "No problem, see you Thursday", the French "plus", the
Dutch "als" in a German "Ihre Bewerbung als ...".
Patterns match within one sentence (classify splits the text); `[^.!?\\n]{0,40}` means "later in
the same sentence". Families describe the shape of the mail, not any one company's wording:
an invitation is an invitation verb with a meeting word, an ask for the candidate's times, a
concrete slot, a scheduling link, a step forward or a confirmation; a decline is a decision about
the candidate (a negated step forward, someone else chosen, the application's outcome), or a role
that closed. A phrasing added to one language is added to all of them (`family` refuses one
without every language).
"""

import re
from collections.abc import Iterable, Iterator

LANGUAGES = ("en", "de", "fr", "es", "nl", "pt", "it")


class Family:
    """One cue family: each language's alternatives, compiled together and, on demand, per subset
    of languages. It reads like a compiled pattern (search, finditer, findall)."""

    def __init__(self, by_language: dict[str, list[str]]) -> None:
        self.by_language = by_language
        self._compiled: dict[frozenset[str], re.Pattern[str]] = {}
        self.any = self.within(LANGUAGES)
        self.pattern = self.any.pattern

    def within(self, languages: Iterable[str]) -> re.Pattern[str]:
        key = frozenset(languages)
        if key not in self._compiled:
            alternatives = [f"(?:{p})" for lang in LANGUAGES if lang in key for p in self.by_language[lang]]
            self._compiled[key] = re.compile("|".join(alternatives) or r"(?!)", re.I)
        return self._compiled[key]

    def search(self, text: str) -> re.Match[str] | None:
        return self.any.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.any.finditer(text)

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.any.finditer(text)]


def family(**by_language: list[str]) -> Family:
    """One family from each language's alternatives (every language named, so none is forgotten)."""
    missing = set(LANGUAGES) - set(by_language)
    if missing:
        raise ValueError(f"cue family without {sorted(missing)}")
    return Family(by_language)


# -- which language a mail is written in ----------------------------------------------------------

# Short words frequent in one language and rare in the others (shared ones such as "de", "la", "is",
# "we", "die", "en", "il", "una", "para" are left out).
STOPWORDS = {
    "en": {"the", "and", "you", "your", "our", "to", "of", "for", "with", "are", "this", "that", "would", "will",
           "have", "be", "thanks", "thank", "hi", "dear", "it", "not", "i", "i'm", "we're", "we'd", "i'd", "us", "how",
           "about", "at", "can", "could", "my", "me", "just", "let", "know", "what", "when", "from", "please",
           "was", "were", "has", "been", "i'll", "we'll", "we've", "you're", "sure"},
    "de": {"der", "das", "und", "ich", "sie", "wir", "ihnen", "ihre", "ihr", "nicht", "mit", "für", "ist", "sind",
           "ein", "eine", "einen", "uns", "zu", "auf", "bei", "haben", "werden", "leider", "hallo", "vielen", "dass",
           "sehr", "geehrte", "geehrter", "gerne", "du", "dich", "dir", "noch", "wie", "auch"},
    "fr": {"le", "les", "et", "vous", "nous", "pour", "une", "est", "des", "pas", "avec", "votre", "vos", "au",
           "du", "sur", "dans", "merci", "bonjour", "je", "ne", "ce", "cette", "sommes", "avons", "à", "été"},
    "es": {"el", "los", "las", "y", "por", "para", "con", "una", "hemos", "del", "al", "muy", "gracias", "hola",
           "está", "estamos", "puedes", "tienes", "su", "sus", "tus", "nuestro", "nuestra", "tu", "te"},
    "nl": {"het", "een", "je", "jij", "jou", "jouw", "uw", "wij", "ik", "niet", "met", "voor", "van", "zijn",
           "dat", "op", "ons", "onze", "graag", "bedankt", "hoi", "beste", "groet", "helaas", "wat", "hebben",
           "wordt", "naar", "ook", "bij", "dit", "deze", "geen"},
    "pt": {"não", "você", "vocês", "obrigado", "obrigada", "olá", "oi", "nós", "nossa", "nosso", "seu", "sua", "seus",
           "suas", "muito", "também", "são", "às", "ao", "aos", "pela", "pelo", "uma", "em", "isso", "essa", "esse",
           "infelizmente", "gostaríamos", "agradecemos", "vaga", "equipe", "equipa"},
    "it": {"di", "che", "per", "sono", "siamo", "abbiamo", "grazie", "ciao", "gentile", "purtroppo", "vorremmo", "suo",
           "tuo", "tua", "nostro", "nostra", "della", "delle", "degli", "dei", "alla", "anche", "molto", "questo",
           "questa", "non", "è", "ti", "lei", "colloquio", "saluti"},
}
WORD = re.compile(r"[a-zà-öø-ÿß']+", re.I)


def languages(text: str) -> tuple[str, ...]:
    """The mail's language and English (mail in any language borrows English words), or all of them
    when the text says too little to tell."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in WORD.findall(text.lower()):
        for lang, words in STOPWORDS.items():
            counts[lang] += word in words
    ranked = sorted(LANGUAGES, key=lambda lang: -counts[lang])
    best, second = ranked[0], ranked[1]
    if counts[best] < 2 or counts[best] < 2 * counts[second]:
        return LANGUAGES
    return ("en",) if best == "en" else ("en", best)


# -- modifiers: what changes the meaning of a cue later in the same clause -------------------------

NEGATION = family(
    en=[r"n't\b", r"\b(?:not|never|unable|cannot|no longer)\b"],
    de=[r"\b(?:nicht|kein\w*|nie|niemals)\b"],
    fr=[r"\b(?:pas|plus|jamais|aucun\w*)\b", r"\bne (?:pouv|sau)\w+\b"],
    es=[r"\b(?:no|nunca|tampoco|ningun\w*)\b"],
    nl=[r"\b(?:niet|geen|nooit)\b"],
    pt=[r"\b(?:não|nunca|nenhum\w*|nem)\b"],
    it=[r"\b(?:non|mai|nessun\w*)\b"])
# Negations that negate nothing about the candidate: "don't hesitate", "no problem", "no worries".
NOT_NEGATION = family(
    en=[r"\b(?:don't|do not|never) (?:hesitate|forget|worry)\b", r"\bno (?:problem|worries|rush|need to worry)\b",
        r"\bnot (?:only|just)\b", r"\bif not\b"],
    de=[r"\b(?:zögern sie nicht|zögere nicht|vergessen sie nicht|vergiss nicht)\b",
        r"\bkein(?:e)? (?:problem|sorge|stress)\b",
        r"\bnicht nur\b"],
    fr=[r"\bn'(?:hésitez|hésite|oubliez|oublie) pas\b", r"\bpas de (?:souci|problème|soucis)\b", r"\bnon seulement\b"],
    es=[r"\bno (?:dudes|dude|olvides|olvide|te preocupes|se preocupe|hay problema|pasa nada)\b", r"\bno solo\b",
        r"\bsin problema\b"],
    nl=[r"\b(?:aarzel|schroom|vergeet) niet\b", r"\bgeen (?:probleem|zorgen|punt)\b", r"\bniet alleen\b"],
    pt=[r"\bnão (?:hesite|hesites|deixe de|se preocupe|te preocupes|tem problema|há problema)\b",
        r"\bsem problema\b",
        r"\bnão só\b"],
    it=[r"\bnon (?:esit\w+|si preoccup\w+|ti preoccupare|c'è problema|solo)\b", r"\bnessun problema\b"])
# A condition: "if there is a match we will contact you to schedule an interview".
HYPOTHETICAL = family(
    en=[r"\b(?<!what )(?:if|whether|unless|should (?:you|we|your|there|a|an|the)|in case|once|in the event)\b"],
    de=[r"(?<!wäre es, )(?<!wäre es )\b(?:wenn|falls|sofern|ob|sobald|sollten? (?:sie|wir|du|sich|es))\b"],
    fr=[r"\b(?:si|s'il|s'ils|au cas où|dès que|lorsque|sans (?:réponse|nouvelles|retour)|à défaut)\b"],
    es=[r"(?<!parece )\b(?:si|en caso de|cuando|de no)\b"],
    nl=[r"\b(?:indien|zodra|mocht(?:en)?)\b", r"\bals (?:je|jij|u|we|wij|er|het|dat|dit|deze|jouw|uw|ik|zij|hij)\b",
        r"\bof (?:we|wij|je|jij|u)\b"],
    pt=[r"\b(?:caso|assim que|uma vez que|na eventualidade)\b",
        r"\bse (?:o|a|os|as|você|vocês|tiver|houver|for|seu|sua|não|estiver|existir|surgir)\b"],
    it=[r"\b(?:qualora|nel caso|appena|una volta che)\b",
        r"\bse (?:il|la|lo|i|le|ci|sarà|fosse|hai|ha|avete|non|tu|lei|dovesse|dovessimo)\b"])
# A courtesy condition on the candidate's own interest or time ("if you're still interested, could we
# talk on Thursday?"): the company has decided, so it suspends nothing (blanked like NOT_NEGATION).
COURTESY = family(
    en=[r"\bif (?:you(?:'re| are) )?(?:still )?(?:interested|available|keen|free|open to (?:it|this|that))\b",
        r"\bif (?:it|that|this) (?:suits|works for) you\b"],
    de=[r"\b(?:falls|wenn) (?:sie|du) (?:noch |weiterhin )?(?:interesse ha(?:ben|st)|interessiert (?:sind|bist)|"
        r"zeit ha(?:ben|st)|lust ha(?:ben|st))\b", r"\b(?:falls|wenn) es (?:ihnen|dir) passt\b"],
    fr=[r"\bsi (?:vous êtes|tu es) (?:toujours )?(?:intéressée?s?|disponibles?|partante?s?)\b",
        r"\bsi (?:cela|ça) (?:vous|te) (?:convient|intéresse)\b",
        r"\bsi le poste (?:vous|t') intéresse(?: toujours)?\b"],
    es=[r"\bsi (?:sigues|sigue|estás|está) (?:interesad[oa]|disponible)\b",
        r"\bsi (?:te|le) (?:interesa|viene bien|parece bien)\b"],
    nl=[r"\bals (?:je|u) (?:nog )?(?:interesse hebt|interesse heeft|geïnteresseerd bent|beschikbaar bent|tijd hebt|"
        r"zin hebt)\b", r"\bals (?:het|dat) (?:je|u) (?:past|schikt|uitkomt)\b"],
    pt=[r"\bse (?:você )?(?:ainda )?(?:tiver interesse|estiver interessad[oa]|estiver disponível)\b"],
    it=[r"\bse (?:sei|è) (?:ancora )?(?:interessat[oa]|disponibile)\b", r"\bse (?:ti|le) (?:interessa|va)\b"])
# A sentence that opens on a condition governs all of it ("If you have not heard from us within
# four weeks, please consider your application unsuccessful"), and so does "consider that ...".
CONDITION_OPENING = family(
    en=[r"^\W*(?:if|should|unless|in case|in the event|once)\b", r"\bplease (?:consider|assume)\b",
        r"\b(?:consider|assume) (?:that )?your (?:application|candidacy)\b"],
    de=[r"^\W*(?:wenn|falls|sofern|sollten?|sobald)\b", r"\bgehen sie (?:bitte )?davon aus\b",
        r"\bbetrachten sie\b"],
    fr=[r"^\W*(?:si|s'il|sans (?:réponse|nouvelles|retour)|à défaut|au cas où|dès que)\b",
        r"\b(?:considérer|considérez) que\b"],
    es=[r"^\W*(?:si|en caso|de no|cuando)\b", r"\b(?:considera|considere|entiende|entienda) que\b"],
    nl=[r"^\W*(?:indien|mocht|zodra)\b", r"^\W*als (?:je|jij|u|we|wij|er|het|dat|dit|deze|jouw|uw|ik)\b",
        r"\bbeschouw\w*\b"],
    pt=[r"^\W*(?:se|caso|assim que)\b", r"\b(?:considere|considera) que\b"],
    it=[r"^\W*(?:se|qualora|nel caso|appena)\b", r"\b(?:consideri|considera) (?:che|la sua candidatura)\b"])
# Something already done: "thank you for interviewing", "vielen Dank für das Gespräch".
PAST = family(
    en=[r"\b(?:last|previous|yesterday|earlier)\b", r"\bthank", r"\bthanks\b", r"\bappreciate",
        r"\bfollow(?:ing)?[- ]up on\b",
        r"\bafter (?:the|our|your)\b"],
    de=[r"\b(?:letzte[nrs]?|vergangene[nrs]?|gestern|gestrigen)\b", r"\b(?:danke|dank)\w*\b", r"\bim nachgang\b",
        r"\bnach (?:dem|unserem|ihrem|deinem)\b"],
    fr=[r"\b(?:dernière?|hier|précédent)\b", r"\bmerci\b", r"\bremercions\b", r"\bpour faire suite\b",
        r"\baprès (?:l'|le |la |notre |votre |nos |vos )"],
    es=[r"\b(?:pasad[oa]|ayer|anterior)\b", r"\bgracias\b", r"\bagradec\w*", r"\ben seguimiento\b",
        r"\b(?:tras|después de) (?:la|el|tu|su|nuestra|nuestro)\b"],
    nl=[r"\b(?:vorige|gisteren|afgelopen)\b", r"\b(?:bedankt|dank)\w*\b", r"\bnaar aanleiding van\b",
        r"\bna (?:het|de|ons|je|jouw|uw)\b"],
    pt=[r"\b(?:passad[oa]|ontem|anterior)\b",
        r"\bobrigad[oa]\b",
        r"\bagradec\w*",
        r"\b(?:após|depois d)(?:a|o|e) (?:a |o )?(?:sua|seu|nossa|nosso|entrevista|conversa)\b"],
    it=[r"\b(?:scors[oa]|ieri|precedente)\b",
        r"\bgrazie\b",
        r"\bringrazi\w*",
        r"\bdopo (?:il|la|l'|il nostro|la nostra|il suo|la sua|il tuo|la tua)\b"])
# Later, another time, another role: "happy to chat about future opportunities" is no invitation.
FUTURE = family(
    en=[r"\bin the future\b", r"\bfuture (?:roles?|openings?|opportunit\w+|positions?|vacanc\w+|needs)\b",
        r"\bdown the (?:line|road)\b", r"\bstay in touch\b", r"\bkeep in touch\b"],
    de=[r"\b(?:in|für die) zukunft\b", r"\b(?:zukünftig|künftig)\w*\b", r"\bin kontakt bleiben\b"],
    fr=[r"\bà l'avenir\b", r"\bfutur\w* (?:opportunit\w+|postes?|besoins?|offres?)\b", r"\brester en contact\b",
        r"\bultérieurement\b"],
    es=[r"\ben el futuro\b", r"\bfutur[oa]s? (?:oportunidad\w*|vacantes?|procesos?|posiciones?)\b",
        r"\bmantener(?:nos)? en contacto\b", r"\bmás adelante\b"],
    nl=[r"\bin de toekomst\b", r"\btoekomstige\b", r"\bcontact houden\b", r"\bin contact blijven\b",
        r"\blater (?:dit jaar|nog eens)\b"],
    pt=[r"\bno futuro\b",
        r"\bfutur[oa]s? (?:oportunidades?|vagas?|processos?|posições)\b",
        r"\bmanter(?:-nos)? em contato\b",
        r"\bmais adiante\b"],
    it=[r"\bin futuro\b",
        r"\bfutur[ei] (?:opportunità|posizioni|selezioni)\b",
        r"\brestare in contatto\b",
        r"\bpiù avanti\b"])
# Feedback on a decision: "happy to jump on a call to give you feedback" is no interview.
FEEDBACK = family(
    en=[r"\b(?:give|share|offer|provide|walk you through)\b[^.!?\n]{0,20}\bfeedback\b",
        r"\bfeedback (?:call|session)\b"],
    de=[r"\bfeedback\w* (?:geben|zu geben|mitteilen|gespräch)", r"\bfeedbackgespräch\b", r"\brückmeldung geben\b"],
    fr=[r"\b(?:faire|donner|partager)\b[^.!?\n]{0,20}\b(?:un )?(?:retour|feedback)\b", r"\bdébrief\w*\b"],
    es=[r"\b(?:dar|darte|darle|compartir)\b[^.!?\n]{0,20}\b(?:feedback|retroalimentación|comentarios)\b"],
    nl=[r"\b(?:feedback|terugkoppeling) (?:geven|te geven|delen)\b", r"\bfeedbackgesprek\b"],
    pt=[r"\b(?:dar|compartilhar|partilhar|fornecer)\b[^.!?\n]{0,20}\b(?:feedback|devolutiva)\b"],
    it=[r"\b(?:dare|darti|darle|condividere|fornire)\b[^.!?\n]{0,20}\b(?:feedback|riscontro)\b"])
# A clause boundary: a cue after "but" is not under the negation before it.
CLAUSE = family(
    en=[r"[,;:–—]", r"\s-\s", r"\b(?:but|however|although)\b"],
    de=[r"[,;:–—]", r"\s-\s", r"\b(?:aber|jedoch|doch|allerdings)\b"],
    fr=[r"[,;:–—]", r"\s-\s", r"\b(?:mais|toutefois|cependant|néanmoins)\b"],
    es=[r"[,;:–—]", r"\s-\s", r"\b(?:pero|sin embargo|aunque)\b"],
    nl=[r"[,;:–—]", r"\s-\s", r"\b(?:maar|echter|toch)\b"],
    pt=[r"[,;:–—]", r"\s-\s", r"\b(?:mas|porém|contudo|no entanto|embora)\b"],
    it=[r"[,;:–—]", r"\s-\s", r"\b(?:ma|però|tuttavia|comunque|sebbene)\b"])
# The application is still alive: a pause or a delay is no decline.
STILL_OPEN = family(
    en=[r"\b(?:still|remains?) (?:active|open|under (?:review|consideration)|in (?:the )?(?:process|consideration))\b"],
    de=[r"\b(?:weiterhin|noch) (?:aktiv|im (?:verfahren|prozess|rennen)|in (?:der )?(?:prüfung|auswahl))\b",
        r"\bbleibt (?:aktiv|bestehen)\b"],
    fr=[r"\b(?:reste|toujours|demeure) (?:active|en cours|à l'étude|ouverte)\b"],
    es=[r"\b(?:sigue|continúa|permanece) (?:activa|abierta|en (?:proceso|revisión|curso))\b"],
    nl=[r"\b(?:nog steeds|blijft|is nog) (?:actief|in behandeling|lopende|open)\b"],
    pt=[r"\b(?:continua|permanece|segue) (?:ativa|aberta|em (?:análise|andamento))\b"],
    it=[r"\b(?:resta|rimane|è ancora) (?:attiva|aperta|in (?:valutazione|corso))\b"])

# -- time: a meeting still to come ------------------------------------------------------------------

WEEKDAY = family(
    en=[r"\b(?:monday|tuesday|wednesday|thursday|friday)\b",
        r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri)\b(?=\.?,?\s*\d)"],
    de=[r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag)\w*\b", r"\b(?:mo|di|mi|do|fr)(?=\.?,?\s*\d)"],
    fr=[r"\b(?:lundi|mardi|mercredi|jeudi|vendredi)\b"],
    es=[r"\b(?:lunes|martes|miércoles|jueves|viernes)\b"],
    nl=[r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\w*\b"],
    pt=[r"\b(?:segunda|terça|quarta|quinta|sexta)-feira\b",
        r"\b(?:na|no|nesta|próxima) (?:segunda|terça|quarta|quinta|sexta)\b"],
    it=[r"\b(?:lunedì|martedì|mercoledì|giovedì|venerdì|lunedi|martedi|mercoledi|giovedi|venerdi)\b"])
MONTH = (r"(?:jan(?:uary|uar|vier|uari)?|feb(?:ruary|ruar|ruari)?|mar(?:ch)?|märz|mars|marzo|maart|apr(?:il)?|avril|"
         r"abril|may|mai|mayo|mei|june?|juni|juin|junio|july?|juli|juillet|julio|aug(?:ust)?|augustus|août|agosto|"
         r"sep(?:t|tember)?|septembre|septiembre|oct(?:ober)?|oktober|octobre|octubre|nov(?:ember)?|novembre|noviembre|"
         r"dec(?:ember)?|dezember|décembre|diciembre|januar|février|enero|febrero|janeiro|fevereiro|março|maio|junho|"
         r"julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
         r"dicembre)\.?")
DATE = re.compile(rf"\b\d{{1,2}}(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?{MONTH}\b|\b{MONTH}\s+\d{{1,2}}\b|"
                  r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?!\d)|\b\d{1,2}/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)
CLOCK = family(
    en=[r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", r"\b\d{1,2}:\d{2}\b",
        r"\b(?:morning|afternoon|noon|lunchtime)\b"],
    de=[r"\b\d{1,2}(?:[:.]\d{2})? uhr\b", r"\b(?:vormittag|nachmittag|mittag)s?\b"],
    fr=[r"\b(?:[01]?\d|2[0-4])\s?h(?:\s?\d{2})?\b(?!\s?(?:par|/|hebdo))", r"\b(?:matin|après-midi|midi)\b"],
    es=[r"\b(?:a|entre|hasta|desde) las \d{1,2}(?::\d{2})?\b", r"\b(?:[01]?\d|2[0-4])\s?h\b(?!\s?(?:por|/|a la))",
        r"\bpor la (?:mañana|tarde)\b",
        r"\bmediodía\b"],
    nl=[r"\b\d{1,2}[.:]\d{2}(?: uur)?\b", r"\bom \d{1,2}\b", r"\b(?:[01]?\d|2[0-4]) uur\b(?! per| in de| per week)",
        r"\b(?:ochtend|middag)\b"],
    pt=[r"\bàs \d{1,2}(?:[:h]\d{2})?h?(?!\w)",
        r"\b\d{1,2}h(?:\d{2})?\b",
        r"\b\d{1,2}:\d{2}\b",
        r"\b(?:de manhã|à tarde|pela manhã|da manhã|da tarde)\b"],
    it=[r"\balle (?:ore )?\d{1,2}(?:[:.]\d{2})?\b",
        r"\b\d{1,2}:\d{2}\b",
        r"\b(?:mattina|pomeriggio|in mattinata)\b"])
SOON = family(
    en=[r"\b(?:tomorrow|next week|this week|later this week|early next week|in the coming days)\b"],
    de=[r"\b(?:morgen|nächste[nr]? woche|diese[nr]? woche|kommende[nr]? woche|in den nächsten tagen)\b"],
    fr=[r"\b(?:demain|semaine prochaine|cette semaine|dans les prochains jours)\b"],
    es=[r"\b(?:mañana|próxima semana|semana que viene|esta semana|en los próximos días)\b"],
    nl=[r"\b(?:morgen|volgende week|deze week|komende week|de komende dagen)\b"],
    pt=[r"\b(?:amanhã|próxima semana|semana que vem|esta semana|nos próximos dias)\b"],
    it=[r"\b(?:domani|prossima settimana|settimana prossima|questa settimana|nei prossimi giorni)\b"])
# The day after: a day as concrete as a weekday ("call me tomorrow between 10 and 12").
TOMORROW = family(
    en=[r"\btomorrow\b"],
    de=[r"(?<!guten )\b(?:über)?morgen\b(?! früh)"],
    fr=[r"\b(?:après-)?demain\b"],
    es=[r"(?<!la )\b(?:pasado )?mañana\b"],
    nl=[r"\b(?:over)?morgen\b"],
    pt=[r"\bamanhã\b"],
    it=[r"\b(?:dopo)?domani\b"])
# A deadline is not a slot: "please confirm by Friday", "bis Freitag".
DEADLINE = family(
    en=[r"\b(?:by|until|before|no later than)\s+$"],
    de=[r"\b(?:bis|spätestens)\s+(?:zum\s+|am\s+)?$"],
    fr=[r"\b(?:avant|jusqu'(?:au|à)|d'ici)\s+(?:le\s+)?$"],
    es=[r"\b(?:antes del?|hasta el)\s+$"],
    nl=[r"\b(?:uiterlijk|vóór|tot)\s+$"],
    pt=[r"\b(?:até|antes d[eoa])\s+(?:o |a |à )?$"],
    it=[r"\b(?:entro|prima di)\s+(?:il |la )?$"])

# -- a meeting with the candidate ------------------------------------------------------------------

# "Call me", said to the candidate: a proposal when a time comes with it ("call me tomorrow between
# 10 and 12"), and a meeting.
_CALL_ME = {"de": r"\bruf\w* (?:sie |du )?(?:mich|uns)\b[^.!?\n]{0,60}\ban\b",
            "fr": r"\b(?:appelez|appelle)-(?:moi|nous)\b", "es": r"\bllám(?:ame|eme|anos|enos)\b",
            "nl": r"\bbel (?:me|mij|ons)\b", "pt": r"\b(?:me liga|liga-me|ligue-me|me ligue)\b",
            "it": r"\b(?:chiamami|mi chiami)\b"}
MEETING = family(
    en=[r"\b(?:call|chat|talk(?:ing)?|speak(?:ing)?|meet(?:ing)?|conversation|interview\w*|video ?call|zoom|teams|"
        r"intro|session|onsite|on-site|\d+ ?min(?:ute)?s?|half an hour|coffee|lunch)\b"],
    de=[r"gespräch",
        r"\b(?:telefonat|telefonieren|videocall|call|treffen|kennenlernen|termin|austausch\w*|interview|"
        r"\d+ ?min(?:uten|\.)?|halbe stunde|kaffee|mittagessen)\b",
        r"\bruf\w* (?:sie|dich|ihnen)\b[^.!?\n]{0,40}\ban\b", r"\banrufen\b", _CALL_ME["de"]],
    fr=[r"\b(?:échanger|échange|entretien|rencontrer|rencontre|appel|appeler|visio|rendez-vous|call|point)\b",
        r"\bs'appel\w*", r"\b\d+ ?min(?:utes)?\b", r"\bdemi-heure\b", r"\b(?:vous|t') ?appelle\w*",
        r"\b(?:un )?café\b", r"\bdéjeuner\b", r"\b(?:appelez|appelle)-(?:moi|nous)\b"],
    es=[r"\b(?:llamada|charlar|hablar|reunión|entrevista|videollamada|conocerte|hueco|llamamos|llamarte|llamarle|"
        r"\d+ ?min(?:utos)?|media hora|te llamo|le llamo|café|comida)\b",
        r"\b(?:hablamos|hablemos|charlamos|llamamos|vernos|reunirnos|llámame|llámeme|llámanos|llámenos)\b"],
    nl=[r"\b(?:afspraak|kennismaken|kennis te maken|bellen|gesprek|videogesprek|videobellen|kennismaking|"
        r"\d+ ?min(?:uten)?|half uur|koffie|lunch)\b", r"\bbel (?:je|jou|u|me|mij|ons)\b",
        r"\w+gesprek\b"],
    pt=[r"\b(?:chamada|conversa|conversar|entrevista|reunião|videochamada|call|bate-papo|papo|café|almoço|\d+ "
        r"?min(?:utos)?|meia hora)\b",
        r"\b(?:ligar|ligamos|ligo|nos falamos|falarmos|conversarmos)\b",
        _CALL_ME["pt"]],
    it=[r"\b(?:chiamata|call|colloquio|chiacchierata|videochiamata|incontro|incontrarci|incontrarti|incontrarl"
        r"a|sentirci|parlarne|caffè|pranzo|\d+ ?min(?:uti)?|mezz'ora)\b",
        r"\b(?:ti chiamo|la chiamo)\b",
        _CALL_ME["it"]])
# A proposal made to the candidate (with a time still to come): "how about", "let's", "can we".
PROPOSAL = family(
    en=[r"\b(?:how about|what about|let's|let us|can we|could we|shall we|would .{1,40} work|does .{1,40} work|"
        r"i suggest|we suggest|i propose|we propose|works? for you|suits? you|can you do|could you do|"
        r"are you (?:free|around|available)|can you make|could you make|fancy|up for|open to|"
        r"give (?:me|us) a (?:call|ring)|call (?:me|us))\b",
        r"\b(?:does|would|will) .{1,30} suit\b"],
    de=[r"\b(?:lass uns|lassen sie uns|wie wäre es|können wir|sollen wir|schlage\w* (?:ich|wir)|"
        r"passt (?:es )?(?:ihnen|dir)|ginge\w*|würde\w* (?:ihnen|dir) \w+ passen|hätten sie|hättest du|"
        r"haben sie|hast du|können sie|kannst du|lust auf|hast du lust|hätten sie lust|passt das|passt es|geht das|"
        r"wäre das (?:ok|in ordnung|möglich))\b", _CALL_ME["de"]],
    fr=[r"\b(?:je vous propose|je te propose|nous vous proposons|on peut|pouvons-nous|ça vous va|ça te va|"
        r"que diriez-vous|ça (?:vous|te) dit|(?:êtes|seriez)-vous disponibles?|(?:es|serais)-tu dispo\w*|"
        r"vous convien\w*|te convien\w*)"
        r"(?!\w)", _CALL_ME["fr"]],
    es=[r"\b(?:qué te parece|qué le parece|podemos|te propongo|le propongo|te viene bien|le viene bien|"
        r"te vendría bien|le vendría bien|(?:estás|está|estarías|estaría) disponible|puedes|podrías|tienes|"
        r"te apetece|le apetece)\b",
        r"\b(?:te|le) parece si\b", _CALL_ME["es"]],
    nl=[r"\b(?:zullen we|kunnen we|laten we|ik stel voor|schikt|past (?:je|jou|u|het)|zou .{1,40} (?:passen|schikken)|"
        r"ben je beschikbaar|bent u beschikbaar|kun je|kunt u|zou je|zou u|heb je zin|zin in|past dat|schikt dat|"
        r"is dat goed)\b", r"^\W*past\b", r"\bis [^.!?\n]{1,20} goed\?", _CALL_ME["nl"]],
    pt=[r"\b(?:que tal|pode ser|podemos|poderíamos|vamos|você teria|você tem|tens|terias|teria|seria possível|"
        r"(?:está|estaria|estás|estarias) (?:disponível|livre)|consegue|conseguiria|fica bom|"
        r"funciona para (?:você|si|ti))\b", _CALL_ME["pt"]],
    it=[r"\b(?:che ne dici|che ne pensa|possiamo|potremmo|ti andrebbe|le andrebbe|ti va|le va|"
        r"(?:saresti|sarebbe|sei|è) (?:disponibile|liber[oa])|hai tempo|ha tempo|ti torna|le torna|va bene)\b",
        _CALL_ME["it"]])

# The candidate is part of it: "you", or the company as "we" ("I meet the hiring manager on Monday
# at 10:00" is no invitation).
ADDRESSED = family(
    en=[r"\b(?:you|your|we|us|our|let's)\b"],
    de=[r"\b(?:sie|ihnen|ihr\w*|du|dich|dir|dein\w*|wir|uns|unser\w*)\b"],
    fr=[r"\b(?:vous|votre|vos|tu|te|toi|ton|ta|tes|nous|notre|nos|on)\b", r"\bt'"],
    es=[r"\b(?:usted|te|tu|tus|ti|contigo|nosotros|nuestr[oa]s?|nos|podemos|podrías|puedes|tienes)\b"],
    nl=[r"\b(?:u|uw|je|jij|jou|jouw|we|wij|ons|onze)\b"],
    pt=[r"\b(?:você|vocês|te|ti|tu|seu|sua|seus|suas|si|nós|nosso|nossa|nos|connosco|conosco|contigo)\b"],
    it=[r"\b(?:tu|ti|te|tuo|tua|tuoi|lei|le|noi|ci|nostro|nostra|voi|vi)\b"])
# The invitation is for others: "selected applicants are then invited to interviews".
THIRD_PARTY = family(
    en=[r"(?:selected|shortlisted|successful|suitable|chosen) (?:candidates|applicants)\b",
        r"\b(?:candidates|applicants) (?:who|that) (?:have been|are|were) (?:selected|shortlisted)\b"],
    de=[r"\b(?:ausgewählte|geeignete|passende|vorausgewählte)n? (?:bewerber|kandidat)\w*"],
    fr=[r"\b(?:candidat|profil)s? (?:présélectionné|retenu|sélectionné)s\b"],
    es=[r"\b(?:candidat|perfil)(?:o|a|e)s (?:seleccionad|preseleccionad)[oa]s\b"],
    nl=[r"\b(?:geselecteerde|geschikte) (?:kandidaten|sollicitanten)\b"],
    pt=[r"\b(?:candidat|perfi)\w* (?:selecionad|pré-selecionad)[oa]s\b"],
    it=[r"\bcandidat[ie] (?:selezionat|preselezionat)[ie]\b"])
# Not a meeting: the date a job would start, a notice period, a salary ("your availability to start").
NOT_MEETING = family(
    en=[r"\b(?:notice period|start(?:ing)? date|to start|salary|compensation|relocat\w+|could start|can start|"
        r"begin work\w*|start working|join us full[- ]time|hours (?:a|per) week|part[- ]time|full[- ]time)\b"],
    de=[r"\b(?:kündigungsfrist|eintritt\w*|gehalt\w*|startdatum|arbeitsbeginn|einstieg\w*|anfangen|einsteigen|"
        r"starttermin|beginnen|stunden pro woche|wochenstunden|teilzeit|vollzeit)\b"],
    fr=[r"\b(?:préavis|prise de poste|date de début|salaire|prétentions|rémunération|démarrer|commencer|débuter|"
        r"début de contrat|intégrer (?:l'équipe|le poste)|par semaine|temps partiel|temps plein)\b"],
    es=[r"\b(?:preaviso|incorporación|incorporarte|incorporarse|fecha de inicio|salario|salarial\w*|empezar|"
        r"comenzar|empezar a trabajar|por semana|media jornada|jornada completa)\b"],
    nl=[r"\b(?:opzegtermijn|startdatum|beginnen|salaris\w*|in dienst|starten|aan de slag|per week|parttime|"
        r"fulltime|deeltijd)\b"],
    pt=[r"\b(?:aviso prévio|data de início|salário|salarial|pretensão|começar|iniciar|por semana|meio período|"
        r"tempo integral)\b"],
    it=[r"\b(?:preavviso|data di inizio|stipendio|retribuzione|ral|iniziare|cominciare|a settimana|part[- ]tim"
        r"e|full[- ]time)\b"])

# -- interview: the families of an invitation -----------------------------------------------------

INVITE = family(
    en=[r"\binvit\w* you (?:to|for) (?:an? |the |our )?[^.!?\n]{0,40}\b(?:interview|chat|call|conversation|round|"
        r"onsite|on-site|meeting|office|stage|step|session|discussion)",
        r"\b(?:like|love|happy|glad|keen) to (?:set up|schedule|arrange|have|book|organi[sz]e|do|"
        r"invite you to) (?:a |an |"
        r"some )?(?:quick |short |first |brief |informal |initial |\d+[- ]?min\w* )?(?:call|chat|interview|meeting|"
        r"conversation|intro)",
        r"\b(?:love|like|happy|glad|keen) to (?:chat|talk|meet|speak|get to know)\b", r"\bpleased to invite\b",
        r"\bset up a time\b", r"\bcome (?:in|by|over) (?:to|for)\b[^.!?\n]{0,30}\b(?:interview|chat|"
        r"meet|conversation|coffee)",
        r"\baround for a (?:quick )?(?:call|chat)\b",
        r"\bschedule (?:a|an|your|the) (?:call|interview|chat|first round|conversation|meeting)",
        r"\binterested in (?:a|an) (?:quick |short )?(?:call|chat|interview|conversation)\b",
        r"\bcongratulations\b", r"\binterview invitation\b",
        r"\byou(?:'re| are) (?:\w+ )?invited to (?:an? |the |our )?[^.!?\n]{0,40}\b(?:interview|chat|call|conversation|"
        r"round|onsite|on-site|meeting|session|assessment|day|office)",
        r"\bhave you (?:in|over|come in) for\b", r"\bwants? to (?:meet|talk to|speak (?:to|with)|chat with) you\b",
        r"\b(?:would|are) you (?:be )?open to (?:a|an) (?:\w+ )?(?:call|chat|"
        r"conversation|interview|meeting)\b", r"\b(?:delighted|thrilled|excited) to (?:invite|meet|speak|talk)\b",
        r"\b(?:bring|get|have) you (?:in|on-?site|over|into the office)\b",
        r"\b(?:would|'d) (?:like|love) to (?:(?!thank|inform|let you know|update|take this)\w+ ){1,6}(?:an? |the |our |"
        r"your )?(?:\w+ )?(?:interview|onsite|on-site|call|chat|meeting|conversation|coffee)\b",
        r"\blet's (?:set up|schedule|arrange|book|have|do|jump on|hop on) (?:a |an )?(?:\w+ )?(?:call|chat|meeting|"
        r"interview)\b"],
    de=[r"\beinlad\w*\b[^.!?\n]{0,40}\b(?:gespräch|interview|kennenlernen|termin|runde|call|probetag|austausch)",
        r"(?:gespräch|interview|kennenlernen|probetag)\w*\b[^.!?\n]{0,40}\b(?:einlad\w*|einzuladen)",
        r"\bkennen(?:zu)?lernen\b",
        r"\blad(?:e|en|t)\b[^.!?\n]{0,60}(?:gespräch|interview|kennenlernen|termin|runde|probetag|call)\w*"
        r"[^.!?\n]{0,40}\bein\b",
        r"\btermin\w*\b[^.!?\n]{0,60}\b(?:vereinbaren|ausmachen|aussuchen|auswählen|finden|vorschlagen|vor)\b",
        r"\b(?:telefonieren|telefonat vereinbaren)\b",
        r"\bhättest du lust\b", r"\bzeit für ein\w* (?:kurzes |erstes )?(?:gespräch|telefonat|kennenlernen|call)",
        r"\bmit (?:ihnen|dir) (?:\w+ )?(?:austauschen|sprechen|telefonieren|unterhalten)\b",
        r"\b(?:würden|möchten) (?:uns )?(?:sie|dich)? ?(?:sehr )?gerne? (?:\w+ )?(?:sprechen|treffen|kennenlernen)\b",
        r"\bgespräch\w* (?:\w+ )?begrüßen\b", r"\bmöchten? (?:sie|dich) (?:\w+ )?(?:kennenlernen|treffen|sprechen)\b",
        r"\bvorbeikommen\b", r"\b(?:freuen|freue) (?:uns|mich),? (?:sie|dich) "
        r"(?:\w+ )?(?:kennenzulernen|zu treffen|zu sprechen)\b",
        r"\b(?:möchten|würden|wollen)\b[^.!?\n]{0,40}\b(?:gespräch|interview|telefonat|call|termin|kennenlernen)\w*\b"
        r"[^.!?\n]{0,30}\b(?:vereinbaren|führen|machen|ausmachen|planen|organisieren)\b"],
    fr=[r"\b(?:convier|inviter|convoquer|invitons|convions|convoquons)\b[^.!?\n]{0,30}\b(?:entretien|rencontre|"
        r"échange)",
        r"\bvous rencontrer\b",
        r"\b(?:organiser|planifier|fixer|caler|prévoir) un (?:entretien|échange|rendez-vous|call|appel|point)\b",
        r"\bproposer (?:un|une) (?:\w+ )?(?:entretien|échange|rendez-vous|rencontre)\b",
        r"\b(?:aimerions|souhaiterions|voudrions|aimerais|souhaiterais|voudrais) (?:\w+ )?(?:échanger|discuter|"
        r"vous rencontrer|te rencontrer|faire (?:votre|ta) connaissance|vous parler|te parler)\b",
        r"\bon (?:peut|pourrait) s'appeler\b", r"\b(?:ravis|ravie|heureux|heureuse|enchantés?) (?:de vous rencontrer|"
        r"d'échanger|de discuter|de vous recevoir)\b", r"\bpasser (?:nous voir|dans nos locaux)\b",
        r"\b(?:aimerions|souhaitons|souhaiterions|voudrions|aimerais|souhaite|voudrais) (?:vous |te )?(?:proposer|"
        r"organiser|"
        r"planifier|fixer|avoir|faire) (?:un|une) (?:\w+ )?(?:entretien|échange|rendez-vous|appel|rencontre|visio|"
        r"point)\b",
        r"\bvous faire venir\b"],
    es=[r"\binvitar\w*\b[^.!?\n]{0,30}\bentrevista", r"\bconvoca\w*\b[^.!?\n]{0,30}\bentrevista", r"\bagendar\b",
        r"\bllamada para conocer",
        r"\b(?:nos|me) (?:gustaría|encantaría) (?:conocerte|conocerle|invitarte|invitarle|hablar|charlar|"
        r"tener una (?:entrevista|llamada|reunión|charla))",
        r"\b(?:queremos|quiere|quieren) (?:conocerte|conocerle|hablar contigo|verte)\b",
        r"\b(?:concertar|programar|coordinar|organizar|agendar) (?:una |la )?(?:\w+ )?(?:entrevista|llamada|reunión|"
        r"videollamada)\b", r"\b(?:te|le|os) esperamos\b", r"\bencantad[oa]s? de (?:conocerte|hablar contigo)\b",
        r"\b(?:queremos|quisiéramos|nos gustaría|me gustaría) (?:\w+ ){0,3}(?:una |la )?(?:entrevista|llamada|reunión|"
        r"videollamada)\b", r"\bque (?:vengas|venga) a (?:vernos|la oficina|nuestras oficinas)\b"],
    nl=[r"\buitnodig\w*\b[^.!?\n]{0,40}(?:gesprek|interview|kennismaking)",  # "sollicitatiegesprek" too
        r"\b(?:even )?(?:bellen|videobellen)\b",
        r"\bnodig\w* (?:we |wij |ik )?(?:je|u|jou) (?:graag |van harte )?uit\b", r"\bkennismaken\b",
        r"\b(?:in)?plannen\b[^.!?\n]{0,30}\b(?:gesprek|afspraak)|\b(?:gesprek|afspraak)\b[^.!?\n]{0,30}\binplannen\b",
        r"\bkennis te maken\b", r"\bop gesprek (?:komen|uitnodigen)\b",
        r"\b(?:graag|willen|zouden|wil) (?:\w+ ){0,3}(?:praten|spreken|ontmoeten|afspreken)\b", r"\blangskomen\b",
        r"\b(?:willen|zouden|graag) (?:\w+ ){0,4}(?:in )?(?:gesprek|afspraak|kennismaking|videocall|interview)\b",
        r"\bje laten langskomen\b", r"\bwil(?:len)? (?:je|u|jou) (?:graag )?(?:ontmoeten|spreken|zien)\b"],
    pt=[r"\bconvid\w*\b[^.!?\n]{0,40}\b(?:entrevista|conversa|reunião|chamada|bate-papo)",
        r"\b(?:gostaríamos|gostaria|queremos|adoraríamos) (?:muito )?de (?:te |lhe |o |a )?(?:conhecer|convers"
        r"ar|falar com)",
        r"\b(?:marcar|agendar|combinar|organizar) (?:uma |a )?(?:\w+ )?(?:entrevista|conversa|reunião|chamada|"
        r"call|videochamada)\b"],
    it=[r"\binvit\w*\b[^.!?\n]{0,40}\b(?:colloquio|call|chiamata|incontro|chiacchierata)",
        r"\b(?:fissare|organizzare|programmare|pianificare|prenotare|fare) (?:un |una )?(?:\w+ )?(?:colloquio|"
        r"call|chiamata|incontro|chiacchierata|videochiamata)\b",
        r"\b(?:vorremmo|vorrei|ci piacerebbe|mi piacerebbe|ci farebbe piacere|mi farebbe piacere|saremmo lieti di|"
        r"sarei liet[oa] di) (?:\w+ ){0,2}(?:conoscerti|conoscerla|sentirti|sentirla|incontrarti|incontrarla|parlarti|"
        r"parlarle)\b"])
# Asking for the candidate's times.
ASK_TIMES = family(
    en=[r"\b(?:your|share your|send (?:me |us )?your|let (?:me|us) know your) availability\b",
        r"\bavailability for\b", r"\b(?:are|would) you (?:be )?(?:free|available)\b",
        r"\bwhen you(?:'re| are| would be) (?:free|available)\b",
        r"\b(?:which|what) (?:of (?:these|them|the \w+)|one|time|times|day|days|slot|slots)\b[^.!?\n]{0,20}"
        r"\b(?:suits?|works?|would suit|would work|is best)\b",
        r"\b(?:the one|a time|a slot|whichever slot|slots?|dates?|times?|windows?) (?:that|which)? ?(?:suits?|works?) "
        r"(?:you|for you)",
        r"\bproposed (?:times|slots|dates)\b", r"\b(?:book|pick|grab|choose|select) (?:a |an )?"
        r"(?:\d+[- ]?min\w* )?(?:time|slot|intro call|call)\b",
        r"\b(?:send|share|give|drop)(?: me| us)? (?:over )?(?:a few|some|a couple of|two or three|your preferred) "
        r"(?:times|slots|windows|dates|options)\b",
        r"\bwhich (?:works|suits|is) (?:better|best)\b",
        r"\blet (?:me|us) know (?:when|what time|what day|which day)\b[^.!?\n]{0,20}\b(?:works?|suits?|free|"
        r"available)"],
    de=[r"\bwann (?:passt es|hätten|haben|hättest|hast|würde es) (?:ihnen|dir|sie|du)?", r"\bwann (?:sie|du)\b"
        r"[^.!?\n]{0,40}\bzeit (?:haben|hast|hätten|hättest)\b", r"\bpasst (?:ihnen|dir|es ihnen|es dir)\b",
        r"\bwelche[rs]? (?:termin|tag|zeit|slot)\w*\b[^.!?\n]{0,20}\bpass",
        r"\b(?:hätten|haben|hast|hättest) (?:sie|du)\b[^.!?\n]{0,40}\bzeit\b",
        r"\b(?:slot|termin)\w* (?:direkt )?(?:buchen|wählen|auswählen)\b",
        r"\b(?:ihre|deine|eure) verfügbarkeit\w*\b", r"\bterminvorschläge\b",
        r"\bwas passt (?:ihnen|dir|euch) (?:besser|am besten)\b"],
    fr=[r"\b(?:vos|tes) disponibilités\b", r"\b(?:êtes-vous|seriez-vous|es-tu|serais-tu) disponibles?\b",
        r"\b(?:réserver|choisir) un créneau\b", r"\b(?:quelques|plusieurs|des) créneaux\b",
        r"\bquel(?:le)?s? (?:créneau|jour|horaire|moment)\w*\b", r"\blequel (?:vous|te) (?:convient|arrange)\b",
        r"\bquand (?:seriez|êtes|serais|es)[- ](?:vous|tu)\b"],
    es=[r"\bqué (?:día|hora|horario|disponibilidad)\w*\b", r"\b(?:te|le) (?:viene|vendría|va) bien\b",
        r"\b(?:selecciona|elige|reserva|escoge) (?:el|un) (?:horario|hueco|hora|día)\b",
        r"\b(?:tu|su) disponibilidad\b",
        r"\b(?:tienes|tiene|tendrías|tendría) (?:disponibilidad|un rato|tiempo|hueco)\b",
        r"\bcuándo (?:puedes|podrías|puede|podría|te va|le va)\b", r"\b(?:qué|cuál) te (?:viene|va) mejor\b"],
    nl=[r"\bwanneer (?:schikt|past|komt) het (?:je|jou|u)\b", r"\bwanneer heb(?:t)? (?:je|u) tijd\b",
        r"\bheb (?:je|jij)\b[^.!?\n]{0,40}\btijd\b", r"\bheeft u\b[^.!?\n]{0,40}\btijd\b",
        r"\b(?:kies|plan)\b[^.!?\n]{0,40}\b(?:tijdstip|moment|tijdslot)\b", r"\b(?:je|jouw|uw) beschikbaarheid\b",
        r"\bwanneer (?:kun|kan|kunt|zou) (?:je|jij|u)\b", r"\bwat (?:komt|past) (?:je|jou|u) (?:beter|het best)\b"],
    pt=[r"\b(?:sua|tua) disponibilidade\b",
        r"\b(?:qual|que) (?:o |a )?(?:melhor )?(?:dia|horário|hora)\b",
        r"\b(?:escolha|escolhe|selecione|reserve) (?:um|o) (?:horário|dia|slot)\b",
        r"\bquando (?:você )?(?:pode|poderia|está disponível|estaria disponível)\b",
        r"\b(?:teria|tem|terias|tens) disponibilidade\b"],
    it=[r"\b(?:sua|tua) disponibilità\b",
        r"\b(?:quale|che) (?:giorno|orario|ora|slot)\b",
        r"\b(?:prenota|scegli|seleziona|prenoti|scelga) (?:pure )?(?:uno|un|lo|il) (?:slot|orario|giorno)\b",
        r"\bquando (?:saresti|sarebbe|sei|è) disponibile\b"])
# A step forward in the process.
PROGRESS = family(
    en=[r"\bnext steps?\s*(?::|is|are|will be|would be)", r"\bphone screen", r"\bas (?:a|the) next step\b",
        r"\btake[- ]home\b",
        r"\bcoding (?:challenge|exercise|test|assignment)\b", r"\btechnical (?:interview|screen)",
        r"\b(?:first|second|final|next|third)[- ](?:round|stage|interview)\b",
        r"\bmove (?:you )?forward with your (?:application|candidacy)\b", r"\bnext stage\b", r"\byour onsite\b",
        r"\bmove you (?:forward|on) to\b",
        r"\bmov(?:e|ing) you (?:forward |on |ahead |through )?to (?:the|our) (?:[\w-]+ ){0,3}(?:round|stage|step|"
        r"interview)s?\b", r"\b(?:online|technical|coding|skills?) assessment\b",
        r"\bassessment (?:centre|center|day)\b",
        r"\b(?:passed|made it (?:through|to)) (?:the|our) "
        r"(?:first|initial|screening|next)\b"],
    de=[r"\b(?:zweite|nächste|finale|dritte) (?:runde|gesprächsrunde)", r"\bzweite[sn]? gespräch",
        r"\bassessment[- ]?(?:cent(?:er|re)|tag)\b",
        r"\bnächsten? schritt", r"\bprobeaufgabe\b", r"\bnächste (?:phase|stufe)\b", r"\bprobetag\b",
        r"\b(?:fallstudie|case study|coding[- ]?(?:aufgabe|challenge))\b", r"\btechnische[sn]? interview"],
    fr=[r"\bprochaine étape\b", r"\bétape suivante\b", r"\btest technique\b", r"\bcas pratique\b",
        r"\b(?:second|seconde|deuxième) (?:entretien|rencontre|tour)\b", r"\bpasse à l'étape\b",
        r"\béchange (?:téléphonique|en visio)\b", r"\bpremier (?:entretien|échange)\b",
        r"\bentretien (?:téléphonique|final|en visio\w*|technique|individuel)\b"],
    es=[r"\bsiguiente (?:fase|paso|etapa|ronda)\b", r"\bprueba técnica\b", r"\bfase final\b",
        r"\b(?:segunda|próxima) (?:entrevista|fase|ronda)\b", r"\bcaso práctico\b", r"\bprimera entrevista\b"],
    nl=[r"\bvolgende (?:stap|ronde|fase)\b", r"\btweede gesprek\b", r"\bvervolggesprek\b", r"\btechnische opdracht\b",
        r"\bdoor naar de (?:volgende|tweede|laatste)\b", r"\b(?:praktijk|thuis)opdracht\b",
        r"\bkennismakingsgesprek\b", r"\btechnisch interview\b"],
    pt=[r"\bpróxim[oa] (?:etapa|fase|passo)\b",
        r"\bteste técnico\b",
        r"\b(?:desafio|case) técnico\b",
        r"\bsegunda (?:entrevista|fase|etapa)\b",
        r"\bentrevista (?:técnica|final)\b",
        r"\bpassou para a\b"],
    it=[r"\bprossim[oa] (?:step|fase|passo|colloquio|tappa)\b",
        r"\b(?:prova|test) tecnic[oa]\b",
        r"\bsecondo colloquio\b",
        r"\bcolloquio (?:tecnico|finale|conoscitivo)\b",
        r"\besercizio (?:tecnico|da svolgere)\b"])
# A step named and then said to be behind: "the final round was a long day", "the take-home you
# sent", "die Probeaufgabe, die du eingereicht hast", "le cas pratique que vous avez rendu". Read
# right after the step's name, within its sentence.
DONE = family(
    en=[r"^[^.!?\n,;]{0,30}?\b(?:was(?! (?:scheduled|booked|moved|confirmed|set))|were|went|took place|"
        r"is (?:over|done|behind us)|"
        r"you(?:'ve)? (?:did|completed|submitted|sent|took|finished|made|worked on|done))\b"],
    de=[r"^[^.!?\n;]{0,40}?\b(?:war|waren|lief|verlief|fand statt|(?:ge\w+t|absolviert|bearbeitet|eingereicht|"
        r"erledigt|gelöst|abgeschlossen) (?:hast|habt|haben|hat))\b"],
    fr=[r"^[^.!?\n;]{0,30}?\b(?:était|étaient|a eu lieu|s'est (?:très |bien |plutôt )*(?:bien |mal )?(?:passée?|"
        r"déroulée?)|que (?:vous avez|tu as) (?:\w+ )?(?:rendu|réalisé|fait|passé|envoyé|soumis|effectué))"],
    es=[r"^[^.!?\n;]{0,30}?\b(?:fue|estuvo|salió|tuvo lugar|que (?:hiciste|realizaste|enviaste|completaste|"
        r"entregaste|hizo|realizó|envió|has (?:hecho|realizado|enviado|completado|entregado)))\b"],
    nl=[r"^[^.!?\n;]{0,30}?\b(?:was|waren|verliep|vond plaats|die (?:je|u|jij) (?:\w+ )?(?:hebt|heeft|had) "
        r"(?:\w+ )?(?:gemaakt|ingeleverd|ingestuurd|afgerond|gedaan)|die (?:je|u|jij) (?:\w+ )?(?:gemaakt|ingeleverd|"
        r"ingestuurd|afgerond|gedaan) (?:hebt|heeft|had))\b"],
    pt=[r"^[^.!?\n;]{0,30}?\b(?:foi|correu|aconteceu|que (?:você )?(?:fez|realizou|enviou|entregou|completou))"
        r"\b"],
    it=[r"^[^.!?\n;]{0,30}?\b(?:è stat[oa]|era|è andat[oa]|si è svolt[oa]|che (?:hai|ha) (?:\w+ )?(?:fatto|svo"
        r"lto|inviato|consegnato|completato))\b"])
# A meeting already fixed, confirmed, moved, or its invitation on its way.
CONFIRM = family(
    en=[r"\binterview (?:is |has been )?(?:scheduled|confirmed|booked)\b", r"\bconfirm(?:ing)? your interview\b",
        r"\b(?:confirm|confirming)\b[^.!?\n]{0,30}\b(?:call|meeting|interview|appointment|onsite)\b",
        r"\b(?:sent|send|sending) (?:you )?(?:over |through )?(?:a |an |the )?(?:calendar |meeting |updated |zoom |"
        r"teams |google meet |"
        r"video )?invit(?:e|ation)\b", r"\binvite (?:is )?on (?:its|the) way\b",
        r"\b(?:moved|rescheduled|pushed|shifted|changed)\b[^.!?\n]{0,30}\b(?:call|interview|meeting|chat)\b"
        r"[^.!?\n]{0,30}\bto\b", r"\bconfirm (?:your )?(?:attendance|participation)\b"],
    de=[r"\bbestätig\w*\b[^.!?\n]{0,40}\b(?:termin|gespräch|interview)", r"\bterminbestätigung\b",
        r"\bbestätig\w*\b[^.!?\n]{0,20}\b(?:teilnahme|anwesenheit)\b",
        r"\b(?:schicke|sende|schicken|senden)\b[^.!?\n]{0,20}\b(?:kalender)?einladung\b", r"\beinladung folgt\b",
        r"\b(?:termin|gespräch|interview|call)\w*\b[^.!?\n]{0,40}\b(?:verschoben|verlegt)\b"],
    fr=[r"\bconfirm\w*\b[^.!?\n]{0,30}\b(?:rendez-vous|entretien|échange|appel|visio)\b",
        r"\bconfirmer (?:votre|ta) (?:présence|participation)\b",
        r"\b(?:envoie|enverrai|envoyons|enverrons|envoyer)\b[^.!?\n]{0,20}\binvitation\b",
        r"\b(?:décalé|reporté|déplacé)\b[^.!?\n]{0,30}\b(?:entretien|rendez-vous|échange|appel)|"
        r"\b(?:entretien|rendez-vous|échange|appel)\b[^.!?\n]{0,30}\b(?:décalé|reporté|déplacé)\b"],
    es=[r"\bconfirm\w*\b[^.!?\n]{0,30}\b(?:entrevista|videollamada|llamada|reunión|cita)\b",
        r"\bconfirmar (?:tu|su) (?:asistencia|participación)\b",
        r"\b(?:envío|enviaré|mando|mandaré|enviamos|enviaremos)\b[^.!?\n]{0,20}\binvitación\b",
        r"\b(?:movido|cambiado|reprogramado|pasado)\b[^.!?\n]{0,30}\b(?:entrevista|llamada|reunión)\b|"
        r"\b(?:entrevista|llamada|reunión)\b[^.!?\n]{0,30}\b(?:movido|cambiado|reprogramado)\b"],
    nl=[r"\bbevestig\w*\b[^.!?\n]{0,30}\b(?:afspraak|gesprek|interview|aanwezigheid|deelname)\b",
        r"\b(?:aanwezigheid|deelname) (?:te )?bevestigen\b",
        r"\b(?:stuur|stuurt|sturen|stuurde)\b[^.!?\n]{0,20}\b(?:agenda-?)?uitnodiging\b", r"\buitnodiging volgt\b",
        r"\b(?:afspraak|gesprek|interview)\b[^.!?\n]{0,30}\b(?:verzet|verplaatst|omgezet)\b|"
        r"\b(?:verzet|verplaatst)\b[^.!?\n]{0,30}\b(?:afspraak|gesprek)\b"],
    pt=[r"\bconfirm\w*\b[^.!?\n]{0,30}\b(?:entrevista|reunião|chamada|conversa|presença|participação)\b",
        r"\b(?:envio|enviarei|enviaremos|mando|mandarei)\b[^.!?\n]{0,20}\bconvite\b"],
    it=[r"\bconferm\w*\b[^.!?\n]{0,30}\b(?:colloquio|call|chiamata|incontro|appuntamento|presenza|"
        r"partecipazione)\b",
        r"\b(?:invio|invierò|invieremo|mando|manderò)\b[^.!?\n]{0,20}\binvito\b"])
# A meeting with the candidate to be moved: it exists, so this is an invitation, and the regret
# around it ("unfortunately we need to move your interview", "je suis au regret ... reporter votre
# entretien") is about the date, not the candidate.
RESCHEDULE = family(
    en=[r"\b(?:move|moving|reschedul\w*|postpon\w*|push(?:ing)? back|shift\w*|rearrang\w*)\b[^.!?\n]{0,20}"
        r"\b(?:your|our|the|this|tomorrow's|today's)\s(?:\w+ )?(?:interview|call|chat|meeting|conversation|onsite|"
        r"screen)\b"],
    de=[r"\b(?:termin|gespräch|interview|call|telefonat)\w*\b[^.!?\n]{0,40}\b(?:verschieben|verlegen|umlegen)\b"],
    fr=[r"\b(?:report|décal|déplac)\w*\b[^.!?\n]{0,20}\b(?:votre|notre|l'|le|ton|ta|cet)\s?(?:\w+ )?(?:entretien|"
        r"rendez-vous|échange|appel|visio)\b"],
    es=[r"\b(?:mover|cambiar|aplazar|posponer|reprogramar|retrasar|adelantar)\w*\b[^.!?\n]{0,20}\b(?:tu|su|la|"
        r"nuestra|esta)\s(?:\w+ )?(?:entrevista|llamada|reunión|videollamada|cita)\b"],
    nl=[r"\b(?:gesprek|afspraak|interview|call|belafspraak)\w*\b[^.!?\n]{0,40}\b(?:verzetten|verplaatsen|verschuiven|"
        r"uitstellen)\b", r"\b(?:verzetten|verplaatsen|verschuiven)\b[^.!?\n]{0,30}\b(?:gesprek|afspraak)\b"],
    pt=[r"\b(?:remarcar|reagendar|adiar|mudar|alterar|transferir)\b[^.!?\n]{0,20}\b(?:a|sua|tua|nossa|o)\s(?:"
        r"\w+ )?(?:entrevista|reunião|chamada|conversa)\b"],
    it=[r"\b(?:spostare|rimandare|posticipare|riprogrammare|anticipare)\b[^.!?\n]{0,20}\b(?:il|la|tuo|suo|nost"
        r"ro|nostra)\s(?:\w+ )?(?:colloquio|call|chiamata|incontro|appuntamento)\b"])
# Links to a scheduling page (known hosts, or a path that says so) or to a video meeting.
SCHEDULING_LINK = re.compile(
    r"https?://(?:[\w-]+\.)*(?:calendly\.(?:com|eu)|cal\.com|savvycal\.com|meetings\.hubspot\.com|"
    r"calendar\.app\.google|zcal\.co|youcanbook\.me|tidycal\.com|doodle\.com|goodtime\.io|koalendar\.com|"
    r"chilipiper\.com|harmonizely\.com|vyte\.in|appointlet\.com|acuityscheduling\.com|setmore\.com|"
    r"simplybook\.\w+|bookme\.name|reclaim\.ai|motion\.so|fantastical\.app)\S*|"
    r"https?://\S*/(?:book|bookings?|schedul\w*|appointments?|availability|scheduler|self-schedule|termin\w*|"
    r"afspraak|cita|rendez-vous|rdv|slots?|meetings?)(?:[/?#]\S*)?(?!\w)|"
    r"https?://calendar\.google\.com/calendar/(?:appointments|u/\d/appointments)\S*|"
    r"https?://outlook\.office365?\.com/(?:book|owa/calendar)\S*|https?://(?:[\w-]+\.)?zoho\.(?:com|eu)/bookings\S*",
    re.I)
# A link to join a video meeting: a meeting already set up with the candidate.
MEETING_LINK = re.compile(
    r"https?://(?:meet\.google\.com/[a-z]{3}-|(?:[\w-]+\.)?zoom\.us/(?:j|my|w)/|teams\.microsoft\.com/l/meetup-join|"
    r"teams\.live\.com/meet|(?:[\w-]+\.)?webex\.com/(?:meet|join|\w+/j\.php)|whereby\.com/|meet\.jit\.si/)\S*",
    re.I)

# -- rejection: a decision about the candidate, or a role that closed -------------------------------

# A further step of the process: "a second interview", "any further calls", "the next round".
_FURTHER_STEP = (r"(?:any |a |an |the )?(?:further|another|second|third|next|final|more|additional) (?:interview|round|"
                 r"call|conversation|meeting|step|stage)s?\b")
# An invitation under negation counts for rejection ("we cannot invite you to interview", "we won't
# be scheduling further interviews", "kein zweites Gespräch", "no te vamos a llamar para la siguiente ronda").
NEGATED_INVITE = family(
    en=[r"(?:\bnot|n't|\bunable to|\bcannot)\b[^.!?\n]{0,40}\b(?:invit|offer|proceed)\w*[^.!?\n]{0,40}"
        r"\b(?:interview|call|chat|next (?:stage|round|step))", r"\bnot be inviting\b",
        r"(?:\bnot|n't|\bunable to|\bcannot)\b[^.!?\n]{0,40}\b(?:schedul|arrang|set(?:ting)? up|book|organi[sz]|hold|"
        r"conduct)\w*[^.!?\n]{0,20}\b" + _FURTHER_STEP],
    de=[r"\bnicht\b[^.!?\n]{0,60}\b(?:einlad\w*|einzuladen)\b", r"\bkeine einladung\b",
        r"\bkein\w* (?:weiter\w*|zweite\w*|nächste\w*|finale\w*|erneute\w*) (?:gespräch|interview|runde|termin|"
        r"telefonat)"],
    fr=[r"\bne\b[^.!?\n]{0,50}\bpas\b[^.!?\n]{0,40}\b(?:proposer|inviter|convier|convoquer)[^.!?\n]{0,30}\bentretien",
        r"\bn(?:e\b|')\s?(?:\w+\s)?(?:organis|planifi|propos|prévo|programm|fix|convoqu|invit|convi)\w*\s(?:pas|plus)\b"
        r"[^.!?\n]{0,30}\b(?:entretien|échange|rendez-vous|étape|tour)"],
    es=[r"\bno\b[^.!?\n]{0,40}\b(?:invitar\w*|ofrecer\w*|convoca\w*|llamar\w*|programar\w*|agendar\w*|citar\w*)"
        r"[^.!?\n]{0,30}\b(?:entrevista|fase|etapa|ronda)"],
    nl=[r"\b(?:niet|geen)\b[^.!?\n]{0,60}\buitnodig\w*", r"\bnodigen\b[^.!?\n]{0,20}\bniet uit\b",
        r"\bniet (?:op|voor een) gesprek\b",
        r"\bgeen (?:tweede |volgende |nieuwe |verdere |vervolg)(?:gesprek|ronde|interview|afspraak)"],
    pt=[r"\bnão\b[^.!?\n]{0,40}\b(?:convidar\w*|chamar\w*|marcar\w*|agendar\w*)[^.!?\n]{0,30}\b(?:entrevista|e"
        r"tapa|fase)"],
    it=[r"\bnon\b[^.!?\n]{0,40}\b(?:invitar\w*|convocar\w*|fissare|organizzare|chiamar\w*)[^.!?\n]{0,30}\b(?:c"
        r"olloquio|fase|step)"])
# Someone else was chosen: a choice verb and another person in one sentence.
OTHER_CHOSEN = family(
    en=[r"\b(?:chosen|chose|selected|opted for|hired|appointed|offered the (?:role|position|job) to|decided (?:to )?"
        r"(?:go|proceed|continue|move forward|progress) with|(?:proceed|continu|progress)\w* (?:the process )?with|"
        r"focus\w* on)\b[^.!?\n]{0,30}\b(?:some(?:one|body) (?:else|who|whose|with (?:more|stronger|deeper|a closer|"
        r"extensive))|another (?:candidate|applicant|person|profile)|other (?:candidates|applicants|profiles|people)|"
        r"(?:a|an|the) (?:\w+ ){0,2}(?:candidate|applicant|person)s? (?:who|whose|with|that)|candidates? (?:who|whose|"
        r"with|that))",
        r"\b(?:candidates?|applicants?|profiles?|people|others)\b,? (?:\w+ ){0,2}(?:whose|who|that|"
        r"with)\b[^.!?\n]{0,50}"
        r"\b(?:more closely|closer|better|stronger|more (?:relevant|direct|hands-on|experience|senior))\b",
        r"\bother (?:candidates|applicants|profiles)\b[^.!?\n]{0,40}\b(?:stronger|better|closer|more)\b",
        r"\bprioriti[sz]\w* (?:other |candidates|applicants|profiles)",
        r"\b(?:someone|a person|an applicant) (?:with|whose|who)\b[^.!?\n]{0,40}\b(?:more|better|stronger|closer)\b",
        r"\bgo with another (?:applicant|candidate|person)\b",
        r"\b(?:looking|searching) for (?:a |an )?(?:someone |somebody )?more (?:senior|experienced|specialised|"
        r"specialized)\b", r"\b(?:a|an) more (?:senior|experienced) (?:profile|candidate|person|engineer|developer)\b"],
    de=[r"\bfür (?:jemand\w*|eine?n? (?:\w+ )?(?:kandidat|bewerber|person)\w*|andere\w*)\b[^.!?\n]{0,80}"
        r"\bentschieden\b",
        r"\b(?:entschieden|ausgewählt|gewählt|eingestellt|vergeben|fortzusetzen|fortsetzen)\b[^.!?\n]{0,40}"
        r"\b(?:jemand\w* (?:anderen|anderes|mit|der|die)|andere[nmr]? (?:kandidat|bewerber|person)\w*)",
        r"\b(?:kandidat|bewerber|profil)\w*\b,? (?:\w+,? ){0,2}(?:deren|dessen|die|der|mit)\b[^.!?\n]{0,50}"
        r"\b(?:besser|näher|mehr|stärker|passender)\b", r"\bden vorzug\b",
        r"\b(?:eine person|einen kandidaten|eine kandidatin|jemanden) mit (?:mehr|stärkere\w*|passendere\w*|"
        r"tieferer?)\b",
        r"\bauf (?:eine andere person|einen anderen kandidaten|eine andere kandidatin) geeinigt\b"],
    fr=[r"\b(?:retenu|chois\w*|sélectionn\w*|privilégi\w*|opté pour|porté (?:notre|son|leur) (?:choix|attention) sur|"
        r"poursuivre\w*|continuer|avancer)\b[^.!?\n]{0,40}\b(?:un autre candidat|une autre candidat\w*|d'autres "
        r"(?:candidat|profil)\w*|un profil (?:plus|qui|correspondant|davantage)|des (?:profils|candidatures) "
        r"(?:plus|qui|correspondant))",
        r"\b(?:retenu|chois\w*|sélectionn\w*|privilégi\w*|opté pour|recruté|embauché)\b[^.!?\n]{0,20}\bquelqu'un\b",
        r"\b(?:candidat|profil|candidature)s?\b,? (?:\w+,? ){0,2}(?:dont|qui)\b[^.!?\n]{0,50}\b(?:plus|mieux|"
        r"davantage)\b",
        r"\b(?:une personne|un candidat|une candidate|un profil) (?:avec|dont|qui)\b[^.!?\n]{0,40}\b(?:plus|mieux|"
        r"davantage)\b",
        r"\bopté pour une? (?:candidature|candidat\w*|profil|personne)\b",
        r"\b(?:recherch|cherch)\w*\b[^.!?\n]{0,20}\b(?:un profil|une personne|quelqu'un|un candidat|une candidate)"
        r"(?: de)? (?:plus|davantage) (?:senior|expérimentée?|d'expérience|qualifiée?)\b"],
    es=[r"\b(?:elegido|seleccionado|optado|decantado|decidido|continuar|avanzar|seguir|contratado|centrando)\b"
        r"[^.!?\n]{0,40}\b(?:otr[oa]s? (?:candidat|perfil|persona)\w*|un[oa]? (?:candidat[oa]|perfil) (?:con|"
        r"que|cuyo|cuya)|candidat[oa]s (?:con|que|cuyo))",
        r"\b(?:elegido|seleccionado|optado por|decantado por|contratado)\b[^.!?\n]{0,20}\b(?:a )?alguien\b",
        r"\b(?:candidat|perfil)\w*\b,? (?:\w+,? ){0,2}(?:que|cuyo|cuya|cuyos|cuyas|con)\b[^.!?\n]{0,50}\b(?:más|"
        r"mejor)\b",
        r"\b(?:priorizar|dar prioridad a) (?:otr|perfiles|candidat)",
        r"\b(?:seleccionado|elegido|contratado|escogido) a (?:una persona|un candidato|una candidata|otr[oa])\b",
        r"\b(?:una persona|un candidato|una candidata|otro perfil|un perfil) (?:con|cuyo|cuya|"
        r"que)\b[^.!?\n]{0,40}\b(?:más|mejor)\b",
        r"\bbusc\w*\b[^.!?\n]{0,20}\b(?:un perfil|una persona|alguien|un candidato|una candidata)(?: de)? más "
        r"(?:senior|experimentad[oa]|experiencia|cualificad[oa])\b"],
    nl=[r"\b(?:gekozen|geselecteerd|besloten|aangenomen|verder|doorgaan|aan te nemen)\b[^.!?\n]{0,40}"
        r"\b(?:iemand (?:anders|met|die)|een andere (?:kandidaat|sollicitant)|andere (?:kandidaten|sollicitanten)|"
        r"een kandidaat (?:die|met|van wie)|kandidaten (?:die|met))",
        r"\b(?:iemand|een andere kandidaat)\b[^.!?\n]{0,60}\b(?:gekozen|aangenomen|geselecteerd)\b",
        r"\b(?:kandida(?:at|ten)|profiel\w*|sollicitant\w*)\b,? (?:\w+,? ){0,2}(?:die|met|van wie|"
        r"wiens)\b[^.!?\n]{0,50}"
        r"\b(?:beter|meer|dichter)\b", r"\bvoorkeur (?:gegeven|geven) aan\b",
        r"\b(?:iemand|een kandidaat|een persoon) (?:met|die)\b[^.!?\n]{0,40}\b(?:meer|beter)\b"],
    pt=[r"\b(?:seguir|avançar|prosseguir|continuar|optamos|optámos|escolhemos|selecionamos|decidimos|contratam"
        r"os)\b[^.!?\n]{0,40}\b(?:outr[oa]s? (?:candidat|perfi|pessoa)\w*|(?:um|uma) (?:candidat[oa]|perfil) ("
        r"?:com|que|cujo))",
        r"\bcandidat\w*,? (?:\w+ ){0,2}(?:cujo|cuja|cujos|que|com)\b[^.!?\n]{0,50}\b(?:mais|melhor)\b",
        r"\b(?:busc|procur)\w*\b[^.!?\n]{0,20}\b(?:um perfil|uma pessoa|alguém|um candidato|uma candidata)(?: de)? "
        r"mais (?:sênior|senior|experiente|experiência|qualificad[oa])\b"],
    it=[r"\b(?:proseguire|procedere|andare avanti|continuare|scelto|selezionato|optato|preferito|deciso|assunt"
        r"o)\b[^.!?\n]{0,40}\b(?:altr[oi] (?:candidat|profil)\w*|(?:un|una) (?:candidat[oa]|profilo|persona) ("
        r"?:con|che|il cui)|candidati (?:con|che|il cui))",
        r"\bcandidat\w*,? (?:\w+ ){0,2}(?:il cui|la cui|i cui|che|con)\b[^.!?\n]{0,50}\b(?:più|migliore)\b",
        r"\b(?:cerch|ricerc)\w*\b[^.!?\n]{0,20}\b(?:un profilo|una persona|qualcuno|un candidato|una candidata)"
        r"(?: di)? più (?:senior|espert[oa]|esperienza|qualificat[oa])\b"])
# The application's outcome, said of it or of the candidate: "your application was unsuccessful",
# "not among the candidates", "didn't work out", "we have to turn you down".
OUTCOME = family(
    en=[r"\b(?:application|candidacy|profile)\b[^.!?\n]{0,30}\b(?:has been|was|is|had been) (?:\w+ )?(?:rejected|"
        r"declined|"
        r"unsuccessful|not successful|not (?:been )?(?:selected|shortlisted|progressed))\b",
        r"\byou (?:have|were|are|'ve)? ?(?:not|n't) (?:been )?(?:successful|selected|shortlisted|chosen)\b",
        r"\bweren't (?:successful|selected|shortlisted)\b", r"\bnot (?:been )?successful\b",
        r"\bnot among (?:the|those)\b", r"\b(?:didn't|did not|hasn't|has not|won't|will not) (?:quite )?work out\b",
        r"\b(?:have to|must|need to|will have to) (?:decline|turn down|reject)\b",
        r"\bno (?:positive|good) news\b", r"\bunable to offer you\b",
        r"\b(?:didn't|did not) (?:make it|get (?:the|this) (?:role|job|position))\b",
        r"(?:\bnot|n't) (?:\w+ ){0,2}(?:selected|shortlisted|chosen|successful|progressed|considered further)\b",
        r"\b(?:didn't|did not|won't) make (?:it (?:to|through) )?the (?:next|final|second|following) (?:round|stage)\b",
        r"\b(?:clos(?:e|ed|ing)|archiv(?:e|ed|ing)) your (?:application|candidacy)\b",
        r"\bnot (?:quite |exactly )?what we(?:'re| are) looking for\b",
        r"\b(?:going to|gonna|have to|will|'ll|must|decided to) pass on\b",
        r"\bno longer (?:in|part of) (?:the|our) process\b",
        r"\b(?:doesn't|does not|don't|do not) (?:quite |fully )?(?:match|meet|align with) (?:the|our|what)\b",
        r"\b(?:profile|application|background|experience|skills?|candidacy)\b[^.!?\n]{0,40}(?:\bnot|"
        r"n't)\b[^.!?\n]{0,20}\b(?:match|fit|align|meet|suit|correspond|what we)",
        r"\bnot (?:been )?in your favou?r\b",
        r"\b(?:stop|end|close|discontinue)\w* (?:the process|your application|your candidacy|things) with you\b",
        r"\bmade (?:a|the|our) hire\b",
        r"\b(?:won't|will not|not) go (?:any )?further with (?:your|you)\b",
        r"\bpassed on (?:your|you|the candidacy)\b",
        r"\bnegative (?:news|response|answer|outcome|decision)\b",
        r"(?:\bnot|n't) (?:be )?(?:able to )?make (?:you )?an offer\b",
        r"\b(?:can't|cannot|won't|not) (?:go|move) (?:any )?further together\b",
        r"(?:\b(?:have|need|going|got) to|\bgonna|\bmust|\bwill|'ll) (?:have to )?say no\b(?! to\b)",
        r"\bit's a no\b(?! to\b)"],
    de=[r"\b(?:bewerbung|kandidatur)\b[^.!?\n]{0,50}\b(?:abgelehnt|erfolglos|nicht erfolgreich|nicht berücksichtigt)\b",
        r"\b(?:sie|du) (?:wurden|wurdest|sind|bist|haben|hast) (?:\w+ ){0,2}nicht (?:ausgewählt|berücksichtigt|"
        r"weitergekommen|erfolgreich|eingeladen)\b", r"\bnicht (?:weiter|in die nächste runde) gekommen\b",
        r"\bnicht geklappt\b", r"\bnicht zu den\b", r"\b(?:ihnen|dir|euch) (?:\w+ ){0,2}absagen\b",
        r"\babsage (?:erteilen|geben|mitteilen|schicken|senden)\b", r"\babsagen müssen\b",
        r"\bkeine (?:positive|gute) (?:nachricht|antwort|rückmeldung)\b", r"\bkeine zusage\b",
        r"\bnicht (?:\w+ ){0,2}(?:ausgewählt|berücksichtigt|eingeladen|weitergekommen)\b",
        r"\bnicht in die (?:\w+ )?(?:runde|auswahl|stufe|phase) (?:\w+ )?(?:geschafft|gekommen|aufgenommen)\b",
        r"\b(?:bewerbung|kandidatur)\b[^.!?\n]{0,30}\b(?:geschlossen|abgeschlossen|archiviert)\b",
        r"\bnicht (?:ganz |genau )?(?:dem|das),? (?:was|wonach) wir suchen\b", r"\bentspricht\b[^.!?\n]{0,40}\bnicht\b",
        r"\bnicht (?:ganz |vollständig )?(?:unseren|den) anforderungen\b", r"\bmüssen (?:wir )?passen\b",
        r"\banderen weg\b", r"\bandere richtung\b",
        r"\bnicht (?:mehr |weiter )?im (?:auswahl)?(?:prozess|verfahren)\b",
        r"\b(?:profil|bewerbung|erfahrung|qualifikation)\w*\b[^.!?\n]{0,40}\bnicht\b[^.!?\n]{0,30}\b(?:passt|passen|"
        r"entspricht|entsprechen|deckt|decken|überein|erfüllt)",
        r"\b(?:deckt|passt|entspricht|stimmt)\b[^.!?\n]{0,30}\b(?:profil|erfahrung|"
        r"qualifikation)\w*\b[^.!?\n]{0,20}\bnicht\b",
        r"\bnicht zu (?:ihren|deinen) gunsten\b",
        r"\b(?:prozess|verfahren)\b[^.!?\n]{0,10}\bmit (?:ihnen|dir) (?:\w+ )?(?:beenden|abschließen|abbrechen|"
        r"einstellen)\b",
        r"\bnicht weiter(?:gehen|machen) mit (?:ihnen|dir|ihrer|deiner)\b",
        r"\bnegative[nr]? (?:rückmeldung|nachricht|antwort|entscheidung|bescheid)\b",
        r"\bkein (?:angebot|vertragsangebot) (?:machen|unterbreiten)\b",
        r"\bnicht zusammen(?:kommen|finden|arbeiten)\b",
        r"\b(?:muss|müssen) (?:ich|wir) (?:\w+ )?nein sagen\b(?! zu\b)"],
    fr=[r"\bcandidature\b[^.!?\n]{0,40}\b(?:refusée|rejetée|déclinée|non retenue|n'a pas abouti|ne sera pas retenue)\b",
        r"\bvous n'avez pas (?:été (?:retenu|sélectionné|choisi)|obtenu le poste)\w*",
        r"\bne l'avons pas retenue?\b", r"\bne (?:faites|fait|figure|figurez|font) pas partie des\b",
        r"\bne figure\w* pas parmi\b", r"\b(?:décliner|refuser) (?:votre|ta) candidature\b",
        r"\b(?:répondre|réponse)\b[^.!?\n]{0,20}\b(?:par la négative|négativement|négative)\b",
        r"\bn(?:e\b|'(?!hésit))[^.!?\n]{0,50}\b(?:favorable\w*|positive\w*|(?:donn|réserv|apport)\w* "
        r"(?:pas |plus )?(?:une |de |la )?suite)\b", r"\bn'a pas (?:abouti|été concluant\w*)\b",
        r"\bn(?:e\b|')[^.!?\n]{0,30}\b(?:pas|plus) (?:été )?(?:retenu|sélectionné|choisi|convoqué|admis)\w*",
        r"\b(?:pas (?:passé|franchi) (?:l'étape|le cap|la phase))\b",
        r"\b(?:clôtur|archiv)\w* (?:votre|ta) candidature\b|\bcandidature\b[^.!?\n]{0,20}\b(?:clôturée|archivée)\b",
        r"\bpas (?:tout à fait |exactement )?(?:à |avec )?ce que nous recherch\w*", r"\bpasser (?:notre|mon) tour\b",
        r"\bune autre (?:direction|orientation)\b", r"\bne (?:faites|fait) plus partie du processus\b",
        r"\b(?:candidature|profil|expérience|parcours)\b[^.!?\n]{0,40}\bne\b[^.!?\n]{0,30}\b(?:correspond|répond|"
        r"convient|colle)\w*",
        r"\bpas en votre faveur\b",
        r"\b(?:arrêter|mettre fin à|clore|clôturer) (?:le processus|votre candidature)\b",
        r"\b(?:recruté|embauché) (?:la personne|quelqu'un|un candidat|une candidate)\b",
        r"\bn'irons pas plus loin\b",
        r"\b(?:décliné|refusé|écarté) (?:votre|ta) candidature\b",
        r"\bne\b[^.!?\n]{0,30}\bpas\b[^.!?\n]{0,10}\b(?:aller plus loin|continuer ensemble|avancer ensemble)\b",
        r"\bpas (?:vous )?faire (?:d'offre|de proposition)\b",
        r"\bce ne sera pas pour (?:cette fois(?:-ci)?|maintenant)\b",
        r"\b(?:dois|devons|vais|allons) (?:\w+ )?(?:vous |te )?dire non\b(?! à\b)"],
    es=[r"\b(?:candidatura|solicitud|perfil)\b[^.!?\n]{0,40}\b(?:rechazad[oa]|descartad[oa]|desestimad[oa]|"
        r"no (?:ha sido |fue )?seleccionad[oa]|no ha prosperado|no continuará|no avanzará)\b",
        r"\bno (?:has|ha|han) (?:superado|pasado|sido seleccionad[oa]s?)\b",
        r"\bno (?:se (?:le|te|les) tendrá|te tendremos|le tendremos|serás|será|serán) (?:en cuenta|considerad[oa]s?)\b",
        r"\bno (?:se encuentra|te encuentras|estás|está|figura|figuras) entre\b",
        r"\b(?:rechazar|declinar|descartar) (?:tu|su) (?:candidatura|solicitud)\b", r"\brespuesta negativa\b",
        r"\bno (?:podemos|vamos a poder|es posible) (?:darte|darle|ofrecerte|ofrecerle) (?:una )?respuesta "
        r"(?:positiva|favorable)\b", r"\bno ha podido ser\b", r"\bproceso de selección no continuará\b",
        r"\bno (?:\w+ ){0,2}(?:seleccionad|elegid|escogid|convocad|admitid)[oa]s?\b",
        r"\bno (?:has|ha|han) pasado a la (?:siguiente|próxima)\b",
        r"\b(?:cerrar|cerrado|archivad[oa]|archivar) (?:tu|su) candidatura\b|"
        r"\bcandidatura\b[^.!?\n]{0,20}\b(?:cerrada|archivada)\b",
        r"\bno (?:es|encaja con|se ajusta a) (?:exactamente )?lo que buscamos\b", r"\bno se ajusta\b",
        r"\b(?:tendremos|vamos) (?:que|a) pasar\b", r"\botra dirección\b",
        r"\bya no (?:sigues|continúas|formas parte|estás en)\b",
        r"\b(?:perfil|candidatura|experiencia)\b[^.!?\n]{0,40}\bno\b[^.!?\n]{0,30}\b(?:encaja|se ajusta|es el que|"
        r"es lo que|corresponde|cumple|coincide)",
        r"\bno (?:ha sido|es|fue) favorable\b",
        r"\b(?:detener|parar|finalizar|cerrar) (?:el|tu|su) proceso (?:contigo|con usted)\b",
        r"\b(?:contratado|incorporado) a (?:otra persona|alguien|otr[oa])\b",
        r"\bno (?:vamos a )?(?:ir|llegar) más (?:allá|lejos)\b",
        r"\b(?:descartado|rechazado) (?:tu|su) (?:perfil|candidatura|solicitud)\b",
        r"\bno (?:\w+ )?(?:seguir|continuar|avanzar) juntos\b",
        r"\bno (?:\w+ )?(?:hacerte|hacerle) una oferta\b", r"\bdecir(?:te|le)? que no\b"],
    nl=[r"\b(?:sollicitatie|kandidatuur)\b[^.!?\n]{0,40}\b(?:afgewezen|niet succesvol|niet geselecteerd)\b",
        r"\b(?:je|u|jij) (?:bent|is|wordt|zijn|werd) (?:\w+ ){0,2}niet (?:geselecteerd|aangenomen|gekozen|"
        r"uitgenodigd|door)\b", r"\bniet (?:door|verder) naar de (?:volgende|tweede|laatste)\b",
        r"\b(?:is|was) (?:het )?(?:helaas )?niet gelukt\b",
        r"\b(?:niet tot|behoort niet tot|behoren niet tot) de (?:\w+ )?(?:kandidaten|sollicitanten|selectie|groep)\b",
        r"\b(?:je|u|jou) (?:\w+ )?af (?:moeten|te) wijzen\b", r"\bwijzen (?:je|u|jou) (?:\w+ )?af\b",
        r"\bgeen (?:positief|goed) (?:bericht|nieuws|antwoord)\b", r"\bnegatief (?:bericht|antwoord)\b",
        r"\bniet (?:\w+ ){0,2}(?:geselecteerd|gekozen|aangenomen|uitgenodigd|toegelaten)\b",
        r"\b(?:volgende|tweede|laatste) (?:ronde|fase) (?:\w+ )?niet (?:gehaald|bereikt)\b",
        r"\bsollicitatie\b[^.!?\n]{0,20}\b(?:gesloten|afgesloten|gearchiveerd)\b",
        r"\bniet (?:helemaal |precies )?wat (?:we|wij) zoeken\b", r"\bvoldoe\w* niet\b",
        r"\bmoeten (?:we|wij) passen\b",
        r"\bandere richting\b", r"\bniet (?:meer|langer) in de (?:procedure|selectie)\b",
        r"\b(?:profiel|sollicitatie|ervaring|achtergrond)\b[^.!?\n]{0,40}\b(?:niet|"
        r"onvoldoende)\b[^.!?\n]{0,30}\b(?:past|aansluit|sluit|voldoet|overeenkomt|matcht)",
        r"\b(?:past|sluit|voldoet)\b[^.!?\n]{0,30}\b(?:profiel|ervaring)\b[^.!?\n]{0,20}\b(?:niet|onvoldoende)\b",
        r"\bniet in (?:je|jouw|uw) voordeel\b",
        r"\b(?:procedure|proces)\b[^.!?\n]{0,20}\b(?:te )?(?:stoppen|beëindigen|afsluiten|af te sluiten)\b",
        r"\bniet verder gaan\b",
        r"\b(?:profiel|sollicitatie|ervaring|achtergrond)\b[^.!?\n]{0,20}\b(?:past|sluit|voldoet|"
        r"matcht)\b[^.!?\n]{0,20}\b(?:niet|onvoldoende)\b",
        r"\b(?:je|jouw|uw) (?:profiel|sollicitatie) (?:\w+ )?(?:afgewezen|laten vallen)\b",
        r"\bnegatieve (?:beslissing|uitslag|reactie)\b",
        r"\bgeen (?:aanbod|bod) (?:\w+ )?(?:doen|maken)\b",
        r"\bniet samen verder\b", r"\bnee (?:moeten )?zeggen\b(?! tegen\b)"],
    pt=[r"\b(?:candidatura|perfil|inscrição)\b[^.!?\n]{0,40}\b(?:não (?:foi )?(?:selecionad[oa]|aprovad[oa])|r"
        r"ecusad[oa]|reprovad[oa])\b",
        r"\bnão (?:foi|foste) (?:selecionad|aprovad|escolhid)[oa]s?\b",
        r"\bnão daremos (?:continuidade|seguimento)\b",
        r"\bresposta negativa\b", r"\bnão foi (?:desta|dessa) vez\b",
        r"\b(?:perfil|experiência)\b[^.!?\n]{0,40}\bnão\b[^.!?\n]{0,30}\b(?:se encaixa|encaixa|corresponde|ate"
        r"nde|está alinhad|adequa)\w*"],
    it=[r"\b(?:candidatura|profilo)\b[^.!?\n]{0,40}\bnon (?:è stat[oa] )?(?:selezionat|accolt|scelt)[oa]\b",
        r"\bnon (?:è|sei) stat[oa] (?:selezionat|scelt|ammess)[oa]\b",
        r"\besito negativo\b",
        r"\briscontro negativo\b", r"\b(?:questa volta|stavolta) non è andata\b",
        r"\bnon è andata (?:bene )?(?:questa volta|stavolta)\b",
        r"\b(?:profilo|candidatura|esperienza)\b[^.!?\n]{0,40}\bnon\b[^.!?\n]{0,30}\b(?:in linea|corrispond|ad"
        r"att)\w*"])
# A day or a time, in German: "leider passt mir Dienstag nicht" is about the date, not the candidate.
_WHEN_DE = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|morgen|heute|termin\w*|uhrzeit|zeit|uhr|datum|woche)\b"
DECISION = family(
    en=[r"(?:\bnot|n't|\bno longer)\b[^.!?\n]{0,30}\b(?:move|moving|go|going|be moving|be going) (?:forward|ahead|"
        r"further)",
        r"\b(?:move|moving|go|going|proceed|proceeding)\b[^.!?\n]{0,20}\bwith (?:other|another|a different|the other)"
        r" (?:candidate|applicant|profile)s?",
        r"\b(?:go|going|went|gone) with (?:an? |the )?(?:\w+ )?(?:candidates?|applicants?|someone|people)\b",
        r"\bpursue other (?:candidates|applicants)\b", r"\bdecided to go with\b",
        r"(?:\bnot|n't)\b[^.!?\n]{0,20}\b(?:proceed|progress)\w*", r"\bnot be progressing\b",
        r"\bunable to (?:offer|progress|proceed|take (?:this|it|your application) further)",
        r"\bnot be able to (?:offer|take (?:this|it) further|move forward|proceed)",
        r"(?:\bnot|n't)\b[^.!?\n]{0,25}\b(?:a|the right|a good|the best) (?:fit|match)\b",
        r"\b(?:has|have|were|was) (?:been )?unsuccessful\b", r"\bnot (?:been )?selected\b",
        r"\b(?:we'll|we will|we'd|we would) (?:have to )?pass\b", r"\bdecided not to\b",
        r"\bnot (?:be )?moving ahead\b", r"\bdifficult decision\b[^.!?\n]{0,60}\bnot\b",
        r"\b(?:go|going|gone) (?:in )?a different direction\b", r"\bnot (?:been )?shortlisted\b",
        r"\b(?:chosen|selected|hired|gone with|going with|offered (?:the|this) (?:role|position|"
        r"job) to) someone else\b",
        r"\b(?:offer|offered|extended an offer)\b[^.!?\n]{0,20}\bto (?:another|a different|an internal|the other)"
        r" (?:candidate|applicant|person)", r"\bcandidate who (?:has |have )?(?:\w+ )?accepted\b",
        r"\b(?:made|extended|offered) (?:an |the )?offer to (?:someone|somebody|another|a different|the other|an "
        r"internal)\b",
        r"\b(?:another|other) (?:candidate|applicant)s?(?:'s?)? (?:\w+ ){0,3}(?:was|were|is|are|had|has) (?:\w+ ){0,2}"
        r"(?:more|better|closer|stronger)\b",
        r"\b(?:progress|proceed|continue|move forward|go ahead|go forward)\w* with (?:other |another |different |"
        r"the other )?(?:applicants|candidates|profiles|people)\b",
        r"\bno further (?:interviews|steps|rounds)\b", r"\bno longer (?:being )?considered\b",
        r"(?:\bnot|n't)\b[^.!?\n]{0,20}\btake (?:this|it|things|your application) (?:any )?further\b",
        r"\bdecided against\b", r"\b(?:go|going|gone|went) (?:a|in a) different (?:way|route|path)\b",
        r"\b(?:go|going|gone|went) (?:in )?another (?:way|direction|route|path)\b",
        r"\b(?:our|the) choice (?:fell|went) (?:on|to)\b",
        r"\bnot the (?:successful|chosen|selected|preferred) (?:candidate|applicant|person)\b",
        r"\bdecided to (?:continue|keep|extend|reopen|re-open|restart) (?:our |the |with (?:the|our) )?"
        r"(?:search|looking|searching)\b"],
    de=[r"\babsage\b", r"\b(?:nicht|keine) (?:weiter\w* |mehr |länger )*(?:zu )?berücksichtig",
        r"\bfür (?:einen anderen|eine andere) (?:kandidat|bewerber)",
        r"\banderen? (?:kandidat|bewerber)\w* entschieden",
        r"\bkeine positive rückmeldung", r"\bnicht (?:weiter |länger )?(?:zu )?(?:verfolgen|fortsetzen|fortführen)\b",
        r"\bnicht weiter mit (?:ihnen|dir)\b", r"\bgegen (?:ihre|deine) (?:bewerbung|kandidatur)",
        r"\b(?:uns )?anders entschieden\b",
        r"\bpasst\b(?![^.!?\n,;]{0,40}\b" + _WHEN_DE + r")[^.!?\n,;]{0,40}\bnicht\b",
        r"\bandere[nr]? (?:kandidat|bewerber)",
        r"\bnicht in die (?:engere|nächste) (?:aus)?wahl", r"\b(?:jemand|jemanden) (?:anderen|anderes)\b",
        r"\b(?:entscheidung|wahl)\b[^.!?\n]{0,40}\b(?:auf|für)\b[^.!?\n]{0,10}\bandere", r"\bandere person\b",
        r"\bnicht (?:anbieten|zusagen)\b", r"\bgegen (?:\w+ ){0,3}entschieden\b",
        r"\bfür (?:\w+ ){0,2}(?:kandidat|bewerber)\w* entschieden\b", r"\bnicht mit (?:ihnen|dir) planen\b",
        r"\b(?:keine|nicht)\b[^.!?\n]{0,30}\b(?:stelle|position|anstellung|festanstellung|"
        r"job)\w* (?:\w+ )?(?:anbieten|geben)\b",
        r"\bnicht (?:der|die) (?:ausgewählte|erfolgreiche|gewählte)\b",
        r"\bentschieden\w*,? (?:die|unsere) suche (?:\w+ ){0,4}(?:fortzusetzen|weiterzuführen|fortzuführen)\b",
        r"\bentschieden\w*,? weiterzusuchen\b"],
    fr=[r"\bne\b[^.!?\n]{0,40}\b(?:pas|plus)\b[^.!?\n]{0,30}\b(?:donner (?:une )?suite|poursuivre)",
        r"\bpas (?:été )?retenue?s?\b", r"\b(?:retenu|choisi|sélectionné) (?:un autre|une autre) (?:candidat|profil)",
        r"\bautre candidat(?:ure)?\b", r"\bd'autres (?:profils|candidat)",
        r"\bne correspond (?:pas|plus)\b", r"\bne sommes pas en mesure\b", r"\bquelqu'un d'autre\b",
        r"\b(?:choix|décision)\b[^.!?\n]{0,30}\b(?:porté|porte|tombé)\w* sur\b",
        r"\bne (?:pouvons|pourrons) pas (?:vous )?(?:proposer|offrir) (?:le|ce) poste\b", r"\bdécidé de ne pas\b",
        r"\bne (?:pouvons|pourrons) pas (?:vous )?(?:proposer|offrir) de poste\b",
        r"\b(?:choix|décision)\b[^.!?\n]{0,30}\b(?:orienté|tourné)\w* vers\b",
        r"\bpas (?:le|la) candidat\w* (?:retenu|sélectionné|choisi)\w*",
        r"\bdécidé de (?:poursuivre|continuer|relancer|rouvrir) (?:nos|notre|les|la) recherches?\b"],
    es=[r"\bno (?:continuar|seguir adelante|avanzar)\b", r"\botr[oa]s? (?:candidat[oa]s?|perfil(?:es)?)\b",
        r"\bno encaja\b", r"\b(?:decantado|optado|elegido|seleccionado|decidido) por otr[oa]s?\b",
        r"\botra persona\b", r"\bno ha sido seleccionad[oa]\b", r"\bdecidido no\b",
        r"\bno (?:podemos|vamos a poder) (?:ofrecerte|ofrecerle) (?:el|este) puesto\b",
        r"\bno (?:\w+ ){0,3}contar con(?:tigo|usted)\b",
        r"\bno (?:podemos|vamos a poder) (?:ofrecerte|ofrecerle) (?:un|ningún) puesto\b",
        r"\bno (?:has|ha) sido (?:la persona|el candidato|la candidata|el perfil) (?:elegid|seleccionad|escogid)[oa]\b",
        r"\b(?:nuestra )?elección (?:ha recaído|recayó|ha sido) (?:en|por)\b",
        r"\bdecidido (?:seguir|continuar) (?:buscando|con (?:la|nuestra) búsqueda)\b",
        r"\bdecidido (?:reabrir|retomar) (?:la|el) (?:búsqueda|proceso)\b"],
    nl=[r"\bniet (?:verder|door)\b", r"\bandere kandida(?:at|ten)\b", r"\bafwijzing\b",
        r"\bniet in behandeling\b", r"\bniet met (?:je|u) verder(?:gaan)?\b", r"\bsluit\w* niet (?:goed )?aan\b",
        r"\biemand anders\b", r"\bkeus\b[^.!?\n]{0,30}\bniet op (?:u|je|jou) gevallen\b",
        r"\b(?:gekozen|besloten) (?:voor|om) (?:een )?andere\b", r"\bgeen match\b",
        r"\b(?:besloten|gekozen) (?:om )?(?:\w+ ){0,3}niet\b", r"\bniet uit te nodigen\b",
        r"\bgeen (?:functie|baan|plek|positie|vaste aanstelling) (?:\w+ )?(?:aan)?bieden\b",
        r"\bkeuze is (?:\w+ )?gevallen op\b", r"\bniet de (?:gekozen|geselecteerde) kandida(?:at|te)\b",
        r"\bbesloten (?:om )?(?:verder te zoeken|de zoektocht voort te zetten)\b"],
    pt=[r"\bnão (?:vamos |iremos )?(?:seguir|avançar|prosseguir|continuar)\b",
        r"\boutr[oa]s? (?:candidat[oa]s?|perfis|perfil)\b",
        r"\boutra pessoa\b",
        r"\bdecidimos não\b",
        r"\bdecidimos (?:continuar|seguir) (?:buscando|procurando|a procurar|com a busca)\b"],
    it=[r"\bnon (?:proseguir\w*|procedere|andr\w* avanti|continuer\w*)\b",
        r"\baltr[ie]? (?:candidat[oi]|profil[oi])\b",
        r"\bun'altra persona\b",
        r"\babbiamo deciso di non\b",
        r"\b(?:scelta|decisione) (?:è )?(?:ricaduta|caduta) su\b",
        r"\bdeciso di (?:continuare|proseguire) (?:la|le) ricerc\w*\b"])
# The formula that opens a decline ("we regret to inform you"): a decision, unless what it informs
# of is a meeting moved (RESCHEDULE).
REGRET_TO_INFORM = family(
    en=[r"\bregret to inform\b"],
    de=[r"\bbedauern\w*,? (?:ihnen|dir|euch) mitteilen zu müssen\b", r"\bmüssen (?:ihnen|dir|euch) leider mitteilen\b"],
    fr=[r"\bau regret\b"],
    es=[r"\blamentamos (?:comunicar|informar)", r"\bsentimos (?:comunicar|informar)\w*"],
    nl=[r"\b(?:moeten|moet) (?:we|wij|ik) (?:je|u|jou) (?:helaas )?(?:mededelen|meedelen)\b"],
    pt=[r"\blamentamos (?:informar|comunicar)\b"],
    it=[r"\b(?:siamo spiacenti|ci dispiace) di (?:comunicar|informar)\w*\b"])
# A negation, then a verb of going on with the application, in one clause:
# "we won't be taking your application any further", "niet verder", "no seguir".
_ON = (r"[^.!?\n,;]{0,40}\b(?:continu\w*|proceed\w*|progress\w*|move|moving|take|taking|go|going|pursu\w*|advanc\w*|"
       r"consider\w*|shortlist\w*|extend\w* (?:you )?an offer|offer(?:ing)? you|taken|"
       r"fortsetzen|fortzusetzen|fortführen|fortzuführen|weiterführen|weiterverfolgen|weitermachen|weiterzumachen|"
       r"berücksichtig\w*|poursuiv\w*|continuer|avancer|retenir|seguir|segui\w*|sigu\w*|avanz\w*|prosegui\w*|"
       r"verder\w*|doorgaan|door te gaan|behandel\w*|avanç\w*|prossegu\w*|continuidade|andr\w* avanti|andare avanti|"
       r"proceder(?:e|emo))\b(?:[^.!?\n,;]{0,40}\b(?:forward|further|ahead|application|"
       r"candidacy|you|weiter|"
       r"candidature|candidatura|sollicitatie|procedure))?")
DECLINE = family(
    en=[r"(?:n't|\b(?:not|no longer|unable to|cannot))\b" + _ON],
    de=[r"\b(?:nicht|kein\w*)\b" + _ON],
    fr=[r"\b(?:pas|plus)\b" + _ON, r"\bn(?:e\b|')\s?(?:\w+\s){0,2}?(?:retien\w*|reten\w*|poursuiv\w*|continu\w*|"
        r"avanc\w*|sélectionn\w*|convoqu\w*)\s(?:pas|plus)\b"],
    es=[r"\bno\b" + _ON],
    nl=[r"\b(?:niet|geen)\b" + _ON],
    pt=[r"\bnão\b" + _ON],
    it=[r"\bnon\b" + _ON])
# No need and no interest, the answer to outreach when nothing is open: "we have no need for more
# engineers", "kein Personalbedarf", "aucun besoin de recrutement", "we're not interested". Read like
# a closed role; the hiring nouns keep "no need for a cover letter" out.
_WHO = (r"(?:(?:a|an|any|additional|more|another|new|extra) )?(?:\w+ )?(?:hires?|staff|people|engineers?|developers?|"
        r"roles?|positions?|profiles?|candidates?|contractors?|freelancers?|help|someone|anyone)\b")
NO_NEED = family(
    en=[r"\b(?:no|n't have (?:a|any)|not have (?:a|any)) (?:current )?(?:need|requirement|demand) for " + _WHO,
        r"\b(?:we(?:'re| are)|i(?:'m| am)) not interested\b", r"\bnot interested at (?:this time|the moment|present)\b",
        r"\b(?:position|role|vacancy|job|opening)s? (?:already |now )?(?:filled|closed)\b"],
    de=[r"\bkein(?:en)? (?:personal)?bedarf\b", r"\bkein(?:e)? interesse\b"],
    fr=[r"\bpas (?:de |d')besoins?\b", r"\baucun besoin (?:de recrutement|en recrutement|sur ce profil|pour ce profil|"
        r"actuellement)\b", r"\bpas intéressée?s\b"],
    es=[r"\bno necesitamos (?:a nadie|(?:más )?(?:personal|perfiles|gente|desarrollador\w*|candidat\w*|incorporar|"
        r"contratar))\b", r"\bno (?:tenemos|hay) (?:necesidad|interés)\b",
        r"\bno (?:estamos interesad\w*|nos interesa)\b"],
    nl=[r"\bgeen (?:behoefte|interesse)\b", r"\bniet geïnteresseerd\b"],
    pt=[r"\bnão temos (?:necessidade|interesse)\b", r"\bnão estamos interessad\w*",
        r"\bnão precisamos de (?:ninguém|mais|profissionais|pessoas|contratar|desenvolvedor\w*)\b"],
    it=[r"\bnon abbiamo (?:esigenze|necessità|interesse)\b", r"\bnon siamo interessati\b", r"\bnon ci interessa\b",
        r"\bnon abbiamo bisogno di (?:nessuno|personale|profili|inserire|assumere)\b"])
# The role itself is gone: filled, closed, frozen. A decline, unless they then propose to talk
# about another role ("the senior role is filled, but would Wednesday work to talk about ...").
ROLE_CLOSED = family(
    en=[r"\b(?:position|role|vacancy|job|opening|requisition)\b[^.!?\n]{0,30}\b(?:been|is|was|got) (?:already |now |"
        r"just )?(?:filled|closed|cancell?ed|withdrawn)\b",
        r"\b(?:closed|filled|cancell?ed|withdrawn) (?:this|the|that|our) (?:role|position|opening|requisition|"
        r"vacancy)\b",
        r"\bno longer (?:accepting|taking|reviewing) applications\b",
        r"\bnot hiring\b",
        r"(?:\bno|n't have (?:a|any)) (?:suitable|open|matching|relevant|current) (?:opening|position|role|vacanc)",
        r"\bno longer (?:available|open|recruiting|hiring)\b",
        r"\b(?:hiring freeze|freeze hiring|froze hiring|frozen (?:the )?hiring)\b",
        r"(?:n't|\bnot) be filling\b", r"\bclose (?:the|our) search\b", r"\bwithout (?:making a )?hir(?:e|ing)\b",
        r"\bdecided not to (?:fill|hire|open)\b",
        r"\b(?:found|hired|appointed|identified) (?:someone|somebody|a candidate|the right (?:person|candidate)|"
        r"our (?:new|next) \w+)\b",
        r"\b(?:hire|hired|hiring|fill|filled|filling) (?:\w+ )?internally\b",
        r"\binternal (?:candidate|hire|applicant)\b",
        r"\bclosed (?:the|our) (?:process|search|recruitment)\b",
        r"\b(?:completed|concluded|finali[sz]ed|wrapped up) (?:our|the) (?:search|recruitment|hiring|process)\b",
        r"\b(?:position|role|vacancy|job|opening)\b[^.!?\n]{0,30}\b(?:won't|will not|isn't|is not|"
        r"no longer)\b[^.!?\n]{0,15}"
        r"\b(?:open|opened|available|filled|go ahead|happen)\b",
        r"\bhired for (?:this|the|that) (?:one|role|position)\b",
        r"\b(?:already|just) hired\b",
        r"\b(?:been able|managed) to fill (?:the|this|that) (?:role|position|vacancy)\b",
        r"\b(?:role|position|vacancy|opening|job)\b[^.!?\n]{0,20}\bno longer (?:a priority|active|vacant|needed)\b",
        r"\b(?:recruitment|hiring|search|process)\b[^.!?\n]{0,20}\b(?:has been |was )?(?:cancell?ed|stopped|"
        r"called off)\b",
        r"\bstopped the (?:search|process|recruitment)\b",
        r"\b(?:put|placed) on hold indefinitely\b",
        r"\bclosing (?:all )?(?:the )?applications\b",
        r"\b(?:position|role|job)\b[^.!?\n]{0,20}\b(?:has been|was) (?:given|awarded|assigned|offered) to\b",
        r"\b(?:hire|hiring|fill|filling|staff|staffing|promot\w*)\b[^.!?\n]{0,40}\b(?:internally|from within)\b",
        r"(?:\bno|n't have|\bnot have)(?: the| any)? (?:budget|headcount|funding)\b"
        r"(?! (?:constraint|limit|issue|concern))",
        r"\b(?:can't|cannot|can not|unable to) (?:justify|afford|budget for)\b[^.!?\n]{0,30}\b(?:hire|hiring|role|"
        r"position|headcount)\b",
        r"\bnot in (?:a|the) position to (?:hire|recruit|add|take on|bring on|open)\b",
        r"(?:n't|\bnot) (?:be )?(?:actively |currently )?(?:hiring|recruiting)\b",
        r"(?:n't|\bnot|\bno)\b(?: have| got)?(?: a| an| any)? (?:open |suitable |current )?(?:role|position|opening|"
        r"vacancy|job|spot)s?\b(?: \w+){0,3} (?:that (?:fits?|matches|suits?|would suit)|for (?:you|your|someone with)|"
        r"matching (?:your|you)|suited to)"],
    de=[r"\b(?:stelle|position|vakanz)\b[^.!?\n]{0,40}\b(?:besetzt|vergeben|gestrichen|zurückgezogen)\b",
        r"\bkeine (?:passende|offene|vakante|freie)n? (?:stelle|position|vakanz)",
        r"\beinstellungsstopp\b", r"\bnicht (?:mehr )?(?:nachbesetzt|besetzt werden)\b",
        r"\b(?:jemand\w*|eine?n? (?:\w+ )?(?:kandidat|bewerber)\w*|die richtige person) (?:\w+ ){0,3}gefunden\b",
        r"\bintern (?:zu )?(?:besetzt|besetzen|vergeben|nachbesetzt|nachzubesetzen)\b",
        r"\bnehmen keine (?:weiteren )?bewerbungen (?:mehr )?an\b", r"\binterne[nr]? (?:kandidat|bewerber|lösung)",
        r"\bbesetzen\b[^.!?\n]{0,40}\bmit (?:jemand\w*|eine[mr])\b",
        r"\b(?:prozess|verfahren)\b[^.!?\n]{0,20}\bbeendet\b",
        r"\b(?:auswahl|besetzung|suche|rekrutierung)\w*\b[^.!?\n]{0,30}\babgeschlossen\b",
        r"\b(?:stelle|position)\b[^.!?\n]{0,30}\bnicht\b[^.!?\n]{0,15}\b(?:besetzt|ausgeschrieben|geöffnet|"
        r"geschaffen)\b",
        r"\b(?:stelle|position)\b[^.!?\n]{0,30}\b(?:entfällt|fällt weg|gestrichen)\b",
        r"\bschon jemand\w* eingestellt\b",
        r"\bkonnten\b[^.!?\n]{0,20}\b(?:stelle|position)\b[^.!?\n]{0,30}\bbesetzen\b",
        r"\b(?:stelle|position|vakanz)\b[^.!?\n]{0,30}\bnicht mehr (?:vakant|frei|verfügbar|offen|aktuell|"
        r"ausgeschrieben)\b",
        r"\b(?:rekrutierung|auswahlverfahren|besetzungsverfahren|suche)\b[^.!?\n]{0,20}\b(?:abgesagt|eingestellt|"
        r"gestoppt|abgebrochen)\b",
        r"\bauf unbestimmte zeit (?:pausiert|auf eis gelegt|zurückgestellt|gestoppt)\b",
        r"\bbewerbungs(?:prozess|phase|verfahren) (?:wird |ist )?(?:geschlossen|beendet)\b",
        r"\b(?:stelle|position|rolle|vakanz)\b[^.!?\n]{0,40}\bnicht\b[^.!?\n]{0,20}\b(?:zu )?(?:nach)?(?:besetzt|"
        r"besetzen|zu besetzen)\b",
        r"\bkein(?:e|en)? (?:budget|headcount|mittel)\b[^.!?\n]{0,30}\b(?:für|um)\b",
        r"\bstellen\b[^.!?\n]{0,20}\b(?:nicht|niemanden|keine\w*)\b[^.!?\n]{0,20}\bein\b",
        r"\bkeine (?:\w+ )?(?:stelle|position|rolle|vakanz)\b,? (?:die|welche|für (?:sie|dich))\b"],
    fr=[r"\b(?:poste|offre)\b[^.!?\n]{0,30}\b(?:pourvu|clôturé|annulé|gelé)",
        r"\bpas de (?:poste|offre) (?:ouvert |disponible )?correspondant",
        r"\baucun poste\b[^.!?\n]{0,50}\b(?:ouvert|disponible|correspondant)",
        r"\bgel des (?:recrutements|embauches)\b",
        r"\btrouvé (?:quelqu'un|un candidat|une candidate|la bonne personne|notre)\b",
        r"\b(?:pourvu|recruté|recruter|pourvoir) (?:\w+ )?en interne\b", r"\bcandidat\w* interne\b",
        r"\b(?:clôturé|fermé|clos|finalisé|terminé|bouclé) (?:le|notre) (?:processus|recrutement)\b",
        r"\bposte\b[^.!?\n]{0,30}\bne (?:sera|serait|va) (?:pas|plus|finalement pas)\b[^.!?\n]{0,15}\b(?:ouvert|"
        r"pourvu|maintenu)\b",
        r"\bposte\b[^.!?\n]{0,30}\b(?:supprimé|annulé)\b", r"\bdéjà recruté\b", r"\bavons pu pourvoir\b",
        r"\bpourvu (?:le|ce|notre) poste\b", r"\bn'acceptons plus de candidatures\b",
        r"\b(?:poste|offre)\b[^.!?\n]{0,20}\b(?:n'est plus|plus) (?:disponible|ouvert|d'actualité|vacant)\b",
        r"\b(?:recrutement|processus)\b[^.!?\n]{0,20}\b(?:a été )?(?:annulé|arrêté)\b",
        r"\b(?:suspendu|gelé|arrêté) (?:pour une durée indéterminée|sine die)\b",
        r"\bclôturons (?:les|toutes les) candidatures\b",
        r"\bposte\b[^.!?\n]{0,30}\b(?:attribué|octroyé)\b",
        r"\b(?:mobilité|promotion|solution) interne\b",
        r"\b(?:pas|plus|aucun) (?:de |le |d')?(?:budget|enveloppe)\b[^.!?\n]{0,30}\b(?:pour|afin)\b",
        r"\bne (?:recrutons|recrute|embauchons) (?:pas|plus)\b", r"\bpas en mesure de recruter\b",
        r"\b(?:pas de|aucun) poste (?:\w+ )?(?:qui (?:corresponde?|convien)|adapté|pour vous)"],
    es=[r"\b(?:puesto|vacante|posición|plaza)\b[^.!?\n]{0,30}\b(?:cubiert[oa]|cerrad[oa]|cancelad[oa])\b",
        r"\bno (?:tenemos|hay) (?:ninguna )?(?:vacante|posición|puesto)",
        r"\bcongelación de (?:contrataciones|vacantes)\b",
        r"\bencontrado (?:a )?(?:alguien|otr[oa] persona|al? candidat[oa]|la persona)\b",
        r"\b(?:cubierto|cubrir|cubierta|contratado) internamente\b", r"\bcandidat[oa] intern[oa]\b",
        r"\b(?:cerrado|cerramos|finalizado|concluido) (?:el|nuestro) proceso\b",
        r"\bproceso (?:se ha )?(?:cerrado|finalizado|concluido)\b",
        r"\b(?:puesto|vacante|posición|plaza)\b[^.!?\n]{0,30}\b(?:no se (?:va a )?(?:abrir|cubrir)|se ha cancelado|"
        r"ha quedado desierta|suprimid[oa])\b", r"\bya hemos contratado\b", r"\bhemos podido cubrir\b",
        r"\b(?:hemos )?cubierto (?:la|el) (?:posición|puesto|vacante|plaza)\b", r"\bya no aceptamos candidaturas\b",
        r"\b(?:puesto|vacante|posición|plaza|oferta)\b[^.!?\n]{0,20}\b(?:ya no está|no está) (?:disponible|"
        r"abiert[oa]|activ[oa])\b",
        r"\b(?:proceso|selección)\b[^.!?\n]{0,20}\b(?:se ha )?(?:cancelado|detenido|paralizado)\b",
        r"\ben pausa (?:indefinidamente|de forma indefinida)\b",
        r"\bcerramos (?:las|todas las) candidaturas\b",
        r"\b(?:puesto|plaza|vacante|posición)\b[^.!?\n]{0,30}\b(?:adjudicad[oa]|asignad[oa]|otorgad[oa])\b",
        r"\b(?:cubrir|cubierto|cubierta|cubrimos|contratar|contratamos|promocionar)\b[^.!?\n]{0,30}\b(?:internamente|"
        r"de (?:forma|manera) interna)\b", r"\bpromoción interna\b",
        r"\bno (?:tenemos|hay|contamos con) (?:\w+ )?(?:presupuesto|headcount)\b",
        r"\bno (?:estamos|vamos a estar) (?:contratando|incorporando)\b"],
    nl=[r"\b(?:vacature|functie|positie|rol)\b[^.!?\n]{0,30}\b(?:vervuld|ingevuld|gesloten|geannuleerd|ingetrokken)\b",
        r"\bgeen (?:passende|openstaande) (?:vacature|functie)", r"\b(?:vacature|personeels)stop\b",
        r"\biemand (?:\w+ ){0,4}gevonden\b", r"\bgevonden voor (?:de|deze) (?:rol|functie|vacature)\b",
        r"\bintern (?:ingevuld|vervuld)\b", r"\binterne kandida(?:at|ten)\b",
        r"\bprocedure (?:\w+ )?(?:afgesloten|gesloten)\b",
        r"\b(?:werving|selectie|procedure)\w* (?:\w+ )?(?:is )?afgerond\b",
        r"\b(?:vacature|functie|positie)\b[^.!?\n]{0,30}\b(?:komt (?:\w+ )?te vervallen|vervalt|is vervallen|"
        r"gaat niet door|"
        r"wordt niet (?:ingevuld|opengesteld))\b", r"\b(?:al|inmiddels) iemand aangenomen\b",
        r"\bhebben\b[^.!?\n]{0,40}\b(?:vacature|functie|positie|rol)\b[^.!?\n]{0,20}\bkunnen (?:in|ver)vullen\b",
        r"\bnemen geen sollicitaties meer aan\b",
        r"\b(?:vacature|functie|positie|rol)\b[^.!?\n]{0,20}\bniet meer (?:beschikbaar|open|actueel|vacant)\b",
        r"\b(?:werving|procedure|selectie)\b[^.!?\n]{0,20}\b(?:is )?(?:geannuleerd|stopgezet|gestopt)\b",
        r"\bvoor onbepaalde tijd (?:on hold|stilgelegd|bevroren|stopgezet)\b",
        r"\bsluiten (?:alle )?sollicitaties\b",
        r"\b(?:functie|vacature|rol|positie)\b[^.!?\n]{0,30}\b(?:vergeven|toegewezen|gegund)\b",
        r"\bintern (?:opgevuld|ingevuld|vervuld)\b",
        r"\bintern (?:in te vullen|invullen|te vervullen|op te vullen)\b",
        r"\bgeen (?:budget|headcount|formatie)\b[^.!?\n]{0,30}\b(?:voor|om)\b",
        r"\bgeen (?:\w+ )?(?:functie|vacature|rol|positie|plek)\b,? die (?:\w+ ){0,4}(?:past|aansluit)\b",
        r"\bnemen (?:op dit moment |momenteel |nu )?niemand aan\b"],
    pt=[r"\b(?:vaga|posição|cargo)\b[^.!?\n]{0,30}\b(?:preenchid[oa]|encerrad[oa]|cancelad[oa]|fechad[oa])\b",
        r"\bnão (?:temos|há) (?:\w+ )?(?:orçamento|verba)\b",
        r"\b(?:preenchid[oa]|contratamos|contratar) internamente\b",
        r"\bcandidat[oa] intern[oa]\b",
        r"\bnão estamos contratando\b",
        r"\bcongelamento de contratações\b",
        r"\bnão (?:temos|há) (?:nenhuma )?vaga\b",
        r"\b(?:encerr|fech|cancel)\w*\b[^.!?\n]{0,10}\b(?:o|a|este|esta|nosso|nossa) (?:processo(?: seletivo)?|vaga|"
        r"recrutamento)\b",
        r"\b(?:processo(?: seletivo)?|recrutamento)\b[^.!?\n]{0,40}\b(?:foi )?(?:encerrad|cancelad|fechad)[oa]\b"],
    it=[r"\b(?:posizione|ruolo|posto)\b[^.!?\n]{0,30}\b(?:copert[oa]|chius[oa]|annullat[oa]|ricopert[oa])\b",
        r"\bnon (?:abbiamo|c'è) (?:\w+ )?budget\b",
        r"\b(?:copert[oa]|assunto|assumere) internamente\b",
        r"\bcandidato interno\b",
        r"\bnon (?:stiamo assumendo|assumiamo)\b",
        r"\bblocco delle assunzioni\b",
        r"\bnon (?:abbiamo|ci sono) posizioni (?:aperte|disponibili)\b",
        r"\b(?:chius|annullat|conclus|sospes)\w*\b[^.!?\n]{0,10}\b(?:la|il|questa|questo|nostra|nostro) (?:selezione|"
        r"ricerca|posizione|processo)\b",
        r"\b(?:selezione|ricerca|processo)\b[^.!?\n]{0,40}\b(?:è stat[oa] )?(?:chius|annullat|conclus)[oa]\b"])
# Mood and courtesy: never enough alone ("we will keep your CV on file" closes declines and
# acknowledgements alike).
REJECTION_WEAK = family(
    en=[r"\bunfortunately\b", r"\bregret\b", r"\bsorry\b", r"\bkeep your (?:cv|resume|details|profile) on file\b"],
    de=[r"\bleider\b", r"\btalentpool\b", r"\bbedauer\w*\b"],
    fr=[r"\bmalheureusement\b", r"\bdésolé", r"\bregrett\w*\b"],
    es=[r"\blamentablemente\b", r"\bdesafortunadamente\b", r"\bsentimos\b", r"\blamentamos\b"],
    nl=[r"\bhelaas\b", r"\bjammer\b"],
    pt=[r"\binfelizmente\b", r"\blamentamos\b", r"\bbanco de talentos\b"],
    it=[r"\bpurtroppo\b", r"\bsiamo spiacenti\b", r"\bci dispiace\b"])
INTERVIEW_WEAK = family(
    en=[r"\binterview", r"\bcall\b", r"\bchat\b", r"\bmeet", r"\btalk\b", r"\bschedul", r"\bnext steps?\b"],
    de=[r"gespräch", r"\btermin\b"],
    fr=[r"\bentretien", r"\brencontr"],
    es=[r"\bentrevista", r"\breunión\b", r"\bllamada\b"],
    nl=[r"gesprek\b", r"\bafspraak\b"],
    pt=[r"\bentrevista", r"\bchamada\b", r"\breunião\b", r"\bconversa\b"],
    it=[r"\bcolloquio", r"\bchiamata\b", r"\bcall\b", r"\bincontro\b"])

# -- automatic mail -------------------------------------------------------------------------------

BOUNCE_SENDER = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mail-delivery-subsystem)@", re.I)
BOUNCE_SUBJECT = family(
    en=[r"undeliver", r"undelivered mail", r"delivery status notification \((?:failure|failed)\)",
        r"delivery status notification$", r"delivery (?:has )?fail", r"returned mail",
        r"mail delivery failed", r"failure notice", r"delivery failure", r"non-?delivery", r"nondeliverable",
        r"could not be delivered", r"message not delivered", r"returned to sender", r"mail system error"],
    de=[r"unzustellbar", r"nicht zustellbar", r"zustellung fehlgeschlagen", r"nicht zugestellt", r"zustellungsfehler",
        r"konnte nicht zugestellt"],
    fr=[r"non remis", r"non distribuable", r"échec de (?:la )?remise", r"non délivré",
        r"n'a pas pu être (?:remis|distribué)"],
    es=[r"no se puede entregar", r"no entregado", r"error de entrega", r"no se (?:pudo|ha podido) entregar"],
    nl=[r"onbestelbaar", r"niet afgeleverd", r"kan niet worden bezorgd", r"bezorging mislukt", r"niet bezorgd",
        r"kon niet worden (?:bezorgd|afgeleverd)"],
    pt=[r"não (?:foi possível )?entreg", r"falha na entrega", r"não entregue"],
    it=[r"non (?:è stato possibile )?recapitat", r"mancato recapito", r"impossibile recapitare"])
# A delivery report that only says "still trying": nothing failed, the address is not bad.
DELAYED = family(
    en=[r"\baction: delayed\b", r"\b(?:delay(?:ed)?|not delivered yet|temporary problem|will (?:retry|keep trying))\b",
        r"\bnot (?:yet )?(?:been )?delivered yet\b", r"\bnot yet been delivered\b", r"\bwarning only\b",
        r"\b(?:will be|still being|is being) retried\b", r"\bdelivery attempts will continue\b"],
    de=[r"\b(?:verzögert|vorübergehend|erneut versuchen)\b", r"\bnoch nicht zugestellt\b",
        r"\bwird (?:weiterhin|erneut) (?:versucht|zugestellt)\b"],
    fr=[r"\b(?:retardée?|temporaire|nouvelle tentative)\b", r"\bpas encore (?:été )?(?:remis|distribué)\b",
        r"\bnouvelles tentatives\b"],
    es=[r"\b(?:retrasad[oa]|temporal|reintent\w*)\b", r"\btodavía no (?:se )?(?:ha )?(?:sido )?entregad[oa]\b",
        r"\bse volverá a intentar\b"],
    nl=[r"\b(?:vertraagd|tijdelijk|opnieuw proberen)\b", r"\bnog niet (?:afgeleverd|bezorgd)\b",
        r"\bwordt opnieuw geprobeerd\b"],
    pt=[r"\b(?:atrasad[oa]|temporári[oa]|nova tentativa)\b"],
    it=[r"\b(?:ritardat[oa]|temporane[oa]|nuovo tentativo)\b"])
# A delivery report that says it arrived (a success or relay notification): no bounce.
DELIVERED = family(
    en=[r"\baction: (?:delivered|relayed|expanded)\b", r"\b(?:was|been) (?:successfully )?delivered to\b",
        r"\bdelivery (?:to (?:the following|these) recipients?[^.\n]{0,40})?(?:was |is )?(?:complete|successful|"
        r"succeeded)\b", r"^(?:delivered|relayed)\s*:", r"\(success\)"],
    de=[r"\berfolgreich zugestellt\b", r"\bzustellung (?:war )?erfolgreich\b", r"^zugestellt\s*:",
        r"\bweitergeleitet:"],
    fr=[r"\b(?:remis|distribué) avec succès\b", r"^remis\s*:", r"\ba bien été (?:remis|distribué)\b"],
    es=[r"\bentregado correctamente\b", r"^entregado\s*:", r"\bse ha entregado\b"],
    nl=[r"\bsuccesvol (?:afgeleverd|bezorgd)\b", r"^(?:bezorgd|afgeleverd)\s*:", r"\bis afgeleverd\b"],
    pt=[r"\bentregue com sucesso\b"],
    it=[r"\brecapitat[oa] correttamente\b"])
PERMANENT_FAILURE = re.compile(r"\b5\.\d{1,3}\.\d{1,3}\b|\b55\d\b|\baction: failed\b|\bpermanent (?:error|failure)\b|"
                               r"\bthis is a permanent\b", re.I)
# A read receipt: a machine's note, not a reply.
READ_RECEIPT = family(
    en=[r"^read\s*:", r"^read receipt\b", r"\bwas read on\b"],
    de=[r"^gelesen\s*:", r"^lesebestätigung\b"],
    fr=[r"^lu\s*:", r"^accusé de lecture\b"],
    es=[r"^leído\s*:", r"^confirmación de lectura\b"],
    nl=[r"^gelezen\s*:", r"^leesbevestiging\b"],
    pt=[r"^lida\s*:", r"^confirmação de leitura\b"],
    it=[r"^letto\s*:", r"^conferma di lettura\b"])
AUTO_SUBJECT = family(
    en=[r"automatic reply", r"auto[- ]?reply", r"autoreply", r"auto[- ]?response", r"out of (?:the )?office",
        r"vacation", r"away from (?:the )?office", r"\bon leave\b"],
    de=[r"abwesenheit", r"\babwesend\b", r"automatische antwort", r"urlaub", r"außer haus"],
    fr=[r"réponse automatique", r"absence du bureau", r"\babsente?\b", r"message d'absence"],
    es=[r"respuesta automática", r"fuera de la oficina", r"de vacaciones", r"\bausente\b", r"ausencia"],
    nl=[r"automatisch antwoord", r"afwezig", r"afwezigheid", r"\bmet verlof\b"],
    pt=[r"resposta automática", r"fora do escritório", r"\bausente\b", r"férias"],
    it=[r"risposta automatica", r"fuori (?:sede|ufficio)", r"\bassente\b", r"\bferie\b"])
AWAY = family(
    en=[r"\bout of (?:the )?office\b", r"\baway from (?:the )?office\b", r"\bnot in the office\b",
        r"\bon (?:vacation|holiday|annual leave|parental leave|maternity leave|paternity leave|sick leave|leave)\b",
        r"\b(?:away|out|off) until\b"],
    de=[r"\bnicht im büro\b", r"\bim urlaub\b", r"\babwesend\b", r"\bin (?:elternzeit|mutterschutz)\b",
        r"\baußer haus\b", r"\bnicht erreichbar\b"],
    fr=[r"absente? du bureau", r"\ben congé\b", r"\babsente? jusqu", r"\ben vacances\b"],
    es=[r"fuera de la oficina", r"de vacaciones", r"\bde baja\b", r"\bpermiso de (?:maternidad|paternidad)\b",
        r"\bausente hasta\b"],
    nl=[r"\bafwezig\b", r"met vakantie", r"\bop vakantie\b", r"\b(?:met|op) (?:\w+)?verlof\b", r"\bniet bereikbaar\b"],
    pt=[r"\bfora do escritório\b", r"\bde férias\b", r"\bausente até\b", r"\bde licença\b"],
    it=[r"\bfuori (?:sede|ufficio)\b", r"\bin ferie\b", r"\bassente fino\b", r"\bin congedo\b"])
# Sent by a machine: said in so many words.
MACHINE_SENT = family(
    en=[r"\bthis is an? automat(?:ed|ic) (?:message|reply|response|confirmation|e-?mail|notification)",
        r"\bautomatic confirmation\b", r"\b(?:please )?do not reply\b", r"\bsystem-generated\b",
        r"\bautomatically generated\b", r"\b(?:mailbox|inbox|address) is (?:not|no longer) monitored\b",
        r"\bunmonitored\b"],
    de=[r"automatisch (?:generierte|erstellte|versandte|generiert|erstellt|versendet)",
        r"\bbitte (?:antworten sie|antworte) nicht\b", r"\bnicht auf diese (?:e-?mail|nachricht) antworten\b"],
    fr=[r"message automatique", r"\bmerci de ne pas (?:y )?répondre\b", r"\b(?:généré|envoyé) automatiquement\b",
        r"\bne pas répondre\b"],
    es=[r"mensaje automático", r"\bno respondas\b", r"\bno responda\b", r"\bgenerado automáticamente\b",
        r"\bcorreo automático\b"],
    nl=[r"automatisch (?:bericht|gegenereerd|verzonden)",
        r"\bniet op (?:dit bericht |deze e-?mail )?(?:reageren|antwoorden)\b",
        r"\bniet beantwoorden\b"],
    pt=[r"\b(?:e-?mail|mensagem) automátic[oa]\b", r"\bnão responda\b", r"\bgerad[oa] automaticamente\b"],
    it=[r"\b(?:e-?mail|messaggio) (?:generat[oa] )?automatic[oa]\b",
        r"\bgenerat[oa] automaticamente\b",
        r"\bnon rispondere\b"])
# An acknowledgement: the application arrived.
RECEIVED = family(
    en=[r"\b(?:have|has) received your (?:application|email|message|cv|resume)", r"\bwe received your application\b",
        r"\bthanks? (?:you )?for (?:your )?appl(?:ying|ication)\b[^.!?\n]{0,40}\breceived\b",
        r"\byour application (?:has been|was) (?:successfully )?(?:received|submitted)\b",
        r"\bwe(?:'ve| have) (?:got|received) your\b"],
    de=[r"\bbestätigen (?:wir )?den eingang", r"\b(?:unterlagen|bewerbung)\b[^.!?\n]{0,30}\b(?:erhalten|eingegangen)\b",
        r"\beingangsbestätigung\b"],
    fr=[r"\baccusons (?:bonne )?réception", r"\bbien reçu votre (?:candidature|dossier)\b",
        r"\bcandidature a bien été (?:reçue|enregistrée|transmise)\b"],
    es=[r"\bhemos recibido (?:correctamente )?tu (?:candidatura|correo|solicitud|cv)",
        r"\bhemos recibido (?:correctamente )?su (?:candidatura|solicitud)",
        r"\b(?:tu|su) (?:candidatura|solicitud) (?:ha sido|se ha) (?:recibid[oa]|registrad[oa])\b"],
    nl=[r"\bin goede orde ontvangen\b", r"\b(?:sollicitatie|gegevens|cv)\b[^.!?\n]{0,20}\b(?:goed )?ontvangen\b",
        r"\bhebben (?:je|jouw|uw) (?:sollicitatie|cv|gegevens) ontvangen\b"],
    pt=[r"\brecebemos (?:a |o )?(?:sua |seu |tua |teu )?(?:candidatura|currículo|inscrição)\b",
        r"\b(?:candidatura|inscrição)\b[^.!?\n]{0,30}\bfoi recebida\b"],
    it=[r"\babbiamo ricevuto (?:la |il )?(?:sua |tua |vostra )?(?:candidatura|cv|curriculum)\b",
        r"\bcandidatura\b[^.!?\n]{0,30}\bè stata ricevuta\b"])

# A person answering the candidate's follow-up ("thanks for checking in"): an acknowledgement in
# it ("we've received your application, still reviewing") is a person's status update, not a machine's.
FOLLOW_UP = family(
    en=[r"\b(?:thanks|thank you)(?: so much)? for (?:checking in|following up|your follow[- ]?up|the follow[- ]?up|"
        r"the nudge|the reminder|getting back in touch)\b"],
    de=[r"\b(?:danke|vielen dank|besten dank)\w* (?:für|fuer) (?:ihre|deine|die) (?:nachfrage|erinnerung)\b"],
    fr=[r"\bmerci (?:pour|de) (?:votre|ta|la) (?:relance|nouvelle relance)\b"],
    es=[r"\bgracias por (?:tu|su|el) (?:seguimiento|recordatorio)\b"],
    nl=[r"\b(?:bedankt|dank) voor (?:je|jouw|uw|het) (?:navraag|berichtje|herinnering)\b"],
    pt=[r"\bobrigad[oa] (?:pelo|pela) (?:seu |sua )?(?:acompanhamento|lembrete)\b"],
    it=[r"\bgrazie per (?:il|la) (?:tuo |suo )?(?:sollecito|promemoria|follow[- ]?up)\b"])

# -- where the message ends and the signature or the ATS footer begins ----------------------------

SIGN_OFF = family(
    en=[r"(?:best|kind|warm|warmest|many thanks and|with)?\s*(?:regards|wishes)", r"best", r"cheers",
        r"thanks(?: again)?",
        r"thank you", r"warmly", r"talk soon", r"sincerely", r"yours(?: sincerely| truly| faithfully)?",
        r"all the best", r"speak soon", r"many thanks", r"thanks so much", r"br", r"kr", r"-\s?\w+"],
    de=[r"(?:mit )?(?:freundlichen|besten|herzlichen|vielen|liebe|viele|beste|schöne) grüße?n?", r"gruß", r"grüße",
        r"lg",
        r"vg", r"mfg", r"bis bald", r"herzlichst", r"beste grüsse", r"(?:freundliche|liebe|viele) grüsse"],
    fr=[r"(?:bien )?cordialement", r"bien à (?:vous|toi)", r"à (?:très )?(?:vite|bientôt)",
        r"bonne (?:journée|continuation|soirée)", r"belle journée", r"merci (?:d'avance|encore)",
        r"salutations(?: distinguées)?", r"sincères salutations", r"amicalement", r"bien amicalement"],
    es=[r"(?:un )?saludos?(?: cordiales)?", r"atentamente", r"un abrazo", r"hasta pronto", r"¡?hablamos pronto!?",
        r"un cordial saludo", r"cordialmente", r"muchas gracias"],
    nl=[r"(?:met )?(?:vriendelijke|hartelijke|beste|warme) groet(?:en)?", r"groet(?:jes|en)?", r"tot (?:snel|gauw|dan)",
        r"mvg", r"vriendelijke groeten"],
    pt=[r"atenciosamente",
        r"(?:um )?abraço",
        r"abraços",
        r"(?:com os melhores )?cumprimentos",
        r"(?:muito )?obrigad[oa]",
        r"até (?:breve|logo|mais)",
        r"att\.?",
        r"saudações"],
    it=[r"(?:cordiali|distinti)? ?saluti",
        r"(?:un )?(?:caro )?saluto",
        r"a presto",
        r"grazie(?: mille)?",
        r"buona giornata",
        r"un abbraccio"])
SIGN_OFF_LINE = re.compile(rf"^\s*(?:{SIGN_OFF.pattern})\s*[,.!]?\s*$", re.I)
# "Best, Dana": a sign-off and a name on one line.
SIGN_OFF_NAMED = re.compile(rf"^\s*(?i:{SIGN_OFF.pattern})\s*[,.!–-]\s*[A-ZÀ-Ý][\w.'-]*(?:\s[A-ZÀ-Ý][\w.'-]*)?\s*$")
SIGNATURE_START = re.compile(
    r"^(?:--\s*$|_{3,}\s*$|sent from my \w+|sent from outlook|get outlook for|envoyé de(?:puis)? mon \w+|"
    r"von meinem \w+ gesendet|gesendet von|enviado desde mi \w+|verstuurd vanaf mijn \w+|verzonden (?:vanaf|"
    r"met))", re.I)
# A footer: privacy notice, confidentiality disclaimer, unsubscribe, who sent it (an ATS).
BOILERPLATE = family(
    en=[r"\bconfidential(?:ity)? (?:notice|information)\b", r"\b(?:privileged|strictly) (?:and )?confidential\b",
        r"\b(?:may contain|is|are) confidential\b", r"\bintended (?:only )?(?:for the )?(?:recipient|addressee)",
        r"\bprivacy (?:policy|notice)\b",
        r"\bdata protection\b", r"\bunsubscribe\b", r"\byou (?:are )?receiv(?:ed|ing) this (?:e-?mail|message)\b",
        r"\bthis (?:e-?mail|message) (?:was|is|has been) (?:sent|generated) (?:by|via|on behalf|to you)\b",
        r"\bpowered by\b", r"\bsent (?:via|with|through) \w+", r"\bgdpr\b", r"\bpersonal data\b",
        r"\bemail preferences\b", r"\bregistered (?:office|in england)\b", r"\bcompany (?:number|registration)\b"],
    de=[r"\bvertrauliche informationen\b", r"\b(?:ist|sind) vertraulich\b", r"\bdatenschutz\w*\b",
        r"\bpersonenbezogene\w*\b", r"\babmelden\b",
        r"\bdiese (?:e-?mail|nachricht) (?:wurde|enthält|ist)\b", r"\birrtümlich\b", r"\bgeschäftsführ\w*:",
        r"\bhandelsregister\b", r"\bamtsgericht\b", r"\bsitz der gesellschaft\b", r"\bust-?id\w*\b", r"\bdsgvo\b"],
    fr=[r"\binformations? confidentielles?\b", r"\b(?:est|sont) (?:strictement )?confidentiel\w*\b",
        r"\bdestinataire\w*\b", r"\bdonnées personnelles\b", r"\bprotection des données\b",
        r"\bdésinscri\w*\b", r"\brgpd\b", r"\bsiège social\b", r"\brcs\b",
        r"\bce (?:message|courriel|mail) (?:a été|est) "
        r"(?:envoyé|généré)"],
    es=[r"\binformación confidencial\b", r"\b(?:es|son) confidencial\w*\b", r"\bdestinatario\w*\b",
        r"\bprotección de datos\b", r"\bdatos personales\b",
        r"\bdarse de baja\b", r"\b(?:rgpd|lopd\w*)\b", r"\baviso legal\b",
        r"\beste (?:mensaje|correo) (?:ha sido|fue|es) "
        r"(?:enviado|generado)"],
    nl=[r"\bvertrouwelijke informatie\b", r"\b(?:is|zijn) vertrouwelijk\b", r"\bgeadresseerde\w*\b",
        r"\bprivacy\w*\b", r"\bpersoonsgegevens\b",
        r"\bafmelden\b", r"\buitschrijven\b", r"\bkvk\b", r"\bavg\b",
        r"\bdit bericht (?:is|werd) (?:verzonden|verstuurd)"],
    pt=[r"\binformaç(?:ão|ões) confidencia(?:l|is)\b",
        r"\bdestinatário\w*\b",
        r"\bdados pessoais\b",
        r"\bproteção de dados\b",
        r"\blgpd\b",
        r"\bcancelar (?:a )?inscrição\b"],
    it=[r"\binformazioni riservate\b",
        r"\b(?:è|sono) riservat[oaie]\b",
        r"\bdestinatari\w*\b",
        r"\bdati personali\b",
        r"\bprivacy\b",
        r"\bgdpr\b",
        r"\bdisiscriv\w*\b",
        r"\bannulla(?:re)? l'iscrizione\b"])
# A greeting line: content before it is no message yet ("Hi Sam,\n\nThanks!\n\nWe'd like ...").
GREETING = family(
    en=[r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b"],
    de=[r"^(?:hallo|hi|hey|liebe[rs]?|sehr geehrte[rs]?|guten (?:tag|morgen)|moin|servus)\b"],
    fr=[r"^(?:bonjour|bonsoir|salut|madame|monsieur|cher|chère)\b"],
    es=[r"^(?:hola|estimad[oa]s?|buen(?:os|as) (?:días|tardes))\b"],
    nl=[r"^(?:beste|hoi|hallo|geachte|dag|goedemorgen|goedemiddag)\b"],
    pt=[r"^(?:olá|oi|prezad[oa]s?|car[oa]s?|bom dia|boa tarde)\b"],
    it=[r"^(?:ciao|salve|gentile|egregi[oa]|car[oa]|buongiorno|buonasera)\b"])
# Another role than the one that closed: "the senior role is filled, but ... a mid-level opening".
ANOTHER_ROLE = family(
    en=[r"\b(?:another|other|different|new|similar|mid-level|junior|senior) (?:\w+ ){0,2}(?:role|position|opening|team|"
        r"vacancy|job)\b",
        r"\b(?:open|opening|launch\w*|hiring for|advertis\w*|post\w*) (?:up )?(?:a|an) (?:\w+ ){0,3}(?:role|position|"
        r"opening|vacancy|job)\b"],
    de=[r"\b(?:andere|ähnliche|weitere|neue)n? (?:\w+ )?(?:stelle|position|rolle|vakanz|team)\b",
        r"\b(?:eröffnen|schreiben|öffnen|schaffen)\b[^.!?\n]{0,30}\b(?:eine|die) (?:\w+ )?(?:stelle|position|rolle)\b"],
    fr=[r"\b(?:autre|nouveau|nouvelle|similaire) (?:\w+ )?(?:poste|rôle|offre|équipe)\b", r"\bposte de \w+ \w+ qui\b",
        r"\b(?:ouvrir|ouvrons|ouvre|lancer|lançons|créer|créons)\b[^.!?\n]{0,20}\b(?:un|une) (?:\w+ )?(?:poste|offre|"
        r"rôle)\b"],
    es=[r"\b(?:otr[oa]|nuev[oa]|similar) (?:\w+ )?(?:posición|puesto|vacante|rol|equipo)\b",
        r"\b(?:abrir|abrimos|abriremos|abre|crear|creamos)\b[^.!?\n]{0,20}\b(?:un|una) (?:\w+ )?(?:puesto|vacante|"
        r"posición|rol)\b"],
    nl=[r"\b(?:andere|nieuwe|vergelijkbare) (?:\w+ )?(?:rol|functie|vacature|positie|team)\b",
        r"\b(?:openen|open|stellen)\b[^.!?\n]{0,20}\been (?:\w+ )?(?:vacature|functie|rol|positie)\b"],
    pt=[r"\b(?:outr[oa]|nov[oa]|semelhante) (?:\w+ )?(?:vaga|posição|cargo|função|equipe|equipa)\b"],
    it=[r"\b(?:altr[oa]|nuov[oa]|simile) (?:\w+ )?(?:posizione|ruolo|opportunità|team)\b"])
# The last resort for a decline in words the families do not know: regret, a negation and the
# application (or role, process, you) in one sentence, in a mail that asks nothing and proposes
# nothing ("leider deckt sich Ihr Profil nicht", "lo siento, la vacante ya no está disponible").
REGRET = family(
    en=[r"\b(?:unfortunately|regret\w*|sorry|afraid)\b"],
    de=[r"\b(?:leider|bedauer\w*)\b"],
    fr=[r"\b(?:malheureusement|regret\w*|désolée?s?)\b"],
    es=[r"\b(?:lamentablemente|desafortunadamente|sentimos|lamentamos|siento)\b"],
    nl=[r"\b(?:helaas|jammer)\b"],
    pt=[r"\b(?:infelizmente|lamentamos|lamento|sentimos)\b"],
    it=[r"\b(?:purtroppo|spiacenti|dispiace)\b"])
ABOUT_IT = family(
    en=[r"\b(?:application|candidacy|profile|role|position|vacancy|opening|process|you|your|further|forward)\b"],
    de=[r"\b(?:bewerbung|kandidatur|profil|stelle|position|prozess|verfahren|ihnen|ihre|dir|dich|deine)\w*\b"],
    fr=[r"\b(?:candidature|profil|poste|processus|vous|votre|te|ta|suite)\b"],
    es=[r"\b(?:candidatura|perfil|puesto|vacante|posición|proceso|te|tu|contigo|usted|su)\b"],
    nl=[r"\b(?:sollicitatie|profiel|functie|vacature|rol|procedure|je|jou|jouw|u|uw|verder)\b"],
    pt=[r"\b(?:candidatura|perfil|vaga|posição|processo|você|sua|seu|te|contigo)\b"],
    it=[r"\b(?:candidatura|profilo|posizione|ruolo|processo|selezione|te|ti|tuo|tua|lei|sua|suo)\b"])
# The writer speaking of themself ("I'm not the right person", "ich bin nicht zuständig"): no decision.
ABOUT_ME = family(
    en=[r"\b(?:i|i'm|i've|i'll|me|my)\b"],
    de=[r"\b(?:ich|mir|mich|mein\w*)\b"],
    fr=[r"\b(?:je|j'|moi|mon|ma|mes)\b"],
    es=[r"\b(?:yo|soy|estoy|me|mi)\b"],
    nl=[r"\b(?:ik|mij|me|mijn)\b"],
    pt=[r"\b(?:eu|mim|meu|minha|estou|sou)\b"],
    it=[r"\b(?:io|mio|mia)\b"])
