"""Every setting, declared once: frozen dataclasses whose fields are the YAML keys, with their
types and defaults. pipeline.config derives its validation tables from these fields, so a new
setting is one new field. Fields marked `internal` are filled by the loader, never by the YAML;
`yaml_types` overrides the accepted YAML types where the field's type alone does not say it.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import constants as c


def internal(default: Any = None, **kwargs: Any) -> Any:
    """A field the loader fills in, not a YAML key."""
    if "default_factory" in kwargs:
        return field(metadata={"internal": True}, **kwargs)
    return field(default=default, metadata={"internal": True})


def accepts(*types: Any, default: Any = None, **kwargs: Any) -> Any:
    """A field whose YAML value may take these types (None: may be null)."""
    if "default_factory" in kwargs:
        return field(metadata={"yaml_types": types}, **kwargs)
    return field(default=default, metadata={"yaml_types": types})


@dataclass(frozen=True)
class StageConfig:
    """How and when one stage runs: what every stage takes."""

    name: str = internal("")
    schedule: dict[str, str] = accepts(dict, str, None, default_factory=dict)
    enabled: bool = True
    max_retries: int = 3
    batch_size: int | None = 10
    concurrency: int = 1
    lease_seconds: float = 300.0
    run_deadline_seconds: float = 3000.0
    retry_base_seconds: float = 60.0
    retry_max_seconds: float = 3600.0


@dataclass(frozen=True)
class ScrapeSettings(StageConfig):
    batch_size: int | None = None  # every pending detail; new jobs are capped by max_jobs_per_day
    max_jobs_per_day: int | None = 50  # new jobs a calendar day, across runs and restarts; null: no cap
    expire_after_missing: int = 2  # a board job absent from this many full listings in a row is expired


@dataclass(frozen=True)
class FitSettings(StageConfig):
    batch_size: int | None = None  # scoring is cheap: every scraped job
    llm: bool = True  # ask the LLM about jobs in the profile's fit.llm_band, when a key is set


@dataclass(frozen=True)
class EnrichSettings(StageConfig):
    company_max_age_days: float = 14.0
    dns_nameservers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftSettings(StageConfig):
    profile: str = "profile.yaml"
    max_recipients: int = 1
    max_words: int = 150
    channels: tuple[str, ...] = ("email", "linkedin")
    daily_cost_cap_usd: float | None = None
    do_not_contact: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description_chars: int = 1500
    validation_retries: int = 2
    min_guess_confidence: float = 0.5  # a guessed address below this is never a recipient
    recheck_after_days: float = 7.0  # a posting last seen open longer ago is re-checked before drafting


@dataclass(frozen=True)
class DaemonConfig:
    pid_file: Path = Path("data/pipeline.pid")
    log_file: Path = Path("logs/pipeline.log")
    log_level: str = "INFO"
    timezone: str = accepts(str, None, default="")
    misfire_grace_seconds: int = 6 * 3600
    tick_seconds: float = 60.0
    stop_timeout_seconds: float = 30.0
    start_timeout_seconds: float = 20.0
    log_max_bytes: int = 5_000_000
    log_backups: int = 5


@dataclass(frozen=True)
class StorageConfig:
    backend: str = "auto"
    sqlite_path: Path = Path("data/pipeline.sqlite3")
    mongodb_database: str | None = None
    timeout_seconds: float = 5.0
    keep_days: float = 90.0  # run records, and the history of jobs in end states, older than this are pruned


@dataclass(frozen=True)
class SearchConfig:
    """One search. The filters map onto LinkedIn's guest search; whole boards and feeds are
    filtered on our side by keywords and location."""

    keywords: str = accepts(str, default=None)
    location: str = accepts(str, None, default="")
    name: str = ""
    sources: tuple[str, ...] = ("linkedin",)
    geo_id: str = accepts(str, int, None, default="")
    posted_within_seconds: int | None = None
    workplace: tuple[str, ...] = ()       # onsite, remote, hybrid
    experience: tuple[str, ...] = ()      # internship, entry, associate, mid_senior, director, executive
    job_type: tuple[str, ...] = ()        # full_time, part_time, contract, temporary, internship, volunteer, other
    company_ids: tuple[str, ...] = ()
    sort_by_date: bool = True
    max_jobs: int | None = None
    stop_at_known: bool = True
    resume_from: int = internal(0)  # where yesterday's daily cap stopped this search (LinkedIn's start)


@dataclass(frozen=True)
class SourceConfig:
    """Where a source lives and how politely to ask it. Unset values come from its catalog row."""

    name: str = internal("")
    base_url: str = accepts(str, default=None)
    enabled: bool = True
    min_delay: float = accepts(int, float, default=None)
    max_delay: float = accepts(int, float, default=None)
    max_in_flight: int = accepts(int, default=None)
    max_429: int = 3
    backoff_base_seconds: float = 60.0  # a 429 without Retry-After waits this, doubling per 429 in a row
    backoff_max_seconds: float = 600.0  # a longer wait (Retry-After included) gives the host up for the run
    boards: tuple[str, ...] = ()
    websites: dict[str, str] = internal(default_factory=dict)  # board -> the company's own site
    names: dict[str, str] = internal(default_factory=dict)  # board -> the company's name, when the entry gives it


@dataclass(frozen=True)
class HttpConfig:
    """Client settings, and the pacing of hosts no source names (company websites)."""

    user_agent: str = ""
    timeout_seconds: float = 20.0
    proxy: str | None = None
    min_delay: float = 1.0
    max_delay: float = 3.0
    max_in_flight: int = 2


@dataclass(frozen=True)
class LLMConfig:
    base_url: str = "https://openrouter.ai/api/v1"
    model: str = "openai/gpt-4o-mini"
    api_key_env: str = c.ENV_OPENROUTER_KEY
    temperature: float = 0.7
    timeout_seconds: float = 60.0
    max_tokens: int = 600
    prices: dict[str, dict[str, float]] = field(default_factory=dict)  # model -> USD per million tokens
    summarize_companies: bool = True


@dataclass(frozen=True)
class MailboxSettings:
    """The person's own mailbox over IMAP: approved drafts filed in Drafts, Sent and replies read.
    The password is IMAP_PASSWORD in .env only (an app password); nothing is ever sent by SMTP."""

    host: str = accepts(str, default=None)
    user: str = accepts(str, default=None)
    port: int | None = None  # null: 993 for tls, 143 for starttls and plain
    security: str = "tls"  # tls | starttls | plain (plain only to a loopback host)
    ca_file: Path | None = None  # a CA bundle trusted instead of the system's (a self-signed server)
    drafts_folder: str = "auto"  # auto: the folder marked \\Drafts (RFC 6154), else a common name
    sent_folder: str = "auto"  # auto: the folder marked \\Sent, else a common name
    folders: tuple[str, ...] = ("INBOX",)  # where replies arrive; read only (EXAMINE, BODY.PEEK)
    schedule: dict[str, str] = accepts(dict, str, None, default_factory=dict)
    enabled: bool = True
    push: bool = True  # file approved e-mail drafts in Drafts (false: only read Sent and replies)
    timeout_seconds: float = 30.0
    body_bytes: int = 65536  # how much of a matched message's text part is read (never the whole mail)


@dataclass(frozen=True)
class Config:
    path: Path
    root: Path
    daemon: DaemonConfig
    storage: StorageConfig
    searches: tuple[SearchConfig, ...]
    llm: LLMConfig
    stages: dict[str, StageConfig] = field(default_factory=dict)
    sources: dict[str, SourceConfig] = field(default_factory=dict)
    http: HttpConfig = field(default_factory=HttpConfig)
    mongodb_uri: str | None = field(default=None, repr=False)
    llm_api_key: str | None = field(default=None, repr=False)
    mailbox: MailboxSettings | None = None  # None: no `mailbox:` section, the mailbox is not configured
    imap_password: str | None = field(default=None, repr=False)

    def stage(self, name: str) -> Any:
        """A stage's settings, typed by the caller (e.g. `settings: DraftSettings = config.stage(c.DRAFT)`)."""
        return self.stages[name]
