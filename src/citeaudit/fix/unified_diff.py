"""`fix --diff`: a unified diff of a rewrite, built from the splices that made it.

Why not `difflib.unified_diff` over the whole file: its matcher finds the longest
common block of the whole range, then recurses on both sides; when every entry of a
bibliography has one edited line, each block it finds is one entry long, and each
search scans the rest of the file -- quadratic (1,000 edited entries took 18 s,
4,000 about five minutes, and the findings cap allows 25,000). The splices already
say where the file changed, so only those places are compared: each splice is widened
to whole lines, overlapping ones merged, and only the lines of such a region go to
`difflib` (an entry's few lines); the lines between regions are equal by construction.
The output has `difflib.unified_diff`'s form (three lines of context, hunks closer
than six lines merged) and, for edits a few lines apart, its very lines; where two
alignments of a region are equally short, the two may choose differently.

A line is what a patch tool calls one: it ends at LF, CRLF or CR (`line_ends`), never
at the other line boundaries of `str.splitlines` (U+0085, U+2028, U+2029, VT, FF, the
information separators). Split there, a bibliography line holding U+0085 or U+2028
beside a fixed DOI made a hunk of lines that did not end in a line end: ``git apply``
called the patch corrupt, and the terminal showed the removed line glued to the end
of a context line, so the diff read as an addition alone.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterator, Sequence

from citeaudit.line_ends import file_lines

__all__ = ["Splice", "unified_diff"]

Splice = tuple[int, int, str]  # old text[start:end] replaced by the string
Opcode = tuple[str, int, int, int, int]
_CONTEXT = 3


def unified_diff(old: str, new: str, splices: Sequence[Splice], name: str) -> str:
    """The diff from `old` to `new`, where `new` is `old` with `splices` made (sorted,
    not overlapping)."""
    a = file_lines(old)
    b = file_lines(new)
    codes, lines = _opcodes(old, a, splices)
    if lines != b:
        # the splices do not describe `new` line for line (a splice's text ending in
        # "\r" before an "\n"): the general diff, as correct, only slower
        return "".join(difflib.unified_diff(a, b, fromfile=name, tofile=name))
    return "".join(_format(a, b, codes, name))


def _line_starts(lines: Sequence[str]) -> list[int]:
    """Offset of each line's start, and the text's length after the last."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _regions(old: str, starts: list[int], splices: Sequence[Splice]) -> list[tuple[int, int, str]]:
    """Each splice widened to whole old lines (first line, line after the last, the new
    text of those lines), overlapping ones merged."""
    regions: list[tuple[int, int, list[Splice]]] = []
    count = len(starts) - 1
    for start, end, text in sorted(splices):
        first = min(bisect.bisect_right(starts, start) - 1, count)
        last = bisect.bisect_right(starts, max(end - 1, start)) - 1
        after = min(max(last + 1, first), count) if count else 0
        if start == len(old):  # an insertion after the last line
            first = after = count
        if regions and first < regions[-1][1]:
            prev_first, prev_after, parts = regions[-1]
            regions[-1] = (prev_first, max(prev_after, after), [*parts, (start, end, text)])
        else:
            regions.append((first, after, [(start, end, text)]))
    out: list[tuple[int, int, str]] = []
    for first, after, parts in regions:
        pieces: list[str] = []
        at = starts[first]
        for start, end, text in parts:
            pieces += [old[at:start], text]
            at = end
        pieces.append(old[at : starts[after]])
        out.append((first, after, "".join(pieces)))
    return out


def _opcodes(
    old: str, a: Sequence[str], splices: Sequence[Splice]
) -> tuple[list[Opcode], list[str]]:
    """What `difflib.SequenceMatcher.get_opcodes` gives, region by region, and the new
    text's lines as the regions make them."""
    codes: list[Opcode] = []
    lines: list[str] = []
    i = j = 0
    for first, after, text in _regions(old, _line_starts(a), splices):
        if first > i:
            codes.append(("equal", i, first, j, j + first - i))
            lines += a[i:first]
            j += first - i
        new_lines = file_lines(text)
        lines += new_lines
        matcher = difflib.SequenceMatcher(None, a[first:after], new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            codes.append((tag, first + i1, first + i2, j + j1, j + j2))
        i, j = after, j + len(new_lines)
    if i < len(a):
        codes.append(("equal", i, len(a), j, j + len(a) - i))
        lines += a[i:]
    return _joined(codes), lines


def _joined(codes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of one tag as one (difflib never gives two equal in a row)."""
    out: list[Opcode] = []
    for code in codes:
        if code[1] == code[2] and code[3] == code[4]:
            continue
        if out and out[-1][0] == code[0]:
            tag, i1, _, j1, _ = out[-1]
            out[-1] = (tag, i1, code[2], j1, code[4])
        else:
            out.append(code)
    return out


def _grouped(codes: list[Opcode]) -> Iterator[list[Opcode]]:
    """The hunks: `difflib.SequenceMatcher.get_grouped_opcodes(3)`'s rule on `codes`."""
    codes = list(codes) or [("equal", 0, 1, 0, 1)]
    n = _CONTEXT
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it (difflib's own rule)."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return str(beginning)
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _format(a: Sequence[str], b: Sequence[str], codes: list[Opcode], name: str) -> Iterator[str]:
    started = False
    for group in _grouped(codes):
        if not started:
            started = True
            yield f"--- {name}\n"
            yield f"+++ {name}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in a[i1:i2]:
                    yield " " + line
                continue
            if tag in ("replace", "delete"):
                for line in a[i1:i2]:
                    yield "-" + line
            if tag in ("replace", "insert"):
                for line in b[j1:j2]:
                    yield "+" + line
