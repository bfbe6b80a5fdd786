"""An abbreviated journal's first words belong to the journal, not the title (issue 12,
point 5): "…, Math. Programming, 60", "… pathway. Can. J. Cardiovasc. Nurs. 2003;13".

The full stops of "Math." or "Cardiovasc." read as sentence ends left the journal's
head on the title and its last word alone as the container. Made-up entries only.
"""

from __future__ import annotations

import pytest

from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        (
            "A. Roe and B. Poe, An invented algorithm for made-up problems, Math. "
            "Programming, 60 (1993), pp. 295-337.",
            "An invented algorithm for made-up problems",
            "Math. Programming",
        ),
        (
            "Roe, J., Poe, L., When an invented thing strikes the sea, Geol. Mag. "
            "V.137(1), p.67-80. 2000.",
            "When an invented thing strikes the sea",
            "Geol. Mag",
        ),
        (
            "Roe W, Poe J. Invented experiences with a made-up pathway. Can. J. "
            "Cardiovasc. Nurs. 2003;13(1):28-34.",
            "Invented experiences with a made-up pathway",
            "Can. J. Cardiovasc. Nurs",
        ),
    ],
)
def test_the_journals_head_joins_the_journal(text: str, title: str, container: str) -> None:
    ref = parse(text)
    assert ref.title == title
    assert (ref.container or "").rstrip(".") == container


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        (
            "Roe, A. (2001). A made-up note on applied Math. Fictive Review, 3, 1-9.",
            "A made-up note on applied Math",
            "Fictive Review",
        ),
        (
            "Roe, A., Poe, B., Invented study of the Amazon. Geogr. Rev. 12: 3-9. 2001.",
            "Invented study of the Amazon",
            "Geogr. Rev",
        ),
    ],
)
def test_a_titles_own_last_word_stays(text: str, title: str, container: str) -> None:
    ref = parse(text)
    assert ref.title == title
    assert (ref.container or "").rstrip(".") == container


def test_the_rules_alone_give_the_journals_head_back() -> None:
    from citeaudit.bibliography.freetext import parse_reference
    from citeaudit.model.location import Location

    ref = parse_reference(
        "A. Roe and B. Poe, An invented algorithm for made-up problems, Math. Programming, "
        "60 (1993), pp. 295-337.",
        id="ref-1",
        index=1,
        location=Location("refs.md", 1),
        use_model=False,
    )
    assert (ref.title, ref.container) == (
        "An invented algorithm for made-up problems",
        "Math. Programming",
    )


def test_an_editors_initial_is_not_a_journals_head() -> None:
    ref = parse("Roe, A. (2001). Made-up chapter. In: Poe, J. Invented Book of Things. Berlin.")
    assert not (ref.container or "").startswith("J.")
