"""The long fuzzing run: every target of tests/fuzz with thousands of examples.

The normal test run fuzzes each target with the small "ci" profile; run this before
resolving a security issue (issue 11, must-show 2):

    .venv/bin/python benches/fuzz.py [--examples 2000] [--only NAME ...] [--jobs 1]

Each target runs in a process of its own, with an address-space limit and a time
limit, so a target that leaks or hangs is reported and the others still run. Prints,
per target: examples run (shrinking included), examples that ended in the allowed
InputError, the slowest example, the process's peak memory, and the first crash
with its reproducer. Flags any crash, any example over 10 s and any process over
1 GB; exits 1 when something is flagged. A target whose examples are mostly refused
as unreadable (over half) is noted, not flagged: its strategy barely reaches the
reader's body (the DOCX target once had 1,702 of 2,000 refused whole).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = (
    "tests.fuzz.test_manuscripts",
    "tests.fuzz.test_bibliographies",
    "tests.fuzz.test_writers",
    "tests.fuzz.test_audit",
    "tests.fuzz.test_hostile_headers",
    "tests.fuzz.test_realms_csl_yaml",
    "tests.fuzz.test_late_readers",
    "tests.fuzz.test_framed_runs",
)
SLOW_SECONDS = 10.0
BIG_MB = 1024
MOSTLY_UNREADABLE = 0.5  # share of examples refused whole past which a target is noted
ADDRESS_LIMIT = 3 * 1024**3  # past the 1 GB flag, short of taking the machine down


@dataclass
class Outcome:
    target: str
    examples: int = 0
    unreadable: int = 0
    max_seconds: float = 0.0
    peak_mb: float = 0.0
    wall_seconds: float = 0.0
    crash: str | None = None
    slowest: str = ""

    @property
    def flags(self) -> list[str]:
        out = []
        if self.crash:
            out.append("CRASH")
        if self.max_seconds > SLOW_SECONDS:
            out.append(f"SLOW>{SLOW_SECONDS:g}s")
        if self.peak_mb > BIG_MB:
            out.append(f"MEM>{BIG_MB}MB")
        return out

    @property
    def mostly_unreadable(self) -> bool:
        return self.examples > 0 and self.unreadable > MOSTLY_UNREADABLE * self.examples


def targets() -> dict[str, Callable[[], None]]:
    found: dict[str, Callable[[], None]] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("test_") and hasattr(value, "hypothesis"):
                found[f"{name.rsplit('.', 1)[1].removeprefix('test_')}.{attr[5:]}"] = value
    return found


def run_one(name: str, examples: int) -> Outcome:
    """In the child: run one target under the long profile, and say how it went."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    from hypothesis import settings
    from tests.fuzz import harness, profiles  # noqa: F401  (registers the profiles)

    settings.register_profile("bench", parent=settings.get_profile("long"), max_examples=examples)
    settings.load_profile("bench")
    harness.CLOCK = time.perf_counter  # the tests keep no clock; the bench times examples
    target = targets()[name]
    outcome = Outcome(name)
    started = time.perf_counter()
    try:
        target()
    except BaseException as error:  # the report is the point
        outcome.crash = "".join(traceback.format_exception(error))[-4000:]
    outcome.wall_seconds = time.perf_counter() - started
    for stats in harness.STATS.values():
        outcome.examples += stats.examples
        outcome.unreadable += stats.unreadable
        if stats.max_seconds > outcome.max_seconds:
            outcome.max_seconds, outcome.slowest = stats.max_seconds, stats.slowest
    outcome.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


def run_in_child(name: str, examples: int, timeout: float) -> Outcome:
    command = [sys.executable, __file__, "--child", name, "--examples", str(examples)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return Outcome(name, wall_seconds=timeout, crash=f"did not finish in {timeout:g} s")
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    try:
        return Outcome(**json.loads(last[0]))
    except (IndexError, json.JSONDecodeError, TypeError):
        tail = (done.stderr or done.stdout)[-3000:]
        return Outcome(
            name,
            wall_seconds=time.perf_counter() - started,
            crash=f"the process ended with {done.returncode}: {tail}",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="per target (default 2000)")
    parser.add_argument("--only", nargs="*", default=[], help="targets whose name contains this")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per target")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    if args.child:
        outcome = run_one(args.child, args.examples)
        print(json.dumps(outcome.__dict__))
        return 0

    names = [n for n in targets() if not args.only or any(o in n for o in args.only)]
    print(f"fuzzing {len(names)} targets, {args.examples} examples each (profile 'long')")
    print(f"{'target':32} {'examples':>8} {'unread':>7} {'max s':>7} {'peak MB':>8} {'wall s':>7}")
    outcomes: list[Outcome] = []
    for name in names:
        outcome = run_in_child(name, args.examples, args.timeout)
        outcomes.append(outcome)
        flags = " ".join(outcome.flags)
        if outcome.mostly_unreadable:
            flags += " (mostly unreadable)"
        print(
            f"{name:32} {outcome.examples:8d} {outcome.unreadable:7d} "
            f"{outcome.max_seconds:7.2f} {outcome.peak_mb:8.0f} {outcome.wall_seconds:7.0f}"
            f"  {flags}",
            flush=True,
        )
    total = sum(o.examples for o in outcomes)
    flagged = [o for o in outcomes if o.flags]
    slowest = max((o.max_seconds for o in outcomes), default=0.0)
    peak = max((o.peak_mb for o in outcomes), default=0.0)
    print(
        f"\n{total} examples in all; {len(flagged)} target(s) flagged; slowest example "
        f"{slowest:.2f} s; highest peak {peak:.0f} MB"
    )
    for outcome in outcomes:
        if outcome.mostly_unreadable:
            print(
                f"note: {outcome.target}: {outcome.unreadable} of {outcome.examples} examples "
                "unreadable -- its strategy barely reaches the reader"
            )
    for outcome in flagged:
        print(f"\n=== {outcome.target}: {', '.join(outcome.flags)}\n{outcome.crash or ''}")
        if outcome.max_seconds > SLOW_SECONDS:
            print(f"slowest example ({outcome.max_seconds:.1f} s): {outcome.slowest}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
