"""Citation extraction stays linear and bounded on hostile shapes.

Each input is built here. Caps are generous (seconds where the quadratic or
exponential version took minutes, or gigabytes): they catch a class coming back, not
a slow machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.manuscript.citations import LatexExtractor, NumericExtractor, PandocExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def one_line(text: str, fmt: str = "markdown", entries: int = 0) -> Document:
    refs = tuple(
        RawEntry(f"{k}. Ref {k}.", Location("p", 10 + k), f"{k}. Ref {k}.")
        for k in range(1, entries + 1)
    )
    return Document("p", fmt, (Line("p", 1, text),), reference_entries=refs)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


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
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=300, check=False
    )
    seconds = time.monotonic() - started
    assert "Traceback" not in done.stderr
    peak_kib = int(done.stdout.split()[-1])
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert sum(1 for f in findings if f["rule"] == "missing-reference") == 7999
    assert out.stat().st_size < 20_000_000
    assert peak_kib < 400_000
    assert seconds < 120


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cite with many keys", "\\cite{" + "k," * 20_000 + "}"),
        ("unclosed cites", "\\cite{" * 20_000),
        ("unclosed optionals", "\\cite[" * 20_000),
        ("optionals without keys", "\\citep[a][b]" * 10_000),
        ("unclosed definitions", "\\newcommand{" * 20_000 + "\\cite{a}"),
        ("definitions", "\\newcommand{\\x}{\\cite{#1}}" * 5_000),
        ("defs with parameters", "\\def\\x#1#2" * 10_000),
        ("escaped braces", "\\newcommand{\\x}{" + "\\{" * 50_000),
        ("multicite", "\\cites" + "[p][q]{a}" * 10_000),
    ],
)
def test_latex_shapes(name: str, text: str) -> None:
    seconds = timed(lambda: LatexExtractor().markers(one_line(text, "latex")))
    assert seconds < 5, name


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bracket of at signs, unclosed", "[" + "@" * 50_000),
        ("bracket of keys, unclosed", "[" + "@a; " * 10_000),
        ("many brackets", "[@a] " * 10_000),
        ("code spans and keys", "`x` @key " * 10_000),
        ("braced keys", "{@" * 30_000),
    ],
)
def test_pandoc_shapes(name: str, text: str) -> None:
    seconds = timed(lambda: PandocExtractor().markers(one_line(text)))
    assert seconds < 5, name


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bracketed list, unclosed", "[" + "1, " * 50_000),
        ("bracketed ranges", "[1-100, " * 20_000 + "]"),
        ("round brackets", "word (1) " * 10_000),
        ("round lists, unclosed", "(" + "1,2;" * 20_000),
        ("enumeration look-alikes", "to (1) do, (2) go " * 5_000),
        ("equation look-alikes", "x = y (1) " * 10_000),
        ("glued digits", "word1,2 " * 10_000),
        ("digit run", "abc" + "1," * 100_000),
        ("superscript markup", "word<sup>1</sup> " * 10_000),
        ("carets", "^1" * 100_000),
        ("unicode superscripts", "word¹,²⁻³ " * 10_000),
        ("superscript digit run", "x" + "¹," * 100_000),
        ("code spans", "`a` [1] " * 10_000),
    ],
)
def test_numeric_shapes(name: str, text: str) -> None:
    document = one_line(text, entries=300)
    assert timed(lambda: NumericExtractor().markers(document)) < 10, name
    assert peak(lambda: NumericExtractor().markers(document)) < 300_000_000, name


def test_numeric_time_grows_linearly() -> None:
    """10x the input costs at most ~10x the time (with slack for a busy machine), not 100x."""

    def cost(times: int) -> float:
        text = "Rates rose (1,2) and fell.3 Also x = y (3) and <sup>4</sup> [5] " * times
        document = one_line(text, entries=10)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            NumericExtractor().markers(document)
            runs.append(time.perf_counter() - started)
        return max(min(runs), 1e-4)

    small, large = cost(500), cost(5_000)
    assert large / small < 30
