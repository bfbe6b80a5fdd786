"""Every request body bounded before any route sees it, and every JSON body valid Unicode.

A pure ASGI layer, so it holds for every route, present and future:

- a declared `Content-Length` over the cap is answered 413 at once -- after a
  drain bounded in bytes and seconds, so that a polite client that is still sending
  reads the answer instead of a reset, while a client that declares 10^12 bytes and
  sends nothing holds nothing open;
- a body sent without a length (chunked) is cut off at the same cap while it streams;
- a body must keep arriving (`api.slow_clients.paced`): one trickled a byte at a time
  is answered 408 and its connection closed, instead of holding it for ever;
- a body in a content coding (``Content-Encoding: gzip``, deflate, br, ...) is
  answered 415 with ``Accept-Encoding: identity`` (RFC 7694) before any route reads
  it: nothing here decompresses a request body, and the caps count the bytes as they
  arrive, so a decoder anywhere behind them would turn a capped body into an unbounded
  one; read as if plain, such a body was "not UTF-8" or "malformed multipart", or was
  audited as its compressed bytes;
- a JSON body is read whole (it is small: `max_json_bytes`) and refused with 400
  when it is not UTF-8, not JSON, nested beyond what the parser takes, or holds a
  lone surrogate (``"\\ud800"``), which Python accepts but no database or encoder
  downstream can store.

Multipart uploads get their own, larger cap (`max_upload_bytes`); `api.form` counts
the same bytes and answers first with the upload's own message, so the cap here is
set a little above it. Only the routes that take an upload (`UPLOAD_ROUTES`) get it:
chosen by the body's content type alone, a multipart body of 20 MB in a thousand file
parts reached every form route -- /web/sign-in without an account -- and was parsed
whole, its files spooled to disk, before the route refused it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from citeaudit.api.slow_clients import BodyTooSlow, paced

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MULTIPART_SLACK = 64 * 1024  # boundaries and part headers around the files themselves
DRAIN_MAX_BYTES = 64 * 1024 * 1024  # read this much of a refused body, at most ...
DRAIN_SECONDS = 5.0  # ... for this long at most, then close
# (method, path) of the routes whose body is an upload: the API's and the editors' page's
UPLOAD_ROUTES = frozenset({("POST", "/api/v1/audits"), ("POST", "/web/audits")})


def takes_upload(scope: Scope) -> bool:
    """True when the request is for a route that takes an upload's body."""
    path = str(scope.get("path", ""))
    root = str(scope.get("root_path", ""))
    if root and path.startswith(root):
        path = path[len(root) :]
    return (str(scope.get("method", "")).upper(), path.rstrip("/") or "/") in UPLOAD_ROUTES


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a streamed body passes the cap (FastAPI re-raises it)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than the limit of {limit} bytes")


async def drain(receive: Receive, most: int, seconds: float = DRAIN_SECONDS) -> None:
    """Read and drop up to `most` bytes of the body, for `seconds` at most."""
    deadline = time.monotonic() + seconds
    drained = 0
    while drained < most:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        try:
            message = await asyncio.wait_for(receive(), left)
        except (TimeoutError, BodyTooSlow):
            return
        if message["type"] != "http.request":
            return
        drained += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def send_error(
    send: Send, status: int, detail: str, extra: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    body = json.dumps({"detail": detail}).encode("ascii")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


def coded(scope: Scope) -> str | None:
    """The request body's content codings other than ``identity``, or None when plain.

    Every ``Content-Encoding`` header counts (a list may be split over several)."""
    codings = [
        part.strip().lower()
        for name, value in scope.get("headers", [])
        if name.lower() == b"content-encoding"
        for part in value.decode("latin-1").split(",")
    ]
    kept = [c for c in codings if c and c != "identity"]
    return ", ".join(kept)[:80] if kept else None


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def json_problem(body: bytes) -> str | None:
    """Why `body` is not acceptable JSON, or None when it is."""
    if not body.strip():
        return None  # no body: the route decides whether it needs one
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"the JSON body is not UTF-8 (byte {exc.start})"
    try:
        value = json.loads(text)
    except RecursionError:
        return "the JSON body is nested too deeply"
    except ValueError as exc:
        return f"the JSON body is not valid JSON ({str(exc)[:120]})"
    where = _lone_surrogate(value)
    if where is not None:
        return (
            f"the JSON body holds a lone surrogate (an unpaired \\ud800-\\udfff escape) "
            f"in {where}; send valid Unicode text"
        )
    return None


def _bad(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _lone_surrogate(value: object) -> str | None:
    """The path of the first string (or key) that cannot be encoded, or None.

    Iterative: the parser already bounded the depth, but a walk must not recurse
    again on what it accepted.
    """
    stack: list[tuple[str, object]] = [("$", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if _bad(item):
                return path
        elif isinstance(item, dict):
            for key, child in item.items():
                if _bad(key):
                    return f"a key of {path}"
                stack.append((f"{path}.{key}"[:200], child))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]"[:200], child) for i, child in enumerate(item))
    return None


class BodyLimits:
    def __init__(self, app: ASGIApp, *, upload_bytes: int, json_bytes: int) -> None:
        self.app = app
        self.upload_bytes = upload_bytes + MULTIPART_SLACK
        self.json_bytes = json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        receive = paced(receive)
        coding = coded(scope)
        if coding is not None:
            await drain(receive, DRAIN_MAX_BYTES)  # the client reads the answer
            await send_error(
                send,
                415,
                f"request bodies are not decompressed: send it without a content coding "
                f"(Content-Encoding {coding!r})",
                ((b"accept-encoding", b"identity"),),
            )
            return
        headers = _headers(scope)
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        multipart = content_type.lower().startswith("multipart/")
        limit = self.upload_bytes if multipart and takes_upload(scope) else self.json_bytes
        declared = headers.get(b"content-length")
        if declared is not None:
            text = declared.decode("latin-1").strip()
            if not text.isdigit() or len(text) > 19:
                await send_error(send, 400, "the Content-Length header is not a byte count")
                return
            if int(text) > limit:
                if int(text) <= DRAIN_MAX_BYTES:
                    await drain(receive, int(text))
                await send_error(
                    send, 413, f"the request body is larger than the limit of {limit} bytes"
                )
                return
        if _is_json(content_type):
            await self._json(scope, receive, send, limit)
            return
        await self.app(scope, _counted(receive, limit), send)

    async def _json(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                message = await receive()
            except BodyTooSlow as exc:
                await send_error(send, exc.status_code, str(exc.detail))
                return
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await drain(receive, DRAIN_MAX_BYTES)
                await send_error(
                    send, 413, f"the request body is larger than the limit of {limit} bytes"
                )
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        problem = json_problem(body)
        if problem is not None:
            await send_error(send, 400, problem)
            return
        await self.app(scope, _replay(body, receive), send)


def _counted(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return counted


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
