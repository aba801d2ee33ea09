"""Gathering what public pages say about a job's company: its LinkedIn page and its own website.

The parsers in company.py read one page each; CompanyCrawler decides which pages to fetch,
checks blocks, collects people and addresses, and attaches provenance to every fact
({value, source, fetched_at}). It knows nothing of stages or the store: the enrich stage locks,
decides freshness, saves and links.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from pipeline.companies.addresses import MxLookup, guesses, learned_pattern
from pipeline.companies.identity import company_key, job_slug, job_website
from pipeline.companies.pages import parse_linkedin_company, parse_website
from pipeline.errors import HaltRun, PermanentError, RetryableError
from pipeline.logs import get_logger
from pipeline.net.http import Fetcher, check_status
from pipeline.net.public import NotPublic
from pipeline.records import Job
from pipeline.sources.linkedin import check_blocked
from pipeline.timeutil import utc_iso

log = get_logger("pipeline.crawler")
SUBPAGES = ("about", "team", "contact")
MAX_GUESSED_PEOPLE = 12  # guesses cost no request; the job decides who is written to


def fact(value: Any, source: str, fetched_at: str) -> dict[str, Any]:
    """A value with its provenance."""
    return {"value": value, "source": source, "fetched_at": fetched_at}


def statements(pages: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every page's visible sentences, each with its page's URL and kind: the candidate facts a
    draft's hook is chosen from (outreach.hooks)."""
    return [{**s, "source": page["url"], "page": kind, "fetched_at": page["fetched_at"]}
            for kind in ("home", "about", "team", "contact") if (page := pages.get(kind))
            for s in page["data"].get("statements", [])]


def taglines(pages: dict[str, dict[str, Any]], facts: dict[str, Any]) -> list[str]:
    """What the company says of itself to customers (meta and og descriptions, the page title, the
    home page's headline): never quoted back to it."""
    found = {t for page in pages.values() for t in page["data"].get("taglines", [])}
    found |= {str(s["text"]) for s in (pages.get("home") or {}).get("data", {}).get("statements", [])
              if s["tag"] == "h1"}
    found |= {str(facts[k]["value"]) for k in ("site_description", "site_title") if k in facts}
    return sorted(t for t in found if t)


class CompanyCrawler:
    """Fetches one company's pages. `concurrency` bounds its requests in flight; a company's
    subpages share those slots."""

    def __init__(self, fetcher: Fetcher, linkedin_base: str, mx: MxLookup, concurrency: int = 1) -> None:
        self.fetcher, self.mx = fetcher, mx
        self.linkedin = linkedin_base.rstrip("/")
        self.slots = threading.BoundedSemaphore(concurrency)

    def gather(self, job: Job) -> tuple[dict[str, Any], list[str]]:
        """Fetch the company's LinkedIn page and website; return the record and extra aliases."""
        facts: dict[str, Any] = {"name": fact(job.company, job.url, utc_iso())}
        sources: list[str] = []
        slug = job_slug(job)
        if slug:
            self._linkedin(slug, facts, sources)
        website = (facts.get("website") or {}).get("value") or job_website(job)
        if not slug and not website:
            raise PermanentError(f"no company URL and no website to be found for {job.company!r}")
        pages: dict[str, dict[str, Any]] = {}
        domain = ""
        refused: list[dict[str, str]] = []
        if website:
            domain = self._website(website, facts, sources, pages, refused)
        people = self._people(pages)
        published = sorted({e for p in pages.values() for e in p["data"]["emails"]})
        record = {"name": (facts.get("name") or {}).get("value") or job.company, "facts": facts,
                  "domain": domain, "people": people, "sources": sources,
                  "emails": self._emails(people, published, pages, domain),
                  "statements": statements(pages), "taglines": taglines(pages, facts)}
        if refused:  # addresses off the public internet: never fetched, said on the record
            record["refused"] = refused
        more = [f"domain:{domain}"] if domain else []
        if record["name"]:
            more.append(f"name:{company_key(str(record['name']))}")
        return record, more

    def _linkedin(self, slug: str, facts: dict[str, Any], sources: list[str]) -> None:
        url = f"{self.linkedin}/company/{slug}"
        public = f"https://www.linkedin.com/company/{slug}"
        with self.slots:
            response = self.fetcher.get(url)
        check_blocked(response)
        if response.status_code == 404:
            log.warning("company LinkedIn page not found", slug=slug)
            return
        check_status(response)
        at = utc_iso()
        sources.append(public)
        for key, value in parse_linkedin_company(response.text).items():
            if value:
                facts[key] = fact(value, public, at)

    def _website(self, website: str, facts: dict[str, Any], sources: list[str],
                 pages: dict[str, dict[str, Any]], refused: list[dict[str, str]]) -> str:
        """Home page, then its about / team / contact pages; returns the site's domain. A page off
        the public internet is refused, and named in `refused`."""
        try:
            home = self._page(website)
        except NotPublic as exc:
            refused.append({"url": website, "reason": str(exc), "at": utc_iso()})
            log.warning("company website refused", url=website, reason=str(exc))
            return ""
        except (RetryableError, PermanentError) as exc:
            if isinstance(exc, HaltRun) or not facts.get("description"):
                raise
            log.warning("company website unreachable; keeping the LinkedIn facts", url=website, error=str(exc))
            return ""
        pages["home"] = home
        final = home["url"]
        domain = urlsplit(final).netloc.lower().removeprefix("www.")
        wanted = {kind: link for kind in SUBPAGES if (link := home["data"]["links"].get(kind)) and link != final}
        with ThreadPoolExecutor(max_workers=max(1, len(wanted))) as pool:  # independent pages, fetched together
            fetched = dict(zip(wanted, pool.map(lambda url: self._subpage(url, refused), wanted.values()),
                               strict=True))
        pages.update({kind: page for kind, page in fetched.items() if page})
        sources.extend(page["url"] for page in pages.values())
        data, at, url = home["data"], home["fetched_at"], home["url"]
        facts["website"] = fact(final, url, at)
        facts["domain"] = fact(domain, url, at)
        for key in ("title", "description"):
            if data[key]:
                facts[f"site_{key}"] = fact(data[key], url, at)
        facts["excerpt"] = fact(data["excerpt"], url, at)
        if "about" in pages:
            facts["about_excerpt"] = fact(pages["about"]["data"]["excerpt"], pages["about"]["url"],
                                          pages["about"]["fetched_at"])
        links = {k: v for p in pages.values() for k, v in p["data"]["links"].items()}
        facts["links"] = fact(links, url, at)
        facts["social"] = fact({k: v for p in pages.values() for k, v in p["data"]["social"].items()}, url, at)
        return str(domain)

    def _subpage(self, url: str, refused: list[dict[str, str]]) -> dict[str, Any] | None:
        """An about / team / contact page; one that is gone (or refused) is skipped, not an error."""
        try:
            return self._page(url)
        except NotPublic as exc:
            refused.append({"url": url, "reason": str(exc), "at": utc_iso()})
            log.warning("company page refused", url=url, reason=str(exc))
            return None
        except PermanentError as exc:
            log.info("company page skipped", url=url, error=str(exc))
            return None

    def _page(self, url: str) -> dict[str, Any]:
        with self.slots:
            response = self.fetcher.get(url, from_web=True)
        check_status(response)
        final = str(response.url)
        return {"url": final, "fetched_at": utc_iso(), "data": parse_website(response.text, final)}

    def _people(self, pages: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """Everyone the pages name with a role there, in page order (team page first); each job
        ranks them for itself (pipeline.contacts.job_contacts)."""
        people: dict[str, dict[str, Any]] = {}
        for kind in ("team", "about", "home", "contact"):
            page = pages.get(kind) or {"data": {"people": []}}
            for person in page["data"]["people"]:
                people.setdefault(person["name"], {**person, "source": page["url"], "found_at": page["fetched_at"]})
        return list(people.values())

    def _emails(self, people: list[dict[str, Any]], published: list[str], pages: dict[str, dict[str, Any]],
                domain: str) -> dict[str, Any]:
        where = {e: p for p in pages.values() for e in p["data"]["emails"]}
        found = [{"address": e, "status": "published", "source": where[e]["url"], "found_at": where[e]["fetched_at"]}
                 for e in published]
        mx = self.mx(domain) if domain else "unchecked"
        learned = learned_pattern(people, published, domain)
        guessed = {}
        for person in people[:MAX_GUESSED_PEOPLE]:
            options = [g for g in guesses(person["name"], domain, mx, learned) if g["address"] not in published]
            if options:
                guessed[person["name"]] = options
        return {"published": found, "guesses": guessed, "mx": mx, "learned_pattern": learned}
