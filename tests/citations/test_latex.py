from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import LatexExtractor
from citeaudit.model.citation import CitationKind
from tests.citations.helpers import document


def found(text: str) -> list[tuple[str | None, str | None]]:
    doc = document(text, fmt="latex", path="paper.tex")
    return [(c.command, c.key) for c in LatexExtractor().extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\cite{smith2019}", [("cite", "smith2019")]),
        (r"\citep[p.~3]{a,b}", [("citep", "a"), ("citep", "b")]),
        (r"\citep[see][p.~3]{a}", [("citep", "a")]),
        (r"\citet{a}", [("citet", "a")]),
        (r"\citep*{a}", [("citep*", "a")]),
        (r"\citealt{a} \citealp{b}", [("citealt", "a"), ("citealp", "b")]),
        (
            r"\citeauthor{a} \citeyear{a} \citeyearpar{a}",
            [("citeauthor", "a"), ("citeyear", "a"), ("citeyearpar", "a")],
        ),
        (r"\Citet{a}", [("Citet", "a")]),
        (
            r"\parencite{a} \textcite{b} \autocite{c}",
            [("parencite", "a"), ("textcite", "b"), ("autocite", "c")],
        ),
        (
            r"\footcite{a} \smartcite{b} \fullcite{c}",
            [("footcite", "a"), ("smartcite", "b"), ("fullcite", "c")],
        ),
        (r"\nocite{*}", [("nocite", "*")]),
        (r"\cites{a}{b}", [("cites", "a"), ("cites", "b")]),
        (r"\parencites(see)()[p.~2]{a}[3]{b} text", [("parencites", "a"), ("parencites", "b")]),
        ("\\citep[p.~3]{\n  alpha,\n  beta }", [("citep", "alpha"), ("citep", "beta")]),
        (r"\cite {spaced}", [("cite", "spaced")]),
        (r"\citetext{no keys here} \bibliographystyle{plain}", []),
    ],
)
def test_cite_family(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_kind_text_and_location() -> None:
    doc = document(
        "Intro.\nAs \\citet[ch.~2]{knuth84, lamport94} argue.", fmt="latex", path="p.tex"
    )
    cits = LatexExtractor().extract(doc)
    assert [c.kind for c in cits] == [CitationKind.KEY] * 2
    assert {c.text for c in cits} == {r"\citet[ch.~2]{knuth84, lamport94}"}
    assert {(c.location.file, c.location.line, c.location.column) for c in cits} == {
        ("p.tex", 2, 4)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a use cites what its expansion cites (latex_macros), with the command TeX runs
        (r"\newcommand{\citen}[1]{\cite{#1}} As \citen{real}.", [("cite", "real")]),
        (r"\newcommand*\citen[1]{\citep{#1}}\citen{real}", [("citep", "real")]),
        (r"\renewcommand{\cite}[2][]{\citep[#1]{#2}} \cite{a}", [("citep", "a")]),
        (r"\providecommand{\mycite}{\cite{fixedkey}} \mycite", [("cite", "fixedkey")]),
        (r"\def\mycite#1{\cite{#1}} \mycite{k}", [("cite", "k")]),
        (r"\gdef\mycite#1#2{\citet[#2]{#1}}", []),
        (r"\let\oldcite=\cite \oldcite{k}", [("cite", "k")]),
        (r"\NewDocumentCommand{\mc}{O{} m}{\cite[#1]{#2}} \mc{k}", [("cite", "k")]),
        (
            "\\DeclareCiteCommand{\\citetitle}[\\mkbibquote]\n  {\\boolfalse{citetracker}}\n"
            "  {\\printfield{title}\\cite{inner}}\n  {\\multicitedelim}\n  {}\n"
            "Body \\citetitle{t1}.",
            [("citetitle", "t1")],
        ),
        (
            r"\DeclareMultiCiteCommand{\cites}{\cite}{\multicitedelim} \cites{a}{b}",
            [
                ("cites", "a"),
                ("cites", "b"),
            ],
        ),
        (r"\newcommand{\x}{\{ \cite{no} \}} \cite{yes}", [("cite", "yes")]),
        (r"\cite{a,#1,b}", [("cite", "a"), ("cite", "b")]),
    ],
)
def test_macro_definitions_are_not_citations(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_unclosed_definition_runs_to_the_end_like_tex() -> None:
    assert found(r"\cite{before} \newcommand{\x}{\cite{a} \cite{b}") == [("cite", "before")]
