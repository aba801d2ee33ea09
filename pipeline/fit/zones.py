"""Time zones: where a posting that asks for working hours in a zone ("9 AM - 5 PM EST", "UTC-3 to
UTC+3", "overlap with CET by 4 hours") can be worked from. A zone is read as its UTC offset, and a
country is near it when one of its own offsets is within ZONE_REACH hours (further when the posting
asks only for some hours of overlap). Countries go by the English names of pipeline/fit/places.py.
"""

import functools
import re

# Each country's standard-time UTC offsets in hours, from its westernmost to its easternmost zone where
# most people live: a posting that asks for a time zone is workable from the countries near it.
UTC_OFFSETS: dict[str, tuple[float, float]] = {
    "united states": (-8, -5), "canada": (-8, -3.5), "mexico": (-8, -5), "brazil": (-5, -3), "argentina": (-3, -3),
    "chile": (-4, -3), "colombia": (-5, -5), "peru": (-5, -5), "uruguay": (-3, -3), "paraguay": (-4, -3),
    "bolivia": (-4, -4), "ecuador": (-5, -5), "venezuela": (-4, -4), "costa rica": (-6, -6), "panama": (-5, -5),
    "guatemala": (-6, -6), "honduras": (-6, -6), "el salvador": (-6, -6), "nicaragua": (-6, -6),
    "dominican republic": (-4, -4), "puerto rico": (-4, -4), "cuba": (-5, -5), "jamaica": (-5, -5),
    "united kingdom": (0, 0), "ireland": (0, 0), "portugal": (0, 0), "iceland": (0, 0), "morocco": (0, 1),
    "spain": (0, 1), "germany": (1, 1), "austria": (1, 1), "switzerland": (1, 1), "france": (1, 1), "italy": (1, 1),
    "netherlands": (1, 1), "belgium": (1, 1), "luxembourg": (1, 1), "denmark": (1, 1), "sweden": (1, 1),
    "norway": (1, 1), "poland": (1, 1), "czechia": (1, 1), "slovakia": (1, 1), "hungary": (1, 1), "croatia": (1, 1),
    "slovenia": (1, 1), "serbia": (1, 1), "malta": (1, 1), "nigeria": (1, 1), "finland": (2, 2), "romania": (2, 2),
    "bulgaria": (2, 2), "greece": (2, 2), "estonia": (2, 2), "latvia": (2, 2), "lithuania": (2, 2),
    "ukraine": (2, 2), "cyprus": (2, 2), "israel": (2, 2), "egypt": (2, 2), "south africa": (2, 2),
    "turkey": (3, 3), "saudi arabia": (3, 3), "qatar": (3, 3), "kenya": (3, 3), "united arab emirates": (4, 4),
    "pakistan": (5, 5), "india": (5.5, 5.5), "sri lanka": (5.5, 5.5), "nepal": (5.75, 5.75), "bangladesh": (6, 6),
    "thailand": (7, 7), "vietnam": (7, 7), "indonesia": (7, 9), "singapore": (8, 8), "malaysia": (8, 8),
    "philippines": (8, 8), "china": (8, 8), "hong kong": (8, 8), "taiwan": (8, 8), "japan": (9, 9),
    "south korea": (9, 9), "australia": (8, 10), "new zealand": (12, 12),
    "russia": (2, 7), "belarus": (3, 3), "moldova": (2, 2), "albania": (1, 1), "bosnia and herzegovina": (1, 1),
    "north macedonia": (1, 1), "montenegro": (1, 1), "kosovo": (1, 1), "armenia": (4, 4), "azerbaijan": (4, 4),
    "kazakhstan": (5, 5), "uzbekistan": (5, 5), "kyrgyzstan": (6, 6), "ghana": (0, 0), "ethiopia": (3, 3),
    "uganda": (3, 3), "rwanda": (2, 2), "tanzania": (3, 3), "tunisia": (1, 1), "algeria": (1, 1), "senegal": (0, 0),
    "cameroon": (1, 1), "ivory coast": (0, 0), "zambia": (2, 2), "zimbabwe": (2, 2), "botswana": (2, 2),
    "namibia": (2, 2), "mauritius": (4, 4), "angola": (1, 1), "mozambique": (2, 2), "lebanon": (2, 2),
    "kuwait": (3, 3), "bahrain": (3, 3), "oman": (4, 4), "iraq": (3, 3), "iran": (3.5, 3.5), "cambodia": (7, 7),
    "myanmar": (6.5, 6.5), "laos": (7, 7), "mongolia": (8, 8), "trinidad and tobago": (-4, -4),
    "barbados": (-4, -4), "bahamas": (-5, -5), "belize": (-6, -6), "haiti": (-5, -5), "guyana": (-4, -4),
    "suriname": (-3, -3),
}
# Time zones postings name, by their UTC offset (daylight names as their standard zone).
ZONE_OFFSETS: dict[str, float] = {
    "est": -5, "edt": -5, "et": -5, "eastern": -5, "cst": -6, "cdt": -6, "ct": -6, "central": -6, "mst": -7,
    "mdt": -7, "mt": -7, "mountain": -7, "pst": -8, "pdt": -8, "pt": -8, "pacific": -8, "akst": -9, "hst": -10,
    "atlantic": -4, "brt": -3, "brasília": -3, "brasilia": -3, "gmt": 0, "utc": 0, "bst": 0,
    "wet": 0, "cet": 1, "cest": 1, "central european": 1, "eet": 2, "eest": 2, "eastern european": 2, "msk": 3,
    "ist": 5.5, "indian standard": 5.5, "india standard": 5.5, "sgt": 8, "hkt": 8, "awst": 8, "jst": 9,
    "kst": 9, "acst": 9.5, "aest": 10, "aedt": 10, "nzst": 12,
}
ZONE_REACH = 3.0  # how many hours from a time zone a posting asks for a person may live
BAND_REACH = 1.0  # and from the ends of a band of zones it names ("UTC-1 to UTC+3"), which say how far it reaches
_ZONE = re.compile(
    r"\b(?i:(?P<base>utc|gmt)\s*(?P<sign>[-+−–])\s*(?P<hours>\d{1,2})(?:[:.](?P<minutes>[0-5]\d))?)"
    r"|\b(?P<abbr>EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|BRT|GMT|UTC|BST|WET|CET|CEST|EET|EEST|MSK|IST|SGT|HKT|"
    r"AWST|JST|KST|ACST|AEST|AEDT|NZST)\b"
    r"|\b(?i:(?P<named>central european|eastern european|india standard|indian standard|eastern|central|mountain|"
    r"pacific|atlantic|bras[íi]lia)(?:\s+(?:standard|daylight))?\s+(?:time|hours|business hours|working hours))"
    r"|(?<=\d)\s?(?i:am|pm)?\s(?P<short>ET|CT|MT|PT)\b"
    # a US zone's short name is a zone only after a time, in a range of them or before "hours": "ET to PT hours"
    r"|\b(?P<paired>ET|CT|MT|PT)(?=\s*(?:to|through|or|and|[-–/])\s*(?:ET|CT|MT|PT)\b|\s+(?i:hours|time)\b)")
# "Overlap with EST by 4 hours": the person may live further away, as far as the hours allow.
# The words that say hours are shared with a zone, not lived in it; places.py reads them too.
OVERLAP_WORDS = r"overlap|crossover|cross-over|sync|in common|coincid"
OVERLAP = re.compile(rf"\b(?:{OVERLAP_WORDS})", re.I)
OVERLAP_HOURS = 3  # the hours an overlap that says none shares: a partial working day ("overlap with CET")
# "international" candidates: beyond the places named (places.py reads it too)
INTERNATIONAL = re.compile(r"\binternational(?:ly)?\b", re.I)
_HOURS = re.compile(r"\b(\d)\s*(?:[-–]\s*\d\s*)?(?:hours?|hrs?|h)\b", re.I)

def zone_offsets(text: str, start: int = 0, end: int | None = None) -> list[float]:
    """The UTC offsets of the time zones a piece of text names ("9 AM - 5 PM EST", "UTC-3 to UTC+3",
    "Pacific Time business hours"), in hours."""
    found = []
    for match in _ZONE.finditer(text, start, len(text) if end is None else end):
        if match.group("base"):
            sign = 1 if match.group("sign") == "+" else -1
            found.append(sign * (int(match.group("hours")) + int(match.group("minutes") or 0) / 60))
        else:
            name = match.group("abbr") or match.group("named") or match.group("short") or match.group("paired")
            found.append(ZONE_OFFSETS[name.lower().replace("í", "i") if name.lower() != "brasília" else "brasilia"])
    return found


def zone_countries(offsets: list[float], reach: float = ZONE_REACH,
                   bands: tuple[tuple[float, float], ...] = ()) -> frozenset[str]:
    """The countries within `reach` hours of any of the offsets, or of any band of them."""
    return _zone_countries(tuple(offsets), reach, bands)


@functools.lru_cache(maxsize=1024)  # postings name a few zones again and again ("EST", "CET", "UTC-3 to UTC+3")
def _zone_countries(offsets: tuple[float, ...], reach: float, bands: tuple[tuple[float, float], ...]) -> frozenset[str]:
    return frozenset(country for country, (west, east) in UTC_OFFSETS.items()
                     if any(west - reach <= offset <= east + reach for offset in offsets) or
                     any(west - reach <= high and east + reach >= low for low, high in bands))


SHARED_AT_MOST = 2  # "US/Canada time zones" are two countries' zones; more is a region's


def sharing_zones(countries: frozenset[str]) -> frozenset[str]:
    """The countries that keep the named countries' time zones ("US time zones", "UK hours"): the zones are
    the hours to work, not a border, so a country inside them, wholly or over an hour of them, keeps them
    too (Canada and Mexico keep US time zones; Brazil, an hour's sliver at its western edge, does not).
    A region's zones ("European time zones") stay the region: the labels read them as its countries."""
    spans = [UTC_OFFSETS[c] for c in countries if c in UTC_OFFSETS]
    if len(spans) != len(countries) or len(countries) > SHARED_AT_MOST:
        return countries  # a place with no known zones, or a region: read as named
    return countries | _sharing(tuple(spans))


@functools.lru_cache(maxsize=256)
def _sharing(spans: tuple[tuple[float, float], ...]) -> frozenset[str]:
    return frozenset(country for country, (west, east) in UTC_OFFSETS.items()
                     if any(low <= west and east <= high or min(east, high) - max(west, low) >= 1
                            for low, high in spans))


# Two zones joined as a range: "GMT+2 to GMT-6", "UTC-3 - UTC+3", "between PST and EST": every zone in between.
_BETWEEN = re.compile(r"\s*(?:to|through|thru|until|and|-|–|—)\s*$", re.I)


# "UTC-5 to +5": the band's far end written as a bare offset after a UTC or GMT one
_BARE_END = re.compile(r"\s*(?:to|through|thru|until|-|–|—)\s*([-+−–])\s*(\d{1,2})\b"
                       r"(?!\s*(?:hours?|hrs?|h\b|%|years?|min))", re.I)


def zone_bands(text: str) -> tuple[tuple[float, float], ...]:
    """The bands of offsets a text names as a range of two zones ("UTC-3 to UTC+3", "UTC-5 to +5")."""
    found = list(_ZONE.finditer(text))
    bands = []
    for zone in found:
        bare = _BARE_END.match(text, zone.end()) if zone.group("base") else None
        if bare and int(bare.group(2)) <= 14:  # an offset, not "+30 minutes"
            near = zone_offsets(text, zone.start(), zone.end())[0]
            far = (1 if bare.group(1) == "+" else -1) * int(bare.group(2))
            bands.append((min(near, far), max(near, far)))
    for first, second in zip(found, found[1:], strict=False):
        if second.start() - first.end() <= 12 and _BETWEEN.match(text, first.end(), second.start()):
            ends = zone_offsets(text, first.start(), first.end()) + zone_offsets(text, second.start(), second.end())
            if len(ends) == 2:
                bands.append((min(ends), max(ends)))
    return tuple(bands)


# "Give or take", as postings write it: "±", "+/-", "+-" (places.py reads it beside a city too).
PLUS_MINUS = r"(?:±|\+/?[-–−])"
# The hours a zone reaches, written right after it: "EST (-5/+6 h)", "CET ± 2h", "UTC+1 +/- 3 hours".
_REACH = re.compile(rf"[\s(]*(?:{PLUS_MINUS}\s*(?P<both>\d{{1,2}})|"
                    r"[-–−]\s*(?P<west>\d{1,2})\s*(?:h|hours?|hrs?)?\s*/\s*\+\s*(?P<east>\d{1,2}))"
                    r"\s*(?:h|hours?|hrs?)\b", re.I)


def _reached(text: str) -> tuple[tuple[float, float], ...]:
    """The bands of offsets the zones a text names with the hours they reach span ("EST (-5/+6 h)": UTC-10 to +1)."""
    bands = []
    for match in _ZONE.finditer(text):
        reach = _REACH.match(text, match.end())
        offsets = zone_offsets(text, match.start(), match.end()) if reach else []
        if reach and offsets:
            west = float(reach.group("both") or reach.group("west"))
            east = float(reach.group("both") or reach.group("east"))
            bands.append((offsets[0] - west, offsets[0] + east))
    return tuple(bands)


# Working hours given as clock times in UTC or GMT ("working hours are UTC 15:00 to UTC 23:00", "9-17 GMT"): UTC is
# the clock they are told by, not where one lives; a signed zone ("UTC+2") is a zone.
_UTC_CLOCK = re.compile(r"\b(?:utc|gmt)\s+(\d{1,2})(?::[0-5]\d)?\s*(?:to|-|–|until)\s*(?:(?:utc|gmt)\s+)?"
                        r"(\d{1,2})(?::[0-5]\d)?\b|"
                        r"\b(\d{1,2})(?::[0-5]\d)?\s*(?:to|-|–|until)\s*(\d{1,2})(?::[0-5]\d)?\s*(?:utc|gmt)\b(?!\s*[-+−–]\s*\d)",
                        re.I)
LOCAL_DAY = (7, 22)  # the local hours a working day may fall in: a clock range is worked where it falls inside them


def clock_countries(text: str) -> frozenset[str] | None:
    """The countries where working hours given as UTC clock times fall within a local working day
    (15:00-23:00 UTC: the Americas), or None when the text gives none."""
    clock = _UTC_CLOCK.search(text)
    if clock is None:
        return None
    start, end = (int(g) for g in (clock.group(1, 2) if clock.group(1) else clock.group(3, 4)))
    end += 12 if end <= start else 0  # "10-6 UTC": the afternoon
    return zone_countries([], 0.0, ((LOCAL_DAY[0] - start, LOCAL_DAY[1] - end),))


def zone_bound(text: str) -> frozenset[str]:
    """The countries a piece of text's time zones allow, with the reach an overlap it states gives
    ("4 hours overlap with CET": as far as 4 more hours away) or the hours written beside a zone
    ("EST (-5/+6 h)"); empty when it names no zone."""
    offsets = zone_offsets(text)
    if not offsets:
        return frozenset()
    if (clocked := clock_countries(text)) is not None:
        return clocked
    if ("h" in text or "H" in text) and (reached := _reached(text)):
        return zone_countries([], 0.0, reached)
    bands = zone_bands(text)
    overlap = OVERLAP.search(text)
    if overlap is None and bands:  # "UTC-1 to UTC+3": the band's own ends are its reach, give or take an hour
        alone = [o for o in offsets if not any(low <= o <= high for low, high in bands)]
        return zone_countries(alone) | zone_countries([], BAND_REACH, bands)
    if overlap is None:
        return zone_countries(offsets)
    if INTERNATIONAL.search(text, max(0, overlap.start() - 40), overlap.end()):
        return frozenset()  # "international candidates with US-ET overlap": hours to share, from anywhere
    hours = _HOURS.search(text, max(0, overlap.start() - 60), overlap.end() + 60)
    return zone_countries(offsets, max(ZONE_REACH, 8.0 - int(hours.group(1) if hours else OVERLAP_HOURS)), bands)


_ZONE_MARKS = frozenset({"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "BRT", "GMT", "UTC",
                         "BST", "WET", "CET", "CEST", "EET", "EEST", "MSK", "IST", "SGT", "HKT", "JST", "KST", "AWST",
                         "ACST", "AEST", "AEDT", "NZST", "ET", "CT", "MT", "PT"})
_ONLY_CAPITALS = bytes(c if 65 <= c <= 90 else 32 for c in range(256))
# A zone written out is followed by "time" or "hours": "Eastern Time", "Pacific Standard Time", "CET hours".
_NAMED_BEFORE = re.compile(r"(?:eastern|central|pacific|mountain|atlantic|european|bras[íi]lia|india|indian)"
                           r"(?:\s+(?:standard|daylight))?(?:\s+(?:business|working))?\s+$")


def capitals(text: str) -> frozenset[str]:
    """The words of a text written in capitals only ("EST", "ZAR", "R" of "R30k"): one pass in C."""
    return frozenset(text.encode("ascii", "replace").translate(_ONLY_CAPITALS).decode().split())


def _marks(head: str, low: str, caps: frozenset[str]) -> list[int]:
    """Where zone names may start: abbreviations the text holds in capitals, a zone written out
    before "time" or "hours", and UTC/GMT offsets."""
    found = []
    for mark in caps & _ZONE_MARKS:
        at = head.find(mark)
        while at != -1:
            found.append(at)
            at = head.find(mark, at + len(mark))
    for word in ("time", "hour"):
        at = low.find(word)
        while at != -1:
            if _NAMED_BEFORE.search(low, max(0, at - 40), at):
                found.append(max(0, at - 40))
            at = low.find(word, at + len(word))
    for word in ("utc", "gmt"):
        at = low.find(word)
        while at != -1:
            found.append(at)
            at = low.find(word, at + 3)
    return found


def zones_in_text(text: str, lowered: str, caps: frozenset[str] | None = None) -> frozenset[str]:
    """The countries the time zones a posting's opening asks for allow (empty when it names none):
    the pattern runs only around the places a zone name may start."""
    head, low = text[:3000], lowered[:3000]
    found: set[str] = set()
    for at in _marks(head, low, capitals(head) if caps is None else caps):
        match = _ZONE.search(head, max(0, at - 12), at + 60)
        if match:
            found |= zone_bound(head[max(0, match.start() - 80):match.end() + 80])
    return frozenset(found)
