"""A citation field whose shown text names nobody ("2010", "(2010a)") after a name
typed outside it, as Zotero's "suppress author" writes it: when its code cannot name
the work, the text around it is the citation. Every document and work here is made up."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    manuscript,
    rules,
    run,
)
from tests.manuscript.test_docx_reader import para

ENTRIES = [
    "Chong, C. W., & Pearce, D. A. (2010). Soil prokaryotes of an imaginary island. "
    "Polar Fiction, 4, 1-9.",
    "Chong, C. W., & Tan, I. K. (2011). Soil bacteria of a fictional transition zone. "
    "Polar Fiction, 5, 10-19.",
    "Yergeau, E. (2007). Bacteria of made-up habitats. Invented Microbiology, 9, 26-28.",
]
# a work Zotero holds with no author, title or DOI: its code cannot name it
BARE = {"id": 7, "uris": ["http://zotero.org/users/1/items/BARE0001"], "itemData": {"id": 7}}


def test_a_year_only_field_is_read_with_the_name_typed_before_it(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Diversity varies at the scale of meters (Chong et al., "),
            complex_field(csl_code([BARE]), "2010"),
            run("), kilometers (Chong et al., "),
            complex_field(csl_code([BARE]), "2011"),
            run(") and as Yergeau ("),
            complex_field(csl_code([BARE]), "2007a"),
            run(") showed, of kilometers."),
        ),
        entries=ENTRIES,
    )
    # claimed alone, "2010" cited nobody and Chong's entry was "uncited"
    assert "uncited-reference" not in rules(path)
    assert "missing-reference" not in rules(path)


def test_a_year_only_field_whose_code_names_its_work_is_still_a_field(tmp_path: Path) -> None:
    from tests.manuscript.test_docx_citation_fields import csl_item

    chong = csl_item("Chong", 2010, "Soil prokaryotes of an imaginary island")
    path = manuscript(
        tmp_path,
        para(run("As Chong et al. ("), complex_field(csl_code([chong]), "2010"), run(") found.")),
        para(run("Others differ (Chong & Tan, 2011; Yergeau, 2007).")),
        entries=ENTRIES,
    )
    fields = DocxReader().read(path).citation_fields
    assert [f.shown for f in fields] == ["2010"]
    assert fields[0].items[0].entry == 1
    assert rules(path) == []


def test_a_work_the_shown_text_names_instead_of_the_codes_is_cited(tmp_path: Path) -> None:
    from tests.manuscript.test_docx_citation_fields import csl_item

    entries = [
        "Adler, P. (1997). Cell noise in a made-up tissue. Fictional Cells, 2, 1-5.",
        "Kupiec, J. (1997). A theory of imaginary differentiation. Made-up Genetics, 5, 6-9.",
        "Lander, A. (2011). Pattern in invented organs. Invented Biology, 9, 10-12.",
    ]
    adler = csl_item("Adler", 1997, "Cell noise in a made-up tissue")
    lander = csl_item("Lander", 2011, "Pattern in invented organs")
    # the shown text was edited: it cites Kupiec where the code holds Adler
    path = manuscript(
        tmp_path,
        para(
            run("Noise is inherent "),
            complex_field(csl_code([adler, lander]), "(Kupiec, 1997; Lander, 2011)"),
            run("."),
        ),
        entries=entries,
    )
    assert rules(path) == []
