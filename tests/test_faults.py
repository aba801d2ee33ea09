"""Faults that must cost nothing: a dead board among live ones, and output that web text cannot
turn into spreadsheet formulas or terminal escapes."""

import csv
import json

import pytest
import yaml

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.outreach.export import export
from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH
from pipeline.states import State
from pipeline.store import NewJob, open_store
from tests.helpers.http_server import RecordedServer, Reply, fixture
from tests.helpers.project import write_config


def board(name: str, n: int) -> Reply:
    jobs = [{"id": n, "title": "Software Engineer", "absolute_url": f"https://boards.example/{name}/{n}",
             "location": {"name": "Remote"}, "content": "Build."}]
    return Reply(200, json.dumps({"jobs": jobs}), content_type="application/json")


def test_a_dead_board_does_not_stop_the_others_or_linkedin(tmp_path, monkeypatch, capsys):
    with RecordedServer() as server:
        fast = {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}
        server.routes["/v1/boards/acme/jobs"] = board("acme", 1)
        server.routes["/v1/boards/moved/jobs"] = Reply(404, "not found")
        server.routes["/v1/boards/html/jobs"] = Reply(200, "<html>we moved our careers page</html>")
        server.routes["/v1/boards/zeta/jobs"] = board("zeta", 2)
        server.routes[SEARCH_PATH] = [Reply(200, fixture("linkedin", "guest_seeMoreJobPostings_search.html")),
                                      Reply(200, "")]
        server.routes[DETAIL_PATH.format(id="*")] = Reply(200, fixture("linkedin", "guest_jobPosting_detail.html"))
        path = write_config(tmp_path, {
            "searches": [{"keywords": "software engineer", "sources": ["greenhouse", "linkedin"]}],
            "sources": {"linkedin": fast, "greenhouse": {**fast, "boards": ["acme", "moved", "html", "zeta"]}}})
        assert main(["--config", str(path), "run-stage", "scrape"]) == 1, "the dead boards are errors of the run"
        out = capsys.readouterr().out
        assert "greenhouse board 'moved'" in out and "greenhouse board 'html'" in out
        store = open_store(load_config(str(path)))
        sources = sorted({(j.source, j.source_id.split(":")[0]) for j in store.list_jobs() if j.source != "linkedin"})
        assert sources == [("greenhouse", "acme"), ("greenhouse", "zeta")]
        assert sum(j.source == "linkedin" for j in store.list_jobs()) == 10, "LinkedIn was still searched"
        assert "greenhouse board 'moved'" in out and "(failed 1 run in a row since" in out
        assert main(["--config", str(path), "run-stage", "scrape"]) == 1
        assert "(failed 2 runs in a row since" in capsys.readouterr().out
        key = "scrape:board-failures:greenhouse:moved:since"
        store.set_value(key, store.quota_used(key) - 8 * 86400)  # as if it had been failing for 8 days
        assert main(["--config", str(path), "run-stage", "scrape"]) == 1
        out = capsys.readouterr().out
        assert "failed 3 runs in a row" in out and "failing for 8 days: gone? remove it from the config" in out
        assert store.quota_used("scrape:board-failures:greenhouse:acme") == 0, "a board read is no streak"


def test_csv_cells_a_spreadsheet_would_evaluate_are_neutralised(tmp_path):
    rows = [{"job_id": "j1", "n": 1, "company": "=HYPERLINK(\"http://evil.example\",\"x\")", "title": "+1-555",
             "channel": "email", "recipient": "-2+3", "role": "@SUM(A1)", "address": "a@b.example",
             "address_status": "published", "subject": "\tTabbed", "body": "Hi,\n=cmd|' /C calc'!A0",
             "template": False, "cost": 0.0, "created_at": ""}]
    export(rows, "csv", tmp_path)
    with (tmp_path / "drafts.csv").open(newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells


def test_terminal_output_carries_no_control_characters(tmp_path, monkeypatch, capsys):
    path = write_config(tmp_path)
    store = open_store(load_config(str(path)))
    hostile = "Engineer\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\x1b[2J\x07\u202eevil\u2066\U000e0041\x9b"
    store.upsert_job(NewJob(source="t", source_id="1", url="https://x.example/1", title="t", company="c",
                            status=State.SCORED))
    job = store.list_jobs()[0]
    store.annotate(job.id, State.SCORED, {"note": hostile}, {"title": hostile, "company": "Acme\x1b[31m"})
    for argv in (["--list"], ["show", job.id], ["stats"]):
        assert main(["--config", str(path), *argv]) == 0
        out = capsys.readouterr().out
        assert not any(ch in out for ch in "\x1b\x07\x08\x9b\u202e\u2066\U000e0041"), (argv, out)
    assert main(["--config", str(path), "--list", "--json"]) == 0
    assert yaml.safe_load(capsys.readouterr().out)[0]["title"] == hostile, "JSON keeps the data, escaped"


def test_eml_headers_are_one_line_and_names_cannot_add_recipients(tmp_path):
    import email
    import email.policy

    row = {"job_id": "j1", "n": 1, "company": "Acme", "title": "Engineer\r\nBcc: boss@evil.example",
           "channel": "email", "recipient": "Ann\r\nBcc: x@evil.example", "role": "CTO", "address": "ann@acme.example",
           "address_status": "published", "subject": "", "body": "Hello Ann", "template": True, "cost": 0.0,
           "created_at": ""}
    written = export([row, {**row, "job_id": "j2"}], "eml", tmp_path).written
    assert len(written) == 2
    message = email.message_from_bytes(written[0].read_bytes(), policy=email.policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == ["ann@acme.example"] and message["Bcc"] is None
    assert "\n" not in message["Subject"]


def test_the_llm_client_is_built_once_under_concurrent_first_use(monkeypatch):
    import threading
    import time

    import openai

    from pipeline.net.llm import LLM

    made = []

    class Slow:
        def __init__(self, **kwargs):
            time.sleep(0.05)
            made.append(kwargs)

    monkeypatch.setattr(openai, "OpenAI", Slow)
    from pipeline.config.settings import LLMConfig

    config = type("C", (), {"llm_api_key": "sk-test", "llm": LLMConfig()})()
    llm = LLM(config)
    threads = [threading.Thread(target=lambda: llm.client) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1


def test_an_error_while_storing_a_result_fails_the_job_with_its_cause(store_factory):
    from pipeline.config.catalog import stage_states
    from pipeline.config.loading import StageConfig
    from pipeline.engine.runner import Stage, run_stage
    from tests.helpers.builders import new_job
    from tests.helpers.stages import unstorable

    store = store_factory()
    store.upsert_job(new_job(1))
    settings = StageConfig(name=c.ENRICH, max_retries=1, retry_base_seconds=0, retry_max_seconds=0)
    record = run_stage(store, Stage(stage_states(c.ENRICH), unstorable()), settings)
    job = store.list_jobs()[0]
    assert (record.claimed, record.failed, job.status) == (1, 1, State.FAILED), "nothing left in enriching"
    assert job.last_error.startswith("storing the result failed:") and record.error == job.last_error


def test_a_refused_write_is_one_clear_line_not_a_traceback(tmp_path):
    """A read-only or full disk (here: SQLite told to refuse writes, which raises the same
    sqlite3.OperationalError) is StoreUnavailable: commands print it as one line and exit 1."""
    from pipeline.errors import StoreUnavailable
    from pipeline.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    store._db.execute("PRAGMA query_only = 1")
    try:
        store.upsert_job(NewJob(source="t", source_id="1", url="https://x.example/1", title="T", company="C"))
    except StoreUnavailable as exc:
        assert "readonly" in str(exc) and "\n" not in str(exc)
    else:
        raise AssertionError("a refused write must raise StoreUnavailable")
    store._db.execute("PRAGMA query_only = 0")
    assert store.upsert_job(NewJob(source="t", source_id="1", url="https://x.example/1", title="T",
                                   company="C")) == "inserted", "nothing was left half-written"


def test_with_the_network_down_enrich_halts_and_uses_no_attempt(tmp_path, monkeypatch):
    """Every host refused (the proxy and LinkedIn on a closed port): the run halts with "network
    unreachable", every job is back in its input state with no attempt used and no error."""
    from pipeline.config.catalog import stage_states
    from pipeline.engine.runner import run_stage
    from pipeline.stages.enrich import Enrich
    from tests.helpers.mongo_server import free_port

    closed = f"http://127.0.0.1:{free_port()}"
    path = write_config(tmp_path, {
        "enricher": {"concurrency": 2, "retry_base_seconds": 0, "retry_max_seconds": 0},
        "http": {"proxy": closed, "min_delay": 0, "max_delay": 0, "timeout_seconds": 2},
        "sources": {"linkedin": {"base_url": closed, "min_delay": 0, "max_delay": 0}}})
    config = load_config(str(path))
    store = open_store(config)
    for n in range(6):
        store.upsert_job(NewJob(source="test", source_id=str(n), url=f"https://jobs.example.org/{n}", title="Engineer",
                                company=f"Company {n}", company_url=f"http://company{n}.example/",
                                status=State.SCORED))
    stage = Enrich(config, mx_lookup=lambda domain: "unchecked")
    stage.fetcher.sleep = lambda seconds: None
    record = run_stage(store, stage.stage(), config.stages[c.ENRICH])
    assert record.error and "network unreachable" in record.error, record.error
    assert (record.failed, record.retried, record.succeeded) == (0, 0, 0)
    jobs = store.list_jobs()
    assert {j.status for j in jobs} == {stage_states(c.ENRICH).input}
    assert all(j.attempts.get(c.ENRICH, 0) == 0 and not j.last_error for j in jobs), [j.attempts for j in jobs]


def test_one_dead_website_is_the_jobs_error_not_an_outage(tmp_path):
    """A company site that refuses connections while the canary answers: Unreachable (the job is
    retried by the usual rules), never NetworkDown."""
    from pipeline.errors import NetworkDown, Unreachable
    from pipeline.net.http import Fetcher
    from tests.helpers.mongo_server import free_port

    with RecordedServer() as server:
        server.routes["/"] = Reply(200, "ok")
        fetcher = Fetcher(canary=server.base_url + "/", sleep=lambda s: None)
        dead = f"http://127.0.0.1:{free_port()}/"
        for _ in range(3):
            try:
                fetcher.get(dead)
            except NetworkDown:
                raise AssertionError("one dead host is not an outage") from None
            except Unreachable:
                pass
        assert fetcher.get(server.base_url + "/").status_code == 200
    fetcher.canary = dead
    try:
        fetcher.get(f"http://127.0.0.1:{free_port()}/")
    except NetworkDown as exc:
        assert "network unreachable" in str(exc)
    else:
        raise AssertionError("the canary away too is an outage")


def test_a_stop_during_a_429_back_off_ends_the_fetch_at_once():
    """Retry-After: 30 on the first answer; the run's stop is set 0.3 s later: the fetch ends
    (Stopped: the job goes back untouched) well before the 30 s are out, however busy the machine."""
    import threading
    import time

    from pipeline.errors import Stopped
    from pipeline.net.http import Fetcher, HostPolicy

    with RecordedServer() as server:
        server.routes["/busy"] = [Reply(429, "slow down", headers={"Retry-After": "30"}), Reply(200, "ok")]
        fetcher = Fetcher(default=HostPolicy(min_delay=0, max_delay=0, max_429=3))
        stop = threading.Event()
        fetcher.reset(stop)
        threading.Timer(0.3, stop.set).start()
        started = time.monotonic()
        try:
            fetcher.get(server.base_url + "/busy")
        except Stopped:
            pass
        else:
            raise AssertionError("the fetch must end on stop")
        assert time.monotonic() - started < 15, "ended on the stop, not after the 30 s wait"


def test_two_daemons_on_one_mongodb_search_once_per_scheduled_slot(tmp_path, mongo_uri, monkeypatch):
    """Two daemons' schedulers fire the same scheduled scrape at once: one takes the slot and
    searches; the other only claims work. LinkedIn sees one daemon's worth of search requests."""
    import threading
    import uuid

    from pipeline.service.scheduler import Scheduler
    from pipeline.stages.scrape import Scrape

    monkeypatch.setenv(c.ENV_MONGODB_URI, mongo_uri)
    with RecordedServer() as server:
        page = fixture("linkedin", "guest_seeMoreJobPostings_search.html")
        server.routes[SEARCH_PATH] = [Reply(200, page), Reply(200, "")]
        server.routes[DETAIL_PATH.format(id="*")] = Reply(200, fixture("linkedin", "guest_jobPosting_detail.html"))
        fast = {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}
        database = f"t_{uuid.uuid4().hex[:8]}"
        path = write_config(tmp_path, {"storage": {"backend": "mongodb", "mongodb_database": database},
                                       "searches": [{"keywords": "software engineer"}], "sources": {"linkedin": fast}})
        config = load_config(str(path))
        daemons = []
        for _ in range(2):
            store = open_store(config)
            daemons.append(Scheduler(config, store, {c.SCRAPE: Scrape(config, store).stage()}, threading.Event()))
        threads = [threading.Thread(target=d.jobs[c.SCRAPE], kwargs={"scheduled": True}) for d in daemons]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        searches = [p for p in server.paths() if p.startswith(SEARCH_PATH)]
        assert len(searches) == 2, f"one daemon's search: page 1 and the empty page 2, got {searches}"
        jobs = daemons[0].store.list_jobs()
        assert len(jobs) == 10 and {j.status for j in jobs} == {State.SCRAPED}, "both claimed the details"
        for d in daemons:
            d.store.close()


def test_sigterm_during_a_30_s_back_off_ends_the_run_within_2_s(tmp_path, monkeypatch):
    """A detail page answers 429 with Retry-After: 30; the stop comes 0.5 s later: the run ends
    well before the 30 s are out, and the job is back in `pending` with its attempt given back."""
    import threading
    import time

    from pipeline.engine.runner import run_stage
    from pipeline.stages.scrape import Scrape

    with RecordedServer() as server:
        server.routes[DETAIL_PATH.format(id="*")] = Reply(429, "slow down", headers={"Retry-After": "30"})
        path = write_config(tmp_path, {"sources": {"linkedin": {"base_url": server.base_url, "min_delay": 0,
                                                                "max_delay": 0}}})
        config = load_config(str(path))
        store = open_store(config)
        store.upsert_job(NewJob(source="linkedin", source_id="4100000001", status=State.PENDING,
                                url="https://www.linkedin.com/jobs/view/4100000001", title="Engineer", company="Acme"))
        stop = threading.Event()
        threading.Timer(0.5, stop.set).start()
        started = time.monotonic()
        record = run_stage(store, Scrape(config, store).stage(), config.stages[c.SCRAPE], stop=stop, stop_timeout=30)
        assert time.monotonic() - started < 15, "ended on the stop, not after the 30 s wait"
        job = store.list_jobs()[0]
        assert job.status == State.PENDING and job.attempts.get(c.SCRAPE, 0) == 0 and record.failed == 0


def test_run_stage_summary_lines_carry_no_control_characters(tmp_path, monkeypatch, capsys):
    """A run's error can quote what a site sent; run-stage prints it without the escape sequences."""
    monkeypatch.setenv(c.ENV_TEST_STAGES, "enrich=tests.helpers.stages:hostile_halt")
    path = write_config(tmp_path)
    open_store(load_config(str(path))).upsert_job(NewJob(source="t", source_id="1", url="https://x.example/1",
                                                         title="T", company="C", status=State.SCORED))
    assert main(["--config", str(path), "run-stage", "enrich"]) == 1
    out = capsys.readouterr().out
    assert "the site said: " in out and "click here" in out
    assert not any(ch in out for ch in "\x1b\x07"), out


# -- faults, round three: one line, never a traceback ----------------------------------------

def _one_line(capsys, code: int, argv: list[str], words: str) -> str:
    assert main(argv) == code, argv
    captured = capsys.readouterr()
    assert words in captured.err, (argv, captured.err)
    assert "Traceback" not in captured.err + captured.out and len(captured.err.strip().splitlines()) == 1, captured.err
    return captured.err


def test_a_corrupt_sqlite_file_is_one_line_and_stats_says_so(project, capsys):
    made = project()
    for n in range(300):
        made.store.upsert_job(NewJob(source="t", source_id=str(n), url=f"https://x.example/{n}", title="Engineer",
                                     company=f"C{n}", description="words " * 200, status=State.SCORED))
    job_id = made.store.list_jobs()[0].id
    made.store.close()
    path = made.config.storage.sqlite_path
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(len(data) // 2 // page * page, len(data), page * 3):  # every third page of the second half
        data[start:start + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    cli = ["--config", str(made.path)]
    _one_line(capsys, c.EXIT_ERROR, [*cli, "stats"], "database file is corrupt: run `PRAGMA integrity_check`")
    for argv in (["--list"], ["show", job_id], ["companies"], ["run-stage", "fit"], ["--list", "--json"]):
        assert main([*cli, *argv]) in (c.EXIT_OK, c.EXIT_ERROR)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out, argv
        if captured.err.strip():
            assert "database file is corrupt" in captured.err or "error" in captured.out, (argv, captured.err)


def test_a_full_store_disk_says_so(tmp_path):
    from pipeline.errors import StoreUnavailable
    from pipeline.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    store.upsert_job(NewJob(source="t", source_id="0", url="https://x.example/0", title="T", company="C"))
    before = store.list_jobs()
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    try:
        for n in range(1, 200):
            store.upsert_job(NewJob(source="t", source_id=str(n), url=f"https://x.example/{n}", title="T",
                                    company="C", description="d" * 3000))
    except StoreUnavailable as exc:
        assert str(exc) == f"disk full at {tmp_path}"
    else:
        raise AssertionError("the store must say the disk is full")
    assert [j for j in store.list_jobs() if j.source_id == "0"] == before, "what was stored is unchanged"
    store.close()


@pytest.mark.parametrize("argv", [["--list", "--limit", "99999999999999999999999"],
                                  ["companies", "--limit", "99999999999999999999999"], ["companies", "--limit", "-1"],
                                  ["list", "--limit", "0"]])
def test_out_of_range_options_are_one_usage_line(tmp_path, capsys, argv):
    path = write_config(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["--config", str(path), *argv])
    assert stopped.value.code == c.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--limit: must be from" in err and "Traceback" not in err


@pytest.mark.parametrize("key", ["log_file", "pid_file"])
def test_a_log_or_pid_file_naming_a_folder_is_one_config_line(tmp_path, capsys, key):
    (tmp_path / "somewhere").mkdir()
    path = write_config(tmp_path, {"daemon": {key: "somewhere"}})
    for argv in (["config", "check"], ["daemon", "start"], ["daemon", "status"], ["run-stage", "fit"]):
        _one_line(capsys, c.EXIT_USAGE, ["--config", str(path), *argv], f"daemon.{key}: {tmp_path / 'somewhere'} is a "
                  "folder; name a file")


def test_a_log_that_cannot_be_written_falls_back_to_stderr_once(tmp_path, capfd):
    """/dev/full answers every write with ENOSPC, as a full disk does."""
    from pathlib import Path

    from pipeline.logs import get_logger, setup_logging

    setup_logging("INFO", Path("/dev/full"), console=False)
    try:
        for n in range(5):
            get_logger("pipeline.test").info("a line", n=n)
    finally:
        setup_logging("INFO", None, console=False)
    err = capfd.readouterr().err
    assert err.count("logging: cannot write /dev/full (No space left on device)") == 1, err
    assert "Logging error" not in err and err.count('"event": "a line"') == 5, "every line still reaches stderr"
