"""The review page against other sites and other machines: Host names (DNS rebinding), the token,
cross-site writes, GETs that change nothing, headers on every answer, and text from the web that
tries to become markup or script."""

import base64
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from pipeline import constants as c
from pipeline.config.loading import load_config
from pipeline.errors import ConfigError
from pipeline.service import views
from pipeline.web.app import make_app
from pipeline.web.server import PageServer, check_host
from tests.helpers.builders import new_job
from tests.web.conftest import BASE, snapshot
from tests.web.demo import drafted, fill_demo


def skip_form(store, job_id):
    return {"status": "skipped", "version": views.version(store.get(job_id))}


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "http://127.0.0.1:9999"},  # another loopback port is another origin
    {"Origin": "null"},
    {},  # neither Origin nor Sec-Fetch-Site: not a browser on this page
    {"Sec-Fetch-Site": "cross-site", "Origin": BASE},
    {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:9999"},
    {"Sec-Fetch-Site": "none"},
])
def test_a_post_from_anywhere_but_the_page_itself_is_refused_and_writes_nothing(project, headers):
    made = project({})
    job_id = drafted(made.store, 1)
    before = snapshot(made.store)
    with TestClient(make_app(made.config, made.store), base_url=BASE, follow_redirects=False) as client:
        for path, form in ((f"/jobs/{job_id}/mark", skip_form(made.store, job_id)),
                           (f"/jobs/{job_id}/review", {"action": "approve", "n": "1",
                                                        "version": views.version(made.store.get(job_id))}),
                           ("/bulk", {"action": "skip", "ids": [f"{job_id}@{views.version(made.store.get(job_id))}"]})):
            answer = client.post(path, data=form, headers=headers)
            assert answer.status_code == 403, (path, headers)
            assert "Nothing was changed" in answer.text
    assert snapshot(made.store) == before


def test_a_post_from_the_page_itself_is_taken(project):
    made = project({})
    job_id = drafted(made.store, 1)
    with TestClient(make_app(made.config, made.store), base_url=BASE, follow_redirects=False) as client:
        form = skip_form(made.store, job_id)
        assert client.post(f"/jobs/{job_id}/mark", data=form, headers={"Sec-Fetch-Site": "same-origin"}).status_code \
            == 303
    assert made.store.get(job_id).status == "skipped"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "localhost.",
                                  "[::2]:8765", ""])
def test_a_host_name_the_page_was_not_started_with_gets_400(site, host):
    made, client = site
    job_id = drafted(made.store, 1)
    before = snapshot(made.store)
    assert client.get("/", headers={"Host": host}).status_code == 400
    answer = client.post(f"/jobs/{job_id}/mark", data=skip_form(made.store, job_id),
                         headers={"Host": host, "Origin": f"http://{host}"})
    assert answer.status_code == 400 and answer.headers["x-content-type-options"] == "nosniff"
    assert snapshot(made.store) == before


def test_loopback_names_and_the_configured_ones_are_answered(project):
    made = project({"web": {"allowed_hosts": ["jobs.lan"]}})
    with TestClient(make_app(made.config, made.store), base_url=BASE) as client:
        for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST", "jobs.lan:8765", "jobs.lan"):
            assert client.get("/", headers={"Host": host}).status_code == 200, host


def test_gets_change_nothing(site):
    made, client = site
    ids = fill_demo(made.store)
    before = snapshot(made.store)
    paths = ["/", "/status", "/static/keys.js", "/static/page.css", *(f"/jobs/{i}" for i in ids),
             *(f"/?tab={t}" for t in ("review", "scored", "failed", "all")), "/jobs/nope",
             f"/jobs/{ids[0]}/resume"]
    for path in paths:
        assert client.get(path).status_code in (200, 404), path
    for path in (f"/jobs/{ids[0]}/mark?status=skipped", f"/jobs/{ids[0]}/review?action=approve", "/bulk"):
        assert client.get(path).status_code == 405, "a change is a POST, never a GET"
    assert snapshot(made.store) == before


def test_every_answer_carries_the_security_headers(site):
    _, client = site
    for answer in (client.get("/"), client.get("/static/keys.js"), client.get("/jobs/nope"),
                   client.get("/", headers={"Host": "evil.example"}), client.post("/bulk", headers={"Origin": ""})):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
    assert "no-store" in client.get("/").headers["cache-control"]


def test_a_cross_site_subresource_get_is_refused_but_a_link_followed_is_not(site):
    _, client = site
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors",
                                    "Sec-Fetch-Dest": "image"}).status_code == 403
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
                                    "Sec-Fetch-Dest": "document"}).status_code == 200


def test_with_a_token_every_request_must_give_it(project, monkeypatch):
    monkeypatch.setenv(c.ENV_WEB_TOKEN, "s3cret-token")
    made = project({})
    config = load_config(str(made.path))
    with TestClient(make_app(config, made.store), base_url=BASE, headers={"Origin": BASE}) as client:
        refused = client.get("/")
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
        assert "s3cret" not in refused.text
        basic = base64.b64encode(b"anyone:s3cret-token").decode()
        assert client.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        assert client.get("/", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        for wrong in ("Bearer s3cret", "Basic " + base64.b64encode(b"x:nope").decode(), "Basic !!!", "s3cret-token"):
            assert client.get("/", headers={"Authorization": wrong}).status_code == 401, wrong
        job_id = drafted(made.store, 1)
        assert client.post(f"/jobs/{job_id}/mark", data=skip_form(made.store, job_id)).status_code == 401
        assert client.get("/", headers={"Host": "evil.example", "Authorization": "Bearer s3cret-token"}) \
            .status_code == 400, "a right token does not open the page to another name"


def test_a_host_other_than_loopback_needs_a_token(project, monkeypatch, capsys):
    made = project({})
    for host in ("0.0.0.0", "::", "192.168.1.20", "jobs.lan"):
        with pytest.raises(ConfigError, match="is not a loopback address"):
            PageServer(made.config, host, 0)
    assert check_host("127.0.0.1", None) == [] and check_host("::1", None) == [] and check_host("localhost", None) == []
    assert "other machines may reach" in check_host("0.0.0.0", "token")[0]
    assert made.run("web", "--host", "0.0.0.0", "--port", "0") == c.EXIT_USAGE
    err = capsys.readouterr().err
    assert "not serving: --host: 0.0.0.0 is not a loopback address" in err and "WEB_TOKEN" in err


HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_HTML = ('<p>Join us</p><script>alert(2)</script><a href="javascript:alert(3)">apply</a>'
                '<a href="data:text/html,<script>alert(4)</script>">more</a><a href="/jobs/x/mark">here</a>'
                '<a href="https://acme.example/apply" onclick="alert(5)">real</a><img src=x onerror=alert(6)>'
                '<iframe src="https://evil.example"></iframe><p style="display:block" class="x">ok</p>')


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element of a page, as a browser's parser sees it: (tag, attributes)."""
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))
    Collect().feed(html)
    return found


def test_text_from_the_web_is_shown_as_text_and_cannot_become_markup(site):
    made, client = site
    store = made.store
    job_id = drafted(store, 1, title=HOSTILE_TITLE + "\u202e\u200b", company='"><script>alert(7)</script>',
                     location="Berlin\x1b]52;c;ZXZpbA==\x07", url="javascript:alert(8)",
                     description="<script>alert(9)</script> and <a href=\"javascript:alert(10)\">click</a>",
                     extra={"apply_url": "javascript:alert(11)"})
    plain = drafted(store, 2, title="Plain", description="<script>alert(12)</script>")
    job = store.get(job_id)  # a model's answer is stored as it came: the page cleans it on the way out
    drafts = [{**job.data["drafts"][0], "body": "Hi\u202e \x1b[31mJonas\x9b\u2066", "subject": "<b>x</b>\u200b"}]
    assert store.annotate(job_id, job.status, {"drafts": drafts}, {})
    job = store.get(plain)
    # a description's own HTML (a source's or an import's extra) goes through the allow-list
    store.upsert_job(new_job(2, title="Plain", description="<script>alert(12)</script>",
                             extra={"description_html": HOSTILE_HTML}, status=job.status))
    queue = client.get("/?tab=all").text
    page = client.get(f"/jobs/{job_id}").text
    html_page = client.get(f"/jobs/{plain}").text
    for text in (queue, page, html_page):
        found = elements(text)
        assert [a for t, a in found if t == "script"] == [{"src": "/static/keys.js", "defer": None}]
        assert not {t for t, _ in found} & {"img", "iframe", "object", "embed", "svg", "style", "base"}
        assert not [a for _, a in found if any(name.startswith("on") or name == "style" for name in a)]
        hrefs = [a["href"] for t, a in found if "href" in a]
        assert all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs), hrefs
        assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text and "\u200b" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in queue and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&#34;&gt;&lt;script&gt;alert(7)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in page, "a plain-text description is shown as text"
    assert "Job address (not a web link): javascript:alert(8)" in page and "Apply page" not in page
    links = [a for t, a in elements(html_page) if t == "a" and a.get("target") == "_blank"]
    assert {"href": "https://acme.example/apply", "target": "_blank", "rel": "noopener noreferrer"} in links
    assert all(a.get("rel") == "noopener noreferrer" for a in links), "every link out opens without an opener"
    assert "alert(2)" not in html_page and "<p>ok</p>" in html_page


def test_a_token_and_a_non_loopback_host_in_the_config_start_a_server_that_warns(project, monkeypatch):
    monkeypatch.setenv(c.ENV_WEB_TOKEN, "t0ken")
    made = project({"web": {"host": "127.0.0.1"}})
    config = load_config(str(made.path))
    assert config.web_token == "t0ken" and "t0ken" not in repr(config)
    page = PageServer(config, port=0)
    try:
        assert page.url.startswith("http://127.0.0.1:") and page.warnings == []
    finally:
        page.socket.close()


def test_a_post_without_a_length_or_larger_than_any_form_is_not_read(site):
    made, client = site
    job_id = drafted(made.store, 1)
    before = snapshot(made.store)
    huge = client.post(f"/jobs/{job_id}/edit", data={"n": "1", "body": "x" * 300_000,
                                                      "version": views.version(made.store.get(job_id))})
    assert huge.status_code == 413
    chunked = client.post(f"/jobs/{job_id}/mark", content=iter([b"status=skipped"]),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert chunked.status_code == 413
    assert snapshot(made.store) == before
