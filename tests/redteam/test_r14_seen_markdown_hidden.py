"""Raw HTML in a Markdown manuscript that no reader of the page sees cites nothing.

``<div hidden>(Smith, 2019)</div>``, ``<span style="display: none">``,
``visibility:hidden``, ``<template>``, ``<script>`` and ``<style>`` were read as
text: the hidden citation "cited" an entry the editor would have been told was
uncited (`manuscript.html_hidden`; the hook in markdown.hide_non_text). What shows --
``<details>``, struck-out ``<del>``, ``aria-hidden`` -- is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.html_hidden import blank_hidden_html

REFERENCES = """## References

Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.

Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.
"""


def _uncited(tmp_path: Path, middle: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Paper\n\nIntro (Lee, 2001).\n\n{middle}\n\n{REFERENCES}", "utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


@pytest.mark.parametrize(
    "middle",
    [
        "<div hidden>(Smith, 2019)</div>",
        "<div hidden>\n\nAs argued (Smith, 2019).\n\n</div>",
        "Text <span style=\"color: red; display : none\">(Smith, 2019)</span> more.",
        "Text <span style='visibility:hidden'>(Smith, 2019)</span> more.",
        "<template>(Smith, 2019)</template>",
        '<script>var a = "(Smith, 2019)";</script>',
        "<style>\n.a::after { content: '(Smith, 2019)' }\n</style>",
        "<div hidden><div>inner</div> still hidden (Smith, 2019)</div>",
    ],
)
def test_hidden_html_cites_nothing(tmp_path: Path, middle: str) -> None:
    uncited = _uncited(tmp_path, middle)
    assert len(uncited) == 1 and "Smith" in uncited[0]


@pytest.mark.parametrize(
    "middle",
    [
        "<details><summary>More</summary>(Smith, 2019)</details>",
        '<span aria-hidden="true">(Smith, 2019)</span>',
        '<span title="not hidden">(Smith, 2019)</span>',
        "<div hidden></div> Shown (Smith, 2019).",
        '<img hidden src="x.png"> Shown (Smith, 2019).',
    ],
)
def test_shown_html_still_cites(tmp_path: Path, middle: str) -> None:
    assert _uncited(tmp_path, middle) == []


def test_blanking_keeps_columns_and_carries_to_the_next_line() -> None:
    first, open_ = blank_hidden_html("a <div hidden>b", None)
    assert first == "a" + " " * (len(first) - 1) and len(first) == len("a <div hidden>b")
    second, open_ = blank_hidden_html("c</div> (Lee, 2001)", open_)
    assert second == " " * len("c</div>") + " (Lee, 2001)" and open_ is None


def test_a_long_line_of_tags_is_linear() -> None:
    line = "<div hidden>" * 50_000 + "x" + "</div>" * 50_000
    out, open_ = blank_hidden_html(line, None)
    assert out.strip() == "" and open_ is None
