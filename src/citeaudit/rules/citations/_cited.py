"""The entries the text cites, counted once per distinct list of targets.

The matcher hands every citation of one work the same tuple of targets (its result
is remembered per distinct citation), so a text citing "(Smith 2001)" N times against
N "Smith 2001" entries holds N references to one tuple of N ids. Walking every
citation's targets would cost N x N (4,000 of each: 16 million steps); walking each
distinct tuple once costs N.
"""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.model.citation import CitationMatch


def cited_ids(matches: Iterable[CitationMatch]) -> set[str]:
    """Ids of the entries some citation cites, exactly or under another year."""
    distinct: dict[int, tuple[str, ...]] = {}
    for match in matches:
        for targets in (match.targets, match.year_mismatch):
            if targets:
                distinct.setdefault(id(targets), targets)
    return {t for targets in distinct.values() for t in targets}


def matched_citations(matches: Iterable[CitationMatch]) -> set[str]:
    """Ids of the citations linked to some entry, exactly or under another year."""
    return {m.citation_id for m in matches if m.targets or m.year_mismatch}
