"""A title and its subtitle after a colon are one title: the tagger may not keep only the
subtitle when the head holds a year it reads as the date ("Las caravanas migrantes de
2018: una lectura desde la frontera sur")."""

from __future__ import annotations

from citeaudit.bibliography.freetext_merge import _only_the_subtitle
from tests.freetext.helpers import parse


def test_the_head_before_the_colon_stays() -> None:
    ref = parse(
        "Ortega-Ruiz M. Las caravanas migrantes de 2018: una lectura desde la frontera sur. "
        "Frontera Norte. 2018b;30(60):1-24."
    )
    assert ref.title == "Las caravanas migrantes de 2018: una lectura desde la frontera sur"
    assert ref.container == "Frontera Norte"


def test_only_a_cut_at_the_colon_counts() -> None:
    head = "Las caravanas de 2018: una lectura"
    assert _only_the_subtitle(head, "una lectura")
    assert not _only_the_subtitle(head, "lectura")  # cut mid-phrase: other checks decide
    assert not _only_the_subtitle(head, head)
    assert not _only_the_subtitle(None, "una lectura")
