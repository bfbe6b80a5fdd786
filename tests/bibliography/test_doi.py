"""DOI normalisation: many ways of writing a DOI, and look-alikes that are not DOIs."""

from __future__ import annotations

import pytest

from citeaudit.doi import DoiProblem, doi_problem, find_dois, normalize_doi

SICI = "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("10.1/x", "10.1/x"),
        ("doi:10.1/x", "10.1/x"),
        ("DOI: 10.1/x", "10.1/x"),
        ("DOI 10.1/x.", "10.1/x"),
        ("https://doi.org/10.1/x", "10.1/x"),
        ("http://dx.doi.org/10.1/X", "10.1/x"),
        ("https://www.doi.org/10.1000/ABC", "10.1000/abc"),
        ("doi.org/10.1000/abc", "10.1000/abc"),
        ("info:doi/10.1000/abc", "10.1000/abc"),
        ("10.1007/978-3-030-48215-9\\_7", "10.1007/978-3-030-48215-9_7"),
        ("10.1007/978-3-030-48215-9{\\_}7", "10.1007/978-3-030-48215-9_7"),
        ("10.1000%2F182", "10.1000/182"),
        ("https://doi.org/10.1000/abc%3Cdef%3E", "10.1000/abc<def>"),
        ("10.1/x,", "10.1/x"),
        ("10.1/x;", "10.1/x"),
        ("10.1/x)", "10.1/x"),
        ("10.1/x].", "10.1/x"),
        ("<10.1/x>", "10.1/x"),
        ("<https://doi.org/10.1/x>", "10.1/x"),
        ("  10.1000/xyz\u200b ", "10.1000/xyz"),
        ("10.1016/0006-2952(79)90007-x", "10.1016/0006-2952(79)90007-x"),
        ("10.1016/0006-2952(79)90007-X).", "10.1016/0006-2952(79)90007-x"),
        (SICI.upper(), SICI),
        (SICI, SICI),
        ("10/gbrb4b", "10/gbrb4b"),
        ("https://doi.org/10/GBRB4B", "10/gbrb4b"),
        ("10.1016/j.cell. 2019.01.001", "10.1016/j.cell.2019.01.001"),
        ("10.1000/ xyz", "10.1000/xyz"),
        ("10.1000.10/abc", "10.1000.10/abc"),
        ("https://onlinelibrary.wiley.com/doi/10.1002/abc", "10.1002/abc"),
    ],
)
def test_normalize_doi_finds_the_canonical_doi(written: str, expected: str) -> None:
    assert normalize_doi(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "hello",
        "10.123/",
        "10.123",
        "11.1234/x",
        "10/10",
        "ISBN 978-3-16-148410-0",
        "https://example.org/page",
        "10.1234/.;",
        "1.10.1234/x",
    ],
)
def test_normalize_doi_rejects_what_is_not_a_doi(written: str) -> None:
    assert normalize_doi(written) is None


def test_find_dois_reports_offset_written_form_and_normalised() -> None:
    text = (
        "Smith (2019), doi:10.1/X. See [link](https://doi.org/10.1016/0006-2952(79)90007-x) "
        "and 10.1234/abc.def, <https://doi.org/10.1000/xyz>. Short: https://doi.org/10/gbrb4b."
    )
    found = find_dois(text)
    assert [(w, n) for _, w, n in found] == [
        ("doi:10.1/X", "10.1/x"),
        ("https://doi.org/10.1016/0006-2952(79)90007-x", "10.1016/0006-2952(79)90007-x"),
        ("10.1234/abc.def", "10.1234/abc.def"),
        ("https://doi.org/10.1000/xyz", "10.1000/xyz"),
        ("https://doi.org/10/gbrb4b", "10/gbrb4b"),
    ]
    for offset, written, _ in found:
        assert text[offset : offset + len(written)] == written


@pytest.mark.parametrize(
    "text",
    [
        "The score rose from 10.5/11 to 10/10 in 2019.",
        "Version 10.12/3 was released.",
        "a ratio of 10/abc is odd",  # a ShortDOI only counts after a resolver or label
        "see 110.1234/abc",
        "ISBN 978-3-16-148410-0, pp. 10-20",
    ],
)
def test_find_dois_ignores_look_alikes(text: str) -> None:
    assert find_dois(text) == []


def test_find_dois_keeps_escaped_underscore_as_written() -> None:
    [(offset, written, normalised)] = find_dois("Chapter 7. doi:10.1007/978-3-030-48215-9\\_7.")
    assert written == "doi:10.1007/978-3-030-48215-9\\_7"
    assert normalised == "10.1007/978-3-030-48215-9_7"
    assert offset == len("Chapter 7. ")


@pytest.mark.parametrize(
    "written",
    [
        "10.1/x",
        "10.1/X",
        "doi:10.1/x",
        "DOI: 10.1/x",
        "DOI 10.1/x",
        "https://doi.org/10.1/x",
        "HTTPS://DOI.ORG/10.1/X",
        "https://doi.org/10.1000/abc%3Cdef%3E",  # %-encoding belongs in URLs
        "10.1016/0006-2952(79)90007-x",
        SICI,
        "10/gbrb4b",
        "",
    ],
)
def test_doi_problem_accepts_correct_dois(written: str) -> None:
    assert doi_problem(written) is None


@pytest.mark.parametrize(
    ("written", "fixed", "words"),
    [
        ("10.1007/978-3-030-48215-9\\_7", "10.1007/978-3-030-48215-9_7", "escaped underscore"),
        ("10.1/x.", "10.1/x", "a trailing '.'"),
        ("DOI 10.1/x.", "DOI 10.1/x", "a trailing '.'"),
        ("https://doi.org/10.1/x;", "https://doi.org/10.1/x", "a trailing ';'"),
        ("10.1/x)", "10.1/x", "unbalanced ')'"),
        ("10.1016/0006-2952(79)90007-x]", "10.1016/0006-2952(79)90007-x", "unbalanced ']'"),
        ("<10.1/x>", "10.1/x", "angle brackets"),
        ("10.1016/j.cell. 2019.01.001", "10.1016/j.cell.2019.01.001", "space inside"),
        ("10.1000%2F182", "10.1000/182", "%-encoded"),
        ("10.1/x (print)", "10.1/x", "extra text '(print)'"),
        (
            "https://doi.org/10.1007/978-3-030-48215-9\\_7",
            "https://doi.org/10.1007/978-3-030-48215-9_7",
            "escaped underscore",
        ),
    ],
)
def test_doi_problem_names_the_problem_and_the_fix(written: str, fixed: str, words: str) -> None:
    problem = doi_problem(written)
    assert problem is not None
    assert problem.fixed == fixed
    assert words in problem.message
    assert not problem.cosmetic
    assert doi_problem(fixed) is None  # the fix is itself clean


@pytest.mark.parametrize(
    ("written", "fixed", "words"),
    [
        ("http://dx.doi.org/10.1/X", "https://doi.org/10.1/X", "dx.doi.org"),
        ("https://dx.doi.org/10.1/x", "https://doi.org/10.1/x", "dx.doi.org"),
        ("http://doi.org/10.1/x", "https://doi.org/10.1/x", "http://"),
    ],
)
def test_old_resolvers_are_cosmetic(written: str, fixed: str, words: str) -> None:
    problem = doi_problem(written)
    assert isinstance(problem, DoiProblem)
    assert (problem.fixed, problem.cosmetic) == (fixed, True)
    assert words in problem.message


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("10.123/", "nothing after the prefix"),
        ("11.1234/x", "starts with '10.'"),
        ("hello", "is not a DOI"),
        ("https://www.jstor.org/stable/1234", "is not a DOI"),
        ("https://onlinelibrary.wiley.com/doi/10.1002/abc", "web address"),
        ("10.1/x 10.2/y", "more than one DOI"),
    ],
)
def test_doi_problem_without_a_certain_fix(written: str, words: str) -> None:
    problem = doi_problem(written)
    assert problem is not None
    assert problem.fixed is None
    assert words in problem.message
