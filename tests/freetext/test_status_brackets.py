"""A status in the year slot, in square brackets or "continuously updated" (made-up)."""

from __future__ import annotations

import pytest

from citeaudit.model.publication_status import is_status
from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    "entry",
    [
        "Thyers B [continuously updated] Index Fictiorum: A directory of herbaria. Garden Press.",
        "Thyers B (continuously updated) Index Fictiorum: A directory of herbaria. Garden Press.",
        "Thyers B [in press] A made-up title. Journal of Things 3: 4.",
    ],
)
def test_a_status_slot_keeps_the_author_and_gives_no_year(entry: str) -> None:
    ref = parse(entry)
    assert families(ref) == ["Thyers"]
    assert ref.year is None and ref.no_date


def test_continuously_updated_is_a_status_on_both_sides() -> None:
    assert is_status("(continuously updated)")
    assert is_status("updated regularly")
    assert not is_status("updated")
