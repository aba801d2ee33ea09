"""The review loop: drafts are new, then approved or rejected, then sent; export writes approved
drafts and keeps a manifest so re-exports clean up after themselves and never touch edited files."""

import sys

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.cli.review_loop import interactive
from pipeline.config.catalog import stage_states
from pipeline.config.loading import load_config
from pipeline.states import State
from pipeline.store import NewJob
from tests.helpers.builders import a_draft


@pytest.fixture
def reviewed(project, tmp_path):
    """Two drafted jobs (two drafts, then one) to review: (config path, store, job ids, export folder)."""
    made = project({}, profile="example")
    store = made.store
    ids = []
    for n, names in enumerate((["Jonas", "Lena"], ["Maria"])):
        store.upsert_job(NewJob(source="test", source_id=str(n), url=f"https://jobs.example.org/{n}",
                                title="Backend Engineer", company=f"Acme {n}", status=State.ENRICHED))
        job = store.claim(stage_states(c.DRAFT), "w", 60)
        store.complete(job.id, job.lease_token, stage_states(c.DRAFT), {"drafts": [a_draft(x) for x in names]})
        ids.append(job.id)
    return made.path, store, ids, tmp_path / "out"


def states(store, job_id):
    return [(d.get("review") or {}).get("state", "new") for d in store.get(job_id).data["drafts"]]


def test_approve_reject_and_sent_by_script(reviewed, capsys):
    path, store, (first, second), _ = reviewed
    cli = ["--config", str(path), "drafts"]
    assert main([*cli, "approve", first, "1"]) == 0
    assert main([*cli, "reject", first, "2", "--reason", "wrong person"]) == 0
    assert states(store, first) == ["approved", "rejected"]
    assert store.get(first).data["drafts"][1]["review"]["reason"] == "wrong person"
    assert main([*cli, "sent", second]) == c.EXIT_ERROR, "never approved: cannot be sent"
    assert "can become sent" in capsys.readouterr().err
    assert main([*cli, "approve", second, "3"]) == c.EXIT_ERROR
    assert "no draft 3: the job has 1" in capsys.readouterr().err
    assert main([*cli, "sent", first]) == 0
    assert states(store, first) == ["sent", "rejected"], "of every draft, the approved one is sent"
    assert main([*cli, "approve", "nope"]) == c.EXIT_ERROR and "no such job" in capsys.readouterr().err
    assert main([*cli, "approve"]) == c.EXIT_USAGE


def test_mark_applied_sends_the_approved_drafts(reviewed):
    path, store, (first, _), _ = reviewed
    assert main(["--config", str(path), "drafts", "approve", first, "2"]) == 0
    assert main(["--config", str(path), "mark", first, "applied"]) == 0
    assert states(store, first) == ["new", "sent"]


def test_export_writes_approved_drafts_and_cleans_up_with_its_manifest(reviewed, capsys):
    path, store, (first, second), out = reviewed
    cli = ["--config", str(path), "drafts"]
    export = [*cli, "export", "--format", "eml", "--out", str(out)]
    assert main(export) == 0
    assert sorted(p.name for p in out.iterdir()) == [".drafts-manifest.json"]
    assert "no approved drafts" in capsys.readouterr().out
    assert main([*export, "--all"]) == 0
    assert len(list(out.glob("*.eml"))) == 3
    main([*cli, "approve", first])
    assert main(export) == 0
    files = sorted(p.name for p in out.glob("*.eml"))
    assert len(files) == 2 and all(name.startswith(first) for name in files), "the new draft's file is removed"
    edited = out / files[0]
    edited.write_text(edited.read_text().replace("I saw the role.", "I saw the role and loved it."))
    main([*cli, "reject", first])
    capsys.readouterr()
    assert main(export) == 0
    assert [p.name for p in out.glob("*.eml")] == [files[0]], "the edited file is kept, the other removed"
    assert "loved it" in edited.read_text()
    captured = capsys.readouterr()
    assert "removed 1" in captured.out and f"kept {edited}" in captured.err
    main([*cli, "approve", first])
    assert main(export) == 0
    assert "loved it" in edited.read_text(), "an edited file is never overwritten"
    (out / "mine.txt").write_text("my notes")
    assert main(export) == 0 and (out / "mine.txt").read_text() == "my notes"
    assert second


def test_csv_export_has_the_review_state(reviewed):
    path, store, (first, _), out = reviewed
    main(["--config", str(path), "drafts", "approve", first, "1"])
    assert main(["--config", str(path), "drafts", "export", "--format", "csv", "--out", str(out), "--all"]) == 0
    import csv
    with (out / "drafts.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["review"] for r in rows].count("approved") == 1 and len(rows) == 3


def test_review_one_by_one_with_an_edit(reviewed, monkeypatch, tmp_path, capsys):
    path, store, (first, second), _ = reviewed
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text(p.read_text().replace('I saw the role.', 'I read about your robots.'))\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    answers = iter(["e", "a", "x", "r", "not this one", "s"])
    config = load_config(str(path))
    assert interactive(config, State.DRAFT_GENERATED, ask=lambda prompt: next(answers)) == 0
    shown = capsys.readouterr().out
    assert "address: jonas@acme.example  [their own, published]" in shown, "an older draft's 'published'"
    assert "1 of 3" in shown and "edited: job" in shown and "approved: job" in shown
    assert "approved 1, rejected 1, edited 1, skipped 1" in shown
    jobs = {j: store.get(j).data["drafts"] for j in (first, second)}
    everything = [d for drafts in jobs.values() for d in drafts]
    assert sorted((d.get("review") or {}).get("state", "new") for d in everything) == ["approved", "new", "rejected"]
    approved = next(d for d in everything if (d.get("review") or {}).get("state") == "approved")
    assert "I read about your robots." in approved["body"] and "I saw the role." in approved["original"]["body"]
    rejected = next(d for d in everything if (d.get("review") or {}).get("state") == "rejected")
    assert rejected["review"]["reason"] == "not this one"


def test_review_stops_at_end_of_input(reviewed, capsys):
    path, store, ids, _ = reviewed

    def closed(prompt):
        raise EOFError

    assert interactive(load_config(str(path)), State.DRAFT_GENERATED, ask=closed) == 0
    assert all(states(store, i) == ["new"] * len(states(store, i)) for i in ids)


def test_an_answer_in_the_terminal_never_undoes_one_given_elsewhere_meanwhile(reviewed, capsys):
    """While the terminal asks about draft 1, another shell approves it; the terminal's "reject"
    is refused (the job changed since it was shown), the job is read again, and since draft 1 is
    no longer new it moves on: the approval stands."""
    from pipeline.service import actions

    path, store, (first, _), _ = reviewed
    shown: list[str] = []

    def ask(prompt: str) -> str:
        shown.append(capsys.readouterr().out)
        if f"job {first} draft 1" not in shown[-1]:
            return "s" if prompt.startswith("[a]") else ""
        if len([s for s in shown if f"job {first} draft 1" in s]) == 1:
            actions.review_drafts(store, first, "approve", 1)  # the other shell, while this one asks
        return "r"
    interactive(load_config(str(path)), State.DRAFT_GENERATED, ask=ask)
    assert states(store, first) == ["approved", "new"], "the other shell's approval was not undone"
    assert any("the drafts changed since they were shown" in s for s in shown + [capsys.readouterr().out])


def test_the_page_gets_a_clear_refusal_with_the_current_state(reviewed):
    from pipeline.service import actions

    _, store, (first, _), _ = reviewed
    shown = store.get(first)
    actions.review_drafts(store, first, "approve", 1)
    before = store.get(first)
    with pytest.raises(actions.Conflict) as refused:
        actions.review_drafts(store, first, "reject", 1, version=shown.updated_at)
    assert refused.value.job.data["drafts"][0]["review"]["state"] == "approved"
    assert store.get(first) == before, "nothing written"
    with pytest.raises(actions.Conflict):
        actions.edit_draft(store, first, 2, "s", "b", version=shown.updated_at)
    assert store.get(first) == before
