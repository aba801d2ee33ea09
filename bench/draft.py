"""Drafting cost: drafts against an OpenAI-compatible server on loopback that answers after 1 s.

The stage's rate is compared with a ceiling measured in the same run: the same number of calls,
made by a bare thread pool of `concurrency` threads with the openai client and nothing else.
The two run interleaved in pairs; the ratio's min / median / max is printed (target: median
within 5%, i.e. at least 95%). Also the prompt size per draft (target: under 1,500 tokens),
estimated at 4 characters per token from the prompts actually sent (no tokenizer here).
    python bench/draft.py [--concurrency 10] [--drafts 100] [--delay 1.0] [--pairs 5]
"""

import argparse
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import yaml
from _common import ROOT, machine, paired, scratch_project, spread

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config.loading import load_config  # noqa: E402
from pipeline.engine.runner import run_stage  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.stages.draft import Draft  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.helpers.llm_server import Answer, LLMServer  # noqa: E402
from tests.stages.test_draft import GOOD, enriched  # noqa: E402

LONG_DESCRIPTION = ("We are hiring a backend engineer to build the APIs our warehouse robots use. You will design "
                    "services in Python, own PostgreSQL schemas, and work with robotics engineers. ") * 40


def stage_run(args: argparse.Namespace, server: LLMServer, walls: list[float]) -> float:
    project = scratch_project(f"llm: {{base_url: '{server.base_url}', model: bench}}\n"
                              f"generator: {{concurrency: {args.concurrency}, batch_size: null}}\n")
    profile = yaml.safe_load((ROOT / "profile.example.yaml").read_text())
    profile["fit"]["top_n_per_day"] = args.drafts  # the bench drafts every job, not the day's best ten
    (project / "profile.yaml").write_text(yaml.safe_dump(profile))
    config = load_config(str(project / "config.yaml"))
    store = open_store(config)
    for n in range(args.drafts):  # one posting per company: each starts its own conversation
        enriched(store, n, description=LONG_DESCRIPTION, company=f"Company {n}", domain=f"company-{n}.example")
    stage = Draft(config).stage()  # built once when the daemon starts, not per run
    start = time.perf_counter()
    record = run_stage(store, stage, config.stages[c.DRAFT])
    walls.append(time.perf_counter() - start)
    assert record.succeeded == args.drafts, record
    return args.drafts / walls[-1]


def ceiling_run(args: argparse.Namespace, server: LLMServer, walls: list[float]) -> float:
    import openai

    client = openai.OpenAI(api_key="sk-bench", base_url=server.base_url, max_retries=0)
    start = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(lambda _: client.chat.completions.create(
            model="bench", messages=[{"role": "user", "content": "draft"}]), range(args.drafts)))
    walls.append(time.perf_counter() - start)
    return args.drafts / walls[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--drafts", type=int, default=100)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    os.environ[c.ENV_OPENROUTER_KEY] = "sk-bench-0123456789"
    import openai  # noqa: F401 - imported once per process by both sides; not part of a run's cost

    stage_walls: list[float] = []
    ceiling_walls: list[float] = []
    with LLMServer(default=Answer(content=json.dumps(GOOD), delay=args.delay)) as server:
        ratios = paired(lambda: stage_run(args, server, stage_walls),
                        lambda: ceiling_run(args, server, ceiling_walls), args.pairs)
        drafted = [r for r in server.requests if "<candidate>" in r["body"]["messages"][-1]["content"]]
    tokens = [sum(len(m["content"]) for m in r["body"]["messages"]) / 4 for r in drafted]
    print(machine())
    print(f"{args.drafts} drafts per run, concurrency {args.concurrency}, server answering after {args.delay:.1f} s")
    print(f"  wall time: stage {min(stage_walls):.2f}-{max(stage_walls):.2f} s, measured ceiling "
          f"{min(ceiling_walls):.2f}-{max(ceiling_walls):.2f} s (bound "
          f"{args.drafts * args.delay / args.concurrency:.1f} s)")
    print(f"  stage rate / ceiling rate over {args.pairs} pairs, min / median / max: {spread(ratios)} "
          "(target: median at least 95%)")
    print(f"  prompt tokens per draft (estimated, 4 chars/token): median {statistics.median(tokens):.0f}, "
          f"max {max(tokens):.0f} (description of {len(LONG_DESCRIPTION):,} characters, trimmed)")


if __name__ == "__main__":
    main()
