"""Personal communications and observations are named and dated but never listed:
neither citations nor missing references (made-up names throughout)."""

from __future__ import annotations

from citeaudit.manuscript.citations.item_parser import parse_group


def years(content: str) -> list[tuple[tuple[str, ...], list[int | None]]]:
    return [(w.authors, [label.year for label in w.labels]) for w in parse_group(content)]


def test_a_communication_to_someone_is_no_work_of_theirs() -> None:
    assert years("KT Ralls and PB Odum, pers. comm. to M Vesk, 2012") == []


def test_every_language_and_an_observation_after_the_year() -> None:
    for content in (
        "Ruiz, com. pers. 2011",
        "Lemos, comunicação pessoal, 2010",
        "Ruiz 2011, pers. obs.",
        "Ruiz 2011, personal observation",
    ):
        assert years(content) == [], content


def test_the_other_works_of_the_group_stay() -> None:
    assert years("Lund 2012; Ruiz, pers. comm. 2011") == [(("Lund",), [2012])]
    assert years("Lund 2012, Ruiz pers. comm. 2011") == [(("Lund",), [2012])]
    # names that merely start like the markers are names
    assert years("Persson 2010; Comstock 2011") == [(("Persson",), [2010]), (("Comstock",), [2011])]
