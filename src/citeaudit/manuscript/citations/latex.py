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
parameter (``#1``) is never a key, as BibTeX never sees one. What the defined macro
cites when *used* (``\\citen{smith2019}``) is read like any ``\\cite``.

Linear on hostile input: each definition is skipped by one forward scan of its
braces, definitions inside a skipped span are not scanned again, and each Citation
quotes a bounded part of its command (8,000 keys in one ``\\cite{}`` are 8,000
citations, not 8,000 copies of the command).
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, SpanIndex, shown
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind

_COMMAND = re.compile(r"\\(?P<name>[A-Za-z]*[cC]ite[A-Za-z]*)(?P<star>\*?)")
# Commands with "cite" in their name that take no keys.
_NOT_CITATIONS = frozenset(
    {"citetext", "citestyle", "citeindextrue", "citeindexfalse", "citeindextype", "citename"}
)
_OPTIONAL = re.compile(r"\s*\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]")
_GLOBAL = re.compile(r"\s*\([^()]*\)")
_KEYS = re.compile(r"\s*\{(?P<keys>[^{}]*)\}")
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|[gex]?def|let|"
    r"(?:New|Renew|Provide|Declare)DocumentCommand|(?:new|renew|provide)robustcmd|"
    r"DeclareCiteCommand|DeclareMultiCiteCommand|(?:re)?newenvironment|"
    r"(?:New|Renew|Provide|Declare)DocumentEnvironment|NewCommandCopy)(?![A-Za-z])"
)
_DEFINED_NAME = re.compile(r"\*?\s*(?:\\[A-Za-z@]+|\\.)?")
_PARAMETER_TEXT = re.compile(r"[^{}\\%\n]*")  # \def\x#1#2{...}, \let\a=\b
_GROUP_START = re.compile(r"\s*[\[{]")
_SCAN = re.compile(r"[{}\\\]]")


class LatexExtractor(CitationExtractor):
    syntax: ClassVar[str] = "latex"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> list[Marker]:
        text = document.text
        definitions = _definitions(text)
        found: list[Marker] = []
        for m in _COMMAND.finditer(text):
            name = m.group("name")
            if name.casefold() in _NOT_CITATIONS or definitions.covers(m.start()):
                continue
            multicite = name.endswith("cites")
            keys, end = _arguments(text, m.end(), multicite)
            keys = [key for key in keys if "#" not in key]
            if not keys:
                continue
            start = m.start()
            marker_text = shown(text[start:end])
            location = document.location_at(start)
            command = name + m.group("star")
            citations = tuple(
                Citation(
                    id="",
                    text=marker_text,
                    location=location,
                    kind=CitationKind.KEY,
                    item=key,
                    key=key,
                    command=command,
                    narrative=name.casefold() in ("citet", "textcite", "textcites", "citeauthor"),
                )
                for key in keys
            )
            found.append(Marker(start, end, citations))
        return found


def _arguments(text: str, pos: int, multicite: bool) -> tuple[list[str], int]:
    keys: list[str] = []
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
        if not multicite:
            break
    return keys, pos


def _definitions(text: str) -> SpanIndex:
    """The spans of macro definitions: the defined name and every argument after it."""
    spans = SpanIndex()
    end = 0
    for m in _DEFINITION.finditer(text):
        if m.start() < end:
            continue  # inside a definition already skipped
        pos = _DEFINED_NAME.match(text, m.end()).end()  # type: ignore[union-attr]
        pos = _PARAMETER_TEXT.match(text, pos).end()  # type: ignore[union-attr]
        while (start := _GROUP_START.match(text, pos)) is not None:
            pos = _group_end(text, start.end() - 1)
        end = pos
        spans.add(m.start(), end)
    return spans


def _group_end(text: str, pos: int) -> int:
    """The offset after the ``{...}`` or ``[...]`` group opening at `pos`.

    Braces nest and a backslash escapes the next character; a bracket group ends at
    the first ``]`` outside braces. An unclosed group runs to the end of the text, as
    it does for TeX (a runaway argument): one forward scan, never repeated.
    """
    closing = "}" if text[pos] == "{" else "]"
    depth = 0
    i = pos + 1 if closing == "]" else pos
    while (m := _SCAN.search(text, i)) is not None:
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
    return len(text)
