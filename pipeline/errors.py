"""Exceptions shared across modules: what a stage raises tells the runner whether to retry."""


class PipelineError(Exception):
    """Base of the pipeline's own errors."""


class RetryableError(PipelineError):
    """The work may succeed later (timeout, 429, 5xx, a page that looked blocked)."""


class PermanentError(PipelineError):
    """Retrying cannot help (no company URL, 404): the job fails at once."""


class HaltRun(RetryableError):
    """The site wants us gone (a login wall, 429 after 429): release this job without using an
    attempt, claim nothing more this run, and report it on the run."""


class TransientHTTPError(RetryableError):
    """A timeout, a network error or a 5xx: worth another try."""


class Unreachable(TransientHTTPError):
    """No connection at all (DNS failed, refused, no route): the host, or the network, is away."""


class NetworkDown(HaltRun):
    """Several hosts in a row could not be reached: an outage (a laptop before its Wi-Fi), not a
    fault of the job. The run halts; its jobs keep their attempts."""


class Stopped(HaltRun):
    """The run was told to stop while a fetch waited: give the job back untouched."""


class DailyLimit(PipelineError):
    """A limit of the day is reached (e.g. top_n_per_day drafts): give the job back without using an
    attempt and claim nothing more this run. Not an error: the run records it as its stop reason."""


class Deferred(PipelineError):
    """Not now: another worker holds what this job needs (its company). Give the job back
    without using an attempt, due again after `delay` seconds, and work on others meanwhile.
    With a `key` (the company), WorkContext.wake(key) makes the job due at once: a worker of the
    same run that finishes the company need not wait out the delay."""

    def __init__(self, message: str, delay: float = 0.1, key: str = "") -> None:
        super().__init__(message)
        self.delay, self.key = delay, key


class StoreUnavailable(PipelineError):
    """The database cannot be reached right now."""


class StageNotReady(PipelineError):
    """A stage cannot be scheduled yet for a reason the user can fix (e.g. no profile.yaml)."""


class ConfigError(PipelineError):
    """A config mistake, located by file, line and key."""

    def __init__(self, message: str, file: str = "", line: int | None = None, key: str = "") -> None:
        self.file, self.line, self.key, self.message = file, line, key, message
        where = file + (f":{line}" if line else "")
        super().__init__(": ".join(part for part in (where, key, message) if part))


class ConfigErrors(ConfigError):
    """Several config mistakes, each located; reported together so one run of `config check` finds them all."""

    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.message, first.file, first.line, first.key)
        self.args = ("\n".join(str(e) for e in errors),)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
