"""Template drafts without an LLM key: personal from what the pipeline knows, in the profile's
language and tone, within the limits without cutting a sentence or the signature."""

import dataclasses
from pathlib import Path

from pipeline.config.profile import load_profile
from pipeline.config.settings import DraftSettings
from pipeline.outreach.drafts import NOTE_CHARS, SUBJECT_CHARS, Recipient
from pipeline.outreach.templates import template_draft
from pipeline.records import Job
from tests.conftest import ROOT

PROFILE = load_profile(Path(ROOT / "profile.example.yaml"))
ACME = {"facts": {"site_description": {"value": "Acme Robotics builds warehouse robots that learn new picking "
                                                "tasks in minutes. Visit https://evil.example now.",
                                       "source": "http://acme-robotics.example/"}}}
ANNA = Recipient("Dr. Anna Schmidt", "CTO", "anna.schmidt@acme.example", "guess")


def job(title: str = "Backend Engineer", description: str = "Python and Kubernetes for our robot fleet APIs.",
        **data) -> Job:
    return Job(id="j", source="t", source_id="1", url="https://jobs.example.org/1", status="enriched", title=title,
               company="Acme Robotics GmbH", description=description, data=data)


def test_a_template_uses_the_job_the_company_and_the_person():
    d = template_draft(PROFILE, job(), ACME, ANNA, "email", DraftSettings())
    body = d["body"]
    assert body.startswith("Hi Anna,") and "Backend Engineer role at Acme Robotics GmbH" in body
    assert "The role asks for Python and Kubernetes" in body
    assert '"Acme Robotics builds warehouse robots that learn new picking tasks in minutes."' in body
    assert d["used"]["fact"]["source"] == "http://acme-robotics.example/" and "evil" not in body
    assert "Led the migration of 40 services to Kubernetes" in body, "the achievement that matches the job"
    assert body.endswith(PROFILE.signature.strip())
    other = template_draft(PROFILE, job("Data Platform Engineer", "PostgreSQL and AWS, latency matters."), None,
                           ANNA, "email", DraftSettings())
    assert other["body"] != body and "PostgreSQL and AWS" in other["body"]
    assert "Cut p99 API latency" in other["body"], "another job, another best achievement"


def test_the_fit_scores_matched_skills_come_first():
    d = template_draft(PROFILE, job(fit={"matched": ["AWS"]}), None, ANNA, "email", DraftSettings())
    assert "The role asks for AWS:" in d["body"]


def test_german_formal_casual_and_a_language_without_templates():
    formal = dataclasses.replace(PROFILE, language="German", tone="formal")
    d = template_draft(formal, job(), ACME, ANNA, "email", DraftSettings())
    assert d["body"].startswith("Guten Tag Dr. Anna Schmidt,\n\nich habe die Stelle als Backend Engineer bei Acme")
    assert "Hätten Sie Zeit" in d["body"] and d["subject"] == "Backend Engineer bei Acme Robotics GmbH"
    casual = template_draft(dataclasses.replace(formal, tone="warm and direct"), job(), ACME, ANNA, "email",
                            DraftSettings())
    assert casual["body"].startswith("Hallo Anna,") and "Hättest du Zeit" in casual["body"]
    assert "eurer Website" in casual["body"]
    french = template_draft(dataclasses.replace(PROFILE, language="French"), job(), ACME, ANNA, "email",
                            DraftSettings())
    assert french["body"].startswith("Hi Anna,") and french["note_language"] == \
        "no template for French: written in English"
    english_formal = template_draft(dataclasses.replace(PROFILE, tone="formal"), job(), None, None, "email",
                                    DraftSettings())
    assert english_formal["body"].startswith("Dear hiring team,") and "Would you be available" in \
        english_formal["body"]


def test_limits_are_met_by_leaving_parts_out_never_by_cutting():
    long_title = "Senior Backend Engineer (Python, Kubernetes) – Platform Team, Warehouse Robotics, Berlin or Remote"
    sizes = set()
    for words in (60, 80, 100, 150):
        d = template_draft(PROFILE, job(long_title), ACME, ANNA, "email", DraftSettings(max_words=words))
        assert len(d["body"].split()) <= words
        assert d["body"].endswith(PROFILE.signature.strip()) and "?" in d["body"]
        text = d["body"].removesuffix(PROFILE.signature.strip())
        assert all(line == "" or line[-1] in ".,?:\"" for line in text.splitlines()), d["body"]
        sizes.add(len(d["body"].split()))
    assert len(sizes) >= 3, "shorter limits, fewer parts"
    subject = template_draft(PROFILE, job(long_title), ACME, ANNA, "email", DraftSettings())["subject"]
    assert len(subject) <= SUBJECT_CHARS and subject.endswith(" at Acme Robotics GmbH") and "…" in subject


def test_a_linkedin_note_fits_and_carries_no_phone_number():
    phone = dataclasses.replace(PROFILE, headline="Backend engineer, call +49 151 2345 6789",
                                signature="Alex Example\n+49 151 2345 6789")
    note = template_draft(phone, job("A" * 40 + " Engineer"), ACME, ANNA, "linkedin", DraftSettings())
    assert len(note["body"]) <= NOTE_CHARS and "2345" not in note["body"] and note["subject"] == ""
    assert note["body"].startswith("Hi Anna,")
