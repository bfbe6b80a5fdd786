"""What the mention window reads: the text a reader sees, block by block.

Why: the mention check (`_cited_by_mention`) takes a name a few words before a year
as naming that work. A reader takes it so only inside one block of text:

- A paragraph break ends it: "... the cores came from Okafor." / "2017 was a wet
  year" names nobody's 2017 work. So does a heading (before and after it: "## Cores
  lent by Okafor" over "2017 was wet"), a thematic break or a setext underline, a
  table's row (a row is read alone; its cells are not cut apart, as a review's table
  of studies names a work by author and year in two cells of one row), a new list
  item, the start of a quotation, and in a Word document a new paragraph (each table
  cell is one), in LaTeX a sectioning command, an environment's start or end, an
  ``\\item`` and a table row's end. A line wrapped inside one paragraph does not end
  it ("lent by Okafor, who\\nsampled them in 2017").
- In Markdown, what never prints is no text: a reference link's label (``[here]
  [Okafor 2017]`` shows "here"), an inline link's address and title (``[here](
  https://example.org/okafor/2017 "Okafor 2017")``), an HTML tag's attributes (``<span
  title="Okafor 2017">``). They are blanked, column for column; the link's text stays.
  (A definition's label and title are blanked by the reader, `markdown_definitions`.)

Linear: each line is matched once by anchored patterns and, where it holds a link's
or a tag's opening, by bounded possessive patterns with no nested quantifier.
"""

from __future__ import annotations

import re

__all__ = ["Blocks", "shown_markdown"]

# [text][label]: the label (not empty: "[text][]" shows its text, the label)
_REFERENCE_LABEL = re.compile(r"\]\[[^\[\]\n]{1,999}+\]")
# [text](address "title"): the parentheses and what they hold
_INLINE_TARGET = re.compile(
    r"\]\((?:<[^<>\n]{0,2000}+>|[^\s()<>]{0,2000}+)"
    r"(?:[ \t]++(?:\"[^\"\n]{0,2000}+\"|'[^'\n]{0,2000}+'|\([^()\n]{0,2000}+\)))?+[ \t]*+\)"
)
# an HTML tag, its attributes with it; not an autolink ("<https://...>": no blank after
# the name) nor a comparison ("a < b")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}+(?:[ \t/][^<>\n]{0,2000}+)?+>")

_ATX_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
# a setext heading's underline or a thematic break
_RULE = re.compile(r"[ \t]{0,3}(?:=++|-++|(?:\*[ \t]*+){3,}|(?:_[ \t]*+){3,})[ \t]*+")
_BULLET = re.compile(r"[ \t]*+[-*+•][ \t]")
_ORDERED = re.compile(r"[ \t]*+(\d{1,9})[.)](?:[ \t]|$)")
_QUOTE = re.compile(r"[ \t]{0,3}>")
_ROW = re.compile(r"[ \t]*+\|")
# LaTeX: a line that opens a section, an environment or its end, or a list's item
_LATEX_BLOCK = re.compile(
    r"[ \t]*+\\(?:part|chapter|(?:sub)*section|(?:sub)?paragraph|begin|end|hline|"
    r"midrule|toprule|bottomrule|caption)(?![A-Za-z])"
)
_LATEX_ITEM = re.compile(r"[ \t]*+\\item(?![A-Za-z])")


def shown_markdown(text: str) -> str:
    """`text` with a Markdown line's unprinted parts blanked, columns kept."""
    if "][" in text:
        text = _REFERENCE_LABEL.sub(_keep_bracket, text)
    if "](" in text:
        text = _INLINE_TARGET.sub(_keep_bracket, text)
    if "<" in text:
        text = _TAG.sub(_blank, text)
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _keep_bracket(match: re.Match[str]) -> str:
    return "]" + " " * (len(match.group()) - 1)


class Blocks:
    """Tells, line by line, where a block of `format`'s text starts and ends."""

    __slots__ = ("_format", "_in_list", "_in_quote", "_previous_blank")

    def __init__(self, format: str) -> None:
        self._format = format
        self._in_list = False
        self._in_quote = False
        self._previous_blank = True

    def bounds(self, text: str) -> tuple[bool, bool]:
        """(whether a block starts at this line, whether one ends after it)."""
        if not text.strip():
            self._in_list = self._in_quote = False
            self._previous_blank = True
            return True, True
        previous_blank, self._previous_blank = self._previous_blank, False
        if self._format == "latex":
            if _LATEX_BLOCK.match(text):
                return True, True
            return _LATEX_ITEM.match(text) is not None, text.rstrip().endswith("\\\\")
        if self._format == "docx":
            return False, False  # a paragraph is told by its number (the caller)
        if _ATX_HEADING.match(text) or _RULE.fullmatch(text) or _ROW.match(text):
            return True, True
        if _BULLET.match(text):
            self._in_list = True
            return True, False
        ordered = _ORDERED.match(text)
        if ordered and (ordered.group(1) == "1" or self._in_list or previous_blank):
            # "2016. The" opening a wrapped line is no item: an ordered list's item
            # interrupts a paragraph only as its first, "1." (CommonMark)
            self._in_list = True
            return True, False
        if _QUOTE.match(text):
            starts = not self._in_quote
            self._in_quote = True
            return starts, False
        return False, False
