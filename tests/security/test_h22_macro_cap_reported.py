"""A LaTeX document's macro definitions past the reader's cap are reported, not dropped.

Class: only the first `_MAX_MACROS` (5,000) definitions of a document are read; every
later one was dropped silently, so a citation made through a macro defined past it
was never read and the audit said nothing about why (a reference "uncited", a
citation lost). The cap stays (a hostile upload of a million definitions must stay
linear), but like the other caps it is an input problem naming the file and line of
the first definition not read. Instances: the kinds of definition (``\\newcommand``,
``\\def``, ``\\renewcommand``, ``\\let``, ``\\newenvironment``), the first dropped one
in the main file or in an ``\\input`` chapter, documents just under the cap (nothing
reported) and far past it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.latex import LatexReader
from citeaudit.manuscript.latex_macros import _MAX_MACROS, read_macros

KINDS = {
    "newcommand": lambda n: f"\\newcommand{{\\mac{_name(n)}}}{{word {n}}}",
    "def": lambda n: f"\\def\\mac{_name(n)}{{word {n}}}",
    "renewcommand with an argument": lambda n: f"\\renewcommand{{\\mac{_name(n)}}}[1]{{#1 {n}}}",
    "let": lambda n: f"\\let\\mac{_name(n)}\\relax",
    "newenvironment": lambda n: f"\\newenvironment{{env{_name(n)}}}{{begin {n}}}{{end {n}}}",
}


def _name(n: int) -> str:
    """A letters-only macro name for `n` (TeX control words have no digits)."""
    out = ""
    n += 1
    while n:
        n, digit = divmod(n - 1, 26)
        out = chr(ord("a") + digit) + out
    return out


def _definitions(kind: str, count: int) -> list[str]:
    return [KINDS[kind](n) for n in range(count)]


def _problems(
    tmp_path: Path, main: str, chapter: str | None = None
) -> list[tuple[str, int | None, str]]:
    (tmp_path / "refs.bib").write_text(
        "@article{key1, author={Ames, A.}, title={T}, journal={J}, year={2001}}\n",
        encoding="utf-8",
    )
    if chapter is not None:
        (tmp_path / "chapter.tex").write_text(chapter, encoding="utf-8")
    path = tmp_path / "paper.tex"
    path.write_text(main, encoding="utf-8")
    _, problems = LatexReader().read_with_problems(path)
    return [(Path(p.file).name, p.line, p.message) for p in problems]


def _capped(problems: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    return [p for p in problems if "macro definition" in p[2] and "not read" in p[2]]


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_first_definition_past_the_cap_is_reported_in_the_main_file(
    tmp_path: Path, kind: str
) -> None:
    per_macro = 2 if kind == "newenvironment" else 1  # begin and end code: two each
    count = _MAX_MACROS // per_macro + 40
    head = "\\documentclass{article}\n"
    main = head + "\n".join(_definitions(kind, count)) + "\n\\begin{document}\n"
    main += "As shown \\cite{key1}.\n\\bibliography{refs}\n\\end{document}\n"
    found = _capped(_problems(tmp_path, main))
    assert len(found) == 1, found
    file, line, message = found[0]
    first_dropped = _MAX_MACROS // per_macro  # 0-based index of the definition
    assert (file, line) == ("paper.tex", 2 + first_dropped), found
    assert f"{_MAX_MACROS:,}" in message


@pytest.mark.parametrize("kind", ["newcommand", "def", "let"])
def test_the_first_definition_past_the_cap_in_a_chapter(tmp_path: Path, kind: str) -> None:
    """Half the definitions in the main file, the rest in an \\input chapter: the
    problem names the chapter and the line there."""
    half = _MAX_MACROS // 2
    first, rest = _definitions(kind, half), _definitions(kind, _MAX_MACROS + 10)[half:]
    chapter = "% definitions\n" + "\n".join(rest) + "\n"
    main = (
        "\\documentclass{article}\n"
        + "\n".join(first)
        + "\n\\input{chapter}\n\\begin{document}\nText \\cite{key1}.\n"
        + "\\bibliography{refs}\n\\end{document}\n"
    )
    found = _capped(_problems(tmp_path, main, chapter))
    assert len(found) == 1, found
    file, line, _ = found[0]
    assert file == "chapter.tex"
    assert line == 2 + (_MAX_MACROS - half), found


@pytest.mark.parametrize("kind", list(KINDS))
def test_under_the_cap_nothing_is_reported(tmp_path: Path, kind: str) -> None:
    main = "\\documentclass{article}\n" + "\n".join(_definitions(kind, 300))
    main += "\n\\begin{document}\nText \\cite{key1}.\n\\bibliography{refs}\n\\end{document}\n"
    assert _capped(_problems(tmp_path, main)) == []


def test_read_macros_says_where_it_stopped() -> None:
    text = "\n".join(_definitions("def", _MAX_MACROS + 3))
    macros = read_macros(text)
    dropped = macros.dropped_at
    assert dropped is not None
    assert text[dropped:].startswith(_definitions("def", _MAX_MACROS + 1)[-1])
    assert read_macros("\n".join(_definitions("def", 10))).dropped_at is None
