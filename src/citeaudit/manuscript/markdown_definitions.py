"""Markdown link reference definitions: their label and title never print.

``[x]: https://example.org "Smith (2019)"`` renders nothing -- a link elsewhere
(``[see here][x]``) takes its address, and the title shows only as a tooltip. The
audit read the line as text, so a label or title holding "Smith (2019)" cited Smith's
entry, and the uncited entry the editor would have been told of was hidden from the
audit. The label (when it could read as words: it holds a blank or a bracket) and the
title are blanked column for column; the address stays, as the link a reader clicks
(it is checked as any link is, and deceptive-link maps an address-like label to it).
A link that uses such a label, ``[here][Smith (2019)]``, prints "here": its label is
blanked too, where a definition of that label stands in the text (without one,
CommonMark prints the brackets as they are, and they are text).

CommonMark's rules, kept simple: a definition starts a line (up to three spaces in),
cannot interrupt a paragraph (the line before it is blank, another definition or the
start), and its title, quoted or in parentheses, may stand on the next line alone.
One pass; each line is matched once by a bounded, anchored pattern.
"""

from __future__ import annotations

import re

__all__ = ["blank_link_definitions", "blank_unused_footnotes"]

_DEFINITION = re.compile(
    r"(?P<indent> {0,3})(?P<label>\[[^\[\]]{1,999}+\]):[ \t]*+"
    r"(?P<destination><[^<>\n]{0,2000}+>|[^\s<>]{1,2000}+)"
    r"(?P<title>[ \t]++(?:\"[^\"]{0,2000}+\"|'[^']{0,2000}+'|\([^()]{0,2000}+\)))?+"
    r"[ \t]*+"
)
_TITLE_ALONE = re.compile(
    r"[ \t]*+(?:\"[^\"]{0,2000}+\"|'[^']{0,2000}+'|\([^()]{0,2000}+\))[ \t]*+"
)
_WORDS = re.compile(r"[\s()]")  # a label that could read as words ("Smith (2019)")


def blank_link_definitions(lines: list[str]) -> None:
    """Blank, in place, the labels that could read as words and the titles of the
    link reference definitions among `lines` (code and comments already blanked)."""
    previous_blank = True  # the start: a definition may stand there
    after_definition = False  # a title alone may follow a definition without one
    hidden: set[str] = set()  # the labels blanked, as CommonMark matches them
    for i, line in enumerate(lines):
        if after_definition and _TITLE_ALONE.fullmatch(line):
            lines[i] = " " * len(line)
            after_definition = False
            continue
        after_definition = False
        if previous_blank and "]:" in line:
            match = _DEFINITION.fullmatch(line)
            if match is not None:
                lines[i] = _blanked(line, match)
                if lines[i][match.start("label")] == " ":
                    hidden.add(_matching(match.group("label")[1:-1]))
                after_definition = match.group("title") is None
                continue  # another definition may follow
        previous_blank = not line.strip()
    if hidden:
        _blank_used_labels(lines, hidden)


# a full reference link's label, "[text][label]" (an image's too, "![alt][label]")
_USED_LABEL = re.compile(r"\]\[([^\[\]\n]{1,999}+)\]")


def _matching(label: str) -> str:
    """A label as CommonMark matches it: case and runs of blanks aside."""
    return " ".join(label.casefold().split())


def _blank_used_labels(lines: list[str], hidden: set[str]) -> None:
    for i, line in enumerate(lines):
        if "][" not in line:
            continue
        found = [m for m in _USED_LABEL.finditer(line) if _matching(m.group(1)) in hidden]
        if found:
            chars = list(line)
            for match in found:
                start, end = match.span()
                chars[start + 1 : end] = " " * (end - start - 1)
            lines[i] = "".join(chars)


def _blanked(line: str, match: re.Match[str]) -> str:
    chars = list(line)
    label_start, label_end = match.span("label")
    if _WORDS.search(line, label_start + 1, label_end - 1):
        chars[label_start:label_end] = " " * (label_end - label_start)
    if match.group("title") is not None:
        start, end = match.span("title")
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# a footnote definition ("[^note]: text") and a footnote's use ("[^note]" not defined there)
_FOOTNOTE_DEFINITION = re.compile(r" {0,3}\[\^([^\[\]\s]{1,200}+)\]:")
_FOOTNOTE_USE = re.compile(r"\[\^([^\[\]\s]{1,200}+)\](?!:)")
_NOTE_INDENT = re.compile(r"(?: {4}|\t)")


def blank_unused_footnotes(lines: list[str]) -> None:
    """Blank, in place, the footnote definitions no text refers to: Pandoc and GitHub
    print a note only where a ``[^note]`` calls it, so ``[^n]: See (Smith, 2019).``
    with no ``[^n]`` anywhere prints nothing -- yet it was read, and cited Smith's
    entry. A definition runs on over the lines after it up to a blank line, and over
    the blocks indented four spaces after that. A text that calls no note so is left
    whole: its notes are called some other way. Two passes over the lines."""
    used: set[str] = set()
    defined: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if "[^" not in line:
            continue
        definition = _FOOTNOTE_DEFINITION.match(line)
        if definition is not None:
            defined.append((i, definition.group(1)))
            rest = line[definition.end() :]
        else:
            rest = line
        used.update(m.group(1) for m in _FOOTNOTE_USE.finditer(rest))
    if not used:
        return  # no note is called so: the text calls them otherwise (a converter's "^1^")
    for start, label in defined:
        if label not in used:
            _blank_note(lines, start)


def _blank_note(lines: list[str], start: int) -> None:
    lines[start] = " " * len(lines[start])
    i = start + 1
    blank = False
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            blank = True
        elif (blank and not _NOTE_INDENT.match(line)) or _FOOTNOTE_DEFINITION.match(line):
            return
        else:
            lines[i] = " " * len(line)
        i += 1
