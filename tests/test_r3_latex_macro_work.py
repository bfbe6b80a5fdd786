"""A macro expansion that writes nothing is still work: bounded per use and per document.

The per-use cap counted only the characters an expansion wrote. A macro defined first
with a citation (so its name leads to one) and then redefined empty expands to nothing,
and a ladder of macros each using the one below four times made ``4 ** depth`` empty
expansions out of a 300-byte upload: nothing was written, so nothing stopped it before
`MAX_DEPTH` (4 ** 20 calls: the worker held for the task's whole time limit). Counted
here by the expansions made, never by a clock.
"""

from __future__ import annotations

import itertools

import pytest

from citeaudit.manuscript.citations.latex import is_citation_command
from citeaudit.manuscript.latex_macros import Macros, macro_citations

_CALLS_ALLOWED = 200_000  # far past what the bound allows; before it, 4 ** 19


def _ladder(levels: int, fan: int = 4) -> tuple[str, str]:
    """\\a cites, then is redefined empty; each next macro uses the one below `fan` times."""
    names = [f"m{chr(97 + i)}" for i in range(levels)]
    text = f"\\def\\{names[0]}{{\\cite{{k}}}}\n\\def\\{names[0]}{{}}\n"
    for below, name in itertools.pairwise(names):
        text += f"\\def\\{name}{{" + f"\\{below}" * fan + "}\n"
    return text, names[-1]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts `Macros._expand_into` calls, and stops the test past `_CALLS_ALLOWED`."""
    calls = [0]
    original = Macros._expand_into

    def counting(self: Macros, *args: object, **kwargs: object) -> None:
        calls[0] += 1
        if calls[0] > _CALLS_ALLOWED:
            raise AssertionError(f"more than {_CALLS_ALLOWED:,} expansions")
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Macros, "_expand_into", counting)
    return calls


def test_empty_expansions_of_a_ladder_are_bounded(counted: list[int]) -> None:
    definitions, top = _ladder(20)
    text = definitions + f"See \\{top} here.\n"
    expansions = macro_citations(text, is_citation_command)
    assert len(expansions.expansions) == 1  # the use is read, to nothing
    assert expansions.expansions[0].text == ""
    assert counted[0] <= 50_000


def test_a_document_of_ladder_uses_shares_one_budget(counted: list[int]) -> None:
    definitions, top = _ladder(20)
    text = definitions + f"See \\{top} here.\n" * 200
    expansions = macro_citations(text, is_citation_command)
    assert expansions.stopped_at is not None  # the document's budget ran out
    assert counted[0] <= _CALLS_ALLOWED


def test_a_real_macro_still_cites_after_the_charge() -> None:
    text = "\\newcommand{\\rfc}[1]{\\cite{rfc#1}}\n" + "See \\rfc{2616}.\n" * 5_000
    expansions = macro_citations(text, is_citation_command)
    assert expansions.stopped_at is None
    assert len(expansions.expansions) == 5_000
    assert {e.text for e in expansions.expansions} == {"\\cite{rfc2616}"}
