"""A Makefile that names pandoc's bibliography through a variable (survey 11's class MK).

An ecology paper's Makefile set ``BIB=references.json`` and ran ``pandoc ...
--bibliography $(BIB)``: the name was skipped as "made of a variable", and the paper had
"92 citations but no reference list". A name that is one variable as a whole is the one
word the same file assigns it; anything else built of variables is still not guessed.
All inputs are made up.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.project_config import read_project_config


def _names(tmp_path: Path, makefile: str) -> list[str]:
    (tmp_path / "Makefile").write_text(makefile, encoding="utf-8")
    config = read_project_config(tmp_path)
    return [] if config is None else [n.name for n in config.bibliographies]


def test_make_variable_in_parentheses(tmp_path: Path) -> None:
    text = "BIB=refs.json\nPFLAGS= --citeproc --bibliography $(BIB) --csl x.csl\n"
    assert _names(tmp_path, text) == ["refs.json"]


def test_braced_variable_with_a_colon_assignment(tmp_path: Path) -> None:
    text = "BIB := refs.bib\nall:\n\tpandoc p.md --bibliography=${BIB} -o p.pdf\n"
    assert _names(tmp_path, text) == ["refs.bib"]


def test_the_last_assignment_counts(tmp_path: Path) -> None:
    text = "BIB = old.bib\nBIB = new.bib  # the one in use\nall:\n\tpandoc --bibliography $(BIB)\n"
    assert _names(tmp_path, text) == ["new.bib"]


def test_name_line_is_that_of_the_option(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text(
        "BIB=refs.json\n\nall:\n\tpandoc --bibliography $(BIB)\n", encoding="utf-8"
    )
    config = read_project_config(tmp_path)
    assert config is not None
    assert [(n.name, n.line) for n in config.bibliographies] == [("refs.json", 4)]


def test_variable_joined_to_text_is_not_guessed(tmp_path: Path) -> None:
    text = "DIR=bib\nall:\n\tpandoc --bibliography $(DIR)/refs.bib\n"
    assert _names(tmp_path, text) == []


def test_unassigned_or_computed_variable_is_not_guessed(tmp_path: Path) -> None:
    assert _names(tmp_path, "all:\n\tpandoc --bibliography $(BIB)\n") == []
    computed = "BIB=$(wildcard *.bib)\nall:\n\tpandoc --bibliography $(BIB)\n"
    assert _names(tmp_path, computed) == []
