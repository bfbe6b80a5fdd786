"""Markdown link reference definitions print nothing: their label (when it could read
as words) and title are blanked, column for column; the address stays (a link uses
it). A title or label "Smith (2019)" cited an entry no reader sees."""

from __future__ import annotations

from citeaudit.manuscript.markdown_definitions import blank_link_definitions


def _blanked(text: str) -> list[str]:
    lines = text.split("\n")
    blank_link_definitions(lines)
    return lines


WRITTEN = (
    "Text.\n\n"
    '[x]: https://example.org/a "Smith (2019)"\n'
    "[Smith (2019)]: <https://example.org/b> 'T'\n"
    "[https://doi.org/10.5555/abc]: https://elsewhere.example/c (Lee, 2001)\n"
    "[y]: https://example.org/d\n"
    '   "Roe (2020)"'
)


def test_titles_and_word_labels_are_blanked_addresses_kept() -> None:
    lines = _blanked(WRITTEN)
    assert lines[2] == "[x]: https://example.org/a" + " " * 15
    assert lines[3].strip() == ": <https://example.org/b>"
    assert lines[4].rstrip() == "[https://doi.org/10.5555/abc]: https://elsewhere.example/c"
    assert lines[5] == "[y]: https://example.org/d"
    assert lines[6].strip() == ""
    assert [len(x) for x in lines] == [len(x) for x in WRITTEN.split("\n")]


def test_what_is_no_definition_is_left() -> None:
    text = (
        "A paragraph goes on\n"
        '[x]: https://example.org "Smith (2019)"\n'
        "\n"
        '    [y]: https://example.org "Indented: code"\n'
        "[1]: Smith, J. (2019). A title. Journal.\n"
        '[z]: https://example.org "a title" and more words'
    )
    assert _blanked(text) == text.split("\n")


def _notes_blanked(text: str) -> list[str]:
    from citeaudit.manuscript.markdown_definitions import blank_unused_footnotes

    lines = text.split("\n")
    blank_unused_footnotes(lines)
    return [line.strip() for line in lines]


def test_a_footnote_no_text_calls_is_blanked_with_its_continuations() -> None:
    lines = _notes_blanked(
        "Text.[^a] More.\n\n"
        "[^a]: Shown note (Lee, 2001).\n"
        "[^b]: Unused note (Smith, 2019)\n"
        "lazy line (Roe, 2020).\n\n"
        "    Indented block (Kay, 2018).\n\n"
        "After the note."
    )
    assert lines == [
        "Text.[^a] More.",
        "",
        "[^a]: Shown note (Lee, 2001).",
        "",
        "",
        "",
        "",
        "",
        "After the note.",
    ]


def test_notes_are_left_when_no_note_is_called_so() -> None:
    text = "Text.^1^\n\n[^1]: Smith (2019)."
    assert _notes_blanked(text) == ["Text.^1^", "", "[^1]: Smith (2019)."]
