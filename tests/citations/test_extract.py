from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import CitationKind
from tests.citations.helpers import document


def test_markdown_runs_pandoc_author_year_and_numeric_in_document_order() -> None:
    doc = document(
        "Intro [@lee2020] and (Smith, 2019).\n"
        "Numbers [2, 3] too; mail me at someone@example.org.\n"
        "Later (Park & Kim, 2021a)."
    )
    cits = extract_citations(doc)
    assert [c.id for c in cits] == ["cit-1", "cit-2", "cit-3", "cit-4", "cit-5"]
    assert [(c.kind, c.location.line, c.location.column) for c in cits] == [
        (CitationKind.KEY, 1, 7),
        (CitationKind.AUTHOR_YEAR, 1, 22),
        (CitationKind.NUMERIC, 2, 9),
        (CitationKind.NUMERIC, 2, 9),
        (CitationKind.AUTHOR_YEAR, 3, 7),
    ]


def test_latex_documents_use_only_the_latex_extractor() -> None:
    doc = document(r"See \citep{a} and (Smith, 2019) and [3].", fmt="latex", path="p.tex")
    cits = extract_citations(doc)
    assert [(c.id, c.key, c.command) for c in cits] == [("cit-1", "a", "citep")]


def test_a_span_is_claimed_once() -> None:
    # "[[3]](#ref3)" contains "[3]": one marker, not two; "[@a]" is never numeric.
    cits = extract_citations(document("See [[3]](#ref3) and [@a]."))
    assert [(c.kind, c.text) for c in cits] == [
        (CitationKind.NUMERIC, "[[3]](#ref3)"),
        (CitationKind.KEY, "[@a]"),
    ]


def test_lines_keep_their_own_file_and_number() -> None:
    from citeaudit.manuscript.document import Document, Line

    doc = Document(
        path="main.tex",
        format="latex",
        lines=(
            Line("main.tex", 10, r"Intro \cite{a}."),
            Line("sec/intro.tex", 3, r"More \cite{b}."),
        ),
    )
    cits = extract_citations(doc)
    assert [str(c.location) for c in cits] == ["main.tex:10:7", "sec/intro.tex:3:6"]


def test_empty_document() -> None:
    assert extract_citations(document("")) == ()
