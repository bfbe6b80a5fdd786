"""The sentence around a place in a paragraph, for locations an editor can search for.

A Word file has no line numbers an editor can find ("line 1416" is a paragraph
count), so a place in a .docx is given as its paragraph number plus the words around
it, which Word's own Find locates. The excerpt is short and bounded: it is quoted in
every finding at that place.
"""

from __future__ import annotations

import re

from citeaudit.model.location import Location

MAX_EXCERPT = 80
_WINDOW = 400  # characters looked at on each side: bounded work on a 1 MB paragraph
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"“‘(\[]?[^\W\d_])")
_ABBREVIATION = re.compile(r"(?:\bal|\be\.g|\bi\.e|\bcf|\bvs|\bpp?|\bno|\bvol|\bfig|\b[A-Z])$")


def sentence_at(text: str, index: int, width: int = MAX_EXCERPT) -> str:
    """At most `width` characters of the sentence holding `text[index]`, spaces folded."""
    low = max(index - _WINDOW, 0)
    window = text[low : index + _WINDOW]
    at = index - low
    start = 0
    end = len(window)
    for m in _SENTENCE_END.finditer(window):
        if _ABBREVIATION.search(window[max(m.start() - 6, 0) : m.start()]):
            continue
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.end()
            break
    sentence = window[start:end]
    offset = at - start
    lead = len(sentence) - len(sentence.lstrip())
    sentence, offset = sentence.strip(), max(offset - lead, 0)
    if len(sentence) > width:
        first = min(max(offset - width // 3, 0), len(sentence) - width)
        last = first + width
        cut = sentence[first:last]
        if first and " " in cut[:20]:
            cut = cut[cut.index(" ") + 1 :]  # start at a word, not inside one
        if last < len(sentence) and " " in cut[-20:]:
            cut = cut[: cut.rindex(" ")]
        sentence = ("…" if first else "") + cut + ("…" if last < len(sentence) else "")
    return " ".join(sentence.split())


def paragraph_location(
    file: str, paragraph: int, column: int | None, text: str, index: int | None = None
) -> Location:
    """A place in a Word file: paragraph number, column, and the sentence quoted.
    `index` is the place in `text` when that is not `column` - 1 (the column counts
    the invisible characters `text` no longer holds)."""
    if index is None:
        index = 0 if column is None else column - 1
    return Location(file, paragraph, column, unit="paragraph", excerpt=sentence_at(text, index))
