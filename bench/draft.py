"""Drafting cost: 100 drafts against an OpenAI-compatible server on loopback that answers after 1 s.
Prints the wall time against 100 s / concurrency (target: within 5%) and the prompt size per draft
(target: under 1,500 tokens), estimated at 4 characters per token from the prompts actually sent
(no tokenizer can be downloaded here).
    python bench/draft.py [--concurrency 10] [--drafts 100] [--delay 1.0]
"""

import argparse
import json
import os
import statistics
import sys
import time

import yaml
from _common import ROOT, scratch_project

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.stages.draft import Draft  # noqa: E402
from pipeline.stages.runner import run_stage  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.helpers.llm_server import Answer, LLMServer  # noqa: E402
from tests.stages.test_draft import GOOD, enriched  # noqa: E402

LONG_DESCRIPTION = ("We are hiring a backend engineer to build the APIs our warehouse robots use. You will design "
                    "services in Python, own PostgreSQL schemas, and work with robotics engineers. ") * 40


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--drafts", type=int, default=100)
    parser.add_argument("--delay", type=float, default=1.0)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    os.environ[c.ENV_OPENROUTER_KEY] = "sk-bench-0123456789"
    with LLMServer(default=Answer(content=json.dumps(GOOD), delay=args.delay)) as server:
        project = scratch_project(f"llm: {{base_url: '{server.base_url}', model: bench}}\n"
                                  f"generator: {{concurrency: {args.concurrency}, batch_size: null}}\n")
        profile = yaml.safe_load((ROOT / "profile.example.yaml").read_text())
        profile["fit"]["top_n_per_day"] = args.drafts  # the bench drafts every job, not the day's best ten
        (project / "profile.yaml").write_text(yaml.safe_dump(profile))
        config = load_config(str(project / "config.yaml"))
        store = open_store(config)
        for n in range(args.drafts):
            enriched(store, n, description=LONG_DESCRIPTION)
        start = time.perf_counter()
        record = run_stage(store, Draft(config).stage(), config.stages[c.DRAFT])
        wall = time.perf_counter() - start
    ideal = args.drafts * args.delay / args.concurrency
    tokens = [sum(len(m["content"]) for m in r["body"]["messages"]) / 4 for r in server.requests]
    print(f"{record.succeeded} drafts, concurrency {args.concurrency}, server answering after {args.delay:.1f} s")
    print(f"  wall time: {wall:.2f} s; {args.drafts} x {args.delay:.1f} s / {args.concurrency} = {ideal:.2f} s "
          f"({wall / ideal - 1:+.1%})")
    print(f"  prompt tokens per draft (estimated, 4 chars/token): median {statistics.median(tokens):.0f}, "
          f"max {max(tokens):.0f} (description of {len(LONG_DESCRIPTION):,} characters, trimmed to "
          f"{config.stages[c.DRAFT].description_chars:,})")


if __name__ == "__main__":
    main()
