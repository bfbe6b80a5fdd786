"""Author-year citations whose parts are Markdown links (made-up names).

A published article's web page links every citation to its entry, and converted to
Markdown the link syntax sits inside the citation: "Zhang ([2022](#ref-zhang))",
"[Pereira and Lima](#r5) (2017)", "(Tan [2016](#r7), [2017](#r8))". A reader of the
page sees "Zhang (2022)"; the extractor must too, or the entry is "never cited".
"""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference


def _targets(text: str) -> list[tuple[str, ...]]:
    refs = [
        reference(1, "Zhang", year=2022),
        reference(2, "Pereira", "Lima", year=2017),
        reference(3, "Tan", year=2016),
        reference(4, "Tan", year=2017),
        reference(5, "Okonkwo", year=2020),
    ]
    _, matches = match_citations(extract_citations(document(text)), refs)
    return sorted({t for m in matches for t in m.targets})  # type: ignore[return-value]


def test_linked_year_of_a_narrative_citation() -> None:
    assert _targets("As Zhang ([2022](#ref-zhang)) agrees, it holds.") == ["ref-1"]
    assert _targets('Zhang ([2022](#ref-zhang "Zhang 2022")) agrees.') == ["ref-1"]


def test_linked_names_before_the_year() -> None:
    assert _targets("Then [Pereira and Lima](#r5) (2017) say so.") == ["ref-2"]


def test_linked_parenthesis_after_the_names() -> None:
    assert _targets("Then Pereira and Lima [(2017)](#r5) say so.") == ["ref-2"]


def test_each_linked_year_of_one_author() -> None:
    assert _targets("Known (Tan [2016](#r7), [2017](#r8)) well.") == ["ref-3", "ref-4"]


def test_linked_year_inside_a_parenthetical_citation() -> None:
    assert _targets("Known (Okonkwo, [2020](https://doi.org/10.1/x)) well.") == ["ref-5"]


def test_a_linked_year_alone_is_no_citation() -> None:
    assert _targets("Released in [2017](https://example.org/news) with data.") == []


def test_a_whole_citation_as_a_link_is_read_as_before() -> None:
    assert _targets("Known ([Okonkwo, 2020](#r5); [Zhang, 2022](#r1)) well.") == [
        "ref-1",
        "ref-5",
    ]
    assert _targets("Known [Okonkwo, 2020](#r5) well.") == ["ref-5"]
    assert _targets("Known [(Okonkwo, 2020)](#r5) well.") == ["ref-5"]


def test_html_links_and_tags_inside_a_citation() -> None:
    assert _targets('Known (Okonkwo, <a href="#B5">2020</a>) well.') == ["ref-5"]
    assert _targets('As <a href="#B1">Zhang (2022)</a> said.') == ["ref-1"]
    assert _targets("As <em>Pereira and Lima</em> (2017) said.") == ["ref-2"]
    assert _targets('As Zhang (<span class="year">2022</span>) said.') == ["ref-1"]


def test_comparisons_are_not_tags() -> None:
    assert _targets("Since a<b and c>d (Zhang, 2022) holds.") == ["ref-1"]
