"""A footnote too long for its page runs on at the foot of the next page, with no
mark of its own there: only its small type, the space above it and the unfinished
note on the page before say it is the note's. Read in the page's order, that
continuation stood between the body's last line on its page and the next page's
first, so a citation cut at that page break ("(Abbott, 2019; Brandt &" / note text /
"Cole, 2020)") took the note's words in and lost a name. It is read with the notes.
Each PDF is drawn here with reportlab (made-up text)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import HEIGHT, MARGIN, draw_line

REFERENCES = [
    "References",
    "Abbott, J. (2019). A made-up study. Journal of Stuff, 3.",
    "Brandt, K., & Cole, L. (2020). Another made-up study. Journal, 4.",
    "Walt, S. (1987). The Origins of Made-up Alliances. Example Press.",
]


def _pdf(path: Path, first_note: list[str], second_note: list[str]) -> Path:
    canvas = Canvas(str(path))

    def page(body: list[str], notes: list[str]) -> None:
        y = HEIGHT - 80
        for text in body:
            draw_line(canvas, MARGIN, y, text, 10)
            y -= 13
        y = 90 + 10 * (len(notes) - 1)
        for text in notes:
            draw_line(canvas, MARGIN, y, text, 8)
            y -= 10
        canvas.showPage()

    page(["Alliances balance threats^{1} rather than power, and the", "balance of"], first_note)
    page(
        ["threats decides the alliance (Walt, 1987). Later work", "agrees (Abbott, 2019; Brandt &"],
        second_note,
    )
    page(["Cole, 2020) and says no more.", "", *REFERENCES], [])
    canvas.save()
    return path


def test_a_note_run_on_to_the_next_page_is_read_with_the_notes(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "run-on.pdf",
        [
            "^{1} See Walt (1987) for the theory of threats, and the",
            "later studies that took it up with",
        ],
        ["more data, from many more alliances than Walt had."],
    )
    texts = [line.text for line in read_manuscript(path).lines if line.text]
    at = texts.index("agrees (Abbott, 2019; Brandt & Cole, 2020)")
    assert texts[at + 1] == "and says no more."
    assert texts.index("more data, from many more alliances than Walt had.") > at
    result = audit(AuditInput.from_paths([path]))
    assert "Brandt & Cole, 2020" in [c.item for c in result.data.citations]
    assert not [f for f in result.findings if f.code in ("CIT001", "CIT002")]


def test_a_finished_note_leaves_the_next_page_s_small_foot_in_the_body(tmp_path: Path) -> None:
    """The note on the page before ended its sentence: small type at the next page's
    foot with no mark is no continuation of it, and is left where it stands."""
    path = _pdf(
        tmp_path / "finished.pdf",
        ["^{1} See Walt (1987) for the theory of threats."],
        ["Received 1 May 2024; accepted 2 June 2024"],
    )
    lines = read_manuscript(path).lines
    texts = [line.text for line in lines if line.text]
    received = texts.index("Received 1 May 2024; accepted 2 June 2024")
    assert texts[received - 1].startswith("agrees (Abbott, 2019; Brandt &")


def test_a_citation_cut_where_the_note_runs_on_is_read_whole(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "note-cite.pdf",
        [
            "^{1} Later studies took the theory up with more data, as",
            "Abbott (2019) and Brandt and",
        ],
        ["Cole (2020) did, for many more alliances than Walt had."],
    )
    result = audit(AuditInput.from_paths([path]))
    assert "Brandt and Cole (2020)" in [" ".join(c.item.split()) for c in result.data.citations]
    assert not [f for f in result.findings if f.code in ("CIT001", "CIT002")]
