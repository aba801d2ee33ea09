"""The words the reply classifier reads, as families of cues, each written out per language
(English, German, French, Spanish, Dutch). classify.py holds the logic; this file only says how
each kind of sentence is worded, so a newcomer adds a phrasing here without touching the logic.

A family is one compiled, case-insensitive pattern made of every language's alternatives.
Patterns match within one sentence (classify splits the text); `[^.!?\\n]{0,40}` means "later in
the same sentence". Families describe the shape of the mail, not any one company's wording:
an invitation is an invitation verb with a meeting word, an ask for the candidate's times, a
concrete slot, a scheduling link, a step forward or a confirmation; a decline is a decision about
the candidate, or a role that closed.
"""

import re

LANGUAGES = ("en", "de", "fr", "es", "nl")


def family(**by_language: list[str]) -> re.Pattern[str]:
    """One pattern from each language's alternatives (every language named, so none is forgotten)."""
    missing = set(LANGUAGES) - set(by_language)
    if missing:
        raise ValueError(f"cue family without {sorted(missing)}")
    return re.compile("|".join(f"(?:{p})" for lang in LANGUAGES for p in by_language[lang]), re.I)


# -- modifiers: what changes the meaning of a cue later in the same clause -------------------------

NEGATION = family(
    en=[r"n't\b", r"\b(?:not|never|unable|cannot|no longer)\b"],
    de=[r"\b(?:nicht|kein\w*|nie|niemals)\b"],
    fr=[r"\b(?:pas|plus|jamais)\b"],
    es=[r"\b(?:no|nunca|tampoco)\b"],
    nl=[r"\b(?:niet|geen|nooit)\b"])
# A condition: "if there is a match we will contact you to schedule an interview".
HYPOTHETICAL = family(
    en=[r"\b(?:if|whether|should (?:you|we|your|there)|in case|once)\b"],
    de=[r"\b(?:wenn|falls|sofern|ob|sobald)\b"],
    fr=[r"\b(?:si|au cas où|dès que|lorsque)\b"],
    es=[r"\b(?:si|en caso de|cuando)\b"],
    nl=[r"\b(?:als|indien|zodra)\b", r"\bof (?:we|wij|je|jij|u)\b"])
# Something already done: "thank you for interviewing", "vielen Dank für das Gespräch".
PAST = family(
    en=[r"\b(?:last|previous|yesterday|earlier)\b", r"\bthank", r"\bthanks\b", r"\bappreciate"],
    de=[r"\b(?:letzte[nrs]?|vergangene[nrs]?|gestern|gestrigen)\b", r"\b(?:danke|dank)\w*\b"],
    fr=[r"\b(?:dernière?|hier|précédent)\b", r"\bmerci\b", r"\bremercions\b"],
    es=[r"\b(?:pasad[oa]|ayer|anterior)\b", r"\bgracias\b", r"\bagradec\w*"],
    nl=[r"\b(?:vorige|gisteren|afgelopen)\b", r"\b(?:bedankt|dank)\w*\b"])
# A clause boundary: a cue after "but" is not under the negation before it.
CLAUSE = family(
    en=[r"[,;:–—]", r"\b(?:but|however|although)\b"],
    de=[r"\b(?:aber|jedoch|doch|allerdings)\b"],
    fr=[r"\b(?:mais|toutefois|cependant|néanmoins)\b"],
    es=[r"\b(?:pero|sin embargo|aunque)\b"],
    nl=[r"\b(?:maar|echter|toch)\b"])

# -- time: a meeting still to come ------------------------------------------------------------------

WEEKDAY = family(
    en=[r"\b(?:monday|tuesday|wednesday|thursday|friday)\b",
        r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri)\b(?=\.?,?\s*\d)"],
    de=[r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag)\b", r"\b(?:mo|di|mi|do|fr)(?=,?\s*\d)"],
    fr=[r"\b(?:lundi|mardi|mercredi|jeudi|vendredi)\b"],
    es=[r"\b(?:lunes|martes|miércoles|jueves|viernes)\b"],
    nl=[r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag)\w*\b"])
MONTH = (r"(?:jan(?:uary|uar|vier|uari)?|feb(?:ruary|ruar|ruari)?|mar(?:ch)?|märz|mars|marzo|maart|apr(?:il)?|avril|"
         r"abril|may|mai|mayo|mei|june?|juni|juin|junio|july?|juli|juillet|julio|aug(?:ust)?|augustus|août|agosto|"
         r"sep(?:t|tember)?|septembre|septiembre|oct(?:ober)?|oktober|octobre|octubre|nov(?:ember)?|novembre|noviembre|"
         r"dec(?:ember)?|dezember|décembre|diciembre|januar|février|enero|febrero)\.?")
DATE = re.compile(rf"\b\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:de\s+)?{MONTH}\b|\b{MONTH}\s+\d{{1,2}}\b|"
                  r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?!\d)|\b\d{1,2}/\d{1,2}\b", re.I)
CLOCK = family(
    en=[r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b", r"\b\d{1,2}:\d{2}\b", r"\b(?:morning|afternoon|noon|lunchtime)\b"],
    de=[r"\b\d{1,2}(?:[:.]\d{2})? uhr\b", r"\b(?:vormittag|nachmittag|mittag)s?\b"],
    fr=[r"\b\d{1,2}\s?h(?:\s?\d{2})?\b", r"\b(?:matin|après-midi|midi)\b"],
    es=[r"\ba las \d{1,2}(?::\d{2})?\b", r"\b\d{1,2}\s?h\b", r"\bpor la (?:mañana|tarde)\b", r"\bmediodía\b"],
    nl=[r"\b\d{1,2}[.:]\d{2}(?: uur)?\b", r"\bom \d{1,2}\b", r"\b\d{1,2} uur\b", r"\b(?:ochtend|middag)\b"])
SOON = family(
    en=[r"\b(?:tomorrow|next week|this week|later this week|early next week)\b"],
    de=[r"\b(?:morgen|nächste[nr]? woche|diese[nr]? woche|kommende[nr]? woche)\b"],
    fr=[r"\b(?:demain|semaine prochaine|cette semaine)\b"],
    es=[r"\b(?:mañana|próxima semana|semana que viene|esta semana)\b"],
    nl=[r"\b(?:morgen|volgende week|deze week|komende week)\b"])
# A deadline is not a slot: "please confirm by Friday", "bis Freitag".
DEADLINE = family(
    en=[r"\b(?:by|until|before|no later than)\s+$"],
    de=[r"\b(?:bis|spätestens)\s+(?:zum\s+|am\s+)?$"],
    fr=[r"\b(?:avant|jusqu'(?:au|à)|d'ici)\s+(?:le\s+)?$"],
    es=[r"\b(?:antes del?|hasta el)\s+$"],
    nl=[r"\b(?:uiterlijk|vóór|tot)\s+$"])

# -- a meeting with the candidate ------------------------------------------------------------------

MEETING = family(
    en=[r"\b(?:call|chat|talk|speak|meet|meeting|conversation|interview\w*|video ?call|zoom|teams|intro|session|"
        r"onsite|on-site)\b"],
    de=[r"gespräch",
        r"\b(?:telefonat|telefonieren|videocall|call|treffen|kennenlernen|termin|austausch\w*|interview)\b"],
    fr=[r"\b(?:échanger|échange|entretien|rencontrer|rencontre|appel|appeler|visio|rendez-vous|call)\b"],
    es=[r"\b(?:llamada|charlar|hablar|reunión|entrevista|videollamada|conocerte|hueco)\b"],
    nl=[r"\b(?:afspraak|kennismaken|kennis te maken|bellen|gesprek|videogesprek|videobellen|kennismaking)\b"])
# A proposal made to the candidate (with a time still to come): "how about", "let's", "can we".
PROPOSAL = family(
    en=[r"\b(?:how about|what about|let's|let us|can we|could we|shall we|would .{1,30} work|does .{1,30} work|"
        r"i suggest|we suggest|i propose|we propose|works? for you|suits? you)\b"],
    de=[r"\b(?:lass uns|lassen sie uns|wie wäre es|können wir|sollen wir|schlage\w* (?:ich|wir)|"
        r"passt (?:es )?(?:ihnen|dir))\b"],
    fr=[r"\b(?:je vous propose|je te propose|nous vous proposons|on peut|pouvons-nous|ça vous va|ça te va|"
        r"que diriez-vous)\b"],
    es=[r"\b(?:qué te parece|qué le parece|podemos|te propongo|le propongo|te viene bien|le viene bien)\b"],
    nl=[r"\b(?:zullen we|kunnen we|laten we|ik stel voor|schikt|past (?:je|jou|u|het))\b"])

# The candidate is part of it: "you", or the company as "we" ("I meet the hiring manager on Monday
# at 10:00" is no invitation).
ADDRESSED = family(
    en=[r"\b(?:you|your|we|us|our|let's)\b"],
    de=[r"\b(?:sie|ihnen|ihr\w*|du|dich|dir|dein\w*|wir|uns|unser\w*)\b"],
    fr=[r"\b(?:vous|votre|vos|tu|te|toi|ton|ta|tes|nous|notre|nos|on)\b", r"\bt'"],
    es=[r"\b(?:usted|te|tu|tus|ti|contigo|nosotros|nuestr[oa]s?|nos|podemos|podrías|puedes|tienes)\b"],
    nl=[r"\b(?:u|uw|je|jij|jou|jouw|we|wij|ons|onze)\b"])

# -- interview: the families of an invitation -----------------------------------------------------

INVITE = family(
    en=[r"\binvit\w* you (?:to|for) (?:an? |the |our )?[^.!?\n]{0,40}\b(?:interview|chat|call|conversation|round|"
        r"onsite|on-site|meeting|office|stage|step|session)",
        r"\b(?:like|love|happy|glad|keen) to (?:set up|schedule|arrange|have|book|organi[sz]e|do) (?:a |an |some )?"
        r"(?:quick |short |first |brief |\d+[- ]?min\w* )?(?:call|chat|interview|meeting|conversation|intro)",
        r"\b(?:love|like|happy|glad) to (?:chat|talk|meet|speak)\b", r"\bpleased to invite\b",
        r"\bset up a time\b", r"\bphone screen",
        r"\baround for a (?:quick )?(?:call|chat)\b",
        r"\bschedule (?:a|an|your|the) (?:call|interview|chat|first round)",
        r"\binterested in (?:a|an) (?:quick |short )?(?:call|chat|interview|conversation)\b",
        r"\bcongratulations\b"],
    de=[r"\beinlad\w*\b[^.!?\n]{0,40}\b(?:gespräch|interview|kennenlernen|termin|runde|call)",
        r"(?:gespräch|interview|kennenlernen)\w*\b[^.!?\n]{0,40}\beinlad\w*", r"\bkennenlernen\b",
        r"\btermin\w*\b[^.!?\n]{0,60}\b(?:vereinbaren|ausmachen|aussuchen|auswählen|finden|vorschlagen|vor)\b",
        r"\btechnische[sn]? interview", r"\b(?:telefonieren|telefonat vereinbaren)\b",
        r"\bhättest du lust\b", r"\bzeit für ein\w* (?:kurzes |erstes )?(?:gespräch|telefonat|kennenlernen|call)",
        r"\bmit (?:ihnen|dir) (?:\w+ )?austauschen\b"],
    fr=[r"\b(?:convier|inviter|convoquer)\b[^.!?\n]{0,30}\b(?:entretien|rencontre|échange)",
        r"\bvous rencontrer\b", r"\béchange (?:téléphonique|en visio)\b",
        r"\bentretien (?:téléphonique|final|en visio\w*|technique)\b", r"\bpremier (?:entretien|échange)\b",
        r"\b(?:organiser|planifier|fixer|caler|prévoir) un (?:entretien|échange|rendez-vous|call|appel)\b",
        r"\bproposer (?:un|une) (?:\w+ )?(?:entretien|échange|rendez-vous|rencontre)\b"],
    es=[r"\binvitar\w*\b[^.!?\n]{0,30}\bentrevista", r"\bconvoca\w*\b[^.!?\n]{0,30}\bentrevista", r"\bagendar\b",
        r"\bllamada para conocer", r"\bprimera entrevista\b",
        r"\bnos gustaría (?:conocerte|invitarte|hablar)"],
    nl=[r"\buitnodig\w*\b[^.!?\n]{0,40}\b(?:gesprek|interview|kennismaking)", r"\bkennismakingsgesprek\b",
        r"\b(?:even )?(?:bellen|videobellen)\b", r"\btechnisch interview\b",
        r"\bnodig\w* (?:we |wij |ik )?(?:je|u|jou) (?:graag |van harte )?uit\b", r"\bkennismaken\b",
        r"\b(?:in)?plannen\b[^.!?\n]{0,30}\b(?:gesprek|afspraak)|\b(?:gesprek|afspraak)\b[^.!?\n]{0,30}\binplannen\b",
        r"\bkennis te maken\b"])
# Asking for the candidate's times.
ASK_TIMES = family(
    en=[r"\b(?:your|share your|send (?:me |us )?your|let (?:me|us) know your) availability\b",
        r"\bavailability for\b", r"\b(?:are|would) you (?:be )?(?:free|available)\b",
        r"\bwhen you(?:'re| are| would be) (?:free|available)\b",
        r"\b(?:which|what) (?:of (?:these|them|the \w+)|one|time|times|day|days|slot|slots)\b[^.!?\n]{0,20}"
        r"\b(?:suits?|works?|would suit|would work|is best)\b",
        r"\b(?:the one|a time|a slot|whichever slot|slots?|dates?|times?) (?:that|which)? ?(?:suits?|works?) (?:you|"
        r"for you)",
        r"\bproposed (?:times|slots|dates)\b", r"\b(?:book|pick|grab|choose|select) (?:a |an )?"
        r"(?:\d+[- ]?min\w* )?(?:time|slot|intro call|call)\b"],
    de=[r"\bwann (?:passt es|hätten|haben|hättest|hast) (?:ihnen|dir|sie|du)?", r"\bwann (?:sie|du)\b[^.!?\n]{0,40}"
        r"\bzeit (?:haben|hast|hätten|hättest)\b", r"\bpasst (?:ihnen|dir|es ihnen|es dir)\b",
        r"\bwelche[rs]? (?:termin|tag|zeit|slot)\w*\b[^.!?\n]{0,20}\bpass",
        r"\b(?:hätten|haben|hast|hättest) (?:sie|du)\b"
        r"[^.!?\n]{0,40}\bzeit\b", r"\b(?:slot|termin)\w* (?:direkt )?(?:buchen|wählen|auswählen)\b"],
    fr=[r"\bvos disponibilités\b", r"\b(?:êtes-vous|seriez-vous|es-tu|serais-tu) disponibles?\b",
        r"\b(?:réserver|choisir) un créneau\b", r"\b(?:quelques|plusieurs|des) créneaux\b",
        r"\bquel(?:le)?s? (?:créneau|jour|horaire|moment)\w*\b"],
    es=[r"\bqué (?:día|hora|horario|disponibilidad)\w*\b", r"\b(?:te|le) (?:viene|vendría|va) bien\b",
        r"\b(?:selecciona|elige|reserva|escoge) (?:el|un) (?:horario|hueco|hora|día)\b"],
    nl=[r"\bwanneer (?:schikt|past|komt) het (?:je|jou|u)\b", r"\bwanneer heb(?:t)? (?:je|u) tijd\b",
        r"\bheb (?:je|jij)\b[^.!?\n]{0,40}\btijd\b", r"\bheeft u\b[^.!?\n]{0,40}\btijd\b",
        r"\b(?:kies|plan)\b[^.!?\n]{0,40}\b(?:tijdstip|moment|tijdslot)\b"])
# A step forward in the process.
PROGRESS = family(
    en=[r"\bnext steps?\s*(?::|is|are|will be|would be)", r"\bas (?:a|the) next step\b", r"\btake[- ]home\b",
        r"\bcoding (?:challenge|exercise|test|assignment)\b", r"\btechnical (?:interview|screen)",
        r"\b(?:first|second|final|next|third)[- ](?:round|stage|interview)\b",
        r"\bmove forward with your (?:application|candidacy)\b", r"\bnext stage\b", r"\byour onsite\b"],
    de=[r"\b(?:zweite|nächste|finale|dritte) (?:runde|gesprächsrunde)", r"\bzweites gespräch\b",
        r"\bnächsten? schritt", r"\bprobeaufgabe\b", r"\bnächste (?:phase|stufe)\b"],
    fr=[r"\bprochaine étape\b", r"\bétape suivante\b", r"\btest technique\b",
        r"\b(?:second|seconde|deuxième) (?:entretien|rencontre|tour)\b"],
    es=[r"\bsiguiente (?:fase|paso|etapa)\b", r"\bprueba técnica\b", r"\bfase final\b"],
    nl=[r"\bvolgende (?:stap|ronde|fase)\b", r"\btweede gesprek\b", r"\btechnische opdracht\b",
        r"\bdoor naar de (?:volgende|tweede|laatste)\b"])
# A meeting already fixed, confirmed or moved.
CONFIRM = family(
    en=[r"\binterview (?:is |has been )?(?:scheduled|confirmed|booked)\b", r"\bconfirm(?:ing)? your interview\b",
        r"\b(?:confirm|confirming)\b[^.!?\n]{0,30}\b(?:call|meeting|interview|appointment|onsite)\b",
        r"\b(?:sent|send|sending) you (?:a |an )?(?:calendar )?invit(?:e|ation)\b"],
    de=[r"\bbestätig\w*\b[^.!?\n]{0,40}\b(?:termin|gespräch|interview)", r"\bterminbestätigung\b"],
    fr=[r"\bconfirm\w*\b[^.!?\n]{0,30}\b(?:rendez-vous|entretien|échange|appel|visio)\b"],
    es=[r"\bconfirm\w*\b[^.!?\n]{0,30}\b(?:entrevista|videollamada|llamada|reunión|cita)\b"],
    nl=[r"\bbevestig\w*\b[^.!?\n]{0,30}\b(?:afspraak|gesprek|interview)\b"])
# Links to a scheduling page (known hosts, or a path that says so) or to a video meeting.
SCHEDULING_LINK = re.compile(
    r"https?://(?:[\w-]+\.)*(?:calendly\.(?:com|eu)|cal\.com|savvycal\.com|meetings\.hubspot\.com|"
        r"calendar\.app\.google|"
    r"zcal\.co|youcanbook\.me|tidycal\.com|doodle\.com|goodtime\.io|koalendar\.com|chilipiper\.com)\S*|"
    r"https?://\S*/(?:book|bookings?|schedul\w*|appointments?|availability|scheduler|self-schedule|termin\w*|"
    r"afspraak|cita)(?:[/?#]\S*)?\b|"
    r"https?://calendar\.google\.com/calendar/(?:appointments|u/\d/appointments)\S*|"
    r"https?://outlook\.office365?\.com/(?:book|owa/calendar)\S*|https?://(?:[\w-]+\.)?zoho\.(?:com|eu)/bookings\S*",
    re.I)

# -- rejection: a decision about the candidate, or a role that closed -------------------------------

# An invitation under negation counts for rejection ("we cannot invite you to interview").
NEGATED_INVITE = family(
    en=[r"(?:\bnot|n't|\bunable to|\bcannot)\b[^.!?\n]{0,40}\b(?:invit|offer|proceed)\w*[^.!?\n]{0,40}"
        r"\b(?:interview|call|chat|next (?:stage|round|step))", r"\bnot be inviting\b"],
    de=[r"\bnicht\b[^.!?\n]{0,60}\b(?:einlad\w*|einzuladen)\b"],
    fr=[r"\bne\b[^.!?\n]{0,50}\bpas\b[^.!?\n]{0,40}\b(?:proposer|inviter|convier|convoquer)[^.!?\n]{0,30}\bentretien"],
    es=[r"\bno\b[^.!?\n]{0,40}\b(?:invitar\w*|ofrecer\w*|convocar\w*)[^.!?\n]{0,30}\bentrevista"],
    nl=[r"\b(?:niet|geen)\b[^.!?\n]{0,40}\buitnodig\w*", r"\bnodigen\b[^.!?\n]{0,20}\bniet uit\b"])
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
        r"\b(?:has|have|were|was) (?:been )?unsuccessful\b", r"\bregret to inform\b", r"\bnot (?:been )?selected\b",
        r"\b(?:we'll|we will|we'd|we would) (?:have to )?pass\b", r"\bdecided not to\b",
        r"\bnot (?:be )?moving ahead\b", r"\bdifficult decision\b[^.!?\n]{0,60}\bnot\b",
        r"\b(?:go|going|gone) (?:in )?a different direction\b", r"\bnot (?:been )?shortlisted\b",
        r"\b(?:chosen|selected|hired|gone with|going with|offered (?:the|this) (?:role|position|"
        r"job) to) someone else\b",
        r"\b(?:offer|offered|extended an offer)\b[^.!?\n]{0,20}\bto (?:another|a different|an internal|the other)"
        r" (?:candidate|applicant|person)", r"\bcandidate who (?:has )?accepted\b",
        r"\b(?:progress|proceed|continue|move forward|go ahead|go forward)\w* with (?:other |another |different |"
        r"the other )?(?:applicants|candidates|profiles|people)\b",
        r"\bno further (?:interviews|steps|rounds)\b", r"\bno longer (?:being )?considered\b",
        r"(?:\bnot|n't)\b[^.!?\n]{0,20}\btake (?:this|it|things|your application) (?:any )?further\b"],
    de=[r"\babsage\b", r"\b(?:nicht|keine) (?:weiter\w* |mehr )?berücksichtig",
        r"\bfür (?:einen anderen|eine andere) (?:kandidat|bewerber)",
        r"\banderen? (?:kandidat|bewerber)\w* entschieden",
        r"\bkeine positive rückmeldung", r"\bnicht (?:weiter )?(?:verfolgen|fortsetzen|fortführen)\b",
        r"\bnicht weiter mit (?:ihnen|dir)\b", r"\bgegen (?:ihre|deine) (?:bewerbung|kandidatur)",
        r"\b(?:uns )?anders entschieden\b", r"\bpasst\b[^.!?\n,;]{0,40}\bnicht\b",
        r"\bandere[nr]? (?:kandidat|bewerber)",
        r"\bnicht in die (?:engere|nächste) (?:aus)?wahl", r"\b(?:jemand|jemanden) (?:anderen|anderes)\b",
        r"\b(?:entscheidung|wahl)\b[^.!?\n]{0,40}\b(?:auf|für)\b[^.!?\n]{0,10}\bandere", r"\bandere person\b",
        r"\bnicht (?:anbieten|zusagen)\b"],
    fr=[r"\bne\b[^.!?\n]{0,40}\b(?:pas|plus)\b[^.!?\n]{0,30}\b(?:donner (?:une )?suite|poursuivre)",
        r"\bpas (?:été )?retenue?s?\b", r"\b(?:retenu|choisi|sélectionné) (?:un autre|une autre) (?:candidat|profil)",
        r"\bautre candidat(?:ure)?\b", r"\bau regret\b", r"\bsuite favorable\b", r"\bd'autres (?:profils|candidat)",
        r"\bne correspond (?:pas|plus)\b", r"\bne sommes pas en mesure\b", r"\bquelqu'un d'autre\b",
        r"\b(?:choix|décision)\b[^.!?\n]{0,30}\b(?:porté|porte|tombé)\w* sur\b",
        r"\bne (?:pouvons|pourrons) pas (?:vous )?(?:proposer|offrir) (?:le|ce) poste\b"],
    es=[r"\bno (?:continuar|seguir adelante|avanzar)\b", r"\botr[oa]s? (?:candidat[oa]s?|perfil(?:es)?)\b",
        r"\bno encaja\b", r"\b(?:decantado|optado|elegido|seleccionado|decidido) por otr[oa]s?\b",
        r"\botra persona\b", r"\bno ha sido seleccionad[oa]\b", r"\blamentamos (?:comunicar|informar)",
        r"\bdecidido no\b",
        r"\bno (?:podemos|vamos a poder) (?:ofrecerte|ofrecerle) (?:el|este) puesto\b"],
    nl=[r"\bniet (?:verder|door)\b", r"\bandere kandida(?:at|ten)\b", r"\bafwijzing\b",
        r"\bniet in behandeling\b", r"\bniet met (?:je|u) verder(?:gaan)?\b", r"\bsluit\w* niet (?:goed )?aan\b",
        r"\biemand anders\b", r"\bkeus\b[^.!?\n]{0,30}\bniet op (?:u|je|jou) gevallen\b",
        r"\b(?:gekozen|besloten) (?:voor|om) (?:een )?andere\b", r"\bgeen match\b"])
# A negation, then a verb of going on with the application, in one clause:
# "we won't be taking your application any further", "niet verder", "no seguir".
DECLINE = re.compile(
    r"(?:n't|\b(?:not|no longer|nicht|kein\w*|pas|plus|no|niet|geen))\b[^.!?\n,;]{0,40}\b(?:continu\w*|proceed\w*|"
    r"progress\w*|move|moving|take|taking|go|going|pursu\w*|advanc\w*|fortsetzen|fortführen|weiterführen|"
    r"poursuiv\w*|continuer|avancer|seguir|avanzar|verder\w*|doorgaan)\b(?:[^.!?\n,;]{0,40}\b(?:forward|further|"
    r"ahead|application|candidacy|you|weiter|candidature|candidatura|sollicitatie|procedure))?", re.I)
# The role itself is gone: filled, closed, frozen. A decline, unless they then propose to talk
# about another role ("the senior role is filled, but would Wednesday work to talk about ...").
ROLE_CLOSED = family(
    en=[r"\b(?:position|role|vacancy|job|opening)\b[^.!?\n]{0,30}\b(?:been|is|was) (?:already |now )?(?:filled|"
        r"closed)\b",
        r"\b(?:closed|filled) (?:this|the) (?:role|position)\b", r"\bnot hiring\b",
        r"(?:\bno|n't have (?:a|any)) (?:suitable|open|matching|relevant) (?:opening|position|role|vacanc)",
        r"\bno longer (?:available|open|recruiting)\b",
        r"\b(?:hiring freeze|freeze hiring|froze hiring|frozen (?:the )?hiring)\b",
        r"(?:n't|\bnot) be filling\b", r"\bclose (?:the|our) search\b", r"\bwithout (?:making a )?hir(?:e|ing)\b"],
    de=[r"\b(?:stelle|position|vakanz)\b[^.!?\n]{0,40}\bbesetzt\b", r"\bkeine passende (?:stelle|position|vakanz)"],
    fr=[r"\b(?:poste|offre)\b[^.!?\n]{0,30}\bpourvu",
        r"\bpas de (?:poste|offre) (?:ouvert |disponible )?correspondant"],
    es=[r"\b(?:puesto|vacante|posición|plaza)\b[^.!?\n]{0,30}\bcubiert[oa]\b",
        r"\bno (?:tenemos|hay) (?:ninguna )?vacante"],
    nl=[r"\b(?:vacature|functie|positie|rol)\b[^.!?\n]{0,30}\b(?:vervuld|ingevuld)\b",
        r"\bgeen passende (?:vacature|functie)"])
# Mood and courtesy: never enough alone ("we will keep your CV on file" closes declines and
# acknowledgements alike).
REJECTION_WEAK = family(
    en=[r"\bunfortunately\b", r"\bregret\b", r"\bsorry\b", r"\bkeep your (?:cv|resume|details|profile) on file\b"],
    de=[r"\bleider\b", r"\btalentpool\b"],
    fr=[r"\bmalheureusement\b", r"\bdésolé"],
    es=[r"\blamentablemente\b", r"\bdesafortunadamente\b"],
    nl=[r"\bhelaas\b", r"\bjammer\b"])
INTERVIEW_WEAK = family(
    en=[r"\binterview", r"\bcall\b", r"\bchat\b", r"\bmeet", r"\btalk\b", r"\bschedul", r"\bnext steps?\b"],
    de=[r"gespräch", r"\btermin\b"],
    fr=[r"\bentretien", r"\brencontr"],
    es=[r"\bentrevista", r"\breunión\b", r"\bllamada\b"],
    nl=[r"\bgesprek\b", r"\bafspraak\b"])

# -- automatic mail -------------------------------------------------------------------------------

BOUNCE_SENDER = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)
BOUNCE_SUBJECT = family(
    en=[r"undeliver", r"undelivered mail", r"delivery status notification", r"delivery (?:has )?fail", r"returned mail",
        r"mail delivery failed", r"failure notice", r"delivery failure"],
    de=[r"unzustellbar", r"nicht zustellbar", r"zustellung fehlgeschlagen"],
    fr=[r"non remis", r"non distribuable", r"échec de (?:la )?remise"],
    es=[r"no se puede entregar", r"no entregado"],
    nl=[r"onbestelbaar", r"niet afgeleverd", r"kan niet worden bezorgd"])
# A delivery report that only says "still trying": nothing failed, the address is not bad.
DELAYED = family(
    en=[r"\baction: delayed\b", r"\b(?:delay(?:ed)?|not delivered yet|temporary problem|will (?:retry|keep trying))\b"],
    de=[r"\b(?:verzögert|vorübergehend|erneut versuchen)\b"],
    fr=[r"\b(?:retardée?|temporaire|nouvelle tentative)\b"],
    es=[r"\b(?:retrasad[oa]|temporal|reintent\w*)\b"],
    nl=[r"\b(?:vertraagd|tijdelijk|opnieuw proberen)\b"])
PERMANENT_FAILURE = re.compile(r"\b5\.\d{1,3}\.\d{1,3}\b|\b55\d\b|\baction: failed\b|\bpermanent (?:error|failure)\b|"
                               r"\bthis is a permanent\b", re.I)
AUTO_SUBJECT = family(
    en=[r"automatic reply", r"auto[- ]?reply", r"autoreply", r"auto[- ]?response", r"out of (?:the )?office",
        r"vacation"],
    de=[r"abwesenheit", r"automatische antwort", r"urlaub"],
    fr=[r"réponse automatique", r"absence du bureau"],
    es=[r"respuesta automática", r"fuera de la oficina", r"de vacaciones"],
    nl=[r"automatisch antwoord", r"afwezig", r"afwezigheid"])
AWAY = family(
    en=[r"\bout of (?:the )?office\b",
        r"\bon (?:vacation|holiday|annual leave|parental leave|maternity leave|leave)\b"],
    de=[r"\bnicht im büro\b", r"\bim urlaub\b", r"\babwesend\b"],
    fr=[r"absente? du bureau", r"\ben congé\b"],
    es=[r"fuera de la oficina", r"de vacaciones"],
    nl=[r"\bafwezig\b", r"met vakantie"])
# Sent by a machine: said in so many words.
MACHINE_SENT = family(
    en=[r"\bthis is an? automat(?:ed|ic) (?:message|reply|response|confirmation|e-?mail)",
        r"\bautomatic confirmation\b", r"\b(?:please )?do not reply\b"],
    de=[r"automatisch (?:generierte|erstellte|versandte)", r"\bbitte (?:antworten sie|antworte) nicht\b"],
    fr=[r"message automatique", r"\bmerci de ne pas (?:y )?répondre\b"],
    es=[r"mensaje automático", r"\bno respondas\b", r"\bno responda\b"],
    nl=[r"automatisch bericht", r"\bniet op (?:dit bericht )?(?:reageren|antwoorden)\b"])
# An acknowledgement: the application arrived.
RECEIVED = family(
    en=[r"\b(?:have|has) received your (?:application|email|message|cv|resume)", r"\bwe received your application\b",
        r"\bthanks? (?:you )?for (?:your )?appl(?:ying|ication)\b[^.!?\n]{0,40}\breceived\b"],
    de=[r"\bbestätigen (?:wir )?den eingang", r"\b(?:unterlagen|bewerbung)\b[^.!?\n]{0,30}\b(?:erhalten|eingegangen)\b",
        r"\beingangsbestätigung\b"],
    fr=[r"\baccusons (?:bonne )?réception", r"\bbien reçu votre candidature\b"],
    es=[r"\bhemos recibido tu (?:candidatura|correo|solicitud|cv)", r"\bhemos recibido su (?:candidatura|solicitud)"],
    nl=[r"\bin goede orde ontvangen\b", r"\b(?:sollicitatie|gegevens|cv)\b[^.!?\n]{0,20}\b(?:goed )?ontvangen\b"])

# -- where the message ends and the signature or the ATS footer begins ----------------------------

SIGN_OFF = family(
    en=[r"(?:best|kind|warm|many thanks and)?\s*(?:regards|wishes)", r"best", r"cheers", r"thanks(?: again)?",
        r"thank you", r"warmly", r"talk soon", r"sincerely", r"yours(?: sincerely| truly)?", r"all the best",
        r"speak soon", r"-\s?\w+"],
    de=[r"(?:mit )?(?:freundlichen|besten|herzlichen|vielen|liebe|viele|beste) grüße?n?", r"gruß", r"grüße", r"lg",
        r"bis bald"],
    fr=[r"(?:bien )?cordialement", r"bien à (?:vous|toi)", r"à (?:très )?(?:vite|bientôt)",
        r"bonne (?:journée|continuation)",
        r"salutations(?: distinguées)?"],
    es=[r"(?:un )?saludos?(?: cordiales)?", r"atentamente", r"un abrazo", r"hasta pronto", r"¡?hablamos pronto!?"],
    nl=[r"(?:met )?(?:vriendelijke|hartelijke) groet(?:en)?", r"groet(?:jes|en)?", r"tot (?:snel|gauw|dan)"])
SIGN_OFF_LINE = re.compile(rf"^\s*(?:{SIGN_OFF.pattern})\s*[,.!]?\s*$", re.I)
SIGNATURE_START = re.compile(
    r"^(?:--\s*$|sent from my \w+|envoyé de mon \w+|von meinem \w+ gesendet|enviado desde mi \w+|"
    r"verstuurd vanaf mijn \w+)", re.I)
