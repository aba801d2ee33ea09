"""Faults that must cost nothing: a dead board among live ones, and output that web text cannot
turn into spreadsheet formulas or terminal escapes."""

import csv
import json

import yaml

from pipeline import constants as c
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.export import export
from pipeline.sources.linkedin import DETAIL_PATH, SEARCH_PATH
from pipeline.store import NewJob, open_store
from tests.helpers.http_server import RecordedServer, Reply, fixture
from tests.helpers.project import write_config


def board(name: str, n: int) -> Reply:
    jobs = [{"id": n, "title": "Software Engineer", "absolute_url": f"https://boards.example/{name}/{n}",
             "location": {"name": "Remote"}, "content": "Build."}]
    return Reply(200, json.dumps({"jobs": jobs}), content_type="application/json")


def test_a_dead_board_does_not_stop_the_others_or_linkedin(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    monkeypatch.delenv(c.ENV_TEST_STAGES, raising=False)
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
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    path = write_config(tmp_path)
    store = open_store(load_config(str(path)))
    hostile = "Engineer\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\x1b[2J\x07"
    store.upsert_job(NewJob(source="t", source_id="1", url="https://x.example/1", title="t", company="c",
                            status=c.State.SCORED))
    job = store.list_jobs()[0]
    store.annotate(job.id, c.State.SCORED, {"note": hostile}, {"title": hostile, "company": "Acme\x1b[31m"})
    for argv in (["--list"], ["show", job.id], ["stats"]):
        assert main(["--config", str(path), *argv]) == 0
        out = capsys.readouterr().out
        assert not any(ch in out for ch in "\x1b\x07\x08\x9b"), (argv, out)
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

    from pipeline.llm import LLM

    made = []

    class Slow:
        def __init__(self, **kwargs):
            time.sleep(0.05)
            made.append(kwargs)

    monkeypatch.setattr(openai, "OpenAI", Slow)
    from pipeline.settings import LLMConfig

    config = type("C", (), {"llm_api_key": "sk-test", "llm": LLMConfig()})()
    llm = LLM(config)
    threads = [threading.Thread(target=lambda: llm.client) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1
