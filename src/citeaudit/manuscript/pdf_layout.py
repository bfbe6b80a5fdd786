"""A PDF page's characters as lines of text in reading order.

A PDF holds positioned glyphs, not lines: this module groups them into lines by their
baseline, tells a page's columns apart by where lines sit against the page's middle,
and orders a page as a reader reads it -- full-width lines (a title, an abstract)
where they stand, and between them the left column before the right. Superscripts
are told by their size and raised baseline (numeric citations set as superscripts
leave no other mark); spacing accents that a TeX font draws over a letter are put
back on it; ligatures are unfolded.

Geometry is in PDF points with y growing upwards, as pdfium gives it.
"""

from __future__ import annotations

import ctypes
import dataclasses
import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from citeaudit.manuscript.pdf_unseen import PageInk, unseen_reason

__all__ = ["Glyph", "PdfLine", "order_page", "page_glyphs", "page_lines", "strip_furniture"]

# Spacing accents a TeX font draws as their own glyph over the letter they belong to.
_SPACING_ACCENTS = {
    "´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327",
    "ˇ": "\u030c", "˘": "\u0306", "˙": "\u0307", "˚": "\u030a", "˝": "\u030b", "¯": "\u0304",
    "^": "\u0302", "~": "\u0303",
}  # fmt: skip
_LIGATURES = frozenset("ﬀﬁﬂﬃﬄﬅﬆ")
_SOFT_HYPHEN = "\u00ad"
_NO_GAP = 0.05  # of the type size: glyphs this close touch
_F_GAP = 0.01  # the same after an "f", whose box overhangs the room it takes
_TILT = 0.05  # radians; an upright glyph's angle is 0 (pdfium gives -1 when it cannot tell)
_CLOSING = frozenset(".,;:)]”’")
# U+2212 MINUS SIGN and the Unicode hyphens too: ACS sets a raised range "35−37"
_SUPERSCRIPT_TEXT = re.compile(r"^[0-9,\-‐‑‒–—−;()\[\] ]+$")


class Glyph(NamedTuple):
    """One character as printed: its box and its baseline. A named tuple, not a frozen
    dataclass: a page makes thousands, and a frozen dataclass takes three times as long
    to build (its fields are set one by one through `object.__setattr__`)."""

    char: str
    x0: float
    x1: float
    bottom: float
    top: float
    base: float  # the baseline's y
    space_before: bool  # the PDF (or pdfium) put a word break before it


@dataclass(frozen=True, slots=True)
class PdfLine:
    """A printed line: its text, where it stands and how big its type is."""

    page: int  # 1-based
    x0: float
    x1: float
    top: float
    base: float
    size: float  # the height of its ordinary letters
    text: str
    superscripts: tuple[tuple[int, int], ...] = ()
    bold: bool = False
    column: int = 0  # 0 left (or only), 1 right, -1 across both
    number: int = 0  # its line number on the page, once running heads are gone
    # the baseline of its last printed row, when it took the rows below it whole (a
    # long link's pieces, joined); spacing below it is measured from there
    last_base: float | None = None

    @property
    def foot(self) -> float:
        """The baseline its printed text ends on."""
        return self.base if self.last_base is None else self.last_base


def page_glyphs(
    textpage: Any,
    limit: int,
    sideways: list[int] | None = None,
    ink: PageInk | None = None,
    unseen: Counter[str] | None = None,
) -> list[Glyph]:
    """The page's upright characters in content order; at most `limit` of them (the
    count of those set sideways is added to `sideways[0]`, so a page printed on its
    side can be said to be unread rather than empty). With the page's `ink`
    (`pdf_unseen.page_ink`), a glyph no reader of the page sees (invisible, white on
    white, off the page, a hair high) is left out and counted in `unseen` by reason:
    the audit reads what the editor sees.

    The text comes in one call and each box in one more (the loose box: the font's
    ascent and descent, so a line's glyphs share a bottom and a superscript's sits
    higher): ctypes calls are most of the reading time.
    """
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # see _page_text

    count = min(int(pdfium_c.FPDFText_CountChars(textpage)), limit)
    if count <= 0:
        return []
    chars = _page_text(textpage, count)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_angle = pdfium_c.FPDFText_GetCharAngle
    get_object = pdfium_c.FPDFText_GetTextObject
    # the raw handle: the helper object is converted on every call (a property read)
    handle = getattr(textpage, "raw", textpage)
    glyphs: list[Glyph] = []
    append = glyphs.append
    make = tuple.__new__  # Glyph(...) without its Python-level __new__: one call less a glyph
    # the glyph kept before this one, as plain floats (no attribute reads a glyph)
    last_bottom = last_top = last_x1 = last_base = math.nan
    space = True
    for i, char in enumerate(chars):
        if char in "\x02\ufffe":  # pdfium's marks for a hyphen that ends a line
            char = "-"
        elif char.isspace():
            space = True
            continue
        elif not char.isprintable() and char != _SOFT_HYPHEN:
            continue
        boxed = get_box(handle, i, rect_ref)
        left, bottom, top = rect.left, rect.bottom, rect.top
        # the angle is asked only where the glyph does not go on the upright line of
        # the one before (same bottom, further right): one ctypes call less a glyph
        # (nan, before the first glyph, compares false)
        if not (
            boxed
            and -0.05 < bottom - last_bottom < 0.05
            and -0.05 < top - last_top < 0.05
            and last_x1 - 0.5 <= left < last_x1 + 3 * (top - bottom)
        ):
            angle = float(get_angle(handle, i))
            if _TILT < angle < 2 * math.pi - _TILT:
                if sideways is not None:  # a margin's running title, a stamp, a rotated table
                    sideways[0] += 1
                continue
        if not boxed or top - bottom <= 0.01:
            if char == "-" and glyphs:  # the line-end hyphen pdfium keeps boxless
                hyphen = ("-", last_x1, last_x1 + 1, last_bottom, last_top, last_base, False)
                append(make(Glyph, hyphen))
                last_x1 += 1
            continue
        right = rect.right
        if ink is not None:
            why = unseen_reason(ink, handle, i, (left, bottom, right, top), get_object)
            if why is not None:
                if unseen is not None:
                    unseen[why] += 1
                space = True  # the words either side stay apart
                continue
        append(make(Glyph, (char, left, right, bottom, top, bottom, space)))
        last_bottom, last_top, last_x1, last_base = bottom, top, right, bottom
        space = False
    return glyphs


def _page_text(textpage: Any, count: int) -> str:
    """One character per index: the bulk text when it lines up, else char by char.

    pdfium is imported where it is called, not with the module: the parent process
    imports this module for `PdfLine` and never calls pdfium (the child does), and
    importing pypdfium2 cost every `citeaudit check paper.pdf` 0.05 s of CPU."""
    import pypdfium2.raw as pdfium_c

    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = int(
        pdfium_c.FPDFText_GetText(
            textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        )
    )
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    get_unicode = pdfium_c.FPDFText_GetUnicode
    out = []
    for i in range(count):
        code = int(get_unicode(textpage, i))
        out.append("\ufffd" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code))
    return "".join(out)


def page_lines(glyphs: Sequence[Glyph], page: int) -> list[PdfLine]:
    """Glyphs grouped into lines: a glyph continues the line when it sits on its band
    and follows it closely; a wide gap (a column's gutter) or a jump back starts another."""
    groups: list[list[Glyph]] = []
    current: list[Glyph] = []
    size = base = right = 0.0
    last_x0 = last_x1 = last_bottom = math.nan  # the glyph before's box
    for g in glyphs:
        _, x0, x1, bottom, top, g_base, _ = g  # one unpacking, not a field read each
        height = top - bottom
        # a ligature's letters ("ffi": one glyph, three characters) each come with the
        # glyph's own box: the second starts where the first did, a jump back as wide
        # as the glyph, which is no new line ("Grif" / "iths")
        same_box = (
            abs(x0 - last_x0) < 0.01
            and abs(x1 - last_x1) < 0.01
            and abs(bottom - last_bottom) < 0.01
        )
        last_x0, last_x1, last_bottom = x0, x1, bottom
        if current:
            # a line may open with a raised mark (a footnote's number): then the
            # first ordinary letter sits lower than the mark by up to half its height
            drop = 0.45 * size if height <= 1.15 * size else 0.6 * height
            same_band = base - drop <= g_base <= base + 0.6 * size
            gap = x0 - right
            if same_box or (
                same_band and -0.6 * size <= gap <= 1.3 * (size if size > height else height)
            ):
                current.append(g)
                if x1 > right:
                    right = x1
                if height > size * 1.15:  # the line began with a superscript
                    size, base = height, g_base
                continue
            groups.append(current)
        current = [g]
        size, base, right = height, g_base, x1
    if current:
        groups.append(current)
    groups = _without_watermark(_without_line_numbers(groups))
    return [_line(group, page) for group in groups]


_NUMBER_GAP = 0.5  # a line number stands apart from its line's text by this many sizes
_MAX_DIGITS = 5


def _without_line_numbers(groups: list[list[Glyph]]) -> list[list[Glyph]]:
    """The lines without the numbers a review copy prints in the margin beside each
    line ("71  Abadi, M. ..."): numbers set apart from the text, on one edge, one
    more each line down the page. Left in, they would read as part of
    the text -- a year, a list number, a page -- and split entries where none starts."""
    found: list[tuple[int, int, float, float, int, float]] = []
    for gi, group in enumerate(groups):
        k = 0
        while k < len(group) and k <= _MAX_DIGITS and group[k].char.isdigit():
            if k and group[k].x0 - group[k - 1].x1 > 0.3 * (group[k].top - group[k].bottom):
                break  # the number ends where a space does: "62  2020)," is two
            k += 1
        if k == 0 or k > _MAX_DIGITS:
            continue
        if k < len(group):
            rest = group[k]
            if rest.x0 - group[k - 1].x1 < _NUMBER_GAP * (rest.top - rest.bottom):
                continue
        value = int("".join(g.char for g in group[:k]))
        found.append((gi, k, group[0].x0, group[k - 1].x1, value, group[0].base))
    if len(found) < 5:
        return groups
    drop: dict[int, int] = {}
    for edge in (2, 3):  # numbers set flush left, or flush right
        clusters: dict[int, list[tuple[int, int, float, float, int, float]]] = {}
        for item in found:
            clusters.setdefault(round(float(item[edge]) / 2), []).append(item)
        for members in clusters.values():
            if len(members) < 5:
                continue
            members.sort(key=lambda m: -m[5])
            # one more each line (a few more past a figure or a blank line)
            rising = sum(1 for a, b in itertools.pairwise(members) if 0 < b[4] - a[4] <= 3)
            if rising >= 0.8 * (len(members) - 1):
                drop.update({m[0]: m[1] for m in members})
    if not drop:
        return groups
    out: list[list[Glyph]] = []
    for gi, group in enumerate(groups):
        kept = group[drop.get(gi, 0) :]
        if kept:
            out.append(kept)
    return out


def _without_watermark(groups: list[list[Glyph]]) -> list[list[Glyph]]:
    """The lines without a watermark's letters ("DRAFT" drawn across the page, each
    letter many times the size of the text): nothing a reader reads is set that big."""
    lows = [min(g.top - g.bottom for g in group) for group in groups]
    if not lows or max(lows) < 5 * min(lows):
        return groups  # no line is set five times the smallest type: no watermark (cheap)
    heights = sorted(g.top - g.bottom for group in groups for g in group)
    typical = heights[len(heights) // 2]
    return [grp for grp, low in zip(groups, lows, strict=True) if low < 5 * typical]


def _line(group: list[Glyph], page: int) -> PdfLine:
    heights = [g.top - g.bottom for g in group]
    size = _letter_size(group, heights)
    bases = sorted([g.base for g, h in zip(group, heights, strict=True) if h >= 0.9 * size])
    base = bases[len(bases) // 2] if bases else group[0].base
    # the thresholds of the loop below, once a line (it runs once a glyph)
    small, lifted = 0.85 * size, base + 0.2 * size
    tight_gap, no_gap, wide_gap = 0.15 * size, _NO_GAP * size, 0.22 * size
    f_gap = _F_GAP * size
    pieces: list[str] = []
    sup_flags: list[bool] = []
    previous_x1: float | None = None  # where the glyph before ends
    previous_char = ""
    pending_accent: str | None = None
    for k, (char, x0, x1, _, _, glyph_base, space_before) in enumerate(group):
        accent = _SPACING_ACCENTS.get(char)
        if accent is not None and _over_letter(group, k):
            if (
                previous_x1 is not None
                and x0 < previous_x1 - 0.1
                and pieces
                and pieces[-1].isalpha()
            ):
                pieces[-1] = unicodedata.normalize("NFC", pieces[-1] + accent)
            else:
                pending_accent = accent
            continue
        raised = heights[k] < small and glyph_base > lifted
        if previous_x1 is not None:
            gap = x0 - previous_x1
            tight = char in _CLOSING and gap < tight_gap  # "session³." set in two runs
            # a space the text gives where no gap is printed is none: a font's "fi"
            # ligature mapped to "fi " ("scientifi c"). After an "f" the box reaches
            # past the letter's room (its hook overhangs), so on a tightly justified
            # line the gap there understates the space: any gap keeps it ("of the")
            spaced = space_before and gap > (f_gap if previous_char == "f" else no_gap)
            if not tight and (spaced or gap > wide_gap):
                pieces.append(" ")
                sup_flags.append(False)
        if char in _LIGATURES:
            text = unicodedata.normalize("NFKC", char)
        elif pending_accent is not None:
            text = unicodedata.normalize("NFC", char + pending_accent)
        else:
            text = char
        pending_accent = None
        pieces.append(text)
        sup_flags.append(raised)
        previous_x1 = x1
        previous_char = char
    text, spans = _assemble(pieces, sup_flags)
    return PdfLine(
        page=page,
        x0=min([g.x0 for g in group]),
        x1=max([g.x1 for g in group]),
        top=max([g.top for g in group]),
        base=base,
        size=size,
        text=text,
        superscripts=spans,
    )


def _letter_size(group: list[Glyph], heights: list[float]) -> float:
    """The height of the line's ordinary letters: the median glyph's, unless most
    glyphs are raised -- a long superscript list ("DNA.^9,10,11,...,21,^") outnumbers
    the words it follows -- when it is the median of the taller glyphs set below them.
    Taken as the raised type's, the line was read as set in small type: its numbers
    were no superscripts, and the size change broke the paragraph around it."""
    ordered = sorted(heights)
    size = ordered[len(ordered) // 2]
    tall = [k for k, h in enumerate(heights) if h > 1.25 * size]
    if len(tall) < 2:
        return size
    big = statistics.median(heights[k] for k in tall)
    low = statistics.median(group[k].base for k in tall)
    rest = statistics.median(g.base for k, g in enumerate(group) if heights[k] <= 1.25 * size)
    return big if rest > low + 0.2 * big else size


def _over_letter(group: list[Glyph], k: int) -> bool:
    """A spacing accent drawn over the letter before or after it (TeX's \\'e)."""
    g = group[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(group) and group[j].char.isalpha():
            other = group[j]
            overlap = min(g.x1, other.x1) - max(g.x0, other.x0)
            if overlap > 0.3 * (g.x1 - g.x0):
                return True
    return False


def _assemble(pieces: list[str], flags: list[bool]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Line text and the columns of its superscript runs (numbers only: a raised letter
    is an ordinal or a unit, not a citation)."""
    text = "".join(pieces)
    if True not in flags:
        return text, ()  # most lines: nothing raised, no walk over their pieces
    spans: list[tuple[int, int]] = []
    offset = 0
    start: int | None = None
    for piece, flag in zip(pieces, flags, strict=True):
        if flag and start is None:
            start = offset
        elif not flag and start is not None and piece != " ":
            spans.append((start, offset))
            start = None
        offset += len(piece)
    if start is not None:
        spans.append((start, offset))
    kept = []
    for s, e in spans:
        run = text[s:e].rstrip()
        if run and _SUPERSCRIPT_TEXT.match(run) and any(ch.isdigit() for ch in run):
            kept.append((s, s + len(run)))
    return text, tuple(kept)


def order_page(lines: list[PdfLine], width: float) -> list[PdfLine]:
    """The page's lines in reading order, each told its column.

    A page is read in two columns when a gutter -- an upright strip of the page no
    line crosses, where lines keep to either side of it -- splits it: the middle of a
    two-column article, or the edge of a margin column (a journal's sidebar of dates
    and licence beside a wide body). Lines across the gutter break the page into bands
    read one after another.
    """
    if not lines:
        return []
    for gutter in _gutters(lines, width):
        sides = _sides(lines, gutter, 0.015 * width)
        if _two_columns(lines, sides):
            return _rejoined(_in_bands(lines, sides))
    ordered = sorted(lines, key=lambda ln: (-round(ln.base, 0), ln.x0))
    return _rejoined([_with_column(ln, 0) for ln in ordered])


def _rejoined(lines: list[PdfLine]) -> list[PdfLine]:
    """Pieces of one printed line put back together: a line justified with very wide
    spaces (the last line of an entry stretched to the margin) falls apart into words
    when its lines are grouped; in its column, on its baseline, in its size, each
    piece continues the one to its left."""
    out: list[PdfLine] = []
    for line in lines:
        if out:
            last = out[-1]
            same_row = abs(line.base - last.base) < 0.2 * last.size and line.x0 > last.x1
            if (
                same_row
                and line.column == last.column
                and abs(line.size - last.size) < 0.1 * last.size
            ):
                shift = len(last.text) + 1
                out[-1] = dataclasses.replace(
                    last,
                    x1=line.x1,
                    top=max(last.top, line.top),
                    text=f"{last.text} {line.text}",
                    superscripts=last.superscripts
                    + tuple((a + shift, b + shift) for a, b in line.superscripts),
                    bold=last.bold and line.bold,
                )
                continue
        out.append(line)
    return out


_MAX_GUTTERS = 6  # tried per page: each costs a pass over its lines


def _gutters(lines: Sequence[PdfLine], width: float) -> list[float]:
    """Where a gutter may run, best first: the middle of each strip of the page that
    few lines cross (a title or a wide figure caption may), between its outer tenths;
    the page's middle first, as two equal columns are the usual case."""
    step = 2.0
    bins = max(int(width / step) + 1, 1)
    cover = [0] * (bins + 1)
    for line in lines:
        a = min(max(int(line.x0 / step), 0), bins)
        b = min(max(int(line.x1 / step), 0), bins)
        cover[a] += 1
        cover[b] -= 1
    running = 0
    low = max(1, len(lines) // 10)
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for k in range(bins):
        running += cover[k]
        free = running <= low and 0.1 * width <= k * step <= 0.9 * width
        if free and start is None:
            start = k
        elif not free and start is not None:
            runs.append((start, k))
            start = None
    if start is not None:
        runs.append((start, bins))
    middle = width / 2
    found = [(a + b) * step / 2 for a, b in runs]
    return sorted({middle, *found}, key=lambda x: abs(x - middle))[:_MAX_GUTTERS]


def _sides(lines: Sequence[PdfLine], gutter: float, slack: float) -> list[int]:
    sides = []
    for line in lines:
        if line.x1 <= gutter + slack:
            sides.append(0)
        elif line.x0 >= gutter - slack:
            sides.append(1)
        else:
            sides.append(-1)
    return sides


_PAIRED_LINES = 6


def _two_columns(lines: Sequence[PdfLine], sides: Sequence[int]) -> bool:
    """Lines keep to both sides of the gutter, side by side: down the page, between
    the lines that cross it (a title, the full-width end of the body above the
    reference list), a stretch holds at least two lines on each side, and such
    stretches hold six lines or more (lines told by their baseline). A single-column
    page has hardly any line wholly right of its middle, let alone two beside two
    left-hand ones. A column is prose: each side holds a line of three words or
    more filling two fifths of that side's width -- the pieces of a display equation
    right of a single column's middle ('0 if x < 0', '(1)') beside its left half and a
    short heading are no second column, nor are a figure's stray labels in the margin
    ('! -', 'Earnin') beside the whole page."""
    if not _prose_on_both_sides(lines, sides):
        return False
    tagged = sorted(zip(lines, sides, strict=True), key=lambda t: -t[0].base)
    bands: list[tuple[set[int], set[int]]] = [(set(), set())]
    for line, side in tagged:
        if side == -1:
            bands.append((set(), set()))
        else:  # by baseline: the words of one widely spaced line are one line
            bands[-1][side].add(round(line.base))
    paired = sum(len(left) + len(right) for left, right in bands if min(len(left), len(right)) >= 2)
    return paired >= _PAIRED_LINES


def _prose_on_both_sides(lines: Sequence[PdfLine], sides: Sequence[int]) -> bool:
    """Each side holds a line of prose (`_two_columns`); one is enough: a column may
    hold a single sentence above a link ('is online at' / 'https://...')."""
    spans = _side_spans(lines, sides)
    wide = [False, False]
    for line, side in zip(lines, sides, strict=True):
        if side >= 0 and not wide[side] and line.x1 - line.x0 >= _PROSE_SHARE * spans[side]:
            wide[side] = _words_at_least(line.text, 3)
    return all(wide)


_PROSE_SHARE = 0.4  # of its side's width: a line of a column's prose fills more


def _words_at_least(text: str, count: int) -> bool:
    """Whether the text holds `count` words, reading no further than needed."""
    return any(k + 1 >= count for k, _ in enumerate(_WORD_RUN.finditer(text)))


_WORD_RUN = re.compile(r"\S+")


def _side_spans(lines: Sequence[PdfLine], sides: Sequence[int]) -> tuple[float, float]:
    """The width each side of the gutter takes on the page (its lines' outer edges)."""
    left = [ln for ln, side in zip(lines, sides, strict=True) if side == 0]
    right = [ln for ln, side in zip(lines, sides, strict=True) if side == 1]
    if not left or not right:
        return (0.0, 0.0)
    return (
        max(ln.x1 for ln in left) - min(ln.x0 for ln in left),
        max(ln.x1 for ln in right) - min(ln.x0 for ln in right),
    )


def _in_bands(lines: Sequence[PdfLine], sides: Sequence[int]) -> list[PdfLine]:
    tagged = sorted(zip(lines, sides, strict=True), key=lambda t: (-t[0].base, t[0].x0))
    out: list[PdfLine] = []
    band: list[tuple[PdfLine, int]] = []

    def flush() -> None:
        out.extend(_with_column(ln, 0) for ln, side in band if side == 0)
        out.extend(_with_column(ln, 1) for ln, side in band if side == 1)
        band.clear()

    cuts = _type_changes(lines, sides)
    next_cut = 0  # an index, not pop(0): a page may give many cuts
    for line, side in tagged:
        if side == -1:
            flush()
            out.append(_with_column(line, -1))
            continue
        if next_cut < len(cuts) and line.base < cuts[next_cut]:
            flush()
            while next_cut < len(cuts) and line.base < cuts[next_cut]:
                next_cut += 1
        band.append((line, side))
    flush()
    return out


_MAX_TYPE_CHANGES = 24  # a column of an article changes type size a few times
# A step in type size that tells a block apart: journals set the list a tenth smaller
# than the body (9 pt under 10, 8.5 under 9.5); a size pdfium reports wavers by far less.
_TYPE_STEP = 0.08


def _type_changes(lines: Sequence[PdfLine], sides: Sequence[int]) -> list[float]:
    """Heights (top down) where both columns change type size at once: the body ends in
    both and a block set smaller (the reference list, balanced over the two columns)
    begins below it. Each column is read down to that height before the next block,
    so the body's right-hand column comes before the list's left-hand one."""
    columns: list[list[PdfLine]] = [[], []]
    for line, side in zip(lines, sides, strict=True):
        if side >= 0:
            columns[side].append(line)
    changes: list[list[tuple[float, float, float]]] = [[], []]
    for side, column in enumerate(columns):
        column.sort(key=lambda ln: -ln.base)
        last = -3
        for k in range(3, len(column) - 2):
            above = statistics.median(ln.size for ln in column[k - 3 : k])
            below = statistics.median(ln.size for ln in column[k : k + 3])
            if abs(above - below) > _TYPE_STEP * max(above, below) and k - last >= 3:
                j = k  # the first line set otherwise than the lines above
                while j < k + 2 and abs(column[j].size - above) <= 0.05 * above:
                    j += 1
                if j >= 2 and _heads(column[j - 1], column[j - 2], below):
                    j -= 1  # the block's heading goes with it ('References' over the list)
                changes[side].append((column[j].top, column[j - 1].base, below - above))
                last = k  # one change, however many lines its heading takes
    if max(len(changes[0]), len(changes[1])) > _MAX_TYPE_CHANGES:
        # Type changing every few lines (a hostile page of scattered sizes): no body
        # and list to tell apart, and pairing every change with every other would be
        # quadratic in the page's lines.
        return []
    cuts = []
    for top_l, base_l, step_l in changes[0]:
        for top_r, base_r, step_r in changes[1]:
            overlap = min(base_l, base_r) > max(top_l, top_r)  # the gaps face each other
            if overlap and step_l * step_r > 0:
                cuts.append(max(top_l, top_r))
    return sorted(set(cuts), reverse=True)


def _heads(line: PdfLine, before: PdfLine, size: float) -> bool:
    """A short line set larger than both the line above it and the block below it
    (`size`), or bold: that block's heading, not the last line of a paragraph set in
    the body's type over a smaller list ('support.')."""
    larger = line.size > 1.05 * size and line.size > 1.05 * before.size
    return (line.bold or larger) and len(line.text.split()) <= 8


def _with_column(line: PdfLine, column: int) -> PdfLine:
    if line.column == column:
        return line
    return dataclasses.replace(line, column=column)


_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p\.|pág\.?|página|seite|hal\.?|halaman|стр\.?)\s*)?"
    r"(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/|de|von|dari|из)\s*\d{1,4})?[\W_]*$",
    re.IGNORECASE,
)


_FURNITURE_LINES = 4
_SENTENCE_GOES_ON = re.compile(r"\d[.,;:]\W*$")


def _is_page_number(text: str) -> bool:
    """A page number ("12", "- 12 -", "Page 3 of 10", "iv"), not the end of a
    sentence run over onto the page ("2014).", "1998;"): its brackets pair up and
    no full stop or comma follows the number."""
    if not _PAGE_NUMBER.match(text) or _SENTENCE_GOES_ON.search(text):
        return False
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]"))


def _furniture_key(text: str) -> str:
    """A running header or footer as compared across pages: digits and spacing aside,
    and a page number at either end too -- set close beside the header's text
    ("10 Hoehnea 49: e1112020, 2022"), it is read into the same line on some pages
    only, and the header must still be known as the same on every page."""
    key = re.sub(r"\d+", "#", "".join(text.casefold().split()))
    return re.sub(r"^#|#$", "", key)


def strip_furniture(
    pages: Sequence[list[PdfLine]],
    heights: Sequence[float],
    widths: Sequence[float] | None = None,
) -> list[list[PdfLine]]:
    """Pages without their running headers, footers and page numbers.

    Candidates are the outermost lines at each end of a page (four: a footer may run
    over two lines beside the page number) within its outer eighth, and the lines set
    wholly in its outer tenth at either side (a page number in the side margin); one
    goes when it is a page number, or when its text (numbers aside) comes back in that
    place on other pages.
    """
    sized = widths if widths is not None else [0.0] * len(pages)
    ends: list[tuple[set[int], set[int], set[int]]] = []
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    margins: Counter[str] = Counter()
    for lines, height, width in zip(pages, heights, sized, strict=True):
        by_height = sorted(range(len(lines)), key=lambda i: -lines[i].base)
        top = {i for i in by_height[:_FURNITURE_LINES] if lines[i].base > height * 0.875}
        bottom = {i for i in by_height[-_FURNITURE_LINES:] if lines[i].top < height * 0.125}
        side = (
            {
                i
                for i, ln in enumerate(lines)
                if width and (ln.x1 < width * 0.1 or ln.x0 > width * 0.9)
            }
            - top
            - bottom
        )
        ends.append((top, bottom, side))
        tops.update({_furniture_key(lines[i].text) for i in top})
        bottoms.update({_furniture_key(lines[i].text) for i in bottom})
        margins.update({_furniture_key(lines[i].text) for i in side})
    repeat = max(2, len(pages) // 3)
    out: list[list[PdfLine]] = []
    for lines, (top, bottom, side) in zip(pages, ends, strict=True):
        drop: set[int] = set()
        for i in top | bottom | side:
            text = lines[i].text.strip()
            counts = tops if i in top else bottoms if i in bottom else margins
            key = _furniture_key(text)
            if (
                i not in side  # at most eight a page: each a pass over the page's lines
                and _LIST_LABEL.fullmatch(text)
                and _labels_text(lines, i, counts, repeat)
            ):
                continue  # a list's label in a column of its own ("[22]"), beside its entry
            if _is_page_number(text) or (key and counts[key] >= repeat):
                drop.add(i)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out


# a numbered list's label standing alone: "[22]"
_LIST_LABEL = re.compile(r"\[\d{1,4}\]")
_LABEL_REACH = 1.3  # line heights: how far off the label's baseline its entry's line may sit


def _labels_text(lines: Sequence[PdfLine], i: int, counts: Counter[str], repeat: int) -> bool:
    """Whether the bracketed number `lines[i]` labels a line of text set to its right on
    its band -- an entry's first line at the top of a page, which no running header
    repeats -- and so is no page number (pdf_label_column pairs them)."""
    label = lines[i]
    reach = _LABEL_REACH * max(label.size, 1.0)
    return any(
        j != i
        and ln.x0 >= label.x1
        and abs(ln.base - label.base) <= reach
        and len(ln.text.split()) >= 3
        and counts[_furniture_key(ln.text)] < repeat
        for j, ln in enumerate(lines)
    )


def body_size(pages: Iterable[list[PdfLine]]) -> float:
    """The size of the body text: the size most characters are set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
