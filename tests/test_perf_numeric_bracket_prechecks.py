"""The bracket reader looks behind a bracket with a pattern only where the character
before can end what the pattern finds: a name with digits ("T5[15]") ends on an ASCII
letter or a digit, a quantity ("n = 12 [3]") has a digit just before its blank. A
bracket after prose ("show [1]") is read without either search, as before."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import numeric


class _Refused:
    def search(self, *args: object) -> object:
        raise AssertionError("looked behind a bracket that cannot follow a match")


def _read(text: str) -> list[tuple[str, tuple[int, ...], str]]:
    return [(text[c.start : c.end], c.numbers, c.form) for c in numeric._bracketed(text)]


def test_brackets_after_prose_need_no_look_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numeric, "_NAME_WITH_DIGITS", _Refused())
    monkeypatch.setattr(numeric, "_VALUE_BEFORE", _Refused())
    text = "As the authors show [1], the effect holds [2-4] (see also [5, 6]) here.\n[7] opens."
    assert _read(text) == [
        ("[1]", (1,), "bracket"),
        ("[2-4]", (2, 3, 4), "bracket"),
        ("[5, 6]", (5, 6), "bracket"),
        ("[7]", (7,), "bracket"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("models like T5[15] and", [("[15]", (15,), "glued-bracket")]),
        ("as Word2vec[26] does", [("[26]", (26,), "glued-bracket")]),
        ("the index x2[3] is", []),
        ("with n = 12 [3] cases", [("[3]", (3,), "bracket-value")]),
        ("a median of 48 [40-70] days", []),
        ("about 3.5% [2] of", [("[2]", (2,), "bracket-value")]),
        ("rose by 5 % [3] here", [("[3]", (3,), "bracket-value")]),
        ("rose by 5 %\n[3] here", [("[3]", (3,), "bracket")]),
        ("in 2019 [3] it", [("[3]", (3,), "bracket")]),
        ("see Table 2 [5] too", [("[5]", (5,), "bracket")]),
    ],
)
def test_brackets_after_names_and_quantities_read_as_before(
    text: str, expected: list[tuple[str, tuple[int, ...], str]]
) -> None:
    assert _read(text) == expected
