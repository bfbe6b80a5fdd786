# ruff: noqa: E501 -- test data is clearer on one line
"""Where a reference list in a text manuscript ends: numbered notes, running text."""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.list_tail import notes_or_prose_start, reads_as_running_text
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.reference_section import find_reference_section, split_entries


def lines_of(text: str, file: str = "m.txt") -> list[Line]:
    return [Line(file, n, t) for n, t in enumerate(text.split("\n"), start=1)]


AUTHOR_DATE = (
    "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n"
    "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
    "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n"
)


def _document(text: str):  # type: ignore[no-untyped-def]
    return document_from_lines("m.txt", "text", lines_of(text))


def test_bracketed_notes_after_an_author_date_list_are_not_entries() -> None:
    text = (
        "The harbours grew fast (Abell, 2001).[1] Trade followed (Brandt & Sela, 2015; Castro, 2019).[2]\n"
        "References\n" + AUTHOR_DATE + "\n"
        "[1] On the harbour dues see Abell (2001), p. 14.\n"
        "[2] The figures are the author's own estimates.\n"
    )
    document = _document(text)
    assert [e.text[:6] for e in document.reference_entries] == ["Abell,", "Brandt", "Castro"]
    body = [line.text for line in document.lines]
    assert any(line.endswith("On the harbour dues see Abell (2001), p. 14.") for line in body)


def test_dotted_notes_after_the_list_end_it() -> None:
    text = "Body (Abell, 2001).\nReferences\n" + AUTHOR_DATE + "1. A note that says where.\n2. Another note.\n"
    assert len(_document(text).reference_entries) == 3


def test_a_bare_number_ends_the_list_only_when_note_two_follows() -> None:
    lone = [*AUTHOR_DATE.splitlines(), "1 Genomes Project Consortium (2015). A map of variation. Nature, 526, 68–74."]
    assert notes_or_prose_start(lone) is None
    notes = "Body.\nReferences\n" + AUTHOR_DATE + "1 First note text here.\n2 Second note text.\n"
    assert len(_document(notes).reference_entries) == 3


def test_numbering_starting_again_after_a_numbered_list_is_notes() -> None:
    texts = [
        "[1] Abell T. Harbour towns. North Rev. 2001;3:11-29.",
        "[2] Brandt O. Salt and silver. 2015.",
        "[3] Castro L. Tides of trade. J Ports. 2019;8:1-20.",
        "[1] The survey ran in 2019.",
        "[2] Another note.",
    ]
    assert notes_or_prose_start(texts) == 3
    # a numbered list alone runs to its end
    assert notes_or_prose_start(texts[:3]) is None


def test_a_numbered_list_opening_after_a_remark_is_not_cut() -> None:
    texts = ["Entries marked * were added in revision.", "", "1. Abell T. Harbour towns. 2001.", "2. Brandt O. Salt. 2015."]
    assert notes_or_prose_start(texts) is None


BIO = (
    "Jane Roe is a lecturer in maritime history at the University of Elsewhere. Her work has "
    "appeared in several journals and she is writing a book on salt."
)


def test_paragraphs_of_running_text_after_the_list_are_body_text() -> None:
    text = "Body (Abell, 2001).\nReferences\n" + AUTHOR_DATE + BIO + "\n" + BIO.replace("Jane Roe", "John Doe") + "\n"
    document = _document(text)
    assert len(document.reference_entries) == 3
    assert any("Jane Roe" in line.text for line in document.lines)


def test_one_closing_paragraph_of_running_text_ends_the_list() -> None:
    section = find_reference_section(lines_of("References\n" + AUTHOR_DATE + BIO))
    assert section is not None and len(section.entries) == 3


def test_annotations_in_an_annotated_list_stay_in_it() -> None:
    annotated = (
        "References\n"
        "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n"
        + BIO + "\n"
        "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
        + BIO + "\n"
    )
    section = find_reference_section(lines_of(annotated))
    assert section is not None and section.end == len(lines_of(annotated))


def test_entries_with_long_titles_do_not_read_as_running_text() -> None:
    entry = "Smith, A. (2019). What is it that we have learned from the harbour towns, and which of them will last? Journal of Ports, 8, 1–20."
    assert not reads_as_running_text(entry)
    assert reads_as_running_text(BIO)


def test_a_lone_page_number_continues_the_entry_before() -> None:
    lines = lines_of(
        "Abell T. Harbour towns[J]. North Review, 2001(3): 162\n164.\nBrandt O. Salt and silver[J]. Coast, 2015(2): 1–4.\nCastro L. Tides[J]. Ports, 2019(8): 1–20."
    )
    assert len(split_entries(lines)) == 3


def test_a_misnumbered_entry_is_no_restart() -> None:
    texts = [
        "15. Abell T. Harbour towns. North Rev. 2001;3:11-29.",
        "16. Brandt O. Salt and silver. 2015.",
        "1. Castro L. Tides of trade. J Ports. 2019;8:1-20.",
        "18. Duarte M. Quays. 2020.",
    ]
    assert notes_or_prose_start(texts) is None


def test_a_long_numbered_entry_with_a_remark_is_no_running_text() -> None:
    entry = "31. Osric J. Harbour fees in the north. Port Review. 2012;1:22–33. This reference was not recognised and the author has not checked it, which is why it is here."
    assert not reads_as_running_text(entry)


def test_a_table_after_the_list_is_no_entries() -> None:
    table = "Table 2 Harbour dues by year\nPort\nDue\nOslo\n12.5\nBergen\n9.0\n"
    document = _document("Body (Abell, 2001).\nReferences\n" + AUTHOR_DATE + table)
    assert len(document.reference_entries) == 3
    assert any(line.text == "Bergen" for line in document.lines)


def test_a_table_s_cells_alone_end_the_list() -> None:
    texts = [*AUTHOR_DATE.splitlines(), "Port", "Due", "Oslo", "12.5"]
    assert notes_or_prose_start(texts) == 3


def test_numbered_entries_left_empty_are_no_table() -> None:
    texts = ["1. Abell T. Harbour towns. 2001.", "2. ().", "3. ().", "4. ().", "5. Castro L. Tides. 2019."]
    assert notes_or_prose_start(texts) is None


def test_a_closing_abstract_in_another_language_is_no_entries() -> None:
    closing = "TÍTULO EN OTRO IDIOMA\nResumen: Un texto breve sobre puertos del norte, escrito para la revista en 2021.\nPalabras clave: puertos; sal; mareas.\n"
    document = _document("Body (Abell, 2001).\nReferences\n" + AUTHOR_DATE + closing)
    assert len(document.reference_entries) == 3
    heading_form = _document("Body (Abell, 2001).\nReferences\n" + AUTHOR_DATE + "ABSTRACT\nA short text on ports, written in 2021 for the journal.\n")
    assert len(heading_form.reference_entries) == 3


def test_the_title_a_closing_abstract_repeats_goes_with_it() -> None:
    closing = "PORTS OF THE NORTH\nAbstract: A short text on ports, written for the journal in 2021.\n"
    document = _document("Body (Abell, 2001).\n## References\n" + AUTHOR_DATE + closing)
    assert len(document.reference_entries) == 3
    assert any(line.text == "PORTS OF THE NORTH" for line in document.lines)


def test_an_undated_entry_before_a_caption_stays_an_entry() -> None:
    text = "Body (Abell, 2001).\n## References\n" + AUTHOR_DATE + "World Harbour Atlas, online edition\nFigure 2. Harbour dues by year.\n"
    assert len(_document(text).reference_entries) == 4
