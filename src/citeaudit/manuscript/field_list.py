"""A reference list written one field a bullet ("- Autor: ...", "- URL: ...").

Some theses in Markdown list each work under a sub-heading of its own, its fields on
bullets: "- Autor: Instituto de Ejemplo.", "- Título del trabajo: Guía.", "- URL: ...".
Read as a bulleted list, every field was an 'entry' and each was 'never cited'
(REAL_MANUSCRIPTS_10, class AL). The layout shows itself: every bullet opens with a
short label and a colon, and the labels repeat, one round a work; a work starts where
the label of the list's first bullet comes again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["field_starts"]

# "- Autor: ...", "* Título del trabajo: ...", "• URL: ...": a bullet, a label of one to
# four words (no digit) and its colon
_FIELD = re.compile(r"\s{0,8}[-*+•]\s+([^\W\d_]{1,20}(?:[ .'’][^\W\d_]{1,20}){0,3})\s?:(?:\s|$)")
# the fewest works a field list shows (its first label seen twice at least)
_FEWEST_ROUNDS = 2
# the most distinct labels a round of fields holds: more is prose in bullets
_MOST_LABELS = 12


def field_label(text: str) -> str | None:
    """The label a field bullet opens with, folded; None for any other line."""
    found = _FIELD.match(text)
    return found.group(1).casefold() if found is not None else None


def field_starts(texts: Sequence[str]) -> set[int] | None:
    """The indices (into `texts`, lines with text) where a work of a field list
    starts, or None when the lines are no field list: every line a field bullet, the
    first label seen at least twice, another label too, and few labels."""
    labels = [field_label(t) for t in texts]
    if not labels or any(label is None for label in labels):
        return None
    counts = Counter(labels)
    first = labels[0]
    recurring = sum(1 for n in counts.values() if n >= _FEWEST_ROUNDS)
    if counts[first] < _FEWEST_ROUNDS or recurring < 2 or len(counts) > _MOST_LABELS:
        # "- WHO: Report ...", "- OECD: ...", "- WHO: ...": bodies' entries, one
        # label recurring; a field list repeats its fields round after round
        return None
    return {k for k, label in enumerate(labels) if label == first}
