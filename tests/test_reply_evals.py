"""The reply classifier's evals: replies to outreach labelled by hand (interview, rejection, other,
auto_reply, bounce), each with its reason, in English, German, French, Spanish and Dutch, near-
misses included. Each file is split once by sha256(id) into a tuning half and a held-back half;
the heuristics are tuned on tuning halves only.

- tests/evals/replies_round4.jsonl (180 rows): written before the classifier was read, measured
  blind, then split; the floors (precision >= 0.95 for interview and rejection, recall >= 0.9)
  are asserted on its held-back half, the figure to report.
- tests/evals/replies.jsonl (198 rows, rounds 1-3): every batch of it was tuned on, so it is a
  regression check only; both halves must stay at the floors.

`.venv/bin/python -m pytest tests/test_reply_evals.py -s` prints the figures;
`python bench/eval_replies.py --split held` prints them per language."""

import hashlib
import json
from collections import Counter

import pytest

from pipeline.mailbox.classify import INTERVIEW, LABELS, REJECTION, classify
from pipeline.mailbox.message import addresses, own_text
from tests.conftest import ROOT

FLOOR_PRECISION, FLOOR_RECALL = 0.95, 0.9


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (ROOT / "tests/evals" / name).read_text().splitlines() if line.strip()]


CASES = load("replies.jsonl")
ROUND4 = load("replies_round4.jsonl")


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


def measured(cases: list[dict], title: str, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[int, int, int]]:
    found = figures(cases)
    with capsys.disabled():
        print(f"\n{title} ({len(cases)} cases):")
        for label, (tp, predicted, actual) in found.items():
            print(f"  {label:10} precision {tp}/{predicted}  recall {tp}/{actual}")
    return found


def split_of(case_id: str) -> str:
    return "tune" if int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "held"


@pytest.mark.parametrize("cases, least, per_language", [(CASES, 100, 0), (ROUND4, 150, 20)], ids=["older", "round4"])
def test_each_set_is_large_varied_and_split_once_by_hash(cases, least, per_language):
    assert len(cases) >= least
    languages = Counter(c["lang"] for c in cases)
    assert len(languages) >= 5 and min(languages.values()) >= per_language, languages
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert case["label"] in LABELS and case["reason"], case["id"]
        assert case["split"] == split_of(case["id"]), f"{case['id']}: the split is by hash, never moved by hand"
    for split in ("tune", "held"):
        labels = Counter(c["label"] for c in cases if c["split"] == split)
        assert labels[INTERVIEW] >= 15 and labels[REJECTION] >= 15, (split, labels)


def test_round4_rows_say_where_their_wording_comes_from():
    assert all(case["source"].strip() for case in ROUND4)


@pytest.mark.parametrize("split", ["tune", "held"])
def test_older_rows_stay_at_the_floors(split, capsys):
    """Regression: rounds 1-3 were all tuned on; a change must not lose them."""
    found = measured([c for c in CASES if c["split"] == split], f"replies.jsonl (rounds 1-3), {split} half", capsys)
    for label in (INTERVIEW, REJECTION):
        tp, predicted, actual = found[label]
        assert predicted and tp / predicted >= FLOOR_PRECISION, f"{label} precision {tp}/{predicted} ({split})"
        assert tp / actual >= FLOOR_RECALL, f"{label} recall {tp}/{actual} ({split})"


def test_round4_tuning_half_at_the_floors(capsys):
    found = measured([c for c in ROUND4 if c["split"] == "tune"], "round 4, tuning half", capsys)
    for label in (INTERVIEW, REJECTION):
        tp, predicted, actual = found[label]
        assert predicted and tp / predicted >= FLOOR_PRECISION, f"{label} precision {tp}/{predicted}"
        assert tp / actual >= FLOOR_RECALL, f"{label} recall {tp}/{actual}"


@pytest.fixture(scope="module")
def held_back() -> dict[str, tuple[int, int, int]]:
    return figures([c for c in ROUND4 if c["split"] == "held"])


def test_round4_held_back_figures(held_back, capsys):
    with capsys.disabled():
        print(f"\nround 4, held-back half ({sum(a for _, _, a in held_back.values())} cases):")
        for label, (tp, predicted, actual) in held_back.items():
            print(f"  {label:10} precision {tp}/{predicted}  recall {tp}/{actual}")


@pytest.mark.parametrize("label", [INTERVIEW, REJECTION])
def test_round4_held_back_precision(held_back, label):
    tp, predicted, _ = held_back[label]
    assert predicted and tp / predicted >= FLOOR_PRECISION, f"{label} precision {tp}/{predicted} on the held-back half"


def test_round4_held_back_interview_recall(held_back):
    tp, _, actual = held_back[INTERVIEW]
    assert tp / actual >= FLOOR_RECALL, f"interview recall {tp}/{actual} on the held-back half"


@pytest.mark.xfail(strict=True, reason="not met: held-back rejection recall is 26/33 (0.79) after tuning, below the "
                                       "0.9 floor; measured once, never tuned on. Of the 7 missed declines 5 are "
                                       "decided 'other' (the job moves to replied) and 2 'auto_reply' (no move)")
def test_round4_held_back_rejection_recall(held_back):
    tp, _, actual = held_back[REJECTION]
    assert tp / actual >= FLOOR_RECALL, f"rejection recall {tp}/{actual} on the held-back half"
