"""YAML read with the line of every key, and the checks that report a mistake by file, line and key.
Used by the config and the profile."""

import math
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError

MAX_BYTES = 1_000_000  # a config or a profile is a few KB; a larger file is refused before it is parsed
MAX_VALUES = 50_000  # values once aliases are expanded (a config holds a few hundred): no alias bomb


def read_text(path: Path) -> str:
    """A YAML file's text; a file above MAX_BYTES, or bytes that are not UTF-8, are a ConfigError."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if len(raw) > MAX_BYTES:
        raise ConfigError(f"the file is larger than {MAX_BYTES:,} bytes; a config or profile is a few KB",
                          str(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ConfigError(f"not UTF-8 text (byte {raw[exc.start]:#04x}); save the file as UTF-8", str(path),
                          line) from None


class Located:
    """Values of a YAML document with the line of every key, for error messages."""

    def __init__(self, path: Path, text: str) -> None:
        self.file = str(path)
        self.lines: dict[tuple[Any, ...], int] = {}
        self.values = 0
        try:
            node = yaml.compose(text)
            if node is not None:  # first: it refuses duplicate keys and self-referencing aliases
                self._walk(node, (), set())
            self.data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else None
            raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", self.file, line) from None
        except RecursionError:
            raise ConfigError("invalid YAML: nested too deeply", self.file) from None

    def _walk(self, node: yaml.Node, path: tuple[Any, ...], above: set[int]) -> None:
        if id(node) in above:  # the alias's own line is the key's it stands under
            raise ConfigError("invalid YAML: an alias refers to a node that contains it", self.file,
                              self.lines.get(path))
        self.values += 1
        if self.values > MAX_VALUES:  # every alias is walked again: a "billion laughs" stops here
            raise ConfigError(f"invalid YAML: more than {MAX_VALUES:,} values once aliases are expanded (aliases "
                              "that repeat aliases?)", self.file, node.start_mark.line + 1)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key, at = key_node.value, key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    raise ConfigError("invalid YAML: a key must be plain text, not a list or a mapping ('? [...]')",
                                      self.file, at)
                if key in seen:
                    raise ConfigError(f"duplicate key {key!r} (first at line {seen[key]}): only one may stay",
                                      self.file, at)
                seen[key] = self.lines[path + (key,)] = at
                self._walk(value_node, path + (key,), above | {id(node)})
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, path + (i,), above | {id(node)})

    def error(self, path: tuple[Any, ...], message: str) -> ConfigError:
        while path and path not in self.lines:
            path = path[:-1]
        key = ".".join(str(p) for p in path)
        return ConfigError(message, self.file, self.lines.get(path), key)


def check_type(doc: Located, path: tuple[Any, ...], value: Any, types: tuple[Any, ...],
               bounds: tuple[float, float] | None = None, choices: tuple[str, ...] | None = None) -> Any:
    """The value if it has one of `types` (a number within `bounds`, both ends allowed; a text, or
    every item of a list, one of `choices`); else the ConfigError naming file, line and key.
    Numbers must be finite everywhere."""
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
    if isinstance(value, float) and not math.isfinite(value):
        raise doc.error(path, f"must be a finite number, got {value!r}")
    if bounds and isinstance(value, (int, float)) and not isinstance(value, bool) and \
            not bounds[0] <= value <= bounds[1]:
        raise doc.error(path, f"must be from {bounds[0]:g} to {bounds[1]:g}, got {value!r}")
    if choices:
        for item in value if isinstance(value, list) else [value]:
            if item not in choices and not (isinstance(item, str) and item.upper() in choices):
                raise doc.error(path, f"{item!r} is not one of {', '.join(choices)}")
    return value


def check_section(doc: Located, path: tuple[Any, ...], data: Any, spec: dict[str, tuple[Any, ...]]) -> dict[str, Any]:
    """A mapping's values checked against spec: key -> (accepted types, default[, range[, choices]])."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise doc.error(path, f"expected a mapping, got {type(data).__name__}")
    for key in data:
        if key not in spec:
            raise doc.error(path + (key,), f"unknown key (known: {', '.join(spec)})")
    out = {}
    for key, (types, default, *bounds) in spec.items():
        out[key] = check_type(doc, path + (key,), data[key], types, *bounds) if key in data else default
    return out
