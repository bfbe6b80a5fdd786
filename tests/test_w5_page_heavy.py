"""The audit's web page is drawn a few at a time, as its reports and downloads are.

Every view of /web/audits/{id} decodes the audit's stored result (a process keeps the
last four decoded) and builds the findings view from it: a 10,000-reference audit's
page cost 4.3 s of CPU and 70 MB each time it was not among those four, and the route
ran on the server's shared thread pool, one per request. An account that opened its
own large audits' pages forty at a time (five audits in turn defeat the four kept)
added up forty decodes' CPU and memory, and held every thread the plain routes wait
on. The report and download routes take a place of `service.heavy` (`HEAVY_AT_ONCE`
per process, fair between accounts) and wait for it without a thread; now the page
does too.

A real `citeaudit serve` app on a socket; the costly step (decoding the result) is
replaced by a stand-in that counts how many run at once and holds each until the test
lets them go: nothing here costs seconds of CPU.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.service import heavy
from citeaudit.web import audit_pages
from tests.security.test_redteam_heavy_requests import _Held, finished_audit
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["served"]  # the fixture: `citeaudit serve` on a free port, as deployed

REQUESTS = 6
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def page(served: Served, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("citeaudit.api.slow_clients.BODY_GRACE_SECONDS", 30.0)
    api_url = finished_audit(served, served.token)
    return f"http://127.0.0.1:{served.port}/web/audits/{api_url.rsplit('/', 1)[1]}"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Held]:
    made = _Held()
    monkeypatch.setattr(audit_pages, "_result", made.around(audit_pages._result))
    yield made
    made.release.set()


def _signed_in(served: Served) -> dict[str, str]:
    """The cookies of a web session signed in with the served token."""
    base = f"http://127.0.0.1:{served.port}"
    with httpx.Client(base_url=base, timeout=GUARD) as client:
        form = client.get("/web/sign-in")
        found = CSRF.search(form.text)
        assert found, form.text[:300]
        signed = client.post(
            "/web/sign-in",
            data={"token": served.token, "csrf": found.group(1), "next": "/web/audits"},
        )
        assert signed.status_code in (200, 303), signed.text[:300]
        return dict(client.cookies)


def test_audit_pages_are_drawn_a_few_at_a_time(served: Served, page: str, held: _Held) -> None:
    cookies = _signed_in(served)
    answers: list[int] = []

    def get() -> None:
        answer = httpx.get(page, cookies=cookies, timeout=GUARD * 4)
        answers.append(answer.status_code)

    senders = [threading.Thread(target=get, daemon=True) for _ in range(REQUESTS)]
    for sender in senders:
        sender.start()
    guard = time.monotonic() + GUARD  # a hang guard
    while held.now < heavy.HEAVY_AT_ONCE and time.monotonic() < guard:
        time.sleep(0.05)
    time.sleep(1.0)  # any further one would start now, were it allowed to
    with held.lock:
        together = held.now
    held.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert answers == [200] * REQUESTS, answers
    assert together <= heavy.HEAVY_AT_ONCE < REQUESTS, f"{together} pages drawn at once"
    assert held.most <= heavy.HEAVY_AT_ONCE


def test_the_page_of_no_such_audit_is_still_404(served: Served, page: str) -> None:
    cookies = _signed_in(served)
    gone = httpx.get(page + "0", cookies=cookies, timeout=GUARD)
    assert gone.status_code == 404
