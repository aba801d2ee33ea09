"""Reply classifier eval: precision and recall per label, and for interview and rejection per
language, on a labelled file (default tests/evals/replies_round4.jsonl), and the time per message.
    python bench/eval_replies.py [--file PATH] [--split tune|held|all] [--misses]
--misses lists the misses of a tuning file (the older rows, rounds 4 and 5, the probes). It refuses
the held-back round (replies_round6*.jsonl): that one is read as figures only, never row by row.
"""

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

from _common import ROOT

from pipeline.mailbox.classify import classify
from pipeline.mailbox.labels import INTERVIEW, LABELS, REJECTION
from pipeline.mailbox.message import addresses, own_text


def split_of(case_id: str) -> str:
    """The split, fixed by the id's hash: never moved by hand."""
    return "tune" if int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "held"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def decide(case: dict) -> str:
    found = addresses([case["from"]])
    sender = found[0][1] if found else case["from"]
    headers = {k.lower(): v for k, v in case["headers"].items()}
    return classify(headers, sender, case["subject"], own_text(case["body"])).label


def figures(pairs: Counter[tuple[str, str]], label: str) -> str:
    tp = pairs[(label, label)]
    predicted = sum(n for (_, got), n in pairs.items() if got == label)
    actual = sum(n for (want, _), n in pairs.items() if want == label)
    return f"precision {tp}/{predicted}  recall {tp}/{actual}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=ROOT / "tests/evals/replies_round4.jsonl")
    parser.add_argument("--split", choices=["tune", "held", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the misses of a tuning file")
    args = parser.parse_args()
    cases = [c for c in load(args.file) if args.split == "all" or split_of(c["id"]) == args.split]
    started = time.perf_counter()
    decided = [(c, decide(c)) for c in cases]
    elapsed = time.perf_counter() - started
    pairs = Counter((c["label"], got) for c, got in decided)
    each = elapsed * 1000 / max(len(cases), 1)
    print(f"{args.file.name}, split {args.split}: {len(cases)} cases, {each:.2f} ms each")
    for label in LABELS:
        print(f"  {label:10} {figures(pairs, label)}")
    print("  labelled \\ decided: " + " ".join(f"{label:>10}" for label in LABELS))
    for want in LABELS:
        print(f"  {want:>18}: " + " ".join(f"{pairs[(want, got)]:>10}" for got in LABELS))
    for lang in sorted({c["lang"] for c in cases}):
        by_lang = Counter((c["label"], got) for c, got in decided if c["lang"] == lang)
        print(f"  {lang}: interview {figures(by_lang, INTERVIEW)};  rejection {figures(by_lang, REJECTION)}")
    if args.misses:
        if args.file.name.startswith("replies_round6"):
            raise SystemExit("--misses: round 6 is the held-back round, read as figures only, never row by row")
        for case, got in decided:
            if got != case["label"]:
                print(f"\n{case['id']} ({case['lang']}): labelled {case['label']}, got {got}\n  {case['reason']}")


if __name__ == "__main__":
    main()
