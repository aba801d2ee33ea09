"""The outreach eval: template drafts for tests/evals/outreach_scenarios.yaml, labelled by a reader
as send / edit / no (with the reason) in tests/evals/outreach.jsonl.

Each case is split once by a hash of its id into `tune` and `held` (held back: never looked at
while changing the templates). Prints the share labelled "send", per half, and the rubric problems.
    python bench/eval_outreach.py            # figures from the labelled file, after checking it is current
    python bench/eval_outreach.py --write    # draft again; a draft whose text changed loses its label
"""

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import ROOT, machine

sys.path.insert(0, str(ROOT))

from pipeline.logs import setup_logging  # noqa: E402
from tests.helpers.http_server import RecordedServer  # noqa: E402
from tests.helpers.outreach_world import SITES, make, rubric_problems, scenarios  # noqa: E402

EVAL = ROOT / "tests" / "evals" / "outreach.jsonl"
LABELS = ("send", "edit", "no")


def half(case_id: str) -> str:
    """Split once, by the id alone: a case never changes halves."""
    return "held" if hashlib.sha256(case_id.encode()).digest()[0] % 2 else "tune"


def drafted(root: Path) -> list[dict[str, Any]]:
    """Every draft the scenarios make now, as eval cases (without labels)."""
    cases = []
    with RecordedServer() as server:
        from tests.helpers.outreach_world import serve_sites

        serve_sites(server)
        for scenario in scenarios():
            made = make(scenario, server, root)
            problems = rubric_problems(made)
            for index, job_id in enumerate(made.jobs):
                job = made.store.get(job_id)
                assert job is not None
                spec = scenario["jobs"][index]
                pages = sorted(f"sample_sites/{spec['site']}/{p.name}" for p in
                               (ROOT / "tests" / "fixtures" / "sample_sites" / spec["site"]).glob("*.html")) \
                    if "site" in spec else []
                extra = {k: job.data[k] for k in ("conversation", "suspicious") if job.data.get(k)}
                for n, draft in enumerate(job.data.get("drafts") or [], 1):
                    case_id = f"{scenario['id']}/{index + 1}/{n}"
                    cases.append({
                        "id": case_id, "half": half(case_id), "scenario": scenario["id"],
                        "profile": scenario["profile"],
                        "job": {"title": job.title, "company": job.company, "location": job.location,
                                "url": job.url, "description": job.description,
                                **({"site": SITES[spec["site"]]} if "site" in spec else
                                   {"recorded": spec["recorded"]})},
                        "pages": pages, "max_recipients": scenario.get("max_recipients", 1),
                        "recipient": draft["recipient"], "channel": draft["channel"], "subject": draft["subject"],
                        "body": draft["body"], "used": draft.get("used"), **extra,
                        "rubric": problems, "label": None, "reason": ""})
            made.store.close()
    return cases


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EVAL.read_text().splitlines() if line.strip()] if EVAL.exists() else []


def write(cases: list[dict[str, Any]]) -> None:
    """Keep a label only while its draft's text is exactly what was labelled."""
    old = {c["id"]: c for c in load()}
    for case in cases:
        before = old.get(case["id"])
        if before and (before["subject"], before["body"], before["recipient"]) == \
                (case["subject"], case["body"], case["recipient"]):
            case["label"], case["reason"] = before["label"], before["reason"]
    EVAL.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))


def share(cases: list[dict[str, Any]], which: str) -> str:
    mine = [c for c in cases if which in ("all", c["half"])]
    labelled = [c for c in mine if c["label"] in LABELS]
    if not labelled:
        return f"{which}: no labels"
    counts = {label: sum(c["label"] == label for c in labelled) for label in LABELS}
    return (f"{which}: {counts['send']} of {len(labelled)} labelled 'send' ({counts['send'] / len(labelled):.0%}); "
            f"edit {counts['edit']}, no {counts['no']}" + (f"; {len(mine) - len(labelled)} unlabelled"
                                                           if len(mine) > len(labelled) else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="draft again and write outreach.jsonl")
    args = parser.parse_args()
    setup_logging("WARNING", None, console=True)
    with tempfile.TemporaryDirectory() as root:
        cases = drafted(Path(root))
    if args.write:
        write(cases)
    stored = load()
    changed = {c["id"] for c in cases} ^ {c["id"] for c in stored} or \
        {c["id"] for c, s in zip(cases, stored, strict=False) if (c["body"], c["subject"]) != (s["body"], s["subject"])}
    print(machine())
    print(f"{len(stored)} drafts in {EVAL.relative_to(ROOT)}, {len({c['scenario'] for c in stored})} scenarios"
          + (f"; {len(changed)} differ from what the templates write now (run with --write)" if changed else ""))
    for which in ("held", "tune", "all"):
        print("  " + share(stored, which))
    problems = sorted({p for c in stored for p in c["rubric"]})
    print(f"  rubric problems: {len(problems)}" + "".join(f"\n    {p}" for p in problems))


if __name__ == "__main__":
    main()
