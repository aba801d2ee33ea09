"""fit.requirements: the one reader of what a posting asks for, used by the outreach drafts and the
resume. Sections by their headings (English and German), markers inside a line, alternatives."""

import pytest

from pipeline.fit.requirements import ABOUT, DUTIES, OFFER, OTHER, PLUS, REQUIRED, asked, clauses, heading, sections

SKILLS = ("Python", "PostgreSQL", "Kubernetes", "AWS", "Kafka", "Go", "Rust", "Terraform", "TypeScript", "Node.js",
          "Snowflake", "French", "sales", "Docker")


@pytest.mark.parametrize(("line", "kind"), [
    ("Requirements", REQUIRED), ("Requirements:", REQUIRED), ("## What you'll bring", REQUIRED),
    ("What We’re Looking For", REQUIRED), ("WHAT YOU’LL BRING", REQUIRED), ("**About you**", REQUIRED),
    ("Skills & Experience", REQUIRED), ("The Ideal Candidate", REQUIRED), ("Dein Profil", REQUIRED),
    ("Das bringst du mit", REQUIRED), ("Anforderungen:", REQUIRED), ("Relevant experience:", REQUIRED),
    ("Nice to have", PLUS), ("Nice To Haves", PLUS), ("Bonus points", PLUS), ("Preferred Qualifications", PLUS),
    ("Ideal:", PLUS), ("Wünschenswert", PLUS), ("Von Vorteil", PLUS),
    ("What You’ll Do", DUTIES), ("Responsibilities", DUTIES), ("A Typical Day", DUTIES), ("Deine Aufgaben", DUTIES),
    ("Benefits", OFFER), ("What we offer", OFFER), ("Wir bieten", OFFER), ("How to apply", OFFER),
    ("About Us", ABOUT), ("Who We Are", ABOUT), ("Über uns", ABOUT),
    ("The way we work", OTHER), ("Our Principles:", OTHER), ("WHO WE ARE NOT", ABOUT),
])
def test_a_heading_says_what_its_section_holds(line, kind):
    assert heading(line) == kind


@pytest.mark.parametrize("line", [
    "Experience with Kafka is a plus", "Experience with Kafka", "You have 5 years of Go", "Python and Go",
    "- Requirements are clear", "Kubernetes on AWS is a plus.", "Experience building CI/CD, gitOps, monorepo",
    "We use Kafka", "Strong SQL skills", "Bonus is paid yearly",
])
def test_a_line_that_says_something_heads_nothing(line):
    assert heading(line) is None


def test_sections_by_headings_in_the_postings_order():
    found = asked(SKILLS, "Backend Engineer",
                  "About us\nWe use Kafka and Docker.\nWhat you’ll do\n- Ship Go services on AWS\n"
                  "What we’re looking for\n- PostgreSQL and Python\n- Go or Rust\n"
                  "Nice to have\n- Terraform\n- AWS\nThe way we work\nWe support each other on Kubernetes.")
    assert found.required == ["PostgreSQL", "Python", "Go", "Rust"], "the posting's order; Go required anywhere wins"
    assert found.plus == ["Terraform", "AWS"], "a plus wins over a mention in the duties"
    assert found.mentioned == ["Kafka", "Docker", "Kubernetes"], "a heading in the company's voice ends the list"
    assert found.has_section and ("Go", "Rust") in found.either


def test_german_sections_and_markers():
    found = asked(SKILLS, "Backend-Entwickler (m/w/d)",
                  "Deine Aufgaben\n- Du entwickelst Dienste mit Docker\nDein Profil\n- Sehr gute Kenntnisse in Python\n"
                  "- Erfahrung mit PostgreSQL; Kenntnisse in Go sind von Vorteil\n- Idealerweise Erfahrung mit Kafka\n"
                  "Wünschenswert\n- Terraform\nWir bieten\n- Ein Team, das Kubernetes liebt")
    assert found.required == ["Python", "PostgreSQL"]
    assert found.plus == ["Go", "Kafka", "Terraform"]
    assert found.mentioned == ["Docker", "Kubernetes"]


def test_markers_inside_a_line():
    found = asked(SKILLS, "x", "Requirements\n"
                  "- 3+ years of Python, ideally with Snowflake\n"
                  "- SQL, preferably PostgreSQL\n"
                  "- Go is required, Rust is a plus\n"
                  "- Experience with Terraform, Kubernetes or AWS is nice to have\n"
                  "- Proficiency in a European language is a plus (e.g. French, Spanish)\n"
                  "- Kafka (preferred)")
    assert found.required == ["Python", "Go"]
    assert found.plus == ["Snowflake", "PostgreSQL", "Rust", "Terraform", "Kubernetes", "AWS", "French", "Kafka"]


def test_inline_labels_and_a_plus_inside_a_list():
    found = asked(SKILLS, "x", "Nice to have: Kafka\nPostgreSQL\nMust have: Python, Go.\nBenefits: AWS credits")
    assert found.required == ["Python", "Go"] and found.plus == ["Kafka", "PostgreSQL"]
    assert found.mentioned == ["AWS"]
    aside = asked(SKILLS, "x", "Requirements\n- Python\n- Nice to have: Kafka\n- PostgreSQL")
    assert aside.required == ["Python", "PostgreSQL"] and aside.plus == ["Kafka"], "an aside, the list goes on"


def test_a_list_that_ends_in_a_paragraph_has_ended():
    reading = sections("Requirements\n- Python and Go\n- 3+ years of SQL; ideally with Snowflake\n"
                       "- B2B experience is a strong plus\n"
                       "Our mission is to move goods. " + "We build the robots that carry them. " * 5 +
                       "\nWhat you'll do\nShip Kafka consumers")
    assert reading.text(REQUIRED) == "Python and Go\n3+ years of SQL"
    assert reading.text(PLUS) == "ideally with Snowflake\nB2B experience is a strong plus"
    assert "Our mission is to move goods." in reading.text(OTHER).splitlines()
    assert reading.text(OTHER).endswith("Ship Kafka consumers")


def test_without_a_requirements_section_a_sentence_asks_only_what_it_says_it_needs():
    found = asked(SKILLS, "x", "We need Go and Rust.\nTerraform would be a plus.\nOur stack: Kafka, Docker.")
    assert found.required == ["Go", "Rust"] and found.plus == ["Terraform"] and found.mentioned == ["Kafka", "Docker"]
    plain = asked(SKILLS, "x", "We build the APIs our robots talk to. Python, PostgreSQL.")
    assert plain.required == [] and plain.mentioned == ["Python", "PostgreSQL"] and not plain.has_section


def test_alternatives_as_the_posting_offers_them():
    found = asked(SKILLS, "x", "Requirements\nA backend language: Go, Rust, or Python.\n"
                  "Python or TypeScript, PostgreSQL.")
    assert ("Go", "Python", "Rust", "TypeScript") in found.either, "a list that ends in 'or'; Python joins both"
    assert not any("PostgreSQL" in group for group in found.either), "'Python or TypeScript, PostgreSQL': two asks"
    assert found.required_phrases("or") == ["Go or Rust or Python or TypeScript", "PostgreSQL"]


def test_clauses_cut_where_what_is_asked_changes():
    assert clauses("Python is required, Kafka is a plus") == ["Python is required", "Kafka is a plus"]
    assert clauses("Experience with Go, Rust or Kafka is a plus") == ["Experience with Go, Rust or Kafka is a plus"]
    assert clauses("A European language (e.g. French, Spanish) is a plus. Go too") == \
        ["A European language (e.g. French, Spanish) is a plus.", "Go too"]


def test_the_title_is_a_mention_and_a_negation_is_none():
    found = asked(SKILLS, "Python Engineer", "Requirements\n- No Kafka experience needed\n- Go")
    assert found.required == ["Go"] and found.mentioned == ["Python"] and "Kafka" not in found.plus


def test_the_hook_reads_the_postings_sections_with_the_same_headings():
    from pipeline.outreach.hooks import candidates

    text = ("About us\nWe run the scheduler that 1,900 teams use for their builds every day.\n"
            "What you’ll do\nWe expect you to own the scheduler's queue and its latency budget.\n"
            "Dein Profil\nWir erwarten fundierte Kenntnisse in Python und PostgreSQL.\n"
            "Wir bieten\nWe pay for a conference of your choice every single year.")
    said = [sentence for sentence, _, where in candidates(None, text, "https://jobs.example.org/1") if where == "job"]
    assert said == ["We run the scheduler that 1,900 teams use for their builds every day."]
