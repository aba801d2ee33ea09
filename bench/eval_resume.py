"""Resume eval: does the selection read a posting's asks as a careful reader does? For recorded
postings (the fit eval's) and the skills the eval profiles and the example cv name, each term the
posting mentions is labelled by hand (tests/evals/resume_asks.jsonl, with the reason): `required`
(the requirements ask for it), `plus` (only nice to have or preferred) or `mentioned` (tasks, the
company, benefits). The selection ranks highlights by that reading, must-haves first.

The postings are split once by a hash of their number into a tuning half and a held-back half;
rules are tuned on the first only. A posting added after a mistake was seen (its rows say
`added`, its text is in tests/evals/resume_postings.jsonl, parsed from a recorded board in
shared/fixtures) goes to the tuning half. Both halves are printed, misses of the tuning half only;
the suite asserts the held-back floor. The reading is fit.requirements', the one reader the
outreach drafts use too.
    python bench/eval_resume.py [--show-misses]
"""

import argparse
import hashlib
import json

from _common import ROOT
from eval_fit import job_of

from pipeline.config.profile import Profile
from pipeline.records import Job
from pipeline.resume.cv import CV
from pipeline.resume.select import job_asks

EVALS = ROOT / "tests" / "evals"


def half(row: dict) -> str:
    if row.get("added"):
        return "tuning"
    return "tuning" if int(hashlib.sha1(row["posting"].encode()).hexdigest(), 16) % 2 == 0 else "held-back"


def rows() -> list[dict]:
    return [json.loads(line) for line in (EVALS / "resume_asks.jsonl").read_text().splitlines() if line.strip()]


def postings() -> dict[str, Job]:
    """The fit eval's postings by number, and the added ones by their board id."""
    first = (EVALS / "fit.jsonl").read_text().splitlines()  # the first fit eval's postings, numbered as labelled
    found = {c["id"].split("-")[0]: job_of(c) for c in map(json.loads, first) if c}
    for line in (EVALS / "resume_postings.jsonl").read_text().splitlines():
        p = json.loads(line)
        found[p["posting"]] = Job(id=p["posting"], source="eval", source_id=p["posting"], url="", status="scraped",
                                  title=p["title"], company=p["company"], description=p["description"])
    return found


def evaluate() -> dict[str, dict]:
    """Per half: cases, correct, accuracy and the misses (posting, term, label, ours)."""
    labelled = rows()
    person = Profile(name="Eval Person", email="eval@example.org",
                     skills=tuple(dict.fromkeys(r["term"] for r in labelled)))
    jobs = postings()
    out: dict[str, dict] = {h: {"cases": 0, "correct": 0, "misses": []} for h in ("tuning", "held-back")}
    for row in labelled:
        asks = job_asks(CV(basics={}), person, jobs[row["posting"]])
        ours = next((kind for kind, terms in (("required", asks.required), ("plus", asks.plus),
                                               ("mentioned", asks.matched)) if row["term"] in terms), "absent")
        result = out[half(row)]
        result["cases"] += 1
        if ours == row["label"]:
            result["correct"] += 1
        else:
            result["misses"].append((row["posting"], row["term"], row["label"], ours))
    for result in out.values():
        result["accuracy"] = result["correct"] / result["cases"] if result["cases"] else 1.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    for name, result in evaluate().items():
        count = len({r["posting"] for r in rows() if half(r) == name})
        print(f"{name}: {result['correct']}/{result['cases']} terms read as labelled ({result['accuracy']:.0%}), "
              f"{count} postings")
        for miss in result["misses"] if args.show_misses and name == "tuning" else []:
            print("   posting {} {!r}: labelled {}, read as {}".format(*miss))


if __name__ == "__main__":
    main()
