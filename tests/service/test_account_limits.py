"""One account cannot fill the workers, the store or an API process's memory.

Through the real app on a real PostgreSQL database (`pg_url`); the dispatcher only
records, so every accepted audit stays queued -- exactly the flood the limits are for.
Each limit: a flooding account is refused (429/503 with Retry-After, or 413 for stored
bytes), an account under the limit is not, and another account is never held back.
"""

from __future__ import annotations

import asyncio
import re
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from citeaudit.server import create_app
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from tests.service.processes import CLOSED

PAPER = b"# A study\n\nAs shown (Okafor, 2018).\n\n## References\n\n- Okafor, N. (2018). Work.\n"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Recorder:
    """Takes audits as a broker would, runs nothing: they stay queued."""

    sent: list[str] = field(default_factory=list)

    def submit(self, audit_id: str) -> None:
        self.sent.append(audit_id)

    def close(self) -> None:
        return None


def _settings(pg_url: str, tmp: Path, **limits: Any) -> ServiceSettings:
    return ServiceSettings(
        database_url=pg_url,
        cache_dir=tmp / "cache",
        crossref_url=CLOSED,
        doi_url=CLOSED,
        datacite_url=CLOSED,
        archive_url=CLOSED,
        **limits,
    )


@contextmanager
def _client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def _repo(app: FastAPI) -> Repository:
    repo: Repository = app.state.repo
    return repo


def _tokens(repo: Repository, *names: str) -> dict[str, dict[str, str]]:
    """Fresh accounts (the database is shared by the session): name -> auth header."""
    run = uuid.uuid4().hex[:8]
    return {
        n: {"Authorization": f"Bearer {repo.create_token(f'{n}-{run}')}"} for n in names
    }


def _submit(client: TestClient, auth: dict[str, str]) -> httpx.Response:
    return client.post(
        "/api/v1/audits",
        headers=auth,
        files=[("manuscript", ("paper.md", PAPER, "text/markdown"))],
        data={"offline": "true"},
    )


def _account(repo: Repository, auth: dict[str, str]) -> int:
    account = repo.account_for_token(auth["Authorization"].split()[1])
    assert account is not None
    return account


def test_audits_in_flight_are_capped_per_account(pg_url: str, tmp_path: Path) -> None:
    app = create_app(
        _settings(pg_url, tmp_path, max_audits_in_flight_per_account=3),
        dispatcher=Recorder(),  # type: ignore[arg-type]
    )
    with _client(app) as client:
        repo = _repo(app)
        auth = _tokens(repo, "flood", "other")
        accepted = [_submit(client, auth["flood"]) for _ in range(3)]
        assert [r.status_code for r in accepted] == [202, 202, 202]  # under: unaffected
        refused = _submit(client, auth["flood"])
        assert refused.status_code == 429, refused.text
        assert int(refused.headers["Retry-After"]) > 0
        assert "3 audits queued or running" in refused.json()["detail"]
        flood = _account(repo, auth["flood"])
        assert repo.in_flight(flood) == 3  # nothing stored for the refused one
        # Another account is not held back by the flood.
        assert _submit(client, auth["other"]).status_code == 202
        # A place comes back when an audit ends: here failed, as the sweeper fails the
        # audit of a crashed worker (no counter to leak: the states are counted).
        repo.mark_failed(accepted[0].json()["id"], "worker lost")
        assert _submit(client, auth["flood"]).status_code == 202
        assert _submit(client, auth["flood"]).status_code == 429
        # ... and when one is deleted (cancelled).
        assert client.delete(
            f"/api/v1/audits/{accepted[1].json()['id']}", headers=auth["flood"]
        ).status_code == 204
        assert _submit(client, auth["flood"]).status_code == 202


def test_retry_counts_in_flight(pg_url: str, tmp_path: Path) -> None:
    app = create_app(
        _settings(pg_url, tmp_path, max_audits_in_flight_per_account=2),
        dispatcher=Recorder(),  # type: ignore[arg-type]
    )
    with _client(app) as client:
        repo = _repo(app)
        auth = _tokens(repo, "retrier")["retrier"]
        first, second = (_submit(client, auth).json()["id"] for _ in range(2))
        repo.mark_failed(first, "timed out")
        assert _submit(client, auth).status_code == 202  # the failed one's place
        refused = client.post(f"/api/v1/audits/{first}/retry", headers=auth)
        assert refused.status_code == 429, refused.text
        assert "Retry-After" in refused.headers
        assert repo.get_audit(first) is not None
        assert repo.get_audit(first).status == "failed"  # type: ignore[union-attr]
        repo.mark_failed(second, "timed out")
        assert client.post(f"/api/v1/audits/{first}/retry", headers=auth).status_code == 202


def test_limit_holds_across_api_processes(pg_url: str, tmp_path: Path) -> None:
    """Two apps (two engines, as two API processes) submitting for one account at
    once: the account's row lock lets exactly the limit through."""
    limit = 3
    apps = [
        create_app(
            # Only the in-flight gate is under test: the per-process upload places (2
            # per account) would refuse some of the 4 concurrent uploads per app first,
            # and how many depends on timing.
            _settings(
                pg_url,
                tmp_path,
                max_audits_in_flight_per_account=limit,
                max_uploads_per_account=0,
            ),
            dispatcher=Recorder(),  # type: ignore[arg-type]
        )
        for _ in range(2)
    ]
    with _client(apps[0]) as one, _client(apps[1]) as two:
        auth = _tokens(_repo(apps[0]), "racer")["racer"]
        codes: list[int] = []
        start = threading.Barrier(8)

        def send(client: TestClient) -> None:
            start.wait()
            codes.append(_submit(client, auth).status_code)

        threads = [threading.Thread(target=send, args=(c,)) for c in (one, two) * 4]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(codes) == [202] * limit + [429] * (8 - limit)
        assert _repo(apps[0]).in_flight(_account(_repo(apps[0]), auth)) == limit


def test_stored_bytes_are_capped_per_account(pg_url: str, tmp_path: Path) -> None:
    app = create_app(
        _settings(pg_url, tmp_path, max_stored_bytes_per_account=2 * len(PAPER)),
        dispatcher=Recorder(),  # type: ignore[arg-type]
    )
    with _client(app) as client:
        repo = _repo(app)
        auth = _tokens(repo, "hoarder", "other")
        assert _submit(client, auth["hoarder"]).status_code == 202
        assert _submit(client, auth["hoarder"]).status_code == 202
        refused = _submit(client, auth["hoarder"])
        assert refused.status_code == 413, refused.text
        assert "Delete audits" in refused.json()["detail"]
        assert _submit(client, auth["other"]).status_code == 202


def test_web_page_passes_the_same_gate(pg_url: str, tmp_path: Path) -> None:
    app = create_app(
        _settings(pg_url, tmp_path, max_audits_in_flight_per_account=1),
        dispatcher=Recorder(),  # type: ignore[arg-type]
    )
    with _client(app) as client:
        auth = _tokens(_repo(app), "editor")["editor"]
        assert _submit(client, auth).status_code == 202  # through the API
        page = client.get("/web/sign-in")
        csrf = CSRF.search(page.text)
        assert csrf is not None
        signed = client.post(
            "/web/sign-in",
            data={"token": auth["Authorization"].split()[1], "csrf": csrf.group(1)},
            follow_redirects=False,
        )
        assert signed.status_code == 303, signed.text
        form = CSRF.search(client.get("/web/audits").text)
        assert form is not None
        refused = client.post(
            "/web/audits",
            data={"csrf": form.group(1)},
            files=[("manuscript", ("paper.md", PAPER, "text/markdown"))],
            follow_redirects=False,
        )
        assert refused.status_code == 429, refused.text[:300]
        assert "queued or running" in refused.text
        assert "Retry-After" in refused.headers


# -- uploads being received by one process ---------------------------------------------


class Held:
    """A multipart body sent in two halves, the second only when released."""

    def __init__(self) -> None:
        self.boundary = uuid.uuid4().hex
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def body(self) -> AsyncIterator[bytes]:
        b = self.boundary
        yield (
            f"--{b}\r\nContent-Disposition: form-data; name=\"manuscript\"; "
            f"filename=\"paper.md\"\r\nContent-Type: text/markdown\r\n\r\n"
        ).encode()
        self.started.set()
        await self.release.wait()
        yield PAPER + f"\r\n--{b}--\r\n".encode()

    def headers(self, auth: dict[str, str]) -> dict[str, str]:
        return {**auth, "Content-Type": f"multipart/form-data; boundary={self.boundary}"}


async def _held_upload(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> tuple[Held, asyncio.Task[httpx.Response]]:
    held = Held()
    task = asyncio.create_task(
        client.post("/api/v1/audits", headers=held.headers(auth), content=held.body())
    )
    await asyncio.wait_for(held.started.wait(), 10)
    return held, task


async def _quick(client: httpx.AsyncClient, auth: dict[str, str]) -> httpx.Response:
    files = [("manuscript", ("paper.md", PAPER, "text/markdown"))]
    return await client.post("/api/v1/audits", headers=auth, files=files)


def test_uploads_at_once_are_capped_per_account_and_process(
    pg_url: str, tmp_path: Path
) -> None:
    cap = 256 * 1024
    settings = _settings(
        pg_url,
        tmp_path,
        max_uploads_per_account=1,
        max_upload_bytes=cap,
        # two undeclared-length uploads fit, a third does not
        max_upload_bytes_in_flight=2 * (cap + 64 * 1024) + 1,
    )
    app = create_app(settings, dispatcher=Recorder())  # type: ignore[arg-type]

    async def scenario() -> None:
        async with app.router.lifespan_context(app):
            auth = _tokens(_repo(app), "a", "b", "c")
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                held_a, task_a = await _held_upload(client, auth["a"])
                # a second upload of the same account while its first is received
                second = await _quick(client, auth["a"])
                assert second.status_code == 429, second.text
                assert "uploads in progress" in second.json()["detail"]
                assert "Retry-After" in second.headers
                # another account is not held back; its upload is accepted
                held_b, task_b = await _held_upload(client, auth["b"])
                # the process's byte budget is now full: a third account waits (503)
                third = await _quick(client, auth["c"])
                assert third.status_code == 503, third.text
                assert "Retry-After" in third.headers
                held_a.release.set()
                held_b.release.set()
                assert (await task_a).status_code == 202
                assert (await task_b).status_code == 202
                # every place is given back
                assert (await _quick(client, auth["a"])).status_code == 202
                assert (await _quick(client, auth["c"])).status_code == 202
                assert app.state.upload_gate.bytes_in_flight == 0

    asyncio.run(scenario())
