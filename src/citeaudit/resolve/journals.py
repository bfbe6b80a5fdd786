"""Is an entry's journal one Crossref knows at all?

Asked only when no registry record matches an article. A journal that registers its
articles with Crossref makes a missing record a real warning sign (a wrong title, or
a work that does not exist); a journal Crossref has never heard of -- many small and
regional journals (Indonesian, Latin American, ...) assign no DOIs -- makes a missing
record what one would expect, so `unresolved-reference` only informs.

A journal is known when one of the titles Crossref's journal search offers for the
name is the same name (word order, accents, punctuation, a leading "The" and a
subtitle aside). Abbreviated names (``J. Appl. Phys.``), which that search matches
poorly, are never called unknown, nor is anything when Crossref could not be asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from citeaudit.matching.records import normalise_title

SAME = 90.0  # token-sort similarity (0-100) at which a title names the journal

_ABBREVIATED = re.compile(r"\b[A-Za-z]{1,6}\.(\s|$)")
# No "\s*" before the colon: on a long run of spaces every start would scan the run.
# The spaces around it go with the normalisation.
_SUBTITLE = re.compile(r":|\s[-\u2013\u2014]\s")


def _journal_form(text: str) -> str:
    """The matcher's title form (see `normalise_title`), without a leading "The"."""
    return normalise_title(text).removeprefix("the ")


def looks_abbreviated(container: str) -> bool:
    return _ABBREVIATED.search(container.strip().rstrip(".")) is not None


def _main(text: str) -> str:
    """The name without its subtitle (after a colon or a spaced dash)."""
    return _journal_form(_SUBTITLE.split(text, maxsplit=1)[0])


def same_journal(name: str, title: str) -> bool:
    a, b = _journal_form(name), _journal_form(title)
    if not a or not b:
        return False
    if fuzz.token_sort_ratio(a, b) >= SAME:
        return True
    main_a, main_b = _main(name), _main(title)
    return bool(main_a and main_b) and fuzz.token_sort_ratio(main_a, main_b) >= SAME


def journal_known(container: str, titles: Iterable[str]) -> bool | None:
    """True: a title names `container`; False: none does; None: an abbreviated name."""
    if looks_abbreviated(container) or not _journal_form(container):
        return None
    return any(same_journal(container, t) for t in titles if t)
