"""Scheduled re-checks at scale: 10,000 watched URLs on 200 loopback hosts.

The schedule's path: one sweep leases every due link and cuts host-disjoint batches;
`--workers` processes run the batches (as Celery workers would), each with the
ordinary link checker and its per-host limit. The site runs as its own process
(tests/watch/site.py) and counts requests and the most requests any one host had
in flight at once. Prints the wall time, requests, and that maximum.

    python benches/recheck.py [--urls 10000] [--hosts 200] [--per-host 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from citeaudit.audit_data import AuditData, AuditResult  # noqa: E402
from citeaudit.settings import ServiceSettings  # noqa: E402
from citeaudit.store import Repository, make_engine, upgrade  # noqa: E402
from citeaudit.store.views import NewFile  # noqa: E402
from citeaudit.watch import account_by_name, run_link_batch, sweep, watch_audit  # noqa: E402

_settings: ServiceSettings | None = None


def _run(batch: tuple[int, ...]) -> int:
    assert _settings is not None
    engine = make_engine(_settings.database_url)
    try:
        return run_link_batch(Repository(engine), _settings, batch).links_checked
    finally:
        engine.dispose()


def _init(settings: ServiceSettings) -> None:
    global _settings
    _settings = settings


def populate(repo: Repository, urls: list[str]) -> None:
    account = account_by_name(repo, "bench")
    for start in range(0, len(urls), 500):
        audit_id = repo.create_audit(account, [NewFile("bibliography", "r.bib", "text", b"")], {})
        repo.save_final(
            audit_id,
            findings=[],
            resolutions=[],
            links=[
                {"url": u, "outcome": "ok", "reference_ids": [f"r{i}"]}
                for i, u in enumerate(urls[start : start + 500])
            ],
            result=AuditResult(AuditData((), (), (), ()), ()),
        )
        watch_audit(repo, account, audit_id)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()

    site = subprocess.Popen(
        [sys.executable, "-m", "tests.watch.site", "--hosts", str(args.hosts + 1),
         "--latency", str(args.latency)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert site.stdin is not None and site.stdout is not None

    def ask(command: str) -> dict[str, Any]:
        assert site.stdin is not None and site.stdout is not None
        site.stdin.write(command + "\n")
        site.stdin.flush()
        return dict(json.loads(site.stdout.readline()))

    try:
        bases: list[str] = json.loads(site.stdout.readline())
        probe = bases[-1] + "/"
        with tempfile.TemporaryDirectory() as tmp:
            settings = ServiceSettings(
                database_url=f"sqlite:///{tmp}/bench.db",
                cache_dir=Path(tmp) / "cache",
                allow_private_networks=True,
                doi_url=probe,
                archive_url=probe,
                link_per_host=args.per_host,
                link_concurrency=128,
                watch_max_age=0,
                watch_batch_size=args.batch,
            )
            engine = make_engine(settings.database_url)
            upgrade(engine)
            repo = Repository(engine)
            urls = [f"{bases[i % args.hosts]}/page/{i}" for i in range(args.urls)]
            populate(repo, urls)
            engine.dispose()
            ask("reset")
            start = time.perf_counter()
            engine = make_engine(settings.database_url)
            plan = sweep(Repository(engine), settings)
            engine.dispose()
            with get_context("fork").Pool(args.workers, _init, (settings,)) as pool:
                checked = sum(pool.imap_unordered(_run, plan.link_batches))
            wall = time.perf_counter() - start
            # the probe host (asked outside the host slots) is the last one
            stats = ask("stats")
    finally:
        site.stdin.close()
        site.wait(10)
    print(
        json.dumps(
            {
                "urls": args.urls,
                "hosts": args.hosts,
                "batches": len(plan.link_batches),
                "workers": args.workers,
                "per_host_limit": args.per_host,
                "checked": checked,
                "seconds": round(wall, 2),
                "urls_per_second": round(checked / wall, 1),
                "requests_all_hosts": stats["requests"],
                "max_in_flight_per_host_incl_probe": stats["max_in_flight_per_host"],
                "max_in_flight_per_link_host": stats.get("max_link_host"),
            }
        )
    )


if __name__ == "__main__":
    main()
