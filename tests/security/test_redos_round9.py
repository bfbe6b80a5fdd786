"""Ninth round of benches/redos_scan.py flags: the bracket patterns of the citation readers
stay linear on their own, and read what the old patterns read.

- A name's acronym or gloss in brackets at the end of the text ("World Health
  Organization [WHO]", "Ministério da Saúde [Ministry of Health]") was searched with
  ``\\s*\\[`` in front: over a run of blanks with no bracket after it the search was
  retried from every blank and each try ran to the run's end (quadratic).
- A gloss's word ("[Aaaa…") was ``letters* lower-case letters*``: every split of a long
  word was tried before the match failed (quadratic from one bracket).

The callers bound what they hand these patterns today (a citation's parenthesis is
at most 400 characters with its blanks collapsed, the look-back before a year 240),
so a manuscript did not freeze; the cost was a few hundred steps per character of
every such parenthesis, and a pattern must not lean on its callers' bounds. Each shape
runs at a base size and at 4 times it: linear work grows 4x, quadratic 16x, and the
test fails past `MAX_GROWTH` (10x). CPU time, best of a few runs.

The rewritten patterns are checked against the old ones on random strings built from
the characters that matter to them: same match, same span, same groups.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from citeaudit.bibliography import freetext_authors
from citeaudit.bibliography.freetext import parse_reference
from citeaudit.manuscript.citations import item_parser, narrative
from citeaudit.model.location import Location
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
SCALE = 4


growth = growth_at(SCALE)


def _searched(pattern: re.Pattern[str]) -> Callable[[str], object]:
    return lambda text: pattern.search(text)


def _substituted(pattern: re.Pattern[str]) -> Callable[[str], object]:
    return lambda text: pattern.sub("", text)


# the reading of the text before a year, uncached (each size is read anew)
_names_before = narrative.names_before.__wrapped__


SHAPES: list[tuple[str, Callable[[int], str], Callable[[str], object], int]] = [
    # blanks with no bracket after them, then something that is no acronym
    (
        "item-acronym-over-blanks",
        lambda n: "Aa" + " " * n + "x]",
        _searched(item_parser._BRACKETED_ACRONYM),
        4_000,
    ),
    (
        "item-acronym-over-line-breaks",
        lambda n: "Aa" + "\n" * n + "x]",
        _searched(item_parser._BRACKETED_ACRONYM),
        4_000,
    ),
    (
        "narrative-acronym-over-blanks",
        lambda n: "Aa" + " " * n + "x]",
        _searched(narrative._BRACKETED_ACRONYM),
        4_000,
    ),
    (
        "narrative-gloss-over-blanks",
        lambda n: "Aa" + " \n" * (n // 2) + "x]",
        _searched(narrative._BRACKETED_GLOSS),
        4_000,
    ),
    # one bracket, then a long word that never closes as a gloss
    (
        "narrative-gloss-long-word",
        lambda n: "Aa [A" + "a" * n + "!",
        _searched(narrative._BRACKETED_GLOSS),
        1_000,
    ),
    (
        "item-gloss-long-word",
        lambda n: "Aa [A" + "a" * n + "!",
        _substituted(item_parser._GLOSS),
        1_000,
    ),
    (
        "item-gloss-long-word-then-words",
        lambda n: "Aa [A" + "a" * n + " aa" * 7 + "!",
        _substituted(item_parser._GLOSS),
        1_000,
    ),
    (
        "item-tight-marks-over-line-breaks",
        lambda n: "Aa" + "\n" * n + "x",
        _substituted(item_parser._TIGHT),
        4_000,
    ),
    # through the code: the look-back before a year, and a parenthesis' content
    ("names-before-blanks", lambda n: "Aa" + " " * n + "x]", _names_before, 4_000),
    ("names-before-long-gloss", lambda n: "Aa [A" + "a" * n + "!", _names_before, 1_000),
    (
        "parenthesis-long-gloss",
        lambda n: "Aa [A" + "a" * n + "! 2020",
        item_parser.parse_group.__wrapped__,
        1_000,
    ),
]


@pytest.mark.parametrize(("name", "build", "run", "base"), SHAPES, ids=[s[0] for s in SHAPES])
def test_bracket_patterns_grow_linearly(
    name: str, build: Callable[[int], str], run: Callable[[str], object], base: int
) -> None:
    ratio = growth(build, run, base)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the input took x{ratio:.1f} the time"


# The patterns as they were before this round: the rewritten ones must read the same.
OLD_ACRONYM = re.compile(r"\s*\[([A-ZÀ-Þ][A-ZÀ-Þa-z&.\-]{0,14})\]$")
OLD_NARRATIVE_GLOSS = re.compile(
    r"\s*\[[A-ZÀ-Þ][^\W\d_]*[a-zà-ÿ][^\W\d_]*(?:[ -][^\W\d_]+){1,6}\]$"
)
OLD_ITEM_GLOSS = re.compile(
    r"(?<=[^\W\d_.])\s*\[[A-ZÀ-Þ][^\W\d_]*[a-zà-ÿ][^\W\d_]*"
    r"(?:(?:[ -][^\W\d_]+){1,6}\]|\](?=\.))"
)
# what decides these patterns: blanks, brackets, capitals, lower case (÷ is in
# "à-ÿ" and no letter), a letter of neither case range, digits, joiners, a full stop
ALPHABET = [" ", " ", "\n", "\t", "[", "]", "A", "W", "É", "a", "o", "é", "÷", "ā", "1", "-"]
ALPHABET += [".", "&", "_", "x"]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        body = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        # random strings seldom hold a bracket pair: most get one planted
        if rng.random() < 0.5:  # a gloss: words of letters, "÷" or "&" now and then
            words = [
                "".join(rng.choice("aoaoWéÉā÷&") for _ in range(rng.randint(0, 5)))
                for _ in range(rng.randint(1, 8))
            ]
            inside = rng.choice("AWÉa") + "".join(rng.choice(" -") + w for w in words)[1:]
            body += rng.choice(["", "a", "a ", "a  ", "a\n", " "]) + "[" + inside + "]"
        elif rng.random() < 0.5:  # an acronym, of at most about 15 characters
            inside = "".join(rng.choice("AWÉaā&.-") for _ in range(rng.randint(0, 17)))
            body += rng.choice(["", "a", "a ", " \n "]) + "[" + rng.choice("AWa") + inside + "]"
        body += rng.choice(["", ".", "\n", " ", "x"])
        texts.append(body)
    return texts


def _same_search(old: re.Pattern[str], new: re.Pattern[str], text: str) -> None:
    a, b = old.search(text), new.search(text)
    assert (a is None) == (b is None), text
    if a is not None and b is not None:
        assert (a.span(), a.groups()) == (b.span(), b.groups()), text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (OLD_ACRONYM, item_parser._BRACKETED_ACRONYM),
        (OLD_ACRONYM, narrative._BRACKETED_ACRONYM),
        (OLD_NARRATIVE_GLOSS, narrative._BRACKETED_GLOSS),
    ],
    ids=["item-acronym", "narrative-acronym", "narrative-gloss"],
)
def test_searched_patterns_find_what_the_old_ones_found(
    old: re.Pattern[str], new: re.Pattern[str]
) -> None:
    assert new.pattern != old.pattern  # the rewrite is in place
    found = 0
    for text in _random_texts(9, 20_000):
        _same_search(old, new, text)
        found += old.search(text) is not None
    assert found > 100  # the strings exercise the pattern, not only its failures


def test_the_gloss_removed_from_a_parenthesis_is_the_same() -> None:
    new = item_parser._GLOSS
    assert new.pattern != OLD_ITEM_GLOSS.pattern
    found = 0
    for text in _random_texts(10, 20_000):
        # substituted all along the text: every match, from every position, the same
        assert [(m.span(), m.groups()) for m in OLD_ITEM_GLOSS.finditer(text)] == [
            (m.span(), m.groups()) for m in new.finditer(text)
        ], text
        found += OLD_ITEM_GLOSS.search(text) is not None
    assert found > 100


OLD_TIGHT = re.compile(r"\s+([,;:])")


def test_blanks_before_marks_are_taken_off_as_before() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(" \n\t,;:a.") for _ in range(rng.randint(0, 30)))
        assert OLD_TIGHT.sub(r"\1", text) == item_parser._TIGHT.sub(r"\1", text), text


def test_brackets_after_names_still_read_as_before() -> None:
    acronym = narrative.names_before("as World Health Organization [WHO]")
    assert acronym is not None and acronym.authors[-1].endswith("[WHO]")
    glossed = narrative.names_before("Ministério da Saúde [Ministry of Health]")
    assert glossed is not None and "Ministry" not in " ".join(glossed.authors)
    (work,) = item_parser.parse_group("Ministério da Saúde [Ministry of Health], 2019")
    assert "Ministry" not in work.name_text
    (work,) = item_parser.parse_group("World Health Organization [WHO], 2020")
    assert work.authors[-1].endswith("[WHO]")


# -- the free-text author walk: flagged under search, only ever matched ----------------
#
# freetext_authors._NAME_FORMS and _FIRST_ONLY were flagged (a run of "Ā" took seconds)
# because the scan timed them from every start: they are held in a list and called
# through a loop's variable (``form.match(s, pos)``), which it did not see. The walk
# matches them where the last name's separator ended, so a run is read once.

_SCAN = Path(__file__).resolve().parents[2] / "benches" / "redos_scan.py"


def _scan_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("redos_scan_round9", _SCAN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_scan_sees_patterns_called_through_a_loop_variable() -> None:
    scan = _scan_module()
    sources = scan._sources()
    authors = "citeaudit.bibliography.freetext_authors"
    assert scan._calls("_NAME_FORMS", authors, sources) == {"match"}
    assert scan._calls("_FIRST_ONLY", authors, sources) == {"match"}
    # a comprehension that only filters with a pattern lends it no loop variable
    assert scan._calls("_GENRE", "citeaudit.bibliography.freetext_patterns", sources) == {"match"}


def test_loop_variables_are_read_from_the_iterable_only() -> None:
    loops = _scan_module()._loop_variables(
        "for form in A if c else [B, *A]:\n    form.match(s)\n"
        "kept = [t for t in parts if not C.match(t)]\n"
        "found = any(p.search(s) for p in (D, E))\n"
    )
    assert loops["A"] == loops["B"] == {"form"}
    assert "C" not in loops
    assert loops["D"] == loops["E"] == {"p"}


def test_a_list_of_patterns_read_only_by_loops_is_timed_with_match() -> None:
    scan = _scan_module()
    found = {f.pattern.pattern: f for f in scan.collect("freetext_authors")}
    held = [found[p.pattern] for p in (*freetext_authors._NAME_FORMS, freetext_authors._FIRST_ONLY)]
    assert all(f.anchored for f in held), [f.where for f in held if not f.anchored]
    # indexed or handed on, a list may be searched any way: not taken as anchored
    sources = {"m": "P = [x]\nfor p in P:\n    p.match(s)\nP[0].search(s)\n"}
    assert not scan._only_looped("P", "m", sources)
    assert scan._only_looped("P", "m", {"m": "P = [x]\nfor p in P:\n    p.match(s)\n"})


def _entry(text: str) -> object:
    return parse_reference(text, id="r1", index=1, location=Location("refs.md", 1))


WALKED: list[tuple[str, Callable[[int], str]]] = [
    ("one-long-name", lambda n: "Ā" * n + "!"),
    ("one-long-name-then-comma", lambda n: "Ā" * n + ", Ābc"),
    ("initials-run", lambda n: "A." * (n // 2) + "!"),
    ("spaced-initials-run", lambda n: "A. " * (n // 3) + "!"),
    ("particles-run", lambda n: "van " * (n // 4) + "!"),
    ("names-walked", lambda n: "Āa, B., " * (n // 8) + "!"),
]


@pytest.mark.parametrize(("name", "build"), WALKED, ids=[w[0] for w in WALKED])
def test_free_text_author_walk_grows_linearly(name: str, build: Callable[[int], str]) -> None:
    # an entry is read up to its first 10,000 characters: 2,000 and 8,000 stay inside
    ratio = growth(build, _entry, 2_000)
    assert ratio < MAX_GROWTH, f"{name}: x{SCALE} the entry took x{ratio:.1f} the time"
