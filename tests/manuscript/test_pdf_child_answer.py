"""The PDF engine child's answer is data: checked strictly, refused in one sentence.

The child (pdf_isolated) reads a hostile file; were it taken over, what it prints is
still only JSON that the parent checks against `PageRead`'s types. A value of another
type is refused -- never coerced (a string "12" is no page number) -- and the audit
gets one clear error, not an exception.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from citeaudit.errors import InputError
from citeaudit.manuscript import pdf_isolated
from citeaudit.manuscript.pdf_isolated import decode_pages, encode_pages
from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.pdf_links import LinkArea
from citeaudit.manuscript.pdf_pages import PageRead


def _pages() -> PageRead:
    line = PdfLine(1, 72.0, 300.0, 700.0, 690.0, 10.0, "Smith (2020) found", ((6, 8),))
    tail = PdfLine(2, 72.0, 200.0, 700.0, 690.0, 10.0, "it", column=1, number=3, last_base=650.5)
    links = {1: [LinkArea("https://doi.org/10.1000/x", 1.0, 2.0, 3.0, 4.0)], 2: []}
    return PageRead([line, tail], links, {(1, 0): 72.0, (2, 1): 70.5}, ["a problem"])


def _answer() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(encode_pages(_pages()))
    return data


def test_an_answer_round_trips() -> None:
    assert decode_pages(_answer()) == _pages()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda a: a["lines"][0].__setitem__("page", "1"),  # a string for a number
        lambda a: a["lines"][0].__setitem__("page", True),  # true is no page
        lambda a: a["lines"][0].__setitem__("x0", "72"),
        lambda a: a["lines"][0].__setitem__("superscripts", [[6, 8, 9]]),
        lambda a: a["lines"][0].__setitem__("extra", 1),  # a field PdfLine has not
        lambda a: a["lines"][0].pop("text"),
        lambda a: a["links"].__setitem__("one", []),  # a page key that is no number
        lambda a: a["lefts"].append([1, 0]),
        lambda a: a.__setitem__("problems", "a problem"),
        lambda a: a.pop("links"),
    ],
)
def test_a_wrong_value_is_refused_not_coerced(spoil: Any) -> None:
    answer = _answer()
    spoil(answer)
    with pytest.raises(ValueError):
        decode_pages(answer)


def test_a_wrong_answer_is_one_error_for_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer = _answer()
    answer["lines"][0]["size"] = "big"

    def fake_run(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(args, 0, json.dumps(answer).encode(), b"")

    monkeypatch.setattr(subprocess, "run", fake_run)  # the child_python run
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n")  # the parent reads it first
    with pytest.raises(InputError, match="no page reading"):
        pdf_isolated.read_pages_isolated(tmp_path / "paper.pdf", "paper.pdf")
