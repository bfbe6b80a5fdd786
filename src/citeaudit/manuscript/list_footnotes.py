"""Pandoc footnote definitions typed after the last entry of a Markdown reference list.

Why: Pandoc lets a note's text (``[^3]: Disponível em: ...``, its further lines
indented or run on) stand anywhere in the source, and authors who convert a Word
article put every note at the very end -- under the "Referências" heading, after the
last entry. Read as part of the list, each note was an entry "never cited" (one
Brazilian article: eight of its nine uncited findings), and the citations the notes
hold ("Segundo Coelho (1999, p. 54), ...") were lost to the text, so the work a note
cites was reported uncited too (survey 15, class FN). The list ends where a closing run
of definitions starts; the notes are body text again and their citations count.

Only a run that closes the section is cut: a definition between two entries leaves
the list whole (an entry after it is no part of a note), and a section holding notes
alone is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["closing_footnotes_start"]

# "[^3]:", "[^nota-2]:" -- up to three spaces before, as CommonMark allows a block to
# open; a label of one character or more, no spaces, no closing bracket inside
_DEFINITION = re.compile(r" {0,3}\[\^[^\]\s]{1,100}\]:")
# a later paragraph of the same note: indented four spaces or a tab (Pandoc's rule)
_NOTE_PARAGRAPH = re.compile(r"(?: {4}|\t)\S")


def closing_footnotes_start(texts: Sequence[str]) -> int | None:
    """The index in `texts` (a list's lines, its heading excluded) where a closing run
    of footnote definitions starts, or None when none ends the list.

    A run starts at a definition that follows at least one line of another kind; every
    paragraph from there on opens a definition, or is a later paragraph of one
    (indented), and a line right under a line of text runs that paragraph on. One pass:
    linear in the lines.
    """
    start: int | None = None
    content_seen = False
    previous_blank = True
    for i, text in enumerate(texts):
        if not text.strip():
            previous_blank = True
            continue
        if _DEFINITION.match(text):
            if start is None and content_seen:
                start = i
        elif previous_blank and not (start is not None and _NOTE_PARAGRAPH.match(text)):
            # a paragraph of its own: an entry (or text) after the notes ends the run
            start = None
            content_seen = True
        elif start is None:
            content_seen = True
        previous_blank = False
    return start
