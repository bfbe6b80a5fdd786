"""One DOI under entries that are not one work: a wrong DOI, or a book and its chapters.

Made-up entries modelled on reference-manager libraries (issue 12): a placeholder DOI
filled in for unrelated papers, a chapter giving its book's DOI.
"""

from __future__ import annotations

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model import Location, Person, Reference
from citeaudit.rules.bibliography.duplicate_reference import DuplicateReference

_DOI = "10.9999/placeholder.004"


def ref(
    rid: str,
    line: int,
    families: tuple[str, ...],
    title: str,
    *,
    year: int = 2011,
    kind: str = "article",
    doi: str | None = _DOI,
    **fields: object,
) -> Reference:
    return Reference(
        id=rid,
        index=line,
        location=Location("refs.bib", line),
        raw=f"@{kind}{{{rid}, ...}}",
        key=rid,
        kind=kind,
        authors=tuple(Person(f, "A.") for f in families),
        year=year,
        title=title,
        doi=doi,
        **fields,  # type: ignore[arg-type]
    )


def check(*refs: Reference) -> list[str]:
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", refs),),
        citations=(),
        matches=(),
    )
    return [f.message for f in DuplicateReference().check(data)]


def test_unrelated_papers_sharing_a_doi_are_a_wrong_doi_not_one_work() -> None:
    [message] = check(
        ref("quill2011", 3, ("Quill", "Arden"), "Seed rain in grassland mosaics of the south"),
        ref(
            "brack2013", 9, ("Brack", "Nolte"), "Weed indices in irrigated barley fields", year=2013
        ),
    )
    assert "same work" not in message
    assert f"share DOI {_DOI}" in message and "different works" in message
    assert "[brack2013]" in message and "line 3" in message


def test_a_doi_given_to_three_works_is_one_finding_and_true_repeats_stay_duplicates() -> None:
    messages = check(
        ref("quill2011", 3, ("Quill",), "Seed rain in grassland mosaics of the south"),
        ref("brack2013", 9, ("Brack",), "Weed indices in irrigated barley fields", year=2013),
        ref("orme2016", 15, ("Orme", "Hale"), "A northern refuge for boreal trees", year=2016),
        ref("quill2011b", 21, ("Quill",), "Seed rain in grassland mosaics of the south."),
    )
    shared = [m for m in messages if "share DOI" in m]
    same = [m for m in messages if "same work" in m]
    assert len(shared) == 1 and "1 more work gives it too" in shared[0]
    assert "[orme2016] at line 15" in shared[0]
    assert len(same) == 1 and "[quill2011b]" in same[0] and "[quill2011]" in same[0]


def test_same_doi_with_translated_title_or_reordered_authors_is_still_one_work() -> None:
    # the title in two languages, the authors the same: a duplicate
    [translated] = check(
        ref("lima2010", 3, ("Lima", "Souto"), "Evolucao da resposta de populacoes de ameixeira"),
        ref("lima2010a", 9, ("Lima", "Souto"), "Response of segregating plum populations"),
    )
    assert "same work" in translated
    # another first author (a mangled list), but authors in common: a duplicate
    [mangled] = check(
        ref("pardo2009", 3, ("Pardo", "Viana"), "Estrutura demografica de uma populacao"),
        ref("festa2009", 9, ("Festa", "Pardo", "Viana"), "Demographic structure of a population"),
    )
    assert "same work" in mangled
    # a title cut before its subtitle, authors with a particle: a duplicate
    [cut] = check(
        ref("reis2014", 3, ("Reis",), "Landscapes with pines: evidence for a cultural dimension"),
        ref("reis2014a", 9, ("dos Reis",), "Landscapes with pines"),
    )
    assert "same work" in cut


def test_a_chapter_giving_its_books_doi_is_no_duplicate() -> None:
    book = ref("gray2013", 3, ("Gray", "Carr"), "Bayesian modelling", kind="book", year=2013)
    chapter = ref(
        "gray2013ch4",
        9,
        ("Gray", "Carr"),
        "Chapter 4: Asymptotics",
        kind="chapter",
        year=2013,
        container="Bayesian modelling",
    )
    other_chapter = ref(
        "gray2013ch5", 15, ("Gray",), "Chapter 5: Hierarchical models", kind="chapter", year=2013
    )
    assert check(book, chapter, other_chapter) == []
    # the same chapter listed twice is still a duplicate
    [again] = check(
        book,
        chapter,
        ref(
            "gray2013ch4b",
            20,
            ("Gray", "Carr"),
            "Chapter 4: Asymptotics",
            kind="chapter",
            year=2013,
        ),
    )
    assert "same work" in again and "[gray2013ch4b]" in again


def test_placeholder_titles_or_other_years_with_no_author_in_common_are_not_one_work() -> None:
    messages = check(
        ref("quill2011", 3, ("Quill",), "Seed rain in grassland mosaics of the south"),
        ref("moss2013", 9, ("Moss",), "No Title No Title", year=2013),
        ref("dunn2019", 15, ("Dunn",), "No Title No Title", year=2019),
        ref("hart2013", 21, ("Hart",), "No Title No Title", year=2013),
    )
    assert not any("same work" in m for m in messages)
    [shared] = messages
    assert "3 more works give it too" not in shared and "2 more works give it too" in shared
