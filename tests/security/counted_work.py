"""Counted work, not seconds: how the linear-time tests see a quadratic regression.

A clock in a test flakes on a loaded machine and passes a quadratic loop on a fast
one. These tests instead count what the code does, which is the same on every
machine, at a base size and at `SCALE` times it, and bound the growth:

- ``calls``: every Python function call and every builtin call (``sys.setprofile``
  events) -- a loop that goes round once per candidate per character shows here;
- ``scanned``: the characters handed to the regular-expression engine -- a search
  that fails scans the whole region, a search that finds stops at its match's end,
  a match counts the span it matched, ``finditer`` counts up to its last match (or
  the whole region when run out), ``sub``/``split``/``findall`` the whole region. A
  search re-run from every candidate to the end of the line (the class that made a
  one-line manuscript take minutes) is quadratic here though it is one call each.

Patterns are compiled at import, so the count runs in a fresh interpreter where
``re``'s compiler hands out counting patterns before citeaudit is imported: one
child per test module measures every case the module lists in ``CASES`` and the
tests read its answers. Blind spot: how hard a failed ``match`` backtracked inside
the engine (one pattern at a time, benches/redos_scan.py and
tests/security/test_redos_patterns.py cover that), and ``str`` methods.

Linear work grows ``SCALE`` times (8); n log n about 10 times; quadratic 64 times.
A case fails past `MAX_GROWTH` (16, twice linear). The counts are exact, so the
bound needs no slack for noise, only for fixed costs and logarithms.

In a one-process pytest run the children are started ahead, one at a time on a thread,
as the test modules that list ``CASES`` are collected: the counts are exact whatever
else the machine does, so a child may run beside the tests before its own (the second
CPU of a CI machine) and its module's tests find the answers ready. A module whose
child has not started yet when its first test runs counts in the foreground, as before.

    python -m tests.security.counted_work tests.security.test_cite_linear  # prints counts
"""

from __future__ import annotations

import atexit
import functools
import importlib
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

SCALE = 8
MAX_GROWTH = 16.0
BUDGET = 200_000_000  # steps or characters: past it a run is stopped and fails
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Case:
    """One shape: ``build(size)`` makes the input, ``run(input)`` is the public entry."""

    build: Callable[[int], Any]
    run: Callable[[Any], object]
    base: int

    def __post_init__(self) -> None:
        _prefetch_caller()


@dataclass(frozen=True)
class Work:
    calls: int
    scanned: int


class _OverBudget(BaseException):  # not caught by an `except Exception`
    """Raised inside the measured code when a run passes `BUDGET` (an exponential
    shape would otherwise run for ever: it fails here, by count, instead)."""


@dataclass(frozen=True)
class Growth:
    small: Work
    large: Work

    @property
    def calls(self) -> float:
        return _ratio(self.small.calls, self.large.calls)

    @property
    def scanned(self) -> float:
        return _ratio(self.small.scanned, self.large.scanned)


def _ratio(small: int, large: int) -> float:
    # +1,000 so a count that is nearly nothing at both sizes is not a "growth"
    return (large + 1_000) / (small + 1_000)


def repeated(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """A builder: `unit` repeated to about `n` characters, between `head` and `tail`."""
    return lambda n: head + unit * max(n // len(unit), 1) + tail


def calls_in(
    run: Callable[[], object], counts: Callable[[FrameType, str], bool] | None = None
) -> int:
    """Python and builtin calls `run` makes, counted in this process (``sys.setprofile``
    events): for a test that bounds one function's growth itself, with no child.
    `counts`: which calls to count (the caller's frame -- the callee's for a Python
    call -- and the event); every call when None."""
    count = 0

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call") and (counts is None or counts(frame, event)):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def assert_linear(module: str, name: str) -> Growth:
    """Fail when case `name` of test module `module` grows faster than linear."""
    growth = measured(module)[name]
    detail = f"{name}: {growth.small} at base, {growth.large} at {SCALE}x"
    assert max(growth.large.calls, growth.large.scanned) <= BUDGET, f"over budget; {detail}"
    assert growth.calls <= MAX_GROWTH, f"calls grew {growth.calls:.1f}x; {detail}"
    assert growth.scanned <= MAX_GROWTH, f"regex scan grew {growth.scanned:.1f}x; {detail}"
    return growth


@functools.cache
def measured(module: str) -> dict[str, Growth]:
    """Every case of `module`, counted once in a child interpreter (started ahead when
    its module was collected, or now)."""
    with _LOCK:
        job = _JOBS.setdefault(module, _Job())
        here = not job.started
        job.started = True
    if here:
        job.finish(_count_in_child(module))
    job.done.wait()
    assert job.outcome is not None
    returncode, stdout, stderr = job.outcome
    assert returncode == 0, stderr[-4000:]
    answers = json.loads(stdout.splitlines()[-1])
    return {name: Growth(Work(*pair[0]), Work(*pair[1])) for name, pair in answers.items()}


# --- children started ahead (pytest runs only) -------------------------------------

_CHILD_MARK = "CITEAUDIT_COUNTED_WORK_CHILD"
_LOCK = threading.Lock()
_RUNNING: set[subprocess.Popen[str]] = set()


class _Job:
    """One module's child: started (by the prefetch thread or by `measured`) and done."""

    def __init__(self) -> None:
        self.started = False
        self.done = threading.Event()
        self.outcome: tuple[int, str, str] | None = None

    def finish(self, outcome: tuple[int, str, str]) -> None:
        self.outcome = outcome
        self.done.set()


_JOBS: dict[str, _Job] = {}
_COMPREHENSIONS = frozenset({"<dictcomp>", "<listcomp>", "<setcomp>", "<genexpr>", "<lambda>"})
_QUEUE: list[str] = []
_WORKER: list[threading.Thread] = []


def _count_in_child(module: str) -> tuple[int, str, str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.security.counted_work", module],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, _CHILD_MARK: "1"},
    )
    with _LOCK:
        _RUNNING.add(child)
    try:
        stdout, stderr = child.communicate()
    finally:
        with _LOCK:
            _RUNNING.discard(child)
    return child.returncode, stdout, stderr


def _in_pytest_session() -> bool:
    """A pytest run in one process, not this module's child nor a script that imports a
    test module. Not a pytest-xdist worker: each worker collects every module but runs
    only the files it is handed, and the workers already keep the CPUs busy."""
    if os.environ.get(_CHILD_MARK) or os.environ.get("PYTEST_XDIST_WORKER"):
        return False
    if "_pytest.main" not in sys.modules:
        return False
    launcher = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    return "pytest" in launcher.name or launcher.parent.name == "pytest"


def _prefetch_caller() -> None:
    """Queue the child of the test module whose top level is making a `Case`."""
    if not _in_pytest_session():
        return
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    while frame is not None and frame.f_code.co_name in _COMPREHENSIONS:
        frame = frame.f_back  # CASES = {name: Case(...) for name in ...}
    if frame is None or frame.f_code.co_name != "<module>":
        return  # a case made inside a function: its module is no collected test module
    module = str(frame.f_globals.get("__name__", ""))
    if not module.rpartition(".")[2].startswith("test_"):
        return
    with _LOCK:
        if module in _JOBS:
            return
        _JOBS[module] = _Job()
        _QUEUE.append(module)
        if not _WORKER:
            _WORKER.append(threading.Thread(target=_prefetch_all, daemon=True))
            _WORKER[0].start()


def _prefetch_all() -> None:
    """One child at a time, in collection order, skipping those `measured` took."""
    while True:
        with _LOCK:
            while _QUEUE and _JOBS[_QUEUE[0]].started:
                _QUEUE.pop(0)
            if not _QUEUE:
                _WORKER.clear()
                return
            module = _QUEUE.pop(0)
            job = _JOBS[module]
            job.started = True
        try:
            job.finish(_count_in_child(module))
        except BaseException as exc:  # the test reads it, not a dead thread
            job.finish((1, "", f"prefetching {module}: {exc!r}"))


@atexit.register
def _stop_children() -> None:
    """A run that ends early (a -k that selected none of them) leaves no child behind."""
    with _LOCK:
        running = list(_RUNNING)
    for child in running:
        child.kill()


# --- the child -------------------------------------------------------------------

_SCANNED = [0]


class _CountingPattern:
    """A compiled pattern that adds what each call scans to `_SCANNED`."""

    __slots__ = ("_p",)

    def __init__(self, pattern: re.Pattern[Any]) -> None:
        self._p = pattern

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def __repr__(self) -> str:
        return repr(self._p)

    def __eq__(self, other: object) -> bool:
        return self._p == (other._p if isinstance(other, _CountingPattern) else other)

    def __hash__(self) -> int:
        return hash(self._p)

    def __copy__(self) -> _CountingPattern:
        return self

    def __deepcopy__(self, memo: object) -> _CountingPattern:
        return self

    def __reduce__(self) -> Any:
        return (re.compile, (self._p.pattern, self._p.flags))

    def _span(self, string: Any, pos: int, endpos: int | None) -> tuple[int, int]:
        end = len(string) if endpos is None else min(endpos, len(string))
        return max(pos, 0), end

    def match(self, string: Any, pos: int = 0, endpos: int | None = None) -> Any:
        m = self._call("match", string, pos, endpos)
        _SCANNED[0] += 1 + (m.end() - pos if m else 0)
        return m

    def fullmatch(self, string: Any, pos: int = 0, endpos: int | None = None) -> Any:
        m = self._call("fullmatch", string, pos, endpos)
        start, end = self._span(string, pos, endpos)
        _SCANNED[0] += 1 + (end - start if m else 0)
        return m

    def search(self, string: Any, pos: int = 0, endpos: int | None = None) -> Any:
        m = self._call("search", string, pos, endpos)
        start, end = self._span(string, pos, endpos)
        _SCANNED[0] += 1 + ((m.end() if m else end) - start)
        return m

    def _call(self, method: str, string: Any, pos: int, endpos: int | None) -> Any:
        if endpos is None:
            return getattr(self._p, method)(string, pos)
        return getattr(self._p, method)(string, pos, endpos)

    def finditer(self, string: Any, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        start, end = self._span(string, pos, endpos)
        inner = (
            self._p.finditer(string, pos)
            if endpos is None
            else self._p.finditer(string, pos, endpos)
        )
        return self._counted(inner, start, end)

    @staticmethod
    def _counted(inner: Iterator[Any], start: int, end: int) -> Iterator[Any]:
        at = start
        for m in inner:
            _SCANNED[0] += 1 + max(m.end() - at, 0)
            at = max(at, m.end())
            yield m
        _SCANNED[0] += max(end - at, 0)

    def _whole(self, string: Any) -> None:
        _SCANNED[0] += 1 + len(string)

    def findall(self, string: Any, *args: Any) -> Any:
        self._whole(string)
        return self._p.findall(string, *args)

    def sub(self, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        self._whole(string)
        return self._p.sub(repl, string, *args, **kwargs)

    def subn(self, repl: Any, string: Any, *args: Any, **kwargs: Any) -> Any:
        self._whole(string)
        return self._p.subn(repl, string, *args, **kwargs)

    def split(self, string: Any, *args: Any, **kwargs: Any) -> Any:
        self._whole(string)
        return self._p.split(string, *args, **kwargs)


def _install() -> None:
    """Make ``re`` hand out counting patterns (also to ``re.search(r"...", s)``)."""
    original = re._compile  # type: ignore[attr-defined]

    def counting(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, _CountingPattern):
            return pattern
        return _CountingPattern(original(pattern, flags))

    re._compile = counting  # type: ignore[attr-defined]


def _count(run: Callable[[Any], object], given: Any) -> Work:
    steps = [0]

    def profile(frame: object, event: str, arg: object) -> None:
        if event == "c_call":
            steps[0] += 1

    def trace(frame: object, event: str, arg: object) -> Any:
        steps[0] += 1  # a call, a line run, a return
        if steps[0] > BUDGET or _SCANNED[0] > BUDGET:
            raise _OverBudget
        return trace

    re.purge()  # a pattern built from the input is compiled (and counted) at both sizes
    _SCANNED[0] = 0
    sys.setprofile(profile)
    sys.settrace(trace)
    try:
        run(given)
    except _OverBudget:
        pass  # counted as far as it went, which is past the budget
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return Work(steps[0], _SCANNED[0])


def _child(module_name: str) -> dict[str, Any]:
    _install()
    module = importlib.import_module(module_name)
    cases: dict[str, Case] = module.CASES
    answers: dict[str, Any] = {}
    for name, case in cases.items():
        case.run(case.build(max(case.base // SCALE, 1)))  # lazy imports, built once
        small, large = case.build(case.base), case.build(case.base * SCALE)
        counts = (_count(case.run, small), _count(case.run, large))
        answers[name] = [[w.calls, w.scanned] for w in counts]
    return answers


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1])))
