"""Markdown manuscripts (also Pandoc Markdown and R Markdown / Quarto sources).

The body keeps its markup -- the citation extractors cope with ``(*ORG*, 2022)`` --
but what a reader never sees is blanked, line numbers kept: fenced code blocks, HTML
comments and the YAML front matter. A ``bibliography:`` field in the front matter
(Pandoc's way of naming .bib files) becomes `bibliography_files` -- each located
through the reader's `InputScope`, so an uploaded audit never reads
``bibliography: /etc/passwd``; one that is missing or refused is a problem on its line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.reading import InputProblem, decode_text

__all__ = ["MarkdownReader", "hide_non_text"]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_BIB_FIELD = re.compile(r"^bibliography\s*:\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(.+)$")


class MarkdownReader(ManuscriptReader):
    format: ClassVar[str] = "markdown"
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown", ".mdown")

    def __init__(self, scope: InputScope | None = None) -> None:
        self.scope = scope if scope is not None else InputScope()

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        texts, problems = decode_text(path)
        visible, bib_names = hide_non_text(texts)
        name = str(path)
        lines = [Line(name, number, text) for number, text in enumerate(visible, start=1)]
        bibs: list[str] = []
        for bib, number in bib_names:
            located = self.scope.locate("bibliography file", bib, [Path(path).parent / bib])
            if located is None:
                break  # past the scope's cap on named files, which was said once
            if isinstance(located, str):
                problems.append(InputProblem(name, number, located, unreadable=True))
            elif str(located) not in bibs:
                bibs.append(str(located))
        document = document_from_lines(name, self.format, lines, bibliography_files=tuple(bibs))
        return document, problems


def hide_non_text(texts: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """The lines with front matter, fenced code and HTML comments blanked; and the .bib
    names the front matter gives, each with its line number."""
    out = list(texts)
    bibs: list[tuple[str, int]] = []
    start = 0
    if out and out[0].strip() == "---":
        for j in range(1, len(out)):
            if _FRONT_MATTER_END.match(out[j]):
                bibs = _front_matter_bibliographies(out[1:j])
                for k in range(j + 1):
                    out[k] = ""
                start = j + 1
                break
    fence: str | None = None
    in_comment = False
    for i in range(start, len(out)):
        text = out[i]
        if fence is not None:
            out[i] = ""
            if text.strip().startswith(fence):
                fence = None
            continue
        if not in_comment:
            opening = _FENCE.match(text)
            if opening is not None:
                fence = opening.group(1)
                out[i] = ""
                continue
        out[i], in_comment = _blank_comments(text, in_comment)
    return out, bibs


def _blank_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    result: list[str] = []
    pos = 0
    while pos <= len(text):
        if in_comment:
            end = text.find("-->", pos)
            if end < 0:
                return "".join(result), True
            pos = end + 3
            in_comment = False
        else:
            begin = text.find("<!--", pos)
            if begin < 0:
                result.append(text[pos:])
                break
            result.append(text[pos:begin])
            pos = begin + 4
            in_comment = True
    return "".join(result), in_comment


def _front_matter_bibliographies(fields: list[str]) -> list[tuple[str, int]]:
    """Names from ``bibliography:`` (a value, a [list] or "- item" lines); `fields` start
    on line 2 of the file."""
    names: list[tuple[str, int]] = []
    for i, text in enumerate(fields):
        found = _BIB_FIELD.match(text)
        if found is None:
            continue
        value = found.group(1).strip()
        number = i + 2
        if value.startswith("[") and value.endswith("]"):
            names.extend(
                (v.strip().strip("'\""), number) for v in value[1:-1].split(",") if v.strip()
            )
        elif value:
            names.append((value.strip("'\""), number))
        else:
            for offset, item in enumerate(fields[i + 1 :], start=1):
                entry = _LIST_ITEM.match(item)
                if entry is None:
                    break
                names.append((entry.group(1).strip().strip("'\""), number + offset))
    return names
