"""Citations and DOIs that a PDF's line end cut in two are read whole.

Two classes found by printing the fresh corpus in two columns (benches/pdf.py):

- a name ending a line and a bare year opening the next: "... until Quellmaier" /
  "1934 added ...", "fixation of Brantwell" / "1897: 60". Taxonomic and author-year
  prose cites "Name Year" with no bracket; read line by line the name stood alone,
  the year was no citation's, and its entry was reported uncited;
- a SICI DOI cut after its hyphen whose rest holds square brackets ("10.1639/0007-" /
  "2745(2006)109[141:FCJINZ]2.0.CO;2"): the rest was not taken for a link's piece, so
  two entries of one journal kept the same cut DOI and were reported as one work (BIB001).

Made-up names; each PDF is printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_text import join_broken_citations, join_broken_words
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

HANG = 14.0


def _line(text: str, base: float, x1: float = 300) -> PdfLine:
    return PdfLine(page=1, x0=56, x1=x1, top=base + 8, base=base, size=10, text=text)


def test_a_bare_year_opening_the_line_goes_up_to_the_name() -> None:
    lines = [
        _line("The genus stayed monotypic until Quellmaier", 700),
        _line("1934 added two", 687),
    ]
    joined = join_broken_citations(lines)
    assert joined[0].text == "The genus stayed monotypic until Quellmaier 1934"
    assert joined[1].text == "added two"


def test_the_year_takes_its_page_colon_or_comma_with_it() -> None:
    colon = [_line("by fixation of Brantwell", 700), _line("1897: 60 (a statement)", 687)]
    assert join_broken_citations(colon)[0].text == "by fixation of Brantwell 1897:"
    comma = [_line("setipennis Toussaint", 700), _line("1919b, by designation", 687)]
    assert join_broken_citations(comma)[0].text == "setipennis Toussaint 1919b,"


def test_no_name_or_no_year_moves_nothing() -> None:
    lower = [_line("the counts rose in", 700), _line("1934 and fell", 687)]
    assert join_broken_citations(lower)[0].text == "the counts rose in"
    ended = [_line("as Quellmaier wrote.", 700), _line("1934 was a dry year", 687)]
    assert join_broken_citations(ended)[0].text == "as Quellmaier wrote."
    count = [_line("samples from Quellmaier", 700), _line("19340 in all", 687)]
    assert join_broken_citations(count)[0].text == "samples from Quellmaier"
    alone = [_line("until Quellmaier", 700), _line("1934.", 687)]  # a line is never emptied
    assert join_broken_citations(alone)[1].text == "1934."


def test_a_sici_doi_cut_after_its_hyphen_is_joined_brackets_and_all() -> None:
    lines = [
        _line("Made-up Bryologist 109: 141-156. doi: 10.1639/0007-", 700, x1=300),
        _line("2745(2006)109[141:FCJINZ]2.0.CO;2", 687, x1=200),
    ]
    joined = join_broken_words(lines)
    assert joined[0].text.endswith("doi: 10.1639/0007-2745(2006)109[141:FCJINZ]2.0.CO;2")


def test_a_bracketed_number_after_a_cut_link_stays_a_citation() -> None:
    lines = [_line("as archived at https://example.org/", 700), _line("[12] and later", 687)]
    joined = join_broken_words(lines)
    assert joined[0].text == "as archived at https://example.org/"
    assert joined[1].text == "[12] and later"


BODY = [
    "The genus stayed monotypic until Quellmaier",
    "1934 added two species. A lectotype was fixed",
    "by Brantwell",
    "1897: 60 on a made-up label.",
    "",
]
ENTRIES: list[str | tuple[float, str]] = [
    "References",
    "Brantwell DW (1897) Invented flies of a made-up coast.",
    (HANG, "Made-up Bryologist 109: 141-156. doi: 10.1639/0007-"),
    (HANG, "2745(2006)109[141:FCJINZ]2.0.CO;2"),
    "Quellmaier HJ (1934) More invented flies. Made-up",
    (HANG, "Bryologist 111: 118-123. doi: 10.1639/0007-"),
    (HANG, "2745(2008)111[118:SOLXCA]2.0.CO;2"),
]


def _pdf(path: Path) -> Path:
    return write_pdf(path, [Page([Column(list(BODY)), Column(list(ENTRIES))])])


def test_names_cut_from_their_years_cite_their_entries(tmp_path: Path) -> None:
    result = audit(AuditInput.from_paths([_pdf(tmp_path / "flies.pdf")]))
    texts = " | ".join(c.text.replace("\n", " ") for c in result.data.citations)
    assert "Quellmaier 1934" in texts
    assert "Brantwell 1897" in texts
    codes = sorted(f.code for f in result.findings if f.code.startswith(("CIT", "BIB001")))
    assert codes == []  # nothing uncited, no work listed twice


def test_the_cut_sici_dois_are_read_whole(tmp_path: Path) -> None:
    document = read_manuscript(_pdf(tmp_path / "flies.pdf"))
    entries = [e.text for e in document.reference_entries]
    assert len(entries) == 2
    assert "10.1639/0007-2745(2006)109[141:FCJINZ]2.0.CO;2" in entries[0]
    assert "10.1639/0007-2745(2008)111[118:SOLXCA]2.0.CO;2" in entries[1]


def test_names_or_a_title_run_on_past_a_small_word_at_the_line_end() -> None:
    particle = [_line("as shown by Santos de", 700), _line("Oliveira (2010), the dunes", 687)]
    joined = join_broken_citations(particle)
    assert joined[0].text == "as shown by Santos de Oliveira (2010)"
    assert joined[1].text == ", the dunes"
    title = [_line("see the Open Access Pilot in", 700), _line("FP7 (2009) or others", 687)]
    assert join_broken_citations(title)[0].text == "see the Open Access Pilot in FP7 (2009)"
    prose = [_line("the counts given in", 700), _line("Table (2009) were", 687)]
    assert join_broken_citations(prose)[0].text == "the counts given in"  # no name before "in"
