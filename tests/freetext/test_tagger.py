"""The CRF tagger stacked on the rules: it helps where the rules guess, and its absence
(no model file) leaves a working rules-only parser."""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext, freetext_crf
from citeaudit.bibliography.freetext import parse_fields, parse_reference, refine_with_tagger
from citeaudit.model.location import Location

from .helpers import families, parse

ENTRIES = [
    "Yulianti, M. Y., Manoppo, I., & Maharani, E. (2017). Diplomasi pertahanan di Asia "
    "Tenggara. Jurnal Pertahanan, 7(2), 45–67. https://doi.org/10.33172/jp.v7i2.123",
    "Han SE, Chen G. Optical absorption enhancement in silicon nanohole arrays for solar "
    "photovoltaics. Nano Lett. 2010;10(3):1012-5.",
    'B. Harlow, "How to write a literature review," Scribbr, 2020.',
]


def test_rule_labels_find_the_rules_fields_again() -> None:
    toks = freetext_crf.tokens("Okafor, C. (2019). Ports and power. Marine Policy, 12, 1–9.")
    hints = freetext_crf.RuleHints(
        families=("Okafor",), year=2019, title="Ports and power", container="Marine Policy"
    )
    assert freetext_crf.rule_labels(toks, hints) == [
        "A", "O", "Y", "T", "T", "T", "C", "C", "O", "O",
    ]  # fmt: skip


def test_features_are_one_list_of_strings_per_token() -> None:
    toks = freetext_crf.tokens("Smith, J. 2001. A title. Publisher.")
    feats = freetext_crf.features(toks, freetext_crf.RuleHints(families=("Smith",), year=2001))
    assert len(feats) == len(toks)
    assert all(isinstance(x, str) for f in feats for x in f)


def test_model_ships_small() -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    assert freetext_crf.MODEL_PATH.stat().st_size <= 5_000_000


def test_without_model_the_parser_is_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(freetext_crf, "MODEL_PATH", freetext_crf.MODEL_PATH.with_name("absent"))
    monkeypatch.setattr(freetext_crf, "_MODEL", freetext_crf._Model())
    for text in ENTRIES:
        f = parse_fields(text)
        assert refine_with_tagger(text, f) is False
        ref = parse(text)
        rules = parse_reference(
            text, id="ref-1", index=1, location=Location("refs.md", 1), use_model=False
        )
        assert ref == rules
        assert ref.authors and ref.year and ref.title


def test_tagger_keeps_what_the_rules_know() -> None:
    for text in ENTRIES:
        ref = parse(text)
        rules = parse_reference(
            text, id="ref-1", index=1, location=Location("refs.md", 1), use_model=False
        )
        assert (ref.authors, ref.year, ref.doi, ref.title) == (
            rules.authors,
            rules.year,
            rules.doi,
            rules.title,
        )


def test_tagger_cuts_an_unpunctuated_journal_off_the_title() -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    ref = parse(
        "Lindqvist, Maria E., 2003, Tidal mixing in fjords: observations and models, "
        "Estuarine Coastal and Shelf Science 58 211-24."
    )
    assert families(ref) == ["Lindqvist"]
    assert ref.year == 2003
    assert ref.title == "Tidal mixing in fjords: observations and models"
    assert ref.container == "Estuarine Coastal and Shelf Science"


def test_gates_are_probabilities() -> None:
    assert 0.0 < freetext.TITLE_GATE < 1.0
    assert 0.0 < freetext.CONTAINER_GATE < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Brandt, Ulrike. Einführung in die Soziolinguistik. 2nd ed., De Gruyter, 2014. "
        "doi:10.1515/9783110345678.",
        "World Health Organization. Global action plan on physical activity 2018-2030: more "
        "active people for a healthier world. World Health Organization, 2019. "
        "apps.who.example.int/iris/handle/10665/272722.",
    ],
)
def test_a_books_publisher_is_not_taken_for_a_container(text: str) -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    ref = parse(text)
    assert ref.container is None
    assert ref.publisher in {"De Gruyter", "World Health Organization"}


def test_a_journal_the_rules_read_as_publisher_stays_the_taggers_container() -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    ref = parse(
        "Wathne K., Biong H., Heide J. B. 2001. Choice of Supplier in Embedded Markets: "
        "Relationship and Marketing Program Effects. Journal of Marketing. 65 (2): 54-66."
    )
    assert ref.container == "Journal of Marketing"


@pytest.mark.parametrize(
    ("text", "container"),
    [
        # the tagger leaves off "Routledge", mid-phrase
        (
            "60) Marsh RE, Howard WE. The Collective Security Treaty Organization in Russian "
            "foreign policy. In: Tsygankov AP, editor. Routledge Handbook of Russian Foreign "
            "Policy. London: Routledge; 2019. p. 141-153.",
            "Routledge Handbook of Russian Foreign Policy",
        ),
        # ... takes "in" and leaves off "Latina", mid-phrase
        (
            '[59]\tC. Herrera, "Memoria histórica y justicia transicional en el Perú," in '
            "Violencia y memoria en América Latina, E. Jelin, Ed. Buenos Aires: Siglo XXI "
            "Editores, 2015, pp. 89–112.",
            "Violencia y memoria en América Latina",
        ),
        # ... runs on from "Latina." (not an abbreviation) over the place and publisher
        (
            "Herrera C. Memoria histórica y justicia transicional en el Perú. In: Jelin E, "
            "editor. Violencia y memoria en América Latina. Buenos Aires: Siglo XXI Editores; "
            "2015. p. 89-112.",
            "Violencia y memoria en América Latina",
        ),
        # a locator word the tagger leaves off is no part of the phrase: its cut stands
        (
            'Altizer, Thomas J. J. "William Blake and the Role of Myth in the Radical '
            'Christian Vision." Centennial Review vol. 9, no. 4, 1965, pp. 461-82.',
            "Centennial Review",
        ),
        # ... reads the authoring ministry, shortened, as a container
        (
            "Kementerian Pertahanan Republik Indonesia. Buku putih pertahanan Indonesia. "
            "Kementerian Pertahanan RI, 2015.",
            None,
        ),
    ],
)
def test_the_rules_container_stands_where_the_taggers_cut_is_unlikely(
    text: str, container: str | None
) -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    assert parse(text).container == container


@pytest.mark.parametrize(
    ("text", "container"),
    [
        (
            "J. C. Butcher. General linear method: A survey. Appl. Numer. Math., 1 273, 1985.",
            "Appl. Numer. Math",
        ),
        (
            "38 MASSONE, J.E., GOLDBERG, F., BARROS, R.E.: Histological evaluation of the "
            "effect of intrapulpal anesthesia in pulpotomies. Endod. Dent. Traumatol., 3: 259, "
            "1987.",
            "Endod. Dent. Traumatol",
        ),
    ],
)
def test_an_abbreviated_journal_keeps_its_first_words(text: str, container: str) -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    assert parse(text).container == container
