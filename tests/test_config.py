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


# -- faults, round three: configs that cannot hang, secrets never shown ----------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))


def _one_error(capsys, argv: list[str], words: str) -> None:
    assert main(argv) == c.EXIT_USAGE
    captured = capsys.readouterr()
    assert words in captured.err and "Traceback" not in captured.err + captured.out, captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err


def test_an_alias_bomb_in_the_config_is_refused_at_once(tmp_path, capsys):
    """Nine levels of nine aliases (a 300-byte "billion laughs") once grew to 3.5 GB."""
    path = write_config(tmp_path, text="storage: {backend: sqlite}\nsearches:\n  - keywords: x\nx_bomb:\n" +
                        "".join(f"  {line}\n" for line in BOMB.splitlines()))
    assert len(path.read_bytes()) < 700
    _one_error(capsys, ["--config", str(path), "config", "check"], "values once aliases are expanded")
    assert not (tmp_path / "data").exists(), "nothing was started or written"


def test_an_alias_bomb_in_the_profile_is_refused_at_once(tmp_path, capsys):
    path = write_config(tmp_path)
    (tmp_path / "profile.yaml").write_text("name: Alex Example\nemail: alex@example.org\n" + BOMB)
    _one_error(capsys, ["--config", str(path), "config", "check"], "values once aliases are expanded")


def test_a_few_aliases_are_still_fine(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("storage: {backend: sqlite}\nenricher: &stage {max_retries: 4}\ngenerator: *stage\n")
    assert load_config(str(path)).stages[c.DRAFT].max_retries == 4


def test_a_complex_key_is_one_line_with_file_and_line(tmp_path, capsys):
    path = write_config(tmp_path, text="storage: {backend: sqlite}\n? [a, b]\n: 1\n")
    _one_error(capsys, ["--config", str(path), "config", "check"],
               f"{path}:2: invalid YAML: a key must be plain text")


def test_a_config_or_profile_above_the_size_limit_is_refused(tmp_path, capsys):
    from pipeline.config.yamlfile import MAX_BYTES

    path = write_config(tmp_path, text="storage: {backend: sqlite}\n# " + "x" * MAX_BYTES + "\n")
    _one_error(capsys, ["--config", str(path), "config", "check"], f"larger than {MAX_BYTES:,} bytes")
    path = write_config(tmp_path)
    (tmp_path / "profile.yaml").write_text("name: A B\nemail: a@b.example\n# " + "x" * MAX_BYTES)
    _one_error(capsys, ["--config", str(path), "config", "check"], f"larger than {MAX_BYTES:,} bytes")


def test_too_many_searches_are_refused(tmp_path, capsys):
    from pipeline.config.loading import MAX_SEARCHES

    path = write_config(tmp_path, {"searches": [{"keywords": f"k{n}"} for n in range(MAX_SEARCHES + 1)]})
    _one_error(capsys, ["--config", str(path), "config", "check"], f"searches: {MAX_SEARCHES + 1:,} searches; at most")


@pytest.mark.parametrize("uri, secret", [
    ("mongodb://app:pass word@db.example/jobs", "pass word"),
    ("mongodb://app:p@ss@db.example/jobs", "p@ss"),
    ("mongodb://app:x@db.example/jobs?tls=true&tlsCertificateKeyFilePassword=k3yPassw0rd", "k3yPassw0rd"),
])
def test_config_check_masks_every_credential_in_the_uri(tmp_path, monkeypatch, capsys, uri, secret):
    monkeypatch.setenv(c.ENV_MONGODB_URI, uri)
    assert main(["--config", str(write_config(tmp_path)), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert secret not in out and "mongodb_uri: mongodb://app:***@db.example/jobs" in out, out


def test_config_check_masks_credentials_in_any_url_setting(tmp_path, capsys):
    path = write_config(tmp_path, {"llm": {"base_url": "https://user:llmS3cret@llm.example/v1?api_key=qK3y99"},
                                   "sources": {"lever": {"base_url": "https://tok3nValue@lever.example/",
                                                         "boards": []}},
                                   "http": {"proxy": "http://proxyuser:pr0xyPass@proxy.example:3128"}})
    assert main(["--config", str(path), "config", "check"]) == 0
    out = capsys.readouterr().out
    for secret in ("llmS3cret", "qK3y99", "tok3nValue", "pr0xyPass"):
        assert secret not in out, secret
    assert "https://user:***@llm.example/v1?api_key=***" in out and "https://***@lever.example/" in out


@pytest.mark.parametrize("uri", ["mongodb://app:pa:ss@db.example/jobs", "mongodb://app:p@ss@db.example/jobs",
                                 "mongodb://db.example:99999/jobs"])
def test_a_malformed_mongodb_uri_is_one_line(tmp_path, monkeypatch, capsys, uri):
    monkeypatch.setenv(c.ENV_MONGODB_URI, uri)
    path = write_config(tmp_path)
    for argv in (["--list"], ["stats"], ["import", "-"]):
        _one_error(capsys, ["--config", str(path), *argv], "MONGODB_URI: malformed")
