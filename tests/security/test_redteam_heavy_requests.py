"""Requests that redo an audit's heavy work in the serving process run a few at a time.

A report is rendered from the stored result on every request (an audit of 100,000
references: ~12 s of CPU and a 41 MB HTML page each time), and a fixed file is made by
reading every upload again (an 8 MB one-line manuscript: ~10 s of CPU, 220 MB). Both
ran on the server's shared thread pool, one per request: forty requests for one large
audit's report added up forty renders' CPU and memory, and held every thread the plain
routes wait on. Now they take a place of `service.heavy` (`HEAVY_AT_ONCE` per process),
and an API request waiting for one holds no thread.

The costly step is replaced by a stand-in that counts how many run at once and holds
each until the test lets them go; nothing here costs seconds of CPU.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from citeaudit.service import heavy
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["served"]  # the fixture: `citeaudit serve` on a free port, as deployed

REQUESTS = 6
POOL = 40  # anyio's default thread pool, which every plain (sync) route runs on
# The requests below are all one account's, which holds at most its share of the
# places at once (`heavy.HEAVY_PER_OWNER`); the rest wait in its turn's queue, and the
# tests wait until every request is in the step or in a queue (`_all_placed`).
PAPER = b"As Smith (2001) showed [@smith2001].\n"
BIB = b"@article{smith2001, author={Smith, A.}, title={A title}, journal={J}, year=2001}\n"
# A DOI with a TeX-escaped underscore: its finding carries a fix, so a fixed download
# reads the uploads again (one with nothing to fix need not: the upload as stored).
BIB_WITH_A_FIX = (
    b"@article{smith2001, author={Smith, A.}, title={A title}, journal={J}, year=2001,"
    b" doi={10.5555/x\\_1}}\n"
)


class _Held:
    """Counts the calls in flight and holds each until released."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = self.done = 0
        self.release = threading.Event()

    def around(self, work: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            try:
                self.release.wait(GUARD * 3)  # longer than any request below waits
                return work(*args, **kwargs)
            finally:
                with self.lock:
                    self.now -= 1
                    self.done += 1

        return held


@pytest.fixture
def audit(served: Served, monkeypatch: pytest.MonkeyPatch) -> str:
    """A finished offline audit of a small paper and its bibliography."""
    monkeypatch.setattr("citeaudit.api.slow_clients.BODY_GRACE_SECONDS", 30.0)
    return finished_audit(served, served.token)


@pytest.fixture
def audit_with_a_fix(served: Served, monkeypatch: pytest.MonkeyPatch) -> str:
    """A finished offline audit whose bibliography has a finding carrying a fix."""
    monkeypatch.setattr("citeaudit.api.slow_clients.BODY_GRACE_SECONDS", 30.0)
    return finished_audit(served, served.token, bib=BIB_WITH_A_FIX)


def finished_audit(served: Served, token: str, paper: bytes = PAPER, bib: bytes = BIB) -> str:
    """The address of a finished offline audit of `paper` and `bib`, sent by `token`."""
    auth = {"Authorization": f"Bearer {token}"}
    base = f"http://127.0.0.1:{served.port}"
    created = httpx.post(
        f"{base}/api/v1/audits",
        files=[("manuscript", ("paper.md", paper)), ("bibliography", ("refs.bib", bib))],
        data={"offline": "true"},
        headers=auth,
        timeout=GUARD,
    )
    assert created.status_code == 202, created.text
    url = f"{base}{created.json()['url']}"
    deadline = time.monotonic() + 60  # a hang guard
    while httpx.get(url, headers=auth, timeout=GUARD).json()["status"] != "done":
        assert time.monotonic() < deadline, "the audit did not finish"
        time.sleep(0.1)
    return url


@pytest.fixture
def held_reports(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Held]:
    from citeaudit.service import reports

    held = _Held()
    real = reports.get_reporter

    def reporter(fmt: str) -> Any:
        found = real(fmt)
        # the service writes a report to its spool (`reporter.write`), rendered whole
        # or a piece at a time
        monkeypatch.setattr(found, "write", held.around(found.write))
        return found

    monkeypatch.setattr(reports, "get_reporter", reporter)
    yield held
    held.release.set()


@pytest.fixture
def held_rereads(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Held]:
    from citeaudit.service import fixed as service

    held = _Held()
    # The uploads are read again in a child process (`fixed_child`), started inside
    # the heavy place: held here, as it starts. (Holding `read_inputs` in this process,
    # which the child never calls, left nothing held: the test waited its whole guard
    # and counted none at once, whatever the limit.)
    monkeypatch.setattr(service, "run_module", held.around(service.run_module))
    yield held
    held.release.set()


def _queued() -> int:
    """Requests waiting in `service.heavy`'s queues now: for their account's turn or for
    a place (read from the serving loop's limiters, which only the test reads here)."""
    for _ in range(100):  # the serving thread may add an entry while this one reads
        try:
            limiters = list(heavy._limiters.values())
            for turns in list(heavy._owners.values()):
                limiters += [turn.limiter for turn in list(turns.values())]
            return sum(limiter.statistics().tasks_waiting for limiter in limiters)
        except RuntimeError:
            continue
    raise AssertionError("the queues kept changing while read")


def _all_placed(held: _Held, count: int) -> None:
    """Wait until each of `count` requests is in the costly step or queued for it: from
    then on none can start it until one is let go. Decided by that event, not by a
    pause "long enough" for a further one to start were it allowed to (a loaded machine
    could start one later, and a broken limit pass). A hang guard only."""
    guard = time.monotonic() + GUARD
    while held.now + _queued() < count and time.monotonic() < guard:
        time.sleep(0.02)


def _at_once(served: Served, url: str, held: _Held, count: int) -> tuple[int, list[int]]:
    """`count` requests for `url` at once: (how many were in the costly step together
    while all were held, the answers' statuses)."""
    answers: list[int] = []

    def get() -> None:
        answer = httpx.get(
            url, headers={"Authorization": f"Bearer {served.token}"}, timeout=GUARD * 4
        )
        answers.append(answer.status_code)

    senders = [threading.Thread(target=get, daemon=True) for _ in range(count)]
    for sender in senders:
        sender.start()
    _all_placed(held, count)
    with held.lock:
        together = held.now
    held.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    return together, answers


def test_reports_are_rendered_a_few_at_a_time(
    served: Served, audit: str, held_reports: _Held
) -> None:
    together, answers = _at_once(served, f"{audit}/report?format=json", held_reports, REQUESTS)
    assert answers == [200] * REQUESTS, answers
    assert together <= heavy.HEAVY_AT_ONCE < REQUESTS, f"{together} renders at once"
    assert held_reports.most <= heavy.HEAVY_AT_ONCE


def test_fixed_files_are_made_a_few_at_a_time(
    served: Served, audit_with_a_fix: str, held_rereads: _Held
) -> None:
    # one more than the places: each answer is a child process's (~2 s of CPU)
    count = heavy.HEAVY_AT_ONCE + 1
    url = f"{audit_with_a_fix}/fixed/refs.bib"
    together, answers = _at_once(served, url, held_rereads, count)
    assert answers == [200] * count, answers
    assert held_rereads.done == count  # each was a re-read in a child, none skipped
    assert 1 <= together <= heavy.HEAVY_AT_ONCE < count, f"{together} re-reads at once"
    assert held_rereads.most <= heavy.HEAVY_AT_ONCE


def test_queued_report_requests_leave_the_pool_to_plain_routes(
    served: Served, audit: str, held_reports: _Held
) -> None:
    auth = {"Authorization": f"Bearer {served.token}"}
    answers: list[int] = []

    def get() -> None:
        answers.append(
            httpx.get(f"{audit}/report?format=json", headers=auth, timeout=GUARD * 4).status_code
        )

    senders = [threading.Thread(target=get, daemon=True) for _ in range(POOL + 4)]
    for sender in senders:
        sender.start()
    _all_placed(held_reports, POOL + 4)  # every request at its render, or queued for one
    try:
        listed: int | None = httpx.get(
            f"http://127.0.0.1:{served.port}/api/v1/audits", headers=auth, timeout=GUARD
        ).status_code
    except httpx.TimeoutException:
        listed = None  # still waiting for a thread of the pool
    held_reports.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert listed == 200, "a plain route waited behind the queued report renders"
    assert answers == [200] * (POOL + 4), answers


def test_a_pipelined_request_outlasting_the_head_deadline_is_still_answered(
    served: Served, audit: str, held_reports: _Held
) -> None:
    """Two requests in one packet: the second's head arrived with the first, so the
    head deadline armed after the first answer must not cut the second while it is
    rendered (held here for several head deadlines)."""
    path = audit.split(f":{served.port}", 1)[1]
    auth = f"Authorization: Bearer {served.token}\r\n"
    pipelined = (
        f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        f"GET {path}/report?format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
        "Connection: close\r\n\r\n"
    ).encode()
    threading.Timer(3.0, held_reports.release.set).start()  # the head deadline is 1 s
    answer = b""
    with socket.create_connection(("127.0.0.1", served.port), timeout=GUARD) as s:
        s.sendall(pipelined)
        while part := s.recv(65536):
            answer += part
    assert answer.startswith(b"HTTP/1.1 200")
    assert answer.count(b"HTTP/1.1 200") == 2, answer[-300:]
    assert held_reports.done == 1


def _web_session(served: Served) -> httpx.Cookies:
    """A signed-in editor's cookies, through the sign-in form as a browser does."""
    base = f"http://127.0.0.1:{served.port}"
    with httpx.Client(base_url=base, timeout=GUARD) as client:
        page = client.get("/web/sign-in")
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found, "no CSRF field on the sign-in page"
        signed = client.post(
            "/web/sign-in",
            data={"token": served.token, "csrf": found.group(1), "next": "/web/audits"},
        )
        assert signed.status_code == 303, signed.text
        return client.cookies


def test_queued_web_downloads_leave_the_pool_to_plain_routes(
    served: Served, audit: str, held_reports: _Held
) -> None:
    """The editors' page downloads render the same reports: a render at a time there
    too, and a queued download holds no thread."""
    cookies = _web_session(served)
    audit_id = audit.rsplit("/", 1)[1]
    download = f"http://127.0.0.1:{served.port}/web/audits/{audit_id}/download/json"
    answers: list[int] = []

    def get() -> None:
        answers.append(httpx.get(download, cookies=cookies, timeout=GUARD * 4).status_code)

    senders = [threading.Thread(target=get, daemon=True) for _ in range(POOL + 4)]
    for sender in senders:
        sender.start()
    _all_placed(held_reports, POOL + 4)  # every download at its render, or queued for one
    with held_reports.lock:
        together = held_reports.now
    try:
        listed: int | None = httpx.get(
            f"http://127.0.0.1:{served.port}/api/v1/audits",
            headers={"Authorization": f"Bearer {served.token}"},
            timeout=GUARD,
        ).status_code
    except httpx.TimeoutException:
        listed = None  # still waiting for a thread of the pool
    held_reports.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert together <= heavy.HEAVY_AT_ONCE, f"{together} downloads rendered at once"
    assert listed == 200, "a plain route waited behind the queued downloads"
    assert answers == [200] * (POOL + 4), answers
