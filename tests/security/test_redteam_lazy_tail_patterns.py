"""A lazy group followed by optional blanks and an anchor backtracks quadratically.

``(.+?)[ \\t]*$`` and ``(.+?)[ \\t]*>\\}\\}`` try the blanks-then-end tail after every
character the lazy group takes: inside a run of n blanks each try scans the rest of the
run, so a line of n blanks that never ends as the pattern wants costs n^2/2 steps. The
Quarto ``{{< include ... >}}`` shortcode and the ``#| child:`` chunk option were read
that way: one 1 MB line (``{{< include a`` + a megabyte of spaces + ``x``) held a worker
for a quarter of an hour. Each shape here is read at a base size and at 4 times it;
the bound is on the growth of CPU time (as in test_redos_patterns.py, whose
convention this follows: the engine's backtracking is what counted_work cannot
see), linear 4x, quadratic 16x, failing past 10x. And the names are still read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript
from tests.security.test_redos_patterns import MAX_GROWTH, SCALE, growth


def _reader(suffix: str) -> Callable[[str], object]:
    def read(text: str) -> object:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"paper{suffix}"
            path.write_text(text + "\n\nText (Smith, 2020).\n", encoding="utf-8")
            return read_manuscript(path)

    return read


SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
    ("include-then-spaces", lambda n: "{{< include a" + " " * n + "x", _reader(".qmd")),
    ("include-then-tabs", lambda n: "{{< include a" + "\t" * n + "x >}}z", _reader(".md")),
    (
        "child-option-then-spaces",
        lambda n: "```{r}\n#| child: a" + " " * n + "x\n```",
        _reader(".Rmd"),
    ),
]


@pytest.mark.parametrize(("name", "build", "run"), SHAPES, ids=[s[0] for s in SHAPES])
def test_work_grows_linearly(
    name: str, build: Callable[[int], str], run: Callable[[str], object]
) -> None:
    ratio = growth(build, run, 5_000)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the input took x{ratio:.0f} the time"


@pytest.mark.parametrize(
    ("line", "child"),
    [
        ("{{< include chapter.md >}}", "chapter.md"),
        ("  {{<   include   'chapter.md'\t>}}  ", "chapter.md"),
        ("{{< include chapter.md>}}", "chapter.md"),
        ("{{< include my chapter.md >}}", "my chapter.md"),
        ("{{< include chapter.md >}} more", None),
        ("{{< include >}}", None),
    ],
)
def test_include_shortcodes_are_still_read(tmp_path: Path, line: str, child: str | None) -> None:
    (tmp_path / (child or "chapter.md")).write_text("Child (Okafor, 2010).\n", encoding="utf-8")
    main = tmp_path / "main.qmd"
    main.write_text(f"# Paper\n\n{line}\n", encoding="utf-8")
    document = read_manuscript(main)
    spliced = any("Okafor" in ln.text for ln in document.lines)
    assert spliced is (child is not None)


@pytest.mark.parametrize(
    "option", ["#| child: chapter.Rmd", "#|child :  'chapter.Rmd'  ", '#| child: ["chapter.Rmd"]']
)
def test_child_options_are_still_read(tmp_path: Path, option: str) -> None:
    (tmp_path / "chapter.Rmd").write_text("Child (Okafor, 2010).\n", encoding="utf-8")
    main = tmp_path / "main.Rmd"
    main.write_text(f"# Paper\n\n```{{r}}\n{option}\n```\n", encoding="utf-8")
    document = read_manuscript(main)
    assert any("Okafor" in ln.text for ln in document.lines)
