"""A throwaway project directory: a config file whose data, logs and PID file stay inside it."""

from pathlib import Path

import yaml

BASE = {
    "daemon": {"tick_seconds": 1, "stop_timeout_seconds": 5},
    "storage": {"sqlite_path": "data/jobs.sqlite3"},
}


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
