"""A farm of real HTTP servers on loopback addresses, one behaviour per path or host.

Started by the link tests (in a thread) and by benches/links.py (as a process, so its
CPU time is not counted against the checker)::

    python -m tests.stand_ins.link_farm --bench-hosts 50 --latency 0.05

prints one JSON line with the base URLs and serves until stdin closes.

Hosts (each its own loopback address, so per-host limits are per behaviour group):

* ``site``   127.0.0.2  ok, redirects, 404/410, 429/503, slow, reset, huge, bomb, HEAD 405
* ``soft``   127.0.0.3  answers 200 "Page not found" for anything but /real (soft 404s)
* ``wall``   127.0.0.4  bot walls (403 + cf-mitigated, 403 challenge body) and 401
* ``closed`` 127.0.0.5  a port with nothing listening (connection refused)
* ``svc``    127.0.0.6  the Handle API, the Wayback availability API, the probe target
* ``dead``   127.0.0.7  a closed port to point the reachability probe at ("network down")
* ``spa``    127.0.0.8  the same app shell for every path, no "not found" wording
* bench hosts 127.0.1.1-250, 127.0.2.1-250, ... serving /page/N with `latency`
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import socket
import struct
import sys
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from tests.stand_ins.threaded import ThreadedServer

REASONS = {
    200: "OK",
    202: "Accepted",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

# A gzip body of 200 MB of zeros: about 200 KB on the wire.
_BOMB: bytes | None = None


def bomb() -> bytes:
    global _BOMB
    if _BOMB is None:
        buf = bytearray()
        comp = gzip.compress(b"\0" * (1 << 20), compresslevel=9)
        # Concatenated gzip members decode as one stream: 200 x 1 MiB of zeros.
        for _ in range(200):
            buf += comp
        _BOMB = bytes(buf)
    return _BOMB


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    host: str

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.target).path)

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.target).query)


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def page(title: str, text: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>{text}</p></body></html>"
    ).encode()


BAD_LOCATIONS = {
    "/bad-location/ipv6": "http://[::1",
    "/bad-location/port": "http://127.0.0.2:99999/",
    "/bad-location/label": "http://" + "a" * 64 + ".example/",
    "/bad-location/idna": "http://xn--/",
}

NOT_FOUND_PAGE = page("Page not found", "Sorry, the page you asked for could not be found.")


class Farm(ThreadedServer):
    """The servers, their request counts and their per-path state."""

    thread_name = "link-farm"

    def __init__(self, latency: float = 0.0, bench_hosts: int = 0) -> None:
        self.latency = latency
        self.bench_hosts = bench_hosts
        self.base: dict[str, str] = {}
        self.counts: Counter[tuple[str, str]] = Counter()  # (host name, path) -> requests
        self.connections: Counter[str] = Counter()  # host name -> TCP connections accepted
        self.methods: Counter[tuple[str, str]] = Counter()  # (host name, method)
        self.seen: Counter[str] = Counter()  # per-behaviour state (429 then ok ...)
        self.user_agents: set[str] = set()
        self.in_flight = 0  # requests to link hosts being answered now
        self.peak_in_flight = 0  # the most at once since the last /__stats
        self.host_in_flight: Counter[str] = Counter()  # host name -> being answered now
        self.host_peak: Counter[str] = Counter()  # host name -> the most at once
        self._servers: list[asyncio.AbstractServer] = []
        self._tasks: set[asyncio.Task[None]] = set()

    # -- addresses ---------------------------------------------------------------------
    def url(self, host: str, path: str = "/") -> str:
        return self.base[host] + path

    async def _serve(self, name: str, address: str, handler: Handler) -> None:
        async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._tasks.add(task)  # type: ignore[arg-type]
            self.connections[name] += 1
            try:
                await self._connection(name, handler, reader, writer)
            except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                pass
            except asyncio.CancelledError:
                pass  # the farm is stopping
            finally:
                self._tasks.discard(task)  # type: ignore[arg-type]
                with contextlib.suppress(Exception):
                    writer.close()

        server = await asyncio.start_server(client, address, 0, backlog=512)
        self._servers.append(server)
        port = server.sockets[0].getsockname()[1]
        self.base[name] = f"http://{address}:{port}"

    async def start_async(self) -> None:
        await self._serve("site", "127.0.0.2", self._site)
        await self._serve("soft", "127.0.0.3", self._soft)
        await self._serve("wall", "127.0.0.4", self._wall)
        await self._serve("svc", "127.0.0.6", self._svc)
        await self._serve("spa", "127.0.0.8", self._spa)
        self.base["closed"] = f"http://127.0.0.5:{_closed_port('127.0.0.5')}"
        self.base["dead"] = f"http://127.0.0.7:{_closed_port('127.0.0.7')}"
        for i in range(self.bench_hosts):
            await self._serve(f"bench{i}", bench_address(i), self._bench)

    async def stop_async(self) -> None:
        for server in self._servers:
            server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.sleep(0)

    def link_requests(self) -> int:
        """Requests to the link hosts (not to the resolver, archive and probe)."""
        return sum(n for (host, _), n in self.counts.items() if host != "svc")

    def reset_counts(self) -> None:
        self.counts.clear()
        self.methods.clear()

    # -- HTTP --------------------------------------------------------------------------
    async def _connection(
        self,
        name: str,
        handler: Handler,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            request = Request(method, target, headers, name)
            self.counts[(name, request.path)] += 1
            self.methods[(name, method)] += 1
            self.user_agents.add(headers.get("user-agent", ""))
            counted = name != "svc"
            if counted:
                self.in_flight += 1
                self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            self.host_in_flight[name] += 1
            self.host_peak[name] = max(self.host_peak[name], self.host_in_flight[name])
            try:
                if self.latency:
                    await asyncio.sleep(self.latency)
                response = await handler(request, writer)
            finally:
                self.host_in_flight[name] -= 1
                if counted:
                    self.in_flight -= 1
            if response is None:
                return  # the handler dealt with the connection itself
            body = b"" if method == "HEAD" else response.body
            out = [f"HTTP/1.1 {response.status} {REASONS.get(response.status, 'X')}"]
            hdrs = {"content-type": "text/html; charset=utf-8", **response.headers}
            hdrs.setdefault("content-length", str(len(response.body)))
            out += [f"{k}: {v}" for k, v in hdrs.items()]
            writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + body)
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                return

    # -- behaviours --------------------------------------------------------------------
    async def _site(self, r: Request, w: asyncio.StreamWriter) -> Response | None:
        p = r.path
        key = f"{p}?{urlsplit(r.target).query}"
        if p == "/":
            return Response(200, page("Example site", "Welcome to the home page."))
        if p in ("/ok", "/new", "/article/alive", "/other"):
            return Response(200, page(f"Article {p}", f"Real content of {p}, with many words."))
        if p == "/moved":
            return Response(301, headers={"location": "/new"})
        if p == "/moved308":
            return Response(308, headers={"location": "/new"})
        if p == "/chain":  # permanent, then temporary: the fix is where the move ends
            return Response(301, headers={"location": "/chain2"})
        if p == "/chain2":
            return Response(302, headers={"location": "/ok?session=1"})
        if p == "/temp":
            return Response(302, headers={"location": "/ok"})
        if p == "/loop-a":
            return Response(302, headers={"location": "/loop-b"})
        if p == "/loop-b":
            return Response(302, headers={"location": "/loop-a"})
        if p == "/forever-redirect":
            n = int(r.query.get("n", ["0"])[0])
            return Response(302, headers={"location": f"/forever-redirect?n={n + 1}"})
        if p == "/old-article":
            return Response(301, headers={"location": "/"})
        if p == "/members":
            return Response(301, headers={"location": "/login"})
        if p == "/paywalled":
            return Response(302, headers={"location": "/login?next=/paywalled"})
        if p == "/login":
            return Response(200, page("Sign in", "Please sign in."))
        if p == "/gone404":
            return Response(404, page("Not Found", "No such page."))
        if p == "/gone410":
            return Response(410, page("Gone", "This page was removed."))
        if p == "/retry-after":
            self.seen[key] += 1
            if self.seen[key] == 1:
                return Response(429, b"slow down", {"retry-after": "1"})
            return Response(200, page("Patience", "Thanks for waiting."))
        if p == "/limited":
            return Response(429, b"slow down", {"retry-after": "1"})
        if p == "/limited-long":
            return Response(429, b"slow down", {"retry-after": "86400"})
        if p == "/busy":
            self.seen[key] += 1
            if self.seen[key] == 1:
                return Response(503, b"busy")
            return Response(200, page("Busy page", "Up again."))
        if p == "/slow":
            await asyncio.sleep(3600)
            return None
        if p == "/reset":
            sock = w.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            w.transport.abort()
            return None
        if p == "/huge":
            return await _huge(w)
        if p == "/bomb":
            data = bomb()
            return Response(200, data, {"content-encoding": "gzip"})
        if p == "/head405":
            if r.method == "HEAD":
                return Response(405, b"", {"allow": "GET"})
            return Response(200, page("HEAD-less", "Only GET works here."))
        if p in BAD_LOCATIONS:  # a redirect to a malformed URL
            return Response(302, headers={"location": BAD_LOCATIONS[p]})
        if p.startswith("/to/"):  # redirect to another farm host: /to/<host>/<path>
            _, _, host, rest = p.split("/", 3)
            return Response(302, headers={"location": self.base[host] + "/" + rest})
        if p == "/cookie-gate":
            if "passed=1" in r.headers.get("cookie", ""):
                return Response(200, page("Cookie gate", "Welcome back."))
            return Response(
                302, headers={"location": "/cookie-gate", "set-cookie": "passed=1; Path=/"}
            )
        return Response(404, page("Not Found", "No such page."))

    async def _soft(self, r: Request, w: asyncio.StreamWriter) -> Response:
        if r.path == "/real" or r.path.startswith("/live/"):
            return Response(200, page("A real article", "Research findings of great interest."))
        if r.path == "/":
            return Response(200, page("Soft host", "Home."))
        return Response(200, NOT_FOUND_PAGE)

    async def _spa(self, r: Request, w: asyncio.StreamWriter) -> Response:
        shell = (
            b"<!doctype html><html><head><title>App</title></head><body><div id=app></div>"
            b"<script src=/app.js></script></body></html>"
        )
        return Response(200, shell)

    async def _wall(self, r: Request, w: asyncio.StreamWriter) -> Response:
        if r.path == "/cf":
            return Response(
                403, page("Just a moment...", "Checking"), {"cf-mitigated": "challenge"}
            )
        if r.path == "/challenge":
            body = page("Attention Required! | Cloudflare", "Please complete the captcha. cf-chl")
            return Response(403, body)
        if r.path == "/auth":
            return Response(401, b"login", {"www-authenticate": 'Basic realm="x"'})
        return Response(403, b"forbidden")

    async def _svc(self, r: Request, w: asyncio.StreamWriter) -> Response:
        p = r.path
        if p.startswith("/slow/"):  # the same services, each answer 50 ms late
            await asyncio.sleep(0.05)
            p = p.removeprefix("/slow")
        json_type = {"content-type": "application/json"}
        if p.startswith("/api/handles/"):
            doi = p.removeprefix("/api/handles/").lower()
            targets = {
                "10.1234/alive": self.url("site", "/ok"),
                "10.1234/dead-target": self.url("site", "/gone404"),
                "10.1234/walled-target": self.url("wall", "/cf"),
            }
            if doi in targets:
                body = {
                    "responseCode": 1,
                    "handle": doi,
                    "values": [
                        {
                            "index": 1,
                            "type": "URL",
                            "data": {"format": "string", "value": targets[doi]},
                        },
                    ],
                }
                return Response(200, json.dumps(body).encode(), json_type)
            if doi == "10.1234/flaky":
                return Response(500, b"{}", json_type)
            body = {"responseCode": 100, "handle": doi}
            return Response(404, json.dumps(body).encode(), json_type)
        if p == "/wayback/available":
            url = r.query.get("url", [""])[0]
            if url.endswith("/gone404") or url.endswith("/gone410"):
                snap = {
                    "available": True,
                    "status": "200",
                    "timestamp": "20200101000000",
                    "url": f"http://web.archive.org/web/20200101000000/{url}",
                }
                body = {"url": url, "archived_snapshots": {"closest": snap}}
            else:
                body = {"url": url, "archived_snapshots": {}}
            return Response(200, json.dumps(body).encode(), json_type)
        if p == "/__stats":
            counts = {
                "requests": self.link_requests(),
                "connections": sum(n for h, n in self.connections.items() if h != "svc"),
                "methods": {},
                "peak_in_flight": self.peak_in_flight,
            }
            self.peak_in_flight = self.in_flight
            for (host, method), n in self.methods.items():
                if host != "svc":
                    counts["methods"][method] = counts["methods"].get(method, 0) + n
            return Response(200, json.dumps(counts).encode(), json_type)
        return Response(200, b"ok", {"content-type": "text/plain"})

    async def _bench(self, r: Request, w: asyncio.StreamWriter) -> Response:
        if r.path.startswith("/page/"):
            return Response(200, page(f"Page {r.path}", "Some content " * 20))
        if r.path == "/":
            return Response(200, page("Index", "Home"))
        return Response(404, page("Not Found", "No such page."))


Handler = Callable[[Request, asyncio.StreamWriter], Awaitable[Response | None]]


async def _huge(w: asyncio.StreamWriter) -> None:
    w.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 10737418240\r\n\r\n")
    chunk = b"<p>" + b"x" * 65530 + b"</p>"
    sent = 0
    while sent < 512 * 1024 * 1024:  # bounded: stops by itself after 512 MiB
        w.write(chunk)
        await w.drain()
        sent += len(chunk)
    w.close()


def bench_address(i: int) -> str:
    """The i-th bench host's loopback address: 127.0.1.1-250, then 127.0.2.1-250, ..."""
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


def _closed_port(address: str) -> int:
    with socket.socket() as s:
        s.bind((address, 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench-hosts", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()

    async def run() -> None:
        farm = Farm(latency=args.latency, bench_hosts=args.bench_hosts)
        await farm.start_async()
        print(json.dumps(farm.base), flush=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)
        print(json.dumps({"requests": sum(farm.counts.values())}), file=sys.stderr, flush=True)
        await farm.stop_async()

    asyncio.run(run())


if __name__ == "__main__":
    main()
