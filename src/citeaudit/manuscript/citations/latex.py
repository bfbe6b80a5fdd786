"""LaTeX citation commands: the natbib and biblatex ``\\cite`` family.

Handles optional ``[pre][post]`` arguments, a star, several comma-separated keys,
biblatex multicites (``\\cites[p.~3]{a}{b}``, with their ``(pre)(post)`` global
arguments) and whitespace or line breaks between the parts. ``\\nocite{*}`` becomes
one Citation whose key is ``*``: the matcher treats it as citing every entry, so the
uncited-entry rule honours it.

Macro *definitions* are not citations: the body of ``\\newcommand{\\citen}[1]{\\cite{#1}}``,
``\\DeclareCiteCommand{\\citetitle}{...}``, ``\\def\\mycite#1{\\cite{#1}}`` and their kin
(``\\renewcommand``, ``\\providecommand``, ``\\NewDocumentCommand``, biblatex's
``\\DeclareMultiCiteCommand``, ...) is skipped whole, and a key holding a macro
parameter (``#1``) is never a key, as BibTeX never sees one. What a user macro cites
when *used* is what its expansion cites (`latex_macros`): ``\\rfc{2616}`` under
``\\newcommand{\\rfc}[1]{\\cite{rfc#1}}`` cites ``rfc2616``, located at the use. A
user macro whose name looks like a citation command is read through its definition
only: ``\\mycite{x}`` under ``\\newcommand{\\mycite}[1]{\\cite{ref:#1}}`` cites
``ref:x``, and under ``\\newcommand{\\citeurl}[1]{\\url{#1}}`` nothing.

Linear on hostile input: each definition is skipped by one forward scan of its
braces, definitions inside a skipped span are not scanned again, and each Citation
quotes a bounded part of its command (8,000 keys in one ``\\cite{}`` are 8,000
citations, not 8,000 copies of the command).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Collection, Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.latex_macros import Expansion, definition_spans, macro_citations
from citeaudit.manuscript.spans import SpanIndex
from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.location import Location

__all__ = ["LatexExtractor", "is_citation_command"]

_COMMAND = re.compile(
    r"\\(?P<name>[A-Za-z]*[cC]ite[A-Za-z]*|apud(?:online)?(?![A-Za-z]))(?P<star>\*?)"
)
# abnTeX2's ``\apud[p.~4]{original}{read-in}``: two key groups, both works cited (ABNT
# lists the original read through the other, and the other).
_APUD = frozenset({"apud", "apudonline"})
# Commands with "cite" in their name that take no keys.
_NOT_CITATIONS = frozenset(
    {"citetext", "citestyle", "citeindextrue", "citeindexfalse", "citeindextype", "citename"}
    # biblatex's hooks, whose argument is code run at each citation, never a key:
    # ``\AtEveryCitekey{\global\undef\cbx@lastyear}``
    | {"ateverycitekey", "atnextcitekey", "ateverycite", "atnextcite"}
    | {"ateverymulticite", "atnextmulticite"}
)
_OPTIONAL = re.compile(r"\s*\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]")
_GLOBAL = re.compile(r"\s*\([^()]*\)")
_KEYS = re.compile(r"\s*\{(?P<keys>[^{}]*)\}")
_NARRATIVE = frozenset({"citet", "textcite", "textcites", "citeauthor"})
_COMMAND_NAME = re.compile(r"[A-Za-z]*[cC]ite[A-Za-z]*")
# Characters read after a macro's use for the arguments of what it expands to
# (``\let\citeA\citeauthor`` then ``\citeA{smith}``).
_TAIL = 2_000


def is_citation_command(name: str) -> bool:
    """A command of the ``\\cite`` family that takes keys (by its name)."""
    return _COMMAND_NAME.fullmatch(name) is not None and name.casefold() not in _NOT_CITATIONS


class LatexExtractor(CitationExtractor):
    syntax: ClassVar[str] = "latex"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers in text order, yielded as found: never all held at once (a
        page of ``\\cite{a}`` is 200,000 of them, and the audit keeps its first
        `max_citations`). Citations that user macros expand to are merged in."""
        text = document.text
        if "\\" not in text:
            return iter(())
        definitions = definition_spans(text)
        macros = macro_citations(text, is_citation_command)
        written = _written(document, text, definitions, macros.defined)
        macro_markers = [
            marker
            for use in macros.expansions
            if (marker := _expanded_marker(document, text, use)) is not None
        ]
        if not macro_markers:
            return written
        macro_markers.sort(key=lambda marker: marker.start)
        return heapq.merge(written, macro_markers, key=lambda marker: marker.start)


def _written(
    document: Document, text: str, definitions: SpanIndex, user: Collection[str]
) -> Iterator[Marker]:
    """The markers of citation commands as written, in order."""
    for m in _COMMAND.finditer(text):
        name = m.group("name")
        if name.casefold() in _NOT_CITATIONS or definitions.covers(m.start()):
            continue
        if name in user:
            continue  # read through its definition (`macro_citations`)
        marker = _marker(document, text, m)
        if marker is not None:
            yield marker


def _marker(document: Document, text: str, m: re.Match[str]) -> Marker | None:
    """The citations of the command `m`."""
    name = m.group("name")
    keys, end = _arguments(text, m.end(), name.endswith("cites"), _groups(name))
    keys = [key for key in keys if "#" not in key]
    if not keys:
        return None
    start = m.start()
    marker_text = shown(text[start:end])
    location = document.location_at(start)
    command = name + m.group("star")
    citations = tuple(_key_citation(key, command, marker_text, location) for key in keys)
    return Marker(start, end, citations)


def _key_citation(key: str, command: str, marker_text: str, location: Location) -> Citation:
    """One key of a citation command, as written at `location` (narrative for
    ``\\citet``-like commands, whatever their star)."""
    return Citation(
        id="",
        text=marker_text,
        location=location,
        kind=CitationKind.KEY,
        item=key,
        key=key,
        command=command,
        narrative=command.rstrip("*").casefold() in _NARRATIVE,
    )


def _expanded_marker(document: Document, text: str, use: Expansion) -> Marker | None:
    """The citations a macro's use expands to, as one marker at the use, one citation
    a key (a macro that expands to itself, which TeX loops on for ever, stops at a cap
    with the same citation many times over). Arguments the expansion leaves to the
    text after the use are read from it, and the use's span then runs to their end."""
    expanded = use.text + text[use.end : use.end + _TAIL]
    first: dict[str, str] = {}  # key -> the command that cites it first
    span_end = use.end
    for m in _COMMAND.finditer(expanded, 0, len(use.text)):
        name = m.group("name")
        if not is_citation_command(name):
            continue
        # The search stops where the expansion does, so a star the text writes after
        # the use (``\let\cite\parencite`` then ``\cite*{key}``) is read here.
        star = m.group("star") or ("*" if expanded.startswith("*", m.end()) else "")
        after = m.end() + len(star) - len(m.group("star"))
        keys, end = _arguments(expanded, after, name.endswith("cites"))
        span_end = max(span_end, use.end + end - len(use.text))
        for key in keys:
            if "#" not in key:
                first.setdefault(key, name + star)
    if not first:
        return None
    marker_text = shown(document.text[use.start : span_end])
    location = document.location_at(use.start)
    citations = tuple(
        _key_citation(key, command, marker_text, location) for key, command in first.items()
    )
    return Marker(use.start, span_end, citations)


def _groups(name: str) -> int | None:
    """How many key groups the command takes: two for ``\\apud``, one for a ``\\cite``,
    any number (None) for biblatex's multicites."""
    if name in _APUD:
        return 2
    return None if name.endswith("cites") else 1


def _arguments(
    text: str, pos: int, multicite: bool, groups: int | None = None
) -> tuple[list[str], int]:
    keys: list[str] = []
    if groups is None and not multicite:
        groups = 1
    if multicite:
        for _ in range(2):
            g = _GLOBAL.match(text, pos)
            if not g:
                break
            pos = g.end()
    while True:
        after_optionals = pos
        for _ in range(2):
            o = _OPTIONAL.match(text, after_optionals)
            if not o:
                break
            after_optionals = o.end()
        k = _KEYS.match(text, after_optionals)
        if not k:
            break
        keys.extend(key.strip() for key in k.group("keys").split(",") if key.strip())
        pos = k.end()
        if groups is not None:
            groups -= 1
            if groups == 0:
                break
    return keys, pos
