"""A throwaway project directory: a config file whose data, logs and PID file stay inside it, its
store, and the CLI run against it."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.loading import Config, load_config
from pipeline.store import JobStore, open_store

ROOT = Path(__file__).resolve().parent.parent.parent
BASE = {
    "daemon": {"tick_seconds": 1, "stop_timeout_seconds": 5},
    "storage": {"sqlite_path": "data/jobs.sqlite3"},
    "http": {"allow_private_addresses": True},  # the sample sites are served on 127.0.0.1
    "web": {"port": 0},  # a daemon under test serves its review page on a free port, never on 8765
}
EXAMPLE_PROFILE = ROOT / "profile.example.yaml"


def write_config(directory: Path, extra: dict | None = None, text: str | None = None) -> Path:
    """Write config.yaml (from a dict merged over BASE, or raw text) and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "config.yaml"
    if text is None:
        data = {k: dict(v) for k, v in BASE.items()}
        for section, values in (extra or {}).items():
            data[section] = {**data.get(section, {}), **values} if isinstance(values, dict) else values
        text = yaml.safe_dump(data)
    path.write_text(text)
    return path


def write_profile(directory: Path, profile: dict | str | None) -> None:
    """profile.yaml: "example" copies profile.example.yaml, a dict is written as YAML, None writes none."""
    if profile == "example":
        shutil.copy(EXAMPLE_PROFILE, directory / "profile.yaml")
    elif isinstance(profile, dict):
        (directory / "profile.yaml").write_text(yaml.safe_dump(profile))


@dataclass
class Project:
    """A config file, the config read from it, and its store."""

    # the environment variables a test must never inherit from the shell that runs it
    ENVIRONMENT = (c.ENV_MONGODB_URI, c.ENV_TEST_STAGES, c.ENV_OPENROUTER_KEY, "OPENAI_API_KEY", c.ENV_KEYWORDS,
                   c.ENV_LOCATION, c.ENV_CONFIG, "VISUAL", "EDITOR", "IMAP_PASSWORD", "WEB_TOKEN")

    path: Path
    config: Config
    store: JobStore

    @property
    def root(self) -> Path:
        return self.path.parent

    def run(self, *argv: str) -> int:
        """`python main.py --config PATH ARGV...`, in this process."""
        return main(["--config", str(self.path), *argv])


def make_project(directory: Path, sections: dict | None = None, *, profile: dict | str | None = None) -> Project:
    """A project folder with config.yaml (sections merged over BASE) and, if asked, profile.yaml."""
    directory.mkdir(parents=True, exist_ok=True)
    write_profile(directory, profile)
    path = write_config(directory, sections)
    config = load_config(str(path))
    return Project(path, config, open_store(config))
