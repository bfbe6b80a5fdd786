"""The in-text citation extractor extension point: one implementation per syntax."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation


class CitationExtractor(ABC):
    """Finds one syntax of citations in a Document's body.

    Extractors return citations without ids; `extract_citations` numbers them
    ("cit-1", "cit-2", ...) in document order after merging every extractor's output.
    """

    syntax: ClassVar[str]

    @abstractmethod
    def extract(self, document: Document) -> list[Citation]: ...
