"""Groups of entries that are one work, found without comparing every pair.

A duplicate must share something exact with the entry it repeats: a DOI, or the
first author with the year, the title's head or the title's tail (a typo sits at one
end or the other, rarely both). Entries are filed under those keys and each new entry
is compared only with what its keys hold. Every list is capped, so a hostile file of
5,000 entries by one author in one year costs at most a few dozen comparisons per
entry instead of 12.5 million in all; beyond the cap, only entries sharing a title
end or a DOI are still found, which is all that real lists need.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.rules.bibliography._same_work import (
    DoiRelation,
    doi_relation,
    other_version,
    same_entry_reason,
)
from citeaudit.rules.bibliography._work_profile import WorkProfile

_CAP = 16  # entries kept per key
_TITLE_END = 20  # characters of the folded title that make a key


@dataclass(frozen=True, slots=True)
class Repeat:
    """An entry that repeats its group's first entry, and why."""

    entry: WorkProfile
    reason: str
    by_key: bool  # already reported as a repeated key: not reported again as a work


@dataclass(slots=True)
class Group:
    first: WorkProfile
    repeats: list[Repeat]


@dataclass(frozen=True, slots=True)
class SharedDoi:
    """One DOI given to different works: the first entry of each, in list order."""

    doi: str
    works: tuple[WorkProfile, ...]


@dataclass(frozen=True, slots=True)
class VersionPair:
    """A preprint and its published version, both listed."""

    first: WorkProfile
    later: WorkProfile


class DuplicateSearch:
    """Feeds entries in list order; keeps the groups and the version pairs found."""

    def __init__(self) -> None:
        self._by_doi: dict[str, list[WorkProfile]] = {}
        self._by_key: dict[tuple[str, ...], list[WorkProfile]] = {}
        self._group_of: dict[int, Group] = {}  # entry order -> its group
        self.groups: list[Group] = []
        self.versions: list[VersionPair] = []

    def add(self, entry: WorkProfile, *, by_key: bool = False) -> None:
        keys = _keys(entry)  # once per entry: looked up, then filed under
        candidates = self._candidates(entry, keys)
        for earlier in candidates:
            reason = same_entry_reason(earlier, entry)
            if reason is not None:
                group = self._group_of[earlier.order]
                group.repeats.append(Repeat(entry, reason, by_key))
                self._file(entry, group, keys)
                return
        group = Group(entry, [])
        self.groups.append(group)
        self._file(entry, group, keys)
        if by_key:
            return
        for earlier in candidates:
            if other_version(earlier, entry):
                self.versions.append(VersionPair(earlier, entry))
                return

    def shared_dois(self) -> list[SharedDoi]:
        """DOIs whose entries are different works (not one work, nor a book and its
        chapters): the first entry of each work, for one finding per DOI."""
        shared: list[SharedDoi] = []
        for doi, entries in self._by_doi.items():
            firsts: dict[int, WorkProfile] = {}
            for entry in entries:
                group = self._group_of[entry.order]
                firsts.setdefault(id(group), group.first if group.first.ref.doi == doi else entry)
            works = sorted(firsts.values(), key=lambda w: w.order)
            if len(works) < 2:
                continue
            if any(
                doi_relation(x, y) is DoiRelation.DIFFERENT
                for i, x in enumerate(works)
                for y in works[i + 1 :]
            ):
                shared.append(SharedDoi(doi, tuple(works)))
        return shared

    def _candidates(self, entry: WorkProfile, keys: list[tuple[str, ...]]) -> list[WorkProfile]:
        found: dict[int, WorkProfile] = {}
        doi = entry.ref.doi
        for earlier in self._by_doi.get(doi, ()) if doi else ():
            found[earlier.order] = earlier
        for key in keys:
            for earlier in self._by_key.get(key, ()):
                found.setdefault(earlier.order, earlier)
        return [found[order] for order in sorted(found)]

    def _file(self, entry: WorkProfile, group: Group, keys: list[tuple[str, ...]]) -> None:
        self._group_of[entry.order] = group
        doi = entry.ref.doi
        if doi:
            bucket = self._by_doi.setdefault(doi, [])
            if len(bucket) < _CAP:
                bucket.append(entry)
        for key in keys:
            bucket = self._by_key.setdefault(key, [])
            if len(bucket) < _CAP:
                bucket.append(entry)


def _keys(entry: WorkProfile) -> list[tuple[str, ...]]:
    if not entry.comparable:
        return []
    keys: list[tuple[str, ...]] = [
        ("head", entry.author, entry.title[:_TITLE_END]),
        ("tail", entry.author, entry.title[-_TITLE_END:]),
    ]
    if entry.year is not None:
        keys.append(("year", entry.author, str(entry.year)))
    return keys
