"""A DOI asked of the resolver's Handle API: is it registered, and where does it point.

The resolver is a host like any other: its own per-host limit and interval, and a
global slot (not a burst of every DOI in the list at once); its 429/503 and timeouts
are retried by the one retry rule (`links/retry.py`). The answer is the handle record,
read through the trusted client (bounded, redirects judged: `checker.trusted_client`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from citeaudit import remote_json
from citeaudit.doi import doi_path
from citeaudit.links import errors
from citeaudit.links.fetch import RETRY_REASONS, RETRY_STATUSES
from citeaudit.links.policy import HostGate
from citeaudit.links.retry import Backoff, retry_after
from citeaudit.links.schemes import is_web_url
from citeaudit.links.targets import url_problem, wire_form
from citeaudit.links.transport import PEER

__all__ = ["HandleAnswer", "ask_handle"]


@dataclass(frozen=True, slots=True)
class HandleAnswer:
    """What the resolver said of one DOI, after retries."""

    attempts: int
    status: int | None = None
    error: str | None = None  # no HTTP answer: the reason (`links.errors`)
    registered: bool = False  # responseCode 1
    not_found: bool = False  # responseCode 100 with 200 or 404
    target: str | None = None  # the registered http(s) URL, if any
    peer: str | None = None  # the address the record came from, where known


async def ask_handle(
    client: httpx.AsyncClient,
    doi_url: str,
    doi: str,
    *,
    gate: HostGate,
    shared: asyncio.Semaphore,
    retry: Backoff,
) -> HandleAnswer:
    """The resolver's answer for `doi` (refused DOIs never get here: `_precheck`)."""
    api = f"{doi_url}/api/handles/{doi_path(doi)}"
    host = (urlsplit(api).hostname or "").lower()
    data: object = None
    status = None
    peer: str | None = None
    attempts = 0
    for attempt in range(retry.attempts):
        attempts += 1
        last = attempt + 1 >= retry.attempts
        try:
            async with gate.slot(host, shared):
                response = await client.get(api, params={"type": "URL"})
        except httpx.HTTPError as exc:
            reason = errors.reason_for(exc)
            if reason in RETRY_REASONS and not last:
                await asyncio.sleep(retry.delay(attempt))
                continue
            return HandleAnswer(attempts, error=reason)
        status = response.status_code
        peer = response.extensions.get(PEER)
        if status in RETRY_STATUSES and not last:
            wait = retry.wait(attempt, retry_after(response.headers))
            if wait is not None:
                await asyncio.sleep(wait)
                continue
        try:
            data = remote_json.loads(response.content)
        except ValueError:
            data = None
        break
    if not isinstance(data, dict):
        return HandleAnswer(attempts, status)
    code = data.get("responseCode")
    if code == 100 and status in (200, 404):
        return HandleAnswer(attempts, status, not_found=True)
    if code != 1:
        return HandleAnswer(attempts, status)
    target = None
    values = data.get("values")
    # A stranger's JSON: "values" or a value's "data" of another type is no URL
    # (5 raised TypeError, "x" AttributeError, out of the link phase).
    for value in values if isinstance(values, list) else ():
        if isinstance(value, dict) and value.get("type") == "URL":
            record = value.get("data")
            target = record.get("value") if isinstance(record, dict) else None
            break
    if not isinstance(target, str) or not is_web_url(target):
        target = None
    elif url_problem(target) is None:
        target = wire_form(target)  # checked and reported as sent, not as the record wrote it
    return HandleAnswer(attempts, status, registered=True, target=target, peer=peer)
