"""Through the real app: the editors' page's retry button is held to the account's
in-flight limit exactly as the API's retry is.

A retried audit is queued again, so it counts in flight. The API's retry went through
`retry_within` (429 past the limit); the page's button called the store's bare retry,
so one account could requeue any number of failed audits past its limit -- a flood of
work for every worker from a single editor. The dispatcher here only records: every
accepted audit stays queued, the flood the limit is for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store.repository import Repository
from tests.redteam.offline_service import offline_settings
from tests.service.test_account_limits import CSRF, PAPER, Recorder


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, FastAPI, Recorder]]:
    settings = offline_settings(tmp_path, max_audits_in_flight_per_account=2)
    recorder = Recorder()
    app = create_app(settings, dispatcher=recorder)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client, app, recorder


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _sign_in(client: TestClient, token: str) -> str:
    page = client.get("/web/sign-in")
    signed = client.post(
        "/web/sign-in",
        data={"token": token, "csrf": _csrf(page.text), "next": "/web/audits"},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    return _csrf(client.get("/web/audits").text)


def _submit(client: TestClient, auth: dict[str, str]) -> str:
    made = client.post(
        "/api/v1/audits",
        headers=auth,
        data={"offline": "true"},
        files=[("manuscript", ("paper.md", PAPER, "text/markdown"))],
    )
    assert made.status_code == 202, made.text
    return str(made.json()["id"])


def test_page_retry_counts_in_flight(served: tuple[TestClient, FastAPI, Recorder]) -> None:
    client, app, recorder = served
    repo: Repository = app.state.repo
    token = repo.create_token("retrier")
    auth = {"Authorization": f"Bearer {token}"}
    first, second = _submit(client, auth), _submit(client, auth)
    repo.mark_failed(first, "timed out")
    third = _submit(client, auth)  # the failed one's place: two in flight again
    assert repo.in_flight(repo.get_audit(third).account_id) == 2  # type: ignore[union-attr]
    csrf = _sign_in(client, token)
    sent_before = len(recorder.sent)

    refused = client.post(f"/web/audits/{first}/retry", data={"csrf": csrf}, follow_redirects=False)
    assert refused.status_code == 429, refused.text[:300]
    assert "queued or running" in refused.text
    assert "Retry-After" in refused.headers
    assert refused.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert repo.get_audit(first).status == "failed"  # type: ignore[union-attr]
    assert len(recorder.sent) == sent_before  # nothing sent to the workers

    repo.mark_failed(second, "timed out")  # a place again: the same button works
    again = client.post(f"/web/audits/{first}/retry", data={"csrf": csrf}, follow_redirects=False)
    assert again.status_code == 303, again.text[:300]
    assert again.headers["location"] == f"/web/audits/{first}"
    assert repo.get_audit(first).status == "queued"  # type: ignore[union-attr]
    assert recorder.sent[-1] == first


def test_page_retry_of_an_unfailed_audit_changes_nothing(
    served: tuple[TestClient, FastAPI, Recorder],
) -> None:
    client, app, recorder = served
    repo: Repository = app.state.repo
    token = repo.create_token("patient")
    audit = _submit(client, {"Authorization": f"Bearer {token}"})
    csrf = _sign_in(client, token)
    sent_before = len(recorder.sent)
    answer = client.post(f"/web/audits/{audit}/retry", data={"csrf": csrf}, follow_redirects=False)
    assert answer.status_code == 303
    assert repo.get_audit(audit).status == "queued"  # type: ignore[union-attr]
    assert len(recorder.sent) == sent_before  # a queued audit is not sent twice
