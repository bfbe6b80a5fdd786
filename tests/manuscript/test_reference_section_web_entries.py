"""Undated web-resource entries in a dated one-per-paragraph list (made-up list)."""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def _paragraphs(*texts: str) -> list[Line]:
    lines: list[Line] = []
    for text in texts:
        lines.append(Line("m.md", len(lines) + 1, text))
        lines.append(Line("m.md", len(lines) + 1, ""))
    return lines


def test_a_web_resource_with_an_access_note_is_an_entry_of_its_own() -> None:
    entries = split_entries(
        _paragraphs(
            "Devran JA (1999) Las gramíneas inventadas. Monografías Botánicas, Badajoz, 1–358.",
            "Flora fictiva: http://www.example.org/flora/ [accessed 16.05.2013]",
            "Geographic converter: http://www.example.org/convert.php [accessed 16.05.2013]",
            "Lopera J, Devran JA (1998) Seedlings of made-up plants. Journal of Things 4: 1–2.",
        )
    )
    assert [e.text[:6] for e in entries] == ["Devran", "Flora ", "Geogra", "Lopera"]


def test_the_address_ending_a_split_entry_still_continues_it() -> None:
    entries = split_entries(
        _paragraphs(
            "Devran JA (1999) Las gramíneas inventadas. Monografías Botánicas, Badajoz, 1–358.",
            "Okafor N (2018) A made-up web page, Harbour Web",
            "Available from: http://www.example.org/page [accessed 16.05.2013]",
            "Lopera J, Devran JA (1998) Seedlings of made-up plants. Journal of Things 4: 1–2.",
        )
    )
    assert [e.text[:6] for e in entries] == ["Devran", "Okafor", "Lopera"]
