"""The bibliography reader extension point: one implementation per file format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """Input that could not be read as a reference: becomes an unparseable-reference finding."""

    location: Location
    message: str
    raw: str = ""
    unreadable: bool = False  # a whole input file could not be read (the CLI exits 2)


@dataclass(frozen=True, slots=True)
class Bibliography:
    source: str  # the file, or the manuscript for an in-text reference list
    format: str  # "bibtex", "ris", "csl-json", "freetext"
    references: tuple[Reference, ...]
    problems: tuple[ParseProblem, ...] = ()


class BibliographyReader(ABC):
    """Reads one bibliography format.

    A bad entry becomes a ParseProblem and the rest is still read; raise
    `citeaudit.errors.InputError` only when nothing at all can be read.
    """

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    @abstractmethod
    def read(self, path: Path) -> Bibliography: ...
