"""A book's title whose subtitle follows a full stop, then its imprint (made-up entries):
"Title. Subtitle. Place: Publisher." -- the subtitle is the title's, not the tail's."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Kunel, P. (2011). Les maîtres fictifs. Analyses des pratiques tutorales en "
            "situation de travail. Paris: L’Harmattan.",
            "Les maîtres fictifs. Analyses des pratiques tutorales en situation de travail",
        ),
        (
            "Jemil, D. (2014). Common fictions. An ethnography of an imagined wiki. "
            "Palo Alto (CA): Fictive University Press.",
            "Common fictions. An ethnography of an imagined wiki",
        ),
        (
            "Sandro, K. Personzentrierte Fiktion. Ein Lehrbuch für Ausbildung und Praxis. "
            "München: Juventa, 2010.",
            "Personzentrierte Fiktion. Ein Lehrbuch für Ausbildung und Praxis",
        ),
    ],
)
def test_subtitle_sentence_before_the_imprint(text: str, title: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    for ref in (rules, parse(text)):
        assert ref.title == title


@pytest.mark.parametrize(
    "text",
    [
        # a translator's or an editor's sentence is no subtitle
        "Kunel, P. (2011). Les maîtres fictifs. Translated by Anne Smith. Paris: Seuil.",
        "Kunel, P. (2011). Les maîtres fictifs. Edited by Anne Smith. Paris: Seuil.",
        # the role closing the title's sentence, the names in the next
        "Kunel, P. 2011. Les maîtres fictifs, ed. Anne-Claude Smith. Paris: Seuil.",
    ],
)
def test_no_subtitle_from_a_role_sentence(text: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    assert rules.title is not None
    assert rules.title.startswith("Les maîtres fictifs")
    assert "Smith" not in rules.title
