"""Reference lists whose numbers carry a reader's mark of interest ("6.•• Roe A. ...",
"18• Doe B. ..."), as review journals print the papers "of special interest" (•) and
"of outstanding interest" (••).

Read as no label, each marked entry was joined to the entry before, and the list came
out short: its marked works were never found, their citations missing.

Every list here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import list_marker, split_entries


def lines_of(text: str) -> list[Line]:
    return [Line("m.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


def marked_list(after_full_stop: bool) -> str:
    dot = "." if after_full_stop else ""
    return (
        "1. Doe A. A first invented study. J Nowhere. 2001;1:1-9.\n\n"
        f"2{dot}• Roe B, Poe C. A second invented study. J Nowhere. 2002;2:10-19.\n\n"
        f"3{dot}•• Moe D. A third invented study. J Nowhere. 2003;3:20-29.\n\n"
        "4. Loe E. A fourth invented study. J Nowhere. 2004;4:30-39.\n\n"
        f"5{dot}•• Koe F, Joe G. A fifth invented study. J Nowhere. 2005;5:40-49."
    )


@pytest.mark.parametrize("after_full_stop", [True, False])
@pytest.mark.parametrize("between", ["\n\n", "\n"])
def test_marked_numbers_open_entries(after_full_stop: bool, between: str) -> None:
    text = marked_list(after_full_stop).replace("\n\n", between)
    entries = split_entries(lines_of(text))
    assert [e.text.split()[1] for e in entries] == ["Doe", "Roe", "Moe", "Loe", "Koe"]


def test_the_mark_is_no_part_of_the_label() -> None:
    marker = list_marker("3.•• Moe D. A third invented study.")
    assert marker is not None
    assert marker.group("number") == "3."
    bare = list_marker("18• Moe D. A third invented study.")
    assert bare is not None
    assert bare.group("number") == "18"


@pytest.mark.parametrize(
    "line", ["2•3 of the samples", "• Doe A. 2001. Title.", "•• Doe A. 2001. Title."]
)
def test_no_label_where_no_number_opens_an_entry(line: str) -> None:
    marker = list_marker(line)
    assert marker is None or marker.group("number") is None


def test_marked_entries_are_found_and_cited(tmp_path: Path) -> None:
    body = (
        "# An invented review\n\n"
        "Studies agree [1,2]. Others differ [3]. A fourth [4] and a fifth [5] close it.\n\n"
        "## References\n\n"
    )
    path = tmp_path / "paper.md"
    path.write_text(body + marked_list(after_full_stop=True) + "\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 5
    rules = {f.rule for f in result.findings}
    assert "uncited-reference" not in rules
    assert "missing-reference" not in rules


def test_a_record_number_end_is_read_in_linear_time() -> None:
    # "PubMed", a long run of spaces, no number: each split of the run between two
    # runs of spaces was tried (20,000 spaces took seconds)
    from time import perf_counter

    from citeaudit.manuscript.reference_section import _IDENTIFIER_END

    hostile = "PubMed" + " " * 20_000 + "x"
    start = perf_counter()
    assert _IDENTIFIER_END.search(hostile) is None
    assert perf_counter() - start < 0.5
    assert _IDENTIFIER_END.search("J Nowhere. 2001;1:1-9. PubMed ID : 12345678") is not None
