"""A numbered citation glued to a word of a script with no capitals: Chinese and
Japanese write no spaces, so every bracket follows a character ("进程加快[1]。"); Korean
and Thai often glue it too. Indexing ("x[2]", "v[3]") stays no citation. The text is
made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from tests.citations.helpers import numbered


def _numbers(text: str) -> list[int]:
    return sorted(c.number for c in extract_citations(numbered(text)) if c.number is not None)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("近年来，城市化进程加快[1]。交通拥堵与经济增长相关[2-4]。", [1, 2, 3, 4]),
        ("先行研究では指摘されている[5]。また、別の見方もある[6,7]。", [5, 6, 7]),
        ("최근 연구에 따르면 도시화가 가속되고 있다[1]. 관련이 있다[2,3].", [1, 2, 3]),
        ("งานวิจัยก่อนหน้า[4] แสดงให้เห็น", [4]),
    ],
)
def test_a_bracket_glued_to_a_caseless_word_is_a_citation(text: str, numbers: list[int]) -> None:
    assert _numbers(text) == numbers


def test_indexing_in_latin_letters_stays_no_citation() -> None:
    assert _numbers("The vector x[2] and the value v[3] were set.") == []
