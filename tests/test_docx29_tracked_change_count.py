"""Tracked changes are counted in one walk, not by an XPath union (docx29).

`docx_hidden.unseen_notes` counted a document's insertions and deletions with
``count(.//w:ins | .//w:del | ...)``: libxml2 merges a union's node sets by checking
each node of one against each node of the other, so a word of n inserted letters each
beside a deleted one cost n squared inside the XML library -- 40,000 pairs 2.7 s,
200,000 about a minute -- where no Python call count sees it. So: the count stays
right (nested, mixed, the four kinds), and no XPath the module evaluates is a union.
No timing: the guard is on the expressions themselves, the cost in
benches/docx29_scaling.py (docx-ins-del-word).
"""

from __future__ import annotations

import ast
import inspect

from lxml import etree

from citeaudit.manuscript import docx_hidden
from citeaudit.manuscript.docx_hidden import unseen_notes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _body(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W}"><w:p>{inner}</w:p></w:body>')


def _changes(notes: list[str]) -> str:
    return next((n for n in notes if "tracked change" in n), "")


def _empty_looks() -> docx_hidden.Looks:
    """The looks of a document with no styles part."""
    from citeaudit.manuscript.docx import _styles

    return _styles(None, "paper.docx", [], _body("")).looks


def test_alternating_changes_inside_one_word_are_all_counted() -> None:
    pairs = "".join(
        f'<w:ins w:id="{2 * i}"><w:r><w:t>a</w:t></w:r></w:ins>'
        f'<w:del w:id="{2 * i + 1}"><w:r><w:delText>b</w:delText></w:r></w:del>'
        for i in range(3_000)
    )
    assert "6,000 tracked change(s)" in _changes(unseen_notes(_body(pairs), _empty_looks()))


def test_nested_and_moved_changes_are_each_counted_once() -> None:
    inner = (
        "<w:ins><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:ins>"
        "<w:moveFrom><w:r><w:t>y</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>y</w:t></w:r></w:moveTo>"
    )
    assert "4 tracked change(s)" in _changes(unseen_notes(_body(inner), _empty_looks()))
    assert _changes(unseen_notes(_body("<w:r><w:t>z</w:t></w:r>"), _empty_looks())) == ""


def _strings(module: object) -> list[str]:
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def test_no_xpath_union_is_evaluated_on_a_whole_part() -> None:
    """A union's merge is quadratic in libxml2: none in the Word reader's modules."""
    from citeaudit.manuscript import docx, docx_headers, docx_links, docx_numbering

    for module in (docx_hidden, docx, docx_headers, docx_links, docx_numbering):
        unions = [s for s in _strings(module) if ".//" in s and " | " in s]
        assert unions == [], f"{module.__name__}: {unions}"
