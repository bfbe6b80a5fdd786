"""A reference link's label never prints: ``[here][Okafor 2017]`` shows "here" when a
definition of "Okafor 2017" stands in the text (made-up manuscripts). The reader
blanked the definition's label; the link's own label, read as a bracketed citation,
still cited Okafor's entry. Without a definition CommonMark prints the brackets as
they are: then they are text, and still cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

LIST = (
    "\n\n# References\n\n"
    "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
    "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
    "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n"
)
CITED = "As Lee (2014) showed, rivers matter (Moreau, 2001; Nilsson, 2002; Park, 2003).\n\n"


def _uncited(tmp_path: Path, text: str) -> list[str]:
    paper = tmp_path / "paper.md"
    paper.write_text(CITED + text + LIST, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"
    )


@pytest.mark.parametrize(
    "text",
    [
        "See the rivers [here][Okafor 2017].\n\n[Okafor 2017]: https://example.org/s",
        "See the rivers ![map][Okafor 2017].\n\n[okafor   2017]: https://example.org/m.png",
    ],
    ids=["link", "image-any-case-and-blanks"],
)
def test_a_used_label_cites_nothing(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, text) == ["Okafor", "Tanaka"]


def test_brackets_with_no_definition_are_text(tmp_path: Path) -> None:
    text = "See the rivers [here][Okafor 2017].\n\n[other]: https://example.org/s"
    assert _uncited(tmp_path, text) == ["Tanaka"]
