"""LaTeX citation commands: the natbib and biblatex ``\\cite`` family.

Handles optional ``[pre][post]`` arguments, a star, several comma-separated keys,
biblatex multicites (``\\cites[p.~3]{a}{b}``, with their ``(pre)(post)`` global
arguments) and whitespace or line breaks between the parts. ``\\nocite{*}`` becomes
one Citation whose key is ``*``: the matcher treats it as citing every entry, so the
uncited-entry rule honours it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker
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


class LatexExtractor(CitationExtractor):
    syntax: ClassVar[str] = "latex"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> list[Marker]:
        text = document.text
        found: list[Marker] = []
        for m in _COMMAND.finditer(text):
            name = m.group("name")
            if name.casefold() in _NOT_CITATIONS:
                continue
            multicite = name.endswith("cites")
            keys, end = _arguments(text, m.end(), multicite)
            if not keys:
                continue
            start = m.start()
            marker_text = text[start:end]
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
