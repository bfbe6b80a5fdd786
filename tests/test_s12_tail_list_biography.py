"""An author's biography closing a manuscript is no entry of the headless list before it.

Why: with no heading, the list is the run of dated paragraphs ending the text
(markdown_tail_list). A closing biography ("Ana Lee is a researcher at the Example
Institute since 2010, working on soils.") is dated and opens with a name, so it read as
the list's last entry -- "never cited". A person's name followed by the verb that says
who they are ("is", "was", "é", "es", "ist", "est" ...) opens a sentence, never an
entry. Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript

ENTRIES = [
    "Lee, A. (2001). Title one. *Journal A*, 1, 1-2.",
    "Kim, C. (2005). Title three. *Journal C*, 3, 5-6.",
    "Paz, D. (2009). Title four. *Journal D*, 4, 7-8.",
]


def _paper(tmp_path: Path, closing: str) -> Path:
    body = (
        "# Introduction\n\nEarlier work (Lee, 2001; Kim, 2005; Paz, 2009).\n\n"
        "# Conclusion\n\nWe conclude that the approach is sound.\n\n"
    )
    path = tmp_path / "paper.md"
    path.write_text(body + "\n\n".join([*ENTRIES, closing]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "closing",
    [
        "Ana Lee is a researcher at the Example Institute since 2010, working on soils.",
        "Carlos M. Paz was born in 1970 and teaches ecology at Example University.",
        "Ana Lee é professora da Universidade Exemplo desde 2010.",
        "Ana Lee es investigadora del Instituto Ejemplo desde 2010.",
        "Ana Lee ist seit 2010 Professorin an der Beispiel-Universität.",
        "Ana Lee est chercheuse à l'Institut Exemple depuis 2010.",
    ],
)
def test_a_closing_biography_is_no_entry(tmp_path: Path, closing: str) -> None:
    entries = read_manuscript(_paper(tmp_path, closing)).reference_entries
    assert [e.location.line for e in entries] == [9, 11, 13]


def test_an_entry_whose_title_opens_with_is_stays(tmp_path: Path) -> None:
    """An entry opens with its author and a comma or full stop before any verb."""
    last = "Roe, B. (2010). Is this the end? *Journal E*, 5, 9-10."
    entries = read_manuscript(_paper(tmp_path, last)).reference_entries
    assert [e.location.line for e in entries] == [9, 11, 13, 15]
