"""The cheap checks of the author-year reader give the answers of the costly ones.

Why: a one-line manuscript asks these for every bracket and every "Name (2019)"
(issue 12, 5 MB in under 10 s), so each is written for speed; what it decides must not
change with it -- a group read as yearless loses its citation.
"""

from __future__ import annotations

import random

from citeaudit.manuscript.citations.author_year import _YEARISH, _yearish
from citeaudit.manuscript.citations.narrative import names_before, names_ending_at

_PIECES = (
    "(",
    ")",
    "[",
    "]",
    "19",
    "20",
    "15",
    "2019",
    "1987a",
    "--",
    "-",
    " ",
    ", ",
    "; ",
    "n.d.",
    "s. d.",
    "s/d",
    "o. J.",
    "t.a.",
    "in press",
    "under review",
    "No Date",
    "без даты",
    "Smith",
    "et al.",
    "12",
    "½",
    "_",
    "é",
    "p. 4",
    "[19--]",
    "[201-]",
    "[1]",
)


def test_yearish_answers_as_the_whole_pattern() -> None:
    """Every mix of years, abbreviations, status words and digits gets the same answer
    from the digit-first check as from the whole pattern, on any span of the text."""
    rng = random.Random(12)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = _YEARISH.search(text, start, end) is not None
        assert _yearish(text, start, end) is expected, (text, start, end)


def test_yearish_reads_years_words_and_bracketed_decades() -> None:
    for group in ("(Chen, 2018)", "(Lee, in press)", "(Ruiz, s.d.)", "(ABNT, [19--])"):
        assert _yearish(group, 0, len(group))
    for group in ("[12]", "(see above)", "(1-3)", "[1]"):
        assert not _yearish(group, 0, len(group))


def test_names_ending_at_shifts_the_offset_only() -> None:
    text = "In a long review of the earlier field work we read that, as Hart and Lomé (2019)"
    end = text.index(" (2019)")
    found = names_ending_at(text, end, 0)
    window = names_before(text[max(0, end - 48) : end])
    assert found is not None and window is not None
    assert end - 48 > 0 and text[found.offset :].startswith("Hart and Lomé")
    assert (found.authors, found.et_al, found.possessive, found.guessed) == (
        window.authors,
        window.et_al,
        window.possessive,
        window.guessed,
    )
