"""The whole reference list around a reference manager's bibliography field.

Why: authors add entries by hand to a list Zotero, Mendeley or EndNote wrote -- above
the field (right under the "References" heading) or below it -- when a work is not in
their library. Word shows one list; the reader took only the field's result, so every
citation of a typed entry was "missing" (17 false alarms in a review of 54 real Word
manuscripts). The reference list is everything under the heading, in document order:
the field's paragraphs and the typed ones next to them.

A typed paragraph joins the list only when it reads as an entry (a date near its
start, or a person's name or a list number opening it; never running prose nor back
matter), and the walk stops at the first paragraph that does not: a heading, the
closing remark after the list, an appendix. Paragraphs above the field join only when
the walk reaches the list's heading -- without one, they are the end of the body.

And a hand-edited list splits one entry over two paragraphs (a line break typed as
Enter): the second opens in lower case or with what only the rest of an entry holds
(a page range, a volume, a DOI or an address) and no name or year of its own. Read
apart, the second paragraph was an entry of its own, never cited (9 in the review).
`joined_continuations` joins it to the entry before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.list_tail import (
    dated,
    ends_list,
    note_label,
    opens_with_capitals_surname,
    opens_with_person,
    reads_as_running_text,
)
from citeaudit.manuscript.reference_section import is_reference_title
from citeaudit.model.publication_status import NO_DATE

__all__ = ["field_list_span", "is_continuation", "joined_continuations"]

_MAX_ENTRY_CHARS = 2_000  # an entry is a few hundred characters; a paragraph of prose more
_DATE_REACH = 200  # where an entry's date stands: after its authors, before its title ends
_YEAR_NEAR = re.compile(
    r"(?<!\d)(?:1[5-9]\d\d|20[0-3]\d)(?!\d)|\bn\.\s?d\.|\bs\.\s?[df]\."
    # "no date" spelt out in its parenthesis, as Word's own styles write it in German,
    # Spanish, Portuguese, French ...: "roboflow. (kein Datum). Pascal VOC XML." opens an
    # entry of a lower-case organisation; read as the rest of the entry before (which
    # ended in an address), its citation was 'missing' (REAL_MANUSCRIPTS_8, class KD)
    rf"|\(\s*(?:{NO_DATE}|kein\s+Datum|o\.\s?J\.|s\.\s?a\.)\s*\)"
)

# What only the rest of an entry opens with: a DOI or address, a page range ("45-67."),
# a volume and issue ("12(3): 45"), a Vancouver date-volume ("2019;12(3):45"),
# "pp. 4-5", "Vol. 3", "In: ...", "Retrieved from", "Available at"
_CONTINUATION = re.compile(
    r"^(?:doi\s*:|https?://|www\.|10\.\d{4,9}/"
    r"|\d{1,6}\s*[–—-]\s*\d{1,6}\b"
    r"|\d{1,4}\s*\(\s*\d{1,4}\s*\)"
    r"|(?:1[5-9]\d\d|20[0-3]\d)\s*;\s*\d"
    r"|pp?\.\s*\d|vol\.\s*\d|no\.\s*\d"
    r"|retrieved\s+(?:from|on)\b|available\s+(?:at|from|online)\b|accessed\b|diakses\b|dispon[íi]vel\s+em\b)",
    re.IGNORECASE,
)
# A lower-case opening that still starts an entry: a name particle before a surname
# ("van der Berg, J.", "de Souza AB,"), or a lower-case organisation ("iGEM Foundation")
_PARTICLE = re.compile(
    r"^(?:(?:van|von|der|den|de|da|di|du|del|della|dos|das|do|la|le|ten|ter|al|el|bin|ibn)\s+)+"
    r"[^\W\d_]",
)


def _entry_like(text: str) -> bool:
    """A typed paragraph that reads as a reference entry."""
    plain = text.strip()
    if not plain or len(plain) > _MAX_ENTRY_CHARS or ends_list(plain):
        return False
    if reads_as_running_text(plain) or not dated(plain):
        return False
    head = plain[:_DATE_REACH]
    return (
        opens_with_person(plain)
        or opens_with_capitals_surname(plain)  # ABNT: "ESTRADA, Fernanda; ..."
        or note_label(plain) is not None
        or _YEAR_NEAR.search(head) is not None
    )


def field_list_span(
    lines: Sequence[Line],
    marked: Sequence[int],
    levels: Mapping[int, int],
    heading_like: Callable[[int], bool],
) -> tuple[int | None, list[int]]:
    """The list's heading (an index of `lines`, or None) and its paragraphs' indexes:
    the `marked` ones (sorted, non-empty) and the typed entries next to them.

    Each line is looked at once: the walk up ends at the heading or at the first
    non-entry, the walk down at the first non-entry or heading.
    """
    first, last = marked[0], marked[-1]
    above: list[int] = []
    heading: int | None = None
    i = first - 1
    while i >= 0:
        text = lines[i].text
        if not text.strip():
            i -= 1
            continue
        if i in levels:
            heading = i
            break
        if not (_entry_like(text) or is_continuation(text)):
            heading = i if heading_like(i) else None
            break
        above.append(i)
        i -= 1
    if heading is None:
        above = []  # no heading reached: those paragraphs end the body
    elif above and heading not in levels and not is_reference_title(lines[heading].text):
        # a short line that names no list ("Kettle studies", an outline's sub-point
        # in a pandoc file's body style) heads body text: the paragraphs under it end
        # the body (class HL, survey 12: two cited paragraphs read as entries)
        heading, above = None, []
    below: list[int] = []
    i = last + 1
    while i < len(lines):
        text = lines[i].text
        if not text.strip():
            i += 1
            continue
        if i in levels or not (_entry_like(text) or is_continuation(text)):
            break
        below.append(i)
        i += 1
    return heading, sorted(above) + list(marked) + below


def is_continuation(text: str) -> bool:
    """Whether a paragraph is the rest of the entry before it, not an entry of its own."""
    plain = text.strip()
    if not plain or (note_label(plain) is not None and not _CONTINUATION.match(plain)):
        return False
    if _CONTINUATION.match(plain):
        return True
    first = plain[0]
    return (
        first.isalpha()
        and first.islower()
        and not opens_with_person(plain)
        and not _PARTICLE.match(plain)
        and not _YEAR_NEAR.search(plain[:60])
    )


def _own_web_entry(before: str, text: str) -> bool:
    """Whether a paragraph opening in lower case after an entry that ends in its web
    address is a web resource's entry of its own: a description, then its own address
    ("cad a 3d https://..."). Joined as the rest of the entry before, it was lost, never
    reported uncited (REAL_MANUSCRIPTS_9, class UJ). An address alone or an access note
    is still the rest of the entry before (`_CONTINUATION`)."""
    stripped = before.rstrip()
    last = stripped.rsplit(None, 1)[-1].lower().lstrip("<") if stripped else ""
    if not last.startswith(("http://", "https://", "www.")):
        return False
    plain = text.strip()
    if _CONTINUATION.match(plain) is not None or _ACCESS_NOTE_OPENS.match(plain) is not None:
        return False
    return "://" in plain or "www." in plain


# how an access or archive note after an entry's address opens ("last accessed 3 May
# 2020, archived at https://...")
_ACCESS_NOTE_OPENS = re.compile(
    r"(?:last|archived|archive|zuletzt|abgerufen|visited|viewed|acedido|visitado|consulté)\b",
    re.IGNORECASE,
)


def joined_continuations(entries: Sequence[RawEntry]) -> tuple[RawEntry, ...]:
    """`entries` with each continuation paragraph joined to the entry before it.

    The pieces of an entry are gathered first and joined once: thousands of
    continuation paragraphs after one entry stay linear, not one copy per paragraph.
    """
    groups: list[list[RawEntry]] = []
    for entry in entries:
        if (
            groups
            and is_continuation(entry.text)
            and not _own_web_entry(groups[-1][-1].text, entry.text)
        ):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return tuple(
        group[0]
        if len(group) == 1
        else dataclasses.replace(
            group[0],
            text=" ".join([group[0].text, *(e.text.strip() for e in group[1:])]),
            raw=" ".join(e.raw for e in group),
        )
        for group in groups
    )
