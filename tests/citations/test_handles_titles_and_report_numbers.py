"""Author-year works named in ways the name reader did not take (issue 12): a user's
handle as author ("nick1627 (2019)"), a title whose lower-case word made the reader
start the name late ("(Guide to Open Data, 2019)" read as "Open Data"), and a body's
report cited with its number ("(WHO TRS-1019, 2019)"). Each left its entry "never
cited". Made-up names and works throughout; a work the list does not hold is still
reported, or (as before) dropped when nothing confirms it."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty

from .helpers import document

_LIST = """
# References

Guide to Open Data. (2019). Open Knowledge Press.

jdoe42. (2021). Notes on mapping tools. https://example.org/jdoe42/notes

Marsh, K. (2020). Field methods. Harbour Press.

WHO. (2019). Evaluation of certain additives (WHO Technical Report Series, No. 1019).
"""


def _findings(tmp_path: Path, body: str, entries: str = _LIST) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text("# Introduction\n\n" + body + "\n" + entries, encoding="utf-8")
    return [(f.code, f.message) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_a_handle_before_a_year_is_a_weak_narrative() -> None:
    (found,) = extract_citations(document("As jdoe42 (2021) showed, tools differ."))
    assert (found.authors, found.year, found.certainty) == (("jdoe42",), 2021, Certainty.WEAK)
    (inside,) = extract_citations(document("(nick_k (2019) is a good example)"))
    assert inside.authors == ("nick_k",)
    # a plain lower-case word is no handle
    assert extract_citations(document("as shown in (2019) and later")) == ()


def test_handle_title_and_report_number_cite_their_entries(tmp_path: Path) -> None:
    body = (
        "Data are open (see the Guide to Open Data, 2019). As jdoe42 (2021) showed, "
        "maps vary (Marsh, 2020). Limits were set (WHO TRS-1019, 2019)."
    )
    assert _findings(tmp_path, body) == []


def test_works_the_list_does_not_hold_are_still_reported(tmp_path: Path) -> None:
    body = "Maps vary (Marsh, 2020; Quist, 2018). As jdoe42 (2021) showed."
    codes = _findings(tmp_path, body)
    assert ("CIT002", '"Quist, 2018" has no matching entry in the reference list') in codes
    uncited = sorted(m.split(" (")[0] for c, m in codes if c == "CIT001")
    assert uncited == ["Guide to Open Data", "WHO"]


def test_a_handle_no_entry_has_is_no_citation(tmp_path: Path) -> None:
    body = "As version2 (2019) notes, maps vary (Marsh, 2020)."
    codes = [c for c, _ in _findings(tmp_path, body)]
    assert "CIT002" not in codes
