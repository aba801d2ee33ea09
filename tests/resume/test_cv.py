"""The profile's cv: section: JSON Resume's names, stable highlight ids, mistakes located by file,
line and field; `main.py resume --import` turns a JSON Resume file into the section."""

import json
import shutil

import pytest
import yaml

from pipeline.cli.app import main
from pipeline.errors import ConfigError
from pipeline.resume.cv import derived_id, json_resume_section, load_cv, write_section
from tests.conftest import ROOT
from tests.helpers.project import write_config
from tests.resume.helpers import example_data, write_cv_profile

JSON_RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {"name": "Robin Doe", "label": "Platform engineer", "email": "robin@example.net",
               "location": {"city": "Lisbon", "countryCode": "PT", "address": "Rua Augusta 1"},
               "profiles": [{"network": "GitHub", "username": "robin", "url": "https://github.com/robin"}],
               "x-custom": "kept out"},
    "work": [{"company": "Initech", "position": "SRE", "startDate": "2019-04", "endDate": "",
              "highlights": ["Ran Kubernetes for 200 services", "Wrote the incident playbook"]}],
    "skills": [{"name": "Infrastructure", "level": "Master", "keywords": ["Kubernetes", "Terraform"]}],
    "languages": [{"language": "Portuguese", "fluency": "Native"}],
    "interests": [{"name": "Sailing"}],
}


def test_the_example_profile_has_a_valid_cv_with_stable_ids():
    cv = load_cv(ROOT / "profile.example.yaml")
    assert cv is not None and cv.work[0].org == "Northwind Analytics" and cv.work[0].start == "2021-03"
    ids = list(cv.highlights())
    assert "ledger" in ids, "an explicit id is kept"
    assert ids[0] == derived_id(cv.work[0].highlights[0].text) and ids[0].startswith("cut-p99-api-latency-")
    assert load_cv(ROOT / "profile.example.yaml").highlights().keys() == cv.highlights().keys(), "same text, same id"
    assert cv.projects[0].id.startswith("project-pg-queue-") and cv.items("education")[0]["startDate"] == "2015"


def test_a_derived_id_follows_the_text_not_its_spacing():
    assert derived_id("Cut  latency\nby half") == derived_id("cut latency by half")
    assert derived_id("Cut latency by half") != derived_id("Cut latency by a third")


def test_a_profile_without_cv_has_none(tmp_path):
    data = example_data()
    del data["cv"]
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(data))
    assert load_cv(path) is None


@pytest.mark.parametrize("change, key, words", [
    ({"work": [{"name": "Acme", "positon": "Engineer"}]}, "cv.work.0.positon", "unknown key"),
    ({"work": [{"name": "Acme"}]}, "cv.work.0", "position: required"),
    ({"work": [{"position": "Engineer", "startDate": "March 2020"}]}, "cv.work.0.startDate", "YYYY-MM"),
    ({"work": [{"position": "Engineer", "highlights": ["ok", {"id": "Bad Id", "text": "x"}]}]},
     "cv.work.0.highlights.1.id", "an id is"),
    ({"work": [{"position": "Engineer", "highlights": ["Same text", "same  text"]}]},
     "cv.work.0.highlights.1", "used twice"),
    ({"work": [{"position": "Engineer", "highlights": ["a", 5]}]}, "cv.work.0.highlights.1", "expected text"),
    ({"skills": [{"name": "Cloud", "keywords": "AWS"}]}, "cv.skills.0.keywords", "expected list"),
    ({"projects": [{"name": "x", "url": "javascript:alert(1)"}]}, "cv.projects.0.url", "http(s) URL"),
    ({"basics": {"email": "nobody"}}, "cv.basics.email", "not an e-mail address"),
    ({"hobbies": ["chess"]}, "cv.hobbies", "unknown key"),
])
def test_mistakes_name_the_file_line_and_field(tmp_path, change, key, words):
    path = write_cv_profile(tmp_path, **change)
    with pytest.raises(ConfigError) as info:
        load_cv(path)
    error = info.value
    assert error.file == str(path) and error.key == key and words in str(error)
    line = path.read_text().splitlines()[error.line - 1]
    assert key.split(".")[-1].strip("0123456789") in line or line.lstrip().startswith("-"), line


def test_json_resume_sections_a_page_does_not_print_are_accepted(tmp_path):
    path = write_cv_profile(tmp_path, interests=[{"name": "Sailing"}], meta={"version": "v1.0.0"})
    assert load_cv(path) is not None


def test_config_check_validates_the_cv_section(tmp_path, capsys):
    write_cv_profile(tmp_path, work=[{"name": "Acme"}])
    config = write_config(tmp_path, {})
    assert main(["--config", str(config), "config", "check"]) == 2
    assert "cv.work.0: position: required" in capsys.readouterr().err


# -- main.py resume --import ------------------------------------------------------------------------------


def test_a_json_resume_becomes_the_section(tmp_path):
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(JSON_RESUME, indent=2))
    section, left_out = json_resume_section(source)
    assert section["work"][0]["name"] == "Initech", "JSON Resume 0.x's `company` is 1.0's `name`"
    assert "endDate" not in section["work"][0], "empty values are dropped"
    assert set(left_out) == {"$schema", "interests", "basics.x-custom"}


def test_a_json_resume_mistake_names_the_json_files_line(tmp_path):
    source = tmp_path / "resume.json"
    bad = {**JSON_RESUME, "work": [{"position": "SRE", "startDate": "last spring"}]}
    source.write_text(json.dumps(bad, indent=2))
    with pytest.raises(ConfigError) as info:
        json_resume_section(source)
    assert info.value.key == "work.0.startDate"
    assert "last spring" in source.read_text().splitlines()[info.value.line - 1]
    source.write_text('{"basics": {"name": "x",}}')
    with pytest.raises(ConfigError, match="invalid JSON"):
        json_resume_section(source)


def test_import_adds_the_section_and_keeps_every_other_line(tmp_path, capsys):
    directory = tmp_path / "project"
    directory.mkdir()
    profile = directory / "profile.yaml"
    text = (ROOT / "profile.example.yaml").read_text().split("# The resume's facts")[0]
    profile.write_text(text)
    config = write_config(directory, {})
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(JSON_RESUME))
    assert main(["--config", str(config), "resume", "--import", str(source)]) == 0
    assert "added the cv: section" in capsys.readouterr().out
    new = profile.read_text()
    assert new.startswith(text), "comments and the other fields are untouched"
    assert load_cv(profile).work[0].title == "SRE"
    assert main(["--config", str(config), "resume", "--import", str(source)]) == 2, "a second import needs --replace"
    assert "already has a cv: section" in capsys.readouterr().err
    assert profile.read_text() == new


def test_replace_swaps_only_the_section(tmp_path):
    profile = tmp_path / "profile.yaml"
    shutil.copy(ROOT / "profile.example.yaml", profile)
    text = profile.read_text()
    tone = next(line for line in text.splitlines(keepends=True) if line.startswith("tone:"))
    profile.write_text(text.replace(tone, "") + "# my own note after the section\ntone: formal\n")
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(JSON_RESUME))
    section, _ = json_resume_section(source)
    assert write_section(profile, section, replace=True) == "replaced"
    text = profile.read_text()
    assert "Northwind" not in text and "Initech" in text and "# my own note after the section\ntone: formal\n" in text
    assert "# What fits you" in text and text.index("fit:") < text.index("cv:")


def test_import_creates_a_profile_from_basics(tmp_path):
    profile = tmp_path / "profile.yaml"
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(JSON_RESUME))
    section, _ = json_resume_section(source)
    assert write_section(profile, section, replace=False) == "created"
    assert yaml.safe_load(profile.read_text())["name"] == "Robin Doe"


def test_an_import_that_would_break_the_profile_changes_nothing(tmp_path):
    profile = tmp_path / "profile.yaml"
    profile.write_text("name: Alex Example\nemail: alex@example.org\nskils: [typo]\n")
    with pytest.raises(ConfigError) as info:
        write_section(profile, {"work": [{"position": "SRE"}]}, replace=False)
    assert info.value.file == str(profile) and "nothing was changed" in str(info.value)
    assert profile.read_text().endswith("skils: [typo]\n") and not list(tmp_path.glob(".profile-*"))
