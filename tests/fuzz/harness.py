"""What every fuzz target shares: the one allowed exception, the stats, scratch files.

The property of every target: whatever the input, the code under test returns data
(JSON-serialisable) or raises `InputError` for input that cannot be read at all --
nothing else. `example()` counts each call; benches/fuzz.py sets `CLOCK` to time
them too and print the slowest (tests keep no clock: speed lives in benches/, and
linear time in the counted tests of tests/security).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from citeaudit.errors import InputError

T = TypeVar("T")


@dataclass
class TargetStats:
    examples: int = 0
    unreadable: int = 0  # examples that ended in the allowed InputError
    max_seconds: float = 0.0
    slowest: str = ""  # the slowest example's input, shortened, to run it again


STATS: dict[str, TargetStats] = {}
CLOCK: Callable[[], float] | None = None  # benches/fuzz.py: time.perf_counter
_SCRATCH = Path(tempfile.mkdtemp(prefix="citeaudit-fuzz-"))


def scratch(name: str) -> Path:
    """A fresh folder per target (files are overwritten example after example)."""
    folder = _SCRATCH / name
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    return folder


@contextmanager
def example(target: str, *inputs: Any) -> Iterator[None]:
    stats = STATS.setdefault(target, TargetStats())
    clock = CLOCK
    started = clock() if clock is not None else 0.0
    try:
        yield
    finally:
        seconds = clock() - started if clock is not None else 0.0
        stats.examples += 1
        if clock is not None and seconds > stats.max_seconds:
            stats.max_seconds = seconds
            shown = repr(inputs)
            stats.slowest = shown if len(shown) <= 600 else shown[:600] + "..."


def readable(target: str, read: Callable[[], T]) -> T | None:
    """`read()`, or None when it raised InputError naming the file (allowed)."""
    try:
        return read()
    except InputError as error:
        assert error.file, "an InputError must name the file"
        assert str(error)
        STATS.setdefault(target, TargetStats()).unreadable += 1
        return None


def plain(value: Any) -> Any:
    """Dataclasses, enums and tuples as JSON data (what a report would hold)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def assert_serialisable(value: Any) -> None:
    """The data goes into a JSON report: it must serialise (surrogates are a writer's job)."""
    json.dumps(plain(value))


def assert_encodable(value: Any) -> None:
    """Stricter: serialises and encodes as UTF-8 (readers that clean on decode)."""
    json.dumps(plain(value), ensure_ascii=False).encode("utf-8")
