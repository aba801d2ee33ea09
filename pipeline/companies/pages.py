"""Public pages about a company: its LinkedIn page and its own website.

Parsers return plain values; the enrich stage attaches provenance (source URL, fetch time).
Only what the pages themselves say is taken: e-mail addresses the site publishes, people the
site names with their roles.
"""

import json
import re
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup

from pipeline.net.html import attr, first_text, strip_hidden

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
SOCIAL_HOSTS = {"linkedin.com": "linkedin", "twitter.com": "twitter", "x.com": "x", "github.com": "github",
                "facebook.com": "facebook", "instagram.com": "instagram", "youtube.com": "youtube",
                "mastodon.social": "mastodon", "bsky.app": "bluesky"}
PAGE_KINDS = {"careers": ("career", "jobs", "join-us", "join us", "work with us", "hiring"),
              "team": ("team", "people", "leadership", "who we are", "founders"),
              "about": ("about", "über uns", "ueber-uns", "uber-uns", "unternehmen"),
              "contact": ("contact", "impressum", "imprint")}
ABOUT_FACTS = ("website", "industry", "size", "headquarters", "organizationType", "specialties", "foundedOn")
_ROLE_WORDS = re.compile(r"\b(ceo|cto|coo|cfo|founder|co-founder|head|director|manager|lead|vp|vice president|"
                         r"recruit|talent|engineer|developer|designer|people|hr|chief|officer|partner|president|executive|"
                         r"scientist|analyst|architect|specialist|marketing|sales|product|support|operations|"
                         r"geschäftsführ|leiter|entwickler|gründer)",
                         re.I)
_PET = re.compile(r"\b(?:dog|cat|pup|puppy|mascot|pet|good boy|good girl|hund|katze)\b", re.I)
_NOT_HERE = re.compile(r"^(?:former|ex-|ehemalige?r?)\b|\badvis[oe]r|\bberater|\binvestor|\bboard member", re.I)
_OUTSIDERS = ("testimonial", "quote", "review", "customer", "client", "investor", "backer", "partner", "press",
              "logo", "casestud", "case")
_CARDS = "[class*=team] [class*=member], [class*=person], [class*=team-member], [class*=profile-card], " \
         "[itemtype*=Person]"
_NAME_SELECTORS = ("[itemprop=name]", "[class*=name]", "h2", "h3", "h4", "h5", "strong")
_ROLE_SELECTORS = ("[itemprop=jobTitle]", "[class*=role]", "[class*=position]", "[class*=job-title]",
                   "[class*=title]", "p", "span")
_ASSET = re.compile(r"\.(png|jpe?g|gif|svg|webp)$", re.I)


def _organization(soup: BeautifulSoup) -> dict[str, Any]:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue
        items = data.get("@graph", [data]) if isinstance(data, dict) else data
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and item.get("@type") in ("Organization", "Corporation", "LocalBusiness"):
                return item
    return {}


def _redirect_target(href: str) -> str:
    """LinkedIn wraps outside links in /redir/redirect?url=...; unwrap them."""
    if "/redir/redirect" in href:
        return parse_qs(urlsplit(href).query).get("url", [href])[0]
    return href


def parse_linkedin_company(html: str) -> dict[str, Any]:
    """JSON-LD Organization (description, website, employees, address, logo) and the about facts."""
    soup = BeautifulSoup(html, "html.parser")
    org = _organization(soup)
    address = org.get("address") or {}
    employees = (org.get("numberOfEmployees") or {}).get("value")
    facts = {}
    for name in ABOUT_FACTS:
        block = soup.select_one(f"[data-test-id='about-us__{name}']")
        if block is None:
            continue
        dd = block.find("dd") or block
        link = dd.find("a", href=True)
        facts[name] = _redirect_target(attr(link, "href")) if name == "website" and link else \
            dd.get_text(" ", strip=True)
    same_as = org.get("sameAs")
    website = facts.get("website") or (same_as[0] if isinstance(same_as, list) and same_as else same_as) or ""
    return {
        "name": org.get("name") or first_text(soup, "h1"),
        "description": org.get("description") or first_text(soup, "[data-test-id='about-us__description']"),
        "website": website,
        "employees": employees,
        "address": {k: v for k, v in address.items() if k not in ("@type", "type")} or None,
        "logo": (org.get("logo") or {}).get("contentUrl", ""),
        "industry": facts.get("industry", ""),
        "size": facts.get("size", ""),
        "headquarters": facts.get("headquarters", ""),
        "organization_type": facts.get("organizationType", ""),
        "specialties": [s.strip() for s in facts.get("specialties", "").split(",") if s.strip()],
        "founded": facts.get("foundedOn", ""),
    }


def _excerpt(soup: BeautifulSoup, limit: int = 800) -> str:
    """Readable text of the main content (no navigation, scripts or footers), cut at a word."""
    body = soup.find("main") or soup.body or soup
    for tag in body.find_all(["script", "style", "nav", "footer", "header", "noscript", "form"]):
        tag.decompose()
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in body.get_text("\n").splitlines())
    text = "\n".join(line for line in lines if line)
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text


STATEMENTS_PER_PAGE = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"“„])")


def _statements(root: Any) -> list[dict[str, str]]:
    """The visible sentences of a page's content, each with the element it stood in (h1 is the
    hero's tagline, h2/h3 section headings, p/li/dd running text): candidate facts for a draft's
    hook. Quotes, testimonials, customer, investor and press blocks are someone else's words."""
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    for tag in root.find_all(["h1", "h2", "h3", "p", "li", "dd", "td"]):
        if tag.find(["p", "li", "h1", "h2", "h3"]) is not None or _not_staff(tag):
            continue  # the innermost block only; someone else's words are not the company's facts
        text = re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()
        for part in _SENTENCE_END.split(text) if tag.name not in ("h1", "h2", "h3") else [text]:
            part = part.strip()
            if 3 <= len(part.split()) <= 60 and part.lower() not in seen:
                seen.add(part.lower())
                found.append({"text": part, "tag": tag.name})
            if len(found) >= STATEMENTS_PER_PAGE:
                return found
    return found


def _first_of(card: Any, selectors: tuple[str, ...], besides: Any = None) -> tuple[str, Any]:
    """The text of the first selector that matches, in the selectors' order (not the page's):
    a card's `.role` wins over a bio paragraph that comes before it. `besides` (the name's
    element) and what holds it are passed over."""
    for selector in selectors:
        for found in card.select(selector):
            if besides is not None and (found is besides or besides in found.descendants):
                continue
            text = re.sub(r"\s+", " ", found.get_text(" ", strip=True)).strip()
            if text:
                return text, found
    return "", None


def _not_staff(card: Any) -> bool:
    """A card inside a quote, testimonial, customer, investor, partner or press block, or one
    about a pet: not someone who works at the company."""
    for node in [card, *card.parents]:
        if getattr(node, "name", None) in ("blockquote", "q", "cite", "figure"):
            return True
        words = re.split(r"[^a-z]+", f"{attr(node, 'class')} {attr(node, 'id')}".lower())
        if any(w.startswith(_OUTSIDERS) for w in words if w):
            return True
    return False


def _plausible(name: str, role: str) -> bool:
    """A person's name and a short role they hold here: not a bio sentence ('Anna has built ...
    since 2010.'), not a former role, an advisor or an investor."""
    return bool(name and role and name != role and _ROLE_WORDS.search(role) and not _PET.search(f"{name} {role}")
                and not _NOT_HERE.search(role)
                and len(name.split()) <= 5 and len(role) <= 80 and len(role.split()) <= 10
                and not (role.endswith(".") and len(role.split()) > 5) and not re.search(r"\d{4}", role))


def _linkedin_profile(card: Any) -> str:
    link = card.select_one("a[href*='linkedin.com/in/']")
    return attr(link, "href").split("?")[0] if link is not None else ""


def _people(soup: BeautifulSoup) -> list[dict[str, str]]:
    """People the page names with a role there: schema.org Person blocks and team-member cards,
    with their LinkedIn profile when the card links one. Customers quoted, investors, partners
    and pets are left out."""
    found: dict[str, dict[str, str]] = {}
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and item.get("@type") == "Person" and item.get("name"):
                same = item.get("sameAs") or []
                profile = next((u for u in ([same] if isinstance(same, str) else same)
                                if isinstance(u, str) and "linkedin.com/in/" in u), "")
                found[item["name"]] = {"name": item["name"], "role": item.get("jobTitle", ""), "profile_url": profile}
    for card in soup.select(_CARDS):
        if _not_staff(card):
            continue
        name, name_tag = _first_of(card, _NAME_SELECTORS)
        role, _ = _first_of(card, _ROLE_SELECTORS, besides=name_tag)
        if _plausible(name, role):
            found.setdefault(name, {"name": name, "role": role, "profile_url": _linkedin_profile(card)})
    return list(found.values())


def parse_website(html: str, url: str) -> dict[str, Any]:
    """Title, description (and every meta tagline), the visible sentences, excerpt, links to careers /
    team / about / contact pages, social links,
    published e-mail addresses and named people of one page."""
    soup = BeautifulSoup(html, "html.parser")
    meta = soup.find("meta", attrs={"name": "description"}) or soup.find("meta", property="og:description")
    strip_hidden(soup)
    links: dict[str, str] = {}
    social: dict[str, str] = {}
    emails: set[str] = set()
    host = urlsplit(url).netloc.lower()
    for a in soup.find_all("a", href=True):
        href, label = attr(a, "href").strip(), a.get_text(" ", strip=True).lower()
        if href.lower().startswith("mailto:"):
            emails.add(href[7:].split("?")[0].strip().lower())
            continue
        target = urljoin(url, href)
        target_host = urlsplit(target).netloc.lower().removeprefix("www.")
        kind = next((name for h, name in SOCIAL_HOSTS.items() if target_host.endswith(h)), None)
        if kind:
            social.setdefault(kind, target)
        elif urlsplit(target).netloc.lower() == host and target.split("#")[0] != url:
            for page, words in PAGE_KINDS.items():
                if page not in links and any(w in label or w in urlsplit(target).path.lower() for w in words):
                    links[page] = target.split("#")[0]
    people = _people(soup)
    text = soup.get_text(" ")
    emails.update(e.lower() for e in EMAIL.findall(text) if not _ASSET.search(e))
    og = soup.find("meta", property="og:description")
    excerpt = _excerpt(soup)  # drops navigation, header and footer from the soup
    return {
        "title": (soup.title.get_text(strip=True) if soup.title else ""),
        "description": attr(meta, "content").strip(),
        "taglines": sorted({t for t in (attr(meta, "content").strip(), attr(og, "content").strip()) if t}),
        "statements": _statements(soup.find("main") or soup.body or soup),
        "excerpt": excerpt,
        "links": links,
        "social": social,
        "emails": sorted(emails),
        "people": people,
    }
