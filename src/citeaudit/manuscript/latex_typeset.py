"""LaTeX whose citations a citation processor already typeset: its body is read as text.

Pandoc with ``--citeproc`` (and any author who types citations by hand) writes a .tex
whose list is printed (``CSLReferences``, ``thebibliography``) and whose citations are
plain text -- ``(Lee 2001; Kim and Roe 2002)``, or numbers in escaped brackets
``{[}3--5{]}`` -- with no ``\\cite`` command at all. Read for ``\\cite`` only, such a
paper had no citation and every entry was "never cited". When the body holds no
citation command, it is handed to the citation readers as the text LaTeX prints
(`strip_latex`: ``{[}3{]}`` is ``[3]``), line by line so every line keeps its file and
number; the preamble (before ``\\begin{document}``) prints nothing and is left out.

Pandoc's links from a citation to its entry, ``\\citeproc{ref-KEY}{Lee 2001}`` (Pandoc 3)
and ``\\protect\\hyperlink{ref-KEY}{Lee 2001}`` (older, with ``link-citations``), print
their second argument only; the target is dropped before stripping, or it would be
glued to the citation's text ("ref-KEYLee 2001").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.markup import strip_latex

__all__ = ["typeset_body"]

# Linear: a literal command name, then one brace group with no braces inside.
_LINK_TARGET = re.compile(r"\\(?:hyperlink|citeproc)\s*\{ref-[^{}]*\}")
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")


def typeset_body(path: str, lines: Sequence[Line]) -> tuple[Line, ...] | None:
    """`lines` as the text they print, or None when they cite with commands (``\\cite``
    and kin are then the citations, and the LaTeX reading of them stands)."""
    unlinked = tuple(
        Line(ln.file, ln.number, _LINK_TARGET.sub("", ln.text)) if "\\" in ln.text else ln
        for ln in lines
    )
    probe = Document(path=path, format="latex", lines=unlinked)
    if next(iter(LatexExtractor().markers(probe)), None) is not None:
        return None
    start = next((i for i, ln in enumerate(unlinked) if _BEGIN_DOCUMENT.search(ln.text)), -1)
    return tuple(
        Line(ln.file, ln.number, strip_latex(ln.text) if k > start else "")
        for k, ln in enumerate(unlinked)
    )
