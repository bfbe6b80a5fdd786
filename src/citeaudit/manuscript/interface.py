"""The manuscript reader extension point: one implementation per format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from citeaudit.manuscript.document import Document


class ManuscriptReader(ABC):
    """Reads one manuscript format into a Document.

    Raises `citeaudit.errors.InputError` only when the file cannot be read at all.
    """

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    @abstractmethod
    def read(self, path: Path) -> Document: ...
