# ruff: noqa: E501 -- test data is clearer on one line
"""How the reference list was found, as a report says it."""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.list_origin import list_origin
from citeaudit.manuscript.plaintext import document_from_lines

ENTRIES = (
    "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n"
    "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
    "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n"
)
BODY = "The harbours grew fast (Abell, 2001), salt came first (Brandt & Sela, 2015), then the tides (Castro, 2019).\n"


def _document(text: str):  # type: ignore[no-untyped-def]
    lines = [Line("m.txt", n, t) for n, t in enumerate(text.split("\n"), start=1)]
    return document_from_lines("m.txt", "text", lines)


def test_under_a_heading_running_to_the_end() -> None:
    origin = list_origin(_document(BODY + "References\n" + ENTRIES))
    assert (origin.how, origin.entries, origin.line, origin.ends_at) == ("heading", 3, 2, None)
    assert origin.describe() == "3 entries, one per line, under the heading on line 2"


def test_cut_short_by_notes_says_where() -> None:
    origin = list_origin(_document(BODY + "References\n" + ENTRIES + "[1] Please note that the quays were rebuilt.\n[2] Another note.\n"))
    assert origin.ends_at == 6
    assert "ends before line 6" in origin.describe() and "Please note" in origin.describe()


def test_a_headless_list_says_so() -> None:
    origin = list_origin(_document(BODY + "Harbours and tides\n" + ENTRIES))
    assert origin.how == "no heading" and origin.line == 3
    assert origin.describe().startswith("3 entries, one per line, with no heading, at the end of the text from line 3")


def test_no_list() -> None:
    assert list_origin(_document(BODY)).describe() == "no reference list found in the manuscript"
