"""The one gate every upload passes -- the API's `POST /api/v1/audits` and the web
page's upload form alike -- before its body is read (`service.admission`).

An upload refused here costs only the bounded drain (`api.limits.drain`), never its
bytes in memory: the account's audits in flight and stored bytes are looked up in
the store, then the process's upload slot and byte budget are taken and held until the
route has stored the audit (or refused the upload).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool

from citeaudit.api.limits import DRAIN_MAX_BYTES, MULTIPART_SLACK, drain
from citeaudit.service.admission import Refused, UploadGate, account_limits, refusal
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository


def upload_gate(app: FastAPI, settings: ServiceSettings) -> UploadGate:
    """The process's gate, made at first use (on the event loop: no race)."""
    gate: UploadGate | None = getattr(app.state, "upload_gate", None)
    if gate is None:
        gate = UploadGate(settings.max_uploads_per_account, settings.max_upload_bytes_in_flight)
        app.state.upload_gate = gate
    return gate


def _reserved(request: Request, cap: int) -> int:
    """The bytes this upload may bring: its declared length, or the whole cap."""
    declared = request.headers.get("content-length", "").strip()
    if declared.isdigit() and len(declared) < 20:
        return min(int(declared), cap)
    return cap


@asynccontextmanager
async def admitted_upload(request: Request, account: int) -> AsyncIterator[None]:
    """Held while the upload is read, checked and stored; `Refused` before any of it."""
    settings: ServiceSettings = request.app.state.settings
    repo: Repository = request.app.state.repo
    gate = upload_gate(request.app, settings)
    try:
        over = await run_in_threadpool(repo.over_limit, account, account_limits(settings))
        if over is not None:
            raise refusal(over)
        slot = gate.slot(account, _reserved(request, settings.max_upload_bytes + MULTIPART_SLACK))
        slot.__enter__()
    except Refused:
        await drain(request.receive, DRAIN_MAX_BYTES)  # the client reads the answer
        raise
    try:
        yield
    finally:
        slot.__exit__(None, None, None)
