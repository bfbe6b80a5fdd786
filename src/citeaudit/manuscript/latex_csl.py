"""Reference lists Pandoc's citeproc writes into LaTeX: the ``CSLReferences`` environment.

A paper written in Markdown and rendered to LaTeX by Pandoc (``--citeproc``) carries its
list already formatted, one entry after the other, each opened by the anchor its
citations link to::

    \\begin{CSLReferences}{1}{0}
    \\leavevmode\\vadjust pre{\\hypertarget{ref-lee2001}{}}%
    Lee, Ann. 2001. {``A Title.''} \\emph{Journal} 3: 4--5.
    \\end{CSLReferences}

(older Pandoc: ``\\leavevmode\\hypertarget{ref-lee2001}{}%``; Pandoc 3.1.8 and later:
``\\bibitem[\\citeproctext]{ref-lee2001}``; numbered styles add
``\\CSLLeftMargin{3. }\\CSLRightInline{...}``). The anchors are where entries start -- an
entry's text wraps over several lines and holds blank-looking breaks, so cutting it as
plain prose split 9 entries into 27. Without anchors, each ``\\CSLLeftMargin`` starts an
entry; without either, each paragraph (blank-line separated) is one.
"""

from __future__ import annotations

import re

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.markup import strip_latex
from citeaudit.model.location import Location

__all__ = ["BEGIN_CSL", "END_CSL", "csl_entries"]

BEGIN_CSL = re.compile(r"\\begin\s*\{CSLReferences\}(?:\s*\{[^{}]*\}){0,2}")
END_CSL = re.compile(r"\\end\s*\{CSLReferences\}")
# The anchor and the wrapping Pandoc puts around it; linear: each part matches distinct text.
# Pandoc 3.1.8 and later open each entry with ``\\bibitem[\\citeproctext]{ref-KEY}``.
_ANCHOR = re.compile(
    r"(?:(?:\\leavevmode\s*)?(?:\\vadjust\s*pre\s*\{\s*)?\\hypertarget\s*\{ref-[^{}]*\}\s*\{\}\}?"
    r"|\\bibitem\s*\[\s*\\citeproctext\s*\]\s*\{ref-[^{}]*\})%?"
)
_MARGIN = re.compile(r"\\CSLLeftMargin\s*\{")


def csl_entries(lines: list[Line]) -> list[RawEntry]:
    """The entries of a CSLReferences environment; `lines` run from its ``\\begin`` line
    to its ``\\end`` line (both included)."""
    pieces: list[tuple[Line, str]] = []
    for k, line in enumerate(lines):
        text = line.text
        if k == 0:
            begin = BEGIN_CSL.search(text)
            text = text[begin.end() :] if begin else text
        end = END_CSL.search(text)
        pieces.append((line, text[: end.start()] if end else text))
    anchored = any(_ANCHOR.search(t) for _, t in pieces)
    margined = not anchored and any(_MARGIN.search(t) for _, t in pieces)
    groups: list[list[tuple[Line, str]]] = []
    for line, text in pieces:
        if anchored or margined:
            starts = _ANCHOR.search(text) if anchored else _MARGIN.search(text)
            if starts is not None or not groups:
                groups.append([])
        elif not text.strip():
            groups.append([])
            continue
        elif not groups:
            groups.append([])
        groups[-1].append((line, text))
    entries: list[RawEntry] = []
    for group in groups:
        raw = "\n".join(text.rstrip() for _, text in group).strip()
        content = _ANCHOR.sub("", raw)
        shown = strip_latex(content).strip()
        if not shown:
            continue
        first = next((ln for ln, text in group if text.strip()), group[0][0])
        entries.append(RawEntry(text=shown, location=Location(first.file, first.number), raw=raw))
    return entries
