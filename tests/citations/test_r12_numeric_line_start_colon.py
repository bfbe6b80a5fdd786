"""A bracket opening a line and followed by a colon is a Markdown reference-link
definition only when what follows is one destination (and perhaps a title): in a PDF's
or a plain text's lines, a sentence can start "[12]: where ..." after a line break, and
that bracket cites entry 12."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import NumericExtractor
from tests.citations.helpers import document


def numbers(text: str) -> list[int | None]:
    return [c.number for c in NumericExtractor().extract(document(text))]


@pytest.mark.parametrize(
    "text",
    [
        "as the survey put it\n[12]: where the sample was small, the effect vanished.",
        "Trials were few.\n[7]: the first trial of its kind in the region [8].",
    ],
)
def test_a_sentence_after_the_colon_cites(text: str) -> None:
    assert numbers(text)[:1] == [int(text.split("[")[1].split("]")[0])]


@pytest.mark.parametrize(
    "text",
    [
        "[1]: https://example.org/reference-link-definition",
        "[2]: https://example.org/page \"A title\"",
        "[3]: <https://example.org/angle brackets>",
        "[4]:\n    https://example.org/on-the-next-line",
        "  [5]: /relative/path 'title'",
    ],
)
def test_a_link_definition_does_not_cite(text: str) -> None:
    assert numbers(text) == []
