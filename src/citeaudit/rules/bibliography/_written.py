"""Where an entry's DOI or link stands in its source, and how it was written there."""

from __future__ import annotations

from citeaudit.manuscript.visible_text import visible, written_column
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


def as_written(ref: Reference, shown: str) -> str:
    """A DOI or link of an entry in a manuscript's list as it stands in the file.

    The manuscript is read as shown (`visible_text`): invisible characters out,
    fullwidth forms and other scripts' digits as ASCII. A DOI that holds one reads
    right and resolves another way, so it is judged as written: found in the entry's
    source read the same way, and mapped back to the columns as written (one pass and
    one search, linear in the entry). `shown` when it is not found so.
    """
    if not ref.raw or ref.raw.isascii():
        return shown
    seen = visible(ref.raw)
    at = seen.text.find(shown)
    if at < 0 or not shown:
        return shown
    start = written_column(seen.removed, at)
    end = written_column(seen.removed, at + len(shown) - 1) + 1
    return ref.raw[start:end]


def written_location(ref: Reference, written: str) -> Location:
    """The line `written` stands on, when it can be found in the entry's source."""
    offset = ref.raw.find(written)
    if offset < 0 or ref.location.line is None:
        return ref.location
    return Location(ref.location.file, ref.location.line + ref.raw.count("\n", 0, offset))
