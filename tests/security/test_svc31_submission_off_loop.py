"""svc31: a submission waiting for the store held the API's event loop, every request with it.

``POST /api/v1/audits`` is an async route: it reads the upload on the event loop and
checks it in worker threads, then stored the audit -- the account's lock, the counts,
the files' bytes (up to 64 MB unpacked), the dispatch to the broker -- by calling the
store directly, on the event loop. The store's lock is the account's row (PostgreSQL)
or the one write lock of the file (SQLite, where the embedded workers' saves of a
large audit hold it for seconds; its busy timeout is 30 s). While a submission waited
for it, the process answered nothing at all: another account's plain list of its
audits, the health check, the editors' page. An account could stall an API process
for everyone by sending an upload while its own other admission, or its worker's
save, held the lock. Now the storing runs in a worker thread, as the limits' first
look does (`api.admission`).

Shown with the store's lock held by another connection (PostgreSQL: the account's row
FOR UPDATE; SQLite: BEGIN IMMEDIATE): another account's request is answered while the
submission waits. The waits are bounded; the assert is on what was answered, not when.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.store.repository import Repository
from tests.redteam.offline_service import offline_settings

WAIT = 10.0  # seconds a step waits for the one before, at most


def _finished(client: TestClient, headers: dict[str, str], audit_id: str) -> None:
    """Until the audit is done (its worker's connection is the store's before the app
    closes), at most `WAIT` seconds."""
    ends = time.monotonic() + WAIT
    while time.monotonic() < ends:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=headers).json()["status"]
        if status in ("done", "failed"):
            return
        time.sleep(0.05)


def _lock_held(database: str, account: int) -> AbstractContextManager[None]:
    """The store's lock for `account`'s admissions, held by another connection."""

    @contextmanager
    def held() -> Iterator[None]:
        if database.startswith("sqlite"):
            conn = sqlite3.connect(database.removeprefix("sqlite:///"), isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")  # the file's one write lock
            try:
                yield
            finally:
                conn.execute("ROLLBACK")
                conn.close()
            return
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(database).set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
            conn.execute("SELECT id FROM accounts WHERE id = %s FOR UPDATE", (account,))
            try:
                yield
            finally:
                conn.rollback()

    return held()


def _served_while_held(
    database: str,
    account: int,
    entered: threading.Event,
    answered: threading.Event,
    submit: Callable[[], None],
    look: Callable[[], None],
    what: str,
) -> bool:
    """Sends `submit` while the account's lock is held elsewhere and, once it reached
    the store, another account's `look`; whether that one was answered meanwhile."""
    with _lock_held(database, account):
        sender = threading.Thread(target=submit)
        sender.start()
        assert entered.wait(WAIT), f"the {what} never reached the store"
        looker = threading.Thread(target=look)
        looker.start()
        served = answered.wait(WAIT)
    sender.join()
    looker.join()
    return served


def test_a_submission_waiting_on_the_store_holds_no_other_request(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered = threading.Event()
    storing = Repository.create_audit_within

    def create_audit_within(self: Repository, *args: object, **kwargs: object) -> object:
        entered.set()  # only says the submission reached the store
        return storing(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Repository, "create_audit_within", create_audit_within)
    settings = offline_settings(tmp_path, database_url=database, embedded_workers=1)
    with TestClient(create_app(settings)) as client:
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        waiting = repo.create_token("waiting")
        bystander = {"Authorization": f"Bearer {repo.create_token('bystander')}"}
        account = repo.account_for_token(waiting)
        assert account is not None
        submitted: list[str] = []
        answered = threading.Event()

        def submit() -> None:
            answer = client.post(
                "/api/v1/audits",
                headers={"Authorization": f"Bearer {waiting}"},
                files={"bibliography": ("a.bib", b"@misc{k,}\n")},
                data={"offline": "true"},
            )
            assert answer.status_code == 202, answer.text
            submitted.append(answer.json()["id"])

        def look() -> None:
            if client.get("/api/v1/audits", headers=bystander).status_code == 200:
                answered.set()

        served_while_held = _served_while_held(
            database, account, entered, answered, submit, look, "submission"
        )
        assert len(submitted) == 1
        _finished(client, {"Authorization": f"Bearer {waiting}"}, submitted[0])
        assert served_while_held, "another account's request waited for the submission's lock"


def test_a_page_upload_waiting_on_the_store_holds_no_other_request(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editors' page's upload form, the same way: it called the store directly."""
    from tests.redteam.offline_service import signed_in

    entered = threading.Event()
    storing = Repository.create_audit_within

    def create_audit_within(self: Repository, *args: object, **kwargs: object) -> object:
        entered.set()
        return storing(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Repository, "create_audit_within", create_audit_within)
    settings = offline_settings(tmp_path, database_url=database, embedded_workers=1)
    with TestClient(create_app(settings)) as client:
        other = client  # the bystander's bearer token; the API reads no cookie
        repo: Repository = client.app.state.repo  # type: ignore[attr-defined]
        waiting = repo.create_token("waiting")
        bystander = {"Authorization": f"Bearer {repo.create_token('bystander')}"}
        account = repo.account_for_token(waiting)
        assert account is not None
        csrf = signed_in(client, waiting)
        places: list[str] = []
        answered = threading.Event()

        def submit() -> None:
            answer = client.post(
                "/web/audits",
                files={"bibliography": ("a.bib", b"@misc{k,}\n")},
                data={"csrf": csrf},  # no resolve, no links: offline
                follow_redirects=False,
            )
            assert answer.status_code == 303, answer.text
            places.append(answer.headers["location"].rsplit("/", 1)[-1])

        def look() -> None:
            if other.get("/api/v1/audits", headers=bystander).status_code == 200:
                answered.set()

        served_while_held = _served_while_held(
            database, account, entered, answered, submit, look, "upload"
        )
        assert len(places) == 1
        _finished(other, {"Authorization": f"Bearer {waiting}"}, places[0])
        assert served_while_held, "another account's request waited for the upload's lock"
