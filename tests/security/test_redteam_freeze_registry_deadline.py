"""A registry that answers every request slowly cannot hold a run past its time.

Each request had its own timeout, and failures open the circuit, but a registry that
answers each look-up slowly and well -- never failing -- kept a run going for as
long as there were references: 5,000 look-ups at 20 s each, three at a time, is over
nine hours, and a service chunk's worker was killed at its time limit, failing the
whole audit with nothing stored for the phase. A run now has `max_run_time` (in the
service a share of the chunk's limit, `RUN_SHARE`): past it nothing more is sent,
retries included, the references left are failed with `OUT_OF_TIME`, and the phase
says how many. Counted: the requests the stand-in received.
"""

from __future__ import annotations

import time
from pathlib import Path

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import OUT_OF_TIME
from citeaudit.resolve.enricher import RUN_SHARE, build_resolver
from citeaudit.settings import ServiceSettings
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.registry_server import RegistryStandIn

LATENCY = 0.3
REFERENCES = 150


def test_a_slow_registry_run_ends_at_its_deadline_with_the_rest_failed(tmp_path: Path) -> None:
    server = RegistryStandIn(works=[], datacite=[], handles={}, latency=LATENCY).start()
    try:
        resolver = build_resolver(settings_for(server.url, tmp_path / "cache"), policy=FAST_RETRY)
        resolver.max_run_time = 1.0
        references = [
            ref(
                f"r{i}",
                title=f"A distinct study of topic number {i}",
                authors=("Okoro",),
                year=2001,
            )
            for i in range(REFERENCES)
        ]
        started = time.monotonic()
        run = resolver.resolve(references)
        took = time.monotonic() - started
        resolver.close()
    finally:
        server.stop()
    # without the deadline: 150 searches (and journal look-ups) at 0.3 s, five at a time
    assert took < 1.0 + 3 * LATENCY + 1.0, took
    asked = sum(server.counts.values())
    assert asked < REFERENCES // 3, server.counts
    late = [r for r in run.resolutions.values() if OUT_OF_TIME in (r.reason or "")]
    assert late and all(r.state is ResolutionState.FAILED for r in late)
    assert len(run.resolutions) == REFERENCES  # every reference has its answer
    assert run.reason is not None and OUT_OF_TIME in run.reason
    assert f"{len(late)} references could not be checked" in run.reason


def test_the_service_gives_a_registry_run_a_share_of_its_chunk_time(tmp_path: Path) -> None:
    settings = ServiceSettings(
        crossref_url="http://127.0.0.1:9",
        doi_url="http://127.0.0.1:9",
        datacite_url="http://127.0.0.1:9",
        cache_dir=tmp_path / "cache",
        redis_url=None,
        chunk_time_limit=100.0,
    )
    resolver = build_resolver(settings)
    try:
        assert resolver.max_run_time == RUN_SHARE * 100.0
    finally:
        resolver.close()
