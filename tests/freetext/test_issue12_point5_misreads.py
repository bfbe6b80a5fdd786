"""Entry misreads found on real articles (issue 12, point 5), each a class; made-up
entries of the same shape."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import families, parse


def test_a_journals_place_and_year_qualifier_is_not_the_entrys_year() -> None:
    # NLM abbreviates "Ibis" as "Ibis (Lond. 1859)": the journal's founding, part of
    # its name. An undated entry stays undated, with the rules and with the tagger
    for use_model in (False, True):
        ref = parse_reference(
            "Marsh KJ, Brook LP. Nest predation in reed warblers. Ibis (Lond. 1859) 156:701–715.",
            id="ref-1",
            index=1,
            location=Location("refs.md", 1),
            use_model=use_model,
        )
        assert ref.year is None
    qualified = parse(
        "Marsh KJ, Brook LP. Moult in island thrushes. Anat Rec (Hoboken N.J. 2007) 3:1–9."
    )
    assert qualified.year is None
    dated = parse(
        "Marsh KJ, Brook LP. Nest predation in reed warblers. Ibis (Lond. 1859). 2014;156:701–715."
    )
    assert dated.year == 2014
    # the tagger does not cut the journal's name inside its bracket
    assert dated.container == "Ibis (Lond. 1859)"


def test_a_year_in_brackets_alone_is_still_the_year() -> None:
    assert parse("Varga P. Ferns of the south. Oxford: Fern Press (1859).").year == 1859


def test_a_body_whose_word_carries_sub_is_one_organisation() -> None:
    ref = parse(
        "Harbour Standards and Pilotage Subcommittee (2019) Guidelines for using the "
        "harbour categories. Version 14. Gland: HSPS."
    )
    assert families(ref) == ["Harbour Standards and Pilotage Subcommittee"]
    assert ref.authors[0].organisation
    assert ref.year == 2019
    # a person whose name begins with "Sub" is still a person
    people = parse("Okafor T, Subbarao K (2010) Rice yields. Field Crops Res 3: 1-9.")
    assert families(people) == ["Okafor", "Subbarao"]


def test_vancouver_names_then_a_bare_year_and_the_volumes_year() -> None:
    # Pensoft prints "Family AB, Family C 2001 (2000) Title": the year the work
    # appeared, then the year its volume bears; citations give the first
    for text in (
        "Varga P, Holm TR 2001 (2000) A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
        "Varga P, Holm TR 2001 [2000] A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
        "Varga P, Holm TR 2001. A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
        "Varga, P. & Holm, T. R. 2001 (2000) A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
        "Varga P, Holm TR (2001 [2000]) A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
        "Varga P, Holm TR (2001) [2000] A review of the fern genus Notiona. "
        "Systematic Botany 22(4): 601–640.",
    ):
        ref = parse(text)
        assert families(ref) == ["Varga", "Holm"], text
        assert ref.year == 2001, text
        assert ref.title == "A review of the fern genus Notiona", text


def test_an_issues_month_and_year_in_brackets_is_the_year() -> None:
    ref = parse("Wright AK. Simple polymorphism. Lisp Comput 8, 4 (Dec. 1995), 343-356.")
    assert ref.year == 1995
    assert parse("Wright AK. Simple polymorphism. Lisp Comput 8 (Sept. 2001).").year == 2001


def test_a_bare_volume_after_the_journal_is_not_part_of_its_name() -> None:
    # no "vol." and no colon mark the volume: the rules read it on with the name; the
    # tagger, cutting at the number, is taken
    for text, journal in (
        (
            "Wright, A. K. Simple polymorphism. Lisp and Symbolic Computation 8, 4 "
            "(Dec. 1995), 343-356.",
            "Lisp and Symbolic Computation",
        ),
        (
            "Lind, R. E., Provability in modal logic. SIAM journal on computing 6, no. 3 "
            "(1977): 467-480.",
            "SIAM journal on computing",
        ),
        (
            "Okafor, T. Soil carbon in dry forests. Journal of Arid Ecology 12, 3 (2004), 10-19.",
            "Journal of Arid Ecology",
        ),
    ):
        assert parse(text).container == journal, text


def test_a_bare_year_after_a_long_list_of_names_in_direct_order() -> None:
    # SAA / American Antiquity: "Family, Given I., Given I. Family, and Given I. Family
    # 2015 Title" -- the year was read on with the last name and the title
    ref = parse(
        "Ruiz, Carla M., Tomas K. Lind, and Ada W. Brook 2015 Modeling the Span of the "
        "Harbour Site. Coastal Archaeology 34(1): 46-56."
    )
    assert families(ref) == ["Ruiz", "Lind", "Brook"]
    assert ref.year == 2015
    assert ref.title == "Modeling the Span of the Harbour Site"
    # a year after a title's words is not one after names
    title_first = parse(
        "Okafor, T., Lind, N. Justifying Tools Through the Cost of Running an Inventory "
        "Policy Harbour Transactions 1998 Vol. 20(3), 1-9."
    )
    assert families(title_first) == ["Okafor", "Lind"]


@pytest.mark.parametrize(
    ("entry", "journal"),
    [
        ("Okafor T (1971) The school system. Harbour Today Vol 18 No 3 pp 69-73.", "Harbour Today"),
        (
            "Lind, N. J. (2008) Expectations of benefit. J Harb Oncol Dec, 26(5), 1-9.",
            "J Harb Oncol",
        ),
        (
            'Ruiz, A. "Elements of a theory." Harbour Review, LXV, 1958, pp. 151-166.',
            "Harbour Review",
        ),
    ],
)
def test_a_locator_read_on_with_the_journal_is_shed(entry: str, journal: str) -> None:
    assert parse(entry).container == journal


def test_a_journal_named_by_a_number_or_part_letter_keeps_it() -> None:
    # a year ends a conference's name; a part letter a journal's
    assert (
        parse(
            "Caini C. A tool for networks. In: Proc. of IEEE Globecom 2013, Atlanta, pp. 3009-3015."
        ).container
        == "Proc. of IEEE Globecom 2013"
    )
    assert parse("Lind NJ. Knee loads. Proc Inst Mech Eng H. 2008;222(1):1-9.").container.rstrip(
        "."
    ) == ("Proc Inst Mech Eng H")
