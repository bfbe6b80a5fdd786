"""The Content-Disposition of a download named after an upload (the API's and the
editors' page's fixed files).

An upload's name is the author's: it may hold quotes, line breaks (a forged header)
or letters beyond Latin-1. HTTP headers are Latin-1, so a name such as "Ağaoğlu.bib"
or "статья.bib" in a plain ``filename="..."`` made the response fail (a 500 for the
fixed file, web page and API alike). The header names the file twice (RFC 6266):
an ASCII ``filename`` every client reads, and ``filename*`` with the letters kept,
UTF-8 percent-encoded. Anything but letters, digits, spaces and ``._-`` is ``_`` in
both. A space stays (quoted, and ``%20`` in ``filename*``): the fixed file of
``ana metin.md`` saved as ``ana_metin.md`` was a second file beside the author's, not
what `citeaudit fix` writes in its place.
"""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["attachment"]


def attachment(name: str) -> str:
    """``attachment; filename="..."; filename*=UTF-8''...`` for a file called `name`."""
    kept = "".join(c if c.isalnum() or c in "._- " else "_" for c in name).strip() or "download"
    ascii_name = "".join(c if c.isascii() else "_" for c in kept)
    if ascii_name == kept:
        return f'attachment; filename="{ascii_name}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(kept, safe='')}"
