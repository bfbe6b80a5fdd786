"""Fixtures: the loopback registry stand-in and resolvers pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.resolve.channel import RetryPolicy
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.resolver import RegistryResolver
from citeaudit.settings import Settings
from tests.stand_ins.registry_server import RegistryStandIn

FAST_RETRY = RetryPolicy(attempts=3, base=0.01, cap=0.05, max_retry_after=2.0)


@pytest.fixture
def stand_in() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


def settings_for(url: str, cache_dir: Path, **extra: Any) -> Settings:
    return Settings(
        crossref_url=url,
        doi_url=url,
        datacite_url=url,
        mailto="editor@example.org",
        cache_dir=cache_dir,
        registry_timeout=5.0,
        crossref_rate=200.0,
        crossref_concurrency=5,
        redis_url=None,
        **extra,
    )


@pytest.fixture
def make_resolver(
    stand_in: RegistryStandIn, tmp_path: Path
) -> Iterator[Callable[..., RegistryResolver]]:
    made: list[RegistryResolver] = []

    def make(url: str | None = None, **kwargs: Any) -> RegistryResolver:
        settings = settings_for(url or stand_in.url, tmp_path / "cache")
        resolver = build_resolver(settings, policy=kwargs.pop("policy", FAST_RETRY), **kwargs)
        made.append(resolver)
        return resolver

    yield make
    for resolver in made:
        resolver.close()


def ref(
    id: str,
    *,
    title: str | None = None,
    authors: tuple[str, ...] = (),
    year: int | None = None,
    container: str | None = None,
    doi: str | None = None,
    kind: str | None = "article",
    urls: tuple[str, ...] = (),
    volume: str | None = None,
) -> Reference:
    return Reference(
        id=id,
        index=1,
        location=Location("refs.bib", 3),
        raw=f"{', '.join(authors)} ({year}). {title}. {container}.",
        kind=kind,
        authors=tuple(Person(a) for a in authors),
        year=year,
        title=title,
        container=container,
        volume=volume,
        doi=doi,
        doi_raw=doi,
        urls=urls,
    )
