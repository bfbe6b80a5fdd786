"""An account watches at most `max_watched_links_per_account` distinct links.

Each watched link is re-checked on every sweep (`watch_max_age`, about daily), and
nothing bounded how many one account could have watched: the stored-bytes quota
allows some 10,000 audits of 5,000 links each, tens of millions of requests a day on
the workers and the sites, which the per-site quota does not stop (every host
distinct). The ceiling is asked when an audit starts being watched, counting the
links the account already watches once each (a link shared by two audits is one
re-check); a refused audit says why and by how much, on the API (422), on the web
page and in the CLI, and is not watched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store import Repository
from citeaudit.store.watching.records import WatchLimitError
from citeaudit.store.watching.watches import list_watches, watch_audit
from tests.watch.conftest import CLOSED, stored_audit, watch_settings
from tests.web.conftest import App

CEILING = 5


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], Repository, int]]:
    settings = watch_settings(tmp_path, CLOSED, max_watched_links_per_account=CEILING)
    with TestClient(create_app(settings)) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        token = repo.create_token("a")
        account = repo.account_for_token(token)
        assert account is not None
        yield client, {"Authorization": f"Bearer {token}"}, repo, account


def _links(prefix: str, n: int) -> list[str]:
    return [f"{CLOSED}/{prefix}/{i}" for i in range(n)]


def test_the_api_refuses_an_audit_past_the_ceiling(
    served: tuple[TestClient, dict[str, str], Repository, int],
) -> None:
    client, auth, repo, account = served
    first = stored_audit(repo, account, _links("a", 4))
    shared = stored_audit(repo, account, _links("a", 4))  # the same four links: no more
    past = stored_audit(repo, account, _links("b", 2))  # 4 + 2 > 5
    for audit_id in (first, shared):
        assert client.post(f"/api/v1/audits/{audit_id}/watch", headers=auth).status_code == 200
    refused = client.post(f"/api/v1/audits/{past}/watch", headers=auth)
    assert refused.status_code == 422
    assert "6" in refused.json()["detail"] and "5" in refused.json()["detail"]
    assert {w.audit_id for w in list_watches(repo, account)} == {first, shared}
    # watching an audit already watched again (another collection) is no new link
    again = client.post(f"/api/v1/audits/{first}/watch", headers=auth, json={"collection": "c"})
    assert again.status_code == 200


def test_the_web_page_says_why(
    served: tuple[TestClient, dict[str, str], Repository, int],
) -> None:
    client, auth, repo, account = served
    past = stored_audit(repo, account, _links("c", CEILING + 1))
    token = auth["Authorization"].removeprefix("Bearer ")
    csrf = App(client, {"a": token}).sign_in("a")
    page = client.post(f"/web/audits/{past}/watch", data={"csrf": csrf})
    assert page.status_code == 422
    assert "6 links" in page.text and "No such audit" not in page.text
    assert list_watches(repo, account) == []
    with pytest.raises(WatchLimitError):  # the CLI's path: the same refusal
        watch_audit(repo, account, past, max_links=CEILING)


def test_no_ceiling_when_zero(
    served: tuple[TestClient, dict[str, str], Repository, int],
) -> None:
    _client, _auth, repo, account = served
    audit_id = stored_audit(repo, account, _links("d", CEILING * 3))
    assert watch_audit(repo, account, audit_id, max_links=0).audit_id == audit_id
