"""A superscript after a code name whose last character is a capital letter ("the
B97D^5^ functional", "T2D^7^ cohorts"): the name is a word, cited like one -- unlike a
variable ("x^2^") or a letter glued to digits only ("3D^2^"). Made-up sentences."""

from __future__ import annotations

from tests.citations.helpers import cited, numbered


def test_a_superscript_after_a_letter_digit_letter_code_cites() -> None:
    body = "Known before.^1^ The B97D^5^ functional and T2D^7^ cohorts were used.^2^"
    assert cited(numbered(body)) == [[1], [5], [7], [2]]


def test_variables_and_digit_led_codes_keep_their_powers() -> None:
    body = "Known before.^1^ We fit x^2^ and a 3D^2^ grid and x2y^3^ terms.^2^"
    assert cited(numbered(body)) == [[1], [2]]
