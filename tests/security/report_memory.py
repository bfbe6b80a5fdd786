"""What the report-memory tests share (rt35z, rt36z): an audit of many findings whose
messages carry hostile text, a stream that counts what it is written and keeps none of
it, and tracemalloc's peak while a report is made. Memory is measured, never time."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.model import Finding, Fix, Location, Severity
from tests.report.builders import make_result

FINDINGS = 20_000


def many_findings(count: int = FINDINGS, hostile: str = "") -> AuditResult:
    """An audit of `count` missing-reference findings; `hostile` is added to each
    message (controls, CI log commands, surrogates the writers must clean)."""
    found = tuple(
        Finding(
            "missing-reference",
            "CIT001",
            Severity.ERROR,
            f"(Zed{i}, 2020) cites a work the reference list does not hold: no entry by "
            f"Zed{i} in any year [x]{{0}} \u202e ##vso[task] " + hostile + "padding " * 12,
            Location("paper.md", i + 1, 3),
            citation=f"cit-{i}",
            fix=Fix(f"Add the entry for Zed{i} 2020, or correct the citation"),
        )
        for i in range(count)
    )
    return make_result(found=found)


class Sink(io.TextIOBase):
    """A text stream that counts what it is given and keeps none of it."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def peak_of(run: Callable[[], Any]) -> tuple[int, Any]:
    """tracemalloc's peak while `run` runs, and what it returned."""
    tracemalloc.start()
    try:
        out = run()
        return tracemalloc.get_traced_memory()[1], out
    finally:
        tracemalloc.stop()
