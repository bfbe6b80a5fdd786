"""rt36z: hostile runs of link-like syntax with no blank, 1x, 4x, 16x (whole offline audits).

Each shape size is a whole offline audit in a child with a CPU limit
(benches/shape_children.py); read the cpu and peak MB columns. The shapes repeat one
short unit of a converter's link syntax (a numbered citation linked to its entry,
"[1](#b1)", and its spellings since the twenty-eighth round's converted-Markdown
fixes) with no blank and no closing bracket, so a pattern that opens at each unit and
reads to the next blank or ")" reads the rest of the run from every unit: quadratic.
Also the newer readers' shapes -- hard-broken lists, wrapped link labels, escaped
list labels, linked ranges -- grown the ordinary way, and other openers never closed.

Figures (CPU s of whole audits, 1x/4x/16x; 2 shared CPUs), before -> with rt36z-1
(numeric link targets stop at "["):

    md-linked-open        '[1](#'       0.30 / 3.16 / >20   ->  0.13 / 0.33 / 1.13
    md-double-linked-open '[[1]]('      0.18 / 0.94 / 10.6  ->  0.16 / 0.33 / 1.13
    md-bracket-linked-open '[[1](#'     0.40 / 3.96 / >20   ->  0.14 / 0.37 / 1.12
    md-plain-then-open    '[1]('        0.22 / 1.67 / >20   ->  0.13 / 0.31 / 0.85
    md-caret-open         '^[1](#'      0.13 / 0.97 / 15.7  ->  0.09 / 0.12 / 0.22
    md-sup-open           '<sup>[1](#'  0.16 / 2.19 / >20   ->  0.11 / ...  / 0.69

`citeaudit check` of "[1](#" x 64,000 (320 KB): ~45 minutes (extrapolated; x 4,000
took 11 s over start-up) -> 9.3 s. Every other shape here was linear before too.

    nice .venv/bin/python benches/rt36z_scaling.py [--only NAME ...] [--scales 1 4 16]
    RT36Z_SRC=/path/to/patched/src nice .venv/bin/python benches/rt36z_scaling.py ...
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_NUMBERED = (
    "\n\n# References\n\n"
    "1. Smith J. A work. J Chem. 2001;1:2.\n"
    "2. Lee K. Other work. J Bio. 2002;3:4.\n"
    "3. Roe P. Third work. J Phys. 2003;5:6.\n"
)


def _run(unit: str, listed: str = _NUMBERED) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        return {"paper.md": "Shown before [1] and [2] and [3].\n\nSee " + unit * n + listed}

    return build


def hard_broken_list(n: int) -> Files:
    entries = "".join(
        f"Author{i} A, Other B. A title of work {i}. J Chem. 20{i % 90 + 10}; 1: {i}  \n"
        f"wrapped words go on here. doi:10.1000/{i}\n"
        for i in range(n)
    )
    return {"paper.md": "Shown (Author1 2011).\n\n# References\n\n" + entries}


def escaped_labels(n: int) -> Files:
    entries = "".join(f"{i}\\. Author{i} A. Title {i}. J. 2001;{i}:1\n" for i in range(1, n))
    body = "Shown [1], [2] and [3].\n\n# References\n\n"
    return {"paper.md": body + entries}


def wrapped_link_labels(n: int) -> Files:
    return {"paper.md": "Text (Smith, 2020) " + "[Gao\n*et al.*, 2019\n" * n + "\n"}


def linked_ranges(n: int) -> Files:
    return _run("[1](#b1)-[3](#b3), ")(n)


def _tex(unit: str) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        body = "\\documentclass{article}\\begin{document}\nShown \\cite{a}.\n" + unit * n
        items = "\n\\begin{thebibliography}{9}\n\\bibitem{a} A. Smith. T. J, 2001.\n"
        return {"paper.tex": body + items + "\\end{thebibliography}\n\\end{document}\n"}

    return build


def _txt(unit: str) -> Callable[[int], Files]:
    def build(n: int) -> Files:
        return {"paper.txt": "Shown [1] and [2] and [3].\n\nSee " + unit * n + _NUMBERED}

    return build


SHAPES = [
    Shape("md-linked-open", _run("[1](#"), 500, "'[1](#' x 500n, one line"),
    Shape("md-double-linked-open", _run("[[1]]("), 500, "'[[1]](' x 500n, one line"),
    Shape("md-bracket-linked-open", _run("[[1](#"), 500, "'[[1](#' x 500n, one line"),
    Shape("md-plain-then-open", _run("[1]("), 500, "'[1](' x 500n, one line"),
    Shape("md-range-half", _run("[1](#a)-[2](#"), 300, "'[1](#a)-[2](#' x 300n"),
    Shape("md-escaped-range-half", _run("\\[[1](#a)\\]-\\[[2](#"), 300, "escaped halves"),
    Shape("md-link-open-label", _run("[a]("), 500, "'[a](' x 500n, one line"),
    Shape("md-caret-open", _run("^[1](#"), 500, "'^[1](#' x 500n"),
    Shape("md-sup-open", _run("<sup>[1](#"), 300, "'<sup>[1](#' x 300n"),
    Shape("md-rounds-linked", _run("([1](#a),"), 500, "'([1](#a),' x 500n"),
    Shape("md-linked-ranges", linked_ranges, 300, "closed linked ranges x 300n"),
    Shape("md-hard-broken-list", hard_broken_list, 100, "100n entries, '  ' breaks"),
    Shape("md-escaped-labels", escaped_labels, 100, "100n '12\\. Roe' entries"),
    Shape("md-wrapped-labels", wrapped_link_labels, 500, "'[Gao\\n*et al.*' x 500n"),
    # other openers never closed, no blank (held before rt36z too)
    Shape("md-image-linked-open", _run("![1](#"), 500, "'![1](#' x 500n"),
    Shape("md-html-anchor-open", _run('<a href="#b1">1'), 300, "'<a href=\"#b1\">1' x 300n"),
    Shape("md-angle-target-open", _run("[1](<"), 500, "'[1](<' x 500n"),
    Shape("md-title-open", _run('[1](#a"'), 500, "'[1](#a\"' x 500n"),
    Shape("md-ref-label-open", _run("[1]["), 500, "'[1][' x 500n"),
    Shape("md-sub-label-open", _run("[1a,b]("), 500, "'[1a,b](' x 500n"),
    Shape("md-pandoc-open", _run("[@a"), 500, "'[@a' x 500n"),
    Shape("md-footnote-open", _run("[^1"), 500, "'[^1' x 500n"),
    Shape("md-escaped-open", _run("\\[1\\](#"), 500, "'\\[1\\](#' x 500n"),
    Shape("txt-linked-open", _txt("[1](#"), 500, "'[1](#' x 500n in plain text"),
    Shape("tex-cite-open", _tex("\\cite{a"), 500, "'\\cite{a' x 500n"),
    Shape("tex-href-open", _tex("\\href{#"), 500, "'\\href{#' x 500n"),
]


if __name__ == "__main__":
    if os.environ.get("RT36Z_SRC"):  # a patched tree's figures: the children import it first
        os.environ["PYTHONPATH"] = os.environ["RT36Z_SRC"]
        sys.path.insert(0, os.environ["RT36Z_SRC"])
    sys.exit(shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16]))
