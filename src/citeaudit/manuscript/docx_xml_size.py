"""How big the tree of a Word part's XML will be, told from its bytes before it is built.

lxml builds a part's tree whole before anything can be counted, so the Word reader
judges a part by its bytes first (`docx.MAX_TAGS` and kin). It counted "<" alone, and
that missed two things (rt38z):

- **Attributes are nodes too.** libxml2 builds an attribute node, its value's text node
  and the value's string for each -- about 220 bytes, twice an element's -- and an
  element may carry any number of them. A 620 KB upload whose body held 125,000 empty
  paragraphs of 50 attributes each (6.4 million attributes, 2,000 "<" a part's cap
  never saw) took 16 CPU s and 1.4 GB of a worker; the 64 MB of XML a package may hold
  is room for 12 million. Each attribute is written ``name="value"`` (or with ``'``):
  one "=" outside its value, so the count of "=" bytes bounds them from above (an "="
  in text or inside a value only counts one too many).
- **An encoding can hide every "<".** libxml2 obeys the XML declaration's
  ``encoding`` when a part starts without a byte-order mark, and through iconv it reads
  UTF-7, where "<" is written ``+ADw-``: a body declared UTF-7 was a tree of any size
  whose byte count held one "<" (and a document type declaration no byte search sees).
  In UTF-8, UTF-16, UTF-32, the ISO-8859 and Windows code pages and the East Asian
  multibyte ones, a "<" or "=" is always its own byte (0x3C, 0x3D) and no other
  character is, except as one byte of a UTF-16/32 unit -- counted too many, never too
  few. Word writes UTF-8 (UTF-16 in some custom XML parts); a part declaring any other
  encoding is refused unread, saying which.

A byte-order mark settles the encoding before the declaration is read (libxml2 then
ignores a declaration that says otherwise), so the declaration is looked at only where
the bytes start with ``<?xml`` (after a UTF-8 mark, to err on the side of refusing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["XmlSize", "xml_size"]


@dataclass(frozen=True, slots=True)
class XmlSize:
    """What a part's tree will hold at most: elements ("<") and attributes ("=")."""

    tags: int
    attributes: int

    @property
    def nodes(self) -> int:
        return self.tags + self.attributes


# The declaration at the very start (where alone XML allows it); one anchored, possessive
# scan to its first ">", which no declaration holds before its end.
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml(?=[\s?])([^>]*+)")
_ENCODING = re.compile(rb"""encoding\s*+=\s*+(["'])([^"'>]*+)""", re.IGNORECASE)
_SEPARATORS = re.compile(r"[-_\s.:]")
# Encodings in which every "<" and "=" is its own byte (see above), by name without
# separators, lower case.
_TRANSPARENT = frozenset(
    {
        "utf8",
        "utf16",
        "utf16le",
        "utf16be",
        "utf32",
        "utf32le",
        "utf32be",
        "ucs2",
        "ucs4",
        "iso10646ucs2",
        "iso10646ucs4",
        "ascii",
        "usascii",
        "latin1",
        "shiftjis",
        "sjis",
        "windows31j",
        "eucjp",
        "euckr",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        *(f"iso8859{n}" for n in range(1, 17)),
        *(f"windows125{n}" for n in range(9)),
        *(f"cp125{n}" for n in range(9)),
    }
)


def xml_size(data: bytes) -> XmlSize | str:
    """The part's counts, or why they cannot be told from its bytes (an encoding that
    hides "<"): then the part is not to be parsed."""
    declared = _DECLARATION.match(data)
    if declared is not None:
        encoding = _ENCODING.search(declared.group(1))
        if encoding is not None:
            name = encoding.group(2).decode("ascii", "replace").strip()
            if _SEPARATORS.sub("", name).lower() not in _TRANSPARENT:
                return (
                    f"declares the encoding {name[:40]!r}, which Word never writes "
                    "(UTF-8): refused unread, as its size cannot be told before its "
                    "tree is built"
                )
    return XmlSize(data.count(b"<"), data.count(b"="))
