"""A check's state before it is final, said by type rather than by its reason's wording.

Two things used to ride in `LinkCheck.reason` prefixes: that a reason is about a DOI's
landing page rather than the link itself (the archive is then asked for that page),
and that a verdict waits for our own network. Here they are a `Subject` and a
`Pending`; the reason users read is composed from them once (`Subject.reason`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from citeaudit.model.link import LinkCheck

__all__ = ["Checked", "Judged", "Pending", "Subject"]


class Subject(Enum):
    """What a check's failure is about."""

    LINK = "link"  # the URL or DOI the manuscript names
    DOI_TARGET = "doi-target"  # a registered DOI's landing page (the DOI itself is fine)

    def reason(self, inner: str | None) -> str | None:
        """The reason users read: a landing page's failure says so ("doi-target-dns")."""
        if self is Subject.DOI_TARGET and inner is not None:
            return f"doi-target-{inner}"
        return inner

    def archived_url(self, check: LinkCheck) -> str:
        """The page an archived copy is asked for: a DOI's landing page, or the link."""
        if self is Subject.DOI_TARGET and check.final_url:
            return check.final_url
        return check.url


@dataclass(frozen=True, slots=True)
class Judged:
    """A verdict that stands (an archive suggestion may still be added)."""

    check: LinkCheck
    subject: Subject = Subject.LINK


@dataclass(frozen=True, slots=True)
class Pending:
    """A check whose verdict waits for the state of our own network.

    `error`: the failure (`errors.REFUSED` or `errors.DNS`), not yet a verdict;
    `subject`: whose failure it is (a DOI's landing page's, the DOI being fine).
    """

    check: LinkCheck
    error: str
    subject: Subject = Subject.LINK


Checked = Judged | Pending
