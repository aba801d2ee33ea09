"""import FILE: JSON, JSONL and CSV; bad rows rejected with reasons; malformed files write nothing."""

import json

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.states import State
from tests.helpers.project import write_config

GOOD = [
    {"url": "https://boards.example.org/acme/1?utm_source=x", "title": "Backend Engineer", "company": "Acme",
     "location": "Berlin", "description": "Python and Postgres."},
    {"url": "https://boards.example.org/acme/2", "title": "Data Engineer", "company": "Acme"},
]


@pytest.fixture
def cli(tmp_path, monkeypatch):
    config = write_config(tmp_path / "project")

    def run(*argv: str) -> int:
        return main(["--config", str(config), *argv])
    return run


def listed(cli, capsys) -> list[dict]:
    capsys.readouterr()
    assert cli("--list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_json_array_import(cli, tmp_path, capsys):
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(GOOD))
    assert cli("import", str(path)) == 0
    out = capsys.readouterr().out
    assert "inserted 2, updated 0, duplicates 0, rejected 0" in out and "1 new job(s) have no description" in out
    jobs = {j["title"]: j for j in listed(cli, capsys)}
    assert jobs["Backend Engineer"]["status"] == State.SCRAPED, "a description means scraped"
    assert jobs["Data Engineer"]["status"] == State.SCRAPED, "no source can fetch a description for it"
    assert jobs["Backend Engineer"]["url"] == "https://boards.example.org/acme/1", "tracking stripped"
    assert jobs["Backend Engineer"]["source"] == "import"


def test_jsonl_and_csv_with_optional_fields(cli, tmp_path, capsys):
    jsonl = tmp_path / "jobs.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in GOOD) + "\n")
    csv_file = tmp_path / "more.csv"
    csv_file.write_text("url,title,company,source,source_id,team\n"
                        "https://boards.example.org/beta/7,SRE,Beta GmbH,greenhouse,7,infra\n")
    assert cli("import", str(jsonl)) == 0
    assert cli("import", str(csv_file)) == 0
    jobs = {j["title"]: j for j in listed(cli, capsys)}
    assert len(jobs) == 3
    assert (jobs["SRE"]["source"], jobs["SRE"]["source_id"], jobs["SRE"]["extra"]) == ("greenhouse", "7",
                                                                                      {"team": "infra"})


def test_reimport_updates_without_resetting_status(cli, tmp_path, capsys):
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(GOOD))
    cli("import", str(path))
    job_id = next(j["id"] for j in listed(cli, capsys) if j["title"] == "Data Engineer")
    assert cli("mark", job_id, State.APPLIED) == 0
    changed = [dict(GOOD[1], title="Senior Data Engineer", description="Now with a description.")]
    path.write_text(json.dumps(changed))
    capsys.readouterr()
    assert cli("import", str(path)) == 0
    assert "inserted 0, updated 1" in capsys.readouterr().out
    job = next(j for j in listed(cli, capsys) if j["id"] == job_id)
    assert (job["title"], job["status"]) == ("Senior Data Engineer", State.APPLIED)


def test_bad_rows_are_rejected_with_reasons(cli, tmp_path, capsys):
    path = tmp_path / "jobs.json"
    rows = [GOOD[0], {"url": "ftp://x.example/1", "title": "A", "company": "B"},
            {"url": "https://x.example/2", "title": "", "company": "B"},
            {"url": "https://x.example/3", "title": "T", "company": "B", "location": 12}]
    path.write_text(json.dumps(rows))
    assert cli("import", str(path)) == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert "inserted 1, updated 0, duplicates 0, rejected 3" in out
    assert "rejected row 2: url: not an http(s) URL: 'ftp://x.example/1'" in out
    assert "rejected row 3: title: required, got ''" in out
    assert "rejected row 4: location: expected text, got 12" in out


@pytest.mark.parametrize("name, text, message", [
    ("broken.json", '[{"url": "https://x.example/1",\n "title": }]', "broken.json:2: invalid JSON"),
    ("object.json", '{"url": "https://x.example/1"}', "expected a JSON array"),
    ("broken.jsonl", '{"url": "https://x.example/1", "title": "a", "company": "b"}\n{"url": \n', "broken.jsonl:2"),
    ("scalars.json", '[{"url": "https://x.example/1", "title": "a", "company": "b"}, 7]', "item 2: expected an object"),
    ("nocompany.csv", "url,title\nhttps://x.example/1,a\n", "lacks required column(s): company"),
])
def test_malformed_files_write_nothing(cli, tmp_path, capsys, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    assert cli("import", str(path)) == c.EXIT_USAGE
    err = capsys.readouterr().err
    assert "nothing written" in err and message in err, err
    assert listed(cli, capsys) == []


def test_missing_file(cli, tmp_path, capsys):
    assert cli("import", str(tmp_path / "nope.json")) == c.EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


JOBSPY_COLUMNS = ["id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted",
                  "job_type", "is_remote", "min_amount", "max_amount", "currency", "interval", "emails",
                  "description", "company_url"]


def test_a_jobspy_csv_round_trip_and_empty_cells_keep_stored_values(cli, tmp_path, capsys):
    """A CSV with JobSpy's columns (written here; the values are made up, the column names are JobSpy's)."""
    import csv

    path = tmp_path / "jobspy.csv"
    row = {"id": "li-4012345678", "site": "linkedin", "job_url": "https://www.linkedin.com/jobs/view/4012345678",
           "job_url_direct": "https://acme.example/careers/42", "title": "Backend Engineer", "company": "Acme",
           "location": "Berlin, Germany", "date_posted": "2026-11-20", "job_type": "fulltime", "is_remote": "True",
           "min_amount": "70000", "max_amount": "90000", "currency": "EUR", "interval": "yearly",
           "emails": "jobs@acme.example, hr@acme.example", "description": "Python services.",
           "company_url": "https://www.linkedin.com/company/acme"}
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=JOBSPY_COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    assert cli("import", str(path)) == 0
    job = listed(cli, capsys)[0]
    assert (job["url"], job["title"], job["status"]) == (row["job_url"], "Backend Engineer", State.SCRAPED)
    assert job["extra"]["salary"] == {"min": 70000.0, "max": 90000.0, "currency": "EUR", "interval": "yearly"}
    assert job["extra"]["is_remote"] is True and job["extra"]["emails"] == ["jobs@acme.example", "hr@acme.example"]
    assert (job["extra"]["apply_url"], job["extra"]["posted_date"]) == (row["job_url_direct"], "2026-11-20")
    assert job["company_key"] == "acme", "imported jobs take part in cross-source dedupe"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=JOBSPY_COLUMNS)
        writer.writeheader()
        writer.writerow({**row, "min_amount": "", "max_amount": "", "location": "", "title": "Backend Engineer II"})
    assert cli("import", str(path)) == 0
    again = listed(cli, capsys)[0]
    assert again["title"] == "Backend Engineer II" and again["location"] == "Berlin, Germany"
    assert again["extra"]["salary"]["min"] == 70000.0, "an empty cell never blanks a stored value"


def test_import_from_standard_input(cli, tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GOOD)))
    assert cli("import", "-") == 0
    assert "inserted 2" in capsys.readouterr().out


def test_hostile_rows_nested_too_deep_or_too_long(cli, tmp_path, capsys):
    """A row nested past the limit is rejected with its reason; a 20 MB description is cut to the
    limit and flagged, the row still imported; a file nested past Python's own limit is refused."""
    from pipeline.postings.imports import MAX_DEPTH, MAX_FIELD_CHARS

    nested: dict = {}
    inner = nested
    for _ in range(MAX_DEPTH + 2):
        inner["x"] = {}
        inner = inner["x"]
    rows = [{**GOOD[0], "extra_blob": nested},
            {**GOOD[1], "description": "d" * 20_000_000}]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(rows))
    assert cli("import", str(path)) == 1
    out = capsys.readouterr().out
    assert "inserted 1," in out and f"rejected row 1: nested more than {MAX_DEPTH} levels deep" in out
    job = listed(cli, capsys)[0]
    assert len(job["description"]) == MAX_FIELD_CHARS["description"]
    assert job["extra"]["truncated"] == {"description": "cut to 100,000 characters on import"}
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert cli("import", str(deep)) == 2
    assert "nested more than Python can read" in capsys.readouterr().err
