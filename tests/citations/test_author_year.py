from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import AuthorYearExtractor
from citeaudit.model.citation import Certainty, CitationKind
from tests.citations.helpers import document, summary


def extract(text: str):  # type: ignore[no-untyped-def]
    return AuthorYearExtractor().extract(document(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as argued (Smith, 2019).", [(("Smith",), 2019, None)]),
        (
            "(Smith, 2019; Lee & Park, 2020a, p. 4)",
            [(("Smith",), 2019, None), (("Lee", "Park"), 2020, "a")],
        ),
        ("(Smith 2019, 2020)", [(("Smith",), 2019, None), (("Smith",), 2020, None)]),
        ("(Smith and Lee, 2019)", [(("Smith", "Lee"), 2019, None)]),
        ("(Ayusi dan Nurhasanah, 2020)", [(("Ayusi", "Nurhasanah"), 2020, None)]),
        ("(Pérez y Gómez, 2019)", [(("Pérez", "Gómez"), 2019, None)]),
        ("(Rossi e Bianchi, 2018)", [(("Rossi", "Bianchi"), 2018, None)]),
        ("(Müller und Schmidt, 2017, S. 4)", [(("Müller", "Schmidt"), 2017, None)]),
        ("(Dupont et Martin, 2016)", [(("Dupont", "Martin"), 2016, None)]),
        ("(Smith, Jones, & Lee, 2019, pp. 3–5)", [(("Smith", "Jones", "Lee"), 2019, None)]),
        ("(Hadiwinata, 2017, hlm. 12)", [(("Hadiwinata",), 2017, None)]),
        ("(see Smith, 2019)", [(("Smith",), 2019, None)]),
        ("(e.g., Smith, 2019; cf. Lee, 2020)", [(("Smith",), 2019, None), (("Lee",), 2020, None)]),
        ("(lihat Kementerian Pertahanan, 2021)", [(("Kementerian Pertahanan",), 2021, None)]),
        ("(World Health Organization, 2020)", [(("World Health Organization",), 2020, None)]),
        ("(Van der Berg, 2010)", [(("Van der Berg",), 2010, None)]),
        ("(van der Berg, 2010)", [(("van der Berg",), 2010, None)]),
        ("(*CSTO*, 2022)", [(("CSTO",), 2022, None)]),
        ("(**NATO**, 2022)", [(("NATO",), 2022, None)]),
        ("(Fakhrunisa., 2019)", [(("Fakhrunisa",), 2019, None)]),
        ("(Šimić, 2019)", [(("Šimić",), 2019, None)]),
        ("(Müller, 2018)", [(("Müller",), 2018, None)]),
        ("(O’Brien, 2015)", [(("O’Brien",), 2015, None)]),
        ("(Smith-Jones, 2015)", [(("Smith-Jones",), 2015, None)]),
        ("(Freud, 1900/1999)", [(("Freud",), 1999, None)]),
    ],
)
def test_parenthetical(text: str, expected: list[tuple[object, ...]]) -> None:
    found = extract(text)
    assert summary(found) == expected
    assert all(not c.narrative and c.kind is CitationKind.AUTHOR_YEAR for c in found)


def test_et_al_forms() -> None:
    found = extract("(Smith et al., 2019) (Lee et al 2020) (Putra dkk., 2021)")
    assert summary(found) == [
        (("Smith",), 2019, None),
        (("Lee",), 2020, None),
        (("Putra",), 2021, None),
    ]
    assert all(c.et_al for c in found)


@pytest.mark.parametrize(
    ("label", "suffix"), [("n.d.", None), ("t.t.", None), ("s.f.", None), ("n.d.-a", "a")]
)
def test_no_date(label: str, suffix: str | None) -> None:
    (c,) = extract(f"(Smith, {label})")
    assert c.no_date and c.year is None and c.year_suffix == suffix


def test_several_works_share_marker_text_and_location() -> None:
    text = "First line.\nWe know (Smith, 2019; Lee & Park, 2020a, p. 4) well."
    found = extract(text)
    assert [c.text for c in found] == ["(Smith, 2019; Lee & Park, 2020a, p. 4)"] * 2
    assert {(c.location.line, c.location.column) for c in found} == {(2, 9)}
    assert [c.item for c in found] == ["Smith, 2019", "Lee & Park, 2020a, p. 4"]


def test_location_counts_columns_from_one_on_the_right_line() -> None:
    text = "Intro line\n\nSome text here (Aditya, 2022). More (Cooley, 2022)."
    found = extract(text)
    assert [(c.location.file, c.location.line, c.location.column) for c in found] == [
        ("paper.md", 3, 16),
        ("paper.md", 3, 37),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith (2019) shows", [(("Smith",), 2019, None)]),
        ("Smith and Lee (2019) show", [(("Smith", "Lee"), 2019, None)]),
        ("Smith & Lee (2019) show", [(("Smith", "Lee"), 2019, None)]),
        ("Smith, Jones, and Lee (2019) show", [(("Smith", "Jones", "Lee"), 2019, None)]),
        ("Smith et al. (2019) show", [(("Smith",), 2019, None)]),
        ("Smith (2019, p. 4) shows", [(("Smith",), 2019, None)]),
        ("Smith's (2019) view", [(("Smith",), 2019, None)]),
        ("Smith’s (2019) view", [(("Smith",), 2019, None)]),
        ("Smith (2019a, 2019b) shows", [(("Smith",), 2019, "a"), (("Smith",), 2019, "b")]),
        ("as van der Berg (2010) says", [(("van der Berg",), 2010, None)]),
        ("the website of *NATO* (2022) lists", [(("NATO",), 2022, None)]),
        ("as J. Smith (2019) says", [(("Smith",), 2019, None)]),
    ],
)
def test_narrative(text: str, expected: list[tuple[object, ...]]) -> None:
    found = extract(text)
    assert summary(found) == expected
    assert all(c.narrative for c in found)


def test_narrative_marker_starts_at_the_name_with_its_emphasis() -> None:
    (c,) = extract("Dilansir dari website resmi *NATO* (2022), berikut")
    assert c.text == "*NATO* (2022)"
    assert c.location.column == len("Dilansir dari website resmi ") + 1


def test_narrative_keeps_a_leading_capitalised_word_for_the_matcher_to_cut() -> None:
    (c,) = extract("Kemudian Hadiwinata (2017) negara")
    assert c.authors == ("Kemudian Hadiwinata",) and c.narrative


def test_narrative_drops_a_sentence_opening_word_it_knows() -> None:
    (c,) = extract("Menurut Hadiwinata (2017) negara")
    assert c.authors == ("Hadiwinata",) and c.text == "Hadiwinata (2017)"


@pytest.mark.parametrize(
    "text",
    [
        "(Uzbekistan bergabung pada 2006 dan kemudian mundur lagi pada 2012)",
        "(the treaty was signed in 1992, and renewed in 2002)",
        "(2019)",
        "in the year (2019) alone",
        "tahun 1949 (2004)",
        "(Estonia, Latvia, Lithuania)",
        "(1.500 km sebelah selatan dari Moskow)",
        "(March 2020)",
        "(Januari 2021)",
        "(Tahun 2019)",
        "(COVID-19, 2020)",
        "*political realism and political idealism (1951)*",
        "1. LITUANIA (2004)",
        "12. SPANYOL (1982)",
        "- Georgia (1993)",
        "Ade, P., Santoso, M., & Marsingga, P. (2025).",
        "code `f(Smith, 2019)` here",
        "the 2000s (Smith, 2019-2020 data)",
    ],
)
def test_look_alikes_are_not_citations(text: str) -> None:
    # A month-like name may be an author ("May, R."): kept as WEAK, which counts only
    # when an entry confirms it and is never reported as missing on its own.
    assert [c for c in extract(text) if c.certainty is not Certainty.WEAK] == []


def test_a_bad_item_does_not_spoil_the_good_one() -> None:
    found = extract("(Smith, 2019; the data for 2020)")
    # "the data for" may only ever count as a (weak) organisation name an entry confirms
    assert summary([c for c in found if c.certainty is not Certainty.WEAK]) == [
        (("Smith",), 2019, None)
    ]


def test_country_before_year_is_only_a_narrative_candidate() -> None:
    found = extract("diikuti oleh Azerbaijan, Belarusia dan Georgia (1993). Lalu")
    # Extracted as a candidate for the matcher to confirm or drop, never as parenthetical.
    assert all(c.narrative for c in found)


def test_year_only_item_continues_the_previous_author() -> None:
    found = extract("(Smith, 2019; 2020b)")
    assert summary(found) == [(("Smith",), 2019, None), (("Smith",), 2020, "b")]


def test_secondary_source_is_cited_too() -> None:
    found = extract(
        "(Freud, 1900, as cited in Lee & Park, 2020) (Rahman, 2001, dikutip dalam Putra, 2019)"
    )
    assert summary(found) == [
        (("Freud",), 1900, None),
        (("Lee", "Park"), 2020, None),
        (("Rahman",), 2001, None),
        (("Putra",), 2019, None),
    ]


def test_parenthetical_may_wrap_over_a_line_break() -> None:
    found = extract("as argued (Smith,\n2019) before")
    assert summary(found) == [(("Smith",), 2019, None)]
    assert (found[0].location.line, found[0].location.column) == (1, 11)
