#!/usr/bin/env python3
"""Run the scrape stage once, by hand: the same code as `main.py run-stage scrape`."""

import argparse
import sys

from _stage_script import run

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--max-jobs", type=int, help="at most N new jobs this run")
parser.add_argument("--keywords", help="search these keywords instead of the configured searches")
parser.add_argument("--location", help="search location")
parser.add_argument("--source", help="only this source (linkedin, greenhouse, lever, ashby, ...)")
sys.exit(run("scrape", parser))
