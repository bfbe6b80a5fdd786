"""A Word paragraph cut at its line breaks, as the reader sees its lines.

A soft line break (``<w:br/>``, Shift+Enter) starts a new line inside one paragraph.
Authors use it to put two reference-list entries in one paragraph -- the reader sees
two entries on two lines, and a .txt of the same document has them on two lines -- but
read as a space, the second entry was joined to the first and its citations looked
unmatched. So each line of a paragraph is one `Line`; all carry the paragraph's number
(every place in a .docx is reported as its paragraph and the sentence quoted). A page
or column break is no line break and stays a space, and so is a break an author put
inside a long address (``https://x.org/files/`` + break + ``report.pdf``): the address goes
on, no new entry starts.
"""

from __future__ import annotations

__all__ = ["BREAK", "line_segments"]

BREAK = "\n"  # what the paragraph reader writes for a line break


def line_segments(
    text: str, superscripts: tuple[tuple[int, int], ...], room: int
) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """The paragraph's lines with their superscript spans (columns of their own line);
    at most `room` (at least one): past it, the remaining lines stay one, breaks read
    as spaces -- the document's line cap holds whatever a paragraph holds."""
    if BREAK not in text:
        return [(text, superscripts)]
    starts = [0]
    for position, char in enumerate(text):
        if char == BREAK and len(starts) < max(room, 1) and not _inside_address(text, position):
            starts.append(position + 1)
    segments: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        spans = tuple(
            (max(a, start) - start, min(b, end) - start)
            for a, b in superscripts
            if a < end and b > start
        )
        segments.append((text[start:end].replace(BREAK, " "), spans))
    return segments


_ADDRESS_STARTS = ("http://", "https://", "www.", "doi:", "10.")
_LOOK_BACK = 300  # an address longer than this is not looked for


def _inside_address(text: str, position: int) -> bool:
    """Whether the break at `position` cuts an address: no space before it, the word it
    ends is an address that has not ended (no closing full stop), and what follows goes
    on in lower case or digits (a capital starts the next entry)."""
    after = text[position + 1 : position + 2]
    if position == 0 or text[position - 1].isspace() or not after or after.isupper():
        return False  # "...10.3390/x" + break + "Aydin, I." is the next entry
    head = text[max(0, position - _LOOK_BACK) : position]
    word = head.rsplit(None, 1)[-1] if head.split() else ""
    word = word.rsplit(BREAK, 1)[-1]
    return word.lower().startswith(_ADDRESS_STARTS) and not word.endswith(".")
