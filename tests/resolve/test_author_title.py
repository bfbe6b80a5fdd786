"""Author and title slips against the registry stand-in: each reported precisely, with
the record's version as the fix, and what legitimately varies left alone.

Records (references/crossref/build_records.py): 10.5555/smith.2017.302 by John Smith,
Laura Chen, Ravi Patel; 10.5555/authors.2020.5 by Jonas van den Berg, María José
Fernández-López, Søren Kjærgaard, Ольга Смирнова, Wei Zhang; 10.5555/translit.2018.77
by Dmitry Chaykovskiy, Natalia Kuznetsova, Jürgen Schäfer; titles with MathML, HTML
italics, a subtitle field, "&amp;" and British spelling.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from citeaudit.model.finding import Finding
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.resolve.resolver import RegistryResolver
from tests.resolve.conftest import ref
from tests.resolve.helpers import audit_data, by_rule, findings

SMITH = dict(
    doi="10.5555/smith.2017.302",
    title="Sleep deprivation impairs working memory consolidation in adolescents",
    year=2017,
    container="Journal of Sleep Research",
)
BERG = dict(
    doi="10.5555/authors.2020.5",
    title="Nitrogen deposition alters mycorrhizal networks in boreal forests",
    year=2020,
    container="New Phytologist",
)
HYPER = dict(
    doi="10.5555/title.2016.88",
    authors=("Bankole", "Grant"),
    year=2016,
    container="Journal of Hypertension",
)

Run = Callable[..., list[Finding]]


@pytest.fixture
def run(make_resolver: Callable[..., RegistryResolver]) -> Run:
    def go(*refs: Reference) -> list[Finding]:
        result = make_resolver().resolve(refs)
        return findings(audit_data(refs, result.resolutions))

    return go


def one(found: list[Finding], ref_id: str) -> Finding:
    hits = by_rule(found, "metadata-mismatch", ref_id)
    assert len(hits) == 1, [h.message for h in hits]
    return hits[0]


# -- author slips -----------------------------------------------------------------------


def test_misspelt_first_author(run: Run) -> None:
    hit = one(run(ref("s", authors=("Smtih", "Chen", "Patel"), **SMITH)), "s")  # type: ignore[arg-type]
    assert "spells Smith as 'Smtih'" in hit.message
    assert hit.fix is not None
    assert hit.fix.replacement == "Smith, John and Chen, Laura and Patel, Ravi"


def test_dropped_first_author(run: Run) -> None:
    hit = one(run(ref("s", authors=("Chen", "Patel"), **SMITH)), "s")  # type: ignore[arg-type]
    assert "drops the record's first author, Smith" in hit.message
    assert "Chen" not in hit.message.split(":")[-1]  # nothing else reported


def test_swapped_order(run: Run) -> None:
    hit = one(run(ref("s", authors=("Chen", "Smith", "Patel"), **SMITH)), "s")  # type: ignore[arg-type]
    assert "puts Chen before Smith, whom the record lists first" in hit.message
    assert "drops" not in hit.message and "spells" not in hit.message


def test_added_author_and_a_wrong_first_author(run: Run) -> None:
    found = run(
        ref("add", authors=("Smith", "Chen", "Patel", "Garcia"), **SMITH),  # type: ignore[arg-type]
        ref("other", authors=("Okafor",), **SMITH),  # type: ignore[arg-type]
    )
    assert "names Garcia, who is not among the record's authors" in one(found, "add").message
    assert "names Okafor" in one(found, "other").message
    assert by_rule(found, "doi-mismatch") == []  # the title says it is the right work


@pytest.mark.parametrize(
    "people",
    [
        # particles, accents, another script, a compound name written as two words
        (("van den Berg", None), ("Fernández-López", None), ("Kjærgaard", None)),
        (("Berg", "J. van den"), ("Fernandez Lopez", None), ("Kjaergaard", None)),
        (
            ("Van Den Berg", None),
            ("Fernández-López", None),
            ("Kjærgaard", None),
            ("Smirnova", None),
        ),
        (("vandenBerg", None), ("Fernández", None), ("Kjærgaard", None), ("Смирнова", None)),
        # given and family the other way round
        (
            ("van den Berg", None),
            ("Fernández-López", None),
            ("Kjærgaard", None),
            ("Smirnova", None),
            ("Wei", "Zhang"),
        ),
        (("van den Berg", None),),  # the first author only
    ],
)
def test_names_that_legitimately_vary_are_silent(
    run: Run, people: tuple[tuple[str, str | None], ...]
) -> None:
    entry = ref("b", **BERG)  # type: ignore[arg-type]
    entry = dataclasses.replace(entry, authors=tuple(Person(f, g) for f, g in people))
    assert by_rule(run(entry), "metadata-mismatch") == []


@pytest.mark.parametrize(
    "names",
    [("Tchaikovsky", "Kuznetsova", "Schaefer"), ("Chaikovskii", "Kuznetsova", "Schafer")],
)
def test_transliterations_are_silent(run: Run, names: tuple[str, ...]) -> None:
    entry = ref(
        "t",
        doi="10.5555/translit.2018.77",
        title="Permafrost carbon release in the Yamal peninsula under Arctic amplification",
        authors=names,
        year=2018,
    )
    assert by_rule(run(entry), "metadata-mismatch") == []


# -- titles -----------------------------------------------------------------------------


def test_truncated_title(run: Run) -> None:
    found = run(ref("h", title="Hypertension and cognitive decline in a rural cohort", **HYPER))  # type: ignore[arg-type]
    hit = one(found, "h")
    assert "cut short" in hit.message
    assert hit.fix is not None and hit.fix.replacement == (
        "Hypertension and cognitive decline in a rural cohort over twenty years"
    )


def test_a_different_word_in_the_title(run: Run) -> None:
    found = run(
        ref(
            "h",
            title="Hypotension and cognitive decline in a rural cohort over twenty years",
            **HYPER,
        )  # type: ignore[arg-type]
    )
    hit = one(found, "h")
    assert "'hypotension' where the record has 'hypertension'" in hit.message


@pytest.mark.parametrize(
    ("doi", "authors", "title"),
    [
        (
            SMITH["doi"],
            ("Smith",),
            "SLEEP DEPRIVATION IMPAIRS WORKING MEMORY CONSOLIDATION IN ADOLESCENTS",
        ),
        (
            SMITH["doi"],
            ("Smith",),
            "Sleep deprivation impairs working-memory consolidation in adolescents.",
        ),
        (
            HYPER["doi"],
            ("Bankole",),
            "Hypertension and cognitive decline in a rural cohort over 20 years",
        ),
        (
            "10.5555/mathml.2015.3",
            ("Ferraro",),
            "Measurement of the $B_s^0$ lifetime in hadronic decays",
        ),
        (
            "10.5555/italic.2012.9",
            ("Adeyemi",),
            "Antifungal resistance in Candida auris isolates from intensive care units",
        ),
        ("10.5555/subtitle.2018.66", ("MacLeod",), "Who pays for the commons?"),
        (
            "10.5555/subtitle.2018.66",
            ("MacLeod",),
            "Who pays for the commons - fisheries management and the distribution of quota "
            "rents in Scotland",
        ),
        (
            SMITH["doi"],
            ("Smith",),
            "Sleep deprivation impairs working memory consolidation in adolescents [Internet]",
        ),
        (
            "10.5555/amp.2020.14",
            ("Popescu",),
            "Roads and rivers: CO2 emissions from freight transport in the Danube basin",
        ),
        (
            "10.5555/uk.2011.40",
            ("Gallagher",),
            "Modeling tumor growth in pediatric oncology: a program of research",
        ),
        (
            "10.5555/greek.2019.12",
            ("Conti",),
            "alpha-Synuclein aggregation and behavioral deficits in a rat model of "
            "Parkinson disease",
        ),
    ],
)
def test_case_punctuation_separators_markup_and_spelling_are_silent(
    run: Run, doi: str, authors: tuple[str, ...], title: str
) -> None:
    assert by_rule(run(ref("t", doi=doi, authors=authors, title=title)), "metadata-mismatch") == []


def test_misread_names_and_group_tails_are_not_blamed_on_the_author(run: Run) -> None:
    # A parser that took initials for family names, and a list ending "et al.; <group>".
    initials = ref("i", authors=("J", "L", "R"), **SMITH)  # type: ignore[arg-type]
    glued = ref("g", authors=("SmithJ", "ChenL"), **SMITH)  # type: ignore[arg-type]
    group = dataclasses.replace(
        ref("s", authors=("Smith", "Sleep Study Group"), **SMITH),  # type: ignore[arg-type]
        raw="Smith J, Chen L, et al.; Sleep Study Group. Sleep deprivation impairs ...",
    )
    tail = dataclasses.replace(
        ref("t", authors=("Smith", "Adolescent Health"), **SMITH),  # type: ignore[arg-type]
        raw="Smith J, et al.; Adolescent Health. Sleep deprivation impairs ...",
    )
    assert by_rule(run(initials, glued, group, tail), "metadata-mismatch") == []
    # Without "et al.", a name the record lacks is still reported.
    plain = ref("p", authors=("Smith", "Garcia"), **SMITH)  # type: ignore[arg-type]
    assert "names Garcia" in one(run(plain), "p").message


def test_a_title_the_parser_cut_short_is_silent_when_the_entry_holds_the_records(
    run: Run,
) -> None:
    """A free-text entry: the parser cut the title before 'over twenty years', but the
    author wrote it whole -- the difference is the parser's, not a slip to report."""
    cut = ref("h", title="Hypertension and cognitive decline in a rural cohort", **HYPER)  # type: ignore[arg-type]
    written = dataclasses.replace(
        cut,
        raw="Bankole, A., & Grant, B. (2016). Hypertension and cognitive decline in a rural "
        "cohort over twenty years. Journal of Hypertension, 34(2), 1-9.",
    )
    assert not by_rule(run(written), "metadata-mismatch", "h")
    assert by_rule(run(cut), "metadata-mismatch", "h")  # as cut in its raw text: reported
