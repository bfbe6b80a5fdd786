"""The PDF reader on page layouts journals use and our own printing does not: a margin
column beside a wide body (a sidebar of dates and licence), a running footer set over
two lines beside the page number. Each PDF is drawn here, line by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from citeaudit.manuscript.document import Document
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import HEIGHT, draw_line

SIDEBAR = [
    "DOI: 10.21105/jose.00184",
    "Software",
    "Submitted: 17 June 2022",
    "Published: 08 August 2023",
    "License",
    "Authors of papers retain",
    "copyright under CC BY 4.0.",
]
BODY = [
    "Summary",
    "Rotation curves of galaxies show that something is missing in our understanding",
    "of them: some matter present that does not interact with light (Rubin, 1978).",
    "Participants in this workshop explore the question with literature-based curves",
    "(Graham, 2001; Karukes, 2015) and by editing Python code.",
]
ENTRIES = [
    (0.0, "Graham, A. W. (2001). An investigation into the prominence of spiral galaxy"),
    (15.0, "bulges. The Astronomical Journal, 121(2), 820-840."),
    (0.0, "Karukes, E. V. (2015). The dark matter distribution in the spiral NGC 3198."),
    (15.0, "A&A, 578, A13."),
    (0.0, "Rubin, V. C. (1978). Extended rotation curves of high-luminosity spiral"),
    (15.0, "galaxies. The Astrophysical Journal, 225, L107."),
]
BODY_X, SIDE_X = 170.0, 30.0


def _footer(canvas: Canvas, number: int) -> None:
    draw_line(canvas, 40, 53, "Villano et al. (2023). The Data Behind Dark Matter. Journal of", 7)
    draw_line(
        canvas, 40, 44, "Open Source Education, 6(66), 184. https://doi.org/10.21105/jose.00184.", 7
    )
    draw_line(canvas, 548, 52, str(number), 10)


def journal_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    y = HEIGHT - 120
    for k, text in enumerate(BODY):
        draw_line(canvas, BODY_X, y - 13 * k, text, 10)
    y = HEIGHT - 200
    for k, text in enumerate(SIDEBAR):
        draw_line(canvas, SIDE_X, y - 11 * k, text, 8)
    _footer(canvas, 1)
    canvas.showPage()
    draw_line(canvas, BODY_X, HEIGHT - 100, "References", 12)
    y = HEIGHT - 125
    for k, (indent, text) in enumerate(ENTRIES):
        draw_line(canvas, BODY_X + indent, y - 13 * k, text, 10)
    _footer(canvas, 2)
    canvas.showPage()
    canvas.save()
    return path


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read_manuscript(journal_pdf(tmp_path_factory.mktemp("journal") / "j.pdf"))


def test_a_margin_column_is_not_read_into_the_body(journal: Document) -> None:
    texts = [ln.text for ln in journal.lines if ln.text]
    start = texts.index(BODY[1])
    assert texts[start : start + 4] == BODY[1:]
    assert texts.index(SIDEBAR[-1]) < start or texts.index(SIDEBAR[0]) > start + 3


def test_a_footer_over_two_lines_is_not_an_entry(journal: Document) -> None:
    firsts = [e.text.split(",")[0] for e in journal.reference_entries]
    assert firsts == ["Graham", "Karukes", "Rubin"]
    assert not any("Villano" in e.text for e in journal.reference_entries)


def review_copy_pdf(path: Path) -> Path:
    """A review copy: every line numbered in the margin, "DRAFT" across the page."""
    canvas = Canvas(str(path))
    canvas.setFont("Times-Roman", 180)
    for k, letter in enumerate("DRAFT"):
        canvas.drawString(60 + 90 * k, 300 + 60 * k, letter)
    lines = [
        (0.0, BODY[1]),
        (0.0, BODY[2]),
        (0.0, "References"),
        (0.0, "R Core Team. (2023). R: A language and environment for computing. https://"),
        (15.0, "www.r-project.org/"),
        (0.0, "Rubin, V. C. (1978). Extended rotation curves of high-luminosity spiral"),
        (15.0, "galaxies. The Astrophysical Journal, 225, L107."),
    ]
    y = HEIGHT - 100
    for k, (indent, text) in enumerate(lines):
        draw_line(canvas, 130, y - 13 * k, str(41 + k), 6)
        draw_line(canvas, BODY_X + indent, y - 13 * k, text, 10)
    canvas.showPage()
    canvas.save()
    return path


def test_a_review_copys_line_numbers_and_watermark_are_not_text(tmp_path: Path) -> None:
    document = read_manuscript(review_copy_pdf(tmp_path / "review.pdf"))
    texts = [ln.text for ln in document.lines if ln.text]
    assert texts[:2] == BODY[1:3]
    entries = [e.text for e in document.reference_entries]
    assert entries[0].endswith("https://www.r-project.org/")
    assert entries[1].startswith("Rubin, V. C. (1978).")
    assert len(entries) == 2


LEFT_ENTRIES = [
    "Andraos, J. Scientific genealogies of physical",
    "organic chemists. Can J Chem, v. 83, 2005.",
    "",
    "Barité, M. Organización del conocimiento: un",
    "nuevo marco teórico. Montevideo: CSIC, 2001.",
]
RIGHT_ENTRIES = [
    "Bufrem, L. S. Quadros teóricos seminais na",
    "prática. Brasília: CNPq, 2015.",
    "",
    "Castanha, R. C. G. The domain of knowledge",
    "organization. Scientometrics, v. 9, 2017.",
]


def spaced_two_column_list_pdf(path: Path) -> Path:
    """The body ends across the page; the list below it is set in two columns, flush,
    with space between entries; a running title is set sideways in the right margin
    and the page number stands in the left one."""
    canvas = Canvas(str(path))
    y = HEIGHT - 100
    for text in [
        BODY[1],
        BODY[2],
        "as Andraos (2005), Barité (2001), Bufrem (2015) and Castanha (2017) did.",
    ]:
        draw_line(canvas, 57, y, text, 10)
        y -= 13
    draw_line(canvas, 250, y - 20, "References", 14)
    for x, column in ((57.0, LEFT_ENTRIES), (300.0, RIGHT_ENTRIES)):
        top = y - 50
        for k, text in enumerate(column):
            if text:
                draw_line(canvas, x, top - 11 * k, text, 9)
    canvas.saveState()
    canvas.translate(560, 300)
    canvas.rotate(90)
    draw_line(canvas, 0, 0, "KNOWLEDGE ORGANIZATION DOMAIN IN BRAZIL", 8)
    canvas.restoreState()
    draw_line(canvas, 20, 400, "12", 9)
    canvas.showPage()
    canvas.save()
    return path


def test_a_two_column_list_below_full_width_text_is_read_column_by_column(
    tmp_path: Path,
) -> None:
    document = read_manuscript(spaced_two_column_list_pdf(tmp_path / "spaced.pdf"))
    entries = [e.text for e in document.reference_entries]
    assert [e.split(",")[0] for e in entries] == ["Andraos", "Barité", "Bufrem", "Castanha"]
    assert entries[0].endswith("Can J Chem, v. 83, 2005.")
    assert not any("KNOWLEDGE" in e or "12" in e.split() for e in entries)


def test_affiliation_marks_after_authors_names_are_not_citations(tmp_path: Path) -> None:
    from citeaudit.manuscript.citations import extract_citations

    canvas = Canvas(str(tmp_path / "authors.pdf"))
    draw_line(canvas, 60, HEIGHT - 80, "Dark Matter in the Classroom", 24)
    draw_line(
        canvas, 60, HEIGHT - 110, "Ana Arellano^{3,6}, Edder Bustos^{2}, Julia Johnston^{1}", 10
    )
    draw_line(canvas, 60, HEIGHT - 125, "1 University of Colorado 2 UNAM 3 Cinvestav 6 Conacyt", 8)
    draw_line(canvas, 60, HEIGHT - 160, "Introduction", 14)
    draw_line(canvas, 60, HEIGHT - 180, "Rotation curves show the missing mass^{1}.", 10)
    draw_line(canvas, 60, HEIGHT - 210, "References", 14)
    draw_line(canvas, 60, HEIGHT - 230, "1. Rubin VC. Rotation curves. ApJ. 1978;225:107.", 10)
    canvas.showPage()
    canvas.save()
    document = read_manuscript(tmp_path / "authors.pdf")
    cited = [(c.location.line, c.number) for c in extract_citations(document)]
    texts = {ln.number: ln.text for ln in document.lines}
    assert cited and all(texts[line].startswith("Rotation curves") for line, _ in cited)


def balanced_list_pdf(path: Path) -> Path:
    """The body ends in both columns; below it the list, set smaller, is balanced over
    the two columns (its heading in the left one)."""
    canvas = Canvas(str(path))
    body_left = [f"Left column body line {k} about alliances (Walt, 1987)." for k in range(8)]
    body_right = [f"Right column body line {k} on balancing (Waltz, 1979)." for k in range(8)]
    for x, column in ((57.0, body_left), (300.0, body_right)):
        for k, text in enumerate(column):
            draw_line(canvas, x, HEIGHT - 100 - 13 * k, text, 10)
    top = HEIGHT - 100 - 13 * 8 - 20
    draw_line(canvas, 57, top, "REFERENCES", 9)
    left = ["1. Walt SM. The Origins of Alliances.", "Ithaca: Cornell; 1987."]
    right = ["2. Waltz KN. Theory of International", "Politics. Reading: Addison; 1979."]
    for k, text in enumerate(left):
        draw_line(canvas, 57, top - 16 - 10 * k, text, 7.5)
    for k, text in enumerate(right):
        draw_line(canvas, 300, top - 16 - 10 * k, text, 7.5)
    canvas.showPage()
    canvas.save()
    return path


def test_a_list_balanced_below_the_body_is_read_after_both_body_columns(tmp_path: Path) -> None:
    document = read_manuscript(balanced_list_pdf(tmp_path / "balanced.pdf"))
    entries = [e.text for e in document.reference_entries]
    assert [e.split(".")[0] for e in entries] == ["1", "2"]
    assert entries[0].endswith("Cornell; 1987.")
    assert not any("body line" in e for e in entries)
