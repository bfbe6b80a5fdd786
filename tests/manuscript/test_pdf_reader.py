"""The PDF reader on PDFs printed here: reading order, running heads, superscripts,
hyphenation, the reference list and its places (page, line), links, and the files it
must refuse with one clear sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.cli import main
from citeaudit.errors import InputError
from citeaudit.manuscript.reading import read_manuscript
from citeaudit.model.location import Location
from tests.manuscript.test_pdf_builder import Column, Page, scanned_pdf, write_pdf

HANG = 18.0

ONE_COLUMN_BODY = [
    "Regional security organisations answer one another (Walt, 1987). Russia",
    "built its own alliance when the other one grew eastwards (Cooley 2022; Walt",
    "1987), and the balance that followed is the subject of this inter-",
    "national study, read through neorealism (Waltz, 1979, p. 12).",
    "",
    "Earlier work saw the same pattern in Central Asia (Javaid 2017) and in the",
    "treaty's own documents (CSTO, 2022).",
]
REFERENCES_PAGE_ONE = [
    "References",
    "Cooley, A. (2022). Kazakhstan called for assistance. Why did Russia dispatch",
    (HANG, "troops so quickly? The Washington Post, 1-7."),
    "CSTO. (2022). From the Treaty to the Organization. Collective Security Treaty",
    (HANG, "Organization. https://en.odkb-csto.org/"),
    (HANG, "25years/"),
    "Javaid, F. (2017). Collective Security Treaty Organization and Central Asian",
    (HANG, "Region. European Academic Research, 4(12),"),
]
REFERENCES_PAGE_TWO = [
    (HANG, "10-25. Full text"),  # the Javaid entry runs on; the link is behind this line
    "Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.",
    "Waltz, K. N. (1979). Theory of International Politics. Addison-Wesley.",
    "Yani, M. Y., & Montratama, I. (2017). Pengantar Studi Keamanan. Intrans",
    (HANG, "Publishing."),
]


def one_column(path: Path) -> Path:
    pages = [
        Page(
            [Column([*ONE_COLUMN_BODY, "", *REFERENCES_PAGE_ONE])],
            title="Balance of Power in Two Alliances",
        ),
        Page([Column(REFERENCES_PAGE_TWO, links=[(0, "https://doi.org/10.1234/jear.2017.5")])]),
    ]
    return write_pdf(path, pages)


NUMERIC_LEFT = [
    "Introduction",
    "Exercise improves glucose control in adults^{1,2} and",
    "its effect lasts for days after each session^{3}. Trials",
    "in older adults found the same^{2-4}. Resistance train-",
    "ing helps too^{5}, as do brief walks after meals.",
]
NUMERIC_RIGHT = [
    "The recommended dose is 150 min per week^{1}, spread",
    "over at least three days.",
    "",
    "References",
    "1. Colberg SR, Sigal RJ. Exercise and type 2 diabetes.",
    (12.0, "Diabetes Care. 2010;33(12):e147-67."),
    "2. Boule NG, Haddad E. Effects of exercise on glycemic",
    (12.0, "control. JAMA. 2001;286(10):1218-27."),
    "3. Sigal RJ, Kenny GP. Physical activity and diabetes.",
    (12.0, "Can J Diabetes. 2013;37:S40-4."),
    "4. Snowling NJ, Hopkins WG. Effects of different modes",
    (12.0, "of exercise training. Diabetes Care. 2006;29:2518-27."),
    "5. Church TS, Blair SN. Effects of aerobic and resistance",
    (12.0, "training. JAMA. 2010;304(20):2253-62."),
    "6. Umpierre D, Ribeiro PA. Physical activity advice only.",
    (12.0, "JAMA. 2011;305(17):1790-9."),
]


def two_columns(path: Path) -> Path:
    page = Page([Column(NUMERIC_LEFT), Column(NUMERIC_RIGHT)], title="Exercise and Diabetes")
    return write_pdf(path, [page], size=9.0, leading=11.5)


@pytest.fixture
def one(tmp_path: Path) -> Path:
    return one_column(tmp_path / "balance.pdf")


@pytest.fixture
def two(tmp_path: Path) -> Path:
    return two_columns(tmp_path / "exercise.pdf")


def test_running_heads_and_page_numbers_are_not_text(one: Path) -> None:
    document = read_manuscript(one)
    texts = [line.text for line in document.lines]
    assert not any("Journal of Made-up Studies" in t for t in texts)
    assert not any(t.strip().isdigit() for t in texts)
    assert texts[0] == "Balance of Power in Two Alliances"


def test_a_word_hyphenated_at_the_line_end_is_joined(one: Path) -> None:
    text = read_manuscript(one).text
    assert "this international\nstudy, read" in text  # the line keeps the rest


def test_reference_entries_keep_their_page_and_line(one: Path) -> None:
    document = read_manuscript(one)
    entries = document.reference_entries
    assert [e.text.split(",")[0].split(".")[0] for e in entries] == [
        "Cooley", "CSTO", "Javaid", "Walt", "Waltz", "Yani",
    ]  # fmt: skip
    # printed lines are counted: the title, 6 body lines, then the heading
    assert document.reference_heading == Location(str(one), 8, page=1)
    assert entries[0].location == Location(str(one), 9, page=1)
    assert entries[3].location.page == 2  # Walt, after the Javaid entry ran on
    assert "10-25" in entries[2].text  # its last line came from page 2
    assert str(entries[0].location) == f"{one}, p. 1, line 9"


def test_a_url_cut_at_the_line_end_is_joined(one: Path) -> None:
    csto = read_manuscript(one).reference_entries[1]
    assert "https://en.odkb-csto.org/25years/" in csto.text


def test_a_link_annotation_gives_the_entry_its_address(one: Path) -> None:
    javaid = read_manuscript(one).reference_entries[2]
    assert "https://doi.org/10.1234/jear.2017.5" in javaid.text


def test_made_up_article_one_uncited_entry_nothing_missing(one: Path) -> None:
    result = audit(AuditInput.from_paths([one]))
    assert len(result.data.references) == 6
    uncited = [f for f in result.findings if f.code == "CIT001"]
    assert len(uncited) == 1
    ref = next(r for r in result.data.references if r.id == uncited[0].reference)
    assert ref.raw.startswith("Yani")
    assert not [f for f in result.findings if f.code == "CIT002"]
    assert uncited[0].location.page == 2


def test_two_columns_are_read_left_then_right(two: Path) -> None:
    texts = [line.text for line in read_manuscript(two).lines if line.text]
    last_left = texts.index("helps too5, as do brief walks after meals.")  # "train-ing" joined
    assert texts[last_left + 1].startswith("The recommended dose")


def test_numeric_superscripts_are_citations(two: Path) -> None:
    result = audit(AuditInput.from_paths([two]))
    assert len(result.data.references) == 6
    cited = {c.number for c in result.data.citations}
    assert {1, 2, 3, 4, 5} <= cited  # 4 only in the superscript range 2-4
    uncited = [f for f in result.findings if f.code == "CIT001"]
    assert len(uncited) == 1 and "Umpierre" in uncited[0].message


def test_a_scanned_pdf_is_one_clear_error(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match=r"no text layer.*OCR"):
        read_manuscript(path)


def test_the_cli_exits_2_on_a_scan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf")
    assert main(["check", str(path), "--offline"]) == 2
    assert "no text layer" in capsys.readouterr().err


def test_an_encrypted_pdf_is_one_clear_error(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "locked.pdf", [Page([Column(["Secret text (Walt, 1987)."])])], encrypt="pw"
    )
    with pytest.raises(InputError, match="encrypted"):
        read_manuscript(path)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n" + b"\x00garbage" * 100, b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"%PDF-"],
)
def test_a_damaged_pdf_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match="PDF"):
        read_manuscript(path)


def test_json_report_gives_page_and_line(one: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(one), "--offline", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    uncited = [f for f in report["findings"] if f["code"] == "CIT001"]
    assert uncited[0]["location"]["page"] == 2
    assert uncited[0]["location"]["line"] >= 1


def test_a_footnote_is_kept_apart_from_the_sentence_it_interrupts(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from tests.manuscript.test_pdf_builder import HEIGHT, MARGIN, draw_line

    path = tmp_path / "notes.pdf"
    canvas = Canvas(str(path))
    y = HEIGHT - 80
    for text in ["Alliances balance threats^{1} rather than power, and the", "balance of"]:
        draw_line(canvas, MARGIN, y, text, 10)
        y -= 13
    draw_line(canvas, MARGIN, 90, "^{1} See Walt (1987) for the theory of threats.", 8)
    canvas.showPage()
    draw_line(canvas, MARGIN, HEIGHT - 80, "threats decides the alliance (Walt, 1987).", 10)
    canvas.showPage()
    canvas.save()
    lines = [line for line in read_manuscript(path).lines if line.text]
    texts = [line.text for line in lines]
    assert texts[1:3] == ["balance of", "threats decides the alliance (Walt, 1987)."]
    note = lines[-1]
    assert note.text.endswith("See Walt (1987) for the theory of threats.")
    assert (note.page, note.number) == (1, 3)


def test_hanging_entries_at_the_end_are_the_list_without_a_heading(tmp_path: Path) -> None:
    body = [line for line in ONE_COLUMN_BODY if line]
    entries = [line for line in REFERENCES_PAGE_ONE[1:]] + [
        "Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.",
        "Waltz, K. N. (1979). Theory of International Politics. Addison-Wesley.",
    ]
    path = write_pdf(tmp_path / "headless.pdf", [Page([Column([*body, "", *entries])])])
    document = read_manuscript(path)
    assert document.reference_heading is None
    firsts = [e.text.split(",")[0].split(".")[0] for e in document.reference_entries]
    assert firsts == ["Cooley", "CSTO", "Javaid", "Walt", "Waltz"]
    assert not any("Cooley, A." in line.text for line in document.lines)


def test_a_citation_cut_at_the_line_end_is_finished_on_its_line(one: Path) -> None:
    texts = [line.text for line in read_manuscript(one).lines]
    assert any(t.endswith("(Cooley 2022; Walt 1987),") for t in texts)
    assert any(t.startswith("and the balance that followed") for t in texts)
