"""Proxy variables in the environment never carry a request past the address check.

A proxy resolves and connects for its client: a request handed to one is judged by
nobody. `test_redteam_ssrf_every_client` reads from the source that every client is
made with ``trust_env=False``; here every hop is run with every proxy variable a
client library reads (upper and lower case, ``ALL_PROXY``, an empty ``NO_PROXY``)
pointing at a listener that must never be contacted, and each request must reach
its real server directly: link checks, the DOI resolver, doi.org, DataCite and
Crossref (habanero's httpx2), a webhook delivery, and habanero called by anyone
else in the process.

Before: habanero's requests went through our pinned client only once a
`CrossrefRegistry` had been made; a habanero call in a process that had imported
our Crossref module but made no registry yet went out through httpx2's own client,
proxy variables honoured and no address rule (its loopback base URL was asked).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import habanero
import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from citeaudit.resolve.crossref import CrossrefRegistry  # noqa: F401 - installs the shim
from citeaudit.resolve.enricher import build_resolver
from citeaudit.watch.webhook import post
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.private_service import PrivateService
from tests.stand_ins.registry_server import RegistryStandIn

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "FTP_PROXY", "WS_PROXY")

POLICY = LinkPolicy(
    concurrency=2,
    per_host=2,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=2.0,
    total_timeout=3.0,
    max_retries=0,
    soft404=False,
    archive=False,
    probe_timeout=2.0,
    allow_private_networks=True,  # every server here is on loopback
)


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateService]:
    """A listener named by every proxy variable: it must see no connection."""
    service = PrivateService("127.0.0.3").start()
    url = f"http://127.0.0.3:{service.port}"
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, url)
        monkeypatch.setenv(name.lower(), url)
        monkeypatch.setenv(name.replace("_PROXY", "_proxy").lower(), url)
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.setenv("no_proxy", "")
    yield service
    service.stop()


@pytest.fixture
def site() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


def test_link_checks_and_the_doi_resolver_go_direct(
    proxy: PrivateService, site: PrivateService, registry: RegistryStandIn
) -> None:
    async def go() -> list[LinkOutcome]:
        async with LinkChecker(
            POLICY, doi_url=registry.url, probe_urls=[f"{registry.url}/"]
        ) as checker:
            checks = await checker.check_all(
                [target_for(f"http://127.0.0.1:{site.port}/page"), target_for("10.1038/x")]
            )
        return [c.outcome for c in checks]

    outcomes = asyncio.run(go())
    assert proxy.contacts == 0
    assert "GET /page" in site.requests or "HEAD /page" in site.requests
    assert outcomes[0] is LinkOutcome.OK
    assert any(p.startswith("/api/handles/10.1038") for p in registry.paths)


def test_registry_look_ups_go_direct(
    proxy: PrivateService, registry: RegistryStandIn, tmp_path: Path
) -> None:
    resolver = build_resolver(settings_for(registry.url, tmp_path / "c"), policy=FAST_RETRY)
    try:
        resolver.resolve(
            [
                ref("cr", title="Deep learning", doi="10.1038/nature14539"),
                ref("dc", title="B", doi="10.5281/zenodo.1234"),
            ]
        )
    finally:
        resolver.close()
    assert proxy.contacts == 0
    asked = " ".join(registry.paths)
    assert "/works" in asked and "/api/handles/" in asked


def test_a_webhook_delivery_goes_direct(proxy: PrivateService, site: PrivateService) -> None:
    post(
        f"http://127.0.0.1:{site.port}/hook",
        {"event_id": "e"},
        "secret",
        event="e",
        delivery="1",
        timeout=3.0,
        allow_private=True,
        allow_own_machine=True,
    )
    assert proxy.contacts == 0
    assert site.requests == ["POST /hook"]


def test_habanero_called_by_anyone_else_is_neither_proxied_nor_let_past_the_rule(
    proxy: PrivateService, site: PrivateService
) -> None:
    """Outside a registry's request habanero gets a pinned client with no exempt
    origin: loopback is refused, and nothing is handed to the proxy either -- from
    the moment our Crossref module is imported (run alone, no registry made yet)."""
    with pytest.raises(Exception):  # noqa: B017 - habanero wraps errors its own way
        habanero.Crossref(base_url=f"http://127.0.0.1:{site.port}").works(ids=["10.1/x"])
    assert proxy.contacts == 0
    assert site.contacts == 0
