"""Shared by the resume tests: a profile with a cv: section, a job, and a PDF read back with pypdf."""

import io
from pathlib import Path

import yaml
from pypdf import PdfReader

from pipeline.config.profile import load_profile
from pipeline.records import Job
from pipeline.resume.cv import load_cv
from tests.conftest import ROOT

BACKEND_JOB = ("About us\nWe build the APIs our warehouse robots talk to.\n\nRequirements:\n"
               "- Several years of Python in production\n- PostgreSQL and Kubernetes\n\n"
               "Nice to have:\n- Kafka is a plus\n\nWhat we offer\n- A team that ships\n")


def example_data() -> dict:
    return yaml.safe_load((ROOT / "profile.example.yaml").read_text())


def write_cv_profile(directory: Path, data: dict | None = None, **cv_changes) -> Path:
    """profile.yaml from the example, its cv: section changed by key."""
    data = data or example_data()
    data["cv"] = {**data["cv"], **cv_changes}
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "profile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def loaded(path: Path):
    return load_profile(path), load_cv(path)


def job(description: str = BACKEND_JOB, title: str = "Senior Backend Engineer", data: dict | None = None) -> Job:
    return Job(id="job0001", source="test", source_id="1", url="https://jobs.example.org/1", status="draft_generated",
               title=title, company="Acme Robotics", description=description, data=dict(data or {}))


def id_of(cv, words: str) -> str:
    """The id of the highlight whose text has these words."""
    return next(h.id for h in cv.highlights().values() if words in h.text)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(base font name without its subset tag, embedded?) for every font any page or form uses."""
    found = []

    def walk(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = target["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(target["/BaseFont"]).lstrip("/").split("+", 1)[-1], embedded))
        for ref in (resources.get("/XObject") or {}).values():
            walk(ref.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found
