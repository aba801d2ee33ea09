"""At which address to write to a person: published addresses, marked pattern guesses,
and an MX check with dnspython. Mail servers are never probed."""

import itertools
import re
from collections.abc import Callable
from typing import Any

from anyascii import anyascii
from nameparser import HumanName

PATTERNS = (("{first}.{last}", 0.45), ("{first}", 0.2), ("{f}{last}", 0.15), ("{first}{last}", 0.1),
            ("{first}_{last}", 0.05), ("{last}", 0.05))
MxLookup = Callable[[str], str]  # domain -> "ok" | "none" | "unchecked"


GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _local(word: str) -> str:
    """A name part as it can stand in an address: transliterated (Søren -> soren, Łukasz -> lukasz,
    Strauß -> strauss), lower case, particles joined (van der Berg -> vanderberg), hyphens kept inside."""
    text = re.sub(r"[^a-z0-9-]", "", anyascii(word).lower())
    return re.sub(r"-{2,}", "-", text).strip("-")


def name_variants(name: str) -> list[tuple[str, str]]:
    """(first, last) forms for address patterns, the usual one first, with titles (Dr., Prof.) and
    suffixes dropped: German umlauts as ae/oe/ue (Jörg -> joerg), then plain (jorg). Empty when the
    name has no first and last part."""
    parsed = HumanName(name or "")
    found: list[tuple[str, str]] = []
    for first, last in ((parsed.first.translate(GERMAN), parsed.last.translate(GERMAN)), (parsed.first, parsed.last)):
        form = (_local(first), _local(last))
        if all(form) and form not in found:
            found.append(form)
    return found


def name_parts(name: str) -> tuple[str, str] | None:
    """The usual (first, last) form of a name for addresses; None when it has no first and last part."""
    variants = name_variants(name)
    return variants[0] if variants else None


def first_name(name: str) -> str:
    """What to greet a person by: 'Dr. Anna Schmidt' -> 'Anna'."""
    return str(HumanName(name or "").first or (name or "").split(" ")[0])


def own_address(name: str, addresses: list[str], domain: str = "") -> str:
    """The address among `addresses` that is this person's by a known pattern (first.last@, flast@,
    ...): an exact local part, never a substring ('dan' is not in 'jordan.blake')."""
    forms: set[str] = set()
    for first, last in name_variants(name):
        forms |= {pattern.format(first=first, last=last, f=first[:1]) for pattern, _ in PATTERNS} - {first, last}
        forms |= {f"{first}.{last[:1]}", f"{first[:1]}.{last}"}
    return next((a for a in sorted(addresses) if a.split("@")[0].lower() in forms
                 and (not domain or a.lower().endswith("@" + domain))), "")


def learned_pattern(people: list[dict[str, Any]], published: list[str], domain: str) -> str | None:
    """The pattern a published personal address shows (jonas.weber@ -> {first}.{last})."""
    for person in people:
        for (first, last), (pattern, _) in itertools.product(name_variants(person["name"]), PATTERNS):
            if f"{pattern.format(first=first, last=last, f=first[:1])}@{domain}" in published:
                return pattern
    return None


def guesses(name: str, domain: str, mx: str, learned: str | None = None) -> list[dict[str, Any]]:
    """Pattern guesses for one person, each marked as a guess with a confidence, never verified."""
    parts = name_parts(name)
    if not parts or not domain:
        return []
    first, last = parts
    scale = 0.3 if mx == "none" else 1.0
    found = []
    for pattern, confidence in PATTERNS:
        if learned:
            confidence = 0.85 if pattern == learned else confidence / 4
        found.append({"address": f"{pattern.format(first=first, last=last, f=first[:1])}@{domain}",
                      "status": "guess", "pattern": pattern, "confidence": round(confidence * scale, 3),
                      "mx": mx})
    return sorted(found, key=lambda g: -g["confidence"])


def dns_mx_lookup(nameservers: list[str] | None = None, timeout: float = 3.0,
                  canary: str = "gmail.com") -> MxLookup:
    """An MX check with dnspython. DNS counts as reachable only when a well-known domain's MX
    resolves; otherwise every answer is "unchecked" (some networks answer NXDOMAIN to all)."""
    import dns.exception
    import dns.resolver

    resolver = dns.resolver.Resolver(configure=not nameservers)
    if nameservers:  # "1.1.1.1", or "127.0.0.1:5353" for a resolver on another port
        resolver.nameservers = [n.rsplit(":", 1)[0] if n.count(":") == 1 else n for n in nameservers]
        ports = {int(n.rsplit(":", 1)[1]) for n in nameservers if n.count(":") == 1}
        if ports:
            resolver.port = ports.pop()
    resolver.lifetime = timeout
    state: dict[str, bool] = {}

    def has_mx(domain: str) -> bool:
        try:
            return bool(resolver.resolve(domain, "MX"))
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.NoNameservers):
            return False

    def lookup(domain: str) -> str:
        try:
            if "reachable" not in state:
                state["reachable"] = has_mx(canary)
            if not state["reachable"]:
                return "unchecked"
            return "ok" if has_mx(domain) else "none"
        except (dns.exception.DNSException, OSError):
            state["reachable"] = False
            return "unchecked"
    return lookup
