"""The stages of the catalog's stage table, each loaded only when it is built (scrape pulls in httpx
and bs4, draft the LLM client). A row's factory(config, **options) returns a Stage or a bare work
function."""

import os
from typing import Any

from pipeline.config.catalog import load, stages
from pipeline.config.loading import Config
from pipeline.engine.runner import Stage
from pipeline.errors import StageNotReady


def built_stage_names() -> set[str]:
    """Which stages exist, without building them (no clients opened)."""
    return set(stages())


def not_ready_reasons(config: Config) -> dict[str, str]:
    """Why a built stage cannot run yet, checked cheaply (for status)."""
    from pipeline.config.profile import profile_path

    path = profile_path(config)
    return {name: f"no profile: copy profile.example.yaml to {os.path.relpath(path, config.root)}"
            for name, spec in stages().items() if spec.needs_profile and not path.exists()}


def available_stages(config: Config, options: dict[str, dict[str, Any]] | None = None,
                     not_ready: dict[str, str] | None = None) -> dict[str, Stage]:
    """Stage name -> Stage, for every stage that has a work function and is ready; options go to its
    factory. A stage that is not ready (StageNotReady) is left out, its reason put in `not_ready`."""
    built = {}
    for name, spec in stages().items():
        factory = load(spec.factory, f"the {name} stage")
        kwargs = (options or {}).get(name, {})
        try:
            made = factory(config, **kwargs) if kwargs else factory(config)
        except StageNotReady as exc:
            if not_ready is not None:
                not_ready[name] = str(exc)
            continue
        built[name] = made if isinstance(made, Stage) else Stage(spec.states, made)
    return built

