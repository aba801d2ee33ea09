"""LinkedIn's public, logged-out job pages.

Search: /jobs-guest/jobs/api/seeMoreJobPostings/search returns a fragment of about ten <li>
cards; we page by the number of cards actually returned and stop on an empty page, on HTTP
400, at start=1000, or (incrementally) at a page whose cards are all known already. Detail:
/jobs-guest/jobs/api/jobPosting/{id}. A redirect to a login page or a captcha is a block, and
a page with job markers but no parsable card is drift: both are errors, never "0 new jobs".
"""

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
from bs4 import BeautifulSoup, Comment

from pipeline.config.loading import SearchConfig, SourceConfig
from pipeline.errors import PermanentError, RetryableError
from pipeline.net.html import attr, first_text, hidden_field, sanitize_html, text_of
from pipeline.net.http import Fetcher, check_status
from pipeline.records import Job, NewJob, Output
from pipeline.sources.base import BlockedError, DriftError, Known, SearchReport, partial_drift
from pipeline.sources.linkedin_criteria import read_criteria
from pipeline.states import State
from pipeline.text import clean
from pipeline.timeutil import utc_iso
from pipeline.urls import canonical_url

NAME = "linkedin"
SEARCH_PATH = "/jobs-guest/jobs/api/seeMoreJobPostings/search"
DETAIL_PATH = "/jobs-guest/jobs/api/jobPosting/{id}"
LAST_START = 1000
CARD_FIELDS = ("company", "location", "posted_date")  # a search card normally has each: empty on most is drift
WORKPLACE = {"onsite": "1", "remote": "2", "hybrid": "3"}
EXPERIENCE = {"internship": "1", "entry": "2", "associate": "3", "mid_senior": "4", "director": "5",
              "executive": "6"}
JOB_TYPE = {"full_time": "F", "part_time": "P", "contract": "C", "temporary": "T", "internship": "I",
            "volunteer": "V", "other": "O"}
_JOB_MARKERS = ("jobPosting", "job-search-card", "base-search-card", "jobs/view/")
_LOGIN_PATHS = ("/authwall", "/login", "/signup", "/uas/login", "/checkpoint")
_URN = re.compile(r"urn:li:jobPosting:(\d+)")
# A captcha page, not a page that merely mentions captcha in a feature flag attribute.
_CAPTCHA = re.compile(r"""(?:id|class)=["'][^"']*captcha|/checkpoint/challenge|<title>\s*security verification""",
                      re.I)


def search_params(search: SearchConfig, start: int) -> dict[str, str]:
    """The guest search's query string for one page."""
    params = {"keywords": search.keywords, "start": str(start)}
    if search.geo_id:
        params["geoId"] = search.geo_id
    elif search.location:
        params["location"] = search.location
    if search.posted_within_seconds:
        params["f_TPR"] = f"r{search.posted_within_seconds}"
    for key, values, table in (("f_WT", search.workplace, WORKPLACE), ("f_E", search.experience, EXPERIENCE),
                               ("f_JT", search.job_type, JOB_TYPE)):
        if values:
            params[key] = ",".join(table[v] for v in values)
    if search.company_ids:
        params["f_C"] = ",".join(search.company_ids)
    if search.sort_by_date:
        params["sortBy"] = "DD"
    return params


GONE = (404, 410)


def expiry(how: str, caption: str = "") -> dict[str, str]:
    """When and how a job was seen closed (job.data['expired'])."""
    return {"at": utc_iso(), "how": how, **({"caption": caption} if caption else {})}


def job_url(job_id: str) -> str:
    return f"https://www.linkedin.com/jobs/view/{job_id}"


def check_blocked(response: httpx.Response) -> None:
    """A login wall (we were redirected to sign in) or a captcha page is a block."""
    path = urlsplit(str(response.url)).path.lower()
    if any(path.startswith(p) for p in _LOGIN_PATHS):
        raise BlockedError(f"LinkedIn redirected to a login page ({path}); the guest pages are blocked for now")
    if _CAPTCHA.search(response.text[:500_000]):
        raise BlockedError("LinkedIn answered with a captcha page; the guest pages are blocked for now")


def parse_card(card: Any) -> NewJob | None:
    """One search card -> a pending NewJob, or None when the card has no job id or title."""
    urn = card.get("data-entity-urn") or ""
    link = card.select_one("a.base-card__full-link") or card.select_one("a[href*='/jobs/view/']")
    href = link.get("href", "") if link else ""
    match = _URN.search(urn) or re.search(r"-(\d{6,})(?:[/?]|$)", href)
    title = first_text(card, ".base-search-card__title")
    if not match or not title:
        return None
    job_id = match.group(1)
    company_link = card.select_one(".base-search-card__subtitle a")
    posted = card.select_one("time.job-search-card__listdate, time.job-search-card__listdate--new")
    classes = posted.get("class", []) if posted else []
    extra = {
        "linkedin_job_id": job_id,
        "company_linkedin_url": canonical_url(company_link["href"]) if company_link and company_link.get("href")
        else "",
        "posted_date": posted.get("datetime", "") if posted else "",
        "posted_text": posted.get_text(" ", strip=True) if posted else "",
        "posted_new": "job-search-card__listdate--new" in classes,
        "salary": first_text(card, ".job-search-card__salary-info"),
        "benefits": [b.get_text(" ", strip=True) for b in card.select(".job-posting-benefits__text")],
    }
    return NewJob(source=NAME, source_id=job_id, url=job_url(job_id), title=title,
                  company=first_text(card, ".base-search-card__subtitle"),
                  location=first_text(card, ".job-search-card__location"),
                  company_url=str(extra["company_linkedin_url"]), extra=extra)


def parse_search_page(html: str) -> list[NewJob]:
    """Cards of one search page; DriftError when the page has job markers but no parsable card."""
    soup = BeautifulSoup(html, "html.parser")
    cards = soup.select("[data-entity-urn*='jobPosting']") or soup.select("div.base-search-card, li")
    jobs = [job for card in cards if (job := parse_card(card))]
    unique = list({job.source_id: job for job in jobs}.values())
    if not unique and any(marker in html for marker in _JOB_MARKERS):
        raise DriftError("LinkedIn search page has job markers but no card could be parsed: the markup changed")
    return unique


def _apply_url(soup: BeautifulSoup) -> str:
    code = soup.select_one("code#applyUrl")
    if not code:
        return ""
    comment = next((c for c in code.children if isinstance(c, Comment)), None)
    found = re.search(r'https?://[^"\s]+', str(comment or code.get_text()))
    return found.group(0) if found else ""


def parse_detail(html: str) -> dict[str, Any]:
    """The fields of one job's detail fragment (or full page); DriftError when it has none."""
    soup = BeautifulSoup(html, "html.parser")
    markup = soup.select_one(".show-more-less-html__markup") or soup.select_one(".description__text")
    if markup is None:
        raise DriftError("LinkedIn job page has no description block: the markup changed or the job is gone")
    criteria, warnings = read_criteria([(first_text(item, ".description__job-criteria-subheader"),
                                         first_text(item, ".description__job-criteria-text"))
                                        for item in soup.select(".description__job-criteria-item")])
    closed = soup.select_one(".closed-job, [class*='closed-job__flavor']")
    recruiter = None
    card = soup.select_one(".message-the-recruiter")
    if card:
        profile = card.select_one("a[href*='/in/']")
        recruiter = {"name": first_text(card, ".base-main-card__title"),
                     "headline": first_text(card, ".base-main-card__subtitle"),
                     "profile_url": canonical_url(attr(profile, "href")) if profile else ""}
    company_link = soup.select_one("a.topcard__org-name-link")
    return {
        "title": first_text(soup, ".top-card-layout__title"),
        "company": first_text(soup, ".topcard__org-name-link"),
        "company_url": canonical_url(attr(company_link, "href")) if attr(company_link, "href") else "",
        "location": first_text(soup, ".topcard__flavor--bullet"),
        "posted_text": first_text(soup, ".posted-time-ago__text"),
        "applicants": first_text(soup, ".num-applicants__caption"),
        "salary": first_text(soup, ".compensation__salary"),
        "description_html": sanitize_html(markup.decode_contents()),
        "description": text_of(markup.decode_contents()),
        **hidden_field(markup.decode_contents()),
        "seniority": criteria.get("seniority") or "", "seniority_text": criteria.get("seniority_text", ""),
        "employment_type": criteria.get("employment_type") or "",
        "employment_type_text": criteria.get("employment_type_text", ""),
        "job_function": criteria.get("job_function", ""), "industries": criteria.get("industries", ""),
        "criteria_raw": criteria["criteria_raw"], "warnings": warnings,
        "closed": closed is not None, "closed_text": closed.get_text(" ", strip=True) if closed else "",
        "recruiter": recruiter,
        "apply_url": _apply_url(soup),
    }


class LinkedInSource:
    """Guest search cards (pending) and detail pages (pending -> scraped)."""

    name = NAME

    def __init__(self, config: SourceConfig) -> None:
        self.base_url = config.base_url.rstrip("/")
        self.report = SearchReport()

    def search(self, search: SearchConfig, fetcher: Fetcher, known: Known) -> Iterator[NewJob]:
        """Page by page. With stop_at_known, a page of known cards ends the search, unless the
        daily cap stopped it further on before (search.resume_from): then it goes on from there."""
        start = 0
        while start < LAST_START:
            response = fetcher.get(self.base_url + SEARCH_PATH, search_params(search, start))
            if response.status_code == 400:
                return  # LinkedIn's answer past the last page
            check_blocked(response)
            check_status(response)
            cards = parse_search_page(response.text) if response.text.strip() else []
            if not cards:
                return
            all_known = all(known(job.source_id) for job in cards)
            cards, missing = partial_drift(cards, CARD_FIELDS)
            if missing:
                self.report.drift.append(f"search page start={start}: {', '.join(missing)} empty on most cards "
                                  "(the markup changed in part; cards kept and flagged)")
            self.report.position, self.report.page = start, cards
            yield from cards
            start += len(cards)
            if search.stop_at_known and all_known:
                if start > search.resume_from:
                    return
                start = search.resume_from

    def check_open(self, job: Job, fetcher: Fetcher) -> bool | None:
        """One paced request for the detail page: closed by marker or 404/410, open, or None when
        LinkedIn cannot be read right now (blocked, down): that proves nothing."""
        job_id = job.extra.get("linkedin_job_id") or job.source_id
        try:
            response = fetcher.get(self.base_url + DETAIL_PATH.format(id=job_id))
            check_blocked(response)
            if response.status_code in GONE:
                return False
            check_status(response)
            return not parse_detail(response.text)["closed"]
        except (RetryableError, PermanentError):
            return None

    def fetch_detail(self, job: Job, fetcher: Fetcher) -> Output:
        job_id = job.extra.get("linkedin_job_id") or job.source_id
        response = fetcher.get(self.base_url + DETAIL_PATH.format(id=job_id))
        check_blocked(response)
        if response.status_code in GONE:
            return Output(data={"expired": expiry(f"HTTP {response.status_code} on the job's detail page")},
                          status=State.EXPIRED)
        check_status(response)
        if not response.text.strip():
            raise PermanentError(f"LinkedIn returned an empty page for job {job_id}")
        detail = parse_detail(response.text)
        content = {k: clean(detail[k], multiline=k == "description")
                   for k in ("description", "location", "company_url", "title", "company") if detail[k]}
        detail["fetched_at"] = utc_iso()
        data: dict[str, Any] = {"detail": {k: v for k, v in detail.items() if k != "description"}}
        if detail["closed"]:
            data["expired"] = expiry("LinkedIn's closed-job marker", detail["closed_text"])
            return Output(data=data, content=content, status=State.EXPIRED)
        return Output(data=data, content=content)
