"""LaTeX text that is in the file but never printed: what the audit must not read.

``\\newcommand{\\hide}[1]{}`` (or ``\\old``, ``\\cut``, ``\\draft``: drafts are full of
them) swallows its argument: ``\\hide{as argued by \\cite{smith2019}}`` prints nothing,
its ``\\cite`` never reaches the ``.aux`` file, yet the audit read the citation -- an
entry the editor would be told is uncited was "cited" (a hand-written
``thebibliography`` keeps it in the printed list). ``\\phantom{...}`` (and
``\\hphantom``, ``\\vphantom``) typesets its argument as blank space, and TeX skips
the false branch of a ``\\newif`` switch (``\\newif\\ifdraft``: false until
``\\drafttrue``) and the ``\\else`` of ``\\iftrue``: the same. Text set in
white (``\\textcolor{white}{...}``, ``{\\color{white} ...}``, white in any of xcolor's
models) prints nothing a reader sees, yet its ``\\cite`` reaches the ``.aux``: BibTeX
prints the entry and the editor sees it cited by no visible sentence. All are
blanked here, column for column, after comments and ``\\iffalse`` branches
(`latex.blank_latex_comments`), so every later position still points where written.

A macro drops an argument when its body never names it (no ``#k``); only the
mandatory arguments written as a brace group are blanked, with the definition in
force where the use stands (`latex_macros.read_macros`). Reading the arguments costs
at most `_BUDGET_FACTOR` times the text (nested uses of a macro that keeps its first
argument and drops its second each read the first again): past that, the rest is
read as before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from citeaudit.manuscript.latex_conditionals import _PRIMITIVE_CONDITIONALS
from citeaudit.manuscript.latex_macros import Macro, definition_spans, group_end, read_macros

__all__ = ["blank_unseen", "unseen_citation_lines", "unseen_citation_message"]

_CONTROL_WORD = re.compile(r"\\([A-Za-z@]++)")
_PHANTOM = re.compile(r"\\[hv]?phantom\s*+(?=\{)")
_SPACES = re.compile(r"\s*+")
_NEWIF = re.compile(r"\\newif\s*+\\if([A-Za-z@]++)")
_NOT_NEWLINE = re.compile(r"[^\n]")
# ``\\textcolor[model]{spec}{`` and ``{\\color[model]{spec}``: the colour, then its text
_TEXTCOLOR = re.compile(
    r"\\textcolor\s*+(?:\[([A-Za-z]{1,10})\]\s*+)?\{([^{}\n]{0,60})\}\s*+(?=\{)"
)
_COLOR_GROUP = re.compile(r"\{\s*+\\color\s*+(?:\[([A-Za-z]{1,10})\]\s*+)?\{([^{}\n]{0,60})\}")
# A ground white shows on: a coloured box's argument, a table's coloured cells and rows
# (a line holding one), a page coloured throughout (then no white text is blanked).
_BOXES = re.compile(
    r"\\f?colorbox\s*+(?:\[[A-Za-z]{1,10}\]\s*+)?\{[^{}\n]{0,60}\}\s*+(?:\{[^{}\n]{0,60}\}\s*+)?(?=\{)"
)
_CELL_COLOR = re.compile(r"\\(?:cellcolor|rowcolors?)\b")
_WHITE_SPECS = {
    None: ("white",),
    "named": ("white",),
    "rgb": ("1,1,1",),
    "RGB": ("255,255,255",),
    "HTML": ("ffffff",),
    "gray": ("1",),
    "Gray": ("15",),
    "cmyk": ("0,0,0,0",),
}
_MAX_ARGUMENT = 10_000  # characters of one argument read (latex_macros reads as many)
_BUDGET_FACTOR = 4


def blank_unseen(lines: Sequence[str]) -> list[str]:
    """`lines` with what swallowing macros and phantoms hold turned into spaces."""
    text = "\n".join(lines)
    if "\\" not in text:
        return list(lines)
    spans = [*_phantoms(text), *_dropped_arguments(text), *_switched_off(text), *_white(text)]
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


# a citation command (natbib's, biblatex's, \nocite aside: it prints nothing anyway)
_CITE = re.compile(r"\\(?!nocite)[A-Za-z]{0,12}cite[A-Za-z]{0,12}+(?![A-Za-z])")


def unseen_citation_lines(written: Sequence[str], shown: Sequence[str]) -> list[int]:
    """The 1-based lines where `blank_unseen` took citation commands out: `written`
    its input, `shown` its output (the same lines, blanked column for column).

    Why: a ``\\cite`` in white text, in a ``\\phantom`` or in a macro that drops its
    argument prints nothing, yet in white text it reaches the ``.aux``: BibTeX prints
    the entry, and the editor reading the PDF finds it "uncited" with no sentence
    citing it. The audit is right not to read it; saying where it stands tells the
    editor why."""
    found: list[int] = []
    for number, (before, after) in enumerate(zip(written, shown, strict=False), 1):
        blanked = before != after and "cite" in before
        if blanked and len(_CITE.findall(before)) > len(_CITE.findall(after)):
            found.append(number)
    return found


def unseen_citation_message(lines: Sequence[int]) -> str:
    """The reader's one note for a file's citations in text that never prints."""
    more = f" (and on {len(lines) - 1:,} more line(s))" if len(lines) > 1 else ""
    return (
        f"line {lines[0]}{more}: a citation stands in text that never prints (white, "
        "a \\phantom, an argument a macro drops, a switched-off \\if branch): not read, "
        "as no reader sees it -- BibTeX may still list its entry, which is then cited "
        "by no visible sentence"
    )


def _is_white(model: str | None, spec: str) -> bool:
    """Whether xcolor's `spec` in `model` (None: a colour name) is white."""
    written = "".join(spec.split()).lower()
    if model in ("rgb", "cmyk", "gray"):
        try:
            values = [float(part) for part in written.split(",")]
        except ValueError:
            return False
        target = 0.0 if model == "cmyk" else 1.0
        size = {"rgb": 3, "cmyk": 4, "gray": 1}[model]
        return len(values) == size and all(v == target for v in values)
    return written in _WHITE_SPECS.get(model, ())


def _white(text: str) -> list[tuple[int, int]]:
    """What white text holds: the argument of ``\\textcolor{white}``, the rest of a
    group opened by ``{\\color{white}``; not inside a coloured box, on a line that
    colours a table's cells, or anywhere on a coloured page (white shows there).

    Linear: boxes are kept as disjoint spans looked up by bisection, the lines that
    colour cells found in one pass, and the groups read share one budget (a hostile
    file's thousands of unclosed ``\\textcolor{white}{`` each read to the cap)."""
    if "textcolor" not in text and "\\color" not in text:
        return []
    if "\\pagecolor" in text:
        return []
    budget = _BUDGET_FACTOR * len(text) + _MAX_ARGUMENT
    boxes: list[tuple[int, int]] = []  # disjoint, in order: a box inside a box is passed
    for m in _BOXES.finditer(text):
        if (boxes and m.start() < boxes[-1][1]) or budget <= 0:
            continue
        end = group_end(text, m.end(), _MAX_ARGUMENT)
        budget -= _MAX_ARGUMENT if end < 0 else end - m.end()
        if end > 0:
            boxes.append((m.end(), end))
    box_starts = [a for a, _ in boxes]
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    cell_lines = {bisect.bisect_right(line_starts, m.start()) for m in _CELL_COLOR.finditer(text)}
    found: list[tuple[int, int]] = []
    reached = 0
    for m, group_start in _white_uses(text):
        if m.start() < reached or budget <= 0:
            continue
        box = bisect.bisect_right(box_starts, m.start()) - 1
        if box >= 0 and m.start() < boxes[box][1]:
            continue
        if bisect.bisect_right(line_starts, m.start()) in cell_lines:
            continue
        end = group_end(text, group_start, _MAX_ARGUMENT)
        budget -= _MAX_ARGUMENT if end < 0 else end - group_start
        if end < 0:
            continue  # not closed: left as written
        # inside the group: its braces stay, so the text's grouping reads as written
        found.append((max(group_start + 1, m.end()), end - 1))
        reached = end
    return found


def _white_uses(text: str) -> list[tuple[re.Match[str], int]]:
    """(use, where its group opens) for each white ``\\textcolor`` and ``{\\color``, in
    text order: the first's group follows it, the second's is the brace it opens with."""
    uses = [(m, m.end()) for m in _TEXTCOLOR.finditer(text) if _is_white(m.group(1), m.group(2))]
    uses += [
        (m, m.start()) for m in _COLOR_GROUP.finditer(text) if _is_white(m.group(1), m.group(2))
    ]
    return sorted(uses, key=lambda use: use[0].start())


def _phantoms(text: str) -> list[tuple[int, int]]:
    """The groups of ``\\phantom`` and its kin, within the same reading budget as the
    white groups: each unclosed group is read to `_MAX_ARGUMENT`, and a line of
    ``\\phantom{`` left open read that much from every one (72 KB: 8 s)."""
    found: list[tuple[int, int]] = []
    reached = 0
    budget = _BUDGET_FACTOR * len(text) + _MAX_ARGUMENT
    for m in _PHANTOM.finditer(text):
        if m.start() < reached or budget <= 0:
            continue  # inside a phantom already blanked, or past the reading budget
        end = group_end(text, m.end(), _MAX_ARGUMENT)
        budget -= _MAX_ARGUMENT if end < 0 else end - m.end()
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


def _switched_off(text: str) -> list[tuple[int, int]]:
    """The branches of ``\\newif`` switches (and ``\\iftrue``) that TeX skips.

    ``\\newif\\ifdraft`` starts false; ``\\drafttrue`` and ``\\draftfalse`` set it, in
    text order. ``\\ifdraft ... \\else ... \\fi`` prints one branch: the other is
    blanked. Each conditional's own ``\\else`` and ``\\fi`` are found in one pass with a
    stack (nested conditionals counted as TeX counts them). A switch set inside a
    definition (``\\newcommand{\\final}{\\draftfalse}``) may be set wherever that is
    used: its value is unknown from there on and no branch of it is blanked; a
    conditional never closed is left as written."""
    switches = {m.group(1) for m in _NEWIF.finditer(text)}
    if not switches and "\\iftrue" not in text:
        return []
    conditionals = set(_PRIMITIVE_CONDITIONALS) | {f"if{name}" for name in switches}
    words = [
        w
        for w in _CONTROL_WORD.finditer(text)
        if w.group(1) in _WATCHED
        or (w.group(1) in conditionals or _setting(w.group(1), switches) is not None)
    ]
    # each conditional's (its \else or -1, its \fi), by its index in `words`
    branches: dict[int, tuple[int, int]] = {}
    stack: list[list[int]] = []  # [index of the \if, index of its \else or -1]
    for k, word in enumerate(words):
        name = word.group(1)
        if name in conditionals:
            stack.append([k, -1])
        elif name == "else" and stack and stack[-1][1] < 0:
            stack[-1][1] = k
        elif name == "fi" and stack:
            opened, otherwise = stack.pop()
            branches[opened] = (otherwise, k)
    definitions = definition_spans(text)
    value: dict[str, bool | None] = dict.fromkeys(switches, False)
    found: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # blanked branches still ahead or around: nested
    for k, word in enumerate(words):
        name = word.group(1)
        pending = [span for span in pending if span[1] > word.start()]
        if any(start <= word.start() for start, _ in pending):
            continue  # in a branch TeX skips: what it sets or tests is never run
        setting = _setting(name, switches)
        if setting is not None:
            switch, setting_on = setting
            inside = definitions.covers(word.start())
            if value[switch] is not None:
                value[switch] = None if inside else setting_on
            continue
        if name != "iftrue" and (name[2:] not in switches or definitions.covers(word.start())):
            continue
        on = True if name == "iftrue" else value[name[2:]]
        if on is None or k not in branches:
            continue
        otherwise, fi = branches[k]
        if on and otherwise >= 0:
            found.append((words[otherwise].start(), words[fi].end()))
        elif not on:
            end = words[otherwise].end() if otherwise >= 0 else words[fi].end()
            found.append((word.start(), end))
        else:
            continue
        pending.append(found[-1])
        if len(pending) > _MAX_PENDING:
            break  # conditionals nested deeper than any paper's: the rest is read as is
    return found


_WATCHED = frozenset({"else", "fi"})
_MAX_PENDING = 64  # blanked branches open around one place: each word checks them all


def _setting(name: str, switches: set[str]) -> tuple[str, bool] | None:
    """(switch, value) when `name` is ``\\<switch>true`` or ``\\<switch>false``."""
    for suffix, on in (("true", True), ("false", False)):
        if name.endswith(suffix) and name[: -len(suffix)] in switches:
            return name[: -len(suffix)], on
    return None
