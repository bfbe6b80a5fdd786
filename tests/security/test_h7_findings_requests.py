"""Red team H7: the findings of an audit are served a few at a time, like its report.

`GET /api/v1/audits/{id}/findings` answers every finding the audit kept, and a hostile
upload keeps many: 25,000 of each rule (50,000 made-up citation keys beside 30,000
uncited entries are a 20 MB answer, about a second of CPU and some hundreds of MB to
read and write each time). The report and fixed-file routes already took a place of
`service.heavy`; this one ran on the server's shared thread pool, one per request, so
forty requests for one audit's findings added up forty reads and held the threads every
plain route waits on. The costly step (reading the findings) is held here and counted:
no clock.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from citeaudit.service import heavy
from citeaudit.store.repository import Repository
from tests.security.test_redteam_heavy_requests import (
    REQUESTS,
    _at_once,
    _Held,
    audit,
    finished_audit,
)
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["audit", "served"]  # the fixtures: `citeaudit serve`, one finished audit


@pytest.fixture
def held_findings(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Held]:
    held = _Held()
    monkeypatch.setattr(Repository, "findings", held.around(Repository.findings))
    yield held
    held.release.set()


def test_findings_are_read_a_few_at_a_time(
    served: Served, audit: str, held_findings: _Held
) -> None:
    together, answers = _at_once(served, f"{audit}/findings", held_findings, REQUESTS)
    assert answers == [200] * REQUESTS, answers
    assert together <= heavy.HEAVY_AT_ONCE < REQUESTS, f"{together} findings reads at once"
    assert held_findings.most <= heavy.HEAVY_AT_ONCE


def test_findings_answer_is_unchanged(served: Served) -> None:
    """Same JSON as before: the audit, its state, and each finding as stored; the
    filters still apply."""
    auth = {"Authorization": f"Bearer {served.token}"}
    paper = b"As shown [@gone2001].\n"
    bib = b"@article{kept2002, author={Okafor, B.}, title={A title}, journal={J}, year=2002}\n"
    url = finished_audit(served, served.token, paper, bib)
    answer = httpx.get(f"{url}/findings", headers=auth, timeout=GUARD)
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"audit_id", "status", "final", "findings"}
    assert body["status"] == "done" and body["final"] is True
    assert url.endswith(body["audit_id"])
    rules = sorted(f["rule"] for f in body["findings"])
    assert rules == ["missing-reference", "uncited-reference"], rules
    errors = httpx.get(f"{url}/findings?severity=error", headers=auth, timeout=GUARD).json()
    assert [f["rule"] for f in errors["findings"]] == ["missing-reference"]
