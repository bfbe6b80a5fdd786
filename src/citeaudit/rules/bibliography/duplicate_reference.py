"""duplicate-reference: one key, or one work, listed twice; or one DOI given to two works."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography._duplicate_groups import (
    DuplicateSearch,
    SharedDoi,
    VersionPair,
)
from citeaudit.rules.bibliography._same_work import same_work
from citeaudit.rules.bibliography._work_profile import WorkProfile
from citeaudit.rules.citations._describe import describe_reference

_LINES_SHOWN = 10  # a group's further lines named in its one finding


@dataclass(slots=True)
class _KeyGroup:
    first: WorkProfile
    first_format: str
    repeats: list[WorkProfile]
    where: tuple[int, int] = (0, 0)  # (bibliography, entry) of the first repeat


class DuplicateReference(Rule):
    """Reports an entry whose key, or whose work, is already in the bibliography.

    Why: BibTeX keeps only the first of two entries with one key (the second, maybe
    the one the author meant, silently disappears), and a work listed twice makes
    the reference list look careless and can give it two numbers. A preprint listed
    beside its published version is reported too, as an info: most journals want
    the published version cited, unless the preprint is meant.

    Example: ``@article{first2020, ...}`` at line 3 and again at line 26; or two
    entries with DOI ``10.1016/j.cell.2019.01.001``; or "Smith (2019) Deep learning
    for cells" and "Smith (2019) Deep Learning for Cells." with no DOI. A work
    listed many times is one finding naming every line.

    Two entries with one DOI but other titles and no author in common are not one
    work: one DOI is wrong (reference managers fill DOIs in by guesswork; Mendeley
    gives one placeholder DOI to unrelated papers). That is reported as such, once
    per DOI, and never as "the same work" -- deleting either entry would lose a work.

    Never reported: a 2019a/2019b pair, volumes or parts of one work, same titles
    in different journals or from different publishers, a book and its chapter (also
    when the chapter gives the book's DOI), same-titled documents at different web
    addresses (numbered bulletins, reports).

    Fix: delete one of the two entries (merging what the other adds), or, when two
    different works share a key, give one of them its own key; when they share a
    DOI, correct the DOI of the entry it does not belong to.
    """

    name = "duplicate-reference"
    code = "BIB001"
    severity = Severity.WARNING
    summary = "Same key or same work listed twice, or one DOI given to different works"

    def check(self, data: AuditData) -> Iterable[Finding]:
        # BibTeX and biber merge all .bib files, so their keys clash across files;
        # other formats' keys only within one file. Works are compared only within
        # one bibliography: a .bib and the manuscript's own reference list naming
        # the same works are not duplicates.
        findings: list[tuple[tuple[int, int], Finding]] = []
        bibtex_keys: dict[str, _KeyGroup] = {}
        key_groups: list[_KeyGroup] = []
        for b, bibliography in enumerate(data.bibliographies):
            keys = bibtex_keys if bibliography.format == "bibtex" else {}
            search = DuplicateSearch()
            folded: dict[str, str] = {}
            preprints: dict[str, bool] = {}
            for order, ref in enumerate(bibliography.references):
                entry = WorkProfile.of(ref, order, folded, preprints)
                key = ref.key.lower() if ref.key else None
                group = keys.get(key) if key is not None else None
                if group is not None:
                    if not group.repeats:
                        group.where = (b, order)
                    group.repeats.append(entry)
                elif key is not None:
                    keys[key] = _KeyGroup(entry, bibliography.format, [])
                    key_groups.append(keys[key])
                search.add(entry, by_key=group is not None)
            for work in search.groups:
                repeats = [r for r in work.repeats if not r.by_key]
                if repeats:
                    later = repeats[0].entry
                    finding = self._work_finding(
                        work.first.ref, [r.entry.ref for r in repeats], repeats[0].reason
                    )
                    findings.append(((b, later.order), finding))
            for pair in search.versions:
                findings.append(((b, pair.later.order), self._version_finding(pair)))
            for shared in search.shared_dois():
                findings.append(((b, shared.works[1].order), self._shared_doi_finding(shared)))
        for keyed in key_groups:
            if keyed.repeats:
                findings.append((keyed.where, self._key_finding(keyed)))
        findings.sort(key=lambda item: item[0])
        return [finding for _, finding in findings]

    def _key_finding(self, group: _KeyGroup) -> Finding:
        first, later = group.first, group.repeats[0]
        work = all(same_work(first, repeat) for repeat in group.repeats)
        fix = (
            Fix(
                "Delete the repeated entry, keeping what it adds in the first",
                applicability=Applicability.UNSAFE,
            )
            if work
            else Fix("Give one of the two entries its own key, and update its citations")
        )
        if group.first_format == "bibtex":
            tail = "; BibTeX keeps only the first" + ("" if work else ", so one work is lost")
        else:
            tail = "; citations of that key cannot tell them apart"
        message = (
            f"{describe_reference(later.ref)} repeats the key of "
            f"{describe_reference(first.ref)} at {_where(first.ref, later.ref)}{tail}"
            f"{_more(first.ref, [r.ref for r in group.repeats[1:]])}"
        )
        return self.finding(message, later.ref.location, reference=later.ref.id, fix=fix)

    def _work_finding(self, first: Reference, repeats: Sequence[Reference], reason: str) -> Finding:
        later = repeats[0]
        message = (
            f"{describe_reference(later)} is the same work as {describe_reference(first)} "
            f"at {_where(first, later)} ({reason}){_more(first, repeats[1:])}"
        )
        return self.finding(
            message,
            later.location,
            reference=later.id,
            fix=Fix(
                "Delete the repeated entry, keeping what it adds in the first",
                applicability=Applicability.UNSAFE,
            ),
        )

    def _shared_doi_finding(self, shared: SharedDoi) -> Finding:
        first, later = shared.works[0].ref, shared.works[1].ref
        others = [work.ref for work in shared.works[2:]]
        more = ""
        if others:
            places = ", ".join(
                f"{describe_reference(ref)} at {_line_or_place(first, ref)}"
                for ref in others[:_LINES_SHOWN]
            )
            rest = len(others) - _LINES_SHOWN
            works = "works give" if len(others) > 1 else "work gives"
            more = f"; {len(others):,} more {works} it too: {places}" + (
                f" and {rest:,} more" if rest > 0 else ""
            )
        message = (
            f"{describe_reference(later)} and {describe_reference(first)} at "
            f"{_where(first, later)} share DOI {shared.doi} but are different works "
            f"(no author in common; another title or year): the DOI is wrong in one of "
            f"them{more}"
        )
        return self.finding(
            message,
            later.location,
            reference=later.id,
            fix=Fix("Correct the DOI of the entry it does not belong to (look it up by title)"),
        )

    def _version_finding(self, pair: VersionPair) -> Finding:
        first, later = pair.first.ref, pair.later.ref
        what = "the preprint" if pair.later.preprint else "the published version"
        return self.finding(
            f"{describe_reference(later)} looks like {what} of {describe_reference(first)} "
            f"at {_where(first, later)} (same first author and title): both are listed",
            later.location,
            reference=later.id,
            fix=Fix("Cite only the published version, unless the preprint itself is meant"),
            severity=Severity.INFO,
        )


def _more(first: Reference, others: Sequence[Reference]) -> str:
    """The rest of a group, so a work listed many times is one finding, not many."""
    if not others:
        return ""
    places = [_place(first, ref) for ref in others[:_LINES_SHOWN]]
    shown = ", ".join(places)
    if all(place.isdigit() for place in places):
        shown = ("lines " if len(places) > 1 else "line ") + shown
    rest = len(others) - _LINES_SHOWN
    tail = f" and {rest:,} more" if rest > 0 else ""
    plural = "entries repeat" if len(others) > 1 else "entry repeats"
    return f"; {len(others):,} more {plural} it: {shown}{tail}"


def _place(first: Reference, other: Reference) -> str:
    """Where `other` is: its line number alone when it shares `first`'s file."""
    if other.location.file == first.location.file and other.location.line:
        return str(other.location.line)
    return str(other.location)


def _line_or_place(first: Reference, other: Reference) -> str:
    place = _place(first, other)
    return f"line {place}" if place.isdigit() else place


def _where(first: Reference, later: Reference) -> str:
    if first.location.file == later.location.file:
        return f"line {first.location.line}" if first.location.line else "an earlier entry"
    return str(first.location)
