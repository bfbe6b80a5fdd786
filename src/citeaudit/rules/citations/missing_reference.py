"""missing-reference: a citation with no entry in the reference list."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.citations.bare_keys import BARE_KEY
from citeaudit.model.citation import Certainty, CitationKind
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_citation
from citeaudit.rules.citations._grouping import group_by_work, other_places
from citeaudit.rules.citations._life_dates import are_life_dates
from citeaudit.rules.citations._pending import cites_pending_work


class MissingReference(Rule):
    """Checks that every in-text citation has an entry in the reference list.

    Why: a reader cannot find a work that is cited but not listed; journals reject
    manuscripts for it, and it often means a source was dropped during revision.

    Example: the text says "(Fakhrunisa, 2019)" and the list has no Fakhrunisa entry;
    or ``\\citep{smith2019}`` with no ``@article{smith2019,`` in the .bib file.

    Only citations the extractor is sure of are reported here; a name before a year
    that may be a citation ("See also Thompson (2015)") is possible-missing-reference.
    A work cited as not yet accepted ("(Lee, in prep.)", "(Ortiz et al., submitted)")
    is possible-missing-reference too: many styles and journals do not list such works.
    A name with a life's span of years ("the late Klaus Hartmann (1929–2015)") is a
    person, not a citation, when no entry has it.
    A pandoc key written without its "@" ("[jones2019]") is
    pandoc-citation-without-at's, not a missing work.
    The same missing work cited several times is one finding, at its first citation,
    listing the other places.

    Fix: add the entry, or correct the citation. For a key that is close to an
    existing one (a typo), the fix names the likely key.
    """

    name = "missing-reference"
    code = "CIT002"
    severity = Severity.ERROR
    summary = "Citation with no entry in the reference list"

    def check(self, data: AuditData) -> Iterable[Finding]:
        matched = {m.citation_id for m in data.matches if m.targets or m.year_mismatch}
        keys = [r.key for r in data.references if r.key]
        missing = [
            c
            for c in data.citations
            if c.id not in matched
            and c.key != "*"
            and c.command != BARE_KEY  # "[jones2019]": pandoc-citation-without-at
            and c.certainty is Certainty.SURE
            and not cites_pending_work(c)
            and not are_life_dates(c)
        ]
        add = Fix("Add the cited work to the reference list, or correct the citation")
        # Works cited in one marker share its text: one message object for them all
        # (80,000 keys in one \cite held 80,000 copies of the same 500-byte message).
        shared: dict[str, str] = {}
        for group in group_by_work(missing):
            cit = group[0]
            fix = add
            if cit.kind is CitationKind.KEY and cit.key and keys:
                best = process.extractOne(cit.key, keys, score_cutoff=85)
                if best is not None:
                    fix = Fix(f'Did you mean "{best[0]}"? Replace the key', best[0])
                message = (
                    f'{describe_citation(cit)} cites key "{cit.key}", '
                    "which no bibliography entry has"
                )
            elif cit.kind is CitationKind.NUMERIC:
                count = len(data.references)
                if cit.number is not None and 0 < cit.number <= count:
                    # the list numbers its entries itself and skips this one (or two
                    # entries share a paragraph, "[12] ... 1979. [13]Beaujean ...")
                    why = f"no entry of the reference list is numbered {cit.number}"
                else:
                    why = f"the reference list has {count} entries"
                message = f"{describe_citation(cit)} cites entry {cit.number}, but {why}"
            else:
                message = f"{describe_citation(cit)} has no matching entry in the reference list"
            message += other_places(group)
            message = shared.setdefault(message, message)
            yield self.finding(message, cit.location, citation=cit.id, fix=fix)
