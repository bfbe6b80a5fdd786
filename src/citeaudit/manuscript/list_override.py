"""Whether a reference manager's marks or the list the reader sees is the reference list.

A Word bibliography field, a bibliography content control or an entry style
(``EndNoteBibliography``, ``Bibliography``) marks the paragraphs a reference manager
wrote, and those are taken as the list wherever they stand -- Pandoc puts its list
after the appendices with no heading. But the marks outlive the list they were made
for: an author pastes the entries as plain paragraphs and one of them keeps the EndNote
style; Citavi's content control keeps only the heading and one empty entry paragraph,
the real entries following it unmarked. Taking the marked paragraphs then shrinks a
list of 22 entries to one, and every citation of the others looks unmatched.

So when a heading announces a list that holds every marked paragraph and more than
twice as many entries as they give, the list under the heading -- what the reader
sees -- is the list. A manager's list that is most of its section (a closing remark
after the field) keeps its own one-entry-per-paragraph cut.
"""

from __future__ import annotations

from collections.abc import Collection

from citeaudit.manuscript.document import Document

__all__ = ["visible_list_holds_marks"]


def visible_list_holds_marks(
    visible: Document, marked: Collection[int], marked_entries: int
) -> bool:
    """Whether `visible` (the list found under its heading) is the list, rather than the
    `marked` paragraphs (0-based indexes, giving `marked_entries` non-empty entries)."""
    heading = visible.reference_heading
    entries = visible.reference_entries
    if heading is None or heading.line is None or not entries or not marked:
        return False
    last = max(e.location.line or 0 for e in entries)
    inside = all(heading.line <= index + 1 <= last for index in marked)
    return inside and len(entries) > 2 * marked_entries
