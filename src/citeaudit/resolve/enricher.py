"""The resolution phase as an `Enricher`, and its wiring from settings."""

from __future__ import annotations

import dataclasses
from typing import Any

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.enrichment import Enricher
from citeaudit.resolve.cache import RegistryCache
from citeaudit.resolve.channel import Channel, RetryPolicy
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.datacite import DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.interface import Resolver
from citeaudit.resolve.limiter import Limiter, LocalLimiter, RedisLimiter
from citeaudit.resolve.resolver import RegistryResolver
from citeaudit.run_share import RESOLUTION_SHARE, share_of_run
from citeaudit.settings import ServiceSettings, Settings

__all__ = ["RUN_SHARE", "ResolutionEnricher", "build_resolver"]

RUN_SHARE = 0.6  # of a service chunk's time limit, for its registry look-ups (as for links)


def _limiter(settings: Settings, name: str, rate: float, concurrency: int) -> Limiter:
    """Shared through Redis when configured and answering; per process otherwise."""
    if settings.redis_url:
        try:
            import redis

            client: Any = redis.Redis.from_url(settings.redis_url, socket_timeout=2)
            client.ping()
            return RedisLimiter(client, name, rate, concurrency)
        except (redis.RedisError, OSError):
            pass  # pacing still holds inside this process
    return LocalLimiter(rate, concurrency)


def build_resolver(
    settings: Settings,
    *,
    use_cache: bool = True,
    policy: RetryPolicy | None = None,
    batch_size: int | None = None,  # DOIs per filter request; None: as the URL holds
    other_rate: float = 10.0,
    other_concurrency: int = 4,
) -> RegistryResolver:
    """Everything the resolution phase needs, from settings.

    `use_cache=False` is ``--no-cache``: registries are asked again (fresh answers
    are still stored). doi.org and DataCite publish no limits; `other_rate` and
    `other_concurrency` keep us gentle with them.
    """
    cache = RegistryCache(
        settings.cache_dir / "registry",
        ttl=settings.cache_ttl,
        not_found_ttl=settings.cache_not_found_ttl,
        read=use_cache,
    )
    timeout = settings.registry_timeout
    crossref = CrossrefRegistry(
        Channel(
            "Crossref",
            _limiter(settings, "crossref", settings.crossref_rate, settings.crossref_concurrency),
            policy=policy,
        ),
        base_url=settings.crossref_url,
        mailto=settings.mailto,
        timeout=timeout,
        cache=cache,
        batch_size=batch_size,
    )
    handles = HandleRegistry(
        Channel(
            "doi.org", _limiter(settings, "doi.org", other_rate, other_concurrency), policy=policy
        ),
        base_url=settings.doi_url,
        timeout=timeout,
        cache=cache,
    )
    datacite = DataCiteRegistry(
        Channel(
            "DataCite", _limiter(settings, "datacite", other_rate, other_concurrency), policy=policy
        ),
        base_url=settings.datacite_url,
        timeout=timeout,
        cache=cache,
    )
    # In the service a run ends well inside its chunk's time limit (as link checks do):
    # a request in flight at the deadline still has its own exchange limit to finish.
    run_time = None
    if isinstance(settings, ServiceSettings):
        run_time = RUN_SHARE * settings.chunk_time_limit
    return RegistryResolver(
        crossref,
        handles,
        datacite,
        workers=max(8, settings.crossref_concurrency * 2),
        max_run_time=run_time,
    )


class ResolutionEnricher(Enricher):
    phase = Phase.RESOLUTION

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.last_requests: dict[str, int] = {}

    def close(self) -> None:
        close = getattr(self.resolver, "close", None)
        if callable(close):
            close()

    @classmethod
    def from_settings(cls, settings: Settings, *, use_cache: bool = True) -> ResolutionEnricher:
        return cls(build_resolver(settings, use_cache=use_cache))

    def enrich(self, data: AuditData) -> AuditData:
        if self.run_ends is not None and isinstance(self.resolver, RegistryResolver):
            own = self.resolver.max_run_time
            self.resolver.max_run_time = share_of_run(self.run_ends, RESOLUTION_SHARE, own)
        run = self.resolver.resolve(data.references)
        self.last_requests = dict(run.requests)
        return dataclasses.replace(
            data,
            resolutions={**data.resolutions, **run.resolutions},
            phases=(*data.phases, PhaseStatus(Phase.RESOLUTION, run.done, run.reason)),
        )
