"""Where the resume appears: the draft stage makes one per drafted job, `main.py resume JOB_ID`
refreshes it, `drafts export --format eml` attaches it. Regenerated when what it shows changes,
never lost: a failure is recorded beside the last PDF and leaves the job's state and drafts alone."""

import email
import email.policy
import json
import stat

import pytest
import yaml

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.engine.runner import run_stage
from pipeline.stages.draft import Draft
from pipeline.states import State
from tests.helpers.llm_server import Answer, LLMServer
from tests.resume.helpers import id_of, loaded, pdf_text
from tests.stages.test_draft import GOOD, enriched

CONTRACT = {"path", "fingerprint", "made_at", "pages"}


@pytest.fixture
def llm():
    with LLMServer() as server:
        yield server


@pytest.fixture
def drafted(project, llm, monkeypatch):
    """drafted(cv_edit, key=False, **generator) -> (config path, config, store, job id): a project with
    the example profile (it has a cv: section, changed by cv_edit) and an enriched job; without a key
    the drafts come from templates."""
    def make(cv_edit=None, key: bool = False, **generator):
        sections = {"generator": {"retry_base_seconds": 0.001, "retry_max_seconds": 0.001, **generator}}
        if key:
            monkeypatch.setenv(c.ENV_OPENROUTER_KEY, "sk-test-resume-0123456789")
            sections["llm"] = {"base_url": llm.base_url, "model": "test-model", "timeout_seconds": 5}
        made = project(sections, profile="example")
        if cv_edit:
            edit_profile(made.root / "profile.yaml", cv_edit)
        return made.path, load_config(str(made.path)), made.store, enriched(made.store)
    return make


def edit_profile(profile, change) -> None:
    data = yaml.safe_load(profile.read_text())
    change(data["cv"])
    profile.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def draft(config, store):
    return run_stage(store, Draft(config).stage(), config.stages[c.DRAFT])


def test_the_draft_stage_makes_one_private_resume_per_drafted_job(drafted):
    path, config, store, job_id = drafted()
    assert draft(config, store).succeeded == 1
    job = store.get(job_id)
    record = job.data["resume"]
    assert set(record) == CONTRACT and record["pages"] == 1 and record["path"] == f"data/resumes/{job_id}.pdf"
    pdf = config.root / record["path"]
    assert "Alex Example" in pdf_text(pdf.read_bytes())
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600 and stat.S_IMODE(pdf.parent.stat().st_mode) == 0o700
    assert job.status == State.DRAFT_GENERATED and job.data["drafts"]


@pytest.mark.parametrize("how", ["setting off", "no cv section"])
def test_no_resume_without_a_cv_section_or_when_turned_off(drafted, how):
    path, config, store, job_id = drafted(resume=False) if how == "setting off" else drafted()
    if how == "no cv section":
        profile = path.parent / "profile.yaml"
        data = yaml.safe_load(profile.read_text())
        del data["cv"]
        profile.write_text(yaml.safe_dump(data))
        config = load_config(str(path))
    draft(config, store)
    assert "resume" not in store.get(job_id).data and not (path.parent / "data" / "resumes").exists()


def test_a_failed_resume_keeps_the_jobs_state_and_drafts(drafted):
    def rocket(cv):
        cv["work"][0]["highlights"][0] = "Cut p99 API latency in Python and PostgreSQL 🚀"
    _, config, store, job_id = drafted(rocket)
    assert draft(config, store).succeeded == 1
    job = store.get(job_id)
    assert job.status == State.DRAFT_GENERATED and len(job.data["drafts"]) == 1
    assert "font has no '🚀'" in job.data["resume"]["error"] and "path" not in job.data["resume"]


def test_the_command_refreshes_copies_and_never_loses_the_last_pdf(drafted, tmp_path, capsys):
    path, config, store, job_id = drafted()
    draft(config, store)
    first = store.get(job_id).data["resume"]
    pdf = config.root / first["path"]
    cli = ["--config", str(path), "resume", job_id]
    assert main([*cli, "--out", str(tmp_path / "mine.pdf")]) == 0
    assert "up to date" in capsys.readouterr().out and (tmp_path / "mine.pdf").read_bytes() == pdf.read_bytes()

    profile = path.parent / "profile.yaml"
    edit_profile(profile, lambda cv: cv["work"][0]["highlights"].__setitem__(
        0, "Cut p99 API latency from 900 ms to 100 ms by reworking the caching layer in Python and Redis"))
    assert main(cli) == 0 and "made" in capsys.readouterr().out
    second = store.get(job_id).data["resume"]
    assert second["fingerprint"] != first["fingerprint"] and "to 100 ms" in pdf_text(pdf.read_bytes())
    good = pdf.read_bytes()

    edit_profile(profile, lambda cv: cv["work"][0]["highlights"].__setitem__(0, "Cut p99 latency in Python 🚀"))
    drafts_before = store.get(job_id).data["drafts"]
    assert main(cli) == 1
    assert "resume not made" in capsys.readouterr().err
    job = store.get(job_id)
    assert job.data["resume"]["path"] == second["path"] and job.data["resume"]["fingerprint"] == second["fingerprint"]
    assert job.data["resume"]["error"] and job.data["resume"]["error_at"]
    assert pdf.read_bytes() == good, "the last good PDF stays until a new one compiles"
    assert job.status == State.DRAFT_GENERATED and job.data["drafts"] == drafts_before


def test_the_command_says_what_is_missing(drafted, capsys, tmp_path):
    path, config, store, job_id = drafted()
    assert main(["--config", str(path), "resume", "nosuchjob"]) == 1
    assert main(["--config", str(path), "resume"]) == 2
    profile = path.parent / "profile.yaml"
    data = yaml.safe_load(profile.read_text())
    del data["cv"]
    profile.write_text(yaml.safe_dump(data))
    assert main(["--config", str(path), "resume", job_id]) == 1
    assert "resume --import resume.json" in capsys.readouterr().err


def test_an_exported_eml_carries_the_resume(drafted, tmp_path):
    path, config, store, job_id = drafted()
    draft(config, store)
    cli = ["--config", str(path), "drafts"]
    assert main([*cli, "approve", job_id]) == 0
    assert main([*cli, "export", "--format", "eml", "--out", str(tmp_path / "out")]) == 0
    [eml] = (tmp_path / "out").glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "Alex Example - Resume.pdf"
    assert attachment.get_content() == (config.root / store.get(job_id).data["resume"]["path"]).read_bytes()
    assert message.get_body(("plain",)).get_content().strip()
    first = eml.read_bytes()
    assert main([*cli, "export", "--format", "eml", "--out", str(tmp_path / "out")]) == 0
    assert eml.read_bytes() == first, "the same draft and resume export as the same bytes"


def test_the_llm_step_in_the_stage_is_metered_and_only_chooses(drafted, llm):
    path, config, store, job_id = drafted(key=True, resume_llm=True)
    _, cv = loaded(path.parent / "profile.yaml")
    chosen = id_of(cv, "Led the migration")

    def respond(body):
        if "facts of a person's resume" in body["messages"][0]["content"]:
            return Answer(content=json.dumps({"ids": [chosen]}), cost=0.0002)
        return Answer(content=json.dumps(GOOD), cost=0.0011)
    llm.respond = respond
    record = draft(config, store)
    assert record.details["llm_calls"] == 2 and record.details["cost"] == pytest.approx(0.0013)
    text = " ".join(pdf_text((config.root / store.get(job_id).data["resume"]["path"]).read_bytes()).split())
    assert "Led the migration of 40 services" in text and "Cut p99 API latency" not in text
