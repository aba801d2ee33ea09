"""YAML read with the line of every key, and the checks that report a mistake by file, line and key.
Used by the config and the profile."""

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError

# Keys whose numbers must be greater than 0, wherever they appear.
POSITIVE_KEYS = {"max_retries", "batch_size", "concurrency", "lease_seconds", "run_deadline_seconds",
                 "tick_seconds", "stop_timeout_seconds", "start_timeout_seconds", "max_jobs_per_day",
                 "max_tokens", "timeout_seconds", "log_max_bytes", "max_in_flight", "max_429", "max_jobs",
                 "posted_within_seconds", "expire_after_missing", "recheck_after_days"}


class Located:
    """Values of a YAML document with the line of every key, for error messages."""

    def __init__(self, path: Path, text: str) -> None:
        self.file = str(path)
        self.lines: dict[tuple[Any, ...], int] = {}
        try:
            self.data = yaml.safe_load(text)
            node = yaml.compose(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else None
            raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", self.file, line) from None
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple[Any, ...]) -> None:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self.lines[path + (key_node.value,)] = key_node.start_mark.line + 1
                self._walk(value_node, path + (key_node.value,))
                self.lines[path + (key_node.value,)] = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, path + (i,))

    def error(self, path: tuple[Any, ...], message: str) -> ConfigError:
        while path and path not in self.lines:
            path = path[:-1]
        key = ".".join(str(p) for p in path)
        return ConfigError(message, self.file, self.lines.get(path), key)


def check_type(doc: Located, path: tuple[Any, ...], value: Any, types: tuple[Any, ...]) -> Any:
    if value is None:
        if None in types:
            return None
        raise doc.error(path, "must not be empty")
    real = tuple(t for t in types if t is not None)
    ok = isinstance(value, real) and not (isinstance(value, bool) and bool not in real)
    if not ok:
        names = " or ".join("null" if t is None else {dict: "mapping", list: "list", str: "text"}.get(t, t.__name__)
                            for t in types)
        raise doc.error(path, f"expected {names}, got {type(value).__name__} {value!r}")
    if path[-1] in POSITIVE_KEYS and isinstance(value, (int, float)) and value <= 0:
        raise doc.error(path, f"must be greater than 0, got {value!r}")
    return value


def check_section(doc: Located, path: tuple[Any, ...], data: Any,
                  spec: dict[str, tuple[tuple[Any, ...], Any]]) -> dict[str, Any]:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise doc.error(path, f"expected a mapping, got {type(data).__name__}")
    for key in data:
        if key not in spec:
            raise doc.error(path + (key,), f"unknown key (known: {', '.join(spec)})")
    out = {}
    for key, (types, default) in spec.items():
        out[key] = check_type(doc, path + (key,), data[key], types) if key in data else default
    return out
