"""svc31: an audit watched before its references were stored passed the ceiling empty.

The watched-links ceiling counts the links and DOIs the account's watched audits hold
in the store when an audit starts being watched. An audit still queued holds none: its
references, links and DOIs are stored when its upload is read. So watching each audit
right after sending it counted 0 for it, whatever it would hold -- up to 5,000 links
and a DOI per reference -- and the ceiling only ever stopped a watch of an audit
already read: an account at 99,999 of 100,000 went on watching audits of 5,000 links
each, twenty at a time (its audits in flight), without end. A failed audit retried
read its upload again the same way. Now an audit is watched once it is finished (done,
or failed), when what it holds is known and no longer grows; a watched failed audit is
not retried (unwatch it first: watched again when done, it is counted then).

Counted: links the account's watched audits hold, against a ceiling of 4, for an
upload of 6 links watched while queued (the service's own reading, embedded).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from citeaudit.server import create_app
from citeaudit.store.tables import AuditLink
from citeaudit.store.watch_tables import Watch
from citeaudit.store.watching.records import WatchError
from citeaudit.watch import watch_audit
from tests.redteam.offline_service import offline_settings

CEILING = 4
LINKS = 6
WAIT = 60.0  # seconds an offline audit of six entries may take on a busy machine
BIB = "".join(
    f"@misc{{k{i}, title={{T{i}}}, url={{https://example.org/svc31/{i}}}}}\n" for i in range(LINKS)
).encode()


def _finished(client: TestClient, headers: dict[str, str], audit_id: str) -> str:
    ends = time.monotonic() + WAIT
    while time.monotonic() < ends:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=headers).json()["status"]
        if status in ("done", "failed"):
            return str(status)
        time.sleep(0.05)
    return "unfinished"


def test_an_audit_is_not_watched_before_it_is_read(
    tmp_path: Path, migrated_sqlite: Callable[[Path], str]
) -> None:
    settings = offline_settings(
        tmp_path,
        database_url=migrated_sqlite(tmp_path / "svc31.db"),
        embedded_workers=1,
        max_watched_links_per_account=CEILING,
    )
    with TestClient(create_app(settings)) as client:
        repo = client.app.state.repo  # type: ignore[attr-defined]
        token = repo.create_token("early")
        account = repo.account_for_token(token)
        headers = {"Authorization": f"Bearer {token}"}
        client.app.state.dispatcher.places.acquire()  # the one place held: nothing runs
        try:
            sent = client.post(
                "/api/v1/audits",
                headers=headers,
                files={"bibliography": ("a.bib", BIB)},
                data={"offline": "true"},
            )
            assert sent.status_code == 202, sent.text
            audit_id = sent.json()["id"]
            early = client.post(f"/api/v1/audits/{audit_id}/watch", headers=headers)
        finally:
            client.app.state.dispatcher.places.release()
        assert _finished(client, headers, audit_id) == "done"
        with repo.session() as s:
            watched = select(Watch.audit_id).where(Watch.account_id == account)
            held = s.scalar(
                select(func.count(func.distinct(AuditLink.link_id))).where(
                    AuditLink.audit_id.in_(watched)
                )
            )
        assert held <= CEILING, f"watched while queued: {held} links under a ceiling of 4"
        assert early.status_code == 409, early.text
        # Once read, the ceiling counts what it holds.
        late = client.post(f"/api/v1/audits/{audit_id}/watch", headers=headers)
        assert late.status_code == 422, late.text


def test_a_watched_failed_audit_is_not_retried(
    tmp_path: Path, migrated_sqlite: Callable[[Path], str]
) -> None:
    """Retried, a failed audit reads its upload again: watched, it grew past what the
    ceiling counted."""
    settings = offline_settings(
        tmp_path, database_url=migrated_sqlite(tmp_path / "svc31.db"), embedded_workers=1
    )
    with TestClient(create_app(settings)) as client:
        repo = client.app.state.repo  # type: ignore[attr-defined]
        token = repo.create_token("retrier")
        account = repo.account_for_token(token)
        headers = {"Authorization": f"Bearer {token}"}
        from citeaudit.store.views import NewFile

        audit_id = repo.create_audit(account, [NewFile("bibliography", "a.bib", "text", BIB)], {})
        repo.mark_failed(audit_id, "stopped before reading")
        watch_audit(repo, account, audit_id, max_links=CEILING)
        retried = client.post(f"/api/v1/audits/{audit_id}/retry", headers=headers)
        assert retried.status_code == 409, retried.text
        assert "unwatch" in retried.json()["detail"]
        assert client.delete(f"/api/v1/audits/{audit_id}/watch", headers=headers).status_code == 204
        assert client.post(f"/api/v1/audits/{audit_id}/retry", headers=headers).status_code == 202
        assert _finished(client, headers, audit_id) == "done"
        try:
            watch_audit(repo, account, audit_id, max_links=CEILING)
        except WatchError:
            pass
        else:
            raise AssertionError("watched past the ceiling after the retry")
