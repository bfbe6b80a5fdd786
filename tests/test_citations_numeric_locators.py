"""Locators inside a numeric bracket: an equation's number in parentheses, an
appendix by its letter, and theorem, chapter and section words of other languages.

"[8, Eq. (4)]", "[3, Appendix A]", "[2, разд. 3]", "[5, Satz 2]", "[6, théorème 1]"
were no citations (the locator had to open on a digit, and knew English words and a
few page abbreviations only), so their entries were "never cited". Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


@pytest.mark.parametrize(
    "bracket",
    [
        "[1, Eq. (4)]",
        "[1, eq. (2.3)]",
        "[1, Appendix A]",
        "[1, app. B]",
        "[1, разд. 3]",
        "[1, теорема 2б, глава IV, с. 188]",
        "[1, Satz 2]",
        "[1, théorème 1]",
        "[1, teorema 3]",
        "[1, tw. 2]",
    ],
)
def test_a_located_number_cites_its_entry(tmp_path: Path, bracket: str) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        f"# Intro\n\nThe bound follows {bracket}, and the method is older [2].\n\n"
        "## References\n\n"
        "1. Adams A. Bounds. J Ex. 2019;1:1-2.\n"
        "2. Brown B. Methods. J Ex. 2018;2:3-4.\n"
        "3. Chen C. Never cited. J Ex. 2017;3:5-6.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    assert len(uncited) == 1 and "Chen" in uncited[0]


@pytest.mark.parametrize("bracket", ["[see Table 4]", "[n = 12]", "[step 3]", "[Appendix A]"])
def test_words_alone_in_brackets_cite_nothing(tmp_path: Path, bracket: str) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        f"# Intro\n\nResults {bracket} and methods [1].\n\n## References\n\n"
        "1. Adams A. Bounds. J Ex. 2019;1:1-2.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    assert [f.rule for f in result.findings if f.code.startswith("CIT")] == []
