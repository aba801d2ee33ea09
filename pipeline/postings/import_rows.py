"""An import file read as a stream of rows: a JSON array, JSON Lines or CSV, never the whole file
in memory, every byte of a cell kept.

CSV is parsed by the csv module over the file itself (newline='' semantics): a line break, form
feed, U+2028 or any other character inside a quoted cell stays in its cell, and a row is numbered
by the line it starts on. A row larger than MAX_ROW_CHARS (or a CSV cell above MAX_CELL_CHARS) is
skipped whole and reported with its reason; the rows after it are read as usual. What makes the
file unreadable as a whole (bad JSON, a row that is not an object, a CSV header without the
required columns or with a repeated one, bytes that are not UTF-8) raises ImportFileError with
file and line.

Numbers are read as they are written and checked: NaN and Infinity, and integers beyond 64 bits,
become `BadNumber`, which the importer rejects with the row (JSON and CSV alike never store them).
"""

import csv
import io
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

MAX_CELL_CHARS = 1_000_000  # one CSV cell; a larger one rejects its row
MAX_ROW_CHARS = 2_000_000  # one row: a CSV record, a JSON Lines line or a JSON array item
MAX_INT = 2**63 - 1  # what both stores can hold
REQUIRED = ("url", "title", "company")
# Columns of common exports, as our field names. JobSpy: job_url, job_url_direct, date_posted,
# min_amount/max_amount/currency/interval, is_remote, job_type, emails, company_url.
ALIASES = {"job_url": "url", "link": "url", "job_title": "title", "position": "title", "company_name": "company",
           "job_location": "location", "job_description": "description", "company_website": "company_url"}

Row = tuple[int, dict[str, Any] | str]  # (number, the row) or (number, why it cannot be read)


class ImportFileError(Exception):
    """The file as a whole cannot be imported; names the file and line."""


class BadNumber(str):
    """A number no store keeps: NaN, an infinity, or an integer beyond 64 bits (as written)."""


class _TooLarge(Exception):
    """The row being read is larger than MAX_ROW_CHARS."""


def _integer(text: str) -> int | BadNumber:
    if len(text) > 20:
        return BadNumber(f"{text[:12]}... ({len(text)} digits)")
    value = int(text)
    return value if -MAX_INT - 1 <= value <= MAX_INT else BadNumber(text)


def _real(text: str) -> float | BadNumber:
    value = float(text)
    return value if value - value == 0 else BadNumber(text[:30])


class RepeatedKeys(dict[str, Any]):
    """A JSON object that names a key twice (json would silently keep the last): rejected with its row."""

    repeated: str = ""


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    marked = RepeatedKeys(found)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.repeated = key
            break
        seen.add(key)
    return marked


DECODER = json.JSONDecoder(parse_int=_integer, parse_float=_real, parse_constant=BadNumber,
                           object_pairs_hook=_object_pairs)


class _Lines:
    """Physical lines of a text stream opened with newline='' (\\n, \\r\\n or \\r end one), read at
    most MAX_ROW_CHARS + 1 characters at a time, counted as they are read."""

    def __init__(self, stream: IO[str], path: str) -> None:
        self.stream, self.path = stream, path
        self.done = 0  # lines read to their end

    def read(self) -> str:
        try:
            piece = self.stream.readline(MAX_ROW_CHARS + 1)
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"{self.path}:{self.done + 1}: not UTF-8 text ({exc.reason}); save the file as "
                                  "UTF-8") from None
        if piece.endswith(("\n", "\r")):
            self.done += 1
        return piece

    def finish(self, piece: str) -> int:
        """Read on to the end of the physical line `piece` began; the quotes read on the way."""
        quotes = 0
        while piece and not piece.endswith(("\n", "\r")):
            piece = self.read()
            quotes += piece.count('"')
        return quotes


class _CsvFeed:
    """The lines csv.reader parses, with the size and quotes of the record being read, so that a
    record too large to keep is skipped whole (to where its quotes balance) and the next one is
    read as usual."""

    def __init__(self, lines: _Lines) -> None:
        self.lines = lines
        self.start()

    def start(self) -> None:
        self.first, self.chars, self.quotes, self.last = self.lines.done + 1, 0, 0, "\n"

    def __iter__(self) -> "_CsvFeed":
        return self

    def __next__(self) -> str:
        piece = self.lines.read()
        if not piece:
            raise StopIteration
        self.chars += len(piece)
        self.quotes += piece.count('"')
        self.last = piece
        if self.chars > MAX_ROW_CHARS:
            raise _TooLarge
        return piece

    def skip_record(self) -> None:
        """The rest of a record csv.reader gave up on: its line, then lines while a quoted cell is open."""
        self.quotes += self.lines.finish(self.last)
        while self.quotes % 2:
            piece = self.lines.read()
            if not piece:
                return
            self.quotes += piece.count('"') + self.lines.finish(piece)


def open_text(path: Path) -> IO[str]:
    """The file as UTF-8 text with newline='' (a BOM dropped); `-` is standard input, spooled to
    a private temporary file so that it can be read twice (checked, then imported)."""
    try:
        if str(path) == "-":
            spool = tempfile.TemporaryFile()
            if hasattr(sys.stdin, "buffer"):
                shutil.copyfileobj(sys.stdin.buffer, spool)
            else:  # a text stream put in its place (tests, embedding)
                for text in iter(lambda: sys.stdin.read(1 << 16), ""):
                    spool.write(text.encode("utf-8"))
            spool.seek(0)
            return io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")
        return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read: {exc.strerror or exc}") from None


def file_format(path: Path, stream: IO[str]) -> str:
    """'.json', '.jsonl' or '.csv': by the name, else by the first character that is not blank."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".ndjson", ".csv"):
        return {".ndjson": ".jsonl"}.get(suffix, suffix)
    try:
        head = stream.read(4096).lstrip()[:1]
    except UnicodeDecodeError:
        head = ""
    stream.seek(0)
    return ".json" if head == "[" else ".jsonl" if head == "{" else ".csv"


def read_rows(path: Path, stream: IO[str]) -> Iterator[Row]:
    """Every row of the file, in order: (number, values) or (number, why the row cannot be read).
    Numbers are items of a JSON array, else the line a row starts on."""
    kind = file_format(path, stream)
    lines = _Lines(stream, str(path))
    if kind == ".csv":
        return _csv_rows(lines)
    return _json_items(lines) if kind == ".json" else _json_lines(lines)


def _object(path: str, label: str, number: int, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise ImportFileError(f"{path}: {label} {number}: expected an object with url, title, company")
    return row


def _decode(path: str, line: int, text: str, start: int = 0) -> tuple[Any, int]:
    try:
        return DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        at = line + text.count("\n", start, exc.pos)
        raise ImportFileError(f"{path}:{at}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ImportFileError(f"{path}:{line}: invalid JSON: nested more than Python can read") from None


def _json_lines(lines: _Lines) -> Iterator[Row]:
    while True:
        number = lines.done + 1
        text = lines.read()
        if not text:
            return
        if len(text) > MAX_ROW_CHARS:
            lines.finish(text)
            yield number, f"the line is longer than {MAX_ROW_CHARS:,} characters"
            continue
        if text.strip():
            value, end = _decode(lines.path, number, text.strip())
            if end != len(text.strip()):
                raise ImportFileError(f"{lines.path}:{number}: invalid JSON: more than one value on the line")
            yield number, _object(lines.path, "line", number, value)


_BLANK = " \t\n\r"
_OUTSIDE = re.compile(r'["\[\]{},]')  # what matters to an item's end outside its strings
_INSIDE = re.compile(r'["\\]')  # ... and inside them


def _json_items(lines: _Lines) -> Iterator[Row]:
    """The items of a JSON array, decoded one at a time from a buffer that holds at most one item
    and a read's worth more; an item above MAX_ROW_CHARS is skipped (scanned, not kept) and
    rejected with its reason."""
    buffer, at, line, number = "", 0, 1, 0  # `line`: the line the buffer's position `at` is on
    expect = "["
    while True:
        while at < len(buffer) and buffer[at] in _BLANK:
            line += buffer[at] == "\n"
            at += 1
        if at >= len(buffer):
            more = lines.read()
            if not more:
                raise ImportFileError(f"{lines.path}:{line}: invalid JSON: the file ends before the array does")
            buffer, at = more, 0
            continue
        char = buffer[at]
        if expect == "[":
            if char != "[":
                raise ImportFileError(f"{lines.path}:{line}: expected a JSON array of jobs")
            at, expect = at + 1, "item or ]"
        elif char == "]" and expect != "item":
            return _end(lines, buffer[at + 1:], line)
        elif char == "," and expect == ", or ]":
            at, expect = at + 1, "item"
        elif expect == ", or ]":
            raise ImportFileError(f"{lines.path}:{line}: invalid JSON: expected ',' or ']' after item {number}")
        else:
            number += 1
            value, buffer, at, end, newlines = _item(lines, buffer, at, line)
            line += newlines
            at, expect = end, ", or ]"
            yield number, value if isinstance(value, str) else _object(lines.path, "item", number, value)


def _item(lines: _Lines, buffer: str, at: int, line: int) -> tuple[Any, str, int, int, int]:
    """One array item at buffer[at:], read on until it is whole: (the item or why it is rejected,
    the buffer, where the item starts and ends in it, the newlines inside it)."""
    while True:
        try:
            value, end = DECODER.raw_decode(buffer, at)
            return value, buffer, at, end, buffer.count("\n", at, end)
        except RecursionError:
            raise ImportFileError(f"{lines.path}:{line}: invalid JSON: nested more than Python can read") from None
        except json.JSONDecodeError:
            if len(buffer) - at > MAX_ROW_CHARS:
                buffer, end, newlines, whole = _skip_item(lines, buffer[at:])
                if whole:  # it ends inside what was read: not too large, but broken
                    _decode(lines.path, line, buffer[:end])
                return f"the item is longer than {MAX_ROW_CHARS:,} characters", buffer, 0, end, newlines
            more = lines.read()
            if not more:
                _decode(lines.path, line, buffer, at)  # raises, naming the line
                raise
            buffer, at = buffer[at:] + more, 0


def _skip_item(lines: _Lines, buffer: str) -> tuple[str, int, int, bool]:
    """Scan past the array item `buffer` starts with, keeping only the part being scanned:
    (the buffer, the item's end in it, the newlines passed, whether it ended in the first buffer)."""
    depth, in_string, escaped, at, newlines, whole = 0, False, False, 0, 0, True
    while True:
        found = None if escaped else (_INSIDE if in_string else _OUTSIDE).search(buffer, at)
        if escaped and at < len(buffer):
            at, escaped = at + 1, False
            continue
        if found is None:
            newlines += buffer.count("\n")
            buffer, at, whole = lines.read(), 0, False
            if not buffer:
                raise ImportFileError(f"{lines.path}: invalid JSON: the file ends inside an item")
            continue
        char, at = found.group(), found.end()
        if in_string:
            escaped, in_string = char == "\\", char == "\\"
            if not in_string and depth == 0:
                break
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}" or (char == "," and depth == 0):
            depth -= char != ","
            if depth < 0 or char == ",":  # the array's own ',' or ']': the item ended before it
                at -= 1
                break
            if depth == 0:
                break
    return buffer, at, newlines + buffer.count("\n", 0, at), whole


def _end(lines: _Lines, rest: str, line: int) -> None:
    while True:
        if rest.strip(_BLANK):
            raise ImportFileError(f"{lines.path}:{line}: invalid JSON: more after the array's end")
        rest = lines.read()
        if not rest:
            return


def _csv_rows(lines: _Lines) -> Iterator[Row]:
    csv.field_size_limit(MAX_CELL_CHARS)
    feed = _CsvFeed(lines)
    reader = csv.reader(feed)
    try:
        header = next(reader, None)
    except (csv.Error, _TooLarge):
        raise ImportFileError(f"{lines.path}:1: the CSV header cannot be read (a cell above "
                              f"{MAX_CELL_CHARS:,} characters?)") from None
    columns = _columns(lines.path, header or [])
    while True:
        feed.start()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, _TooLarge) as exc:
            feed.skip_record()
            yield feed.first, (f"a cell longer than {MAX_CELL_CHARS:,} characters" if isinstance(exc, csv.Error)
                               and "field limit" in str(exc) else f"the row is longer than {MAX_ROW_CHARS:,} "
                               "characters" if isinstance(exc, _TooLarge) else f"unreadable CSV: {exc}")
            continue
        if not cells:
            continue
        if len(cells) > len(columns):
            yield feed.first, f"{len(cells)} cells, but the header names {len(columns)} columns"
            continue
        yield feed.first, dict(zip(columns, cells, strict=False))


def _columns(path: str, header: list[str]) -> list[str]:
    """The header's column names; a repeated one, or a missing required one, refuses the file."""
    seen: dict[str, int] = {}
    for n, name in enumerate(header, 1):
        if name in seen:
            raise ImportFileError(f"{path}:1: column {name!r} appears twice (columns {seen[name]} and {n}); only "
                                  "one may stay")
        seen[name] = n
    present = {ALIASES.get(name, name) for name in header}
    missing = [col for col in REQUIRED if col not in present]
    if missing:
        raise ImportFileError(f"{path}:1: CSV header lacks required column(s): {', '.join(missing)}")
    return header
