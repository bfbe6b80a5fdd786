"""Builders for hand-made Documents and References."""

from __future__ import annotations

from citeaudit.manuscript.citations import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
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


def numbered(
    body: str, entries: int = 12, superscripts: dict[int, list[str]] | None = None
) -> Document:
    """A Markdown document over `body` with a numbered list of `entries` made-up entries;
    `superscripts` gives each line's superscript pieces, in order."""
    lines = []
    for number, text in enumerate(body.split("\n"), start=1):
        spans: list[tuple[int, int]] = []
        for piece in (superscripts or {}).get(number, []):
            start = text.index(piece, spans[-1][1] if spans else 0)
            spans.append((start, start + len(piece)))
        lines.append(Line("p.md", number, text, tuple(spans)))
    refs = tuple(
        RawEntry(
            f"{k}. Author{k} A. Made-up title. J Made Up. 2020;{k}:1-9.",
            Location("p.md", 200 + k),
            f"{k}. Author{k}",
        )
        for k in range(1, entries + 1)
    )
    return Document("p.md", "markdown", tuple(lines), reference_entries=refs)


def cited(document: Document) -> list[list[int | None]]:
    return [[c.number for c in m.citations] for m in NumericExtractor().markers(document)]
