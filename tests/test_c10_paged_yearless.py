"""Classes NY, NL: names and a page with no year, "(Rook, S. 211-212)", or a "null" year.

A thesis cites an undated work by its author and page; without a cue word ("vgl.",
"cf.") before it the group was read as nothing, and the undated entry was "never
cited". A page after the names makes them a work's (no maker or authority has a page):
read WEAK, kept when one entry's authors fit. Made-up German and English papers; names
with a page that no entry has report nothing. A reference manager prints a missing
year "null" ("(Rook null, S. 7)"): no year, as "n.d." is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from tests.verdicts import uncited_and_missing

_GERMAN = (
    "Töpfe kühlen ab (Adler 2018, S. 3), (Berg 2017, S. 5) und (Cole 2016, S. 7).\n"
    "Dampf steigt auf {group}.\n\n"
    "Literaturverzeichnis\n\n"
    "Adler, Ann (2018): Erfundene Töpfe. In: Zeitschrift für Töpfe 1, S. 1-9.\n"
    "Berg, Bo (2017): Erfundene Deckel. In: Zeitschrift für Töpfe 2, S. 1-9.\n"
    "Cole, Cy (2016): Erfundene Griffe. In: Zeitschrift für Töpfe 3, S. 1-9.\n"
    "Rook, Ben: Erfundener Dampf. In: Zeitschrift für Kessel.\n"
)
_ENGLISH = (
    "Pots cool (Adler, 2018, p. 3), (Berg, 2017, p. 5) and (Cole, 2016, p. 7).\n"
    "Steam rises {group}.\n\n"
    "References\n\n"
    "Adler, A. (2018). Made-up pots. Journal of Pots, 1, 1-9.\n"
    "Berg, B. (2017). Made-up lids. Journal of Pots, 2, 1-9.\n"
    "Cole, C. (2016). Made-up handles. Journal of Pots, 3, 1-9.\n"
    "Rook, B. (n.d.). Made-up steam. Journal of Kettles.\n"
)


def _verdict(tmp_path: Path, text: str, group: str) -> tuple[set[int], set[str]]:
    path = tmp_path / "paper.txt"
    path.write_text(text.format(group=group), encoding="utf-8")
    return uncited_and_missing(audit(AuditInput.from_paths([path])), 3)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (_GERMAN, "(Rook, S. 211-212)"),
        (_GERMAN, "(Rook, S. 7)"),
        (_ENGLISH, "(Rook, p. 12)"),
        (_ENGLISH, "(Rook, pp. 12-14)"),
        # class NL: a reference manager's missing year printed "null"
        (_GERMAN, "(Rook null, S. 7)"),
        (_GERMAN, "(Rook null)"),
        (_ENGLISH, "(Rook, null)"),
    ],
)
def test_names_and_page_without_year_cite_the_undated_entry(
    tmp_path: Path, text: str, group: str
) -> None:
    assert _verdict(tmp_path, text, group) == (set(), set())


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (_GERMAN, "(Anhang, S. 4)"),
        (_ENGLISH, "(Table, p. 4)"),
        (_ENGLISH, "(Zeta, p. 4)"),
        (_ENGLISH, "(Zeta null)"),
        (_ENGLISH, "(the value was null)"),
    ],
)
def test_names_and_page_of_no_entry_report_nothing_new(
    tmp_path: Path, text: str, group: str
) -> None:
    uncited, missing = _verdict(tmp_path, text, group)
    assert len(uncited) == 1 and missing == set()
