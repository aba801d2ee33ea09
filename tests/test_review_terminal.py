"""`drafts review` driven in a pseudo-terminal, as a person uses it: single keys without Enter,
`?` for help, "N of M", drafts of one job with the same text shown once, a confirmation line after
each answer, wrapping at the terminal's width, LinkedIn notes with their URL and length, and an
e-mail without an address that cannot be approved."""

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.states import State
from pipeline.store import NewJob
from tests.conftest import ROOT

LONG = ("I read that your fleet API answers 40,000 robot requests per second from Python services, and keeping that "
        "fast is close to my own work: https://github.com/alex-example/a-rather-long-repository-name-here")


def draft(name: str, address: str, body: str, channel: str = "email", profile: str = "") -> dict:
    return {"channel": channel, "subject": "Cut p99 API latency" if channel == "email" else "", "body": body,
            "recipient": {"name": name, "role": "Head of Engineering", "address": address,
                          "address_status": "personal" if address else "", "profile_url": profile,
                          "address_source": "http://acme.example/team" if address else ""},
            "template": True, "cost": 0.0, "created_at": "2026-11-23T10:00:00Z"}


def stored(project) -> tuple:
    made = project({}, profile="example")
    same = f"Hi there,\n\n{LONG}\n\nBest,\nAlex"
    jobs = [[draft("Jonas Weber", "jonas.weber@acme.example", same), draft("Lena Fischer", "lena@acme.example", same),
             draft("Jonas Weber", "", "Hi Jonas, I cut p99 latency. Glad to connect. – Alex", "linkedin",
                   "https://www.linkedin.com/in/jonas-sample")],
            [draft("Maria Keller", "", "Hi Maria,\n\nNo address was found for this one.\n\nBest,\nAlex")]]
    ids = []
    for n, drafts in enumerate(jobs):
        made.store.upsert_job(NewJob(source="test", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                     title="Backend Engineer", company=f"Acme {n}", status=State.ENRICHED))
        job = made.store.claim(stage_states(c.DRAFT), "w", 60)
        made.store.complete(job.id, job.lease_token, stage_states(c.DRAFT), {"drafts": drafts}, {"score": 90 - n})
        ids.append(job.id)
    return made, ids


class Terminal:
    """A child process on a pseudo-terminal of a given width; keys in, screen text out."""

    def __init__(self, argv: list[str], columns: int = 64) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "TERM": "xterm"}
        env.pop("COLUMNS", None)
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                                        start_new_session=True, cwd=ROOT)
        os.close(slave)
        self.screen = ""

    def expect(self, text: str, timeout: float = 30.0) -> str:
        """Read until `text` appears after what was read before; return what came, with its
        wrapping undone (one space between words) so phrases can be looked for."""
        start, deadline = len(self.screen), time.monotonic() + timeout
        while text not in self.screen[start:]:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{text!r} never came; screen:\n{self.screen[start:]}"
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    self.screen += os.read(self.master, 4096).decode(errors="replace").replace("\r\n", "\n")
                except OSError:
                    break
        return " ".join(self.screen[start:].split())

    def key(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(timeout=10)
        os.close(self.master)
        return code


def test_review_with_single_keys_help_grouping_and_confirmations(project):
    made, (first, second) = stored(project)
    term = Terminal([sys.executable, str(ROOT / "main.py"), "--config", str(made.path), "drafts", "review"])
    try:
        shown = term.expect("[?] help > ")
        assert "1 of 3" in shown and "draft 1, 2" in shown, "two drafts with one text are shown once"
        assert "Jonas Weber" in shown and "Lena Fischer" in shown
        assert "their own, published on http://acme.example/team" in shown
        term.key("?")
        assert "approve: it may be sent" in term.expect("[?] help > ")
        term.key("a")  # no Enter: one key is the answer
        shown = term.expect("[?] help > ")
        assert f"approved: job {first} draft 1, 2 to Jonas Weber, Lena Fischer" in shown
        assert "2 of 3" in shown and "https://www.linkedin.com/in/jonas-sample" in shown
        assert re.search(r"note \d+ of 300 characters", shown)
        term.key("s\n")  # Enter after a key changes nothing
        shown = term.expect("[?] help > ")
        assert "skipped: job" in shown and "3 of 3" in shown and "address: none" in shown
        term.key("a")
        assert "cannot become approved: it has no address" in term.expect("[?] help > ")
        term.key("r")
        term.expect("reason")
        term.key("no address found\n")
        done = term.expect("skipped 1")
        assert f"rejected: job {second} draft 1 to Maria Keller (no address found)" in done
        assert "approved 1, rejected 1, edited 0, skipped 1" in done
    finally:
        code = term.close()
    assert code == 0
    body_lines = [line for line in term.screen.splitlines() if line.startswith("  ")]
    assert all(len(line) <= 64 or len(line.split()) == 1 for line in body_lines), "wrapped at the width"
    assert any(line.strip().startswith("https://github.com/alex-example/a-rather-long") for line in body_lines), \
        "a long link is moved to its own line, never cut"
    states = [(d.get("review") or {}).get("state", "new") for d in made.store.get(first).data["drafts"]]
    assert states == ["approved", "approved", "new"]
