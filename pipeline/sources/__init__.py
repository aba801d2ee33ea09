"""The sources of the catalog's source table, built from the config."""

from pipeline.config.catalog import SOURCES, load
from pipeline.config.loading import Config
from pipeline.net.http import DEFAULT_USER_AGENT, Fetcher, HostPolicy
from pipeline.sources.base import BlockedError, DriftError, Source

__all__ = ["BlockedError", "DriftError", "Source", "build_fetcher", "build_sources"]

def build_sources(config: Config) -> dict[str, Source]:
    """Every enabled source, keyed by the name searches use."""
    return {name: load(SOURCES[name].factory, f"the {name} source")(sc)
            for name, sc in config.sources.items() if sc.enabled}


def build_fetcher(config: Config) -> Fetcher:
    """One Fetcher with each source's pacing applied to its base URL (not its host: two sources
    behind one proxy host keep their own delays)."""

    policies = {sc.base_url.rstrip("/") + "/": HostPolicy(min_delay=sc.min_delay, max_delay=sc.max_delay,
                                                         max_in_flight=sc.max_in_flight, max_429=sc.max_429,
                                                         backoff_429=sc.backoff_base_seconds,
                                                         max_wait=sc.backoff_max_seconds,
                                                         shared=SOURCES[name].shared_pacing)
                for name, sc in config.sources.items()}
    h = config.http
    enabled = [sc.base_url for sc in config.sources.values() if sc.enabled]
    return Fetcher(user_agent=h.user_agent or DEFAULT_USER_AGENT, timeout=h.timeout_seconds, proxy=h.proxy,
                   policies=policies, default=HostPolicy(min_delay=h.min_delay, max_delay=h.max_delay,
                                                         max_in_flight=h.max_in_flight),
                   canary=enabled[0] if enabled else None, public_only=not h.allow_private_addresses)
