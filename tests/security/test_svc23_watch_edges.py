"""svc23: the watch routes' edges, as a hostile client of the service reaches them.

- `since` is any ISO time the client likes: one whose offset pushes it past the ends of
  the calendar once made UTC (``0001-01-01T00:00:00+14:00``, ``9999-12-31T23:59:59-14:00``)
  raised OverflowError in the store and answered 500 on both changes routes, JSON and
  HTML. Such a time is before (or after) every change: all of them (or none).
- a collection exists only while an audit is watched in it: moving one watched audit
  through 50 names once left 50 empty collections, every one listed on each
  ``GET /watch/collections`` for ever -- rows without end for one audit and a token,
  outside every quota (the stored-bytes quota counts uploads).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store import Repository
from tests.watch.conftest import CLOSED, stored_audit, watch_settings

EDGES = ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00")


@pytest.fixture
def served(tmp_path: Path) -> tuple[TestClient, dict[str, str], str]:
    client = TestClient(create_app(watch_settings(tmp_path, CLOSED)))
    client.__enter__()
    repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
    token = repo.create_token("a")
    account = repo.account_for_token(token)
    assert account is not None
    audit_id = stored_audit(repo, account, [f"{CLOSED}/page"])
    yield client, {"Authorization": f"Bearer {token}"}, audit_id  # type: ignore[misc]
    client.__exit__(None, None, None)


@pytest.mark.parametrize("since", EDGES)
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_a_since_at_the_calendars_ends_is_answered(
    served: tuple[TestClient, dict[str, str], str], since: str, fmt: str
) -> None:
    client, auth, audit_id = served
    watched = client.post(
        f"/api/v1/audits/{audit_id}/watch", headers=auth, json={"collection": "c"}
    )
    assert watched.status_code == 200
    for path in (f"/api/v1/audits/{audit_id}/changes", "/api/v1/watch/collections/c/changes"):
        answer = client.get(path, headers=auth, params={"since": since, "format": fmt})
        assert answer.status_code == 200, (path, answer.text)


def test_collections_are_not_left_behind_empty(
    served: tuple[TestClient, dict[str, str], str],
) -> None:
    client, auth, audit_id = served
    for n in range(50):
        moved = client.post(
            f"/api/v1/audits/{audit_id}/watch", headers=auth, json={"collection": f"c{n}"}
        )
        assert moved.status_code == 200
    listed = client.get("/api/v1/watch/collections", headers=auth).json()
    assert [(c["name"], c["audits"]) for c in listed] == [("c49", 1)]
    assert client.delete(f"/api/v1/audits/{audit_id}/watch", headers=auth).status_code == 204
    assert client.get("/api/v1/watch/collections", headers=auth).json() == []
    # and a collection name can be used again afterwards
    again = client.post(f"/api/v1/audits/{audit_id}/watch", headers=auth, json={"collection": "c0"})
    assert again.status_code == 200 and again.json()["collection"] == "c0"
