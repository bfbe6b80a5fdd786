"""Hidden HTML in a Markdown manuscript is counted, so the reader can say it left it
out: ``<div hidden>``, ``display:none``, ``visibility:hidden`` and ``<template>``
hold text on purpose; ``<script>`` and ``<style>`` (an R Markdown file's CSS) hold
none a reader would miss and are not counted; nor is HTML shown as code (a fenced
block) or put in a comment. The reader's note is in /work/helpers/r4-markdown-hidden-note.diff
(markdown.py); this pins the count it gives (`html_hidden.hidden_html_elements`)."""

from __future__ import annotations

from citeaudit.manuscript.html_hidden import hidden_html_elements, hidden_html_message


def test_hidden_elements_are_counted() -> None:
    lines = [
        "Intro <span style='display: none'>(Smith, 2019)</span>.",
        "<div hidden>",
        "As argued (Smith, 2019).",
        "</div>",
        "<template>(Lee, 2001)</template> and <p style=\"visibility:hidden\">x</p>",
    ]
    assert hidden_html_elements(lines) == 4


def test_styles_scripts_code_and_comments_are_not_counted() -> None:
    lines = [
        "<style>body { color: red; }</style>",
        "<script>var x = 1;</script>",
        "```html",
        "<div hidden>(Smith, 2019)</div>",
        "```",
        "<!-- <div hidden>(Smith, 2019)</div> -->",
        "<!-- a comment",
        "<div hidden>(Smith, 2019)</div>",
        "-->",
        "~~~",
        "<span style='display:none'>a</span>",
        "~~~",
        "<details><summary>More</summary>(Smith, 2019)</details>",
    ]
    assert hidden_html_elements(lines) == 0


def test_the_message_names_the_count() -> None:
    assert "2 element(s)" in hidden_html_message(2)
    assert "not read" in hidden_html_message(2)


def test_a_line_of_comment_openings_is_read_in_one_pass() -> None:
    assert hidden_html_elements(["<!--" * 200_000 + "<div hidden>x</div>"]) == 0
    assert hidden_html_elements(["<!-- x -->" * 100_000 + "<div hidden>x</div>"]) == 1
