"""tests/evals/drafts.jsonl: model answers labelled accept or reject with the reason, checked against
one job, company and recipient (tests/evals/drafts_context.json). Every case must be decided right."""

import json
import shutil

import pytest

from pipeline.config.loading import load_config
from pipeline.config.profile import load_profile
from pipeline.outreach.drafts import DraftRejected, Recipient, allowed_references, check_draft, parse_draft
from pipeline.records import Job
from tests.conftest import ROOT
from tests.helpers.project import write_config

EVALS = ROOT / "tests" / "evals"
CASES = [json.loads(line) for line in (EVALS / "drafts.jsonl").read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    directory = tmp_path_factory.mktemp("draft-evals")
    shutil.copy(ROOT / "profile.example.yaml", directory / "profile.yaml")
    config = load_config(str(write_config(directory)))
    data = json.loads((EVALS / "drafts_context.json").read_text())
    job, company = Job(**data["job"]), data["company"]
    profile = load_profile(directory / "profile.yaml")
    return config.stages["draft"], profile, job, company, Recipient(**data["recipient"])


def test_there_are_enough_cases_on_both_sides():
    assert len(CASES) >= 40 and sum(c["label"] == "accept" for c in CASES) >= 10
    assert all(c["reason"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_case_is_decided_right(case, context):
    settings, profile, job, company, recipient = context
    try:
        draft = parse_draft(case["answer"])
        check_draft(draft, case["channel"], settings, allowed_references(profile, job, company), recipient,
                    profile)
        decided, why = "accept", ""
    except DraftRejected as exc:
        decided, why = "reject", str(exc)
    assert decided == case["label"], f"{case['reason']} -> {decided} ({why})"
