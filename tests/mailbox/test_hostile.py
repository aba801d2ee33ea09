"""Everything in a mail is hostile: what is kept is sanitised and short, what is printed is
terminal-safe, and the LLM sees only a fenced snippet of what the heuristics left undecided."""

import json

import yaml

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.mailbox.run import run_sync
from pipeline.states import State
from tests.helpers.llm_server import Answer, LLMServer
from tests.mailbox.conftest import add_job, deliver, mail
from tests.mailbox.test_sync import sent_job


def test_a_hostile_reply_is_kept_sanitised_and_short_and_printed_terminal_safe(project, capsys):
    job_id, message_id = sent_job(project)
    body = ("Thanks! \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \u202eevil\u202c " + "filler words " * 600
            + "THE-END-OF-THE-BODY")
    deliver(project, "INBOX", mail("=?utf-8?q?Jo_=1B[2J_Weber?= <jo@acme.example>",
                                   "Re: =?utf-8?q?Backend_=E2=80=AEengineer?= \x1b[31m" + "x" * 400, body,
                                   in_reply_to=message_id))
    assert run_sync(project.config, project.store).record.error is None
    (entry,) = project.store.get(job_id).data["mail"]
    kept = json.dumps(entry, ensure_ascii=False)
    assert "\x1b" not in kept and "\u202e" not in kept and "\x07" not in kept
    assert len(entry["snippet"]) <= 300 and "THE-END-OF-THE-BODY" not in kept, "never the whole body"
    assert len(entry["subject"]) <= 200
    assert main(["--config", str(project.path), "replies"]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\u202e" not in printed and job_id in printed


def with_llm(project, server: LLMServer, monkeypatch):
    data = yaml.safe_load(project.path.read_text())
    data["llm"] = {"base_url": server.base_url, "model": "test-model"}
    project.path.write_text(yaml.safe_dump(data))
    monkeypatch.setenv(c.ENV_OPENROUTER_KEY, "sk-test-key-123456")
    from pipeline.config.loading import load_config

    project.config = load_config(str(project.path))


def test_the_llm_decides_only_undecided_replies_and_only_with_evidence(project, monkeypatch):
    first, first_id = sent_job(project)
    second = add_job(project.store, n=1, company="Beta", domain="beta.example")
    labels = iter(['{"label": "rejection"}', '{"label": "interview"}'])
    with LLMServer() as server:
        server.respond = lambda body: Answer(content=next(labels))
        with_llm(project, server, monkeypatch)
        assert run_sync(project.config, project.store).record.error is None  # files Beta's draft
        beta = project.store.get(second).data["drafts"][0]
        deliver(project, "INBOX", mail("jo@acme.example", "Re: Backend engineer at Acme",
                                       "Thanks Alex. Let me talk to the team.", in_reply_to=first_id))
        deliver(project, "INBOX", mail("jo@beta.example", "Re: Backend engineer at Acme",
                                       "Thanks Alex. Let me talk to the team about an interview.",
                                       in_reply_to=beta["message_id"]))
        deliver(project, "INBOX", mail("jo@acme.example", "Slots", "Are you free for a call on Tuesday at 10:00?"))
        assert run_sync(project.config, project.store).record.error is None
        assert len(server.requests) == 2, "the clear invitation needed no LLM"
        prompt = server.requests[0]["body"]["messages"][1]["content"]
        assert prompt.startswith("<reply>") and "Let me talk to the team" in prompt and len(prompt) < 900
    first_mail = project.store.get(first).data["mail"]
    assert first_mail[0]["label"] == "other", "the LLM said rejection, but nothing in the text declines"
    assert first_mail[0]["by"] == "heuristic"
    beta_mail = project.store.get(second).data["mail"]
    assert (beta_mail[0]["label"], beta_mail[0]["by"]) == ("interview", "llm")
    assert project.store.get(second).status == State.INTERVIEW
