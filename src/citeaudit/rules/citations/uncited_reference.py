"""uncited-reference: an entry in the reference list that the text never cites."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._cited import cited_ids
from citeaudit.rules.citations._cited_by_address import cited_by_address
from citeaudit.rules.citations._cited_by_author_page import cited_by_author_page
from citeaudit.rules.citations._cited_by_lead import cited_by_lead
from citeaudit.rules.citations._cited_by_mention import cited_by_mention
from citeaudit.rules.citations._cited_by_name_and_title import cited_by_name_and_title
from citeaudit.rules.citations._coverage import poor_coverage
from citeaudit.rules.citations._describe import describe_reference

# Bibliography formats that are databases, not a printed list.
DATABASE_FORMATS = frozenset({"bibtex", "ris", "csl-json", "csl-yaml"})


class UncitedReference(Rule):
    """Checks that every reference-list entry is cited somewhere in the text.

    Why: APA, Chicago and most journals require the list to hold exactly the cited
    works; an uncited entry is padding, or the trace of a citation that was deleted.

    Example: the list has "Yani, M. Y., ... (2017). Pengantar Studi Keamanan." and no
    "(Yani et al., 2017)" appears in the text.

    Fix: cite the work where it supports the text, or remove the entry. A citation
    with the wrong year still counts as citing the entry (citation-year-mismatch says
    so), and LaTeX's ``\\nocite{*}`` cites everything; so does the entry's own web
    address written in the text ("in Google Earth (http://www.google.com/earth)"),
    and the text naming the entry's first author a few words before its year in a form
    no citation reader knows ("as Okafor argued in her 2017 survey"): the work is
    cited, and calling it uncited would be a false alarm (``_cited_by_mention``).
    A citation the matcher could not link because the entry's fields were read wrongly
    cites it all the same when the entry opens with the cited name and holds the cited
    year (``_cited_by_lead``). Styles that cite without a year are read as an editor
    reads them: a note or sentence naming the author and the title's opening words
    (Chicago notes, ``_cited_by_name_and_title``), and MLA's "(Hartley 45)" or a page
    after the author's name (``_cited_by_author_page``).
    Only runs when a manuscript was read: a bare bibliography has nothing to be cited
    by. When almost the whole of a manuscript's own list is uncited,
    citations-not-recognised says so once instead.

    A database (BibTeX, RIS, CSL-JSON) is not the printed list: BibTeX, biblatex and
    pandoc print only the works the text cites, so an entry nobody cites there is no
    error in the article -- a database shared by many papers holds dozens. Those are
    reported as info (reviewing 91 real manuscripts, they were 94 % of all uncited
    findings, each one literally true and none a problem an editor would act on). A
    reference list the manuscript prints itself, or one given as text, stays a warning.
    """

    name = "uncited-reference"
    code = "CIT001"
    severity = Severity.WARNING
    summary = "Reference-list entry never cited in the text"

    def check(self, data: AuditData) -> Iterable[Finding]:
        if not data.manuscripts:
            return
        if any(c.key == "*" for c in data.citations):
            return
        cited = cited_ids(data.matches) | cited_by_address(data)
        cited |= set(cited_by_lead(data).values())
        coverage = poor_coverage(data)
        summarised = {r.id for r in coverage.entries} if coverage else set()
        in_database = {
            ref.id
            for bib in data.bibliographies
            if bib.format in DATABASE_FORMATS
            for ref in bib.references
        }
        left = [
            ref
            for ref in data.references
            if ref.id not in cited
            and ref.id not in summarised
            and ("further_reading", "true") not in ref.extra
        ]
        named = cited_by_mention(data, left)
        named |= cited_by_name_and_title(data, left) | cited_by_author_page(data, left)
        for ref in left:
            if ref.id in named:
                continue
            if ref.id in in_database:
                yield self.finding(
                    f"{describe_reference(ref)} is in {ref.location.file} but never cited "
                    "(BibTeX, biblatex and pandoc leave it out of the printed list)",
                    ref.location,
                    reference=ref.id,
                    fix=Fix(
                        "Nothing to fix in the printed article; cite it, or remove it "
                        "from the database to keep it tidy"
                    ),
                    severity=Severity.INFO,
                )
                continue
            yield self.finding(
                f"{describe_reference(ref)} is in the reference list but never cited in the text",
                ref.location,
                reference=ref.id,
                fix=Fix("Cite this work in the text, or remove it from the reference list"),
            )
