"""svc31: the stored-bytes quota counted an account's uploads, not what its audits keep.

`max_stored_bytes_per_account` is the store's share one account may fill. It summed
the uploaded files alone, while every audit also keeps its references, citations,
findings, chunk results and the whole typed result -- made from the upload, and far
larger than it: a 27 KB BibTeX file of 2,000 bare ``@misc{kN,}`` entries beside a
one-line manuscript kept 3.5 MB (130 times its size) in SQLite, a 17 KB manuscript of
2,000 unknown keys 1.2 MB. Under the default 5 GB quota one account could have
the service store some 650 GB, outside every limit. Now each audit records the bytes
its derived rows hold when they are stored (`Audit.held_bytes`, measured in SQL), and
the quota counts them beside the uploads: past it, the next upload is refused (413).

Counted, not timed: the same upload sent again once the first audit is done, with a
quota ten times the upload's size.
"""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from citeaudit.server import create_app
from tests.redteam.offline_service import offline_settings

ENTRIES = 2000
BIB = "".join(f"@misc{{k{i},}}\n" for i in range(ENTRIES)).encode()
MANUSCRIPT = b"Nothing is cited here.\n"
UPLOAD = len(BIB) + len(MANUSCRIPT)
WAIT = 120.0  # seconds an offline audit of 2,000 entries may take on a busy machine


def _send(client: TestClient, headers: dict[str, str]) -> tuple[int, str]:
    answer = client.post(
        "/api/v1/audits",
        headers=headers,
        files=[("bibliography", ("a.bib", BIB)), ("manuscript", ("m.md", MANUSCRIPT))],
        data={"offline": "true"},
    )
    return answer.status_code, answer.text


def _finished(client: TestClient, headers: dict[str, str], audit_id: str) -> str:
    ends = time.monotonic() + WAIT
    while time.monotonic() < ends:
        status = client.get(f"/api/v1/audits/{audit_id}", headers=headers).json()["status"]
        if status in ("done", "failed"):
            return str(status)
        time.sleep(0.05)
    return "unfinished"


def test_what_an_audit_keeps_counts_toward_the_stored_bytes_quota(
    database: str, tmp_path: Path
) -> None:
    settings = offline_settings(
        tmp_path,
        database_url=database,
        embedded_workers=1,
        max_stored_bytes_per_account=10 * UPLOAD,
    )
    with TestClient(create_app(settings)) as client:
        repo = client.app.state.repo  # type: ignore[attr-defined]
        hoarder = {"Authorization": f"Bearer {repo.create_token('hoarder')}"}
        other = {"Authorization": f"Bearer {repo.create_token('other')}"}
        status, text = _send(client, hoarder)
        assert status == 202, text
        first = client.get("/api/v1/audits", headers=hoarder).json()["items"][0]["id"]
        assert _finished(client, hoarder, first) == "done"

        status, text = _send(client, hoarder)
        assert status == 413, f"an audit's derived rows were not counted: {status} {text}"
        assert "Delete audits" in text
        assert _send(client, other)[0] == 202  # another account is not held back

        # Deleting the audit gives its bytes back.
        assert client.delete(f"/api/v1/audits/{first}", headers=hoarder).status_code == 204
        assert _send(client, hoarder)[0] == 202


def test_an_audit_keeps_a_measure_of_its_rows(database: str, tmp_path: Path) -> None:
    """The figure is the rows' own size: more than the upload (here), and stored once."""
    settings = offline_settings(tmp_path, database_url=database, embedded_workers=1)
    with TestClient(create_app(settings)) as client:
        repo = client.app.state.repo  # type: ignore[attr-defined]
        headers = {"Authorization": f"Bearer {repo.create_token('measured')}"}
        assert _send(client, headers)[0] == 202
        audit_id = client.get("/api/v1/audits", headers=headers).json()["items"][0]["id"]
        assert _finished(client, headers, audit_id) == "done"
        from citeaudit.store.tables import Audit

        with repo.session() as s:
            held = s.get(Audit, audit_id).held_bytes
        assert held > 10 * UPLOAD


def test_a_chunk_result_counts_as_it_is_stored(database: str, tmp_path: Path) -> None:
    """An audit failed in its network phase never reaches the final measure; the
    results its chunks keep for a retry count all the same."""
    from citeaudit.store import Repository, make_engine, upgrade
    from citeaudit.store.quotas import AccountLimits
    from citeaudit.store.tables import Audit
    from citeaudit.store.views import NewFile

    engine = make_engine(database)
    upgrade(engine)
    try:
        repo = Repository(engine)
        account = repo.account_for_token(repo.create_token("chunked"))
        assert account is not None
        upload = [NewFile("bibliography", "a.bib", "text", b"@misc{k,}")]
        audit_id = repo.create_audit(account, upload, {})
        (chunk,) = repo.save_offline(
            audit_id, references=[], citations=[], findings=[], chunks=[("links", ["k"])]
        )
        with repo.session() as s:
            before = s.get(Audit, audit_id).held_bytes
        result = {"links": ["x" * 100_000]}
        repo.complete_chunk(chunk.id, result, "w")
        repo.mark_failed(audit_id, "stopped")
        with repo.session() as s:
            held = s.get(Audit, audit_id).held_bytes
        assert held - before >= 100_000
        limits = AccountLimits(max_stored_bytes=50_000)
        over = repo.create_audit_within(account, upload, {}, limits)
        assert not isinstance(over, str) and over.kind == "stored_bytes"
    finally:
        engine.dispose()


def test_an_audits_link_addresses_count(database: str) -> None:
    """A link's address is a shared row, kept while any audit cites it: each audit
    citing it counts it (an upload's 5,000 links of 8 KB addresses are 40 MB)."""
    from citeaudit.store import Repository, make_engine, upgrade
    from citeaudit.store.tables import Audit
    from citeaudit.store.views import NewFile

    engine = make_engine(database)
    upgrade(engine)
    try:
        repo = Repository(engine)
        account = repo.account_for_token(repo.create_token("linked"))
        assert account is not None
        upload = [NewFile("bibliography", "a.bib", "text", b"@misc{k,}")]
        audit_id = repo.create_audit(account, upload, {})
        url = "https://example.org/" + "a" * 50_000
        repo.save_offline(
            audit_id,
            references=[],
            citations=[],
            findings=[],
            chunks=[],
            links=[{"url": url, "reference_ids": ["k"]}],
        )
        with repo.session() as s:
            assert s.get(Audit, audit_id).held_bytes >= len(url)
    finally:
        engine.dispose()
