"""A Word styles part of long basedOn chains and cycles is resolved in linear work.

Each style took its inherited colour, size, shading, hiding, list and heading by
walking its chain afresh, up to 32 (or 16) steps for each setting: 100,000 styles in
cycles, a 670 KB upload, held the reader 23 CPU seconds (freeze22). Counted work, not
time: the parent lookups each resolver makes, against the number of styles; and the
answers checked against the plain walk on chains, cycles and caps of every shape.
"""

from __future__ import annotations

import random

from citeaudit.manuscript import docx, docx_hidden
from citeaudit.manuscript.docx_style_chains import nearest_along


class _Counted(dict[str, str]):
    """A parent map that counts its lookups."""

    lookups = 0

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        type(self).lookups += 1
        return super().get(key, default)


def _cycle(n: int) -> _Counted:
    _Counted.lookups = 0
    return _Counted({f"s{i}": f"s{(i * 7919 + 1) % n}" for i in range(n)})


def test_inherited_settings_walk_each_chain_once() -> None:
    n = 20_000
    parents = _cycle(n)
    colours = docx_hidden._inherited({"lone": "white"}, parents)
    assert colours == {"lone": "white"}
    assert _Counted.lookups <= 3 * n


def test_style_lists_walk_each_chain_once() -> None:
    n = 20_000
    parents = _cycle(n)
    own: dict[str, tuple[str, int] | None] = {f"s{i}": None for i in range(n)}
    assert docx._style_lists(own, parents, set()) == {}
    assert _Counted.lookups <= 3 * n


def test_heading_bases_walk_each_chain_once() -> None:
    n = 20_000
    parents = _cycle(n)
    names = {f"s{i}": f"Body {i}" for i in range(n)}
    assert docx._based_on_headings(names, parents) == {}
    assert _Counted.lookups <= 3 * n


def _plain(start: str, own: dict[str, int], parents: dict[str, str], cap: int) -> int | None:
    current: str | None = start
    for _ in range(cap):
        if not current:
            return None
        if current in own:
            return own[current]
        current = parents.get(current)
    return None


def test_the_answers_are_the_plain_walks() -> None:
    rng = random.Random(22)
    for _ in range(300):
        n = rng.randint(1, 60)
        styles = [f"s{i}" for i in range(n)]
        parents = {s: rng.choice([*styles, "undefined"]) for s in styles if rng.random() < 0.9}
        own = {s: i for i, s in enumerate(styles) if rng.random() < 0.15}
        cap = rng.randint(1, 40)
        starts = rng.sample(styles, len(styles))
        got = nearest_along(starts, own, parents, cap)
        want = {s: v for s in starts if (v := _plain(s, own, parents, cap)) is not None}
        assert got == want


def test_a_long_chain_past_the_cap_inherits_nothing_beyond_it() -> None:
    parents = {f"s{i}": f"s{i + 1}" for i in range(100)}
    got = nearest_along([f"s{i}" for i in range(101)], {"s100": "red"}, parents, 32)
    assert set(got) == {f"s{i}" for i in range(69, 101)}


def _styles_root(count: int) -> object:
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = "".join(
        f'<w:style w:type="character" w:styleId="c{i}"><w:rPr><w:vanish/>'
        f'<w:color w:val="FFFFFF"/></w:rPr></w:style>'
        for i in range(count)
    )
    return etree.fromstring(f'<w:styles xmlns:w="{w}">{styles}</w:styles>'.encode())


def test_a_styles_part_is_read_as_far_as_word_allows_styles() -> None:
    """Word keeps at most 4,079 styles; a part of more is no Word file's, and each
    style read costs every setting's look-up: the reader stops at MAX_STYLES."""
    from citeaudit.manuscript.docx_style_chains import MAX_STYLES

    root = _styles_root(MAX_STYLES + 3_000)
    looks = docx_hidden.style_looks(root)
    assert len(looks.colors) == MAX_STYLES
    assert len(docx_hidden.hidden_styles(root)) == MAX_STYLES
    assert "c0" in looks.hidden and f"c{MAX_STYLES}" not in looks.hidden


def test_an_ordinary_styles_part_is_read_whole() -> None:
    root = _styles_root(300)
    assert len(docx_hidden.style_looks(root).colors) == 300
    assert len(docx_hidden.hidden_styles(root)) == 300
