"""The LLM, through the real openai client: OpenRouter by default, any OpenAI-compatible endpoint
by config. Every call reports its tokens and cost: the provider's own figure when its usage data
carries one (OpenRouter's `usage.cost`), else the config's price table, else unknown (None).
Retries are the SDK's own (max_retries), not stacked with ours."""

import threading
from dataclasses import dataclass
from typing import Any

from pipeline.config.loading import Config
from pipeline.errors import HaltRun, PermanentError, RetryableError


@dataclass(frozen=True)
class Completion:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost: float | None


class LLM:
    def __init__(self, config: Config, max_retries: int = 2) -> None:
        if not config.llm_api_key:
            raise PermanentError(f"no API key: set {config.llm.api_key_env}")
        self.settings = config.llm
        self.prices = config.llm.prices
        self._key, self._max_retries = config.llm_api_key, max_retries
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        """The openai client, made on first use (the SDK and pydantic cost an idle daemon ~25 MB) and
        made once: ten draft threads asking at once share one client and its connection pool."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    import openai

                    self._client = openai.OpenAI(api_key=self._key, base_url=self.settings.base_url,
                                                 timeout=self.settings.timeout_seconds, max_retries=self._max_retries)
        return self._client

    def complete(self, system: str, user: str, max_tokens: int | None = None, json_mode: bool = False) -> Completion:
        """One chat completion; transient provider trouble is RetryableError, the rest PermanentError."""
        import openai

        extra: dict[str, Any] = {"response_format": {"type": "json_object"}} if json_mode else {}
        try:
            response = self.client.chat.completions.create(
                model=self.settings.model, temperature=self.settings.temperature,
                max_tokens=max_tokens or self.settings.max_tokens,
                messages=[{"role": "system", "content": system}, {"role": "user", "content": user}], **extra)
        except openai.APITimeoutError as exc:
            raise RetryableError(f"LLM timed out: {exc}") from None
        except openai.APIConnectionError as exc:  # before any answer: an outage, not this job's fault
            raise HaltRun(f"the LLM provider at {self.settings.base_url} is unreachable ({exc}); "
                          "jobs are given back and tried at the next run") from None
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise HaltRun(f"the LLM provider refused the key ({exc.status_code}): check "
                          f"{self.settings.api_key_env}; jobs are given back untouched") from None
        except openai.APIStatusError as exc:
            if exc.status_code == 402:
                raise HaltRun("the LLM provider says the account has no credit (402): top it up; jobs are "
                              "given back untouched") from None
            if exc.status_code == 429 or exc.status_code >= 500:
                raise RetryableError(f"LLM unavailable: {type(exc).__name__}: {exc}") from None
            raise PermanentError(f"LLM refused the request: {type(exc).__name__}: {exc}") from None
        except openai.APIError as exc:  # anything else the SDK raises, e.g. an answer it cannot read
            raise RetryableError(f"LLM error: {type(exc).__name__}: {exc}") from None
        usage = response.usage
        prompt, completion = (usage.prompt_tokens, usage.completion_tokens) if usage else (0, 0)
        return Completion(text=(response.choices[0].message.content or "").strip(), model=response.model or
                          self.settings.model, prompt_tokens=prompt, completion_tokens=completion,
                          cost=self.cost(usage, prompt, completion))

    def cost(self, usage: Any, prompt: int, completion: int) -> float | None:
        reported = (getattr(usage, "model_extra", None) or {}).get("cost") if usage else None
        if isinstance(reported, (int, float)):
            return float(reported)
        price = self.prices.get(self.settings.model)
        if price:
            return round((prompt * price["prompt"] + completion * price["completion"]) / 1_000_000, 8)
        return None
