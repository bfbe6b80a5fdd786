"""rt39b: what a redirect chain of long Locations costs a link check.

A hostile server answers every hop of every link with a 301 whose Location is `L`
characters long (a new URL each hop, up to the link checker's cap of redirects). Each
hop's Location was read as a URL some ten times (httpx's parser looks at every
character in Python: ~25 ms for 60 KB), in the event loop's thread, so a chain of them
held the loop for a second a link and every other link of the run waited behind it.
Locations and link URLs past `targets.MAX_URL_LENGTH` are no longer read at all.

The stand-in runs in a process of its own, so the figures are the link checker's
alone: wall seconds, CPU seconds of the checking process, turns a 10 ms ticker got in
the same event loop (of the turns the wall time would allow), requests served, and
the first link's verdict and hops. The counts are the code's; the seconds the
machine's.

Then links of a manuscript themselves: `links` links of L characters to a page
that answers 200 at once (ASCII, and "é" -- six characters each as sent): CPU
milliseconds a link, within the bound (8,192) and past it (not asked).

    nice .venv/bin/python benches/rt39b_long_locations.py [links] [length ...]
"""

from __future__ import annotations

import asyncio
import multiprocessing
import socket
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.security.redteam_net_server import RawServer, answer, loopback_policy

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for


def _page(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>here</title>"))


def _serve(length: int, pipe: Connection) -> None:
    def redirect(sock: socket.socket, target: str) -> None:
        head, _, rest = target.split("?", 1)[0].partition("-")
        hop = int(rest.split("-", 1)[0]) if rest else 0
        nxt = f"{head}-{hop + 1}-".encode() + b"a" * length
        sock.sendall(
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: "
            + nxt
            + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )

    server = RawServer({"/r": redirect, "/p": _page}).start()
    pipe.send(server.port)
    pipe.recv()  # until told to stop
    pipe.send(dict(server.hits))
    server.stop()


async def _run(
    base: str, links: int, tail: str | None = None
) -> tuple[list[object], float, float, int]:
    policy = loopback_policy(concurrency=8, per_host=8, total_timeout=5.0, read_timeout=5.0)
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    wall, cpu = time.monotonic(), time.process_time()
    async with LinkChecker(
        policy, doi_url=base + "/", archive_url=None, probe_urls=[base + "/"]
    ) as checker:
        paths = [f"/r{i}" if tail is None else f"/p{i}-{tail}" for i in range(links)]
        checks = await checker.check_all([target_for(base + path) for path in paths])
    wall, cpu = time.monotonic() - wall, time.process_time() - cpu
    done.set()
    await task
    return list(checks), wall, cpu, ticks


def main() -> None:
    links = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    lengths = [int(a) for a in sys.argv[2:]] or [100, 8000, 60000]
    print(f"{links} links, each a chain of 301s with Locations of L characters")
    print(f"{'L':>7} {'wall s':>7} {'cpu s':>6} {'ticks':>11} {'served':>7}  first link")
    for length in lengths:
        ours, theirs = multiprocessing.Pipe()
        child = multiprocessing.Process(target=_serve, args=(length, theirs), daemon=True)
        child.start()
        port = ours.recv()
        checks, wall, cpu, ticks = asyncio.run(_run(f"http://127.0.0.1:{port}", links))
        ours.send("stop")
        hits = ours.recv()
        child.join()
        first = checks[0]
        print(
            f"{length:>7} {wall:>7.2f} {cpu:>6.2f} {ticks:>5}/{int(wall / 0.01):<5} "
            f"{hits.get('/r', 0):>7}  {first.outcome.value} {first.reason} "  # type: ignore[attr-defined]
            f"hops={len(first.hops)}"  # type: ignore[attr-defined]
        )
    manuscript_links(10 * links)


def manuscript_links(links: int) -> None:
    print(f"\n{links} links of L characters to a page answering 200")
    print(f"{'L':>7} {'as':>5} {'cpu ms/link':>11} {'served':>7}  first link")
    for length, char in ((50, "a"), (8000, "a"), (1300, "\u00e9"), (9000, "a")):
        ours, theirs = multiprocessing.Pipe()
        child = multiprocessing.Process(target=_serve, args=(0, theirs), daemon=True)
        child.start()
        port = ours.recv()
        checks, _, cpu, _ = asyncio.run(_run(f"http://127.0.0.1:{port}", links, char * length))
        ours.send("stop")
        hits = ours.recv()
        child.join()
        first = checks[0]
        print(
            f"{length:>7} {ascii(char)[1:-1]:>5} {1000 * cpu / links:>11.1f} "
            f"{hits.get('/p', 0):>7}  {first.outcome.value} {first.reason}"  # type: ignore[attr-defined]
        )


if __name__ == "__main__":
    main()
