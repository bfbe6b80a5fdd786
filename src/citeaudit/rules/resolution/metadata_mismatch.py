"""REG004 metadata-mismatch."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData, Phase
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.resolve.matching import METADATA_TITLE, is_preprint_record
from citeaudit.rules.base import Rule
from citeaudit.rules.resolution._common import describe, with_doi_record


class MetadataMismatch(Rule):
    """The first author or the title clearly differs from the DOI's registry record.

    Why: the DOI seems to be the right work (the titles or authors partly agree) but
    the entry misstates it -- a misspelt or swapped first author, a garbled title, or a
    preprint's DOI on an entry that cites the journal version (or the reverse).
    Small differences (case, accents, punctuation, a missing subtitle) are not
    reported.

    Example: an entry for "Array programming with NumPy" whose first author is
    "Oliphant", while the record's first author is Harris.

    Fix: correct the entry from the registry's record, or use the DOI of the version
    cited.
    """

    name = "metadata-mismatch"
    code = "REG004"
    severity = Severity.WARNING
    phase = Phase.RESOLUTION
    summary = "The entry's first author or title clearly differs from the DOI's record."

    def check(self, data: AuditData) -> Iterable[Finding]:
        for ref, record, cmp in with_doi_record(data):
            if cmp.different_work:
                continue
            problems = []
            if cmp.author is False and ref.first_author_family:
                names = ", ".join(p.family for p in record.authors[:3])
                problems.append(
                    f"first author '{ref.first_author_family}' is not among the record's "
                    f"authors ({names})"
                )
            if cmp.title is not None and cmp.title < METADATA_TITLE:
                problems.append(f"the title differs from the record's '{record.title}'")
            if cmp.container is False:
                if is_preprint_record(record):
                    problems.append(
                        f"the DOI is a preprint's ({record.container or 'preprint server'}) "
                        f"but the entry cites {ref.container or 'a published version'}"
                    )
                else:
                    problems.append(
                        f"the entry cites a preprint but the DOI is the published version "
                        f"in {record.container}"
                    )
            if not problems:
                continue
            yield self.finding(
                f"Entry for DOI {ref.doi} disagrees with the registry's record "
                f"{describe(record)}: " + "; ".join(problems),
                ref.location,
                reference=ref.id,
                fix=Fix(
                    "Correct the entry from the registry's record, or use the DOI of "
                    "the version cited"
                ),
            )
