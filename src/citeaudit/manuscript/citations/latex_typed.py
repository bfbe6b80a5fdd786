"""Numbers typed in a LaTeX text that cites a typed list: "[1, гл.~II, \\S 4]".

A student's LaTeX thesis often has no ``\\cite`` and no ``thebibliography``: the list
is typed (an ``enumerate`` under "Список литературы", "References") and the text
types its numbers, "[1]", "[1, теорема 2б, глава IV, с.~188]". Only ``\\cite`` keys
were read in LaTeX, so every entry was "never cited" (and the summary said no
citation style was recognised).

When the body holds no citation command at all and the document's list was read from
the text (no ``.bib``), the numeric reader reads the body, with LaTeX's tie ``~``
seen as the blank it prints, ``\\S`` as " §" and inline mathematics blanked (an
interval "$[0, 1]$" is no citation; each one for one, so columns stay where they
are). A text citing by ``\\cite`` is left to the keys: its typed brackets are
options and arguments.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from citeaudit.manuscript.citations.numeric import NumericExtractor, NumericMarker
from citeaudit.manuscript.document import Document

# a citation command of any package: \cite, \citep, \parencite, \footcite, \nocite ...
_CITE_COMMAND = re.compile(r"\\[A-Za-z]{0,20}cite")  # bounded: never backtracks far
_PRINTED = str.maketrans({"~": " "})
_SECTION_SIGN = re.compile(r"\\S(?![A-Za-z])")
# inline mathematics on one line, "$x \in [0, 1]$", "\(a_{[2,3]}\)": an interval is no
# citation (blanked, column for column)
_INLINE_MATH = re.compile(r"\$[^$\n]{1,400}+\$|\\\((?:[^\\\n]|\\(?!\))){0,400}+\\\)")


class LatexTypedNumbers:
    """A marker source for `citeaudit.manuscript.citations.extractors_for`."""

    def markers(self, document: Document) -> Iterator[NumericMarker]:
        if document.format != "latex" or document.bibliography_files:
            return
        if not document.reference_entries or _CITE_COMMAND.search(document.text):
            return
        body = _body_start(document)
        lines = tuple(
            dataclasses.replace(line, text=_printed(line.text) if k >= body else "")
            for k, line in enumerate(document.lines)
        )
        yield from NumericExtractor().markers(dataclasses.replace(document, lines=lines))


def _printed(text: str) -> str:
    text = _INLINE_MATH.sub(lambda m: " " * len(m.group()), text)
    return _SECTION_SIGN.sub(" §", text.translate(_PRINTED))


def _body_start(document: Document) -> int:
    """The index of the line that opens the document's body (``\\begin{document}``),
    0 when there is none (a chapter file). The preamble prints nothing: its
    ``\\newcommand{\\code}[1]{...}`` was read as the citation [1], so entry 1 of a
    paper citing none was 'cited' (REAL_MANUSCRIPTS_9, class NC)."""
    for k, line in enumerate(document.lines):
        if "\\begin{document}" in line.text:
            return k
    return 0
