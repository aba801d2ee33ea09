"""Years of experience from the resume's work dates fill fit.years when the profile does not state them."""

import datetime

import yaml

from pipeline.config.profile import FitProfile
from pipeline.resume.cv import CV, Entry, experience_years, with_resume_years
from tests.conftest import ROOT

TODAY = datetime.date(2026, 12, 1)


def cv(*spans: tuple[str, str]) -> CV:
    return CV(basics={}, work=tuple(Entry(id=f"w{n}", where=f"cv.work.{n}", title="Engineer", start=start, end=end)
                                    for n, (start, end) in enumerate(spans)))


def test_years_are_the_months_the_work_entries_cover_counting_overlaps_once():
    assert experience_years(cv(("2018-01", "2021-01"), ("2020-01", "2024-07")), TODAY) == 6
    assert experience_years(cv(("2015", "2016"), ("2022-06-15", "")), TODAY) == 5, "no end date: until today"
    assert experience_years(cv(("", "2020")), TODAY) is None and experience_years(None) is None


def test_the_profile_s_own_years_win_and_the_resume_fills_them_otherwise(tmp_path):
    profile = yaml.safe_load((ROOT / "profile.example.yaml").read_text())
    assert "cv" in profile, "the example profile shows a cv: section"
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile))
    derived = with_resume_years(FitProfile(), path).years
    assert isinstance(derived, int) and derived >= 1
    assert with_resume_years(FitProfile(years=2), path).years == 2
    assert with_resume_years(FitProfile(), tmp_path / "missing.yaml").years is None
