"""A loopback site on many hosts whose pages die and come back, counting concurrency.

Each host is its own loopback address (127.0.2.N), so the checker's per-host limit
applies per host. ``/page/...`` answers 200 unless its path is in `dead` (then 404);
``/`` answers 200 (the reachability probe); anything else 404. The server counts
requests per host and the most requests any host had in flight at once.

In a thread for tests (`Site(...).start()`), or as a process for the bench::

    python -m tests.watch.site --hosts 200 --latency 0.02

prints one JSON line with the base URLs, then reads commands from stdin
(``stats``, ``kill PATH``, ``revive PATH``) and stops when stdin closes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import threading
from collections import Counter

from tests.stand_ins.threaded import ThreadedServer


class Site(ThreadedServer):
    thread_name = "watch-site"

    def __init__(self, hosts: int = 1, latency: float = 0.0, prefix: str = "127.0.2.") -> None:
        self.hosts = hosts
        self.latency = latency
        self.prefix = prefix
        self.base: list[str] = []
        self.dead: set[str] = set()
        self.requests: Counter[str] = Counter()  # by host address
        self.inflight: Counter[str] = Counter()
        self.max_inflight: Counter[str] = Counter()
        self._servers: list[asyncio.AbstractServer] = []
        self._lock = threading.Lock()

    def url(self, host: int, path: str) -> str:
        return self.base[host] + path

    def stats(self, skip: int | None = None) -> dict[str, int]:
        """Requests, hosts asked, and the most in flight at one host (host `skip` left
        out: the reachability probe's, which the checker asks outside its host slots)."""
        left_out = self.base[skip].split("//")[1].split(":")[0] if skip is not None else None
        with self._lock:
            peaks = [n for h, n in self.max_inflight.items() if h != left_out]
            return {
                "requests": sum(n for h, n in self.requests.items() if h != left_out),
                "hosts": sum(1 for h in self.requests if h != left_out),
                "max_in_flight_per_host": max(peaks, default=0),
            }

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_inflight.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
                path = target.split("?", 1)[0]
                with self._lock:
                    self.requests[host] += 1
                    self.inflight[host] += 1
                    self.max_inflight[host] = max(self.max_inflight[host], self.inflight[host])
                try:
                    if self.latency:
                        await asyncio.sleep(self.latency)
                    alive = path == "/" or (path.startswith("/page/") and path not in self.dead)
                    status = "200 OK" if alive else "404 Not Found"
                    title = "Page" if alive else "Not Found"
                    body = f"<html><head><title>{title}</title></head><body>{title} {path}"
                    data = (body + " text" * 40 + "</body></html>").encode()
                    writer.write(
                        f"HTTP/1.1 {status}\r\ncontent-type: text/html\r\n"
                        f"content-length: {len(data)}\r\n\r\n".encode()
                        + (b"" if method == "HEAD" else data)
                    )
                    await writer.drain()
                finally:
                    with self._lock:
                        self.inflight[host] -= 1
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def start_async(self) -> None:
        for i in range(self.hosts):
            server = await asyncio.start_server(
                self._handle, f"{self.prefix}{i + 1}", 0, backlog=256
            )
            self._servers.append(server)
            port = server.sockets[0].getsockname()[1]
            self.base.append(f"http://{self.prefix}{i + 1}:{port}")

    async def stop_async(self) -> None:
        for server in self._servers:
            server.close()
        await asyncio.sleep(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=1)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()

    async def run() -> None:
        site = Site(args.hosts, args.latency)
        await site.start_async()
        print(json.dumps(site.base), flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            command, _, arg = line.strip().partition(" ")
            if command == "kill":
                site.dead.add(arg)
            elif command == "revive":
                site.dead.discard(arg)
            elif command == "reset":
                site.reset()
            links = site.stats(skip=len(site.base) - 1)  # the last host: the probe
            stats = {**site.stats(), "max_link_host": links["max_in_flight_per_host"]}
            print(json.dumps(stats), flush=True)
        await site.stop_async()

    asyncio.run(run())


if __name__ == "__main__":
    main()
