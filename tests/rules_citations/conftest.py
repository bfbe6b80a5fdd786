from __future__ import annotations

from collections.abc import Sequence

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.manuscript.document import Document, Line
from citeaudit.model import Citation, CitationKind, CitationMatch, Location, Person, Reference


def ref(
    rid: str,
    family: str,
    year: int | None,
    line: int,
    suffix: str | None = None,
    key: str | None = None,
) -> Reference:
    return Reference(
        id=rid,
        index=line,
        location=Location("paper.md", line),
        raw=f"{family} ({year}{suffix or ''}). Title of {rid}.",
        key=key,
        authors=(Person(family, "A."),),
        year=year,
        year_suffix=suffix,
    )


def cit(
    cid: str,
    text: str,
    line: int,
    *,
    family: str | None = None,
    year: int | None = None,
    key: str | None = None,
    number: int | None = None,
    kind: CitationKind = CitationKind.AUTHOR_YEAR,
) -> Citation:
    return Citation(
        id=cid,
        text=text,
        item=text.strip("()[]"),
        location=Location("paper.md", line, 5),
        kind=kind,
        authors=(family,) if family else (),
        year=year,
        key=key,
        number=number,
    )


def data(
    refs: Sequence[Reference],
    cits: Sequence[Citation],
    matches: Sequence[CitationMatch],
    with_manuscript: bool = True,
) -> AuditData:
    doc = Document(path="paper.md", format="markdown", lines=(Line("paper.md", 1, "x"),))
    return AuditData(
        manuscripts=(doc,) if with_manuscript else (),
        bibliographies=(Bibliography("paper.md", "freetext", tuple(refs)),),
        citations=tuple(cits),
        matches=tuple(matches),
    )
