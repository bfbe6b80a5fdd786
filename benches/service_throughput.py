"""Audit throughput of the service with 1 and 2 Celery worker processes.

Starts the API and N workers (the docker-compose commands, natively) on loopback,
submits a batch of audits whose network phases take a fixed time per reference
(tests.service.slow_phases: no network), and prints audits per minute.

    .venv/bin/python benches/service_throughput.py [--redis redis://127.0.0.1:6379/12]
        [--audits 6] [--delay 0.005]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from tests.service.helpers import submit, wait_done  # noqa: E402
from tests.service.processes import (  # noqa: E402
    Proc,
    base_env,
    command,
    create_token,
    fake_phases,
    free_port,
    wait_for,
    wait_http,
)

BIB = ROOT / "references" / "examples" / "latex-natbib" / "refs.bib"
MANUSCRIPT = ROOT / "references" / "examples" / "numeric-markdown" / "manuscript.md"


def run(workers: int, args: argparse.Namespace) -> float:
    redis.Redis.from_url(args.redis).flushdb()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        env = base_env(
            tmp,
            CITEAUDIT_DATABASE_URL=f"sqlite:///{tmp / 'bench.db'}",
            CITEAUDIT_BROKER_URL=args.redis,
            **fake_phases("tests.service.slow_phases:enrichers"),
            CITEAUDIT_TEST_DELAY=str(args.delay),
            CITEAUDIT_WORKER_CONCURRENCY="1",
        )
        port = free_port()
        procs = [Proc("api", command("api", env, port), env, tmp / "api.log")]
        try:
            wait_http(f"http://127.0.0.1:{port}/healthz", procs[0])
            token = create_token(env, "bench")
            for i in range(workers):
                proc = Proc(f"w{i}", command("worker", env), env, tmp / f"w{i}.log")
                procs.append(proc)
                wait_for(lambda p=proc: "ready." in p.output(), 30, "a worker")
            import httpx

            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
                start = time.perf_counter()
                ids = [submit(client, [MANUSCRIPT], [BIB]) for _ in range(args.audits)]
                for audit_id in ids:
                    assert wait_done(client, audit_id, timeout=600)["status"] == "done"
                elapsed = time.perf_counter() - start
        finally:
            for proc in reversed(procs):
                proc.stop()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--audits", type=int, default=6)
    parser.add_argument(
        "--delay", type=float, default=0.005, help="seconds per reference per network phase"
    )
    args = parser.parse_args()
    print(f"{args.audits} audits of {BIB.name} (+ manuscript), {args.delay}s/reference/phase")
    base = None
    for workers in (1, 2):
        elapsed = run(workers, args)
        rate = args.audits / elapsed * 60
        base = base or rate
        print(f"{workers} worker(s): {elapsed:6.1f} s  {rate:6.1f} audits/min  x{rate / base:.2f}")


if __name__ == "__main__":
    main()
