"""Which of a PDF page's glyphs no reader of the page sees.

The audit must read what the editor sees. A PDF can carry text that prints as
nothing: text render mode 3 or 7 (invisible, or a clip only), white ink on the white
page, glyphs set outside the page's crop box, type a hair high. pdfium's text layer
gives them all, and the reader took them as text: "(Smith, 2019)" set invisibly cited
Smith's entry, and the uncited entry the editor would have been told of was hidden
from the audit. Here each page's objects are looked at once (`page_ink`): its text
objects that print nothing (invisible, white), and what lies under text and shows it
(images, filled shapes that are not white). A glyph is then unseen (`unseen_reason`)
when it is wholly off the page, under `TINY_POINTS` high, or in such an object -- unless an
image lies under it (a scan's OCR layer is invisible text over the picture of the
same words) or, for white type, an image or a dark shape does.

Only pages holding an invisible or white text object pay a look-up per glyph; every
page pays one walk of its objects, capped (`MAX_OBJECTS`: past it the rest of the
page counts as seen, as before). The glyphs left out are counted per reason, and the
reader says so once (`unseen_message`).

Geometry is in PDF points, y up, the page's user space (as pdfium's character boxes).
Not judged here: text under an opaque image drawn after it, text clipped away by a
clipping path, text the same colour as a coloured ground.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TINY_POINTS", "PageInk", "page_ink", "unseen_message", "unseen_reason"]

TINY_POINTS = 1.5  # a glyph's loose box (ascent to descent) lower than this: a 1.3 pt font
MAX_OBJECTS = 50_000  # objects looked at on one page, forms' inner objects included
_MAX_DEPTH = 8  # form objects nested in form objects
_WHITE = 250  # each of red, green and blue at least this (of 255): white ink
_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5
_INVISIBLE_MODES = frozenset({3, 7})  # neither filled nor stroked (7 clips only)
_FILLED_MODES = frozenset({0, 2, 4, 6})
_STROKED_MODES = frozenset({1, 2, 5, 6})

INVISIBLE = "invisible (text render mode 3)"
WHITE = "white on the white page"
OFF_PAGE = "off the page"
TINY = f"under {TINY_POINTS:g} pt high"

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True, slots=True)
class PageInk:
    """What a page's objects say about its glyphs: its crop box, the text objects that
    print nothing (address -> reason), and the images and dark shapes lying anywhere
    on it (what may show a glyph drawn invisibly or in white)."""

    crop: Box
    unseen: dict[int, str] = field(default_factory=dict)
    images: tuple[Box, ...] = ()
    grounds: tuple[Box, ...] = ()  # images and filled shapes not white


def page_ink(page: Any, crop: Box) -> PageInk:
    """The page's invisible and white text objects and its grounds, in one walk of at
    most `MAX_OBJECTS` objects. `page` is pdfium's raw page handle."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # the child's only

    unseen: dict[int, str] = {}
    images: list[Box] = []
    grounds: list[Box] = []
    for kind, obj in _objects(pdfium_c, page):
        if kind == _TEXT:
            why = _text_unseen(pdfium_c, obj)
            if why is not None:
                unseen[_address(obj)] = why
        elif kind in (_IMAGE, _SHADING):
            box = _bounds(pdfium_c, obj)
            if box is not None:
                images.append(box)
                grounds.append(box)
        elif kind == _PATH and _dark_fill(pdfium_c, obj):
            box = _bounds(pdfium_c, obj)
            if box is not None:
                grounds.append(box)
    return PageInk(crop, unseen, tuple(images), tuple(grounds))


def unseen_reason(
    ink: PageInk, textpage: Any, index: int, box: Box, get_object: Any = None
) -> str | None:
    """Why the glyph at `index` (its loose `box`) is not seen, or None when it is.

    `get_object` is pdfium's ``FPDFText_GetTextObject``, passed in by the caller that
    already holds the library; asked only when the page has an unseen text object."""
    left, bottom, right, top = box
    if top - bottom < TINY_POINTS:
        return TINY
    c_left, c_bottom, c_right, c_top = ink.crop
    if right < c_left or left > c_right or top < c_bottom or bottom > c_top:
        return OFF_PAGE  # wholly: a code line running over the edge shows its cut glyph
    x, y = (left + right) / 2, (bottom + top) / 2
    if not ink.unseen or get_object is None:
        return None
    why = ink.unseen.get(_address(get_object(textpage, index)))
    if why is None:
        return None
    shown_by = ink.images if why == INVISIBLE else ink.grounds
    if any(a <= x <= c and b <= y <= d for a, b, c, d in shown_by):
        return None
    return why


def unseen_message(counts: Counter[str]) -> str | None:
    """One sentence for the glyphs left out, by reason, or None when none were."""
    if not counts:
        return None
    total = sum(counts.values())
    reasons = ", ".join(f"{n:,} {why}" for why, n in counts.most_common())
    return (
        f"the PDF holds text no reader of the page sees ({total:,} character(s): "
        f"{reasons}): not read -- a citation or an entry there is not one the editor "
        "can see"
    )


def _objects(pdfium_c: Any, page: Any) -> Iterator[tuple[int, Any]]:
    """(type, object) for the page's objects and, depth first, its forms' objects."""
    left = MAX_OBJECTS
    # (container, is a form, next index, its count, depth)
    stack: list[tuple[Any, bool, int, int, int]] = [
        (page, False, 0, int(pdfium_c.FPDFPage_CountObjects(page)), 0)
    ]
    while stack and left > 0:
        container, is_form, index, count, depth = stack.pop()
        if index >= count:
            continue
        get = pdfium_c.FPDFFormObj_GetObject if is_form else pdfium_c.FPDFPage_GetObject
        obj = get(container, index)
        stack.append((container, is_form, index + 1, count, depth))
        left -= 1
        if not obj:
            continue
        kind = int(pdfium_c.FPDFPageObj_GetType(obj))
        if kind == _FORM and depth < _MAX_DEPTH:
            inner = int(pdfium_c.FPDFFormObj_CountObjects(obj))
            stack.append((obj, True, 0, inner, depth + 1))
        else:
            yield kind, obj


def _address(obj: Any) -> int:
    return int(ctypes.cast(obj, ctypes.c_void_p).value or 0)


def _color(getter: Any, obj: Any) -> tuple[int, int, int, int] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return r.value, g.value, b.value, a.value


def _white_or_clear(rgba: tuple[int, int, int, int] | None) -> bool:
    if rgba is None:
        return False  # a pattern, a colour space pdfium does not give: it may show
    r, g, b, a = rgba
    return a == 0 or min(r, g, b) >= _WHITE


def _text_unseen(pdfium_c: Any, obj: Any) -> str | None:
    mode = int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj))
    if mode in _INVISIBLE_MODES:
        return INVISIBLE
    if mode not in _FILLED_MODES and mode not in _STROKED_MODES:
        return None  # unknown: taken as shown
    inks = []
    if mode in _FILLED_MODES:
        inks.append(_color(pdfium_c.FPDFPageObj_GetFillColor, obj))
    if mode in _STROKED_MODES:
        inks.append(_color(pdfium_c.FPDFPageObj_GetStrokeColor, obj))
    return WHITE if all(_white_or_clear(ink) for ink in inks) else None


def _dark_fill(pdfium_c: Any, obj: Any) -> bool:
    """A path filled with something that is not white (a shaded cell, a dark box)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return False
    if fill_mode.value == 0:
        return False
    rgba = _color(pdfium_c.FPDFPageObj_GetFillColor, obj)
    return rgba is None or not _white_or_clear(rgba)


def _bounds(pdfium_c: Any, obj: Any) -> Box | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return None
    return left.value, bottom.value, right.value, top.value
