"""Suppression comments against findings: each finding looked through every comment.

A .bib whose every entry carries a ``% citeaudit: ignore[...] -- why`` comment above it
and is never cited: every uncited-reference finding is compared with every comment of
its file (`suppress.apply._inline`), findings x comments. 2,000 entries took 0.6 s,
8,000 took 10.8 s (100,000, the most an audit reads, would have been half an hour of
``citeaudit check``). The CLI only: the service reads no suppression comments.
Now comments are indexed by the line they are written on: one look-up a finding.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.config.model import Config
from citeaudit.suppress.apply import Suppressing, suppress
from tests.security.counted_work import Case, assert_linear

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-suppress-"))


def _commented_entries(n: int) -> AuditResult:
    bib = _FOLDER / f"refs{n}.bib"
    bib.write_text(
        "".join(f"% citeaudit: ignore[CIT999] -- kept\n@a{{k{i},}}\n" for i in range(n)),
        encoding="utf-8",
    )
    text = _FOLDER / f"paper{n}.md"
    text.write_text("Text [@k0].\n", encoding="utf-8")
    return audit(AuditInput((text,), (bib,)))


def _suppressed(result: AuditResult) -> object:
    return suppress(result, Suppressing(Config()))


CASES = {"a comment above every uncited entry": Case(_commented_entries, _suppressed, 100)}


@pytest.mark.parametrize("name", CASES)
def test_suppression_comments_cost_linear_work(name: str) -> None:
    assert_linear(__name__, name)
