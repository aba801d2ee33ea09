"""The stages that exist. Scrape, enrich and draft land with their own issues; until then the
daemon schedules only what is here. PIPELINE_TEST_STAGES lets tests and development plug a
work function into a stage name: "enrich=package.module:factory", factory(config) -> work."""

import importlib
import os
from collections.abc import Callable
from typing import Any

from pipeline import constants as c
from pipeline.config import Config
from pipeline.errors import ConfigError, StageNotReady
from pipeline.stages.runner import Stage, WorkFn
from pipeline.states import STAGE_STATES

StageFactory = Callable[..., "WorkFn | Stage"]


def _scrape(config: Config, **options: Any) -> Stage:
    from pipeline.stages.scrape import make_stage

    return make_stage(config, **options)


def _enrich(config: Config, **options: Any) -> Stage:
    from pipeline.stages.enrich import make_stage

    return make_stage(config, **options)


def _draft(config: Config, **options: Any) -> Stage:
    from pipeline.stages.draft import make_stage

    return make_stage(config, **options)


# stage name -> factory(config, **options) -> Stage or work function.
BUILT_IN: dict[str, StageFactory] = {c.SCRAPE: _scrape, c.ENRICH: _enrich, c.DRAFT: _draft}


def _load(spec: str) -> StageFactory:
    module, _, attr = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load {spec!r}: {exc}", c.ENV_TEST_STAGES) from None


def _test_specs() -> dict[str, str]:
    specs = {}
    for item in filter(None, os.environ.get(c.ENV_TEST_STAGES, "").split(",")):
        name, _, spec = item.partition("=")
        if name not in STAGE_STATES:
            raise ConfigError(f"unknown stage {name!r}", c.ENV_TEST_STAGES)
        specs[name] = spec
    return specs


def built_stage_names() -> set[str]:
    """Which stages exist, without building them (no clients opened)."""
    return set(BUILT_IN) | set(_test_specs())


def not_ready_reasons(config: Config) -> dict[str, str]:
    """Why a built stage cannot run yet, checked cheaply (for status)."""
    path = config.root / config.stages[c.DRAFT].profile
    if c.DRAFT in BUILT_IN and c.DRAFT not in _test_specs() and not path.exists():
        return {c.DRAFT: f"no profile: copy profile.example.yaml to {config.stages[c.DRAFT].profile}"}
    return {}


def available_stages(config: Config, options: dict[str, dict[str, Any]] | None = None,
                     not_ready: dict[str, str] | None = None) -> dict[str, Stage]:
    """Stage name -> Stage, for every stage that has a work function and is ready; options go to its
    factory. A stage that is not ready (StageNotReady) is left out, its reason put in `not_ready`."""
    factories = dict(BUILT_IN)
    factories.update({name: _load(spec) for name, spec in _test_specs().items()})
    stages = {}
    for name, factory in factories.items():
        kwargs = (options or {}).get(name, {})
        try:
            built = factory(config, **kwargs) if kwargs else factory(config)
        except StageNotReady as exc:
            if not_ready is not None:
                not_ready[name] = str(exc)
            continue
        stages[name] = built if isinstance(built, Stage) else Stage(STAGE_STATES[name], built)
    return stages
