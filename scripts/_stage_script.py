"""Shared by the stage scripts: turn their familiar flags into `main.py run-stage`."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.venv import ensure_dependencies  # noqa: E402

ensure_dependencies(sys.argv[0], sys.argv[1:])

from pipeline.cli.app import main  # noqa: E402


def run(stage: str, parser: argparse.ArgumentParser) -> int:
    parser.add_argument("--config", help="config file (default: pipeline_config.yaml)")
    parser.add_argument("--batch-size", type=int, help="at most N jobs (default: all claimable now)")
    parser.add_argument("--max-retries", type=int, help="attempts before a job fails")
    args = parser.parse_args()
    argv = (["--config", args.config] if args.config else []) + ["run-stage", stage]
    for flag in ("batch_size", "max_retries", "max_jobs", "keywords", "location", "source"):
        value = getattr(args, flag, None)
        if value:
            argv += ["--" + flag.replace("_", "-"), str(value)]
    return main(argv)
