"""A PDF's line numbers start again on every page: a place is (file, page, line).

The uncited-reference rule spares an entry whose own address the text writes
(`_cited_by_address`), unless the address is only on the list's own line. It keys
lines by (file, line) alone (until now), so in a PDF an entry's line is "read with the text"
whenever a body line on another page has its number -- nearly always -- and the
entry's address counts as the list's own, never cited (the fresh corpus in two
columns: "Open Access Pilot in FP7 (2009)", cited by its ftp address, reported
uncited; not in Markdown). The rule now keys places by (file, page, line).

Made-up entries; the PDFs are printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

HANG = 14.0


def _uncited(path: Path) -> list[str]:
    result = audit(AuditInput.from_paths([path]))
    return [f.message for f in result.findings if f.code == "CIT001"]


def _article(tmp_path: Path, mention: str) -> Path:
    """Page 1: the body, whose fourth line holds `mention`; page 2: the list, the
    work's entry opening on the fourth line of its page too (the header aside)."""
    body = [
        "Dunes move with the made-up wind (Quellmaier, 1998),",
        "and older dunes with older winds (Zeller, 2001). Both",
        "are invented, and so are their winds.",
        mention,
        "",
    ]
    entries: list[str | tuple[float, str]] = [
        "References",
        "Quellmaier, T. (1998). Moving dunes. Invented Sand,",
        (HANG, "1, 1-9."),
        "Okafor, B. (2017). A survey of made-up winds. Invented",
        (HANG, "Sand, 4, 1-9. https://example.org/okafor-winds"),
        "Zeller, C. (2001). Other dunes. Invented Sand, 2,",
        (HANG, "1-9."),
    ]
    return write_pdf(tmp_path / "dunes.pdf", [Page([Column(body)]), Page([Column(entries)])])


def test_an_address_on_one_page_is_the_control(tmp_path: Path) -> None:
    # one page: the body's line and the entry's stand at different numbers
    body: list[str | tuple[float, str]] = [
        "Dunes move with the made-up wind (Quellmaier, 1998).",
        "",
        "The winds are mapped at https://example.org/okafor-winds today.",
        "",
        "References",
        "Quellmaier, T. (1998). Moving dunes. Invented Sand, 1, 1-9.",
        "Okafor, B. (2017). A survey of made-up winds. Invented",
        (HANG, "Sand, 4, 1-9. https://example.org/okafor-winds"),
        "Zeller, C. (2001). Other dunes. Invented Sand, 2, 1-9.",
        (HANG, "Cited nowhere, as its finding says."),
    ]
    path = write_pdf(tmp_path / "one.pdf", [Page([Column(body)])])
    uncited = _uncited(path)
    assert not [m for m in uncited if "Okafor" in m]
    assert [m for m in uncited if "Zeller" in m]  # the rule still reports


def test_an_entry_cited_by_its_address_in_a_two_page_pdf(tmp_path: Path) -> None:
    path = _article(tmp_path, "The winds are mapped at https://example.org/okafor-winds today.")
    assert not [m for m in _uncited(path) if "Okafor" in m]
