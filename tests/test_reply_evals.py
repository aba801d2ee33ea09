"""tests/evals/replies.jsonl: replies to outreach labelled by hand (interview, rejection, other,
auto_reply, bounce), each with its reason, in English, German, French, Spanish and Dutch, near-
misses included. Each case is split once by sha256(id) into a tuning half and a held-back half;
the classifier's heuristics are tuned on the first only. Both halves must reach precision >= 0.95
and recall >= 0.9 for interview and rejection (the held-back figures are the ones to report:
`.venv/bin/python -m pytest tests/test_reply_evals.py -s` prints them)."""

import hashlib
import json
from collections import Counter

import pytest

from pipeline.mailbox.classify import INTERVIEW, LABELS, REJECTION, classify
from pipeline.mailbox.message import addresses, own_text
from tests.conftest import ROOT

CASES = [json.loads(line) for line in (ROOT / "tests/evals/replies.jsonl").read_text().splitlines() if line.strip()]


def decide(case: dict) -> str:
    found = addresses([case["from"]])
    sender = found[0][1] if found else case["from"]
    headers = {k.lower(): v for k, v in case["headers"].items()}
    return classify(headers, sender, case["subject"], own_text(case["body"])).label


def figures(cases: list[dict]) -> dict[str, tuple[int, int, int]]:
    """label -> (true positives, predicted, actual)."""
    pairs = Counter((case["label"], decide(case)) for case in cases)
    return {label: (pairs[(label, label)], sum(pairs[(x, label)] for x in LABELS),
                    sum(pairs[(label, x)] for x in LABELS)) for label in LABELS}


def test_the_set_is_large_varied_and_split_once_by_hash():
    assert len(CASES) >= 100
    assert len({c["lang"] for c in CASES}) >= 5
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["label"] in LABELS and case["reason"], case["id"]
        expected = "tune" if int(hashlib.sha256(case["id"].encode()).hexdigest()[:8], 16) % 2 == 0 else "held"
        assert case["split"] == expected, f"{case['id']}: the split is by hash, never moved by hand"
    for split in ("tune", "held"):
        labels = Counter(c["label"] for c in CASES if c["split"] == split)
        assert labels[INTERVIEW] >= 15 and labels[REJECTION] >= 15, (split, labels)


@pytest.mark.parametrize("split", ["tune", "held"])
def test_precision_and_recall_for_interview_and_rejection(split, capsys):
    cases = [c for c in CASES if c["split"] == split]
    found = figures(cases)
    with capsys.disabled():
        print(f"\nreplies eval, {split} half ({len(cases)} cases):")
        for label, (tp, predicted, actual) in found.items():
            print(f"  {label:10} precision {tp}/{predicted}  recall {tp}/{actual}")
    for label in (INTERVIEW, REJECTION):
        tp, predicted, actual = found[label]
        assert predicted and tp / predicted >= 0.95, f"{label} precision {tp}/{predicted} on the {split} half"
        assert tp / actual >= 0.9, f"{label} recall {tp}/{actual} on the {split} half"
