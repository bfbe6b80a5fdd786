"""A link cut right after its scheme ("https:" / "//doi.org/...") is read whole.

A narrow column that runs out after "https:" leaves the "//" to the next line; read
with a space between, the entry's DOI link was "https: //doi.org/..." -- no link a
checker can follow. The PDF is printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

BODY = [
    "Reef sponges filter the made-up lagoon (Nakamura & Brandt, 2021),",
    "as earlier surveys found (Ilves, 2018).",
]
ENTRIES: list[str | tuple[float, str]] = [
    "References",
    "",
    "Ilves, K. (2018). Lagoon sponges of an invented atoll. https:",
    (12.0, "//doi.org/10.5555/lagoon.2018.17"),
    "Nakamura, S., & Brandt, O. (2021). Filtering reefs. Imaginary Reefs, 3, 1-9.",
]


def test_a_link_cut_after_its_scheme_is_joined(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scheme.pdf", [Page([Column(list(BODY)), Column(list(ENTRIES))])])
    entries = [e.text for e in read_manuscript(path).reference_entries]
    assert len(entries) == 2
    assert "https://doi.org/10.5555/lagoon.2018.17" in entries[0]
