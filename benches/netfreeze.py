"""How long hostile servers hold each network phase: wall seconds per scenario.

Each scenario starts loopback stand-ins (a server that drips, stalls, floods or never
reads), runs one network phase as the service runs it (its run deadline a share of
the task's time limit), and prints the wall time beside the phase's budget. Run it
at two commits to compare (the red team's before/after)::

    .venv/bin/python benches/netfreeze.py [--only NAME] [--cap SECONDS]
    PYTHONPATH=/tmp/base/src .venv/bin/python benches/netfreeze.py

A scenario still running after `--cap` seconds (default 90) is reported as held
(">90"): it runs in a daemon thread, left behind when the bench exits.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.targets import target_for
from citeaudit.settings import ServiceSettings

Behaviour = Callable[[socket.socket], None]


class Stand:
    """A TCP server on a loopback address: each connection gets `behaviour`."""

    def __init__(self, behaviour: Behaviour, host: str = "127.0.0.1") -> None:
        self._sock = socket.create_server((host, 0))
        self.host, self.port = host, self._sock.getsockname()[1]
        self._behaviour = behaviour
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/", scheme: str = "http") -> str:
        return f"{scheme}://{self.host}:{self.port}{path}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self._behaviour(conn)
        except OSError:
            pass
        finally:
            conn.close()


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def ok(conn: socket.socket) -> None:
    while head := _read_head(conn):
        body = b"" if head.startswith(b"HEAD") else b"ok"
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n" + body)


def never(conn: socket.socket) -> None:
    time.sleep(600)


def never_reads(conn: socket.socket) -> None:
    time.sleep(600)  # nor answers: a large request stays in our buffers


def early_hints_flood(conn: socket.socket) -> None:
    _read_head(conn)
    while True:
        conn.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n")
        time.sleep(0.01)


def header_drip(conn: socket.socket) -> None:
    _read_head(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while True:
        conn.sendall(b"X")
        time.sleep(0.5)


def endless_chunked(conn: socket.socket) -> None:
    _read_head(conn)
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    while True:
        conn.sendall(b"1\r\n \r\n")
        time.sleep(0.2)


def json_drip(conn: socket.socket) -> None:
    _read_head(conn)
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99999\r\n\r\n"
    )
    while True:
        time.sleep(0.2)
        conn.sendall(b" ")


def relay_drip(conn: socket.socket) -> None:
    while True:
        conn.sendall(b"220-relay still greeting\r\n")
        time.sleep(0.2)


def _settings(tmp: Path, probe: str, **extra: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "cache_dir": tmp / "cache",
        "database_url": f"sqlite:///{tmp / 'db.sqlite'}",
        "allow_private_networks": True,  # the stand-ins are on loopback
        "webhook_allow_private_networks": True,
        "webhook_allow_http": True,
        "doi_url": probe,
        "archive_url": probe,
        "crossref_url": probe,
        "datacite_url": probe,
        "redis_url": None,
        "link_timeout": 10.0,
        "chunk_time_limit": 10.0,  # a links or registry run of 6 s
    }
    values.update(extra)
    return ServiceSettings(**values)


def links_phase(
    behaviour: Behaviour, count: int = 4, path_size: int = 0, scheme: str = "http"
) -> Callable[[Path], str]:
    def run(tmp: Path) -> str:
        probe, bad = Stand(ok, "127.0.0.2"), Stand(behaviour, "127.0.0.1")
        settings = _settings(tmp, probe.url())
        policy = LinkPolicy.from_settings(settings, archive=False)
        pad = "a" * path_size
        targets = [target_for(bad.url(f"/{pad}{i}", scheme)) for i in range(count)]
        checks, _ = check_links(targets, settings, policy=policy, use_cache=False)
        reasons = sorted({str(c.reason) for c in checks})
        late = sum(c.outcome.value == "unverified" for c in checks)
        return f"budget 6 s; {late} of {len(checks)} unverified {reasons}"

    return run


def registry_phase(tmp: Path) -> str:
    from citeaudit.model.location import Location
    from citeaudit.model.reference import Reference
    from citeaudit.resolve.enricher import build_resolver

    registry = Stand(json_drip)
    settings = _settings(tmp, registry.url(""), registry_timeout=20.0)
    resolver = build_resolver(settings)
    refs = [
        Reference(id=f"r{i}", index=i, location=Location("refs.bib", i), raw="x", doi=f"10.1/x.{i}")
        for i in range(6)
    ]
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    return f"budget 6 s; reason: {run.reason}"


def watch_batch(tmp: Path) -> str:
    from citeaudit.store import Repository, make_engine, upgrade
    from citeaudit.store.watching.records import DueLink
    from citeaudit.watch.recheck import recheck_links

    probe, bad = Stand(ok, "127.0.0.2"), Stand(never, "127.0.0.1")
    settings = _settings(
        tmp, probe.url(), link_per_host=1, chunk_time_limit=1000.0, watch_time_limit=5.0
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    links = [DueLink(link_id=i, url=bad.url(f"/{i}")) for i in range(12)]
    started = time.monotonic()  # the store's migrations above are not the phase
    try:
        summary = recheck_links(Repository(engine), settings, links, probe_urls=[probe.url()])
        said = f"checked {summary.links_checked}"
    except Exception as exc:  # no such rows: the run's time is what is measured
        said = f"ended with {type(exc).__name__}"
    took = time.monotonic() - started
    return f"budget 3 s (watch limit 5 s); the batch {took:.1f} s, {said}"


def mail_delivery(tmp: Path) -> str:
    from citeaudit.watch.mailer import send_mail
    from citeaudit.watch.webhook import DeliveryError

    relay = Stand(relay_drip)
    settings = _settings(
        tmp, "http://127.0.0.1:9", smtp_host="127.0.0.1", smtp_port=relay.port,
        smtp_check_exchangers=False,
    )  # fmt: skip
    try:
        send_mail(settings, "editor@journal.example", "s", "t", "e")
    except DeliveryError as exc:
        return f"deliver task limit 120 s; {exc}"
    return "sent"


SCENARIOS: dict[str, Callable[[Path], str]] = {
    "links: 103 Early Hints flood": links_phase(early_hints_flood),
    "links: header a byte per 0.5 s": links_phase(header_drip),
    "links: endless chunked body": links_phase(endless_chunked),
    "links: TLS server that never answers": links_phase(never, scheme="https"),
    "links: 4 MB URLs to a server that never reads": links_phase(never_reads, 2, 4 << 20),
    "links: 400 URLs on one silent host": links_phase(never, 400),
    "registry: answers dripped a byte per 0.2 s": registry_phase,
    "watch: re-check batch, chunk limit 1000 s, watch limit 5 s": watch_batch,
    "mail: relay greeting that never ends": mail_delivery,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="scenarios whose name holds this text")
    parser.add_argument("--cap", type=float, default=90.0)
    args = parser.parse_args()
    for name, scenario in SCENARIOS.items():
        if args.only and args.only not in name:
            continue
        box: dict[str, str] = {}
        tmp = Path(tempfile.mkdtemp(prefix="netfreeze-"))

        def work(
            s: Callable[[Path], str] = scenario, t: Path = tmp, box: dict[str, str] = box
        ) -> None:
            try:
                box["said"] = s(t)
            except Exception as exc:
                box["said"] = f"error {type(exc).__name__}: {exc}"[:200]

        started = time.monotonic()
        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        thread.join(args.cap)
        took = time.monotonic() - started
        shown = f">{args.cap:.0f}" if thread.is_alive() else f"{took:.1f}"
        print(f"{name:62} {shown:>6} s  {box.get('said', 'still held')[:150]}", flush=True)


if __name__ == "__main__":
    main()
