"""Issue 12 point 3 (tex21): a citation made through a user macro counts as BibTeX
counts it. LaTeX writes a ``\\citation{key}`` line to the ``.aux`` file for every
``\\cite`` it *runs*, whatever macro, environment or ``\\let`` copy led to it, and
BibTeX lists exactly those keys; uncited and missing keys here must be the same.

No TeX is installed on this machine: the truth of each case is derived by hand, in a
comment, from what TeX would run (bibtex prints every key of a ``\\citation`` line).

Classes:
- ENV: a ``\\cite`` in the begin or end code of an environment defined with
  ``\\newenvironment``/``\\renewenvironment``/``\\NewDocumentEnvironment`` (with
  arguments, nested in another environment's code) runs at each ``\\begin``/``\\end``.
- OPT: a ``\\cite`` in an optional argument's default (``\\newcommand``,
  ``\\DeclareRobustCommand``, ``\\NewDocumentCommand`` ``O{...}``) runs when the use
  gives no optional argument.
- LET: ``\\let\\a\\b`` copies b's meaning *at that point* (chains of any length, copies
  of a user macro with arguments); every use cites, none is dropped by a cap.
- CAP: a hostile self-expanding macro stays bounded and the reader reports the cap.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from citeaudit.manuscript.citations.latex import is_citation_command
from citeaudit.manuscript.latex import LatexReader
from citeaudit.manuscript.latex_macros import macro_citations
from tests.latex_paper import latex_verdicts


def _verdicts(
    tmp_path: Path, preamble: str, body: str, keys: list[str]
) -> tuple[set[str], set[str], int]:
    """(uncited keys, missing keys, citations read) as citeaudit reports them."""
    bib = "".join(
        f"@article{{{key}, author={{Author{n}, A.}}, title={{Title {n}}}, "
        f"journal={{J{n}}}, year={{{1900 + n}}}}}\n"
        for n, key in enumerate(keys)
    )
    return latex_verdicts(tmp_path, bib, preamble, body)


_KEYS = ["alpha1", "beta2", "gamma3", "delta4"]

# (preamble, body, BibTeX's cited keys as derived by hand)
_ENVIRONMENTS = [
    # \begin{rel} runs \par\cite{alpha1}; \end{rel} runs \cite{beta2}
    (
        r"\newenvironment{rel}{\par\cite{alpha1}}{\cite{beta2}\par}",
        r"\begin{rel} text \end{rel}",
        {"alpha1", "beta2"},
    ),
    # one argument, used in the begin code: \citep{gamma3}
    (
        r"\usepackage{natbib}\newenvironment{quelle}[1]{\textit{Nach} \citep{#1}:}{}",
        r"\begin{quelle}{gamma3} Zitat. \end{quelle}",
        {"gamma3"},
    ),
    # \renewenvironment replaces an earlier definition: only the second one runs
    (
        "\\newenvironment{fonte}{\\cite{delta4}}{}\n"
        "\\renewenvironment{fonte}[1][alpha1]{Segundo \\cite{#1}}{}",
        r"\begin{fonte} a \end{fonte} \begin{fonte}[beta2] b \end{fonte}",
        {"alpha1", "beta2"},
    ),
    # xparse, with an O{} default; nested: the outer begin code opens the inner one
    (
        "\\NewDocumentEnvironment{inner}{O{gamma3}}{\\cite{#1}}{}\n"
        "\\newenvironment{outer}{\\begin{inner}[delta4]}{\\end{inner}}",
        r"\begin{outer} x \end{outer}",
        {"delta4"},
    ),
]


@pytest.mark.parametrize(("preamble", "body", "cited"), _ENVIRONMENTS)
def test_env_citation_in_environment_code_counts(
    tmp_path: Path, preamble: str, body: str, cited: set[str]
) -> None:
    uncited, missing, _ = _verdicts(tmp_path, preamble, body, _KEYS)
    assert missing == set()
    assert uncited == set(_KEYS) - cited


_DEFAULTS = [
    # \x{y} runs "y \cite{alpha1}" (the default of #1)
    (
        r"\newcommand{\x}[2][\cite{alpha1}]{#2 #1}",
        r"\x{y} and \x[\cite{beta2}]{z}",
        {"alpha1", "beta2"},
    ),
    # a robust command whose default is a key, the key goes into \cite
    (r"\DeclareRobustCommand{\src}[2][gamma3]{\cite{#1}#2}", r"Text\src{.}", {"gamma3"}),
    # xparse O{} default holding a whole citation
    (
        r"\NewDocumentCommand{\seealso}{O{\citep{delta4}} m}{#2 (see #1)}",
        r"\seealso{Fact}",
        {"delta4"},
    ),
    # a default naming a key that has no entry: BibTeX warns it is missing
    (r"\newcommand{\q}[1][ghost9]{\cite{#1}}", r"\q \q[alpha1]", {"alpha1", "ghost9"}),
]


@pytest.mark.parametrize(("preamble", "body", "cited"), _DEFAULTS)
def test_opt_citation_in_an_optional_default_counts(
    tmp_path: Path, preamble: str, body: str, cited: set[str]
) -> None:
    uncited, missing, _ = _verdicts(tmp_path, preamble, body, _KEYS)
    assert missing == cited - set(_KEYS)
    assert uncited == set(_KEYS) - cited


def _names(n: int) -> list[str]:
    return ["m" + "".join(chr(97 + int(d)) for d in str(i)) for i in range(n)]


@pytest.mark.parametrize(
    ("preamble", "use"),
    [
        # \let of a primitive citation command, then a chain of 40 copies
        (
            "\\let\\"
            + _names(40)[0]
            + "\\cite\n"
            + "\n".join(f"\\let\\{b}\\{a}" for a, b in itertools.pairwise(_names(40))),
            "\\" + _names(40)[-1],
        ),
        # \let of a citing macro with an argument: \b takes \mc's argument
        ("\\newcommand{\\mc}[1]{\\citep{#1}}\n\\let\\bq\\mc", "\\bq"),
        # \def with a parameter, copied twice with the \let\a=\b form
        ("\\def\\mc#1{\\parencite{#1}}\n\\let\\bq=\\mc\n\\let\\cq = \\bq", "\\cq"),
    ],
)
def test_let_every_use_of_a_copy_cites(tmp_path: Path, preamble: str, use: str) -> None:
    keys = [f"k{n}" for n in range(1_600)]
    # every key is cited once through the copy: BibTeX lists all 1,600
    body = "\n".join(f"{use}{{{key}}}" for key in keys)
    uncited, missing, count = _verdicts(tmp_path, preamble, body, keys)
    assert (uncited, missing) == (set(), set())
    assert count == len(keys)


def test_let_copies_the_meaning_at_the_let(tmp_path: Path) -> None:
    # \old is the \cite of natbib at the \let; \cite is then redefined to use it:
    # \cite{alpha1} runs \old{alpha1} = the primitive \cite{alpha1}. \mc is
    # redefined after \let\bq\mc: \bq keeps the first meaning (cites beta2).
    preamble = (
        "\\let\\old\\cite\n\\renewcommand{\\cite}[1]{\\old{#1}}\n"
        "\\newcommand{\\mc}{\\cite{beta2}}\n\\let\\bq\\mc\n\\renewcommand{\\mc}{\\cite{gamma3}}"
    )
    uncited, missing, _ = _verdicts(tmp_path, preamble, "\\cite{alpha1} \\bq", _KEYS)
    assert missing == set()
    assert uncited == {"gamma3", "delta4"}


def test_let_target_is_no_use(tmp_path: Path) -> None:
    # the \mc after \let\bq is the let's target, not a use reading "\begin" as a key
    preamble = "\\newcommand{\\mc}[1]{\\cite{#1}}\n\\let\\bq\\mc"
    uncited, missing, count = _verdicts(tmp_path, preamble, "\\bq{alpha1}", _KEYS)
    assert (missing, count) == (set(), 1)
    assert uncited == {"beta2", "gamma3", "delta4"}


def test_deep_wrappers_are_expanded_below_the_cap() -> None:
    # 40 wrappers each passing its argument on: TeX cites k at the bottom
    names = _names(40)
    text = f"\\newcommand{{\\{names[0]}}}[1]{{\\cite{{#1}}}}\n" + "".join(
        f"\\newcommand{{\\{b}}}[1]{{\\{a}{{#1}}}}\n" for a, b in itertools.pairwise(names)
    )
    found = macro_citations(text + f"\\{names[-1]}{{deepkey}}\n", is_citation_command)
    assert [e.text for e in found.expansions] == ["\\cite{deepkey}"]
    assert found.stopped_at is None


def test_cap_a_self_expanding_environment_is_bounded_and_reported(tmp_path: Path) -> None:
    # \begin{loop} opens itself: TeX never ends. The cap holds and is reported.
    main = tmp_path / "main.tex"
    main.write_text(
        "\\newenvironment{loop}{\\cite{k}\\begin{loop}}{}\n\\begin{document}\n"
        + "\\begin{loop}\\end{loop}\n" * 50
        + "\\end{document}\n",
        encoding="utf-8",
    )
    found = macro_citations(main.read_text(encoding="utf-8"), is_citation_command)
    assert found.stopped_at is not None
    _, problems = LatexReader().read_with_problems(main)
    assert any("macro" in p.message and "past" in p.message for p in problems)


@pytest.mark.parametrize(
    ("preamble", "body", "cited"),
    [
        # \b is \mc, whose argument TeX reads from after \b: \cite{alpha1}
        ("\\newcommand{\\mc}[1]{\\cite{#1}}\n\\newcommand{\\bq}{\\mc}", "\\bq{alpha1}", {"alpha1"}),
        # two levels, the optional argument given after the use: \citep[p.~2]{beta2}
        (
            "\\newcommand{\\pg}[2][]{\\citep[#1]{#2}}\n\\def\\lvl{\\pg}\n\\def\\top{\\lvl}",
            "\\top{beta2} and \\top{gamma3}",
            {"beta2", "gamma3"},
        ),
        # \begin{src} ends by opening a macro whose argument is the text after it
        (
            "\\newcommand{\\mc}[1]{\\cite{#1}}\n\\newenvironment{src}{\\mc}{}",
            "\\begin{src}{delta4} text \\end{src}",
            {"delta4"},
        ),
    ],
)
def test_follow_arguments_after_the_use_are_read(
    tmp_path: Path, preamble: str, body: str, cited: set[str]
) -> None:
    uncited, missing, _ = _verdicts(tmp_path, preamble, body, _KEYS)
    assert missing == set()
    assert uncited == set(_KEYS) - cited


def test_follow_every_use_of_a_wrapper_reads_its_argument(tmp_path: Path) -> None:
    # 1,600 uses of \bq, each reading its key from after it: all cited, none capped
    keys = [f"w{n}" for n in range(1_600)]
    preamble = "\\newcommand{\\mc}[1]{\\citep{#1}}\n\\newcommand{\\bq}{\\mc}"
    body = "\n".join(f"As shown \\bq{{{key}}}." for key in keys)
    uncited, missing, count = _verdicts(tmp_path, preamble, body, keys)
    assert (uncited, missing, count) == (set(), set(), len(keys))


def test_cap_a_macro_eating_the_text_after_it_is_bounded_and_reported() -> None:
    # \x reads an argument and runs \x again: TeX eats the whole text, for ever
    text = "\\def\\x#1{\\cite{k}\\x}\n" + "\\x{a}" * 40_000 + "\\x{" * 40_000
    found = macro_citations(text, is_citation_command)
    assert found.stopped_at is not None
    assert all(len(e.text) <= 10_000 for e in found.expansions)


@pytest.mark.parametrize(
    ("preamble", "body", "cited"),
    [
        # xparse star: \rf* runs \citet{alpha1}, \rf runs \citep{beta2}
        (
            "\\NewDocumentCommand{\\rf}{s m}{\\IfBooleanTF{#1}{\\citet{#2}}{\\citep{#2}}}",
            "\\rf*{alpha1} and \\rf{beta2}",
            {"alpha1", "beta2"},
        ),
        # star, optional and mandatory together; \DeclareDocumentCommand
        (
            "\\DeclareDocumentCommand\\vgl{s o m}{vgl.~\\cite[#2]{#3}}",
            "\\vgl*[S.~3]{gamma3} \\vgl{delta4}",
            {"gamma3", "delta4"},
        ),
        # a token argument (t+) before the key
        ("\\NewDocumentCommand{\\ref}{t+ m}{\\cite{#2}}", "\\ref+{alpha1}", {"alpha1"}),
        # \NewCommandCopy copies the meaning, like \let
        (
            "\\newcommand{\\mc}[1]{\\cite{#1}}\n\\NewCommandCopy{\\bq}{\\mc}",
            "\\bq{beta2}",
            {"beta2"},
        ),
    ],
)
def test_xparse_flags_and_copies_cite(
    tmp_path: Path, preamble: str, body: str, cited: set[str]
) -> None:
    uncited, missing, _ = _verdicts(tmp_path, preamble, body, _KEYS)
    assert missing == set()
    assert uncited == set(_KEYS) - cited
