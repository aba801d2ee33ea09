"""Fit eval: precision and recall of "score >= min_score", and precision of the top 10, per profile,
on real postings from the recorded fixtures labelled by hand (tests/evals/fit.jsonl). Heuristic only.
    python bench/eval_fit.py [--show-misses]
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import ROOT

from pipeline.config.profile import Profile, load_profile
from pipeline.fit.scorer import Scorer
from pipeline.records import Job

EVALS = ROOT / "tests" / "evals"


def profiles() -> dict[str, Profile]:
    """The written profiles, each loaded through load_profile like a person's profile.yaml."""
    import yaml

    found = {}
    for name, data in yaml.safe_load((EVALS / "fit_profiles.yaml").read_text()).items():
        path = Path(tempfile.mkdtemp()) / "profile.yaml"
        path.write_text(yaml.safe_dump(data))
        found[name] = load_profile(path)
    return found


def cases() -> list[dict]:
    return [json.loads(line) for line in (EVALS / "fit.jsonl").read_text().splitlines() if line.strip()]


def job_of(case: dict) -> Job:
    detail = {"seniority": case["seniority"]} if case.get("seniority") else {}
    return Job(id=case["id"], source=case["source"], source_id=case["id"], url="", status="scraped",
               title=case["title"], company=case["company"], location=case["location"],
               description=case["description"], data={"detail": detail} if detail else {})


def evaluate() -> dict[str, dict]:
    """Per profile: precision, recall, top-10 precision, and the cases decided wrong."""
    results = {}
    loaded = profiles()
    for name, profile in loaded.items():
        scorer = Scorer(profile.fit)
        scored = [(scorer.score(job_of(c_)).score, c_) for c_ in cases() if c_["profile"] == name]
        passed = [c_ for s, c_ in scored if s >= profile.fit.min_score]
        fits = [c_ for _, c_ in scored if c_["label"] == "fit"]
        true = [c_ for c_ in passed if c_["label"] == "fit"]
        top = [c_ for _, c_ in sorted(scored, key=lambda x: -x[0])[:10]]
        results[name] = {
            "cases": len(scored), "fit": len(fits),
            "precision": len(true) / len(passed) if passed else 1.0,
            "recall": len(true) / len(fits) if fits else 1.0,
            "top10_precision": sum(c_["label"] == "fit" for c_ in top) / min(10, len(fits) or 10),
            "misses": [(s, c_["label"], c_["title"], c_["location"]) for s, c_ in scored
                       if (s >= profile.fit.min_score) != (c_["label"] == "fit")]}
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    print(f"fit eval: {len(cases())} labelled cases from {EVALS / 'fit.jsonl'} (heuristic only)")
    print(f"{'profile':8}  {'cases':>5}  {'fit':>3}  {'precision':>9}  {'recall':>6}  {'top-10 precision':>16}")
    for name, r in evaluate().items():
        print(f"{name:8}  {r['cases']:>5}  {r['fit']:>3}  {r['precision']:>9.2f}  {r['recall']:>6.2f}  "
              f"{r['top10_precision']:>16.2f}")
        if args.show_misses:
            for miss in r["misses"]:
                print("   ", miss, file=sys.stderr)


if __name__ == "__main__":
    main()
