"""Options several commands share, declared once (as rq's cli/helpers.py does).

Top-level options keep their defaults; a subcommand's copy of the same option defaults to
SUPPRESS, so it never overwrites a value given before the command name: `main.py --json stats`
and `main.py stats --json` mean the same, and `--list --status S` and `list --status S` fill the
same `status`.
"""

import argparse
from typing import Any

from pipeline.config.catalog import all_states


def _whole(text: str, low: int) -> int:
    """An integer from `low`, within what every store can page through (SQLite's 64-bit LIMIT)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not low <= value < 2**63:
        raise argparse.ArgumentTypeError(f"must be from {low} to {2**63 - 1}, got {text[:30]}")
    return value


def positive(text: str) -> int:
    """An integer above 0."""
    return _whole(text, 1)


def count(text: str) -> int:
    """An integer from 0 (0: all)."""
    return _whole(text, 0)


def port(text: str) -> int:
    """A TCP port, 0 (any free one) to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65_535:
        raise argparse.ArgumentTypeError(f"must be from 0 (any free port) to 65535, got {value}")
    return value


def _kept(top: bool, default: Any) -> Any:
    return default if top else argparse.SUPPRESS


def add_json(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument("--json", action="store_true", default=_kept(top, False), help="machine-readable output")


def add_status(parser: argparse.ArgumentParser, help: str, top: bool = False) -> None:
    parser.add_argument("--status", choices=all_states(), default=_kept(top, None), metavar="STATUS",
                        help=f"{help} (one of: {', '.join(all_states())})")


def add_list_filters(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """What `--list` and `list` take: which jobs, how many, in what order."""
    where = "with --list: " if top else ""
    add_status(parser, f"{where}only jobs in this state", top)
    parser.add_argument("--limit", type=positive, default=_kept(top, None), help=f"{where}at most N jobs")
    parser.add_argument("--sort", choices=["new", "score"], default=_kept(top, "new"),
                        help=f"{where}newest or best score first")
    parser.add_argument("--since", default=_kept(top, None), help=f"{where}only jobs found since today, 24h, 7d, ...")
    add_json(parser, top)


def status_or(args: argparse.Namespace, default: str | None) -> str | None:
    """The --status given (before or after the command name), else the command's own default."""
    return getattr(args, "status", None) or default
