"""A worker process for cross-process tests: run one stage over a store until nothing is claimable."""

import argparse
import sys

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.config.loading import StageConfig
from pipeline.engine.runner import Stage, run_stage
from tests.helpers.stages import echo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite")
    parser.add_argument("--mongo-uri")
    parser.add_argument("--database")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--lease", type=float, default=60)
    args = parser.parse_args()
    if args.sqlite:
        from pipeline.store.sqlite import SQLiteStore
        store = SQLiteStore(args.sqlite)
    else:
        from pipeline.store.mongo import MongoStore
        store = MongoStore(args.mongo_uri, args.database)
    settings = StageConfig(name=c.ENRICH, schedule={}, concurrency=args.concurrency, lease_seconds=args.lease,
                           retry_base_seconds=0.01, retry_max_seconds=0.01)
    record = run_stage(store, Stage(stage_states(c.ENRICH), echo()), settings)
    print(f"claimed={record.claimed} succeeded={record.succeeded}", flush=True)
    store.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
