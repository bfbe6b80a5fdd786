"""An inverted name's initials, then a title whose first word is one letter -- the
article "A", "O" (Portuguese, English): the letter has no full stop, so it is the
title's, not the person's last initial (ABNT "SILVA, J. A cidade.", "SANTOS FILHO, C. O
título."). And in an ABNT list of several people, a one-word title before the imprint
is the title, not the last person's given name."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


@pytest.mark.parametrize("model", [False, True])
@pytest.mark.parametrize(
    ("entry", "people", "title"),
    [
        ("SILVA, J. A cidade. São Paulo: Atlas, 1999.", [("SILVA", "J")], "A cidade"),
        ("SILVA, J. A. A cidade. São Paulo: Atlas, 1999.", [("SILVA", "J. A")], "A cidade"),
        (
            "SANTOS FILHO, C. O título. Revista X, v. 3, 2010.",
            [("SANTOS FILHO", "C")],
            "O título",
        ),
        (
            "SANTOS FILHO, C.; OLIVEIRA JUNIOR, J.; COSTA SOBRINHO, A. O título. Revista X, "
            "v. 3, 2010.",
            [("SANTOS FILHO", "C"), ("OLIVEIRA JUNIOR", "J"), ("COSTA SOBRINHO", "A")],
            "O título",
        ),
        (
            "SANTOS FILHO, C.; MARTINS, P. Memórias. Recife: UFPE, 2001.",
            [("SANTOS FILHO", "C"), ("MARTINS", "P")],
            "Memórias",
        ),
        (
            "Smith, J. A study of things. Oxford: Clarendon, 2001.",
            [("Smith", "J")],
            "A study of things",
        ),
        (
            "Smith, J. A Rational Theory. Oxford: Clarendon, 2001.",
            [("Smith", "J")],
            "A Rational Theory",
        ),
    ],
)
def test_the_one_letter_word_opens_the_title(
    entry: str, people: list[tuple[str, str]], title: str, model: bool
) -> None:
    ref = parse_reference(entry, id="r", index=1, location=Location("refs.md", 1), use_model=model)
    assert [(a.family, a.given) for a in ref.authors] == people
    assert ref.title == title


def test_an_initial_with_its_full_stop_stays_the_persons() -> None:
    ref = parse_reference(
        "Keohane, Robert O. Power and interdependence. Boston: Little, Brown, 1977.",
        id="r",
        index=1,
        location=Location("refs.md", 1),
    )
    assert [(a.family, a.given) for a in ref.authors] == [("Keohane", "Robert O")]
    assert ref.title == "Power and interdependence"
