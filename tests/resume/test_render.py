"""The PDF, read back with pypdf: one page, the name and a matched skill on it, what was left out
absent, every font embedded and one of the template's own; hostile strings printed as written;
the same inputs give the same bytes; made with no network and nothing read outside the template."""

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pipeline.resume.document import build
from pipeline.resume.make import make_resume
from pipeline.resume.render import TEMPLATE, Renderer, ResumeError, shared
from pipeline.resume.select import rank
from tests.conftest import ROOT
from tests.resume.helpers import BACKEND_JOB, job, loaded, pdf_fonts, pdf_pages, pdf_text, write_cv_profile

HOSTILE = ['#read("/etc/passwd")', '#import "@preview/cetz:0.3.0": *', "$x^2$ and \\$", "] closes [ nothing",
           "<script>alert(1)</script>"]


def words(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def made_pdf(tmp_path: Path, the_job=None, **cv_changes) -> tuple[bytes, list[str]]:
    profile, cv = loaded(write_cv_profile(tmp_path / "project", **cv_changes))
    made = make_resume(the_job or job(), cv, profile, tmp_path)
    assert "error" not in made.record, made.record
    return (tmp_path / made.record["path"]).read_bytes(), made.notes


def allowed_fonts() -> set[str]:
    """The PostScript names of the fonts in the template folder."""
    return {TTFont(path)["name"].getDebugName(6) for path in Renderer().font_files()}


def test_the_pdf_reads_back(tmp_path):
    texts = ["Built the PostgreSQL billing service in Python", "Ran Kubernetes for 40 services"] + \
        [f"Organised the summer offsite number {n}" for n in range(8)]
    pdf, _ = made_pdf(tmp_path, work=[{"position": "Engineer", "name": "Acme", "highlights": texts}])
    text = words(pdf)
    assert pdf_pages(pdf) == 1
    assert "Alex Example" in text and "PostgreSQL" in text and "Kubernetes" in text
    assert "Organised the summer offsite number 7" not in text, "past the six a work entry shows: left out"
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert {name for name, _ in fonts} <= allowed_fonts() == {"Inter-Regular", "Inter-Bold"}


def test_what_does_not_fit_the_page_is_left_out_lowest_ranked_first(tmp_path):
    long = "and then carried it through review, rollout and the long tail of follow-up work with the team"
    work = [{"position": f"Engineer {n}", "name": f"Company {n}", "startDate": f"{2020 - n}-01",
             "highlights": [f"Python service {n}.{k}, {long}" for k in range(6)]} for n in range(6)]
    profile, cv = loaded(write_cv_profile(tmp_path / "project", work=work))
    renderer = Renderer()
    document = build(cv, profile, rank(cv, profile, job()), renderer.missing)
    rendered = renderer.compile(document.data)
    assert rendered.left_out and rendered.kept and pdf_pages(rendered.pdf) == 1
    assert list(rendered.kept + rendered.left_out) == document.data["ranked"], "a prefix of the ranking is kept"
    text, texts = words(rendered.pdf), cv.highlights()
    assert all(texts[i].text[:20] in text for i in rendered.kept if i in texts)
    assert not any(texts[i].text.split(",")[0] + "," in text for i in rendered.left_out if i in texts)


def test_hostile_strings_print_as_written_and_a_long_one_is_cut_with_a_note(tmp_path):
    highlights = [f"Python: {h}" for h in HOSTILE] + ["Python " + "x" * 4993]
    description = BACKEND_JOB + "\n".join(HOSTILE) + "\n#read(\"/etc/passwd\")"
    pdf, notes = made_pdf(tmp_path, job(description=description),
                          basics={"label": '#include "/etc/passwd"', "summary": "$ ] <b>bold</b> #"},
                          work=[{"position": "Engineer", "name": "Acme", "highlights": highlights}])
    text = words(pdf)
    for hostile in HOSTILE + ['#include "/etc/passwd"', "$ ] <b>bold</b> #"]:
        assert hostile in text, hostile
    assert "root:x:0:0" not in text and "root:" not in pdf_text(pdf)
    solid = "".join(pdf_text(pdf).split())  # a word longer than a line is broken across lines
    assert "x" * 250 in solid and "x" * 300 not in solid and "x…" in solid
    assert any("cv.work.0.highlights.5: cut from 5000 to 300 characters" in n for n in notes), notes


def test_a_character_the_fonts_lack_is_an_error_naming_its_field(tmp_path):
    profile, cv = loaded(write_cv_profile(tmp_path / "project", work=[{
        "position": "Engineer", "name": "Acme", "highlights": ["Shipped the Python rewrite 🚀 early"]}]))
    made = make_resume(job(), cv, profile, tmp_path)
    assert "cv.work.0.highlights.0: the resume's font has no '🚀' (U+1F680)" in made.record["error"]
    assert "path" not in made.record and made.record["error_at"]


def test_the_same_inputs_give_the_same_bytes_in_another_process(tmp_path):
    first, _ = made_pdf(tmp_path / "a")
    again, _ = made_pdf(tmp_path / "b")
    assert first == again
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path;"
              "from tests.resume.helpers import job, loaded; from pipeline.resume.make import make_resume;"
              "p, cv = loaded(Path(sys.argv[2])); m = make_resume(job(), cv, p, Path(sys.argv[3]));"
              "sys.stdout.write(m.record['path'])")
    other = tmp_path / "c"
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(tmp_path / "a" / "project" / "profile.yaml"),
                           str(other)], capture_output=True, text=True, timeout=120, check=True)
    assert (other / done.stdout).read_bytes() == first


def test_the_fingerprint_moves_only_when_a_used_field_changes(tmp_path):
    directory = tmp_path / "project"
    base = loaded(write_cv_profile(directory))
    cv = base[1]
    renderer = shared()

    def fingerprint(profile_and_cv, the_job=None) -> str:
        profile, cv_ = profile_and_cv
        document = build(cv_, profile, rank(cv_, profile, the_job or job()), renderer.missing)
        return renderer.fingerprint(document.data)

    before = fingerprint(base)
    unused = [dict(basics={**cv.basics, "image": "https://alex.example.org/me.png",
                           "location": {"city": "Berlin", "countryCode": "DE", "address": "Hauptstraße 5"}}),
              dict(interests=[{"name": "Sailing"}])]
    for change in unused:
        assert fingerprint(loaded(write_cv_profile(directory, **change))) == before, change
    assert fingerprint(base, job(description=BACKEND_JOB + "\nWe have a dog in the office.")) == before
    work = [{**entry} for entry in write_cv_profile.__globals__["example_data"]()["cv"]["work"]]
    work[0]["highlights"] = ["Cut p99 API latency from 900 ms to 110 ms", *work[0]["highlights"][1:]]
    assert fingerprint(loaded(write_cv_profile(directory, work=work))) != before, "a shown highlight changed"
    assert fingerprint(base, job(description="Requirements:\n- Go\n- Redis")) != before, "another job, another order"


def test_an_unchanged_resume_is_not_compiled_again(tmp_path):
    profile, cv = loaded(write_cv_profile(tmp_path / "project"))
    first = make_resume(job(), cv, profile, tmp_path)
    path = tmp_path / first.record["path"]
    stamp = path.stat().st_mtime_ns
    again = make_resume(job(data={"resume": first.record}), cv, profile, tmp_path)
    assert again.record == first.record and not again.changed and path.stat().st_mtime_ns == stamp
    path.unlink()
    assert make_resume(job(data={"resume": first.record}), cv, profile, tmp_path).changed, "a lost file is made again"


def test_a_page_the_fixed_parts_overflow_is_an_error(tmp_path):
    education = [{"institution": f"University {n}", "area": "Computer Science", "studyType": "MSc"} for n in range(90)]
    profile, cv = loaded(write_cv_profile(tmp_path / "project", education=education))
    renderer = Renderer()
    with pytest.raises(ResumeError, match="takes 2 pages even without highlights"):
        renderer.compile(build(cv, profile, rank(cv, profile, job()), renderer.missing).data)


# -- nothing fetched, nothing read outside the template ------------------------------------------------------


def test_the_template_imports_and_reads_nothing():
    source = "\n".join(line.split("//")[0] for line in (TEMPLATE / "resume.typ").read_text().splitlines())
    for call in ("#import", "#include", "read(", "image(", "@preview", "plugin("):
        assert call not in source, call


@pytest.mark.parametrize("reach, words_", [('read("/etc/passwd")', "file not found"),
                                           ('read("../../../../../../etc/passwd")', "escape the project root")])
def test_typst_cannot_read_outside_the_template_folder(tmp_path, reach, words_):
    template = tmp_path / "template"
    shutil.copytree(TEMPLATE, template)
    main = template / "resume.typ"
    main.write_text(main.read_text() + f"\n#{reach}\n")
    renderer = Renderer(template)
    profile, cv = loaded(write_cv_profile(tmp_path / "project"))
    with pytest.raises(ResumeError, match=words_):
        renderer.compile(build(cv, profile, rank(cv, profile, job()), renderer.missing).data)


SANDBOXED = """
import json, os, socket, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.resume.helpers import job, loaded
from pipeline.resume.document import build
from pipeline.resume.render import Renderer
from pipeline.resume.select import rank
profile, cv = loaded(Path(sys.argv[2]))
renderer = Renderer()
document = build(cv, profile, rank(cv, profile, job(description=sys.argv[5])), renderer.missing)
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[3])), timeout=3).close()
    reached = "connected"
except OSError as exc:
    reached = type(exc).__name__
for marker in ("start", "end"):
    try:
        os.stat(f"/resume-sandbox-{marker}")
    except OSError:
        pass
    if marker == "start":
        rendered = renderer.compile(document.data)
Path(sys.argv[4]).write_bytes(rendered.pdf)
print(json.dumps({"socket": reached}))
"""


def opened_between_markers(log: str) -> list[str]:
    """Paths the traced process opened (or tried to) between the two markers."""
    window = log.split("/resume-sandbox-start", 1)[1].split("/resume-sandbox-end", 1)[0]
    return [line.split('"')[1] for line in window.splitlines() if "open" in line and '"' in line]


def test_a_resume_compiles_with_no_network_and_reads_only_its_template(tmp_path):
    """In a network namespace of its own (no interface but a loopback that is down) the compile
    succeeds, while the same process cannot reach a server listening on this machine's loopback;
    strace shows every file it opened while compiling."""
    unshare, strace = shutil.which("unshare"), shutil.which("strace")
    if not unshare or subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("no network namespaces here (unshare -rn)")
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    socket.create_connection(("127.0.0.1", port), timeout=3).close()  # reachable from outside the sandbox
    profile = write_cv_profile(tmp_path / "project")
    out, log = tmp_path / "sandboxed.pdf", tmp_path / "trace.log"
    traced = [strace, "-f", "-qq", "-e", "trace=%file", "-o", str(log)] if strace else []
    done = subprocess.run([*traced, unshare, "-rn", sys.executable, "-c", SANDBOXED, str(ROOT), str(profile),
                           str(port), str(out), BACKEND_JOB + '\n#read("/etc/passwd")'],
                          capture_output=True, text=True, timeout=120)
    listener.close()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["socket"] != "connected", "the sandbox has no network"
    assert pdf_pages(out.read_bytes()) == 1 and "Alex Example" in pdf_text(out.read_bytes())
    if not strace:
        pytest.skip("compiled with no network; strace is missing, so file reads were not traced")
    opened = opened_between_markers(log.read_text())
    template = str(TEMPLATE.resolve())
    assert any(p.startswith(template + "/fonts/") for p in opened) and f"{template}/resume.typ" in opened
    code = (sys.prefix, sys.base_prefix, "/lib/", "/usr/lib/", "/proc/", "/sys/", "/etc/ld.so.cache", "/etc/localtime")
    outside = [p for p in opened if not p.startswith(template) and not p.startswith(code)]
    assert outside == [], outside
    assert not any("passwd" in p or "/fonts" in p and not p.startswith(template) for p in opened)


def test_the_vendored_fonts_are_ofl_and_their_licence_ships_with_them():
    fonts = Renderer().font_files()
    assert fonts and (TEMPLATE / "fonts" / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1
    for path in fonts:
        name = TTFont(path)["name"]
        assert "SIL Open Font License, Version 1.1" in name.getDebugName(13), path.name
        assert name.getDebugName(1) == "Inter"


def test_a_typst_warning_is_an_error(tmp_path):
    template = tmp_path / "template"
    shutil.copytree(TEMPLATE, template)
    main = template / "resume.typ"
    main.write_text(main.read_text() + '\n#text(font: "Comic Sans MS")[a font that is not in the folder]\n')
    renderer = Renderer(template)
    profile, cv = loaded(write_cv_profile(tmp_path / "project"))
    with pytest.raises(ResumeError, match="typst warned: unknown font family: comic sans ms"):
        renderer.compile(build(cv, profile, rank(cv, profile, job()), renderer.missing).data)
