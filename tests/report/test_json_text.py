"""The fast JSON writer writes what ``json.dumps(indent=2, ensure_ascii=False)`` writes.

Tools read the JSON report, so the text must not change with the way it is written:
a property test over nested data of every JSON kind (and tuples, non-string keys,
lone surrogates and NULs, which the writers meet before cleaning).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from citeaudit.encodable import encodable_data
from citeaudit.report.json_text import dump, dumps

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["\ud800", "a\x00b", "\\u0000", "\u2028", 'é\n\t"', "\x7f\x1f"])
)
_KEYS = st.text(max_size=6) | st.integers() | st.none() | st.booleans()
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_DATA)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_values_it_does_not_take_on_go_to_the_standard_library() -> None:
    class Mapping(dict[str, int]):
        pass

    value = {"a": [Mapping(b=1), {"c": {"d": [1, 2]}}], "e": {1: {"f": 2}}}
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(_DATA)
def test_streamed_and_cleaned_text_is_the_text_of_the_cleaned_data(value: Any) -> None:
    """Each piece cleaned where it must be equals cleaning the whole value first."""
    pieces: list[str] = []
    dump(value, pieces.append, end="\n", clean=encodable_data)
    expected = json.dumps(encodable_data(value), indent=2, ensure_ascii=False) + "\n"
    assert "".join(pieces) == expected
