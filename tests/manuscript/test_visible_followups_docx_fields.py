"""A Word citation field whose shown text holds invisible characters is still found
in its paragraph, which is read as seen: the field's code, not the text, says what is
cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.manuscript.test_docx_citation_fields import (
    QUENBY,
    VASQUEZ,
    complex_field,
    csl_code,
    manuscript,
    rules,
    run,
    simple_field,
)
from tests.manuscript.test_docx_reader import para


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufe0f"])
def test_a_field_whose_shown_text_holds_an_invisible_character(tmp_path: Path, hidden: str) -> None:
    # shown text edited by hand (misspelt, wrong year): only the code is right
    shown = f"(Quen{hidden}bi 2016; Vas{hidden}kez 2018)"
    path = manuscript(
        tmp_path,
        para(run(f"Ice{hidden} shrank "), complex_field(csl_code([QUENBY, VASQUEZ]), shown)),
        para(run("And a third one, cited by hand (Ibsen, 2020).")),
    )
    assert rules(path) == []


def test_a_simple_field_with_an_invisible_character(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(run("Ice "), simple_field(csl_code([QUENBY]), "(Quen\u200bbie and Marsh 2014)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert rules(path) == []
