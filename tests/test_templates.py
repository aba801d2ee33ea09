"""Template drafts without an LLM key: a message a person sends as is. The hook is a company
fact in the person's voice, never a tagline; skills as the posting asks for them; the reader's
role decides what they hear; 60-120 words, paragraphs, signed with the short name; no link that
web text brought; every language by the same rules."""

import dataclasses
from pathlib import Path

import pytest

from pipeline.config.profile import load_profile
from pipeline.config.settings import DraftSettings
from pipeline.fit.requirements import asked
from pipeline.outreach import hooks, rubric
from pipeline.outreach.drafts import NOTE_CHARS, DraftRejected
from pipeline.outreach.recipients import GUESS, MANAGER_KIND, PERSONAL, RECRUITER, ROLE, Recipient
from pipeline.outreach.templates import template_draft
from pipeline.outreach.voice import company_name, role_title
from pipeline.records import Job
from tests.conftest import ROOT

PROFILE = load_profile(Path(ROOT / "profile.example.yaml"))
TAGLINE = "Acme Robotics builds warehouse robots that learn new picking tasks in minutes."
ACME = {"name": "Acme Robotics GmbH", "taglines": [TAGLINE],
        "statements": [
            {"text": TAGLINE, "tag": "p", "page": "home", "source": "http://acme-robotics.example/"},
            {"text": "Our fleet API answers 40,000 robot requests per second from Python services on PostgreSQL.",
             "tag": "p", "page": "home", "source": "http://acme-robotics.example/"},
            {"text": "Visit https://evil.example now for a gift card.", "tag": "p", "page": "home",
             "source": "http://acme-robotics.example/"},
            {"text": "Acme Robotics GmbH, Beispielstraße 1, 10115 Berlin", "tag": "p", "page": "contact",
             "source": "http://acme-robotics.example/contact"}]}
ANNA = Recipient("Dr. Anna Schmidt", "Head of Engineering", "anna.schmidt@acme.example", GUESS, audience=MANAGER_KIND)
LENA = Recipient("Lena Fischer", "Talent Acquisition Lead", "lena.fischer@acme.example", PERSONAL,
                 audience=RECRUITER)
DESCRIPTION = "Requirements\n- Python\n- PostgreSQL\nNice to have\n- Kubernetes on AWS is a plus"


def job(title: str = "Backend Engineer", description: str = DESCRIPTION, n: str = "j") -> Job:
    return Job(id=n, source="t", source_id=n, url="https://jobs.example.org/1", status="enriched", title=title,
               company="Acme Robotics GmbH", description=description)


def facts(made_job: Job, company: dict | None = ACME) -> rubric.Facts:
    return rubric.rubric_facts(PROFILE, made_job, company)


def test_a_template_links_a_company_fact_to_the_proof_in_the_persons_voice():
    d = template_draft(PROFILE, job(), ACME, ANNA, "email", DraftSettings())
    body = d["body"]
    assert body.startswith(("Hi Anna,", "Hello Anna,")) and "Backend Engineer role at Acme Robotics " in body
    assert "your fleet API answers 40,000 robot requests per second" in body, "'our' said as 'your', not quoted"
    assert d["used"]["fact"]["source"] == "http://acme-robotics.example/" and "evil" not in body
    assert TAGLINE not in body and "Beispielstraße" not in body, "never the tagline, never the Impressum"
    assert "I cut p99 API latency" in body or "I led the migration of 40 services" in body, "an achievement, said"
    assert "asks for Python and PostgreSQL" in body and "Kubernetes and AWS, which the posting lists as a plus" in body
    assert body.endswith("\nAlex") and "Backend engineer, Python and PostgreSQL" not in body, "no headline pasted"
    assert "GmbH" not in body + d["subject"] and "\n\n" in body
    assert rubric.problems({**d, "channel": "email"}, facts(job())) == []


def test_skills_as_the_posting_asks_for_them():
    found = asked(("Python", "PostgreSQL", "Kubernetes", "AWS", "Kafka", "Go"), "Backend Engineer",
                  "About us\nWe use Kafka.\nWhat you bring\n- PostgreSQL and Python\n- Go or Kafka\n"
                  "- Kubernetes on AWS is a plus")
    assert found.required == ["PostgreSQL", "Python", "Go", "Kafka"], "the posting's order"
    assert found.plus == ["Kubernetes", "AWS"] and found.required_phrases("or")[-1] == "Go or Kafka"
    plain = asked(("Python", "PostgreSQL"), "x", "We build the APIs our robots talk to. Python, PostgreSQL.")
    assert plain.required == [] and plain.mentioned == ["Python", "PostgreSQL"], "no section: never 'required'"
    d = template_draft(PROFILE, job(description="We build the APIs our robots talk to. Python, PostgreSQL."), None,
                       ANNA, "email", DraftSettings())
    assert "asks for" not in d["body"] and "mentions Python and PostgreSQL" in d["body"]
    wrong = {"subject": "Latency", "body": "Hi Anna,\n\nThe role asks for Python and Kubernetes.", "channel": "email"}
    assert any("Kubernetes" in p for p in rubric.problems(wrong, facts(job())))


def test_each_reader_hears_what_fits_their_role_and_no_two_texts_are_the_same():
    manager = template_draft(PROFILE, job(), ACME, ANNA, "email", DraftSettings())
    recruiter = template_draft(PROFILE, job(), ACME, LENA, "email", DraftSettings())
    assert "process" in recruiter["body"] or "CV" in recruiter["body"]
    assert manager["body"] != recruiter["body"] and recruiter["used"]["audience"] == RECRUITER
    again = template_draft(PROFILE, job(), ACME, LENA, "email", DraftSettings(), avoid={recruiter["body"]})
    assert again["body"] != recruiter["body"], "a text already sent to someone at the company is never reused"
    other_job = template_draft(PROFILE, job(n="k"), ACME, ANNA, "email", DraftSettings())
    texts = {manager["body"], other_job["body"]}
    assert len(texts) == 2, "another posting, another phrasing"


def test_a_shared_inbox_is_greeted_as_the_team_and_asked_to_pass_it_on():
    inbox = Recipient("Nina Petrova", "Head of Engineering", "engineering@acme.example", ROLE)
    d = template_draft(PROFILE, job(), ACME, inbox, "email", DraftSettings())
    first, second = d["body"].split("\n\n")[:2]
    assert first in ("Hello Acme Robotics team,", "Hi Acme Robotics team,") and "Nina Petrova" in second
    assert "directly" not in second


def test_no_link_from_web_text_reaches_a_template_draft():
    """#26 item 5: the link rule of model drafts covers every template part: title, company, fact."""
    hostile = job(title="Backend Engineer - apply at www.evil.io/fast")
    hostile = dataclasses.replace(hostile, company="Acme Robotics evil.com/x")
    company = {**ACME, "name": "Acme Robotics, visit evil.com"}
    d = template_draft(PROFILE, hostile, company, ANNA, "email", DraftSettings(), allowed={"github.com/alex-example"})
    assert "evil" not in d["subject"] + d["body"]


def test_a_template_draft_with_a_control_character_is_refused_like_a_model_s():
    """#26 item 3: the same plain-text check for both paths (a job stored before cleaning)."""
    hostile = dataclasses.replace(job(), title="Backend Engineer\u202e\x1b]52;c;ZXZpbA==\x07")
    with pytest.raises(DraftRejected, match="invisible or control characters"):
        template_draft(PROFILE, hostile, ACME, ANNA, "email", DraftSettings(), allowed={"github.com/alex-example"})


def test_german_formal_and_casual_and_a_language_without_templates():
    formal = dataclasses.replace(PROFILE, language="German", tone="formal")
    d = template_draft(formal, job(), None, ANNA, "email", DraftSettings())
    assert d["body"].startswith("Guten Tag Dr. Schmidt,\n\n") and "Sie" in d["body"]
    assert d["body"].endswith(PROFILE.signature.strip()), "a formal message is signed in full"
    casual = template_draft(dataclasses.replace(formal, tone="warm and direct"), job(), None, ANNA, "email",
                            DraftSettings())
    assert casual["body"].startswith(("Hallo Anna,", "Hi Anna,")) and " du" in casual["body"] + " "
    for made in (d, casual):
        assert 60 <= len(made["body"].split()) <= 120 and "GmbH" not in made["body"]
    french = template_draft(dataclasses.replace(PROFILE, language="French"), job(), ACME, ANNA, "email",
                            DraftSettings())
    assert french["body"].startswith(("Hi Anna,", "Hello Anna,"))
    assert french["note_language"] == "no template for French: written in English"


def test_limits_are_met_by_leaving_parts_out_never_by_cutting():
    long_title = "Senior Backend Engineer (Python, Kubernetes) – Platform Team, Warehouse Robotics, Berlin or Remote"
    sizes = set()
    for words in (60, 80, 100, 150):
        d = template_draft(PROFILE, job(long_title), ACME, ANNA, "email", DraftSettings(max_words=words))
        assert len(d["body"].split()) <= min(words, 120)
        assert d["body"].endswith("\nAlex") and "?" in d["body"]
        paragraphs = d["body"].split("\n\n")[1:-1]
        assert all(p[-1] in ".?" for p in paragraphs), d["body"]
        sizes.add(len(d["body"].split()))
        assert len(d["subject"]) <= 60
    assert len(sizes) >= 2, "shorter limits, fewer parts"


def test_a_linkedin_note_has_the_proof_and_a_sign_off_and_no_phone():
    phone = dataclasses.replace(PROFILE, headline="Backend engineer, call +49 151 2345 6789",
                                signature="Alex Example\n+49 151 2345 6789", short_name="Al")
    note = template_draft(phone, job("A" * 40 + " Engineer"), ACME, ANNA, "linkedin", DraftSettings())
    assert len(note["body"]) <= NOTE_CHARS and "2345" not in note["body"] and note["subject"] == ""
    assert note["body"].startswith("Hi Anna,") and note["body"].endswith("Al") and " I " in note["body"]
    assert "Backend engineer" not in note["body"], "no name and headline repeated"


def test_names_and_titles_as_people_say_them():
    assert company_name("Acme Robotics GmbH") == "Acme Robotics" and company_name("Foo, Inc.") == "Foo"
    assert company_name("Brightlane B.V.") == "Brightlane" and company_name("Plaid") == "Plaid"
    assert role_title("Senior Backend Engineer (m/w/d) - Berlin", "Berlin") == "Senior Backend Engineer"
    assert role_title("Backend Engineer, Routing") == "Backend Engineer, Routing"
    assert rubric.title_at_company("Backend Engineer at Acme Robotics GmbH", "Backend Engineer", "Acme Robotics GmbH")
    assert rubric.legal_suffix("I like Acme Robotics GmbH.", "Acme Robotics GmbH") == "GmbH"


def test_a_fact_in_the_persons_voice():
    assert hooks.in_voice("Our robots pick in warehouses across Europe.", "Acme", "english", False) == \
        "your robots pick in warehouses across Europe"
    assert "US platform teams" in hooks.in_voice("We work with US platform teams daily.", "Plaid", "english", False)
    assert hooks.in_voice("Wir steuern 40.000 Wärmepumpen.", "Nordlicht", "german", True) == \
        "Sie steuern 40.000 Wärmepumpen"
    assert hooks.in_voice("Wir steuern 40.000 Wärmepumpen.", "Nordlicht", "german", False) == "", \
        "casual German would need 'ihr steuert': not said"
