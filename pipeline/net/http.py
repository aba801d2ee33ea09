"""One HTTP policy for every source: timeouts, per-host pacing with a random delay, a cap on
requests in flight per host, and adaptive backoff on 429.

A 429 waits for Retry-After (seconds or an HTTP date) or, without it, an exponential pause; the
host's delay doubles for the rest of the run. After `max_429` 429s in a row, or a Retry-After
longer than `max_wait`, the host is given up for this run (HostGaveUp) and tried again next run.
Every wait (pacing, 429 back-off, retries) wakes on the run's stop event and ends the fetch
(Stopped). When a host cannot even be connected to (DNS fails, connection refused), one request
to a canary (the main source's base URL) tells an outage from one dead website: if the canary
cannot be reached either, the network is down (NetworkDown), the run halts and its jobs go back
untouched. Time and sleep are injectable so tests run without waiting.
"""

import email.utils
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from pipeline.errors import (
    HaltRun,
    NetworkDown,
    PermanentError,
    RetryableError,
    Stopped,
    TransientHTTPError,
    Unreachable,
)
from pipeline.logs import get_logger
from pipeline.net.public import PublicBackend, check_url

log = get_logger("pipeline.http")

DEFAULT_USER_AGENT = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0 Safari/537.36 job-pipeline/0.1 (personal job search; polite crawler)")


FROM_WEB = "pipeline_from_web"  # a request extension: the URL came from the web, check every hop


class HostGaveUp(HaltRun):
    """The host keeps saying 429: no more requests to it in this run."""





@dataclass(frozen=True)
class HostPolicy:
    min_delay: float = 1.0
    max_delay: float = 3.0
    max_in_flight: int = 2
    max_429: int = 3
    backoff_429: float = 60.0
    max_wait: float = 600.0
    shared: bool = False  # the next allowed request time is booked in the store (Fetcher.booker)


@dataclass
class _Host:
    key: str  # the base URL (or host) whose pacing this is
    policy: HostPolicy
    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    factor: float = 1.0
    strikes: int = 0
    gave_up: bool = False


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Retry-After as seconds from now; None when absent or unreadable."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


class Fetcher:
    """GET with the pipeline's manners. One per run; thread-safe."""

    def __init__(self, user_agent: str = DEFAULT_USER_AGENT, timeout: float = 20.0, proxy: str | None = None,
                 policies: dict[str, HostPolicy] | None = None, default: HostPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time, rng: Callable[[], float] = random.random,
                 canary: str | None = None, public_only: bool = False) -> None:
        self.policies, self.default = policies or {}, default or HostPolicy()
        # keys with a scheme are base URLs (longest first); the others are hosts
        self._prefixes = sorted((k for k in self.policies if "://" in k), key=len, reverse=True)
        self.timeout, self.public_only = timeout, public_only
        self.client = httpx.Client(headers={"User-Agent": user_agent, "Accept-Language": "en-US,en;q=0.9"},
                                   timeout=timeout, proxy=proxy, follow_redirects=True,
                                   transport=self._public_transport() if public_only and not proxy else None,
                                   event_hooks={"request": [self._check_destination]} if public_only else None)
        self.sleep, self.clock, self.wall, self.rng = sleep, clock, wall, rng
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0
        self.waited = 0.0
        self.stop: threading.Event | None = None  # the run's stop: every wait wakes on it
        self.canary = canary  # reached when another host is not: is it that host, or the network?
        # books a request on a shared pacing key: (key, gap after it) -> seconds to wait first
        self.booker: Callable[[str, float], float] | None = None
        self._down = ""  # why the network is down, until any host answers again

    def _trusted(self, url: str) -> bool:
        """A URL under a configured source's base URL: the person's own config, not the web's."""
        return any(url.startswith(prefix) for prefix in self._prefixes)

    def _check_destination(self, request: httpx.Request) -> None:
        """Every request, each hop of a redirect included: only public http(s) destinations
        (pipeline.net.public), resolved by us even when a proxy will make the connection. A URL
        from the web is checked even when it points under a configured source's base URL."""
        url = str(request.url)
        if request.extensions.get(FROM_WEB) or not self._trusted(url):
            check_url(url, self.timeout)

    def _public_transport(self) -> httpx.HTTPTransport:
        """The default transport, connecting only to the public addresses it checked."""
        transport = httpx.HTTPTransport()
        trusted = {(u.host, u.port or (443 if u.scheme == "https" else 80)) for u in map(httpx.URL, self._prefixes)}
        pool = transport._pool  # noqa: SLF001 - httpx takes no network backend of its own
        pool._network_backend = PublicBackend(pool._network_backend, trusted, self.timeout)  # type: ignore[assignment]  # noqa: SLF001
        return transport

    def key(self, url: str) -> str:
        return next((k for k in self._prefixes if url.startswith(k)), urlsplit(url).netloc)

    def _host(self, url: str) -> _Host:
        """The pacing state a URL falls under: the source whose base URL it starts with (two
        sources behind one proxy host keep their own delays), else its host's own."""
        key = self.key(url)
        with self._lock:
            if key not in self._hosts:
                policy = self.policies.get(key, self.default)
                self._hosts[key] = _Host(key, policy, threading.Semaphore(policy.max_in_flight))
            return self._hosts[key]

    def _pace(self, state: _Host) -> None:
        """Wait for the host's next slot, then book the one after it with a random delay. A shared
        policy books in the store too, so several daemons together keep one daemon's rate."""
        with state.lock:
            now = self.clock()
            wait = max(0.0, state.next_at - now)
            p = state.policy
            gap = (p.min_delay + (p.max_delay - p.min_delay) * self.rng()) * state.factor
            state.next_at = max(now, state.next_at) + gap
            if p.shared and self.booker is not None:
                wait = max(wait, self.booker(f"pacing:{state.key}", gap))
                state.next_at = max(state.next_at, now + wait + gap)
        if wait:
            self.waited += wait
            self._wait(wait)

    def _wait(self, seconds: float) -> None:
        """Sleep, waking at once when the run is told to stop (then the fetch ends: Stopped)."""
        if self.stop is not None and self.sleep is time.sleep:
            stopped = self.stop.wait(seconds)
        else:
            self.sleep(seconds)
            stopped = self.stop is not None and self.stop.is_set()
        if stopped:
            raise Stopped("the run was stopped while a fetch waited")

    def get(self, url: str, params: dict[str, Any] | None = None, from_web: bool = False) -> httpx.Response:
        """A paced GET that returns any non-429 response; 5xx and network errors are tried 3 times.
        `from_web`: the URL was found on the web (a company's site, a link on a page), never
        trusted for the configured source it may point under."""
        if from_web and self.public_only:
            check_url(url, self.timeout)  # before pacing or a canary: a refused URL costs nothing
        state = self._host(url)
        with state.slots:
            while True:
                if state.gave_up:
                    raise HostGaveUp(f"{urlsplit(url).netloc} answered 429 too often; trying again next run")
                self._pace(state)
                response = self._reached(url, params, from_web)
                if response.status_code != 429:
                    state.strikes = 0
                    return response
                self._on_429(state, response, url)

    def _reached(self, url: str, params: dict[str, Any] | None, from_web: bool = False) -> httpx.Response:
        """_send; a host that cannot be connected to is checked against the canary: both away is
        an outage (NetworkDown), the canary there means only this host is away (Unreachable)."""
        try:
            response = self._send(url, params, from_web)
        except Unreachable as exc:
            down = self._network_down(urlsplit(url).netloc)
            if down:
                raise NetworkDown(f"network unreachable: {down}") from None
            raise exc from None
        self._down = ""
        return response

    def _network_down(self, host: str) -> str:
        """Why the network looks down, or '' when the canary answers (or there is none)."""
        if self._down or not self.canary:
            return self._down
        canary_host = urlsplit(self.canary).netloc
        if canary_host != host:
            try:
                self.client.head(self.canary, timeout=5.0)
                return ""
            except httpx.TransportError:
                pass
        self._down = f"cannot connect to {host}" + (f" nor to {canary_host}" if canary_host != host else "")
        return self._down

    def _send(self, url: str, params: dict[str, Any] | None, from_web: bool = False) -> httpx.Response:
        retrying = Retrying(retry=retry_if_exception_type(TransientHTTPError), stop=stop_after_attempt(3),
                            wait=wait_exponential(multiplier=1, max=10), sleep=self._wait, reraise=True)
        return retrying(self._send_once, url, params, from_web)

    def _send_once(self, url: str, params: dict[str, Any] | None, from_web: bool = False) -> httpx.Response:
        self.requests += 1
        try:
            response = self.client.get(url, params=params, extensions={FROM_WEB: True} if from_web else None)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ProxyError) as exc:
            raise Unreachable(f"cannot connect to {urlsplit(url).netloc}: {type(exc).__name__}: {exc}") from None
        except httpx.TimeoutException as exc:
            raise TransientHTTPError(f"timeout fetching {url}: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            raise TransientHTTPError(f"network error fetching {url}: {exc}") from None
        if response.status_code >= 500:
            raise TransientHTTPError(f"HTTP {response.status_code} from {url}")
        return response

    def _on_429(self, state: _Host, response: httpx.Response, url: str) -> None:
        p = state.policy
        with state.lock:
            state.strikes += 1
            state.factor *= 2
            wait = retry_after_seconds(response.headers.get("Retry-After"), self.wall())
            wait = wait if wait is not None else p.backoff_429 * 2 ** (state.strikes - 1)
            if state.strikes >= p.max_429 or wait > p.max_wait:
                state.gave_up = True
            state.next_at = self.clock() + wait
        log.warning("rate limited (429)", url=url, wait_seconds=round(wait, 1), strikes=state.strikes,
                    giving_up=state.gave_up)

    def reset(self, stop: threading.Event | None = None,
              booker: Callable[[str, float], float] | None = None) -> None:
        """Forget pacing, 429 strikes, give-ups and unreached hosts: a new run starts fresh; its
        waits wake on `stop`, and shared pacing books through `booker` (the store's reserve)."""
        with self._lock:
            self._hosts.clear()
        self.requests, self.waited, self.stop, self._down, self.booker = 0, 0.0, stop, "", booker

    def close(self) -> None:
        self.client.close()


def check_status(response: httpx.Response) -> None:
    """404/410 mean the thing is gone (permanent); other 4xx are unexpected answers (retryable)."""
    if response.status_code in (404, 410):
        raise PermanentError(f"HTTP {response.status_code}: {response.url} is gone")
    if response.status_code >= 400:
        raise RetryableError(f"HTTP {response.status_code} from {response.url}")
