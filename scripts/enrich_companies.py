#!/usr/bin/env python3
"""Run the enrich stage once, by hand: the same code as `main.py run-stage enrich`."""

import argparse
import sys

from _stage_script import run

sys.exit(run("enrich", argparse.ArgumentParser(description=__doc__)))
