"""The last patterns benches/redos_scan.py flagged outside the citation readers stay linear.

Each pattern was quadratic on a run its quantifiers could read from every start (or
split between two ``\\s*``) with nothing at the end to match: a line ending
"’a’a’a…" or a run of letters with no hyphen (the PDF line joiner), a rate-limit
interval of blanks, a citation text of blanks (migration 0004), a CSV cell of tabs,
blanks after life dates.
Each rewrite is checked twice: it answers as the old pattern did on random strings
over the characters that matter (same match, same groups; the old pattern is written
out here), and its work grows like the text's length -- 4x the text, about 4x the
CPU time; quadratic work grows 16x, and the test fails past `MAX_GROWTH`. The bound is
on the growth, not on seconds, so a slow or shared machine does not fail it.
"""

from __future__ import annotations

import importlib
import random
import re

from citeaudit.manuscript import pdf_text
from citeaudit.resolve import limiter
from citeaudit.rules.citations import _life_dates
from citeaudit.web import export
from tests.security.growth import growth_at

MAX_GROWTH = 9.0  # linear: 4x; quadratic: 16x
SCALE = 4
SAMPLES = 4000

_migration = importlib.import_module("citeaudit.store.migrations.versions.0004_typed_results")

OLD_NAMED = re.compile(r"(?:\bet al\.|\b[^\W\d_][\w'’\-]*[^\W\d_])$")
OLD_WORD_BEFORE_HYPHEN = re.compile(r"[^\W\d_]{2,}[-\u00ad\u2010]$")
OLD_INTERVAL = re.compile(r"^\s*([0-9]{1,12}(?:\.[0-9]{1,12})?)\s*(ms|s|m|h)?\s*$", re.ASCII)
OLD_SPAN = re.compile(r"\(\s*((?:1[5-9]|20)\d\d)\s*[-–—]\s*((?:1[5-9]|20)\d\d)\s*\)?\s*$")
OLD_NUMERIC = re.compile(r"^\s*[\[(]?\s*\d")
OLD_INNER_FORMULA = re.compile('([;\t\r\n][\\s"]*)(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])')


growth = growth_at(SCALE)


def random_strings(alphabet: list[str], seed: int, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
        for _ in range(SAMPLES)
    ]


def spans(pattern: re.Pattern[str], text: str, *, match: bool = False) -> object:
    found = pattern.match(text) if match else pattern.search(text)
    return None if found is None else (found.span(), found.groups())


# -- pdf_text._NAMED: does the line end in a name ("Smith", "O’Neil", "et al.")? --


def test_named_answers_as_before() -> None:
    alphabet = ["’", "'", "a", "é", "-", " ", ".", "1", "_", "\n", "A", "et al.", "x-"]
    for text in random_strings(alphabet, seed=1):
        assert bool(pdf_text._NAMED.search(text)) == bool(OLD_NAMED.search(text)), repr(text)


def test_named_reads_a_run_of_word_starts_once() -> None:
    ratio = growth(lambda n: "’a" * (n // 2) + "\x00", pdf_text._NAMED.search, 40_000)
    assert ratio < MAX_GROWTH, ratio


# -- pdf_text._WORD_BEFORE_HYPHEN: a word cut by a hyphen at the line's end --


def test_word_before_hyphen_answers_as_before() -> None:
    alphabet = ["a", "B", "é", "1", "_", " ", "-", "\u00ad", "\u2010", "\n"]
    for text in random_strings(alphabet, seed=2):
        assert spans(pdf_text._WORD_BEFORE_HYPHEN, text) == spans(OLD_WORD_BEFORE_HYPHEN, text)


def test_word_before_hyphen_reads_a_letter_run_once() -> None:
    ratio = growth(lambda n: "A" * n + "\n", pdf_text._WORD_BEFORE_HYPHEN.search, 40_000)
    assert ratio < MAX_GROWTH, ratio


# -- limiter._INTERVAL: Crossref's X-Rate-Limit-Interval ("1s", "250 ms") --


def test_interval_answers_as_before() -> None:
    alphabet = [" ", "\t", "\n", "0", "7", ".", "ms", "s", "m", "h", "x"]
    for text in random_strings(alphabet, seed=3):
        assert spans(limiter._INTERVAL, text, match=True) == spans(
            OLD_INTERVAL, text, match=True
        ), repr(text)


def test_interval_reads_its_blanks_once() -> None:
    ratio = growth(lambda n: " 0.0" + " " * n + "\x00", limiter._INTERVAL.match, 40_000)
    assert ratio < MAX_GROWTH, ratio


def test_interval_still_reads_the_header() -> None:
    limits = limiter.parse_limits({"x-rate-limit-limit": "50", "x-rate-limit-interval": " 1s "})
    assert limits.interval == 1.0


# -- migration 0004 _NUMERIC: is a stored citation's text numeric ("[3]", "(12)")? --


def test_numeric_answers_as_before() -> None:
    alphabet = [" ", "\t", "\n", "[", "(", "1", "a", "\u2003"]
    for text in random_strings(alphabet, seed=4):
        assert spans(_migration._NUMERIC, text, match=True) == spans(
            OLD_NUMERIC, text, match=True
        ), repr(text)


def test_numeric_reads_its_blanks_once() -> None:
    def citation(text: str) -> object:
        return _migration._citation({"id": "c1", "text": text, "location": {}})

    ratio = growth(lambda n: " " * n + "x", citation, 40_000)
    assert ratio < MAX_GROWTH, ratio


# -- web.export._INNER_FORMULA: a formula behind another locale's cell separator --


def test_inner_formula_marks_as_before() -> None:
    alphabet = [";", "\t", "\r", "\n", " ", '"', "=", "+", "-", "@", "\uff1d", "x", "'"]
    for text in random_strings(alphabet, seed=5):
        new = export._INNER_FORMULA.sub(export._mark_inner, text)
        assert new == OLD_INNER_FORMULA.sub("\\1'", text), repr(text)


def test_inner_formula_still_marks_a_hidden_cell() -> None:
    assert export._cell("x;\t =HYPERLINK(1)") == "x;\t '=HYPERLINK(1)"
    assert export._cell("a\n\n\n b") == "a\n\n\n b"


def test_inner_formula_reads_a_run_of_tabs_once() -> None:
    ratio = growth(lambda n: "x" + "\t" * n + "y", export._cell, 40_000)
    assert ratio < MAX_GROWTH, ratio


# -- rules.citations._life_dates._SPAN: life dates closing a citation ("(1929-2015)") --


def test_life_span_answers_as_before() -> None:
    alphabet = ["(", ")", " ", "\n", "-", "–", "1929", "2015", "1", "x"]
    for text in random_strings(alphabet, seed=6, longest=10):
        assert spans(_life_dates._SPAN, text) == spans(OLD_SPAN, text), repr(text)


def test_life_span_reads_its_blanks_once() -> None:
    ratio = growth(lambda n: "(1929-2015" + " " * n + "\x00", _life_dates._SPAN.search, 40_000)
    assert ratio < MAX_GROWTH, ratio
