"""How many parts a ZIP's central directory lists, counted before `zipfile` reads it.

`zipfile.ZipFile` builds one `ZipInfo` for every record of the central directory the
moment it opens the archive, before anyone can look at the count: a 20 MB upload of
bare 47-byte records lists 400,000 parts, and opening it took ~8 s of CPU and ~200 MB
-- in the API's request handler, for each of the twenty files a request may carry,
before the cap on parts said no. So the records are walked first, exactly where
`zipfile` will walk them (found by its own end-of-directory search), reading only each
record's fixed header and stopping one past the cap: the cost is bounded by the cap,
not by the file.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from typing import IO, Any

__all__ = ["MAX_PARTS", "parts_past"]

MAX_PARTS = 5_000  # a Word document has a few dozen parts; one full of images, hundreds
_RECORD = 46  # the fixed part of a central-directory record
_SIGNATURE = b"PK\x01\x02"
_ZIP64_TAIL = 56 + 20  # the zip64 end record and its locator, between directory and end
# zipfile's own search for the end record (and its zip64 form), so both walks agree on
# where the directory is; absent in some future Python, the count is not made.
_END_RECORD: Callable[[IO[bytes]], list[Any] | None] | None = getattr(zipfile, "_EndRecData", None)


def parts_past(source: IO[bytes], most: int = MAX_PARTS) -> int | None:
    """The parts counted once more than `most` are found (at most `most` + 1), or None
    when the directory lists no more than `most` -- or cannot be found, which `zipfile`
    then reports as the damage it is. The stream is left where it was."""
    if _END_RECORD is None:
        return None
    where = source.tell()
    try:
        return _count(source, _END_RECORD, most)
    except (OSError, ValueError, struct.error):
        return None
    finally:
        source.seek(where)


def _count(
    source: IO[bytes], end_record: Callable[[IO[bytes]], list[Any] | None], most: int
) -> int | None:
    end = end_record(source)
    if not end:
        return None
    size, location = int(end[5]), int(end[9])
    # As zipfile finds it: the directory ends where the end records begin (the offset
    # it records only tells how much was prepended to the archive).
    start = location - size - (_ZIP64_TAIL if _is_zip64(end) else 0)
    if start < 0:
        return None
    source.seek(start)
    seen = counted = 0
    while seen < size:
        header = source.read(_RECORD)
        if len(header) != _RECORD or not header.startswith(_SIGNATURE):
            return None  # zipfile will refuse the directory as damaged
        name, extra, comment = struct.unpack_from("<HHH", header, 28)
        skip = name + extra + comment
        source.seek(skip, 1)
        seen += _RECORD + skip
        counted += 1
        if counted > most:
            return counted
    return None


def _is_zip64(end: list[Any]) -> bool:
    return bool(end[0] == getattr(zipfile, "stringEndArchive64", b"PK\x06\x06"))
