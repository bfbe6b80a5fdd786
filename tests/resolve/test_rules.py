"""Each resolution rule against the stand-in: true positives and look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.model.reference import Reference
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.resolver import RegistryResolver
from tests.resolve.conftest import ref
from tests.resolve.helpers import audit_data, by_rule, findings
from tests.stand_ins.registry_server import RegistryStandIn

LECUN = dict(title="Deep learning", authors=("LeCun", "Bengio", "Hinton"), container="Nature")
NUMPY = dict(title="Array programming with NumPy", authors=("Harris", "Millman", "van der Walt"))
GORDON_JOURNAL = dict(
    title="A SARS-CoV-2 protein interaction map reveals targets for drug repurposing",
    authors=("Gordon", "Jang"),
    container="Nature",
)
GORDON_PREPRINT = dict(
    title="A SARS-CoV-2-human protein-protein interaction map reveals drug targets and "
    "potential drug-repurposing",
    authors=("Gordon", "Jang"),
    container="bioRxiv",
)


@pytest.fixture
def run(make_resolver: Callable[..., RegistryResolver]) -> Callable[..., list]:  # type: ignore[type-arg]
    def go(*refs: Reference) -> list:  # type: ignore[type-arg]
        resolver = make_resolver()
        result = resolver.resolve(refs)
        go.resolutions = result.resolutions  # type: ignore[attr-defined]
        return findings(audit_data(refs, result.resolutions))

    return go


# -- doi-not-found ----------------------------------------------------------------------


def test_doi_not_found_for_a_doi_registered_nowhere(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(ref("typo", doi="10.1038/nature1453", **LECUN, year=2015))
    hits = by_rule(found, "doi-not-found", "typo")
    assert len(hits) == 1 and hits[0].code == "REG001"
    assert "10.1038/nature1453" in hits[0].message


@pytest.mark.parametrize(
    "doi",
    [
        "10.17632/7hpxhyr3j4.1",  # DataCite DOI Crossref does not hold
        "10.48550/arxiv.1706.03762",  # arXiv, at DataCite
        "10.3280/es2019-002001",  # mEDRA: only doi.org knows it
        "10/ggp5rm",  # shortDOI
        "10.1016/s0140-6736(97)11096-0",  # parentheses
        "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0",  # SICI with <>
    ],
)
def test_registered_dois_outside_crossref_or_with_odd_characters_are_found(
    run: Callable[..., list],  # type: ignore[type-arg]
    doi: str,
) -> None:
    found = run(ref("r", doi=doi, title="whatever"))
    assert by_rule(found, "doi-not-found") == []
    assert run.resolutions["r"].state is ResolutionState.RESOLVED  # type: ignore[attr-defined]


# -- doi-mismatch -----------------------------------------------------------------------


def test_doi_mismatch_names_both_works(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(ref("wrong", doi="10.1038/nature14236", **LECUN, year=2015))
    hits = by_rule(found, "doi-mismatch", "wrong")
    assert len(hits) == 1 and hits[0].severity == "error"
    assert "Human-level control" in hits[0].message and "Deep learning" in hits[0].message
    assert by_rule(found, "metadata-mismatch") == [] and by_rule(found, "year-mismatch") == []


def test_no_doi_mismatch_for_a_title_without_subtitle_or_a_book_chapter(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    found = run(
        ref(
            "unet",
            kind="chapter",
            doi="10.1007/978-3-319-24574-4_28",
            title="U-Net",
            authors=("Ronneberger", "Fischer", "Brox"),
            year=2015,
            container="Medical Image Computing and Computer-Assisted Intervention",
        ),
        ref(
            "bwa",
            doi="10.1093/bioinformatics/btp324",
            title="Fast and accurate short read alignment with Burrows–Wheeler transform",
            authors=("Li", "Durbin"),
            year=2009,
            container="Bioinformatics",
        ),
    )
    assert by_rule(found, "doi-mismatch") == []
    assert by_rule(found, "metadata-mismatch") == []


# -- year-mismatch ----------------------------------------------------------------------


def test_year_mismatch_when_no_registry_date_fits(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(ref("late", doi="10.1038/nature14539", **LECUN, year=2017))
    hits = by_rule(found, "year-mismatch", "late")
    assert len(hits) == 1 and hits[0].code == "REG003"
    assert "2015" in hits[0].message and hits[0].fix and hits[0].fix.replacement == "2015"


@pytest.mark.parametrize(
    ("doi", "year"),
    [
        ("10.5555/jesp.2018.0412", 2018),  # online-first year, one before print
        ("10.5555/jesp.2018.0412", 2019),  # print year
        ("10.5555/onlineonly.2021.7", 2022),  # online-only, print to come
        ("10.1093/bioinformatics/btp324", 2009),
    ],
)
def test_online_first_and_print_years_are_not_mismatches(
    run: Callable[..., list],  # type: ignore[type-arg]
    doi: str,
    year: int,
) -> None:
    found = run(ref("r", doi=doi, title=None, year=year))
    assert by_rule(found, "year-mismatch") == []


def test_year_two_before_print_is_a_mismatch(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(ref("r", doi="10.5555/jesp.2018.0412", year=2016))
    assert len(by_rule(found, "year-mismatch", "r")) == 1


# -- metadata-mismatch ------------------------------------------------------------------


def test_metadata_mismatch_for_a_wrong_first_author(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(
        ref("np", doi="10.1038/s41586-020-2649-2", **{**NUMPY, "authors": ("Oliphant",)}, year=2020)
    )
    hits = by_rule(found, "metadata-mismatch", "np")
    assert len(hits) == 1 and "Oliphant" in hits[0].message and "Harris" in hits[0].message
    assert by_rule(found, "doi-mismatch") == []


def test_preprint_doi_on_a_journal_entry_is_a_metadata_mismatch_only(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    found = run(ref("g", doi="10.1101/2020.03.22.002386", **GORDON_JOURNAL, year=2020))
    hits = by_rule(found, "metadata-mismatch", "g")
    assert len(hits) == 1 and "preprint" in hits[0].message
    assert by_rule(found, "doi-mismatch") == [] and by_rule(found, "year-mismatch") == []


def test_preprint_and_journal_version_each_with_own_doi_are_fine(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    found = run(
        ref("j", doi="10.1038/s41586-020-2286-9", **GORDON_JOURNAL, year=2020),
        ref("p", doi="10.1101/2020.03.22.002386", **GORDON_PREPRINT, year=2020),
        ref(
            "osc",
            doi="10.1126/science.aac4716",
            title="Estimating the reproducibility of psychological science",
            authors=("Open Science Collaboration",),
            year=2015,
        ),
        ref("np", doi="10.1038/s41586-020-2649-2", **NUMPY, year=2020),
        ref(
            "lstm",
            doi="10.1162/neco.1997.9.8.1735",
            title="LONG SHORT-TERM MEMORY",
            authors=("Hochreiter", "Schmidhuber"),
            year=1997,
        ),
    )
    assert [
        f for f in found if f.rule in {"metadata-mismatch", "doi-mismatch", "year-mismatch"}
    ] == []


# -- missing-doi ------------------------------------------------------------------------


def test_missing_doi_suggests_the_confident_match(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(ref("lecun", **LECUN, year=2015))
    hits = by_rule(found, "missing-doi", "lecun")
    assert len(hits) == 1 and hits[0].severity == "info"
    assert hits[0].fix is not None and hits[0].fix.replacement == "10.1038/nature14539"


def test_missing_doi_picks_the_version_cited(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(
        ref("journal", **GORDON_JOURNAL, year=2020),
        ref("preprint", **GORDON_PREPRINT, year=2020),
    )
    journal = by_rule(found, "missing-doi", "journal")
    preprint = by_rule(found, "missing-doi", "preprint")
    assert journal[0].fix and journal[0].fix.replacement == "10.1038/s41586-020-2286-9"
    assert preprint[0].fix and preprint[0].fix.replacement == "10.1101/2020.03.22.002386"


def test_no_doi_suggested_for_a_look_alike_or_ambiguous_records(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    found = run(
        # The 2014 conference paper is not the 2020 CACM article of almost the same title.
        ref(
            "gan",
            kind="inproceedings",
            title="Generative adversarial nets",
            authors=("Goodfellow",),
            year=2014,
            container="Advances in Neural Information Processing Systems",
        ),
        # Goodfellow's book is not LeCun's Nature review.
        ref("book", kind="book", title="Deep learning", authors=("Goodfellow",), year=2016),
        # Two deposits of the same paper: no way to choose.
        ref(
            "dup",
            title="Measuring urban heat islands with crowdsourced thermometers",
            authors=("Petrova",),
            year=2020,
            container="Urban Climate",
        ),
    )
    assert by_rule(found, "missing-doi") == []
    assert run.resolutions["dup"].state is ResolutionState.AMBIGUOUS  # type: ignore[attr-defined]


# -- unresolved-reference -----------------------------------------------------------------


def test_unresolved_reference_for_an_article_no_registry_knows(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    # Nature registers everything it publishes: no record is a real warning sign.
    found = run(
        ref(
            "fake",
            title="Quantum effects in avian navigation revisited",
            authors=("Smith",),
            year=2021,
            container="Nature",
            volume="12",
        )
    )
    hits = by_rule(found, "unresolved-reference", "fake")
    assert len(hits) == 1 and hits[0].severity == "warning"
    assert "No registry knows this work" in hits[0].message and "check" in hits[0].message
    assert run.resolutions["fake"].container_registered is True  # type: ignore[attr-defined]


REGIONAL = dict(
    title="Dinamika keamanan kawasan Asia Tengah pasca 2014",
    authors=("Pratama",),
    year=2019,
    container="Jurnal Kajian Wilayah Eurasia",
    volume="4",
)


def test_article_in_a_journal_crossref_does_not_know_is_only_info(
    run: Callable[..., list],  # type: ignore[type-arg]
    stand_in: RegistryStandIn,
) -> None:
    found = run(ref("regional", **REGIONAL))  # type: ignore[arg-type]
    hits = by_rule(found, "unresolved-reference", "regional")
    assert len(hits) == 1 and hits[0].severity == "info" and hits[0].code == "REG006"
    assert "nor its journal" in hits[0].message
    assert "'Jurnal Kajian Wilayah Eurasia'" in hits[0].message
    assert stand_in.counts["crossref-journal"] == 1
    run(ref("regional", **REGIONAL))  # type: ignore[arg-type]
    assert stand_in.counts["crossref-journal"] == 1  # the journal's answer is cached


def test_abbreviated_journal_names_are_not_judged(
    run: Callable[..., list],  # type: ignore[type-arg]
    stand_in: RegistryStandIn,
) -> None:
    found = run(ref("abbr", **{**REGIONAL, "container": "J. Kaj. Wil. Eurasia"}))  # type: ignore[arg-type]
    assert [h.severity for h in by_rule(found, "unresolved-reference", "abbr")] == ["warning"]
    assert stand_in.counts["crossref-journal"] == 0


def test_journal_question_unanswered_keeps_the_warning(
    run: Callable[..., list],  # type: ignore[type-arg]
    stand_in: RegistryStandIn,
) -> None:
    stand_in.fail_next.extend([None, 500, 500, 500])  # the search answers, the journals fail
    found = run(ref("regional", **REGIONAL))  # type: ignore[arg-type]
    assert [h.severity for h in by_rule(found, "unresolved-reference", "regional")] == ["warning"]
    assert run.resolutions["regional"].container_registered is None  # type: ignore[attr-defined]


def test_books_web_pages_and_arxiv_preprints_are_never_unresolved(
    run: Callable[..., list],  # type: ignore[type-arg]
) -> None:
    found = run(
        ref("book", kind="book", title="A history of seaside towns", authors=("Hart",), year=1999),
        ref(
            "web",
            kind="webpage",
            title="Heat wave warnings",
            urls=("https://www.bbc.co.uk/news/heat",),
        ),
        ref(
            "arxiv",
            title="Adam: A method for stochastic optimization",
            authors=("Kingma",),
            year=2014,
            container="arXiv preprint arXiv:1412.6980",
        ),
    )
    assert by_rule(found, "unresolved-reference") == []


# -- retracted-reference / editorial-notice ----------------------------------------------


def test_retracted_reference_names_the_notice_once(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(
        ref(
            "wakefield",
            doi="10.1016/s0140-6736(97)11096-0",
            title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
            "developmental disorder in children",
            authors=("Wakefield",),
            year=1998,
            container="The Lancet",
        ),
        ref("rw", doi="10.5555/rw.2016.77", year=2016),
    )
    hits = by_rule(found, "retracted-reference", "wakefield")
    assert len(hits) == 1 and hits[0].code == "REG007"
    assert "10.1016/s0140-6736(10)60175-4" in hits[0].message
    assert "publisher" in hits[0].message and "Retraction Watch" in hits[0].message
    assert "Retraction Watch" in by_rule(found, "retracted-reference", "rw")[0].message
    assert by_rule(found, "editorial-notice") == []
    assert by_rule(found, "metadata-mismatch") == []  # "RETRACTED:" title prefix ignored


def test_editorial_notices(run: Callable[..., list]) -> None:  # type: ignore[type-arg]
    found = run(
        ref("scipy", doi="10.1038/s41592-019-0686-2", year=2020),
        ref("eoc", doi="10.5555/eoc.2019.3", year=2019),
        ref("withdrawn", doi="10.5555/withdrawn.2022.1", year=2022),
        ref("clean", doi="10.1038/nature14539", **LECUN, year=2015),
    )
    assert (
        "correction notice 10.1038/s41592-020-0772-5"
        in by_rule(found, "editorial-notice", "scipy")[0].message
    )
    assert "expression of concern" in by_rule(found, "editorial-notice", "eoc")[0].message
    assert "withdrawal" in by_rule(found, "editorial-notice", "withdrawn")[0].message
    assert by_rule(found, "editorial-notice", "clean") == []
    assert by_rule(found, "retracted-reference") == []
