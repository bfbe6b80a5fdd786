"""The PDF reader's quick refusal of lines that cannot head a reference list.

`pdf._may_name_list` is asked of every line before a list found; it refuses plain
ASCII lines holding none of the known titles' longest words without running the full
title test. The refusal must never hide a title the full test accepts.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.pdf import _may_name_list
from citeaudit.manuscript.reference_section import REFERENCE_TITLES, is_reference_title


def _forms(title: str) -> list[str]:
    upper = title.upper()
    capital = title[:1].upper() + title[1:]
    return [title, upper, capital, f"7. {capital}", f"{upper}:", f"**{capital}**", f"  {title}  "]


@pytest.mark.parametrize("title", sorted(REFERENCE_TITLES))
def test_every_known_title_passes(title: str) -> None:
    for text in _forms(title):
        assert _may_name_list(text) == is_reference_title(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Referências",  # accents: the full test folds them
        "R&eacute;f&eacute;rences",  # an entity markup stripping turns into a letter
        "Refer*ences*",  # emphasis inside the word
        "Re\u0301fe\u0301rences",  # combining accents
        "BIBLIOGRAFÍA",
    ],
)
def test_titles_the_quick_test_cannot_read_go_to_the_full_test(text: str) -> None:
    assert _may_name_list(text) == is_reference_title(text)


def test_body_lines_are_refused() -> None:
    for text in (
        "we used the method of Smith et al. (2019) to estimate",
        "the sources of the data are given in Table 2",  # a title's word, not a title
        "“quoted” text – with a dash",
        "",
    ):
        assert _may_name_list(text) is False
