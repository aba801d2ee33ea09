"""Job-search pipeline daemon: scrape postings, enrich companies, draft outreach."""

__version__ = "0.1.0"
