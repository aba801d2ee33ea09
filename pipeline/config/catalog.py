"""The two tables from which everything about stages and sources is derived: CLI choices, config
sections and validation, defaults, states, factories. Adding a source is one module plus one row in
SOURCES; adding a stage is one module, one row in STAGES and its states in constants.State.

Factories are "module:attribute" strings, imported only when built, so reading the tables (every
command does) costs no import of httpx, bs4 or openai.
"""

import importlib
from dataclasses import dataclass, replace
from typing import Any

from pipeline import constants as c
from pipeline.config.settings import DraftSettings, EnrichSettings, FitSettings, ScrapeSettings, StageConfig
from pipeline.errors import ConfigError
from pipeline.states import STATES, State


@dataclass(frozen=True)
class StageStates:
    """A stage claims jobs in `input`, holds them in `working`, and leaves them in `output`."""

    name: str
    input: str
    working: str
    output: str


@dataclass(frozen=True)
class StageSpec:
    """One stage: its states, its config section and settings, its default schedule, its factory
    (factory(config, **options) -> pipeline.stages.runner.Stage, or a bare work function)."""

    states: StageStates
    section: str
    settings: type[StageConfig]
    schedule: dict[str, int | str]
    factory: str
    needs_profile: bool = False

    @property
    def name(self) -> str:
        return self.states.name


@dataclass(frozen=True)
class SourceSpec:
    """One job source: its class, where it lives, how politely to ask it by default, and the hosts
    its postings live on (never a company's own website)."""

    name: str
    factory: str
    base_url: str
    min_delay: float = 1.0
    max_delay: float = 3.0
    max_in_flight: int = 2
    hosts: tuple[str, ...] = ()
    needs_boards: bool = False  # reads only the company boards named in sources.NAME.boards
    detail_pages: bool = False  # its search results lack the posting; a detail page is fetched per job
    shared_pacing: bool = False  # its pacing is kept in the store: daemons sharing it share one rate


STAGES: dict[str, StageSpec] = {spec.name: spec for spec in (
    StageSpec(StageStates(c.SCRAPE, State.PENDING, State.SCRAPING, State.SCRAPED), "scraper", ScrapeSettings,
              {"hour": 9, "minute": 0}, "pipeline.stages.scrape:make_stage"),
    StageSpec(StageStates(c.FIT, State.SCRAPED, State.SCORING, State.SCORED), "scorer", FitSettings,
              {"minute": "*/10"}, "pipeline.stages.fit:make_stage"),
    StageSpec(StageStates(c.ENRICH, State.SCORED, State.ENRICHING, State.ENRICHED), "enricher", EnrichSettings,
              {"minute": 0}, "pipeline.stages.enrich:make_stage"),
    StageSpec(StageStates(c.DRAFT, State.ENRICHED, State.GENERATING, State.DRAFT_GENERATED), "generator",
              DraftSettings, {"minute": 30}, "pipeline.stages.draft:make_stage", needs_profile=True),
)}

SOURCES: dict[str, SourceSpec] = {spec.name: spec for spec in (
    SourceSpec("linkedin", "pipeline.sources.linkedin:LinkedInSource", "https://www.linkedin.com",
               min_delay=2.0, max_delay=5.0, hosts=("linkedin.com",), detail_pages=True, shared_pacing=True),
    SourceSpec("greenhouse", "pipeline.sources.greenhouse:GreenhouseSource", "https://boards-api.greenhouse.io",
               hosts=("greenhouse.io",), needs_boards=True),
    SourceSpec("lever", "pipeline.sources.lever:LeverSource", "https://api.lever.co", hosts=("lever.co",),
               needs_boards=True),
    SourceSpec("ashby", "pipeline.sources.ashby:AshbySource", "https://api.ashbyhq.com", hosts=("ashbyhq.com",),
               needs_boards=True),
    SourceSpec("himalayas", "pipeline.sources.feeds:FeedSource", "https://himalayas.app", hosts=("himalayas.app",)),
    SourceSpec("remotive", "pipeline.sources.feeds:FeedSource", "https://remotive.com", min_delay=5.0,
               max_delay=10.0, hosts=("remotive.com",)),
    SourceSpec("remoteok", "pipeline.sources.feeds:FeedSource", "https://remoteok.com", hosts=("remoteok.com",)),
)}

# The review page's server (pipeline.web): the CLI's `web` command and the daemon start it by this
# name, so neither imports Starlette or uvicorn until the page is served (and the CLI, beside web in
# the layers, names it instead of importing it).
REVIEW_PAGE = "pipeline.web.server:PageServer"

# Job boards no source reads, whose hosts are never a company's own website either.
OTHER_JOB_HOSTS = ("workable.com", "smartrecruiters.com", "myworkdayjobs.com", "indeed.com")

# Factories a developer plugs in at the entry point (PIPELINE_TEST_STAGES), replacing built-in ones.
_overrides: dict[str, str] = {}


def parse_stage_overrides(text: str) -> dict[str, str]:
    """"enrich=package.module:factory,..." -> {stage: spec}; unknown stage names are config errors."""
    found = {}
    for item in filter(None, (text or "").split(",")):
        name, _, spec = item.partition("=")
        if name not in STAGES:
            raise ConfigError(f"unknown stage {name!r}", c.ENV_TEST_STAGES)
        found[name] = spec
    return found


def use_stage_overrides(overrides: dict[str, str]) -> None:
    """Set (not merge) the factories that replace built-in ones for this process."""
    _overrides.clear()
    _overrides.update(overrides)


def stages() -> dict[str, StageSpec]:
    """The stage table as this process runs it: built-in rows, factories overridden where asked."""
    return {name: replace(spec, factory=_overrides[name], needs_profile=False) if name in _overrides else spec
            for name, spec in STAGES.items()}


def load(spec: str, origin: str) -> Any:
    """The attribute a "module:attribute" spec names."""
    module, _, attr = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load {spec!r}: {exc}", origin) from None


def stage_states(name: str) -> StageStates:
    return STAGES[name].states


def all_states() -> tuple[str, ...]:
    """Every state a job can be in: the built-in ones, then any a added stage brings."""
    found = [str(s) for s in STATES]
    for spec in STAGES.values():
        found += [s for s in (spec.states.input, spec.states.working, spec.states.output) if s not in found]
    return tuple(found)


def working_states() -> frozenset[str]:
    return frozenset(spec.states.working for spec in STAGES.values())


def markable_states() -> tuple[str, ...]:
    """A person may put a job in any state a stage does not hold under a lease."""
    working = working_states()
    return tuple(s for s in all_states() if s not in working)


def job_hosts() -> tuple[str, ...]:
    """Hosts of job sites: an URL there is a posting, never the company's own website."""
    return tuple(h for spec in SOURCES.values() for h in spec.hosts) + OTHER_JOB_HOSTS
