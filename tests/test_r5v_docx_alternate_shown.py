"""Which branch of Word's alternate content shows (`docx_hidden.alternative_shown`):
the first ``mc:Choice`` whose ``Requires`` names only namespaces Word knows, else the
``mc:Fallback`` -- never both. The reader read every branch but a shape's Fallback, so
a citation in a Fallback no one sees was read."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from citeaudit.manuscript import docx_hidden
from citeaudit.manuscript.docx_hidden import alternative_shown

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _branches(inner: str) -> list[Any]:
    root = etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:w14="{W14}" '
        f'xmlns:x="http://made-up.example/ns">{inner}</mc:AlternateContent>'
    )
    return list(root)


def _shown(inner: str) -> list[bool]:
    return [alternative_shown(b) for b in _branches(inner)]


def test_a_choice_word_knows_is_shown_and_its_fallback_not() -> None:
    assert _shown('<mc:Choice Requires="w14"/><mc:Fallback/>') == [True, False]


def test_a_choice_naming_an_unknown_namespace_gives_way_to_the_fallback() -> None:
    assert _shown('<mc:Choice Requires="x"/><mc:Fallback/>') == [False, True]
    assert _shown('<mc:Choice Requires="w14 x"/><mc:Fallback/>') == [False, True]
    assert _shown('<mc:Choice Requires="undeclared"/><mc:Fallback/>') == [False, True]
    assert _shown('<mc:Choice Requires=""/><mc:Fallback/>') == [False, True]


def test_only_the_first_choice_word_knows_is_shown() -> None:
    shown = _shown(
        '<mc:Choice Requires="x"/><mc:Choice Requires="w14"/>'
        '<mc:Choice Requires="w14"/><mc:Fallback/>'
    )
    assert shown == [False, True, False, False]


def test_no_branch_word_knows_shows_nothing() -> None:
    assert _shown('<mc:Choice Requires="x"/>') == [False]


def test_a_block_of_many_choices_costs_each_branch_a_bounded_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hostile block of 3,000 Choices no one knows: each branch looks at a bounded
    number of its siblings (counted), not all of them; the Fallback past the bound is
    not read (no Word document has more than a few branches)."""
    branches = _branches('<mc:Choice Requires="x"/>' * 3000 + "<mc:Fallback/>")
    looked = 0
    original = docx_hidden._understood

    def counting(choice: Any) -> bool:
        nonlocal looked
        looked += 1
        return bool(original(choice))

    monkeypatch.setattr(docx_hidden, "_understood", counting)
    shown = [alternative_shown(b) for b in branches]
    assert not any(shown)
    assert looked <= 20 * 16
