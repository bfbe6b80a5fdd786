"""A reference manager's citation field, as the manuscript carries it to the extractors.

Why a type of its own: Zotero, Mendeley and EndNote write each in-text citation as a
Word field whose code names the cited works (authors, year, title, DOI). What Word
shows is only the field's result; an author may edit it, a style may drop its
superscript. The reader links each named work to its list entry and hands the
citation over whole (`Document.citation_fields`), so the text extractors never have
to guess what the field already says.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldItem:
    """One work a field names, as the reference manager describes it."""

    authors: tuple[str, ...] = ()  # family names (or an organisation), in order
    year: int | None = None
    title: str = ""
    doi: str = ""  # lower case, without a resolver prefix
    entry: int | None = None  # 1-based index of its reference-list entry, once linked

    def describe(self) -> str:
        """ "Smith & Lee 2019, "A title"" -- how an editor finds the work."""
        names = self.authors
        if not names:
            who = ""
        elif len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} & {names[1]}"
        else:
            who = f"{names[0]} et al."
        year = str(self.year) if self.year else "n.d."
        head = f"{who} {year}".strip()
        title = self.title if len(self.title) <= 80 else self.title[:79] + "…"
        if title:
            head += f', "{title}"'
        if self.doi:
            head += f" (doi:{self.doi[:80]})"
        return head


@dataclass(frozen=True, slots=True)
class FieldCitation:
    """A citation field: where its result stands and the works its code names."""

    paragraph: int  # Word's paragraph number, as `Line.number`
    shown: str  # the field's result, as Word shows it
    manager: str  # "Zotero", "Mendeley", "EndNote"
    # the works, each linked to its entry or not; none when the code could not say
    # (the shown text is then read as any text is)
    items: tuple[FieldItem, ...]
    offset: int = 0  # about where the result starts in the paragraph's text
