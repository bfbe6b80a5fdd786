"""A book's subtitle sentence before its imprint when the extent, the series or a
translator stands around the imprint (made-up entries): "Title. Subtitle. Paris :
Alfa, 2004. 172 p. (Series)." -- the subtitle is the title's, the rest the tail's."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "MARQUET, Line. Écouter la marée. Récits, gestes, saisons. Paris : Alfa, 2004. "
            "172 p. (Métiers et pratiques).",
            "Écouter la marée. Récits, gestes, saisons",
        ),
        (
            "DUVAL, Jean. Parler aux vagues. L’art de lire la côte. Paris : Beta, 2007. 211 p.",
            "Parler aux vagues. L’art de lire la côte",
        ),
        (
            "Roe, K. (1982). Voir les dunes. L’aménagement des rivages. Traduction de "
            "Anne Vial. Paris : Gamma.",
            "Voir les dunes. L’aménagement des rivages",
        ),
    ],
)
def test_subtitle_sentence_before_imprint_and_extent(text: str, title: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    assert rules.title == title
    assert parse(text).title == title


@pytest.mark.parametrize(
    "text",
    [
        # a journal's locators after the second sentence: no imprint, no subtitle
        "Roe, K. Voir les dunes. Revue des rivages. 12: 3-9.",
        # a second sentence that is a translator's is the tail's
        "Roe, K. Voir les dunes. Translated by A. Vial. Paris : Gamma, 1982. 240 p.",
    ],
)
def test_no_subtitle_taken(text: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    assert rules.title == "Voir les dunes"
