"""Digits glued to a code name with a capital inside it ("iPCRtagT24", "pEGFPc1",
"iPCRtagT1-56") are part of the name -- a primer, a plasmid, a clone -- not a
superscript citation that lost its markup: read as one, a primer range cited every
entry of the list and hid the uncited ones. Every text here is made up."""

from __future__ import annotations

from tests.citations.helpers import cited
from tests.citations.test_real_numeric_forms import numbered

FLATTENED = "Known in mice.1 Seen in studies2,3 and in reviews4-6 of tissues7 and of organs8-10."
SEEN = [[1], [2, 3], [4, 5, 6], [7], [8, 9, 10]]


def test_digits_glued_to_a_code_name_with_an_inner_capital_cite_nothing() -> None:
    body = (
        f"{FLATTENED} Reverse primers (iPCRtagT11-29) were used; iPCRtagT24 and "
        "plasmid pEGFPc12 twice."
    )
    assert cited(numbered(body, 30)) == SEEN


def test_digits_glued_to_plain_words_still_cite() -> None:
    body = f"{FLATTENED} Growth slowed in cultures11 and in Brazil12,13 as shown."
    assert cited(numbered(body, 30)) == [*SEEN, [11], [12, 13]]
