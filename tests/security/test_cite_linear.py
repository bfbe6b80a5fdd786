"""Citation extraction stays linear and bounded on hostile shapes.

Each input is built here, a unit repeated to a base size and to 8 times it. No clock:
the work is counted (calls, characters the regex engine was given; see
tests/security/counted_work.py), so a quadratic class coming back fails on any
machine and a loaded one fails nothing. Memory is bounded in bytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.manuscript.citations import LatexExtractor, NumericExtractor, PandocExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location
from tests.security.counted_work import Case, assert_linear


def one_line(text: str, fmt: str = "markdown", entries: int = 0) -> Document:
    refs = tuple(
        RawEntry(f"{k}. Ref {k}.", Location("p", 10 + k), f"{k}. Ref {k}.")
        for k in range(1, entries + 1)
    )
    return Document("p", fmt, (Line("p", 1, text),), reference_entries=refs)


def peak(action: Callable[[], object]) -> int:
    """Peak bytes allocated by `action` (timed apart: tracing slows Python down)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_cite_with_8000_keys_is_linear_in_memory_and_report(tmp_path: Path) -> None:
    """Was 1.9 GB and a 750 MB JSON report: each finding quoted the whole command."""
    keys = ",".join(f"key{i}" for i in range(8000))
    tex = tmp_path / "paper.tex"
    tex.write_text(
        "\\documentclass{article}\\begin{document}\n"
        f"Text \\cite{{{keys}}}.\n\\bibliography{{refs}}\\end{{document}}\n",
        encoding="utf-8",
    )
    (tmp_path / "refs.bib").write_text(
        "@article{key1, author={Made, Up}, title={T}, journal={J}, year={2000}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    child = (
        "import resource, sys\n"
        "from citeaudit.cli import main\n"
        f"args = ['check', {str(tex)!r}, '--offline', '--format', 'json', '-o', {str(out)!r}]\n"
        "main(args)\n"
        # VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's high-water mark
        # across exec, so a large pytest process made this child look large.
        "import re\n"
        "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=300, check=False
    )
    assert "Traceback" not in done.stderr
    peak_kib = int(done.stdout.split()[-1])
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert sum(1 for f in findings if f["rule"] == "missing-reference") == 7999
    assert out.stat().st_size < 20_000_000
    assert peak_kib < 400_000


def _latex(text: str) -> object:
    return list(LatexExtractor().markers(one_line(text, "latex")))


def _pandoc(text: str) -> object:
    return list(PandocExtractor().markers(one_line(text)))


def _numeric(document: Document) -> object:
    return NumericExtractor().markers(document)


def _numeric_document(text: str) -> Document:
    return one_line(text, entries=300)


# name -> (unit repeated `n` times, with what goes before and after it)
LATEX = {
    "cite with many keys": ("\\cite{", "k,", "}"),
    "unclosed cites": ("", "\\cite{", ""),
    "unclosed optionals": ("", "\\cite[", ""),
    "optionals without keys": ("", "\\citep[a][b]", ""),
    "unclosed definitions": ("", "\\newcommand{", "\\cite{a}"),
    "definitions": ("", "\\newcommand{\\x}{\\cite{#1}}", ""),
    "defs with parameters": ("", "\\def\\x#1#2", ""),
    "escaped braces": ("\\newcommand{\\x}{", "\\{", ""),
    "multicite": ("\\cites", "[p][q]{a}", ""),
}
PANDOC = {
    "bracket of at signs, unclosed": ("[", "@", ""),
    "bracket of keys, unclosed": ("[", "@a; ", ""),
    "many brackets": ("", "[@a] ", ""),
    "code spans and keys": ("", "`x` @key ", ""),
    "braced keys": ("", "{@", ""),
}
NUMERIC = {
    "bracketed list, unclosed": ("[", "1, ", ""),
    "bracketed ranges": ("", "[1-100, ", "]"),
    "round brackets": ("", "word (1) ", ""),
    "round lists, unclosed": ("(", "1,2;", ""),
    "enumeration look-alikes": ("", "to (1) do, (2) go ", ""),
    "equation look-alikes": ("", "x = y (1) ", ""),
    "glued digits": ("", "word1,2 ", ""),
    "digit run": ("abc", "1,", ""),
    "superscript markup": ("", "word<sup>1</sup> ", ""),
    "carets": ("", "^1", ""),
    "unicode superscripts": ("", "word¹,²⁻³ ", ""),
    "superscript digit run": ("x", "¹,", ""),
    "code spans": ("", "`a` [1] ", ""),
    "mixed prose": ("", "Rates rose (1,2) and fell.3 Also x = y (3) and <sup>4</sup> [5] ", ""),
}


def _flood(shape: tuple[str, str, str]) -> Callable[[int], str]:
    head, unit, tail = shape
    return lambda n: head + unit * (n // len(unit) + 1) + tail


def _numeric_flood(shape: tuple[str, str, str]) -> Callable[[int], Document]:
    text = _flood(shape)
    return lambda n: _numeric_document(text(n))


CASES = {
    **{f"latex: {k}": Case(_flood(v), _latex, 2_000) for k, v in LATEX.items()},
    **{f"pandoc: {k}": Case(_flood(v), _pandoc, 2_000) for k, v in PANDOC.items()},
    **{f"numeric: {k}": Case(_numeric_flood(v), _numeric, 2_000) for k, v in NUMERIC.items()},
}


@pytest.mark.parametrize("name", CASES)
def test_extraction_work_grows_linearly(name: str) -> None:
    """Counted work at 8x the characters grows at most 16x (quadratic would be 64x)."""
    assert_linear(__name__, name)


@pytest.mark.parametrize("shape", NUMERIC)
def test_numeric_memory_is_bounded(shape: str) -> None:
    document = _numeric_document(_flood(NUMERIC[shape])(40_000))
    assert peak(lambda: NumericExtractor().markers(document)) < 300_000_000, shape
