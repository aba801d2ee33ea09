"""Builds tests/evals/fit_postings.jsonl, the postings of the fit eval, from recorded files only:
the fixtures (through the project's own parsers) and the pages in tests/evals/postings/ (see its
SOURCES.md). Each posting gets its half once, from a hash of its id: `tuning` or `held_back`. Rounds
1 to 11 are all tuning data now (their held-back figures were reported); round 12, written by
someone who never saw the scorer, is the test (read from postings/round12/ when it lands), and its
`held_back` half is never tuned on. The files are the only truth: a later round's file names its
posting's id (and source) in its header, so a rebuild never renames a posting its labels name.
    python tests/evals/build_fit_postings.py
"""

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.sources import ashby, greenhouse, lever  # noqa: E402

EVALS = ROOT / "tests" / "evals"
# the shared recordings sit beside the checkout (../shared), or beside a worktree's folder
SHARED = tuple(base / "shared" / "fixtures" for base in (ROOT.parent, ROOT.parent.parent))
OUT = EVALS / "fit_postings.jsonl"
BOARDS = (("airbnb", greenhouse.parse_board, "greenhouse/harvzheng__greenhouse_airbnb_20jobs.json"),
          ("plaid", lever.parse_board, "lever/harvzheng__lever_plaid_20jobs.json"),
          ("whop", ashby.parse_board, "ashby/colemayke__ashby_whop_3jobs.json"))


def half_of(posting_id: str) -> str:
    """The split, once and for all: the parity of the id's SHA-256."""
    return "held_back" if int(hashlib.sha256(posting_id.encode()).hexdigest(), 16) % 2 else "tuning"


def shared(path: str) -> Path:
    """A recorded fixture: the shared copy, else the project's own."""
    for base in (*SHARED, ROOT / "tests" / "fixtures"):
        if (base / path).exists():
            return base / path
    raise FileNotFoundError(path)


def legacy() -> list[dict[str, Any]]:
    """The 48 postings of the first eval (tests/evals/fit.jsonl), as they were extracted then."""
    seen: dict[str, dict[str, Any]] = {}
    for line in (EVALS / "fit.jsonl").read_text().splitlines():
        case = json.loads(line)
        number = case["id"].split("-")[0]
        seen.setdefault(number, {"id": f"legacy-{number}", "source": case["source"], "origin": case["fixture"],
                                 "title": case["title"], "company": case["company"], "location": case["location"],
                                 "description": case["description"], "seniority": case.get("seniority") or ""})
    return list(seen.values())


def boards() -> list[dict[str, Any]]:
    found = []
    for name, parse, path in BOARDS:
        for job in parse(name, json.loads(shared(path).read_text())):
            found.append({"id": f"{name}-{job.source_id.split(':')[-1][:12]}", "source": job.source, "origin": path,
                          "title": job.title, "company": name.capitalize(), "location": job.location,
                          "description": job.description, "workplace": str(job.extra.get("workplace") or "")})
    return found


def linkedin_cards() -> list[dict[str, Any]]:
    """The 'similar jobs' cards of the recorded LinkedIn job page: title, company and place only."""
    from bs4 import BeautifulSoup

    path = "linkedin/guest_jobs_view_page.html"
    soup = BeautifulSoup(shared(path).read_text(), "html.parser")
    found: dict[str, dict[str, Any]] = {}
    for card in soup.select("a.base-card--link, div.base-card"):
        title, place = card.select_one(".base-main-card__title"), card.select_one(".main-job-card__location")
        company = card.select_one(".base-main-card__subtitle")
        link = card if card.name == "a" else card.select_one("a[href*='/jobs/view/']")
        job_id = re.search(r"-(\d{8,})", str(link.get("href", "")) if link else "")
        if title and place and job_id:
            found.setdefault(job_id.group(1), {
                "id": f"li-{job_id.group(1)}", "source": "linkedin", "origin": path,
                "title": title.get_text(" ", strip=True),
                "company": company.get_text(" ", strip=True) if company else "",
                "location": place.get_text(" ", strip=True), "description": ""})
    return list(found.values())


def remotewlb(folder: Path = EVALS / "postings" / "remotewlb") -> list[dict[str, Any]]:
    """RemoteWLB's archived postings: '# [Title](url)', '### Company', '#### `💰 pay` `🌎 place`', body."""
    found = []
    for path in sorted(folder.glob("*.md")):
        lines = path.read_text().split("\n")
        title = re.match(r"# \[(.*)\]\(", lines[0])
        places = re.findall(r"`🌎 ([^`]*)`", lines[2])
        found.append({"id": "rwlb-" + path.stem.split("__")[-1], "source": "remotewlb",
                      "origin": str(path.relative_to(EVALS)), "title": title.group(1).strip() if title else "",
                      "company": lines[1].removeprefix("###").strip(), "location": places[0] if places else "",
                      "description": "\n".join(lines[3:]).strip()})
    return found


def hacker_news() -> list[dict[str, Any]]:
    """'Who is hiring' comments archived by AngJobs: the comment's own first line names the place."""
    import html

    found = []
    for path in sorted((EVALS / "postings" / "angjobs").glob("*.md")):
        text = path.read_text()
        body = text.split("---\n", 2)[-1]
        first = html.unescape(re.sub(r"<[^>]+>", "", body.split("\n")[0]))
        parts = [p.strip() for p in first.split(" - ")]  # company - title - place - kind of contract
        kind = next((i for i, p in enumerate(parts) if re.match(r"(full|part)[- ]time|contract", p, re.I)), 3)
        found.append({"id": "hn-" + path.stem.split("__")[-1].split("-")[0], "source": "hackernews",
                      "origin": f"postings/angjobs/{path.name}", "title": " - ".join(parts[1:kind - 1]),
                      "company": re.sub(r"\s*\(.*", "", parts[0]), "location": parts[kind - 1],
                      "description": html.unescape(re.sub(r"<[^>]+>", "", body)).strip()})
    return found


# -- round 2 (see postings/SOURCES.md): each file keeps the posting's own title, company and place --------
ROUND2 = EVALS / "postings" / "round2"
ROUND2_SOURCES = {  # folder: (id prefix, source, workplace)
    "vagas": ("vagas", "backend-br/vagas", ""), "jobboard": ("jobboard", "jobboard", ""),
    "remoteok": ("remoteok", "remoteok", "remote"), "workcreative": ("workcreative", "work-creative", ""),
    "zatech": ("zatech", "zatech", ""), "pages": ("page", "saved page", ""), "careers": ("careers", "careers page", ""),
}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A file's '---' header (key: value lines, a value's enclosing quotes dropped) and the text after it."""
    _, head, body = text.split("---\n", 2)
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        quoted = len(value) >= 2 and value[0] == value[-1] == '"'
        fields[key.strip()] = value[1:-1] if quoted else value
    return fields, body.strip()


def _round2_id(folder: str, stem: str) -> str:
    prefix = ROUND2_SOURCES[folder][0]
    return f"{prefix}-{stem.rsplit('-', 1)[-1]}" if folder == "remoteok" else f"{prefix}-{stem}"


def round2() -> list[dict[str, Any]]:
    """The postings added in round 2: RemoteWLB files, files with a header, and JSearch cards."""
    found = remotewlb(ROUND2 / "remotewlb")
    for folder, (_, source, workplace) in ROUND2_SOURCES.items():
        for path in sorted((ROUND2 / folder).glob("*.md")):
            fields, body = front_matter(path.read_text())
            found.append({"id": _round2_id(folder, path.stem), "source": source,
                          "origin": str(path.relative_to(EVALS)), "title": fields["title"],
                          "company": fields.get("company") or fields.get("companyName", ""),
                          "location": fields.get("location", ""), "description": body, "workplace": workplace})
    cards = json.loads((ROUND2 / "cards" / "suhas-24__india_remote_jobs.json").read_text())
    for card in cards:
        digest = hashlib.sha256(card["source_url"].encode()).hexdigest()[:10]
        found.append({"id": f"srj-{digest}", "source": "jsearch", "origin": "postings/round2/cards",
                      "title": card["role_or_title"], "company": card["company_name"],
                      "location": card["location"] or "", "description": ""})
    return [{**posting, "round": 2} for posting in found]


def later_rounds() -> list[dict[str, Any]]:
    """Postings of the rounds after 2 (rounds 3 to 11 are tuning data, round 12 the blind test): every file under
    tests/evals/postings/round<N>/ with a '---' header like round 2's (title, location and, if
    known, company, workplace, source and id), marked with its round N. Nothing when none exist."""
    found = []
    for folder in sorted(EVALS.glob("postings/round*")):
        number = folder.name.removeprefix("round")
        if not number.isdigit() or int(number) < 3:
            continue
        for path in sorted(folder.rglob("*.md")):
            fields, body = front_matter(path.read_text())
            workplace = {"workplace": fields["workplace"]} if fields.get("workplace") else {}
            found.append({"id": fields.get("id") or f"r{number}-{path.stem}", "source": fields.get("source", "page"),
                          "origin": str(path.relative_to(EVALS)), "title": fields["title"],
                          "company": fields.get("company", ""), "location": fields.get("location", ""),
                          "description": body, **workplace, "round": int(number)})
    return found


def main() -> None:
    postings = [{**p, "round": 1} for p in (*legacy(), *boards(), *linkedin_cards(), *remotewlb(), *hacker_news())]
    postings += round2()
    postings += later_rounds()
    ids = [p["id"] for p in postings]
    assert len(ids) == len(set(ids)), "posting ids must be unique"
    with OUT.open("w") as out:
        for posting in postings:
            posting["half"] = half_of(posting["id"])
            out.write(json.dumps(posting, ensure_ascii=False) + "\n")
    print(f"{len(postings)} postings -> {OUT}")


if __name__ == "__main__":
    main()
