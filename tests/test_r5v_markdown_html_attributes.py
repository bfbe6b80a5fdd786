"""Raw HTML in Markdown: a tag's tooltip (title), alternative text (alt), accessibility
label (aria-label) and data attributes print no words on the page, yet the line was
read whole and "(Smith, 2019)" in them cited Smith's entry. Their values are blanked,
column for column; href (a link to check), id and class stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.html_hidden import blank_hidden_html

LIST = (
    "\n\n# References\n\nLee, A. (2001). A work on things. *J*, 1, 2.\n\n"
    "Smith, B. (2019). Another work. *J*, 4, 5.\n"
)


def _uncited(tmp_path: Path, middle: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Intro\n\nAs shown (Lee, 2001).\n\n{middle}{LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


@pytest.mark.parametrize(
    "middle",
    [
        'See <span title="(Smith, 2019)">this</span>.',
        "See <img src='a.png' ALT='Smith et al. (2019)'>.",
        'See <a href="#x" data-cite="Smith 2019">this</a>.',
        'See <abbr aria-label="Smith (2019)">S19</abbr>.',
    ],
    ids=["title", "alt", "data", "aria-label"],
)
def test_an_attribute_cites_nothing(tmp_path: Path, middle: str) -> None:
    uncited = _uncited(tmp_path, middle)
    assert len(uncited) == 1 and "Smith" in uncited[0]


def test_shown_text_beside_attributes_still_cites(tmp_path: Path) -> None:
    assert _uncited(tmp_path, 'See <span title="a tip">(Smith, 2019)</span>.') == []


def test_blanking_keeps_columns_links_and_ids() -> None:
    text = '<a href="https://example.org/x" title="(Smith, 2019)" id="refs">t</a>'
    blanked, _ = blank_hidden_html(text, None)
    assert len(blanked) == len(text) and "Smith" not in blanked
    assert 'href="https://example.org/x"' in blanked and 'id="refs"' in blanked
    plain = 'no tags title="(Smith, 2019)" here'
    assert blank_hidden_html(plain, None)[0] == plain
