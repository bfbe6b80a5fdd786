"""A reference link's label never prints: ``[here][Okafor 2017]`` shows "here" when a
definition of "Okafor 2017" stands in the text (made-up manuscripts). The reader
blanked the definition's label; the link's own label, read as a bracketed citation,
still cited Okafor's entry. Without a definition CommonMark prints the brackets as
they are: then they are text, and still cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mention_paper import CITED, OKAFOR, TANAKA, entries, uncited

LIST = "\n\n# References\n\n" + entries(OKAFOR, TANAKA)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    return uncited(tmp_path, CITED + "\n\n" + text + LIST)


@pytest.mark.parametrize(
    "text",
    [
        "See the rivers [here][Okafor 2017].\n\n[Okafor 2017]: https://example.org/s",
        "See the rivers ![map][Okafor 2017].\n\n[okafor   2017]: https://example.org/m.png",
    ],
    ids=["link", "image-any-case-and-blanks"],
)
def test_a_used_label_cites_nothing(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, text) == ["Okafor", "Tanaka"]


def test_brackets_with_no_definition_are_text(tmp_path: Path) -> None:
    text = "See the rivers [here][Okafor 2017].\n\n[other]: https://example.org/s"
    assert _uncited(tmp_path, text) == ["Tanaka"]
