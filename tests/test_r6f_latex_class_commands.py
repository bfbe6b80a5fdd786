"""A class's bibliography commands are found in the manuscript at one cost per backslash.

A thesis class may define a command that names the bibliography
(``\\newcommand\\XYbib[1]{...\\bibliography{#1}}``); the LaTeX reader finds each use in
the manuscript. It did so with one pattern of all the class's names as alternatives,
tried one after another at every backslash of the manuscript: the work grew with the
names times the backslashes (a class of 4,000 such commands beside 100,000 backslashes:
1.7 s more; a 20 MB upload, minutes). Any command with one argument is now matched and
looked up among the names. The test compares CPU at 8x the names on one manuscript
(before: ~8x; fails past 3x) and checks the uses are still found.
"""

from __future__ import annotations

from citeaudit.manuscript import latex
from citeaudit.manuscript.document import Line
from tests.security.growth import cpu_seconds

MAX_GROWTH = 3.0
TEXT = [Line("main.tex", 1, "\\a" * 100_000)]


def _class(count: int) -> list[Line]:
    names = [
        f"Bib{chr(65 + k % 26)}{chr(65 + k // 26 % 26)}{chr(65 + k // 676)}" for k in range(count)
    ]
    return [
        Line("thesis.cls", n, f"\\newcommand\\{name}[1]{{\\bibliography{{#1}}}}")
        for n, name in enumerate(names, 1)
    ]


def test_cost_does_not_grow_with_the_class_commands() -> None:
    few, many = _class(100), _class(800)
    small = cpu_seconds(lambda: latex._class_bibliography_uses(few, TEXT))
    large = cpu_seconds(lambda: latex._class_bibliography_uses(many, TEXT))
    assert large / small < MAX_GROWTH, large / small


def test_uses_are_still_found() -> None:
    lines = [
        Line("main.tex", 3, "\\BibAAA{thesisrefs} % the list"),
        Line("main.tex", 4, "\\textbf{x} \\BibAAAx{no} \\BibBAA {other}"),
    ]
    found = latex._class_bibliography_uses(_class(2), lines)
    assert [(ln.number, ln.text) for ln in found] == [
        (3, "\\bibliography{thesisrefs}"),
        (4, "\\bibliography{other}"),
    ]
