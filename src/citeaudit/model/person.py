"""A person or an organisation named as an author."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Person:
    """An author. Organisations ("NATO", "World Health Organization") have only `family`.

    `family` is what citations name, so it is kept as written (particles included:
    "van der Berg"); matching code normalises it, not this type.
    """

    family: str
    given: str | None = None
    organisation: bool = False

    def __str__(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family
