"""Fetches stay on the public internet (#26): company URLs, links found on pages and every hop of a
redirect that point at loopback, private, link-local, multicast or reserved addresses are refused
before any connection, with or without a proxy, and the reason is kept on the company record.
No test here ever connects to a private address: the refusal comes first."""

import socket
import time

import pytest

from pipeline import constants as c
from pipeline.engine.runner import run_stage
from pipeline.errors import Unreachable
from pipeline.net.http import Fetcher, HostPolicy
from pipeline.net.public import NotPublic, PublicBackend, check_url, kind_of, resolve
from pipeline.stages.enrich import Enrich
from pipeline.states import State
from pipeline.store import NewJob
from tests.helpers.http_server import Reply


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("10.0.0.1", "private"), ("172.16.5.4", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "private"), ("100.64.0.1", "non-public"), ("::1", "loopback"),
    ("fe80::1", "link-local"), ("fc00::1", "private"), ("ff02::1", "multicast"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "link-local"), ("2002:7f00:1::1", "loopback"),
    ("8.8.8.8", ""), ("2606:4700:4700::1111", ""),
])
def test_every_non_public_range_is_known(address, kind):
    assert kind_of(address) == kind


@pytest.mark.parametrize("url, words", [
    ("file:///etc/passwd", "only http and https"), ("ftp://files.example/x", "only http and https"),
    ("gopher://127.0.0.1:70/", "only http and https"), ("http://localhost:9/admin", "localhost (127.0.0.1)"),
    ("http://2130706433/", "loopback"), ("http://0x7f.1/", "loopback"), ("http://[::1]:8080/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"), ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.1.2.3/", "private"), ("http://[fe80::1%25lo]/", "link-local"), ("http://host.example:99999/", "port"),
])
def test_urls_off_the_public_internet_are_refused(url, words):
    with pytest.raises(NotPublic, match=words.replace("(", r"\(").replace(")", r"\)")):
        check_url(url, 5)


def test_a_name_that_does_not_resolve_in_time_is_unreachable_not_a_hang(monkeypatch):
    """Resolution has the fetch's timeout; a silent DNS is an outage (Unreachable), never a wait."""
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: time.sleep(30))
    started = time.monotonic()
    with pytest.raises(Unreachable, match="no DNS answer within 0.2s"):
        resolve("slow.example", 80, 0.2)
    assert time.monotonic() - started < 15, "not the 30 s a silent DNS takes"


def test_through_a_proxy_the_destination_is_still_refused(server):
    server.routes["*"] = Reply(200, "internal page")
    fetcher = Fetcher(proxy=server.base_url, public_only=True, default=HostPolicy(min_delay=0, max_delay=0))
    for url in (f"{server.base_url}/admin/delete?all=1", "http://localhost/admin", "http://10.0.0.7/"):
        with pytest.raises(NotPublic):
            fetcher.get(url)
    assert server.requests == [], "the proxy was never asked"


def test_every_redirect_hop_is_checked(server):
    """A configured source's own base URL is the person's (trusted); its redirect to loopback is not."""
    port = server.base_url.rsplit(":", 1)[1]
    server.routes["/go"] = Reply(302, "", headers={"Location": f"http://localhost:{port}/admin"})
    server.routes["/admin"] = Reply(200, "secret")
    fetcher = Fetcher(public_only=True, policies={server.base_url + "/": HostPolicy(min_delay=0, max_delay=0)})
    with pytest.raises(NotPublic, match="localhost"):
        fetcher.get(server.base_url + "/go")
    assert server.paths() == ["/go"], "the hop to loopback was never sent"


def test_without_a_proxy_the_connection_goes_to_the_address_checked(server):
    """The network backend resolves and checks itself, so a name cannot pass the check with one
    address and connect to another."""
    from httpcore import SyncBackend

    port = int(server.base_url.rsplit(":", 1)[1])
    backend = PublicBackend(SyncBackend(), trusted=set(), timeout=5)
    with pytest.raises(NotPublic):
        backend.connect_tcp("localhost", port)
    trusted = PublicBackend(SyncBackend(), trusted={("127.0.0.1", port)}, timeout=5)
    trusted.connect_tcp("127.0.0.1", port).close()


def test_enrich_never_fetches_an_internal_company_url(project, server):
    """The issue's case: company_url http://127.0.0.1:PORT/admin/delete?all=1, through a proxy: no
    request reaches it, the job fails with the reason, the company record keeps it, and a job
    already stored is unchanged."""
    server.routes["*"] = Reply(200, "<html><body>internal admin page</body></html>")
    made = project({"http": {"allow_private_addresses": False, "proxy": server.base_url, "min_delay": 0,
                             "max_delay": 0, "timeout_seconds": 5},
                    "sources": {"linkedin": {"base_url": server.base_url, "min_delay": 0, "max_delay": 0}}})
    store = made.store
    store.upsert_job(NewJob(source="t", source_id="kept", url="https://jobs.example.org/kept", title="Kept",
                            company="Other", status=State.APPLIED))
    before = store.get(store.list_jobs()[0].id)
    for n, target in enumerate((f"{server.base_url}/admin/delete?all=1", "http://169.254.169.254/latest/",
                                "http://[::1]/", "http://localhost/")):
        store.upsert_job(NewJob(source="t", source_id=str(n), url=f"https://jobs.example.org/{n}", title="Engineer",
                                company=f"Internal {n}", company_url=target, status=State.SCORED))
    stage = Enrich(made.config, mx_lookup=lambda domain: "unchecked")
    record = run_stage(store, stage.stage(), made.config.stages[c.ENRICH])
    assert server.requests == [], "no internal page was requested"
    assert (record.failed, record.succeeded) == (4, 0)
    for job in store.list_jobs(State.FAILED):
        assert "refused to fetch" in job.last_error, job.last_error
        company = store.find_company([f"name:internal {job.source_id}"]) or \
            store.find_company([a for a in (f"domain:{job.company_url.split('/')[2]}",)])
        assert company is not None and "refused to fetch" in company["refused"][0]["reason"], company
        assert "internal admin page" not in str(company)
    assert store.get(before.id) == before
