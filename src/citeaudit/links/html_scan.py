"""The parts of an HTML page that can hold a link, found in one forward pass.

The standard library's HTMLParser (before CPython's 2025 security releases) re-reads
the rest of the page from every ``<`` whose tag never closes: its tolerant start-tag
pattern takes each following ``<a `` for an attribute, so a page of them costs the
square of its length (a 12 KB page took 3 s, a megabyte hours). `citeaudit links`
reads what it is given, so the page is tokenised here instead, as a browser would
for our purpose, with every search going forward from where the last one ended:

- a comment runs to ``-->``, a declaration or processing instruction to ``>``, an end
  tag to ``>``; none holds a link;
- a start tag's attributes are read one after the other, a quoted value running to
  its closing quote, so a ``>`` inside quotes does not end the tag;
- the text of ``script``, ``style``, ``textarea`` and ``title`` runs to its end tag;
- everything else is text. A tag, comment or quote the page never closes makes the
  rest of the page text, as HTMLParser left it, and the scan ends there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_SPACE = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"[^\s/>=][^\s/>=]*")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str  # lower case
    value: str  # as written, entities not yet replaced
    tag_start: int  # offset of the tag's "<"


@dataclass(frozen=True, slots=True)
class Text:
    start: int
    end: int


def scan(page: str) -> Iterator[Attribute | Text]:
    """The attributes of every start tag and the text runs between tags, in order."""
    at = 0  # where the current text run began
    search = 0  # where to look for the next "<"
    size = len(page)
    while True:
        lt = page.find("<", search)
        if lt < 0 or lt + 1 >= size:
            break
        follower = page[lt + 1]
        if page.startswith("<!--", lt):
            end, skip = page.find("-->", lt + 4), 3
        elif follower in "!?" or (follower == "/" and _TAG_NAME.match(page, lt + 2)):
            end, skip = page.find(">", lt + 2), 1
        elif follower.isascii() and follower.isalpha():
            tag = _start_tag(page, lt)
            if tag is None:
                break  # never closed: the rest is text
            end_of_tag, name, attributes = tag
            if lt > at:
                yield Text(at, lt)
            yield from attributes
            at = search = end_of_tag
            if name in _RAW_TEXT:
                closing = re.compile(f"</{name}", re.IGNORECASE).search(page, at)
                if closing is None:
                    break
                yield Text(at, closing.start())
                at = search = closing.start()
            continue
        else:
            search = lt + 1  # a "<" that starts nothing is text
            continue
        if end < 0:
            break
        if lt > at:
            yield Text(at, lt)
        at = search = end + skip
    if at < size:
        yield Text(at, size)


def _start_tag(page: str, lt: int) -> tuple[int, str, list[Attribute]] | None:
    """(offset past the ">", lower-case name, attributes) of the tag at `lt`, or None
    when the page ends first. Every match is anchored where the last one ended."""
    name_match = _TAG_NAME.match(page, lt + 1)
    assert name_match is not None  # the caller saw a letter
    name = name_match.group(0).lower()
    attributes: list[Attribute] = []
    index = name_match.end()
    size = len(page)
    while True:
        index = _matched_end(_SPACE, page, index)
        if index >= size:
            return None
        if page[index] == ">":
            return index + 1, name, attributes
        attr = _ATTR_NAME.match(page, index)
        if attr is None:  # a lone "=": skipped as browsers do
            index += 1
            continue
        index = attr.end()
        equals = _EQUALS.match(page, index)
        value = ""
        if equals is not None:
            index = equals.end()
            if index < size and page[index] in "\"'":
                close = page.find(page[index], index + 1)
                if close < 0:
                    return None
                value, index = page[index + 1 : close], close + 1
            else:
                end = _matched_end(_UNQUOTED, page, index)
                value, index = page[index:end], end
        attributes.append(Attribute(attr.group(0).lower(), value, lt))


def _matched_end(pattern: re.Pattern[str], page: str, index: int) -> int:
    """Where `pattern`, which may match nothing, stops matching from `index`."""
    match = pattern.match(page, index)
    return index if match is None else match.end()
