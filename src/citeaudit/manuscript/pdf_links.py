"""The links a PDF carries behind its text: URI link annotations.

A published PDF often prints "Full text" or a shortened DOI and keeps the address in
a link annotation; the address is what must be checked, so each annotation is read
with the rectangle it covers, and the lines under that rectangle get it.

The text the rectangle covers is read too (`LinkArea.shown`): a link printing
"https://doi.org/10.5555/abc" and opening another address is the deceptive link
deceptive-link names, and it was unseen in a PDF. Only text that could be an address
is kept (no blank inside, `_MAX_SHOWN` characters at most) and not the first part of
the address it opens (a link cut by a line break covers each part with its own
rectangle). At most `_MAX_SHOWN_LOOKUPS` rectangles a page are read so: each reading
looks through the page's characters.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["LinkArea", "page_links"]

_MAX_LINKS = 2000  # per page: a hostile file may hold millions
_MAX_URI = 4096
_PDFACTION_URI = 3
_MAX_SHOWN = 500
_ADDRESS = re.compile(r"(?i)(?:https?://|doi:|10\.\d{4,9}/|www\.)")  # what may be shown
_MAX_SHOWN_LOOKUPS = 200  # per page


@dataclass(frozen=True, slots=True)
class LinkArea:
    """A URI and the rectangle of the page it is behind."""

    uri: str
    x0: float
    bottom: float
    x1: float
    top: float
    shown: str = ""  # the text under the rectangle, when it may be an address


def page_links(document: Any, page: Any, most: int = _MAX_LINKS) -> list[LinkArea]:
    """The page's web links (http, https, doi), in the order the page lists them; at
    most `most` (what is left of the document's cap) and `_MAX_LINKS`. (pdfium is
    imported here: the parent process imports this module for `LinkArea` only.)"""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    found: list[LinkArea] = []
    text_page: Any = None  # loaded at the first link: most pages have none
    most = min(most, _MAX_LINKS)
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    buffer = ctypes.create_string_buffer(_MAX_URI)
    while len(found) < most and pdfium_c.FPDFLink_Enumerate(
        page, ctypes.byref(position), ctypes.byref(link)
    ):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != _PDFACTION_URI:
            continue
        size = int(pdfium_c.FPDFAction_GetURIPath(document, action, buffer, _MAX_URI))
        if size <= 1 or size > _MAX_URI:
            continue
        uri = buffer.raw[: size - 1].decode("latin-1", errors="replace").strip()
        if not uri.lower().startswith(("http://", "https://", "doi:")):
            continue
        if not pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            continue
        shown = ""
        if len(found) < _MAX_SHOWN_LOOKUPS:
            if text_page is None:
                text_page = pdfium_c.FPDFText_LoadPage(page)
            shown = _shown(pdfium_c, text_page, rect, uri)
        found.append(
            LinkArea(
                uri,
                min(rect.left, rect.right),
                min(rect.bottom, rect.top),
                max(rect.left, rect.right),
                max(rect.bottom, rect.top),
                shown,
            )
        )
    if text_page:
        pdfium_c.FPDFText_ClosePage(text_page)
    return found


def _shown(pdfium_c: Any, text_page: Any, rect: Any, uri: str) -> str:
    """The text under `rect` when it may be an address other than the start of `uri`:
    its blanks (a line break inside it) taken out; "" otherwise."""
    if not text_page:
        return ""
    box = (
        min(rect.left, rect.right),
        max(rect.bottom, rect.top),
        max(rect.left, rect.right),
        min(rect.bottom, rect.top),
    )
    size = int(pdfium_c.FPDFText_GetBoundedText(text_page, *box, None, 0))
    if size <= 0 or size > _MAX_SHOWN:
        return ""
    buffer = (ctypes.c_ushort * (size + 1))()
    written = int(pdfium_c.FPDFText_GetBoundedText(text_page, *box, buffer, size + 1))
    raw = bytes(buffer)[: 2 * max(0, min(written, size))]
    text = "".join(raw.decode("utf-16-le", errors="replace").split()).replace("\x00", "")
    bare = _bare(text)
    if not _ADDRESS.match(text) or _bare(uri).startswith(bare):
        return ""
    return text


def _bare(address: str) -> str:
    """An address as compared with what is shown: no scheme, ``www.`` or case."""
    lowered = address.lower()
    for prefix in ("https://", "http://"):
        lowered = lowered.removeprefix(prefix)
    return lowered.removeprefix("www.")
