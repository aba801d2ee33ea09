"""The review page as an ASGI app: its routes (pipeline.web.pages), its static files, and the guard
(pipeline.web.security) in front of everything."""

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from pipeline.config.loading import Config
from pipeline.store import JobStore, open_store
from pipeline.web.pages import Pages, guarded
from pipeline.web.security import Guard

STATIC = Path(__file__).parent / "static"


def make_app(config: Config, store: JobStore | None = None, *, host: str | None = None) -> ASGIApp:
    """The page over `store` (default: the configured one), guarded for the address it is served on."""
    pages = Pages(config, store or open_store(config))
    routes = [
        Route("/", guarded(pages, pages.queue), methods=["GET"]),
        Route("/status", guarded(pages, pages.status), methods=["GET"]),
        Route("/replies", guarded(pages, pages.replies), methods=["GET"]),
        Route("/jobs/{job_id}", guarded(pages, pages.job), methods=["GET"]),
        Route("/jobs/{job_id}/resume", guarded(pages, pages.resume), methods=["GET"]),
        Route("/jobs/{job_id}/mark", guarded(pages, pages.mark, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/retry", guarded(pages, pages.retry, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/resume", guarded(pages, pages.make_resume, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/review", guarded(pages, pages.review, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/edit", guarded(pages, pages.edit, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/reply", guarded(pages, pages.reply, form=True), methods=["POST"]),
        Route("/jobs/{job_id}/clear-suspicious", guarded(pages, pages.clear_suspicious, form=True), methods=["POST"]),
        Route("/bulk", guarded(pages, pages.bulk, form=True), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.pages = pages
    return Guard(app, bound=host or config.web.host, allowed_hosts=config.web.allowed_hosts, token=config.web_token)
