"""A Vancouver date whose parts stand before its year ("Dec 2008;", "Winter 2008;",
"Dec 3, 2008;") is the date: the journal is the sentence before it."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(
    "date",
    [
        "Dec 2008",
        "Dec. 2008",
        "Winter 2008",
        "Dec 3, 2008",
        "3 Dec 2008",
        "Jan-Feb 2008",
        "Décembre 2008",
    ],
)
def test_the_date_before_the_volume_is_no_journal(date: str, model: bool) -> None:
    ref = parse_reference(
        f"Marsh KJ, Brook LP. Nest predation in reed warblers. Ibis. {date};156(4):701-715.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
        use_model=model,
    )
    assert ref.container is not None
    # the tagger may keep the sentence's full stop ("Ibis.") after a month it cut off
    assert ref.container.rstrip(".") == "Ibis"
    assert ref.title == "Nest predation in reed warblers"
    assert ref.year == 2008
    if not model:
        assert ref.container == "Ibis"
        assert (ref.volume, ref.issue, ref.pages) == ("156", "4", "701-715")


def test_the_year_first_date_still_read() -> None:
    ref = parse_reference(
        "Marsh KJ, Brook LP. Nest predation in reed warblers. Ibis. 2008 Dec;156(4):701-715.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
    )
    assert (ref.container, ref.year) == ("Ibis", 2008)


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(
    ("journal", "date"),
    [
        ("Ibis", "2008 Dec"),
        ("Ibis", "2008 Dec 3"),
        ("Ibis", "2008 Sep-Oct"),
        ("Rev Esp", "Dic 2008"),
        ("Rev Bras", "dez. 2008"),
        ("Rev Fr", "févr. 2008"),
    ],
)
def test_a_month_after_the_year_or_in_another_language(
    journal: str, date: str, model: bool
) -> None:
    ref = parse_reference(
        f"Marsh KJ, Brook LP. Nest predation in reed warblers. {journal}. {date};156(4):701-715.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
        use_model=model,
    )
    assert ref.container == journal
    assert ref.year == 2008
    glued = parse_reference(
        f"Marsh KJ. Nest predation in reed warblers. {journal} {date};156(4):701-715.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
        use_model=model,
    )
    assert glued.container == journal


def test_a_journal_whose_name_ends_in_a_word_like_a_month_keeps_it() -> None:
    ref = parse_reference(
        "Marsh KJ. Nest predation. Time Out. 2008;156(4):701-715.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
    )
    assert ref.container == "Time Out"
