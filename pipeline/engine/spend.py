"""Today's LLM spend, shared by every stage that calls the model (draft, enrich summaries, fit).

Every call's cost is added to one counter per local calendar day in the store, so a cap holds
across stages, threads and daemons. With a cap set, a call whose cost cannot be known (the
provider reports none and `llm.prices` has no price for the model) stops the spending: a cap
cannot be kept on costs recorded as $0.
"""

from collections.abc import Callable
from typing import Any

from pipeline.config.settings import LLMConfig
from pipeline.engine.counters import spend_key
from pipeline.errors import HaltRun
from pipeline.net.llm import LLM
from pipeline.store.base import JobStore


class Budget:
    """The daily cap (`llm.daily_cost_cap_usd`, None for none) and today's spend."""

    def __init__(self, llm: LLMConfig) -> None:
        self.cap, self.model = llm.daily_cost_cap_usd, llm.model
        self.unknown_price = False

    def check(self, store: JobStore) -> None:
        """Before a call: HaltRun when the cap is reached, or when costs cannot be counted."""
        if self.cap is None:
            return
        if self.unknown_price:
            raise HaltRun(f"daily LLM spending cap is set but the cost of {self.model} is unknown: the provider "
                          f"reports none; add its price to llm.prices (USD per million tokens)")
        spent = float(store.quota_used(spend_key()))
        if spent >= self.cap:
            raise HaltRun(f"daily LLM spending cap reached: ${spent:.4f} of ${self.cap:.2f} spent today; "
                          "LLM calls resume tomorrow")

    def record(self, store: JobStore, cost: float | None) -> None:
        """After a call: add its cost to today's spend; remember when it had none."""
        store.add_spend(spend_key(), cost or 0.0)
        if cost is None:
            self.unknown_price = True


def metered(llm: LLM, budget: Budget, store: JobStore,
            tally: Callable[..., Any] | None = None) -> Callable[[str, str], str]:
    """A JSON question to the LLM whose cost counts toward the day's spend (and the run's tally, when
    given), for steps that want only the answer's text: the resume's choice of highlights."""
    def ask(system: str, user: str) -> str:
        budget.check(store)
        answer = llm.complete(system, user, json_mode=True)
        budget.record(store, answer.cost)
        if tally:
            tally(prompt_tokens=answer.prompt_tokens, completion_tokens=answer.completion_tokens,
                  cost=answer.cost or 0.0, llm_calls=1)
        return answer.text
    return ask
