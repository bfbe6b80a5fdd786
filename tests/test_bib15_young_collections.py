"""parse_bibtex collects young objects less often while it reads (issue 15).

Reading builds several small container objects per field (bibtexparser's blocks,
the fields' dict, References, Persons): with CPython's default threshold of 700
allocations a young-generation collection ran every few entries, and walking those
young objects again and again took 10-20 % of reading a real bibliography. The
threshold is raised for the reading (`citeaudit.gc_threshold`, which an audit
holds around all its work; parse_bibtex is called alone too), and put back after,
also when reading raises and when readings overlap in threads.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from bibtexparser.model import Block

import citeaudit.bibliography.bibtexparser_blocks as blocks
from citeaudit.bibliography.bibtex import parse_bibtex

_ENTRY = '@article{k%d, author = {M{\\"u}ller, Anna}, title = {A {\\TeX} study}, year = 2001}\n'


@pytest.fixture
def default_thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield (700, 10, 10)
    finally:
        gc.set_threshold(*saved)


def _seen_while_reading(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    seen: list[tuple[int, int, int]] = []
    split = blocks.split

    def watching(text: str) -> list[tuple[Block, int]]:
        seen.append(gc.get_threshold())
        return split(text)

    monkeypatch.setattr(blocks, "split", watching)
    return seen


def test_reading_raises_the_young_threshold_and_puts_it_back(
    default_thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _seen_while_reading(monkeypatch)
    bibliography = parse_bibtex("".join(_ENTRY % i for i in range(3)), "refs.bib")
    assert len(bibliography.references) == 3
    assert seen and all(t[0] >= 10_000 for t in seen)
    assert all(t[1:] == (10, 10) for t in seen)
    assert gc.get_threshold() == default_thresholds


def test_put_back_when_reading_raises(
    default_thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> list[tuple[Block, int]]:
        raise MemoryError("made up")

    monkeypatch.setattr(blocks, "split", broken)
    with pytest.raises(MemoryError):
        parse_bibtex(_ENTRY % 1, "refs.bib")
    assert gc.get_threshold() == default_thresholds


def test_a_higher_or_disabled_threshold_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = gc.get_threshold()
    try:
        for setting in ((0, 10, 10), (100_000, 5, 5)):
            gc.set_threshold(*setting)
            seen = _seen_while_reading(monkeypatch)
            parse_bibtex(_ENTRY % 1, "refs.bib")
            assert seen == [setting]
            assert gc.get_threshold() == setting
            monkeypatch.undo()
    finally:
        gc.set_threshold(*saved)


def test_overlapping_readings_in_threads_put_it_back_once(
    default_thresholds: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two readings overlap: the first to finish must not put the default back while
    # the other still reads, and the last one out restores it (not the raised value
    # the second one found when it started).
    first_in = threading.Event()
    first_may_leave = threading.Event()
    second_done = threading.Event()
    seen: dict[str, tuple[int, int, int]] = {}
    split = blocks.split

    def pausing(text: str) -> list[tuple[Block, int]]:
        if threading.current_thread().name == "first":
            first_in.set()
            first_may_leave.wait(10)
        else:
            seen["second"] = gc.get_threshold()
        return split(text)

    monkeypatch.setattr(blocks, "split", pausing)

    def first() -> None:
        parse_bibtex(_ENTRY % 1, "a.bib")

    def second() -> None:
        first_in.wait(10)
        parse_bibtex(_ENTRY % 2, "b.bib")
        seen["after second"] = gc.get_threshold()
        second_done.set()
        first_may_leave.set()

    threads = [threading.Thread(target=first, name="first"), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert seen["second"][0] >= 10_000
    assert seen["after second"][0] >= 10_000  # the first still reads
    assert gc.get_threshold() == default_thresholds
