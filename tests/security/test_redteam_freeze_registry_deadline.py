"""A registry that answers every request slowly cannot hold a run past its time.

Each request had its own timeout, and failures open the circuit, but a registry that
answers each look-up slowly and well -- never failing -- kept a run going for as
long as there were references: 5,000 look-ups at 20 s each, three at a time, is over
nine hours, and a service chunk's worker was killed at its time limit, failing the
whole audit with nothing stored for the phase. A run now has `max_run_time` (in the
service a share of the chunk's limit, `RUN_SHARE`): past it nothing more is sent,
retries included, the references left are failed with `OUT_OF_TIME`, and the phase
says how many. Counted: the requests the stand-in received.

Decided by events, not by the machine's speed: the stand-in holds every request until
the run has returned (each request's own timeout is far longer than the test), so the
run can only end through its deadline, and must do so without one answer.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import OUT_OF_TIME
from citeaudit.resolve.enricher import RUN_SHARE, build_resolver
from citeaudit.settings import ServiceSettings
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.stand_ins.registry_server import RegistryStandIn

REFERENCES = 150
# A broken deadline would wait this long for a held request: far past the run's time,
# so that a run which returns has not had one answer (the safety net below is shorter).
REQUEST_TIMEOUT = 120.0
SAFETY_NET = 30.0  # held requests are let go by then at the latest: a hang guard only


class HeldRegistry(RegistryStandIn):
    """Answers each Crossref request well, but only once `release` is set."""

    def __init__(self) -> None:
        super().__init__(works=[], datacite=[], handles={})
        self.release = threading.Event()
        self.arrived = 0
        self.answered = 0

    def crossref(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        with self._lock:
            self.arrived += 1
        if not self.release.wait(SAFETY_NET):
            self.release.set()  # the run did not end: answer everything from now on
        with self._lock:
            self.answered += 1
        return super().crossref(path, query)


def test_a_slow_registry_run_ends_at_its_deadline_with_the_rest_failed(tmp_path: Path) -> None:
    server = HeldRegistry().start()
    try:
        settings = settings_for(server.url, tmp_path / "cache").model_copy(
            update={"registry_timeout": REQUEST_TIMEOUT}
        )
        resolver = build_resolver(settings, policy=FAST_RETRY)
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
        try:
            run = resolver.resolve(references)
            answered_by_then = server.answered
        finally:
            server.release.set()
            resolver.close()
    finally:
        server.stop()
    # It ended at its deadline, not at an answer: those in flight were cut there.
    assert answered_by_then == 0
    # Those in flight at the deadline (at most the resolver's workers), nothing after
    # it, no retry (without the deadline: all 150 searches, and journal look-ups).
    assert server.arrived <= resolver.workers, server.arrived
    late = [r for r in run.resolutions.values() if OUT_OF_TIME in (r.reason or "")]
    assert len(late) == REFERENCES and all(r.state is ResolutionState.FAILED for r in late)
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
