"""Where a reference list ends without a heading, and which lines carry on an entry
(see citeaudit.manuscript.list_tail). Every name, title and year here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.list_tail import dated, ends_list, opens_with_person
from citeaudit.manuscript.reference_section import find_reference_section, split_entries


def _lines(*texts: str) -> list[Line]:
    return [Line("p.md", n, t) for n, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    "text",
    [
        "Disclaimer/Publisher’s Note: The statements are solely those of the authors.",
        "Publisher's Note: Springer stays neutral.",
        "© 2031 by the authors. Licensee Made-up Press.",
        "Conflicts of Interest: The authors declare none.",
        "Author Contributions: Conceptualization, A.B.; writing, C.D.",
        "Received: 3 May 2031; Accepted: 9 June 2031",
        "Figure 2. Rainfall in the made-up valley.",
        "Table S1: Made-up counts.",
        "Conflitos de interesse: nenhum.",
        "Agradecimientos: a los revisores.",
    ],
)
def test_back_matter_ends_a_list(text: str) -> None:
    assert ends_list(text)


@pytest.mark.parametrize(
    "text",
    [
        "Figueroa, A. (2019). Tables of tides. Journal, 3.",
        "Received Wisdom Group. (2020). Report.",
        "Funding Agency of Nowhere (2018). Annual report.",
        "Tableau, M. (2017). Paintings. Press.",
    ],
)
def test_entries_that_start_with_such_words_are_entries(text: str) -> None:
    assert not ends_list(text)


def test_a_list_ends_at_unheaded_back_matter_which_is_body_again() -> None:
    lines = _lines(
        "Body (Okafor, 2018).",
        "# References",
        "Okafor, N. (2018). A made-up paper. Journal, 1.",
        "Berg, L. (2020). A made-up book. Press.",
        "Disclaimer/Publisher’s Note: The statements are solely those of the authors.",
        "Figure 1. A map after Berg (2020).",
    )
    section = find_reference_section(lines)
    assert section is not None and len(section.entries) == 2 and section.end == 4


def test_an_undated_paragraph_in_a_dated_list_continues_the_entry_before() -> None:
    entries = split_entries(
        _lines(
            "Berg, L., Marr, T., & Ash, P. (2020).",
            "Second-order tides: Made-up rigor. Harbour Letters, 13 (3), e12.",
            "Okafor, N. (2018). A made-up paper. Journal of Things, 4, 1-2.",
            "Tan, W. (2001). A made-up book (2nd ed.).",
            "Boca Nueva: Lantern Press.",
            "Vidal, R. (2019). Another made-up paper. Journal of Things, 4, 1-2.",
        )
    )
    assert [e.text.split(",")[0] for e in entries] == ["Berg", "Okafor", "Tan", "Vidal"]


def test_an_undated_entry_of_a_person_stays_an_entry() -> None:
    entries = split_entries(
        _lines(
            "Berg, L. (2020). A made-up book. Press.",
            "Okafor, N. (2018). A made-up paper. Journal of Things, 4, 1-2.",
            "Lund, K. A made-up page with no date. Harbour Web.",
            "Tan, W. (2001). A made-up book (2nd ed.). Press.",
            "Vidal, R. (2019). Another made-up paper. Journal of Things, 4, 1-2.",
        )
    )
    assert len(entries) == 5
    assert opens_with_person("Lund, K. A made-up page") and not opens_with_person(
        "Boca Nueva: Press"
    )
    assert dated("Kessel, A. (under review). Title.") and not dated("Boca Nueva: Press.")
