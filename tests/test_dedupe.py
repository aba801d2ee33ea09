"""Cross-source dedupe that holds: board entries name their company, imported and scraped jobs
are compared alike, and an earlier-posted copy that arrives later becomes the original."""

import json

from pipeline.cli.app import main
from pipeline.companies.identity import company_key
from pipeline.config.loading import SearchConfig, load_config
from pipeline.postings.duplicates import demote, find_twin, store_duplicate, supersedes
from pipeline.postings.matching import posted_on
from pipeline.records import Move
from pipeline.sources.lever import LeverSource
from pipeline.states import State
from pipeline.store import NewJob
from pipeline.store.sqlite import SQLiteStore
from tests.helpers.http_server import RecordedServer, Reply, fixture
from tests.helpers.project import write_config

BOARD = fixture("lever", "postings_mode_json.json")
FIRST = json.loads(BOARD)[0]


def linkedin_copy(company: str, title: str = FIRST["text"], posted: str = "") -> NewJob:
    return NewJob(source="linkedin", source_id="4100000001", url="https://www.linkedin.com/jobs/view/4100000001",
                  title=title, company=company, location=FIRST["categories"]["location"], status=State.PENDING,
                  extra={"posted_date": posted} if posted else {}, company_key=company_key(company))


def board_jobs(tmp_path, entry) -> list[NewJob]:
    """The recorded JumpCloud Lever board, read through a config whose board entry is `entry`."""
    with RecordedServer() as server:
        server.routes["/v0/postings/jumpcloud"] = Reply(200, BOARD, content_type="application/json")
        path = write_config(tmp_path, {"sources": {"lever": {"base_url": server.base_url, "min_delay": 0,
                                                             "max_delay": 0, "boards": [entry]}}})
        config = load_config(str(path))
        from pipeline.sources import build_fetcher

        source = LeverSource(config.sources["lever"])
        search = SearchConfig(keywords="account", sources=("lever",))
        return list(source.search(search, build_fetcher(config), lambda _: False))


def test_a_board_entry_names_the_company_so_its_linkedin_copy_is_linked(tmp_path):
    slugged = board_jobs(tmp_path / "a", "jumpcloud")
    assert slugged[0].company == "jumpcloud"
    named = board_jobs(tmp_path / "b", {"jumpcloud": {"name": "JumpCloud Inc. ", "website": "https://jumpcloud.com"}})
    assert named[0].company == "JumpCloud Inc." and named[0].company_url == "https://jumpcloud.com"
    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    original = linkedin_copy("JumpCloud")
    store.upsert_job(original)
    board = named[0]
    board = NewJob(**{**vars(board), "company_key": company_key(board.company)})
    assert find_twin(store, board).source == "linkedin"
    unnamed = NewJob(**{**vars(slugged[0]), "company_key": company_key(slugged[0].company)})
    assert find_twin(store, unnamed) is not None, "'jumpcloud' and 'JumpCloud' fold alike"


def test_slugs_that_differ_from_the_name_need_the_board_entry(tmp_path):
    """People.ai, Match Group, Palantir: board slugs 'people-ai', 'matchgroup', 'palantir'; the
    board entry {slug: {name: ...}} gives the name (test above) and the pair is linked."""
    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    for n, name in enumerate(("People.ai", "Match Group", "Palantir Technologies")):
        store.upsert_job(NewJob(source="linkedin", source_id=str(n), url=f"https://www.linkedin.com/jobs/view/{n}",
                                title="Backend Engineer", company=name, location="Remote", status=State.PENDING,
                                company_key=company_key(name)))
    for slug, name in (("people-ai", "People.ai"), ("matchgroup", "Match Group"),
                       ("palantir", "Palantir Technologies")):
        def board(company: str, slug: str = slug) -> NewJob:
            return NewJob(source="lever", source_id=f"{slug}:1", url=f"https://jobs.lever.co/{slug}/1",
                          title="Backend Engineer", company=company, location="Remote", status=State.SCRAPED,
                          company_key=company_key(company))
        assert find_twin(store, board(slug)) is None, f"the slug {slug!r} alone does not name {name}"
        assert find_twin(store, board(name)) is not None, name


def test_an_import_and_a_board_copy_are_linked(tmp_path, monkeypatch, capsys):
    config = write_config(tmp_path / "project")
    store_path = load_config(str(config)).storage.sqlite_path
    store = SQLiteStore(store_path)
    store.upsert_job(linkedin_copy("JumpCloud"))
    rows = tmp_path / "jobs.json"
    rows.write_text(json.dumps([{"url": FIRST["hostedUrl"], "title": FIRST["text"], "company": "JumpCloud, Inc.",
                                 "location": FIRST["categories"]["location"], "description": "Imported."}]))
    assert main(["--config", str(config), "import", str(rows)]) == 0
    assert "inserted 0, updated 0, duplicates 1" in capsys.readouterr().out
    imported = store.find("import", FIRST["hostedUrl"], FIRST["hostedUrl"])
    assert imported.status == State.DUPLICATE and imported.extra["duplicate_of"] == \
        store.find("linkedin", "4100000001", "").id


def test_an_earlier_posting_that_arrives_later_becomes_the_original(tmp_path):
    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    later = linkedin_copy("JumpCloud", posted="2026-11-20")
    store.upsert_job(later)
    board = NewJob(source="lever", source_id="jumpcloud:1", url=FIRST["hostedUrl"], title=FIRST["text"],
                   company="JumpCloud", location=FIRST["categories"]["location"], status=State.SCRAPED,
                   extra={"created_at_ms": 1763251200000}, company_key="jumpcloud")  # 2025-11-16
    assert posted_on(board.extra) == "2025-11-16"
    twin = find_twin(store, board)
    assert supersedes(board, twin)
    store.upsert_job(board)
    demote(store, twin, board)
    kept, demoted = store.find("lever", "jumpcloud:1", ""), store.find("linkedin", "4100000001", "")
    assert kept.status == State.SCRAPED
    assert demoted.status == State.DUPLICATE and demoted.extra["duplicate_of"] == kept.id
    assert [e["event"] for e in store.events(demoted.id)] == ["inserted", "superseded"], "history kept"
    third = NewJob(source="import", source_id="x", url="https://careers.jumpcloud.example/1", title=FIRST["text"],
                   company="JumpCloud", location="Remote", status=State.SCRAPED, company_key="jumpcloud")
    assert find_twin(store, third).id == kept.id, "a third copy links to the original, never to a duplicate"
    store_duplicate(store, third, kept)


def test_a_copy_already_worked_on_stays_the_original(tmp_path):
    store = SQLiteStore(tmp_path / "jobs.sqlite3")
    store.upsert_job(linkedin_copy("JumpCloud", posted="2026-11-20"))
    twin = store.find("linkedin", "4100000001", "")
    store.move(twin.id, None, Move(State.PENDING, State.ENRICHED, "marked"))
    twin = store.get(twin.id)
    earlier = NewJob(source="lever", source_id="jumpcloud:1", url=FIRST["hostedUrl"], title=FIRST["text"],
                     company="JumpCloud", location="Remote", status=State.SCRAPED,
                     extra={"posted_date": "2026-11-01"}, company_key="jumpcloud")
    assert not supersedes(earlier, twin), "an enriched job keeps its place; the earlier copy is the duplicate"
