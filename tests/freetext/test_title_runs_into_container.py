"""A journal's short name that the tagger, unsure, reads on with the title.

The rules end the title at its full stop and find no container; the tagger runs its
title over the journal's abbreviated name ("Prog Orthop,") with low confidence while
giving "container" some weight. Those words are then the container (see
`freetext_merge._title_runs_into_container`). All entries here are made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext_crf
from citeaudit.bibliography.freetext_merge import _title_runs_into_container
from citeaudit.bibliography.freetext_parsed import ParsedFields

from .helpers import parse

TOKS = freetext_crf.tokens("Okafor, A. Knee pain after cycling. Prog Orthop, 2014. 21(3): 110-6.")
RULES = ("A", "A", "T", "T", "T", "T", "O", "O", "Y", "O", "O")
LABELS = (
    "author",
    "author",
    "title",
    "title",
    "title",
    "title",
    "title",
    "title",
    "date",
    "volume",
    "pages",
)


def tagging(confidence: float, container: float) -> freetext_crf.Tagging:
    """The tagger's reading of TOKS, its title run on over "Prog Orthop,"."""
    conf = (0.99,) * 6 + (confidence, confidence) + (0.99,) * 3
    cont = (0.0,) * 6 + (container, container) + (0.0,) * 3
    return freetext_crf.Tagging(
        labels=LABELS,
        rules=RULES,
        spans=freetext_crf.spans(TOKS, LABELS),
        title_support=0.99,
        container_support=None,
        confidence=conf,
        container_prob=cont,
    )


def fields(title: str = "Knee pain after cycling") -> ParsedFields:
    f = ParsedFields()
    f.title = title
    return f


def test_unsure_title_words_after_the_title_are_the_container() -> None:
    assert _title_runs_into_container(TOKS, tagging(0.4, 0.3), fields()) == "Prog Orthop"


def test_a_tagger_sure_of_its_longer_title_adds_no_container() -> None:
    assert _title_runs_into_container(TOKS, tagging(0.8, 0.1), fields()) is None


def test_words_the_tagger_never_reads_as_container_are_not_one() -> None:
    assert _title_runs_into_container(TOKS, tagging(0.4, 0.05), fields()) is None


def test_only_when_the_rules_title_stands() -> None:
    taken = fields("Knee pain after cycling. Prog Orthop")
    assert _title_runs_into_container(TOKS, tagging(0.4, 0.3), taken) is None


def test_not_when_the_rules_title_ends_mid_phrase() -> None:
    toks = [*TOKS]
    toks[5] = "cycling"  # no full stop: the words after it may be the title's own
    assert _title_runs_into_container(toks, tagging(0.4, 0.3), fields()) is None


@pytest.mark.skipif(not freetext_crf.MODEL_PATH.is_file(), reason="no model built")
def test_a_numbered_medical_entry_keeps_its_journal() -> None:
    ref = parse(
        "29. Okafor, A., et al., Knee pain after long-distance cycling: functional results "
        "and quality of life. Prog Orthop, 2014. 21(3): p. 110-6."
    )
    assert ref.title == (
        "Knee pain after long-distance cycling: functional results and quality of life"
    )
    assert ref.container == "Prog Orthop"
