"""Reference managers' citation fields (Zotero, Mendeley, EndNote) as the citations'
source: each work the code names is linked to its entry, whatever Word shows. Every
document and work here is made up, in the shapes the managers write."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run

ENTRIES = [
    "Quenby, A., & Marsh, T. (2015). Glacier retreat in imaginary valleys. Journal of "
    "Nowhere, 3(2), 1-10. https://doi.org/10.5555/jn.2015.001",
    "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7, 11-19.",
    "Ibsen, K. (2020). Uncited on purpose: a made-up monograph. Fjord Press.",
]


def run(text: str, props: str = "") -> str:
    return raw_run(escape(text), props)


def csl_item(family: str, year: int, title: str, doi: str = "", **more: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": abs(hash(title)) % 10_000,
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": "A."}],
        "issued": {"date-parts": [[year]]},
    }
    if doi:
        data["DOI"] = doi
    data.update(more)
    return {
        "id": data["id"],
        "uris": ["http://zotero.org/users/1/items/ABCD1234"],
        "itemData": data,
    }


def csl_code(items: list[dict[str, Any]], manager: str = "ZOTERO_ITEM CSL_CITATION") -> str:
    data = {
        "citationID": "x1",
        "properties": {"formattedCitation": "", "plainCitation": "", "noteIndex": 0},
        "citationItems": items,
        "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json",
    }
    return f" ADDIN {manager} {json.dumps(data)} "


def complex_field(code: str, shown: str, pieces: int = 1, props: str = "", data: str = "") -> str:
    """begin, the code cut into `pieces` instrText runs, separate, result, end."""
    fld_data = f"<w:fldData>{escape(data)}</w:fldData>" if data else ""
    step = max(1, -(-len(code) // pieces))
    instr = "".join(
        f'<w:r><w:instrText xml:space="preserve">{escape(code[i : i + step])}</w:instrText></w:r>'
        for i in range(0, len(code), step)
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin">{fld_data}</w:fldChar></w:r>'
        + instr
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(shown, props)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def simple_field(code: str, shown: str) -> str:
    return f'<w:fldSimple w:instr="{escape(code, {chr(34): "&quot;"})}">{run(shown)}</w:fldSimple>'


def manuscript(tmp_path: Path, *body: str, entries: list[str] = ENTRIES) -> Path:
    content = "".join(body) + para(run("References"), style="Heading1")
    content += "".join(para(run(e)) for e in entries)
    return raw_docx(tmp_path / "m.docx", content)


def findings(path: Path) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in audit(AuditInput.from_paths([path])).findings]


def rules(path: Path) -> list[str]:
    return sorted(rule for rule, _ in findings(path))


QUENBY = csl_item("Quenby", 2015, "Glacier retreat in imaginary valleys")
VASQUEZ = csl_item("Vasquez-Ortega", 2018, "Sediment budgets of a fictional delta")


def test_a_zotero_field_links_its_works_whatever_the_text_says(tmp_path: Path) -> None:
    # the author edited the shown text: names misspelt, a year wrong
    code = csl_code([QUENBY, VASQUEZ])
    path = manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(code, "(Quenbi 2016; Vaskez 2018)", pieces=37)),
        para(run("And a third one, cited by hand (Ibsen, 2020).")),
    )
    assert rules(path) == []


def test_a_work_no_entry_holds_is_missing_and_named(tmp_path: Path) -> None:
    absent = csl_item("Zorander", 2001, "A book the list forgot")
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank "),
            complex_field(csl_code([QUENBY, absent]), "(Quenby 2015; Zorander 2001)"),
        ),
        para(run("See (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Zorander 2001" in found[0][1] and "A book the list forgot" in found[0][1]


def test_a_mendeley_field_links_by_doi_before_names(tmp_path: Path) -> None:
    # the name in Mendeley's record is spelt otherwise; the DOI says which work it is
    item = csl_item(
        "Quenbey", 2015, "Another title altogether", doi="https://doi.org/10.5555/JN.2015.001"
    )
    item["id"] = "mendeley-uuid-1"
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([item], "CSL_CITATION"), "[1]")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert rules(path) == []


def test_a_simple_field_is_read_too(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(run("Ice "), simple_field(csl_code([QUENBY]), "(Quenby and Marsh 2015)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert rules(path) == []
    assert [f.shown for f in DocxReader().read(path).citation_fields] == ["(Quenby and Marsh 2015)"]


def test_a_numeric_field_that_lost_its_superscript_still_cites(tmp_path: Path) -> None:
    numbered = [f"{n}. {e}" for n, e in enumerate(ENTRIES, start=1)]
    path = manuscript(
        tmp_path,
        para(run("Ice shrank"), complex_field(csl_code([QUENBY, VASQUEZ]), "1,2"), run(" fast.")),
        para(
            run("As a monograph says"),
            complex_field(
                csl_code([csl_item("Ibsen", 2020, "Uncited on purpose: a made-up monograph")]), "3"
            ),
            run("."),
        ),
        entries=numbered,
    )
    assert rules(path) == []


ENDNOTE = (
    "<EndNote><Cite><Author>Quenby</Author><Year>2015</Year><RecNum>12</RecNum>"
    "<record><rec-number>12</rec-number><contributors><authors><author>Quenby, A.</author>"
    "<author>Marsh, T.</author></authors></contributors><titles><title>Glacier retreat in "
    "imaginary valleys</title></titles><dates><year>2015</year></dates></record></Cite>"
    "<Cite><Author>Hallgrimsdottir</Author><Year>1999</Year><record><titles><title>Sagas of "
    "a made-up fjord</title></titles></record></Cite></EndNote>"
)


def test_an_endnote_field_names_its_works(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Ice "),
            complex_field(
                " ADDIN EN.CITE " + ENDNOTE, "(Quenby & Marsh, 2015; H., 1999)", pieces=9
            ),
        ),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Hallgrimsdottir 1999" in found[0][1] and "Sagas of a made-up fjord" in found[0][1]


def test_an_endnote_field_in_base64_field_data(tmp_path: Path) -> None:
    data = base64.b64encode(ENDNOTE.encode()).decode()
    path = manuscript(
        tmp_path,
        para(
            run("Ice "),
            complex_field(" ADDIN EN.CITE.DATA ", "(Quenby & Marsh, 2015; H., 1999)", data=data),
        ),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert [rule for rule, _ in findings(path)] == ["missing-reference"]


def test_damaged_field_data_falls_back_to_the_shown_text(tmp_path: Path) -> None:
    cut = csl_code([QUENBY])[:90]  # a field code cut short: its JSON does not close
    path = manuscript(
        tmp_path,
        para(run("Intro.")),
        para(run("Ice shrank "), complex_field(cut, "(Quenby & Marsh, 2015)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["unreadable-input"]
    assert "paragraph 2" in found[0][1] and "Zotero" in found[0][1]


def test_several_entries_fitting_one_work_leave_it_to_the_text(tmp_path: Path) -> None:
    entries = [
        "Quenby, A. (2015a). First made-up paper. Journal of Nowhere, 3, 1-10.",
        "Quenby, A. (2015b). Second made-up paper. Journal of Nowhere, 3, 11-20.",
    ]
    untitled = csl_item("Quenby", 2015, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([untitled]), "(Quenby, 2015b)")),
        para(run("And (Quenby, 2015a).")),
        entries=entries,
    )
    assert rules(path) == []


def test_the_title_tells_two_works_of_one_author_and_year_apart(tmp_path: Path) -> None:
    entries = [
        "Quenby, A. (2015a). First made-up paper on ice. Journal of Nowhere, 3, 1-10.",
        "Quenby, A. (2015b). Second made-up paper on rock. Journal of Nowhere, 3, 11-20.",
    ]
    first = csl_item("Quenby", 2015, "First made-up paper on ice")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([first]), "(Quenby, 2015b)")),  # edited text
        entries=entries,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "2015b" in found[0][1]


def test_hostile_field_codes_are_bounded_and_never_raise(tmp_path: Path) -> None:
    deep = " ADDIN ZOTERO_ITEM CSL_CITATION " + "[" * 100_000
    huge = (
        ' ADDIN CSL_CITATION {"citationItems": ['
        + ", ".join(['{"itemData": {"title": "x"}}'] * 30_000)
        + "]}"
    )
    garbage = " ADDIN EN.CITE.DATA "
    many = "".join(complex_field(csl_code([QUENBY]), f"({n})") for n in range(300))
    path = manuscript(
        tmp_path,
        para(run("A "), complex_field(deep, "(Quenby, 2015)", pieces=500)),
        para(run("B "), complex_field(huge, "(x)")),
        para(run("C "), complex_field(garbage, "(y)", data="!!!not base64<&>")),
        para(
            run("D "),
            complex_field(
                " ADDIN EN.CITE <!DOCTYPE x [<!ENTITY a 'b'>]><EndNote>&a;</EndNote>", "(z)"
            ),
        ),
        para(run("E "), many),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)  # bounded work: benches/linearity.py times it, no clock here
    problems = [message for rule, message in found if rule == "unreadable-input"]
    assert len(problems) == 1 and "paragraph 1" in problems[0]
    assert "missing-reference" not in [rule for rule, _ in found]


def test_a_citation_field_opened_and_never_closed_is_no_citation(tmp_path: Path) -> None:
    open_only = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + (
        f'<w:r><w:instrText xml:space="preserve">{escape(csl_code([QUENBY]))}</w:instrText></w:r>'
    )
    path = manuscript(
        tmp_path,
        para(run("Ice "), open_only, run("(Quenby & Marsh, 2015)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert DocxReader().read(path).citation_fields == ()
    assert rules(path) == []


def test_a_field_left_to_its_text_keeps_its_place_from_the_next_one(tmp_path: Path) -> None:
    # "[1]–[3]" names a work with no data (its text is read); the later "[3]" field must
    # claim its own result, not the "[3]" inside the range before it
    numbered = [f"{n}. {e}" for n, e in enumerate(ENTRIES, start=1)]
    blank = {"id": 9, "itemData": {"id": 9, "type": "article-journal"}}
    ibsen = csl_item("Ibsen", 2020, "Uncited on purpose: a made-up monograph")
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank "),
            complex_field(csl_code([QUENBY, blank, ibsen]), "[1]–[3]"),
            run(" and, as shown in "),
            complex_field(csl_code([ibsen]), "[3]"),
            run(", fast."),
        ),
        entries=numbered,
    )
    fields = DocxReader().read(path).citation_fields
    assert [len(f.items) for f in fields] == [0, 1]
    assert rules(path) == []


def test_a_numeric_field_without_usable_data_cites_by_its_numbers(tmp_path: Path) -> None:
    # the works carry no name, title nor DOI; the field is still a citation, and its
    # plain (not superscript) "1,2" and "3" cite entries 1-3 by number
    numbered = [f"{n}. {e}" for n, e in enumerate(ENTRIES, start=1)]
    blank = {
        "id": 9,
        "itemData": {"id": 9, "type": "article-journal", "issued": {"date-parts": [[2015]]}},
    }
    path = manuscript(
        tmp_path,
        para(run("Ice shrank"), complex_field(csl_code([blank, blank]), "1–2"), run(" fast.")),
        para(run("A monograph says so"), complex_field(csl_code([blank]), "3"), run(".")),
        entries=numbered,
    )
    assert rules(path) == []


def test_a_field_inside_a_parenthesis_left_to_its_text_is_still_read(tmp_path: Path) -> None:
    # "(Vasquez-Ortega 2018, Quenby 2015a, 2015b)": Zotero makes one field a work; the
    # Quenby field names works two entries fit equally, so its own text decides
    entries = [
        ENTRIES[1],
        "Quenby, A. (2015a). First made-up paper. Journal of Nowhere, 3, 1-10.",
        "Quenby, A. (2015b). Second made-up paper. Journal of Nowhere, 3, 11-20.",
    ]
    untitled = csl_item("Quenby", 2015, "")
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank ("),
            complex_field(csl_code([VASQUEZ]), "Vasquez-Ortega 2018"),
            run(", "),
            complex_field(csl_code([untitled, untitled]), "Quenby 2015a, 2015b"),
            run(")."),
        ),
        entries=entries,
    )
    assert rules(path) == []


def test_a_year_shown_alone_is_no_entry_number(tmp_path: Path) -> None:
    # Zotero's narrative form: the name typed, the field shows "(2015)" only
    numbered = [f"{n}. {e}" for n, e in enumerate(ENTRIES, start=1)]
    blank = {"id": 9, "itemData": {"id": 9, "type": "article-journal"}}
    path = manuscript(
        tmp_path,
        para(
            run("As Quenby and Marsh "), complex_field(csl_code([blank]), "(2015)"), run(" said.")
        ),
        para(run("More [1-3].")),
        entries=numbered,
    )
    assert "missing-reference" not in rules(path)


def test_a_year_retyped_in_the_shown_text_is_a_year_mismatch(tmp_path: Path) -> None:
    # the field names Quenby 2015 and links it; the reader sees 2016: the text is wrong
    code = csl_code([QUENBY, VASQUEZ])
    path = manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(code, "(Quenby 2016; Vasquez-Ortega 2018)")),
        para(run("And a third one, cited by hand (Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["citation-year-mismatch"]
    assert "2016" in found[0][1] and "Quenby" in found[0][1]
    assert "Vasquez" not in found[0][1]  # the work's own piece of the cluster is quoted


# -- a work the list lacks, beside the same author's other entries ---------------------


def people(*families: str) -> list[dict[str, str]]:
    return [{"family": f, "given": "A."} for f in families]


def test_a_work_whose_author_only_coauthors_an_entry_is_missing(tmp_path: Path) -> None:
    # the list's only Quenby is the second author of Baddour's paper of that year
    entries = [
        "Baddour, J., Quenby, A., & Marsh, T. (2015). Organ repair in imaginary valleys. "
        "Journal of Nowhere, 3(2), 1-10.",
        ENTRIES[1],
    ]
    work = csl_item("Quenby", 2015, "", author=people("Quenby", "Marsh"))
    baddour = csl_item("Baddour", 2015, "", author=people("Baddour", "Quenby", "Marsh"))
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([work]), "(Quenby and Marsh, 2015)")),
        para(run("Organs "), complex_field(csl_code([baddour]), "(Baddour et al., 2015)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Quenby & Marsh 2015" in found[0][1]


def test_the_same_author_and_year_with_another_coauthor_is_another_work(tmp_path: Path) -> None:
    entries = [
        "Quenby, A., & Ortega, L. (2015). Moraines of a fictional plateau. Ice Letters, 2, 5-9.",
        ENTRIES[1],
    ]
    work = csl_item("Quenby", 2015, "", author=people("Quenby", "Marsh"))
    listed = csl_item("Quenby", 2015, "", author=people("Quenby", "Ortega"))
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([work]), "(Quenby and Marsh, 2015)")),
        para(run("Moraines "), complex_field(csl_code([listed]), "(Quenby and Ortega, 2015)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    assert rules(path) == ["missing-reference"]


def test_the_letter_shown_after_the_year_tells_the_work(tmp_path: Path) -> None:
    # the list keeps only Quenby 2015b; the field's work, shown "2015a", is not it
    entries = [
        "Quenby, A. (2015b). Second made-up paper. Journal of Nowhere, 3, 11-20.",
        ENTRIES[1],
    ]
    untitled = csl_item("Quenby", 2015, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([untitled]), "(Quenby, 2015a)")),
        para(run("Rock "), complex_field(csl_code([untitled]), "(Quenby, 2015b)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "2015a" in found[0][1]


def test_another_doi_or_title_than_the_entrys_is_another_work(tmp_path: Path) -> None:
    other_doi = csl_item("Quenby", 2015, "", doi="10.5555/jn.2015.999")
    other_title = csl_item("Vasquez-Ortega", 2018, "Volcanic ash layers in a made-up lake core")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([other_doi]), "(Quenby, 2015)")),
        para(run("Ash "), complex_field(csl_code([other_title]), "(Vasquez-Ortega, 2018)")),
        para(run("Listed ones (Quenby & Marsh, 2015; Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    assert rules(path) == ["missing-reference", "missing-reference"]


def test_true_matches_still_link_in_every_list_form(tmp_path: Path) -> None:
    # given names first, a list cut short with "et al.", a label, glued initials
    entries = [
        "[1] J. A. Quenby, T. Marsh. Glacier retreat in imaginary valleys. J. Nowhere 3 (2015) 1.",
        "[2] Vasquez-Ortega L, et al. Sediment budgets of a fictional delta. Delta Lett. 2018;7.",
        "[3] IbsenK. Uncited on purpose: a made-up monograph. Fjord Press; 2020.",
    ]
    quenby = csl_item("Quenby", 2015, "", author=people("Quenby", "Marsh"))
    vasquez = csl_item("Vasquez-Ortega", 2018, "", author=people("Vasquez-Ortega", "Lindqvist"))
    ibsen = csl_item("Ibsen", 2020, "Uncited on purpose: a made-up monograph")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([quenby, vasquez, ibsen]), "[1-3]")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for i in fields[0].items] == [1, 2, 3]
    assert rules(path) == []


def test_a_title_the_entry_holds_links_it_under_another_year(tmp_path: Path) -> None:
    # the field's work is the list's Vasquez-Ortega 2018 by its title; the text shows
    # the field's 2017: a year mismatch, not a missing work
    work = csl_item("Vasquez-Ortega", 2017, "Sediment budgets of a fictional delta")
    path = manuscript(
        tmp_path,
        para(run("Silt "), complex_field(csl_code([work]), "(Vasquez-Ortega, 2017)")),
        para(run("More (Quenby & Marsh, 2015; Ibsen, 2020).")),
    )
    assert rules(path) == ["citation-year-mismatch"]


def test_a_year_a_narrative_field_shows_alone_is_a_year_mismatch(tmp_path: Path) -> None:
    # "Quenby and Marsh (2016)": the names typed, the field shows only "(2016)" for
    # the work its data dates 2015 -- the slip the reader sees
    path = manuscript(
        tmp_path,
        para(run("As Quenby and Marsh "), complex_field(csl_code([QUENBY]), "(2016)"), run(".")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["citation-year-mismatch"]
    assert "2016" in found[0][1]
