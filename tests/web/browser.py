"""A real browser for the review page's tests: Debian's Chromium driven by Playwright from PyPI
through `executable_path` (Playwright's own browser download is unreachable here), headless,
with background networking off, a fresh profile, and no sandbox when run as root. Also the page
served for real (uvicorn on a free loopback port, in a thread) and the screenshots of its views."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.config.loading import Config
from pipeline.web.server import PageServer

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
SIZE = {"width": 1280, "height": 800}


def chromium_path() -> str | None:
    found = os.environ.get("PIPELINE_CHROMIUM") or next((p for p in CHROMIUM if Path(p).exists()), None)
    return found or shutil.which("chromium")


@contextmanager
def browser() -> Iterator[object]:
    """One headless Chromium (a Playwright BrowserContext factory lives on it), closed afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="pipeline-chromium-")
    args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-gpu", "--disable-quic", "--disable-features=Translate,MediaRouter",
            # no name but loopback resolves: a link in test data can never become traffic off this machine
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(profile, executable_path=chromium_path(), headless=True,
                                                       args=args, viewport=SIZE)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def live(config: Config) -> Iterator[PageServer]:
    """The review page of `config` on a free loopback port, served until the block ends."""
    page = PageServer(config, "127.0.0.1", 0)
    page.start()
    try:
        yield page
    finally:
        page.stop()


def screenshots(context, base: str, job_id: str, folder: Path) -> list[Path]:
    """The three views at 1280x800: the queue, a job with its drafts, the status page."""
    folder.mkdir(parents=True, exist_ok=True)
    taken = []
    page = context.new_page()
    for name, path in (("review-queue", "/"), ("review-job", f"/jobs/{job_id}"), ("review-status", "/status")):
        page.goto(base.rstrip("/") + path)
        taken.append(folder / f"{name}.png")
        page.screenshot(path=str(taken[-1]))
    page.close()
    return taken
