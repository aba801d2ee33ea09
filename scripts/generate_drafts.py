#!/usr/bin/env python3
"""Run the draft stage once, by hand: the same code as `main.py run-stage draft`."""

import argparse
import sys

from _stage_script import run

sys.exit(run("draft", argparse.ArgumentParser(description=__doc__)))
