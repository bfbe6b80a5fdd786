"""A file of fewer lines than a list has entries is text, found without cutting it up.

Every text here is made up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from citeaudit.manuscript import standalone_list
from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.standalone_list import standalone_entries


def lines(text: str) -> list[Line]:
    return [Line("f.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


@pytest.fixture
def splits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many lines each call of split_entries was handed."""
    handed: list[int] = []
    real = standalone_list.split_entries

    def counting(found: Sequence[Line], clean: Callable[[str], str]) -> list[RawEntry]:
        handed.append(len(found))
        return real(found, clean)

    monkeypatch.setattr(standalone_list, "split_entries", counting)
    return handed


def test_a_manuscript_on_one_line_is_not_split_as_a_list(splits: list[int]) -> None:
    sentence = "As Okoro (2020) and Vale & Ruiz (2019a) show [1], it holds (Tan, 2018). "
    assert standalone_entries(lines(sentence * 500)) is None
    assert splits == []  # one line is at most one entry: never a list of two


def test_blank_lines_do_not_count_as_entries(splits: list[int]) -> None:
    text = "\n\nOkoro, A. (2020). An invented title. Journal of Nothing, 1, 2-3.\n\n"
    assert standalone_entries(lines(text)) is None
    assert splits == []


def test_two_entry_lines_are_still_read_as_a_list(splits: list[int]) -> None:
    text = (
        "Okoro, A. (2020). An invented title. Journal of Nothing, 1, 2-3.\n"
        "Vale, B., & Ruiz, C. (2019). Another invented title. Press of Nowhere."
    )
    entries = standalone_entries(lines(text))
    assert entries is not None and len(entries) == 2
    assert splits == [2]
