"""Class RG: an entry that is a legal act named by its type and number ("Verordnung (EU)
2023/9999 des Europäischen Parlaments ...", "Regulation (EU) 2016/679 of ...",
"Directive 2009/28/EC ...", "Règlement (UE) ...", "Reglamento (UE) ...") has no personal
authors: the free-text parser made people of its words ("Parlaments & vom 13") or one
"organisation" of its whole name, and a citation of it was a false "name mismatch".
The act's name is its title; an author named "Regulation" stays a person."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=1, location=Location("f", 1))


@pytest.mark.parametrize(
    ("entry", "title_start", "year"),
    [
        (
            "Richtlinie (EU) 2031/77 des Europäischen Parlaments und des Rates vom 4. März "
            "2031 über Testdaten. ABl. L 77.",
            "Richtlinie (EU) 2031/77 des Europäischen Parlaments",
            2031,
        ),
        (
            "Regulation (EU) 2030/412 of the European Parliament and of the Council of 9 May "
            "2030 on sample registries. OJ L 412.",
            "Regulation (EU) 2030/412 of the European Parliament",
            2030,
        ),
        (
            "Directive 2008/61/EC of the European Parliament and of the Council of 2 June 2008 "
            "on imaginary meters. OJ L 61.",
            "Directive 2008/61/EC",
            2008,
        ),
        (
            "Règlement (UE) 2029/15 du Parlement européen et du Conseil du 3 juin 2029 "
            "relatif aux essais fictifs. JO L 15.",
            "Règlement (UE) 2029/15 du Parlement européen",
            2029,
        ),
        (
            "• Reglamento (UE) 2028/33 del Parlamento Europeo y del Consejo de 5 de abril de "
            "2028 relativo a los ensayos. DO L 33.",
            "Reglamento (UE) 2028/33 del Parlamento Europeo",
            2028,
        ),
    ],
)
def test_legal_act_has_no_personal_authors(entry: str, title_start: str, year: int) -> None:
    ref = _parse(entry)
    assert ref.authors == ()
    assert ref.title is not None and ref.title.startswith(title_start)
    assert ref.year == year


def test_an_author_named_like_an_act_stays_a_person() -> None:
    ref = _parse("Regulation, J. (2020). Directive thinking in practice. Pub.")
    assert [a.family for a in ref.authors] == ["Regulation"]
