"""The draft stage: personal e-mails and LinkedIn notes for an enriched job, checked, never sent.

With an API key, the LLM writes each draft; an answer that fails a check goes back to it with the
reason, up to `validation_retries` times, then the job is retried later. Every call's tokens and
cost are recorded on the draft, summed on the run and per day; the daily cap halts the stage for
the day. Without a key, deterministic template drafts are written and marked as such.
Regenerating a job's drafts replaces them and keeps the earlier ones in `draft_history`.
When the profile has a `cv:` section (and `resume` is on), each drafted job also gets its one-page
resume; a resume that fails is recorded on it and changes neither its state nor its drafts.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pipeline import constants as c
from pipeline.companies.identity import company_key, identities
from pipeline.config.catalog import stage_states
from pipeline.config.loading import Config
from pipeline.config.profile import Profile, load_profile, profile_path
from pipeline.config.settings import DraftSettings
from pipeline.engine import policy
from pipeline.engine.counters import drafted_key
from pipeline.engine.policy import owner_name
from pipeline.engine.runner import Stage, WorkContext
from pipeline.engine.spend import Budget, metered
from pipeline.errors import DailyLimit, Deferred, RetryableError, StageNotReady
from pipeline.logs import get_logger
from pipeline.outreach import conversations, suspicious
from pipeline.outreach.drafts import DraftRejected, allowed_references, build_prompt, check_draft, parse_draft
from pipeline.outreach.recipients import Recipient, choose_recipients, dnc_aliases, stored_recipient, team_recipient
from pipeline.outreach.rubric import check_rubric, rubric_facts
from pipeline.outreach.templates import template_draft
from pipeline.outreach.voice import role_title
from pipeline.records import Job, Output
from pipeline.resume.cv import load_cv
from pipeline.sources import build_fetcher, build_sources
from pipeline.states import State
from pipeline.store.base import JobStore
from pipeline.timeutil import utc_iso

log = get_logger("pipeline.draft")


class Draft:
    """Holds the profile and the LLM client for the stage's lifetime."""

    def __init__(self, config: Config, profile: Profile | None = None) -> None:
        self.config = config
        self.settings: DraftSettings = config.stage(c.DRAFT)
        path = profile_path(config)
        if profile is None and not path.exists():
            raise StageNotReady(f"no profile at {path}: copy profile.example.yaml to {path.name} "
                                "and fill it in")
        self.profile = profile or load_profile(path)
        self.cv = load_cv(path) if self.settings.resume and path.exists() else None
        self.sources, self.fetcher = build_sources(config), build_fetcher(config)
        self._dnc_listed = dnc_aliases(self.settings.do_not_contact)  # the settings never change in a run
        self._dnc_ids: set[str] | None = None
        self.budget = Budget(config.llm)
        self.llm = None
        if config.llm_api_key:
            from pipeline.net.llm import LLM

            self.llm = LLM(config)

    def stage(self) -> Stage:
        return Stage(stage_states(c.DRAFT), self.work, summary=summary, before=self.before)

    def before(self, store: JobStore, ctx: WorkContext, record: Any) -> None:
        self._dnc_ids = None  # the companies the do-not-contact list names, looked up again each run
        self.fetcher.reset(ctx.stop, store.reserve)
        self._follow_ups_due(store)

    def _follow_ups_due(self, store: JobStore) -> None:
        """A posting that waited for a reply to its company (conversation.wait_until) and got none
        is drafted again now: the next person at the company is proposed."""
        now = time.time()
        for job in store.list_jobs(State.DRAFT_GENERATED):
            until = (job.data.get("conversation") or {}).get("wait_until")
            if until and until <= now and not job.data.get("drafts"):
                if policy.requeue(store, job.id, stage_states(c.DRAFT)):
                    log.info("follow-up due: drafting again", job_id=job.id)

    def work(self, job: Job, ctx: WorkContext) -> Output:
        """Held back if suspicious; else, under the company's turn, the drafts this posting adds to
        the company's conversations (outreach.conversations decides who is written to)."""
        store = ctx.store
        assert store is not None
        company_id = job.linked_company
        company = store.find_company([company_id]) if company_id else None
        reason = self._do_not_contact(store, job, company)
        if reason:
            log.info("job skipped: do not contact", reason=reason)
            return Output(data={"drafts": [], "skipped": reason}, status=State.SKIPPED)
        flagged = suspicious.flag(job, utc_iso())
        if suspicious.held(flagged):
            assert flagged is not None
            log.info("job held back: suspicious", reasons=flagged["reasons"])
            return Output(data={"drafts": [], "suspicious": flagged,
                                "skipped": "suspicious: " + "; ".join(flagged["reasons"])}, status=State.SKIPPED)
        seen = self._recheck(job)
        if seen is False:
            log.info("job expired: its posting is closed")
            return Output(data={"expired": {"at": utc_iso(), "how": "re-checked before drafting: closed"}},
                          status=State.EXPIRED)
        refreshed = {"last_seen_at": time.time()} if seen else {}
        with self._company_turn(store, company_id, ctx):  # a deferred job takes no slot of the day
            self._take_daily_slot(store)
            drafts, conversation = self._drafts(store, job, company, ctx)
        history = list(job.data.get("draft_history", []))
        if job.data.get("drafts"):
            history.append({"replaced_at": utc_iso(), "drafts": job.data["drafts"]})
        ctx.tally(drafts=len(drafts))
        data: dict[str, Any] = {"drafts": drafts, "draft_history": history, "conversation": conversation,
                                **({"suspicious": flagged} if flagged else {})}
        if self.cv is not None and drafts:
            data["resume"] = self._resume(store, job, ctx)
        return Output(data=data, content=refreshed)

    @contextmanager
    def _company_turn(self, store: JobStore, company_id: str, ctx: WorkContext) -> Iterator[None]:
        """One worker at a time writes to a company (the company's lock, as enrich takes it), so two
        postings drafted at once never both start a conversation with the same person."""
        if not company_id:
            yield
            return
        token = store.lock_company(company_id, owner_name(), self.settings.lease_seconds)
        if token is None:
            raise Deferred(f"company {company_id} is being drafted or enriched by another worker", delay=0.5,
                           key=company_id)
        try:
            yield
        finally:
            store.unlock_company(company_id, token)
            ctx.wake(company_id)

    def _drafts(self, store: JobStore, job: Job, company: dict[str, Any] | None,
                ctx: WorkContext) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """This job's drafts and its conversation record; open drafts elsewhere that nobody has
        touched are extended to name this role too."""
        others = store.linked_jobs(job.linked_company) if job.linked_company else []
        plan = conversations.plan(conversations.gather(others, job.id), time.time(), self.settings.follow_up_days)
        record: dict[str, Any] = {"at": utc_iso(), **({"hold": plan.hold} if plan.hold else {}),
                                  **({"wait_until": plan.wait_until} if plan.wait_until else {}),
                                  **({"joined": plan.joined} if plan.joined else {}),
                                  **({"follow_up": True} if plan.follow_up else {})}
        avoid = {str(d["body"]) for other in others if other.id != job.id for d in other.data.get("drafts") or []}
        for message in plan.extend:
            self._extend(store, message, job, company, avoid, ctx)
        if plan.new_people == 0:
            return [], record
        dnc, limit = self.settings.do_not_contact, plan.new_people or self.settings.max_recipients
        recipients: list[Recipient] = choose_recipients(job, company, limit, dnc, self.settings.min_guess_confidence,
                                                        plan.skip)
        if not recipients:
            team = team_recipient(job, company, dnc)
            if conversations.person_of({"recipient": team.as_dict()}) in plan.skip:
                return [], {**record, "hold": "the company's shared inbox was written to already"}
            recipients = [team]
        drafts = []
        for recipient in recipients:
            for channel in self._channels(recipient):
                drafts.append(self._one(store, job, company, recipient, channel, ctx, avoid=avoid))
                avoid.add(str(drafts[-1]["body"]))
        return drafts, record

    def _extend(self, store: JobStore, message: conversations.Message, job: Job, company: dict[str, Any] | None,
                avoid: set[str], ctx: WorkContext) -> None:
        """Rewrite another posting's untouched open draft so that it names this role too (a board
        copy of the same role changes nothing). Written only while that job is where it was read."""
        other = store.get(message.job_id)
        drafts = list((other.data.get("drafts") if other else None) or [])
        if other is None or not 1 <= message.n <= len(drafts):
            return
        old = drafts[message.n - 1]
        roles = list(old.get("roles") or [other.title])
        if any(role_title(r).lower() == role_title(job.title).lower() for r in roles):
            return
        to = old.get("recipient") or {}
        recipient = stored_recipient(to)
        made = self._one(store, other, company, recipient if recipient.name else None, old.get("channel", "email"),
                         ctx, other_roles=[job.title], avoid=avoid - {str(old["body"])})
        drafts[message.n - 1] = {**made, "recipient": to, "roles": [*roles, job.title],
                                 "jobs": sorted({*(old.get("jobs") or [other.id]), job.id}),
                                 "extended": {"at": utc_iso(), "by_job": job.id,
                                              "before": {"subject": old.get("subject", ""), "body": old["body"]}}}
        if store.annotate(other.id, other.status, {"drafts": drafts}, {}):
            avoid.add(str(made["body"]))
        else:
            log.info("conversation not extended: the other job moved meanwhile", other=other.id)

    def _resume(self, store: JobStore, job: Job, ctx: WorkContext) -> dict[str, Any]:
        """The job's resume record: made, kept (nothing it shows changed) or its error beside the last PDF."""
        from pipeline.resume.make import make_resume

        assert self.cv is not None
        ask = metered(self.llm, self.budget, store, ctx.tally) if self.llm and self.settings.resume_llm else None
        made = make_resume(job, self.cv, self.profile, self.config.root, ask, self.settings.description_chars)
        for note in made.notes:
            log.info("resume note", note=note)
        if made.record.get("error"):
            log.warning("resume not made; the job's drafts are kept", error=made.record["error"])
        return made.record

    def _recheck(self, job: Job) -> bool | None:
        """A posting last seen open more than recheck_after_days ago gets one paced request to its
        source first: False closed, True open, None not checked or not reachable (nothing changes)."""
        if time.time() - (job.last_seen_at or job.created_at) < self.settings.recheck_after_days * 86400:
            return None
        source = self.sources.get(job.source)
        return source.check_open(job, self.fetcher) if source else None

    def _take_daily_slot(self, store: JobStore) -> None:
        """At most fit.top_n_per_day jobs drafted a day (when the profile has a fit section); the
        claim order gives the slots to the best-scoring jobs."""
        fit = self.profile.fit
        if fit.configured and not store.take_quota(drafted_key(), fit.top_n_per_day):
            raise DailyLimit(f"{fit.top_n_per_day} jobs drafted today (fit.top_n_per_day); more tomorrow")

    def _do_not_contact(self, store: JobStore, job: Job, company: dict[str, Any] | None) -> str:
        """The job's company is on the list by any alias: its names, domain or LinkedIn slug, or
        any alias its company record holds (the listed aliases are looked up once per run)."""
        listed = self._dnc_listed
        if not listed:
            return ""
        mine = set(identities(job))
        if company:
            mine |= {f"name:{company_key(str(company.get('name') or ''))}", f"domain:{company.get('domain') or ''}"}
        if self._dnc_ids is None:
            self._dnc_ids = {found["id"] for alias in listed if (found := store.find_company([alias]))}
        if mine & listed or (company and company.get("id") in self._dnc_ids):
            return f"{job.company} is on the do-not-contact list"
        return ""

    def _channels(self, recipient: Recipient | None) -> list[str]:
        wanted = self.settings.channels
        found = [ch for ch in wanted if ch == "email" or (ch == "linkedin" and recipient and recipient.profile_url)]
        return found or [wanted[0]]

    def _one(self, store: JobStore, job: Job, company: dict[str, Any] | None, recipient: Recipient | None,
             channel: str, ctx: WorkContext, other_roles: list[str] | None = None,
             avoid: set[str] | None = None) -> dict[str, Any]:
        to = recipient or team_recipient(job, company, self.settings.do_not_contact)
        base = {"channel": channel, "recipient": to.as_dict(), "created_at": utc_iso(),
                **({"roles": [job.title, *other_roles]} if other_roles else {})}
        allowed = allowed_references(self.profile, job, company)
        if self.llm is None:
            text = template_draft(self.profile, job, company, recipient if recipient and recipient.name else None,
                                  channel, self.settings, other_roles, frozenset(avoid or ()), allowed)
            language = text.pop("note_language", "")
            note = "template draft: no LLM API key configured" + (f"; {language}" if language else "")
            return {**base, **text, "template": True, "note": note,
                    "prompt_tokens": 0, "completion_tokens": 0, "cost": 0.0, "calls": 0}
        return {**base, **self._generated(store, job, company, recipient, channel, ctx, other_roles, avoid or set()),
                "template": False}

    def _generated(self, store: JobStore, job: Job, company: dict[str, Any] | None, recipient: Recipient | None,
                   channel: str, ctx: WorkContext, other_roles: list[str] | None, avoid: set[str]) -> dict[str, Any]:
        assert self.llm is not None
        system, user = build_prompt(self.profile, job, company, recipient, channel, self.settings, other_roles)
        allowed = allowed_references(self.profile, job, company)
        facts = rubric_facts(self.profile, job, company)
        used = {"prompt_tokens": 0, "completion_tokens": 0, "cost": 0.0, "calls": 0}
        rejections: list[str] = []
        for _ in range(1 + self.settings.validation_retries):
            self.budget.check(store)
            prompt = user if not rejections else \
                f"{user}\n\nYour previous answer was rejected: {rejections[-1]}. Answer again with valid JSON."
            answer = self.llm.complete(system, prompt, json_mode=True)
            self.budget.record(store, answer.cost)
            cost = answer.cost or 0.0
            used = {"prompt_tokens": used["prompt_tokens"] + answer.prompt_tokens,
                    "completion_tokens": used["completion_tokens"] + answer.completion_tokens,
                    "cost": round(used["cost"] + cost, 8), "calls": used["calls"] + 1}
            ctx.tally(prompt_tokens=answer.prompt_tokens, completion_tokens=answer.completion_tokens, cost=cost,
                      llm_calls=1)
            try:
                draft = parse_draft(answer.text)
                check_draft(draft, channel, self.settings, allowed, recipient, self.profile)
                check_rubric({**draft, "channel": channel}, facts, avoid)
            except DraftRejected as exc:
                rejections.append(str(exc))
                log.info("draft rejected", reason=str(exc), channel=channel)
                continue
            return {**draft, **used, "model": answer.model, "cost_known": answer.cost is not None,
                    "rejected": rejections}
        raise RetryableError(f"every draft was rejected ({'; '.join(rejections)})")


def summary(d: dict[str, Any]) -> list[str]:
    """Drafts, tokens and cost of one run, for `run-stage draft`."""
    if "drafts" not in d and "llm_calls" not in d:
        return []
    return [f"draft: drafts {d.get('drafts', 0)}, LLM calls {d.get('llm_calls', 0):.0f}, tokens "
            f"{d.get('prompt_tokens', 0):.0f} prompt + {d.get('completion_tokens', 0):.0f} completion, "
            f"cost ${d.get('cost', 0):.4f}"]


def make_stage(config: Config, **options: Any) -> Stage:
    return Draft(config, **options).stage()
