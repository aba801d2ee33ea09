"""Names a user types or a store keeps: stages, environment variables, files, collections, exit codes.
Job states and history events are in pipeline.states."""

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
ENV_WEB_TOKEN = "WEB_TOKEN"  # the review page's password, needed to serve it on any host but loopback
ENV_IMAP_PASSWORD = "IMAP_PASSWORD"  # the mailbox's (app) password
# Development only: "enrich=package.module:factory,..." supplies a stage's work function.
ENV_TEST_STAGES = "PIPELINE_TEST_STAGES"

DEFAULT_CONFIG_FILE = "pipeline_config.yaml"
DEFAULT_MONGO_DATABASE = "job_pipeline"

# Collections (MongoDB) and tables (SQLite).
JOBS = "jobs"
EVENTS = "events"
RUNS = "runs"
QUOTAS = "quotas"
LEASES = "leases"  # named leases: one holder at a time across every daemon on the store
COMPANIES = "companies"
COMPANY_ALIASES = "company_aliases"

# Exit codes of the CLI.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
