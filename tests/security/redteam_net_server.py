"""A raw HTTP stand-in on loopback for the network red-team tests: each request's
path picks a handler that writes whatever bytes it likes (headers past any client's
bound, trickled bodies, endless redirect chains), and every request is counted."""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from citeaudit.links.policy import LinkPolicy
from citeaudit.model.link import LinkCheck

Handler = Callable[[socket.socket, str], None]


class RawServer:
    """Threaded, HTTP/1.1 only as far as a request line and its headers go; a HEAD
    request (the reachability probe) gets an empty 200 without asking a route."""

    def __init__(self, routes: dict[str, Handler], host: str = "127.0.0.1") -> None:
        self.routes = routes
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sock: socket.socket = self.request
                sock.settimeout(10)
                data = b""
                while True:
                    while b"\r\n\r\n" not in data:
                        try:
                            chunk = sock.recv(65536)
                        except OSError:
                            return
                        if not chunk:
                            return
                        data += chunk
                    head, _, data = data.partition(b"\r\n\r\n")
                    method, raw_target = head.split(b"\r\n", 1)[0].split(b" ")[:2]
                    target = raw_target.decode("latin-1")
                    if method == b"HEAD":  # the reachability probe: any answer will do
                        with outer._lock:
                            outer.hits["HEAD"] += 1
                        sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                        continue
                    path = target.split("?", 1)[0]
                    route = next((r for r in outer.routes if path.startswith(r)), None)
                    with outer._lock:
                        outer.hits[route or path] += 1
                    if route is None:
                        sock.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        continue
                    try:
                        outer.routes[route](sock, target)
                    except OSError:
                        return
                    return  # one answer per connection: handlers may close or trickle

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = _Server((host, 0), _Handler)
        self.host = host
        self.port = self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> RawServer:
        # polled every 20 ms, not 0.5 s: `stop` (shutdown) waits for the poll, once a test
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def chunked(body: bytes, size: int) -> bytes:
    """`body` as an HTTP/1.1 chunked payload of `size` bytes a chunk, and its end."""
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def answer(status: str, headers: Sequence[tuple[str, str]] = (), body: bytes = b"") -> bytes:
    """A whole HTTP/1.1 answer with a Content-Length and Connection: close."""
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers)]
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


# What the red-team link tests share: a few links at a time, short timeouts, no
# retries, no soft-404 probe or archive, and the stand-in's loopback allowed.
_LOOPBACK_POLICY: dict[str, Any] = {
    "concurrency": 4,
    "per_host": 2,
    "min_interval": 0.0,
    "connect_timeout": 2.0,
    "read_timeout": 2.0,
    "total_timeout": 2.0,
    "max_retries": 0,
    "soft404": False,
    "archive": False,
    "allow_private_networks": True,  # the stand-in is on loopback
}


def loopback_policy(**changes: Any) -> LinkPolicy:
    """The red-team link tests' policy, with each test's own `changes`."""
    return LinkPolicy(**{**_LOOPBACK_POLICY, **changes})


class HeldTarpit:
    """Holds every request until `release` (at the test's end), counting them.

    A tarpit whose requests are held, not slowed, makes a test decided by events: what
    it received is what it held at once, whatever the machine's load.
    """

    def __init__(self, hold_at_most: float) -> None:
        self.release = threading.Event()
        self.arrived = 0
        self.on_arrival: Callable[[], None] = lambda: None
        self._hold_at_most = hold_at_most
        self._lock = threading.Lock()

    def __call__(self, sock: socket.socket, target: str) -> None:
        with self._lock:
            self.arrived += 1
        self.on_arrival()
        self.release.wait(self._hold_at_most)
        sock.sendall(answer("200 OK", body=b"<title>slow</title>"))


def fast_page(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>fast</title>"))


def check_one(server: RawServer, path: str, policy: LinkPolicy) -> LinkCheck:
    """One link on `server` checked as a run checks it: the DOI resolver and the network
    probe pointed at the stand-in, no archive look-up."""
    from citeaudit.links.checker import LinkChecker
    from citeaudit.links.targets import target_for

    async def go() -> LinkCheck:
        async with LinkChecker(
            policy, doi_url=server.url("/"), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            return (await checker.check_all([target_for(server.url(path))]))[0]

    return asyncio.run(go())
