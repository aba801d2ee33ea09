"""Config: defaults, the schedule forms, and every mistake located by file, line and key."""

import os

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import load_config
from pipeline.errors import ConfigError
from tests.conftest import ROOT
from tests.helpers.project import write_config


@pytest.fixture(autouse=True)
def clean_env():
    """load_dotenv writes into os.environ, so restore all of it afterwards."""
    saved = dict(os.environ)
    for name in (c.ENV_MONGODB_URI, c.ENV_KEYWORDS, c.ENV_LOCATION, c.ENV_OPENROUTER_KEY, c.ENV_CONFIG):
        os.environ.pop(name, None)
    yield
    os.environ.clear()
    os.environ.update(saved)


def error_for(tmp_path, text: str) -> ConfigError:
    path = write_config(tmp_path, text=text)
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    return info.value


def test_shipped_config_is_valid_and_in_the_known_shape():
    config = load_config(str(ROOT / "pipeline_config.yaml"))
    assert config.stages[c.SCRAPE].schedule == {"hour": "9", "minute": "0"}
    assert config.stages[c.SCRAPE].max_jobs_per_day == 50
    assert (config.stages[c.ENRICH].max_retries, config.stages[c.ENRICH].batch_size) == (3, 10)
    assert config.stages[c.DRAFT].schedule == {"minute": "30"}
    assert config.storage.backend == "sqlite"
    assert config.storage.sqlite_path == ROOT / "data" / "pipeline.sqlite3"


def test_searches_default_to_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(c.ENV_KEYWORDS, "python developer")
    monkeypatch.setenv(c.ENV_LOCATION, "Berlin")
    config = load_config(str(write_config(tmp_path)))
    assert [(s.keywords, s.location) for s in config.searches] == [("python developer", "Berlin")]


def test_dotenv_is_read(tmp_path):
    (tmp_path / ".env").write_text("MONGODB_URI=mongodb://127.0.0.1:1/x\n")
    config = load_config(str(write_config(tmp_path)))
    assert config.storage.backend == "mongodb"


def test_crontab_string_schedule(tmp_path):
    config = load_config(str(write_config(tmp_path, {"enricher": {"schedule": "30 */2 * * mon-fri"}})))
    assert config.stages[c.ENRICH].schedule == {"minute": "30", "hour": "*/2", "day": "*", "month": "*",
                                                "day_of_week": "mon-fri"}


@pytest.mark.parametrize("text, line, key, words", [
    ("daemon:\n  pid_file: [unclosed\n", 3, "", "invalid YAML"),
    ("enricher:\n  max_retries: 3\n  batch_sise: 10\n", 3, "enricher.batch_sise", "unknown key"),
    ("enricher:\n  max_retries: three\n", 2, "enricher.max_retries", "expected int"),
    ("enricher:\n  enabled: 1\n", 2, "enricher.enabled", "expected bool"),
    ("enricher:\n  max_retries: 0\n", 2, "enricher.max_retries", "must be from 1 to 100"),
    ("enricher:\n  lease_seconds: .inf\n", 2, "enricher.lease_seconds", "finite"),
    ("enricher:\n  lease_seconds: .nan\n", 2, "enricher.lease_seconds", "finite"),
    ("enricher:\n  concurrency: 100000\n", 2, "enricher.concurrency", "must be from 1 to 64"),
    ("enricher:\n  retry_base_seconds: 7200\n  retry_max_seconds: 600\n", 2, "enricher.retry_base_seconds",
     "above retry_max_seconds"),
    ("generator:\n  schedule: '0 0 30 2 *'\n", 2, "generator.schedule", "never fires"),
    ("daemon:\n  tick_seconds: 60\n  log_level: INFO\n  tick_seconds: 5\n", 4, "", "duplicate key 'tick_seconds' "
     "(first at line 2)"),
    ("daemon: &d\n  x: *d\n", 2, "", "an alias refers to a node that contains it"),
    ("generator:\n  schedule: {hour: 25}\n", 2, "generator.schedule", "higher than the maximum"),
    ("generator:\n  schedule: '61 * * * *'\n", 2, "generator.schedule", "impossible schedule"),
    ("generator:\n  schedule: '* * *'\n", 2, "generator.schedule", "5 fields"),
    ("scraper:\n  schedule:\n    hour: 9\n    day_of_week: 1\n", 4, "scraper.schedule.day_of_week", "numeric"),
    ("scraper:\n  schedule: '0 9 * * 1-5'\n", 2, "scraper.schedule", "cron counts 0 as Sunday"),
    ("scraper:\n  schedule: {hours: 9}\n", 2, "scraper.schedule.hours", "unknown schedule field"),
    ("nonsense:\n  a: 1\n", 1, "nonsense", "unknown section"),
    ("daemon:\n  timezone: Mars/Olympus\n", 2, "daemon.timezone", "unknown time zone"),
    ("daemon:\n  log_level: LOUD\n", 2, "daemon.log_level", "not one of"),
    ("storage:\n  backend: mongodb\n", 2, "storage.backend", "MONGODB_URI is not set"),
    ("searches:\n  - location: Berlin\n", 2, "searches.0", "needs keywords"),
])
def test_mistakes_name_file_line_and_key(tmp_path, text, line, key, words):
    error = error_for(tmp_path, text)
    assert error.file.endswith("config.yaml") and error.line == line and error.key == key
    assert words in str(error), str(error)
    assert f"config.yaml:{line}" in str(error)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(str(tmp_path / "nope.yaml"))


def test_a_config_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_bytes(b"daemon:\n  log_level: INFO\n# caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8") as caught:
        load_config(str(path))
    assert caught.value.line == 3


def test_the_readme_ranges_are_the_settings_ranges():
    """The README's table is the one the settings' fields make (print ranges_table() to update it)."""
    from pipeline.config.loading import ranges_table

    readme = (ROOT / "README.md").read_text()
    assert ranges_table() in readme.split("### Ranges", 1)[-1].split("\n## ", 1)[0]


def test_a_range_is_per_section_and_on_its_field(tmp_path):
    path = write_config(tmp_path, {"llm": {"timeout_seconds": 1200}})
    assert load_config(str(path)).llm.timeout_seconds == 1200.0
    path = write_config(tmp_path, {"storage": {"timeout_seconds": 1200}})
    with pytest.raises(ConfigError, match="must be from 0.1 to 600, got 1200") as caught:
        load_config(str(path))
    assert caught.value.key == "storage.timeout_seconds"


def test_adding_a_numeric_setting_is_one_field(tmp_path, monkeypatch):
    """A new field with its range is read, checked and documented with nothing else changed."""
    import dataclasses

    from pipeline.config import catalog, loading
    from pipeline.config.settings import EnrichSettings, number

    @dataclasses.dataclass(frozen=True)
    class Wider(EnrichSettings):
        pages_per_company: int = number(4, 1, 20)

    monkeypatch.setitem(catalog.STAGES, c.ENRICH, dataclasses.replace(catalog.STAGES[c.ENRICH], settings=Wider))
    assert "| `pages_per_company` | enricher | 1 | 20 |" in loading.ranges_table()
    assert load_config(str(write_config(tmp_path, {"enricher": {"pages_per_company": 7}}))).stages[
        c.ENRICH].pages_per_company == 7
    with pytest.raises(ConfigError, match="must be from 1 to 20, got 30"):
        load_config(str(write_config(tmp_path, {"enricher": {"pages_per_company": 30}})))


def test_config_check_masks_secrets(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(c.ENV_MONGODB_URI, "mongodb://app:s3cretPassw0rd@db.example:27017/jobs")
    monkeypatch.setenv(c.ENV_OPENROUTER_KEY, "sk-or-v1-0123456789abcdef")
    assert main(["--config", str(write_config(tmp_path)), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert "s3cretPassw0rd" not in out and "0123456789abcdef" not in out
    assert "mongodb://app:***@db.example:27017/jobs" in out and "api_key: set (hidden)" in out
    assert "backend: mongodb" in out


def test_bad_config_stops_every_command(tmp_path, capsys):
    path = write_config(tmp_path, text="enricher:\n  max_retries: lots\n")
    for argv in (["config", "check"], ["--list"], ["daemon", "start"], ["run-stage", "enrich"]):
        assert main(["--config", str(path), *argv]) == c.EXIT_USAGE
        err = capsys.readouterr().err
        assert f"{path}:2: enricher.max_retries: expected int" in err
    assert not (tmp_path / "data").exists() and not (tmp_path / "logs").exists(), "nothing started or written"


def test_a_stage_without_a_schedule_gets_its_default_not_every_second(tmp_path):
    """An absent (or empty) schedule once became CronTrigger() with no fields: every second."""
    path = tmp_path / "config.yaml"
    path.write_text("storage: {backend: sqlite}\nenricher: {schedule: {}}\n")
    config = load_config(str(path))
    assert config.stages[c.SCRAPE].schedule == {"hour": "9", "minute": "0"}
    assert config.stages[c.ENRICH].schedule == {"minute": "0"}
