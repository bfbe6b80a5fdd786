"""SSRF through DOIs and through trusted registry clients (issue 11, point 2).

A loopback listener stands in for a private service (an intranet host, a metadata
endpoint): it must record zero contacts. The registry stand-in plays doi.org,
DataCite and Crossref, and is told to redirect every request to that listener.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.doi import UnsafeDoi, doi_path, doi_problem, doi_refusal, doi_resolver_url
from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import LinkTarget, target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from citeaudit.rules.bibliography.malformed_doi import MalformedDoi
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.private_service import SECRET, PrivateService
from tests.stand_ins.registry_server import RegistryStandIn

# DOIs whose suffix climbs out of the registry's path, however it is disguised.
CLIMBING = [
    "10.1000/../../../10.5555/x",
    "10.1000/x/../../../api",
    "10.1000/..",
    "10.1000/%2e%2e/%2E%2E/latest/meta-data",
    "10.1000/..%2f..%2fadmin",
    "10.1000/%252e%252e/x",
    "10.1000/a\\..\\..\\b",
    "10.1000/..;/x",
    "10.1000/\uff0e\uff0e/x",
    "10.1000/./x",
]
CONTROL = ["10.1000/x\x00y", "10.1000/x\ry", "10.1000/x\u202ey", "10.1000/x y"]

POLICY = LinkPolicy(
    concurrency=4,
    per_host=4,
    min_interval=0.0,
    connect_timeout=2.0,
    read_timeout=2.0,
    total_timeout=2.0,
    max_retries=0,
    backoff=0.01,
    probe_timeout=2.0,
    archive=False,
    allow_private_networks=True,  # even so, the resolver's redirects are checked
)


@pytest.fixture
def registry() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService("127.0.0.1").start()
    yield service
    service.stop()


def check_links(
    registry: RegistryStandIn, targets: list[LinkTarget], policy: LinkPolicy = POLICY
) -> list[LinkCheck]:
    async def go() -> list[LinkCheck]:
        async with LinkChecker(
            policy,
            doi_url=registry.url,
            archive_url=None,
            probe_urls=[registry.url],
            dns_names=["localhost"],
        ) as checker:
            return await checker.check_all(targets)

    return asyncio.run(go())


# -- DOIs never leave their own path ------------------------------------------------


@pytest.mark.parametrize("doi", CLIMBING + CONTROL)
def test_refused_dois_are_never_put_into_a_url(doi: str) -> None:
    assert doi_refusal(doi) is not None
    with pytest.raises(UnsafeDoi):
        doi_path(doi)
    # The resolver link for people stays one path segment on the resolver.
    link = httpx.URL(doi_resolver_url(doi))
    assert link.host == "doi.org"
    assert link.raw_path.count(b"/") == 1 and b"?" not in link.raw_path
    assert link.fragment == ""


@pytest.mark.parametrize(
    "written",
    [
        "https://doi.org/10.1000/../../../10.5555/x",
        "doi:10.1000/%2e%2e/%2e%2e/latest/meta-data",
        "10.1000/..%2F..%2Fadmin",
    ],
)
def test_link_check_of_a_climbing_doi_sends_nothing(
    registry: RegistryStandIn, written: str
) -> None:
    target = target_for(written)
    assert target.kind == "doi"
    check = check_links(registry, [target])[0]
    assert check.outcome is LinkOutcome.BROKEN and check.reason == "malformed-doi"
    assert check.attempts == 0
    assert registry.paths == []  # not one request, not even the reachability probe


def test_link_check_of_refused_dois_given_as_values(registry: RegistryStandIn) -> None:
    checks = check_links(registry, [LinkTarget("doi", d) for d in CLIMBING + CONTROL])
    assert [c.reason for c in checks] == ["malformed-doi"] * len(CLIMBING + CONTROL)
    assert registry.paths == []


@pytest.mark.parametrize(
    "doi",
    ["10.1000/x?type=URL&a=1#frag", "10.1000/100%", "10.1000/a/b;c", "10.1000/.x", "10.1000/é"],
)
def test_odd_but_valid_dois_reach_only_their_own_handle(
    registry: RegistryStandIn, doi: str
) -> None:
    check_links(registry, [LinkTarget("doi", doi)])
    handle_requests = [p for p in registry.paths if p.startswith("/api/handles/")]
    assert len(handle_requests) == 1
    parts = urlsplit(handle_requests[0])
    assert unquote(parts.path) == f"/api/handles/{doi}"
    assert parts.query == "type=URL"  # nothing of the DOI spilled into the query


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_suffix_is_refused_or_stays_in_its_path(suffix: str) -> None:
    doi = f"10.1000/{suffix}"
    for keep_slashes, route in ((True, "/api/handles/"), (False, "/works/")):
        try:
            path = doi_path(doi, keep_slashes=keep_slashes)
        except UnsafeDoi:
            return
        url = httpx.URL(f"https://registry.example{route}{path}")
        assert url.host == "registry.example"
        assert url.query == b"" and url.fragment == ""
        assert url.path == f"{route}{doi}"  # httpx removed no dot segment: there were none


# -- The resolver ---------------------------------------------------------------------


def test_resolver_sends_no_request_for_climbing_dois(
    registry: RegistryStandIn, tmp_path: Path
) -> None:
    resolver = build_resolver(settings_for(registry.url, tmp_path / "cache"), policy=FAST_RETRY)
    try:
        refs = [ref(f"r{i}", title="Something", doi=d) for i, d in enumerate(CLIMBING + CONTROL)]
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    assert registry.paths == []
    for r in refs:
        resolution = run.resolutions[r.id]
        assert resolution.state is ResolutionState.SKIPPED
        assert "malformed DOI" in (resolution.reason or "")


def test_malformed_doi_rule_reports_climbing_dois() -> None:
    refs = [ref(f"r{i}", title="Something", doi=d) for i, d in enumerate(CLIMBING[:6])]
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", tuple(refs)),),
        citations=(),
        matches=(),
    )
    findings = list(MalformedDoi().check(data))
    assert sorted(f.reference for f in findings) == sorted(r.id for r in refs)
    for doi in CLIMBING[:6]:
        problem = doi_problem(doi)
        assert problem is not None and problem.fixed is None


def test_registry_redirects_to_a_private_service_are_refused(
    registry: RegistryStandIn, private: PrivateService, tmp_path: Path
) -> None:
    registry.redirect_all = private.url("/latest/meta-data/iam")
    resolver = build_resolver(settings_for(registry.url, tmp_path / "cache"), policy=FAST_RETRY)
    refs = [
        ref("crossref", title="A", doi="10.1038/nature14539"),
        ref("datacite", title="B", doi="10.5281/zenodo.1234"),
        ref("short", title="C", doi="10/abcd"),
        ref("query", title="Deep learning", authors=("LeCun, Y.",), year=2015, container="N"),
    ]
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    assert registry.paths, "the registry stand-in was asked"
    assert private.contacts == 0 and private.requests == []
    for resolution in run.resolutions.values():
        assert resolution.state is not ResolutionState.RESOLVED
        assert SECRET not in repr(resolution)
    assert SECRET not in (run.reason or "")


@pytest.mark.parametrize("allow_private", [True, False])
def test_doi_link_check_does_not_follow_the_resolver_to_a_private_service(
    registry: RegistryStandIn, private: PrivateService, allow_private: bool
) -> None:
    registry.redirect_all = private.url("/latest/meta-data/")
    policy = dataclasses.replace(POLICY, allow_private_networks=allow_private)
    check = check_links(registry, [LinkTarget("doi", "10.1234/alive")], policy)[0]
    assert any(p.startswith("/api/handles/10.1234/alive") for p in registry.paths)
    assert private.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "resolver-private-address"  # no status, no body of the target
    assert SECRET not in repr(check)


def test_the_configured_registry_itself_may_be_on_loopback(
    registry: RegistryStandIn, private: PrivateService, tmp_path: Path
) -> None:
    """The exemption is the configured origin only: the same address on another port
    (the private service) is refused, the stand-in's own port is asked."""
    resolver = build_resolver(settings_for(registry.url, tmp_path / "cache"), policy=FAST_RETRY)
    try:
        run = resolver.resolve([ref("ok", title="A", doi="10.1038/nature14539")])
    finally:
        resolver.close()
    assert run.resolutions["ok"].state is ResolutionState.RESOLVED
    assert private.contacts == 0
