"""svc27: one account's web sign-ins stored a session row each, without end.

A signed-in browser is a row in `web_sessions` for the session's whole life (12 h by
default). Signing in needs a valid token and a pre-session CSRF value -- a double
submit the client itself chooses (cookie and field equal) -- so any account holder
can post its own token to ``/web/sign-in`` in a loop: each answer 303 and one more
row, none ever ended by the next (only expired rows were swept). A real `citeaudit
serve` on PostgreSQL stored 2,000 rows for one account in a minute from one client
(~330 bytes each with their indexes), outside the stored-bytes quota and every other
account limit; the store's disk is every account's. With /work/helpers/svc27-1.diff a
token keeps its newest `MAX_SESSIONS_PER_TOKEN` (20) sessions and the oldest past them
are ended (that browser is signed out); other tokens' sessions are not touched.

Counted, not timed: rows in the store after N sign-ins, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store import access
from citeaudit.store.tables import WebSession

CLOSED = "http://127.0.0.1:9"
SIGN_INS = 60
CAP = getattr(access, "MAX_SESSIONS_PER_TOKEN", 20)
PRE = "svc27-pre-session"  # the client's own double-submit value


@pytest.fixture
def client(database: str, tmp_path: Path) -> Iterator[TestClient]:
    settings = ServiceSettings(
        database_url=database,
        cache_dir=tmp_path / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        embedded_workers=1,
    )
    with TestClient(create_app(settings), base_url="http://testserver") as served:
        yield served


def _sign_in(client: TestClient, token: str) -> str:
    """One sign-in with a pre-session value of the client's choosing; the session."""
    client.cookies.clear()
    client.cookies.set("citeaudit_csrf", PRE, path="/web/")
    answer = client.post("/web/sign-in", data={"token": token, "csrf": PRE}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    value = answer.cookies.get("citeaudit_session")
    assert value
    return value


def _rows(client: TestClient, account: int) -> int:
    repo = client.app.state.repo  # type: ignore[attr-defined]
    with repo.session() as s:
        return int(s.scalar(select(func.count()).where(WebSession.account_id == account)) or 0)


def _signed_in(client: TestClient, value: str) -> bool:
    client.cookies.clear()
    client.cookies.set("citeaudit_session", value)
    return client.get("/web/audits", follow_redirects=False).status_code == 200


def test_sign_ins_keep_a_bounded_number_of_sessions(client: TestClient) -> None:
    repo = client.app.state.repo  # type: ignore[attr-defined]
    token = repo.create_token("hostile")
    account = repo.account_for_token(token)
    values = [_sign_in(client, token) for _ in range(SIGN_INS)]
    # before: 60 rows, one a sign-in; after: the newest CAP
    assert _rows(client, account) <= CAP
    assert _signed_in(client, values[-1])  # the newest sessions still work
    assert _signed_in(client, values[-CAP])
    assert not _signed_in(client, values[0])  # the oldest was ended


def test_a_flood_leaves_other_tokens_sessions_alone(client: TestClient) -> None:
    """Guard: one token's sign-ins end none of another account's sessions, and every
    sign-in answers with a working session (before and after the diff)."""
    repo = client.app.state.repo  # type: ignore[attr-defined]
    other = repo.create_token("other")
    kept = _sign_in(client, other)
    token = repo.create_token("hostile")
    for _ in range(CAP + 5):
        newest = _sign_in(client, token)
        assert _signed_in(client, newest)
    assert _signed_in(client, kept)
    assert _rows(client, repo.account_for_token(other)) == 1
