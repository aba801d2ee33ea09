"""The shape of the code: which modules may import which, and that a source and a stage can be
added through the catalog's tables alone, from outside the production code."""

import json
import re
from pathlib import Path

import pytest

from pipeline.cli.app import main
from pipeline.config import catalog
from pipeline.config.catalog import SourceSpec, StageSpec, StageStates
from pipeline.config.loading import load_config
from pipeline.config.settings import StageConfig
from pipeline.records import Job, NewJob
from pipeline.states import State
from pipeline.store import open_store
from tests.conftest import ROOT
from tests.helpers.project import write_config

PIPELINE = ROOT / "pipeline"

# The rooms of pipeline/, top to bottom: a module may import its own room and any room below its
# layer, never one beside or above it. "" is the ground floor (pipeline/*.py).
LAYERS = (("cli", "web"), ("service",), ("stages", "mailbox"), ("outreach", "postings", "resume"),
          ("companies", "fit"), ("sources",), ("engine",), ("store", "net"), ("config",), ("",))
# Rooms below the engine that must still know nothing of the store or of where a job goes next:
# domain code works on records and returns results; stages and postings do the storing.
STORELESS = ("sources", "fit", "companies", "outreach", "resume", "net", "config")
GROUND_FLOOR = {"__init__", "records", "errors", "constants", "states", "timeutil", "text", "urls", "redaction",
                "logs", "venv"}
LEVEL = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}


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


def room_of(module: str) -> str | None:
    """The room a dotted module name lives in ('' for the ground floor; None outside pipeline)."""
    parts = module.split(".")
    if parts[0] != "pipeline":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in LEVEL else ""


def upward_imports(root: Path) -> list[str]:
    """Imports from a room beside or above the importing file's room."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        mine = parts[0] if len(parts) > 1 else ""
        for name in sorted(imports_of(path)):
            theirs = room_of(name)
            if theirs is not None and theirs != mine and LEVEL[theirs] <= LEVEL[mine]:
                found.append(f"{'/'.join(parts)} imports {name}")
    return found


def offenders(files: list[Path], forbidden: str) -> list[str]:
    return [f"{p.name} imports {name}" for p in files for name in sorted(imports_of(p))
            if name == forbidden or name.startswith(forbidden + ".")]


def test_every_room_imports_only_rooms_below_it():
    assert upward_imports(PIPELINE) == []


def test_every_folder_of_pipeline_is_a_room_of_the_layers():
    folders = {p.name for p in PIPELINE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders <= set(LEVEL) - {""}, folders - set(LEVEL)


def test_the_top_of_pipeline_holds_only_the_ground_floor():
    assert {p.stem for p in PIPELINE.glob("*.py")} == GROUND_FLOOR


def test_domain_rooms_do_not_touch_the_store():
    for room in STORELESS:
        files = list((PIPELINE / room).rglob("*.py"))
        assert offenders(files, "pipeline.store") == [] and offenders(files, "pipeline.engine") == [], room


def test_stages_do_not_import_http():
    files = list((PIPELINE / "stages").glob("*.py"))
    assert offenders(files, "pipeline.net.http") == []


def test_the_rule_checks_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from pipeline.store.sqlite import SQLiteStore\n")
    assert offenders([bad], "pipeline.store") == ["bad.py imports pipeline.store.sqlite",
                                                  "bad.py imports pipeline.store.sqlite.SQLiteStore"]
    (tmp_path / "pipeline" / "store").mkdir(parents=True)
    (tmp_path / "pipeline" / "store" / "x.py").write_text("from pipeline.stages import draft\n")
    (tmp_path / "pipeline" / "cli").mkdir()
    (tmp_path / "pipeline" / "cli" / "y.py").write_text("from pipeline.web.app import serve\n")
    assert upward_imports(tmp_path / "pipeline") == ["cli/y.py imports pipeline.web.app",
                                                     "cli/y.py imports pipeline.web.app.serve",
                                                     "store/x.py imports pipeline.stages",
                                                     "store/x.py imports pipeline.stages.draft"]


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


def test_only_the_cli_prints():
    """The daemon, the stages and the domain report through return values and the log; printing
    for a person is the CLI's (and the page's) business."""
    speakers = {PIPELINE / "venv.py"}  # the entry point's bootstrap, before any dependency can be imported
    printing = [f"{p.relative_to(PIPELINE)}:{n}" for p in PIPELINE.rglob("*.py")
                if p.parts[-2] != "cli" and p not in speakers
                for n, line in enumerate(p.read_text().splitlines(), 1) if re.search(r"\bprint\(", line)]
    assert printing == []
