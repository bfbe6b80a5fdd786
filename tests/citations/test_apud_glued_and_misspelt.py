""""apud" glued to the year before it or the name after it ("(1985apudNascimento et
al., 2008)", "(2011, aputDelabary 2012)"): neither the original nor the work read was
read, and both entries were "never cited". "aput" is a common slip for "apud"; a name
holding the letters ("Caputo") is left alone.

Every name and title here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.item_parser import unglued_cue
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


@pytest.mark.parametrize(
    "text",
    [
        "Goodwin, Sorel e Wilk (1985apudNasser et al., 2008) destacam.",
        "Goodwin, Sorel e Wilk (1985 aputNasser et al., 2008) destacam.",
        "Goodwin, Sorel e Wilk (1985, apud Nasser et al., 2008) destacam.",
    ],
)
def test_the_original_and_the_work_read_through_are_both_cited(text: str) -> None:
    refs = [
        reference(1, "Goodwin", "Sorel", "Wilk", year=1985),
        reference(2, "Nasser", "Lopes", "Reis", year=2008),
    ]
    kept, matches = match_citations(extract_citations(document(text)), refs)
    assert sorted(t for m in matches for t in m.targets) == ["ref-1", "ref-2"]
    assert ("Nasser",) in [c.authors for c in kept]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985apudNasser", "1985 apud Nasser"),
        ("2011, aputDelabra 2012", "2011, apud Delabra 2012"),
        ("Caputo 2010", "Caputo 2010"),
        ("apudding", "apudding"),
    ],
)
def test_only_a_glued_cue_is_set_apart(text: str, expected: str) -> None:
    assert " ".join(unglued_cue(text).split()) == expected
