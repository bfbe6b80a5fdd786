"""Clients that send too slowly: a request head and a request body each have a deadline.

uvicorn waits for a request for ever once a connection is open: its only timer is the
keep-alive one, and the first byte of a new request (or of a body the app no longer
reads) cancels it. So a client that opened a connection and sent ``GET / HTTP/1.1``
and then one header byte a minute ("slowloris"), or a multipart upload's head and then
one byte of body now and then, held a connection and its request for ever; a few
thousand such connections use up the process's file descriptors and the API answers
nobody. Each one costs the attacker next to nothing.

Two rules, the ones a hardened front server applies (Apache's ``mod_reqtimeout``):

* `HeadDeadlineProtocol`: a connection must send a whole request head within
  `HEAD_SECONDS` of connecting, and the next one within as long of the last answer;
  else it gets ``408`` and is closed. Its clock runs from the connection, so trickled
  header bytes do not reset it.
* `paced` (applied to every request by `api.limits.BodyLimits`): a body must arrive at
  `BODY_MIN_RATE` bytes a second on average after a grace of `BODY_GRACE_SECONDS`, and
  whole within `BODY_MOST_SECONDS`; past that the request is answered ``408`` and its
  connection closed. A 20 MB upload on a 1 Mbit/s line takes 160 s and passes.
* The answer must be read: uvicorn writes a body into the connection's buffer whole
  and waits for the client to take it, so a client that asked for a 65 MB report and
  read nothing kept it in memory for as long as it kept the connection (a zero TCP
  window is kept alive for ever). While the buffer is full, `HeadDeadlineProtocol`
  looks every `WRITE_CHECK_SECONDS`; a connection that drained less than
  `BODY_MIN_RATE` bytes a second meanwhile is aborted, its buffer dropped.

The limits are module constants, read at each use (tests shrink them).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import h11
from starlette.exceptions import HTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "BODY_GRACE_SECONDS",
    "BODY_MIN_RATE",
    "BODY_MOST_SECONDS",
    "HEAD_SECONDS",
    "BodyTooSlow",
    "HeadDeadlineProtocol",
    "paced",
]

HEAD_SECONDS = 20.0  # a whole request line and headers, from connecting or the last answer
BODY_GRACE_SECONDS = 30.0  # before the body's average rate is judged
BODY_MIN_RATE = 16 * 1024  # bytes a second, on average over the whole body
BODY_MOST_SECONDS = 600.0  # a whole body, however fast it keeps coming
WRITE_CHECK_SECONDS = 30.0  # how often a full write buffer is checked for progress

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
_TIMED_OUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\ncontent-length: 42\r\n\r\n"
    b"the request head did not arrive in time.\r\n"
)


class BodyTooSlow(HTTPException):
    """Raised from `receive` when a body falls behind its pace (FastAPI answers 408)."""

    def __init__(self) -> None:
        super().__init__(
            408,
            f"the request body arrived too slowly (at least {BODY_MIN_RATE} bytes a second "
            f"after {BODY_GRACE_SECONDS:.0f} s, all of it within {BODY_MOST_SECONDS:.0f} s)",
        )


def paced(receive: Receive) -> Receive:
    """`receive`, with the body held to its pace: each wait for more of the body ends at
    the time the bytes received so far allow (`BodyTooSlow`). Once the body is whole,
    later calls (a streaming answer listening for the client to leave) wait unbounded."""
    grace, rate, most = BODY_GRACE_SECONDS, BODY_MIN_RATE, BODY_MOST_SECONDS
    started = time.monotonic()
    received = 0
    whole = False

    async def timed() -> Message:
        nonlocal received, whole
        if whole:
            return await receive()
        allowed = min(grace + received / rate, most) - (time.monotonic() - started)
        try:
            async with asyncio.timeout(max(allowed, 0.0)):
                message = await receive()
        except TimeoutError:
            raise BodyTooSlow from None
        if message["type"] != "http.request":
            whole = True  # the client left: nothing more will come
        else:
            received += len(message.get("body", b""))
            whole = not message.get("more_body", False)
        return message

    return timed


class HeadDeadlineProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline on each request head (`HEAD_SECONDS`).

    The timer starts when the connection is made and again when an answer is complete
    (a keep-alive connection, or one whose client goes on sending a body nobody reads);
    it stops when a new request head has been read whole (uvicorn then starts a new
    request cycle). Past it, the client gets ``408`` and the connection is closed.
    """

    _head_timer: asyncio.TimerHandle | None = None
    _waiting_after: object = None  # the request cycle the awaited head must follow
    _write_timer: asyncio.TimerHandle | None = None
    _write_left = 0  # bytes waiting in the buffer at the last look

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head()
        self._stop_write_watch()
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        """The buffer is full: from now on its draining is watched (`_write_watch`)."""
        super().pause_writing()
        if self._write_timer is None:
            self._write_left = self.transport.get_write_buffer_size()
            self._write_timer = self.loop.call_later(WRITE_CHECK_SECONDS, self._write_watch)

    def resume_writing(self) -> None:
        self._stop_write_watch()
        super().resume_writing()

    def _stop_write_watch(self) -> None:
        if self._write_timer is not None:
            self._write_timer.cancel()
            self._write_timer = None

    def _write_watch(self) -> None:
        """Abort a connection whose client took less than `BODY_MIN_RATE` bytes a
        second of the waiting answer since the last look; else look again later. A
        connection closing after its answer is watched too: closing waits for the
        buffer to be sent."""
        self._write_timer = None
        left = self.transport.get_write_buffer_size()
        if self._write_left - left < BODY_MIN_RATE * WRITE_CHECK_SECONDS:
            self.transport.abort()  # close() would keep the buffer until it is sent
            return
        self._write_left = left
        self._write_timer = self.loop.call_later(WRITE_CHECK_SECONDS, self._write_watch)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._head_arrived()

    def on_response_complete(self) -> None:
        answered = self.cycle
        super().on_response_complete()  # may start a pipelined request's cycle already
        if not self.transport.is_closing():
            self._arm_head(answered)
            self._head_arrived()

    def _arm_head(self, answered: object = None) -> None:
        """Wait for the head of the request after `answered` (None: the first)."""
        self._disarm_head()
        self._waiting_after = answered
        self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_timed_out)

    def _disarm_head(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_arrived(self) -> None:
        """Stop the timer once a request head newer than the awaited one was read."""
        if self._head_timer is not None and self.cycle is not self._waiting_after:
            self._disarm_head()

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        if self.conn.our_state in (h11.IDLE, h11.DONE, h11.MUST_CLOSE):
            self.transport.write(_TIMED_OUT)  # no answer of ours is under way
        self.transport.close()
