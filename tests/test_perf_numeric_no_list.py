"""A manuscript with no reference list keeps only its square brackets as numeric
citations (`numeric._weigh`): the weak forms' streams -- flattened superscripts,
spaced numbers, round brackets -- are then not read at all, and the brackets come out
as before. On the 5 MB single-line bench they were ~2.5 s of reading to keep nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.manuscript.citations import numeric
from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.reading import read_manuscript

_BODY = (
    "As Okonkwo (2020) and Tavares (2019a) show [1], the effect holds (Ferraz, 2018). "
    "Later work [2-4] and a note.5 Some values (3, 4) and [5, p. 3] were given; "
    "see ref. 6 and [7]^8^ too. In 2010 12 patients were seen [9].\n"
)


def _spans(path: Path) -> list[tuple[int, int, tuple[int, ...]]]:
    document = read_manuscript(path)
    return [(m.start, m.end, m.numbers) for m in NumericExtractor().markers(document)]


def _watch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each weak form whose stream is read."""
    read: list[str] = []
    for name in ("_parenthesised", "_running_refs", "_glued_plain", "_spaced_plain"):
        original = getattr(numeric, name)

        def watched(*args: object, _original: object = original, _name: str = name) -> Iterator:  # type: ignore[type-arg]
            read.append(_name)
            yield from _original(*args)  # type: ignore[operator]

        monkeypatch.setattr(numeric, name, watched)
    return read


def test_no_list_reads_only_the_brackets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "paper.md"
    path.write_text(_BODY * 3, encoding="utf-8")
    read = _watch(monkeypatch)
    spans = _spans(path)
    assert read == []
    assert [numbers for _, _, numbers in spans[:4]] == [(1,), (2, 3, 4), (5,), (7,)]


def test_a_list_still_weighs_the_weak_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = "\n".join(f"{k}. Writer{k} A. Work {k}. J. 2020;{k}:1-5." for k in range(1, 13))
    path = tmp_path / "paper.md"
    path.write_text(_BODY + "\n# References\n\n" + entries + "\n", encoding="utf-8")
    read = _watch(monkeypatch)
    _spans(path)
    assert set(read) == {"_parenthesised", "_running_refs", "_glued_plain", "_spaced_plain"}
