"""LaTeX text that is in the file but never printed: what the audit must not read.

``\\newcommand{\\hide}[1]{}`` (or ``\\old``, ``\\cut``, ``\\draft``: drafts are full of
them) swallows its argument: ``\\hide{as argued by \\cite{smith2019}}`` prints nothing,
its ``\\cite`` never reaches the ``.aux`` file, yet the audit read the citation -- an
entry the editor would be told is uncited was "cited" (a hand-written
``thebibliography`` keeps it in the printed list). ``\\phantom{...}`` (and
``\\hphantom``, ``\\vphantom``) typesets its argument as blank space: the same. Both
are blanked here, column for column, after comments and ``\\iffalse`` branches
(`latex.blank_latex_comments`), so every later position still points where written.

A macro drops an argument when its body never names it (no ``#k``); only the
mandatory arguments written as a brace group are blanked, with the definition in
force where the use stands (`latex_macros.read_macros`). Reading the arguments costs
at most `_BUDGET_FACTOR` times the text (nested uses of a macro that keeps its first
argument and drops its second each read the first again): past that, the rest is
read as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.latex_macros import Macro, definition_spans, group_end, read_macros

__all__ = ["blank_unseen"]

_CONTROL_WORD = re.compile(r"\\([A-Za-z@]++)")
_PHANTOM = re.compile(r"\\[hv]?phantom\s*+(?=\{)")
_SPACES = re.compile(r"\s*+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_MAX_ARGUMENT = 10_000  # characters of one argument read (latex_macros reads as many)
_BUDGET_FACTOR = 4


def blank_unseen(lines: Sequence[str]) -> list[str]:
    """`lines` with what swallowing macros and phantoms hold turned into spaces."""
    text = "\n".join(lines)
    if "\\" not in text:
        return list(lines)
    spans = [*_phantoms(text), *_dropped_arguments(text)]
    if not spans:
        return list(lines)
    pieces: list[str] = []
    done = 0  # the text up to here is in `pieces`; spans overlap when a phantom holds a use
    for start, end in sorted(spans):
        start = max(start, done)
        if start >= end:
            continue
        pieces += [text[done:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces).split("\n")


def _phantoms(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    reached = 0
    for m in _PHANTOM.finditer(text):
        if m.start() < reached:
            continue  # inside a phantom already blanked
        end = group_end(text, m.end(), _MAX_ARGUMENT)
        if end > 0:
            found.append((m.end(), end))
            reached = end
    return found


def _dropping(macro: Macro) -> frozenset[int]:
    """The positions (0-based) of the mandatory arguments `macro`'s body never names."""
    return frozenset(
        k
        for k, default in enumerate(macro.arguments)
        if default is None and f"#{k + 1}" not in macro.body
    )


def _dropped_arguments(text: str) -> list[tuple[int, int]]:
    macros = read_macros(text)
    dropping = {m.name for m in macros.in_order() if _dropping(m)}
    if not dropping:
        return []
    definitions = definition_spans(text)
    budget = _BUDGET_FACTOR * len(text) + _MAX_ARGUMENT
    found: list[tuple[int, int]] = []
    reached = 0  # the end of the last blanked argument: uses inside it print nothing
    for use in _CONTROL_WORD.finditer(text):
        name = use.group(1)
        if name not in dropping or use.start() < reached or definitions.covers(use.start()):
            continue
        macro = macros.at(name, use.start())
        if macro is None:
            continue
        dropped = _dropping(macro)
        pos = use.end()
        for k, default in enumerate(macro.arguments):
            start = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
            if start >= len(text) or budget <= 0:
                break
            if text[start] not in "{[" or (text[start] == "[") != (default is not None):
                if default is not None:
                    continue  # an optional argument not given
                end = start + 1  # one token: nothing worth blanking
            else:
                end = group_end(text, start, _MAX_ARGUMENT)
                budget -= _MAX_ARGUMENT if end < 0 else end - start  # what was read
                if end < 0:
                    break  # not closed: TeX's runaway argument, left as written
                if k in dropped:
                    found.append((start, end))
                    reached = max(reached, end)
            pos = end
    return found
