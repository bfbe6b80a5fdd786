"""A body's name cited with a word the list leaves out (m10, issue 12).

Class BW: a body the list names shortly, or under its later name, cited with one word
more -- "(Q Development Core Team 2014)" for "Q Core Team (2014)", "(Nordic Marine
Research Council, 2019)" for "Nordic Research Council (2019)". The reverse, a word
left out by the citation, was linked already (`AuthorIndex._part_of_body`); one work
read as a missing citation and an uncited entry was two false alarms.

Guards: a person's entry is no body; another year stays missing; two bodies the cited
name could be leave it unguessed. Examples made up.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin T (2010) Work on harbours. Journal of Tests 1: 2-3."


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return citation_codes(audit_listed(tmp_path, body + " Also (Orwin 2010).", [*entries, _OTHER]))


def test_bw_cited_name_with_a_word_more_than_the_entry(tmp_path: Path) -> None:
    entries = [
        "Q Core Team (2014) Q: a language for computing. Q Foundation for Computing, Vienna."
    ]
    assert (
        _codes(tmp_path, "Data were analysed in Q (Q Development Core Team 2014).", entries) == []
    )


def test_bw_a_word_inside_a_longer_body_name(tmp_path: Path) -> None:
    entries = ["Nordic Research Council (2019) Fisheries outlook. Oslo, 40 pp."]
    body = "Catches fell (Nordic Marine Research Council, 2019)."
    assert _codes(tmp_path, body, entries) == []


def test_guard_another_year_stays_missing(tmp_path: Path) -> None:
    entries = ["Nordic Research Council (2019) Fisheries outlook. Oslo, 40 pp."]
    body = "Catches fell (Nordic Marine Research Council, 2015)."
    assert "CIT002" in _codes(tmp_path, body, entries)


def test_guard_two_bodies_it_could_be_stay_unguessed(tmp_path: Path) -> None:
    entries = [
        "Nordic Research Council (2019) Fisheries outlook. Oslo, 40 pp.",
        "Nordic Marine Council (2019) Coastal report. Bergen, 12 pp.",
    ]
    body = "Catches fell (Nordic Marine Research Council, 2019)."
    assert citation_codes(
        audit_listed(
            tmp_path,
            body + " Also (Orwin 2010). Coasts (Nordic Marine Council 2019).",
            [*entries, _OTHER],
        )
    ) == ["CIT001", "CIT002"]
