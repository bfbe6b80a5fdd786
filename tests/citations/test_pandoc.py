from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import PandocExtractor
from tests.citations.helpers import document


def keys(text: str) -> list[tuple[str | None, bool]]:
    return [(c.key, c.narrative) for c in PandocExtractor().extract(document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as shown [@smith2019].", [("smith2019", False)]),
        ("as shown [@smith2019; @lee:2020].", [("smith2019", False), ("lee:2020", False)]),
        ("as shown [see @smith2019, p. 3].", [("smith2019", False)]),
        ("Smith says [-@smith2019].", [("smith2019", False)]),
        ("@smith2019 says so.", [("smith2019", True)]),
        ("as @smith2019 says.", [("smith2019", True)]),
        ("as @smith2019 [p. 4] says.", [("smith2019", True)]),
        ("as @{https://example.org/x?y=1} says", [("https://example.org/x?y=1", True)]),
        ("as [@{odd key}] says", []),
        ("as [@{odd_key}] says", [("odd_key", False)]),
        ("as {@smith2019} says", [("smith2019", True)]),
    ],
)
def test_pandoc_citations(text: str, expected: list[tuple[str, bool]]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "write to pinto13ade@gmail.com today",
        "[pinto13ade@gmail.com](mailto:pinto13ade@gmail.com)",
        "see https://medium.com/@author/post",
        "`@decorator` in code",
        "an @ sign alone",
    ],
)
def test_emails_and_handles_in_urls_are_not_citations(text: str) -> None:
    assert keys(text) == []


def test_command_and_location() -> None:
    cits = PandocExtractor().extract(document("Title\n\nText [see @a; @b] end."))
    assert {c.command for c in cits} == {"pandoc"}
    assert {(c.location.line, c.location.column, c.text) for c in cits} == {(3, 6, "[see @a; @b]")}


def test_keys_parted_by_commas_are_each_cited() -> None:
    """Issue 12 (real Rmd and pandoc theses): "[@a, @b, @c]" renders three citations;
    only the first was read (the others "uncited", and absent ones never "missing")."""
    found = keys("Growth [@okoro2019, @lind2001, -@moreau2015; @tan2020].")
    assert [k for k, _ in found] == ["okoro2019", "lind2001", "moreau2015", "tan2020"]
    assert keys("Write [@okoro2019, or mail me@example.org].") == [("okoro2019", False)]
