"""A pair of nuclei "¹H,¹⁵N" (an NMR experiment's name) is no citation of entry 15.

Why: the second mass number follows a comma, so `_opens_a_word` did not see it as
opening the element's symbol, and "15" was read as a superscript citation: a false
missing reference in a 14-entry list (fresh4, Wiley, DOCX and Markdown alike).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _entries() -> list[str]:
    return [
        f"{i}. Author A, Other B. A study of thing {i}. J Chem. 20{10 + i};{i}:1-9."
        for i in range(1, 15)
    ]


def _codes(path: Path) -> list[str]:
    return [f.code for f in audit(AuditInput.from_paths([path])).findings]


def test_markdown_nucleus_pair_is_no_citation(tmp_path: Path) -> None:
    text = (
        "Coupling was seen in the ^1^H,^15^N HMBC spectra of the complex, as reported"
        " before.^1-14^\n\n# References\n\n" + "\n".join(_entries()) + "\n"
    )
    path = tmp_path / "m.md"
    path.write_text(text, encoding="utf-8")
    assert "CIT002" not in _codes(path)


def test_docx_nucleus_pair_is_no_citation(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph("Coupling was seen in the ")
    for text, raised in (
        ("1", True),
        ("H,", False),
        ("15", True),
        ("N HMBC spectra of the complex, as reported before.", False),
        ("1-14", True),
    ):
        paragraph.add_run(text).font.superscript = raised
    document.add_heading("References", level=1)
    for entry in _entries():
        document.add_paragraph(entry)
    path = tmp_path / "m.docx"
    document.save(str(path))
    assert "CIT002" not in _codes(path)


def test_a_citation_after_a_comma_still_counts(tmp_path: Path) -> None:
    """The guard: a superscript after a word's comma, a space after it, still cites."""
    text = (
        "As shown before,^15^ the effect holds.^1-14^\n\n# References\n\n"
        + "\n".join(_entries())
        + "\n"
    )
    path = tmp_path / "m.md"
    path.write_text(text, encoding="utf-8")
    assert "CIT002" in _codes(path)
