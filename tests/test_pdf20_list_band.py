"""A reference list balanced over both columns below the body's last lines, set only
a little smaller than the body (9 pt under 10 pt, 8.5 under 9.5: a tenth, where
journals often set it). Both columns end their body at one height and the list starts
below it in both; the page is read as a band above (left column, then right) and the
list's band below. Told by the type size changing in both columns at once, which a
one-tenth step was not taken for: the right column's body (or its 'Acknowledgments'
set above the list's second half) was read between the list's halves, the list ended
at that heading, and the entries in its right half were lost -- their citations
reported missing, the entries silently gone.

A heading set just above the list ('References') goes with the list's band, not the
body's. Each PDF is drawn here with reportlab (made-up text)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from citeaudit.audit import AuditInput, audit

WIDTH, HEIGHT = A4
LEFT, GUTTER = 56.0, 20.0
COL = (WIDTH - 2 * LEFT - GUTTER) / 2

_BODY = [
    "Counting citations began with card indexes kept by",
    "librarians (Abbott, 2001) and grew into the large",
    "databases of today (Brandt & Cole, 2004; Dunmore,",
    "2006). Rankings of journals followed (Gray, 2008)",
    "and rankings of people soon after (Hale, 2010;",
    "Ivers, 2012). Each of these rested on the same",
    "counts (Jansen, 2014), read in new ways (Kohl,",
    "2016; Lund, 2018), until the counts were doubted",
    "(Moss, 2019; Nash, 2020) and other measures came",
    "to be proposed by many groups of authors working",
    "in the field over the last two decades of study.",
]
_RIGHT_BODY = [
    "The same holds for every field we looked at, and",
    "for every period of the counts we could measure,",
    "although the records of the oldest years are thin",
    "and the measures of the newest are still moving",
    "with the counts.",
]
_ENTRIES = [
    ("Abbott, J. (2001). Card indexes of the library.", "Library Stud., 3, 1-10."),
    ("Brandt, K., & Cole, L. (2004). Large databases.", "J. Doc., 5, 11-20."),
    ("Dunmore, M. (2006). Databases of today. Inf.", "Rev., 7, 21-30."),
    ("Gray, P. (2008). Ranking journals. Scientom.", "Lett., 9, 31-40."),
    ("Hale, R. (2010). Ranking people. Res. Eval.,", "11, 41-50."),
    ("Ivers, S. (2012). The same counts again. J.", "Metrics, 13, 51-60."),
    ("Jansen, T. (2014). Counts read anew. Inf. Sci.,", "15, 61-70."),
    ("Kohl, U. (2016). New readings of counts. Qual.", "Sci., 17, 71-80."),
    ("Lund, V. (2018). Still counting. Res. Pol., 19,", "81-90."),
    ("Moss, W. (2019). Doubting the counts. Soc.", "Stud. Sci., 21, 91-99."),
    ("Nash, Y. (2020). Other measures. Eval. Rev., 23,", "100-110."),
]


def _draw(canvas: Canvas, x: float, y: float, lines: list[str], size: float, lead: float) -> float:
    canvas.setFont("Times-Roman", size)
    for text in lines:
        canvas.drawString(x, y, text)
        y -= lead
    return y


def _list(canvas: Canvas, x: float, y: float, entries: list[tuple[str, str]], size: float) -> None:
    canvas.setFont("Times-Roman", size)
    for first, rest in entries:
        canvas.drawString(x, y, first)
        canvas.drawString(x + 12, y - 1.2 * size, rest)
        y -= 2.6 * size


def _page(
    path: Path,
    body: float,
    small: float,
    right_heading: str | None,
    heading_above: bool,
    note: str | None = None,
) -> Path:
    """Body in both columns down to a height; then the list in `small` type, balanced:
    its first half under the left column's 'References', its second half in the right
    column at the same height, below the right column's last body lines (and its
    `right_heading`, when given)."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Times-Italic", 8)
    canvas.drawString(LEFT, HEIGHT - 30, "Journal of Made-up Studies 12 (2024)")
    lead = 1.2 * body
    top = HEIGHT - 80
    y = _draw(canvas, LEFT, top, _BODY, body, lead)
    if note:  # a short section of its own just above the list ('Data availability')
        canvas.setFont("Times-Bold", body + 1)
        canvas.drawString(LEFT, y - 0.8 * body, note)
        y = _draw(canvas, LEFT, y - 3 * body, ["Made-up data are on request."], body, lead)
    right_x = LEFT + COL + GUTTER
    ry = top
    if right_heading:
        canvas.setFont("Times-Bold", body + 1)
        canvas.drawString(right_x, ry, right_heading)
        ry -= 1.6 * body
    ry = _draw(canvas, right_x, ry, _RIGHT_BODY, body, lead)
    band = min(y, ry) - 2.2 * body
    if heading_above:
        canvas.setFont("Times-Bold", body + 1)
        canvas.drawString(LEFT, band, "References")
        band -= 2.2 * body
    half = (len(_ENTRIES) + 1) // 2
    _list(canvas, LEFT, band, _ENTRIES[:half], small)
    _list(canvas, right_x, band, _ENTRIES[half:], small)
    canvas.setFont("Times-Roman", 8)
    canvas.drawCentredString(WIDTH / 2, 28, "7")
    canvas.showPage()
    canvas.save()
    return path


def _check(path: Path) -> None:
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == len(_ENTRIES), [
        r.raw[:40] for r in result.data.references
    ]
    codes = [f.message for f in result.findings if f.code in ("CIT001", "CIT002")]
    assert codes == []


def test_acknowledgments_above_the_lists_right_half(tmp_path: Path) -> None:
    _check(_page(tmp_path / "ack.pdf", 10.0, 9.0, "Acknowledgments", heading_above=True))


def test_a_conflict_statement_above_the_lists_right_half_in_smaller_type(
    tmp_path: Path,
) -> None:
    _check(_page(tmp_path / "coi.pdf", 9.5, 8.5, "Conflict of interest", heading_above=True))


def test_body_ends_in_both_columns_above_a_list_set_a_tenth_smaller(tmp_path: Path) -> None:
    _check(_page(tmp_path / "plain.pdf", 10.0, 9.0, None, heading_above=True))


def test_a_short_section_just_above_the_lists_heading(tmp_path: Path) -> None:
    """'Data availability' and its one line stand just above 'References': the list's
    heading, set in the larger type of a heading, still goes with the list below."""
    path = _page(
        tmp_path / "note.pdf",
        10.0,
        9.0,
        "Acknowledgments",
        heading_above=True,
        note="Data availability",
    )
    _check(path)
