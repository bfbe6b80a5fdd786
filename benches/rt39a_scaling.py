"""rt39a: hostile uploads that freeze a reader, 1x/10x/100x, each a whole offline audit.

Each shape size is an offline audit + JSON report in a child with a CPU limit
(benches/shape_children.py): read the cpu and peak MB columns.

Class 1 (rt39a-1): an inline listing's options read to the line's end. The LaTeX reader
tries `latex._VERB` at every backslash; its option group read from each
``\\lstinline[`` (``\\mintinline[``) to the line's end for a ``]``, so a line of them
was quadratic. Options are now read to 256 characters. Before -> after, CPU s of
the audit child (100x not run before: ~1,000 s and ~2,000 s by the quadratic):

    tex-lstinline-open  (22 KB / 220 KB / 2.2 MB)   0.25 / 9.75 / -   ->  0.08 / 0.12 / 0.61
    tex-mintinline-open (24 KB / 240 KB / 2.4 MB)   0.25 / 21.3 / -   ->  0.09 / 0.23 / 1.73

Class 2 (rt39a-2): a BibTeX value's ``\\url{`` read to the next ``}``. A quoted value's
braces need not balance, so in one of n unclosed ``\\url{`` each read to the value's
end (`bibtex._URL_MACRO`, over url, howpublished, note, addendum). The URL part now
stops at either brace. Before -> after, CPU s (100x not run before: ~1,500 s):

    bib-quoted-url-open (10 KB / 100 KB / 1 MB)     0.34 / 14.85 / -  ->  0.12 / 0.11 / 0.26

    nice .venv/bin/python benches/rt39a_scaling.py [--only NAME ...] [--scales 1 10 100]
    RT39A_SRC=/path/to/old/src nice .venv/bin/python benches/rt39a_scaling.py ...
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_BIB = "@article{a, author={Lund, Kari}, title={Read}, journal={J}, year={2011}}\n"


def _tex(body: str) -> Files:
    return {
        "paper.tex": "\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n"
        f"{body}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        "refs.bib": _BIB,
    }


def bib_quoted_url_open(n: int) -> Files:
    """A quoted note of n unclosed "\\url{" (a quoted value's braces need not balance)."""
    note = "\\url{" * n
    entry = f'@misc{{a, author={{Lund, Kari}}, title={{Read}}, note="{note}", year={{2011}}}}\n'
    return {"paper.md": "Text [@a].\n", "refs.bib": entry}


def tex_lstinline_open(n: int) -> Files:
    return _tex("\\lstinline[" * n)


def tex_mintinline_open(n: int) -> Files:
    return _tex("\\mintinline[" * n)


SHAPES = [
    Shape("tex-lstinline-open", tex_lstinline_open, 2000, "n x '\\lstinline[' on one line"),
    Shape("tex-mintinline-open", tex_mintinline_open, 2000, "n x '\\mintinline[' on a line"),
    Shape("bib-quoted-url-open", bib_quoted_url_open, 2000, "quoted note of n '\\url{'"),
]


if __name__ == "__main__":
    if os.environ.get("RT39A_SRC"):  # another tree's figures: the children import it first
        os.environ["PYTHONPATH"] = os.environ["RT39A_SRC"]
        sys.path.insert(0, os.environ["RT39A_SRC"])
    sys.exit(shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 10, 100]))
