"""The stages, by name, each loaded only when it is built (scrape pulls in httpx and bs4, draft
the LLM client). PIPELINE_TEST_STAGES lets tests and development plug a work function into a stage
name: "enrich=package.module:factory", factory(config) -> work."""

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

# stage name -> "module:factory"; factory(config, **options) -> Stage or work function.
BUILT_IN: dict[str, str] = {c.SCRAPE: "pipeline.stages.scrape:make_stage",
                            c.ENRICH: "pipeline.stages.enrich:make_stage",
                            c.DRAFT: "pipeline.stages.draft:make_stage"}


def _load(spec: str, origin: str = c.ENV_TEST_STAGES) -> StageFactory:
    module, _, attr = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"cannot load {spec!r}: {exc}", origin) from None


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
    from pipeline.profile import profile_path

    if c.DRAFT in BUILT_IN and c.DRAFT not in _test_specs() and not profile_path(config).exists():
        return {c.DRAFT: f"no profile: copy profile.example.yaml to {config.stages[c.DRAFT].profile}"}
    return {}


def available_stages(config: Config, options: dict[str, dict[str, Any]] | None = None,
                     not_ready: dict[str, str] | None = None) -> dict[str, Stage]:
    """Stage name -> Stage, for every stage that has a work function and is ready; options go to its
    factory. A stage that is not ready (StageNotReady) is left out, its reason put in `not_ready`."""
    tests = _test_specs()
    factories = {name: _load(spec, "built-in stage") for name, spec in BUILT_IN.items() if name not in tests}
    factories.update({name: _load(spec) for name, spec in tests.items()})
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
