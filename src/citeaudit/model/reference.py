"""A bibliography entry, whatever format it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from citeaudit.model.location import Location
from citeaudit.model.person import Person


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a bibliography.

    `id` is stable within an audit: the BibTeX/CSL key when there is one, else
    ``ref-<index>``. `doi` is normalised (lower-case, no resolver prefix, unescaped);
    `doi_raw` keeps what the author wrote so the malformed-doi rule can compare.
    """

    id: str
    index: int
    location: Location
    raw: str
    key: str | None = None
    kind: str | None = None  # e.g. "article", "book", "chapter", "webpage", "report"
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    year: int | None = None
    year_suffix: str | None = None
    no_date: bool = False  # "n.d." / "o. J." / "s.f."
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    doi_raw: str | None = None
    urls: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def first_author_family(self) -> str | None:
        return self.authors[0].family if self.authors else None

    @property
    def year_label(self) -> str:
        """The year as citations write it: "2019a", "n.d." or ""."""
        if self.year is None:
            return "n.d." if self.no_date else ""
        return f"{self.year}{self.year_suffix or ''}"
