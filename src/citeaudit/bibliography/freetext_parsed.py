"""The fields one entry yields while it is parsed, before it becomes a `Reference`.

Mutable on purpose: the passes of the free-text parser (`freetext`) fill it in turn,
and the tagger (`freetext_merge`) may overrule the rules' title and container.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citeaudit.model.person import Person


@dataclass(slots=True)
class ParsedFields:
    """The fields one entry yields; `Reference` is built from it."""

    authors: tuple[Person, ...] = ()
    et_al: bool = False
    year: int | None = None
    year_suffix: str | None = None
    no_date: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    doi_raw: str | None = None
    urls: list[str] = field(default_factory=list)
    kind: str | None = None
    style: str | None = None  # the shape recognised: "author-date", "quoted", "vancouver", ...
    repeated_authors: bool = False  # a dash for "the same authors as the entry before"
    # the text the rules read when it is not the entry as given (a citation label taken
    # off its front): the tagger must read the same tokens
    tagged_text: str | None = None
