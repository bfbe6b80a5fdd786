"""Author names the group parser dropped or cut (made-up names throughout).

* Two organisations joined by a slash author one work: "Northern Soil Trust /
  Institute for Coastal Studies" is one author (the connector "for" cut it to
  "Coastal Studies"), and the years after it, even with no name of their own
  ("2007; 2010;2011"), are its works.
* An Arabic article joined by a hyphen opens a name in lower case: "el-Qasim",
  "al-Harbi" are names, with "et al." too.
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.item_parser import parse_group
from citeaudit.matching.citations import match_citations
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference

_JOINT = "Northern Soil Trust / Institute for Coastal Studies"


def authors(content: str) -> list[tuple[tuple[str, ...], bool, list[int | None]]]:
    return [(w.authors, w.et_al, [label.year for label in w.labels]) for w in parse_group(content)]


def cited(text: str, refs: list[Reference]) -> set[str]:
    _kept, matches = match_citations(extract_citations(document(text)), refs)
    return {t for m in matches for t in (*m.targets, *m.year_mismatch)}


def test_organisations_joined_by_a_slash_are_one_author() -> None:
    for written in (_JOINT, _JOINT.replace(" / ", "/")):
        assert authors(f"{written}, 2007; 2010;2011; Varga et al., 2015") == [
            ((written,), False, [2007, 2010, 2011]),
            (("Varga",), True, [2015]),
        ]


def test_a_joint_organisation_cites_its_entry() -> None:
    refs = [
        reference(1, _JOINT, year=2007, organisation=True, raw=f"{_JOINT}. 2007. Soils."),
    ]
    assert cited(f"Soils erode ({_JOINT}, 2007).", refs) == {"ref-1"}


def test_slashed_single_words_are_left_to_the_other_readings() -> None:
    assert [a for a, _e, _y in authors("Lund/Berg, 2001")] == [("Lund/Berg",)]


def test_a_hyphenated_arabic_article_opens_a_name() -> None:
    assert authors("el-Qasim et al., 1988; al-Harbi, 2010") == [
        (("el-Qasim",), True, [1988]),
        (("al-Harbi",), False, [2010]),
    ]
    refs = [reference(1, "el-Qasim", "Dunne", "Ware", year=1988)]
    assert cited("Repair fails without it (el-Qasim et al., 1988).", refs) == {"ref-1"}
    assert cited("As el-Qasim et al. (1988) showed, repair fails.", refs) == {"ref-1"}
