"""ambiguous-citation: a citation that fits more than one entry."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citeaudit.audit_data import AuditData
from citeaudit.candidate_lists import LISTED
from citeaudit.model.citation import Citation
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_citation, describe_reference
from citeaudit.rules.citations._grouping import other_places, work_identity

_LISTED = LISTED  # candidates named in a finding at most


def _same_work(targets: Iterable[Reference]) -> bool:
    """Whether the candidates are one work listed twice (same DOI, or same title)."""
    dois = set()
    titles = set()
    for ref in targets:
        dois.add(ref.doi)
        titles.add(re.sub(r"\W+", " ", (ref.title or ref.raw).casefold()).strip())
    return (len(dois) == 1 and None not in dois) or len(titles) == 1


def _title_of(ref: Reference) -> str:
    """The entry's title (or its raw text), short and quoted, to tell apart two
    candidates of the same name and year."""
    title = " ".join((ref.title or ref.raw).split())
    return f'"{title[:50]}…"' if len(title) > 50 else f'"{title}"'


def _key_domains(data: AuditData) -> dict[str, int]:
    """Each entry's key domain: where duplicate-reference compares keys -- all BibTeX
    files together (BibTeX and biber merge them), any other bibliography alone."""
    domains: dict[str, int] = {}
    for b, bibliography in enumerate(data.bibliographies):
        domain = -1 if bibliography.format == "bibtex" else b
        for ref in bibliography.references:
            domains[ref.id] = domain
    return domains


def _repeated_key(
    targets: Sequence[str], refs: dict[str, Reference], clash: dict[str, int]
) -> bool:
    """Whether the candidates are entries that repeat one key (case aside) in one key
    domain: duplicate-reference reports that key, and "fits 2 entries" for every
    citation of it says it again."""
    keys = {(refs[t].key or "").lower() for t in targets if t in refs}
    domains = {clash.get(t) for t in targets}
    return len(keys) == 1 and "" not in keys and len(domains) == 1 and None not in domains


class AmbiguousCitation(Rule):
    """Checks that each citation points at exactly one entry.

    Why: "(Smith, 2019)" when the list holds two Smith 2019 works leaves the reader
    guessing; APA asks for year suffixes (2019a, 2019b) in both places.

    Example: the list has "Lee, K. (2020a)" and "Lee, K. (2020b)"; the text cites
    "(Lee, 2020)".

    Candidates that are one work listed twice are left to duplicate-reference. The
    same work cited several times is one finding, at its first citation, listing the
    other places; at most twelve candidates are named.
    ``\\nocite{*}`` (key "*") cites every entry on purpose: it is never ambiguous.

    Fix: add the suffix (or initials, for different authors with one family name) to
    the citation so that it names one entry.
    """

    name = "ambiguous-citation"
    code = "CIT003"
    severity = Severity.WARNING
    summary = "Citation that fits more than one reference-list entry"

    def check(self, data: AuditData) -> Iterable[Finding]:
        refs = {r.id: r for r in data.references}
        citations = {c.id: c for c in data.citations}
        # One finding per cited work and set of candidates, at its first citation:
        # a work cited N times that fits N entries was N findings naming N entries
        # each (N x N; 4,000 of each took 28 s).
        # A list of candidates is told by its first few and its length: a long one is
        # held whole at its first citation only (`citeaudit.candidate_lists`).
        groups: dict[tuple[object, ...], list[Citation]] = {}
        candidates: dict[tuple[object, ...], tuple[tuple[str, ...], int]] = {}
        same: dict[tuple[object, ...], bool] = {}
        clash = _key_domains(data)
        for match in data.matches:
            fitting = len(match.targets) + match.more_targets
            if fitting < 2:
                continue
            cit = citations[match.citation_id]
            if cit.key == "*":
                continue  # \nocite{*}: every entry, by design
            listed = (match.targets[:_LISTED], fitting)
            if listed not in same:  # the first citation of a list holds it whole
                same[listed] = _same_work(refs[t] for t in match.targets if t in refs)
            if same[listed]:
                continue  # a listed-twice work: duplicate-reference says so, once
            if cit.key is not None and _repeated_key(match.targets, refs, clash):
                continue  # entries that share the cited key: duplicate-reference's finding
            key = (work_identity(cit), listed)
            groups.setdefault(key, []).append(cit)
            candidates.setdefault(key, listed)
        for work, group in groups.items():
            cit = group[0]
            first, fitting = candidates[work]
            named = [t for t in first if t in refs]
            options = [describe_reference(refs[t]) for t in named]
            if len(set(options)) < len(options):  # "Dalby (1994); Dalby (1994)": tell them apart
                options = [
                    f"{o}, {_title_of(refs[t])}" if options.count(o) > 1 else o
                    for o, t in zip(options, named, strict=True)
                ]
            if fitting > len(first):
                options.append(f"and {fitting - len(first)} more")
            yield self.finding(
                f"{describe_citation(cit)} fits {fitting} entries: "
                + "; ".join(options)
                + other_places(group),
                cit.location,
                citation=cit.id,
                reference=named[0] if named else None,
                fix=Fix(
                    "Add a year suffix (a, b, ...) or initials so the citation names one entry"
                ),
            )
