"""The review page's routes: three views (queue, job, status) read through service.views, and
forms that change things through service.actions, the functions the CLI calls.

A form carries the version of the job it was made from: a change to a job that moved meanwhile
(another tab, another person, a stage) is refused with a clear message, and the page shows the
job as it is now. After a change the browser is sent back with a 303 (so a reload never repeats
it). Every answer is a page in words; a failure is logged, never shown as a traceback.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from pipeline.config.catalog import SOURCES
from pipeline.config.loading import Config
from pipeline.errors import StoreUnavailable
from pipeline.logs import get_logger
from pipeline.outreach import review
from pipeline.outreach.recipients import address_kind
from pipeline.service import actions, views
from pipeline.states import State
from pipeline.store import JobStore
from pipeline.text import visible
from pipeline.web import render

log = get_logger("pipeline.web")
PER_PAGE = 50


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    state: str | None  # None: every state
    sort: str  # the order it opens in


TABS = (Tab("review", "To review", State.DRAFT_GENERATED, "score"), Tab("scored", "Scored", State.SCORED, "score"),
        Tab("enriched", "Enriched", State.ENRICHED, "score"), Tab("contacted", "Contacted", State.CONTACTED, "new"),
        Tab("replied", "Replied", State.REPLIED, "new"), Tab("interview", "Interview", State.INTERVIEW, "new"),
        Tab("applied", "Applied", State.APPLIED, "new"), Tab("skipped", "Skipped", State.SKIPPED, "new"),
        Tab("failed", "Failed", State.FAILED, "new"), Tab("expired", "Expired", State.EXPIRED, "new"),
        Tab("all", "All", None, "new"))
TAB = {tab.key: tab for tab in TABS}
AGES = {"today": "today", "24h": "last 24 hours", "7d": "last 7 days", "30d": "last 30 days"}
SORTS = {"score": "best score first", "new": "newest first"}
# What the page says after a change, by the code in the address it is sent back to (never free text).
DONE = {"approve": "Approved.", "reject": "Rejected.", "sent": "Marked sent.", "edit": "Your text is saved.",
        "applied": "Marked applied.", "skipped": "Skipped.", "scored": "Back in the queue (scored).",
        "retry": "Queued again for its stage.", "bulk": "Done: every selected job changed.",
        "resume": "The tailored resume is made (or was up to date).",
        "cleared": "The flag is cleared: the job goes to the draft stage.",
        "confirmed": "The message is kept with this job.", "dismissed": "The message is set aside: not about this job."}
MAIL_LABELS = ("interview", "rejection", "other", "auto_reply", "bounce")  # what a person may say a message is
BULK = {"skip": State.SKIPPED, "applied": State.APPLIED, "retry": "retry"}


class Stale(Exception):
    """The job changed since the page the form came from was made."""


class Pages:
    """The routes, over one config and one store handle."""

    def __init__(self, config: Config, store: JobStore) -> None:
        self.config, self.store, self.env = config, store, render.environment()

    def html(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        done = DONE.get(request.query_params.get("done", ""))
        page = self.env.get_template(name).render(path=request.url.path, done=done, **context)
        return HTMLResponse(page, status_code=status)

    def problem(self, request: Request, status: int, title: str, message: str) -> HTMLResponse:
        return self.html(request, "problem.html", status, title=title, message=message)

    # -- reading ------------------------------------------------------------------------------

    def queue(self, request: Request, error: str = "", status: int = 200) -> HTMLResponse:
        """The home page: one tab of jobs, searched, filtered and sorted, 50 a page."""
        p = request.query_params
        tab = TAB.get(p.get("tab", ""), TABS[0])
        sort = str(p.get("sort")) if p.get("sort") in SORTS else tab.sort
        search = visible(p.get("q", "")).strip()[:200]
        source = p.get("source") if p.get("source") in SOURCES or p.get("source") == "import" else None
        age = p.get("age") if p.get("age") in AGES else None
        page = _number(p.get("page"), 1, 100_000)
        found = views.queue_page(self.store, tab.state, search=search, source=source,
                                 since=views.since_seconds(age) if age else None, sort=sort, page=page,
                                 per_page=PER_PAGE)
        counts = found["counts"]
        params = {"tab": tab.key, "q": search, "source": source, "age": age, "sort": p.get("sort")}
        return self.html(request, "queue.html", status, tabs=TABS, tab=tab, counts=counts,
                         total=sum(counts.values()), jobs=found["jobs"], has_next=found["has_next"], page=page,
                         per_page=PER_PAGE, params=params, sort=sort, search=search, source=source, age=age,
                         sources=[*SOURCES, "import"], ages=AGES, sorts=SORTS, error=error,
                         cursor=_number(p.get("cursor"), 0, PER_PAGE - 1), here=_here(request))

    def job(self, request: Request, job_id: str, error: str = "", status: int = 200) -> HTMLResponse:
        record = views.job_page(self.store, job_id)
        if record is None:
            return self.problem(request, 404, "No such job", f"There is no job with the id {job_id}.")
        data = record["data"]
        company = record["company_record"] or {}
        published = {str(e.get("address", "")).lower(): e.get("source")
                     for e in (company.get("emails") or {}).get("published", [])}
        drafts = [{**d, "n": n, "state": state, "kind": address_kind(d.get("recipient") or {}),
                   "unsendable": review.sendable(d),
                   "source": (d.get("recipient") or {}).get("address_source") or published.get(
                       str((d.get("recipient") or {}).get("address", "")).lower())}
                  for n, (d, state) in enumerate(zip(data.get("drafts") or [], record["draft_states"], strict=True), 1)]
        raw = (record["extra"] or {}).get("description_html") or (data.get("detail") or {}).get("description_html")
        return self.html(request, "job.html", status, job=record, fit=data.get("fit") or {}, drafts=drafts,
                         description_html=render.safe_html(str(raw)) if raw else None, company=company,
                         contacts=record["contacts"], history=record["history"], can=_can, error=error,
                         resume=data.get("resume") if isinstance(data.get("resume"), dict) else None,
                         mail=[{**m, "n": n} for n, m in enumerate(data.get("mail") or [], 1) if isinstance(m, dict)],
                         next_contact=data.get("next_contact"), mail_labels=MAIL_LABELS, here=_here(request))

    def replies(self, request: Request) -> HTMLResponse:
        """Every message the mailbox matched to a job, the ones waiting for the person first
        (service.views.replies: what `main.py replies` lists)."""
        return self.html(request, "replies.html", rows=views.replies(self.store),
                         mailbox=views.daemon_status(self.config).get("mailbox") or {})

    def status(self, request: Request) -> HTMLResponse:
        return self.html(request, "status.html", daemon=views.daemon_status(self.config),
                         failures=views.recent_failures(self.store), store=views.stats(self.config, self.store))

    def resume(self, request: Request, job_id: str) -> Response:
        """The job's tailored resume (#25: data["resume"]["path"], under data/resumes/), if it exists."""
        job = self.store.get(job_id)
        entry = (job.data.get("resume") if job else None) or {}
        folder = (self.config.root / "data" / "resumes").resolve()
        path = (self.config.root / str(entry.get("path") or "")).resolve() if isinstance(entry, dict) else folder
        if not entry or not path.is_relative_to(folder) or not path.is_file():
            return self.problem(request, 404, "No resume", "This job has no tailored resume file (yet).")
        return FileResponse(path, filename=f"resume-{job_id}{Path(path).suffix}")

    # -- changing -----------------------------------------------------------------------------

    def _fresh(self, job_id: str, seen: str) -> None:
        """Refuse a change made from a page of the job older than the job is now."""
        job = self.store.get(job_id)
        if job is None:
            raise actions.Refused("no such job")
        if seen != views.version(job):
            raise Stale

    def change(self, request: Request, job_id: str, form: FormData, what: Callable[[], None], done: str) -> Response:
        """Check the version, make the change through service.actions, send the browser back."""
        try:
            self._fresh(job_id, str(form.get("version") or ""))
            what()
        except (Stale, actions.Conflict):
            return self.job(request, job_id, status=409, error=(
                "Not changed: this job changed since you opened the page (another tab, another person, or "
                "a stage). Here it is as it is now; look again and repeat what you meant."))
        except actions.Refused as exc:
            return self.job(request, job_id, status=409, error=f"Not changed: {exc}.")
        n = str(form.get("n") or "")
        target = _back(form.get("back"), f"/jobs/{job_id}")
        anchor = f"#draft-{n}" if n.isdigit() and target.startswith("/jobs/") else ""
        return RedirectResponse(_with_done(target, done) + anchor, status_code=303)

    def mark(self, request: Request, job_id: str, form: FormData) -> Response:
        status = str(form.get("status") or "")
        return self.change(request, job_id, form, lambda: actions.mark(self.store, job_id, status),
                           status if status in DONE else "bulk")

    def retry(self, request: Request, job_id: str, form: FormData) -> Response:
        def requeue() -> None:
            report = actions.retry(self.store, [job_id])
            if report.skipped:
                raise actions.Refused(report.skipped[0].split(": ", 1)[-1])
        return self.change(request, job_id, form, requeue, "retry")

    def make_resume(self, request: Request, job_id: str, form: FormData) -> Response:
        """The job's tailored resume, made as the draft stage makes it (service.actions.make_resume)."""
        return self.change(request, job_id, form,
                           lambda: _drafts([actions.make_resume(self.config, self.store, job_id).record]), "resume")

    def review(self, request: Request, job_id: str, form: FormData) -> Response:
        action, reason = str(form.get("action") or ""), visible(str(form.get("reason") or "")).strip()[:500]
        n = _number(form.get("n"), 0, 1000) or None
        if action not in actions.REVIEW_ACTIONS:
            return self.problem(request, 400, "Unknown action", "Approve, reject or mark sent: nothing else.")
        seen = _seen(form)
        return self.change(request, job_id, form,
                           lambda: _drafts(actions.review_drafts(self.store, job_id, action, n, reason, version=seen)),
                           action)

    def edit(self, request: Request, job_id: str, form: FormData) -> Response:
        n = _number(form.get("n"), 1, 1000)
        subject = " ".join(visible(str(form.get("subject") or "")).split())[:300]
        body = visible(str(form.get("body") or "")).replace("\r\n", "\n").strip("\n")[:20_000]
        given = form.get("address")
        address = " ".join(visible(given).split())[:320] if isinstance(given, str) else None
        if not body.strip():
            return self.job(request, job_id, status=400, error="Not changed: a draft needs a body.")
        seen = _seen(form)
        return self.change(request, job_id, form, lambda: _drafts(
            actions.edit_draft(self.store, job_id, n, subject, body, address, version=seen)), "edit")

    def clear_suspicious(self, request: Request, job_id: str, form: FormData) -> Response:
        """The person read a flagged posting and trusts it (as `main.py clear-suspicious JOB_ID`)."""
        def clear() -> None:
            actions.clear_suspicious(self.store, job_id)
        return self.change(request, job_id, form, clear, "cleared")

    def reply(self, request: Request, job_id: str, form: FormData) -> Response:
        """A waiting message is (confirm) or is not (dismiss) about this job, as `replies confirm|dismiss`."""
        n = _number(form.get("n"), 1, 100_000)
        confirm = str(form.get("decision") or "") == "confirm"
        label = str(form.get("label") or "") or None
        if label is not None and label not in MAIL_LABELS:
            return self.problem(request, 400, "Unknown label", f"A message is one of: {', '.join(MAIL_LABELS)}.")

        def decide() -> None:
            actions.decide_reply(self.store, job_id, n, confirm, label)
        return self.change(request, job_id, form, decide, "confirmed" if confirm else "dismissed")

    def bulk(self, request: Request, form: FormData) -> Response:
        """Skip, mark applied or retry every selected job (each `ID@VERSION`); what could not be
        changed is listed by job, with why."""
        action = str(form.get("action") or "")
        selected = [str(v) for v in form.getlist("ids") if isinstance(v, str)][:PER_PAGE * 2]
        if action not in BULK or not selected:
            return self.queue(request, status=400, error="Select jobs (x) first, then choose what to do with them.")
        refused = []
        for item in selected:
            job_id, _, seen = item.partition("@")
            try:
                self._fresh(job_id, seen)
                if BULK[action] == "retry":
                    report = actions.retry(self.store, [job_id])
                    if report.skipped:
                        raise actions.Refused(report.skipped[0].split(": ", 1)[-1])
                else:
                    actions.mark(self.store, job_id, BULK[action])
            except Stale:
                refused.append(f"{job_id}: it changed since the page was made; look at it again")
            except actions.Refused as exc:
                refused.append(f"{job_id}: {exc}")
        if refused:
            done = len(selected) - len(refused)
            return self.queue(request, status=409, error=f"{done} of {len(selected)} changed. Not changed: "
                              + "; ".join(refused) + ".")
        return RedirectResponse(_with_done(_back(form.get("back"), "/"), "bulk"), status_code=303)


def _drafts(_: list[dict[str, Any]]) -> None:
    """The actions return what they changed; the page shows it after its redirect."""


def _seen(form: FormData) -> float | None:
    """The version of the job the form was made from (views.version), for a write conditional on it:
    a change that lands between the page's check and the write is refused too."""
    try:
        return float(str(form.get("version") or ""))
    except ValueError:
        return None


def _can(state: str, target: str) -> bool:
    """Whether a draft in `state` may move to `target` (the review states' own rule)."""
    return state in review.ALLOWED.get(target, set())


def _number(value: Any, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(str(value))))
    except (TypeError, ValueError):
        return low


def _here(request: Request) -> str:
    """This page's own address (path and query), for forms to come back to."""
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _back(value: Any, default: str) -> str:
    """Where a form asks to go back to: a path of this page only (never another site), without a
    previous message."""
    text = str(value or "")
    if not text.startswith("/") or text.startswith("//") or "\\" in text or any(ord(ch) < 32 for ch in text):
        return default
    path, _, params = text.partition("?")
    kept = "&".join(p for p in params.split("&") if p and not p.startswith("done="))
    return path + (f"?{kept}" if kept else "")


def _with_done(target: str, code: str) -> str:
    return f"{target}{'&' if '?' in target else '?'}done={code}"


Handler = Callable[..., Response]


def guarded(pages: Pages, handler: Handler, *, form: bool = False) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint that reads the form (for POST), runs the handler in a worker thread (store calls
    block), and turns a store outage or a bug into a page in words."""
    async def endpoint(request: Request) -> Response:
        args: list[Any] = [request, *request.path_params.values()]
        try:
            if form:
                args.append(await request.form(max_files=0, max_fields=500))
            return await run_in_threadpool(handler, *args)
        except StoreUnavailable as exc:
            return pages.problem(request, 503, "The store cannot be reached",
                                 f"{exc}. Nothing was changed; try again when it is back.")
        except Exception:  # noqa: BLE001 - the person gets words, the log gets the traceback
            log.exception("review page error", path=request.url.path)
            return pages.problem(request, 500, "Something went wrong",
                                 "The page could not do that; nothing more was changed. The log has the details.")
    return endpoint
