"""A PDF link annotation over a printed address or DOI that opens another address is
reported by deceptive-link, at its page; one over the address it opens, or over words,
is not. The reader kept annotations' targets for its entries only, never what they
cover. (Needs r5v-document.diff and r5v-pdf.diff.)"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.test_r5v_pdf_link_shown import _pdf


def _deceptive(tmp_path: Path, links: list[tuple[int, str]]) -> list[str]:
    lines = [
        (740, "Introduction"),
        (720, "As Roe (2020) showed, see the data at"),
        (700, "https://doi.org/10.5555/abc"),
        (680, "and the Full text of the work."),
        (640, "References"),
        (620, "Roe, A. (2020). Rivers. Water, 1, 2-3."),
    ]
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf(lines, links))
    result = audit(AuditInput(manuscripts=(path,)))
    return [f"{f.location} {f.message}" for f in result.findings if f.rule == "deceptive-link"]


def test_a_link_over_another_address_is_reported(tmp_path: Path) -> None:
    found = _deceptive(tmp_path, [(700, "https://elsewhere.example/x")])
    assert len(found) == 1
    assert "p. 1" in found[0]
    assert "shows https://doi.org/10.5555/abc but opens https://elsewhere.example/x" in found[0]


def test_links_over_their_own_address_or_words_are_not(tmp_path: Path) -> None:
    found = _deceptive(
        tmp_path,
        [(700, "https://dx.doi.org/10.5555/ABC"), (680, "https://elsewhere.example/full")],
    )
    assert found == []
