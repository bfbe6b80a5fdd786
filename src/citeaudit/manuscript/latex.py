"""LaTeX manuscripts: the main file with everything it ``\\input``\\ s, as LaTeX sees it.

Citations only count where LaTeX would typeset them, so ``%`` comments, the
``comment`` environment, verbatim-like environments, ``\\verb`` and ``\\iffalse``
branches (`latex_conditionals`) are blanked before
anything else is looked at -- a commented-out ``\\input`` is not followed and a
commented-out ``\\cite`` is not a citation. Blanking keeps every line, so each line
still carries its own file and line number. Files named by ``\\input``, ``\\include``,
``\\subfile`` and ``\\(sub)import`` are spliced in where they are named; a missing or
circular one is skipped and reported as an `InputProblem`. A missing file named by
``\\input`` (or ``\\subfile``, ``\\(sub)import``) stops LaTeX, so BibTeX never learns
what it cites: that problem is unreadable, and the audit leaves citations unchecked
rather than call every entry cited only there "never cited". ``\\include`` of a missing
file is only a warning to LaTeX, which typesets without it: the rest is checked.

Inclusions and citations made through the author's own macros count as LaTeX makes
them (`latex_macros`): under ``\\newcommand{\\chap}[1]{\\input{chapters/#1}}``,
``\\chap{intro}`` splices ``chapters/intro.tex`` in (the definition must come first,
as for TeX). A document whose macro uses would expand past the budget is read on
without expanding the rest, and a problem says where.

Every file a manuscript names is located through the reader's `InputScope`: an uploaded
audit reads nothing outside its own folder, and ``\\input`` fan-out (one small file
spliced thousands of times, or thousands of names on one line) stops at the scope's
caps -- one budget for the whole audit, whichever file draws on it -- with one problem
naming the file and line where it stopped; everything read until then is still audited.

The patterns here run over hostile text, so none has two quantifiers that can match the
same characters: each runs in time linear in the line.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from citeaudit.errors import InputError
from citeaudit.input_scope import InputScope, shown_name
from citeaudit.manuscript.citations.latex import is_citation_command
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.latex_bbl import biblatex_as_bibitems
from citeaudit.manuscript.latex_conditionals import blank_false_branches
from citeaudit.manuscript.latex_csl import BEGIN_CSL, END_CSL, csl_entries
from citeaudit.manuscript.latex_macros import (
    DEFINITION,
    MAX_MACRO_DEFINITIONS,
    MAX_USE_EXPANSION,
    Macros,
    definition_spans,
    expansion_budget,
    macro_citations,
    read_macros,
)
from citeaudit.manuscript.latex_typeset import typeset_body
from citeaudit.manuscript.latex_unseen import (
    blank_unseen,
    unseen_citation_lines,
    unseen_citation_message,
)
from citeaudit.manuscript.markup import strip_latex
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.reading import MAX_LINES, InputProblem, decode_text
from citeaudit.model.location import Location

__all__ = ["BIBITEM", "LatexReader", "bibitem_key", "blank_latex_comments"]

_HIDDEN_ENVIRONMENTS = (
    "comment", "verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "LVerbatim",
    "lstlisting", "minted", "filecontents", "filecontents*", "spverbatim",
)  # fmt: skip
_BEGIN_HIDDEN = re.compile(
    r"\\begin\s*\{(" + "|".join(re.escape(e) for e in _HIDDEN_ENVIRONMENTS) + r")\}"
)
# \lstinline and \mintinline take their options in brackets before the delimiter
# ("\lstinline[style=inline]!x!"); read as the delimiter, "[" would blank the rest of
# the line, a macro's closing brace with it, and every later \cite. The options are
# read to `_MAX_OPTIONS` characters (rt39a-1): read to the line's end, a line of
# unclosed "\lstinline[" read it from every one (the reader tries this at each
# backslash; 352 KB: 25 CPU s, quadratic).
_MAX_OPTIONS = 256
_OPTIONS = rf"(?:\[[^\]\n]{{0,{_MAX_OPTIONS}}}+\])?"
_VERB = re.compile(
    r"\\(?:verb|lstinline" + _OPTIONS + r"|mintinline" + _OPTIONS + r"\{[^{}]*\})"
    r"\*?([^\sA-Za-z{])"
)
_INCLUDE = re.compile(r"\\(input|include|subfile)\s*\{([^{}]+)\}")
# Plain TeX's own form, which LaTeX keeps: ``\input chapter1.tex`` -- the name runs to
# the next space or brace (Turkish university templates input every chapter so).
_PLAIN_INPUT = re.compile(r"\\(input)(?![A-Za-z@])[ \t]*+(?=[^\s{}\\%])([^\s{}\\%]++)")
_IMPORT = re.compile(
    r"\\(import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)\*?\s*\{([^{}]*)\}\s*\{([^{}]+)\}"
)
_BIBLIOGRAPHY = re.compile(r"\\bibliography\s*\{([^{}]*)\}")
# Options hold no "[" (as in `_LOADS`): a line of "\addbibresource[" scanned each to
# the line's end and back (128 KB: 0.9 s, quadratic).
_BIBRESOURCE = re.compile(
    r"\\(?:addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\][]*\]\s*)?\{([^{}]*)\}"
)
_BEGIN_BIBLIOGRAPHY = re.compile(r"\\begin\s*\{thebibliography\}(?:\s*\{[^{}]*\})?")
_END_BIBLIOGRAPHY = re.compile(r"\\end\s*\{thebibliography\}")
# The optional label may hold braces two deep ("[{\\em Smith} (2019)]"). Its two kinds of
# piece start with different characters, and one optional group carries the spaces after
# it, so a label that never closes costs one pass, not a backtracking explosion.
_BRACED = r"\{(?:[^{}]|\{[^{}]*\})*\}"
BIBITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]{}]|" + _BRACED + r")*\]\s*)?\{([^{}]*)\}")
_BIBITEM_START = re.compile(r"\\bibitem(?![A-Za-z])")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_MAX_DEPTH = 32


@dataclass
class _State:
    main_dir: Path
    scope: InputScope
    problems: list[InputProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    stack: list[Path] = field(default_factory=list)
    capped_at: int | None = None  # index in `problems` of the one "cap reached" problem
    capped_more: int = 0  # inclusions skipped after it
    line_count: int = 0  # lines of every file spliced so far, held to reading.MAX_LINES
    # A file spliced many times is resolved once (the scope locates it once).
    resolved: dict[Path, Path] = field(default_factory=dict)
    # Definitions of macros that include a file, in reading order, and what they
    # may still expand to (`_macro_includes`).
    include_definitions: list[str] = field(default_factory=list)
    include_macros: Macros | None = None
    include_names: frozenset[str] = frozenset()
    include_budget: list[int] = field(default_factory=lambda: [expansion_budget("")])

    def resolve(self, path: Path) -> Path:
        if path not in self.resolved:
            self.resolved[path] = path.resolve()
        return self.resolved[path]


class LatexReader(ManuscriptReader):
    format: ClassVar[str] = "latex"
    extensions: ClassVar[tuple[str, ...]] = (".tex", ".ltx")

    def __init__(self, scope: InputScope | None = None) -> None:
        self.scope = scope if scope is not None else InputScope()

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        path = Path(path)
        state = _State(main_dir=path.parent, scope=self.scope)
        texts, problems = decode_text(path)
        state.problems.extend(problems)
        lines = _expand(path, str(path), texts, state, top=True)
        _close_cap_problem(state)
        unfound = len(state.problems)
        bibs = _bibliography_files(lines + _local_class_lines(lines, state), state)
        if not bibs and len(state.problems) > unfound:
            lines.extend(_compiled_list(path, lines, state, unfound))
        name = str(path)
        begin = next((i for i, ln in enumerate(lines) if _BEGIN_BIBLIOGRAPHY.search(ln.text)), None)
        closing, cut = _END_BIBLIOGRAPHY, _bibitems
        if begin is None:  # a list Pandoc's citeproc wrote (latex_csl)
            begin = next((i for i, ln in enumerate(lines) if BEGIN_CSL.search(ln.text)), None)
            closing, cut = END_CSL, csl_entries
        if begin is not None:
            end = next(
                (i for i in range(begin, len(lines)) if closing.search(lines[i].text)),
                len(lines) - 1,
            )
            entries = cut(lines[begin : end + 1])
            body = tuple(lines[:begin]) + tuple(lines[end + 1 :])
            heading = Location(lines[begin].file, lines[begin].number)
            # A printed list and no \cite: the citations are typeset text (latex_typeset).
            typeset = typeset_body(name, body)
            document = Document(
                path=name,
                format=self.format if typeset is None else "text",
                lines=body if typeset is None else typeset,
                reference_entries=tuple(entries),
                reference_heading=heading,
                bibliography_files=bibs,
                files=tuple(state.files),
            )
        elif bibs:
            document = Document(
                path=name,
                format=self.format,
                lines=tuple(lines),
                bibliography_files=bibs,
                files=tuple(state.files),
            )
        else:
            document = document_from_lines(
                name, self.format, lines, clean=strip_latex, files=tuple(state.files)
            )
        if document.format == self.format:
            _expansion_problem(document, state)
        return document, state.problems


def _expansion_problem(document: Document, state: _State) -> None:
    """Where the citation macros' expansion stopped, if it did (the same expansion the
    citation reader uses, computed once for both)."""
    expansions = macro_citations(document.text, is_citation_command)
    dropped = expansions.macros_dropped_at
    if dropped is not None:
        # The definitions' cap (`_MAX_MACROS`) keeps a hostile upload linear, but a
        # citation made through a macro defined past it is not read: said here, at
        # the first definition not read, as the other caps are.
        at = document.location_at(dropped)
        state.problems.append(
            InputProblem(
                at.file,
                at.line,
                f"more than {MAX_MACRO_DEFINITIONS:,} macro definitions: this one and "
                "every later macro definition are not read; citations made through them "
                "are not found",
            )
        )
    stopped = expansions.stopped_at
    if stopped is None:
        return
    where = document.location_at(stopped)
    message = (
        f"macros expand past {expansion_budget(document.text):,} characters "
        "(a macro that expands to itself or doubles); citations made through macros "
        "from here on are not read"
        if expansions.budget_spent
        else "a macro use here expands past a cap (a macro that expands to itself, "
        "doubles or nests too deep: TeX would not stop); what it cites past the cap "
        "is not read"
    )
    state.problems.append(InputProblem(where.file, where.line, message))


_SPECIAL = re.compile(r"[\\%]")


def blank_latex_comments(texts: list[str]) -> list[str]:
    """Lines with comments, hidden environments, ``\\verb``, ``\\iffalse`` branches,
    swallowed macro arguments and phantoms blanked, line count kept."""
    # and what swallowing macros and phantoms hold: text that never prints (latex_unseen)
    return blank_unseen(_written_text(texts))


def _written_text(texts: list[str]) -> list[str]:
    """Lines with comments, hidden environments, ``\\verb`` and ``\\iffalse``
    branches blanked: the text as written to be typeset."""
    out: list[str] = []
    hidden: str | None = None
    for text in texts:
        line, hidden = _blank_line(text, hidden)
        out.append(line)
    return blank_false_branches(out)


def _blank_line(text: str, hidden: str | None) -> tuple[str, str | None]:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if hidden is not None:
            end_tag = re.compile(r"\\end\s*\{" + re.escape(hidden) + r"\}")
            found = end_tag.search(text, i)
            if found is None:
                return "".join(out), hidden
            out.append(" " * (found.end() - i))
            i = found.end()
            hidden = None
            continue
        ch = text[i]
        if ch == "\\":
            begin = _BEGIN_HIDDEN.match(text, i)
            if begin is not None:
                hidden = begin.group(1)
                i = begin.end()
                continue
            verb = _VERB.match(text, i)
            if verb is not None:
                close = text.find(verb.group(1), verb.end())
                close = n - 1 if close < 0 else close
                out.append(" " * (close + 1 - i))
                i = close + 1
                continue
            out.append(text[i : i + 2])
            i += 2
            continue
        if ch == "%":
            break
        special = _SPECIAL.search(text, i)
        stop = n if special is None else special.start()
        out.append(text[i:stop])  # plain text up to the next backslash or percent sign
        i = stop
    return "".join(out).rstrip(), hidden


def _expand(path: Path, name: str, texts: list[str], state: _State, top: bool) -> list[Line]:
    resolved = state.resolve(path)
    state.stack.append(resolved)
    state.line_count += len(texts)
    if name not in state.files:
        state.files.append(name)
    written = _written_text(texts)
    visible = blank_unseen(written)  # what never prints (latex_unseen): said, not read
    unseen = unseen_citation_lines(written, visible)
    if unseen:
        state.problems.append(InputProblem(name, unseen[0], unseen_citation_message(unseen)))
    defined = _inclusion_definitions(visible, state.include_names)
    in_definition: _DefinitionLines | None = None
    lines: list[Line] = []
    ended = False
    for number, text in enumerate(visible, start=1):
        if ended:
            lines.append(Line(name, number, ""))
            continue
        lines.append(Line(name, number, text))
        if top and _END_DOCUMENT.search(text):
            ended = True
            continue
        while defined and defined[0][0] <= number:
            _learn_inclusion_macro(defined.pop(0)[1], state)
        for target, base, stops in _includes(text, path.parent, state.main_dir):
            lines.extend(_include(target, base, name, number, state, stops))
        if state.include_names and "\\" in text:
            if in_definition is None:
                in_definition = _DefinitionLines(visible)
            uses = in_definition.uses_outside(number)
            for target, base, stops in _macro_includes(visible, number, uses, path.parent, state):
                lines.extend(_include(target, base, name, number, state, stops))
    state.stack.pop()
    return lines


_INCLUDING = re.compile(
    r"\\(?:input|include|subfile|import|subimport|inputfrom|subinputfrom|includefrom|"
    r"subincludefrom)(?![A-Za-z])"
)
_MAX_INCLUSION_DEFINITIONS = 200
_MAX_DEFINITIONS_TEXT = 20_000
_CONTROL_WORD = re.compile(r"\\([A-Za-z@]++)")


def _inclusion_definitions(visible: list[str], known: frozenset[str]) -> list[tuple[int, str]]:
    """(line where it ends, its text) of each definition in a file whose body includes
    a file, directly or through a macro defined so for before it."""
    text = "\n".join(visible)
    if DEFINITION.search(text) is None or (_INCLUDING.search(text) is None and not known):
        return []
    names = set(known)
    found: list[tuple[int, str]] = []
    line, counted = 1, 0
    for macro in read_macros(text).in_order():
        uses = set(_CONTROL_WORD.findall(macro.body))
        if _INCLUDING.search(macro.body) is None and not uses & names:
            continue
        names.add(macro.name)
        line += text.count("\n", counted, macro.end)
        counted = macro.end
        found.append((line, text[macro.start : macro.end]))
        if len(found) >= _MAX_INCLUSION_DEFINITIONS:
            break
    return found


def _learn_inclusion_macro(definition: str, state: _State) -> None:
    """Known from here on; past `_MAX_INCLUSION_DEFINITIONS` or `_MAX_DEFINITIONS_TEXT`
    characters of them, later ones are not (each use is expanded after all of them)."""
    held = sum(len(known) for known in state.include_definitions)
    if (
        len(state.include_definitions) >= _MAX_INCLUSION_DEFINITIONS
        or held + len(definition) > _MAX_DEFINITIONS_TEXT
    ):
        return
    state.include_definitions.append(definition)
    macros = read_macros("\n".join(state.include_definitions))
    state.include_macros = macros
    state.include_names = macros.leading_to(
        lambda name: _INCLUDING.fullmatch("\\" + name) is not None
    )


class _DefinitionLines:
    """A file's macro uses outside its definitions (a body is no use), by line."""

    def __init__(self, visible: list[str]) -> None:
        self._visible = visible
        self._text = "\n".join(visible)
        self._spans = definition_spans(self._text)
        self._starts = list(itertools.accumulate((len(t) + 1 for t in visible), initial=0))

    def uses_outside(self, number: int) -> list[re.Match[str]]:
        line = self._visible[number - 1]
        offset = self._starts[number - 1]
        return [
            use
            for use in _CONTROL_WORD.finditer(line)
            if not self._spans.covers(offset + use.start())
        ]


def _macro_includes(
    visible: list[str], number: int, uses: list[re.Match[str]], here: Path, state: _State
) -> list[tuple[str, list[Path], bool]]:
    """The files the `uses` of inclusion macros on line `number` include (their
    arguments may run on to the next lines)."""
    macros = state.include_macros
    uses = [use for use in uses if use.group(1) in state.include_names]
    if macros is None or not uses:
        return []
    line = visible[number - 1]
    prefix = "\n".join(state.include_definitions) + "\n"
    after: list[str] = []
    size = 0
    for more in itertools.islice(visible, number, number + 20):
        if size > MAX_USE_EXPANSION:
            break
        after.append(more[: MAX_USE_EXPANSION - size + 1])
        size += len(after[-1]) + 1
    text = prefix + line + "\n" + "\n".join(after)
    found: list[tuple[str, list[Path], bool]] = []
    for use in uses:
        start = len(prefix) + use.start()
        expansion = macros.expand_use(
            text, start, len(prefix) + use.end(), state.include_names, state.include_budget
        )
        if expansion is not None:
            found.extend(_includes(expansion.text, here, state.main_dir))
    return found


# Commands whose missing file LaTeX only warns about ("No file x.tex"), typesetting on.
_SKIPPED_WHEN_MISSING = frozenset({"include", "includefrom", "subincludefrom"})
# Files every TeX installation holds, which TeX finds on its own search path when the
# project has none of that name: a class's size options (\input{size10.clo}), package
# and font definitions, pdfTeX's glyph map. Missing from the project is no missing file.
_DISTRIBUTION_SUFFIXES = (".clo", ".sty", ".cls", ".def", ".cfg", ".fd", ".ldf")
_DISTRIBUTION_NAMES = frozenset({"glyphtounicode", "glyphtounicode.tex", "pdfglyphlist"})
# BibTeX databases of the distribution named beside the project's own: IEEEtran's
# journal-name abbreviations (``\bibliography{IEEEabrv,refs}``); they hold @string
# macros only, so nothing the text cites is in them.
_DISTRIBUTION_BIBS = frozenset({"ieeeabrv.bib", "ieeefull.bib", "ieeeexample.bib"})


def _from_distribution(target: str) -> bool:
    """Whether an unfound \\input names a file of the TeX distribution, not the project."""
    name = target.strip().rsplit("/", 1)[-1].lower()
    return name in _DISTRIBUTION_NAMES or name.endswith(_DISTRIBUTION_SUFFIXES)


def _includes(text: str, here: Path, main_dir: Path) -> list[tuple[str, list[Path], bool]]:
    """(target, folders to look in, whether a missing target stops LaTeX) of each
    inclusion on the line, in order."""
    if "\\" not in text:
        return []
    found: list[tuple[int, str, list[Path], bool]] = []
    for m in itertools.chain(_INCLUDE.finditer(text), _PLAIN_INPUT.finditer(text)):
        stops = m.group(1) not in _SKIPPED_WHEN_MISSING
        found.append((m.start(), m.group(2).strip(), [here, main_dir], stops))
    for m in _IMPORT.finditer(text):
        directory = m.group(2).strip()
        relative = m.group(1).startswith("sub")
        base = (here / directory) if relative else (main_dir / directory)
        stops = m.group(1) not in _SKIPPED_WHEN_MISSING
        found.append((m.start(), m.group(3).strip(), [base, here / directory], stops))
    ordered = sorted(found, key=lambda t: t[0])
    return [(target, bases, stops) for _, target, bases, stops in ordered]


def _include(
    target: str, bases: list[Path], name: str, number: int, state: _State, stops: bool = True
) -> list[Line]:
    if "#" in target or not target or state.scope.names_exhausted:
        return []  # a macro argument inside \newcommand, not a file; or past the cap
    if "\\" in target:
        # ``\foreach \i in {1,2} {\edef\vfile{Bab/bab\i} \include{\vfile}}``: the
        # file is one a macro names, unknown until TeX runs; what it cites is unread,
        # so no entry can be said uncited (nor the file said missing).
        message = (
            f"included file named by a macro ('{target}') the audit does not expand: "
            "its text is unread"
        )
        state.problems.append(InputProblem(name, number, message, unreadable=True))
        return []
    if state.capped_at is not None:
        state.capped_more += 1
        return []
    names = [target] if target.endswith(".tex") else [target + ".tex", target]
    found = state.scope.locate(
        "included file", target, [base / candidate for base in bases for candidate in names]
    )
    if found is None:
        return []  # past the scope's cap on named files, which was said once
    if isinstance(found, str):
        if found.endswith(" not found") and _from_distribution(target):
            return []  # TeX reads the installation's copy; it cites nothing
        if stops:  # LaTeX stops here: what the rest cites is unknown to BibTeX too
            message = f"{found}; LaTeX stops at this \\input, its text is unread"
        else:
            message = f"{found}; LaTeX leaves it out (\\include), and so does the audit"
        state.problems.append(InputProblem(name, number, message, unreadable=stops))
        return []
    candidate = found
    if state.resolve(candidate) in state.stack:
        state.problems.append(
            InputProblem(
                name,
                number,
                f"'{shown_name(target)}' includes itself (circular \\input); skipped",
            )
        )
        return []
    if len(state.stack) >= _MAX_DEPTH:
        state.problems.append(
            InputProblem(name, number, f"'{shown_name(target)}' nested too deeply; skipped")
        )
        return []
    return _splice(found, target, name, number, state)


def _splice(candidate: Path, target: str, name: str, number: int, state: _State) -> list[Line]:
    """The lines of a located file, read within the audit's one splice budget."""
    display = _display_name(candidate, state)
    if not state.scope.may_fit(_byte_size(candidate)):  # never read a file that cannot fit
        return _cap(state, name, number, target)
    try:
        texts, problems = decode_text(candidate, display)
    except InputError as exc:
        state.problems.append(
            InputProblem(name, number, f"'{shown_name(target)}' not read: {exc.detail}")
        )
        return []
    if state.line_count + len(texts) > MAX_LINES:  # lines, as one file is held to them
        spent = f"the manuscript would pass {MAX_LINES:,} lines with it"
        return _cap(state, name, number, target, spent)
    size = sum(len(t) + 1 for t in texts)
    if not state.scope.take_splice(size):  # one budget for every file of the audit
        return _cap(state, name, number, target)
    state.problems.extend(problems)
    return _expand(candidate, display, texts, state, top=False)


def _byte_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0  # reading it says what is wrong


def _cap(
    state: _State, name: str, number: int, target: str, spent: str | None = None
) -> list[Line]:
    """The one problem for the splice budget; later inclusions are only counted."""
    state.capped_at = len(state.problems)
    spent = spent if spent is not None else state.scope.splice_budget_spent()
    state.problems.append(
        InputProblem(
            name,
            number,
            f"'{shown_name(target)}' not spliced in: {spent}; "
            "the text from here on is audited without its inclusions",
        )
    )
    return []


def _close_cap_problem(state: _State) -> None:
    """One problem for the cap, saying how many inclusions it cost, not one per inclusion."""
    if state.capped_at is None or not state.capped_more:
        return
    first = state.problems[state.capped_at]
    state.problems[state.capped_at] = InputProblem(
        first.file,
        first.line,
        f"{first.message} ({state.capped_more} later inclusions skipped too)",
    )


def _display_name(path: Path, state: _State) -> str:
    """Included files are named relative to the main file's folder when they lie inside it."""
    try:
        return str(state.main_dir / state.resolve(path).relative_to(state.resolve(state.main_dir)))
    except ValueError:
        return str(path)


# Options hold no "[": a scan for their "]" stops at the next one. With "anything but
# ']'", each "\usepackage[" of a line of them scanned to the line's end and back
# (quadratic: 192 KB took 17 s of an audit).
_LOADS = re.compile(
    r"\\(documentclass|usepackage|RequirePackage|LoadClass)\s*(?:\[[^\][]*\]\s*)?\{([^{}]*)\}"
)
_MAX_LOCAL_CLASS_LINES = 5_000


_OPEN_OPTIONS = re.compile(r"\\(?:documentclass|usepackage|RequirePackage|LoadClass)\s*\[[^\][]*$")
_MAX_OPTION_LINES = 60


def _with_option_lines(lines: list[Line]) -> list[Line]:
    """`lines`, with a loading command whose options run over several lines joined into
    one (comments dropped): the MastersDoctoralThesis template writes
    ``\\documentclass[`` and one option a line, each with its comment, and the class it
    names was never looked for -- its ``\\addbibresource`` unread, every citation
    'with no reference list' (REAL_MANUSCRIPTS_8, class ML)."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if "[" not in line.text or not _OPEN_OPTIONS.search(line.text.split("%")[0]):
            out.append(line)
            k += 1
            continue
        parts = [line.text.split("%")[0]]
        j = k + 1
        while j < len(lines) and j - k <= _MAX_OPTION_LINES and "]" not in parts[-1]:
            parts.append(lines[j].text.split("%")[0])
            j += 1
        out.append(Line(line.file, line.number, " ".join(p.strip() for p in parts)))
        k = j
    return out


def _local_class_lines(lines: list[Line], state: _State) -> list[Line]:
    """The lines of the project's own class and package files (``\\documentclass{these}``
    with ``these.cls`` beside the manuscript), read only for the bibliography they name:
    a thesis class that loads biblatex and ``\\addbibresource{biblio.bib}`` left its
    277 citations with 'no reference list'. A name the distribution holds and the
    project does not is not looked for.

    Each file is looked for and read once, however often it is loaded: read again at
    every loading, a package of blank lines (which gathers no line toward the cap)
    loaded 2,000 times in one ``\\usepackage{big,big,...}`` held the reader past ten
    minutes, and an upload can load it millions of times."""
    found: list[Line] = []
    looked: set[str] = set()  # file names looked for already
    for line in _with_option_lines(lines):
        if "\\" not in line.text:
            continue
        for m in _LOADS.finditer(line.text):
            suffix = ".cls" if m.group(1) in ("documentclass", "LoadClass") else ".sty"
            for name in (n.strip() for n in m.group(2).split(",")):
                if not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
                    continue
                if name + suffix in looked:
                    continue
                looked.add(name + suffix)
                candidate = state.main_dir / (name + suffix)
                # Judged by the scope before it is looked at: `is_file` follows a link,
                # and a fork's ``probe.sty -> /home/runner/key`` drew on the audit's
                # budget of names only when the runner's file existed -- whether the
                # fork's .bib was read told it (rt34f).
                if len(found) >= _MAX_LOCAL_CLASS_LINES or not state.scope.admits(candidate):
                    continue
                if not candidate.is_file():
                    continue
                located = state.scope.locate("class or package file", name + suffix, [candidate])
                if not isinstance(located, Path):
                    continue
                shown = str(located)
                found.extend(Line(shown, i, t) for i, t in _class_lines(located, state.scope))
                del found[_MAX_LOCAL_CLASS_LINES:]
    own = [ln for ln in found if not ln.text.lstrip().startswith("%")]
    return [ln for ln in own if "{#" not in ln.text] + _class_bibliography_uses(own, lines)


def _class_lines(path: Path, scope: InputScope) -> tuple[tuple[int, str], ...]:
    """The non-blank lines (number, text) of a class or package file, at most
    `_MAX_LOCAL_CLASS_LINES`, read once per audit (kept on the scope's ledger): every
    chapter of a book loads the same class, and each read it again whole -- ten
    uploaded chapters loading a 5 MB ``big.sty`` decoded it ten times. A file that
    cannot be read as text (NUL bytes, gone) gives nothing: it made the whole
    manuscript loading it unreadable."""
    kept = scope.ledger.class_lines
    key = os.path.realpath(path)
    if key not in kept:
        try:
            texts, _ = decode_text(path)
        except InputError:
            texts = []
        numbered = ((i, t) for i, t in enumerate(texts, start=1) if t)
        kept[key] = tuple(itertools.islice(numbered, _MAX_LOCAL_CLASS_LINES))
    return kept[key]


# A class's command that takes the bibliography's name: "\newcommand\ZJUthesisbib[1]{"
# then, within its body, "\bibliography{#1}" (or \addbibresource); or its one braced
# argument after an optional one, "\newcommand{\ppgccbibliography}[2][]{" then
# "\bibliography{#2}" (a Brazilian graduate programme's class: survey 15, class MO).
# Bounded: linear.
_ONE_ARGUMENT_COMMAND = re.compile(
    r"\\(?:new|renew|provide)command\*?\s*\{?\\([A-Za-z@]{1,40})\}?\s*"
    r"(?:\[1\](?!\s*\[)|\[2\]\s*(?P<optional>\[[^\]\n]{0,80}\]))"
)
_NAMES_ITS_ARGUMENT = re.compile(
    r"\\(bibliography|addbibresource)\s*(?:\[[^\]]{0,80}\])?\{#(?P<k>[12])\}"
)
_BODY_REACH = 800


def _class_bibliography_uses(class_lines: list[Line], lines: list[Line]) -> list[Line]:
    """A ``\\bibliography{name}`` line for each use, in the manuscript, of a command the
    class defines to name the bibliography (``\\newcommand\\XYbib[1]{...\\bibliography{#1}}``
    and ``\\XYbib{lunwenbib}`` in the text): the class's own line names '#1.bib', no file,
    and the thesis's bibliography went unread (REAL_MANUSCRIPTS_8, class MP)."""
    text = "\n".join(ln.text for ln in class_lines)
    commands: dict[str, str] = {}
    for m in _ONE_ARGUMENT_COMMAND.finditer(text):
        body = _NAMES_ITS_ARGUMENT.search(text, m.end(), m.end() + _BODY_REACH)
        braced = "2" if m.group("optional") is not None else "1"  # the use's {name}
        if body is not None and body.group("k") == braced:
            commands.setdefault(m.group(1), body.group(1))
    if not commands:
        return []
    out: list[Line] = []
    for line in lines:
        if "\\" not in line.text:
            continue
        for m in _COMMAND_USE.finditer(line.text.split("%")[0]):
            if m.group(1) in commands:
                out.append(
                    Line(line.file, line.number, f"\\{commands[m.group(1)]}{{{m.group(2)}}}")
                )
    return out


# Any command with one braced argument; whether it is one of the class's is a look-up.
# A pattern of the class's names as alternatives tried each at every backslash of the
# manuscript (4,000 names: 17 us a backslash, a 20 MB upload minutes).
_COMMAND_USE = re.compile(r"\\([A-Za-z@]{1,40})(?![A-Za-z@])\s*\{([^{}#\\]{1,200})\}")


def _bibliography_files(lines: list[Line], state: _State) -> tuple[str, ...]:
    found: list[str] = []
    named: set[str] = set()
    for line in lines:
        if "\\" not in line.text:
            continue
        names: list[tuple[str, str]] = []
        for m in _BIBLIOGRAPHY.finditer(line.text):
            names.extend((n.strip(), ".bib") for n in m.group(1).split(",") if n.strip())
        for m in _BIBRESOURCE.finditer(line.text):
            if m.group(1).strip():
                names.append((m.group(1).strip(), ""))
        for bib_name, suffix in names:
            if state.scope.names_exhausted:
                break
            with_suffix = bib_name if not suffix or bib_name.endswith(suffix) else bib_name + suffix
            if with_suffix in named:
                continue  # one bibliography, however often it is named
            named.add(with_suffix)
            located = state.scope.locate(
                "bibliography file", with_suffix, [state.main_dir / with_suffix]
            )
            if located is None:
                break  # past the scope's cap on named files, which was said once
            if isinstance(located, str):
                if with_suffix.rsplit("/", 1)[-1].lower() in _DISTRIBUTION_BIBS:
                    continue  # BibTeX reads the installation's copy: macros, no entries
                state.problems.append(
                    InputProblem(line.file, line.number, located, unreadable=True)
                )
            elif str(located) not in found:
                found.append(str(located))
    return tuple(found)


def _compiled_list(path: Path, lines: list[Line], state: _State, unfound: int) -> list[Line]:
    """The list BibTeX or biblatex wrote (``main.bbl`` beside ``main.tex``) when no
    bibliography file the manuscript names is here: arXiv's sources, and many a
    submission, ship the .bbl and not the .bib. Without it every citation would go
    unchecked; with it a citation the list lacks is still found. The .bbl holds only
    the entries the text cites, so the problems that named the absent files stay, as
    warnings that say so (`unfound`: where those problems start)."""
    if any(_BEGIN_BIBLIOGRAPHY.search(line.text) for line in lines):
        return []  # a list typed into the text is the list LaTeX prints
    target = path.stem + ".bbl"
    found = state.scope.locate("compiled bibliography", target, [path.parent / target])
    if not isinstance(found, Path):
        return []  # none either: the named files' own problems stand
    first = state.problems[unfound]
    spliced = _splice(found, target, first.file, first.line or 0, state)
    spliced = biblatex_as_bibitems(spliced)
    if not any(_BEGIN_BIBLIOGRAPHY.search(line.text) for line in spliced):
        return []
    read_instead = (
        f"; the compiled list '{shown_name(target)}' was read instead: it holds "
        "only the entries LaTeX printed, so entries of the .bib never cited cannot be found"
    )
    state.problems[unfound:] = [
        InputProblem(p.file, p.line, p.message + read_instead) if p.unreadable else p
        for p in state.problems[unfound:]
    ]
    return spliced


def bibitem_key(raw: str) -> tuple[str, str] | None:
    """The key of a ``\\bibitem`` and the text after it; None when `raw` has none."""
    item = BIBITEM.search(raw)
    if item is None or not item.group(1).strip():
        return None
    return item.group(1).strip(), raw[item.end() :]


def _bibitems(lines: list[Line]) -> list[RawEntry]:
    """Each ``\\bibitem`` of a thebibliography environment, key kept in `raw`."""
    pieces: list[tuple[Line, int, int]] = []  # (line, start, end) text slices in order
    starts: list[int] = []  # indexes into pieces where an item starts
    for k, line in enumerate(lines):
        text = line.text
        lo = 0
        if k == 0:
            begin = _BEGIN_BIBLIOGRAPHY.search(text)
            lo = begin.end() if begin else 0
        end_match = _END_BIBLIOGRAPHY.search(text)
        hi = end_match.start() if end_match else len(text)
        # where each item starts: its label may go on past the line ("[Coutts et~al.
        # (2013)Coutts, Tapper, and\n Loughnan]{coutts2013}", as natbib's .bbl breaks it)
        cuts = {m.start() for m in _BIBITEM_START.finditer(text, lo, hi)}
        edges = sorted({lo, *cuts, hi})
        for a, b in itertools.pairwise(edges):
            if a in cuts:
                starts.append(len(pieces))
            pieces.append((line, a, b))
    entries: list[RawEntry] = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(pieces)
        chunk = pieces[first:last]
        raw = "\n".join(ln.text[a:b].rstrip() for ln, a, b in chunk).strip()
        item = BIBITEM.match(raw)
        content = raw[item.end() :] if item else raw
        line = chunk[0][0]
        location = Location(line.file, line.number, chunk[0][1] + 1)
        entries.append(RawEntry(text=strip_latex(content), location=location, raw=raw))
    return entries
