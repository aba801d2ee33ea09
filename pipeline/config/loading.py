"""pipeline_config.yaml + .env -> frozen dataclasses. Every mistake names file, line and key."""

import dataclasses
import functools
import os
import re
import types
import typing
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dotenv import load_dotenv

from pipeline import constants as c
from pipeline.config.catalog import SOURCES, STAGES, StageSpec
from pipeline.config.settings import (
    Config,
    DaemonConfig,
    DraftSettings,
    HttpConfig,
    LLMConfig,
    MailboxSettings,
    SearchConfig,
    SourceConfig,
    StageConfig,
    StorageConfig,
    WebConfig,
)
from pipeline.config.yamlfile import Located, check_section, read_text
from pipeline.errors import ConfigError, ConfigErrors
from pipeline.redaction import mask_uri, register_secret

__all__ = ["Config", "DaemonConfig", "HttpConfig", "LLMConfig", "MailboxSettings", "SearchConfig", "SourceConfig",
           "StageConfig", "StorageConfig", "WebConfig", "config_path", "effective", "load_config"]

CRON_FIELDS = ("minute", "hour", "day", "month", "day_of_week")
SCHEDULE_KEYS = ("second", *CRON_FIELDS)


MAX_SEARCHES = 500  # each runs every scrape; more is a generated file, not a person's list
Spec = dict[str, tuple[Any, ...]]  # key -> (accepted YAML types, default[, (low, high)[, choices]])
T = typing.TypeVar("T")


def _yaml_types(hint: Any) -> tuple[Any, ...]:
    """The YAML types a field of this Python type accepts (None: may be null)."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return tuple(t for a in args for t in ((None,) if a is type(None) else _yaml_types(a)))
    origin = typing.get_origin(hint) or hint
    return {bool: (bool,), int: (int,), float: (int, float), str: (str,), Path: (str,), tuple: (list,),
            dict: (dict,), list: (list,)}[origin]


def key_spec(cls: type) -> Spec:
    """YAML key -> (accepted types, default, range or None, choices or None), derived from a settings
    dataclass's fields."""
    hints = typing.get_type_hints(cls)
    spec: Spec = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        default = f.default if f.default is not dataclasses.MISSING else \
            f.default_factory() if f.default_factory is not dataclasses.MISSING else None
        spec[f.name] = (f.metadata.get("yaml_types") or _yaml_types(hints[f.name]), default, f.metadata.get("range"),
                        f.metadata.get("choices"))
    return spec


def _schedule(doc: Located, path: tuple[Any, ...], value: Any, cron: bool = True) -> dict[str, str]:
    """A schedule mapping or a five-field crontab string -> APScheduler cron fields, validated.
    `cron=False` skips building the trigger (and importing APScheduler): read-only commands."""

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
    if cron:
        _check_fires(doc, path, value, fields)
    return fields


def _check_fires(doc: Located, path: tuple[Any, ...], value: Any, fields: dict[str, str]) -> None:
    """A schedule APScheduler accepts and that fires at least once in the coming years."""
    from datetime import UTC, datetime

    from apscheduler.triggers.cron import CronTrigger

    try:
        trigger = CronTrigger(**fields, timezone="UTC")
    except (ValueError, TypeError) as exc:
        raise doc.error(path, f"impossible schedule {value!r}: {exc}") from None
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        raise doc.error(path, f"schedule {value!r} never fires (e.g. a day that does not exist in that month)")


def _stage(doc: Located, spec: StageSpec, data: Any, cron: bool = True) -> StageConfig:
    section = spec.section
    values = check_section(doc, (section,), data, key_spec(spec.settings))
    values["schedule"] = _schedule(doc, (section, "schedule"),
                                   values["schedule"] or spec.schedule, cron)
    for key, items in (values.get("do_not_contact") or {}).items():
        if not isinstance(items, list):
            raise doc.error((section, "do_not_contact", key), "expected a list")
    return _make(spec.settings, {"name": spec.name, **values}, doc, (section,))


def _searches(doc: Located, data: Any) -> tuple[SearchConfig, ...]:
    if data is None:
        data = []
    if not isinstance(data, list):
        raise doc.error(("searches",), f"expected a list of searches, got {type(data).__name__}")
    if len(data) > MAX_SEARCHES:
        raise doc.error(("searches",), f"{len(data):,} searches; at most {MAX_SEARCHES} (each one runs at every "
                        "scrape)")
    found = []
    for i, item in enumerate(data):
        values = check_section(doc, ("searches", i), item, key_spec(SearchConfig))
        if not values["keywords"]:
            raise doc.error(("searches", i), "keywords: every search needs keywords")
        for key in ("sources", "company_ids"):  # the sources a search names are the source table's
            choices = tuple(SOURCES) if key == "sources" else None
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


def _boards(doc: Located, source: str, items: list[Any]) -> tuple[tuple[str, ...], dict[str, str], dict[str, str]]:
    """Board entries: a token; {token: the company's website}, so enrichment can find the company;
    or {token: {name: the company's name, website: ...}}, so dedupe links its postings elsewhere."""
    boards, websites, names = [], {}, {}
    for i, item in enumerate(items):
        path = ("sources", source, "boards", i)
        if isinstance(item, str) and item.strip():
            boards.append(item.strip())
            continue
        if not (isinstance(item, dict) and len(item) == 1):
            raise doc.error(path, f"expected a board name, {{board: website}} or {{board: {{name, website}}}}, "
                            f"got {item!r}")
        token, value = next(iter(item.items()))
        entry = value if isinstance(value, dict) else {"website": value}
        site, name = entry.get("website") or "", entry.get("name") or ""
        if set(entry) - {"name", "website"} or not isinstance(name, str) or not isinstance(site, str) or \
                (site and not site.startswith(("http://", "https://"))):
            raise doc.error(path, f"expected {{board: website URL}} or {{board: {{name: text, website: URL}}}}, "
                            f"got {item!r}")
        boards.append(str(token))
        if site:
            websites[str(token)] = site
        if name.strip():
            names[str(token)] = name.strip()
    return tuple(boards), websites, names


def _sources(doc: Located, data: Any) -> dict[str, SourceConfig]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise doc.error(("sources",), f"expected a mapping of source names, got {type(data).__name__}")
    for name in data:
        if name not in SOURCES:
            raise doc.error(("sources", name), f"unknown source (known: {', '.join(SOURCES)})")
    found = {}
    for name, spec in SOURCES.items():
        values = check_section(doc, ("sources", name), data.get(name), key_spec(SourceConfig))
        defaults = {"base_url": spec.base_url, "min_delay": spec.min_delay, "max_delay": spec.max_delay,
                    "max_in_flight": spec.max_in_flight}
        merged = {**values, **{k: v for k, v in defaults.items() if values[k] is None}}
        merged["boards"], merged["websites"], merged["names"] = _boards(doc, name, merged["boards"])
        found[name] = _make(SourceConfig, {"name": name, **merged}, doc, ("sources", name))
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


def load_config(explicit: str | None = None, *, check_schedules: bool = True) -> Config:
    """Read .env and the YAML file. Every section is checked; ConfigError names file, line and key
    of each mistake (ConfigErrors when there are several), and nothing is half-built."""
    path = config_path(explicit)
    load_dotenv(path.parent / ".env", override=False)
    load_dotenv(Path.cwd() / ".env", override=False)
    doc = Located(path, read_text(path))
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise doc.error((), "the config must be a mapping of sections")
    errors: list[ConfigError] = []

    def checked(build: Callable[[], T]) -> T:
        try:
            return build()
        except ConfigError as exc:
            errors.append(exc)
            return None  # type: ignore[return-value]  # never used: the errors are raised below

    sections = {"daemon", "storage", "llm", "http", "web", "searches", "sources", "profile", "mailbox",
                *(s.section for s in STAGES.values())}
    for key in data:
        if key not in sections:
            errors.append(doc.error((key,), f"unknown section (known: {', '.join(sorted(sections))})"))
    root = path.parent
    daemon = checked(lambda: _daemon(doc, data.get("daemon"), root))
    storage = checked(lambda: _storage(doc, data.get("storage"), root))
    llm = checked(lambda: _llm(doc, data.get("llm")))
    stages = {name: checked(functools.partial(_stage, doc, spec, data.get(spec.section), check_schedules))
              for name, spec in STAGES.items()}
    searches = checked(lambda: _searches(doc, data.get("searches")))
    sources = checked(lambda: _sources(doc, data.get("sources")))
    http = checked(lambda: _make(HttpConfig, check_section(doc, ("http",), data.get("http"), key_spec(HttpConfig)),
                                 doc, ("http",)))
    web = checked(lambda: _make(WebConfig, check_section(doc, ("web",), data.get("web"), key_spec(WebConfig)),
                                doc, ("web",)))
    mailbox = checked(lambda: _mailbox(doc, data.get("mailbox"), root, check_schedules))
    profile = checked(lambda: _profile(doc, data.get("profile")))
    if errors:
        raise errors[0] if len(errors) == 1 else ConfigErrors(errors)
    llm, profile, deprecations = _deprecated(doc, data, llm, stages, profile)
    api_key = os.environ.get(llm.api_key_env) or None
    mongodb_uri = os.environ.get(c.ENV_MONGODB_URI) or None
    web_token = os.environ.get(c.ENV_WEB_TOKEN) or None
    imap_password = os.environ.get(c.ENV_IMAP_PASSWORD) or None
    for secret in (api_key, mongodb_uri, web_token, imap_password):
        register_secret(secret)
    return Config(path=path, root=root, daemon=daemon, storage=storage, searches=searches, llm=llm, stages=stages,
                  sources=sources, http=http, web=web, profile=root / profile, deprecations=deprecations,
                  mongodb_uri=mongodb_uri, llm_api_key=api_key, web_token=web_token, mailbox=mailbox,
                  imap_password=imap_password)


def _profile(doc: Located, value: Any) -> str | None:
    """The top-level `profile:` key: the profile's path, relative to the config file."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise doc.error(("profile",), f"expected the profile file's path, got {value!r}")
    return value.strip()


# Keys that moved: (old section, old key) -> (new place as written in the config, how to set it).
MOVED = {("generator", "daily_cost_cap_usd"): "llm.daily_cost_cap_usd",
         ("generator", "profile"): "profile (a top-level key)"}


def _deprecated(doc: Located, data: dict[str, Any], llm: LLMConfig, stages: dict[str, StageConfig],
                profile: str | None) -> tuple[LLMConfig, str, tuple[str, ...]]:
    """Old keys are still read, each with a warning naming its line and the key to write instead;
    the new key wins when both are set."""
    draft = stages[c.DRAFT]
    assert isinstance(draft, DraftSettings)
    notes = []
    for (section, key), new in MOVED.items():
        if key in (data.get(section) or {}):
            notes.append(f"{doc.file}:{doc.lines.get((section, key), '?')}: {section}.{key} is deprecated; "
                         f"write {new} instead")
    llm_section = data.get("llm") or {}
    if draft.daily_cost_cap_usd is not None and "daily_cost_cap_usd" not in llm_section:
        llm = dataclasses.replace(llm, daily_cost_cap_usd=draft.daily_cost_cap_usd)
    return llm, profile or draft.profile or "profile.yaml", tuple(notes)


def _daemon(doc: Located, data: Any, root: Path) -> DaemonConfig:
    daemon = check_section(doc, ("daemon",), data, key_spec(DaemonConfig))
    for key in ("pid_file", "log_file"):  # the file's own folder decides: checked here, not on the field
        if (root / daemon[key]).is_dir():
            raise doc.error(("daemon", key), f"{root / daemon[key]} is a folder; name a file (e.g. "
                            f"{Path(daemon[key]) / ('pipeline.pid' if key == 'pid_file' else 'pipeline.log')})")
    return _make(DaemonConfig, {**daemon, "pid_file": root / daemon["pid_file"], "log_file": root / daemon["log_file"],
                                "log_level": daemon["log_level"].upper(), "timezone": daemon["timezone"] or ""},
                 doc, ("daemon",))


def _storage(doc: Located, data: Any, root: Path) -> StorageConfig:
    storage = check_section(doc, ("storage",), data, key_spec(StorageConfig))
    mongodb_uri = os.environ.get(c.ENV_MONGODB_URI) or None
    backend = storage["backend"] if storage["backend"] != "auto" else ("mongodb" if mongodb_uri else "sqlite")
    if backend == "mongodb" and not mongodb_uri:
        raise doc.error(("storage", "backend"), f"backend is mongodb but {c.ENV_MONGODB_URI} is not set")
    return _make(StorageConfig, {**storage, "backend": backend, "sqlite_path": root / storage["sqlite_path"]})


def _llm(doc: Located, data: Any) -> LLMConfig:
    llm = check_section(doc, ("llm",), data, key_spec(LLMConfig))
    llm["prices"] = _prices(doc, llm["prices"])
    return _make(LLMConfig, llm)


MAILBOX_SCHEDULE = {"minute": "*/15"}


def _mailbox(doc: Located, data: Any, root: Path, cron: bool = True) -> MailboxSettings | None:
    """The `mailbox:` section; None when there is none (everything else works as without it).
    Here only what depends on the file: ca_file's path, the schedule, the port by security."""
    if data is None:
        return None
    values = check_section(doc, ("mailbox",), data, key_spec(MailboxSettings))
    if values["ca_file"]:
        values["ca_file"] = root / values["ca_file"]
        if not values["ca_file"].is_file():
            raise doc.error(("mailbox", "ca_file"), f"no such file: {values['ca_file']}")
    values["port"] = values["port"] or (993 if values["security"] == "tls" else 143)
    values["schedule"] = _schedule(doc, ("mailbox", "schedule"), values["schedule"] or MAILBOX_SCHEDULE, cron)
    return _make(MailboxSettings, values, doc, ("mailbox",))


def section_classes() -> dict[str, type]:
    """Each config section (as written in the YAML) and the settings class that declares its keys."""
    return {"daemon": DaemonConfig, "storage": StorageConfig, "llm": LLMConfig, "http": HttpConfig, "web": WebConfig,
            "searches[]": SearchConfig, "sources.NAME": SourceConfig,
            **{spec.section: spec.settings for spec in STAGES.values()}, "mailbox": MailboxSettings}


def ranges_table() -> str:
    """The README's table of numeric ranges, made from the settings' fields: one row per key and
    range, with the sections that share it (deprecated keys left out)."""
    rows: dict[tuple[str, float, float], list[str]] = {}
    for section, cls in section_classes().items():
        for key, (_types, _default, bounds, _choices) in key_spec(cls).items():
            if bounds and (section, key) not in MOVED:
                rows.setdefault((key, *bounds), []).append(section)
    lines = ["| key | in | from | to |", "|---|---|---|---|"]
    for (key, low, high), sections in rows.items():
        lines.append(f"| `{key}` | {', '.join(sections)} | {_figure(low)} | {_figure(high)} |")
    return "\n".join(lines)


def _figure(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def store_description(config: Config) -> str:
    """The store in use, for people: the SQLite file, or MongoDB's hosts and database (no password)."""
    if config.storage.backend == "sqlite":
        return f"SQLite {config.storage.sqlite_path}"
    parts = urlsplit(config.mongodb_uri or "")
    database = config.storage.mongodb_database or parts.path.strip("/") or c.DEFAULT_MONGO_DATABASE
    return f"MongoDB {parts.netloc.rsplit('@', 1)[-1]}/{database}"


def config_warnings(config: Config) -> list[str]:
    """What would make the pipeline silently do nothing, and deprecated keys, each naming the
    setting to change."""
    found = list(config.deprecations)
    if not config.searches:
        found.append(f"no search configured: set {c.ENV_KEYWORDS} (and {c.ENV_LOCATION}) in .env, or add "
                     f"`searches:` to {config.path.name}; the scrape stage finds nothing until then")
    for i, search in enumerate(config.searches):
        for name in search.sources:
            source = config.sources[name]
            if not source.enabled:
                found.append(f"searches[{i}] ({search.name}) uses {name}, which is disabled "
                             f"(sources.{name}.enabled: false)")
            elif SOURCES[name].needs_boards and not source.boards:
                found.append(f"searches[{i}] ({search.name}) uses {name}, but sources.{name}.boards is empty: "
                             "name the company boards to read")
    for name, spec in STAGES.items():
        if not config.stages[name].enabled:
            found.append(f"{spec.section}.enabled is false: the {name} stage is not scheduled")
    if config.mailbox and not config.imap_password:
        found.append(f"mailbox is configured but {c.ENV_IMAP_PASSWORD} is not set in .env: the mailbox sync "
                     "cannot log in")
    return found


def _make(cls: type[T], values: dict[str, Any], doc: Located | None = None, path: tuple[Any, ...] = ()) -> T:
    """The settings object, YAML integers turned into floats and lists into tuples where the field
    says so; then the class's own rules between keys (problems()), each a ConfigError at its line."""
    hints = typing.get_type_hints(cls)
    made = cls(**{k: _as_field(v, hints[k]) for k, v in values.items()})
    for key, message in getattr(made, "problems", lambda: ())():
        assert doc is not None, "a settings class with rules is made from a document"
        raise doc.error(path + tuple(key.split(".")), message)
    return made


def _as_field(value: Any, hint: Any) -> Any:
    kinds = _types_of(hint)
    if isinstance(value, int) and not isinstance(value, bool) and float in kinds:
        return float(value)
    if isinstance(value, list) and any(typing.get_origin(k) is tuple for k in kinds):
        return tuple(value)
    return value


def _types_of(hint: Any) -> tuple[Any, ...]:
    return typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)


def effective(config: Config) -> dict[str, Any]:
    """The config as it will be used, secrets masked: what `config check` prints."""
    def plain(value: Any) -> Any:
        if isinstance(value, (str, Path)):  # credentials in any URL of any setting are masked
            return mask_uri(str(value))
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
    out["http"] = plain(asdict(config.http))
    out["web"] = {**plain(asdict(config.web)), "token": "set (hidden)" if config.web_token else "not set"}
    out["profile"] = str(config.profile)
    out["llm"] = {**plain(asdict(config.llm)), "api_key": "set (hidden)" if config.llm_api_key else "not set"}
    for name, spec in STAGES.items():
        values = plain(asdict(config.stages[name]))
        out[spec.section] = {k: v for k, v in values.items() if k in key_spec(spec.settings)}
    if config.mailbox:
        out["mailbox"] = {**plain(asdict(config.mailbox)),
                          "password": f"set (hidden, {c.ENV_IMAP_PASSWORD})" if config.imap_password else "not set"}
    return out
