"""The author-year reader remembers what it read from a group's own text (the years
opening "(1985 apud Roe, 2008)", the words before a group that may end in a species'
name): a page of citations asks the same again and again. What is remembered must be
what the group's text alone decides -- the names before the group, and the sentence
before a genus, are read afresh each time, so the same group after other words is read
as those words say."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document


def test_the_same_leading_years_after_other_names_take_those_names() -> None:
    text = (
        "Okonkwo and Tal (1985 apud Roe, 2008) wrote first. "
        "Later Brandt (1985 apud Roe, 2008) agreed, and so did Quist (1985; see also Roe 2008)."
    )
    found = [(c.authors, c.year, c.narrative) for c in extract_citations(document(text))]
    assert (("Okonkwo", "Tal"), 1985, False) in found  # read through Roe: no narrative match
    assert (("Brandt",), 1985, False) in found
    assert (("Quist",), 1985, True) in found  # "see also" reads through no other work
    assert sum(1 for authors, year, _ in found if authors == ("Roe",) and year == 2008) == 3


def test_the_same_last_words_before_a_group_read_by_their_own_sentence() -> None:
    """The same words "Rivers matter" before the same group, each time at a sentence's
    head: a citation both times, while a species list between them is read as one."""
    text = (
        "Rivers matter (Moreau, 2019) in every basin. "
        "Records: Aus lutescens (Quenby, 1833), Bus pauper (Lenz, 1801). "
        "Rivers matter (Moreau, 2019) again."
    )
    by_name = {}
    for citation in extract_citations(document(text)):
        by_name.setdefault(citation.authors, []).append(citation.certainty)
    assert by_name[("Moreau",)] == [Certainty.SURE, Certainty.SURE]
    assert by_name[("Quenby",)] == [Certainty.WEAK]
    assert by_name[("Lenz",)] == [Certainty.WEAK]
