"""A parenthesis opening with "see", "cf." or "ref." cites the numbers after it only
where the word ends (a full stop or a blank): glued to a digit, the letters are a
label's -- "(CF2)", "(REF3)", a carbon or a gene named in a chemistry or biology text --
and reading "2" from "(CF2)" reported a missing entry 2. Every text here is made up."""

from __future__ import annotations

import pytest

from tests.citations.helpers import cited
from tests.citations.test_real_numeric_forms import numbered


def numbers(text: str) -> list[int]:
    return [n for group in cited(numbered(text)) for n in group]


@pytest.mark.parametrize(
    "label", ["(CF2)", "(cf2)", "(Ref2)", "(REF2)", "(refs2)", "(see2)", "(SEE2)"]
)
def test_letters_glued_to_a_number_are_a_label_not_a_prefix(label: str) -> None:
    text = f"Peaks at 46.8 (CF3), 65.1 {label} and 120.1 ppm were assigned (1), (4), (5) and (6)."
    assert numbers(text) == [1, 4, 5, 6]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As described (cf. 2), growth was slow (1), fast (7) and odd (8).", [2, 1, 7, 8]),
        ("As described (cf 2), growth was slow (1), fast (7) and odd (8).", [2, 1, 7, 8]),
        ("As described (cf.2), growth was slow (1), fast (7) and odd (8).", [2, 1, 7, 8]),
        ("As described (see 3), growth was slow (1), fast (7) and odd (8).", [3, 1, 7, 8]),
        ("As described (ref. 4), growth was slow (1), fast (7) and odd (8).", [4, 1, 7, 8]),
        ("As described (refs. 4,5), growth was slow (1), fast (7) and odd (8).", [4, 5, 1, 7, 8]),
        (
            "As described (references 4-6), growth was slow (1), fast (7) and odd (8).",
            [4, 5, 6, 1, 7, 8],
        ),
    ],
)
def test_a_prefix_word_ended_by_a_stop_or_a_blank_still_cites(
    text: str, expected: list[int]
) -> None:
    assert numbers(text) == expected
