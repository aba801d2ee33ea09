#!/usr/bin/env python3
"""Run the scrape stage once, by hand: the same code as `main.py run-stage scrape`."""

import argparse
import sys

from _stage_script import run

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--max-jobs", type=int, help="at most N jobs this run")
parser.add_argument("--keywords", help="search keywords (sets JOB_KEYWORDS for this run)")
parser.add_argument("--location", help="search location (sets JOB_LOCATION for this run)")
parser.add_argument("--source", help="only this source (used once the scrape stage lands, issue #3)")
sys.exit(run("scrape", parser))
