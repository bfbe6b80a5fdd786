"""Builders for hand-made Documents and References."""

from __future__ import annotations

from citeaudit.manuscript.document import Document, Line
from citeaudit.model.citation import Citation
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference


def document(text: str, fmt: str = "markdown", path: str = "paper.md") -> Document:
    lines = tuple(Line(path, n, t) for n, t in enumerate(text.split("\n"), start=1))
    return Document(path=path, format=fmt, lines=lines)


def reference(
    index: int,
    *families: str,
    year: int | None = None,
    suffix: str | None = None,
    no_date: bool = False,
    key: str | None = None,
    raw: str = "",
    organisation: bool = False,
) -> Reference:
    return Reference(
        id=key or f"ref-{index}",
        index=index,
        location=Location("refs.bib", index),
        raw=raw or f"{', '.join(families)} ({year}).",
        key=key,
        authors=tuple(Person(f, organisation=organisation) for f in families),
        year=year,
        year_suffix=suffix,
        no_date=no_date,
    )


def summary(citations: tuple[Citation, ...] | list[Citation]) -> list[tuple[object, ...]]:
    """(authors, year, suffix) of each author-year citation, for compact assertions."""
    return [(c.authors, c.year, c.year_suffix) for c in citations]
