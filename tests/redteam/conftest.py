"""The red-team tests' shared fixtures."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

_opened: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _opened and event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        _opened[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_hook)  # hooks cannot be removed: it records only inside `opened`


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every name this process opens while the test runs (a Python audit hook)."""
    names: list[str] = []
    _opened.append(names)
    try:
        yield names
    finally:
        _opened.remove(names)
