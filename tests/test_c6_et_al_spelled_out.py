""" "et al." spelled out in full, or abbreviated after an abbreviated "and" (made-up names).

The vocabulary knew "in sod.", "i sur.", "a kol." and "e coll.", but not the words they
shorten, which writers of Slovenian, Croatian, Serbian, Czech, Polish, Hungarian,
Romanian, Lithuanian, Italian and German spell out as often: "Novak in sodelavci
(2017)", "Novak i suradnici (2017)", "Novak a kolektiv (2017)", "Novak e collaboratori
(2017)", "Novak und Mitarbeiter (2017)", "Novak u. Mitarb. (2017)". Such a citation was
read as two authors ("Novak", "Mitarbeiter"), or as the single author "Mitarb", or not
at all, and its entry was reported never cited.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_REFS = [reference(1, "Novak", "Kranjc", "Zupan", year=2017)]

_FORMS = [
    "in sodelavci",  # Slovenian
    "s sodelavci",
    "in drugi",
    "i suradnici",  # Croatian
    "i saradnici",  # Serbian
    "a kolektiv",  # Czech
    "i inni",  # Polish
    "i współpracownicy",
    "és munkatársai",  # Hungarian
    "și colaboratorii",  # Romanian
    "si colaboratorii",
    "ir kiti",  # Lithuanian
    "e collaboratori",  # Italian
    "und Mitarbeiter",  # German
    "u. Mitarb.",
    "u. Mitarbeiter",
    "und Kollegen",
    "et collab.",  # French
    "et alii",  # Latin
    "и другие",  # Russian
]


def _targets(text: str) -> list[tuple[str, ...]]:
    citations = extract_citations(document(text))
    _, matches = match_citations(citations, _REFS)
    return [m.targets for m in matches]


@pytest.mark.parametrize("form", _FORMS)
def test_in_parentheses(form: str) -> None:
    assert _targets(f"It holds (Novak {form}, 2017) here.") == [("ref-1",)]


@pytest.mark.parametrize("form", _FORMS)
def test_in_running_text(form: str) -> None:
    assert _targets(f"So Novak {form} (2017) showed it.") == [("ref-1",)]


@pytest.mark.parametrize("form", ["und Mitarbeiter", "u. Mitarb.", "in sodelavci"])
def test_read_as_one_author_and_others(form: str) -> None:
    citations = extract_citations(document(f"As shown by Novak {form} (2017), it holds."))
    assert [(c.authors, c.et_al) for c in citations] == [(("Novak",), True)]


def test_the_full_words_alone_are_still_names() -> None:
    refs = [reference(1, "Novak", "Kiti", year=2017)]
    citations = extract_citations(document("So (Novak ir Kiti, 2017) and Novak and Kiti (2017)."))
    _, matches = match_citations(citations, refs)
    assert [m.targets for m in matches] == [("ref-1",), ("ref-1",)]
