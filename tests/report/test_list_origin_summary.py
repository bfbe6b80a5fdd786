# ruff: noqa: E501 -- test data is clearer on one line
"""Every report's summary says how each reference list was found and cut into entries.

Why: uncited and missing findings rest on the entry count. A list cut short before
notes, or hard-wrapped lines whose entry starts were guessed, change that count; the
summary says so in every format, and a stored audit (no manuscript text) still can.
"""

from __future__ import annotations

import json
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.model.codec import from_data, to_data
from citeaudit.report.html import HtmlReporter
from citeaudit.report.json import JsonReporter
from citeaudit.report.text import TextReporter

ENTRIES = (
    "1. Abell T. Harbour towns of the north. Northern Review. 2001;3(2):11–29.\n"
    "2. Brandt O, Sela M. Salt and silver. Coast Press; 2015.\n"
    "3. Castro L. Tides of trade. Journal of Ports. 2019;8:1–20.\n"
)
BODY = "# Harbours\n\nThe harbours grew fast [1], salt came first [2], then the tides [3].\n\n"
AUTHOR_YEAR = (
    "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n\n"
    "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n\n"
    "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n\n"
)
NOTES = "[1] Please note that the quays were rebuilt after the storm of 1912.\n\n[2] Another note on the tides.\n"


def _audit(tmp_path: Path, text: str, name: str = "paper.md") -> AuditResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return audit(AuditInput(manuscripts=(path,)))


def test_text_summary_says_where_the_list_is_and_how_it_was_cut(tmp_path: Path) -> None:
    result = _audit(tmp_path, BODY + "## References\n\n" + ENTRIES)
    text = TextReporter().render(result)
    assert "reference list: 3 entries, numbered, under the heading on line 5" in text


def test_a_list_cut_short_before_notes_names_where_it_stopped(tmp_path: Path) -> None:
    body = "The harbours grew fast (Abell, 2001), salt came first (Brandt & Sela, 2015), then the tides (Castro, 2019).\n\n"
    result = _audit(tmp_path, body + "## References\n\n" + AUTHOR_YEAR + NOTES)
    (origin,) = result.data.list_origins
    assert origin.entries == 3
    assert (
        "the list ends before line 11 ('[1] Please note that the quays were reb…')"
        in origin.describe()
    )


def test_json_summary_lists_each_list(tmp_path: Path) -> None:
    result = _audit(tmp_path, BODY + "## References\n\n" + ENTRIES)
    summary = json.loads(JsonReporter().render(result))["summary"]
    (listed,) = summary["reference_lists"]
    assert listed["entries"] == 3 and listed["how"] == "heading" and listed["layout"] == "numbered"
    assert listed["file"].endswith("paper.md")
    assert listed["description"].startswith("3 entries, numbered, under the heading")


def test_html_summary_shows_the_list_origin(tmp_path: Path) -> None:
    result = _audit(tmp_path, BODY + "## References\n\n" + ENTRIES)
    page = HtmlReporter().render(result)
    assert (
        '<p class="list-origin">reference list: 3 entries, numbered, under the heading on line 5</p>'
        in page
    )


def test_no_list_in_the_manuscript_adds_no_line_and_keeps_the_json_shape(tmp_path: Path) -> None:
    result = _audit(tmp_path, "The harbours grew fast (Abell, 2001).\n")
    assert result.data.list_origins == ()
    assert "reference list:" not in TextReporter().render(result)
    assert "reference_lists" not in json.loads(JsonReporter().render(result))["summary"]


def test_a_file_that_is_only_a_list_says_so(tmp_path: Path) -> None:
    listed = (
        "Abell, T. (2001). Harbour towns of the north. Northern Review, 3(2), 11–29.\n"
        "Brandt, O., & Sela, M. (2015). Salt and silver. Coast Press.\n"
        "Castro, L. (2019). Tides of trade. Journal of Ports, 8, 1–20.\n"
    )
    result = _audit(tmp_path, listed, "refs.txt")
    assert (
        "reference list: 3 entries, a file that is only a reference list"
        in TextReporter().render(result)
    )


def test_two_manuscripts_are_named(tmp_path: Path) -> None:
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    first.write_text(BODY + "## References\n\n" + ENTRIES, encoding="utf-8")
    second.write_text(BODY + "## References\n\n" + ENTRIES, encoding="utf-8")
    text = TextReporter().render(audit(AuditInput(manuscripts=(first, second))))
    assert f"reference list in {first}: 3 entries" in text
    assert f"reference list in {second}: 3 entries" in text


def test_a_stored_audit_keeps_the_origin_without_the_text(tmp_path: Path) -> None:
    """The service stores results without manuscript lines: the origin must survive."""
    result = _audit(tmp_path, BODY + "## References\n\n" + ENTRIES)
    restored = from_data(AuditResult, to_data(result))
    assert restored.data.list_origins == result.data.list_origins
