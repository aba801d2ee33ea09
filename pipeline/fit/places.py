"""Where a job can be done, read from the way postings write it, and whether a person can work there.

A posting's location field is often a list ("Spain,Remote,Ontario,Ireland,...", "San Francisco, CA or
Remote (USA)", "New York, NY (HQ)"), names a region ("LATAM", "Remote-APAC", "EMEA"), a city under
another name (Bengaluru/Bangalore, NYC, München) or nothing at all while the text says "Remote (US
only)". This module turns such a string into parts, each an on-site place or a remote area, with the
countries each covers, so a job is workable only where one of its parts meets where the person lives
(on site) or may work remotely from (`fit.work_from`, default the countries of `fit.locations`).
The alias tables are data: countries and regions are named once, in several languages.
"""

import functools
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.fit.occurrences import find_each, holds_any, triggers
from pipeline.fit.zones import (
    INTERNATIONAL,
    OVERLAP,
    OVERLAP_WORDS,
    PLUS_MINUS,
    UTC_OFFSETS,
    capitals,
    sharing_zones,
    zone_bound,
    zone_countries,
    zone_offsets,
    zones_in_text,
)

CITIES_FILE = Path(__file__).with_name("cities.tsv")  # GeoNames cities of 50,000+ (scripts/make_cities.py)

# Countries by their English name, with other names and spellings (local languages, short forms).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "united states": ("usa", "us", "u.s.", "u.s.a.", "united states of america", "estados unidos",
                      "vereinigte staaten", "états-unis", "etats-unis", "eeuu", "eua"),
    "canada": ("kanada", "canadá"), "mexico": ("méxico", "mexiko"), "brazil": ("brasil", "brasilien", "brésil"),
    "argentina": ("argentinien",), "chile": (), "colombia": ("kolumbien",), "peru": ("perú",), "uruguay": (),
    "paraguay": (), "bolivia": (), "ecuador": (), "venezuela": (), "costa rica": (), "panama": ("panamá",),
    "guatemala": (), "honduras": (), "el salvador": (), "nicaragua": (),
    "dominican republic": ("república dominicana",),
    "puerto rico": (), "cuba": (), "jamaica": (),
    "united kingdom": ("uk", "u.k.", "england", "great britain", "britain", "scotland", "wales", "gb",
                       "vereinigtes königreich", "reino unido", "royaume-uni"),
    "ireland": ("irland", "irlanda"),
    "germany": ("deutschland", "deutschlands", "alemania", "allemagne", "germania", "alemanha",
                "deutschlandweit", "bundesweit"),  # "Germany-wide": anywhere in it
    "austria": ("österreich", "osterreich", "österreichweit"),
    "switzerland": ("schweiz", "suisse", "suiza", "svizzera", "schweizweit"),
    "france": ("frankreich", "francia", "frança"), "spain": ("españa", "espana", "spanien", "espagne", "espanha"),
    "portugal": (), "italy": ("italia", "italien", "italie"), "netherlands": ("holland", "nederland", "niederlande",
                                                                           "the netherlands", "países bajos"),
    "belgium": ("belgien", "belgique", "bélgica"), "luxembourg": ("luxemburg",), "denmark": ("dänemark", "danmark"),
    "sweden": ("schweden", "sverige", "suecia"), "norway": ("norwegen", "norge", "noruega"),
    "finland": ("finnland", "suomi"), "iceland": (), "poland": ("polen", "polska", "polonia"),
    "czechia": ("czech republic", "tschechien", "česko"), "slovakia": ("slowakei",), "hungary": ("ungarn",),
    "romania": ("rumänien", "rumania"), "bulgaria": ("bulgarien",), "greece": ("griechenland", "grecia"),
    "croatia": ("kroatien",), "slovenia": ("slowenien",), "serbia": ("serbien",), "estonia": ("estland",),
    "latvia": ("lettland",), "lithuania": ("litauen",), "ukraine": ("ucrania",), "cyprus": ("zypern",),
    "malta": (), "turkey": ("türkiye", "turkiye", "türkei", "turquía"), "israel": (),
    "united arab emirates": ("uae", "u.a.e.", "emirates"), "saudi arabia": ("ksa",), "qatar": (), "egypt": ("ägypten",),
    "south africa": ("südafrika",), "nigeria": (), "kenya": (), "morocco": ("marokko", "marruecos"),
    "india": ("indien", "bharat"), "pakistan": (), "bangladesh": (), "sri lanka": (), "nepal": (),
    "singapore": ("singapur",), "malaysia": (), "indonesia": ("indonesien",), "philippines": ("philippinen",),
    "thailand": (), "vietnam": ("viet nam", "việt nam"), "japan": ("日本",),
    "south korea": ("korea", "republic of korea"),
    "china": (), "hong kong": (), "taiwan": (), "australia": ("australien",), "new zealand": ("neuseeland",),
    # Countries postings name less often; left out where the name is also a common word, a person's or a US
    # state's (Georgia, Jordan, Chad, Niger).
    "russia": ("russland", "rusia", "russian federation"), "belarus": (), "moldova": (), "albania": (),
    "bosnia and herzegovina": ("bosnia",), "north macedonia": ("macedonia",), "montenegro": (), "kosovo": (),
    "armenia": (), "azerbaijan": (), "kazakhstan": (), "uzbekistan": (), "kyrgyzstan": (),
    "ghana": (), "ethiopia": (), "uganda": (), "rwanda": (), "tanzania": (), "tunisia": ("tunesien",),
    "algeria": (), "senegal": (), "cameroon": (), "ivory coast": ("côte d'ivoire", "cote d'ivoire"),
    "zambia": (), "zimbabwe": (), "botswana": (), "namibia": (), "mauritius": (), "angola": (),
    "mozambique": (), "lebanon": (), "kuwait": (), "bahrain": (), "oman": (), "iraq": (), "iran": (),
    "cambodia": (), "myanmar": (), "laos": (), "mongolia": (), "trinidad and tobago": ("trinidad",),
    "barbados": (), "bahamas": (), "belize": (), "haiti": (), "guyana": (), "suriname": (),
}
# Countries by the adjective for their people ("Canadian citizens").
DEMONYMS = {"american": "united states", "canadian": "canada", "british": "united kingdom", "indian": "india",
            "german": "germany", "french": "france", "brazilian": "brazil", "mexican": "mexico",
            "australian": "australia", "singaporean": "singapore", "irish": "ireland", "dutch": "netherlands",
            "spanish": "spain", "italian": "italy", "polish": "poland", "swiss": "switzerland", "israeli": "israel",
            "japanese": "japan", "korean": "south korea", "filipino": "philippines", "nigerian": "nigeria"}
_EU = ("austria belgium bulgaria croatia cyprus czechia denmark estonia finland france germany greece hungary ireland "
       "italy latvia lithuania luxembourg malta netherlands poland portugal romania slovakia slovenia spain sweden")
_SOUTH_EAST_EUROPE = "albania bosnia and herzegovina north macedonia montenegro kosovo moldova"
_EUROPE = _EU + " united kingdom switzerland norway iceland ukraine serbia belarus " + _SOUTH_EAST_EUROPE
_LATAM = ("mexico brazil argentina chile colombia peru uruguay paraguay bolivia ecuador venezuela costa rica panama "
          "guatemala honduras el salvador nicaragua dominican republic puerto rico cuba jamaica "
          "trinidad and tobago barbados bahamas belize haiti guyana suriname")
_APAC = ("india pakistan bangladesh sri lanka nepal singapore malaysia indonesia philippines thailand vietnam japan "
         "south korea china hong kong taiwan australia new zealand cambodia myanmar laos mongolia")
_MIDDLE_EAST = "turkey israel united arab emirates saudi arabia qatar egypt lebanon kuwait bahrain oman iraq"
_AFRICA = ("egypt south africa nigeria kenya morocco ghana ethiopia uganda rwanda tanzania tunisia algeria senegal "
           "cameroon ivory coast zambia zimbabwe botswana namibia mauritius angola mozambique")
_MIDDLE_EAST_AFRICA = _MIDDLE_EAST + " " + _AFRICA


def _names(words: str) -> frozenset[str]:
    """Country names from a space-separated list in which multi-word names are known."""
    multi = sorted((c for c in COUNTRIES if " " in c), key=len, reverse=True)
    found = set()
    for name in multi:
        if re.search(rf"\b{name}\b", words):
            found.add(name)
            words = re.sub(rf"\b{name}\b", " ", words)
    return frozenset(found | set(words.split()))


# Regions a posting may name instead of countries; each covers the countries listed.
REGIONS: dict[str, frozenset[str]] = {
    "eu": _names(_EU), "europe": _names(_EUROPE), "emea": _names(_EUROPE + " " + _MIDDLE_EAST_AFRICA),
    "dach": frozenset({"germany", "austria", "switzerland"}),
    "nordics": _names("denmark sweden norway finland iceland"),
    "benelux": _names("belgium netherlands luxembourg"), "latam": _names(_LATAM),
    "north america": frozenset({"united states", "canada"}), "americas": _names(_LATAM + " united states canada"),
    "apac": _names(_APAC), "asia": _names(_APAC) - {"australia", "new zealand"},
    "anz": frozenset({"australia", "new zealand"}), "cet": _names(_EUROPE) - {"united kingdom", "ireland", "portugal"},
    "eea": _names(_EU + " norway iceland"), "uki": frozenset({"united kingdom", "ireland"}),
    "cee": _names("poland czechia slovakia hungary romania bulgaria croatia slovenia serbia estonia latvia lithuania "
                  "ukraine"),
    "baltics": frozenset({"estonia", "latvia", "lithuania"}),
    "southeast asia": _names("singapore malaysia indonesia philippines thailand vietnam"),
    "south asia": _names("india pakistan bangladesh sri lanka nepal"),
    "middle east": _names(_MIDDLE_EAST),
    "mena": _names(_MIDDLE_EAST + " morocco tunisia algeria"),
    "africa": _names(_AFRICA), "sub-saharan africa": _names(_AFRICA) - _names("egypt morocco tunisia algeria"),
    "eastern europe": _names("poland czechia slovakia hungary romania bulgaria ukraine moldova belarus serbia "
                             "estonia latvia lithuania " + _SOUTH_EAST_EUROPE),
    "caribbean": _names("dominican republic puerto rico cuba jamaica trinidad and tobago barbados bahamas haiti"),
    "central asia": _names("kazakhstan uzbekistan kyrgyzstan"),
    "gcc": _names("united arab emirates saudi arabia qatar kuwait bahrain oman"),
    "united states": frozenset({"united states"}),
}
REGION_NAMES: dict[str, str] = {
    "european union": "eu", "europa": "europe", "europäische union": "eu", "latin america": "latam",
    "lat am": "latam", "latinoamérica": "latam", "latinoamerica": "latam", "américa latina": "latam",
    "america latina": "latam", "south america": "latam", "central america": "latam", "asia pacific": "apac",
    "asia-pacific": "apac", "asia-pac": "apac", "western hemisphere": "americas", "north american": "north america",
    "european": "europe", "emea": "emea", "apac": "apac", "latam": "latam", "eu": "eu", "dach": "dach",
    "nordics": "nordics", "benelux": "benelux", "americas": "americas", "europe": "europe", "anz": "anz",
    "asia": "asia", "north america": "north america", "cet": "cet", "cest": "cet", "eea": "eea", "uki": "uki",
    "uk&i": "uki", "cee": "cee", "baltics": "baltics", "southeast asia": "southeast asia",
    "south east asia": "southeast asia", "south asia": "south asia",
    "middle east": "middle east", "mena": "mena", "gcc": "gcc", "scandinavia": "nordics",
    "oceania": "anz", "east coast": "united states", "west coast": "united states",
    "africa": "africa", "sub-saharan africa": "sub-saharan africa", "subsaharan africa": "sub-saharan africa",
    "eastern europe": "eastern europe", "central and eastern europe": "cee", "central europe": "cee",
    "caribbean": "caribbean", "central asia": "central asia", "afrika": "africa", "áfrica": "africa",
    "afrique": "africa", "asien": "asia", "ásia": "asia", "amer": "americas", "namer": "north america",
    "noram": "north america",
}
_SHORT = {"US": "united states", "USA": "united states", "U.S.": "united states", "UK": "united kingdom",
          "GB": "united kingdom", "UAE": "united arab emirates"}
# Cities postings often name, with their country, under GeoNames' names (cities.tsv holds them all).
CITIES: dict[str, str] = {
    "bengaluru": "india", "mumbai": "india", "hyderabad": "india", "pune": "india", "delhi": "india",
    "new delhi": "india", "gurugram": "india", "noida": "india", "chennai": "india", "kolkata": "india",
    "ahmedabad": "india", "new york city": "united states", "brooklyn": "united states",
    "san francisco": "united states", "los angeles": "united states", "seattle": "united states",
    "boston": "united states", "chicago": "united states", "austin": "united states", "denver": "united states",
    "atlanta": "united states", "palo alto": "united states", "mountain view": "united states",
    # Bay Area cities the tables did not place (cities.tsv keeps only the larger namesake, San Mateo in the
    # Philippines, Santa Clara in Cuba, and its point); postings naming them alone mean California's
    "san mateo": "united states", "santa clara": "united states",
    "washington": "united states", "berlin": "germany", "munich": "germany", "hamburg": "germany",
    "frankfurt am main": "germany", "köln": "germany", "stuttgart": "germany", "düsseldorf": "germany",
    "dusseldorf": "germany", "leipzig": "germany", "dresden": "germany", "rostock": "germany", "greifswald": "germany",
    "nuremberg": "germany", "vienna": "austria", "zurich": "switzerland", "zürich": "switzerland",
    "geneva": "switzerland", "london": "united kingdom", "manchester": "united kingdom", "edinburgh": "united kingdom",
    "dublin": "ireland", "paris": "france", "lyon": "france", "amsterdam": "netherlands", "rotterdam": "netherlands",
    "the hague": "netherlands", "madrid": "spain", "barcelona": "spain", "valencia": "spain", "lisbon": "portugal",
    "porto": "portugal", "milan": "italy", "rome": "italy", "warsaw": "poland", "kraków": "poland", "krakow": "poland",
    "wrocław": "poland", "prague": "czechia", "budapest": "hungary", "bucharest": "romania", "kyiv": "ukraine",
    "kiev": "ukraine", "stockholm": "sweden", "copenhagen": "denmark", "oslo": "norway", "helsinki": "finland",
    "tallinn": "estonia", "istanbul": "turkey", "tel aviv": "israel", "dubai": "united arab emirates",
    "toronto": "canada", "vancouver": "canada", "montreal": "canada", "ontario": "canada", "quebec": "canada",
    "são paulo": "brazil", "sao paulo": "brazil", "rio de janeiro": "brazil", "belo horizonte": "brazil",
    "curitiba": "brazil", "florianópolis": "brazil", "porto alegre": "brazil", "mexico city": "mexico",
    "guadalajara": "mexico", "monterrey": "mexico", "buenos aires": "argentina", "córdoba": "argentina",
    "santiago": "chile", "bogota": "colombia", "medellín": "colombia", "medellin": "colombia", "lima": "peru",
    "montevideo": "uruguay", "singapore": "singapore", "tokyo": "japan", "seoul": "south korea",
    "sydney": "australia", "melbourne": "australia", "brisbane": "australia", "auckland": "new zealand",
    "manila": "philippines", "jakarta": "indonesia", "kuala lumpur": "malaysia", "ho chi minh city": "vietnam",
    "adelaide": "australia", "victoria, australia": "australia", "new south wales": "australia",
    "hanoi": "vietnam", "da nang": "vietnam",
    "gothenburg": "sweden", "brussels": "belgium", "belgrade": "serbia", "thiruvananthapuram": "india",
    "mysuru": "india", "visakhapatnam": "india", "kochi": "india",
}
# Other names people and postings give those cities (in other languages, short, old), each declared once:
# their country comes from CITIES, their point from cities.tsv under the GeoNames name.
CITY_ALIASES = {
    "bangalore": "bengaluru", "banglore": "bengaluru", "bangaluru": "bengaluru",  # the last two misspelt, often
    "bombay": "mumbai", "madras": "chennai", "calcutta": "kolkata", "gurgaon": "gurugram",
    "new york": "new york city", "nyc": "new york city", "manhattan": "new york city", "münchen": "munich",
    "muenchen": "munich", "cologne": "köln", "koeln": "köln", "frankfurt": "frankfurt am main", "nürnberg": "nuremberg",
    "nuernberg": "nuremberg", "washington d.c.": "washington", "washington dc": "washington", "sf": "san francisco",
    "bay area": "san francisco", "sf bay area": "san francisco", "lisboa": "lisbon", "warszawa": "warsaw",
    "praha": "prague", "wien": "vienna", "roma": "rome", "milano": "milan", "ciudad de méxico": "mexico city",
    "ciudad de mexico": "mexico city", "cdmx": "mexico city", "bogotá": "bogota", "den haag": "the hague",
    "saigon": "ho chi minh city", "delhi ncr": "new delhi", "caba": "buenos aires", "capital federal": "buenos aires",
    # Vietnamese cities as postings write them: short, in Vietnamese, without "City"
    "hcmc": "ho chi minh city", "tp.hcm": "ho chi minh city", "tphcm": "ho chi minh city",  # not "HCM" (software)
    "ho chi minh": "ho chi minh city", "hồ chí minh": "ho chi minh city", "sài gòn": "ho chi minh city",
    "hà nội": "hanoi", "ha noi": "hanoi", "đà nẵng": "da nang",
    # Portuguese and Spanish names of cities postings on Brazilian and Latin American boards name
    "berlim": "berlin", "berlín": "berlin", "munique": "munich", "múnich": "munich", "londres": "london",
    "nova york": "new york city", "nova iorque": "new york city", "nueva york": "new york city", "colônia": "köln",
    "viena": "vienna", "varsóvia": "warsaw", "varsovia": "warsaw", "praga": "prague", "milão": "milan",
    # Cities in their own languages, or by their older English names
    "genève": "geneva", "geneve": "geneva", "genf": "geneva", "københavn": "copenhagen", "kobenhavn": "copenhagen",
    "göteborg": "gothenburg", "goteborg": "gothenburg", "bruxelles": "brussels", "brussel": "brussels",
    "kiev": "kyiv", "bucurești": "bucharest", "bucuresti": "bucharest", "beograd": "belgrade", "tel-aviv": "tel aviv",
    "trivandrum": "thiruvananthapuram", "mysore": "mysuru", "vizag": "visakhapatnam", "cochin": "kochi",
    # US metro areas by their nicknames
    "silicon valley": "palo alto", "tri-state area": "new york city", "tristate area": "new york city",
    "dmv area": "washington", "socal": "los angeles",
}
CITIES.update({alias: CITIES[name] for alias, name in CITY_ALIASES.items()})
US_STATES = ("alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
             "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
             "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah "
             "vermont virginia wisconsin wyoming").split() + [
    "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "rhode island", "south carolina",
    "south dakota", "west virginia"]
US_CODES = ("al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd "
            "oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc").split()
REMOTE = re.compile(r"\b(remote|remoto|remota|fernarbeit|homeoffice|home office|anywhere|worldwide|global|telecommute|"
                    r"work from home|wfh|distributed|fully distributed|remote[- ]first|t[ée]l[ée]travail|teletrabajo|"
                    r"teletrabalho|thuiswerk)\b", re.I)
# Phrases that bound where remote work may be done from, each read where its own word stands:
# "remote/based/located ... in X", "working from X", "eligible to work in X", "(X only)", "only in X",
# "X time zones"/"X hours".
# A character of a bound's phrase: up to the clause's end, but through an abbreviation's dots ("the U.S. to")
_PHRASE_CHAR = r"(?:[^.\n;:!?]|(?<=\b[A-Za-z])\.)"
_BOUND_LEAD = re.compile(
    r"(?:(?:remote|based|located|living|reside|residing|resident|candidates|applicants|open to|hir(?:e|ing)|eligible|"
    r"authori[sz]ed|right to work)[^.\n]{0,40}?\b(?:in|within|from|out of)|work(?:ing)? from|"
    # "your exact location within Europe doesn't matter": anywhere there
    r"your (?:exact\s+)?location\s+(?:with)?in|"
    # "work anywhere from within Canada", not "work from anywhere; our offsites are in Lisbon"
    r"anywhere\s+(?:from\s+)?(?:in|within|inside)|"
    # "a fully remote environment across Europe", "we work remotely across the EU" (a team across places is
    # where the team is)
    r"remote(?:ly)?(?:\s+(?:environment|setup|role|position|work))?\s+across|"
    r"(?:distributed|spread) across|"
    # whom a company hires, and from where: "hiring the most ambitious engineers across Canada, Europe and LATAM"
    r"hir(?:e|ing)\s+(?:[\w-]+\s+){0,7}?across|"
    r"remote\s+(?:locations?|regions?|countries)\s*:|(?:residents?|citizens?)\s+of|"
    # the same in the other languages postings are written in: "de qualquer lugar do Brasil", "para todo o
    # Brasil", "desde cualquier lugar de Latinoamérica", "innerhalb Deutschlands", "partout en France"
    r"qualquer lugar d[oae]s?|todo o|toda a|residentes? (?:n[oa]|em)|cualquier lugar de(?:l)?|todo el|"
    r"residentes? en|innerhalb|in ganz|aus ganz|wohnhaft in|partout en|r[ée]sidant en|remot[oa]s?\s+(?:desde|en|em))"
    # "hiring in the following countries: Poland, Romania", "we can hire in: US, UK"
    r"(?:\s+(?:the\s+)?following(?:\s+(?:countries|locations|regions|states))?\s*:|\s*:)?"
    rf"\s+(?:the\s+)?({_PHRASE_CHAR}{{2,60}})", re.I)
# "Remote (LATAM)", "Remote - EMEA", "Remote: Canada" in a text; "US-based candidates", "EU based engineers".
# "Remote - Japan", "Remote: EU", but not the next item of a list ("- Remote\n- Or on-site in Tokyo")
# "remote-first", "remote-friendly": a company's way of working, not "Remote - X"
_BOUND_REMOTE_NAMED = re.compile(r"remot[eoa][ \t]*(?:\(([^()\n]{2,40})\)|"
                                 r"(?!-(?:first|friendly|ready|forward|native|optional)\b)[-–—:][ \t]*"
                                 r"([^.\n;!?()]{2,40}))", re.I)
# "Open to Remote US", "Remote EU roles": a place's name in capitals right after "remote" (not "Remote First")
_BOUND_REMOTE_PLACE = re.compile(r"(?i:remot[eoa])[ \t]+([A-Z][\w.]*(?:(?:[ \t]|,[ \t]*|[ \t]*[/&][ \t]*|"
                                 r"[ \t]+(?:and|or)[ \t]+)[A-Z][\w.]*){0,8})")
# "This is a US-only role", "Remote, US only": a country or region named right before "only"
_BOUND_X_ONLY = re.compile(r"\b([\w.]+(?:\s[\w.]+)?)[- ]only\b", re.I)
# A "Location:" line of the text, in the languages postings use: "Location: United States (Remote)"
_BOUND_LINE = re.compile(r"(?:locations?|ubicaci[óo]n|localiza[çc][ãa]o|standort|lieu|local)\W{0,3}:\W{0,3}"
                         r"([^\n]{2,60})", re.I)
_BOUND_OUTSIDE = re.compile(rf"(?:outside(?:\s+of)?|other than)\s+(?:the\s+)?({_PHRASE_CHAR}{{2,50}})", re.I)
_NEGATED = re.compile(r"\b(?:not|cannot|can't|can’t|unable|no one|nobody)\b")
_SEAT_BEFORE = re.compile(r"(?:hq|headquarters?|office|company|sede|firmen)\W{0,3}$")
_LINE_WORDS = triggers("location",)
_OTHER_LINE_WORDS = triggers("ubicaci", "localiza", "standort", "lieu", "local:")  # looked for unless in English
# "Senior Engineer (US/Canada, Remote)": the places before "Remote" in one parenthesis
_BOUND_REMOTE_AFTER = re.compile(r"\(([^()\n]{2,40}?),\s*remote\s*\)", re.I)
_BOUND_BASED = re.compile(r"([\w.]+(?:\s[\w.]+)?)[- ]based\s+(?:candidates|applicants|engineers|developers|employees|"
                          r"talent|people|professionals|residents|contractors|individuals|team members)", re.I)
_BOUND_ONLY_PAREN = re.compile(r"\(\s*([^()\n]{2,40}?)\s+only\s*\)", re.I)
_BOUND_ONLY_IN = re.compile(rf"\bonly\s+(?:in|within|from|for)\s+(?:the\s+)?({_PHRASE_CHAR}{{2,50}})", re.I)
_BOUND_ZONE = re.compile(r"\b([A-Z](?:[\w /-]|(?<=\b[A-Za-z])\.){1,30}?)\s+(?:time ?zones?|hours)\b", re.I)
_TEAM_ZONE = re.compile(r"\b(?:team|teammates|colleagues|team members)\s+(?:\w+\s+){0,2}?(?:working|works|work|based|"
                        r"located|spread|distributed|are|is|sits?)\b")  # the team as the subject of the hours
# the company's seat inside a bound's phrase ("remote-first company, headquartered in SF", "our company is located in")
_SEAT_IN = re.compile(r"headquartered|\b(?:company|start-?up|scale-?up|(?<!home )(?<!home-)office|headquarters|hq)\b"
                      r"[^\n.]{0,20}\b(?:located|based)\b")
# a benefit only US staff get ("health insurance (US only)"): the company has staff elsewhere too
_BENEFIT_BEFORE = re.compile(r"\b(?:insurance|coverage|medical|dental|vision|401\s?\(?k|benefits?|pto|"
                             r"retirement|pension|equity)\b(?:(?!remote|role|position|job|work)[^.\n]){0,40}$")
# An office offered beside remote work, not a bound on it: "REMOTE (or in our Atlanta or London offices)"
_OFFICE_OPTION = re.compile(r"\W*\bor\s+(?:work(?:ing)?\s+)?(?:in|at|from)\s+(?:one\s+of\s+)?our\s+[^.;()\n]{1,50}?"
                            r"\b(?:offices?|hubs?|studios?|campus|hq|headquarters)\b", re.I)
# A place only favoured, named right before the wish: "Candidates within North America will be given priority",
# "Applicants from the EU are preferred"; not "in the US with preferred experience", nor a wish beside a bound
# ("... are preferred; others cannot be considered")
_PRIORITY_AFTER = re.compile(r"\s*(?:(?:the|and|or|of|&)\s+|[A-Z][\w.]*\s+){1,5}?(?i:(?:will|would|shall|may)\s+"
                             r"(?:be\s+)?(?:given|get|have|receive)\s+(?:priority|preference)|(?:are\s+|is\s+)?"
                             r"(?:preferred|prioriti[sz]ed))\b(?![^.\n]{0,80}\b(?i:only|cannot|can't|must|required|not)\b)")
# Words between a bound's lead and its place that make the place an option beside remote work, not its bound:
# "remote unless you'd rather live in X", "remote, or if you prefer, based in X" (a bare "or" may join two
# places of one bound: "candidates on the East Coast or in Europe").
# ... or a wish: "ideally based in Los Angeles, but location is flexible"
_OPTION = re.compile(r"\b(?:unless|if you(?:['’]d| would)? (?:like|prefer|rather|want)|optionally|alternatively|"
                     r"ideally|preferably)\b", re.I)
_NOT_REQUIRED = re.compile(r"(?:don[’']?t|do not|doesn[’']?t|does not|no need to|needn[’']?t|not required to|"
                           r"not necessary to)\s+(?:have\s+to\s+|need\s+to\s+)?(?:be\s+)?$")  # lowered
_OVERLAP_BEFORE = re.compile(rf"\b(?:{OVERLAP_WORDS})\w*\s+(?:with\s+)?(?:the\s+)?$", re.I)
# The posting's own team as the subject of "based/located in" ("we're based largely in Seattle", "teams based in
# the US and Brazil"): where the team already is, not a bound on the hire. A company in the third person ("a
# consultancy based in Austin", often a recruiter's client) may well be where the hire works, and stays one.
_TEAM_BEFORE = re.compile(r"\b(?:teams?(?: members)?|we|we[’']re|we are|our (?:\w+ )?(?:team|teams|people|staff|"
                          r"employees|engineers|company|offices?|headquarters|hq)|"
                          r"(?:with|our)\s+(?:customer\s+)?(?:support|success|sales|operations|marketing|"
                          r"finance)(?:\s+(?:team|teams|department|staff))?)\s+(?:are\s+|is\s+)?(?:\w+ly\s+)?$",
                          re.I)


# "a remote-first team with cells/offices/hubs in X": the places the team has, not a bound on the hire
_TEAM_WITH = re.compile(r"\bteams?\s+(?:with|that has|which has)\b")
_TEAM_IN = re.compile(r"\bteams?\s+(?:in|within|from)\s+(?:the\s+)?$")  # "a remote team in the USA": the team's place


_CONTINENTS = (REGIONS["americas"], REGIONS["emea"], REGIONS["apac"])


def _continents(countries: frozenset[str]) -> int:
    """How many of the Americas, Europe/Middle East/Africa and Asia-Pacific the countries lie in."""
    return sum(1 for area in _CONTINENTS if countries & area)


_TEAM_SENTENCE = re.compile(r"\bteams?\b[^.!?\n]*$")
_AREA_JOINS = re.compile(r"(?:\s*[,/&]\s*|\s+(?:and|or)\s+|\s+)")


def _remote_place(head: str, lowered: str, at: int) -> str | None:
    """"Open to Remote US", "Remote North America, Europe": the areas named right after "remote", when
    every word names one ("Remote UK Team Lead" names a person's job, "Remote Work Policy" a document),
    unless the sentence is about the team ("a team in SF, Budapest, remote US and Europe")."""
    found = _BOUND_REMOTE_PLACE.match(head, at)
    if found is None or _TEAM_SENTENCE.search(lowered, max(0, at - 80), at):
        return None
    words = _AREA_JOINS.split(found.group(1).lower().strip(" ,/&."))
    return found.group(1) if all(word in _AREA_WORDS_ALL or word.rstrip(".") in _AREA_WORDS_ALL for word in words) \
        else None


def _team_based(head: str, lowered: str, start: int, end: int) -> bool:
    """The words of a bound's lead say where the posting's own team is based or located (_TEAM_BEFORE)."""
    for word in ("based", "located"):
        at = lowered.find(word, start, end)
        if at != -1 and _TEAM_BEFORE.search(head, max(0, at - 30), at):
            return True
    return False


_LEAD_WORDS = triggers("remote", "based", "located", "living", "resid", "work from", "working from", "candidates",
                       "your location", "your exact location",
                       "applicants", "open to", "hire", "hiring", "eligible", "authori", "right to work", "distributed",
                       "spread", "citizen", "anywhere")
_OTHER_LEAD_WORDS = triggers("qualquer lugar", "todo o", "toda a", "cualquier lugar", "todo el", "innerhalb", "in ganz",
                             "aus ganz", "wohnhaft", "partout en", "résidant", "residant", "remoto",
                             "remota")  # unless English
# Alternatives: ";", "|", "or", "/", a list's bullets; " - ", "&", "+" or "and" only before "Remote"
_SPLIT = re.compile(r"\s*(?:;|\||\bor\b|\boder\b|\bou\b|\bo\b(?=\s*remot)|\n|/| · | • | - (?=remote\b)|"
                    r"(?:&|\+|\band\b)(?=\s*remote\b)|(?<=remote)\s*[&+])\s*", re.I)


@dataclass(frozen=True)
class Part:
    """One alternative of a posting's place: the countries it names and whether it is remote."""

    countries: frozenset[str]
    remote: bool
    text: str
    inferred: bool = False  # a bare "Remote" taken to mean the places named beside it ("New York, NY,Remote")
    zoned: bool = False  # its countries are those near a time zone it names ("Remote (GMT+2 to GMT-6)")
    shared: bool = False  # and those keeping the time zones of a country it names ("Remote (US time zones)")


@dataclass(frozen=True)
class Where:
    """A posting's place, read: its parts, and whether it says nothing usable."""

    parts: tuple[Part, ...]
    anywhere: bool  # remote with no bound at all ("Remote", "Worldwide")
    unknown: bool  # no place named and not remote
    excluded: frozenset[str] = frozenset()  # countries the field shuts out ("Worldwide (except US)")
    worldwide: bool = False  # the field says so in words ("Remote (global)", "Anywhere"), which the text's places
    # (an office, a team's home) do not narrow as they narrow a bare "Remote"

    @property
    def remote(self) -> bool:
        return self.anywhere or any(p.remote for p in self.parts)

    def countries(self) -> frozenset[str]:
        return frozenset().union(*(p.countries for p in self.parts)) if self.parts else frozenset()


def _has(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text) is not None


def _alternation(names: list[str]) -> re.Pattern[str]:
    """One pattern for many names as whole words (longest first, so "new york" wins over "york")."""
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


# Every name the tables know, in one pattern each, so a piece of text is scanned once, not once a name.
_COUNTRY_OF_NAME = {**{c: c for c in COUNTRIES}, **{o: c for c, others in COUNTRIES.items() for o in others
                                                    if len(o) > 3}}
_COUNTRY_NAMES = _alternation(list(_COUNTRY_OF_NAME))
_REGION_NAMES = _alternation(list(REGION_NAMES))
_CITY_NAMES = _alternation(list(CITIES))
_STATE_NAMES = _alternation(US_STATES)
# "Portland, OR", "Austin, tx", "Cambridge, MA and Prague": a state's code after a comma, not a word going on
# ("LATAM, or you can")
# Codes that are words too ("France, or Germany", "Boston, in person", "Madrid, de lunes a viernes") count before
# another word only in capitals; at the end of a field or clause ("Columbus, oh", "Bangor, Me") in any case.
_WORD_CODES = frozenset({"or", "in", "me", "hi", "oh", "ok", "de", "la", "al"})
_CODE_ALTERNATION = "|".join(c for c in US_CODES if c not in _WORD_CODES) + "|(?-i:" + \
    "|".join(c.upper() for c in sorted(_WORD_CODES)) + ")|(?:" + "|".join(sorted(_WORD_CODES)) + \
    r")(?=\s*(?:$|[)\]/;|,.]|\d{5}))"
_STATE_CODE = re.compile(r",\s*(" + _CODE_ALTERNATION + r")\b(?![ \t]+(?!and\b|or\b)(?-i:[a-z]))", re.I)
# US state codes that are also countries' ISO codes.
_ISO_CODES = {"in": "india", "ca": "canada", "de": "germany", "ar": "argentina", "co": "colombia", "id": "indonesia",
              "il": "israel", "ma": "morocco", "mt": "malta", "pa": "panama", "al": "albania", "ga": "gabon"}
# Short region names that are a region written as a word too ("Asia", "Apac"), where "eu" or "dach" is also a
# word of another language (Portuguese "eu", German "Dach") and counts only in capitals.
_WORD_REGIONS = frozenset({"asia", "apac", "emea", "anz"})
_SHORT_NAMES = re.compile(r"(?<![\w.])(USA|US|U\.S\.|UK|GB|UAE)(?![\w])")
# Every word of a country's or region's name ("north", "america", "us"), for reading a run of area names.
_AREA_WORDS_ALL = frozenset(word for name in (*_COUNTRY_OF_NAME, *REGION_NAMES, *(s.lower() for s in _SHORT))
                            for word in name.split())


def _region_written(name: str, text: str) -> bool:
    """A region's name found in lower case is one as the text writes it: a long name in any case, a short
    one in capitals ("EU", not Portuguese "eu"), or one that is also a word in title case too ("Asia")."""
    return len(name) > 4 or _has(name.upper(), text) or name in _WORD_REGIONS and _has(name.title(), text)


@functools.lru_cache(maxsize=8192)
def countries_of(text: str) -> frozenset[str]:
    """Every country a piece of text names: by name in several languages, by region, by city, by US state."""
    low = text.lower()
    found = {_COUNTRY_OF_NAME[m] for m in _COUNTRY_NAMES.findall(low)}
    found |= {_SHORT[m] for m in _SHORT_NAMES.findall(text)}
    for name in _REGION_NAMES.findall(low):
        if _region_written(name, text):
            found |= REGIONS[REGION_NAMES[name]]
    found |= {CITIES[m] for m in _CITY_NAMES.findall(low)}
    code = _STATE_CODE.search(text)
    if code and _ISO_CODES.get(code.group(1).lower()) in found:
        code = None  # "Hyderabad, IN" is India's code beside an Indian city, not Indiana
    state = _STATE_NAMES.search(low)
    if state and state.group(1) == "georgia" and not found and _GEORGIAN_CITY.search(low):
        state = None  # "Tbilisi, Georgia": the country in the Caucasus, not the US state
    if state or code:
        found.add("united states")
    return frozenset(found)


_LONE_STATE = re.compile(r"\s*(?-i:" + "|".join(c.upper() for c in US_CODES
                                                if c not in _ISO_CODES and c not in _WORD_CODES) + r")\s*")


# Georgia is a US state and a country: a city of the country beside it says which.
_GEORGIAN_CITY = re.compile(r"\b(?:tbilisi|batumi|kutaisi|rustavi|sokhumi|sakartvelo|caucasus)\b")


# US states written as their codes with slashes ("Remote in NY/NJ/CT"): one area, the United States, not
# three alternatives of unknown places; only when every code is a state's ("DE/AT/CH" is not).
_STATE_RUN = re.compile(r"(?<![\w/])[A-Z]{2}(?:\s*/\s*[A-Z]{2})+(?![\w/])")


# "Multiple locations", "Various locations": no place, but a pointer to the text, which names them
_SEVERAL_PLACES = re.compile(r"\b(?:multiple|various|several|many|different)\s+(?:locations|countries)\b", re.I)


def names_no_place(location: str) -> bool:
    """The location field is empty, or only points at the text ("Multiple Countries")."""
    return not _SEVERAL_PLACES.sub("", location or "").strip(" ,;-|")


def _states_of_run(match: re.Match[str]) -> str:
    codes = [code.strip() for code in match.group().split("/")]
    return ", ".join(codes) + ", US" if all(code.lower() in US_CODES for code in codes) else match.group()


LONGEST_FIELD = 2000  # hostile text: a place field is read this far (the split's cost grows with its square)


def _chunks(text: str) -> list[str]:
    """The alternatives of a location field, split where no parenthesis is open."""
    text = text[:LONGEST_FIELD]
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group()), text)
    cuts = [0]
    for match in _SPLIT.finditer(masked):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True) if text[a:b].strip(" ,()-")]


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case, as written and in ASCII) -> country, for cities the alias tables lack."""
    return {name: country for name, (country, _, _) in _city_table().items()}


@functools.lru_cache(maxsize=1)
def _city_table() -> dict[str, tuple[str, float, float]]:
    """City name (lower case, as written and in ASCII) -> (country, latitude, longitude)."""
    table = {}
    for row in CITIES_FILE.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, country, latitude, longitude = row.split("\t")
            table[name] = (country, float(latitude), float(longitude))
    return table


COMMUTE_KM = 60  # an on-site job this far from a city the person names is within their reach


@functools.lru_cache(maxsize=8192)
def city_at(name: str) -> tuple[str, float, float] | None:
    """(country, latitude, longitude) of a city by any of its names, or None."""
    low = " ".join(name.lower().split()).strip(" .")
    low = CITY_ALIASES.get(low, low)
    return _city_table().get(low) if len(low) > 3 else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    (lat1, lon1), (lat2, lon2) = (tuple(math.radians(x) for x in point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Spot:
    """What a chunk of a place says below its country: the cities it names (their points), and whether
    it names anything more specific than countries and regions at all ("Telangana", "Austin, TX")."""

    points: tuple[tuple[float, float], ...]
    specific: bool


@functools.lru_cache(maxsize=8192)
def spot_of(chunk: str) -> Spot:
    """The cities a chunk names and whether it is more specific than a country ("India" is not,
    "Hyderabad, Telangana, India" is)."""
    points, specific = [], False
    countries = _countries_of_chunk(chunk)
    for piece in _PIECES.split(_NOT_A_PLACE.sub(" ", chunk)):
        name = " ".join(piece.split()).strip(" .")
        if not name or name.isdigit() or _names_only_an_area(name):
            continue
        specific = True
        found = city_at(name)
        if found and (not countries or found[0] in countries):
            points.append((found[1], found[2]))
    for name in _CITY_NAMES.findall(chunk.lower()):  # "Greater Bengaluru Area", "Whitefield, Bengaluru Urban"
        found = city_at(name)
        points += [(found[1], found[2])] if found and (not countries or found[0] in countries) else []
    return Spot(tuple(points), specific)


_NOT_A_PLACE = re.compile(r"\([^)]*\)|\b\d{3,}\b|\b(remote|remoto|remota|hybrid|h[íi]brido|on-?site|presencial|"
                          r"full[- ]time|part[- ]time|only|office|hq|greater|metro(?:politan)?|area)\b", re.I)
_PIECES = re.compile(r"\s*(?:,|–|—|\s-\s|/|\s(?:and|&|or)\s)\s*")  # "Australia and New Zealand": two countries


@functools.lru_cache(maxsize=8192)
def city_country(chunk: str) -> frozenset[str]:
    """The country of a city a location chunk names on its own ("Lehi", "10625 Berlin", "São José dos
    Campos", LinkedIn's "Greater Omaha Area", "Omaha Metropolitan Area"), looked up as whole pieces of
    the chunk, never as words inside other text."""
    cities = _cities()
    for piece in _PIECES.split(_NOT_A_PLACE.sub(" ", chunk)):
        name = " ".join(piece.split()).strip(" .").lower()
        if len(name) > 3 and name in cities:
            return frozenset({cities[name]})
    return frozenset()


def _countries_of_chunk(chunk: str) -> frozenset[str]:
    if _LONE_STATE.fullmatch(chunk):
        return frozenset({"united states"})  # a field that is "NY" or "TX" alone: a state, not a country's code
    found = countries_of(chunk) or city_country(chunk)
    return found or (frozenset({"united states"}) if _LOCALS_OF_STATE.search(chunk) else found)


_WHOLE_COUNTRY = re.compile(r"\b(?:inteir[oa]|tod[oa] (?:o|a)|todo el|toda la|all of|the whole of|anywhere in|"
                            r"ganz(?:es|en)?)\b", re.I)
_REMOTE_ITEM = re.compile(r"(?:^|,)\s*remote\s*(?:,|$)", re.I)
# An alternative that says anywhere ("Saigon, Vietnam; Anywhere; Remote"): remote work from anywhere,
# not bounded by the offices listed beside it, as a bare "Remote" is.
# A bare "Remote" set apart as an alternative of its own ("Saigon, Vietnam; Remote", "Hamburg or Remote",
# "Remote; Or on-site in Tokyo", "Lisbon / Remote", "Austin & Remote") is a remote role that names no
# region, not remote work in the office's country, as one joined to a place is ("Toronto, ON - Remote
# OK", "Bangalore, India - Remote", "Remote/LatAm": a slash without spaces joins a word to its place).
_BARE_REMOTE = re.compile(r"^\W*(?:remote|remoto|remota)\W*$", re.I)
# "Hamburg or Remote", "Berlin, Germany or (remote)": remote as an alternative of its own
_REMOTE_APART = re.compile(r"(?:^|;|\||\s/|&|\+|\band\b|\bor\b|\bou\b|\bo\b|\boder\b|\n)\s*\(?"
                           r"(?:remote|remoto|remota)\)?\s*(?:$|;|\||/\s|&|\+|\band\b|\bor\b|\bou\b|\boder\b|\n)", re.I)
_ANYWHERE_ITEM = re.compile(r"^\W*(?:(?:remote\W*)?(?:anywhere|worldwide|global|world)(?: in the world)?|"
                            r"(?:global|worldwide)\W+remote(?:\s*\((?:almost\s+)?anywhere\))?)\W*$", re.I)
_ONLY_A_PLACE = re.compile(r"^\W*([\w .&'-]+?)\W*$")
# A location field that says remote work is open anywhere, in any of its words ("Remote (Worldwide)", "Anywhere
# (100% remote)", "Remote, International"); Where.worldwide is the narrower reading of a part that says only that.
_ANYWHERE_FIELD = re.compile(r"anywhere|world\s?wide|global|world\b|international|any (?:location|time ?zone|country)|"
                             r"all (?:countries|time ?zones|locations)|weltweit|\bearth\b", re.I)


def field_says_anywhere(where: Where) -> bool:
    """The location field says, in any of its parts, that the work is open anywhere."""
    return where.worldwide or any(_ANYWHERE_FIELD.search(part.text) for part in where.parts)


def _names_only_an_area(chunk: str) -> bool:
    """The chunk is a country's or region's name and nothing else ("Canada", "EU"), no city."""
    name = _ONLY_A_PLACE.match(chunk)
    low = name.group(1).lower() if name else ""
    return low in _COUNTRY_OF_NAME or low in REGION_NAMES or (name is not None and name.group(1) in _SHORT)


_AREA_WORDS = re.compile(r"[\s-]*\b(wide|only|based)\b", re.I)  # "Europe wide", "EU-only", "LATAM based"


def _names_only_a_region(chunk: str) -> bool:
    """The chunk names an area of several countries and nothing else ("Europe wide", "EU-only", "EMEA")."""
    name = _ONLY_A_PLACE.match(_AREA_WORDS.sub(" ", chunk))
    low = " ".join(name.group(1).lower().split()) if name else ""
    return low in REGION_NAMES and len(REGIONS[REGION_NAMES[low]]) > 1


# Two ways of working before the places both are in: "Remote or Hybrid (US, Ireland)", "Hybrid/Remote - London".
_MODES_THEN_PLACES = re.compile(r"^\W*(remote|hybrid|on-?site|in[- ]office)\s*(?:or|and|&|/|\+)\s*"
                                r"(remote|hybrid|on-?site|in[- ]office)\b\s*(\([^()]+\)|[-–:,]\s*\w.*)$", re.I)


# A note that offers other places ("Remote (or London, Europe)") lists alternatives, not the remote part's bounds;
# one that names only a preference ("Remote (US preferred)", "(PT to CET preferred)") bounds nothing.
_OR_NOTE = re.compile(r"\(\s*(?:or|oder|ou|o)\s+([^()]*)\)", re.I)
_PREFERRED_NOTE = re.compile(r"\(([^();]*\b(?:preferred|preferably|ideally|a plus)\b[^();]*)\)", re.I)
_NOTE_ITEMS = re.compile(r"\s*(?:,|\s[-–]\s)\s*")
_PREFERENCE = re.compile(r"\b(?:preferred|preferably|ideally|a plus)\b", re.I)
# "Remote & USA", "Remote + EU": remote in those areas, as "Remote, USA" is (a city after "&" is an office beside it)
_REMOTE_JOINED = re.compile(r"^\W*(remote)\s*[&+]\s*(.+)$", re.I)


def _without_preferences(note: re.Match[str]) -> str:
    """A note less its items that only name a preference ("(USA - East Coast preferred)" -> "(USA)")."""
    kept = [item for item in _NOTE_ITEMS.split(note.group(1)) if item.strip() and not _PREFERENCE.search(item)]
    return f"({', '.join(kept)})" if kept else " "


@functools.lru_cache(maxsize=8192)
def read_where(location: str) -> Where:
    """A posting's location field, read into its alternatives: "San Francisco, CA or Remote (USA)" is
    an on-site part in the US and a remote part in the US; "Spain,Remote,Germany" one remote part
    in either country; "Remote, US or Canada" remote in either ("Canada" follows a remote part);
    "Remote (PST)" remote near that time zone; "Remote" alone is remote anywhere."""
    parts: list[Part] = []
    excluded: frozenset[str] = frozenset()
    if "(" in location:
        location = _PREFERRED_NOTE.sub(_without_preferences, _OR_NOTE.sub(r" or \1", location)).strip()
    joined = _REMOTE_JOINED.match(location) if "&" in location or "+" in location else None
    if joined and _names_only_an_area(joined.group(2)):
        location = f"{joined.group(1)} ({joined.group(2)})"
    modes = _MODES_THEN_PLACES.match(location)
    if modes and all(_names_only_an_area(piece) for piece in _PIECES.split(modes.group(3).strip("()-–:, "))):
        # "REMOTE OR HYBRID (US, Ireland)": both ways of working, in those countries (a city is the office's place)
        location = f"{modes.group(1)} {modes.group(3)} / {modes.group(2)} {modes.group(3)}"
    shut = _FIELD_EXCLUDE.search(location) if "xc" in location.lower() or "outside" in location.lower() else None
    if shut and (excluded := areas_named(shut.group(1))):
        location = location[:shut.start()] + location[shut.end():]  # "Worldwide (except US)": worldwide, less the US
    opened: list[bool] = []
    for chunk in _chunks(_STATE_RUN.sub(_states_of_run, _SEVERAL_PLACES.sub("", location).strip())):
        countries, remote = _countries_of_chunk(chunk), bool(REMOTE.search(chunk))
        # a zone's offset, unless the chunk names places other than as a zone ("NYC Time Zone (GMT-4)": GMT-4)
        zoned = zone_bound(chunk) if not countries or _zone_named(chunk) else frozenset()
        beyond = remote and _opens_beyond(chunk)
        if beyond:  # "Remote (CET overlap)": hours near CET, not Europe; "REMOTE (US + international ...)": anywhere
            countries, zoned = frozenset(), zone_bound(chunk)
        opened.append(beyond and not zoned)
        if countries and remote and _PLUS_MINUS.search(chunk):
            zoned = _around(countries, chunk)  # "Remote (London +/- 2 hours)": hours near London, not the UK only
        if zoned:
            countries, remote = zoned, True
        elif not remote and parts and parts[-1].remote and parts[-1].countries and _names_only_an_area(chunk):
            remote = True
        elif not remote and _names_only_a_region(chunk):
            remote = True  # nobody works on site in "Europe": an area of countries is where remote work is done
        elif not remote and countries and _WHOLE_COUNTRY.search(chunk) and \
                _names_only_an_area(_WHOLE_COUNTRY.sub(" ", chunk)):
            remote = True  # nor in "Brasil inteiro", "todo o Brasil", "all of Germany": from anywhere in it
        elif not remote and len(countries) >= MANY_COUNTRIES:
            remote = True  # nor in a board's list of thirty countries ("Anguilla,Argentina,...,Uruguay")
        elif not remote and countries and _IN_ZONES.search(chunk):
            remote = True  # "EU timezones", "US time zones only": hours to keep, from wherever one works
        kept = _keeping_zones(chunk, countries) if countries and remote and not zoned else countries
        shared, countries = kept != countries, kept  # read like a zone the text may narrow ("must live in the US")
        # "New York, NY,Remote": remote as an item of its own beside an office's city, not "Remote (US)"
        office = remote and bool(_REMOTE_ITEM.search(chunk)) and bool(_CITY_NAMES.search(chunk.lower()) or
                                                                       city_country(chunk))
        parts.append(Part(countries, remote, chunk, inferred=office, zoned=bool(zoned), shared=shared))
    named = any(p.countries for p in parts)
    remote = any(p.remote for p in parts)
    apart = bool(_REMOTE_APART.search(location))
    free = [p.remote and not p.countries and bool(_ANYWHERE_ITEM.match(p.text) or apart and _BARE_REMOTE.match(p.text)
                                                  or beyond) for p, beyond in zip(parts, opened, strict=True)]
    # "US - REMOTE (anywhere)": anywhere within the country just named, not anywhere in the world
    # ("Cyprus or remote" stays remote with no bound, as "Hamburg or Remote" does)
    free = [f and not (n and _ANYWHERE_ITEM.match(parts[n].text) and not parts[n - 1].remote
                       and _names_only_an_area(parts[n - 1].text)) for n, f in enumerate(free)]
    if remote and named:  # a bare "Remote" beside named places is remote within those places
        places = frozenset().union(*(p.countries for p in parts))
        parts = [Part(places, True, p.text, inferred=True) if p.remote and not p.countries and not unbound else p
                 for p, unbound in zip(parts, free, strict=True)]
    anywhere = any(free)
    worldwide = any(p.remote and not p.countries and _ANYWHERE_ITEM.match(p.text) is not None for p in parts)
    return Where(tuple(parts), anywhere or (remote and not named), not named and not remote, excluded, worldwide)


# A remote part that opens beyond the places it names: "international" candidates beside a country ("US +
# international"), or a time zone named only as hours to share ("Remote (CET overlap)", "PST overlap"):
# a remote role with no region, as the labels read overlap wording that does not say where people may be.
_BEYOND_WORDS = re.compile(rf"{INTERNATIONAL.pattern}|\b(?:{OVERLAP_WORDS})", re.I)  # "async" shares no hours
# "US-ET overlap", "overlap with CET": the zone an overlap names, with the overlap word
_OVERLAP_PHRASE = re.compile(rf"(?:\b[\w+-]+[ \t]+)?\b(?:{OVERLAP_WORDS})\w*"
                             r"(?:[ \t]+(?:with|to)(?:[ \t]+the)?[ \t]+[\w+-]+)?", re.I)


def _opens_beyond(chunk: str) -> bool:
    """A remote chunk says "international", or names its zone only as hours to overlap with and no other place."""
    if not _BEYOND_WORDS.search(chunk):
        return False
    return bool(INTERNATIONAL.search(chunk)) or not _countries_of_chunk(_OVERLAP_PHRASE.sub(" ", chunk))


_PLUS_MINUS = re.compile(rf"{PLUS_MINUS}\s*(\d{{1,2}})\s*(?:hours?|hrs?|h)?\b", re.I)


def _around(countries: frozenset[str], chunk: str) -> frozenset[str]:
    """The countries within the hours a place's "+/- N hours" allows of that place's time zones, when the
    place is a city or country rather than a zone ("London +/- 2 hours"); empty if it says no hours."""
    hours = _PLUS_MINUS.search(chunk)
    offsets = [offset for country in countries for offset in UTC_OFFSETS.get(country, ())]
    if hours is None or not offsets or zone_offsets(chunk):
        return frozenset()
    return zone_countries(offsets, float(hours.group(1)))


MANY_COUNTRIES = 5  # a place field listing this many countries is a remote area, not one office


_IN_ZONES = re.compile(r"\btime\s?zones?\b", re.I)


def _zone_named(chunk: str) -> frozenset[str]:
    """The countries a piece names right before "time zones" or "hours" ("must be able to work US timezones")."""
    zone = _BOUND_ZONE.search(chunk) if _ZONE_WORD.search(chunk) else None
    return countries_of(zone.group(1)) if zone else frozenset()


def _keeping_zones(chunk: str, countries: frozenset[str]) -> frozenset[str]:
    """A remote part's countries, with those that keep the time zones of the places it names right before
    "time zones" or "hours" ("Remote (must be able to work US timezones)": Toronto keeps them too)."""
    named = _zone_named(chunk)
    return countries | sharing_zones(named) if named else countries


_ZONE_WORD = re.compile(r"time ?zone|hours", re.I)
# "Worldwide (except US)", "Remote - EMEA excl. UK", "Anywhere outside the EU": countries a place field shuts out.
_FIELD_EXCLUDE = re.compile(r"[(\[,;-]?\s*\b(?:except(?:\s+for)?|excluding|excl\.?|outside(?:\s+of)?)\s+(?:the\s+)?"
                            r"([^()\[\];|]{2,60})[)\]]?", re.I)


# Markers of a company's seat, not of the role's place: "Headquarters: X" (up to a ; or |), "(HQ in
# X)", "X (HQ)", "X HQ", in the languages postings use ("Sede: X", "Hauptsitz: X", "Siège : X").
_SEAT_WORDS = r"(?:headquarters?|(?:global\s+)?hq|sede|hauptsitz|firmensitz|si[eè]ge)"
_HQ_LEAD = re.compile(rf"^\s*{_SEAT_WORDS}\s*:\s*([^;|]*)", re.I)
_HQ_PAREN = re.compile(rf"\(\s*{_SEAT_WORDS}\b\s*(?:in\b|at\b|:)?\s*([^()]*)\)", re.I)
_HQ_BEFORE_REMOTE = re.compile(rf"^(?:{_SEAT_WORDS}|headquartered) (?:in |at )?(\S[^–—|;]*?) ?"
                               r"(?:[–—|;]|\s-\s|, ?but\b|,) ?"
                               r"(remote(?: ok| okay| friendly| possible)?(?: ?\([^()]*\))?)$",
                               re.I)
_LONGEST_SEAT_FIELD = 120  # a longer field is no "HQ X - Remote" line (and would cost the pattern above)
_HQ_AFTER = re.compile(r"[\s,(-]*\bHQ\b[\s)]*$", re.I)
_SEAT_SAID = re.compile(r"company\s+is\s+(?:located|based)\s+in\s+([^;|()]+)\)?$", re.I)
# Words that say a role is done on site or partly on site (the seat then is the role's place).
_ON_SITE = re.compile(r"\b(on-?site|in[- ]office|in the office|hybrid|h[íi]brido|presencial|vor ort|"
                      r"sur site|office[- ]based|im büro|no escrit[óo]rio|en (?:la|nuestra) oficina|au bureau|"
                      r"op kantoor|in sede|hybride?)\b", re.I)


def without_hq(location: str) -> tuple[str, str]:
    """(the location with the company's seat taken out, the seat): "Remote (US) (HQ in NYC)" ->
    ("Remote (US)", "NYC"); "Headquarters: Toronto, ON" -> ("", "Toronto, ON"); "New York, NY (HQ)"
    -> ("", "New York, NY"): a place marked as the seat and nothing else is only the seat."""
    low = location.lower()
    at = low.rfind("company")
    said = _SEAT_SAID.match(location, at) if at != -1 else None
    if said:  # "Fully remote, our company is located in Mykolaiv, Ukraine"
        before = re.sub(r"(?:\b(?:our|the))?[\s,;(-]*$", "", location[:at], flags=re.I)
        return before.strip(" ,;|-"), said.group(1).strip()
    if not any(word in low for word in ("hq", "headquarter", "sede", "sitz", "siège", "siege")):
        return location, ""
    lead = _HQ_LEAD.match(location)
    if lead:
        return location[lead.end():].strip(" ;|"), lead.group(1).strip()
    short = " ".join(location.split()) if len(location) <= _LONGEST_SEAT_FIELD else ""
    first = _HQ_BEFORE_REMOTE.match(short)
    if first:  # "HQ Sao Paulo, BR – REMOTE", "Headquartered in Burlingame, CA, but REMOTE ok"
        return first.group(2).strip(), first.group(1).strip()
    paren = _HQ_PAREN.search(location)
    if paren and paren.group(1).strip():
        return (location[:paren.start()] + location[paren.end():]).strip(" ,;|-"), paren.group(1).strip()
    after = _HQ_PAREN if paren else _HQ_AFTER.search(location)
    if paren or after:
        return "", (_HQ_PAREN.sub("", location) if paren else _HQ_AFTER.sub("", location)).strip(" ,;|-")
    return location, ""


def seat_note(location: str) -> str:
    """The field's note on the company's seat, whole and in lower case ("(hq: new zealand, gmt+12)"), or ""."""
    low = location.lower()
    if "hq" not in low and "head" not in low and "sede" not in low:
        return ""
    paren = _HQ_PAREN.search(location)
    return paren.group(0).lower() if paren and paren.group(1).strip() else ""


_ON_SITE_WORDS = triggers("site", "office", "hybrid", "brido", "presencial", "vor ort", "büro", "escrit", "oficina",
                          "bureau", "kantoor", "in sede")  # every _ON_SITE phrase holds one


def seat_label(location: str) -> bool:
    """The location field is a label for the company's seat ("Headquarters: Toronto"), not an office."""
    return _HQ_LEAD.match(location) is not None


# A remote board's company line at the top of its text: "Headquarters: Garden City, Georgia, United States",
# "**Headquarters:** Canada", "<strong>Headquarters:</strong> Toronto".
_SEAT_LINE = re.compile(r"headquarters(?:[\s*:]|</?\w+>){1,6}([^\n<*]{2,80})", re.I)


def seat_repeated(location: str, text: str) -> bool:
    """The location field only repeats (a part of) the company's seat the text's opening names on a
    "Headquarters:" line ("Georgia" beside "Headquarters: Garden City, Georgia, United States"): a
    remote board that fills the place with the company's seat says nothing of the role's place."""
    at = text.find("Headquarters", 0, 600)
    line = _SEAT_LINE.match(text, at) if at != -1 else None
    if line is None:
        return False
    pieces = {" ".join(p.split()).lower() for p in _PIECES.split(line.group(1)) if p.strip()}
    return all(" ".join(p.split()).lower() in pieces for p in _PIECES.split(location) if p.strip())


# An office the text names by its place ("our Munich office", "offices in London and Paris", "join us at our
# campus in Austin"): a posting that names no place of its own but an office sits there, not nowhere.
_OFFICE_NAMED = re.compile(r"\b(?:office|offices|campus|studio|hub)\s+(?:is\s+|are\s+)?(?:in|at|located in)\s+"
                           r"([^.;:\n]{2,50})|\bour\s+([^.;:\n]{2,30}?)\s+(?:office|offices|campus|studio|hub)\b", re.I)
_OFFICE_WORDS = triggers("office", "campus", "studio", "hub")


def office_named(text: str, lowered: str) -> bool:
    """The text's opening names an office by a place the tables know, and not as a remote-first team's
    one more place to work ("we see ourselves as 'distributed first' but also have an office in Berlin")."""
    head = text[:4000]
    for start, end in windows(lowered[:4000], _OFFICE_WORDS, 40, 60):
        for found in _OFFICE_NAMED.finditer(head, start, end):
            if countries_of(found.group(1) or found.group(2)) and \
                    not _FULLY_REMOTE.search(head, max(0, found.start() - 150), found.start()):
                return True
    return False


# A listed opening's note that names one of the post's places: "Account Executive (IN)" of a post at "SF, NL, IN".
_PLACE_NOTE = re.compile(r"\(([^()]{2,40})\)\s*$")
_PLACE_PARTS = re.compile(r"\s*[,;/|]\s*")
_NOTE_NOT_A_PLACE = re.compile(r"remote|hybrid|on-?site|office|full|part|contract|time|level", re.I)
_NOTE_AREAS = re.compile(r"\s*(?:,|/|&|\bor\b|\band\b)\s*(?:wider\s+)?", re.I)


def opening_place(title: str, location: str) -> str:
    """Where one of a post's openings is: the part of the post's places its note names ("Account
    Executive (IN)" of a post at "SF, NL, IN Onsite" is at "IN Onsite"), else all of them."""
    note = _PLACE_NOTE.search(title)
    parts = _PLACE_PARTS.split(location or "")
    if note is None or _NOTE_NOT_A_PLACE.search(note.group(1)):
        return location  # "(Remote)", "(Contract)" say how, not where
    named = re.compile(rf"(?<!\w){re.escape(note.group(1).strip())}(?!\w)", re.I)
    at = [part for part in parts if named.search(part)] if len(parts) > 1 else []
    if len(at) == 1:
        return at[0]
    # a note of countries or regions the field does not spell out ("Enterprise Sales Consultant (France)" of a
    # post "Hiring in Paris and remote in wider Europe"): the opening is there, less the note's other words
    areas = [piece for piece in _NOTE_AREAS.split(html.unescape(note.group(1))) if _names_only_an_area(piece)]
    if not areas:
        return location
    placed = " or ".join(areas)
    field = read_where(location).countries()
    return location if field and field <= read_where(placed).countries() else placed  # "Munich" within "(Germany)"


# Where a posting whose place field is empty says the role sits: a "Location:" line, an office by its place
# ("our Munich office", "office in Lisbon"), or on-site or hybrid work in a place ("hybrid in Warsaw").
_SITE_NAMED = re.compile(r"\b(?:on-?site|in[- ]office|hybrid|in[- ]person)\s+(?:role\s+|position\s+|work\s+)?"
                         r"(?:in|at|from)\s+(?:our\s+)?([^.;:\n()]{2,50})", re.I)
# ... or a team based in a place, in a text that does not say remote ("a talented engineering team, based in the
# heart of Leeds"): where its people work
_TEAM_SITE = re.compile(r"\bteam,?\s+(?:is\s+|are\s+)?(?:based|located)\s+in\s+(?:the heart of\s+|central\s+)?"
                        r"([^.;:\n(),]{2,40})", re.I)
_TEAM_SITE_WORDS = triggers("team, based", "team based", "team is based", "team located", "team is located")


def text_place(text: str, lowered: str) -> str | None:
    """The place the opening of a posting's text gives the role, for a posting whose field names none
    ("Location: Munich, Germany", "our Munich office", "on-site in Lisbon"), as the words that name it;
    None when it names no place the tables know. A company's seat ("HQ location: X") is not the role's."""
    head, low = text[:4000], lowered[:4000]
    for at in positions(low, _LINE_WORDS + _OTHER_LINE_WORDS):
        line = _BOUND_LINE.match(head, at)
        if line and not _SEAT_BEFORE.search(low, max(0, at - 16), at) and _starts_with_a_place(line.group(1)):
            return line.group(1)
    for start, end in windows(low, _OFFICE_WORDS + _ON_SITE_WORDS + _TEAM_SITE_WORDS, 40, 60):
        for pattern in (_OFFICE_NAMED, _SITE_NAMED, _TEAM_SITE):
            for found in pattern.finditer(head, start, end):
                words = next(group for group in found.groups() if group).rsplit(" our ", 1)[-1]  # "team at our X"
                if _starts_with_a_place(words):
                    return words
    return None


def _starts_with_a_place(words: str) -> bool:
    """The words begin with a place's own name ("Munich, Germany", "Lisbon"), not with other words that
    hold one ("customer sites in Germany", a visit; "Faria Lima", a street of São Paulo)."""
    first = _PIECES.split(words.strip(), 1)[0].strip(" .")
    return city_at(first) is not None or _names_only_an_area(first)


# "On-site" naming a visit to customers, not where the role sits: "travel for on-site presentations",
# "on-site client visits", "occasional onsite training at customer locations".
_VISIT_AFTER = re.compile(r"\s+(?:(?:customer|client|partner)\s+)?(?:presentations?|visits?|meetings?|demos?|events?|"
                          r"trainings?|installations?|implementations?|workshops?|audits?|inspections?)\b")


def on_site_said(workplace: str, lowered: str) -> bool:
    """The posting says the role is on site or hybrid: its workplace field, or its text's opening (not an
    on-site visit: "travel for on-site presentations")."""
    return workplace.lower() in ("onsite", "on-site", "hybrid") or any(
        not _VISIT_AFTER.match(lowered, found.end()) for a, b in windows(lowered[:4000], _ON_SITE_WORDS, 12, 12)
        for found in _ON_SITE.finditer(lowered, a, b))


# The words every bound phrase holds: the patterns run only where they stand (a posting has a few),
# found with str.find, not tried at every position of the text.
_BOUND_BEFORE, _BOUND_AFTER = 45, 110  # a bound phrase reaches this far around its word


def windows(lowered: str, triggers: tuple[str, ...], before: int, after: int) -> list[tuple[int, int]]:
    """Merged spans of a lower-case text around each occurrence of any of the trigger words."""
    hits = [(max(0, at - before), min(len(lowered), at + len(word) + after))
            for word, spots in find_each(lowered, triggers) for at in spots]
    spans: list[tuple[int, int]] = []
    for start, end in sorted(hits):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def positions(lowered: str, words: tuple[str, ...]) -> list[int]:
    return sorted(at for _, spots in find_each(lowered, words) for at in spots)


# The people of one country a role is open to: "Singapore Citizens or Permanent Residents", "Canadian citizens".
_CITIZEN_WORDS = triggers("citizen", "national", "resident")
# Not "non-EU nationals", to whom a visa is offered.
_CITIZENS = re.compile(r"(?<![-\w])([A-Z][\w.]+(?:\s[A-Z][\w]+)?)\s+"
                       r"(?i:citizens?|nationals?|(?:permanent\s+)?residents?)\b")


def _people_of(words: str) -> frozenset[str]:
    """The country whose people the words before "citizens" name ("Only Singapore", "Canadian", "EU"): a
    country's or region's name or its people's adjective, never a state's or city's ("New York residents"
    are told their pay range, not shut in)."""
    tail = words.split()
    for name in (" ".join(tail[-2:]), tail[-1]):
        found = areas_named(name) or frozenset(DEMONYMS[k] for k in (name.lower(),) if k in DEMONYMS)
        if found:
            return found
    return frozenset()


_ONLY_WORDS, _OUTSIDE_WORDS, _ZONE_WORDS = triggers("only"), triggers("outside", "other than"), \
    triggers("time zone", "timezone", "hours")


def _clause_start(lowered: str, at: int, back: int) -> int:
    """Where the clause holding `at` begins, at most `back` characters before it."""
    return max(at - back, 0, *(lowered.rfind(mark, max(0, at - back), at) + 1 for mark in ".;\n"))


def bounds_in_text(text: str, lowered: str | None = None, english: bool = False) -> frozenset[str]:
    """Countries a posting's text limits remote work to ("Remote (US only)", "based in LATAM"), if any.
    `lowered` is the text in lower case, when the caller has it already; `english`: the text is in
    English, so the other languages' phrases need not be looked for."""
    head = text[:2000]
    lowered = head.lower() if lowered is None else lowered[:2000]
    phrases = []
    for at in positions(lowered, _LEAD_WORDS if english else _LEAD_WORDS + _OTHER_LEAD_WORDS):
        lead = _BOUND_LEAD.match(head, at)
        if lead and _REMOTE_THING.match(lowered, at):
            lead = None  # "to the most remote communities in North America": remote places, not remote work
        elif lead and _OPTION.search(head, _clause_start(lowered, lead.start(), 30), lead.start(1)):
            lead = None  # "100% remote unless you'd like to live in Barcelona": an option, not a bound
        elif lead and _NOT_REQUIRED.search(lowered, max(0, lead.start() - 30), lead.start()):
            lead = None  # "you don't have to be located in the USA": no bound at all
        elif lead and _PRIORITY_AFTER.match(head, lead.start(1)):
            lead = None  # "Candidates within North America will be given priority": a wish
        elif lead and _SEAT_IN.search(lowered, max(0, lead.start() - 24), lead.start(1)):
            lead = None  # "a remote-first company, headquartered in San Francisco": where the company sits
        elif lead and (_team_based(head, lowered, lead.start(), lead.start(1))
                       or _TEAM_WITH.search(lowered, lead.start(), lead.start(1))
                       or _TEAM_IN.search(lowered, lead.start(), lead.start(1))):
            lead = None  # "fully remote, with teams based in the US and Brazil", "a remote-first team with cells in
            # Paris & Brussels": where the team is
        elif lead and "across" in lowered[lead.start():lead.start(1)] and not lowered.startswith("hir", lead.start()) \
                and (_continents(countries_of(lead.group(1))) > 1 or lowered.startswith("remot", lead.start()) and
                     _TEAM_SENTENCE.search(lowered, max(0, lead.start() - 80), lead.start() + 1)):
            lead = None  # "distributed across US, Canada, Brazil, Spain", "our team works remotely across Europe"
        option = _OFFICE_OPTION.search(head, lead.start(), lead.end(1)) if lead else None
        if lead and option and option.start() < lead.start(1):
            # "REMOTE (or in our Atlanta or London offices)": an office to choose, no bound; what follows may be one
            phrases.append(head[option.end():lead.end(1)])
            lead = None
        is_remote = lowered.startswith(("remote", "remoto", "remota"), at)
        named = _BOUND_REMOTE_NAMED.match(head, at) if is_remote else None
        if is_remote and named is None and (areas := _remote_place(head, lowered, at)):
            phrases.append(areas)
        based = _BOUND_BASED.search(head, max(0, at - 25), at + 40) if lowered.startswith("based", at) else None
        after = _BOUND_REMOTE_AFTER.search(head, max(0, at - 44), at + 8) if named is None and \
            lowered.startswith("remote", at) else None
        phrases += [m.group(1) or m.group(2) if m is named else m.group(1) for m in (lead, named, based, after) if m]
    found: set[str] = set()
    zones: set[str] = set()  # the phrases naming places whose time zones bound the work ("US time zones")
    zoned: set[str] = set()  # and the countries they name
    banded: set[str] = set()  # the countries near the offset a zone phrase gives ("NYC Time Zone (GMT-4)")
    for at in positions(lowered, _ONLY_WORDS):
        paren = _BOUND_ONLY_PAREN.search(head, max(0, at - _BOUND_BEFORE), at + 8)
        if paren and _BENEFIT_BEFORE.search(lowered, max(0, paren.start() - 50), paren.start()):
            paren = None
        within = _BOUND_ONLY_IN.match(head, at)
        phrases += [m.group(1) for m in (paren, within) if m]
        only = _BOUND_X_ONLY.search(head, max(0, at - 25), at + 4)
        if only and _BENEFIT_BEFORE.search(lowered, max(0, only.start() - 50), only.start()):
            only = None  # "health insurance (US only)": a benefit of the US staff
        found |= areas_named(only.group(1)) if only else frozenset()  # a country's or region's name, not a city
    for at in positions(lowered, _CITIZEN_WORDS):  # "Only Singapore Citizens or Permanent Residents will be considered"
        people = _CITIZENS.search(head, max(0, at - 40), at + 20)
        if people and not _WELCOMED.search(head, max(0, people.start() - 30), people.end() + 30):
            found |= _people_of(people.group(1))
    for at in positions(lowered, _OUTSIDE_WORDS):  # "we can't hire outside the US": the US
        rest = _BOUND_OUTSIDE.match(head, at)
        if rest and _NEGATED.search(lowered, max(0, at - 45), at):
            phrases.append(rest.group(1))
    for at in positions(lowered, _LINE_WORDS if english else _LINE_WORDS + _OTHER_LINE_WORDS):
        line = _BOUND_LINE.match(head, at)
        if line and not _SEAT_BEFORE.search(lowered, max(0, at - 16), at) \
                and not _SEAT_IN.search(lowered, line.start(1), line.end(1)):  # not "HQ location: X", the seat
            phrases.append(line.group(1))
    for at in positions(lowered, _ZONE_WORDS):
        zone = _BOUND_ZONE.search(head, max(0, at - 36), at + 11)
        if zone and _OVERLAP_BEFORE.search(head, max(0, zone.start() - 40), zone.start()):
            zone = None  # "2 hours crossover with Barcelona working hours": some shared hours, read as a zone
        elif zone and _TEAM_ZONE.search(lowered, max(0, zone.start() - 40), zone.end()):
            zone = None  # "most of the team working in US/Canada timezones": where the team is
        elif zone and _WELCOMED.search(head, zone.end(), zone.end() + 12):
            zone = None  # "US time zones preferred": a wish, not a bound
        told = head[zone.start():zone.end() + 30] if zone else ""
        # "NYC Time Zone (GMT-4)", "working hours are UTC 15:00 to UTC 23:00": the hours the zone or clock gives;
        # not an overlap's ("hours must overlap with PST"), which bounds no one (see read_where)
        band = zone_bound(told) if zone and not OVERLAP.search(told) else frozenset()
        if band:
            banded |= band
        elif zone:
            phrases.append(zone.group(1))
            zones.add(zone.group(1))
    for phrase in phrases:
        if "(" in phrase:  # "anywhere in the world (Europe or Eastern Europe preferred)": the wish bounds nothing
            phrase = _PREFERRED_NOTE.sub(_without_preferences, phrase)
        if option := _OFFICE_OPTION.match(phrase):
            phrase = phrase[option.end():]  # "or in our Denver office, but you must live in Colorado"
        if _opens_beyond(phrase):
            continue  # "Remote (US + international)", "Remote (CET overlap)": no bound (see read_where)
        span = _SPAN.match(phrase)
        if span and countries_of(span.group(1)) and countries_of(phrase[span.end():]):
            continue  # "from San Francisco to São Paulo": how far the team reaches, not a bound
        countries = countries_of(phrase)
        if countries and _PLUS_MINUS.search(phrase) and (near := _around(countries, phrase)):
            banded |= near  # "remote within +/- 3 hours of the UK": the hours near the UK
            continue
        # a country's hours ("Remote (US-friendly timezones)"), not its border
        (zoned if phrase in zones or _zone_named(phrase) else found).update(countries)
    # "US time zones" keeps Toronto in, unless the text bounds the work to places too ("living within the U.S.")
    return frozenset(found | zoned if found else sharing_zones(frozenset(zoned)) | banded)


# "remote" describing places or things, not the work: "remote communities", "remote sensing", "remote areas"
_REMOTE_THING = re.compile(r"remote\s+(?:communit|areas?\b|villages?|towns?\b|islands?|rural|sensing|monitoring|"
                           r"patients?|parts of|corners)")
_SPAN = re.compile(r"([^,;]{2,40}?)\s+to\s+", re.I)  # "X to Y": a span of places


_REMOTE_TEXT = re.compile(r"\b(remote|remotely|work from (home|anywhere)|home ?office|trabalhar de onde|"
                          r"teletrabajo|teletrabalho|t[ée]l[ée]travail|remoto|remota)\b", re.I)


_REMOTE_WORDS = triggers("remot", "work from", "home office", "homeoffice", "trabalhar de onde", "teletraba", "travail")


def remote_in_text(text: str, lowered: str | None = None) -> bool:
    """The posting's opening says the work can be done remotely."""
    head = text[:3000]
    low = head.lower() if lowered is None else lowered[:3000]
    return any(not _in_link(low, said.start()) and not _FOR_NOW.search(low, max(0, said.start() - 30), said.end() + 30)
               for a, b in windows(low, _REMOTE_WORDS, 1, 20) for said in _REMOTE_TEXT.finditer(head, a, b))


# Remote only for a while, the words tied to "remote": "Início remoto, mas ... presencial", "remote initially",
# "initially remote", "start remote", "remote during onboarding"; not a start date ("Início: imediato"), a temporary
# contract or "we're not just remote".
_FOR_NOW = re.compile(r"\b(?:in[ií]cio|inicialmente|initially|temporarily|start(?:ing)?)\s+(?:\w+\s+)?remot|"
                      r"\bremot\w*\s+(?:at first|initially|inicialmente|for now|for the first|"
                      r"(?:during|through)\s+(?:the\s+)?(?:onboarding|training|probation|covid|pandemic)|"
                      r"no in[ií]cio|nos primeiros|to start\b)")


_LINK_ENDS = " \n\t|<>\"'()"  # no web address holds these: its start is just after the last one


def _in_link(lowered: str, at: int) -> bool:
    """The word at `at` is part of a web address ("https://remoteok.io/remote-jobs/..."), not of the text."""
    start = max(lowered.rfind(end, max(0, at - 300), at) for end in _LINK_ENDS) + 1
    start = max(start, at - 300)
    return lowered.startswith(("http", "www."), start) or "://" in lowered[start:at]


# "Work from anywhere in the world", or "work from anywhere" in a posting that says it is fully remote.
_HIRING_EVERYWHERE = re.compile(r"(?<!not )(?<!n't )(?<!n’t )\bhiring (?:globally|everywhere|worldwide)\b",
                                re.I)  # the company's own words
_ANYWHERE_TEXT = re.compile(r"anywhere in the world|from any country|(?:work|working)\s+(?:remotely\s+)?from\s+"
                            r"anywhere(?!\s+(?:in|within|across|inside|on)\b)|" + _HIRING_EVERYWHERE.pattern,
                            re.I)
_FULLY_REMOTE = re.compile(r"fully[- ]remote|100\s?% remote|(?:remote|distributed)[- ]first|fully distributed", re.I)


# The work itself wholly remote ("100% home office", "fully remote position"), not a company's culture
# ("remote-first") nor a denial ("this is not a fully remote position").
_WHOLLY_REMOTE = re.compile(r"(?<!not )(?<!not a )(?<!n't )(?<!n't a )(?:fully[- ]remote|"
                            r"100\s?% (?:remote|home ?office|remoto)|(?:remote|remoto|home ?office) \(?100\s?%)", re.I)
_WHOLLY_REMOTE_WORDS = triggers("fully", "100")  # every _WHOLLY_REMOTE phrase holds one


# A free choice of remote work among the ways to work: "freie Wahl zwischen Remote, Hybrid oder Office", "choose
# between remote, hybrid or our office". Its on-site words are the other choices, not a requirement.
_REMOTE_CHOICE = re.compile(r"\b(?:choice|choose|wahl|escolha|elecci[oó]n)\s+(?:between|of|zwischen|entre)\s+"
                            r"(?:(?:fully|full|100\s?%)[- ]?)?(?:remote|home ?office|remoto)\b", re.I)
_REMOTE_CHOICE_WORDS = triggers("choice", "choose", "wahl", "escolha", "elecci")


def remote_chosen(lowered: str) -> bool:
    """The opening of a text lets the person choose remote work among the ways to work."""
    return holds_any(lowered[:4000], _REMOTE_CHOICE_WORDS) and _REMOTE_CHOICE.search(lowered, 0, 4000) is not None


def fully_remote_said(text: str, lowered: str) -> bool:
    """The opening of a text says the work is wholly remote; the pattern runs only when a word every form
    of it holds is there."""
    return holds_any(lowered[:3000], _WHOLLY_REMOTE_WORDS) and _WHOLLY_REMOTE.search(text, 0, 3000) is not None
# A salary in a country's own currency says where the job is paid, when nothing else says where: a
# currency sign or code found first (rare), then a word about pay before it.
_PAY_WORDS = ("salary", "pay", "compensation", "ctc", "stipend", "wage", "gehalt", "salário", "salario", "remunera",
              "sueldo", "package")
_CURRENCY_SIGNS = ("R$", "₹", "£", "€")
_CURRENCY_CODES = frozenset({"ZAR", "INR", "BRL", "GBP", "EUR", "PLN", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "MXN",
                             "ARS", "COP", "CLP", "TRY", "NGN", "KES", "LPA"})
_RAND = re.compile(r"R ?\d")  # "R30k": a literal first, so the search skips ahead in C
_EURO = "austria belgium croatia cyprus estonia finland france germany greece ireland italy latvia lithuania " \
        "luxembourg malta netherlands portugal slovakia slovenia spain"
CURRENCIES: dict[str, frozenset[str]] = {
    **{sign: frozenset({"brazil"}) for sign in ("R$", "BRL")}, **{s: frozenset({"india"}) for s in ("₹", "INR", "LPA")},
    **{sign: frozenset({"united kingdom"}) for sign in ("£", "GBP")}, **{s: _names(_EURO) for s in ("€", "EUR")},
    "R": frozenset({"south africa"}), "ZAR": frozenset({"south africa"}), "PLN": frozenset({"poland"}),
    "CAD": frozenset({"canada"}), "AUD": frozenset({"australia"}), "CHF": frozenset({"switzerland"}),
    "SEK": frozenset({"sweden"}), "NOK": frozenset({"norway"}), "DKK": frozenset({"denmark"}),
    "MXN": frozenset({"mexico"}), "ARS": frozenset({"argentina"}), "COP": frozenset({"colombia"}),
    "CLP": frozenset({"chile"}), "TRY": frozenset({"turkey"}), "NGN": frozenset({"nigeria"}),
    "KES": frozenset({"kenya"})}
# A security clearance or citizenship only one country's people can have (and the pieces they hold).
# So does a contract or benefit only the US tax system knows: a W-2 or 1099 position, a 401(k) or "401k" plan.
_US_ONLY_WORDS = triggers("clearance", "citizen", "green card", "w-2", "w2", "1099", "401")
_US_ONLY = re.compile(r"security clearance|clearance (?:is )?required|\bts/sci\b|top secret|public trust|"
                      r"\bu\.?s\.? citizens?(?:hip)?\b|green card|\bw-?2\b|\b1099\b|\b401\s?(?:\(k\)|k\b)", re.I)


# Brazil's kinds of employment contract ("CLT", "PJ": a "pessoa jurídica" contractor): a seat in Brazil, as a
# W-2 or a 401(k) is a US one.
_BRAZILIAN_CONTRACT = re.compile(r"(?:contrata[çc][ãa]o|contrato|regime|v[ií]nculo|modalidade)\W{1,20}"
                                 r"(?:\w+\W{1,20}){0,3}?(?:clt|pj)\b|pessoa jur[ií]dica", re.I)


def _brazilian_contract(lowered: str, place: str) -> bool:
    """The posting offers a Brazilian contract under a heading in Portuguese ("Contratação: PJ", "Regime: CLT"), and
    its place is not Portugal's (boards Brazil shares with Portugal tag every posting "CLT" and "PJ")."""
    head = lowered[:4000]
    if "clt" not in head and "pj" not in head and "jur" not in head:
        return False  # most postings: no need to scan for the headings
    named = countries_of(place)
    return ("portugal" not in named or "brazil" in named) and _BRAZILIAN_CONTRACT.search(head) is not None


# A benefit offered to the company's US staff among others ("For US employees: 401k", "retirement plans
# (available for United States team members)"): the team reaches beyond the US, so it is no bound.
_FOR_US_STAFF = re.compile(r"\b(?:for|to)\s+(?:our\s+)?(?:u\.?s\.?|us-based|american|united states)[- ]?(?:based\s+)?"
                           r"(?:employees|staff|team\s*members|hires|residents)\b", re.I)


class Said:
    """What a posting's title and text say about where its remote work may be done, each read the
    first time it is asked for (an on-site job where the person lives needs none of it)."""

    def __init__(self, title: str, text: str, lowered: str, english: bool = False, place: str = "") -> None:
        self.title, self.text, self.lowered, self.english, self.place = title, text, lowered, english, place

    @functools.cached_property
    def bounds(self) -> frozenset[str]:
        """Places named for remote work ("based in LATAM", "a team working from Germany")."""
        return bounds_in_text(self.text, self.lowered, self.english)

    @functools.cached_property
    def limits(self) -> frozenset[str] | None:
        """The countries the time zone, the pay's currency and a clearance allow; None: no limit. A
        text that says "anywhere in the world" is taken at its word over its hours and currency."""
        caps = capitals(self.text[:3000])
        limits: frozenset[str] | None = None
        inferred = () if self.anywhere else (zone_bound(self.title) or zones_in_text(self.text, self.lowered, caps),
                                             pay_bound(self.text, self.lowered, caps))
        for found in (*inferred,
                      frozenset({"united states"}) if _us_only(self.title, self.text, self.lowered) else None,
                      frozenset({"brazil"}) if not self.anywhere and _brazilian_contract(self.lowered, self.place)
                      else None):
            if found:
                limits = found if limits is None else limits & found
        return limits

    @functools.cached_property
    def dollars(self) -> frozenset[str]:
        """The US, where the pay is a range of US dollars ("$120k - $160k") and the text does not say anywhere:
        a weaker bound than another currency's (remote jobs pay in dollars everywhere), read only for a bare
        "Remote" (see remote_areas)."""
        head = self.text[:4000]
        if "$" not in head or self.anywhere or _OTHER_DOLLARS.search(head) or _WORLDWIDE_SAID.search(head):
            return frozenset()
        low = self.lowered[:4000]
        paid = (m for m in _USD_RANGE.finditer(head) if not _NOT_PAY.search(low, max(0, m.start() - 40), m.end() + 15))
        return frozenset({"united states"}) if next(paid, None) else frozenset()

    @functools.cached_property
    def anywhere(self) -> bool:
        """"Work from anywhere in the world"."""
        return anywhere_in_text(self.text, self.lowered)

    @functools.cached_property
    def hiring_everywhere(self) -> bool:
        """"We're hiring globally", "hiring everywhere", and the only places the text names are its hours' ("the
        careers page says EST timezones, but we're hiring everywhere"); not a country it asks for ("hiring globally;
        this role is open in the US only") nor a customer's hiring ("payroll for companies hiring globally")."""
        if not self.anywhere or _HIRING_EVERYWHERE.search(self.text, 0, 4000) is None:
            return False
        return not self.bounds or self.bounds <= zones_in_text(self.text, self.lowered, capitals(self.text[:3000]))

    @functools.cached_property
    def remote(self) -> bool:
        """The opening says the work is remote."""
        return remote_in_text(self.text, self.lowered)

    @functools.cached_property
    def excluded(self) -> frozenset[str]:
        """Countries the text shuts out ("we are not considering applicants from DACH or the UK")."""
        return exclusions_in_text(self.text, self.lowered)


# "We are not considering applicants from X", "not open to candidates in X", "anywhere except X", "excluding X":
# countries a remote role shuts out, in the words they are written with.
# "not/cannot/can't consider", ...: every _EXCLUDE phrase holds one
_EXCLUDE_WORDS = triggers("t consider", "t accept", "t hir", "t be open", "t open to", "t employ", "t work with",
                          "unable to", "except ", "exclu")
_EXCLUDE = re.compile(
    r"(?:(?:not|unable to|cannot|can't|can not)\s+(?:currently\s+|yet\s+)?(?:consider(?:ing)?|accept(?:ing)?|hire|"
    r"hiring|be open to|open to|employ|work with)|except(?:\s+for)?|excluding|with the exclusion of|we exclude)\s+"
    r"(?:(?:applicants|candidates|applications|people|residents|anyone|talent|contractors)\s+)?"
    r"(?:(?:who (?:are |live )?)?(?:from|in|based in|located in|living in|residing in)\s+)?([^.\n;!?]{2,120})", re.I)


_INVERTED = re.compile(r"(?:outside|other than|anywhere but|beyond|non-)", re.I)


def exclusions_in_text(text: str, lowered: str) -> frozenset[str]:
    """Countries the opening of a text shuts out of a remote role (see _EXCLUDE)."""
    head, low = text[:2500], lowered[:2500]
    found: set[str] = set()
    for start, end in windows(low, _EXCLUDE_WORDS, 5, 140):
        for match in _EXCLUDE.finditer(head, start, end):
            if not _INVERTED.search(match.group(1), 0, 30):  # "not open to anyone outside the US": the rest
                found |= areas_named(match.group(1))
    return frozenset(found)


def areas_named(text: str) -> frozenset[str]:
    """The countries a piece of text names as whole countries or regions ("DACH, France and the UK"); a
    city or a state ("excluding California") shuts out a part of a country, not the country."""
    low = text.lower()
    found = {_COUNTRY_OF_NAME[m] for m in _COUNTRY_NAMES.findall(low)} | {_SHORT[m] for m in _SHORT_NAMES.findall(text)}
    for name in _REGION_NAMES.findall(low):
        if _region_written(name, text):
            found |= REGIONS[REGION_NAMES[name]]
    return frozenset(found)


def what_text_says(title: str, text: str, lowered: str, english: bool = False, place: str = "") -> Said:
    """What a posting says about where it may be worked from (read lazily, once per posting); `place`: its
    location field."""
    return Said(title, text, lowered, english, place)


# A clearance or citizenship the text only welcomes ("especially if you are a US citizen", "a clearance is
# a plus") asks for nothing.
_WELCOMED = re.compile(r"\b(?:especially|particularly|ideally|preferably|bonus|a plus|an? advantage|preferred|"
                       r"nice to have|desirable|welcome)\b", re.I)


def _us_only(title: str, text: str, lowered: str) -> bool:
    """The title or the text's opening asks for a US clearance or citizenship (not one it only welcomes)."""
    if _US_ONLY.search(title) is not None:
        return True
    for start, end in windows(lowered[:4000], _US_ONLY_WORDS, 25, 20):
        for found in _US_ONLY.finditer(text, start, end):
            if not _WELCOMED.search(text, max(0, found.start() - 30), found.end() + 30) and \
                    not _FOR_US_STAFF.search(text, max(0, found.start() - 60), found.end() + 60):
                return True
    return False


# A post whose opening line is a header of fields (a Hacker News post's: "Acme | SF | ONSITE, REMOTE", "Acme |
# Brooklyn, REMOTE", "ONSITE (or REMOTE for those that have done it before)") and offers remote work in a field
# of its own beside the office's city: remote as an alternative, as "SF or Remote" is. Not a field that bounds the
# remote work ("Remote, US", "REMOTE (< 200km)", "within 3 hours of PT"), refuses or limits it ("No remote",
# "Partial remote", "remote during COVID"), or names a thing ("Remote Sensing Engineer", "tools for remote teams";
# _REMOTE_THING reads the things remote describes).
_FIELD_REMOTE = re.compile(r"(?<![\w.-])remote(?![\w-])", re.I)
_NOT_OFFERED = re.compile(r"\b(?:no|not|non)[- ]?remote|\bpartial|\bhybrid|\bdays?\b|\bduring\b|\buntil\b|temporar|"
                          r"\bcurrently\b(?!\s+(?:fully|100|distributed|all|remote))|\bfor now\b|\binitially\b|"
                          r"\bto start\b|\bat first\b|for the time being|\bfor the first\b|\bwhile we\b|"
                          r"covid|\d\s*(?:h|hours?|hrs?|km|miles?)\b|"
                          r"\b(?:p[sd]?t|e[sd]?t|c[sd]?t|m[sd]?t|cet|cest|bst|gmt|utc|ist|time ?zones?)\b|"
                          r"engineer|developer|designer|manager|teams?\b|year\b|companies|workers", re.I)
_HEADER_END = re.compile(r"\n|<p>|<br", re.I)


def header_offers_remote(text: str, where: Where) -> bool:
    """The post's first line, a header of '|' fields, offers remote work with no bound in a field of its own,
    beside an office's city ("SF | ONSITE, REMOTE"); not beside a country or region only ("USA | Remote")."""
    head = text.lstrip()[:300]
    first = head[:end.start()] if (end := _HEADER_END.search(head)) else head
    if first.count("|") < 2 or _HQ_LEAD.match(first):
        return False
    offered = any(_FIELD_REMOTE.search(field) and not _NOT_OFFERED.search(field) and not areas_named(field)
                  and not _REMOTE_THING.search(field.lower()) and "http" not in field.lower()
                  for field in first.split("|"))
    return offered and any(not areas_named(p.text) or _CITY_NAMES.search(p.text.lower()) for p in where.parts)


_ANYWHERE_WORDS = triggers("anywhere", "any country", "hiring globally", "hiring everywhere",
                           "hiring worldwide")  # every _ANYWHERE_TEXT phrase holds one


def anywhere_in_text(text: str, lowered: str) -> bool:
    """The text says the work may be done from anywhere: "anywhere in the world", or "work from
    anywhere" in a posting that says it is fully remote (not "from anywhere in the US")."""
    head = text[:4000]
    for start, end in windows(lowered[:4000], _ANYWHERE_WORDS, 30, 25):
        for match in _ANYWHERE_TEXT.finditer(head, start, end):
            if _FOR_A_WHILE.search(head, match.end(), match.end() + 60):
                continue  # "work from anywhere in the world, up to 90 days a year": a travel allowance
            start = _sentence_start(head, match.start())
            if len(head[start:match.start()].split()) > 2 and not _WHO_WORKS.search(head, start, match.end()):
                continue  # "Send messages anywhere in the world": what the product does, not where one works
                # ("Where: anywhere in the world", "📍 Anywhere in the world" are a heading's answer)
            if not match.group(0).lower().startswith(("work", "working")) or \
                    _FULLY_REMOTE.search(head, max(0, match.start() - 150), match.end() + 20):
                return True
    return False


# Words that tie "anywhere in the world" to where people work, in its sentence before it ("hire from", "remote
# team", "based", "candidates").
_WHO_WORKS = re.compile(r"\b(?:remote\w*|work\w*|hir\w+|based|liv\w+|locat\w+|candidates?|applicants?|team\w*|"
                        r"people|employees|from|distributed|join|you|apply|staff|engineers?|developers?|colleagues)\b",
                        re.I)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding text[at] starts (after '.', '!', '?' or a line end), at most 150 characters back."""
    start = max(text.rfind(mark, max(0, at - 150), at) for mark in ".!?\n")
    return max(start + 1, at - 150)


_FOR_A_WHILE = re.compile(r"\b(?:up to|for up to|for|a few|several)\s+(?:\d+|one|two|three|four|six|a few)?\s*"
                          r"(?:days|weeks|months)\b|\b(?:days|weeks) (?:a|per|each) year\b", re.I)


# A range of amounts after a currency ("R$16,500.00 - R$24,500.00", "€60k–80k") is a salary by its form,
# with or without a word about pay before it.
_AMOUNT_RANGE = re.compile(r"\s?\d[\d.,]*\s?[kK]?\s*(?:-|–|—|to|a|até|bis)\s*(?:R\$|€|£|₹|R)?\s?\d")


def pay_bound(text: str, lowered: str, caps: frozenset[str] | None = None) -> frozenset[str]:
    """The country whose currency the salary is in ("salary: up to R30k", "CTC 25 LPA"), if any; a
    US dollar is read apart (Said.dollars: remote jobs pay in dollars everywhere, so it bounds only a bare "Remote")."""
    head, low = text[:4000], lowered[:4000]
    caps = capitals(head) if caps is None else caps
    signs = [sign for sign in (*_CURRENCY_SIGNS, *(caps & _CURRENCY_CODES)) if sign in head]
    places = [(m.start(), "R") for m in _RAND.finditer(head) if not (m.start() and head[m.start() - 1].isalnum())] \
        if "R" in caps else []
    places += [(at, sign) for sign in signs for at in positions(head, (sign,))[:5]]  # "₹80,000 ... Pay: ₹80,000"
    for at, sign in sorted(places):
        before = low[max(0, at - 60):at + 1]
        if any(word in before for word in _PAY_WORDS) or sign == "LPA" or _AMOUNT_RANGE.match(head, at + len(sign)):
            return CURRENCIES[sign]
    return frozenset()


# Dollars of other countries written apart from the sign ("$120,000 - $140,000 NZD", "SGD $10,000"), and a text
# that says the work is open worldwide in other words ("Location: Worldwide", "regardless of where you live").
_OTHER_DOLLARS = re.compile(r"\b(?:NZD|SGD|HKD|CAD|AUD|MXN|TWD|ARS|CLP|COP)\b|"
                            r"\b(?:canadian|australian|singapore|new zealand|hong kong) dollars?\b", re.I)
_WORLDWIDE_SAID = re.compile(r"\bworld\s?wide\b|\banywhere in the world\b|\bglobally\b|"
                             r"regardless of (?:where|location)", re.I)
# A range of dollars that is not pay: a deal's or a budget's size, revenue, a bonus, funding.
_NOT_PAY = re.compile(r"\b(?:acv|arr|mrr|gmv|budgets?|revenue|deals?|bonus|funding|raised|spend|quota|"
                      r"invest\w*|valuation|contracts? worth)\b")
_USD_RANGE = re.compile(r"(?<![A-Za-z$])\$\s?\d{2,3}(?:[,.]\d{3}|[kK])\s*(?:-|–|—|to)\s*"
                        r"\$?\s?\d{2,3}(?:[,.]\d{3}|[kK])")  # "$120k - $160k", "$90,000–$120,000"; not "CA$" or "R$"


@dataclass(frozen=True)
class Home:
    """Where a person can work on site, in the words of their `locations`: anywhere in a country or
    region they name ("India", "EU"), within commuting distance of a city they name ("Berlin")."""

    countries: frozenset[str]
    cities: tuple[tuple[str, float, float], ...]  # (country, latitude, longitude)

    def takes(self, countries: frozenset[str], chunk: str) -> bool:
        """An on-site place in these countries, written as this chunk, is within reach: in a country
        they name, or, in the country of a city they name, either no more specific than the country
        ("Germany") or within COMMUTE_KM of that city."""
        if countries & self.countries:
            return True
        near = [(lat, lon) for country, lat, lon in self.cities if country in countries]
        if not near:
            return False
        spot = spot_of(chunk)
        return not spot.specific or any(distance_km(home, point) <= COMMUTE_KM
                                        for home in near for point in spot.points)


def home_of(places: tuple[str, ...]) -> Home:
    """A person's `locations` read as countries and regions, and cities with their points."""
    countries: set[str] = set()
    cities = []
    for place in places:
        city = None if _names_only_an_area(place) else \
            next((found for piece in _PIECES.split(place) if (found := city_at(piece))), None)
        if city:
            cities.append(city)
        else:
            countries |= expand((place,))
    return Home(frozenset(countries), tuple(cities))


def expand(places: tuple[str, ...]) -> frozenset[str]:
    """The countries a person's own list of places (countries, regions, cities) covers."""
    found: set[str] = set()
    for place in places:
        low = place.lower().strip()
        if low in REGIONS:
            found |= REGIONS[low]
        elif low in REGION_NAMES:
            found |= REGIONS[REGION_NAMES[low]]
        else:
            found |= _countries_of_chunk(place)
    return frozenset(found)


_LOCALS_OF_STATE = re.compile(r"\b(?i:locals?|residents?|based)\s+(?i:to|in|of)\s+(?:" + "|".join(US_CODES).upper() +
                              r")\b")  # "Only Locals to WI": a state's code, in capitals


# A title that opens the role to anywhere ("DevOps Engineer - Remote/Work Anywhere", "Designer (Worldwide)"),
# not to anywhere within a place ("Work from anywhere in the US").
_TITLE_ANYWHERE = re.compile(r"\b(?:(?:work(?:ing)?\s+(?:from\s+)?)?anywhere(?:\s+in\s+the\s+world)?|worldwide|"
                             r"remote\W{1,3}global)\b(?!\s+(?:in|within|across|inside)\s+(?!the\s+world))", re.I)


def title_anywhere(title: str) -> bool:
    """The title says the role may be done from anywhere."""
    low = title.lower()
    return ("anywhere" in low or "worldwide" in low or "global" in low) and _TITLE_ANYWHERE.search(title) is not None


@functools.lru_cache(maxsize=8192)
def title_where(title: str) -> Where:
    """The place a title names in a part of its own ("Site Reliability Engineer | Acme | Remote (India)",
    "DevOps Engineer - Hyderabad, India", "Principal Engineer - Seattle, WA or Arlington, VA"); read only
    when the location field itself names no country."""
    parts = [part for part in re.split(r"\s*(?:\||\s[-–]\s|\(|\))\s*", title)
             if countries_of(part) or _LOCALS_OF_STATE.search(part)]
    return read_where(" / ".join(parts) + (" - Remote" if parts and REMOTE.search(title) else "")) if parts \
        else Where((), False, True)
