"""How commands print for a person: tables and detail views. The JSON forms are built in
commands.py; this module only formats."""

import json
import re
import time
from typing import Any

from pipeline.records import Job
from pipeline.service.views import iso
from pipeline.text import visible


def terminal_safe(text: str) -> str:
    """Text from the web, fit for a terminal: no escape sequences (colours, OSC 8 hidden links, clear
    screen), no bells or backspaces, no bidi overrides or invisible characters; line breaks stay,
    tabs become spaces."""
    return visible(text).replace("\t", " ")


def out(text: str = "", *, file: Any = None) -> None:
    """print(), with every control character that could steer the terminal removed."""
    print(terminal_safe(text), file=file)


def print_json(value: Any) -> None:
    """JSON escapes every control character itself (\\u001b), so data stays whole and harmless."""
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    print(re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text))  # C1 controls too


def age(ts: float) -> str:
    seconds = max(0, time.time() - ts)
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def duration(seconds: float) -> str:
    """3725 -> '1h 2m 5s'."""
    seconds = int(seconds)
    parts = [(seconds // 86400, "d"), (seconds % 86400 // 3600, "h"), (seconds % 3600 // 60, "m"), (seconds % 60, "s")]
    return " ".join(f"{n}{unit}" for n, unit in parts if n) or "0s"


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def jobs_table(jobs: list[Job], status: str | None) -> None:
    out(f"{'ID':12}  {'STATUS':15}  {'SCORE':>5}  {'AGE':>4}  {'COMPANY':24}  {'TITLE':40}  LOCATION")
    for j in jobs:
        score = "-" if j.score is None else f"{j.score:.0f}"
        flagged = (j.data.get("suspicious") or {})
        mark = "  [suspicious: " + "; ".join(flagged["reasons"]) + "]" \
            if flagged.get("reasons") and not flagged.get("cleared_at") else ""
        out(f"{j.id:12}  {j.status:15}  {score:>5}  {age(j.created_at):>4}  {cut(j.company, 24):24}  "
              f"{cut(j.title, 40):40}  {cut(j.location, 30)}" + cut(mark, 120))
    out(f"{len(jobs)} job(s)" + (f" with status {status}" if status else ""))


def stats(result: dict[str, Any]) -> None:
    out(f"{result['total']} job(s)")
    for status, n in result["by_status"].items():
        out(f"  {status:16} {n}")
    out("per stage:")
    for name, s in result["stages"].items():
        last = s["last_run"]
        when = f"last run {last['started_at']}: {last['succeeded']} ok, {last['retried']} retried, " \
            f"{last['failed']} failed" + (f", error: {last['error']}" if last["error"] else "") if last else "never run"
        out(f"  {name:7} waiting {s['waiting']}, working {s['working']}, done {s['done']}, "
              f"failed {s['failed']}; {when}")
    out(f"skipped for fit today: {result['skipped_for_fit_today']}")
    out(spend_line(result["llm_spend"]))


def spend_line(spend: dict[str, Any]) -> str:
    cap = spend["cap_usd"]
    return f"LLM spend today: ${spend['today_usd']:.4f}" + (f" of ${cap:.2f} (llm.daily_cost_cap_usd)"
                                                          if cap is not None else " (no daily cap set)")


def fit_view(fit: dict[str, Any]) -> None:
    """`show`: the fit score line by line, so it explains itself."""
    if fit.get("score") is None:
        out(f"fit: not scored ({'; '.join(fit.get('reasons') or [])})")
        return
    out(f"fit: {fit['score']}/100 ({fit.get('method')}, scored {iso(fit.get('scored_at'))})")
    if fit.get("function"):
        out(f"  {'function':16} {fit['function']}")
    years = fit.get("years_asked")
    out(f"  {'years asked':16} " + (f"{years[0]}-{years[1]}" if years and years[1] else f"{years[0]}+" if years
                                    else "none stated"))
    for name, points in (fit.get("components") or {}).items():
        if name != "function":  # said above, and as a cap below when it held the score down
            out(f"  {name:16} {points:+.1f}")
    for label, key in (("capped at", "caps"), ("matched", "matched"), ("missing", "missing"), ("flag", "flags"),
                       ("reason", "reasons")):
        for item in fit.get(key) or []:
            out(f"  {label:16} {item}")
    if fit.get("brief"):
        out(f"  {'brief':16} {fit['brief']}")
    if fit.get("skipped_at"):
        out("  skipped for fit; `main.py mark JOB_ID scored` brings it back")


def job(view: dict[str, Any]) -> None:
    """`show`: one job's fields, history, company and contacts (service.views.job_view)."""
    record = dict(view)
    history, company, contacts = record.pop("history"), record.pop("company_record"), record.pop("contacts")
    fit = record["data"].get("fit")
    record["data"] = {k: v for k, v in record["data"].items()
                      if k not in ("contacts", "company_emails", "fit", "fit_history")}  # the first two: older jobs
    for key, value in record.items():
        if value not in (None, "", {}, 0.0) or key in ("status", "attempts"):
            text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
            out(f"{key:16} {text}")
    if fit:
        fit_view(fit)
    out("history:")
    for e in history:
        move = f"{e.get('from_status', '')} -> {e.get('to_status', '')}".strip(" ->")
        extra = "".join(f" {k}={e[k]}" for k in ("stage", "attempt") if k in e)
        out(f"  {e['at']}  {e['event']:9} {move}{extra}" + (f"  error: {e['error']}" if "error" in e else ""))
        mail = e.get("detail") or {}
        if mail.get("label"):  # a reply that moved the job: its sender, subject and label
            out(f"      {mail['label']} ({mail.get('confidence', 0):.2f}) from {mail.get('from')}: "
                f"{cut(str(mail.get('subject') or ''), 60)}; {cut(str(mail.get('snippet') or ''), 100)}")
    if company:
        company_view(company, contacts)


def company_view(company: dict[str, Any], contacts: list[dict[str, Any]]) -> None:
    facts = company.get("facts", {})
    out(f"company: {company.get('name')} ({company['id']}), enriched {company.get('enriched_at')}")  # already ISO
    for key in ("website", "industry", "size", "headquarters", "employees", "description", "site_description"):
        if key in facts:
            value = str(facts[key]["value"]).replace("\n", " ")
            out(f"  {key:16} {cut(value, 100)}  [{facts[key]['source']}]")
    for e in (company.get("emails") or {}).get("published", []):
        out(f"  published        {e['address']}  [{e['source']}]")
    out(f"contacts (mail server check: {(company.get('emails') or {}).get('mx', 'unchecked')}):")
    for person in contacts:
        best = person.get("emails", [])[:1]
        guess = f"; guess {best[0]['address']} ({best[0]['confidence']:.0%})" if best else ""
        out(f"  {person['name']}, {person['role']}  [{person['source']}]{guess}")


def drafts_table(rows: list[dict[str, Any]], status: str) -> None:
    for row in rows:
        to = row["recipient"] or row["role"]
        flag = " [edited]" if row["edited"] else " [template]" if row["template"] else ""
        flag += "" if row["address"] or row["channel"] != "email" else " [no address]"
        out(f"{row['job_id']}  {row['n']}  {row['review']:8}  {row['channel']:8}  {cut(row['company'], 20):20}  "
            f"to {cut(to, 24):24}  "
              f"{cut(row['subject'] or row['body'].splitlines()[0], 50)}{flag}")
    out(f"{len(rows)} draft(s) for jobs with status {status}")


def companies_table(found: list[dict[str, Any]], total: int) -> None:
    out(f"{'JOBS':>4}  {'COMPANY':30}  {'ID':30}  {'ENRICHED':20}  WEBSITE")
    for company in found:
        website = ((company.get("facts") or {}).get("website") or {}).get("value", "")
        out(f"{company['jobs']:>4}  {cut(company.get('name') or '', 30):30}  {cut(company['id'], 30):30}  "
              f"{iso(company.get('enriched_at')) or '-':20}  {website}")
    shown = f"{len(found)} of {total}" if total > len(found) else str(total)
    out(f"{shown} compan{'y' if total == 1 else 'ies'}" + (" (--limit 0 shows all)" if total > len(found) else ""))


def mailbox_line(m: dict[str, Any]) -> None:
    """`status`: the mailbox sync, loud when its last run failed."""
    if not m.get("configured"):
        out("  mailbox not configured (no `mailbox:` section; see the README's Mailbox section)")
        return
    last = m.get("last_run")
    if not last:
        when = "never run"
    elif last.get("error"):
        when = f"last {last['started_at']}: FAILED: {last['error']}"
    else:
        d = last.get("details") or {}
        when = (f"last {last['started_at']}: filed {d.get('filed', 0)}, sent {d.get('sent', 0)}, replies "
                f"{d.get('replies', 0)}, waiting {d.get('waiting', 0)}")
    state = "" if m.get("enabled") else " (disabled)"
    out(f"  mailbox {m['account']}: next {m.get('next_run') or '-'}{state}; {when}")


def status(r: dict[str, Any]) -> None:
    if r["running"]:
        uptime, memory = r.get("uptime"), r.get("memory")
        out(f"running (PID {r['pid']}), up {duration(uptime) if uptime is not None else '?'}, "
              f"memory {f'{memory / 1e6:.1f} MB' if memory else '?'}")
    elif r["stale_pid_file"]:
        out("stopped (stale PID file: the daemon that wrote it is gone; the next start replaces it)")
    else:
        out("stopped")
    out(f"store: {r['store']}" + ("  (schedule as the running daemon has it)" if r["schedule_from"] == "daemon"
                                      else ""))
    if r["config_changed"]:
        out("the config or profile on disk changed since the daemon started: restart to apply")
    for warning in r["warnings"]:
        out(f"warning: {warning}")
    web = r["web"]
    out(f"review page: {web['url']}" if web["served"] else
        f"review page: not served ({web['why']}); `python main.py web` serves it")
    for name, s in r["stages"].items():
        why = "" if s["scheduled"] else f" (not ready: {s['not_ready']})" if s["not_ready"] else \
            " (not built yet)" if not s["built"] else " (disabled)"
        last = s["last_run"]
        last_text = (f"last {last['started_at']}: {last['succeeded']} ok, {last['retried']} retried, "
                     f"{last['failed']} failed" + (f", error: {last['error']}" if last["error"] else "")) \
            if last else "never run"
        out(f"  {name:7} next {s['next_run'] or '-'}{why}; {last_text}")
    mailbox_line(r.get("mailbox") or {})
    if r["store_error"]:
        out(f"store unreachable: {r['store_error']}")
    else:
        out("jobs: " + (", ".join(f"{k} {v}" for k, v in sorted(r["counts"].items())) or "none"))
        out(spend_line(r["llm_spend"]))
