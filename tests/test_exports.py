"""Exports that cannot be turned against the person (#26): no control, bidi or invisible
character in any exported file, writes only inside the folder (never through a planted symlink),
and one clear line for an --out that is a file or a manifest that cannot be read. Each test also
checks that nothing stored changed."""

import csv
import email
import email.policy
import json
import os

import pytest

from pipeline import constants as c
from pipeline.cli.app import main
from pipeline.config.catalog import stage_states
from pipeline.outreach.export import MANIFEST
from pipeline.states import State
from pipeline.store import NewJob

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # writes the clipboard
OSC0 = "\x1b]0;Inbox (1)\x07"  # sets the window title
HOSTILE = f"{OSC52}{OSC0}\x9b31m\x85\u202eevil\u2066x\u2069\U000e0041\u200b\x08"
BAD = ("\x1b", "\x07", "\x9b", "\x85", "\u202e", "\u2066", "\u2069", "\U000e0041", "\u200b", "\x08")


@pytest.fixture
def exported(project, tmp_path):
    """A job whose approved drafts carry hostile text everywhere: (cli, store, job id, folder, before)."""
    made = project({}, profile="example")
    store = made.store
    store.upsert_job(NewJob(source="test", source_id="1", url="https://jobs.example.org/1", title="Engineer",
                            company="Acme", status=State.ENRICHED))
    job = store.claim(stage_states(c.DRAFT), "w", 60)
    draft = {"channel": "email", "subject": f"Hello{HOSTILE}", "body": f"Hi Jonas,\n\n{HOSTILE}\n\nAlex Example",
             "recipient": {"name": f"Jonas{HOSTILE}", "role": f"CTO{HOSTILE}", "address": "jonas@acme.example",
                           "address_status": "published", "profile_url": ""},
             "template": False, "cost": 0.0, "created_at": "2026-11-23T10:00:00Z", "review": {"state": "approved"}}
    note = {**draft, "channel": "linkedin", "subject": ""}
    store.complete(job.id, job.lease_token, stage_states(c.DRAFT), {"drafts": [draft, note]})
    before = store.get(job.id)

    def cli(*argv: str) -> int:
        return main(["--config", str(made.path), *argv])
    yield cli, store, job.id, tmp_path / "out", before
    assert store.get(job.id) == before, "exporting never changes what is stored"


def _texts(folder) -> list[str]:
    """Every exported file as the person's tools see it: .eml parsed (headers and decoded body)."""
    found = []
    for path in folder.iterdir():
        if path.name == MANIFEST:
            continue
        if path.suffix == ".eml":
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            found += [f"{k}: {v}" for k, v in message.items()] + [message.get_content()]
        found.append(path.read_bytes().decode("utf-8"))
    return found


@pytest.mark.parametrize("fmt", ["eml", "md", "csv"])
def test_no_control_or_invisible_character_reaches_an_exported_file(exported, fmt):
    cli, _, _, out, _ = exported
    assert cli("drafts", "export", "--format", fmt, "--out", str(out)) == 0
    texts = _texts(out)
    assert texts
    for text in texts:
        assert not [ch for ch in BAD if ch in text], (fmt, text[:300])
    assert any("evil" in t for t in texts), "the visible text is kept"


def test_a_planted_symlink_is_never_written_through(exported, tmp_path, capsys):
    cli, _, job_id, out, _ = exported
    assert cli("drafts", "export", "--format", "md", "--out", str(out)) == 0
    name = sorted(p.name for p in out.iterdir() if p.suffix == ".md")[0]
    outside = tmp_path / "victim.txt"
    outside.write_text("precious")
    written = (out / name).read_bytes()
    (out / name).unlink()
    (out / name).symlink_to(outside)
    manifest = json.loads((out / MANIFEST).read_text())
    import hashlib

    manifest[name] = hashlib.sha256(b"precious").hexdigest()  # a manifest digest that matches the target
    (out / MANIFEST).write_text(json.dumps(manifest))
    capsys.readouterr()
    assert cli("drafts", "export", "--format", "md", "--out", str(out)) == 0
    assert outside.read_text() == "precious", "the link's target outside the folder is untouched"
    assert (out / name).is_symlink() and f"kept {out / name}" in capsys.readouterr().err
    assert written  # what would have been written
    outside_manifest = tmp_path / "victim.json"
    outside_manifest.write_text("{}")
    (out / MANIFEST).unlink()
    (out / MANIFEST).symlink_to(outside_manifest)
    assert cli("drafts", "export", "--format", "md", "--out", str(out)) == 0
    assert outside_manifest.read_text() == "{}" and not (out / MANIFEST).is_symlink()
    assert "cannot be read" in capsys.readouterr().err


def test_out_naming_a_file_is_one_line(exported, tmp_path, capsys):
    cli, _, _, _, _ = exported
    target = tmp_path / "a-file.txt"
    target.write_text("mine")
    assert cli("drafts", "export", "--format", "eml", "--out", str(target)) == c.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.strip() == f"drafts export: {target} is a file, not a folder: name a folder for --out"
    assert target.read_text() == "mine"


@pytest.mark.parametrize("manifest", ["[1, 2]", "not json", '{"x.md": 5}', "\xff\xfe"])
def test_a_malformed_manifest_is_a_warning_and_every_file_is_kept(exported, capsys, manifest):
    cli, _, _, out, _ = exported
    out.mkdir()
    (out / "mine.md").write_text("my notes")
    (out / MANIFEST).write_bytes(manifest.encode("latin-1"))
    assert cli("drafts", "export", "--format", "md", "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert "cannot be read" in captured.err and "Traceback" not in captured.err
    assert (out / "mine.md").read_text() == "my notes"
    assert json.loads((out / MANIFEST).read_text()), "a good manifest is written again"


def test_a_full_disk_is_one_line(exported, capsys, monkeypatch):
    cli, _, _, out, _ = exported
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out))
    monkeypatch.setattr("pipeline.outreach.export.tempfile.mkstemp", full)
    assert cli("drafts", "export", "--format", "csv", "--out", str(out)) == c.EXIT_ERROR
    assert capsys.readouterr().err.strip() == f"drafts export: disk full at {out}"


def test_csv_formula_cells_are_neutralised_after_sanitising(exported, tmp_path):
    """A cell that starts with a control character and then '=' is still quoted: the check comes
    after the sanitiser."""
    from pipeline.outreach.export import export

    rows = [{"job_id": "j", "n": 1, "company": "\x1b=cmd|' /C calc'!A0", "title": "\u202e+1", "channel": "email",
             "recipient": "", "role": "", "address": "", "address_status": "", "subject": "", "body": "b",
             "template": False, "cost": 0.0, "created_at": ""}]
    export(rows, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "drafts.csv").open(newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'+1" in cells, cells
