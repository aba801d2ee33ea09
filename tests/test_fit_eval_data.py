"""The fit eval's postings are generated, never hand-edited: tests/evals/build_fit_postings.py
turns the recorded files under tests/evals/postings/round<N>/ into the rows of
tests/evals/fit_postings.jsonl, ids included, so that a later round's builder run leaves earlier
rounds' ids (and so their labels and their half of the split) exactly as they were."""

import importlib.util
import json

from tests.conftest import ROOT

EVALS = ROOT / "tests" / "evals"


def test_the_rounds_after_2_are_exactly_what_their_files_build():
    spec = importlib.util.spec_from_file_location("build_fit_postings", EVALS / "build_fit_postings.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    built = [{**p, "half": builder.half_of(p["id"])} for p in builder.later_rounds()]
    committed = [json.loads(line) for line in (EVALS / "fit_postings.jsonl").read_text().splitlines() if line]
    later = [p for p in committed if p["round"] >= 3]
    assert later, "no posting of a round after 2"
    assert later == built
