"""Start-up cost of the command line: how long `citeaudit` takes before it does work.

Issue 15 asks that `citeaudit links` on 10 URLs start in well under 0.3 s: a check
of a handful of links must not pay for the service's imports (FastAPI, SQLAlchemy,
Celery), the report templates or the LaTeX decoder. Measured here, each command run
--runs times as its own process (median wall and CPU seconds from wait4):

* `python -c pass`: the interpreter's own floor on this machine;
* `citeaudit --version`: parsing the command line only;
* `citeaudit links FILE` on 10 URLs on 10 loopback hosts (answers at once), with
  the time from the process's start to its first request;
* `citeaudit check --offline` on a small BibTeX file.

Then the links run's import time (`python -X importtime`) summed per top-level package.

    .venv/bin/python benches/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SMALL_BIB = ROOT / "references" / "bibliographies" / "good.bib"


FIRST_REQUEST: list[float] = []  # perf_counter() of each request in the current run


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        FIRST_REQUEST.append(perf_counter())
        body = b"<html><head><title>ok</title></head><body>A page.</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        FIRST_REQUEST.append(perf_counter())
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(
    cmd: list[str], env: dict[str, str], runs: int
) -> tuple[float, float, float | None, int]:
    """Median wall and CPU seconds of `cmd`, median seconds from its start to its first
    request to the loopback servers (None if it sent none), and its exit code."""
    walls: list[float] = []
    cpus: list[float] = []
    firsts: list[float] = []
    code = 0
    for _ in range(runs):
        FIRST_REQUEST.clear()
        start = perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        code = os.waitstatus_to_exitcode(status)
        if FIRST_REQUEST:
            firsts.append(min(FIRST_REQUEST) - start)
        assert proc.stderr is not None
        proc.stderr.close()
    return median(walls), median(cpus), median(firsts) if firsts else None, code


def import_cost_by_package(cmd: list[str], env: dict[str, str]) -> dict[str, int]:
    """Import time (microseconds, self time summed) per top-level package."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    costs: dict[str, int] = {}
    for line in run.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            package = m.group(2).split(".")[0]
            costs[package] = costs.get(package, 0) + int(m.group(1))
    return costs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    # Ten hosts (127.0.0.1-10), one URL each: the per-host interval does not add up.
    servers = [ThreadingHTTPServer((f"127.0.0.{i}", 0), _Page) for i in range(1, 11)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    bases = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    base = bases[0]
    with tempfile.TemporaryDirectory() as tmp:
        urls = Path(tmp) / "urls.txt"
        urls.write_text("".join(f"{b}/page/{i}\n" for i, b in enumerate(bases)), encoding="utf-8")
        env = {
            **os.environ,
            "CITEAUDIT_CACHE_DIR": str(Path(tmp) / "cache"),
            "CITEAUDIT_DOI_URL": base,
            "CITEAUDIT_ARCHIVE_URL": f"{base}/wayback/available",
            "CITEAUDIT_ALLOW_PRIVATE_NETWORKS": "true",
            "NO_COLOR": "1",
        }
        citeaudit = str(BIN / "citeaudit")
        links = ["links", str(urls), "--no-cache"]
        check = ["check", "--offline", "--no-cache", str(SMALL_BIB), "--fail-on", "never"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "citeaudit --version": [citeaudit, "--version"],
            "citeaudit links (10 URLs, loopback)": [citeaudit, *links],
            "citeaudit check --offline (small .bib)": [citeaudit, *check],
        }
        print(f"median of {args.runs} runs; CPU = user + system seconds of the process")
        for name, cmd in commands.items():
            wall, cpu, first, code = measure(cmd, env, args.runs)
            started = f"  first request after {first:.3f} s" if first is not None else ""
            print(f"  {name:<40} wall {wall:.3f} s  CPU {cpu:.3f} s  exit {code}{started}")
        costs = import_cost_by_package(["-m", "citeaudit.cli", *links], env)
        print(f"imports of the links run: {sum(costs.values()) / 1000:.0f} ms in all; slowest:")
        for package, micros in sorted(costs.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {micros / 1000:7.1f} ms  {package}")
    for server in servers:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
