"""``\\iffalse ... \\fi``: text LaTeX skips, so citations there are no citations.

Authors switch passages off with ``\\iffalse ... \\fi`` as often as with ``%``; LaTeX
never typesets them, so their ``\\cite`` never reaches the ``.aux`` file and BibTeX
neither prints the entry nor misses it. Reading them made a "missing" key BibTeX
never reports (issue 12: uncited and missing keys equal BibTeX's own).

TeX skips the false branch counting the conditionals nested in it, so a ``\\fi`` of an
inner ``\\ifx`` does not end it; an ``\\else`` at the outer level does (what follows is
typeset). Only TeX's own conditionals and those the file declares with ``\\newif``
count as nested: ``\\ifthenelse`` or etoolbox's ``\\iftoggle`` are macros TeX does not
count when skipping. An ``\\iffalse`` in a definition (``\\let\\hide\\iffalse``,
``\\def\\hide{\\iffalse}``) is named, not used, and opens nothing; a
branch that never closes in its file is left as it is: blanking the rest of the file
would call every later citation absent, a worse error than reading a passage LaTeX
skips.

The scan sees the lines after comments and verbatim text are blanked; it keeps every
line and column (blanked text becomes spaces) and runs once over the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["blank_false_branches"]

_CONTROL_WORD = re.compile(r"\\([A-Za-z@]+)")
_NEWIF = re.compile(r"\\newif\s*\\(if[A-Za-z@]+)")
# "\let\hide\iffalse", "\def\hide{\iffalse}": an \iffalse named or defined, not used.
# Possessive: the spaces before and after "=" are never split two ways (giving back
# cannot help, "=" is no space), so a run of them is tried once from each start.
_DEFINED = re.compile(r"(?:\\let\s*+\\[A-Za-z@]++\s*+=?|\{)\s*+$")
_PRIMITIVE_CONDITIONALS = frozenset(
    {
        "if", "ifcat", "ifnum", "ifdim", "ifodd", "ifvmode", "ifhmode", "ifmmode",
        "ifinner", "ifvoid", "ifhbox", "ifvbox", "ifx", "ifeof", "iftrue", "iffalse",
        "ifcase", "ifdefined", "ifcsname", "iffontchar", "ifincsname", "ifprimitive",
        "ifabsnum", "ifabsdim", "ifpdfprimitive", "ifpdfabsnum", "ifpdfabsdim",
    }
)  # fmt: skip


def _defined_here(line: str, at: int) -> bool:
    """Whether the ``\\iffalse`` at `at` is what a ``\\let`` or a definition's braces
    hold (a bounded look back: a line of many is still read once)."""
    return _DEFINED.search(line[max(0, at - 64) : at]) is not None


def blank_false_branches(lines: Sequence[str]) -> list[str]:
    """`lines` with every closed ``\\iffalse`` branch (from ``\\iffalse`` to its
    ``\\fi``, or to an outer ``\\else``) turned into spaces."""
    conditionals = set(_PRIMITIVE_CONDITIONALS)
    for line in lines:
        if "\\newif" in line:
            conditionals.update(m.group(1) for m in _NEWIF.finditer(line))
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []  # (start, end) as (line, col)
    start: tuple[int, int] | None = None
    depth = 0
    for number, line in enumerate(lines):
        if "\\" not in line:
            continue
        for word in _CONTROL_WORD.finditer(line):
            name = word.group(1)
            if start is None:
                if name == "iffalse" and not _defined_here(line, word.start()):
                    start, depth = (number, word.start()), 0
                continue
            if name in conditionals:
                depth += 1
            elif name == "fi" or (name == "else" and depth == 0):
                if depth == 0:
                    spans.append((start, (number, word.end())))
                    start = None
                else:
                    depth -= 1
    if not spans:
        return list(lines)
    # each line's blanked ranges, in order: a line holding many branches is rebuilt once
    ranges: dict[int, list[tuple[int, int]]] = {}
    for (first, begin), (last, end) in spans:
        for number in range(first, last + 1):
            left = begin if number == first else 0
            right = end if number == last else len(lines[number])
            ranges.setdefault(number, []).append((left, right))
    out = list(lines)
    for number, blanks in ranges.items():
        text, pieces, at = lines[number], [], 0
        for left, right in blanks:
            pieces += [text[at:left], " " * (right - left)]
            at = right
        pieces.append(text[at:])
        out[number] = "".join(pieces)
    return out
