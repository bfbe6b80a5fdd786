# ruff: noqa: E501 -- test data is clearer on one line
from __future__ import annotations

import pytest

from citeaudit.manuscript.markup import strip_latex, strip_markdown, unescape_markdown


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a link whose text is its own URL, double-escaped: the URL once, unescaped
        (
            r"[https://doi.org/10.1007/978-3-319-69790-1\\_7](https://doi.org/10.1007/978-3-319-69790-1_7)",
            "https://doi.org/10.1007/978-3-319-69790-1_7",
        ),
        ("<https://x.org/a_b_c>", "https://x.org/a_b_c"),
        ("[www.nato.int](http://www.nato.int)", "http://www.nato.int"),
        (
            "[documents.worldbank.org](https://documents.worldbank.org/x)",
            "https://documents.worldbank.org/x",
        ),
        (
            "Retrieved from [the ministry](https://kemen.go.id/a)",
            "Retrieved from the ministry https://kemen.go.id/a",
        ),
        ("[a@b.org](mailto:a@b.org)", "a@b.org"),
        ("*Research Design*. Sage.", "Research Design. Sage."),
        ("**Bold** and __strong__ and _em_", "Bold and strong and em"),
        ("***Security Dilemma***", "Security Dilemma"),
        ("*Ejournal.*, 7(3)", "Ejournal., 7(3)"),
        (r"\* star \[1\] \_under\_", "* star [1] _under_"),
        ("Smith &amp; Jones &#8211; 2019", "Smith & Jones – 2019"),
        ("snake_case_word stays", "snake_case_word stays"),
        (
            "https://x.org/a_b_ and 10.1000/abc_def_ghi",
            "https://x.org/a_b_ and 10.1000/abc_def_ghi",
        ),
        ("`code` and <em>html</em>", "code and html"),
        ("  many   spaces\there ", "many spaces here"),
    ],
)
def test_strip_markdown(source: str, expected: str) -> None:
    assert strip_markdown(source) == expected


def test_unescape_markdown_collapses_backslash_runs() -> None:
    assert unescape_markdown(r"10.1007/x\\_7 and \* and \\\[") == "10.1007/x_7 and * and ["


def test_strip_latex() -> None:
    text = r"A.~Smith and B.~M\"uller. \newblock {\em A {DNA} title}. \newblock \emph{J. X}, 12:1--10, 2019. \url{https://x.org/a_b}"
    assert (
        strip_latex(text)
        == "A. Smith and B. Müller. A DNA title. J. X, 12:1–10, 2019. https://x.org/a_b"
    )


def test_strip_latex_doi_macro() -> None:
    assert strip_latex(r"Title. \doi{10.1/a\_b}") == "Title. https://doi.org/10.1/a_b"
