"""authority_names: the describers named after a binomial, wherever their run ends.

Made-up tokens, as `_partly_read` cuts a line: words keeping a parenthesis before and a
stop after them, and numbers.
"""

from __future__ import annotations

from citeaudit.rules.citations._taxon_authority import authority_names, taxon_tokens


def test_authority_with_year() -> None:
    tokens = ["of", "Aus", "bus", "Quornby", "1949", "here"]
    assert authority_names(tokens) == {3}


def test_botanical_authority_ends_at_prose() -> None:
    tokens = ["Quercus", "alba", "L.", "grows", "with", "Pinus", "nigra", "(Vellacott)", "Draxmore"]
    assert authority_names(tokens) == {2, 7, 8}


def test_joins_and_ranks_are_skipped() -> None:
    tokens = ["Rosa", "canina", "var.", "dumalis", "Vellacott", "ex", "Draxmore", "is"]
    assert authority_names(tokens) == {4, 6}


def test_prose_names_are_no_authority() -> None:
    # no binomial: a name followed by a verb, a sentence-opening word
    assert authority_names(["Results", "confirm", "Quornby", "argued"]) == set()
    assert authority_names(["As", "Quornby", "argued", "in", "2017"]) == set()
    assert authority_names(["The", "data", "Quornby", "gathered"]) == set()


def test_taxon_tokens_unchanged_by_the_shared_binomial_reader() -> None:
    assert taxon_tokens(["Aus", "bus", "Smith", "1949"]) == {0, 1, 2}
    assert taxon_tokens(["In", "Aus", "bus", "Okafor", "found", "in", "2017"]) == set()


def test_a_list_of_species_each_with_its_describer() -> None:
    tokens = ["Quercus", "alba", "Quornby", "Quercus", "rubra", "Vellacott", "grows"]
    assert authority_names(tokens) == {2, 5}
