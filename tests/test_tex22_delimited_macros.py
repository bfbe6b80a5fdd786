"""Issue 12, LaTeX: citations made through user macros whose arguments are delimited
(``\\def\\mycite#1;{...}``, ``\\def\\x[#1]#2{...}``) or read by xparse's ``r``, ``R``,
``d``, ``D``, ``u``, ``v`` and ``b`` argument types count as LaTeX writes them to the
``.aux`` file: uncited and missing keys equal BibTeX's own. A definition is never a
citation. Made-up papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.document import Document, Line
from tests.latex_paper import latex_verdicts

_BIB = (
    "@article{brandt2010, author={Brandt, Olga}, title={Dunes}, journal={Sand}, year={2010}}\n"
    "@article{ishii2013, author={Ishii, Ken}, title={Wind}, journal={Air}, year={2013}}\n"
    "@article{moraes2016, author={Moraes, Lia}, title={Tides}, journal={Sea}, year={2016}}\n"
)


def cited(text: str) -> list[str | None]:
    lines = tuple(Line("p.tex", n, t) for n, t in enumerate(text.split("\n"), start=1))
    document = Document(path="p.tex", format="latex", lines=lines)
    return [c.key for c in LatexExtractor().extract(document)]


def verdicts(tmp_path: Path, preamble: str, body: str) -> tuple[set[str], set[str]]:
    """(uncited keys, missing keys) as citeaudit reports them."""
    found = latex_verdicts(tmp_path, _BIB, preamble, body)
    return found.uncited, found.missing


@pytest.mark.parametrize(
    ("preamble", "use", "keys"),
    [
        # TeX's delimited parameters: up to the delimiter, outer braces stripped
        (r"\def\mycite#1;{\cite{#1}}", r"\mycite brandt2010; then", ["brandt2010"]),
        (r"\def\mycite#1;{\cite{#1}}", r"\mycite{a;b};", ["a;b"]),
        (r"\def\x[#1]#2{\citep[#1]{#2}}", r"\x[p. 3]{ishii2013}", ["ishii2013"]),
        (r"\def\two#1 and #2.{\cite{#1}\cite{#2}}", r"\two a and b.", ["a", "b"]),
        (r"\def\pre(#1){\cite{#1}}", r"\pre (k1)", ["k1"]),
        (r"\gdef\sep#1,#2;{\parencite{#2}}", r"\sep x,k2;", ["k2"]),
        # xparse: required and optional delimited, until, verbatim
        (r"\NewDocumentCommand{\pc}{r()}{\parencite{#1}}", r"\pc(k3)", ["k3"]),
        (r"\NewDocumentCommand{\pc}{R(){dflt}}{\cite{#1}}", r"\pc(k4)", ["k4"]),
        (r"\NewDocumentCommand{\dc}{d() m}{\cite{#2}}", r"\dc(p. 2){k5}", ["k5"]),
        (r"\NewDocumentCommand{\dc}{D(){k6} m}{\cite{#1,#2}}", r"\dc{k7}", ["k6", "k7"]),
        (r"\NewDocumentCommand{\dc}{d<> m}{\cite{#2}}", r"\dc<a(b)>{k8}", ["k8"]),
        (r"\NewDocumentCommand{\uc}{u{;}}{\cite{#1}}", r"\uc k9;", ["k9"]),
        (r"\NewDocumentCommand{\vc}{v}{\cite{#1}}", r"\vc|k10|", ["k10"]),
        (r"\NewDocumentCommand{\vc}{+v}{\cite{#1}}", r"\vc{k11}", ["k11"]),
        (r"\NewDocumentCommand{\pc}{r()}{\cite{#1}}", r"\pc(a(b)c)", ["a(b)c"]),
    ],
)
def test_delimited_arguments_are_read_as_tex_reads_them(
    preamble: str, use: str, keys: list[str]
) -> None:
    assert cited(f"{preamble}\nSee {use} here.") == keys


def test_body_argument_of_an_environment() -> None:
    preamble = r"\NewDocumentEnvironment{cites}{b}{\cite{#1}}{}"
    assert cited(preamble + "\n\\begin{cites}k1,k2\\end{cites}") == ["k1", "k2"]
    # the body is passed whole, nested environments of the same name counted; the
    # inner one's citation reaches the .aux first (it is in #2, typeset before \cite)
    nested = r"\NewDocumentEnvironment{box}{o b}{\fbox{#2}\cite{b:#1}}{}"
    assert cited(nested + "\n\\begin{box}[x]in\\begin{box}[y]z\\end{box}\\end{box}") == [
        "b:y",
        "b:x",
    ]
    # the end code runs after the body: it may cite too
    ends = r"\NewDocumentEnvironment{e}{b}{#1}{\cite{end}}"
    assert cited(ends + "\n\\begin{e}\\cite{in}\\end{e}") == ["in", "end"]


def test_a_use_that_does_not_match_its_definition_cites_nothing() -> None:
    # TeX: "Use of \x doesn't match its definition": no citation reaches the .aux
    assert cited(r"\def\x[#1]#2{\cite{#2}}" + "\n\\x{k}") == []
    assert cited(r"\NewDocumentCommand{\pc}{r()}{\cite{#1}}" + "\n\\pc k") == []


def test_delimited_macros_count_as_bibtex_counts_them(tmp_path: Path) -> None:
    preamble = (
        "\\def\\mycite#1;{\\cite{#1}}\n"
        "\\def\\pages[#1]#2{\\citep[#1]{#2}}\n"
        "\\NewDocumentCommand{\\pc}{r() D<>{}}{\\parencite[#2]{#1}}\n"
        "\\def\\unused#1;{\\cite{ghost1999}}\n"  # defined, never used: no citation
        "\\NewDocumentCommand{\\never}{r()}{\\cite{ghost2000,#1}}"
    )
    body = (
        "Dunes move \\mycite brandt2010; as shown \\pages[p. 4]{ishii2013}.\n"
        "Tides too \\pc(moraes2016)<p. 9> and \\pc(ghost2001)."
    )
    uncited, missing = verdicts(tmp_path, preamble, body)
    assert missing == {"ghost2001"}
    assert uncited == set()


def test_uncited_entries_stay_uncited_behind_delimited_definitions(tmp_path: Path) -> None:
    preamble = "\\def\\mycite#1;{\\cite{#1}}\n\\NewDocumentEnvironment{refs}{b}{\\nocite{#1}}{}"
    body = "Only \\mycite ishii2013; here.\n\\begin{refs}moraes2016\\end{refs}"
    uncited, missing = verdicts(tmp_path, preamble, body)
    assert missing == set()
    assert uncited == {"brandt2010"}


def test_hostile_delimited_uses_stay_bounded() -> None:
    # every use leaves its delimiter out: each is read a bounded distance on
    text = "\\def\\m#1;{\\cite{#1}}\n" + "\\m x" * 30_000
    assert cited(text) == []
    env = "\\NewDocumentEnvironment{e}{b}{\\cite{#1}}{}\n" + "\\begin{e}x" * 30_000
    assert cited(env) == []


def test_definitions_with_delimiters_are_no_citations() -> None:
    # a control word in the parameter text: the body is still the definition's
    assert cited(r"\def\x#1\relax{\cite{ghost#1}}" + "\nText.") == []
    assert cited(r"\def\y[#1]#2\par{\cite{ghost}}" + "\nText.") == []
    assert cited(r"\def\z#1\relax{\cite{k:#1}}" + "\n\\z a\\relax") == ["k:a"]
    assert cited(r"\NewDocumentCommand{\w}{r<> v}{\cite{ghost}}" + "\nText.") == []


@pytest.mark.parametrize(
    ("preamble", "use", "keys"),
    [
        # a macro that ends in a delimited one reads its argument from the text after
        (r"\def\mycite#1;{\cite{#1}}\newcommand{\c}{\mycite}", r"\c key;", ["key"]),
        (r"\def\mycite#1;{\cite{#1}}\let\m\mycite", r"\m key;", ["key"]),
        (r"\def\x#1#2;{\cite{#1,#2}}", r"\x ab c;", ["a", "b c"]),
        (r"\def\x.#1{\cite{#1}}", r"\x.{k}", ["k"]),
        (r"\def\x.#1{\cite{#1}}", r"\x{k}", []),  # the prefix is not there
        (r"\def\m#1\endcite{\cite{#1}}", r"\m k\endcitex\endcite", ["k\\endcitex"]),
        (r"\NewDocumentCommand{\x}{>{\SplitList{;}} m}{\cite{#1}}", r"\x{k}", ["k"]),
    ],
)
def test_delimited_macros_through_other_macros(preamble: str, use: str, keys: list[str]) -> None:
    assert cited(f"{preamble}\nSee {use} here.") == keys
