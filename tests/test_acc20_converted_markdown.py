"""Markdown a converter wrote (pandoc, markitdown, mammoth, html2text from a journal's
HTML page, a PDF or a Word file): its artifacts must not cost citations or entries."""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes


def test_escaped_number_labels_open_entries(tmp_path: Path) -> None:
    # pandoc writes a paragraph opening "2." as "2\." (not to start a list); an entry
    # ending with no full stop was joined to the next one
    body = "Exercise helps (1,2). So does sleep (3)."
    entries = [
        "1\\. Roe A, Poe B. Exercise and glucose. Diabetes Care 2004;27:S58–S62",
        "2\\. Doe C. Sleep and glucose. Diabetes Care 2010;33(1 Suppl.):S62–9",
        "3\\. Fox D. Diet. Lancet 2001;344:1343–50",
    ]
    result = audit_listed(tmp_path, body, entries)
    assert len(result.data.references) == 3
    assert citation_codes(result) == []


def test_escaped_bracket_labels_open_entries(tmp_path: Path) -> None:
    body = "Exercise helps [1], [2]. So does sleep [3]."
    entries = [
        "\\[1\\] Roe A, Poe B. Exercise and glucose. Diabetes Care 2004;27:S58–S62",
        "\\[2\\] Doe C. Sleep and glucose. Diabetes Care 2010;33(1 Suppl.):S62–9",
        "\\[3\\] Fox D. Diet. Lancet 2001;344:1343–50",
    ]
    result = audit_listed(tmp_path, body, entries)
    assert len(result.data.references) == 3
    assert citation_codes(result) == []
