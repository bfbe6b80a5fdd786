"""A LaTeX line full of ``\\usepackage[`` is read in linear time.

Three patterns of the LaTeX reader looked at a loading command's options with "anything
but ``]``": ``_OPEN_OPTIONS`` (options left open at the line's end, joined with the
next lines), ``_LOADS`` (the class or package a command loads) and ``_BIBRESOURCE``
(biblatex's ``\\addbibresource[options]{file}``). On a line of
``\\usepackage[`` repeated, every occurrence started a scan that ran to the line's end
(to its closing ``]``, or for a ``]`` never there) and backtracked: quadratic. A
192 KB manuscript took 17 CPU s of an offline audit, a 1 MB one about 7 minutes. Options
hold no ``[``, so the scans now stop at the next one. The test compares CPU growth at
8x the size (linear 8x, quadratic 64x; fails past 20x), as tests/security's do, and
checks what is read stays the same.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript import latex
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.latex import LatexReader
from tests.security.growth import growth_at

MAX_GROWTH = 20.0
growth = growth_at(8)


def _joined(text: str) -> list[str]:
    return [line.text for line in latex._with_option_lines([Line("main.tex", 1, text)])]


def test_options_left_open_cost_linear_time() -> None:
    ratio = growth(lambda n: "\\usepackage[" * n + "]", _joined, 1_000)
    assert ratio < MAX_GROWTH, ratio


def test_loads_cost_linear_time() -> None:
    def loads(text: str) -> list[tuple[str, str]]:
        return [(m.group(1), m.group(2)) for m in latex._LOADS.finditer(text)]

    ratio = growth(lambda n: "\\usepackage[" * n, loads, 1_000)
    assert ratio < MAX_GROWTH, ratio


def test_bibliography_resources_cost_linear_time() -> None:
    def resources(text: str) -> list[str]:
        return [m.group(1) for m in latex._BIBRESOURCE.finditer(text)]

    ratio = growth(lambda n: "\\addbibresource[" * n + "]", resources, 1_000)
    assert ratio < MAX_GROWTH, ratio
    assert resources("\\addbibresource[location=local]{refs.bib}") == ["refs.bib"]


def test_options_over_lines_and_loads_read_as_before(tmp_path: Path) -> None:
    lines = [
        Line("main.tex", 1, "\\documentclass[12pt, % size"),
        Line("main.tex", 2, "  a4paper]{thesis}"),
        Line("main.tex", 3, "\\usepackage[style=apa]{biblatex}"),
    ]
    joined = latex._with_option_lines(lines)
    assert [ln.text for ln in joined] == [
        "\\documentclass[12pt, a4paper]{thesis}",
        "\\usepackage[style=apa]{biblatex}",
    ]
    found = [(m.group(1), m.group(2)) for m in latex._LOADS.finditer(joined[0].text)]
    assert found == [("documentclass", "thesis")]
    (tmp_path / "thesis.cls").write_text("\\RequirePackage{biblatex}\n\\addbibresource{t.bib}\n")
    (tmp_path / "t.bib").write_text("@book{lee01, title={A title}, year={2001}}\n")
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass[12pt, % size\n  a4paper]{thesis}\n"
        "\\begin{document}\nSee \\cite{lee01}.\n\\end{document}\n"
    )
    document = LatexReader().read(main)
    assert [Path(b).name for b in document.bibliography_files] == ["t.bib"]
