"""Fit eval: precision and recall of "score >= min_score", and precision of the ten best scored, per
profile, on each group of the labelled postings. Heuristic only, no network.

The postings (tests/evals/fit_postings.jsonl, built by tests/evals/build_fit_postings.py from recorded
files) carry the round that added them. Rounds 1 and 2 were split by a hash of the posting id into a
tuning and a held-back half; their held-back figures were reported, and from then on all of rounds 1
and 2 were tuning data. Round 3 (248 postings written blind) had its held-back figure reported once,
below the floors (recorded in tests/test_fit.py), and from then on it is tuning data too. Round 4 (200
postings written blind) likewise had its held-back figure reported once, below the floors for three
profiles, and then became tuning data; so did round 5 (227 postings, below the floors for five
profiles), round 6 (232 postings, below them for six), round 7 (215 postings, below them for all
seven), round 8 (340 postings, below them for four), round 9 (249 postings, below them for four),
round 10 (106 postings, below them for the two of seven with fits in its held-back half) and round 11 (207
postings, below them for the six with fits in its held-back half).
Round 12 was the test, measured once, then tuning data; so were round 13 (252 postings) and round 14 (170).
From round 14 on the split is used as the issue asks: each blind round (written by someone who never sees
the scorer) is split by the same hash (the parity of the id's SHA-256); its tuning half is tuned on once its
figure is taken, its held-back half never. The test is the held-back halves of rounds 14 to 23 together
(TEST_ROUNDS): ten times the postings one round holds back, so a profile's figure rests on more than a
handful of fits. The labels (tests/evals/fit_labels.tsv) were written by
reading each posting for each person in tests/evals/fit_profiles.yaml.
Five more people, unlike those seven and never tuned for, are written and labelled on each blind round's
postings by its writers: how the rules carry to other people. Round 8's five (fit_unseen_profiles.yaml,
fit_unseen_labels.tsv) and those of rounds 9 to 13 (fit_unseen9_* ... fit_unseen13_*) were measured once and
then tuned on; those of rounds 14 to 23 (fit_unseen14_* ... fit_unseen23_*) are the test, never tuned for, each
scored on its round's postings but those of a tuning half tuned on (TUNED_HALVES).
    python bench/eval_fit.py [--show-misses] [--group GROUP]  (rounds_1_13, round14_tuning, ..., round23_tuning,
                                                              round14_held_back, ..., round23_held_back,
                                                              test_held_back, round8_unseen_people, ...,
                                                              round23_unseen_people)
"""

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import ROOT, machine

from pipeline.config.profile import Profile, load_profile
from pipeline.fit.scorer import Scorer
from pipeline.records import Job
from pipeline.text import clean

EVALS = ROOT / "tests" / "evals"
TUNING_ROUNDS = tuple(range(1, 14))  # reported once, then tuned on: a regression check, no longer a test
# Written blind; their held-back halves together are the test (their tuning halves are tuned on, each once its
# round's figure was taken).
TEST_ROUNDS = (14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
# group: (rounds, half or None for both halves)
GROUPS: dict[str, tuple[tuple[int, ...], str | None]] = {
    f"rounds_1_{TUNING_ROUNDS[-1]}": (TUNING_ROUNDS, None),
    **{f"round{r}_tuning": ((r,), "tuning") for r in TEST_ROUNDS},
    **{f"round{r}_held_back": ((r,), "held_back") for r in TEST_ROUNDS},
    "test_held_back": (TEST_ROUNDS, "held_back"),  # the test: every held-back posting no rule was tuned on
}
# A test round's half tuned on: its postings count in no test, not even for the people never tuned for (the rules
# were read off them).
TUNED_HALVES: dict[int, str] = {14: "tuning", 15: "tuning", 16: "tuning", 17: "tuning", 18: "tuning", 19: "tuning",
                               20: "tuning", 21: "tuning", 22: "tuning"}
# People unlike the seven, written and labelled by a blind round's writers on that round's postings: a
# stand-in for the check on other people. Round: (profiles, labels). The test round's are never tuned for.
UNSEEN: dict[int, tuple[str, str]] = {8: ("fit_unseen_profiles.yaml", "fit_unseen_labels.tsv"),
                                      9: ("fit_unseen9_profiles.yaml", "fit_unseen9_labels.tsv"),
                                      10: ("fit_unseen10_profiles.yaml", "fit_unseen10_labels.tsv"),
                                      11: ("fit_unseen11_profiles.yaml", "fit_unseen11_labels.tsv"),
                                      12: ("fit_unseen12_profiles.yaml", "fit_unseen12_labels.tsv"),
                                      13: ("fit_unseen13_profiles.yaml", "fit_unseen13_labels.tsv"),
                                      14: ("fit_unseen14_profiles.yaml", "fit_unseen14_labels.tsv"),
                                      15: ("fit_unseen15_profiles.yaml", "fit_unseen15_labels.tsv"),
                                      16: ("fit_unseen16_profiles.yaml", "fit_unseen16_labels.tsv"),
                                      17: ("fit_unseen17_profiles.yaml", "fit_unseen17_labels.tsv"),
                                      18: ("fit_unseen18_profiles.yaml", "fit_unseen18_labels.tsv"),
                                      19: ("fit_unseen19_profiles.yaml", "fit_unseen19_labels.tsv"),
                                      20: ("fit_unseen20_profiles.yaml", "fit_unseen20_labels.tsv"),
                                      21: ("fit_unseen21_profiles.yaml", "fit_unseen21_labels.tsv"),
                                      22: ("fit_unseen22_profiles.yaml", "fit_unseen22_labels.tsv"),
                                      23: ("fit_unseen23_profiles.yaml", "fit_unseen23_labels.tsv")}
TOP = 10


def half_of(posting_id: str) -> str:
    """The split, once and for all: the parity of the id's SHA-256 (tests/evals/build_fit_postings.py)."""
    return "held_back" if int(hashlib.sha256(posting_id.encode()).hexdigest(), 16) % 2 else "tuning"


def profiles(file: str = "fit_profiles.yaml") -> dict[str, Profile]:
    """The written profiles, each loaded through load_profile like a person's profile.yaml."""
    import yaml

    found = {}
    for name, data in yaml.safe_load((EVALS / file).read_text()).items():
        path = Path(tempfile.mkdtemp()) / "profile.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True))
        found[name] = load_profile(path)
    return found


def postings() -> dict[str, dict[str, Any]]:
    lines = (EVALS / "fit_postings.jsonl").read_text().splitlines()
    return {p["id"]: p for p in map(json.loads, lines) if p}


def labels(names: list[str], file: str = "fit_labels.tsv") -> dict[tuple[str, str], tuple[str, str]]:
    """(posting, profile) -> (label, reason); a '*' row covers the profiles without a row of their own."""
    explicit: dict[tuple[str, str], tuple[str, str]] = {}
    default: dict[str, tuple[str, str]] = {}
    for number, line in enumerate((EVALS / file).read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        posting, profile, label, reason = (part.strip() for part in line.split("|", 3))
        if label not in ("fit", "no_fit") or not reason or (profile != "*" and profile not in names):
            raise ValueError(f"{file} line {number}: bad row {line!r}")
        if profile == "*":
            default[posting] = (label, reason)
        else:
            explicit[(posting, profile)] = (label, reason)
    out = {}
    for posting in {p for p, _ in explicit} | set(default):
        for name in names:
            if (posting, name) in explicit:
                out[(posting, name)] = explicit[(posting, name)]
            elif posting in default:
                out[(posting, name)] = default[posting]
    return out


def cases(people: str = "fit_profiles.yaml", label_file: str = "fit_labels.tsv") -> list[dict[str, Any]]:
    """Every labelled (posting, profile) pair, with its round and its half (from the hash of its id)."""
    found = postings()
    names = list(profiles(people))
    out = []
    for (posting, profile), (label, reason) in sorted(labels(names, label_file).items()):
        if posting not in found:
            raise ValueError(f"{label_file} labels {posting!r}, which is not in fit_postings.jsonl")
        case = found[posting]
        out.append({**case, "round": case.get("round", 1), "half": half_of(posting), "profile": profile,
                    "label": label, "reason": reason})
    return out


def job_of(case: dict[str, Any]) -> Job:
    """The posting as the pipeline hands it to the scorer: its text decoded as every NewJob's is
    (pipeline/text.py: HTML entities such as '&#x2F;' unescaped, mojibake repaired), since the recorded
    files keep the boards' raw text."""
    detail = {"seniority": case["seniority"]} if case.get("seniority") else {}
    return Job(id=case["id"], source=case["source"], source_id=case["id"], url="", status="scraped",
               title=clean(case["title"]), company=clean(case["company"]), location=clean(case["location"]),
               description=clean(case["description"], multiline=True), data={"detail": detail} if detail else {},
               extra={"workplace": case.get("workplace") or ""})


def in_group(case: dict[str, Any], group: str) -> bool:
    rounds, half = GROUPS[group]
    return case["round"] in rounds and (half is None or case["half"] == half)


def _figures(scored: list[tuple[int, dict[str, Any]]], min_score: int) -> dict[str, Any]:
    passed = [c for s, c in scored if s >= min_score]
    fits = [c for _, c in scored if c["label"] == "fit"]
    true = [c for c in passed if c["label"] == "fit"]
    top = [c for _, c in sorted(scored, key=lambda x: -x[0])[:TOP]]
    return {"cases": len(scored), "fit": len(fits), "passed": len(passed),
            "precision": len(true) / len(passed) if passed else 1.0,
            "recall": len(true) / len(fits) if fits else 1.0,
            "top10_precision": sum(c["label"] == "fit" for c in top) / min(TOP, len(fits)) if fits else None,
            "misses": [(s, c["label"], c["id"], c["title"], c["location"]) for s, c in scored
                       if (s >= min_score) != (c["label"] == "fit")]}


def evaluate_unseen(round_: int) -> dict[str, dict[str, Any]]:
    """{profile: figures} for a blind round's people unlike the seven (the test rounds': never tuned for),
    on every posting labelled for them but those of a half tuned on (TUNED_HALVES); {} until their files exist."""
    people, label_file = UNSEEN[round_]
    if not (EVALS / people).exists() or not (EVALS / label_file).exists():
        return {}
    everything = [c for c in cases(people, label_file) if TUNED_HALVES.get(c["round"]) != c["half"]]
    results = {}
    for name, profile in profiles(people).items():
        scorer = Scorer(profile.fit)
        mine = [(scorer.score(job_of(c)).score, c) for c in everything if c["profile"] == name]
        if mine:
            results[name] = _figures(mine, profile.fit.min_score)
    return results


def evaluate() -> dict[str, dict[str, dict[str, Any]]]:
    """{group: {profile: figures}}: precision, recall, top-10 precision and the cases decided wrong,
    for the tuning rounds (TUNING_ROUNDS), each half of each test round and the test (their held-back halves
    together); a group lists only the profiles it
    has cases for."""
    loaded = profiles()
    everything = cases()
    results: dict[str, dict[str, dict[str, Any]]] = {group: {} for group in GROUPS}
    for name, profile in loaded.items():
        scorer = Scorer(profile.fit)
        mine = [(scorer.score(job_of(c)).score, c) for c in everything if c["profile"] == name]
        for group in GROUPS:
            chosen = [(s, c) for s, c in mine if in_group(c, group)]
            if chosen:
                results[group][name] = _figures(chosen, profile.fit.min_score)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--group", choices=(*GROUPS, *(f"round{r}_unseen_people" for r in UNSEEN)),
                        help="show the misses of this group only")
    args = parser.parse_args()
    print(machine())
    everything = cases()
    rounds = sorted({c["round"] for c in everything})
    print(f"fit eval: {len(everything)} labelled cases, {len({c['id'] for c in everything})} postings "
          f"(rounds {', '.join(map(str, rounds))}), {len({c['profile'] for c in everything})} profiles "
          f"(heuristic only)")
    unseen = {f"round{r}_unseen_people": found for r in UNSEEN if (found := evaluate_unseen(r))}
    groups = {**evaluate(), **unseen}
    notes = {f"round{r}_unseen_people": "  (measured once, tuned on since: a regression check)"
             for r in UNSEEN if r not in TEST_ROUNDS}
    notes["test_held_back"] = "  (the test: never tuned on)"
    for group, by_profile in groups.items():
        print(f"\n{group}{notes.get(group, '')}")
        if not by_profile:
            print("  (no postings: the round is not in tests/evals/fit_postings.jsonl yet)")
            continue
        print(f"{'profile':16}  {'cases':>5}  {'fit':>3}  {'precision':>9}  {'recall':>6}  {'precision@10':>12}")
        for name, r in by_profile.items():
            top = "-" if r["top10_precision"] is None else \
                f"{r['top10_precision']:.2f}" + ("*" if r["fit"] < TOP else "")
            precision = f"{r['precision']:.2f}" if r["passed"] else "-"
            recall = f"{r['recall']:.2f}" if r["fit"] else "-"
            print(f"{name:16}  {r['cases']:>5}  {r['fit']:>3}  {precision:>9}  {recall:>6}  {top:>12}")
            if args.show_misses and args.group in (None, group):
                for miss in r["misses"]:
                    print("   ", miss, file=sys.stderr)
    print(f"\n*: fewer than {TOP} fits, so the share of the fits found among the {TOP} best scored "
          f"(the suite asserts precision@{TOP} only where a group has {TOP} fits); -: nothing to divide by")


if __name__ == "__main__":
    main()
