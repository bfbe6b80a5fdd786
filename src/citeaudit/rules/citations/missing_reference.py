"""missing-reference: a citation with no entry in the reference list."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import process

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.citations.bare_keys import BARE_KEY
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._cited import matched_citations
from citeaudit.rules.citations._cited_by_lead import cited_by_lead
from citeaudit.rules.citations._describe import describe_citation
from citeaudit.rules.citations._grouping import group_by_work, other_places
from citeaudit.rules.citations._inline_reference import is_inline_reference
from citeaudit.rules.citations._life_dates import are_life_dates, is_span_after_one_name
from citeaudit.rules.citations._pending import cites_pending_work

# key comparisons the "Did you mean" search may spend in one audit (~2 s on a loaded
# worker; rapidfuzz's default scorer costs ~1.8 us a pair of real keys, so five million
# pairs were 7-28 s): a missing key is compared with every entry's key, so the work is
# missing keys x entries
SUGGESTION_PAIRS = 1_000_000
# ... and what they may cost: a pair costs the product of the two keys' lengths, so two
# 4,000-character keys cost what 40,000 pairs of real keys do (~1 s in all). A key
# longer than any real one is never compared: a typo of it is no typo.
SUGGESTION_CHARACTERS = 50_000_000_000
LONGEST_SUGGESTED_KEY = 100


class MissingReference(Rule):
    """Checks that every in-text citation has an entry in the reference list.

    Why: a reader cannot find a work that is cited but not listed; journals reject
    manuscripts for it, and it often means a source was dropped during revision.

    Example: the text says "(Fakhrunisa, 2019)" and the list has no Fakhrunisa entry;
    or ``\\citep{smith2019}`` with no ``@article{smith2019,`` in the .bib file.

    A citation whose name an entry opens with, the entry holding its year, is not
    missing even when the entry's fields were read wrongly (``_cited_by_lead``).
    Only citations the extractor is sure of are reported here; a name before a year
    that may be a citation ("See also Thompson (2015)") is possible-missing-reference.
    A work cited as not yet accepted ("(Lee, in prep.)", "(Ortiz et al., submitted)")
    is possible-missing-reference too: many styles and journals do not list such works.
    A name with a life's span of years ("the late Klaus Hartmann (1929–2015)") is a
    person, not a citation, when no entry has it; one name with a shorter span
    ("Nancy Adams 1969–1987", years of service) is possible-missing-reference.
    A whole reference typed in the text -- names with their initials, the year, then
    a title ("(Orrin Q, Lasky J, 2014, Facial gestalt images database)", eLife's
    datasets) -- is the reference itself, not a pointer to a missing entry
    (``_inline_reference``).
    A pandoc key written without its "@" ("[jones2019]") is
    pandoc-citation-without-at's, not a missing work.
    The same missing work cited several times is one finding, at its first citation,
    listing the other places.
    With no reference entry at all in the audit (no list, no bibliography found, or
    one that is empty) and three or more works cited, every citation is missing for
    the same reason: one finding per manuscript says so, at its first citation, with
    the count and the first keys; an editor fixes it once, by passing or adding the
    list. One or two works are still named one by one, as precise as the summary.

    Fix: add the entry, or correct the citation. For a key that is close to an
    existing one (a typo), the fix names the likely key. Looking for it compares the
    key with every entry's key, so an audit spends at most `SUGGESTION_PAIRS` such
    comparisons in all, and at most `SUGGESTION_CHARACTERS` compared character pairs
    (a pair of keys costs the product of their lengths); keys longer than
    `LONGEST_SUGGESTED_KEY` are neither suggested for nor offered. Past the bounds a
    missing key gets the plain fix. Without them, a hostile upload of 25,000 missing
    keys against 100,000 entries asked for 2.5 billion fuzzy comparisons (~20 minutes
    of a worker), and 200 made-up keys of 4,000 characters against as many entries
    13 s; real papers miss a few keys out of a few hundred or thousand entries, far
    under both.
    """

    name = "missing-reference"
    code = "CIT002"
    severity = Severity.ERROR
    summary = "Citation with no entry in the reference list"

    def check(self, data: AuditData) -> Iterable[Finding]:
        matched = matched_citations(data.matches)
        matched |= cited_by_lead(data).keys()
        keys = [r.key for r in data.references if r.key]
        unreadable = _unreadable_keys(data)
        # only keys a typo could have made are offered ("Did you mean"), and charged
        short = [k for k in keys if len(k) <= LONGEST_SUGGESTED_KEY]
        short_characters = sum(len(k) for k in short)
        missing = [
            c
            for c in data.citations
            if c.id not in matched
            and c.key != "*"
            and c.command != BARE_KEY  # "[jones2019]": pandoc-citation-without-at
            and not (c.key is not None and c.key.lower() in unreadable)
            and c.certainty is Certainty.SURE
            and not cites_pending_work(c)
            and not are_life_dates(c)
            and not is_span_after_one_name(c)
            and not is_inline_reference(c)  # "(Orrin Q, Lasky J, 2014, A dataset title)"
        ]
        if not data.references and len(group_by_work(missing)) >= _SUMMARISED:
            yield from self._no_entries(data, missing)
            return
        add = Fix("Add the cited work to the reference list, or correct the citation")
        # Works cited in one marker share its text: one message object for them all
        # (80,000 keys in one \cite held 80,000 copies of the same 500-byte message).
        shared: dict[str, str] = {}
        pairs_left, characters_left = SUGGESTION_PAIRS, SUGGESTION_CHARACTERS
        for group in group_by_work(missing):
            cit = group[0]
            fix = add
            if cit.kind is CitationKind.KEY and cit.key and keys:
                cost = len(cit.key) * short_characters
                if (
                    short
                    and len(cit.key) <= LONGEST_SUGGESTED_KEY
                    and pairs_left >= len(short)
                    and characters_left >= cost
                ):
                    pairs_left -= len(short)
                    characters_left -= cost
                    best = process.extractOne(cit.key, short, score_cutoff=85)
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

    def _no_entries(self, data: AuditData, missing: list[Citation]) -> Iterable[Finding]:
        """One finding per manuscript: its citations, none of which can have an entry."""
        manuscript_of: dict[str, str] = {}
        for document in data.manuscripts:
            for name in (document.path, *document.files):
                manuscript_of.setdefault(name, document.path)
        per_manuscript: dict[str, list[Citation]] = {}
        for cit in missing:
            owner = manuscript_of.get(cit.location.file, cit.location.file)
            per_manuscript.setdefault(owner, []).append(cit)
        if data.bibliographies:
            sources = ", ".join(dict.fromkeys(b.source for b in data.bibliographies))
            why = f"the bibliography ({sources}) has no entries"
            advice = "check that file (or add the reference list)"
            fix = Fix("Check the bibliography file, or add the reference list")
        else:
            why = "no reference list or bibliography was found"
            advice = "pass the bibliography with --bib (or add the reference list)"
            fix = Fix("Pass the bibliography with --bib, or add the reference list")
        for citations in per_manuscript.values():
            works = group_by_work(citations)
            named = [_cited_as(group[0]) for group in works[:_NAMED]]
            if len(works) > _NAMED:
                named.append(f"and {len(works) - _NAMED} more")
            count = len(citations)
            message = (
                f"{count} citation{'s' if count != 1 else ''} ({len(works)} "
                f"work{'s' if len(works) != 1 else ''}: {', '.join(named)}) but {why}"
                f" -- {advice}; the citations are not reported one by one"
            )
            first = citations[0]
            yield self.finding(message, first.location, citation=first.id, fix=fix)


def _unreadable_keys(data: AuditData) -> frozenset[str]:
    """Keys (lower case, as BibTeX compares them) of entries a bibliography holds but
    could not read: unparseable-reference names each, so a citation of one is not
    "missing" -- the entry is there, broken, and one finding says so."""
    keys: set[str] = set()
    for bibliography in data.bibliographies:
        for problem in bibliography.problems:
            found = _KEY_IN_RAW.match(problem.raw.lstrip()) if problem.raw else None
            if found is not None and found.group(1).lower() not in _NOT_ENTRIES:
                keys.add(found.group(2).lower())
    return frozenset(keys)


# "@article{key," as a BibTeX block opens (its type, its key); what an unreadable
# block's raw text opens with when it is an entry
_KEY_IN_RAW = re.compile(r"@\s*(\w{1,40})\s*[{(]\s*([^,\s{}()]{1,200})\s*,")
_NOT_ENTRIES = frozenset({"string", "preamble", "comment"})
_SUMMARISED = 3  # missing works from which a list-less audit says it once, not per work
_NAMED = 5  # works named in the one finding for a manuscript with no entries


def _cited_as(cit: Citation) -> str:
    """The key, or the name and year, as the editor would search the text for it."""
    if cit.key is not None:
        return cit.key
    return describe_citation(cit)
