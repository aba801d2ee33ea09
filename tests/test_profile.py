"""profile.yaml: the shipped example is valid, mistakes name file, line and field, a resume is read."""

import pytest

from pipeline.config.profile import load_profile
from pipeline.errors import ConfigError
from tests.conftest import ROOT


def test_the_example_profile_is_valid():
    profile = load_profile(ROOT / "profile.example.yaml")
    assert profile.name == "Alex Example" and profile.email == "alex@example.org"
    assert profile.skills[0] == "Python" and len(profile.achievements) == 2 and profile.resume_text == ""


@pytest.mark.parametrize("text, line, key, words", [
    ("email: a@b.example\n", 1, "", "name: required"),
    ("name: Alex\nemail: not-an-address\n", 2, "email", "not an e-mail address"),
    ("name: Alex\nemail: a@b.example\nskils: [x]\n", 3, "skils", "unknown field"),
    ("name: Alex\nemail: a@b.example\nskills: Python\n", 3, "skills", "expected list"),
    ("name: Alex\nemail: a@b.example\nlinks: [github.com/alex]\n", 3, "links", "expected http(s) URLs"),
    ("name: Alex\nemail: a@b.example\nresume: missing.md\n", 3, "resume", "no such file"),
])
def test_mistakes_are_located(tmp_path, text, line, key, words):
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_profile(path)
    assert info.value.line == line and info.value.key == key and words in str(info.value)


def test_a_markdown_resume_is_read_as_facts(tmp_path):
    (tmp_path / "resume.md").write_text("# Alex\n\n\n\nBuilt a payments ledger in Go.\n")
    (tmp_path / "profile.yaml").write_text("name: Alex Example\nemail: a@b.example\nresume: resume.md\n")
    assert load_profile(tmp_path / "profile.yaml").resume_text == "# Alex\n\nBuilt a payments ledger in Go."
