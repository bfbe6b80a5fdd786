"""Pure matching and the disk cache."""

from __future__ import annotations

from pathlib import Path

from citeaudit.matching.records import Verdict, YearFit, choose, title_similarity, year_fit
from citeaudit.model.person import Person
from citeaudit.model.resolution import RegistryRecord
from citeaudit.resolve.cache import RegistryCache
from citeaudit.resolve.classify import Genre, genre
from tests.resolve.conftest import ref

RECORD = RegistryRecord(
    doi="10.5555/x",
    source="crossref",
    title="Priming effects on moral judgement do not replicate across twelve laboratories",
    authors=(Person("Brückner", "Hanna"),),
    year=2018,
    years=(2018, 2019),
    container="Journal of Experimental Social Psychology",
    kind="journal-article",
)


def test_title_similarity_tolerates_case_accents_and_a_missing_subtitle() -> None:
    assert title_similarity("U-Net", "U-Net: Convolutional Networks") >= 0.9
    assert title_similarity("SciPy 1.0", "SciPy 1.0: fundamental algorithms") >= 0.9
    assert title_similarity("SciPy 1.0", "SciPy 1.0 fundamental algorithms") < 0.9
    assert title_similarity("U-Net: a survey", "U-Net: Convolutional Networks") < 0.9
    assert (
        title_similarity(
            "Fast and accurate short read alignment",
            "Fast and accurate short read alignment with Burrows-Wheeler transform",
        )
        >= 0.9
    )
    assert title_similarity("Deep Learning", "deep learning.") == 1.0
    assert title_similarity("Deep learning", "Reinforcement learning") < 0.9


def test_year_fit_counts_every_date() -> None:
    assert year_fit(2018, RECORD) is YearFit.EXACT
    assert year_fit(2019, RECORD) is YearFit.EXACT
    assert year_fit(2020, RECORD) is YearFit.OFF
    online_only = RegistryRecord(doi="10.5555/y", source="crossref", year=2021, years=(2021,))
    assert year_fit(2022, online_only) is YearFit.NEAR
    assert year_fit(None, RECORD) is YearFit.UNKNOWN


def test_choose_needs_author_agreement_and_refuses_ties() -> None:
    entry = ref("r", title=RECORD.title, authors=("Bruckner",), year=2019)
    assert choose(entry, [RECORD]).verdict is Verdict.MATCH
    stranger = ref("s", title=RECORD.title, authors=("Jones",), year=2019)
    assert choose(stranger, [RECORD]).verdict is Verdict.NONE
    twin = RegistryRecord(
        **{**{f: getattr(RECORD, f) for f in RECORD.__slots__}, "doi": "10.5555/z"}
    )  # type: ignore[arg-type]
    assert choose(entry, [RECORD, twin]).verdict is Verdict.AMBIGUOUS


def test_genre_keeps_grey_literature_out() -> None:
    assert genre(ref("w", kind="webpage", title="x", urls=("https://a.org",))) is Genre.GREY
    assert genre(ref("r", kind="report", title="x")) is Genre.GREY
    assert genre(ref("n", kind=None, title="x", urls=("https://www.nytimes.com/a",))) is Genre.GREY
    assert genre(ref("a", kind=None, title="x", container="Nature", volume="5")) is Genre.ARTICLE
    assert genre(ref("b", kind="book", title="x")) is Genre.SCHOLARLY


def test_cache_keeps_not_found_shorter_and_can_be_bypassed(tmp_path: Path) -> None:
    cache = RegistryCache(tmp_path, ttl=100, not_found_ttl=10)
    cache.put("crossref-work", "10.1/a", found=True, body={"DOI": "10.1/a"})
    cache.put("crossref-work", "10.1/b", found=False, body=None)
    hit = cache.get("crossref-work", "10.1/a")
    assert hit is not None and hit.found and hit.body == {"DOI": "10.1/a"}
    later = hit.stored_at + 50
    assert cache.get("crossref-work", "10.1/a", now=later) is not None
    assert cache.get("crossref-work", "10.1/b", now=later) is None
    assert cache.get("crossref-work", "10.1/a", now=hit.stored_at + 101) is None
    bypass = RegistryCache(tmp_path, ttl=100, not_found_ttl=10, read=False)
    assert bypass.get("crossref-work", "10.1/a") is None
