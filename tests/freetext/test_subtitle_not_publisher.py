"""A book's subtitle after a full stop is the title's, not the publisher.

The rules end a title at its first full stop; the sentence after it, with no journal in
sight, they read as the publisher, though the imprint ("Oxford: Harbour Books") comes
later. The tagger reads on with the title over that sentence, and finds the publisher
where it is: its reading is taken (`freetext_merge._subtitle_read_as_publisher`). All
entries here are made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext_crf

from .helpers import parse

pytestmark = pytest.mark.skipif(not freetext_crf.MODEL_PATH.is_file(), reason="no model built")


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "Marlow, Petra and Ines Varga (2011). Coastal Towns. A Social History of the "
            "Adriatic Shore. 2nd edition. Oxford: Harbour Books.",
            "Coastal Towns. A Social History of the Adriatic Shore",
            "Harbour Books",
        ),
        (
            "Varga, Ines (ed.). 1962. Stone Bridges. The Builders of the Danube. Vienna: Holzer",
            "Stone Bridges. The Builders of the Danube",
            "Holzer",
        ),
    ],
)
def test_the_sentence_after_a_short_title_is_its_subtitle(
    text: str, title: str, publisher: str
) -> None:
    ref = parse(text)
    assert ref.title == title
    assert ref.publisher == publisher
    assert ref.container is None
