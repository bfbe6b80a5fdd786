"""A Word file given as the bibliography (`--bib refs.docx`): its reference list is read.

Editors get a manuscript and, separately, its reference list as a Word file; that list
is read as a pasted list is, so the citations are checked against it (it used to be
"not a text file", every citation unchecked and the run failing with exit 2).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from citeaudit.audit import AuditInput, audit


def _word(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.mark.parametrize("name", ["refs.docx", "refs.bin"])  # by suffix, or by content
def test_a_word_reference_list_is_the_bibliography(tmp_path: Path, name: str) -> None:
    paper = _word(tmp_path / "paper.docx", ["Rivers flood (Smith, 2019; Okafor, 2021)."])
    refs = _word(
        tmp_path / name,
        [
            "References",
            "Smith, J. (2019). Rivers of the north. Journal of Water, 3(2), 1-10.",
            "Lee, K. (2020). Floods and people. Water Review, 4, 5-9.",
        ],
    )
    result = audit(AuditInput((paper,), (refs,)))
    assert [len(b.references) for b in result.data.bibliographies] == [2]
    found = sorted((f.rule, f.message) for f in result.findings)
    assert [rule for rule, _ in found] == ["missing-reference", "uncited-reference"], found
    assert "Okafor" in found[0][1] and "Lee" in found[1][1]
