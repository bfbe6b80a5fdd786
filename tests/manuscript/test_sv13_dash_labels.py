"""A list numbered "1- ", "2 - ", "3.- " (sv13, class DL).

Made up, modelled on a British dissertation's Harvard list typed in Word with a
number and a dash before each entry (benches/REAL_MANUSCRIPTS_13.md). Read as no
marker, the list was cut as spaced paragraphs: one entry per page held ten works,
and every citation of the nine swallowed works was "no matching entry".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import list_marker, split_entries

_ENTRIES = [
    "1- Grier, M. (2004) 'Ways of covering the kettle space', Steam Journal, 38(2), pp.131-183.",
    "2- Al-Hamra, A.T. (2012) 'A co-boiling platform for kettles', Pot Letters, 36(1), pp.8-19.",
    "3- Valde, Romo & Barr. (2012) 'Kettles in VR spaces', Expert Pots, 39(18), pp.13-21.",
    "4- Unity (2017c) Kettle manual: the interface. Available at:",
    "https://kettle.example/manual/interface.html. (Accessed: 30 March 2018).",
    "5- VIVE United Kingdom (2017e) Kettle. Available at: https://kettle.example/uk/.",
]


@pytest.mark.parametrize("text", ["1- Roe, A.", "12 - Roe, A.", "3.- Roe, A.", "4 – Roe, A."])
def test_dl_number_and_dash_is_a_marker(text: str) -> None:
    marker = list_marker(text)
    assert marker is not None and marker.group("number")


@pytest.mark.parametrize("text", ["1-2 kettles boil", "2019- Roe, A.", "12-Unity", "3 -x"])
def test_dl_guard_a_range_or_a_year_is_no_marker(text: str) -> None:
    assert list_marker(text) is None


def test_dl_dash_numbered_lines_are_one_entry_each() -> None:
    entries = split_entries([Line("x", n, t) for n, t in enumerate(_ENTRIES, 1)])
    assert len(entries) == 5
    assert entries[3].text.startswith("4. Unity") and "Accessed" in entries[3].text


def test_dl_dissertation_cites_each_numbered_work(tmp_path: Path) -> None:
    text = (
        "Design spaces are large (Grier, 2004, p. 134) and co-boiling helps "
        "(Al-Hamra 2012, p. 8); VR shows kettles (Valde, Romo & Barr 2012, p. 13) "
        "through Unity (2017c) and the headset (VIVE United Kingdom, 2017e).\n\n"
        "References\n\n" + "\n".join(_ENTRIES) + "\n"
    )
    path = tmp_path / "dissertation.txt"
    path.write_text(text, encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 5
    assert [r.authors[0].family for r in result.data.references][4] == "VIVE United Kingdom"
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
