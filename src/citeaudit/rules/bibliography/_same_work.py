"""Whether two entries describe one work, erring on the side of "no".

An editor who is told two different works are one stops trusting the report, so
every detail that can tell two same-titled entries apart does.
"""

from __future__ import annotations

import re
from enum import Enum

from rapidfuzz import fuzz

from citeaudit.model.reference import Reference
from citeaudit.rules.bibliography._work_profile import WorkProfile, fold_text

# Near-identical titles: typos, punctuation, a subtitle's colon. Two different works
# by one author in one year differ far more, and the guards below catch the rest.
_TITLE_SIMILARITY = 95.0
_CONTAINER_SIMILARITY = 90.0
_PUBLISHER_SIMILARITY = 90.0
# A preprint is usually published within a few years of being posted.
_VERSION_YEARS = 3
# Below this (token-set, so a title cut before its subtitle still scores 100) two titles
# under one DOI are different works: measured on a Mendeley library whose wrong DOIs
# join unrelated papers (32-56), while a title's translation with the same authors
# scores 58-63 and is told by its authors instead.
_OTHER_TITLE = 70.0
# Authors compared for a shared DOI: enough for any real list, bounded on hostile ones.
_AUTHORS_COMPARED = 30
# Name particles and parse debris that two unrelated author lists share freely.
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "el",
        "y",
        "e",
        "al",
        "et",
        "ten",
        "ter",
    ]
)


_PLACEHOLDER = re.compile(r"\b(?:no title|untitled)\b")


class DoiRelation(Enum):
    """What two entries that give one DOI are to each other."""

    SAME = "same"  # one work listed twice
    PARTS = "parts"  # a book and its chapter, or two chapters of it, under the book's DOI
    DIFFERENT = "different"  # unrelated works: one of the two DOIs is wrong


def same_entry_reason(first: WorkProfile, later: WorkProfile) -> str | None:
    """Why `later` repeats `first`, or None. Two DOIs decide alone."""
    a, b = first.ref, later.ref
    if a.doi and b.doi:
        same = a.doi == b.doi and doi_relation(first, later) is DoiRelation.SAME
        return f"same DOI {a.doi}" if same else None
    if same_work(first, later):
        return "same first author, year and title"
    return None


def same_work(a: WorkProfile, b: WorkProfile) -> bool:
    if a.ref.doi and b.ref.doi:
        return a.ref.doi == b.ref.doi and doi_relation(a, b) is DoiRelation.SAME
    if a.year is None or a.year != b.year or a.suffix != b.suffix:
        return False
    return _same_title(a, b) and not _told_apart(a, b)


def other_version(a: WorkProfile, b: WorkProfile) -> bool:
    """A preprint and its published version: one work, listed twice on purpose or not.

    Their years, DOIs, containers and pages differ by nature, so only the first
    author and the title must agree.
    """
    if a.preprint == b.preprint or a.year is None or b.year is None:
        return False
    if abs(a.year - b.year) > _VERSION_YEARS:
        return False
    if a.ref.doi and a.ref.doi == b.ref.doi:
        return False  # one record: reported as the same DOI
    return _same_title(a, b) and not _differ(a.edition, b.edition)


def doi_relation(a: WorkProfile, b: WorkProfile) -> DoiRelation:
    """Two entries giving one DOI: one work, parts of one book, or different works.

    A DOI names one work, so it usually decides alone; but reference managers fill
    DOIs in by guesswork (Mendeley gives one placeholder DOI to unrelated papers), and
    a chapter often carries its book's DOI. Calling two papers with other titles and
    other authors "the same work" would have the author delete one of them; the
    wrong DOI is the problem. The authors must differ (no name in common) and so must
    the title or the year (or the title be a manager's placeholder, "No Title"): a
    title translated or re-typed with the same authors, or an author list mangled
    under the same title and year, is one work.
    """
    kinds = {a.kind, b.kind}
    other_title = _other_titles(a, b)
    if kinds == {"book", "chapter"}:
        return DoiRelation.PARTS
    if kinds == {"chapter"} and (other_title or _differ(a.pages, b.pages)):
        return DoiRelation.PARTS
    if _no_author_in_common(a.ref, b.ref) and (
        other_title or _differ_in_year(a, b) or _placeholder(a.title) or _placeholder(b.title)
    ):
        return DoiRelation.DIFFERENT
    return DoiRelation.SAME


def _differ_in_year(a: WorkProfile, b: WorkProfile) -> bool:
    return a.year is not None and b.year is not None and a.year != b.year


def _placeholder(title: str) -> bool:
    """A title a reference manager wrote for want of one ("No Title No Title"): two
    entries holding it are not one work by their titles."""
    return bool(_PLACEHOLDER.search(title))


def _other_titles(a: WorkProfile, b: WorkProfile) -> bool:
    """Both titles given and unlike (one cut before its subtitle is still alike)."""
    if not (a.title and b.title):
        return False
    return fuzz.token_set_ratio(a.title, b.title, score_cutoff=_OTHER_TITLE) == 0


def _no_author_in_common(a: Reference, b: Reference) -> bool:
    """No family name of one list in the other: "dos Reis" and "Reis" share one, a
    list reordered or with its first author misparsed still shares the rest."""
    names_a, names_b = _name_words(a), _name_words(b)
    return bool(names_a and names_b) and names_a.isdisjoint(names_b)


def _name_words(ref: Reference) -> frozenset[str]:
    words: set[str] = set()
    for person in ref.authors[:_AUTHORS_COMPARED]:
        words.update(fold_text(person.family).split())
    return frozenset(words - _PARTICLES)


def _same_title(a: WorkProfile, b: WorkProfile) -> bool:
    if not (a.comparable and b.comparable) or a.author != b.author:
        return False
    if a.title_numbers != b.title_numbers:
        return False  # "Part 1" and "Part 2", "Volume II" and "Volume III"
    return fuzz.ratio(a.title, b.title, score_cutoff=_TITLE_SIMILARITY) > 0


def _told_apart(a: WorkProfile, b: WorkProfile) -> bool:
    """Details that show two same-titled entries are different works."""
    if _differ(a.volume, b.volume) or _differ(a.pages, b.pages) or _differ(a.issue, b.issue):
        return True
    if _differ(a.edition, b.edition) or a.preprint != b.preprint:
        return True
    if a.container and b.container and not _alike(a.container, b.container):
        return True
    if a.publisher and b.publisher and not _one_publisher(a.publisher, b.publisher):
        return True
    if {a.kind, b.kind} == {"book", "chapter"}:
        return True  # a book and a chapter of it
    # Two entries pointing at different web pages are two documents: numbered
    # bulletins of one series, reports of one ministry under a parsed sub-heading.
    return bool(a.urls and b.urls and a.urls.isdisjoint(b.urls))


def _alike(x: str, y: str) -> bool:
    return fuzz.ratio(x, y, score_cutoff=_CONTAINER_SIMILARITY) > 0


def _one_publisher(x: str, y: str) -> bool:
    """token_set: "Springer" and "Springer, Berlin" are one publisher."""
    return fuzz.token_set_ratio(x, y, score_cutoff=_PUBLISHER_SIMILARITY) > 0


def _differ(x: str, y: str) -> bool:
    return bool(x and y and x != y)
