"""How the free-text bench compares containers (issue 12, point 5).

Two conventions of the AnyStyle gold that no parser can follow both ways: a container
labelled with its volume or year inside it ("Fictive Letters 202,", where the same data
labels the volume apart elsewhere), and an "In"/"en" mark labelled alone as the
container-title with the journal's name labelled `journal` after it. The comparison
drops a trailing run of numbers on both sides, and the gold container is the first
container part that holds more than the mark.
"""

from __future__ import annotations

import sys
from pathlib import Path

from citeaudit.bibliography.freetext_eval import norm_container

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benches"))

from freetext_accuracy import anystyle_gold  # type: ignore[import-not-found]


def test_a_trailing_volume_or_year_is_not_part_of_the_name() -> None:
    assert norm_container("Fictive Letters 202,") == norm_container("Fictive Letters")
    assert norm_container("Proc. of Made-up Conf 2013,") == norm_container("Proc. of Made-up Conf")
    assert norm_container("in Imagined Systems, 7.") == norm_container("Imagined Systems")


def test_numbers_inside_the_name_still_count() -> None:
    assert norm_container("Made-up 3 Review") != norm_container("Made-up Review")
    assert norm_container("Fictive Letters 202") != norm_container("Other Letters 202")


def test_an_in_mark_alone_is_not_the_gold_container() -> None:
    parts = [
        ("author", "Roe, Ana"),
        ("title", "Un título inventado,"),
        ("container-title", "en"),
        ("journal", "Revista Imaginaria,"),
        ("volume", "núm. 4,"),
        ("date", "2001,"),
    ]
    assert anystyle_gold(parts)["container"] == "Revista Imaginaria,"


def test_a_labelled_container_is_kept() -> None:
    parts = [("title", "A title."), ("container-title", "In Fictive Book,"), ("date", "1999")]
    assert anystyle_gold(parts)["container"] == "In Fictive Book,"


def test_a_closing_chapter_mark_is_not_part_of_the_title() -> None:
    from citeaudit.bibliography.freetext_eval import norm_title

    assert norm_title("“An Invented Essay,” in") == norm_title("An Invented Essay")
    assert norm_title("« Un essai inventé », dans") == norm_title("Un essai inventé")
    assert norm_title('"Made-up Spaces", in:') == norm_title("Made-up Spaces")


def test_a_title_is_otherwise_compared_whole() -> None:
    from citeaudit.bibliography.freetext_eval import norm_title

    assert norm_title("Inventing things in") != norm_title("Inventing things")
    assert norm_title("Made-up Spaces in Fictive Towns") != norm_title("Made-up Spaces")


def test_editors_before_the_book_are_not_part_of_its_name() -> None:
    book = norm_container("The Invented Handbook of Things")
    assert norm_container("In J. Roe & Associates (Eds.), The Invented Handbook of Things") == book
    assert norm_container("In Roe, A., & Poe, B. (Eds.). The Invented Handbook of Things") == book
    assert norm_container("In A. Roe (Ed.), The Invented Handbook of Things") == book


def test_a_name_with_a_bracket_is_kept() -> None:
    assert norm_container("In Vivo (Made-up Series)") != norm_container("Made-up Series")
    assert norm_container("Made-up Review (Eds.)") == norm_container("Made-up Review (Eds.)")
