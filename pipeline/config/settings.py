"""Every setting, declared once: frozen dataclasses whose fields are the YAML keys, with their
types, defaults and (for numbers) ranges. pipeline.config.loading derives its validation from
these fields and the README's table of ranges is checked against them, so a new setting is one
new field. Fields marked `internal` are filled by the loader, never by the YAML; `yaml_types`
overrides the accepted YAML types where the field's type alone does not say it.
"""

import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import constants as c

DAY = 86400


def internal(default: Any = None, **kwargs: Any) -> Any:
    """A field the loader fills in, not a YAML key."""
    if "default_factory" in kwargs:
        return field(metadata={"internal": True}, **kwargs)
    return field(default=default, metadata={"internal": True})


def number(default: Any, low: float, high: float) -> Any:
    """A numeric field and its range, both ends allowed (null, where the type allows it, is no value)."""
    return field(default=default, metadata={"range": (low, high)})


def choice(default: Any, options: tuple[str, ...]) -> Any:
    """A text field that takes one of `options` (a list field: each item one of them)."""
    return field(default=default, metadata={"choices": options})


def accepts(*types: Any, default: Any = None, low: float | None = None, high: float | None = None,
            **kwargs: Any) -> Any:
    """A field whose YAML value may take these types (None: may be null), and its range if numeric."""
    metadata: dict[str, Any] = {"yaml_types": types}
    if low is not None and high is not None:
        metadata["range"] = (low, high)
    if "default_factory" in kwargs:
        return field(metadata=metadata, **kwargs)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class StageConfig:
    """How and when one stage runs: what every stage takes."""

    name: str = internal("")
    schedule: dict[str, str] = accepts(dict, str, None, default_factory=dict)
    enabled: bool = True
    max_retries: int = number(3, 1, 100)
    batch_size: int | None = number(10, 1, 100_000)
    concurrency: int = number(1, 1, 64)
    lease_seconds: float = number(300.0, 1, DAY)
    run_deadline_seconds: float = number(3000.0, 1, 7 * DAY)
    retry_base_seconds: float = number(60.0, 0, DAY)
    retry_max_seconds: float = number(3600.0, 0, 30 * DAY)

    def problems(self) -> Iterator[tuple[str, str]]:
        """Rules between keys: (key, what is wrong) for each broken one. Every settings class may
        have them; the loader reports them with file and line, like a wrong type or range."""
        if self.retry_base_seconds > self.retry_max_seconds:
            longest = self.retry_max_seconds
            yield "retry_base_seconds", (f"{self.retry_base_seconds!r} is above retry_max_seconds ({longest!r}): "
                                         "the first wait would be longer than the longest")


@dataclass(frozen=True)
class ScrapeSettings(StageConfig):
    # batch_size: every pending detail by default; new jobs are capped by max_jobs_per_day
    batch_size: int | None = number(None, 1, 100_000)
    max_jobs_per_day: int | None = number(50, 1, 100_000)  # new jobs a calendar day, across runs; null: no cap
    expire_after_missing: int = number(2, 1, 1000)  # a board job absent from this many full listings in a row expires


@dataclass(frozen=True)
class FitSettings(StageConfig):
    batch_size: int | None = number(None, 1, 100_000)  # scoring is cheap: every scraped job
    llm: bool = True  # ask the LLM about jobs in the profile's fit.llm_band, when a key is set


@dataclass(frozen=True)
class EnrichSettings(StageConfig):
    company_max_age_days: float = number(14.0, 0, 3650)
    dns_nameservers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftSettings(StageConfig):
    profile: str | None = None  # deprecated: the top-level `profile:` key
    max_recipients: int = number(1, 1, 10)
    max_words: int = number(150, 10, 2000)
    channels: tuple[str, ...] = choice(("email", "linkedin"), ("email", "linkedin"))
    daily_cost_cap_usd: float | None = number(None, 0, 1_000_000)  # deprecated: llm.daily_cost_cap_usd
    do_not_contact: dict[str, tuple[str, ...]] = field(default_factory=dict)  # companies, domains, addresses
    description_chars: int = number(1500, 100, 100_000)
    validation_retries: int = number(2, 0, 10)
    min_guess_confidence: float = number(0.5, 0, 1)  # a guessed address below this is never a recipient
    recheck_after_days: float = number(7.0, 0.01, 3650)  # a posting last seen open longer ago is re-checked first
    follow_up_days: float = number(7.0, 0.5, 365)  # no reply this long: the next person at the company is proposed
    resume: bool = True  # a one-page PDF per drafted job, when the profile has a cv: section
    resume_llm: bool = False  # with a key, the LLM may choose and order the resume's highlights (ids only)

    def __post_init__(self) -> None:
        """The do-not-contact entries as compared: trimmed, lower case."""
        if isinstance(self.do_not_contact, dict):
            object.__setattr__(self, "do_not_contact", {k: tuple(str(i).strip().lower() for i in v)
                                                        for k, v in self.do_not_contact.items()
                                                        if isinstance(v, (list, tuple))})

    def problems(self) -> Iterator[tuple[str, str]]:
        yield from super().problems()
        for key in self.do_not_contact:
            if key not in ("companies", "domains", "addresses"):
                yield f"do_not_contact.{key}", "expected companies, domains or addresses, each a list"


@dataclass(frozen=True)
class DaemonConfig:
    pid_file: Path = Path("data/pipeline.pid")
    log_file: Path = Path("logs/pipeline.log")
    log_level: str = choice("INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
    timezone: str = accepts(str, None, default="")
    misfire_grace_seconds: int = number(6 * 3600, 0, 7 * DAY)
    tick_seconds: float = number(60.0, 0.1, 3600)
    stop_timeout_seconds: float = number(30.0, 1, 3600)
    start_timeout_seconds: float = number(20.0, 1, 600)
    log_max_bytes: int = number(5_000_000, 10_000, 10**10)
    log_backups: int = number(5, 0, 100)

    def problems(self) -> Iterator[tuple[str, str]]:
        if self.timezone:
            try:
                zoneinfo.ZoneInfo(self.timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                yield "timezone", f"unknown time zone {self.timezone!r}"


@dataclass(frozen=True)
class StorageConfig:
    backend: str = choice("auto", ("auto", "sqlite", "mongodb"))
    sqlite_path: Path = Path("data/pipeline.sqlite3")
    mongodb_database: str | None = None
    timeout_seconds: float = number(5.0, 0.1, 600)
    keep_days: float = number(90.0, 1, 36_500)  # older run records and end-state jobs' history are pruned


@dataclass(frozen=True)
class SearchConfig:
    """One search. The filters map onto LinkedIn's guest search; whole boards and feeds are
    filtered on our side by keywords and location."""

    keywords: str = accepts(str, default=None)
    location: str = accepts(str, None, default="")
    name: str = ""
    sources: tuple[str, ...] = ("linkedin",)
    geo_id: str = accepts(str, int, None, default="")
    posted_within_seconds: int | None = number(None, 60, 365 * DAY)
    workplace: tuple[str, ...] = choice((), ("onsite", "remote", "hybrid"))
    experience: tuple[str, ...] = choice((), ("internship", "entry", "associate", "mid_senior", "director",
                                              "executive"))
    job_type: tuple[str, ...] = choice((), ("full_time", "part_time", "contract", "temporary", "internship",
                                            "volunteer", "other"))
    company_ids: tuple[str, ...] = ()
    sort_by_date: bool = True
    max_jobs: int | None = number(None, 1, 100_000)
    stop_at_known: bool = True
    resume_from: int = internal(0)  # where yesterday's daily cap stopped this search (LinkedIn's start)


@dataclass(frozen=True)
class SourceConfig:
    """Where a source lives and how politely to ask it. Unset values come from its catalog row."""

    name: str = internal("")
    base_url: str = accepts(str, default=None)
    enabled: bool = True
    min_delay: float = accepts(int, float, default=None, low=0, high=3600)
    max_delay: float = accepts(int, float, default=None, low=0, high=3600)
    max_in_flight: int = accepts(int, default=None, low=1, high=64)
    max_429: int = number(3, 1, 100)
    backoff_base_seconds: float = number(60.0, 0.1, 3600)  # a 429 without Retry-After waits this, doubling
    backoff_max_seconds: float = number(600.0, 1, DAY)  # a longer wait (Retry-After too) gives the host up
    boards: tuple[str, ...] = ()
    websites: dict[str, str] = internal(default_factory=dict)  # board -> the company's own site
    names: dict[str, str] = internal(default_factory=dict)  # board -> the company's name, when the entry gives it

    def problems(self) -> Iterator[tuple[str, str]]:
        if self.max_delay is not None and self.min_delay is not None and self.max_delay < self.min_delay:
            yield "max_delay", "must not be less than min_delay"
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            yield "base_url", f"expected an http(s) URL, got {self.base_url!r}"


@dataclass(frozen=True)
class HttpConfig:
    """Client settings, and the pacing of hosts no source names (company websites)."""

    user_agent: str = ""
    timeout_seconds: float = number(20.0, 0.1, 600)
    proxy: str | None = None
    # for tests only: let fetches reach loopback and private addresses (sample sites on 127.0.0.1)
    allow_private_addresses: bool = False
    min_delay: float = number(1.0, 0, 3600)
    max_delay: float = number(3.0, 0, 3600)
    max_in_flight: int = number(2, 1, 64)

    def problems(self) -> Iterator[tuple[str, str]]:
        if self.max_delay < self.min_delay:
            yield "max_delay", "must not be less than min_delay"


@dataclass(frozen=True)
class LLMConfig:
    base_url: str = "https://openrouter.ai/api/v1"
    model: str = "openai/gpt-4o-mini"
    api_key_env: str = c.ENV_OPENROUTER_KEY
    temperature: float = number(0.7, 0, 2)
    timeout_seconds: float = number(60.0, 1, 3600)
    max_tokens: int = number(600, 1, 100_000)
    daily_cost_cap_usd: float | None = number(None, 0, 1_000_000)  # every stage's LLM calls together, a day
    prices: dict[str, dict[str, float]] = field(default_factory=dict)  # model -> USD per million tokens
    summarize_companies: bool = True


@dataclass(frozen=True)
class WebConfig:
    """The review page (`main.py web`, and inside the daemon). Any host but a loopback one needs
    WEB_TOKEN in .env; a Host header other than loopback names and `allowed_hosts` is refused."""

    enabled: bool = True  # the daemon serves the page too
    host: str = "127.0.0.1"
    port: int = number(8765, 0, 65_535)  # 0: any free port (the daemon's status names the one it got)
    allowed_hosts: tuple[str, ...] = ()  # more names the browser may use for it (behind a proxy, a LAN name)

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.host.strip():
            yield "host", "expected an address to listen on, such as 127.0.0.1"
        for name in self.allowed_hosts:
            if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\]", name):
                yield "allowed_hosts", f"expected host names without scheme or port, got {name!r}"


@dataclass(frozen=True)
class MailboxSettings:
    """The person's own mailbox over IMAP: approved drafts filed in Drafts, Sent and replies read.
    The password is IMAP_PASSWORD in .env only (an app password); nothing is ever sent by SMTP."""

    host: str = accepts(str, default=None)
    user: str = accepts(str, default=None)
    port: int | None = number(None, 1, 65535)  # null: 993 for tls, 143 for starttls and plain
    security: str = choice("tls", ("tls", "starttls", "plain"))  # plain only to a loopback host
    ca_file: Path | None = None  # a CA bundle trusted instead of the system's (a self-signed server)
    drafts_folder: str = "auto"  # auto: the folder marked \\Drafts (RFC 6154), else a common name
    sent_folder: str = "auto"  # auto: the folder marked \\Sent, else a common name
    folders: tuple[str, ...] = ("INBOX",)  # where replies arrive; read only (EXAMINE, BODY.PEEK)
    schedule: dict[str, str] = accepts(dict, str, None, default_factory=dict)
    enabled: bool = True
    push: bool = True  # file approved e-mail drafts in Drafts (false: only read Sent and replies)
    timeout_seconds: float = number(30.0, 0.1, 3600)
    body_bytes: int = number(65536, 1024, 10_000_000)  # how much of a matched message's text part is read

    def problems(self) -> Iterator[tuple[str, str]]:
        for key, what in (("host", "server"), ("user", "login name")):
            if not str(getattr(self, key) or "").strip():
                yield key, f"{key} is missing: the mailbox needs its IMAP {what}"
        if self.security == "plain" and self.host and not is_loopback(self.host):
            yield "security", (f"plain sends the password unencrypted; it is allowed only to a loopback host "
                               f"(localhost, 127.0.0.1, ::1), not {self.host!r}: use tls or starttls")
        if not self.folders:
            yield "folders", "name at least one folder where replies arrive (e.g. [INBOX])"
        for folder in self.folders:
            if not isinstance(folder, str) or not folder.strip():
                yield "folders", f"expected folder names, got {folder!r}"


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1: the only hosts a password may travel to unencrypted."""
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower().rstrip(".") == "localhost"


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
    web: WebConfig = field(default_factory=WebConfig)
    profile: Path = Path("profile.yaml")  # the person's profile (top-level `profile:`, relative to the config)
    deprecations: tuple[str, ...] = ()  # old keys still read, each with what to write instead
    mongodb_uri: str | None = field(default=None, repr=False)
    llm_api_key: str | None = field(default=None, repr=False)
    web_token: str | None = field(default=None, repr=False)  # WEB_TOKEN: what the review page asks of every request
    mailbox: MailboxSettings | None = None  # None: no `mailbox:` section, the mailbox is not configured
    imap_password: str | None = field(default=None, repr=False)

    def stage(self, name: str) -> Any:
        """A stage's settings, typed by the caller (e.g. `settings: DraftSettings = config.stage(c.DRAFT)`)."""
        return self.stages[name]
