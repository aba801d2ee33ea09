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
    """A row nested past the limit is rejected with its reason; a 1.5 MB description is cut to the
    limit and flagged, the row still imported; a 20 MB row is rejected (the rows after it are
    read); a file nested past Python's own limit is refused."""
    from pipeline.postings.imports import MAX_DEPTH, MAX_FIELD_CHARS

    nested: dict = {}
    inner = nested
    for _ in range(MAX_DEPTH + 2):
        inner["x"] = {}
        inner = inner["x"]
    rows = [{**GOOD[0], "extra_blob": nested},
            {**GOOD[1], "description": "d" * 1_500_000},
            {**GOOD[0], "url": "https://x.example/big", "description": "d" * 20_000_000}]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(rows))
    assert cli("import", str(path)) == 1
    out = capsys.readouterr().out
    assert "inserted 1," in out and f"rejected row 1: nested more than {MAX_DEPTH} levels deep" in out
    assert "rejected row 3: the item is longer than 2,000,000 characters" in out
    job = listed(cli, capsys)[0]
    assert len(job["description"]) == MAX_FIELD_CHARS["description"]
    assert job["extra"]["truncated"] == {"description": "cut to 100,000 characters on import"}
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert cli("import", str(deep)) == 2
    assert "nested more than Python can read" in capsys.readouterr().err


# -- faults, round three: every byte kept, every field bounded, rows streamed ------------------

def _snapshot(cli, capsys) -> list[dict]:
    return sorted(listed(cli, capsys), key=lambda j: j["id"])


@pytest.fixture
def stored(cli, tmp_path, capsys):
    """Two jobs already stored; `stored()` asserts they are exactly as they were."""
    path = tmp_path / "first.json"
    path.write_text(json.dumps(GOOD))
    assert cli("import", str(path)) == 0
    before = _snapshot(cli, capsys)

    def unchanged(more: int = 0) -> list[dict]:
        after = _snapshot(cli, capsys)
        assert [j for j in after if j["id"] in {b["id"] for b in before}] == before, "a stored job changed"
        assert len(after) == len(before) + more
        return [j for j in after if j["id"] not in {b["id"] for b in before}]
    return unchanged


def test_csv_cells_keep_line_breaks_and_separators_and_rows_are_numbered_where_they_start(cli, tmp_path, capsys,
                                                                                         stored):
    text = ('url,title,company,description\r\n'
            'https://x.example/1,One,Acme,"a\nb"\r\n'
            'https://x.example/2,Two,Acme,"form\x0cfeed \x1cfile\x1dgroup\x1erecord \x85next \u2028line end"\r\n'
            'ftp://x.example/3,Three,Acme,"spans\nthree\nlines"\r\n'
            'https://x.example/4,Four,Acme,last\r\n')
    path = tmp_path / "cells.csv"
    path.write_bytes(text.encode())
    assert cli("import", str(path)) == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert "inserted 3, updated 0, duplicates 0, rejected 1" in out
    assert "rejected row 5: url: not an http(s) URL" in out, "row 3 starts on line 5 (row 1 spans two lines)"
    jobs = {j["title"]: j for j in stored(more=3)}
    assert jobs["One"]["description"] == "a\nb"
    two = jobs["Two"]["description"]
    assert two.startswith("form") and two.endswith("line end") and "record" in two and "next" in two, two
    assert jobs["Four"]["description"] == "last"


def test_a_huge_csv_cell_rejects_its_row_only_and_a_large_one_is_cut(cli, tmp_path, capsys, stored):
    from pipeline.postings.import_rows import MAX_CELL_CHARS

    huge = "x" * (MAX_CELL_CHARS + 10)
    text = ("url,title,company,description\n"
            f'https://x.example/1,One,Acme,"{"y" * 200_000}"\n'  # above csv's default limit of 131,072
            f'https://x.example/2,Two,Acme,"{huge}\nstill the huge cell, "",https://x.example/9,Nine,X\n"\n'
            "https://x.example/3,Three,Acme,after\n")
    path = tmp_path / "big.csv"
    path.write_text(text)
    assert cli("import", str(path)) == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert f"rejected row 3: a cell longer than {MAX_CELL_CHARS:,} characters" in out, out[:500]
    assert "inserted 2," in out and "rejected 1" in out
    jobs = {j["title"]: j for j in stored(more=2)}
    assert set(jobs) == {"One", "Three"}, "nothing of the huge cell became a job of its own"
    assert len(jobs["One"]["description"]) == 100_000 and jobs["One"]["extra"]["truncated"]


def test_a_repeated_csv_column_refuses_the_file(cli, tmp_path, capsys, stored):
    path = tmp_path / "twice.csv"
    path.write_text("url,title,company,title\nhttps://x.example/1,One,Acme,Other\n")
    assert cli("import", str(path)) == c.EXIT_USAGE
    err = capsys.readouterr().err
    assert "nothing written" in err and "column 'title' appears twice (columns 2 and 4)" in err
    stored()


def test_a_csv_row_with_more_cells_than_the_header_is_rejected(cli, tmp_path, capsys, stored):
    path = tmp_path / "wide.csv"
    path.write_text("url,title,company\nhttps://x.example/1,One,Acme,surplus\n")
    assert cli("import", str(path)) == c.EXIT_ERROR
    assert "rejected row 2: 4 cells, but the header names 3 columns" in capsys.readouterr().out
    stored()


@pytest.mark.parametrize("change, reason", [
    ({"url": "https://x.example/" + "a" * 2100}, "url: 2,118 characters; at most 2,048"),
    ({"source_id": "s" * 2049}, "source_id: 2,049 characters; at most 2,048"),
    ({"company_url": "https://acme.example/" + "c" * 2048}, "company_url: 2,069 characters; at most 2,048"),
    ({"notes": "n" * 70_000}, "bytes together; at most 65,536"),
])
def test_fields_are_bounded(cli, tmp_path, capsys, stored, change, reason):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({**GOOD[0], "url": "https://x.example/new", **change}) + "\n")
    assert cli("import", str(path)) == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert "rejected row 1: " in out and reason in out, out
    stored()


@pytest.mark.parametrize("raw", ['{"salary": NaN}', '{"salary": Infinity}', '{"salary": -Infinity}',
                                 '{"salary": 1e999}', '{"n": ' + "9" * 5000 + "}", '{"n": 9223372036854775808}'])
def test_numbers_no_store_keeps_are_rejected_and_list_json_stays_valid(cli, tmp_path, capsys, stored, raw):
    row = json.dumps({**GOOD[0], "url": "https://x.example/n"})[:-1] + ', "extra": ' + raw + "}"
    path = tmp_path / "numbers.jsonl"
    path.write_text(row + "\n")
    assert cli("import", str(path)) == c.EXIT_ERROR
    assert "rejected row 1: not a number any store keeps" in capsys.readouterr().out
    stored()
    csv_path = tmp_path / "numbers.csv"
    csv_path.write_text("url,title,company,min_amount\nhttps://x.example/c,T,C,nan\n")
    assert cli("import", str(csv_path)) == c.EXIT_ERROR
    assert "rejected row 2: salary: not a finite number: 'nan'" in capsys.readouterr().out
    stored()


def test_the_no_description_warning_counts_only_jobs_that_entered_scraped(cli, tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    rows = [{"url": "https://www.linkedin.com/jobs/view/41", "title": "A", "company": "B", "source": "linkedin",
             "source_id": "41"}, {"url": "https://x.example/2", "title": "C", "company": "D"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    assert cli("import", str(path)) == 0
    out = capsys.readouterr().out
    assert "1 new job(s) have no description" in out


def test_an_import_stopped_midway_says_what_was_written_and_that_a_rerun_is_safe(cli, tmp_path, capsys,
                                                                               monkeypatch, stored):
    from pipeline.errors import StoreUnavailable
    from pipeline.store.sqlite import SQLiteStore

    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps({"url": f"https://x.example/{n}", "title": "T", "company": f"C{n}",
                                          "description": "d"}) for n in range(5)))
    real = SQLiteStore.upsert_job
    calls = []

    def full(self, job):
        calls.append(job)
        if len(calls) > 2:
            raise StoreUnavailable(f"disk full at {tmp_path}")
        return real(self, job)
    monkeypatch.setattr(SQLiteStore, "upsert_job", full)
    assert cli("import", str(path)) == c.EXIT_ERROR
    err = capsys.readouterr().err
    assert f"import stopped (disk full at {tmp_path}) after 0 of 5 row(s) were written" in err, \
        "the batch the error came in is rolled back whole: nothing half-written"
    assert "importing the same file again is safe" in err
    monkeypatch.setattr(SQLiteStore, "upsert_job", real)
    stored(more=0)
    assert cli("import", str(path)) == 0
    assert "inserted 5, updated 0" in capsys.readouterr().out
    stored(more=5)

    def interrupted(self, job):
        raise KeyboardInterrupt
    monkeypatch.setattr(SQLiteStore, "upsert_job", interrupted)
    assert cli("import", str(path)) == 130
    assert "import stopped (interrupted) after 0 of 5 row(s)" in capsys.readouterr().err


def test_imported_text_keeps_no_bidi_isolate_or_tag_character(cli, tmp_path, capsys):
    hidden = "Engineer\u2066evil\u2069\u202e\U000e0041\U000e0042\u200b"
    path = tmp_path / "hidden.json"
    path.write_text(json.dumps([{**GOOD[0], "title": hidden, "description": hidden, "team": hidden}]))
    assert cli("import", str(path)) == 0
    [job] = listed(cli, capsys)
    for text in (job["title"], job["description"], job["extra"]["team"]):
        assert text == "Engineerevil", repr(text)


def test_a_json_array_is_read_item_by_item_across_lines(cli, tmp_path, capsys):
    rows = [{**GOOD[0], "url": f"https://x.example/{n}", "company": f"Acme {n}", "description": "a\u2028b " * 3}
            for n in range(50)]
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    assert cli("import", str(path)) == 0
    assert "inserted 50, updated 0, duplicates 0, rejected 0" in capsys.readouterr().out
    assert {j["description"] for j in listed(cli, capsys)} == {"a\nb a\nb a\nb"}, "a line separator is a line break"


def test_a_key_named_twice_in_a_json_row_is_rejected_not_silently_overwritten(cli, tmp_path, capsys, stored):
    path = tmp_path / "twice.jsonl"
    path.write_text('{"url": "https://x.example/t", "title": "First", "company": "C", "title": "Second"}\n'
                    '{"url": "https://x.example/u", "title": "T", "company": "C", "extra": {"a": 1, "a": 2}}\n')
    assert cli("import", str(path)) == c.EXIT_ERROR
    out = capsys.readouterr().out
    assert "rejected row 1: the key 'title' appears twice" in out and "rejected row 2: the key 'a' appears twice" in out
    stored()
