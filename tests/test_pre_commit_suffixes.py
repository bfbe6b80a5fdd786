"""The pre-commit hooks run when any file the readers read by its suffix changes.

`.pre-commit-hooks.yaml`'s `files` patterns were a suffix list of their own
(md|markdown|txt|tex|bib|biblatex|ris|json|docx) that had drifted from the readers':
a commit changing only `refs.csl-json`, `paper.qmd`, `analysis.Rmd` or `refs.yaml` did
not run the audit. The patterns must take every manuscript and bibliography suffix
(`manuscript.reading.manuscript_suffixes`, `bibliography.loading.bibliography_suffixes`),
in any case; the fix hook those it can write.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from citeaudit.bibliography.loading import bibliography_suffixes
from citeaudit.manuscript.reading import manuscript_suffixes

HOOKS = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
# `citeaudit fix` edits text manuscripts and BibTeX, RIS, CSL-JSON files: no Word or
# PDF file, no CSL YAML (no editor of its own), so a workflow's .yml runs no fix.
NOT_WRITTEN = {".docx", ".pdf", ".yaml", ".yml"}


def _patterns() -> dict[str, re.Pattern[str]]:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    return {hook["id"]: re.compile(hook["files"]) for hook in hooks}


def _suffixes() -> list[str]:
    return sorted({*manuscript_suffixes(), *bibliography_suffixes()})


@pytest.mark.parametrize("suffix", _suffixes())
def test_the_check_hook_runs_for_every_suffix_the_readers_read(suffix: str) -> None:
    files = _patterns()["citeaudit"]
    for name in (f"paper{suffix}", f"chapters/Paper{suffix.upper()}"):
        assert files.search(name), name


@pytest.mark.parametrize("suffix", [s for s in _suffixes() if s not in NOT_WRITTEN])
def test_the_fix_hook_runs_for_every_suffix_it_can_write(suffix: str) -> None:
    assert _patterns()["citeaudit-fix"].search(f"refs{suffix}")


def test_the_hooks_do_not_run_for_other_files() -> None:
    patterns = _patterns()
    for name in ("setup.py", "image.png", "notes.md.orig", "paper.docx.bak"):
        assert not any(p.search(name) for p in patterns.values()), name
    assert not patterns["citeaudit-fix"].search("paper.docx")
    assert not patterns["citeaudit-fix"].search(".github/workflows/ci.yml")
