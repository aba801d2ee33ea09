"""The fit stage: score every scraped job against the person's profile before anything costs money.

The heuristic score (pipeline.fit) is always made, with no network. With an API key, jobs whose
score falls in the profile's `fit.llm_band` get one LLM opinion, checked like a draft; if the call
fails the heuristic stands. With a `fit` section in profile.yaml, a job below `min_score` moves to
`skipped` (its score kept); a job a person brought back is never skipped again. Without a profile,
jobs pass through unscored, so enrichment works as before.
"""

from typing import Any

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.config.loading import Config
from pipeline.config.profile import Profile, load_profile, profile_path
from pipeline.config.settings import FitSettings
from pipeline.engine.counters import skipped_key
from pipeline.engine.runner import Stage, WorkContext
from pipeline.engine.spend import Budget
from pipeline.errors import PermanentError, RetryableError
from pipeline.fit.llm_opinion import llm_fit
from pipeline.fit.scorer import Fit, Scorer
from pipeline.logs import get_logger
from pipeline.records import Job, Output
from pipeline.resume.cv import with_resume_years
from pipeline.states import State

log = get_logger("pipeline.fit")


class FitStage:
    """Holds the profile's scorer and the optional LLM for the stage's lifetime."""

    def __init__(self, config: Config, profile: Profile | None = None) -> None:
        self.settings: FitSettings = config.stage(c.FIT)
        path = profile_path(config)
        self.profile = profile or (load_profile(path) if path.exists() else None)
        self.scorer = Scorer(with_resume_years(self.profile.fit, path)) if self.profile else None
        self.budget = Budget(config.llm)
        self.llm = None
        if self.profile and config.llm_api_key and self.settings.llm:
            from pipeline.net.llm import LLM

            self.llm = LLM(config)

    def stage(self) -> Stage:
        return Stage(stage_states(c.FIT), self.work, summary=summary)

    def work(self, job: Job, ctx: WorkContext) -> Output:
        if self.scorer is None or self.profile is None:
            return Output(data={"fit": {"score": None, "method": "none",
                                        "reasons": ["no profile.yaml: not scored"]}})
        fit = self.scorer.score(job)
        low, high = self.profile.fit.llm_band
        if self.llm is not None and low <= fit.score <= high:
            fit = self._ask_llm(job, fit, ctx)
        ctx.tally(scored=1)
        result = fit.as_dict()
        previous = job.data.get("fit") or {}
        if previous.get("skipped_at"):
            result["brought_back"] = True  # a person moved it back: never skip it again
        elif self.profile.fit.configured and fit.score < self.profile.fit.min_score:
            result["skipped_at"] = fit.scored_at
            if ctx.store is not None:
                ctx.store.add_spend(skipped_key(), 1)
            ctx.tally(skipped_for_fit=1)
            return Output(data={"fit": result}, content={"score": fit.score}, status=State.SKIPPED)
        return Output(data={"fit": result}, content={"score": fit.score})

    def _ask_llm(self, job: Job, heuristic: Fit, ctx: WorkContext) -> Fit:
        """One LLM opinion, within the day's budget; any failure (the cap included) keeps the heuristic."""
        assert self.llm is not None and self.profile is not None
        try:
            if ctx.store is not None:
                self.budget.check(ctx.store)
            fit, cost = llm_fit(self.llm, self.profile, job, heuristic)
        except (RetryableError, PermanentError) as exc:
            heuristic.flags.append(f"LLM score unavailable ({type(exc).__name__}); heuristic kept")
            log.info("fit: LLM score failed; heuristic kept", error=str(exc))
            return heuristic
        if ctx.store is not None:
            self.budget.record(ctx.store, cost)
        ctx.tally(llm_calls=1, cost=cost or 0.0)
        return fit


def summary(d: dict[str, Any]) -> list[str]:
    """How many were scored and skipped, for `run-stage fit`."""
    if "scored" not in d:
        return []
    return [f"fit: scored {d.get('scored', 0):.0f}, skipped for fit {d.get('skipped_for_fit', 0):.0f}, "
            f"LLM calls {d.get('llm_calls', 0):.0f}, cost ${d.get('cost', 0):.4f}"]


def make_stage(config: Config, **options: Any) -> Stage:
    return FitStage(config, **options).stage()
