"""Shared by the stage scripts: turn their familiar flags into `main.py run-stage`."""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.cli import main  # noqa: E402


def run(stage: str, parser: argparse.ArgumentParser) -> int:
    parser.add_argument("--config", help="config file (default: pipeline_config.yaml)")
    parser.add_argument("--batch-size", type=int, help="at most N jobs (default: all claimable now)")
    parser.add_argument("--max-retries", type=int, help="attempts before a job fails")
    args = parser.parse_args()
    argv = (["--config", args.config] if args.config else []) + ["run-stage", stage]
    batch = getattr(args, "max_jobs", None) or args.batch_size
    argv += ["--batch-size", str(batch)] if batch else []
    argv += ["--max-retries", str(args.max_retries)] if args.max_retries else []
    for flag, env in (("keywords", "JOB_KEYWORDS"), ("location", "JOB_LOCATION")):
        if getattr(args, flag, None):
            os.environ[env] = getattr(args, flag)
    return main(argv)
