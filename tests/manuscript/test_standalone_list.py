"""Telling a bare reference list from a manuscript's text, and reading pasted lists."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.reference_list import reference_list_from_text
from citeaudit.errors import InputError
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.standalone_list import looks_like_reference_list


def lines(text: str) -> list[Line]:
    return [Line("f.txt", n, t) for n, t in enumerate(text.splitlines(), start=1)]


LISTS = [
    "1. Smith J, Jones K. Effects of aspirin on stroke. Lancet. 2019;393:123-30.\n"
    "2. World Health Organization. Global report on diabetes. Geneva: WHO; 2016.\n"
    "3. Park S, Kim H. Statins and mortality. BMJ. 2020;368:m123.\n",
    '[1] A. Author and B. Writer, "A title," IEEE Trans. X, vol. 3, pp. 1-9, 2018.\n'
    "[2] C. Person, Some Book. New York: Wiley, 2001.\n",
    "SILVA, J.; COSTA, M. Titulo do artigo. Revista Brasileira, v. 3, n. 2, p. 10-20, 2018.\n"
    "SOUZA, A. Livro de exemplo. 2. ed. Sao Paulo: Atlas, 2010.\n"
    "PEREIRA, L. Outro titulo. Rio de Janeiro: Editora, 2015.\n",
    "# My references\n\nLee, K. (2020). A book. Press.\n\n"
    "Kim, J. (2019). A paper. Journal, 1, 2-3.\n\n"
    "Park, S. (2018). Another. Journal, 2, 4-5.\n\nChoi, H. (2017). More. Journal, 3, 6-7.\n",
]
NOT_LISTS = [
    "",
    "Smith, J. (2019). Only one entry. Journal.\n",
    "This study examines rivers. We build on Smith (2019) and others.\n\n"
    "In the second part we discuss floods in 2020 and their effects on towns.\n\n"
    "Finally, the results show that terraces matter (Lee, 2020).\n",
    "Smith (2019) argued that rivers shape towns, and this paragraph goes on for a while "
    "with many words that no reference would hold, because it is the text of a paper. "
    * 30
    + "\n\n"
    + "Lee (2020) replied at similar length, with words of a paper. " * 60
    + "\n",
    "Smith (2020) says so \\cite{k}.\n" * 20,
    "Smith (2020) says so [@k].\n" * 20,
    "Hart, J. (2019) found that rivers move.\n\nLee, K. (2020) showed this was wrong, and we"
    " agree.\n\nKim, S. (2021) cites them (Hart, 2019; Lee 2020).\n",
]


@pytest.mark.parametrize("text", LISTS)
def test_bare_lists_are_recognised(text: str) -> None:
    assert looks_like_reference_list(lines(text))


@pytest.mark.parametrize("text", NOT_LISTS)
def test_prose_and_single_lines_are_not_lists(text: str) -> None:
    assert not looks_like_reference_list(lines(text))


def test_pasted_text_becomes_a_bibliography() -> None:
    bib = reference_list_from_text(LISTS[0], source="pasted")
    assert [r.year for r in bib.references] == [2019, 2016, 2020]
    assert bib.source == "pasted" and bib.references[1].location.line == 2
    with pytest.raises(InputError):
        reference_list_from_text("  \n\n")
