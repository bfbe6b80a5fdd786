"""Many PDF uploads at once: the API opens at most a few in child processes at a time.

Each uploaded PDF is opened once by the upload check, in a child process allowed
`CITEAUDIT_PDF_MEMORY_MB` (1 GB) and a minute of CPU. A 0.9 MB PDF whose
cross-reference stream inflates to 900 MB of zeros takes its child to ~1 GB before it
is refused, in ~12 s. Every request ran its checks on the API's shared thread pool (40
threads), so forty such uploads at once had forty children alive -- 40 GB on a 23 GB
machine -- and twenty PDFs a request kept the pool's threads for minutes, when every
plain route waits on the same pool. Now the checks share one small limiter of their
own (`service.heavy.HEAVY_AT_ONCE`); a request waiting for it holds no thread.

The engine is replaced by a stand-in that records how many checks run at once and
holds each until the test lets them go, so nothing here costs a gigabyte.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.service import heavy
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["served"]  # the fixture: `citeaudit serve` on a free port, as deployed

UPLOADS = 6
POOL = 40  # anyio's default thread pool, which every plain (sync) route runs on


class _Engine:
    """The child process's stand-in: counts the checks in flight, holds them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = self.done = 0
        self.release = threading.Event()

    def open_problem(self, data: bytes) -> str | None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        self.release.wait(GUARD * 3)  # longer than any request below waits
        with self.lock:
            self.now -= 1
            self.done += 1
        return None


@pytest.fixture(autouse=True)
def _no_account_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The flood here comes from one account on purpose, to reach the PDF limiter: the
    account limits (tests/service/test_account_limits.py) would refuse it first."""
    for name in ("AUDITS_IN_FLIGHT_PER_ACCOUNT", "UPLOADS_PER_ACCOUNT", "UPLOAD_BYTES_IN_FLIGHT"):
        monkeypatch.setenv(f"CITEAUDIT_MAX_{name}", "0")


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Engine]:
    # Dozens of uploads at once on a busy machine: the body pace keeps its real grace.
    monkeypatch.setattr("citeaudit.api.slow_clients.BODY_GRACE_SECONDS", 30.0)
    stand_in = _Engine()
    monkeypatch.setattr("citeaudit.manuscript.pdf_open_check.open_problem", stand_in.open_problem)
    yield stand_in
    stand_in.release.set()


def _upload(served: Served, answers: list[int]) -> None:
    pdf = b"%PDF-1.4\n" + b"1 0 obj\n<< >>\nendobj\n" * 10 + b"%%EOF\n"
    response = httpx.post(
        f"http://127.0.0.1:{served.port}/api/v1/audits",
        files=[("manuscript", ("paper.pdf", pdf, "application/pdf"))],
        data={"offline": "true"},
        headers={"Authorization": f"Bearer {served.token}"},
        timeout=GUARD * 4,
    )
    answers.append(response.status_code)


def test_pdf_checks_run_a_few_at_a_time_whatever_the_uploads(
    served: Served, engine: _Engine
) -> None:
    answers: list[int] = []
    senders = [
        threading.Thread(target=_upload, args=(served, answers), daemon=True)
        for _ in range(UPLOADS)
    ]
    for sender in senders:
        sender.start()
    # Hang guard: wait until as many checks run as ever will while all are held.
    guard = time.monotonic() + GUARD
    while engine.now < min(UPLOADS, heavy.HEAVY_AT_ONCE) and time.monotonic() < guard:
        time.sleep(0.05)
    time.sleep(1.0)  # give any further check the chance to start, were it allowed to
    with engine.lock:
        held = engine.now
    engine.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert engine.done == UPLOADS and sorted(answers) == [202] * UPLOADS, answers
    assert held <= heavy.HEAVY_AT_ONCE < UPLOADS, f"{held} PDF checks ran at once"
    assert engine.most <= heavy.HEAVY_AT_ONCE


def test_while_pdf_checks_wait_other_requests_are_answered(served: Served, engine: _Engine) -> None:
    """Requests queued behind the PDF checks hold no thread of the shared pool: with
    more uploads waiting than the pool has threads, a plain route still answers."""
    answers: list[int] = []
    senders = [
        threading.Thread(target=_upload, args=(served, answers), daemon=True)
        for _ in range(POOL + 4)
    ]
    for sender in senders:
        sender.start()
    guard = time.monotonic() + GUARD
    while engine.now < heavy.HEAVY_AT_ONCE and time.monotonic() < guard:
        time.sleep(0.05)
    time.sleep(2.0)  # let every upload reach its check (or its place in the queue)
    try:
        listed: int | None = httpx.get(
            f"http://127.0.0.1:{served.port}/api/v1/audits",
            headers={"Authorization": f"Bearer {served.token}"},
            timeout=GUARD,
        ).status_code
    except httpx.TimeoutException:
        listed = None  # still waiting for a thread of the pool
    engine.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert listed == 200, "a plain route waited behind the queued PDF checks"
    assert sorted(answers) == [202] * (POOL + 4), answers
