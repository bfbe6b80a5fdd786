"""Registries down, slow, rate-limiting or failing: never a finding, always a reason."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from pathlib import Path

from citeaudit.audit_data import Phase
from citeaudit.model.resolution import ResolutionState
from citeaudit.phases import PhaseOptions, default_enrichers
from citeaudit.resolve.enricher import ResolutionEnricher, build_resolver
from citeaudit.resolve.resolver import RegistryResolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.resolve.helpers import audit_data, findings
from tests.stand_ins.registry_server import RegistryStandIn

REFS = (
    ref("typo", doi="10.1038/nature1453", title="Deep learning", authors=("LeCun",), year=2015),
    ref("lecun", title="Deep learning", authors=("LeCun",), year=2015, container="Nature"),
    ref(
        "fake",
        title="Quantum effects in avian navigation revisited",
        authors=("Smith",),
        year=2021,
        container="Journal of Applied Ornithology",
        volume="12",
    ),
    ref("late", doi="10.1038/nature14539", title="Deep learning", authors=("LeCun",), year=2017),
)


def closed_port_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


def test_registry_down_gives_failed_resolutions_no_findings_and_a_reason(tmp_path: Path) -> None:
    settings = settings_for(closed_port_url(), tmp_path)
    enricher = ResolutionEnricher(build_resolver(settings, policy=FAST_RETRY))
    started = time.monotonic()
    data = enricher.enrich(audit_data(REFS))
    assert time.monotonic() - started < 3  # fails fast, no minutes of retries
    assert {r.state for r in data.resolutions.values()} == {ResolutionState.FAILED}
    assert findings(data) == []
    status = [p for p in data.phases if p.phase is Phase.RESOLUTION]
    assert len(status) == 1 and status[0].done is False
    assert status[0].reason and "unreachable" in status[0].reason
    assert not data.phase_done(Phase.RESOLUTION)


def test_registry_down_with_a_single_doi_fails_cleanly(tmp_path: Path) -> None:
    """One DOI goes through habanero's single-work call, whose errors arrive unwrapped."""
    settings = settings_for(closed_port_url(), tmp_path)
    enricher = ResolutionEnricher(build_resolver(settings, policy=FAST_RETRY))
    data = enricher.enrich(audit_data(REFS[-1:]))
    assert {r.state for r in data.resolutions.values()} == {ResolutionState.FAILED}
    assert findings(data) == []
    assert not data.phase_done(Phase.RESOLUTION)


def test_offline_sends_nothing_and_no_resolution_enricher_runs(tmp_path: Path) -> None:
    settings = settings_for(closed_port_url(), tmp_path)
    assert default_enrichers(settings, PhaseOptions(offline=True)) == []
    assert PhaseOptions(offline=True).skip_reasons()[Phase.RESOLUTION] == "--offline"
    chosen = default_enrichers(settings, PhaseOptions(links=False))
    assert [type(e) for e in chosen] == [ResolutionEnricher]


def test_doi_org_down_means_no_doi_not_found(stand_in: RegistryStandIn, tmp_path: Path) -> None:
    settings = settings_for(stand_in.url, tmp_path).model_copy(
        update={"doi_url": closed_port_url(), "datacite_url": closed_port_url()}
    )
    resolver = build_resolver(settings, policy=FAST_RETRY)
    run = resolver.resolve(REFS)
    assert run.resolutions["typo"].state is ResolutionState.FAILED
    assert "doi.org" in (run.resolutions["typo"].reason or "")
    assert [
        f.rule for f in findings(audit_data(REFS, run.resolutions)) if f.reference == "typo"
    ] == []
    assert run.done and run.reason and "could not be checked" in run.reason
    resolver.close()


def test_429_is_retried_after_retry_after_and_5xx_batches_fall_back_per_doi(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    stand_in.fail_next.extend([503, 503, 503])  # the batch fails three times
    resolver = make_resolver()
    run = resolver.resolve([r for r in REFS if r.doi])
    assert run.resolutions["late"].state is ResolutionState.RESOLVED
    assert stand_in.counts["crossref-work"] == 2  # per-DOI fallback
    assert any("/works/10.1038%2Fnature1453" in p for p in stand_in.paths)  # %-encoded


def test_rate_limit_headers_slow_the_client_down(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    stand_in.rate_limit, stand_in.concurrency, stand_in.latency = 20, 2, 0.02
    refs = [
        ref(f"q{i}", title=f"Deep learning {i}", authors=("LeCun",), year=2015, container="Nature")
        for i in range(12)
    ]
    resolver = make_resolver()  # seeded at 200 req/s, 5 concurrent
    resolver.resolve(refs)
    assert stand_in.statuses[429] == 0
    assert resolver.crossref.channel.budget("list").rate == 20  # queries: the list budget
    assert resolver.crossref.channel.budget("list").concurrency == 2
    assert stand_in.max_in_flight <= 2


def test_429_is_retried_honouring_retry_after(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    stand_in.fail_next.extend([429, 429])
    stand_in.retry_after = "1"
    resolver = make_resolver()
    started = time.monotonic()
    run = resolver.resolve([REFS[3]])
    assert time.monotonic() - started >= 1.9  # waited Retry-After twice
    assert run.resolutions["late"].state is ResolutionState.RESOLVED
    assert resolver.crossref.channel.stats.rate_limited == 2
    assert resolver.crossref.channel.stats.retries == 2


def test_a_retry_after_beyond_the_bound_gives_up_with_a_reason(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    stand_in.fail_next.extend([429])
    stand_in.retry_after = "3600"
    run = make_resolver().resolve([REFS[3]])
    assert run.resolutions["late"].state is ResolutionState.FAILED
    assert "Retry-After 3600" in (run.resolutions["late"].reason or "")
    assert findings(audit_data([REFS[3]], run.resolutions)) == []


def test_warm_cache_sends_nothing_and_no_cache_asks_again(
    stand_in: RegistryStandIn, make_resolver: Callable[..., RegistryResolver]
) -> None:
    first = make_resolver().resolve(REFS)
    sent = sum(stand_in.counts.values())
    assert sent > 0
    stand_in.reset_counts()
    second = make_resolver().resolve(REFS)
    assert sum(stand_in.counts.values()) == 0
    assert {k: v.state for k, v in first.resolutions.items()} == {
        k: v.state for k, v in second.resolutions.items()
    }
    make_resolver(use_cache=False).resolve(REFS)
    assert sum(stand_in.counts.values()) == sent
