"""freeze30: a cited name made of emphasis marks is found in its text one way.

`_joined_by_and` and `_cut` look for the kept name in the citation's text with a
pattern of its words parted by runs of white space or marks (``[\\s*_]+``). A word that
was only marks ("_ _ _") or began or ended with one shared the runs' characters, so a
failed search tried every way of parting a run of underscores among the words:
exponential in such words (six against a run of 60: 1.5 s, eight: 40 s). No extractor
hands such a name today (freeze30's probes of 126 citation shapes gave none), but the
matcher took it on trust. The test reads the pattern handed to the regex engine: every
word of it must begin and end with a character the runs between words cannot hold,
which is what makes each run read one way (the engine's backtracking is not counted by
tests/security/counted_work.py: its blind spot).
"""

from __future__ import annotations

import re
import types
from typing import Any

import pytest

from citeaudit.matching import author_index
from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.location import Location

_RUN = r"[\s*_]+"


def _citation(text: str, authors: tuple[str, ...], narrative: bool = True) -> Citation:
    return Citation(
        id="c1",
        text=text,
        location=Location("paper.md", 1, 1),
        kind=CitationKind.AUTHOR_YEAR,
        item=text,
        authors=authors,
        year=2020,
        narrative=narrative,
    )


def _patterns_searched(monkeypatch: pytest.MonkeyPatch, call: Any) -> list[str]:
    seen: list[str] = []

    def search(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        seen.append(pattern)  # read, not run: the old pattern ran for ever on this text
        return None

    shim = types.SimpleNamespace(**{n: getattr(re, n) for n in dir(re) if not n.startswith("__")})
    shim.search = search
    monkeypatch.setattr(author_index, "re", shim)
    call()
    return seen


def _words(pattern: str) -> list[str]:
    return pattern.split(_RUN)


_MARKED_NAMES = [
    "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ Smith",
    "* * * * * * * * * * * * Smith",
    "_Smith_ __Jones__ *Lee*",
    "Smith_ _Jones",
    "** __ ** __ Smith",
]


@pytest.mark.parametrize("name", _MARKED_NAMES)
def test_each_word_searched_begins_and_ends_outside_the_runs(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    citation = _citation("Zed and " + "_" * 60 + " x (2020)", ("Zed", name))
    kept = _citation(citation.text, (name,))

    def call() -> None:
        author_index._joined_by_and(citation, kept)
        author_index._cut(citation, (name,))

    patterns = _patterns_searched(monkeypatch, call)
    assert len(patterns) == 2, patterns
    for pattern in patterns:
        for word in _words(pattern):
            plain = re.sub(r"\\(.)", r"\1", word)
            assert plain, f"an empty word in {pattern!r}"
            assert re.fullmatch(_RUN, plain[0]) is None, f"{word!r} opens with a mark"
            assert re.fullmatch(_RUN, plain[-1]) is None, f"{word!r} ends with a mark"


def test_a_name_of_marks_alone_searches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    citation = _citation("Zed and _ _ _ (2020)", ("Zed", "_ _ _"))
    kept = _citation(citation.text, ("_ _ _",))
    patterns = _patterns_searched(monkeypatch, lambda: author_index._joined_by_and(citation, kept))
    assert patterns == []


@pytest.mark.parametrize(
    ("text", "kept", "joined"),
    [
        ("Smith and Jones (2020)", "Jones", True),
        ("*Smith* and *Jones* (2020)", "Jones", True),
        ("Menurut Hadiwinata (2020)", "Hadiwinata", False),
        ("Rossi e _Bianchi_ (2020)", "_Bianchi_", True),
        ("Barcode Data Systems, Ratnasingham and Hebert 2007", "Ratnasingham", False),
        ("van der *Berg* and Lee (2020)", "van der Berg", False),
    ],
)
def test_names_as_written_are_still_found(text: str, kept: str, joined: bool) -> None:
    citation = _citation(text, ("X", kept))
    assert author_index._joined_by_and(citation, _citation(text, (kept,))) is joined


def test_a_cut_still_starts_at_the_kept_name() -> None:
    citation = _citation("Menurut *Hadiwinata* (2020)", ("Menurut Hadiwinata",))
    cut = author_index._cut(citation, ("Hadiwinata",))
    assert cut.text == "Hadiwinata* (2020)"
    assert cut.location.column == 1 + len("Menurut *")
