"""What a ZIP's central directory lists, judged before `zipfile` reads it.

`zipfile.ZipFile` builds one `ZipInfo` for every record of the central directory the
moment it opens the archive, before anyone can look at the count: a 20 MB upload of
bare 47-byte records lists 400,000 parts, and opening it took ~8 s of CPU and ~200 MB
-- in the API's request handler, for each of the twenty files a request may carry,
before the cap on parts said no. So the records are walked first, exactly where
`zipfile` will walk them (found by its own end-of-directory search), reading only each
record's fixed header and its extra field, and stopping at the first record past a
cap: the cost is bounded by the cap, not by the file.

Each record's extra field is judged too. `zipfile` decodes it on opening, sub-field
by sub-field, copying what is left of the field after each one: quadratic in the
sub-fields a record holds. 300 records of 64 KB of empty 4-byte sub-fields (20 MB)
took ~4.5 s of CPU to open -- under the cap on parts, in the request handler and again
in the worker. Real writers put a few sub-fields in a record (a zip64 size, Info-ZIP's
timestamp and Unix ids, NTFS times, an alignment pad), so a record holding more than
`MAX_EXTRA_FIELDS` is refused; counting them costs one step a sub-field, however large
each is.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["MAX_EXTRA_FIELDS", "MAX_PARTS", "directory_refusal", "parts_past"]

MAX_PARTS = 5_000  # a Word document has a few dozen parts; one full of images, hundreds
# Sub-fields of one record's extra field: Word, LibreOffice, Java and zip(1) write at
# most four (zip64, timestamp, Unix ids, NTFS times).
MAX_EXTRA_FIELDS = 16
_RECORD = 46  # the fixed part of a central-directory record
_SIGNATURE = b"PK\x01\x02"
_ZIP64_TAIL = 56 + 20  # the zip64 end record and its locator, between directory and end
# zipfile's own search for the end record (and its zip64 form), so both walks agree on
# where the directory is; absent in some future Python, the count is not made.
_END_RECORD: Callable[[IO[bytes]], list[Any] | None] | None = getattr(zipfile, "_EndRecData", None)


@dataclass(frozen=True, slots=True)
class _Walk:
    """What the walk of the directory stopped at: the parts counted once past the cap
    (None: not past it), or the first record with too many extra sub-fields."""

    parts_past: int | None = None
    crowded_record: int | None = None  # its 1-based place in the directory


def parts_past(source: IO[bytes], most: int = MAX_PARTS) -> int | None:
    """The parts counted once more than `most` are found (at most `most` + 1), or None
    when the directory lists no more than `most` -- or cannot be found, which `zipfile`
    then reports as the damage it is. The stream is left where it was."""
    return _walked(source, most).parts_past


def directory_refusal(source: IO[bytes], most: int = MAX_PARTS) -> str | None:
    """Why the archive must not be handed to `zipfile` (a sentence without the file's
    name), or None: it lists more than `most` parts, or a record's extra field holds
    more than `MAX_EXTRA_FIELDS` sub-fields. The stream is left where it was."""
    walk = _walked(source, most)
    if walk.parts_past is not None:
        return f"the ZIP lists more than {most} parts, where a Word document has a few dozen"
    if walk.crowded_record is not None:
        return (
            f"part {walk.crowded_record:,} of the ZIP's directory has an extra field of more "
            f"than {MAX_EXTRA_FIELDS} sub-fields, where real files have a few (a ZIP built to "
            "make opening it slow)"
        )
    return None


def _walked(source: IO[bytes], most: int) -> _Walk:
    if _END_RECORD is None:
        return _Walk()
    where = source.tell()
    try:
        return _walk(source, _END_RECORD, most)
    except (OSError, ValueError, struct.error):
        return _Walk()
    finally:
        source.seek(where)


def _walk(
    source: IO[bytes], end_record: Callable[[IO[bytes]], list[Any] | None], most: int
) -> _Walk:
    end = end_record(source)
    if not end:
        return _Walk()
    size, location = int(end[5]), int(end[9])
    # As zipfile finds it: the directory ends where the end records begin (the offset
    # it records only tells how much was prepended to the archive).
    start = location - size - (_ZIP64_TAIL if _is_zip64(end) else 0)
    if start < 0:
        return _Walk()
    source.seek(start)
    seen = counted = 0
    while seen < size:
        header = source.read(_RECORD)
        if len(header) != _RECORD or not header.startswith(_SIGNATURE):
            return _Walk()  # zipfile will refuse the directory as damaged
        name, extra, comment = struct.unpack_from("<HHH", header, 28)
        source.seek(name, 1)
        fields = _sub_fields(source.read(extra)) if extra else 0
        source.seek(comment, 1)
        seen += _RECORD + name + extra + comment
        counted += 1
        if counted > most:
            return _Walk(parts_past=counted)
        if fields > MAX_EXTRA_FIELDS:
            return _Walk(crowded_record=counted)
    return _Walk()


def _sub_fields(extra: bytes) -> int:
    """The sub-fields `zipfile` will decode in `extra`, counted to one past the cap: it
    takes one while four bytes are left, each its 4-byte header and declared length."""
    count = at = 0
    while len(extra) - at >= 4 and count <= MAX_EXTRA_FIELDS:
        (length,) = struct.unpack_from("<H", extra, at + 2)
        at += 4 + length
        count += 1
    return count


def _is_zip64(end: list[Any]) -> bool:
    return bool(end[0] == getattr(zipfile, "stringEndArchive64", b"PK\x06\x06"))
