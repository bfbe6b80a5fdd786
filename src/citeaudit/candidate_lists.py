"""Each list of candidates written out whole once: the first few, and a count, after.

A citation that fits many entries ("(Smith 2001)" against a list of N Smith 2001
works, ``\\nocite{*}`` against every entry) is legal and rare; written N times it is
an upload's cheapest way to N x N. Matching shares one tuple of candidates between
such citations, so the audit itself is linear while it runs, but every writer of the
audit data -- the service's relocation (a JSON round trip), the stored result, the
JSON report, the per-citation rows -- wrote each citation's list out again: 4,000 of
each were 16 million ids (350 MB in the service's read).

So the first citation of a list longer than `LISTED` keeps it whole (which entries
are cited, for uncited-reference and the coverage summary, is unchanged), and every
later citation of it keeps its first `LISTED` and counts the rest in
`CitationMatch.more_targets` / `more_year_mismatch`. What is held, stored and written
is then the entries once plus `LISTED` ids a citation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from citeaudit.model.citation import CitationMatch

LISTED = 12  # candidates a citation lists once its list was written out whole


class _Lists:
    """The long lists met so far: each one's short form, by identity and by content."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[str, ...]] = {}
        self._by_content: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._held: list[tuple[str, ...]] = []  # keeps the ids above meaning one tuple

    def short(self, ids: tuple[str, ...]) -> tuple[str, ...] | None:
        """None the first time a list is met (it is kept whole), then its first few.

        Identity first: the matcher shares one tuple among the citations of a list, so
        a list is hashed by its content once, not once per citation (that hash walks
        the whole list).
        """
        known = self._by_id.get(id(ids))
        if known is not None:
            return known
        self._held.append(ids)
        short = self._by_content.get(ids)
        if short is None:  # new: kept whole here, its short form for the later ones
            self._by_id[id(ids)] = self._by_content[ids] = ids[:LISTED]
            return None
        self._by_id[id(ids)] = short
        return short


def listed_once(matches: Iterable[CitationMatch]) -> tuple[CitationMatch, ...]:
    """`matches` with every long list held whole at its first citation only."""
    lists = _Lists()
    out: list[CitationMatch] = []
    for match in matches:
        if len(match.targets) <= LISTED and len(match.year_mismatch) <= LISTED:
            out.append(match)
            continue
        targets, more_targets = _shortened(match.targets, lists)
        mismatch, more_mismatch = _shortened(match.year_mismatch, lists)
        out.append(
            dataclasses.replace(
                match,
                targets=targets,
                year_mismatch=mismatch,
                more_targets=match.more_targets + more_targets,
                more_year_mismatch=match.more_year_mismatch + more_mismatch,
            )
        )
    return tuple(out)


def _shortened(ids: tuple[str, ...], lists: _Lists) -> tuple[tuple[str, ...], int]:
    if len(ids) <= LISTED:
        return ids, 0
    short = lists.short(ids)
    return (ids, 0) if short is None else (short, len(ids) - len(short))
