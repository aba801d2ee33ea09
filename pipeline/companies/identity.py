"""Who a company is, across sources: a normalised name, its website's domain, its LinkedIn slug.

A job's company is stored once and found again by any of these aliases ('name:acme',
'domain:acme.io', 'li:acme-inc'): duplicate postings, enrichment, the do-not-contact list and
drafts all ask here, so they agree on what "the same company" means.
"""

import re
import unicodedata
from urllib.parse import urlsplit

from pipeline.config.catalog import job_hosts
from pipeline.records import Job

_LEGAL = {"inc", "incorporated", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "company", "plc",
          "ag", "sa", "bv", "srl", "sas", "oy", "ab", "as", "pty", "the", "se", "kg"}


def fold(text: str) -> str:
    """Lower-case ASCII words: 'Café Ünïon, Inc.' -> 'cafe union inc'."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_DOMAIN = re.compile(r"\.(io|com|ai|co|app|dev|net|org|tech)$", re.I)


def company_key(name: str) -> str:
    """'Acme, Inc.', 'ACME' and 'acme.io' -> 'acme'."""
    words = [w for w in fold(_DOMAIN.sub("", (name or "").strip())).split() if w not in _LEGAL]
    return " ".join(words) or fold(name)


def linkedin_slug(url: str) -> str:
    """'https://www.linkedin.com/company/acme-inc?trk=x' -> 'acme-inc'."""
    match = re.search(r"linkedin\.com/company/([^/?#]+)", url or "")
    return match.group(1).lower() if match else ""


def _site(url: str) -> str:
    host = urlsplit(url or "").netloc.lower().removeprefix("www.")
    return "" if not host or any(host.endswith(h) for h in job_hosts()) else url


def job_website(job: Job) -> str:
    """The company's own site as the job shows it: its company URL, else the home of an apply URL
    on the company's own domain (an ATS host does not count)."""
    apply = _site(job.extra.get("apply_url", "") or (job.data.get("detail") or {}).get("apply_url", ""))
    if _site(job.company_url):
        return job.company_url
    if apply:
        parts = urlsplit(apply)
        return f"{parts.scheme}://{parts.netloc}/"
    return ""


def job_slug(job: Job) -> str:
    """The LinkedIn company slug the job points at, if any."""
    return linkedin_slug(job.company_url) or linkedin_slug(job.extra.get("company_linkedin_url", ""))


def identities(job: Job) -> list[str]:
    """The aliases this job's company may already be stored under, most specific first."""
    found = []
    slug = job_slug(job)
    if slug:
        found.append(f"li:{slug}")
    site = job_website(job)
    if site:
        found.append(f"domain:{urlsplit(site).netloc.lower().removeprefix('www.')}")
    if job.company:
        found.append(f"name:{company_key(job.company)}")
    return found
