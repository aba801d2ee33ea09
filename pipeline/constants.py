"""Every name a user types or a store keeps, in one place."""

from enum import StrEnum


class State(StrEnum):
    """Job states, in pipeline order. Users type these; never rename them."""

    PENDING = "pending"
    SCRAPING = "scraping"
    SCRAPED = "scraped"
    SCORING = "scoring"
    SCORED = "scored"
    ENRICHING = "enriching"
    ENRICHED = "enriched"
    GENERATING = "generating"
    DRAFT_GENERATED = "draft_generated"
    FAILED = "failed"
    DUPLICATE = "duplicate"   # a posting already in the store from another source; linked, never worked on
    SKIPPED = "skipped"       # set by a person (`main.py mark`), or for a do-not-contact company
    APPLIED = "applied"       # set by a person
    EXPIRED = "expired"       # its source says it is closed; kept, never enriched or drafted


# Stage names, as typed in `run-stage` and `retry --stage`.
SCRAPE = "scrape"
FIT = "fit"
ENRICH = "enrich"
DRAFT = "draft"

# Environment variables.
ENV_CONFIG = "PIPELINE_CONFIG"
ENV_MONGODB_URI = "MONGODB_URI"
ENV_KEYWORDS = "JOB_KEYWORDS"
ENV_LOCATION = "JOB_LOCATION"
ENV_OPENROUTER_KEY = "OPENROUTER_API_KEY"
# Development only: "enrich=package.module:factory,..." supplies a stage's work function.
ENV_TEST_STAGES = "PIPELINE_TEST_STAGES"

DEFAULT_CONFIG_FILE = "pipeline_config.yaml"
DEFAULT_MONGO_DATABASE = "job_pipeline"

# Collections (MongoDB) and tables (SQLite).
JOBS = "jobs"
EVENTS = "events"
RUNS = "runs"
QUOTAS = "quotas"
COMPANIES = "companies"
COMPANY_ALIASES = "company_aliases"

# Exit codes of the CLI.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
