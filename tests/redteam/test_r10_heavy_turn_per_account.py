"""An account has one heavy request (a fix download, a report) in the process at a time.

The fix download reads every upload of the audit again, in the API process, a few at
a time for everyone (`service.heavy`). An account asking for it a hundred times at once
queued a hundred re-reads: with an audit that reads in a minute, both places were its
own for fifty minutes, and every other editor's PDF upload check, report and fix waited
in the same line. While one of an account's heavy requests waits or runs, another is
answered 429 with Retry-After at once, and nothing of it is queued.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from citeaudit.service import fixed
from tests.security.upload_site import Site, site

__all__ = ["site"]  # the fixture, imported for pytest


def test_a_second_heavy_request_of_one_account_is_refused_while_the_first_runs(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.submit([("manuscript", ("paper.md", b"Okafor showed it (Okafor, 2018).\n"))])
    started, release = threading.Event(), threading.Event()
    real = fixed.fixed_upload

    def slow(*args: object, **kwargs: object) -> object:
        started.set()
        release.wait(20)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixed, "fixed_upload", slow)
    app = site.client.app

    async def both() -> tuple[int, int, str | None, int]:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            first = asyncio.ensure_future(client.get(f"{url}/fixed/paper.md", headers=site.auth))
            while not started.is_set():
                await asyncio.sleep(0.01)
            second = await client.get(f"{url}/fixed/paper.md", headers=site.auth)
            report = await client.get(f"{url}/report?format=json", headers=site.auth)
            release.set()
            done = await first
            return (
                second.status_code,
                report.status_code,
                second.headers.get("retry-after"),
                done.status_code,
            )

    portal = site.client.portal
    assert portal is not None
    second, report, retry_after, first = portal.call(both)
    assert (second, report) == (429, 429)
    assert retry_after is not None and int(retry_after) > 0
    assert first == 200
    # the turn is given back: the next request is served
    answer = site.client.get(f"{url}/fixed/paper.md", headers=site.auth)
    assert answer.status_code == 200
