"""Words a wrapped source cut at a line-end hyphen, closed up for the author-year reader.

Text wrapped by a converter or copied from a PDF breaks long words across lines with a
hyphen: "(Liu et al., 1999; van Swinde-\\nren et al., 2009)". Read as written, the name
was "Swinde- ren" (or nothing at all), the work was never cited and its entry was
reported uncited. A hyphen at a line's end between a capitalised word and a word in
lower case is such a break, never a compound name's own hyphen: a double surname's
second part opens with a capital ("Fernández-\\nGarcía" keeps its hyphen).

The reader works on a copy of the text of the same length (`markup.blank_markup`),
so the join must not move any character outside the word: the two halves are written
together and the hyphen, the line break and the blanks that indented the next line
become blanks after the word. Every offset outside the joined word is unchanged, and
the marker's text and location are still cut from the original.
"""

from __future__ import annotations

import re

# A capitalised word (not inside another word) cut at a line-end hyphen, and the lower-case
# rest of it on the next line. Each part possessive: one pass over the text.
_CUT_NAME = re.compile(
    r"(?<![^\W\d_])(?P<head>[A-ZÀ-Þ][^\W\d_]*+)-\n(?P<indent>[ \t]*+)(?P<tail>[a-zà-ÿ][^\W\d_]*+)"
)


def close_line_hyphens(clean: str) -> str:
    """`clean` with each capitalised word cut at a line-end hyphen written whole, the
    hyphen and the line break after it made blanks after the word (same length)."""
    if "-\n" not in clean:
        return clean
    return _CUT_NAME.sub(_closed, clean)


def _closed(cut: re.Match[str]) -> str:
    head, tail = cut.group("head"), cut.group("tail")
    return head + tail + " " * (len(cut.group()) - len(head) - len(tail))
