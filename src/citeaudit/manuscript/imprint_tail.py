"""A book entry's wrapped imprint: "Cambridge: Cambridge University Press; 1994."

A place, a colon, a publisher and the year, and nothing more on the line: how a book's
entry ends, never how one opens (an entry opens with its authors or its title). An
entry whose label carries its year ("Hartley 1994. Hartley R. The grammar of ...")
hard-wrapped so that its imprint fell on a line of its own was cut there: the imprint
read as an entry of its own (a short head, then a year), never cited, and the entry
above lost its year's end.
"""

from __future__ import annotations

import re

# place (words: no full stop, comma, colon, digit or bracket -- "SILVA, Ana. Livro. São
# Paulo: Exemplo, 2000." is a whole entry -- then perhaps a state's code, ", MA"), ": ",
# publisher (no colon, semicolon, comma, digit or bracket), ";" or ",", the year, an
# optional full stop, the line's end. Each class stops at the character after it: one
# reading per character, linear.
_IMPRINT = re.compile(
    r"[^\W\d_][^:;,.()\[\]\d]{0,40}(?:,\s?[A-Z]{2})?:\s?[^:;,()\[\]\d]{1,120}[;,]\s?"
    r"(?:1[5-9]\d\d|20\d\d)[a-z]?\.?\s*$"
)


def imprint_tail(plain: str) -> bool:
    """Whether `plain` (a line without its Markdown) is a book's imprint and nothing
    more: place, publisher, year."""
    return _IMPRINT.match(plain) is not None
