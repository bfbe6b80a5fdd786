"""Word citation fields: classes of wrong links and messages found on the real-article
bench's DOCX rendering, each rebuilt here from made-up works in the shapes Zotero writes."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    people,
    run,
)


def test_a_field_year_mismatch_quotes_the_shown_text_not_an_internal_key(
    tmp_path: Path,
) -> None:
    # the field links Quenby 2015 (internally "ref-1"); the reader sees "(Quenby 2016)"
    quenby = csl_item("Quenby", 2015, "Glacier retreat in imaginary valleys")
    path = manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(csl_code([quenby]), "(Quenby 2016)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["citation-year-mismatch"]
    message = found[0][1]
    assert "(Quenby 2016)" in message
    assert "ref-" not in message and "key" not in message


def test_a_second_author_never_leads_an_entry_without_initials(tmp_path: Path) -> None:
    # the list's only Marsh work is Quenby & Marsh's; Marsh's own 2015 book is not
    # listed: "Quenby & Marsh" must not be read as led by Marsh
    entries = [
        "Quenby & Marsh (2015). Glacier retreat in imaginary valleys. Journal of Nowhere, 3.",
        "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7.",
    ]
    quenby = csl_item("Quenby", 2015, "", author=people("Quenby", "Marsh"))
    marsh = csl_item("Marsh", 2015, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([quenby]), "(Quenby & Marsh, 2015)")),
        para(run("Snow "), complex_field(csl_code([marsh]), "(Marsh, 2015)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, None]
    assert [rule for rule, _ in findings(path)] == ["missing-reference"]


def test_an_organisation_whose_name_holds_and_still_leads_its_entry(tmp_path: Path) -> None:
    entries = [
        "Fen and Moorland Survey Bureau (2019). Peat depths of a made-up county. Report 4.",
        "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7.",
    ]
    bureau = csl_item("", 2019, "", author=[{"literal": "Fen and Moorland Survey Bureau"}])
    path = manuscript(
        tmp_path,
        para(run("Peat "), complex_field(csl_code([bureau]), "(Fen and Moorland Survey, 2019)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1]


def test_a_year_shown_alone_beside_the_authors_other_work_is_the_works_own(
    tmp_path: Path,
) -> None:
    # "(Quenby 2015; 2017)": one field, two works of Quenby; the 2017 one's year stands
    # alone -- 2015 belongs to the other work, and nothing was retyped
    entries = [
        "Quenby, A. (2015). Glacier retreat in imaginary valleys. Journal of Nowhere, 3.",
        "Quenby, A. (2017). Moraines of a fictional plateau. Ice Letters, 2, 5-9.",
    ]
    first = csl_item("Quenby", 2015, "")
    second = csl_item("Quenby", 2017, "")
    path = manuscript(
        tmp_path,
        para(
            run("Ice, as shown in "), complex_field(csl_code([first, second]), "Quenby 2015; 2017")
        ),
        entries=entries,
    )
    assert [rule for rule, _ in findings(path)] == []


def test_a_works_year_shown_beside_its_name_stands_whatever_its_author_count(
    tmp_path: Path,
) -> None:
    # the field's data lists the book's editors among its names ("Quenby 2010" has four
    # names), and the same field cites "Quenby et al. 2000": 2000 is the other work's
    entries = [
        "Quenby, A. (2010). Ice in a made-up book. In: Marsh T, Ortega L, Ibsen K (Eds) "
        "Imaginary Glaciers. Fjord Press, 1-20.",
        "Quenby, A., Lindqvist, B., & Tamm, C. (2000). Moraines of a fictional plateau. "
        "Ice Letters, 2, 5-9.",
    ]
    book = csl_item("Quenby", 2010, "", author=people("Quenby", "Marsh", "Ortega", "Ibsen"))
    paper = csl_item("Quenby", 2000, "", author=people("Quenby", "Lindqvist", "Tamm"))
    path = manuscript(
        tmp_path,
        para(
            run("Ice "), complex_field(csl_code([book, paper]), "(Quenby 2010; Quenby et al. 2000)")
        ),
        entries=entries,
    )
    assert [rule for rule, _ in findings(path)] == []


def test_a_year_the_entry_holds_though_read_otherwise_is_no_field_year_mismatch(
    tmp_path: Path,
) -> None:
    # the entry's title carries an authority's year in brackets, which the list reader
    # may take for the entry's; the field's work and the text agree on 2007, as the
    # entry does: no year mismatch (as none is reported for a typed "(Quenby 2007)")
    entries = [
        "Quenby A (2007 [2006]) Tribe GlacialeaeMarsh.(1819). In: Ortega L, Ibsen K (Eds) "
        "Families and Genera of Imaginary Plants, Vol. VIII. Fjord Press, 1-20.",
        "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7.",
    ]
    work = csl_item("Quenby", 2007, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([work]), "(Quenby 2007)")),
        para(run("More (Vasquez-Ortega 2018).")),
        entries=entries,
    )
    assert [rule for rule, _ in findings(path)] == []


def test_an_initial_e_or_y_is_no_conjunction_before_the_first_author(tmp_path: Path) -> None:
    # given names first, initials "E." and "Y.": Portuguese "e" and Spanish "y" are
    # conjunctions, the initials are not -- Quenby and Li lead their entries
    entries = [
        "1. S. E. Quenby, Z. Marsh, L. G. Ortega, Glacier retreat in imaginary valleys. "
        "J. Nowhere 3, 1-10 (2020).",
        "2. Y. Li, T. Marsh, Sediment budgets of a fictional delta. Delta Lett. 7, 11 (2018).",
    ]
    quenby = csl_item("Quenby", 2020, "", author=people("Quenby", "Marsh", "Ortega"))
    li = csl_item("Li", 2018, "", author=people("Li", "Marsh"))
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([quenby]), "(1)"), run(".")),
        para(run("Silt "), complex_field(csl_code([li]), "(2)"), run(".")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 2]
    assert [rule for rule, _ in findings(path)] == []


def test_a_long_organisation_leads_its_entry_word_for_word(tmp_path: Path) -> None:
    # the name's longest word stands past the entry's first dozen words: the entry
    # still opens with the whole name
    body = "Joint Working Group of the Imaginary Society of Glaciology and the Made-up"
    name = f"{body} Association of Periglacial Geomorphologists"
    entries = [
        f"1. {name}. Special report: ice in fictional valleys. Ice Lett. 1996;3:1-10.",
        "2. Ortega L. Sediment budgets of a fictional delta. Delta Lett. 2018;7:11.",
    ]
    group = csl_item("", 1996, "", author=[{"literal": name}])
    ortega = csl_item("Ortega", 2018, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([group, ortega]), "(1,2)"), run(".")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 2]


def test_a_fields_shown_text_without_brackets_still_cites(tmp_path: Path) -> None:
    # the list holds Quenby 2010 only (cited as such elsewhere); the field's Quenby 2012
    # is left to the shown text, which has no brackets: it is a citation all the same,
    # and its work is missing
    entries = [
        "Quenby, A. (2010). Glacier retreat in imaginary valleys. Journal of Nowhere, 3.",
        "Marsh, T. (2015). Moraines of a fictional plateau. Ice Letters, 2, 5-9.",
    ]
    later = csl_item("Quenby", 2012, "")
    marsh = csl_item("Marsh", 2015, "")
    path = manuscript(
        tmp_path,
        para(
            run("Ice (see "),
            complex_field(csl_code([later, marsh]), "Quenby 2012, Marsh 2015"),
            run(", and field notes)."),
        ),
        para(run("Earlier (Quenby 2010).")),
        entries=entries,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Quenby 2012" in found[0][1]


def test_a_doubtful_reading_of_a_fields_shown_text_stays_doubtful(tmp_path: Path) -> None:
    # the field names a work the list lacks and the shown text decides; read alone, it
    # is an undated title and publication, which the reader doubts: no sure missing work
    entries = [
        "Correio. (2019). Relatório anual dos assinantes. Correio.",
        "Marsh, T. (2015). Moraines of a fictional plateau. Ice Letters, 2, 5-9.",
    ]
    dated = csl_item("Correio", 2021, "")
    path = manuscript(
        tmp_path,
        para(
            run("As its website says "),
            complex_field(csl_code([dated]), "(Perfil do assinante. Correio. s/d)"),
            run(", the plateau was studied (Marsh 2015)."),
        ),
        para(run("The report (Correio 2019).")),
        entries=entries,
    )
    assert "missing-reference" not in [rule for rule, _ in findings(path)]
