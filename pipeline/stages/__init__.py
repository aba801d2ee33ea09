"""The stages that exist. Scrape, enrich and draft land with their own issues; until then the
daemon schedules only what is here. PIPELINE_TEST_STAGES lets tests and development plug a
work function into a stage name: "enrich=package.module:factory", factory(config) -> work."""

import importlib
import os
from collections.abc import Callable

from pipeline import constants as c
from pipeline.config import Config
from pipeline.errors import ConfigError
from pipeline.stages.runner import Stage, WorkFn
from pipeline.states import STAGE_STATES

StageFactory = Callable[[Config], WorkFn]

# stage name -> factory(config) -> work function; the stage issues fill this in.
BUILT_IN: dict[str, StageFactory] = {}


def _load(spec: str) -> StageFactory:
    module, _, attr = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load {spec!r}: {exc}", c.ENV_TEST_STAGES) from None


def available_stages(config: Config) -> dict[str, Stage]:
    """Stage name -> Stage, for every stage that has a work function."""
    factories = dict(BUILT_IN)
    for item in filter(None, os.environ.get(c.ENV_TEST_STAGES, "").split(",")):
        name, _, spec = item.partition("=")
        if name not in STAGE_STATES:
            raise ConfigError(f"unknown stage {name!r}", c.ENV_TEST_STAGES)
        factories[name] = _load(spec)
    stages = {}
    for name, factory in factories.items():
        stages[name] = Stage(STAGE_STATES[name], factory(config))
    return stages
