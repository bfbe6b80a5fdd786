"""A manuscript's line numbers are the ones an editor's tools count: a line ends at LF,
CRLF or CR only. `str.splitlines` also ends one at U+2028, U+2029, U+0085, VT, FF and
U+001C..U+001E, which no editor, `git diff` or GitHub annotation counts: one such
character in a paragraph shifted every later finding's line (SARIF annotations landed on
the wrong lines), and the damaged-byte notes (counted on the bytes) disagreed with the
text's own numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.reference_list import reference_list_from_text
from citeaudit.suppress.inline import scan

ODD_BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def _citation_lines(path: Path) -> list[int]:
    result = audit(AuditInput.from_paths([path]))
    return sorted(c.location.line or 0 for c in result.data.citations)


@pytest.mark.parametrize("odd", ODD_BREAKS, ids=[f"U+{ord(c):04X}" for c in ODD_BREAKS])
@pytest.mark.parametrize("suffix", [".md", ".txt", ".tex"])
def test_an_odd_break_inside_a_line_moves_no_later_line(
    tmp_path: Path, odd: str, suffix: str
) -> None:
    body = (
        f"A first paragraph with an odd{odd}character inside it.\n"
        "\n"
        "As Okafor (2018) showed, the second paragraph cites.\n"
    )
    if suffix == ".tex":
        body = body.replace("Okafor (2018)", "\\citet{okafor}")
        (tmp_path / "refs.bib").write_text(
            "@article{okafor, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n",
            encoding="utf-8",
        )
        body = body + "\\bibliography{refs}\n"
    else:
        body += "\n# References\n\nOkafor, N. (2018). A title. Journal, 1, 1-2.\n"
    paper = tmp_path / f"paper{suffix}"
    paper.write_bytes(body.encode("utf-8"))
    assert _citation_lines(paper) == [3]


def test_a_crlf_and_a_cr_each_end_one_line(tmp_path: Path) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_bytes(
        b"Line one.\r\nLine two.\rAs Okafor (2018) showed.\n\nReferences\n\n"
        b"Okafor, N. (2018). A title. Journal, 1, 1-2.\n"
    )
    assert _citation_lines(paper) == [3]


@pytest.mark.parametrize("odd", ODD_BREAKS, ids=[f"U+{ord(c):04X}" for c in ODD_BREAKS])
def test_an_inline_suppression_keeps_its_line(tmp_path: Path, odd: str) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(
        f"Odd{odd}break.\n<!-- citeaudit: ignore[uncited-reference] -- in the appendix -->\n",
        encoding="utf-8",
    )
    assert [s.line for s in scan(str(paper))] == [2]


def test_a_pasted_list_numbers_its_entries_by_physical_lines() -> None:
    pasted = (
        "Okafor, N. (2018). A\u2028title. Journal, 1, 1-2.\nRoe, A. (2019). Another. J, 2, 3-4.\n"
    )
    lines = sorted(r.location.line or 0 for r in reference_list_from_text(pasted).references)
    assert lines == [1, 2]
