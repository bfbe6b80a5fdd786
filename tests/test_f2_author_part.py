"""Author-part leftovers of the free-text parser (issue 12, point 5).

Three classes, made-up entries:

- ABNT's unknown place and publisher ("[S.l.: s.n.]", "[s.l.]: [s.n.]", "S.l.: s.n.")
  after a one-word title: the imprint is only those marks and a year, so the word after
  the initials is the title, not a given name;
- a comma-joined entry "Family, I., Title, Publisher, Year": names written with
  initials are followed by more such names, so "Title, Publisher" is no second person;
- an entry opening on its title (no author), then an edition or a translator and the
  imprint: the title is not an author, while an organisation before its title stays
  whole as the author.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext_authors import _title_first
from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("text", "family", "title"),
    [
        ("PEREIRA, M. Cantigas. [S.l.: s.n.], 1987.", "PEREIRA", "Cantigas"),
        ("PEREIRA, M. A. Cantigas. [s.l.]: [s.n.], 1987.", "PEREIRA", "Cantigas"),
        ("PEREIRA, M. Cantigas. [S.l.]: Editora Lume, 1987.", "PEREIRA", "Cantigas"),
        ("PEREIRA, M. Cantigas. S.l.: s.n., 1987.", "PEREIRA", "Cantigas"),
        ("LOPEZ, R.; PEREIRA, M. Cantigas. [S.l.: s.n.], 1987.", "LOPEZ", "Cantigas"),
    ],
)
def test_abnt_unknown_imprint_leaves_one_word_title(text: str, family: str, title: str) -> None:
    ref = parse(text)
    assert families(ref)[0] == family
    assert ref.title == title
    assert all("Cantigas" not in (a.given or "") for a in ref.authors)
    assert ref.year == 1987


@pytest.mark.parametrize(
    ("text", "fams", "title"),
    [
        ("Quiroga, H., Arrabales, Editorial Sur, 1958.", ["Quiroga"], "Arrabales"),
        ("Quiroga, H. M., Arrabales, Montevideo, 1958.", ["Quiroga"], "Arrabales"),
        (
            "Quiroga, H., Benet, L., Arrabales, Editorial Sur, 1958.",
            ["Quiroga", "Benet"],
            "Arrabales",
        ),
    ],
)
def test_initials_names_then_comma_title(text: str, fams: list[str], title: str) -> None:
    ref = parse(text)
    assert families(ref) == fams
    assert ref.title == title
    assert ref.year == 1958


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Field Guide to Coastal Lichens. 3rd ed. Halifax: Tern Press, 2011.",
            "Field Guide to Coastal Lichens",
        ),
        (
            "Saga of the Northern Fjords. Translated by Ann Vik. Oslo: Fjell, 2003.",
            "Saga of the Northern Fjords",
        ),
    ],
)
def test_title_first_entry_has_no_author(text: str, title: str) -> None:
    ref = parse(text)
    assert ref.authors == ()
    assert ref.title == title


def test_a_sentence_inside_the_head_is_no_title_first_entry() -> None:
    # the repeated-author dash's stand-in, then an editor's mark, then the title: the
    # head before the imprint holds sentences of its own, so it is not one title
    head = "Anonymous. ed. Tidal Records: From Cape to Cove."
    assert not _title_first(head, " Halifax: Tern Press, 2011.")
    assert _title_first("Tidal Records: From Cape to Cove.", " Halifax: Tern Press, 2011.")


def test_organisation_before_its_title_stays_the_author() -> None:
    ref = parse("Harbour Survey Institute. Tidal Records. 2nd ed. Halifax: Tern Press, 2011.")
    assert families(ref) == ["Harbour Survey Institute"]
    assert ref.title == "Tidal Records"
