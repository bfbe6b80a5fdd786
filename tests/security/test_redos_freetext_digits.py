"""The free-text parser's digit patterns stay linear on a long run of digits, and read
what the old patterns read.

benches/redos_scan.py flagged three patterns, each timed from every start (search)
over a run of digits: ``\\d+`` was retried from each digit of the run and each try read
to the run's end (quadratic, seconds at 8,000 digits):

- the ordinal before a full stop ("2nd.", "3e.") in `freetext_sentences._protected`;
- the volume at the head of a journal's locators ("12(3)", "12 Suppl 2:") in
  `freetext_fields._locators`;
- an edition statement standing alone ("2nd ed.", "3. Aufl.") in
  `freetext_fields._parse_book_tail`.

The code only ever matches them at one position (match, fullmatch), so a manuscript
did not freeze (a reference list of 200 entries with 9,000-digit runs grew linearly
end to end); a pattern must not lean on how its callers use it. They now start at a
run's first digit only (``(?<!\\d)``) and read digits possessively (``\\d++``), so each
digit is read once wherever they are tried. Growth is judged, not absolute time: each
shape at a base size and at 4 times it (linear 4x, quadratic 16x), failing past
`MAX_GROWTH`. CPU time, best of a few runs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from citeaudit.bibliography import freetext_fields, freetext_sentences
from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
SCALE = 4


growth = growth_at(SCALE)


def _every_match(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """Tried from every start, as the scan does (and as a search or sub would)."""
    return lambda text: list(pattern.finditer(text))


def _reference(text: str) -> Reference:
    return parse_reference(text, id="r1", index=1, location=Location("refs.md", 1), use_model=False)


ORDINAL = freetext_sentences._ORDINAL
LEADING_VOLUME = freetext_fields._LEADING_VOLUME
EDITION_ONLY = freetext_fields._EDITION_ONLY

SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object], int]] = [
    # a run of digits, with nothing after it that completes a match
    ("ordinal-digits", lambda n: "7" * n, _every_match(ORDINAL), 2_000),
    ("ordinal-digits-then-stop", lambda n: "7" * n + "\x00", _every_match(ORDINAL), 2_000),
    ("volume-digits", lambda n: "7" * n + "\x00", _every_match(LEADING_VOLUME), 2_000),
    (
        "volume-digits-then-word",
        lambda n: "7 " + "7" * n + "!",
        _every_match(LEADING_VOLUME),
        2_000,
    ),
    ("edition-digits", lambda n: "7" * n, _every_match(EDITION_ONLY), 2_000),
    ("edition-digits-then-stop", lambda n: "7" * n + "!", _every_match(EDITION_ONLY), 2_000),
    # digits cut by spaces, dots, dashes, colons
    ("volume-spaced", lambda n: "7 " * (n // 2) + "!", _every_match(LEADING_VOLUME), 2_000),
    ("edition-dotted", lambda n: "7." * (n // 2) + "!", _every_match(EDITION_ONLY), 2_000),
    ("ordinal-dashed", lambda n: "7-" * (n // 2), _every_match(ORDINAL), 2_000),
    ("volume-colons", lambda n: "7:" * (n // 2), _every_match(LEADING_VOLUME), 2_000),
    # through the parser: an entry whose journal volume, edition or ordinal is a digit run
    (
        "entry-journal-volume",
        lambda n: "Doe, J. (2020). A title. Journal of Things, " + "7" * n + "(2), 1-10.",
        _reference,
        1_000,
    ),
    (
        "entry-book-edition",
        lambda n: "Roe, K. (2019). A book title. " + "7" * n + "th ed. Berlin: Publisher.",
        _reference,
        1_000,
    ),
    (
        "entry-ordinal-before-stop",
        lambda n: "Poe, A. (2018). Report " + "7" * n + "th. Another part. City: Press.",
        _reference,
        1_000,
    ),
]


@pytest.mark.parametrize(("name", "build", "run", "base"), SHAPES, ids=[s[0] for s in SHAPES])
def test_digit_patterns_grow_linearly(
    name: str, build: Callable[[int], str], run: Callable[[str], object], base: int
) -> None:
    ratio = growth(build, run, base)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the input took x{ratio:.1f} the time"


# The patterns as they were before: the rewritten ones must read the same.
OLD_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|a|ª|º)")
OLD_LEADING_VOLUME = re.compile(r"(\d+[A-Za-z]?(?:\s+\w+\s+\d+)?)\s*(?=\(|,|:|$|\s)")
OLD_EDITION_ONLY = re.compile(r"\d+(?:st|nd|rd|th|a|e|\.)?\s*(?:edn|ed|Aufl|éd)\.?")

# what decides these patterns: digits, the suffixes' letters, blanks, the marks the
# volume's lookahead waits for, a dot, other letters and a non-ASCII word character
PIECES = ["1", "2", "0", "7", "9", " ", " ", "\t", "(", ",", ":", ".", "-", "x", "A", "é"]
PIECES += ["st", "nd", "rd", "th", "e", "a", "ª", "º", "ed", "edn", "Aufl", "éd", "Suppl"]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        head = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 4)))
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
        texts.append(head + body if rng.random() < 0.7 else body)
    return texts


def _read(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (OLD_ORDINAL, ORDINAL),
        (OLD_LEADING_VOLUME, LEADING_VOLUME),
        (OLD_EDITION_ONLY, EDITION_ONLY),
    ],
    ids=["ordinal", "leading-volume", "edition-only"],
)
def test_digit_patterns_read_what_the_old_ones_read(
    old: re.Pattern[str], new: re.Pattern[str]
) -> None:
    assert new.pattern != old.pattern  # the rewrite is in place
    matched = fullmatched = searched = 0
    for text in _random_texts(23, 30_000):
        assert _read(old.match(text)) == _read(new.match(text)), text
        assert _read(old.fullmatch(text)) == _read(new.fullmatch(text)), text
        assert _read(old.search(text)) == _read(new.search(text)), text
        matched += old.match(text) is not None
        fullmatched += old.fullmatch(text) is not None
        searched += old.search(text) is not None
    # the strings exercise each way of calling, not only the failures
    assert matched > 200 and fullmatched > 20 and searched > 200


def test_digit_readings_through_the_parser_are_unchanged() -> None:
    """The readings these patterns decide: a volume, an edition skipped before the
    publisher, an ordinal that does not end a sentence."""
    journal = _reference("Doe, J. (2020). A title of work. Journal of Things, 12(3), 45-67.")
    assert (journal.volume, journal.issue, journal.pages) == ("12", "3", "45-67")
    assert freetext_sentences._protected("see the 2nd. Part", 11)
    assert not freetext_sentences._protected("see the 2nd2. Part", 12)
    assert EDITION_ONLY.fullmatch("2nd ed.") and EDITION_ONLY.fullmatch("3. Aufl.")
    assert not EDITION_ONLY.fullmatch("Berlin: Publisher")
