"""Whether two entries describe one work, erring on the side of "no".

An editor who is told two different works are one stops trusting the report, so
every detail that can tell two same-titled entries apart does.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from citeaudit.rules.bibliography._work_profile import WorkProfile

# Near-identical titles: typos, punctuation, a subtitle's colon. Two different works
# by one author in one year differ far more, and the guards below catch the rest.
_TITLE_SIMILARITY = 95.0
_CONTAINER_SIMILARITY = 90.0
_PUBLISHER_SIMILARITY = 90.0
# A preprint is usually published within a few years of being posted.
_VERSION_YEARS = 3


def same_entry_reason(first: WorkProfile, later: WorkProfile) -> str | None:
    """Why `later` repeats `first`, or None. Two DOIs decide alone."""
    a, b = first.ref, later.ref
    if a.doi and b.doi:
        return f"same DOI {a.doi}" if a.doi == b.doi else None
    if same_work(first, later):
        return "same first author, year and title"
    return None


def same_work(a: WorkProfile, b: WorkProfile) -> bool:
    if a.ref.doi and b.ref.doi:
        return a.ref.doi == b.ref.doi
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
