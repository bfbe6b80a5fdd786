"""A mention is read in the text a reader sees: a Markdown link's reference label,
its address and its title, and an HTML tag's attributes never print (made-up
manuscripts). "See [the survey][Okafor 2017]" shows "See the survey": Okafor's 2017
work is named nowhere, and its entry is uncited."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.document import Document, Line
from citeaudit.rules.citations import _cited_by_mention
from tests.mention_paper import CITED, OKAFOR, TANAKA, entries, uncited

LIST = "\n\n# References\n\n" + entries(OKAFOR, TANAKA)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    return uncited(tmp_path, CITED + "\n\n" + text + LIST)


@pytest.mark.parametrize(
    "text",
    [
        "See the rivers [here][Okafor (2017)] too.\n\n[Okafor (2017)]: https://example.org/s",
        "See the rivers [here](https://example.org/okafor/2017) too.",
        'See the rivers [here](https://example.org/s "Okafor 2017") too.',
        "See the rivers [here](<https://example.org/okafor 2017>) too.",
        'See the rivers <span title="Okafor 2017">here</span> too.',
    ],
    ids=["label-parens", "address", "title", "angle", "html"],
)
def test_hidden_markup_names_nothing(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, text) == ["Okafor", "Tanaka"]


@pytest.mark.parametrize(
    "text",
    [
        "See [Okafor's survey](https://example.org/s) of 2017, then rivers.",
        "See [Okafor's survey][s] of 2017.\n\n[s]: https://example.org/s",
        "See the rivers Okafor mapped [in 2017][].\n\n[in 2017]: https://example.org/s",
    ],
    ids=["link-text", "reference-link-text", "collapsed-label-shows"],
)
def test_a_links_shown_text_still_names(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, text) == ["Tanaka"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("See the rivers [here][Okafor 2017] too.", False),
        ("See the rivers ![map][Okafor 2017] too.", False),
        ("See the rivers [Okafor 2017][] too.", True),
        ("See the rivers Okafor mapped [in 2017][s] too.", True),
    ],
    ids=["label", "image-label", "collapsed", "text-before-label"],
)
def test_the_window_reads_no_reference_label(text: str, named: bool) -> None:
    """The mention window alone: the author-year reader takes "[Okafor 2017]" for a
    bracketed citation wherever it stands; a used label whose definition stands in the
    text is the Markdown reader's to blank (`markdown_definitions`)."""
    doc = Document(path="p.md", format="markdown", lines=(Line("p.md", 1, text),))
    found = _cited_by_mention._mentions([doc], set(), {})
    assert (("okafor", "2017") in found) is named
