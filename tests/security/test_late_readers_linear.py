"""The readers added late stay linear on hostile input, by counted work.

- ``\\iffalse ... \\fi`` branches: many on one line were blanked one at a time, each
  rebuilding the whole line (a 280,000-character line of them took 1.8 s, growing
  with the square of the line). The characters copied are counted here with a
  ``str`` that counts its slices and joins.
"""

from __future__ import annotations

from typing import Any, SupportsIndex

from citeaudit.manuscript.latex_conditionals import blank_false_branches

_COPIED = [0]


class _CountedStr(str):
    """A line that counts the characters every slice or concatenation of it copies
    (and stays counted: the results are counted strings too)."""

    def __getitem__(self, key: SupportsIndex | slice) -> _CountedStr:
        out = str.__getitem__(self, key)
        _COPIED[0] += len(out)
        return _CountedStr(out)

    def __add__(self, other: str) -> _CountedStr:
        out = str.__add__(self, other)
        _COPIED[0] += len(out)
        return _CountedStr(out)

    def __radd__(self, other: Any) -> _CountedStr:
        out = str.__add__(str(other), self)
        _COPIED[0] += len(out)
        return _CountedStr(out)


def _copied_blanking(branches: int) -> int:
    line = _CountedStr("\\iffalse \\cite{a}\\fi " * branches)
    _COPIED[0] = 0
    out = blank_false_branches([line])
    assert out[0].strip() == ""  # every branch blanked
    assert len(out[0]) == len(line)
    return _COPIED[0] + 1


def test_many_false_branches_on_one_line_are_blanked_in_linear_work() -> None:
    small, large = _copied_blanking(500), _copied_blanking(4_000)
    assert large / small <= 16, f"characters copied grew {large / small:.0f}x for 8x the line"


# --- Word/Zotero/Citavi field links -------------------------------------------------

_PAIRS = [0]  # characters compared by rapidfuzz: len(a) x len(b) per comparison
_CEILING = 2_000_000_000  # pairs: past it a run is stopped and fails (it would freeze)


class _OverCeiling(BaseException):  # not caught by an `except Exception`
    pass


class _CountingFuzz:
    """rapidfuzz's ``fuzz`` as `docx_field_links` calls it, counting the character
    pairs each comparison costs (its work grows with both lengths)."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        scorer = getattr(self._real, name)

        def counted(a: str, b: str, *args: Any, **kwargs: Any) -> Any:
            _PAIRS[0] += len(a) * len(b)
            if _PAIRS[0] > _CEILING:
                raise _OverCeiling
            return scorer(a, b, *args, **kwargs)

        return counted


def _pairs_linking(entries: list[str], items: list[Any], monkeypatch: Any) -> int:
    """Character pairs compared linking `items` to `entries`, with the document's
    budget made small (5,000 entries examined) so the test reaches it quickly."""
    from citeaudit.manuscript import docx_field_links as links
    from citeaudit.manuscript.document import RawEntry
    from citeaudit.model.location import Location

    if not isinstance(links.fuzz, _CountingFuzz):  # once a test, or it counts twice
        monkeypatch.setattr(links, "fuzz", _CountingFuzz(links.fuzz))
    monkeypatch.setattr(links, "_EXAMINED", 5_000, raising=False)
    index = links.EntryIndex([RawEntry(e, Location("paper.docx"), e) for e in entries])
    _PAIRS[0] = 0
    try:
        for item in items:
            index.link(item)
    except _OverCeiling:
        raise AssertionError(f"over {_CEILING:,} character pairs compared") from None
    return _PAIRS[0] + 1


def _title(k: int) -> str:
    # a long title of words that differ from work to work (no two entries alike)
    return " ".join(f"w{k}x{j}abc" for j in range(60))


def test_authorless_works_do_not_each_search_the_whole_list(monkeypatch: Any) -> None:
    """A field's work with no author is looked for by its title in every entry: a
    document of n entries and n such works cost n x n comparisons."""
    from citeaudit.manuscript.docx_field_citation import FieldItem

    def pairs(n: int) -> int:
        entries = [f"Author{k}, A. (2020). {_title(k)}." for k in range(n)]
        items = [FieldItem(year=2020, title=_title(n + k)) for k in range(n)]
        return _pairs_linking(entries, items, monkeypatch)

    small, large = pairs(100), pairs(800)
    assert large / small <= 16, f"comparisons grew {large / small:.0f}x for 8x the document"


def test_works_of_one_prolific_author_cost_bounded_comparisons(monkeypatch: Any) -> None:
    """200 entries of Smith 2020 and works of Smith 2020 with long titles: each work
    compared its 500-character title with every entry (300 ms a work), so a document
    of a few thousand fields froze a worker for minutes. A document's comparisons are
    bounded: 8 times the fields cost no more."""
    from citeaudit.manuscript.docx_field_citation import FieldItem

    entries = [f"Smith, J. (2020). {_title(k)}." for k in range(200)]

    def pairs(n: int) -> int:
        items = [FieldItem(authors=("Smith",), year=2020, title=_title(1000 + k)) for k in range(n)]
        return _pairs_linking(entries, items, monkeypatch)

    small, large = pairs(10), pairs(80)
    assert large / small <= 1.5, f"comparisons grew {large / small:.1f}x for 8x the fields"


# --- undated corporate citations ("(Expresso, s/d)") ---------------------------------


def test_undated_marks_scan_linearly() -> None:
    """The "s.d." search started from each blank of a run and took the whole run each
    time (80,000 spaces: 7 s; found by benches/redos_scan.py). Counted: the characters
    the pattern's opening (what comes before "s.d.") reads from every start finditer
    tries -- all the blanks after it on the old pattern, one start only on the new."""
    import re

    from citeaudit.manuscript.citations import undated_corporate as module

    def reads(n: int) -> int:
        # the characters a match attempt at each start reads before failing: the
        # pattern's prefix run, as the engine walks it
        text = " " * n + "!"
        prefix = re.compile(module._UNDATED.pattern.split("(?:s/", 1)[0], re.I)
        total = 0
        for start in range(len(text)):
            m = prefix.match(text, start)
            total += 1 + (m.end() - start if m else 0)
        return total

    small, large = reads(1_000), reads(8_000)
    assert large / small <= 16, f"characters read grew {large / small:.0f}x for 8x the blanks"
