"""A one-word title before the imprint is the title, not a given name.

"SILVA, J. Rios. São Paulo: Alfa, 2018." has the title "Rios": what follows it is only
place, publisher and year, so the word cannot belong to the author. Made-up entries
in ABNT, Chicago, APA and MLA shapes.
"""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse

SHAPES = [
    ("SILVA, J. Rios. São Paulo: Alfa, 2018.", "SILVA", "Rios", "Alfa"),
    ("SILVA, J. R. Rios. São Paulo: Alfa, 2018.", "SILVA", "Rios", "Alfa"),
    ("COSTA, M. Memórias. Lisboa: Beta, 2001. 240 p.", "COSTA", "Memórias", "Beta"),
    ("Silva, J. Rios. Alfa, 2018.", "Silva", "Rios", "Alfa"),
    (
        "Wald, Stefan M. Revolution. Ithaca: Gamma University Press, 1996.",
        "Wald",
        "Revolution",
        "Gamma University Press",
    ),
    ("Wald, Stefan. Revolution. Gamma UP, 1996.", "Wald", "Revolution", "Gamma UP"),
    (
        "Wald, Stefan M. 1996. Revolution. Ithaca: Gamma University Press.",
        "Wald",
        "Revolution",
        "Gamma University Press",
    ),
    (
        "Wald, S. M. (1996). Revolution. Gamma University Press.",
        "Wald",
        "Revolution",
        "Gamma University Press",
    ),
    # longer titles after initials keep working
    (
        "SILVA, J. Rios e mares do sul. São Paulo: Alfa, 2018.",
        "SILVA",
        "Rios e mares do sul",
        "Alfa",
    ),
]


@pytest.mark.parametrize(("text", "family", "title", "publisher"), SHAPES)
def test_short_title_before_the_imprint(text: str, family: str, title: str, publisher: str) -> None:
    ref = parse(text)
    assert families(ref) == [family]
    assert ref.title == title
    assert ref.publisher == publisher
    assert ref.year in (2018, 2001, 1996)


def test_a_full_given_name_is_still_a_name() -> None:
    # the rule needs initials before the word: a full given name stays the author's
    ref = parse("SILVA, João Carlos. Rios. São Paulo: Alfa, 2018.")
    assert families(ref) == ["SILVA"] and ref.authors[0].given.startswith("João")
    assert ref.title == "Rios"
