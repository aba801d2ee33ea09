"""The shape of the code: which modules may import which, and that a source and a stage can be
added through the catalog's tables alone, from outside the production code."""

import json
import re
from pathlib import Path

import pytest

from pipeline import catalog
from pipeline import constants as c
from pipeline.catalog import SourceSpec, StageSpec, StageStates
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.records import Job, NewJob
from pipeline.settings import StageConfig
from pipeline.states import State
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.project import write_config

PIPELINE = ROOT / "pipeline"


_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)|import[ \t]+([^\n]+))",
                     re.MULTILINE)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at top level or inside functions, as dotted names. Read with a
    regular expression: ast.parse on CPython 3.11.7 can fail on a recursion-depth bookkeeping bug."""
    found = set()
    for module, names, plain in _IMPORT.findall(path.read_text()):
        if plain:
            found.update(part.split(" as ")[0].strip() for part in plain.split("#")[0].split(","))
            continue
        found.add(module)
        for name in re.sub(r"#[^\n]*", "", names).strip("()").replace("\n", " ").split(","):
            if name.strip():
                found.add(f"{module}.{name.split(' as ')[0].strip()}")
    return found


def offenders(files: list[Path], forbidden: str) -> list[str]:
    return [f"{p.name} imports {name}" for p in files for name in sorted(imports_of(p))
            if name == forbidden or name.startswith(forbidden + ".")]


def test_domain_modules_do_not_import_the_store():
    files = [*(PIPELINE / "sources").glob("*.py"), PIPELINE / "drafts.py", PIPELINE / "dedupe.py",
             PIPELINE / "export.py", *(PIPELINE / "resume").glob("*.py")]
    assert len(files) > 8
    assert offenders(files, "pipeline.store") == []


def test_stages_do_not_import_http():
    files = list((PIPELINE / "stages").glob("*.py"))
    assert offenders(files, "pipeline.http") == []


def test_the_lower_layers_import_nothing_above_them():
    """records, settings, catalog and config sit below everything else."""
    above = ("pipeline.store", "pipeline.stages", "pipeline.sources", "pipeline.commands", "pipeline.cli",
             "pipeline.daemon", "pipeline.scheduler", "pipeline.http", "pipeline.llm")
    for name in ("records", "settings", "catalog", "config", "constants", "errors", "timeutil"):
        for forbidden in above:
            assert offenders([PIPELINE / f"{name}.py"], forbidden) == []


def test_the_rule_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from pipeline.store.sqlite import SQLiteStore\n")
    assert offenders([bad], "pipeline.store") == ["bad.py imports pipeline.store.sqlite",
                                                  "bad.py imports pipeline.store.sqlite.SQLiteStore"]


# -- a toy source and a toy stage, added through the tables only ------------------------------------


class ToySource:
    """Two postings per search, no network: what a new source module would provide."""

    name = "toy"

    def __init__(self, config):
        self.config = config

    def search(self, search, fetcher, known):
        for n in (1, 2):
            yield NewJob(source="toy", source_id=str(n), url=f"{self.config.base_url}/jobs/{n}",
                         title=f"{search.keywords} {n}", company="Toy Co", description="Toys.",
                         status=State.SCRAPED)

    def fetch_detail(self, job, fetcher):
        raise AssertionError("toy jobs carry their description")


def make_follow_up(config):
    """A stage after drafting (say, reply tracking): a plain work function."""
    def work(job: Job, ctx) -> dict:
        return {"followed_up": job.title}
    return work


@pytest.fixture
def toy_tables(monkeypatch):
    monkeypatch.delenv(c.ENV_TEST_STAGES, raising=False)
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    monkeypatch.setitem(catalog.SOURCES, "toy", SourceSpec("toy", "tests.test_layout:ToySource",
                                                           "http://127.0.0.1:9", hosts=("toy.example",)))
    monkeypatch.setitem(catalog.STAGES, "follow_up", StageSpec(
        StageStates("follow_up", State.DRAFT_GENERATED, "following_up", "followed_up"), "follow_up",
        StageConfig, {"minute": 0}, "tests.test_layout:make_follow_up"))


def test_a_toy_source_and_stage_through_the_tables(toy_tables, tmp_path, capsys):
    path = write_config(tmp_path, {"searches": [{"keywords": "Robot", "sources": ["toy"]}],
                                   "sources": {"toy": {"base_url": "http://127.0.0.1:9", "min_delay": 0,
                                                       "max_delay": 0}},
                                   "follow_up": {"max_retries": 2}})
    config = load_config(str(path))
    assert config.stages["follow_up"].max_retries == 2 and config.sources["toy"].base_url == "http://127.0.0.1:9"
    run = lambda *argv: main(["--config", str(path), *argv])  # noqa: E731
    assert run("run-stage", "scrape", "--source", "toy") == 0
    jobs = open_store(config).list_jobs()
    assert sorted(j.title for j in jobs) == ["Robot 1", "Robot 2"] and {j.source for j in jobs} == {"toy"}
    for job in jobs:
        assert run("mark", job.id, State.DRAFT_GENERATED) == 0
    capsys.readouterr()
    assert run("run-stage", "follow_up") == 0
    assert "follow_up: claimed 2, succeeded 2" in capsys.readouterr().out
    assert run("--list", "--status", "followed_up", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(j["data"]["followed_up"] for j in listed) == ["Robot 1", "Robot 2"]
    assert run("stats", "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["stages"]["follow_up"]["done"] == 2 and stats["by_status"]["followed_up"] == 2


def test_the_tables_are_back_after_the_toy_test():
    assert "toy" not in catalog.SOURCES and "follow_up" not in catalog.STAGES
    assert "followed_up" not in catalog.all_states()
