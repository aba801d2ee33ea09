"""The review page in a real browser (Debian's Chromium through Playwright): every action by
mouse and by keyboard, asserted in the store; copy to the clipboard; hostile text that stays
text; a form on another loopback port that cannot change anything; screenshots of the views."""

import os
import struct
from pathlib import Path

import pytest

from pipeline.service import views
from pipeline.states import State
from tests.conftest import ROOT
from tests.helpers.builders import new_job
from tests.helpers.http_server import Reply
from tests.web.browser import live, screenshots
from tests.web.demo import drafted, fill_demo


def review_states(store, job_id):
    return [(d.get("review") or {}).get("state", "new") for d in store.get(job_id).data["drafts"]]


@pytest.fixture
def served(project):
    """(project, base URL, the five drafted job ids): the demo queue, served for real."""
    made = project({})
    ids = fill_demo(made.store)
    with live(made.config) as page:
        yield made, page.url.rstrip("/"), ids


def draft(tab, n):
    return tab.locator(f"#draft-{n}")


def test_approve_edit_reject_mark_sent_and_mark_applied_by_mouse(served, tab):
    made, base, ids = served
    store, job_id = made.store, ids[0]
    tab.goto(f"{base}/jobs/{job_id}")
    with tab.expect_navigation():
        draft(tab, 1).get_by_role("button", name="Approve").click()
    assert review_states(store, job_id) == ["approved", "new"]
    assert tab.locator(".done").inner_text() == "Approved."
    draft(tab, 2).locator("summary", has_text="Edit").click()
    draft(tab, 2).get_by_label("Subject").fill("About your parcel robots")
    draft(tab, 2).get_by_label("Text").fill("Hi Lena,\n\nMy own words.\n\nAlex")
    with tab.expect_navigation():
        draft(tab, 2).get_by_role("button", name="Save").click()
    edited = store.get(job_id).data["drafts"][1]
    assert (edited["subject"], edited["body"]) == ("About your parcel robots", "Hi Lena,\n\nMy own words.\n\nAlex")
    draft(tab, 2).locator("summary", has_text="Reject").click()
    draft(tab, 2).get_by_label("Why").fill("wrong person")
    with tab.expect_navigation():
        draft(tab, 2).get_by_role("button", name="Reject").click()
    assert review_states(store, job_id) == ["approved", "rejected"]
    assert store.get(job_id).data["drafts"][1]["review"]["reason"] == "wrong person"
    with tab.expect_navigation():
        draft(tab, 1).get_by_role("button", name="Mark sent").click()
    assert review_states(store, job_id) == ["sent", "rejected"]
    with tab.expect_navigation():
        tab.get_by_role("button", name="Mark applied").click()
    assert store.get(job_id).status == State.APPLIED
    assert tab.dialogs == []


def test_bulk_skip_of_selected_jobs(served, tab):
    made, base, ids = served
    tab.goto(base + "/")
    tab.get_by_label("Select Platform Engineer at Northwind Analytics").check()
    tab.get_by_label("Select Backend Developer – Payments at Nordlicht Bank").check()
    assert tab.locator("#selected-count").inner_text() == "2"
    with tab.expect_navigation():
        tab.locator("#bulk").get_by_role("button", name="Skip").click()
    assert [made.store.get(i).status for i in ids] == [State.DRAFT_GENERATED, State.SKIPPED, State.DRAFT_GENERATED,
                                                     State.SKIPPED, State.DRAFT_GENERATED]
    assert tab.locator(".done").inner_text() == "Done: every selected job changed."


def test_keyboard_triage_through_a_queue_of_five(served, tab, server):
    made, base, ids = served
    store = made.store
    server.routes["/job/0"] = Reply(200, "<title>the posting</title>")
    job = store.get(ids[0])
    store.upsert_job(new_job(0, source=job.source, title=job.title, company=job.company,
                             url=f"{server.base_url}/job/0", status=job.status))  # its posting, on loopback
    tab.goto(base + "/")
    current = lambda: tab.locator("tr.current .title").inner_text()  # noqa: E731
    assert current() == "Senior Backend Engineer (Python)"
    tab.keyboard.press("j")
    assert current() == "Platform Engineer"
    assert tab.evaluate("document.activeElement.id") == f"job-{ids[1]}", "the current row has the focus"
    with tab.expect_navigation():
        tab.keyboard.press("s")
    assert store.get(ids[1]).status == State.SKIPPED
    assert current() == "Data Engineer, Streaming", "the cursor stays where it was"
    tab.keyboard.press("x")
    tab.keyboard.press("j")
    tab.keyboard.press("x")
    assert tab.locator("#selected-count").inner_text() == "2"
    tab.keyboard.press("k")
    tab.keyboard.press("k")
    assert current() == "Senior Backend Engineer (Python)"
    with tab.context.expect_page() as opened:
        tab.keyboard.press("o")
    assert opened.value.url == f"{server.base_url}/job/0"
    opened.value.close()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url == f"{base}/jobs/{ids[0]}"
    with tab.expect_navigation():
        tab.keyboard.press("a")
    assert review_states(store, ids[0]) == ["approved", "new"]
    tab.keyboard.press("j")
    tab.keyboard.press("r")
    tab.keyboard.type("too generic")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert review_states(store, ids[0]) == ["approved", "rejected"]
    tab.keyboard.press("k")
    tab.keyboard.press("e")
    tab.keyboard.press("Control+a")
    tab.keyboard.type("Hi Jonas, my own words.")
    with tab.expect_navigation():
        tab.keyboard.press("Control+Enter")
    assert store.get(ids[0]).data["drafts"][0]["body"] == "Hi Jonas, my own words."
    tab.keyboard.press("?")
    assert tab.locator("#help").get_attribute("open") is not None
    tab.keyboard.press("Escape")
    with tab.expect_navigation():
        tab.keyboard.press("u")
    assert tab.url.startswith(base + "/") and "/jobs/" not in tab.url
    assert [store.get(i).status for i in ids] == [State.DRAFT_GENERATED, State.SKIPPED] + [State.DRAFT_GENERATED] * 3
    assert tab.dialogs == []


def test_copy_puts_the_draft_text_on_the_clipboard(served, tab):
    made, base, ids = served
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    tab.goto(f"{base}/jobs/{ids[0]}")
    tab.keyboard.press("j")
    tab.keyboard.press("c")
    tab.locator("#draft-2 [data-copied]").wait_for(state="attached")  # (the CSP forbids wait_for_function's eval)
    assert tab.evaluate("navigator.clipboard.readText()") == made.store.get(ids[0]).data["drafts"][1]["body"]
    draft(tab, 1).get_by_role("button", name="Copy subject").click()
    tab.locator("#draft-1 [data-copy-which][data-copied]").wait_for(state="attached")
    assert tab.evaluate("navigator.clipboard.readText()") == "Backend role, for Jonas"
    assert tab.locator("#announce").inner_text() == "Subject copied."


HOSTILE_TITLE = "<img src=x onerror=alert(1)>"


def test_hostile_text_stays_text_and_no_dialog_ever_opens(project, tab):
    made = project({})
    job_id = drafted(made.store, 1, title=HOSTILE_TITLE, company="<svg onload=alert(2)>",
                     description="<script>alert(3)</script>\n<a href=\"javascript:alert(4)\">apply here</a>",
                     extra={"description_html": '<p>Hi</p><script>alert(5)</script><a href="javascript:alert(6)">x</a>'
                                                '<a href="data:text/html,<script>alert(7)</script>">y</a>'
                                                '<img src=x onerror=alert(8)>'})
    other = drafted(made.store, 2, description="<script>alert(9)</script> <a href='javascript:alert(10)'>go</a>")
    with live(made.config) as page:
        base = page.url.rstrip("/")
        tab.goto(base + "/?tab=all")
        assert tab.get_by_role("link", name=HOSTILE_TITLE, exact=True).count() == 1, "the title is shown as text"
        tab.keyboard.press("j")  # the newest first: the hostile job is the second row
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert tab.url == f"{base}/jobs/{job_id}"
        assert tab.get_by_role("heading", level=1).inner_text() == HOSTILE_TITLE
        assert tab.locator("main img, main svg, main iframe").count() == 0
        hrefs = tab.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href') || '')")
        assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))], hrefs
        tab.goto(f"{base}/jobs/{other}")
        assert "<script>alert(9)</script>" in tab.locator(".description").inner_text()
        for key in ("j", "k", "c", "e", "Escape", "r", "Escape", "?"):
            tab.keyboard.press(key)
    assert tab.dialogs == []


def test_a_form_on_another_loopback_port_posting_to_the_page_changes_nothing(served, tab, server):
    made, base, ids = served
    job_id = ids[0]
    version = views.version(made.store.get(job_id))
    server.routes["/evil"] = Reply(200, f"""<!doctype html><form id=f method=post action="{base}/jobs/{job_id}/mark">
        <input name=status value=skipped><input name=version value="{version}"></form>
        <script>document.getElementById('f').submit()</script>""")
    before = (made.store.get(job_id).status, made.store.get(job_id).updated_at)
    with tab.expect_response(lambda r: r.url == f"{base}/jobs/{job_id}/mark") as answer:
        tab.goto(f"{server.base_url}/evil")
    assert answer.value.status == 403
    assert (made.store.get(job_id).status, made.store.get(job_id).updated_at) == before


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_screenshots_of_the_three_views_and_a_narrow_window(served, chromium, tmp_path):
    """PIPELINE_SCREENSHOTS=docs writes them into docs/ (the README shows them)."""
    made, base, ids = served
    folder = ROOT / "docs" if os.environ.get("PIPELINE_SCREENSHOTS") == "docs" else tmp_path
    taken = screenshots(chromium, base, ids[0], folder)
    assert [p.name for p in taken] == ["review-queue.png", "review-job.png", "review-status.png"]
    assert all(png_size(p) == (1280, 800) for p in taken)
    narrow = chromium.new_page()
    narrow.set_viewport_size({"width": 400, "height": 800})
    for path in ("/", f"/jobs/{ids[0]}", "/status"):
        narrow.goto(base + path)
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 400, f"{path} scrolls sideways"
    narrow.close()
