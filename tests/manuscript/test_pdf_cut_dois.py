"""A DOI cut where a narrow column ran out is read whole.

A typesetter that finds no break point in a long DOI cuts it at any character
("…/10.5555/JIC" / "OAST.2019.0411"). Read as two pieces, two entries of one journal
kept the same DOI prefix and were reported as one work listed twice (BIB001), and the
DOI a link check asks for was not the entry's. The PDFs are printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

BODY = [
    "Tides mix the made-up estuary (Okafor & Lind, 2019),",
    "and salt wedges move with them (Pereira, 2020).",
    "",
    "Data are at https://example.org/data",
    "Fig.2 shows the wedge moving upstream.",
]
ENTRIES: list[str | tuple[float, str]] = [
    "References",
    "",
    "Okafor, B., & Lind, T. (2019). Tidal mixing.",
    (12.0, "Invented Coasts, 4, 1-9. https://doi.org/10.5555/JIC"),
    (12.0, "OAST.2019.0411"),
    "Pereira, A. (2020). Salt wedges revisited.",
    (12.0, "Invented Coasts, 5, 10-19. https://doi.org/10.5555/J"),
    (12.0, "ICOAST.2020.0107"),
]


def _pdf(path: Path) -> Path:
    return write_pdf(path, [Page([Column(list(BODY)), Column(list(ENTRIES))])])


def test_a_doi_cut_at_a_full_lines_end_is_joined(tmp_path: Path) -> None:
    document = read_manuscript(_pdf(tmp_path / "cut.pdf"))
    entries = [e.text for e in document.reference_entries]
    assert len(entries) == 2
    assert "https://doi.org/10.5555/JICOAST.2019.0411" in entries[0]
    assert "https://doi.org/10.5555/JICOAST.2020.0107" in entries[1]


def test_two_cut_dois_of_one_journal_are_not_one_work(tmp_path: Path) -> None:
    result = audit(AuditInput(manuscripts=(_pdf(tmp_path / "cut.pdf"),)))
    dois = sorted(r.doi or "" for b in result.data.bibliographies for r in b.references)
    assert dois == ["10.5555/jicoast.2019.0411", "10.5555/jicoast.2020.0107"]
    assert not [f for f in result.findings if f.code == "BIB001"]


def test_a_link_ending_a_short_line_keeps_the_next_lines_word(tmp_path: Path) -> None:
    document = read_manuscript(_pdf(tmp_path / "cut.pdf"))
    text = [line.text for line in document.lines]
    assert any(t.rstrip().endswith("https://example.org/data") for t in text)
    assert any(t.startswith("Fig.2 shows") for t in text)
