"""Number lists whose separators alone are set superscript in a Word file.

Publishers' XML (SciELO's) marks the xref numbers by link only and the commas between
them as superscript, so a Word file made from it holds "1940 12,13" with just the
comma raised, and "produtivo 3),(4" with just the brackets and comma raised. In
Markdown the same text is "12^,^13" and `numeric` reads it as one superscript list;
this finds the Word equivalent from the runs' superscript spans (`Line.superscripts`),
so both renderings read the same.

Linear: each span is visited once, and digits are scanned at most three each side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citeaudit.manuscript.document import Document

# a superscript run that is only a list's separator: ",", "-", "),(" or ")-("
_SEPARATOR_ONLY = re.compile(r"\s*+\)?[,;\-–−]\(?\s*+")
_DIGITS = 3


def _digit(character: str) -> bool:
    """An ASCII digit: ``str.isdigit`` also takes "²" and "①", which no list number is
    written in ("4²³" beside a raised comma raised ValueError out of the reader)."""
    return "0" <= character <= "9"


def separator_joined(document: Document) -> Iterator[tuple[int, int, str]]:
    """(start, end, "12,13") for each list joined by superscript separators, offsets
    into `document.text`; the body has brackets and blanks taken out."""
    offset = 0
    for line in document.lines:
        text = line.text
        seps = [
            (a, b) for a, b in sorted(line.superscripts) if _SEPARATOR_ONLY.fullmatch(text[a:b])
        ]
        index = 0
        while index < len(seps):
            first, last = seps[index]
            start = _digits_before(text, first)
            if start == first:
                index += 1
                continue
            end = last
            while True:
                after = _digits_after(text, end)
                if after == end:
                    break
                end = after
                following = seps[index + 1][0] if index + 1 < len(seps) else -1
                split = _split_digit(text, end)
                if following == end or (split and following == split):
                    index += 1
                    end = seps[index][1]
                    continue
                break
            if end > last:  # digits follow the last separator
                body = re.sub(r"[()\s]", "", _split_as_list(text[start:end]))
                yield offset + start, offset + end, body
            index += 1
        offset += len(text) + 1


def _digits_before(text: str, at: int) -> int:
    start = at
    while start > 0 and at - start < _DIGITS and _digit(text[start - 1]):
        start -= 1
    return start if start == 0 or not _digit(text[start - 1]) else at


def _digits_after(text: str, at: int) -> int:
    end = at
    while end < len(text) and end - at < _DIGITS and _digit(text[end]):
        end += 1
    return end if end == len(text) or not _digit(text[end]) else at


def _split_digit(text: str, end: int) -> int:
    """ "21,2 2,38": after a single digit, a space and a single digit (the publisher's
    XML split one number into two citations) -- where that second digit ends, or 0."""
    if (
        end >= 2
        and not _digit(text[end - 2])
        and text[end : end + 1] == " "
        and _digit(text[end + 1 : end + 2] or " ")
        and not _digit(text[end + 2 : end + 3] or " ")
    ):
        return end + 2
    return 0


def _split_as_list(body: str) -> str:
    return re.sub(r"(?<=\d) (?=\d)", ",", body)
