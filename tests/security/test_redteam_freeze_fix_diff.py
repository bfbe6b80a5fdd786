"""`citeaudit fix` on a hostile bibliography: its diff and its entry search stay linear.

- ``fix --diff`` printed ``difflib.unified_diff`` of the whole file. Its matcher finds
  the longest common block, then recurses on both sides; when every entry has one
  edited line (a DOI written as an address, ``doi = {https://doi.org/10.1/x}``: a
  safe fix), every block is one entry long and each search scans the rest of the
  file: 1,000 such entries took 18 s, 4,000 about five minutes. The diff is now
  compared only where the fixes were spliced (`citeaudit.fix.unified_diff`).
- The entry search accepted an entry found a little after its line's start only when
  no line break came first, and looked for that line break up to the line's end: in a
  one-line file of N entries, each of N entries read the rest of the file (the fixed
  download of the service runs it too).

Counted, not timed: the lines difflib's matcher scans (`find_longest_match`'s range),
and the characters the line-break search covers, at a base size and 8x it.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.fix import plan_fixes
from citeaudit.fix.plan import _entry_span
from citeaudit.model import Location, Reference

OFFLINE = {Phase.RESOLUTION: "offline", Phase.LINKS: "offline"}


def _entry(i: int) -> str:
    return (
        f"@article{{key{i},\n  author = {{Family{i}, A.}},\n  title = {{Title number {i}}},\n"
        f"  year = {{2000}},\n  doi = {{https://doi.org/10.1000/x{i}}}\n}}\n\n"
    )


def _diff(tmp_path: Path, entries: int) -> str:
    bib = tmp_path / f"refs{entries}.bib"
    bib.write_text("".join(_entry(i) for i in range(entries)))
    plan = plan_fixes(audit(AuditInput((), (bib,)), skipped=OFFLINE))
    assert len(plan.changes) == entries  # every entry's DOI is fixed
    return plan.diff()


def _scanned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, entries: int) -> int:
    """Lines difflib's matcher scans while the fix's diff is made."""
    scanned = 0
    original = difflib.SequenceMatcher.find_longest_match

    def counting(self: difflib.SequenceMatcher[Any], *args: Any, **kwargs: Any) -> Any:
        nonlocal scanned
        found = original(self, *args, **kwargs)
        alo, ahi = (*args, 0, None)[:2]
        alo, ahi = kwargs.get("alo", alo), kwargs.get("ahi", ahi)
        scanned += 1 + (len(self.a) if ahi is None else ahi) - alo
        return found

    monkeypatch.setattr(difflib.SequenceMatcher, "find_longest_match", counting)
    diff = _diff(tmp_path, entries)
    assert diff.count("\n+  doi = {10.1000/x") == entries
    return scanned


def test_the_diff_of_a_fix_in_every_entry_grows_linearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    small = _scanned(monkeypatch, tmp_path, 60)
    large = _scanned(monkeypatch, tmp_path, 480)
    assert large <= 16 * small, (small, large)


def test_the_diff_is_difflibs_for_a_few_fixes(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    plain = "@article{plain{i},\n  title = {Other {i}},\n  year = {2001}\n}\n\n"
    text = "".join(_entry(i) if i % 7 == 0 else plain.replace("{i}", str(i)) for i in range(30))
    bib.write_text(text)
    plan = plan_fixes(audit(AuditInput((), (bib,)), skipped=OFFLINE))
    assert len(plan.changes) == 5
    (rewrite,) = plan.rewrites
    expected = difflib.unified_diff(
        text.splitlines(True), rewrite.text.splitlines(True), str(bib), str(bib)
    )
    assert plan.diff() == "".join(expected)


class _CountedText(str):
    """A text whose `find` adds up the characters each search may cover."""

    covered = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        begin = 0 if start is None else start
        stop = len(self) if end is None else min(end, len(self))
        _CountedText.covered += max(0, stop - begin)
        return super().find(sub, start, end)


def _covered(entries: int) -> int:
    """Characters searched to place every entry of a one-line file, each of whose
    entries the reader placed on line 1 (found a little after the line's start)."""
    raws = [f"@misc{{k{i}, doi = {{https://doi.org/10.1/{i}}}}}" for i in range(entries)]
    text = _CountedText(" " + " ".join(raws))
    _CountedText.covered = 0
    for i, raw in enumerate(raws):
        ref = Reference(id=f"r{i}", index=i, location=Location("refs.bib", 1), raw=raw)
        span = _entry_span(text, [0], ref)
        # only entries near the line's start are within reach (the others are refused)
        assert span is None or span[0] < len(raws[0]) + 200 + len(raw)
    return _CountedText.covered


def test_placing_the_entries_of_a_one_line_file_is_linear() -> None:
    small, large = _covered(500), _covered(4_000)
    assert large <= 16 * small, (small, large)
