"""The links a PDF carries behind its text: URI link annotations.

A published PDF often prints "Full text" or a shortened DOI and keeps the address in
a link annotation; the address is what must be checked, so each annotation is read
with the rectangle it covers, and the lines under that rectangle get it.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

__all__ = ["LinkArea", "page_links"]

_MAX_LINKS = 2000  # per page: a hostile file may hold millions
_MAX_URI = 4096
_PDFACTION_URI = 3


@dataclass(frozen=True, slots=True)
class LinkArea:
    """A URI and the rectangle of the page it is behind."""

    uri: str
    x0: float
    bottom: float
    x1: float
    top: float


def page_links(document: Any, page: Any, most: int = _MAX_LINKS) -> list[LinkArea]:
    """The page's web links (http, https, doi), in the order the page lists them; at
    most `most` (what is left of the document's cap) and `_MAX_LINKS`. (pdfium is
    imported here: the parent process imports this module for `LinkArea` only.)"""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    found: list[LinkArea] = []
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
        found.append(
            LinkArea(
                uri,
                min(rect.left, rect.right),
                min(rect.bottom, rect.top),
                max(rect.left, rect.right),
                max(rect.bottom, rect.top),
            )
        )
    return found
