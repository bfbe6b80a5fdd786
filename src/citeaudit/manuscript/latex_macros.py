"""User macros of a LaTeX manuscript: their definitions, and their uses expanded.

Authors wrap citations and inclusions in macros of their own --
``\\newcommand{\\rfc}[1]{\\cite{rfc#1}}`` then ``\\rfc{2616}`` cites ``rfc2616``;
``\\def\\chap#1{\\input{chapters/#1}}`` then ``\\chap{intro}`` reads a chapter. Read
for ``\\cite`` and ``\\input`` only, such a paper cited nothing through them (every
entry "never cited") or lost its chapters. Here the simple macros -- ``\\newcommand``,
``\\renewcommand``, ``\\providecommand``, ``\\DeclareRobustCommand`` (with ``[n]`` and
an optional first argument's default), ``\\def``/``\\gdef``/``\\edef``/``\\xdef`` with
``#1#2...`` parameters, delimited ones too (``#1;``, ``[#1]#2``: `latex_delimited`),
``\\NewDocumentCommand`` and kin with ``m``, ``o``, ``O{...}``, ``s``, ``t``, ``r``,
``R``, ``d``, ``D``, ``u``, ``v`` and an environment's ``b`` arguments, and
``\\let\\a\\b`` -- are read, and a use of one is expanded
as TeX would: its arguments (a brace group or one token each) put in place of
``#1``..``#9``, the macros in the result expanded in turn. Only the macros that lead
to what is looked for (a citation command, or an inclusion) are expanded; a use is
expanded with the definition in force where it stands. A definition itself is never a
use: its body is only text until the macro is used.

A hostile file may define a macro that expands to itself (``\\def\\a{\\a\\cite{x}}``:
TeX loops for ever) or to two copies of another, doubling at each level. Expansion
stops at `MAX_DEPTH` levels and `MAX_USE_EXPANSION` characters a use, and a whole
document may add `expansion_budget` characters; past that its later uses are not
expanded, and `MacroExpansions.stopped_at` says where (the LaTeX reader reports it).
What is counted is the work, not only what is written: a macro defined with a citation
and then redefined empty expands to nothing, so a ladder of macros each using the one
below four times wrote nothing in ``4 ** MAX_DEPTH`` expansions (a 300-byte upload held
a worker for its whole time limit). Each expansion is charged its body and each text
scanned its length: at most `MAX_USE_WORK` a use, and the work is what the document's
budget pays.
Which macros lead to a citation is found by one walk of the graph of names their
bodies use: linear in the definitions. Every pattern is linear in its text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from citeaudit.manuscript.latex_delimited import (
    BODY,
    MAX_ARGUMENT,
    PAIR,
    TEX,
    VERB,
    def_arguments,
    is_marker,
    read_marked,
)
from citeaudit.manuscript.spans import SpanIndex

__all__ = [
    "DEFINITION",
    "MAX_DEPTH",
    "MAX_MACRO_DEFINITIONS",
    "MAX_USE_EXPANSION",
    "MAX_USE_WORK",
    "Expansion",
    "Macro",
    "MacroExpansions",
    "Macros",
    "definition_spans",
    "expansion_budget",
    "group_end",
    "macro_citations",
    "read_macros",
]

# Every command that defines something: the citation reader skips their spans whole.
DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|[gex]?def|let|"
    r"(?:New|Renew|Provide|Declare)DocumentCommand|(?:new|renew|provide)robustcmd|"
    r"DeclareCiteCommand|DeclareMultiCiteCommand|(?:re)?newenvironment|"
    r"(?:New|Renew|Provide|Declare)DocumentEnvironment|provideenvironment|NewCommandCopy)"
    r"(?![A-Za-z])"
)
MAX_DEPTH = 60  # TeX has no such limit: only hostile input nests this deep
MAX_USE_EXPANSION = 10_000
MAX_USE_WORK = 100_000  # characters scanned and bodies expanded for one use
_MAX_BODY = 5_000  # a body longer than this is no wrapper around a citation
MAX_MACRO_DEFINITIONS = 5_000  # read per document; the first past them is reported
_MAX_MACROS = MAX_MACRO_DEFINITIONS
_MAX_ARGUMENT = MAX_ARGUMENT  # characters of one argument of a use
# characters after an expansion read for its last macro's arguments: a short look,
# then a long one
_FOLLOW = (100, 2_000)


def _nested(depth: int) -> str:
    """The inside of a brace group nested up to `depth` deep (a backslash escapes the
    next character); possessive, so a group left open fails in one pass."""
    inner = r"(?:[^{}\\]++|\\.)*+"
    for _ in range(depth - 1):
        inner = r"(?:[^{}\\]++|\\.|\{" + inner + r"\})*+"
    return inner


# A use's argument: braces nested up to 6 deep (a deeper one is no citation's).
_BRACE_ARGUMENT = re.compile(r"\{(" + _nested(6) + r")\}", re.DOTALL)
_BRACKET_ARGUMENT = re.compile(r"\[((?:[^\]{}\\]++|\\.|\{" + _nested(5) + r"\})*+)\]", re.DOTALL)
_SCAN = re.compile(r"[{}\\\]]")
_NAME_AFTER = re.compile(r"\s*+(?:\{\s*+\\([A-Za-z@]++)\s*+\}|\\([A-Za-z@]++))")
_COUNT = re.compile(r"\s*+\[\s*+([0-9])\s*+\]")
_SPACES = re.compile(r"\s*+")
# \def's parameter text: up to the body's brace (``#1;``, ``[#1]#2``, ``#1\relax``)
_DEF_PARAMETERS = re.compile(r"(?:[^{}\\%\n]++|\\[A-Za-z@]++|\\[^{}A-Za-z@])*+")
_LET_TARGET = re.compile(r"\s*+=?\s*+\\([A-Za-z@]++)")
_COPIED = re.compile(r"\s*+(?:\{\s*+\\([A-Za-z@]++)\s*+\}|\\([A-Za-z@]++))")
_LET_SOURCE = re.compile(r"\\(?:[A-Za-z@]++|.)", re.DOTALL)  # after \let\a= in a span
_SPEC_TOKEN = r"[^\s\\{}]"
_SPEC = re.compile(
    r"\s*+(?:>\s*+\{" + _nested(4) + r"\}\s*+)?[+!]?\s*+(?:(m)|(o)|O\s*+\{(" + _nested(4) + r")\}"
    r"|(s)|t\s*+(\\?[^\s\\{}])"
    r"|(?P<pair>[rd])\s*+(?P<po>" + _SPEC_TOKEN + r")\s*+(?P<pc>" + _SPEC_TOKEN + r")"
    r"|(?P<Pair>[RD])\s*+(?P<Po>" + _SPEC_TOKEN + r")\s*+(?P<Pc>" + _SPEC_TOKEN + r")"
    r"\s*+\{(?P<Pd>" + _nested(4) + r")\}"
    r"|(?P<v>v)|(?P<b>b)|u\s*+(?:\{(?P<u>" + _nested(4) + r")\}|(?P<u1>\\[A-Za-z@]++|[^\s\\{}])))",
    re.DOTALL,
)
# xparse's star (``s``) or token (``t+``) argument: read when the use writes it; the
# body tests it with \IfBooleanTF, whose both branches are kept (either may cite)
_FLAG = "\x00flag:"
_CONTROL_WORD = re.compile(r"\\([A-Za-z@]++)")
# A use: a control word, or ``\begin{name}``/``\end{name}`` (an environment's code is
# the macro "begin{name}" / "end{name}").
_USE = re.compile(r"\\(?:(begin|end)\s*+\{\s*+([A-Za-z@*0-9:.-]{1,64}+)\s*+\}|([A-Za-z@]++))")
_ENVIRONMENT_NAME = re.compile(r"\s*+\{\s*+([A-Za-z@*0-9:.-]{1,64}+)\s*+\}")
_PARAMETER = re.compile(r"#([1-9])")
_DEFINED_NAME = re.compile(r"\*?\s*(?:\\[A-Za-z@]+|\\.)?")
_PARAMETER_TEXT = re.compile(r"[^{}\\%\n]*")  # \def\x#1#2{...}, \let\a=\b
_GROUP_START = re.compile(r"\s*[\[{]")


def expansion_budget(text: str) -> int:
    """Characters all uses of one document may expand to: generous for real papers
    (a macro per citation), bounded for hostile ones."""
    return 1_000_000 + 2 * len(text)


@dataclass(frozen=True, slots=True)
class Macro:
    """One definition: the macro's name, its arguments (None: mandatory; a string:
    optional, with that default) and its body."""

    name: str
    start: int  # offset of the definition
    end: int  # offset after it
    arguments: tuple[str | None, ...]
    body: str
    # ``\\let\\a\\cite`` where the text defines no ``\cite`` before: \a *is* that
    # command (its meaning is copied at the \\let), never a use of a later redefinition
    primitive: bool = False


@dataclass(frozen=True, slots=True)
class Expansion:
    """A use of a macro, from `start` to `end` in the text, and what it expands to;
    `capped` when a cap (size, work, depth) cut it short."""

    start: int
    end: int
    text: str
    capped: bool = False


@dataclass(frozen=True, slots=True)
class MacroExpansions:
    expansions: tuple[Expansion, ...]
    # where the budget ran out (later uses are not expanded), or the first use a cap
    # cut short (TeX would have gone on: what it cites past the cap is not read)
    stopped_at: int | None
    defined: frozenset[str] = frozenset()  # every macro the text defines
    budget_spent: bool = False  # the document's budget ran out (not only a use's cap)
    macros_dropped_at: int | None = None  # the first definition past `_MAX_MACROS`


class Macros:
    """The definitions of one text, by name, in text order."""

    def __init__(self, macros: list[Macro], dropped_at: int | None = None) -> None:
        # Where the first definition past `_MAX_MACROS` starts (None: none was dropped):
        # the cap is reported as an input problem there, never silent.
        self.dropped_at = dropped_at
        self._by_name: dict[str, list[Macro]] = {}
        for macro in macros:
            self._by_name.setdefault(macro.name, []).append(macro)
        self._starts = {name: [m.start for m in found] for name, found in self._by_name.items()}

    def names(self) -> set[str]:
        return set(self._by_name)

    def in_order(self) -> list[Macro]:
        """Every definition, in text order."""
        return sorted(
            (macro for found in self._by_name.values() for macro in found),
            key=lambda macro: macro.start,
        )

    def at(self, name: str, position: int) -> Macro | None:
        """The definition of `name` in force at `position` (the last one before it)."""
        starts = self._starts.get(name)
        if starts is None:
            return None
        i = bisect.bisect_right(starts, position) - 1
        return self._by_name[name][i] if i >= 0 else None

    def leading_to(self, wanted: Callable[[str], bool]) -> frozenset[str]:
        """The macros whose expansion can reach a command `wanted` accepts (and is not
        itself a user macro): one walk back from those that use one directly."""
        used_by: dict[str, set[str]] = {}
        found: set[str] = set()
        for name, definitions in self._by_name.items():
            for macro in definitions:
                if macro.primitive:
                    if wanted(macro.body[1:]):
                        found.add(name)
                    continue
                # an optional argument's default is expanded where the use omits it
                defaults = (d for d in macro.arguments if d and not is_marker(d))
                code = " ".join([macro.body, *defaults])
                for use in _USE.finditer(code):
                    used = _use_name(use)
                    if used in self._by_name:
                        used_by.setdefault(used, set()).add(name)
                    elif wanted(used):
                        found.add(name)
        queue = list(found)
        while queue:
            for user in used_by.get(queue.pop(), ()):
                if user not in found:
                    found.add(user)
                    queue.append(user)
        return frozenset(found)

    def expand_use(
        self,
        text: str,
        start: int,
        name_end: int,
        expand: frozenset[str],
        budget: list[int],
        name: str | None = None,
    ) -> Expansion | None:
        """The use of a macro at `start` (its name ends at `name_end`; `name`, when not
        the control word there: "begin{env}"), expanded; the macros of `expand` in the
        result are expanded in turn. `budget` (one number, shared by a document's uses)
        is what may still be added; None when it is spent or the use has no definition
        before it."""
        macro = self.at(text[start + 1 : name_end] if name is None else name, start)
        if macro is None or budget[0] <= 0:
            return None
        cost = [0]  # characters a delimited argument's reading scanned
        read = _read_arguments(text, name_end, macro.arguments, cost)
        if read is None:
            budget[0] -= cost[0]
            return None
        arguments, end = read
        out = _Output(min(MAX_USE_EXPANSION, budget[0]), min(MAX_USE_WORK, budget[0]))
        out.charge(len(macro.body) + 1 + cost[0])
        taken = [0]  # characters of the text after the use its expansion reads
        if macro.primitive:
            out.add(macro.body)
        else:
            body = _substitute(self._with_end_code(macro, start), arguments)
            after = _Follow(text, end, None)
            self._expand_into(body, start, expand, 1, out, after, taken)
        budget[0] -= out.work
        return Expansion(start, end + taken[0], "".join(out.pieces), out.full or out.capped)

    def _with_end_code(self, macro: Macro, position: int) -> str:
        """The code a use of `macro` runs: an environment that takes its body
        (xparse's ``b``) reads its ``\\end`` too, so its end code runs here."""
        if not any(a is not None and a.startswith(BODY) for a in macro.arguments):
            return macro.body
        end = self.at("end" + macro.name[len("begin") :], position)
        return macro.body if end is None else macro.body + end.body

    def _expand_into(
        self,
        text: str,
        position: int,
        expand: frozenset[str],
        depth: int,
        out: _Output,
        follow: _Follow | None = None,
        taken: list[int] | None = None,
    ) -> None:
        """Expands `text` into `out`. A macro at its end whose arguments are not in it
        reads them from what `follow`s (``\\newcommand{\\b}{\\mc}`` then ``\\b{k}``:
        TeX reads ``{k}`` as \\mc's argument); `taken` counts the characters of
        `follow` read so."""
        out.charge(len(text))
        kept = 0
        for use in _USE.finditer(text):
            if out.full:
                return
            name = _use_name(use)
            if name not in expand or use.start() < kept:
                continue
            if depth >= MAX_DEPTH:
                out.capped = True  # TeX would go on: a cap, reported, never silent
                continue
            macro = self.at(name, position)
            if macro is None:
                continue
            cost = [0]
            read = _read_arguments(text, use.end(), macro.arguments, cost)
            out.charge(cost[0])
            over = 0  # characters of `follow` the arguments run into
            for limit in _FOLLOW if read is None and follow is not None else ():
                # a short look first: most arguments are short, and every look is paid
                joined = text[use.end() :] + follow.take(limit)  # type: ignore[union-attr]
                out.charge(len(joined))
                read = _read_arguments(joined, 0, macro.arguments, cost)
                if read is not None:
                    over = read[1] - (len(text) - use.end())
                    read = (read[0], use.end() + read[1])
                    break
            if read is None:
                continue
            out.add(text[kept : use.start()])
            arguments, kept = read
            out.charge(len(macro.body) + 1)  # an expansion writing nothing still costs
            if macro.primitive:
                out.add(macro.body)
            else:
                rest = (
                    follow.skip(over)
                    if over > 0 and follow is not None
                    else _Follow(text, kept, follow)
                )
                inner = [0]
                body = _substitute(self._with_end_code(macro, position), arguments)
                self._expand_into(body, position, expand, depth + 1, out, rest, inner)
                kept += inner[0]  # past the end of `text`: into `follow`
            if kept > len(text) and taken is not None:
                taken[0] += kept - len(text)
                kept = len(text)
        out.add(text[kept:])


@dataclass(frozen=True, slots=True)
class _Follow:
    """What follows a text being expanded: `text` from `start`, then what follows
    that (one link a level of expansion, so never copied but to read arguments)."""

    text: str
    start: int
    then: _Follow | None

    def take(self, limit: int) -> str:
        """Up to `limit` characters of what follows."""
        parts: list[str] = []
        node: _Follow | None = self
        while node is not None and limit > 0:
            part = node.text[node.start : node.start + limit]
            parts.append(part)
            limit -= len(part)
            node = node.then
        return "".join(parts)

    def skip(self, count: int) -> _Follow | None:
        """What follows once `count` characters are read."""
        node: _Follow | None = self
        while node is not None and count >= len(node.text) - node.start:
            count -= len(node.text) - node.start
            node = node.then
        return None if node is None else _Follow(node.text, node.start + count, node.then)


@dataclass(slots=True)
class _Output:
    """What one use writes (up to `room` characters) and the work it took (up to
    `work_room`): past either, the use is full and expands no further."""

    room: int
    work_room: int = MAX_USE_WORK
    pieces: list[str] = field(default_factory=list)
    size: int = 0
    work: int = 0
    full: bool = False
    capped: bool = False  # a use left unexpanded at `MAX_DEPTH`

    def charge(self, work: int) -> None:
        self.work += work
        if self.work > self.work_room:
            self.full = True

    def add(self, piece: str) -> None:
        if self.full or not piece:
            return
        if self.size + len(piece) > self.room:
            piece = piece[: self.room - self.size]
            self.full = True
        self.pieces.append(piece)
        self.size += len(piece)


def read_macros(text: str) -> Macros:
    """Every simple definition in `text` (up to `_MAX_MACROS` of them; `dropped_at`
    says where the first one past them starts). A ``\\let`` copies the meaning its
    source has there (TeX's \\let is no alias): a chain of copies of any length is one
    definition each, never a chain to expand."""
    found: list[Macro] = []
    latest: dict[str, Macro] = {}
    end = 0
    for m in DEFINITION.finditer(text):
        if m.start() < end:
            continue  # inside the body of a definition read already
        end = _span_end(text, m)  # each definition's groups scanned once more, below
        made = _definition(text, m, end, latest)
        if made and len(found) >= _MAX_MACROS:
            return Macros(found, m.start())  # the first definition not read
        for macro in made:
            found.append(macro)
            latest[macro.name] = macro
    return Macros(found)


def _use_name(use: re.Match[str]) -> str:
    """The macro a `_USE` match uses: a control word's name, or "begin{env}"."""
    if use.group(1):
        return f"{use.group(1)}{{{use.group(2)}}}"
    return use.group(3)


def macro_citations(text: str, is_citation: Callable[[str], bool]) -> MacroExpansions:
    """Every use of a macro that leads to a citation command, expanded."""
    return _macro_citations(text, is_citation)


@lru_cache(maxsize=2)  # the reader asks where expansion stopped; the extractor, for all
def _macro_citations(text: str, is_citation: Callable[[str], bool]) -> MacroExpansions:
    if "\\" not in text:
        return MacroExpansions((), None)
    macros = read_macros(text)
    defined = frozenset(macros.names())
    citing = macros.leading_to(is_citation)
    dropped = macros.dropped_at
    if not citing:
        return MacroExpansions((), None, defined, macros_dropped_at=dropped)
    spans = definition_spans(text)
    budget = [expansion_budget(text)]
    found: list[Expansion] = []
    stopped: int | None = None
    reached = 0
    for use in _USE.finditer(text):
        name = _use_name(use)
        if name not in citing or use.start() < reached or spans.covers(use.start()):
            continue  # (before `reached`: an argument of the use before, read by it)
        if budget[0] <= 0:
            stopped = use.start() if stopped is None else stopped
            break
        expansion = macros.expand_use(text, use.start(), use.end(), citing, budget, name)
        if expansion is not None:
            found.append(expansion)
            reached = expansion.end
            if expansion.capped and stopped is None:
                stopped = use.start()  # the first use a cap cut short: reported
    return MacroExpansions(tuple(found), stopped, defined, budget[0] <= 0, dropped)


def definition_spans(text: str) -> SpanIndex:
    """The spans of macro definitions: the defined name and every argument after it.
    Nothing in them is a use (or a citation): TeX only stores it."""
    spans = SpanIndex()
    end = 0
    for m in DEFINITION.finditer(text):
        if m.start() < end:
            continue  # inside a definition already skipped
        end = _span_end(text, m)
        spans.add(m.start(), end)
    return spans


def _span_end(text: str, m: re.Match[str]) -> int:
    pos = _DEFINED_NAME.match(text, m.end()).end()  # type: ignore[union-attr]
    parameters = _DEF_PARAMETERS if m.group().endswith("def") else _PARAMETER_TEXT
    pos = parameters.match(text, pos).end()  # type: ignore[union-attr]
    copy = m.group() in {"\\let", "\\NewCommandCopy"}
    if copy and (source := _LET_SOURCE.match(text, pos)) is not None:
        return source.end()  # the source of \\let\\a\\b is no use of \\b
    while (start := _GROUP_START.match(text, pos)) is not None:
        pos = group_end(text, start.end() - 1)
    return pos


def _definition(
    text: str, m: re.Match[str], stop: int, latest: dict[str, Macro]
) -> tuple[Macro, ...]:
    """The macros the definition at `m` defines (it ends by `stop`, its span): one, or
    an environment's begin and end code; none when it is no simple definition.
    `latest` holds each name's definition before it (what a ``\\let`` copies)."""
    command = m.group()[1:]
    pos = m.end()
    if text.startswith("*", pos):
        pos += 1
    if "nvironment" in command:
        return _environment(text, command, pos, stop, m.start())
    named = _NAME_AFTER.match(text, pos)
    if named is None:
        return ()
    name = named.group(1) or named.group(2)
    pos = named.end()
    arguments: tuple[str | None, ...]
    if command in {"let", "NewCommandCopy"}:
        target = _LET_TARGET.match(text, pos) if command == "let" else _COPIED.match(text, pos)
        if target is None:
            return ()
        copied = target.group(target.lastindex or 1)
        source = latest.get(copied)
        if source is None:  # a command the text does not define: copied as it is
            return (Macro(name, m.start(), target.end(), (), "\\" + copied, True),)
        return (
            Macro(name, m.start(), target.end(), source.arguments, source.body, source.primitive),
        )
    if command.endswith("def"):
        parameters = _DEF_PARAMETERS.match(text, pos)
        assert parameters is not None  # matches the empty string
        read_def = def_arguments(parameters.group())
        if read_def is None:
            return ()  # out-of-order parameters, ``##``, a parameter text too long
        arguments, pos = read_def, parameters.end()
    elif command.endswith("DocumentCommand"):
        read = _document_spec(text, pos, stop)
        if read is None:
            return ()
        arguments, pos = read
    elif command in {"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand"}:
        counted = _counted_arguments(text, pos, stop)
        if counted is None:
            return ()
        arguments, pos = counted
    else:
        return ()  # cite commands of biblatex: not expanded
    body = _braced(text, pos, stop)
    if body is None:
        return ()
    content, end = body
    if len(content) > _MAX_BODY:
        return ()
    return (Macro(name, m.start(), end, arguments, content),)


def _environment(text: str, command: str, pos: int, stop: int, start: int) -> tuple[Macro, ...]:
    """An environment's begin code, the macro "begin{name}" a ``\\begin{name}`` runs
    (with the environment's arguments), and its end code, "end{name}" (none: an
    ``\\end`` reads no argument)."""
    named = _ENVIRONMENT_NAME.match(text, pos)
    if named is None:
        return ()
    name = named.group(1)
    read = (
        _document_spec(text, named.end(), stop, name)
        if "Document" in command
        else _counted_arguments(text, named.end(), stop)
    )
    if read is None:
        return ()
    arguments, pos = read
    begin = _braced(text, pos, stop)
    if begin is None:
        return ()
    end = _braced(text, begin[1], stop)
    if end is None or max(len(begin[0]), len(end[0])) > _MAX_BODY:
        return ()
    return (
        Macro(f"begin{{{name}}}", start, begin[1], arguments, begin[0]),
        Macro(f"end{{{name}}}", start, end[1], (), end[0]),
    )


def _counted_arguments(text: str, pos: int, stop: int) -> tuple[tuple[str | None, ...], int] | None:
    """``[n]`` and an optional first argument's ``[default]`` (``\\newcommand``,
    ``\\newenvironment``), and the offset after them."""
    count = _COUNT.match(text, pos)
    number = int(count.group(1)) if count else 0
    pos = count.end() if count else pos
    default = None
    after = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    if number and text.startswith("[", after):
        close = group_end(text, after, stop - after)
        if close < 0:
            return None
        default, pos = text[after + 1 : close - 1], close
    arguments = ((default,) if default is not None else (None,)) + (None,) * (number - 1)
    return arguments[:number], pos


def _document_spec(
    text: str, pos: int, stop: int, environment: str | None = None
) -> tuple[tuple[str | None, ...], int] | None:
    """The arguments of xparse's ``{m O{default} o}`` spec, and the offset after it
    (an `environment`'s spec may take its body, ``b``)."""
    spec = _braced(text, pos, stop)
    if spec is None:
        return None
    arguments = _document_arguments(spec[0], environment)
    return None if arguments is None else (arguments, spec[1])


def _document_arguments(spec: str, environment: str | None) -> tuple[str | None, ...] | None:
    arguments: list[str | None] = []
    pos = 0
    while pos < len(spec.rstrip()):
        token = _SPEC.match(spec, pos)
        if token is None:
            return None
        if token.group("pair"):
            mode = "r" if token.group("pair") == "r" else "o"
            default = "-NoValue-" if mode == "o" else ""
            arguments.append(PAIR + mode + token.group("po") + token.group("pc") + default)
        elif token.group("Pair"):
            mode = "r" if token.group("Pair") == "R" else "o"
            arguments.append(
                PAIR + mode + token.group("Po") + token.group("Pc") + token.group("Pd")
            )
        elif token.group("v"):
            arguments.append(VERB)
        elif token.group("b"):
            if environment is None:
                return None  # a body is an environment's only
            arguments.append(BODY + environment)
        elif token.group("u") is not None or token.group("u1"):
            until = token.group("u") if token.group("u") is not None else token.group("u1")
            if not until.strip():
                return None
            arguments.append(TEX + "\x00" + until)
        elif token.group(1):
            arguments.append(None)
        elif token.group(2):
            arguments.append("-NoValue-")
        elif token.group(3) is not None:
            arguments.append(token.group(3))
        else:
            arguments.append(_FLAG + (token.group(5) or "*"))
        pos = token.end()
    return tuple(arguments) if len(arguments) <= 9 else None


def _braced(text: str, pos: int, stop: int) -> tuple[str, int] | None:
    """The content of the brace group after spaces at `pos`, closed by `stop`, and
    the offset after it."""
    start = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    if not text.startswith("{", start):
        return None
    end = group_end(text, start, stop - start)
    if end < 0:
        return None
    return text[start + 1 : end - 1], end


def _read_arguments(
    text: str, pos: int, arguments: tuple[str | None, ...], cost: list[int] | None = None
) -> tuple[list[str], int] | None:
    """The arguments of a use whose name ends at `pos`, as TeX reads them: an optional
    one in brackets (or its default), a mandatory one as a brace group or one token
    after spaces, a delimited one as `latex_delimited` reads it (what that scans is
    added to `cost`); None when the text ends first or the use does not match."""
    values: list[str] = []
    spent = [0] if cost is None else cost
    for default in arguments:
        if default is not None and is_marker(default):
            read = read_marked(text, pos, default, not values, spent)
            if read is None:
                return None
            if read[0] is not None:
                values.append(read[0])
                pos = read[1]
                continue
            default, pos = None, read[1]  # a TeX prefix matched: undelimited from here
        after = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
        if default is not None and default.startswith(_FLAG):
            given = text.startswith(default[len(_FLAG) :], after)
            values.append("\\BooleanTrue" if given else "\\BooleanFalse")
            pos = after + len(default) - len(_FLAG) if given else pos
            continue
        if default is not None:
            if text.startswith("[", after):
                bracket = _BRACKET_ARGUMENT.match(text, after, after + _MAX_ARGUMENT)
                if bracket is None:
                    return None
                values.append(bracket.group(1))
                pos = bracket.end()
            else:
                values.append(default)
            continue
        if after >= len(text):
            return None
        if text[after] == "{":
            braced = _BRACE_ARGUMENT.match(text, after, after + _MAX_ARGUMENT)
            if braced is None:
                return None
            end = braced.end()
            values.append(braced.group(1))
        elif text[after] == "\\":
            word = _CONTROL_WORD.match(text, after)
            end = word.end() if word else after + 2
            values.append(text[after:end])
        else:
            end = after + 1
            values.append(text[after])
        pos = end
    return values, pos


def _substitute(body: str, arguments: list[str]) -> str:
    """The body with its arguments in place, cut at `MAX_USE_EXPANSION` characters (a
    body of ``#1#1#1...`` would multiply a long argument)."""
    if "#" not in body:
        return body
    out = _Output(MAX_USE_EXPANSION)
    kept = 0
    for parameter in _PARAMETER.finditer(body):
        out.add(body[kept : parameter.start()])
        number = int(parameter.group(1))
        out.add(arguments[number - 1] if number <= len(arguments) else "")
        kept = parameter.end()
        if out.full:
            break
    out.add(body[kept:])
    return "".join(out.pieces)


def group_end(text: str, pos: int, limit: int | None = None) -> int:
    """The offset after the ``{...}`` or ``[...]`` group opening at `pos`.

    Braces nest and a backslash escapes the next character; a bracket group ends at
    the first ``]`` outside braces. An unclosed group runs to the end of the text, as
    it does for TeX (a runaway argument): one forward scan, never repeated. With a
    `limit`, a group not closed within that many characters gives -1 (a macro's
    argument: every use of a hostile file may leave one open).
    """
    closing = "}" if text[pos] == "{" else "]"
    depth = 0
    i = pos + 1 if closing == "]" else pos
    stop = len(text) if limit is None else min(len(text), pos + limit)
    while (m := _SCAN.search(text, i, stop)) is not None:
        char = m.group()
        i = m.end()
        if char == "\\":
            i += 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth <= 0 and closing == "}":
                return i
        elif depth <= 0:  # "]" outside braces
            return i
    return len(text) if stop == len(text) and limit is None else -1
