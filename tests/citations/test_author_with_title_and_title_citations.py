"""An author with a title fragment before the year, "(Cleveland, Visualizing data
1993)", a work with no personal author cited by its title's first words, "(Oxford
English Dictionary, 2020)", and a work cited by its title in italics, "as *The
Wealth of Nations* shows" (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def links(text: str, refs: list[Reference]) -> list[tuple[str, tuple[str, ...]]]:
    kept, matches = match_citations(extract_citations(document(text)), refs)
    return [(c.item, m.targets) for c, m in zip(kept, matches, strict=True)]


def titled(index: int, raw: str, year: int, title: str | None = None) -> Reference:
    """An entry with no personal author: the list reader takes its title for one."""
    head = raw.split(".")[0]
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("refs", index),
        raw=raw,
        authors=(Person(head, organisation=True),),
        year=year,
        title=title,
    )


def test_author_then_title_words_then_year_cites_the_author() -> None:
    refs = [reference(1, "Clevedon", year=1993), reference(2, "Tarvo", year=1983)]
    refs.append(reference(3, "Bertel", year=1967))
    text = (
        "Graphs (Clevedon, Visualizing data 1993) and (Tarvo, The visual display 1983) "
        "and (Bertel, Semiology of graphics, 1967) help."
    )
    assert [targets for _, targets in links(text, refs)] == [("ref-1",), ("ref-2",), ("ref-3",)]


def test_author_then_title_is_weak_never_missing_on_its_own() -> None:
    found = extract_citations(document("Graphs (Clevedon, Visualizing data 1993) help."))
    assert [(c.authors, c.year, c.certainty) for c in found] == [
        (("Clevedon",), 1993, Certainty.WEAK)
    ]
    assert links("Graphs (Clevedon, Visualizing data 1993) help.", []) == []


def test_names_and_lower_case_leads_are_not_titles() -> None:
    found = extract_citations(document("(Lee, Park and Kim 2019) (in Paris, the city 1998)"))
    assert [(c.authors, c.certainty) for c in found] == [(("Lee", "Park", "Kim"), Certainty.SURE)]


def test_a_work_without_author_is_cited_by_its_titles_first_words() -> None:
    refs = [
        titled(1, "The Oxford English Dictionary online. 2020. Oxford University Press.", 2020),
        titled(2, "The Chicago manual of style: 17th edition. (2017). Chicago Press.", 2017),
    ]
    text = "Words (Oxford English Dictionary, 2020) and style (Chicago Manual of Style, 2017)."
    assert [targets for _, targets in links(text, refs)] == [("ref-1",), ("ref-2",)]


def test_title_openings_need_the_year_two_words_and_no_personal_author() -> None:
    oed = titled(1, "The Oxford English Dictionary online. 2020. Oxford University Press.", 2020)
    person = Reference(
        id="ref-2",
        index=2,
        location=Location("refs", 2),
        raw="Oxford, A. (2020). English dictionaries. Lexis, 3, 1-9.",
        authors=(Person("Oxford", "A."),),
        year=2020,
    )
    assert links("(Oxford English Dictionary, 2019)", [oed]) == [
        ("Oxford English Dictionary, 2019", ())
    ]
    assert links("(Oxford English, 2020)", [person]) == [("Oxford English, 2020", ())]
    other = titled(3, "The Oxford English Dictionary online. 2020. Second printing.", 2020)
    assert links("(Oxford English Dictionary, 2020)", [oed, other]) == [
        ("Oxford English Dictionary, 2020", ())
    ]


_TITLED_PAPER = """# Markets

As *The Wealth of Cities* shows, markets work, and _Thinking Slowly and Well_ agrees.
The species *Aus bus* and the **Important Remark** are no citations.

## References

Smithers, A. (1776). The wealth of cities. London: Strahan.

Thinking slowly and well: a primer. (2011). New York: Farrar.

Lowe, B. (2011). Important remarks on water. Water, 3, 1-9.
"""


def _audit_rules(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return [f"{f.code} {f.message[:40]}" for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_a_work_cited_by_its_title_in_italics_is_cited(tmp_path: Path) -> None:
    # Lowe's entry is not cited ("Important Remark" is no whole title nor an opening)
    assert _audit_rules(tmp_path, _TITLED_PAPER) == [
        "CIT001 Lowe (2011) is in the reference list but"
    ]


def test_an_italic_phrase_is_no_citation_without_an_entry(tmp_path: Path) -> None:
    text = _TITLED_PAPER.replace("*The Wealth of Cities*", "*The Wealth of Towns*")
    assert [r[:6] for r in _audit_rules(tmp_path, text)] == ["CIT001", "CIT001"]


def test_a_quoted_title_in_the_author_slot_is_read_whole() -> None:
    """APA cites a work with no author by its quoted title (review of real Word
    manuscripts): ("Handbook of Sensing," 2010)."""
    refs = [titled(1, "Handbook of Sensing. (2010). In Handbook of Sensing. Springer.", 2010)]
    text = 'Accuracy is defined in the handbook ("Handbook of Sensing," 2010).'
    assert [targets for _, targets in links(text, refs)] == [("ref-1",)]
    curly = extract_citations(document("(“Handbook of Sensing,” 2010)"))
    assert [c.authors for c in curly] == [("Handbook of Sensing",)]
