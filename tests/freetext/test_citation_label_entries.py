"""Entries printed after the citation they answer to: "Gates et al. (2007) Gates TA,
Sampson SD, … Title. Journal. 2007;151:351–76." (PeerJ's lists, label-first styles).

Why: read as an author-date entry, the label's names became the authors (one where the
entry lists four; "de Ricqlès" taken for Horner's given name) and the entry's own names
the title, so "Gates et al., 2007" could not tell Gates & Sampson 2007 from the
four-author Gates 2007, and one of them was called uncited. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=1, location=Location("refs.txt", 1))


def test_the_entry_after_the_label_gives_authors_and_title() -> None:
    ref = _parse(
        "Gates et al. (2007) Gates TA, Sampson SD, De Jesus CRD, Zanno LE. Velafrons, a new "
        "harbour crane. Journal of Cranes. 2007;151:351–376."
    )
    assert [(a.family, a.given) for a in ref.authors] == [
        ("Gates", "TA"),
        ("Sampson", "SD"),
        ("De Jesus", "CRD"),
        ("Zanno", "LE"),
    ]
    assert (ref.year, ref.title) == (2007, "Velafrons, a new harbour crane")


def test_a_label_of_several_names_with_a_particle() -> None:
    ref = _parse(
        "Horner, de Ricqles & Padian (1999) Horner JR, de Ricqles A, Padian K. Variation in "
        "harbour indicators. Paleobiology. 1999;25:295–304."
    )
    assert [a.family for a in ref.authors] == ["Horner", "de Ricqles", "Padian"]
    assert ref.title == "Variation in harbour indicators"


def test_the_labels_year_letter_stands() -> None:
    ref = _parse("Lind (2009b) Lind K. Tides of the north. Marine Letters. 2009;12:1–9.")
    assert (ref.year, ref.year_suffix) == (2009, "b")


def test_a_title_opening_with_the_authors_name_is_no_label() -> None:
    ref = _parse("Gates TA (2007) Gates of the harbour. Journal of Cranes 151: 1–20.")
    assert [(a.family, a.given) for a in ref.authors] == [("Gates", "TA")]
    assert ref.title == "Gates of the harbour"


def test_et_al_picks_the_entry_with_more_authors(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "# Cranes\n\nCranes grew (Gates et al., 2007), then taller (Gates & Sampson, 2007).\n\n"
        "## References\n\n"
        "Gates & Sampson (2007) Gates TA, Sampson SD. A new species of crane. Journal of Cranes. "
        "2007;151:377–417.\n\n"
        "Gates et al. (2007) Gates TA, Sampson SD, De Jesus CRD, Zanno LE. Velafrons, a new "
        "harbour crane. Journal of Cranes. 2007;151:351–376.\n",
        encoding="utf-8",
    )
    findings = audit(AuditInput(manuscripts=(path,))).findings
    assert [f.message for f in findings if f.code in ("CIT001", "CIT002")] == []
