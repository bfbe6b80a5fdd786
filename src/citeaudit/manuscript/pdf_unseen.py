"""Which of a PDF page's glyphs no reader of the page sees.

The audit must read what the editor sees. A PDF can carry text that prints as
nothing: text render mode 3 or 7 (invisible, or a clip only), white ink on the white
page, glyphs set outside the page's crop box, type a hair high. pdfium's text layer
gives them all, and the reader took them as text: "(Smith, 2019)" set invisibly cited
Smith's entry, and the uncited entry the editor would have been told of was hidden
from the audit. Here each page's objects are looked at once (`page_ink`): its text
objects that print nothing (invisible, white), and what lies under text and shows it
(images, filled shapes that are not white), and the opaque images drawn later than
some text. A glyph is then unseen (`unseen_reason`) when it is wholly off the page,
under `TINY_POINTS` high, under an opaque image painted after it, or in such an
object -- unless an image lies under it (a scan's OCR layer is invisible text over
the picture of the same words) or, for white type, an image or a dark shape does. An
image of `_SCAN_SHARE` of the page or more covers nothing: OCR tools put the words
under the scanned page's picture too, which shows them.

Text in an optional content layer (``/OC`` marked content) shows or not by the
document's layer settings, which pdfium's text layer ignores: a page holding such
text is rendered once, small, as a viewer shows it, and a layered text object whose
place is blank there is unseen ("a layer the viewer hides").

Only the glyphs of pages holding an invisible or white text object, and those lying
under an opaque image, pay a look-up of their text object; every
page pays one walk of its objects, capped (`MAX_OBJECTS`: past it the rest of the
page counts as seen, as before); a glyph is tested against the boxes near it
(`BoxIndex`), a bounded number a glyph and `MAX_COMPARISONS` a page, and a page
renders at most `MAX_RENDERS` covers. The glyphs left out are counted per reason, and the
reader says so once (`unseen_message`).

Geometry is in PDF points, y up, the page's user space (as pdfium's character boxes).
Not judged here: text clipped away by a clipping path, text the same colour as a
coloured ground, text under an opaque vector shape (a filled white box) drawn after it.
"""

from __future__ import annotations

import ctypes
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_COMPARISONS",
    "MAX_RENDERS",
    "TINY_POINTS",
    "BoxIndex",
    "PageInk",
    "page_ink",
    "unseen_message",
    "unseen_reason",
]

TINY_POINTS = 1.5  # a glyph's loose box (ascent to descent) lower than this: a 1.3 pt font
MAX_OBJECTS = 50_000  # objects looked at on one page, forms' inner objects included
MAX_COMPARISONS = 2_000_000  # glyph-in-box tests on one page (60,000 glyphs x 33 boxes)
MAX_RENDERS = 64  # covers rendered on one page to judge them (each up to 16 MB of pixels)
_CELLS = 24  # a page's box index: cells a side
_SMALL_CELLS = 16  # a box over more cells is a large one, looked through by every point
_CELL_LIMIT = 64  # boxes a cell (or the large list) holds before it is too crowded
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
UNDER_IMAGE = "under an image drawn over it"
_SCAN_SHARE = 0.4  # an image this much of the page is a scan's picture: it shows its words
_MAX_COVER_AREA = 1_000_000.0  # square points (a page is 500,000): a larger cover is none
_MAX_RENDERED_BYTES = 16 * 1024 * 1024  # a cover rendered to judge it (4 bytes a point)
_BGRA = 4  # FPDFBitmap_BGRA
_MAX_LAYERED = 20_000  # text objects of optional layers judged on one page
_LAYER_PIXELS = 1_000_000  # the page rendered to judge its layers: about 100 dpi for A4
_INKLESS = 250  # a channel this light: no ink
LAYER = "in a layer the viewer hides (optional content switched off)"

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
    # images smaller than a scanned page, each with its place in the paint order; and
    # each text object's place, when the page has such an image
    covers: tuple[tuple[int, Box], ...] = ()
    orders: dict[int, int] = field(default_factory=dict)
    # whether a cover is opaque, judged the first time a glyph lies under it (the
    # image rendered once: its own mask may let the text through)
    opaque: Callable[[int], bool] = field(default=lambda order: True)
    # the same boxes found by the point they hold (`BoxIndex`): what a glyph is tested
    # against, in bounded time (None: an empty page's)
    cover_index: BoxIndex | None = None
    image_index: BoxIndex | None = None
    ground_index: BoxIndex | None = None


class BoxIndex:
    """Boxes found by a point they hold, a bounded number of tests a point.

    Why: a glyph looked through every cover, image and dark shape of its page, and a
    page may hold 50,000 objects: one tiny image drawn 48,000 times beside 200 lines
    of text was 9,800 x 48,000 box tests, 16.7 s of the child's CPU for one page
    (red team r3). The page is cut into `_CELLS` x `_CELLS` cells; a box spanning at
    most `_SMALL_CELLS` of them is listed in each, a larger one in a list every point
    looks through. A cell holding more than `_CELL_LIMIT` boxes, more than
    `_CELL_LIMIT` large boxes, or a page past `MAX_COMPARISONS` tests is too crowded
    to tell: `holding` says None, and the caller reads the glyph (as past
    `MAX_OBJECTS`). A real page's figure, shaded rows and images stay far below."""

    def __init__(self, crop: Box, boxes: Sequence[tuple[int, Box]], left: list[int]) -> None:
        self._left, self._bottom = crop[0], crop[1]
        self._width = max((crop[2] - crop[0]) / _CELLS, 1e-3)
        self._height = max((crop[3] - crop[1]) / _CELLS, 1e-3)
        self._cells: dict[int, list[tuple[int, Box]]] = {}
        self._crowded: set[int] = set()
        self._big: list[tuple[int, Box]] = []
        self._tests_left = left  # the page's, shared by its indexes
        self.crowded = False
        for tag, box in boxes:
            columns, rows = (
                self._span(box[0], box[2], self._left, self._width),
                self._span(box[1], box[3], self._bottom, self._height),
            )
            if columns is None or rows is None:
                continue  # wholly off the page: no glyph read lies in it
            (i0, i1), (j0, j1) = columns, rows
            if (i1 - i0 + 1) * (j1 - j0 + 1) > _SMALL_CELLS:
                self._big.append((tag, box))
                self.crowded = self.crowded or len(self._big) > _CELL_LIMIT
                continue
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    key = i * _CELLS + j
                    if key in self._crowded:
                        continue
                    listed = self._cells.setdefault(key, [])
                    if len(listed) >= _CELL_LIMIT:
                        self._crowded.add(key)
                    else:
                        listed.append((tag, box))

    @staticmethod
    def _span(low: float, high: float, origin: float, size: float) -> tuple[int, int] | None:
        first, last = int((low - origin) // size), int((high - origin) // size)
        if last < 0 or first >= _CELLS:
            return None
        return max(first, 0), min(last, _CELLS - 1)

    def holding(self, x: float, y: float) -> list[tuple[int, Box]] | None:
        """The boxes (with their tags) holding the point, or None: too crowded to tell."""
        if self.crowded:
            return None
        i, j = int((x - self._left) // self._width), int((y - self._bottom) // self._height)
        key = min(max(i, 0), _CELLS - 1) * _CELLS + min(max(j, 0), _CELLS - 1)
        if key in self._crowded:
            return None
        listed = self._cells.get(key, ())
        self._tests_left[0] -= len(self._big) + len(listed)
        if self._tests_left[0] < 0:
            return None
        return [
            (tag, (a, b, c, d))
            for tag, (a, b, c, d) in itertools.chain(self._big, listed)
            if a <= x <= c and b <= y <= d
        ]


def page_ink(document: Any, page: Any, crop: Box) -> PageInk:
    """The page's invisible and white text objects, its grounds and covers, in one walk
    of at most `MAX_OBJECTS` objects. `document` and `page` are pdfium's raw handles,
    open while the page's glyphs are read."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # the child's only

    unseen: dict[int, str] = {}
    images: list[Box] = []
    grounds: list[Box] = []
    covers: list[tuple[int, Box]] = []
    cover_objects: dict[int, Any] = {}
    orders: dict[int, int] = {}
    layered: list[tuple[int, Box]] = []  # text objects in an optional content layer
    page_area = _area(crop)
    for order, (kind, obj) in enumerate(_objects(pdfium_c, page)):
        if kind == _TEXT:
            address = _address(obj)
            orders[address] = order
            why = _text_unseen(pdfium_c, obj)
            if why is not None:
                unseen[address] = why
            elif len(layered) < _MAX_LAYERED and _in_layer(pdfium_c, obj):
                box = _bounds(pdfium_c, obj)
                if box is not None:
                    layered.append((address, box))
        elif kind in (_IMAGE, _SHADING):
            box = _bounds(pdfium_c, obj)
            if box is not None:
                images.append(box)
                grounds.append(box)
                if (
                    kind == _IMAGE
                    and _area(box) < min(_SCAN_SHARE * page_area, _MAX_COVER_AREA)
                    and not pdfium_c.FPDFPageObj_HasTransparency(obj)
                ):
                    covers.append((order, box))
                    cover_objects[order] = obj
        elif kind == _PATH and _dark_fill(pdfium_c, obj):
            box = _bounds(pdfium_c, obj)
            if box is not None:
                grounds.append(box)
    if layered:
        unseen.update(dict.fromkeys(_blank_in_render(pdfium_c, page, crop, layered), LAYER))
    judged: dict[int, bool] = {}

    def opaque(order: int) -> bool:
        if order not in judged:
            if len(judged) >= MAX_RENDERS:
                return False  # past the page's renders: no cover, the text is read
            judged[order] = _opaque(pdfium_c, document, page, cover_objects[order])
        return judged[order]

    left = [MAX_COMPARISONS]
    return PageInk(
        crop,
        unseen,
        tuple(images),
        tuple(grounds),
        tuple(covers),
        orders if covers else {},
        opaque,
        BoxIndex(crop, covers, left) if covers else None,
        BoxIndex(crop, [(0, box) for box in images], left) if unseen else None,
        BoxIndex(crop, [(0, box) for box in grounds], left) if unseen else None,
    )


def _in_layer(pdfium_c: Any, obj: Any) -> bool:
    """Whether the object is marked as optional content (``/OC ... BDC``)."""
    count = int(pdfium_c.FPDFPageObj_CountMarks(obj))
    for k in range(min(count, 8)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, k)
        name = (ctypes.c_ushort * 8)()
        length = ctypes.c_ulong()
        named = mark and pdfium_c.FPDFPageObjMark_GetName(mark, name, 16, ctypes.byref(length))
        if named and length.value == 6 and bytes(name)[:4] == "OC".encode("utf-16-le"):
            return True
    return False


def _blank_in_render(
    pdfium_c: Any, page: Any, crop: Box, layered: list[tuple[int, Box]]
) -> list[int]:
    """The text objects of optional layers whose place is blank when the page is
    rendered as a viewer shows it (a layer switched off draws nothing). One render of
    the page, small (`_LAYER_PIXELS`); a turned page is not judged (its text read)."""
    if int(pdfium_c.FPDFPage_GetRotation(page)) != 0:
        return []
    left, bottom, right, top = crop
    width, height = right - left, top - bottom
    if width <= 0 or height <= 0:
        return []
    scale = min(2.0, (_LAYER_PIXELS / (width * height)) ** 0.5)
    columns, rows = max(int(width * scale), 1), max(int(height * scale), 1)
    bitmap = pdfium_c.FPDFBitmap_Create(columns, rows, 0)
    if not bitmap:
        return []
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, columns, rows, 0xFFFFFFFF)
        pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, columns, rows, 0, 0)
        stride = int(pdfium_c.FPDFBitmap_GetStride(bitmap))
        pixels = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bitmap), stride * rows)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)
    blank: list[int] = []
    for address, (a, b, c, d) in layered:
        x0 = max(int((a - left) * scale), 0)
        x1 = min(int((c - left) * scale) + 1, columns)
        y0 = max(int((top - d) * scale), 0)
        y1 = min(int((top - b) * scale) + 1, rows)
        if x0 >= x1 or y0 >= y1:
            continue
        if all(
            min(pixels[y * stride + 4 * x0 : y * stride + 4 * x1]) >= _INKLESS
            for y in range(y0, y1)
        ):
            blank.append(address)
    return blank


def _opaque(pdfium_c: Any, document: Any, page: Any, image: Any) -> bool:
    """Whether the image, rendered as placed, covers everything under it (its own mask
    or soft mask leaves no pixel clear)."""
    bitmap = pdfium_c.FPDFImageObj_GetRenderedBitmap(document, page, image)
    if not bitmap:
        return False
    try:
        if int(pdfium_c.FPDFBitmap_GetFormat(bitmap)) != _BGRA:
            return True  # no alpha channel: nothing shows through
        width = int(pdfium_c.FPDFBitmap_GetWidth(bitmap))
        height = int(pdfium_c.FPDFBitmap_GetHeight(bitmap))
        stride = int(pdfium_c.FPDFBitmap_GetStride(bitmap))
        if width <= 0 or height <= 0 or stride * height > _MAX_RENDERED_BYTES:
            return False
        pixels = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bitmap), stride * height)
        rows = (pixels[r * stride : r * stride + 4 * width] for r in range(height))
        return all(min(row[3::4]) == 255 for row in rows)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)


def _area(box: Box) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


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
    if get_object is None or not (ink.unseen or ink.covers):
        return None
    address: int | None = None
    over = ink.cover_index.holding(x, y) if ink.cover_index is not None else None
    for order, _ in over or ():
        if address is None:
            address = _address(get_object(textpage, index))
        if ink.orders.get(address, order) < order and ink.opaque(order):
            return UNDER_IMAGE
    if not ink.unseen:
        return None
    if address is None:
        address = _address(get_object(textpage, index))
    why = ink.unseen.get(address)
    if why is None:
        return None
    shown_by = ink.image_index if why == INVISIBLE else ink.ground_index
    under = shown_by.holding(x, y) if shown_by is not None else None
    if under is None or under:
        return None  # something shows it, or too crowded to tell: read
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
