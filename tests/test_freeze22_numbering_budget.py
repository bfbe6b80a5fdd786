"""A Word numbering part is read to its first MAX_DEFINITIONS lists, not to the
package's tag budget.

Each list definition costs a dozen element look-ups: 100,000 of them (a 900 KB
upload) held the reader 2.6 CPU s and the three million tags a package may hold
allow over 300,000 (freeze22). A manuscript defines hundreds. Counted: the
definitions read.
"""

from __future__ import annotations

from lxml import etree

from citeaudit.manuscript import docx_numbering
from citeaudit.manuscript.docx_numbering import ListLabels

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbering(count: int) -> object:
    lists = "".join(
        f'<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>'
        for i in range(count)
    )
    return etree.fromstring(f'<w:numbering xmlns:w="{_W}">{lists}</w:numbering>'.encode())


def test_a_numbering_part_is_read_to_its_budget() -> None:
    cap = docx_numbering.MAX_DEFINITIONS
    labels = ListLabels.from_part(_numbering(cap + 2_000))
    assert len(labels.levels) == cap
    assert len(labels.lists) == cap
    assert labels.label("0", 0) == "1."


def test_an_ordinary_numbering_part_is_read_whole() -> None:
    labels = ListLabels.from_part(_numbering(300))
    assert len(labels.levels) == len(labels.lists) == 300
    assert labels.label("299", 0) == "1."
    assert labels.label("299", 0) == "2."
