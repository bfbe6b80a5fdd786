"""rt37n: what hostile link servers cost a link check -- requests, verdict, seconds.

Each attack is one loopback stand-in route (tests/security/redteam_net_server.py);
one link is checked against it with the red-team policy (3 s a request, two
retries). Prints the verdict, the requests the stand-in received and the wall time;
the figures are the machine's, the counts are not. Also: open file descriptors of
the process before a run of many failing links and after it.

Then the run's budget against many links: N links to one host that holds every
request, and N distinct names whose name server never answers (getaddrinfo replaced
by one that waits), each under a 2 s `max_run_time`: seconds to the verdicts,
connections or look-ups begun, look-up threads alive (rt37n: past the deadline each
link left used to begin -- look-up and connection -- before its timeout stopped it).

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
    if not sys.argv[1:]:
        budget_scaling()


def _queued(listener: socket.socket) -> int:
    listener.setblocking(False)
    count = 0
    while True:
        try:
            listener.accept()[0].close()
        except BlockingIOError:
            return count
        count += 1


def budget_scaling() -> None:
    from tests.security.redteam_net_server import fast_page

    from citeaudit.links import lookups

    probes = RawServer({"/": fast_page}).start()
    policy = loopback_policy(
        read_timeout=60.0, total_timeout=60.0, connect_timeout=5.0, max_run_time=2.0
    )

    def run(urls: list[str]) -> tuple[float, object]:
        async def go() -> object:
            async with LinkChecker(
                policy, doi_url=probes.url("/"), archive_url=None, probe_urls=[probes.url("/")]
            ) as checker:
                return await checker.check_all([target_for(url) for url in urls])

        started = time.monotonic()
        result = asyncio.run(go())
        return time.monotonic() - started, result

    print("\nlinks to one held host, 2 s budget: links, seconds, connections")
    for n in (100, 1000, 5000):
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8192)
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        took, _ = run([f"{base}/p/{i}" for i in range(n)])
        print(f"{n:6} {took:6.2f} {_queued(listener):6}")
        listener.close()

    real = socket.getaddrinfo
    silent = threading.Event()
    asked: set[str] = set()

    def slow(host: object, *args: object, **kwargs: object) -> object:
        if isinstance(host, str) and host.endswith(".silent.test"):
            asked.add(host)
            silent.wait(60)
            raise socket.gaierror(socket.EAI_AGAIN, "no answer")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    socket.getaddrinfo = slow  # type: ignore[assignment]
    print("distinct names never answered, 2 s budget: names, seconds, asked, threads")
    for n in (200, 2000):
        asked.clear()
        took, _ = run([f"http://n{n}x{i}.silent.test/p" for i in range(n)])
        print(f"{n:6} {took:6.2f} {len(asked):6} {lookups.in_flight():6}")
    silent.set()
    socket.getaddrinfo = real
    probes.stop()


if __name__ == "__main__":
    main()
