"""Cutting a PDF's reference list into entries by how it is set on the page.

Text alone makes a guess of where a hard-wrapped entry ends; the page says it: a
hanging indent (continuation lines set in), a first-line indent, or space between
entries. The layout is decided for the whole list, from the lines' distance to their
column's left edge on their own page, so an entry that runs on into the next column
or page stays one entry. A numbered list, or a list set flush with no space between
entries, is left to the text rules every reader shares (`split_entries_with_layout`).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Mapping, Sequence

from citeaudit.manuscript.document import Layout, Line, RawEntry
from citeaudit.manuscript.pdf_label_column import labels_paired
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_links import LinkArea
from citeaudit.manuscript.reference_section import (
    list_marker,
    looks_like_entry_start,
    marker_label,
    split_entries_with_layout,
)
from citeaudit.model.location import Location

__all__ = ["split_pdf_entries"]


def split_pdf_entries(
    lines: Sequence[tuple[PdfLine, Line]],
    lefts: Mapping[tuple[int, int], float],
    links: Mapping[int, Sequence[LinkArea]],
    clean: Callable[[str], str],
) -> tuple[list[RawEntry], Layout]:
    """The list's entries and how they were told apart; `lefts` gives each (page,
    column)'s left edge, `links` each page's link annotations."""
    useful = labels_paired([(p, ln) for p, ln in lines if ln.text.strip()])
    if not useful:
        return [], Layout("one per line")
    markers = sum(1 for _, ln in useful if list_marker(ln.text))
    kind = "hanging paragraphs"
    starts = _by_indent(useful, lefts)
    if markers >= 2 and (starts is None or markers >= 0.6 * sum(starts)):
        starts = None  # numbers or bullets say where entries start, whatever the indent
    elif starts is None:
        starts = _by_spacing(useful)
        kind = "spaced paragraphs"
    if starts is None:
        entries, layout = split_entries_with_layout([ln for _, ln in useful], clean)
        groups = _counted(_regroup(entries, useful), lefts)
    else:
        groups = []
        for flag, pair in zip(starts, useful, strict=True):
            if flag or not groups:
                groups.append([pair])
            else:
                groups[-1].append(pair)
        layout = Layout(kind)
    return [_entry(group, links, clean) for group in groups], layout


_FEW = 0.1  # of a list's lines: fewer indented ones than this say nothing
_MAX_ADDED_LINKS = 20  # addresses a link annotation adds to one entry; a work has one or two


def _by_indent(
    useful: Sequence[tuple[PdfLine, Line]], lefts: Mapping[tuple[int, int], float]
) -> list[bool] | None:
    """Entry starts told by indentation, or None when the list shows none."""
    indented = []
    for p, _ in useful:
        left = lefts.get((p.page, p.column), p.x0)
        indented.append(p.x0 - left > max(3.0, 0.5 * p.size))
    count = sum(indented)
    if count < max(2, _FEW * len(useful)) or count == len(useful):
        return None  # a stray line set in (a URL's tail centred by the typesetter) is no layout
    flush_starts = sum(
        1 for (_, ln), ind in zip(useful, indented, strict=True)
        if not ind and looks_like_entry_start(ln.text)
    )  # fmt: skip
    indent_starts = sum(
        1 for (_, ln), ind in zip(useful, indented, strict=True)
        if ind and looks_like_entry_start(ln.text)
    )  # fmt: skip
    flush = len(useful) - count
    hanging = flush_starts / max(flush, 1) >= indent_starts / max(count, 1)
    return [(not ind) if hanging else ind for ind in indented]


def _by_spacing(useful: Sequence[tuple[PdfLine, Line]]) -> list[bool] | None:
    """Entry starts told by the space above them, or None when lines are evenly spaced."""
    gaps: list[float | None] = [None]
    for (before, _), (after, _) in itertools.pairwise(useful):
        same = before.page == after.page and before.column == after.column
        gaps.append(before.foot - after.base if same and before.foot > after.base else None)
    known = [g for g in gaps if g is not None]
    if len(known) < 3:
        return None
    leading = statistics.median(known)
    starts = [g is None or g > 1.25 * leading for g in gaps]
    spaced = sum(1 for g in gaps if g is not None and g > 1.25 * leading)
    if spaced < 2 or spaced * 5 < len(useful) / 4:
        return None
    # a column or page break says nothing: the line starts an entry only if it reads
    # so, and -- in a list whose entries end as sentences do -- if the line before the
    # break ended one ("Journal of Stuff," / "Washington, DC: Press, 2004." goes on)
    ends = [useful[i - 1][1].text for i, g in enumerate(gaps) if g is not None and starts[i]]
    stops = len(ends) >= 3 and sum(map(_stopped, ends)) >= _STOPPED * len(ends)
    return [
        s
        if g is not None
        else (
            i == 0
            or (looks_like_entry_start(ln.text) and (not stops or _stopped(useful[i - 1][1].text)))
        )
        for i, (s, g, (_, ln)) in enumerate(zip(starts, gaps, useful, strict=True))
    ]


_STOPPED = 0.9  # of a list's entries ending as sentences do: its habit
_LINK_END = re.compile(r"(?:https?://|doi:|www\.|\b10\.\d{4,9}/)\S*$", re.IGNORECASE)


def _stopped(text: str) -> bool:
    """A line that ends an entry as most lists end one: a full stop, a closing bracket
    or quote, or a link or DOI."""
    text = text.rstrip()
    return text.endswith((".", ")", "]", "”", '"', "»")) or _LINK_END.search(text) is not None


def _regroup(
    entries: Sequence[RawEntry], useful: Sequence[tuple[PdfLine, Line]]
) -> list[list[tuple[PdfLine, Line]]]:
    """The lines of each entry the text rules cut, found again, in order, by its first
    line (line numbers repeat from page to page, so the text must agree too)."""
    groups: list[list[tuple[PdfLine, Line]]] = []
    k = 0
    for pair in useful:
        line = pair[1]
        starts = (
            k < len(entries)
            and entries[k].location.line == line.number
            and entries[k].raw.split("\n", 1)[0] == line.text
        )
        if starts or not groups:
            groups.append([pair])
            k += int(starts)
        else:
            groups[-1].append(pair)
    return groups


_NUMBER = re.compile(r"\d+")
_RANGE_CUT = re.compile(r"\d\s?[-\u2010-\u2014]$")  # "189-", "599\u2013": a page range cut
# what `_RANGE_CUT` can match: a digit, a space, a dash and a final newline `$` allows
_RANGE_CUT_CHARS = 4


def _counted(
    groups: list[list[tuple[PdfLine, Line]]], lefts: Mapping[tuple[int, int], float]
) -> list[list[tuple[PdfLine, Line]]]:
    """The entries of a numbered list with each "marker" that breaks the count put back
    on the entry above: a page range cut after its dash ("1989;15:189-" / "203. doi:")
    leaves its tail opening the next line with a number and a full stop. Such a number
    goes on the entry above when it is not the next of the count and either sits at the
    continuation lines' indent (where no marker stands) or follows a range's dash with
    the count going on after it; a number that skips, set where the markers are after
    a finished entry, still opens one (a list may lack an entry)."""
    numbers = [_label_number(group[0][1].text) for group in groups]
    marks = [_offset(g[0][0], lefts) for g, n in zip(groups, numbers, strict=True) if n is not None]
    rest = [_offset(p, lefts) for g in groups for p, _ in g[1:]]
    size = statistics.median(p.size for g in groups for p, _ in g)
    hanging: float | None = None
    if len(marks) >= 2 and len(rest) >= 2:
        hanging = statistics.median(rest)
        if hanging - statistics.median(marks) <= max(3.0, 0.5 * size):
            hanging = None  # continuation lines stand where the markers do: no indent to tell
    upcoming: list[int | None] = [None] * len(numbers)  # the next group's number, in one pass
    for k in range(len(numbers) - 2, -1, -1):
        nxt = numbers[k + 1]
        upcoming[k] = nxt if nxt is not None else upcoming[k + 1]
    out: list[list[tuple[PdfLine, Line]]] = []
    last: int | None = None
    for k, (group, number) in enumerate(zip(groups, numbers, strict=True)):
        if out and number is not None and last is not None and number != last + 1:
            at_indent = hanging is not None and abs(_offset(group[0][0], lefts) - hanging) <= max(
                2.0, 0.3 * size
            )
            following = upcoming[k]
            after_cut = _RANGE_CUT.search(out[-1][-1][1].text.rstrip()) is not None and (
                following is None or following == last + 1
            )
            if at_indent or after_cut:
                out[-1].extend(group)
                continue
        out.append(list(group))
        if number is not None:
            last = number
    return out


def _label_number(text: str) -> int | None:
    marker = list_marker(text)
    label = marker and (marker.group("number") or marker.group("bracket"))
    found = _NUMBER.search(label) if label else None
    return int(found.group()) if found else None


def _offset(line: PdfLine, lefts: Mapping[tuple[int, int], float]) -> float:
    return line.x0 - lefts.get((line.page, line.column), line.x0)


def _entry(
    group: Sequence[tuple[PdfLine, Line]],
    links: Mapping[int, Sequence[LinkArea]],
    clean: Callable[[str], str],
) -> RawEntry:
    first = group[0][1]
    parts = [ln.text.strip() for _, ln in group]
    marker = list_marker(parts[0])
    if marker is not None:
        label = marker_label(marker)
        parts[0] = (label + " " if label else "") + parts[0][marker.end() :]
    text = clean(_joined(parts))
    # The text is made bare once and again only when an address is added, and at most
    # `_MAX_ADDED_LINKS` are: made bare anew for each of the 2,000 rectangles a page may
    # hold (each as big as the page, behind every line), holding every address added
    # before, the work grew with the square of the links (20 entries: 7.3 s a page).
    bare, added = _bare(text), 0
    for uri in _uris_behind(group, links):
        if added >= _MAX_ADDED_LINKS:
            break
        if _bare(uri) not in bare:
            text += f" {uri}"
            bare, added = _bare(text), added + 1
    location = Location(first.file, first.number, page=first.page)
    return RawEntry(text=text, location=location, raw="\n".join(ln.text for _, ln in group))


def _joined(parts: Sequence[str]) -> str:
    """The entry's lines as one text; a page range cut after its dash ("189-" /
    "203.") is read whole ("189-203.").

    The cut is looked for in the last `_RANGE_CUT_CHARS` characters of what is joined so
    far (all the end-anchored pattern can match), never in the whole of it: searched over
    the growing text at every line, one hanging entry of n lines was read n^2/2 times
    -- a PDF whose list is one entry of 16,000 lines (560 KB of text) took 48 s of the
    worker's own CPU, outside the engine child's limits."""
    pieces = [parts[0]] if parts else []
    tail = parts[0][-_RANGE_CUT_CHARS:] if parts else ""
    for part in parts[1:]:
        glue = "" if _RANGE_CUT.search(tail) and part[:1].isdigit() else " "
        pieces.append(glue + part)
        tail = (tail + glue + part)[-_RANGE_CUT_CHARS:]
    return "".join(pieces)


def _uris_behind(
    group: Sequence[tuple[PdfLine, Line]], links: Mapping[int, Sequence[LinkArea]]
) -> list[str]:
    found: dict[str, None] = {}  # in order; a list's `in` was quadratic in the links
    for p, _ in group:
        for area in links.get(p.page, ()):
            vertical = area.bottom <= p.base + 0.5 * p.size and area.top >= p.foot
            if vertical and area.x0 < p.x1 and area.x1 > p.x0:
                found.setdefault(area.uri, None)
    return list(found)


def _bare(text: str) -> str:
    """A link as compared with the entry's text: no scheme, resolver or case."""
    lowered = text.lower().replace(" ", "")
    for prefix in ("https://", "http://", "doi:", "dx.doi.org/", "doi.org/", "www."):
        lowered = lowered.replace(prefix, "")
    return lowered.rstrip("/")


def trailing_zone(
    lines: Sequence[tuple[PdfLine, Line]], lefts: Mapping[tuple[int, int], float]
) -> int | None:
    """Where a reference list with no heading starts: the run of hanging entries at the
    end (each flush line reads like an entry's start, the lines under it are set in),
    or None. Body text ends the run: three flush lines in a row that start no entry."""
    start: int | None = None
    misses = 0
    flush_starts = indented = 0
    for k in range(len(lines) - 1, -1, -1):
        p, ln = lines[k]
        if not ln.text.strip():
            continue
        left = lefts.get((p.page, p.column), p.x0)
        if p.x0 - left > max(3.0, 0.5 * p.size):
            indented += 1
            continue
        if looks_like_entry_start(ln.text):
            start, misses = k, 0
            flush_starts += 1
        else:
            misses += 1
            if misses >= 3:
                break
    if start is None or flush_starts < 3 or indented < 2:
        return None
    return start
