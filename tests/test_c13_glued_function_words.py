"""Class c13-GW: a sentence's lower-case word glued to the name after it, "for example
thePubPeer (2017)", "citados porEPdata (2020)", as SciELO's XML writes a link's text with
no space before it (fresh7). Glued, the word hid the name: no citation was read and the
entry was "never cited". "the", "por", "pelo", "pela" join "in", "of", "by" and the
others already set apart, before a capital and a lower-case letter -- or a short run of
capitals and then one ("EPdata"). Made-up names.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, Line


def _read(text: str) -> list[tuple[tuple[str, ...], int | None]]:
    doc = Document("m.md", "markdown", (Line("m.md", 1, text),))
    return [(c.authors, c.year) for c in extract_citations(doc)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Venues are emerging, for example thePeerDesk (2017); they grow.", "PeerDesk"),
        ("Según datos citados porEPstats (2020), hay 3 millones.", "EPstats"),
        ("Os dados divulgados peloObservaSaúde (2019) mostram isso.", "ObservaSaúde"),
    ],
)
def test_glued_word_before_a_narrative_name(text: str, name: str) -> None:
    assert ((name,), int(text.split("(")[1][:4])) in _read(text)


def test_words_that_only_start_so_stay_words() -> None:
    # "theory", "portal", "pelota": no capital after the letters, nothing is cut
    assert _read("The theory (2019) and the portal (2020) stand.") == []
