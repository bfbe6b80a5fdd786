"""The one rule for what may become a link: an http(s) address, nothing else.

Every address on a page comes from the user's files or a registry's answer, so a
``javascript:``, ``data:`` or ``vbscript:`` one -- in any case, behind spaces or
controls (browsers drop leading C0 and remove tabs and newlines anywhere), or
scheme-relative (``//evil.example``) -- must stay text. Both the report's and the web
pages' templates pass every ``href`` through `safe_href` (a Jinja filter), so a link
built by any code path is checked in the one place that draws it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_href"]

_SCHEMES = frozenset({"http", "https"})
_DROPPED = "".join(chr(c) for c in range(0x21)) + "\x7f"  # what browsers trim or remove


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
    return text
