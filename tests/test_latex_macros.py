"""Citations and inclusions made through the author's own LaTeX macros, and the caps
that keep a hostile file's macros bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations.latex import LatexExtractor, is_citation_command
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.latex import LatexReader
from citeaudit.manuscript.latex_macros import MAX_USE_EXPANSION, macro_citations


def cited(text: str) -> list[tuple[str | None, str, int | None]]:
    lines = tuple(Line("p.tex", n, t) for n, t in enumerate(text.split("\n"), start=1))
    document = Document(path="p.tex", format="latex", lines=lines)
    return [(c.key, c.text, c.location.line) for c in LatexExtractor().extract(document)]


def doubling() -> str:
    """A wide macro, and one that uses it twice: ~10,000 characters a use."""
    return "\\def\\a{" + "\\cite{k}" * 600 + "}\\def\\b{\\a\\a}"


@pytest.mark.parametrize(
    ("preamble", "use", "keys"),
    [
        (r"\newcommand{\rfc}[1]{\cite{rfc#1}}", r"\rfc{2616}", ["rfc2616"]),
        (r"\newcommand{\rfc}[1]{\cite{rfc#1}}", r"\rfc 7", ["rfc7"]),  # one token
        (r"\renewcommand*{\eq}[2][p.]{\citep[#1]{eq:#2}}", r"\eq[ch. 2]{a}", ["eq:a"]),
        (r"\providecommand\eq[2][p.]{\citep[#1]{eq:#2}}", r"\eq{b}", ["eq:b"]),
        (r"\def\two#1#2{\cite{#1} and \citet{#2}}", r"\two{a}{b}", ["a", "b"]),
        (r"\gdef\inner#1{\cite{in:#1}}\def\outer#1{\inner{#1}}", r"\outer{x}", ["in:x"]),
        (r"\let\citeA\citeauthor", r"\citeA{kim2019}", ["kim2019"]),
        (r"\NewDocumentCommand{\dc}{o m}{\cite{#2}}", r"\dc[x]{doc1}", ["doc1"]),
        (r"\DeclareRobustCommand{\fixed}{\cite{always}}", r"\fixed", ["always"]),
        # a user macro with "cite" in its name is read through its definition
        (r"\newcommand{\mycite}[1]{\cite{ref:#1}}", r"\mycite{x}", ["ref:x"]),
        (r"\newcommand{\citeurl}[1]{\url{#1}}", r"\citeurl{http://x.org}", []),
        # a delimited parameter reads up to its delimiter, as TeX does (tex22)
        (r"\def\odd#1.{\cite{#1}}", r"\odd a.", ["a"]),
    ],
)
def test_macro_use_cites_what_its_expansion_cites(preamble: str, use: str, keys: list[str]) -> None:
    found = cited(f"{preamble}\nSee {use} here.")
    assert [key for key, _, _ in found] == keys
    assert all(text.startswith(use.split("{")[0].split("[")[0]) for _, text, _ in found)
    assert all(line == 2 for _, _, line in found)  # at the use, never the definition


def test_definition_in_force_at_the_use_and_none_before_it() -> None:
    text = (
        "\\ref{early}\n"  # not a user macro
        "\\newcommand{\\k}[1]{\\cite{one:#1}}\n\\k{a}\n"
        "\\renewcommand{\\k}[1]{\\cite{two:#1}}\n\\k{b}"
    )
    assert [key for key, _, _ in cited(text)] == ["one:a", "two:b"]
    assert cited("\\k{a}\n\\newcommand{\\k}[1]{\\cite{late:#1}}") == []


def test_self_expanding_and_doubling_macros_are_bounded() -> None:
    # TeX loops for ever on \loop; each use is one citation, at its place.
    assert cited("\\def\\loop{\\loop\\cite{k}}\n\\loop") == [("k", "\\loop", 2)]
    nested = "\\def\\a{\\cite{k}}" + "".join(
        f"\\def\\{b}{{\\{a}\\{a}}}"
        for a, b in zip("abcdefghijklmnopq", "bcdefghijklmnopqr", strict=True)
    )
    assert cited(nested + "\n\\r") == [("k", "\\r", 2)]  # 2^17 copies: size cap
    text = doubling() + "\n" + "\\b " * 300
    expansions = macro_citations(text, is_citation_command)
    assert all(len(e.text) <= MAX_USE_EXPANSION for e in expansions.expansions)
    assert expansions.stopped_at is not None  # the document's budget ran out
    assert {key for key, _, _ in cited(text)} == {"k"}


def test_reader_says_where_macro_expansion_stopped(tmp_path: Path) -> None:
    main = tmp_path / "main.tex"
    main.write_text(
        doubling() + "\n\\begin{document}\n" + "\\b\n" * 300 + "\\end{document}\n",
        encoding="utf-8",
    )
    _, problems = LatexReader().read_with_problems(main)
    stopped = [p for p in problems if "macros expand past" in p.message]
    assert len(stopped) == 1 and stopped[0].line is not None and stopped[0].line > 3


def test_unclosed_arguments_and_many_definitions_stay_linear() -> None:
    # Every use leaves its argument open: each is read at most a bounded distance on.
    text = "\\newcommand{\\rfc}[1]{\\cite{rfc#1}}\n" + "\\rfc{" * 50_000
    assert cited(text) == []
    many = "".join(f"\\newcommand{{\\m{chr(97 + i % 26)}x{i}}}{{y}}" for i in range(20_000))
    assert cited(many + "\\newcommand{\\z}{\\cite{q}}\\z") == [("q", "\\z", 1)]


def test_inclusion_through_a_macro_is_spliced_in(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "intro.tex").write_text("Intro \\cite{a}.\n", encoding="utf-8")
    (tmp_path / "chapters" / "method.tex").write_text("Method \\cite{b}.\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@misc{a, title = {A}, year = 2001}\n@misc{b, title = {B}, year = 2002}\n",
        encoding="utf-8",
    )
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\newcommand{\\chap}[1]{\\input{chapters/#1}}\n"
        "\\def\\part#1{\\chap{#1}}\n\\begin{document}\n\\chap{intro}\n\\part{method}\n"
        "\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([main]))
    assert [f.rule for f in result.findings] == []
    assert {c.key for c in result.data.citations} == {"a", "b"}


def test_inclusion_macro_cannot_leave_the_upload(tmp_path: Path) -> None:
    outside = tmp_path / "secret.tex"
    outside.write_text("\\cite{leaked}\n", encoding="utf-8")
    upload = tmp_path / "upload"
    upload.mkdir()
    main = upload / "main.tex"
    main.write_text(
        "\\newcommand{\\grab}[1]{\\input{../#1}}\n\\begin{document}\n\\grab{secret}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    from citeaudit.input_scope import InputScope

    document, problems = LatexReader(InputScope.confined_to(upload)).read_with_problems(main)
    assert "leaked" not in document.text
    assert any(p.line == 3 for p in problems)
