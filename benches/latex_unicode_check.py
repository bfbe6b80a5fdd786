"""The Unicode of every field of real bibliographies, from the fast LaTeX converter
and from pylatexenc given the whole value (the old converter), side by side.

`latex_text.latex_to_unicode` converts most markup by a table-driven scan and gives
pylatexenc only the pieces the tables do not cover (issue 15: one full pylatexenc
parse per field made a LaTeX-heavy bibliography read at ~400 entries/s). Its
promise is the same text as pylatexenc's for the whole value, with pylatexenc given
the same definitions (logos written out, ``\\texttt`` keeping its text, ``\\par``).
This bench checks that promise on every value `parse_bibtex` converts -- titles,
journals, names and name parts, years, notes, abstracts, after ``@string``
expansion -- of the real bibliographies in benches/REAL_BIBLIOGRAPHIES.md, and prints
each difference, classed:

- ``bare %`` / ``bare &``: documented on purpose -- a bare ``%`` or ``&`` in a value
  is kept as written (pylatexenc reads ``%`` as a comment, dropping the rest of the
  line, and ``&`` as a table column);
- ``long``: a value over `MAX_FULL_DECODE` characters, stripped of its markup by both
  (bounded time on hostile input), so not compared;
- anything else is a difference to judge (and fix, or document).

Run by hand (slow: pylatexenc parses every distinct value whole):

    .venv/bin/python benches/latex_unicode_check.py [--real tugboat ...] [--bib F.bib]
        [--show 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from offline import REAL, real_bib

import citeaudit.bibliography.bibtex as bibtex
from citeaudit.bibliography import latex_text


def values_converted(text: str, source: str) -> list[str]:
    """Every distinct value `parse_bibtex` gives the LaTeX converter, in order."""
    seen: dict[str, None] = {}
    real: Callable[[str], str] = bibtex.latex_to_unicode

    def recording(value: str) -> str:
        seen.setdefault(value, None)
        return real(value)

    bibtex.latex_to_unicode = recording  # type: ignore[assignment]
    try:
        bibtex.parse_bibtex(text, source)
    finally:
        bibtex.latex_to_unicode = real
    return list(seen)


def old_converter(value: str) -> str:
    """pylatexenc on the whole value (with the module's definitions), tidied."""
    return latex_text._tidy(latex_text.pylatexenc_text(value))


def kind_of(value: str) -> str:
    if len(value) > latex_text.MAX_FULL_DECODE:
        return "long"
    if "%" in value.replace("\\%", ""):
        return "bare %"
    if "&" in value.replace("\\&", ""):
        return "bare &"
    return "other"


def check(name: str, text: str, show: int) -> Counter[str]:
    started = time.perf_counter()
    values = values_converted(text, f"{name}.bib")
    latex_text._CACHE.clear()
    latex_text._SEGMENTS.clear()
    marked = [v for v in values if latex_text._MARKUP.search(v)]
    differences: Counter[str] = Counter()
    shown = 0
    new_cpu = old_cpu = 0.0
    for value in marked:
        clock = time.process_time()
        new = latex_text.latex_to_unicode(value)
        new_cpu += time.process_time() - clock
        kind = kind_of(value)
        if kind == "long":
            differences["long (not compared)"] += 1
            continue
        clock = time.process_time()
        old = old_converter(value)
        old_cpu += time.process_time() - clock
        if new == old:
            continue
        differences[kind] += 1
        if kind == "other" and shown < show:
            shown += 1
            print(f"  {name}: {value!r}\n    new: {new!r}\n    old: {old!r}")
    print(
        f"{name}: {len(values):,} distinct values converted, {len(marked):,} with markup; "
        f"differences: {dict(differences) or 'none'} ({time.perf_counter() - started:.0f} s)"
    )
    # Each distinct value once, caches emptied first: the converters' own cost.
    print(f"  CPU on the values with markup: {new_cpu:.2f} s now, {old_cpu:.2f} s pylatexenc whole")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real", action="append", choices=sorted(REAL), default=[])
    parser.add_argument("--bib", action="append", type=Path, default=[])
    parser.add_argument("--show", type=int, default=20, help="differences printed per file")
    args = parser.parse_args()
    names = args.real or ([] if args.bib else sorted(REAL))
    total: Counter[str] = Counter()
    for name in names:
        total += check(name, real_bib(name), args.show)
    for path in args.bib:
        total += check(path.name, path.read_text(encoding="utf-8", errors="replace"), args.show)
    print(f"all: {dict(total) or 'no differences'}")
    return 1 if total["other"] else 0


if __name__ == "__main__":
    sys.exit(main())
