"""The one rule for what may become a link: an http(s) address, nothing else.

Every address on a page comes from the user's files or a registry's answer, so a
``javascript:``, ``data:`` or ``vbscript:`` one -- in any case, behind spaces or
controls (browsers drop leading C0 and remove tabs and newlines anywhere), or
scheme-relative (``//evil.example``) -- must stay text. Both the report's and the web
pages' templates pass every ``href`` through `safe_href` (a Jinja filter), so a link
built by any code path is checked in the one place that draws it.

What it returns holds no control, bidi override or line separator: each is written
%-encoded (UTF-8), as a browser's URL parser encodes it in a path, query or fragment
anyway (in a host it is refused either way), so the link goes where it went. Written
raw (as a numeric reference once the page's controls are escaped), an entry's
``ESC]8;;`` or U+202E sat in the page's ``href`` attribute -- the one place the page
escaper cannot show them as text without changing where the link goes.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

__all__ = ["safe_href"]

_SCHEMES = frozenset({"http", "https"})
_DROPPED = "".join(chr(c) for c in range(0x21)) + "\x7f"  # what browsers trim or remove
# controls, bidi embeddings/overrides/isolates, line and paragraph separators
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def safe_href(url: str | None) -> str | None:
    """`url` trimmed, when it is an absolute http(s) address with a host; else None."""
    if not url:
        return None
    text = url.strip(_DROPPED)
    if any(c in text for c in "\t\n\r"):
        return None  # a browser would read another address than the one shown
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.netloc:
        return None
    if not text.lower().startswith(("http://", "https://")):
        return None
    if _HIDDEN.search(text) is None:
        return text  # the common case: one scan, no copy
    return _HIDDEN.sub(lambda m: quote(m[0], safe=""), text)
