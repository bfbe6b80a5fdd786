"""Survey 12 (real manuscripts, benches/REAL_MANUSCRIPTS_12.md): the false-finding
classes fixed in citation reading, each shown on a made-up example of the same shape.

* SP -- pandoc keys in one bracket parted by blanks alone, "[@a @b @c]": pandoc prints
  every one (a Spanish geomorphology paper's two entries were "never cited").
* PP -- a prefix that is one mark glued to the key, "[=@key]": pandoc reads "=" as the
  prefix and the key as a citation (a Portuguese paper's entry "never cited").
* PC -- a picture's credit, "Foto: [Tomás K., 2009](url)" in a figure's caption: the
  photographer and the year, no work the list must hold (a false missing reference).
* FR -- a citation whose footnote is its reference, "Okafor et al. (2011)[^1]" with
  "[^1]: Okafor, Ada; ...": an article citing in notes, with no list (a false
  missing reference).
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document

# -- SP / PP: pandoc brackets ---------------------------------------------------------


def _keys(text: str) -> list[str | None]:
    return [c.key for c in extract_citations(document(text)) if c.command == "pandoc"]


def test_sp_keys_parted_by_blanks_alone_each_cite() -> None:
    text = "The order of the streams is constant [@rook2008 @lindo2016conceptos @ivar2011]."
    assert _keys(text) == ["rook2008", "lindo2016conceptos", "ivar2011"]


def test_sp_a_key_after_words_in_the_suffix_cites() -> None:
    assert _keys("As measured [@rook2008, and later @lindo2016].") == ["rook2008", "lindo2016"]


def test_sp_guard_an_address_or_a_cross_reference_in_the_bracket_is_no_key() -> None:
    assert _keys("See [@rook2008 @fig-map]") == ["rook2008"]
    assert _keys("[@rook2008, mail ana@example.org]") == ["rook2008"]


def test_pp_a_mark_glued_before_the_key_is_the_prefix() -> None:
    text = "authors such as Rook and Vale [=@rook:1992casas] and @moura:1995casas."
    assert _keys(text) == ["rook:1992casas", "moura:1995casas"]


def test_pp_guard_a_word_glued_before_the_at_is_no_key() -> None:
    assert _keys("[mail ana@example.org]") == []


# -- PC: a picture's credit ----------------------------------------------------------


def _author_year(text: str) -> list[tuple[tuple[str, ...], int | None, Certainty]]:
    return [
        (c.authors, c.year, c.certainty)
        for c in extract_citations(document(text))
        if c.command is None and c.year is not None
    ]


def test_pc_photo_credit_in_a_figure_caption_is_weak() -> None:
    text = (
        "![A farm in the hills. Foto: [Tomás K., 2009](https://commons.example.org/wiki/"
        "File:Farm.jpg)](https://upload.example.org/farm.jpg){#fig:farm}"
    )
    assert [c[2] for c in _author_year(text)] == [Certainty.WEAK]


def test_pc_photo_credit_in_parentheses_is_weak() -> None:
    text = "The yard (Photo: Lindqvist, 2019) is paved."
    assert _author_year(text) == [(("Lindqvist",), 2019, Certainty.WEAK)]


def test_pc_guard_a_source_or_a_plain_citation_stays_sure() -> None:
    assert _author_year("The yard is paved (Lindqvist, 2019).") == [
        (("Lindqvist",), 2019, Certainty.SURE)
    ]
    # a photographer named as a word's end is no cue: "autofoto:" is not "foto:"
    assert _author_year("The yard is paved (autofoto: Lindqvist, 2019).")[0][2] is Certainty.SURE


# -- FR: the footnote is the reference ---------------------------------------------------

_NOTED = """The index follows Okafor et al. (2011)[^1] closely, as in (Berger et al., 2015).[^2]

[^1]: Okafor, Ada; Lind, Bo; Rees, Cy: A comparison of search indexes. http://example.org/a.pdf
[^2]: Berger, Tom: Indexes compared. http://example.org/c
"""


def test_fr_citation_whose_note_gives_its_source_is_weak() -> None:
    cits = _author_year(_NOTED)
    assert cits == [
        (("Okafor",), 2011, Certainty.WEAK),
        (("Berger",), 2015, Certainty.WEAK),
    ]


def test_fr_guard_a_note_about_something_else_leaves_the_citation_sure() -> None:
    text = (
        "The index follows Okafor et al. (2011)[^1] closely.\n\n"
        "[^1]: The survey ran in two rounds, see the appendix.\n"
    )
    assert _author_year(text) == [(("Okafor",), 2011, Certainty.SURE)]
