"""Names citeproc and short surnames write, matched to the right entry (made up).

CA: citeproc tells apart two first authors of one family name by their given names
("(Dan E. Kay 2003)" beside Kay, D. E. and Kay, D. F.), and works of one first author
by the co-authors ("(Anna B. Roe, Poe, et al. 2000)", the entry's second author
"C. Robert Poe"). X1: one-letter surnames ("V, M. G.") are names like any other.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference


def _findings(
    tmp_path: Path, body: str, entries: list[str]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    texts = {c.id: c.text for c in result.data.citations}
    linked = {texts[m.citation_id]: m.targets for m in result.data.matches}
    return linked, sorted(f.code for f in result.findings if f.code.startswith("CIT"))


def test_ca_every_given_initial_tells_two_namesakes_apart(tmp_path: Path) -> None:
    linked, codes = _findings(
        tmp_path,
        "One view (Dan E. Kay 2003); another (Dan F. Kay 2003).",
        [
            "Kay, D. E. (2003). Work seven. Journal, 1, 7.",
            "Kay, D. F. (2003). Work eight. Journal, 1, 8.",
        ],
    )
    assert linked == {"(Dan E. Kay 2003)": ("ref-1",), "(Dan F. Kay 2003)": ("ref-2",)}
    assert codes == []


def test_ca_a_plain_name_of_two_namesakes_stays_ambiguous(tmp_path: Path) -> None:
    _, codes = _findings(
        tmp_path,
        "One view (Kay 2003).",
        [
            "Kay, D. E. (2003). Work seven. Journal, 1, 7.",
            "Kay, D. F. (2003). Work eight. Journal, 1, 8.",
        ],
    )
    assert codes == ["CIT003"]


def _citation(n: int, *authors: str, year: int, et_al: bool = False) -> Citation:
    item = ", ".join(authors) + (", et al." if et_al else "") + f" {year}"
    return Citation(
        id=f"c{n}",
        text=f"({item})",
        location=Location("p.md", n),
        kind=CitationKind.AUTHOR_YEAR,
        item=item,
        authors=authors,
        et_al=et_al,
        year=year,
        certainty=Certainty.SURE,
    )


def _entry(n: int, raw: str, *people: tuple[str, str], year: int | None) -> Reference:
    return Reference(
        id=f"ref-{n}",
        index=n,
        location=Location("p.md", 100 + n),
        raw=raw,
        authors=tuple(Person(family, given) for family, given in people),
        year=year,
    )


def test_ca_a_co_author_whose_middle_name_was_read_into_the_family() -> None:
    refs = [
        _entry(
            1,
            "Roe, Anna B., C. Robert Poe, and Dan Lee. 2000. One.",
            ("Roe", "Anna B."),
            ("Robert Poe", "C."),
            ("Lee", "Dan"),
            year=2000,
        ),
        _entry(
            2,
            "Roe, Anna B., Fay Zed, and Hal Oh. 2000. Two.",
            ("Roe", "Anna B."),
            ("Zed", "Fay"),
            ("Oh", "Hal"),
            year=2000,
        ),
        _entry(
            3,
            "Roe, Anna B., Gil Kim, and Jo Ng. 2000. Three.",
            ("Roe", "Anna B."),
            ("Kim", "Gil"),
            ("Ng", "Jo"),
            year=2000,
        ),
    ]
    cits = [
        _citation(1, "Anna B Roe", "Poe", year=2000, et_al=True),
        _citation(2, "Anna B Roe", "Zed", year=2000, et_al=True),
    ]
    _, matches = match_citations(cits, refs)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-2",)]


def test_x1_a_one_letter_surname_is_a_name() -> None:
    refs = [
        _entry(1, "Soto, R. (2019). Reparto urbano. Editorial.", ("Soto", "R."), year=2019),
        # the list reader found no person in "V, M. G.": the entry's text names it
        _entry(2, "V, M. G. (2021). El parque de autos. El Diario, B2.", year=2021),
        _entry(3, "O, K. (2015). A vowel. Journal, 6, 6.", ("O", "K."), year=2015),
    ]
    cits = [_citation(1, "V", year=2021), _citation(2, "O", year=2015)]
    _, matches = match_citations(cits, refs)
    assert [m.targets for m in matches] == [("ref-2",), ("ref-3",)]


def test_x1_an_initial_opening_an_entry_is_no_one_letter_surname() -> None:
    refs = [_entry(1, "A. Smith, Work of a year, Journal, 2021.", year=2021)]
    _, matches = match_citations([_citation(1, "A", year=2021)], refs)
    assert [(m.targets, m.year_mismatch) for m in matches] == [((), ())]


def test_ca_initials_after_the_name_are_read_whole(tmp_path: Path) -> None:
    linked, codes = _findings(
        tmp_path,
        "One (Kim, S.-H., 2017); two (Kim, S.-J., 2017); three (Smith, J. B., 2020).",
        [
            "Kim, S.-H. (2017). Seventh. Journal G, 7, 1.",
            "Kim, S.-J. (2017). Eighth. Journal H, 8, 2.",
            "Smith, J. A., Lee, B., & Oh, C. (2020). Third. Journal C, 3, 5–6.",
            "Smith, J. B., Lee, B., & Oh, C. (2020). Fourth. Journal D, 4, 7–8.",
        ],
    )
    assert linked == {
        "(Kim, S.-H., 2017)": ("ref-1",),
        "(Kim, S.-J., 2017)": ("ref-2",),
        "(Smith, J. B., 2020)": ("ref-4",),
    }
    assert codes == ["CIT001"]  # Smith, J. A. is not cited
