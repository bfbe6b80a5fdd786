"""rt37n: what hostile link servers cost a link check -- requests, verdict, seconds.

Each attack is one loopback stand-in route (tests/security/redteam_net_server.py);
one link is checked against it with the red-team policy (3 s a request, two
retries). Prints the verdict, the requests the stand-in received and the wall time;
the figures are the machine's, the counts are not. Also: open file descriptors of
the process before a run of many failing links and after it.

    nice .venv/bin/python benches/rt37n_scaling.py [attack ...]
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.security.redteam_net_server import RawServer, answer, loopback_policy

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for

HOLD = threading.Event()
Handler = Callable[[socket.socket, str], None]


def _drip(prefix: bytes, piece: bytes, every: float) -> Handler:
    def handler(sock: socket.socket, target: str) -> None:
        sock.sendall(prefix)
        while not HOLD.wait(every):
            sock.sendall(piece)

    return handler


def _stall(head: bytes) -> Handler:
    def handler(sock: socket.socket, target: str) -> None:
        sock.sendall(head)
        HOLD.wait(60)

    return handler


def _flood(piece: bytes) -> Handler:
    def handler(sock: socket.socket, target: str) -> None:
        for _ in range(20_000):
            sock.sendall(piece * 100)

    return handler


_BOMB = zlib.compress(b"\0" * (50 * 1024 * 1024))

ATTACKS: dict[str, Handler] = {
    "drip-headers": _drip(b"HTTP/1.1 200 OK\r\n", b"X-A: b\r\n", 0.3),
    "drip-status": _drip(b"", b"H", 0.3),
    "silent": _stall(b""),
    "stalled-404-body": _stall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 500\r\n\r\n<html>"),
    "stalled-301-body": _stall(
        b"HTTP/1.1 301 Moved\r\nLocation: /page\r\nContent-Length: 500\r\n\r\n<html>"
    ),
    "stalled-200-body": _stall(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<html>"),
    "tiny-chunks": _drip(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\na\r\n", 0.01
    ),
    "huge-chunk-size": _stall(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\nabc"
    ),
    "http10-no-length": _drip(b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n", b"x", 0.05),
    "continue-flood": _flood(b"HTTP/1.1 100 Continue\r\n\r\n"),
    "crlf-flood": _flood(b"\r\n"),
    "gzip-gzip-gzip-bomb": lambda s, t: s.sendall(
        answer("200 OK", [("Content-Encoding", "gzip, gzip, gzip")], _BOMB)
    ),
    "retry-after-year-9999": lambda s, t: s.sendall(
        answer("429 Slow down", [("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")])
    ),
}


def _page(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>page</title>"))


def main() -> None:
    chosen = sys.argv[1:] or list(ATTACKS)
    server = RawServer({"/page": _page, **{f"/{k}": v for k, v in ATTACKS.items()}}).start()
    policy = loopback_policy(read_timeout=3.0, total_timeout=3.0, max_retries=2)

    async def check(path: str) -> object:
        async with LinkChecker(
            policy, doi_url=server.url("/"), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            return (await checker.check_all([target_for(server.url(path))]))[0]

    print(f"{'attack':24} {'verdict':11} {'reason':20} requests  seconds")
    for name in chosen:
        started = time.monotonic()
        result = asyncio.run(check(f"/{name}"))
        took = time.monotonic() - started
        outcome, reason = result.outcome.value, result.reason  # type: ignore[attr-defined]
        print(f"{name:24} {outcome:11} {reason!s:20} {server.hits[f'/{name}']:8} {took:8.1f}")
    fds = len(os.listdir("/proc/self/fd"))
    many = loopback_policy(read_timeout=1.0, total_timeout=1.0, max_retries=0, per_host=32)

    async def run_many() -> None:
        async with LinkChecker(
            many, doi_url=server.url("/"), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            paths = ["/huge-chunk-size", "/stalled-404-body", "/crlf-flood"]
            await checker.check_all(
                [target_for(server.url(f"{p}?{i}")) for i in range(100) for p in paths]
            )

    asyncio.run(run_many())
    HOLD.set()
    time.sleep(1.0)  # the stand-in's own handlers end and close their sockets
    print(f"open fds: {fds} before 300 failing links, {len(os.listdir('/proc/self/fd'))} after")
    server.stop()


if __name__ == "__main__":
    main()
