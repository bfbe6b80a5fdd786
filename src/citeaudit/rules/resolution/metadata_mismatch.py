"""REG004 metadata-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.matching.records import is_preprint_record
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import RegistryRecord
from citeaudit.resolve.authors import align_authors
from citeaudit.resolve.title_slips import title_slip, written_in
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import describe, with_doi_record

_MARKUP = re.compile(r"<[^<>]+>")
_ET_AL = re.compile(r"\bet\.? al\b|\bu\. a\.|\band others\b", re.IGNORECASE)


class MetadataMismatch(Rule):
    """The authors, the title or the version differ from the DOI's registry record.

    Why: the DOI is the right work (title or authors agree) but the entry misstates it:
    an author misspelt ("Smtih"), dropped (the list starts with the record's second
    author), added or put out of order; a title cut short or with other words; or a
    preprint's DOI on an entry that cites the journal version (or the reverse). The
    author lists are aligned name by name, so the message says exactly what differs.
    What legitimately varies is not reported: case, accents, transliteration, particles
    ("van der Walt"), a list stopped after the first authors, punctuation, subtitle
    separators, a missing subtitle, markup in the record's title, spelling conventions.

    Example: an entry for "Array programming with NumPy" whose authors are
    "Millman, van der Walt", while the record's are Harris, Millman, van der Walt.

    Fix: take the authors or the title from the registry's record (the fix gives them),
    or use the DOI of the version cited.
    """

    name = "metadata-mismatch"
    code = "REG004"
    severity = Severity.WARNING
    phase = Phase.RESOLUTION
    summary = "The entry's authors, title or version differ from the DOI's record."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, record, cmp in with_doi_record(data):
            if cmp.different_work:
                continue
            if cmp.container is False:
                # Preprint and journal versions differ in title and authors anyway.
                yield self._version(ref, record)
                continue
            yield from self._authors(ref, record)
            yield from self._title(ref, record)

    def _authors(self, ref: Reference, record: RegistryRecord) -> Iterable[Finding]:
        slips = align_authors(ref.authors, record.authors, et_al=bool(_ET_AL.search(ref.raw)))
        if not slips:
            return
        yield self.finding(
            f"Authors of the entry for DOI {ref.doi} differ from the registry's record "
            f"{describe(record)}: the entry " + "; ".join(s.describe() for s in slips),
            ref.location,
            reference=ref.id,
            fix=Fix(
                "Use the record's authors: " + _short_list(record.authors),
                replacement=" and ".join(str(p) for p in record.authors),
            ),
        )

    def _title(self, ref: Reference, record: RegistryRecord) -> Iterable[Finding]:
        if not ref.title or not record.title:
            return
        ellipsis = ref.title.rstrip().endswith(("...", "…"))
        slip = title_slip(ref.title, record.title, ellipsis=ellipsis)
        if slip is None or written_in(ref.raw, record.title):
            return  # the entry as written holds the record's title: the parser's cut
        title = " ".join(_MARKUP.sub(" ", record.title).split())
        yield self.finding(
            f"Title of the entry for DOI {ref.doi} differs from the registry's record: "
            + slip.describe(record.title),
            ref.location,
            reference=ref.id,
            fix=Fix(f"Use the record's title: '{title}'", replacement=title),
        )

    def _version(self, ref: Reference, record: RegistryRecord) -> Finding:
        if is_preprint_record(record):
            problem = (
                f"the DOI is a preprint's ({record.container or 'preprint server'}) "
                f"but the entry cites {ref.container or 'a published version'}"
            )
        else:
            problem = (
                f"the entry cites a preprint but the DOI is the published version "
                f"in {record.container}"
            )
        return self.finding(
            f"Entry for DOI {ref.doi} disagrees with the registry's record "
            f"{describe(record)}: {problem}",
            ref.location,
            reference=ref.id,
            fix=Fix("Use the DOI of the version cited, or cite the version the DOI names"),
        )


def _short_list(people: tuple[Person, ...]) -> str:
    names = [p.family for p in people[:6]]
    return ", ".join(names) + (f" and {len(people) - 6} more" if len(people) > 6 else "")
