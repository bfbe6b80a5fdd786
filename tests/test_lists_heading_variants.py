"""Headings that name a reference list in words no earlier list held.

Science's "References and Notes", "Bibliographic references", Spanish and Portuguese
"Referencias y notas" / "Notas e referências", the singular "Referência", Latin
American "Fuentes documentales", "Webgrafía", "Hemerografía", and Central European
"Źródła", "Popis literature", "Korištena literatura": with no heading found the list
was read as prose, so every entry went unread and every citation was "missing". Every
input here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reference_section import is_reference_title

_HEADINGS = [
    "References and Notes",
    "REFERENCES AND NOTES",
    "Bibliographic references",
    "Referencias y notas",
    "Notas y referencias",
    "Referências e notas",
    "Notas e referências",
    "Referências Bibliográficas e Notas",
    "Bibliografía y notas",
    "Bibliography and Notes",
    "Notes and Bibliography",
    "Sources and References",
    "Cited works",
    "Referência",
    "REFERENCIA",
    "Fuentes documentales",
    "Referencias documentales",
    "Documentos consultados",
    "Fuentes bibliográficas",
    "Fontes bibliográficas",
    "Webgrafía",
    "Hemerografía",
    "Źródła",
    "Bibliografia y fuentes",
    "Popis literature",
    "Korištena literatura",
    "Seznam literatury",
    "Literatura citirana",
]


@pytest.mark.parametrize("heading", _HEADINGS)
def test_the_heading_names_a_list(heading: str) -> None:
    assert is_reference_title(heading)


@pytest.mark.parametrize("heading", ["Notes", "Notas", "Endnotes", "Sources of funding"])
def test_notes_alone_name_no_list(heading: str) -> None:
    assert not is_reference_title(heading)


def test_a_list_under_references_and_notes_is_read(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nRates fell (Lee, 2019) and rose (Roe, 2020).\n\n"
        "**References and Notes**\n\n"
        "Lee, K. (2019). One title. Journal of Things, 1, 2-9.\n\n"
        "Roe, M. (2020). Two title. Journal of Things, 2, 3-9.\n\n"
        "Poe, A. (2018). Three title. Journal of Things, 3, 4-9.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    assert len(result.data.references) == 3
    assert sorted(f.code for f in result.findings if f.code.startswith("CIT")) == ["CIT001"]
