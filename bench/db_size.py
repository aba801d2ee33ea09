"""Database size per 1,000 jobs with 4 KB descriptions, enriched and drafted through the real
stages: 50 companies whose sample sites a loopback server serves, template drafts (no API key,
so no LLM server is needed for the text; the size of an LLM draft is of the same order). Each
description is a different 4 KB slice of the real postings in the recorded Greenhouse, Lever and
Ashby boards (real text compresses like real text; a repeated sentence would flatter).

Prints the SQLite file's size per 1,000 jobs after a checkpoint (target: at most 7 MB), next to
its ceiling: the bytes the jobs, companies and drafts themselves hold as JSON (what any store
must keep), as a ratio.
    python bench/db_size.py [--jobs 1000] [--companies 50]
"""

import argparse
import json
import sqlite3
import sys

import yaml
from _common import ROOT, add_company_jobs, machine, scratch_project, serve_sample_sites

sys.path.insert(0, str(ROOT))

from pipeline import constants as c  # noqa: E402
from pipeline.config.loading import load_config  # noqa: E402
from pipeline.engine.runner import run_stage  # noqa: E402
from pipeline.logs import setup_logging  # noqa: E402
from pipeline.stages.draft import Draft  # noqa: E402
from pipeline.stages.enrich import Enrich  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.helpers.http_server import RecordedServer, fixture  # noqa: E402


def real_text() -> str:
    """Every description of the recorded board postings, one after another."""
    from pipeline.sources import ashby, greenhouse, lever

    boards = [(greenhouse, ("greenhouse", "board_jobs_content_true.json")),
              (lever, ("lever", "postings_mode_json.json")),
              (lever, ("lever", "ehddd3579__lever_leverdemo_6postings_salaryRange.json")),
              (ashby, ("ashby", "lalalune__ashby_ramp_4jobs_compensationTiers.json"))]
    return "\n\n".join(job.description for module, parts in boards
                        for job in module.parse_board("bench", json.loads(fixture(*parts))))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--companies", type=int, default=50)
    args = parser.parse_args()
    setup_logging("WARNING", None, console=False)
    print(machine())
    corpus = real_text()
    assert len(corpus) > 3 * 4096, len(corpus)
    with RecordedServer() as web:
        serve_sample_sites(web, args.companies)
        project = scratch_project(
            f"http: {{proxy: '{web.base_url}', min_delay: 0, max_delay: 0, max_in_flight: 8}}\n"
            "enricher: {concurrency: 8, batch_size: null}\ngenerator: {batch_size: null}\n")
        profile = yaml.safe_load((ROOT / "profile.example.yaml").read_text())
        profile["fit"]["top_n_per_day"] = args.jobs
        (project / "profile.yaml").write_text(yaml.safe_dump(profile))
        config = load_config(str(project / "config.yaml"))
        store = open_store(config)
        add_company_jobs(store, args.jobs, args.companies,
                         description=lambda n: corpus[(n * 997) % (len(corpus) - 4096):][:4096])
        enriched = run_stage(store, Enrich(config, mx_lookup=lambda d: "unchecked").stage(), config.stages[c.ENRICH])
        drafted = run_stage(store, Draft(config).stage(), config.stages[c.DRAFT])
    payload = sum(len(json.dumps({k: v for k, v in vars(j).items()}, default=str)) for j in store.list_jobs())
    payload += sum(len(json.dumps(x, default=str)) for x in store.list_companies())
    store.close()
    path = config.storage.sqlite_path
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size = path.stat().st_size
    per_thousand = size / args.jobs * 1000 / 1e6
    print(f"{args.jobs} jobs with 4 KB descriptions at {args.companies} companies: enriched {enriched.succeeded}, "
          f"drafted {drafted.succeeded} (template drafts)")
    print(f"  SQLite file: {size / 1e6:.2f} MB, {per_thousand:.2f} MB per 1,000 jobs (target: at most 7 MB)")
    print(f"  ceiling, the records themselves as JSON: {payload / 1e6:.2f} MB; file / ceiling: {size / payload:.2f}x")


if __name__ == "__main__":
    main()
