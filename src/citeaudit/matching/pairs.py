"""A citation no entry fits, and an entry no citation names: one work, told two ways.

When the names-first matcher (`citeaudit.matching.author_index`) links nothing to a
citation, the audit would say "missing" for it and "uncited" for the entry it meant --
two false alarms for one slip, which an editor reading both lines links at once:

* the cited name a letter off the entry's first author ("Audey 2011" for Audy 2011, a
  four-letter name the matcher leaves alone; "Marsch" for Marsh, which it links only
  when "et al." or a second name ties them);
* a later author of the entry named first ("(Ortega et al., 2019)" for Díaz, Ortega &
  Ruiz 2019; a middle one too, "(Ruiz et al., 2019)" for Díaz, Ortega, Ruiz & Vidal),
  or its names in another order ("(Ortega y Díaz, 2019)").

That the entry is otherwise uncited is the evidence the names alone do not give: a
"Marsch (2011)" beside a Marsh (2011) the text cites as such is another work, still
missing. The year must fit, and the citation have one such entry only. The link is a
name mismatch: citation-name-mismatch reports it, so the slip is still seen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from citeaudit.matching.names import (
    double_moved,
    name_forms,
    names_match,
    normalise_name,
    respelt,
)
from citeaudit.matching.years import common_era, year_fits, year_in_raw
from citeaudit.model.citation import Certainty, Citation, CitationKind, CitationMatch
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

_SHORTEST = 4  # letters of a name a one-letter slip is looked for in ("Audy")
_SUBSTITUTED = 5  # letters below which a changed letter is another name ("Lima", "Lina")
_LONG = 8  # letters from which two slips are one typo's (`names.one_typo`)
_MAX_NEAR = 64  # uncited entries of one year and initial (or name) compared at most
_MOST_AUTHORS = 12  # authors of an entry looked through for a later one named first

_Key = tuple[tuple[str, ...], bool, int, str | None]


def pair_missing_with_uncited(
    citations: Sequence[Citation], matches: Sequence[CitationMatch], references: Sequence[Reference]
) -> tuple[tuple[Citation, ...], tuple[CitationMatch, ...]]:
    """The citations and matches, with each author-year citation that fits no entry
    linked to the one otherwise uncited entry of its year it names with a slip (module
    docstring). Linear: entries indexed by year and name, at most a fixed number
    compared per distinct citation, one decision per distinct citation."""
    # Citations of one work share one tuple of targets (`KeyIndex`, the author index's
    # memo): each distinct tuple is walked once -- 10,000 citations of a key 10,000
    # entries repeat were 10^8 steps here (freeze22: 11 s)
    distinct: dict[int, tuple[str, ...]] = {}
    for m in matches:
        for ids in (m.targets, m.year_mismatch):
            if ids:
                distinct.setdefault(id(ids), ids)
    cited = {t for ids in distinct.values() for t in ids}
    by_year: dict[int, list[Reference]] = {}
    for ref in references:
        year = common_era(ref.year)
        if ref.id not in cited and year is not None and (ref.authors or ref.editors):
            by_year.setdefault(year, []).append(ref)
    out_c, out_m = list(citations), list(matches)
    if not by_year:
        return tuple(out_c), tuple(out_m)
    buckets: dict[int, _Bucket] = {}
    decided: dict[_Key, str | None] = {}
    for k, (citation, match) in enumerate(zip(citations, matches, strict=True)):
        if match.targets or match.year_mismatch or not _pairable(citation):
            continue
        year = common_era(citation.year)
        assert citation.year is not None and year is not None
        key: _Key = (citation.authors, citation.et_al, citation.year, citation.year_suffix)
        if key not in decided:
            if year not in buckets and year in by_year:
                buckets[year] = _Bucket.of(by_year[year])
            bucket = buckets.get(year)
            decided[key] = None if bucket is None else bucket.the_one(citation)
        target = decided[key]
        if target is None:
            continue
        out_m[k] = CitationMatch(match.citation_id, targets=(target,), name_mismatch=True)
        if citation.certainty is not Certainty.SURE:
            out_c[k] = dataclasses.replace(citation, certainty=Certainty.SURE)
    return tuple(out_c), tuple(out_m)


def _pairable(citation: Citation) -> bool:
    """A typed author-year citation with a year, sure or a candidate (a weak one unmatched
    was never kept)."""
    return (
        citation.kind is CitationKind.AUTHOR_YEAR
        and citation.command is None
        and bool(citation.authors)
        and citation.year is not None
        and citation.certainty is not Certainty.WEAK
    )


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The uncited entries of one year, by their first author's folded name's initial
    (for a slip) and by their later authors' folded names (for one named first)."""

    refs: list[Reference]
    by_initial: dict[str, list[tuple[int, str]]]
    by_later: dict[str, list[int]]

    @classmethod
    def of(cls, refs: list[Reference]) -> _Bucket:
        by_initial: dict[str, list[tuple[int, str]]] = {}
        by_later: dict[str, list[int]] = {}
        for i, ref in enumerate(refs):
            people = ref.authors or ref.editors
            if not people[0].organisation:
                for name in _folded(people[0].family):
                    by_initial.setdefault(name[0], []).append((i, name))
            if len(people) <= _MOST_AUTHORS:
                for person in people[1:]:
                    if not person.organisation:
                        for name in name_forms(person.family)[0]:
                            by_later.setdefault(name, []).append(i)
        return cls(refs, by_initial, by_later)

    def the_one(self, citation: Citation) -> str | None:
        """The one entry the citation names with a slip, its year fitting; None when
        none or several do, or too many names of that initial are there to compare."""
        found: set[int] = set()
        for cited in _folded(citation.authors[0]):
            near = self.by_initial.get(cited[0], [])
            if len(near) > _MAX_NEAR:
                return None  # so many same-year, same-initial names are no typo's
            found.update(i for i, listed in near if _a_letter_off(cited, listed))
        for name in name_forms(citation.authors[0])[0]:
            later = self.by_later.get(name, [])
            if len(later) > _MAX_NEAR:
                return None
            found.update(i for i in later if _later_author_first(citation, self.refs[i]))
        fitting = {
            i
            for i in found
            if year_fits(citation, self.refs[i]) or year_in_raw(citation, self.refs[i])
        }
        return self.refs[fitting.pop()].id if len(fitting) == 1 else None


def _folded(name: str) -> set[str]:
    return {n for n in name_forms(name)[0] if " " not in n and n.isalpha()}


def _a_letter_off(cited: str, listed: str) -> bool:
    """Whether a folded cited name is a folded listed first author's with one slip: a
    letter added, dropped or two swapped (any name of four letters or more), a letter
    changed (five or more), two slips in names of eight or more, a double letter written
    on its neighbour (`names.double_moved`), or a spelling habit (`names.respelt`).
    Same first letter: a different initial is another name."""
    if cited == listed or cited[0] != listed[0]:
        return False
    if respelt(cited, listed) or double_moved(cited, listed):
        return True  # "odonne" for "oddone": the double put on the wrong letter
    shortest = min(len(cited), len(listed))
    if shortest < _SHORTEST:
        return False
    allowed = 2 if shortest >= _LONG else 1
    if abs(len(cited) - len(listed)) > allowed:
        return False
    if OSA.distance(cited, listed, score_cutoff=allowed) > allowed:
        return False
    # "Lima" / "Lina": two names, not a slip
    return not (shortest < _SUBSTITUTED and len(cited) == len(listed) and _changed(cited, listed))


def _changed(a: str, b: str) -> bool:
    """Whether two names of one length differ by a letter changed, not two swapped."""
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 1


def _later_author_first(citation: Citation, ref: Reference) -> bool:
    """Whether the citation names a later author of the entry first: "Ortega et al." for
    an entry of three or more authors with Ortega among the later ones, or names several
    of its names (at least two) in another order ("Ortega y Díaz" for Díaz & Ortega, or
    for Díaz, Ortega & Ruiz). The entry's first
    author is never the cited first name (the matcher would have linked it)."""
    people: tuple[Person, ...] = ref.authors or ref.editors
    if len(people) < 2 or len(people) > _MOST_AUTHORS:
        return False
    cited = citation.authors
    later = [k for k in range(1, len(people)) if _is(cited[0], people[k])]
    if not later:
        return False
    if citation.et_al:
        # any later author: "(Rafiq et al. 2005)" for Barth, Mutke, Rafiq, Kier & Kreft
        # (2005). A middle author with "et al." may lead a work of their own, but that
        # work would have to be missing and this entry, of the same year, uncited
        # otherwise and the only one naming them -- the evidence `the_one` asks for
        # (dev bench: the one such case was the entry, linked so in the XML)
        return len(people) >= 3 and len(cited) == 1
    if len(cited) < 2 or len(cited) > len(people):
        return False  # "Ortega (2019)" alone: a narrative list cut, for `_last_authors`
    return all(any(_is(c, p) for p in people) for c in cited)


def _is(cited: str, person: Person) -> bool:
    return not person.organisation and (
        names_match(cited, person.family) or normalise_name(cited) == normalise_name(person.family)
    )
