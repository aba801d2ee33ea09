"""pipeline_config.yaml + .env -> frozen dataclasses. Every mistake names file, line and key."""

import os
import re
import zoneinfo
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dotenv import load_dotenv

from pipeline import constants as c
from pipeline.errors import ConfigError
from pipeline.redact import mask_uri, register_secret
from pipeline.yamldoc import Located, check_section

CRON_FIELDS = ("minute", "hour", "day", "month", "day_of_week")
SCHEDULE_KEYS = ("second", *CRON_FIELDS)


@dataclass(frozen=True)
class StageConfig:
    """How and when one stage runs."""

    name: str
    schedule: dict[str, str]
    enabled: bool = True
    max_retries: int = 3
    batch_size: int | None = 10
    concurrency: int = 1
    lease_seconds: float = 300.0
    run_deadline_seconds: float = 3000.0
    retry_base_seconds: float = 60.0
    retry_max_seconds: float = 3600.0
    max_jobs_per_day: int | None = None
    company_max_age_days: float = 14.0
    dns_nameservers: tuple[str, ...] = ()
    profile: str = "profile.yaml"
    max_recipients: int = 1
    max_words: int = 150
    channels: tuple[str, ...] = ("email", "linkedin")
    daily_cost_cap_usd: float | None = None
    do_not_contact: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description_chars: int = 1500
    validation_retries: int = 2


@dataclass(frozen=True)
class DaemonConfig:
    pid_file: Path
    log_file: Path
    log_level: str = "INFO"
    timezone: str = ""
    misfire_grace_seconds: int = 6 * 3600
    tick_seconds: float = 60.0
    stop_timeout_seconds: float = 30.0
    start_timeout_seconds: float = 20.0
    log_max_bytes: int = 5_000_000
    log_backups: int = 5


@dataclass(frozen=True)
class StorageConfig:
    backend: str
    sqlite_path: Path
    mongodb_database: str | None = None
    timeout_seconds: float = 5.0


@dataclass(frozen=True)
class SearchConfig:
    """One search. The filters map onto LinkedIn's guest search; whole boards and feeds are
    filtered on our side by keywords and location."""

    keywords: str
    location: str = ""
    name: str = ""
    sources: tuple[str, ...] = ("linkedin",)
    geo_id: str = ""
    posted_within_seconds: int | None = None
    workplace: tuple[str, ...] = ()       # onsite, remote, hybrid
    experience: tuple[str, ...] = ()      # internship, entry, associate, mid_senior, director, executive
    job_type: tuple[str, ...] = ()        # full_time, part_time, contract, temporary, internship, volunteer, other
    company_ids: tuple[str, ...] = ()
    sort_by_date: bool = True
    max_jobs: int | None = None
    stop_at_known: bool = True


@dataclass(frozen=True)
class SourceConfig:
    """Where a source lives and how politely to ask it."""

    name: str
    base_url: str
    enabled: bool = True
    min_delay: float = 1.0
    max_delay: float = 3.0
    max_in_flight: int = 2
    max_429: int = 3
    boards: tuple[str, ...] = ()
    websites: dict[str, str] = field(default_factory=dict)  # board -> the company's own site


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


# Each section: key -> (accepted types, default). None in types means the key may be null.
_STAGE_KEYS: dict[str, tuple[tuple, Any]] = {
    "schedule": ((dict, str), None), "enabled": ((bool,), True), "max_retries": ((int,), 3),
    "batch_size": ((int, None), 10), "concurrency": ((int,), 1), "lease_seconds": ((int, float), 300),
    "run_deadline_seconds": ((int, float), 3000), "retry_base_seconds": ((int, float), 60),
    "retry_max_seconds": ((int, float), 3600),
}
_SECTION_KEYS: dict[str, dict[str, tuple[tuple, Any]]] = {  # keys only one stage takes
    "scraper": {"max_jobs_per_day": ((int, None), None)},
    "enricher": {"company_max_age_days": ((int, float), 14), "dns_nameservers": ((list,), [])},
    "generator": {"profile": ((str,), "profile.yaml"), "max_recipients": ((int,), 1), "max_words": ((int,), 150),
                  "channels": ((list,), ["email", "linkedin"]), "daily_cost_cap_usd": ((int, float, None), None),
                  "do_not_contact": ((dict,), {}), "description_chars": ((int,), 1500),
                  "validation_retries": ((int,), 2)},
}
_SECTIONS: dict[str, dict[str, tuple[tuple, Any]]] = {
    "daemon": {
        "pid_file": ((str,), "data/pipeline.pid"), "log_file": ((str,), "logs/pipeline.log"),
        "log_level": ((str,), "INFO"), "timezone": ((str, None), None),
        "misfire_grace_seconds": ((int,), 6 * 3600), "tick_seconds": ((int, float), 60),
        "stop_timeout_seconds": ((int, float), 30), "start_timeout_seconds": ((int, float), 20),
        "log_max_bytes": ((int,), 5_000_000), "log_backups": ((int,), 5),
    },
    "storage": {
        "backend": ((str,), "auto"), "sqlite_path": ((str,), "data/pipeline.sqlite3"),
        "mongodb_database": ((str, None), None), "timeout_seconds": ((int, float), 5),
    },
    "llm": {
        "base_url": ((str,), LLMConfig.base_url), "model": ((str,), LLMConfig.model),
        "api_key_env": ((str,), LLMConfig.api_key_env), "temperature": ((int, float), 0.7),
        "timeout_seconds": ((int, float), 60), "max_tokens": ((int,), 600), "prices": ((dict,), {}),
        "summarize_companies": ((bool,), True),
    },
    "scraper": _STAGE_KEYS, "enricher": _STAGE_KEYS, "generator": _STAGE_KEYS,
}
_SEARCH_KEYS: dict[str, tuple[tuple, Any]] = {
    "name": ((str,), ""), "keywords": ((str,), None), "location": ((str, None), ""),
    "sources": ((list,), ["linkedin"]), "geo_id": ((str, int, None), ""),
    "posted_within_seconds": ((int, None), None), "workplace": ((list,), []), "experience": ((list,), []),
    "job_type": ((list,), []), "company_ids": ((list,), []), "sort_by_date": ((bool,), True),
    "max_jobs": ((int, None), None), "stop_at_known": ((bool,), True),
}
SEARCH_CHOICES = {
    "sources": ("linkedin", "greenhouse", "lever", "ashby", "himalayas", "remotive", "remoteok"),
    "workplace": ("onsite", "remote", "hybrid"),
    "experience": ("internship", "entry", "associate", "mid_senior", "director", "executive"),
    "job_type": ("full_time", "part_time", "contract", "temporary", "internship", "volunteer", "other"),
}
SOURCE_DEFAULTS: dict[str, dict[str, Any]] = {
    "linkedin": {"base_url": "https://www.linkedin.com", "min_delay": 2.0, "max_delay": 5.0, "max_in_flight": 2},
    "greenhouse": {"base_url": "https://boards-api.greenhouse.io"},
    "lever": {"base_url": "https://api.lever.co"},
    "ashby": {"base_url": "https://api.ashbyhq.com"},
    "himalayas": {"base_url": "https://himalayas.app"},
    "remotive": {"base_url": "https://remotive.com", "min_delay": 5.0, "max_delay": 10.0},
    "remoteok": {"base_url": "https://remoteok.com"},
}
_SOURCE_KEYS: dict[str, tuple[tuple, Any]] = {
    "base_url": ((str,), None), "enabled": ((bool,), True), "min_delay": ((int, float), None),
    "max_delay": ((int, float), None), "max_in_flight": ((int,), None), "max_429": ((int,), 3),
    "boards": ((list,), []),
}
_HTTP_KEYS: dict[str, tuple[tuple, Any]] = {
    "user_agent": ((str,), ""), "timeout_seconds": ((int, float), 20), "proxy": ((str, None), None),
    "min_delay": ((int, float), 1.0), "max_delay": ((int, float), 3.0), "max_in_flight": ((int,), 2),
}
_DEFAULT_SCHEDULES = {"scraper": {"hour": 9, "minute": 0}, "enricher": {"minute": 0},
                      "generator": {"minute": 30}}
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _schedule(doc: Located, path: tuple, value: Any) -> dict[str, str]:
    """A schedule mapping or a five-field crontab string -> APScheduler cron fields, validated."""
    from apscheduler.triggers.cron import CronTrigger

    if isinstance(value, str):
        parts = value.split()
        if len(parts) != 5:
            raise doc.error(path, f"crontab {value!r} must have 5 fields (minute hour day month day_of_week)")
        fields = dict(zip(CRON_FIELDS, parts, strict=True))
    else:
        for key in value:
            if key not in SCHEDULE_KEYS:
                raise doc.error(path + (key,), f"unknown schedule field (known: {', '.join(SCHEDULE_KEYS)})")
            if isinstance(value[key], bool) or not isinstance(value[key], (int, str)):
                raise doc.error(path + (key,), f"expected a number or cron text, got {value[key]!r}")
        fields = {k: str(v) for k, v in value.items()}
    dow = fields.get("day_of_week", "*")
    if re.search(r"\d", dow.replace("*/", "")):
        raise doc.error(path + ("day_of_week",) if isinstance(value, dict) else path,
                        f"day_of_week {dow!r} is numeric; cron counts 0 as Sunday but APScheduler counts 0 "
                        "as Monday, so write day names instead (mon-fri, sat,sun)")
    try:
        CronTrigger(**fields, timezone="UTC")
    except (ValueError, TypeError) as exc:
        raise doc.error(path, f"impossible schedule {value!r}: {exc}") from None
    return fields


def _stage(doc: Located, section: str, stage: str, data: Any) -> StageConfig:
    values = check_section(doc, (section,), data, {**_STAGE_KEYS, **_SECTION_KEYS[section]})
    if section == "scraper" and "batch_size" not in (data or {}):
        values["batch_size"] = None  # every pending detail; new jobs are capped by max_jobs_per_day
    values["schedule"] = _schedule(doc, (section, "schedule"),
                                   values["schedule"] if values["schedule"] is not None
                                   else _DEFAULT_SCHEDULES[section])
    floats = ("lease_seconds", "run_deadline_seconds", "retry_base_seconds", "retry_max_seconds",
              "company_max_age_days")
    if "dns_nameservers" in values:
        values["dns_nameservers"] = tuple(str(n) for n in values["dns_nameservers"])
    if section == "generator":
        _generator(doc, values)
    return StageConfig(name=stage, **{k: float(v) if k in floats else v for k, v in values.items()})


def _generator(doc: Located, values: dict[str, Any]) -> None:
    """The draft stage's own keys: channels, the do-not-contact list, the spending cap."""
    for channel in values["channels"]:
        if channel not in ("email", "linkedin"):
            raise doc.error(("generator", "channels"), f"unknown channel {channel!r} (known: email, linkedin)")
    values["channels"] = tuple(values["channels"])
    dnc = values["do_not_contact"]
    for key, items in dnc.items():
        if key not in ("companies", "domains", "addresses") or not isinstance(items, list):
            raise doc.error(("generator", "do_not_contact", key),
                            "expected companies, domains or addresses, each a list")
    values["do_not_contact"] = {k: tuple(str(i).strip().lower() for i in v) for k, v in dnc.items()}
    if values["daily_cost_cap_usd"] is not None:
        values["daily_cost_cap_usd"] = float(values["daily_cost_cap_usd"])
    for key in ("max_recipients", "max_words", "description_chars"):
        if values[key] <= 0:
            raise doc.error(("generator", key), f"must be greater than 0, got {values[key]!r}")


def _searches(doc: Located, data: Any) -> tuple[SearchConfig, ...]:
    if data is None:
        data = []
    if not isinstance(data, list):
        raise doc.error(("searches",), f"expected a list of searches, got {type(data).__name__}")
    found = []
    for i, item in enumerate(data):
        values = check_section(doc, ("searches", i), item, _SEARCH_KEYS)
        if not values["keywords"]:
            raise doc.error(("searches", i), "keywords: every search needs keywords")
        for key in ("sources", "workplace", "experience", "job_type", "company_ids"):
            choices = SEARCH_CHOICES.get(key)
            for value in values[key]:
                if not isinstance(value, (str, int)) or (choices and value not in choices):
                    known = f" (known: {', '.join(choices)})" if choices else ""
                    raise doc.error(("searches", i, key), f"unknown value {value!r}{known}")
            values[key] = tuple(str(v) for v in values[key])
        values["location"] = values["location"] or ""
        values["name"] = values["name"] or values["keywords"]
        values["geo_id"] = str(values["geo_id"] or "")
        found.append(SearchConfig(**values))
    if not found and os.environ.get(c.ENV_KEYWORDS):
        keywords = os.environ[c.ENV_KEYWORDS]
        found.append(SearchConfig(keywords=keywords, location=os.environ.get(c.ENV_LOCATION, ""), name=keywords))
    return tuple(found)


def _boards(doc: Located, source: str, items: list[Any]) -> tuple[tuple[str, ...], dict[str, str]]:
    """Board entries: a token, or {token: the company's website} so enrichment can find the company."""
    boards, websites = [], {}
    for i, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            boards.append(item.strip())
        elif isinstance(item, dict) and len(item) == 1:
            token, site = next(iter(item.items()))
            if not isinstance(site, str) or not site.startswith(("http://", "https://")):
                raise doc.error(("sources", source, "boards", i), f"expected {{board: website URL}}, got {item!r}")
            boards.append(str(token))
            websites[str(token)] = site
        else:
            raise doc.error(("sources", source, "boards", i), f"expected a board name or {{board: website}}, "
                            f"got {item!r}")
    return tuple(boards), websites


def _sources(doc: Located, data: Any) -> dict[str, SourceConfig]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise doc.error(("sources",), f"expected a mapping of source names, got {type(data).__name__}")
    found = {}
    for name, defaults in SOURCE_DEFAULTS.items():
        values = check_section(doc, ("sources", name), data.get(name), _SOURCE_KEYS)
        merged = {"min_delay": 1.0, "max_delay": 3.0, "max_in_flight": 2, **defaults,
                  **{k: v for k, v in values.items() if v is not None}}
        if merged["max_delay"] < merged["min_delay"]:
            raise doc.error(("sources", name, "max_delay"), "must not be less than min_delay")
        if not merged["base_url"].startswith(("http://", "https://")):
            raise doc.error(("sources", name, "base_url"), f"expected an http(s) URL, got {merged['base_url']!r}")
        merged["boards"], merged["websites"] = _boards(doc, name, merged["boards"])
        found[name] = SourceConfig(name=name, **{k: float(v) if k.endswith("delay") else v
                                                 for k, v in merged.items()})
    for name in data:
        if name not in SOURCE_DEFAULTS:
            raise doc.error(("sources", name), f"unknown source (known: {', '.join(SOURCE_DEFAULTS)})")
    return found


def _prices(doc: Located, prices: dict[str, Any]) -> dict[str, dict[str, float]]:
    """llm.prices: {model: {prompt: USD per million tokens, completion: USD per million tokens}}."""
    for model, price in prices.items():
        ok = isinstance(price, dict) and set(price) == {"prompt", "completion"} and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in price.values())
        if not ok:
            raise doc.error(("llm", "prices", model), "expected {prompt: USD per million, completion: USD per million}")
    return {m: {k: float(v) for k, v in p.items()} for m, p in prices.items()}


def config_path(explicit: str | None = None) -> Path:
    """--config, else PIPELINE_CONFIG, else pipeline_config.yaml in the current directory."""
    return Path(explicit or os.environ.get(c.ENV_CONFIG) or c.DEFAULT_CONFIG_FILE).expanduser().resolve()


def load_config(explicit: str | None = None) -> Config:
    """Read .env and the YAML file; raise ConfigError naming file, line and key on any mistake."""
    path = config_path(explicit)
    load_dotenv(path.parent / ".env", override=False)
    load_dotenv(Path.cwd() / ".env", override=False)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", str(path)) from None
    doc = Located(path, text)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise doc.error((), "the config must be a mapping of sections")
    for key in data:
        if key not in _SECTIONS and key not in ("searches", "sources", "http"):
            raise doc.error((key,), f"unknown section (known: searches, sources, http, {', '.join(_SECTIONS)})")
    root = path.parent
    daemon = check_section(doc, ("daemon",), data.get("daemon"), _SECTIONS["daemon"])
    if daemon["log_level"].upper() not in _LOG_LEVELS:
        raise doc.error(("daemon", "log_level"), f"{daemon['log_level']!r} is not one of {', '.join(_LOG_LEVELS)}")
    if daemon["timezone"]:
        try:
            zoneinfo.ZoneInfo(daemon["timezone"])
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise doc.error(("daemon", "timezone"), f"unknown time zone {daemon['timezone']!r}") from None
    storage = check_section(doc, ("storage",), data.get("storage"), _SECTIONS["storage"])
    if storage["backend"] not in ("auto", "sqlite", "mongodb"):
        raise doc.error(("storage", "backend"), f"{storage['backend']!r} is not one of auto, sqlite, mongodb")
    mongodb_uri = os.environ.get(c.ENV_MONGODB_URI) or None
    backend = storage["backend"] if storage["backend"] != "auto" else ("mongodb" if mongodb_uri else "sqlite")
    if backend == "mongodb" and not mongodb_uri:
        raise doc.error(("storage", "backend"), f"backend is mongodb but {c.ENV_MONGODB_URI} is not set")
    llm = check_section(doc, ("llm",), data.get("llm"), _SECTIONS["llm"])
    llm["prices"] = _prices(doc, llm["prices"])
    stages = {stage: _stage(doc, section, stage, data.get(section)) for stage, section in c.STAGE_SECTIONS.items()}
    api_key = os.environ.get(llm["api_key_env"]) or None
    http = check_section(doc, ("http",), data.get("http"), _HTTP_KEYS)
    register_secret(api_key)
    register_secret(mongodb_uri)
    return Config(
        path=path, root=root,
        daemon=DaemonConfig(**{**daemon, "pid_file": root / daemon["pid_file"], "log_file": root / daemon["log_file"],
                               "log_level": daemon["log_level"].upper(), "timezone": daemon["timezone"] or "",
                               "tick_seconds": float(daemon["tick_seconds"]),
                               "stop_timeout_seconds": float(daemon["stop_timeout_seconds"]),
                               "start_timeout_seconds": float(daemon["start_timeout_seconds"])}),
        storage=StorageConfig(backend=backend, sqlite_path=root / storage["sqlite_path"],
                              mongodb_database=storage["mongodb_database"],
                              timeout_seconds=float(storage["timeout_seconds"])),
        searches=_searches(doc, data.get("searches")),
        llm=LLMConfig(**{**llm, "temperature": float(llm["temperature"]),
                         "timeout_seconds": float(llm["timeout_seconds"])}),
        stages=stages, sources=_sources(doc, data.get("sources")), http=HttpConfig(**{
            **http, "timeout_seconds": float(http["timeout_seconds"]), "min_delay": float(http["min_delay"]),
            "max_delay": float(http["max_delay"])}),
        mongodb_uri=mongodb_uri, llm_api_key=api_key,
    )


def effective(config: Config) -> dict[str, Any]:
    """The config as it will be used, secrets masked: what `config check` prints."""
    def plain(value: Any) -> Any:
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    out: dict[str, Any] = {"config_file": str(config.path)}
    out["daemon"] = plain(asdict(config.daemon))
    out["storage"] = {**plain(asdict(config.storage)), "mongodb_uri": mask_uri(config.mongodb_uri)}
    if config.storage.backend == "sqlite":
        out["storage"]["mongodb_uri"] = None
    out["searches"] = [plain(asdict(s)) for s in config.searches]
    out["sources"] = {name: {k: plain(v) for k, v in asdict(s).items() if k != "name"}
                      for name, s in config.sources.items()}
    out["http"] = {**asdict(config.http), "proxy": mask_uri(config.http.proxy)}
    out["llm"] = {**plain(asdict(config.llm)), "api_key": "set (hidden)" if config.llm_api_key else "not set"}
    for stage, section in c.STAGE_SECTIONS.items():
        values = plain(asdict(config.stages[stage]))
        out[section] = {k: v for k, v in values.items() if k in _STAGE_KEYS or k in _SECTION_KEYS[section]}
    return out
