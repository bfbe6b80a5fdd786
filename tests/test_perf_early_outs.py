"""Readers that skip a page holding none of what they look for (perf diffs of the
5 MB single-line bench): the pandoc reader on a page with no "@" and no `cite_r`, the
protologue reader on a page with no colon, the own-lines test on a manuscript with
no dated short line, and the author-year reader's collectors' numbers read in one
scan. Each still finds what it found where the page holds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations import own_lines, pandoc, protologues, specimens
from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.citations.own_lines import OwnLines
from citeaudit.manuscript.citations.pandoc import PandocExtractor
from citeaudit.manuscript.citations.protologues import ProtologueExtractor
from citeaudit.manuscript.reading import read_manuscript

_PROSE = "As Okonkwo (2020) and Tavares & Lind (2019a) show [1], it holds (Ferraz, 2018). "


class _Refused:
    """A pattern that must not be run."""

    def finditer(self, *args: object) -> object:
        raise AssertionError("scanned a page that cannot hold a match")

    search = match = finditer


def _document(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return read_manuscript(path)


def test_pandoc_skips_a_page_without_at_or_cite_r(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(tmp_path, _PROSE * 5)
    monkeypatch.setattr(pandoc, "_BRACKET", _Refused())
    monkeypatch.setattr(pandoc, "_NARRATIVE", _Refused())
    assert list(PandocExtractor().markers(document)) == []


def test_pandoc_still_reads_keys(tmp_path: Path) -> None:
    document = _document(tmp_path, _PROSE + "As shown [@okonkwo2020] and @lind2019 say.\n")
    keys = [c.item for m in PandocExtractor().markers(document) for c in m.citations]
    assert keys == ["okonkwo2020", "lind2019"]


def test_protologue_skips_a_page_without_a_colon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(tmp_path, _PROSE * 5)
    monkeypatch.setattr(protologues, "_PROTOLOGUE", _Refused())
    assert list(ProtologueExtractor().markers(document)) == []


def test_protologue_still_read(tmp_path: Path) -> None:
    document = _document(tmp_path, "Festuca alba Kardel, Revis. Gen. Pl. 2: 711. 1891.\n")
    items = [c.item for m in ProtologueExtractor().markers(document) for c in m.citations]
    assert items == ["Kardel, 1891"]


def test_own_lines_empty_normalises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(tmp_path, _PROSE * 5)
    own = OwnLines(document)

    def refused(text: str) -> str:
        raise AssertionError("normalised a group for an empty set of lines")

    monkeypatch.setattr(own_lines, "_normal", refused)
    assert own.names_a_line("Okonkwo 2020") is False


def test_own_lines_still_names_a_heading(tmp_path: Path) -> None:
    document = _document(tmp_path, "## External Validation on Cohort 2022\n\nText.\n")
    assert OwnLines(document).names_a_line("External Validation on Cohort 2022")


def test_author_year_reads_collectors_numbers_in_one_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(tmp_path, _PROSE * 5 + "Seen by him (Bartram 561, Kiwele 1546).\n")
    found = [
        (c.item, c.certainty) for m in AuthorYearExtractor().markers(document) for c in m.citations
    ]
    windows = 0
    original = specimens.collector_numbers_near

    def counted(text: str, start: int, end: int) -> bool:
        nonlocal windows
        windows += 1
        return original(text, start, end)

    monkeypatch.setattr(specimens, "collector_numbers_near", counted)
    import citeaudit.manuscript.citations.author_year as author_year

    monkeypatch.setattr(author_year, "collector_numbers_near", counted)
    again = [
        (c.item, c.certainty) for m in AuthorYearExtractor().markers(document) for c in m.citations
    ]
    assert again == found
    assert windows == 0  # every group asked the one-scan reader
