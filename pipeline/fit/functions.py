"""What kind of work a job is (its function) and which kinds a person looks for, so that a frontend
role on an infrastructure team does not pass for an SRE role, nor a forward-deployed or research
role for an engineering one, on a shared word.

A job's function comes from its title. A title is read part by part ("Lead Site Reliability Engineer,
Network Assurance Data Platform - Cisco": the role first, then its team), and within a part the most
specific phrase wins; "AI" or "LLM" beside another function names the domain, not the work ("AI SRE
Engineer" is an SRE role), and a corporate grade standing as its own part ("... Engineer - Assistant
Vice President") is a level, not a manager's job; after a generic engineer's role, a part naming
another kind of work is the team it serves ("Software Engineer - Payments Support"). A title in
another language is first put in English, word by word. A title that says only "Software Engineer"
is read from its text's strongest signals; one that offers alternatives ("Data Engineer and
Analyst") offers each, and one that lists openings ("Senior Software Engineer; Lead Product
Designer") is read opening by opening. A person's functions come from their roles, and, when the
roles are generic, from their skills. Each function lists the functions a person in it would also
take ("backend" takes "software" and "full stack").
"""

import functools
import re

# A title in another language is read in English: its gendered endings dropped ("Engenheiro(a)",
# "Engenheir@", "Ingeniero/a", "Entwickler*in", "Entwickler:in"), a German compound split at its role
# ("Dateningenieur", "Frontend-Entwickler"), each role word put in English by its language's list, and
# "role of domain" turned round ("engineer de data": "data engineer").
_GENDERED = re.compile(r"(?<=\w)(?:\s?\((?:a|o|as|os|in|innen)\)|/(?:a|o|as|in|innen)(?!\w)|[*:_](?:in|innen)(?!\w))",
                       re.I)
_GENDERED_AT = re.compile(r"(?<=\w)@(?!\w)")  # "Engenheir@": the word's stem, read by the lists below
_COMPOUND = re.compile(r"(?<=[a-zäöü])-?(ingenieur|entwickler|architekt|administrator|berater)", re.I)
TITLE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    # short forms in English titles ("Backend Staff Eng", "Sr. Software Engg", "Sr Backend Dev", "Eng Mgr"); "dev"
    # only at a role's end, so "Dev Tools Engineer" keeps its tools; each ends a word here, so that the one search
    # for any of these words (_ANY_WORD) does not stop at the "eng" of every "Engineer"
    "abbreviated": ((r"eng(?=\s+(?:mgr|manager|lead|director)\b)", "engineering"), (r"engg?(?!\w)", "engineer"),
                    (r"mgr(?!\w)", "manager"), (r"k8s(?!\w)", "kubernetes"),
                    (r"dev(?=\s*(?:$|[(),;/|\u2013\u2014-]))(?<!business dev)(?<!product dev)(?<!sales dev)",
                     "developer")),
    "portuguese": (
        ("executiv[oa]s? de contas", "account executive"), ("executiv[oa]s? de vendas", "sales executive"),
        ("engenheir[oa]?s?", "engineer"), ("engenharia", "engineering"), ("desenvolvedor(?:[ae]s)?", "developer"),
        ("programador(?:[ae]s)?", "developer"), ("dados", "data"), ("cientista", "scientist"),
        ("analista", "analyst"), ("suporte", "support"), ("vendas", "sales"), ("arquitet[oa]", "architect"),
        ("est[aá]gi[aá]ri[oa]|est[aá]gio", "intern"), ("gerente", "manager"), ("infraestrutura", "infrastructure"),
        ("seguran[cç]a", "security"), ("aprendizado de m[aá]quina", "machine learning"),
        ("intelig[eê]ncia artificial", "artificial intelligence"), ("especialista", "specialist"),
        ("executiv[oa]s? (?:comercial|de neg[oó]cios)", "sales executive"),
        ("atendimento ao cliente|sucesso do cliente", "customer support"), ("confiabilidade", "reliability"),
        ("plataformas?", "platform"), ("nuvem", "cloud"), ("redes", "network"),
        ("administrador(?:a|es)? de sistemas", "systems administrator")),
    "spanish": (
        ("ejecutiv[oa]s? de cuentas", "account executive"),
        ("ejecutiv[oa]s? (?:de ventas|comercial|de negocios)", "sales executive"), ("ingenier[oa]s?", "engineer"),
        ("ingenier[ií]a", "engineering"), ("desarrollador(?:[ae]s)?", "developer"), ("datos", "data"),
        ("cient[ií]fic[oa]", "scientist"), ("soporte", "support"), ("ventas", "sales"), ("arquitect[oa]", "architect"),
        ("becari[oa]|pasante|practicante", "intern"), ("aprendizaje autom[aá]tico", "machine learning"),
        ("inteligencia artificial", "artificial intelligence"), ("especialista", "specialist"),
        ("atenci[oó]n al cliente|servicio al cliente", "customer support"), ("confiabilidad|fiabilidad", "reliability"),
        ("plataformas?", "platform"), ("nube", "cloud"), ("redes", "network"),
        ("administrador(?:a|es)? de sistemas", "systems administrator")),
    "french": (
        ("ing[ée]nieure?s? (?:data|big data|donn[ée]es)", "data engineer"),
        ("ing[ée]nieure?s? (?:commerciale?|d'affaires)|commerciale? (?:terrain|s[ée]dentaire|grands comptes)|"
         "charg[ée]e? d'affaires", "sales executive"), ("ing[ée]nieure?s?", "engineer"),
        ("ing[ée]nierie", "engineering"), ("d[ée]veloppeu(?:r|se)s?", "developer"), ("donn[ée]es", "data"),
        ("stagiaire", "intern"), ("apprentissage automatique", "machine learning"),
        ("intelligence artificielle", "artificial intelligence"),
        ("service client|relation client|conseill(?:er|[eè]re) client[eè]le|charg[ée]e? de client[eè]le",
         "customer support"), ("fiabilit[ée]", "reliability"), ("logiciels?", "software"),
        ("plateformes?", "platform"), ("r[ée]seaux?", "network"),
        ("administrat(?:eur|rice)s? syst[eè]mes?", "systems administrator"), ("syst[eè]mes", "systems")),
    "italian": (
        ("ingegnere", "engineer"), ("ingegneria", "engineering"), ("sviluppat(?:ore|rice|ori)", "developer"),
        ("dati", "data"), ("vendite", "sales"), ("assistenza clienti", "customer support"),
        ("stagista|tirocinante|tirocinio", "intern")),
    "dutch": (
        ("ontwikkelaar", "developer"), ("klantenservice", "customer support"), ("verkoop", "sales"),
        ("stagiair", "intern")),
    "german": (
        ("vertrieb\\w*", "sales"), ("ingenieur(?:in|e)?", "engineer"), ("entwickler(?:in)?", "developer"),
        ("daten", "data"), ("architekt(?:in)?", "architect"),
        ("kunden ?(?:service|support|betreuung|betreuer|berater)(?:in)?", "customer support"),
        ("berater(?:in)?", "consultant"), ("ki|k[üu]nstliche intelligenz", "ai"),
        ("maschinelles lernen", "machine learning")),
}
_WORDS = tuple((re.compile(rf"(?<!\w)(?:{word})(?!\w)", re.I), english) for words in TITLE_WORDS.values()
               for word, english in words)
_ANY_WORD = re.compile(r"(?<!\w)(?:" + "|".join(w for words in TITLE_WORDS.values() for w, _ in words) + r")|"
                       + _COMPOUND.pattern, re.I)
_ROLE_OF_DOMAIN = re.compile(r"\b(engineer|engineering|developer|scientist|analyst|architect)\s+"
                             r"(?:de|da|do|des|du|em|en|di|dei|del|della)\s+(data|software|machine learning|"
                             r"infrastructure|security|sales|support|systems?|sistemas|analytics|front[- ]?end|"
                             r"back[- ]?end|cloud|platform|reliability|network|bi)\b", re.I)
# French puts the domain after the role without a word between ("Ingénieur Cloud", "Développeur Backend").
_ROLE_THEN_DOMAIN = re.compile(r"\b(engineer|developer)\s+(cloud|platform|reliability|network|software|devops|bi|"
                               r"back[- ]?end|front[- ]?end|full[- ]?stack|infrastructure|security|systems?)\b", re.I)


@functools.lru_cache(maxsize=16384)
def english_title(title: str) -> str:
    """The title with its words in English, where its language's word lists know them."""
    text = _GENDERED_AT.sub("", _GENDERED.sub("", title))
    if _ANY_WORD.search(text) is None:
        return text  # most titles are in English: one search says so
    text = _COMPOUND.sub(r" \1", text)
    for pattern, english in _WORDS:
        text = pattern.sub(english, text)
    return _ROLE_THEN_DOMAIN.sub(r"\2 \1", _ROLE_OF_DOMAIN.sub(r"\2 \1", text))


# (function, title pattern): the first that matches wins, so the specific ones come first.
TITLE_FUNCTIONS: tuple[tuple[str, str], ...] = (
    ("open application", r"open application|general application|talent (pool|network|community)|"
                         r"initiativbewerbung|spontanbewerbung|banco de talentos|bolsa de talento|"
                         r"(spontaneous|speculative|unsolicited) application|"
                         r"future (opportunit|opening|role)|"
                         r"(multiple|various|several|many) (\w+ )?(roles|positions|openings|jobs|vacancies)|"
                         r"candidatura espont|candidature spontan|expression of interest"),
    # Selling to consumers on commission, by phone script or in a shop: an agent's, a closer's, telesales, retail.
    ("consumer sales", r"(sales|insurance|real estate|travel|mortgage|loan|call) agent|insurance (sales|producer)|"
                       r"tele ?sales|telemarket|door[- ]to[- ]door|\bclosers?\b|"
                       r"\bretail (sales|associate|assistant|advisor|consultant)|"
                       r"(store|shop|showroom) (associate|assistant|advisor)|(?<!inside )sales associate"),
    # A territory is a seller's patch: "Territory Manager", "Territory Account Manager" sell in it.
    ("sales", r"account (executive|director)|sales (executive|director|specialist|representative)|inside sales|"
              r"\baes?\b|\bterritory (manager|representative|rep|sales|account)"),  # "Mid-Market AE"
    # Other selling jobs: keeping existing customers, booking meetings for closers, building partnerships.
    ("account management", r"account manag(er|ement)(?<!sales account manager)(?<!sales account management)|"
                           r"key account|client partner"),
    ("sales development", r"\b(sdr|bdr)\b|sales development|business development rep|lead generat|appointment sett"),
    # Channels, alliances and the enablement of partners' or sellers' teams.
    ("partnerships", r"partnerships?\b|partner (development|manager|sales)|alliances? manager|\bchannel\b|"
                     r"(sales|revenue|partner) enablement"),
    # Running programs or projects is its own work, whoever they serve ("Customer Success Programs Manager").
    ("project management", r"\b(programs?|projects?) manag(er|ement)\b"),
    # Keeping customers' accounts healthy (onboarding them, renewals, adoption) is customer success, not the
    # support desk's tickets; a "Customer Success Engineer" is read below, with the customer-facing engineers.
    # Bringing new customers onto a product (not new staff onto a team) is part of it.
    ("customer success", r"(customer|client) success(?! engineer)|"
                         r"(?<!hr )(?<!employee )(?<!people )onboarding (specialist|manager|coordinator|associate|"
                         r"consultant)"),
    # A support tier leading the role ("Level 2 Engineer", "Tier 1 Technician") is the support desk's line.
    ("support", r"(customer|client|user|technical|it) ?support|escalations? (engineer|specialist|manager)|"
                r"support (analyst|specialist|technician|agent|"
                r"representative)|help ?desk|service desk|client services?\b|"
                r"^\W*(tier|level|l) ?([1-3]|i{1,3})\W+(engineer|technician|analyst|specialist|agent)|"
                r"(customer|client|user) (care|champion|happiness|hero|advocate)|"
                r"\bhappiness (engineer|hero|specialist|advocate|agent|officer)|"  # Automattic's and others' support
                # A "Service Engineer" of nothing more specific ("Field Service Engineer"), who keeps customers'
                # systems running.
                r"^\W*(((senior|sr|junior|jr|lead|staff|principal)\.?|i{1,3}|[1-3])\s+)*(customer |field |technical )?"
                r"service engineer\b"),
    ("management", r"(engineering|(?<!business )development|software|technical|team|delivery) manager|"
                   r"manager,? (?:of )?(?:software |product )?(?:engineering|development)\b|"
                   r"head of|director|vice president|\bvp\b|\bcto\b|chief"),
    # Writing is the work of a writer's title whatever it writes about ("Technical Writer, Machine Learning",
    # "Developer Documentation Writer"), after the managers ("Head of Technical Writing"); content design (UX
    # writing) is writing for a product's screens, not a graphic or marketing "content designer".
    ("technical writing", r"(technical|tech|documentation|docs|api|ux) writer|technical (author|editor|writing)|"
                          r"documentation (engineer|lead|writer)|docs engineer|information developer|ux writing|"
                          r"(?<!graphic )(?<!visual )(?<!marketing )(?<!brand )(?<!social )(?<!instructional )"
                          r"(?<!learning )(?<!& )(?<!and )content design(er)?\b"
                          r"(?!\W+(?:social|instagram|tiktok|video|graphic|marketing))"),
    ("customer engineering", r"forward[- ]deployed|solutions? (engineer|architect|consultant)|sales engineer|"
                             r"customer[- ](centric|facing) engineer|success engineer|"
                             r"customer engineer|implementation (engineer|consultant|specialist)|"
                             r"professional services|technical account manager|field engineer|pre-?sales"),
    # An applied research engineer builds and ships models (applied ML); a research scientist publishes.
    ("research", r"research (scientist|fellow)|(?<!applied )research engineer|"
                 r"(?<!ux )(?<!user )(?<!design )researcher|scientist,? research|"
                 # a postdoc, in the languages academic posts are written in ("Post-doctorat", "Postdoktorand")
                 r"\bpost[- ]?doc|\bpostdoktorand|\bchercheu(?:r|se)\b|"
                 r"\bphd\b"),
    ("process automation", r"\brpa\b|robotic process automation|uipath|blue prism|power automate"),
    # Modelling and experiments from data is a data scientist's work; reports and dashboards an analyst's.
    ("data science", r"data scien(tist|ce)|statistician|decision scien"),
    ("analytics", r"data analyst|business intelligence|\bbi (developer|analyst|engineer)|analytics(?! engineer)|"
                  r"reporting (analyst|specialist|developer)|dashboard (engineer|analyst)|"
                  r"(power bi|tableau|looker) (developer|engineer)"),
    ("machine learning", r"machine learning|\bml\b|artificial intelligence|deep learning|\bnlp\b|"
                         r"speech recognition|\basr\b|"
                         r"computer vision|mlops|applied scientist|ml scientist|\bai (engineer|developer|scientist)|"
                         r"applied research|\bmle\b|\bml ?eng\b|\bml ?sys(?:tems?)?\b|prompt engineer|"
                         r"inference engineer|"
                         r"recommend(er|ation) (systems?|engineer)|search relevance|perception engineer|"
                         # "IA" (pt, es, fr) as the work of a role, never alone ("Des Moines, IA" is Iowa)
                         r"\b(engineer|engineering|developer|specialist|scientist|analyst|architect|consultant)\s+"
                         r"(?:(?:de|em|en|d'|of)\s*)?ia\b"),
    ("data", r"data engineer|datenengineer|big data|analytics engineer|\betl\b|data platform|data infrastructure|"
             r"\bdataops\b|"
             r"data pipeline|data warehouse|data integration|databricks|\bspark\b|snowflake"),
    # Testing before the platforms and languages it tests on: "Mobile Test Automation Engineer" and
    # "Automation QA Engineer (Python)" are QA roles; a penetration tester tests security.
    ("qa", r"\bqa\b|quality assurance|test automation|\bsdet\b|(?<!penetration )(?<!security )test engineer|"
           r"(?<!penetration )(?<!pen )tester|test analyst|engineer in test|"
           # a supplier's or a factory's quality engineer checks parts, not software
           r"(?<!supplier )(?<!manufacturing )quality (engineer|engineering|analyst)|\bqe\b|"
           # a test tool's automation engineer ("Cypress Javascript Automation Engineer")
           r"\b(cypress|selenium|playwright|appium|webdriver)\b.{0,30}\bautomation\b"),
    ("mobile", r"\bandroid\b|\bios\b|mobile|flutter|react native"),
    ("frontend", r"front[- ]?end(?! or)|frontend|front-end leaning|\bui (engineer|developer)|\bui ?/ ?ux developer|"
                 r"\bux developer(?! advocate)|"
                 r"\bweb developer(?<!back-end web developer)(?<!back end web developer)(?<!backend web developer)|"
                 r"\bux engineer|design systems?|(?<!electronics )(?<!electrical )(?<!mechanical )(?<!hardware )"
                 r"(?<!analog )(?<!pcb )(?<!asic )(?<!chip )(?<!rf )(?<!circuit )design engineer"),
    # Software in vehicles, robots and machines is embedded work: ADAS, automotive, autonomous driving, PLCs.
    ("embedded", r"embedded|firmware|system software|systems software|kernel|device driver|fpga|hardware|\badas\b|"
                 r"automotive software|autonomous (driving|vehicles?)|robotics|\bplc\b|avionics|\brtos\b|"
                 r"microcontroller"),
    ("security", r"security|secops|appsec|penetration|\bpen ?test|\bsoc\b|cyber|detection (and|&) response|"
                 r"incident response|threat (hunt|intel|detection)"),
    ("developer relations", r"developer (advocate|relations|evangelist)|\bdevrel\b"),
    ("sre", r"site reliability|\bsres?\b|devops|database administrator|\bdba\b|database reliability|"
            r"dev ops|platform engineer|infrastructure|\binfra\b|"
            r"cloud (engineer|architect)|cloud ?ops|release engineer|build engineer|"
            r"(linux|system|systems) administrator|"
            r"observability|"
            r"production engineer|reliability engineer|systems? (development )?engineer|devsecops|"
            r"kubernetes|network engineer|\bci (engineer|specialist)|systemadministrator|sysadmin|llmops|"
            # Engineers named by the systems they run: storage, Linux, virtualisation, middleware, data centres.
            r"\bceph\b|openstack|(storage|linux|unix|virtuali[sz]ation|middleware|data ?cent(er|re)|\bhpc|\baws|"
            r"\bazure|\bgcp|terraform|\bcloud ?ops) (engineer|administrator|admin|specialist|architect)|"
            r"\b(cloud|it|tech(nical)?|infrastructure|platform|systems?|production|site) operations engineer|"
            r"\btechops\b|\bnetops\b|\bci ?/ ?cd (engineer|specialist)|monitoring engineer"),
    # An analyst of nothing more specific analyses data; a security, QA or infrastructure analyst is read above.
    ("analytics", r"\banalyst\b"),
    ("backend", r"back[- ]?end|backend|\bapi\b|server[- ]side"),
    ("full stack", r"full[- ]?stack|\bme[ar]n(?: stack)? (?:developer|engineer)"),  # MERN/MEAN: Mongo to React
    # Work on one vendor's platform, on games, or on chains, after the kinds of engineering above ("Web3 Backend
    # Engineer" is backend work): a Salesforce or SAP developer does not do a backend engineer's job.
    ("enterprise applications", r"\bsalesforce (developer|engineer|admin|administrator|architect|consultant)|"
                                r"\bsap\b|\babap\b|servicenow (developer|engineer|admin)|dynamics 365|\bd365\b|"
                                r"workday (developer|engineer|integration)|oracle (ebs|apex|fusion)|netsuite|"
                                r"mainframe|cobol|sharepoint|\bpega\b|guidewire"),
    ("game development", r"\bgame (developer|engineer|programmer)|gameplay|\bunity (developer|engineer)|unreal"),
    ("blockchain", r"solidity|blockchain|smart contracts?|\bweb3\b"),
    ("support", r"support|help ?desk|technician|service desk|customer service|"
                r"customer experience|claims|"
                # Serving other kinds of customers, or serving them by phone or chat.
                r"\b(member|guest|patient|policyholder|passenger|player|donor|citizen)s? (services?|support|care|"
                r"experience|relations)|customer (operations|relations|care)|client (relations|care)|"
                r"(contact|call) cent(er|re)|\b(live )?chat (agent|support|specialist|representative)"),
    # Keeping a company running: its operations and its offices (a "Sales Operations Manager" runs the
    # sellers' tools and figures, and sells nothing).
    ("operations", r"operations (manager|specialist|associate|analyst|coordinator|lead)|office manager|"
                   r"(executive|administrative) assistant"),
    ("sales", r"account executive|\bsales\b|business develop(?:ment|ers?\b)|account manager|account director|"
              r"\bsdr\b|\bbdr\b|partner development|partnerships?|commercial lead|inside sales"),
    ("design", r"designer|\bux\b|\bui\b|user research|product design|design lead"),
    # Deciding what a product does is a product manager's work; running the plan, a project manager's.
    ("product", r"product (manager|owner|lead)|(?<!\d)(?<!\d )\b(?:g|s)?pm\b"),  # "Senior PM", "GPM"; not "2 PM"
    ("project management", r"program manager|project manager|scrum master|agile coach"),
    # Go-to-market work ("GTM Engineer") builds the sales and marketing machine, not the product.
    ("marketing", r"marketing|product marketer|\bpmm\b|content|copywrit|communications|\bpr\b|brand|growth|\bgtm\b|"
                  r"go[- ]to[- ]market"),
    ("finance", r"account(ant|ing)|controller|finance|financial|payable|audit|\bsox\b|tax|treasury"),
    ("legal", r"counsel|legal|lawyer|attorney|compliance|paralegal"),
    ("recruiting", r"recruit|talent acquisition|talent (?:partner|sourc)|sourcer|\bta (?:partner|specialist|lead)\b"),
    ("people", r"\bhr\b|human resources|people (partner|operations|ops)|payroll|"
               r"employee (success|experience)(?! engineer)"),
    # Engineering of things other than software: a mechanical or civil engineer is not a software engineer.
    ("other engineering", r"\b(electrical|mechanical|civil|chemical|structural|manufacturing|industrial|aerospace|"
                          r"biomedical|environmental|geotechnical|petroleum|mining|hvac|process|construction|"
                          r"(?<!software )maintenance|mechatronics?|controls?|plc|automation controls?|electronics|"
                          r"pcb|analog|rf|asic|circuit) (?:design )?(engineer|engineering|technician|designer)"),
    ("software", r"software|developer|engineer|programmer|engineering|"
                 r"technical staff|"
                 r"\bswes?\b|\bsdes?\b|tech lead"),
)
_PATTERNS = tuple((name, re.compile(pattern, re.I)) for name, pattern in TITLE_FUNCTIONS)
GENERIC = "software"  # the last row: a title that names engineering but not which kind
# Words that name a function only when nothing else in the title does: a language is a skill ("Python
# Engineer - RPA Developer" is an RPA role), "AI" or "LLM" a domain ("AI SRE Engineer" is an SRE role).
FALLBACKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("backend", re.compile(r"golang|\bgo\b(?!-)|\bjava\b|python|ruby|rails|\.net|\bc#|\bphp\b|node|\bscala\b|elixir|"
                           r"\brust\b", re.I)),
    ("frontend", re.compile(r"\breact\b|\bvue(\.?js)?\b|\bangular\b|\bsvelte\b|next\.?js|nuxt|javascript|typescript",
                            re.I)),
    ("mobile", re.compile(r"\bswift\b|\bkotlin\b", re.I)),  # Kotlin runs on servers too: "Kotlin Backend Engineer"
    ("machine learning", re.compile(r"\bai\b|\bllms?\b|gen ?ai|generative", re.I)))
_AI = re.compile(r"\b(?:ai|llms?|gen ?ai)\b", re.I)  # a domain beside another function's role
_AI_ROLE = re.compile(r"\b(?:ai|llms?|gen ?ai) (?:engineer|developer|scientist)", re.I)
# The parts of a title: "Role, Team - Company | Place (Note)".
_TITLE_PARTS = re.compile(r"\s+[-–—|:/]\s+|\s*[|()\[\]]\s*|,\s*")
# Corporate grades (banks and consultancies name levels so: Analyst < Associate < AVP < VP), read as a
# grade when they stand as a part of their own after the role ("SRE Engineer - Assistant Vice President").
GRADES: dict[str, tuple[str, ...]] = {
    "analyst": ("entry",), "associate": ("entry", "mid"), "senior associate": ("mid", "senior"),
    "assistant vice president": ("senior",), "avp": ("senior",), "vice president": ("staff",), "vp": ("staff",)}
_GRADE = re.compile(r"(?<=[-–—,|(/])\s*(" + "|".join(sorted(GRADES, key=len, reverse=True)) + r")\s*(?=$|[-–—,|)/])",
                    re.I)


@functools.lru_cache(maxsize=16384)
def title_grade(title: str) -> tuple[str, tuple[str, ...]]:
    """(the title without its corporate grade, the levels the grade stands for, or ())."""
    found = _GRADE.search(title)
    if found is None:
        return title, ()
    return title[:found.start()] + title[found.end():], GRADES[found.group(1).lower()]
# Functions a person in one function would also take.
TAKES: dict[str, frozenset[str]] = {
    "backend": frozenset({"backend", "software", "full stack"}),
    "software": frozenset({"backend", "software", "full stack"}),
    "frontend": frozenset({"frontend"}),  # full stack is backend work as much as frontend
    "full stack": frozenset({"full stack", "software"}),  # a backend seat is not full-stack work, nor a frontend one
    "machine learning": frozenset({"machine learning"}),
    "data": frozenset({"data"}),
    "sre": frozenset({"sre"}),
}
# Words in a posting's text that point at a function, for titles too generic to say: whole words,
# in lower case; "s?" ends a word that may take an s, "*" one that may go on (postgres, postgresql).
TEXT_SIGNALS: dict[str, tuple[str, ...]] = {
    "frontend": ("react", "vue", "angular", "css", "html", "frontend", "front-end", "ui components?", "svelte"),
    "backend": ("backend", "back-end", "apis?", "microservices?", "postgres*", "databases?", "server-side"),
    "sre": ("kubernetes", "terraform", "on-call", "incident", "sre", "devops", "ci/cd", "observability",
            "infrastructure"),
    "machine learning": ("machine learning", "pytorch", "tensorflow", "models?", "llms?", "nlp", "deep learning",
                         "embeddings?", "rag", "fine-tun*", "retrieval", "vector", "transformers?", "hugging face",
                         "mlops", "scikit-learn", "computer vision", "inference"),
    "data": ("data pipelines?", "etl", "elt", "spark", "airflow", "dbt", "data warehouse", "snowflake", "kafka"),
    # Software below the services: devices, kernels, compilers ("Software Engineer" on hypervisors is not backend).
    "embedded": ("firmware", "embedded", "kernel", "rtos", "microcontrollers?", "hypervisors?", "compilers?",
                 "device drivers?", "fpgas?", "bare-metal"),
    "blockchain": ("solidity", "smart contracts?", "blockchain", "web3", "evm", "defi", "on-chain"),
}
# (function, the word without its ending, the ending: "s", "*" or "")
_SIGNAL_WORDS = tuple((name, word.removesuffix("s?").removesuffix("*"),
                       "s" if word.endswith("s?") else "*" if word.endswith("*") else "")
                      for name, words in TEXT_SIGNALS.items() for word in words)


def _word(char: str) -> bool:
    """What a regular expression's \\w matches: a letter or digit in any script, or _."""
    return char.isalnum() or char == "_"


def signal_counts(head: str) -> dict[str, int]:
    """How often each function's words stand as whole words in a lower-case text: each word is
    found with str.find and its edges checked, which is a tenth of one regular expression's time."""
    counts = dict.fromkeys(TEXT_SIGNALS, 0)
    size = len(head)
    for name, word, ending in _SIGNAL_WORDS:
        at = head.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _word(head[at - 1])) and (
                    ending == "*" or end == size or not _word(head[end])
                    or (ending == "s" and head[end] == "s" and (end + 1 == size or not _word(head[end + 1])))):
                counts[name] += 1
            at = head.find(word, at + 1)
    return counts


@functools.lru_cache(maxsize=16384)
def title_function(title: str) -> str | None:
    """The function a title names, or None when it names none (a title of one word, a code): the
    first part of the title that names a specific function decides; a language, then "AI", then a
    generic "Software Engineer", only when no part does."""
    text = english_title(title).replace("(Frontend Leaning)", "Frontend").replace("(Front-End Leaning)", "Frontend")
    served = _TEAM_SERVED.search(text)
    role = text[:served.start()] if served else ""
    if served and (title_function(role) not in (None, GENERIC) or named_by_language(role)):
        text = role + text[served.end():]  # the role before the team names its own work
    text = title_grade(text)[0]
    if _MANAGER_FIRST.match(text):  # "Manager, Software Engineering": the manager of that work, before its parts
        return "management"
    if _joins_both_ends(text):
        return "full stack"
    generic = False
    first = None  # a segment before the role ("Growth Business - Account Executive"): its function, if no role follows
    for part in _TITLE_PARTS.split(text):
        found = next((name for name, pattern in _PATTERNS if pattern.search(part)), None)
        if found == "machine learning" and _AI.search(part):  # "Full-Stack + AI Engineer": AI is the domain
            other = next((name for name, pattern in _PATTERNS if pattern.search(_AI.sub(" ", part))), None)
            found = found if other in (None, GENERIC) else other
        if generic and found not in ENGINEERING and found != "open application":
            continue  # the team an engineer serves ("Software Engineer - Payments Support")
        if found is not None and found != GENERIC:
            if generic or found in ENGINEERING or found == "open application" or _ROLE_NOUN.search(part):
                return found
            first = first or found
        generic = generic or found == GENERIC
    if first is not None:
        return first
    found = next((name for name, pattern in FALLBACKS if pattern.search(text)), None)
    if found == "backend" and _FRONTEND_FRAMEWORK.search(text):
        return "full stack"  # "Web App Developers - fluent with React.JS Node.JS": both ends by their stacks
    return found or (GENERIC if generic else None)


_FRONTEND_FRAMEWORK = re.compile(r"\breact\b|\bvue(\.?js)?\b|\bangular\b|\bsvelte\b|next\.?js|nuxt", re.I)


# The team a role serves, named after it: "Python Developer for the Data Science team", "Designer for the Mobile
# team". The role before it is the work when it names one ("Engineer on the Backend Team" is backend work).
_TEAM_SERVED = re.compile(r"(?<=\w)\s+(?:(?:for|on|in|to join)\s+(?:the|our)\s+[^,;|()]{2,40}?\s+team\b|"
                          r"(?:para|pro|no|na)\s+(?:[oa]\s+)?(?:time|equipe|squad)\s+(?:de|do|da)\s+[^,;|()]{2,40})",
                          re.I)


# One role's kinds joined ("Ruby on Rails & Vue.js Developer", "React / Node.js Developer", "Backend + Frontend
# Engineer"): the segment of the title that holds the role, split where it joins them.
_ROLE_SEGMENTS = re.compile(r"\s+[-–—|:]\s+|\s*[|()\[\]:]\s*|,\s*")
# Levels before a kind ("Mid/Senior Front-end Engineer", "Lead Django + React Engineer"): a role's range of
# levels, neither a kind of its own nor a role ("Lead") beside it
# The words that name a level in a title, in the languages postings use: declared once, read by every rule below that
# looks for a level beside a role or a list of roles.
LEVEL_WORDS = r"jr|junior|j[úu]nior|mid(?:dle)?|intermediate|pleno|senior|s[êe]nior|sr|staff|lead|principal"
_LEVELS_FIRST = re.compile(rf"^\W*(?:(?:{LEVEL_WORDS})(?:[- ]level)?\b\.?\W*)+", re.I)
_KINDS_JOINED = re.compile(r"\s*(?:&|\+|/)\s*|\s+(?:and|und|et|y|e)\s+", re.I)


def role_segment(title: str) -> str:
    """The segment of a title that holds its role, before or between its notes ("Remote Support Engineer" of
    "Remote Support Engineer (US Only - PST/MST)"); "" when none names a role."""
    return next((s for s in _ROLE_SEGMENTS.split(title) if _ROLE_NOUN.search(s)), "")


@functools.lru_cache(maxsize=16384)
def _joins_both_ends(title: str) -> bool:
    """One role joining a backend and a frontend kind or stack is full-stack work; roles of their own on
    both sides ("Backend Engineer & Frontend Engineer") are two openings, read as alternatives."""
    pieces = [p for p in (_LEVELS_FIRST.sub("", p) for p in _KINDS_JOINED.split(role_segment(title))) if p]
    if len(pieces) < 2 or any(_ROLE_NOUN.search(piece) for piece in pieces[:-1]):
        return False
    noun = _ROLE_NOUN.search(pieces[-1])
    kinds = {title_function(f"{piece} {noun.group(0)}") for piece in pieces[:-1]} if noun else set()
    kinds |= {title_function(pieces[-1])}
    return "frontend" in kinds and bool(kinds & {"backend", GENERIC})  # "Django + React Engineer" too


_MANAGER_FIRST = re.compile(r"\W*(?:(?:senior|sr\.?|group|principal)\s+)?manager,?\s+(?:of\s+)?"
                            r"(?!(?:\w+\s+){0,3}?(?:business|sales(?! engineering)|recruit|talent))(?:\w+\s+){0,3}?"
                            r"(?:engineering|development)\b", re.I)  # not "Manager, Business Development"


@functools.lru_cache(maxsize=16384)
def work_left_to_text(title: str) -> bool:
    """The title leaves to its text which work it is: it names its work only by a language, or it is an
    engineer's role on an ML or AI team ("Backend Engineer - AI/ML Platform"), where the work may be the
    models themselves or the services around them."""
    return named_by_language(title) or (title_function(title) in ENGINEERING - {"machine learning"}
                                        and _ML_WORDS.search(english_title(title)) is not None)


@functools.lru_cache(maxsize=16384)
def named_by_language(title: str) -> bool:
    """The title names its work only by a language or a framework ("Senior Python Developer", "Golang
    Engineer"), which many kinds of work share."""
    text = title_grade(english_title(title))[0]
    named = any(pattern.search(part) for part in _TITLE_PARTS.split(text) for name, pattern in _PATTERNS
                if name != GENERIC)
    return not named and any(pattern.search(text) for name, pattern in FALLBACKS if name != "machine learning")


# Functions that are kinds of engineering. After a generic engineering role ("Software Engineer - Payments
# Support", "Software Engineer, Sales Tools") a part naming another kind of work names the team it serves.
ENGINEERING = frozenset({"backend", "frontend", "full stack", "sre", "data", "machine learning", "mobile", "embedded",
                         "security", "qa", "process automation", "research"})
# Words that offer alternatives within a title: "Frontend or Full-stack Engineer", "Data Engineer and Analyst".
_ALTERNATIVES = re.compile(r"\s+(?:or|and|&|/|oder|und|ou|e|o|y|et)\s+", re.I)
# The nouns that name a person's job in a title (read in English): a piece without one is no opening.
_ROLE_NOUN = re.compile(r"\b(engineers?|developers?|designers?|managers?|scientists?|analysts?|executives?|"
                        r"representatives?|specialists?|architects?|leads?|directors?|consultants?|administrators?|"
                        r"technicians?|agents?|writers?|advocates?|recruiters?|officers?|associates?|interns?|head|vp|"
                        r"programmers?|testers?|sres?|sdets?|devops|swes?|sdes?|partners?|coordinators?|researchers?|"
                        r"strategists?|owners?|operators?|reps?|closers?|bankers?|accountants?|artists?)\b", re.I)
_OPENINGS = re.compile(r";\s+")  # "Senior Software Engineer; Lead Product Designer": two openings in one post
_OPENINGS_NOTED = re.compile(r"^([^()]+)\(([^()]*;[^()]*)\)(\s*(?:[-–—|]\s*[^();]*)?)$")  # "Multiple roles (A; B)"


# "Senior Software Engineers (frontend, backend, fullstack)": a plural role followed by the kinds it
# is hiring for, each of them an opening.
_PLURAL_KINDS = re.compile(r"\b(?:engineers|developers)\s*\(([^()]+)\)", re.I)
_LIST = re.compile(r"\s*,\s*")  # "Senior Frontend Engineer, Senior Software Engineer": openings side by side
_LEVELLED = re.compile(rf"\b(?:{LEVEL_WORDS}|i{{1,3}}|iv|[1-5])\b", re.I)  # "SWE II", "Staff/Senior", "L5"


# "Backend Reliability Engineer", "Back-end Systems Engineer", "Backend Infrastructure Engineer": the
# reliability or infrastructure of the backend, work a backend engineer does as much as an SRE; so is
# a "Distributed Systems Engineer"'s.
_BACKEND_INFRASTRUCTURE = re.compile(r"\bback[- ]?end\s+(?:reliability|systems?|infrastructure|platform|production)\b|"
                                     r"\bdistributed systems? (?:engineer|developer)", re.I)


# A note naming only a kind of work after the role ("Platform Engineer (Backend)") offers that kind too.
_KIND_NOTE = re.compile(r"\(([^()]+)\)")
# Words that name machine learning in a title, as its function or its domain: a data scientist's title
# with one of them ("Data Scientist - LLM", "Senior Data Scientist (GenAI)") is applied ML work too.
_ML_WORDS = re.compile(r"machine learning|\bml\b|\bai\b|\bia\b|\bllms?\b|gen ?ai|generativ|deep learning|\bnlp\b|"
                       r"computer vision|mlops", re.I)


@functools.lru_cache(maxsize=4096)
def title_functions(title: str) -> tuple[str, ...]:
    """Every function a title offers: its own first, then each alternative's ("Full-stack / Backend
    Engineer": full stack, backend), each listed opening's ("Senior Frontend Engineer, Senior Software
    Engineer", "Engineers (frontend, backend)"), so a person whose work is one of them is not shut out."""
    found = [title_function(title)]
    if found == ["full stack"] and _joins_both_ends(english_title(title)):
        return ("full stack",)  # "Ruby on Rails & Vue.js Developer": one role doing both, not two
    pieces = _ALTERNATIVES.split(title)
    if len(pieces) > 1:  # an alternative names its work itself: "... / Python / ..." is a skill, not a role
        # a generic head before teams that name no role of their own ("Software Engineer II, Platform & Site
        # Reliability") is no alternative: the teams say which work the role is
        offered = [(n, function) for n, piece in enumerate(pieces) if _named_function(piece)
                   and (function := title_function(piece))]
        if offered and offered[0] == (0, GENERIC) and found[0] not in (GENERIC, None) and \
                not any(_ROLE_NOUN.search(english_title(p)) for p in pieces[1:]):
            offered = offered[1:]
        found += [function for _, function in offered]
    found += [title_function(piece) for piece in _listed_openings(title)]
    slashed = _SLASH.split(title) if "/" in title else []
    if len(slashed) > 1 and all(len(piece.split()) >= 2 and _ENGINEER.search(english_title(piece))
                                and title_function(piece) not in (None, GENERIC) for piece in slashed):
        found += [title_function(piece) for piece in slashed]  # "Data Engineer/ML Engineer": either role
    bare = _BARE_LIST.split(title.strip())
    if len(bare) >= 3 and _only_functions(title) and \
            all(_named_function(piece) and not _ENGINEER.search(english_title(piece)) for piece in bare):
        found += [title_function(piece) for piece in bare]  # "SRE/Backend/Frontend": an opening of each kind
    kinds = _KINDS_AFTER.search(title) if "/" in title else None
    if kinds and _only_functions(kinds.group(1)):  # "Software Engineer, Infrastructure/Back-end": each kind
        found += [title_function(kind) for kind in NOTE_PIECES.split(kinds.group(1)) if kind.strip()]
    found += [title_function(kind) for kind in _KIND_NOTE.findall(title) if _only_functions(kind)]
    if _BACKEND_INFRASTRUCTURE.search(title):
        found.append("backend")
    if found[0] in ENGINEERING and _AI_ROLE.search(english_title(title)):
        found.append("machine learning")  # "Full-Stack + AI Engineer": full-stack work on AI, or an AI engineer's
    if found[0] == "data science" and _ML_WORDS.search(english_title(title)):
        found.append("machine learning")  # "Data Scientist (LLM)": the models are the work
    if found[0] in ("backend", GENERIC) and _DATA_TEAM.search(english_title(title)):
        found.append("data")  # "Backend Software Engineer | Data Platform": the data platform's pipelines too
    if found[0] == "analytics" and _BI_ENGINEER.search(english_title(title)):
        found.append("data")  # "Business Intelligence Engineer": the pipelines and warehouse behind the reports too
    return tuple(dict.fromkeys(f for f in found if f))


def _bare_kinds(title: str) -> tuple[str, ...] | None:
    """The kinds of work a title lists bare with slashes, beside languages and levels ("Full-Stack/Backend/SRE/Data/
    Javascript/Principal/Mobile"): an opening of each kind and language (a level alone is none); None if the title is
    not such a list (three kinds at least, nothing else)."""
    if title.count("/") < 3 or " / " in title:
        return None
    pieces = [piece.strip() for piece in title.split("/") if piece.strip()]
    kinds = [piece for piece in pieces if not _ENGINEER.search(english_title(piece)) and len(piece.split()) <= 2 and (
        _named_function(piece) or title_function(f"{piece} Engineer") not in (None, GENERIC))]  # "Data"
    languages = [piece for piece in pieces if piece not in kinds and (
        FALLBACKS[0][1].fullmatch(piece) or FALLBACKS[1][1].fullmatch(piece))]
    levels = [piece for piece in pieces if _LEVEL_PIECE.fullmatch(piece)]
    if len(kinds) < 3 or len(kinds) + len(languages) + len(levels) < len(pieces):
        return None
    # a bare kind is an engineer of that kind ("Data": a Data Engineer), as in a note (note_openings)
    return tuple(dict.fromkeys(f"{piece} Engineer" if piece in kinds and title_function(f"{piece} Engineer") in
                               ENGINEERING else piece for piece in pieces if piece not in levels))


_LEVEL_PIECE = re.compile(rf"(?:{LEVEL_WORDS}|intern)\.?", re.I)


_SLASH = re.compile(r"\s*/\s*")  # "Senior Data Engineer/Senior Machine Learning Engineer": two roles, one post


# Kinds of work listed bare, with slashes or commas ("SRE/Backend/Frontend"): three or more are openings, not one
# role joining two ends ("Backend/Frontend").
_BARE_LIST = re.compile(r"\s*[/,]\s*")
_ENGINEER = re.compile(r"\b(?:engineers?|developers?|programmers?)\b", re.I)  # a role, not a bare kind


# A team that builds the data platform: an engineer there builds pipelines as a data engineer does.
_DATA_TEAM = re.compile(r"\bdata\s+(?:platform|infrastructure|infra|engineering|pipelines?|warehouse|lake|team)\b",
                        re.I)
_BI_ENGINEER = re.compile(r"\b(?:business intelligence|bi)\s+engineer", re.I)


def _listed_openings(title: str) -> list[str]:
    """The openings a title lists with commas, when every piece is a role of its own (a piece without
    a role noun, "Software Engineer, Payments", is the team, not an opening), and the kinds a plural
    role is hiring for."""
    kinds = _PLURAL_KINDS.search(title)
    if kinds:  # a generic piece with a level is the seats' levels, not a kind ("Front-end engineers (Staff/SWE II)")
        return [piece for piece in _LIST.split(kinds.group(1)) if _named_function(piece) and not (
            title_function(piece) == GENERIC and _LEVELLED.search(piece))]
    pieces = _LIST.split(title)
    if len(pieces) > 1 and all(_ROLE_NOUN.search(english_title(piece)) for piece in pieces):
        return pieces
    return []


@functools.lru_cache(maxsize=16384)
def _named_function(piece: str) -> bool:
    """The piece names a kind of work in words of its own (not only a language or a domain)."""
    text = english_title(piece)
    spaced = text.replace("-", " ")  # "data-scientist"
    return any(pattern.search(text) or pattern.search(spaced) for _, pattern in _PATTERNS)


# What is left of a piece once the words naming functions are taken out: "and", "&", "/", "+", "," and spaces.
_JOINERS = re.compile(r"(?:\s|[,&/+]|\b(?:and|or|und|oder|e|ou|y|o|et)\b)*", re.I)


# What joins the items of a list in a title's note: "(Security, Product & Infra)", "(Senior, Staff or Principal)".
NOTE_PIECES = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bor\b)\s*", re.I)
# The kinds of work after a role and a comma or dash, joined by "/" ("Software Engineer, Infrastructure/Back-end")
_KINDS_AFTER = re.compile(r"(?:,|\s[-–—])\s*([\w -]+/[\w /-]+)$")


def note_openings(title: str) -> tuple[str, ...]:
    """The openings a title that names them only together lists in its note ("Various Engineering Roles
    (Security, Product, Infrastructure)": a Security and an Infrastructure Engineer; "Product" names no
    kind of work of its own); () when its note is mostly not kinds of work ("(Remote)", "(Contract)")."""
    found: list[str] = []
    for note in _KIND_NOTE.findall(title):
        pieces = [p.strip() for p in NOTE_PIECES.split(note) if p.strip()]
        # a kind of work ("Frontend") or a role that names its work ("Backend Engineers") is an opening
        kinds = [piece for piece in pieces if _only_functions(piece)
                 or (_ROLE_NOUN.search(english_title(piece)) and _named_function(piece))]
        if len(kinds) < max(1, len(pieces) / 2):
            continue  # a note of other things ("(Remote)", "(Contract, 6 months)")
        for piece in kinds:
            if _ROLE_NOUN.search(english_title(piece)) or title_function(piece) not in ENGINEERING:
                found.append(piece)
            else:
                found.append(f"{piece} Engineer")
    lead = _LEADING_LEVEL.match(title)  # "Staff engineering roles (Backend, Frontend)": staff seats of each kind
    if lead:
        found = [piece if _ANY_LEVEL.search(piece) else f"{lead.group(1)} {piece}" for piece in found]
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=16384)
def _only_functions(piece: str) -> bool:
    """The piece is nothing but names of kinds of work ("Frontend", "Backend and Fullstack", "iOS and
    Android", "Infrastructure"): in a list of openings, each such piece is an opening of that kind,
    while a piece with other words ("Remote - Security Clearance") is a note beside the openings."""
    text = english_title(piece)
    for _, pattern in _PATTERNS:
        text = pattern.sub(" ", text)
    return _JOINERS.fullmatch(text) is not None


@functools.lru_cache(maxsize=4096)
def openings(title: str) -> tuple[str, ...]:
    """The openings a title lists ("Senior Software Engineer; Lead Product Designer"), each with the
    pieces that name no role ("...; Remote - Security Clearance") kept beside it; one title, one opening.
    A list joined by commas, " + ", " / " or " - " is read by _list_of_openings."""
    inside = _OPENINGS_NOTED.match(title)
    if inside and _SEVERAL.search(inside.group(1)) and names_openings_together(inside.group(1)):
        # "Multiple roles (Senior QA Engineer; Research Engineer)": the note lists them
        title = "; ".join(f"{piece.strip()}{inside.group(3)}" for piece in inside.group(2).split(";"))
    pieces = [piece.strip() for piece in _OPENINGS.split(title) if piece.strip()]
    roles = [piece for piece in pieces if title_function(piece) is not None and (
        _ROLE_NOUN.search(english_title(piece)) or _only_functions(piece))]
    if len(roles) < 2:
        return _sharing_a_noun(title) or _bare_kinds(title) or _list_of_openings(title) or (title,)
    rest = [piece for piece in pieces if piece not in roles]
    return tuple(f"{opening} - {' - '.join(rest)}" if rest else opening
                 for role in roles for opening in (_sharing_a_noun(role) or _list_of_openings(role) or (role,)))


# Kinds of work sharing one plural role noun ("iOS, web, and backend engineers", "Software & Site Reliability
# Engineers", "Product, Platform & Design Engineers"): an opening of each kind. A singular noun joins two ends in
# one role ("Frontend & Backend Engineer" is a full-stack seat), so only the plural is read so.
_SHARED_NOUN = re.compile(rf"^((?:(?:{LEVEL_WORDS})\b\.?\+?\s*[/,&]?\s*)*)"
                          r"(.+?)\s+(engineers|developers|swes|programmers)\b(.*)$", re.I)
_KIND_JOINS = re.compile(r"\s*(?:,\s*(?:and|&)?|&|\+|/|\band\b|\bor\b)\s*", re.I)


def _sharing_a_noun(title: str) -> tuple[str, ...] | None:
    """The openings of kinds of work that share one plural role noun, each named with it and the levels
    before them; None if the title is not so. Two kinds at least name their work; the others are a word or two
    ("Product, Platform & Design Engineers")."""
    shared = _SHARED_NOUN.match(title.strip())
    if not shared or "(" in shared.group(2):
        return None
    kinds = [kind for kind in _KIND_JOINS.split(shared.group(2)) if kind.strip()]
    named = [kind for kind in kinds if _only_functions(kind)]
    if len(kinds) < 2 or len(named) < 2 or any(len(kind.split()) > 2 or _ROLE_NOUN.search(english_title(kind))
                                                for kind in kinds):
        return None  # "Implementation Managers, Fullstack & Backend Engineers": roles of their own
    levels, noun, rest = shared.group(1), shared.group(3), shared.group(4)
    if _MORE_OPENINGS.search(rest):
        return None  # "Frontend & Backend Engineers | Product Designer": a list, whose piece the noun is shared in
    return tuple(f"{levels}{kind} {noun}{rest}" for kind in kinds)


_MORE_OPENINGS = re.compile(r"[|+,;]|\s[-–—]\s")


# Where a title may list openings side by side, outside parentheses: "SRE, Product Managers, Backend
# Engineers, AI", "Staff SWE - Senior SWE - Account Executive", "Sales Manager/ Software Engineer / ML
# Engineer", "Applied ML + Founding Sales Role".
_LIST_JOINS = re.compile(r"\s*,\s*|\s+\+\s+|\s*/\s+|\s+/\s*|\s+[-–—|]\s+")
_PLUS = re.compile(r"\s+\+\s+")
_LONG_LIST = 5
_DASH = re.compile(r"\s+[-–—]\s+")
# A department named bare in a list of the kinds hired ("Mobile, Backend, Frontend, Design, Product Management")
_DEPARTMENT = re.compile(r"\W*(?:product(?: management| design)?|design|marketing|operations|finance|legal|people|"
                         r"growth|gtm|go-to-market|customer success|recruiting|hr)\W*", re.I)
_BARE_AI = re.compile(r"\W*(?:ai|gen ?ai|llms?)\W*", re.I)  # "AI" in a list of teams hiring: the AI team's work
_PLURAL_ROLE = re.compile(r"\b(?:engineers|developers|managers|designers|scientists|analysts|executives|reps)\b",
                          re.I)


def _top_level_pieces(title: str) -> list[str]:
    """The title split at _LIST_JOINS outside parentheses ("Engineers (frontend, backend)" stays one)."""
    pieces, start = [], 0
    for join in _LIST_JOINS.finditer(title):
        if title.count("(", 0, join.start()) == title.count(")", 0, join.start()):
            pieces.append(title[start:join.start()])
            start = join.end()
    pieces.append(title[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _with_team_notes(title: str, pieces: list[str]) -> list[str]:
    """The pieces, a dash's short note that names no role joined back to the role before it ("Senior Java Engineer -
    Cloud, Account Executive": the Java engineer's team, not an opening of its own)."""
    kept: list[str] = []
    for piece in pieces:
        at = title.find(piece)
        after_dash = at > 0 and title[:at].rstrip().endswith(("-", "–", "—"))
        if kept and after_dash and len(piece.split()) <= 3 and not _ROLE_NOUN.search(english_title(piece)) \
                and _ROLE_NOUN.search(english_title(kept[-1])):
            kept[-1] = f"{kept[-1]} - {piece}"
        else:
            kept.append(piece)
    return kept


def _list_of_openings(title: str) -> tuple[str, ...] | None:
    """The openings a title lists with commas, " + ", " / " or " - ": pieces that each name a role
    ("Staff SWE - Senior SWE - Enterprise Account Executive"), or name only a kind of work or a
    department in three words at most ("Accounting, Software Engineering, Sales"; "AI"). It is a list
    when two pieces or more are roles, when three pieces or more all name a kind of work, when "+"
    joins them ("Applied ML + Founding Sales Role"), or when a plural role sits beside another
    function's name ("Software Engineers, Sales"). Else one piece names the team or the stack of the
    other ("Software Engineer, Backend", "Software Engineer - Go"), kinds of engineering after a
    generic role name its kinds ("Software Engineer, Frontend / Mobile"), a language names a skill
    ("Python Engineer - RPA Developer"), a grade is the role's rank, and the title is one opening."""
    if "," not in title and "/" not in title and " - " not in title and " + " not in title \
            and " – " not in title and " | " not in title and " — " not in title:
        return None
    pieces = _with_team_notes(title, _top_level_pieces(title))
    if len(pieces) < 2 or any(piece.lower() in GRADES for piece in pieces):
        return None  # a bank's grade beside the role ("DevOps Engineer, VP", "Analyst, Community Support")
    named = [piece for piece in pieces if _ROLE_NOUN.search(english_title(piece)) and _named_function(piece)
             and not named_by_language(piece)]
    bare = [piece for piece in pieces if piece not in named and (_BARE_AI.fullmatch(piece) or (
        len(piece.split()) <= 3 and _named_function(piece)))]
    departments = [piece for piece in pieces if _DEPARTMENT.fullmatch(piece)]  # counted in a long list only
    # beside two roles that name their work, a role whose work has no name here is an opening too ("Technical Artist")
    other = [piece for piece in pieces if piece not in named and piece not in bare and len(named) >= 2
             and _ROLE_NOUN.search(english_title(piece))]  # "Senior Java Engineer" beside two roles is one too
    roles = [piece for piece in pieces if _ROLE_NOUN.search(english_title(piece))]
    if len(pieces) >= _LONG_LIST and len(named) + len(bare) + len(other) + len(departments) >= 2 * len(pieces) / 3 \
            and not (roles == pieces[:1] and len(pieces[0].split()) >= 2):  # not a role and its stack
        # "Android, iOS, backend, frontend, middle end, SRE, ops, ...", "Mobile, Backend, Frontend, Design, Product
        # Management": a long list of the kinds hired, most of them named, is a list of openings even where a piece
        # has no name here ("middle end")
        return _level_for_each([piece for piece in pieces
                                if piece in named or piece in bare or piece in other or piece in departments])
    if len(named) + len(bare) + len(other) < len(pieces):
        return None  # a piece names no work: a place, a team, a note
    if title_function(pieces[0]) == GENERIC and pieces[1] in bare and title_function(pieces[1]) in ENGINEERING:
        return None  # "Software Engineer, Frontend / Mobile": the kinds of the role that leads
    if len(pieces) == 2 and _DASH.search(title) and title_function(pieces[0]) == GENERIC and \
            title_function(pieces[1]) in ENGINEERING and not _PLURAL_ROLE.search(title):
        return None  # "Software Engineer II - Automation Test Engineer": the generic role, then which one it is
    listed = (len(named) >= 2 or len(pieces) >= 3 or _PLUS.search(title) is not None
              or (named and bare and any(_PLURAL_ROLE.search(piece) for piece in named)
                  and all(title_function(piece) not in ENGINEERING for piece in bare)))
    return _level_for_each(pieces) if listed else None


# A level before a list of plural roles is each one's: "Staff-level (L4+) Data Scientists, Data Engineers, Backend
# Engineers" hires staff backend engineers. Not before singular openings ("Senior Backend Engineer, Product Designer").
_LEADING_LEVEL = re.compile(rf"^((?:{LEVEL_WORDS}|entry)\.?"
                            r"(?![- ](?:market|generation|gen|east)\b)(?:[- ]level)?"
                            r"(?:\s*\([^()]*\))?)\s+", re.I)
_ANY_LEVEL = re.compile(rf"\b(?:{LEVEL_WORDS}|entry|intern|head|director)\b", re.I)


def _level_for_each(pieces: list[str]) -> tuple[str, ...]:
    """The listed openings, each with the level the list leads with when it names none of its own."""
    lead = _LEADING_LEVEL.match(pieces[0])
    if not lead or not all(_PLURAL_ROLE.search(piece) for piece in pieces):
        return tuple(pieces)
    return (pieces[0], *(piece if _ANY_LEVEL.search(piece) else f"{lead.group(1)} {piece}" for piece in pieces[1:]))


def job_function(title: str, text: str, lowered: str | None = None) -> str | None:
    """The job's function: the title's, and for a generic title ("Software Engineer") the function
    its text names most, when one clearly leads."""
    found = title_function(title)
    if found != "software" or not text:
        return found
    return text_function(text, lowered) or found


def text_function(text: str, lowered: str | None = None) -> str | None:
    """The function a posting's text names most, when one clearly leads (four mentions or more, and
    twice the next), else None."""
    counts = signal_counts(text[:4000].lower() if lowered is None else lowered[:4000])
    best = max(counts, key=lambda k: counts[k])
    ordered = sorted(counts.values(), reverse=True)
    return best if ordered[0] >= 4 and ordered[0] >= 2 * ordered[1] else None


def own_functions(roles: tuple[str, ...], skills: tuple[str, ...] = ()) -> frozenset[str]:
    """The functions a person's roles name; when every role is generic ("Software Engineer"), also
    the functions two or more of their skills point at (React and CSS: frontend), so a generic role
    does not shut out the work the person's skills are for."""
    found = {f for role in roles if (f := title_function(role)) is not None}
    if found <= {GENERIC} and skills:
        counts = signal_counts(", ".join(skills).lower())
        found |= {name for name, count in counts.items() if count >= 2}
    return frozenset(found)


# Server frameworks a role may name its backend work by ("Django Developer", "Spring Boot Developer").
_SERVER_FRAMEWORK = re.compile(r"\b(?:django|flask|fastapi|spring|laravel|symfony|rails|express|nestjs|node|\.net|"
                               r"go|golang|java|python|ruby|php|backend|back-end|back end|api)\b", re.I)


def person_functions(roles: tuple[str, ...], skills: tuple[str, ...] = ()) -> frozenset[str]:
    """The functions a person looks for: their own (own_functions) and those each of them takes."""
    found = own_functions(roles, skills)
    taken = frozenset().union(*(TAKES.get(f, frozenset({f})) for f in found)) if found else frozenset()
    if "full stack" in found and "backend" not in found:
        # beside full-stack roles "Software Engineer" is full-stack work, not backend; a role that names backend work
        # or a server stack ("Full-Stack Engineer (Backend focus)", "Django Developer") takes backend seats
        named = any("backend" in title_functions(role) or _SERVER_FRAMEWORK.search(role) for role in roles)
        return taken | {"backend"} if named else taken - {"backend"}
    return taken


# A title that names its openings only together: several roles ("Multiple Roles", "Engineering roles",
# "Various positions"), a plural of no kind ("Founding Engineers"), or no role at all ("Full-time"). Not a
# pool ("Talent Pool", "future roles"), which names no opening at all.
_SEVERAL = re.compile(r"\b(?:roles|positions|openings|jobs|vacancies)\b", re.I)
_POOL = re.compile(r"\b(?:talent|future|pool|network|community|banco|bolsa|spontan|application|interest)", re.I)
_GENERIC_PLURAL = re.compile(r"\b(?:engineers|developers)\b", re.I)
_SAYS_SEVERAL = re.compile(r"^\W*(?:we(?:['’]re| are)\s+)?hiring\s+(?:across\b|(?:for|in)\s+"
                           r"(?:multiple|several|various|many|\d+)\b)|"
                           r"\b(?:current|open)\s+(?:openings|roles|positions)\b|"
                           r"^\W*(?:multiple|various|several|many)\b.*\b(?:roles|positions|openings)\b", re.I)


@functools.lru_cache(maxsize=4096)
def names_openings_together(title: str) -> bool:
    """The title names no single opening: "Multiple Roles", "Engineering roles", "Founding Engineers",
    "Full-time"; the post's text lists its openings."""
    function = title_function(title)
    if _POOL.search(title):
        return False
    if _SAYS_SEVERAL.search(title) or (_GENERIC_PLURAL.search(title) and title.count(",") >= 2):
        # "Hiring across product, engineering and GTM", "Multiple eng + GTM roles", "AI, Fullstack, Frontend,
        # Platform, Data, Product Engineers + GTM, Design": whatever work the words name, the text lists the openings
        return True
    if _SEVERAL.search(title):
        # "engineering jobs (Frontend, Mobile, Backend)": the head names several jobs and no work of one; the note
        # lists them
        head = title.split("(", 1)[0]
        return function in (None, GENERIC, "open application") or (
            head != title and _SEVERAL.search(head) is not None and title_function(head) in (None, GENERIC))
    if function == GENERIC:
        return _GENERIC_PLURAL.search(title) is not None
    return function is None and _ROLE_NOUN.search(english_title(title)) is None


# An opening listed in a post's text: a line that is a bullet or a heading of its own, holding a role's
# name ("- Senior Backend Engineer - own the API", "Full-Stack Engineer", "Data Engineer: [...]"), or
# the roles after "hiring" ("Also hiring: Applied Scientist, AE, BDR"; "We are hiring full stack
# engineers, ML engineers and designers").
_TAG = re.compile(r"<[^<>]*>")
_TAGS = re.compile(r"^(?:\s*\[[^\]]*\](?!\())+")  # "[Remote] [SQL] Data Engineer": tags before the name
_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")  # a markdown link, "[Data Engineer](https://...)": its words
_BULLET = re.compile(r"^[\s>]*(?:[-*•·◦▪–—]|\d{1,2}[.)])\s+")
_LONGEST_LINE = 300  # hostile text: a longer line is not read for a name (the patterns' cost grows with it)
_AFTER_NAME = re.compile(r"(?<!\s)\s*(?::|\s[-–—|]\s|\[…\]|\.\s|$)")
_HIRING = re.compile(r"\bhiring(?: for)?\s*:?\s+(?:an?\s+|several\s+|multiple\s+)?([^.:!?\n]+)|"
                     r"\b(?:roles|positions|openings)\s*:\s*([^.:!?\n]+)", re.I)
_PIECES = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*", re.I)
_SENTENCE = re.compile(r"\b(?:we|we're|you|you're|your|our|i|us|is|are|was|will|can|be|have|has|who|that|"
                       r"looking|hiring|join|apply|about|please|this|these|with|to|my|what|how|built|build|building|"
                       r"designed|worked|working|experience|using|used)\b", re.I)
_SHORT_ROLES = re.compile(r"\b(?:aes?|sdrs?|bdrs?|sres?|mles?)$", re.I)
# Where a sentence goes on after the roles it names: "hiring an AE to scale ...", "engineers who ...".
_GOES_ON = re.compile(r"\s(?:to|who|that|which|with|from|at|across|for|as|by|because|so|if|when|where|on|like|"
                      r"based|located|in)\s.*", re.I)
# The role noun ends the name ("Senior Backend Engineer"), or heads what follows it ("Director of Enterprise
# Accounts", "Software Development Engineer in Test"): "AI agents used by real customers" names no role.
_NAME_END = re.compile(r"(?:" + _ROLE_NOUN.pattern + r"(?:\s+in test)?|\b(?:head|directors?|vp|president|chief \w+|"
                       r"managers?) of\b.+)\s*$", re.I)


def _opening_name(name: str, most: int) -> bool:
    """The words name one role: few words, no sentence around them, a role noun at the end of the name
    before its team or note ("ML Engineer, Cloud Platform", "Engineer (NL)"), and a function."""
    words = name.split()
    if not words or len(words) > most or _SENTENCE.search(name):
        return False
    heads = re.split(r"\s*\(", name, maxsplit=1)[0].split(",")
    return any(_NAME_END.search(english_title(head.strip())) or _SHORT_ROLES.search(head.strip()) for head in heads) \
        and title_function(name) is not None


def text_openings(text: str) -> tuple[str, ...]:
    """The openings a post's text lists, in order, each once."""
    found: list[str] = []
    for line in text.splitlines():
        line = _LINK.sub(r"\1", _TAG.sub("", line)).strip()
        if not line:
            continue
        bullet = _BULLET.match(line)
        body = line[bullet.end():] if bullet else line
        end = _AFTER_NAME.search(body) if len(body) <= _LONGEST_LINE else None  # a paragraph names no opening
        name = _TAGS.sub("", body[:end.start()]).strip(" *_#`") if end else ""  # "[Remote] Data Engineer"
        if name and _opening_name(name, 8):
            found.append(name)
            continue
        for said in _HIRING.finditer(line):  # the roles named one after another, up to the first that is none
            for piece in _PIECES.split(_GOES_ON.sub("", said.group(1) or said.group(2))):
                if piece.strip(" *_") and not _opening_name(piece.strip(" *_"), 6):
                    break
                found += [piece.strip(" *_")] if piece.strip(" *_") else []
    return tuple(dict.fromkeys(found))
