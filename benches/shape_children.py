"""Runs hostile input shapes, each size in a child with a CPU limit, and flags growth.

Shared by the red teams' scaling benches (`r5z_hostile.py`, `freeze20_scaling.py`): a
shape that freezes must not freeze the bench, so every measurement is a child process
under RLIMIT_CPU, and a child that dies or overruns is a figure ("> 60 cpu s"), not a
crash. The shapes and their measure come from `linearity.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import linearity
from linearity import Shape

ROOT = Path(__file__).resolve().parents[1]


def run_child(script: str, shape: Shape, scale: int, limit: float) -> dict[str, object]:
    command = [sys.executable, script, "--child", shape.name, "--scale", str(scale)]
    command += ["--cpu-limit", str(limit)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit * 10, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"> {limit * 10:g} s"}
    if done.returncode == -signal.SIGXCPU:
        return {"error": f"> {limit:g} cpu s"}
    try:
        data: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr or "").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        return {"error": f"failed: {tail[0][:160]}"}
    return data


def main(
    shapes: Sequence[Shape],
    script: str,
    description: str,
    scales: list[int],
    argv: list[str] | None = None,
) -> int:
    """The bench's command line: one shape size a child, or the whole table."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--limit", type=float, default=60.0, help="CPU seconds per run")
    parser.add_argument("--scales", nargs="*", type=int, default=scales)
    parser.add_argument("--cpu-limit", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    by_name = {s.name: s for s in shapes}
    if args.child:
        import resource

        seconds = int(args.cpu_limit) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
        print(json.dumps(linearity.measure(by_name[args.child], args.scale)))
        return 0
    flagged = []
    print(
        f"{'shape':26} {'scale':>5} {'bytes':>10} {'cpu s':>7} {'peak MB':>8} {'refs':>6} "
        f"{'cites':>6} {'findings':>8}"
    )
    for shape in shapes:
        if args.only and not any(o in shape.name for o in args.only):
            continue
        times: dict[int, float | None] = {}
        for scale in args.scales:
            got = run_child(script, shape, scale, args.limit)
            if "error" in got:
                print(f"{shape.name:26} {scale:4d}x {'':>10} {got['error']}", flush=True)
                times.update(dict.fromkeys(args.scales[args.scales.index(scale) :]))
                break
            times[scale] = float(got["cpu_seconds"])  # type: ignore[arg-type]
            print(
                f"{shape.name:26} {scale:4d}x {got['bytes']:10d} {got['cpu_seconds']:7.2f} "
                f"{got['peak_mb']:8.1f} {got['references']:6d} {got['citations']:6d} "
                f"{got['findings']:8d}",
                flush=True,
            )
        verdict = linearity._verdict(shape, times, args.scales, args.limit)
        if verdict and not verdict.startswith("NOT MEASURED"):
            flagged.append(f"{shape.name}: {verdict}")
        print(f"{'':26} {shape.what}; {linearity._ratios(times, args.scales)} {verdict}\n")
    print("flagged:" if flagged else "no shape flagged")
    for line in flagged:
        print(f"  {line}")
    return 1 if flagged else 0
