""" "Did you mean" on long keys: the comparison budget counts pairs, not characters.

missing-reference compares each missing ``\\cite`` key with every entry's key
(rapidfuzz's ``extractOne``) and stops after `SUGGESTION_PAIRS` (1,000,000) pairs. A
pair of short keys costs a fraction of a microsecond, but a pair costs the product of
the two lengths: keys of 4,000 characters cost 330 us a pair (measured), so the budget
allows 27 minutes of a worker. End to end, a .bib of n entries and a ``\\cite`` of n
made-up keys, each 4,000 characters, took 3.9 s of CPU at n=100 and 13.4 s at n=200
(quadratic; n=1,000 is 8 MB of upload and about 330 s, past the parse time limit).

Counted, not timed: ``extractOne`` is replaced by a counter of the character pairs it
would compare (query length x the choices' lengths). The rule now suggests only for
keys of at most `LONGEST_SUGGESTED_KEY` characters, offers only such keys, and
charges each search its character pairs against `SUGGESTION_CHARACTERS`.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from rapidfuzz import process

from citeaudit.model import CitationKind, CitationMatch
from citeaudit.rules.citations.missing_reference import MissingReference
from tests.rules_citations.conftest import cit, data, ref

# 5e10 character pairs: ~1e9 bit-parallel steps, a few seconds; the pair budget with
# keys of 100 characters stays under it
CHARACTER_PAIRS = 50_000_000_000


def _key(rng: random.Random, length: int) -> str:
    return "k" + "".join(rng.choice("abcdefghij") for _ in range(length))


def _character_pairs(monkeypatch: pytest.MonkeyPatch, n: int, length: int) -> int:
    """Character pairs the rule's suggestions compare: n missing keys, n entries."""
    compared = 0

    def counting(query: str, choices: list[str], **_: Any) -> None:
        nonlocal compared
        compared += len(query) * sum(len(choice) for choice in choices)

    monkeypatch.setattr(process, "extractOne", counting)
    rng = random.Random(1)
    refs = [ref(f"r{i}", "Smith", 2020, i, key=_key(rng, length)) for i in range(n)]
    cits = []
    for i in range(n):
        key = _key(rng, length)
        cits.append(cit(f"c{i}", f"\\cite{{{key}}}", 1, key=key, kind=CitationKind.KEY))
    found = list(MissingReference().check(data(refs, cits, [CitationMatch(c.id) for c in cits])))
    assert len(found) == n  # every missing key is still reported
    return compared


def test_suggestions_for_long_keys_compare_bounded_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pairs = _character_pairs(monkeypatch, 200, 4_000)  # 6.4e11 before
    assert pairs <= CHARACTER_PAIRS, f"{pairs:.2e} character pairs compared"


def test_short_keys_stay_within_the_character_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound leaves real keys their suggestions: 2,000 x 2,000 keys of 20 characters."""
    pairs = _character_pairs(monkeypatch, 2_000, 20)
    assert 0 < pairs <= CHARACTER_PAIRS


def test_a_typo_of_a_real_key_is_still_suggested() -> None:
    """The bounds leave real typos their suggestion, beside keys too long to offer."""
    refs = [ref("r1", "Smith", 2020, 1, key="smith2020climate")]
    refs += [ref(f"r{i}", "Lee", 2020, i, key="x" * 5_000 + str(i)) for i in range(2, 6)]
    typo = cit("c1", "\\cite{smith2020climat}", 1, key="smith2020climat", kind=CitationKind.KEY)
    (found,) = MissingReference().check(data(refs, [typo], [CitationMatch(typo.id)]))
    assert found.fix is not None and found.fix.replacement == "smith2020climate"
