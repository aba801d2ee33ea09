"""Work functions for tests, plugged in with PIPELINE_TEST_STAGES or passed to the runner."""

import os
import time
from pathlib import Path

from pipeline.errors import PermanentError, RetryableError


def echo(_config=None):
    """Succeeds at once; records which process did the work when PIPELINE_TEST_RECORD is set."""
    record = os.environ.get("PIPELINE_TEST_RECORD")
    pause = float(os.environ.get("PIPELINE_TEST_SLEEP", "0"))

    def work(job, ctx):
        if record:
            with open(Path(record) / f"{os.getpid()}.txt", "a") as out:
                out.write(job.id + "\n")
        if pause:
            time.sleep(pause)
        return {"echo": job.title}
    return work


def always_fail(_config=None):
    def work(job, ctx):
        raise RetryableError(f"site timed out for {job.id}")
    return work


def permanent_fail(_config=None):
    def work(job, ctx):
        raise PermanentError("no company URL")
    return work


def unstorable(_config=None):
    """Succeeds with a result no store can encode (a set): the error comes while storing it."""
    def work(job, ctx):
        return {"tags": {"a", "b"}}
    return work


def hostile_halt(_config=None):
    """The site's answer, quoted in the run's error, carries terminal escapes (an OSC 8 link, a bell)."""
    from pipeline.errors import HaltRun

    def work(job, ctx):
        raise HaltRun("the site said: \x1b]8;;https://evil.example\x07click here\x1b]8;;\x07\x1b[2J")
    return work
