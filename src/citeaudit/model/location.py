"""Where something stands in the user's input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file; lines and columns are 1-based, as editors count them."""

    file: str
    line: int | None = None
    column: int | None = None
    # What `line` counts: "line", or "paragraph" in a Word file, where a place is told
    # by its paragraph and the sentence quoted (`excerpt`), which Word's Find locates.
    unit: str = "line"
    excerpt: str | None = None
    # A PDF's page (1-based): `line` then counts the printed lines of that page, as an
    # editor counts them on the page shown.
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            where = f"{self.file}, p. {self.page}"
            return f"{where}, line {self.line}" if self.line is not None else where
        if self.unit != "line" and self.line is not None:
            where = f"{self.file}, {self.unit} {self.line}"
            return f"{where} “{self.excerpt}”" if self.excerpt else where
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)
