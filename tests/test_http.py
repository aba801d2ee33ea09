"""The HTTP policy against a real server on 127.0.0.1, with a fake clock so waits are measured,
not slept."""

import threading
import time
from email.utils import formatdate

import pytest

from pipeline.net.http import Fetcher, HostGaveUp, HostPolicy, TransientHTTPError, retry_after_seconds
from tests.helpers.http_server import RecordedServer, Reply


class Clock:
    def __init__(self) -> None:
        self.now, self.slept = 1000.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def fetcher(clock: Clock, **policy) -> Fetcher:
    return Fetcher(user_agent="test-agent/1.0", timeout=2, default=HostPolicy(**policy), sleep=clock.sleep,
                   clock=clock, wall=lambda: 1_800_000_000.0, rng=lambda: 0.5)


@pytest.fixture
def server():
    with RecordedServer() as s:
        yield s


def test_pacing_between_requests_and_user_agent(server):
    server.routes["/page"] = Reply(200, "ok")
    clock = Clock()
    f = fetcher(clock, min_delay=2, max_delay=5)
    for _ in range(3):
        assert f.get(server.base_url + "/page").text == "ok"
    assert clock.slept == [3.5, 3.5], "first request at once, then min + (max - min) * 0.5"
    assert server.requests[0][2]["User-Agent"] == "test-agent/1.0"


def test_429_honours_retry_after_and_slows_the_host(server):
    server.routes["/page"] = [Reply(429, "slow down", {"Retry-After": "7"}), Reply(200, "ok")]
    clock = Clock()
    f = fetcher(clock, min_delay=1, max_delay=1)
    assert f.get(server.base_url + "/page").text == "ok"
    assert clock.slept == [7.0]
    f.get(server.base_url + "/page")
    assert clock.slept[-1] == 2.0, "the host's delay doubled after a 429"


def test_429_without_retry_after_backs_off_exponentially(server):
    server.routes["/page"] = [Reply(429), Reply(429), Reply(200, "ok")]
    clock = Clock()
    assert fetcher(clock, min_delay=0, max_delay=0, backoff_429=30).get(server.base_url + "/page").text == "ok"
    assert clock.slept == [30.0, 60.0]


def test_repeated_429_gives_the_host_up_for_the_run(server):
    server.routes["/page"] = Reply(429, headers={"Retry-After": "1"})
    clock = Clock()
    f = fetcher(clock, min_delay=0, max_delay=0, max_429=3)
    with pytest.raises(HostGaveUp, match="429 too often"):
        f.get(server.base_url + "/page")
    asked = len(server.requests)
    with pytest.raises(HostGaveUp):
        f.get(server.base_url + "/other")
    assert asked == 3 and len(server.requests) == 3, "no request after giving up"
    f.reset()
    server.routes["/page"] = Reply(200, "ok")
    assert f.get(server.base_url + "/page").text == "ok", "the next run tries again"


def test_retry_after_longer_than_max_wait_gives_up_at_once(server):
    server.routes["/page"] = Reply(429, headers={"Retry-After": "86400"})
    with pytest.raises(HostGaveUp):
        fetcher(Clock(), min_delay=0, max_delay=0, max_wait=600).get(server.base_url + "/page")
    assert len(server.requests) == 1


def test_retry_after_as_a_date():
    assert retry_after_seconds(formatdate(1_800_000_090, usegmt=True), 1_800_000_000) == 90
    assert retry_after_seconds("soon", 0) is None and retry_after_seconds(None, 0) is None


def test_5xx_is_retried_then_reported(server):
    server.routes["/flaky"] = [Reply(503), Reply(200, "ok")]
    server.routes["/down"] = Reply(500)
    clock = Clock()
    f = fetcher(clock, min_delay=0, max_delay=0)
    assert f.get(server.base_url + "/flaky").text == "ok"
    with pytest.raises(TransientHTTPError, match="HTTP 500"):
        f.get(server.base_url + "/down")
    assert server.paths().count("/down") == 3


def test_timeouts_and_refused_connections_are_transient(server):
    def slow(_query):
        time.sleep(1.5)
        return Reply(200, "late")

    server.routes["/slow"] = slow
    f = Fetcher(timeout=0.3, default=HostPolicy(min_delay=0, max_delay=0), sleep=lambda s: None)
    with pytest.raises(TransientHTTPError, match="timeout"):
        f.get(server.base_url + "/slow")
    with pytest.raises(TransientHTTPError, match="cannot connect"):
        f.get("http://127.0.0.1:9/nothing-listens-here")


def test_requests_in_flight_per_host_are_capped(server):
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def counted(_query):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.1)
        with lock:
            state["now"] -= 1
        return Reply(200, "ok")

    server.routes["/page"] = counted
    f = Fetcher(default=HostPolicy(min_delay=0, max_delay=0, max_in_flight=2))
    threads = [threading.Thread(target=f.get, args=(server.base_url + "/page",)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert state["max"] == 2


def test_two_sources_behind_one_host_keep_their_own_pacing(server):
    """Pacing is keyed by the source's base URL: a slow source does not slow a fast one on the same
    (proxy) host, and each keeps its own delays."""
    server.routes["/slow/x"] = Reply(200, "ok")
    server.routes["/fast/x"] = Reply(200, "ok")
    clock = Clock()
    f = Fetcher(policies={server.base_url + "/slow/": HostPolicy(min_delay=5, max_delay=5),
                          server.base_url + "/fast/": HostPolicy(min_delay=0, max_delay=0)},
                default=HostPolicy(min_delay=1, max_delay=1), sleep=clock.sleep, clock=clock, rng=lambda: 0.5)
    for _ in range(2):
        f.get(server.base_url + "/slow/x")
        f.get(server.base_url + "/fast/x")
    assert clock.slept == [5.0], "only the slow source's second request waited, and only its own delay"


def test_shared_pacing_keeps_two_fetchers_to_one_rate(server, tmp_path):
    """Two daemons' fetchers on one store, LinkedIn-style shared policy of 2 s: together they keep
    one daemon's rate (each request waits for the one booked before it, whoever made it)."""
    from pipeline.store.sqlite import SQLiteStore
    from tests.conftest import FakeClock

    server.routes["/jobs"] = Reply(200, "ok")
    store = SQLiteStore(tmp_path / "jobs.sqlite3", clock=FakeClock())
    clocks = [Clock(), Clock()]
    fetchers = [Fetcher(policies={server.base_url + "/": HostPolicy(min_delay=2, max_delay=2, shared=True)},
                        sleep=clock.sleep, clock=clock, rng=lambda: 0.5) for clock in clocks]
    for f in fetchers:
        f.reset(booker=store.reserve)
    for _ in range(2):
        for f in fetchers:
            f.get(server.base_url + "/jobs")
    assert (clocks[0].slept, clocks[1].slept) == ([4.0], [2.0, 6.0]), "0 s, then 2, 4 and 6 s: one rate"
