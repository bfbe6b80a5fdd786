"""The mention check reads a line with no year without tokenising it word by word:
the regular expression that tells years from words runs only on lines that hold a
year's digits, and undated entries' openings are looked up only at words that begin
one. Counts work, not time (made-up manuscripts); the findings stay the same."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.rules.citations import _cited_by_mention

LIST = (
    "\n\n# References\n\n"
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
    "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
    "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n\n"
    "Quillmark Seed Archive Online Catalogue. https://seeds.example.org/\n\n"
    "Northfold River Survey. Water levels. https://river.example.org/\n"
)
CITED = "Three works agree (Moreau, 2001; Nilsson, 2002; Park, 2003)."
PROSE = "Rivers and lakes were sampled at dawn by the field team and counted again\n"


class _Counting:
    """A compiled pattern's stand-in that counts `finditer` calls."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.calls += 1
        return self.pattern.finditer(text)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(text, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(".")[0] for f in result.findings if f.code == "CIT001"
    )


def test_lines_without_a_year_are_not_tokenised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = _Counting(_cited_by_mention._TOKEN)
    monkeypatch.setattr(_cited_by_mention, "_TOKEN", counting)
    text = (
        CITED
        + "\n\n"
        + PROSE * 300
        + "Okafor, in her\nsurvey of\n2017, agreed.\n"
        + PROSE * 300
        + "Images from the Quillmark Seed Archive.\n"
        + LIST
    )
    # the mention spans three lines (the window crosses lines), the opening one
    assert _uncited(tmp_path, text) == ["Northfold River Survey", "Tanaka, D"]
    # lines holding a year: the cited one, the mention's last, the list's dated entries
    assert 0 < counting.calls <= 10


def test_a_listed_line_or_a_year_free_line_keeps_the_window(tmp_path: Path) -> None:
    # the window's last words come from a year-free line before the year's line
    text = CITED + "\n\n" + PROSE + "Okafor, in\nher 2017 survey, agreed.\n" + LIST
    assert "Okafor, B" not in _uncited(tmp_path, text)
    far = CITED + "\n\nOkafor\n" + PROSE + "in 2017.\n" + LIST
    assert "Okafor, B" in _uncited(tmp_path, far)
