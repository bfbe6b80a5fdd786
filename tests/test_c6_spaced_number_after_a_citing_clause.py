"""A flattened superscript after a short citing clause, before its comma (made-up text):
"as described before 9, the swab", "as previously suggested 10, the", "como descrito
anteriormente 11, o", "como se describió previamente 12, el". The clause is too short
to tell a number after a content word from a count ("Houve 3,", "O grupo 2,"), but its
words say a work is being pointed at; unread, the entry was reported never cited."""

from __future__ import annotations

import pytest

from tests.citations.test_spaced_numbers_mid_sentence import _numbers


@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("The swab was placed, as described before 9, and then removed.", 9),
        ("It is possible that, as previously suggested 10, the allele acts.", 10),
        ("So, as reported elsewhere 11, the rate fell.", 11),
        ("O swab foi colocado, como descrito anteriormente 11, e retirado.", 11),
        ("El hisopo se colocó, como se describió previamente 12, y se retiró.", 12),
        ("Le prélèvement, comme décrit précédemment 10, a été fait.", 10),
        ("Die Probe wurde, wie bereits beschrieben 9, entnommen.", 9),
    ],
)
def test_the_number_after_a_citing_clause_is_read(body: str, number: int) -> None:
    assert number in _numbers(body)


def test_a_count_after_a_short_clause_is_still_no_citation() -> None:
    found = _numbers("Houve 3, depois 4, e o grupo 2, por fim. As expected 9, nine came.")
    assert 3 not in found and 4 not in found and 2 not in found
