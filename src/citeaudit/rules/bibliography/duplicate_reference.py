"""duplicate-reference: one key, or one work, listed twice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_reference

# Near-identical titles: typos, punctuation, a subtitle's colon. Two different works
# by one author in one year differ far more, and the guards below catch the rest.
_TITLE_SIMILARITY = 95.0
_CONTAINER_SIMILARITY = 90.0
_PREPRINT = re.compile(
    r"arxiv|biorxiv|medrxiv|ssrn|preprint|research ?square|osf\.io|psyarxiv|zenodo", re.I
)
_NUMBERS = re.compile(r"\b(?:\d+|[ivxlc]+)\b")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


class DuplicateReference(Rule):
    """Reports an entry whose key, or whose work, is already in the bibliography.

    Why: BibTeX keeps only the first of two entries with one key (the second, maybe
    the one the author meant, silently disappears), and a work listed twice makes
    the reference list look careless and can give it two numbers.

    Example: ``@article{first2020, ...}`` at line 3 and again at line 26; or two
    entries with DOI ``10.1016/j.cell.2019.01.001``; or "Smith (2019) Deep learning
    for cells" and "Smith (2019) Deep Learning for Cells." with no DOI.

    Never reported: a 2019a/2019b pair, a preprint and its journal version (different
    DOIs, or one on arXiv), volumes or parts of one work, same titles in different
    journals.

    Fix: delete one of the two entries (merging what the other adds), or, when two
    different works share a key, give one of them its own key.
    """

    name = "duplicate-reference"
    code = "BIB001"
    severity = Severity.WARNING
    summary = "Same key or same work listed twice"

    def check(self, data: AuditData) -> Iterable[Finding]:
        # BibTeX and biber merge all .bib files, so their keys clash across files;
        # other formats' keys only within one file. Works are compared only within
        # one bibliography: a .bib and the manuscript's own reference list naming
        # the same works are not duplicates.
        bibtex_keys: dict[str, Reference] = {}
        for bibliography in data.bibliographies:
            keys = bibtex_keys if bibliography.format == "bibtex" else {}
            earlier = _Earlier()
            for ref in bibliography.references:
                key = ref.key.lower() if ref.key else None
                if key is not None and key in keys:
                    yield self._report(keys[key], ref, "key", bibliography.format)
                else:
                    for first in earlier.candidates(ref):
                        reason = _same_entry_reason(first, ref)
                        if reason is not None:
                            yield self._report(first, ref, reason, bibliography.format)
                            break
                if key is not None:
                    keys.setdefault(key, ref)
                earlier.add(ref)

    def _report(self, first: Reference, later: Reference, reason: str, fmt: str) -> Finding:
        where = _where(first, later)
        same_key = reason == "key"
        if same_key:
            work = _same_work(first, later)
            what = "repeats the key of"
            fix = (
                Fix("Delete the repeated entry, keeping what it adds in the first")
                if work
                else Fix("Give one of the two entries its own key, and update its citations")
            )
            if fmt == "bibtex":
                tail = "; BibTeX keeps only the first" + ("" if work else ", so one work is lost")
            else:
                tail = "; citations of that key cannot tell them apart"
        else:
            what = "is the same work as"
            fix = Fix("Delete the repeated entry, keeping what it adds in the first")
            tail = f" ({reason})"
        return self.finding(
            f"{describe_reference(later)} {what} {describe_reference(first)} at {where}{tail}",
            later.location,
            reference=later.id,
            fix=fix,
        )


class _Earlier:
    """Earlier entries indexed by what a duplicate must share: a DOI, or first author
    and year. Comparing each entry only with those keeps a 5,000-entry file linear
    instead of 12.5 million pairwise comparisons."""

    def __init__(self) -> None:
        self._order: dict[str, int] = {}
        self._by_doi: dict[str, list[Reference]] = {}
        self._by_author_year: dict[tuple[int, str | None, str], list[Reference]] = {}

    @staticmethod
    def _author_year(ref: Reference) -> tuple[int, str | None, str] | None:
        if ref.year is None or not ref.first_author_family:
            return None
        return (ref.year, ref.year_suffix, _fold(ref.first_author_family))

    def candidates(self, ref: Reference) -> list[Reference]:
        found: dict[str, Reference] = {}
        if ref.doi:
            found.update((r.id, r) for r in self._by_doi.get(ref.doi, ()))
        author_year = self._author_year(ref)
        if author_year is not None:
            found.update((r.id, r) for r in self._by_author_year.get(author_year, ()))
        return sorted(found.values(), key=lambda r: self._order[r.id])

    def add(self, ref: Reference) -> None:
        self._order[ref.id] = len(self._order)
        if ref.doi:
            self._by_doi.setdefault(ref.doi, []).append(ref)
        author_year = self._author_year(ref)
        if author_year is not None:
            self._by_author_year.setdefault(author_year, []).append(ref)


def _same_entry_reason(first: Reference, later: Reference) -> str | None:
    if first.doi and later.doi:
        return f"same DOI {first.doi}" if first.doi == later.doi else None
    if _same_work(first, later):
        return "same first author, year and title"
    return None


def _same_work(a: Reference, b: Reference) -> bool:
    """Whether two entries describe one work, erring on the side of "no"."""
    if a.doi and b.doi:
        return a.doi == b.doi
    if a.year is None or a.year != b.year or a.year_suffix != b.year_suffix:
        return False
    if not (a.first_author_family and b.first_author_family):
        return False
    if _fold(a.first_author_family) != _fold(b.first_author_family):
        return False
    if not (a.title and b.title):
        return False
    title_a, title_b = _fold(a.title), _fold(b.title)
    if _NUMBERS.findall(title_a) != _NUMBERS.findall(title_b):
        return False  # "Part 1" and "Part 2", "Volume II" and "Volume III"
    if fuzz.ratio(title_a, title_b) < _TITLE_SIMILARITY:
        return False
    return not _told_apart(a, b)


def _told_apart(a: Reference, b: Reference) -> bool:
    """Details that show two same-titled entries are different works."""
    if _differ(a.volume, b.volume) or _differ(a.pages, b.pages) or _differ(a.issue, b.issue):
        return True
    if (
        a.container
        and b.container
        and fuzz.ratio(_fold(a.container), _fold(b.container)) < _CONTAINER_SIMILARITY
    ):
        return True
    if _is_preprint(a) != _is_preprint(b):
        return True
    edition_a, edition_b = dict(a.extra).get("edition"), dict(b.extra).get("edition")
    return _differ(edition_a, edition_b)


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and _fold(x) != _fold(y))


def _is_preprint(ref: Reference) -> bool:
    texts: Sequence[str] = (
        ref.container or "",
        ref.publisher or "",
        ref.doi or "",
        *ref.urls,
        *(value for _, value in ref.extra),
    )
    return any(_PREPRINT.search(text) for text in texts)


def _fold(text: str) -> str:
    """Lower-case, accents and punctuation dropped, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", plain.replace("–", "-"))).strip()


def _where(first: Reference, later: Reference) -> str:
    if first.location.file == later.location.file:
        return f"line {first.location.line}" if first.location.line else "an earlier entry"
    return str(first.location)
