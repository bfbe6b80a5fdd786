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

    python -m tests.security.counted_work tests.security.test_cite_linear  # prints counts
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
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
    """Every case of `module`, counted once in a child interpreter."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.security.counted_work", module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    answers = json.loads(done.stdout.splitlines()[-1])
    return {name: Growth(Work(*pair[0]), Work(*pair[1])) for name, pair in answers.items()}


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
