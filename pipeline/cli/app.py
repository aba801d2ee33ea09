"""Argument parsing for `python main.py` and dispatch to the command that prints (pipeline.cli.commands,
pipeline.cli.review_loop); what a command reads or changes lives in pipeline.service."""

import argparse
import os
import sys
from pathlib import Path

from pipeline import __version__
from pipeline import constants as c
from pipeline.cli import options
from pipeline.config.catalog import SOURCES, STAGES, parse_stage_overrides, use_stage_overrides
from pipeline.config.loading import Config
from pipeline.errors import ConfigError, StoreUnavailable
from pipeline.outreach.export import FORMATS
from pipeline.states import State

READ_ONLY = ("list", "stats", "show", "companies", "drafts", "replies")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="main.py", description="Job-search pipeline: scrape, enrich, draft.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--config", help=f"config file (default: ${c.ENV_CONFIG} or {c.DEFAULT_CONFIG_FILE})")
    p.add_argument("--list", action="store_true", help="list jobs (the same as the `list` command)")
    options.add_list_filters(p, top=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    options.add_list_filters(sub.add_parser("list", help="jobs, newest (or best score) first"))
    config = sub.add_parser("config", help="validate the config and print it, secrets masked")
    config.add_argument("action", choices=["check"])
    options.add_json(sub.add_parser("stats", help="counts by status and per stage"))
    show = sub.add_parser("show", help="everything known about one job")
    show.add_argument("job_id")
    options.add_json(show)
    companies = sub.add_parser("companies", help="companies with how many jobs each, most jobs first")
    options.add_json(companies)
    companies.add_argument("--limit", type=options.count, default=50, help="how many to show (0: all; default 50)")
    drafts = sub.add_parser("drafts", help="list, review, approve, reject, mark sent or export drafts (never sent)")
    drafts.add_argument("action", nargs="?", choices=["review", "approve", "reject", "sent", "export", "push"])
    drafts.add_argument("job_id", nargs="?", help="approve / reject / sent / push: the job")
    drafts.add_argument("n", nargs="?", type=options.positive, help="approve / reject / sent: draft N (default: all)")
    drafts.add_argument("--reason", default="", help="reject: why")
    options.add_status(drafts, f"drafts of jobs in this state (default {State.DRAFT_GENERATED})")
    drafts.add_argument("--format", choices=FORMATS, help="with export: the file format")
    drafts.add_argument("--out", type=Path, default=Path("drafts"), help="with export: the folder (default drafts/)")
    drafts.add_argument("--all", action="store_true", help="with export: new drafts too, not only approved")
    options.add_json(drafts)
    mailbox = sub.add_parser("mailbox", help="your own mailbox over IMAP: sync now, or check the login and folders")
    mailbox.add_argument("action", choices=["sync", "check"])
    options.add_json(mailbox)
    replies = sub.add_parser("replies", help="mail matched to jobs; confirm or dismiss what waits for you")
    replies.add_argument("action", nargs="?", choices=["confirm", "dismiss"])
    replies.add_argument("job_id", nargs="?")
    replies.add_argument("n", nargs="?", type=options.positive, help="the message's number (from `replies`)")
    replies.add_argument("--label", choices=["interview", "rejection", "other", "auto_reply", "bounce"],
                         help="confirm: what the message says, if the label shown is wrong")
    options.add_json(replies)
    resume = sub.add_parser("resume", help="a job's one-page resume PDF, or --import a JSON Resume into the profile")
    resume.add_argument("job_id", nargs="?", help="the job to make (or refresh) the resume for")
    resume.add_argument("--out", type=Path, help="also copy the PDF to this file")
    resume.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                        help="write a JSON Resume file into profile.yaml as its cv: section")
    resume.add_argument("--replace", action="store_true", help="with --import: overwrite an existing cv: section")
    imp = sub.add_parser("import", help="add jobs from a JSON, JSONL or CSV file (- reads standard input)")
    imp.add_argument("file", type=Path)
    options.add_json(imp)
    retry = sub.add_parser("retry", help="requeue failed jobs (or the given ones) for a stage")
    retry.add_argument("job_ids", nargs="*", metavar="JOB_ID")
    options.add_status(retry, f"requeue the jobs in this state (default {State.FAILED})")
    retry.add_argument("--stage", choices=list(STAGES))
    rescore = sub.add_parser("rescore", help="score jobs again after editing profile.yaml")
    options.add_status(rescore, "only jobs in this state (default: scored and skipped for fit)")
    mark = sub.add_parser("mark", help="move a job to a state yourself (skipped, applied, ...)")
    mark.add_argument("job_id")
    mark.add_argument("new_status", metavar="STATUS")
    clear = sub.add_parser("clear-suspicious", help="trust a posting flagged suspicious: it is drafted after all")
    clear.add_argument("job_id")
    run = sub.add_parser("run-stage", help="process what is claimable now for one stage, then exit")
    run.add_argument("stage", choices=list(STAGES))
    run.add_argument("--batch-size", type=options.positive, help="at most N jobs (default: all claimable now)")
    run.add_argument("--max-retries", type=options.positive, help="attempts before a job fails (default: config)")
    run.add_argument("--max-jobs", type=options.positive, help="scrape: at most N new jobs this run")
    run.add_argument("--keywords", help="scrape: search these keywords instead of the configured searches")
    run.add_argument("--location", help="scrape: with --keywords, or to override every search's location")
    run.add_argument("--source", choices=list(SOURCES), help="scrape: only this source")
    web = sub.add_parser("web", help="serve the review page in the foreground (Ctrl-C stops it)")
    web.add_argument("--host", help="the address to listen on (default: web.host, 127.0.0.1); any other than "
                                    "loopback needs WEB_TOKEN in .env")
    web.add_argument("--port", type=options.port, help="the port (default: web.port, 8765; 0: any free port)")
    web.add_argument("--open", action="store_true", help="open the page in your browser")
    daemon = sub.add_parser("daemon", help="start, stop, status, or run in the foreground")
    daemon.add_argument("action", choices=["start", "stop", "status", "run"])
    daemon.add_argument("--timeout", type=float, help="stop: seconds to wait before SIGKILL")
    options.add_json(daemon)
    return p


def keep_files_private() -> None:
    """What the pipeline creates (the store holds contacts and drafts; logs; exports) is the
    user's alone: their umask, made at least 077 (files 0600, folders 0700), never looser."""
    os.umask(os.umask(0o077) | 0o077)


def main(argv: list[str] | None = None) -> int:
    """Run one command; a closed pipe (`main.py --list | head -2`) ends it quietly."""
    keep_files_private()
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to write, no traceback
        return c.EXIT_OK


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command and not args.list:
        parser.print_help()
        return c.EXIT_USAGE
    from pipeline.cli import commands
    from pipeline.config.loading import load_config

    try:
        use_stage_overrides(parse_stage_overrides(os.environ.get(c.ENV_TEST_STAGES, "")))
        # read-only commands skip building cron triggers: no APScheduler import for --list and friends
        config = load_config(args.config, check_schedules=not (args.list or args.command in READ_ONLY))
        if args.list or args.command == "list":
            return commands.list_jobs(config, args.status, args.limit, args.json, args.sort, args.since)
        return _dispatch(args, config)
    except ConfigError as exc:
        for line in str(exc).splitlines():
            print(f"config error: {line}", file=sys.stderr)
        return c.EXIT_USAGE
    except StoreUnavailable as exc:
        print(f"store unreachable: {exc}", file=sys.stderr)
        return c.EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _drafts(args: argparse.Namespace, config: Config) -> int:
    from pipeline.cli import commands
    from pipeline.cli.review_loop import interactive

    status = options.status_or(args, State.DRAFT_GENERATED) or State.DRAFT_GENERATED
    match args.action:
        case None:
            return commands.list_drafts(config, status, args.json)
        case "export":
            if not args.format:
                print(f"drafts export needs --format {' or '.join(FORMATS)}", file=sys.stderr)
                return c.EXIT_USAGE
            return commands.export_drafts(config, status, args.format, args.out, args.all)
        case "review":
            return interactive(config, status)
        case "push":
            from pipeline.cli import mailbox as mailbox_commands

            return mailbox_commands.push(config, args.job_id)
    if not args.job_id:
        print(f"drafts {args.action} needs a JOB_ID (and optionally a draft number N)", file=sys.stderr)
        return c.EXIT_USAGE
    return commands.change_drafts(config, args.action, args.job_id, args.n, args.reason)


def _mailbox(args: argparse.Namespace, config: Config) -> int:
    from pipeline.cli import mailbox as mc

    if args.command == "mailbox":
        return mc.sync(config, args.json) if args.action == "sync" else mc.check(config)
    if args.action is None:
        return mc.replies(config, args.json)
    if not args.job_id or not args.n:
        print(f"replies {args.action} needs a JOB_ID and the message's number N", file=sys.stderr)
        return c.EXIT_USAGE
    return mc.decide(config, args.action, args.job_id, args.n, args.label)


def _resume(args: argparse.Namespace, config: Config) -> int:
    from pipeline.cli import commands

    if args.import_file:
        return commands.import_resume(config, args.import_file, args.replace)
    if not args.job_id:
        print("resume needs a JOB_ID, or --import FILE", file=sys.stderr)
        return c.EXIT_USAGE
    return commands.make_resume(config, args.job_id, args.out)


def _dispatch(args: argparse.Namespace, config: Config) -> int:
    from pipeline.cli import commands
    from pipeline.service import daemon

    match args.command:
        case "config":
            return commands.config_check(config)
        case "stats":
            return commands.stats(config, args.json)
        case "show":
            return commands.show(config, args.job_id, args.json)
        case "drafts":
            return _drafts(args, config)
        case "companies":
            return commands.companies(config, args.json, args.limit)
        case "mailbox" | "replies":
            return _mailbox(args, config)
        case "import":
            return commands.import_jobs(config, args.file, args.json)
        case "resume":
            return _resume(args, config)
        case "retry":
            return commands.retry(config, options.status_or(args, State.FAILED) or State.FAILED, args.stage,
                                  args.job_ids)
        case "rescore":
            return commands.rescore(config, options.status_or(args, None))
        case "mark":
            return commands.mark(config, args.job_id, args.new_status)
        case "clear-suspicious":
            return commands.clear_suspicious(config, args.job_id)
        case "run-stage":
            wanted = {k: v for k, v in (("max_jobs", args.max_jobs), ("keywords", args.keywords),
                                        ("location", args.location), ("source", args.source)) if v}
            if wanted and args.stage != "scrape":
                print("--max-jobs, --keywords, --location and --source apply to the scrape stage only",
                      file=sys.stderr)
                return c.EXIT_USAGE
            return commands.run_stage(config, args.stage, args.batch_size, args.max_retries, wanted)
        case "web":
            return commands.web(config, args.host, args.port, args.open)
        case "daemon":
            if args.action == "status":
                return commands.daemon_status(config, args.json)
            outcome = {"start": lambda: daemon.start(config), "stop": lambda: daemon.stop(config, args.timeout),
                       "run": lambda: daemon.run_foreground(config)}[args.action]()
            for line in outcome.lines:
                print(line)
            return outcome.code
    return c.EXIT_USAGE
