"""Does a registry record describe the work an entry describes? Pure scoring.

Crossref's relevance `score` is not a probability: a nonsense query still returns
hits with a score. So every candidate is validated here, field by field, in the
spirit of Crossref's own search-based matching with validation: title similarity,
first author's family name, year (any of the record's print / online / issued
years), and the container, which tells a preprint from its journal version.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from citeaudit.matching.record_years import registry_years
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import RegistryRecord

__all__ = [
    "Comparison",
    "Verdict",
    "YearFit",
    "choose",
    "compare",
    "normalise_name",
    "normalise_title",
    "title_similarity",
    "year_fit",
]

# Thresholds, tuned on references/crossref/labelled.json (see benches/resolution.py).
ACCEPT_TITLE = 0.90  # a confident match needs at least this title similarity
CLEARLY_DIFFERENT_TITLE = 0.55  # below this the titles are different works
METADATA_TITLE = 0.75  # below this (and above the previous) a title "clearly differs"
AMBIGUITY_MARGIN = 0.03  # two accepted candidates closer than this: ambiguous

_PREPRINT_SERVERS = re.compile(
    r"\b(arxiv|biorxiv|medrxiv|chemrxiv|ssrn|psyarxiv|socarxiv|osf preprints|"
    r"research square|preprints?|techrxiv|eartharxiv|zenodo)\b",
    re.IGNORECASE,
)
_PREPRINT_KINDS = frozenset({"posted-content", "Preprint", "preprint"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ß", "ss").replace("ø", "o").replace("ł", "l").lower()


_FLAGGED = re.compile(r"^\s*(retracted( article)?|withdrawn|expression of concern)\s*:\s*", re.I)


def normalise_title(title: str) -> str:
    """Lower-case ASCII words: no accents, markup, punctuation or LaTeX braces.

    Publishers prefix retracted works' titles ("RETRACTED: ..."); that is not part of
    the title an author cites.
    """
    # JATS/HTML tags Crossref titles carry; "[^<>]" stops each try at the next "<"
    # (a title of "<" repeated was quadratic with "[^>]").
    text = re.sub(r"<[^<>]+>", " ", _FLAGGED.sub("", title))
    text = re.sub(r"\\[a-zA-Z]+\s*", " ", text)
    text = _fold(text).replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def normalise_name(name: str) -> str:
    return re.sub(r"[^a-z]+", " ", _fold(name)).strip()


def title_similarity(a: str, b: str) -> float:
    """0..1; a title written without its subtitle still matches well."""
    na, nb = normalise_title(a), normalise_title(b)
    if not na or not nb:
        return 0.0
    best = fuzz.ratio(na, nb) / 100
    short, long_ = sorted((na, nb), key=len)
    if len(short.split()) >= 4 and long_.startswith(short):
        best = max(best, 0.95)
    # "U-Net" for "U-Net: Convolutional Networks for ...": the title without subtitle.
    main_a, main_b = (normalise_title(_FLAGGED.sub("", t).split(":")[0]) for t in (a, b))
    if main_a and main_a == main_b and (main_a in (na, nb) or len(main_a.split()) >= 4):
        best = max(best, 0.92)
    return best


def _families(people: Sequence[Person]) -> list[str]:
    return [normalise_name(p.family) for p in people if p.family]


def first_author_fits(ref: Reference, record: RegistryRecord) -> bool | None:
    """Does the entry's first author appear among the record's authors? None: cannot tell."""
    mine = _families(ref.authors[:1])
    theirs = _families(record.authors)
    if not mine or not mine[0] or not theirs:
        return None
    want = mine[0]
    for family in theirs:
        if not family:
            continue
        if family == want or family.split()[-1] == want.split()[-1]:
            return True
        if len(want) > 3 and fuzz.ratio(family, want) >= 88:
            return True
    return False


class YearFit(StrEnum):
    EXACT = "exact"  # one of the record's years
    NEAR = "near"  # the year after an online-only date, in no issue yet: print to come
    OFF = "off"
    UNKNOWN = "unknown"


def year_fit(year: int | None, record: RegistryRecord) -> YearFit:
    """EXACT for a year one of the record's dates gives; NEAR only for the print year
    still to come of an online-only article in no issue yet (see `years`)."""
    dates = registry_years(record)
    if year is None or not dates.by_year:
        return YearFit.UNKNOWN
    if year in dates.years:
        return YearFit.EXACT
    if year == dates.print_to_come:
        return YearFit.NEAR
    return YearFit.OFF


def is_preprint_record(record: RegistryRecord) -> bool:
    return (record.kind or "") in _PREPRINT_KINDS or bool(
        record.container and _PREPRINT_SERVERS.search(record.container)
    )


def names_preprint(ref: Reference) -> bool:
    text = " ".join(filter(None, (ref.container, ref.publisher, ref.kind)))
    return bool(_PREPRINT_SERVERS.search(text)) or (ref.kind or "").lower() in {
        "preprint",
        "unpublished",
    }


def container_fits(ref: Reference, record: RegistryRecord) -> bool | None:
    """Preprint vs published version; None when the entry names no container."""
    if not ref.container and not names_preprint(ref):
        return None
    if names_preprint(ref) != is_preprint_record(record):
        return False
    if ref.container and record.container:
        a, b = normalise_title(ref.container), normalise_title(record.container)
        if a and b and (fuzz.token_set_ratio(a, b) >= 80 or _abbreviates(a, b)):
            return True
        return None  # abbreviations we cannot expand: do not count against
    return None


def _abbreviates(short: str, long_: str) -> bool:
    """'j am chem soc' abbreviates 'journal of the american chemical society'."""
    words = [w for w in long_.split() if w not in {"of", "the", "and", "for", "in", "on"}]
    parts = short.split()
    if len(parts) != len(words):
        return False
    return all(w.startswith(p) for p, w in zip(parts, words, strict=True))


@dataclass(frozen=True, slots=True)
class Comparison:
    title: float | None
    author: bool | None
    year: YearFit
    container: bool | None

    @property
    def score(self) -> float:
        title = self.title if self.title is not None else 0.5
        author = {True: 1.0, None: 0.5, False: 0.0}[self.author]
        year = {
            YearFit.EXACT: 1.0,
            YearFit.NEAR: 0.8,
            YearFit.UNKNOWN: 0.5,
            YearFit.OFF: 0.0,
        }[self.year]
        container = {True: 1.0, None: 0.5, False: 0.0}[self.container]
        return round(0.6 * title + 0.2 * author + 0.1 * year + 0.1 * container, 4)

    @property
    def different_work(self) -> bool:
        """The record is some other work: titles unrelated and no author in common."""
        if self.title is not None:
            return self.title < CLEARLY_DIFFERENT_TITLE and self.author is not True
        return self.author is False and self.year is YearFit.OFF

    @property
    def accepted(self) -> bool:
        """Confident enough to suggest this record's DOI for the entry."""
        if self.title is None or self.title < ACCEPT_TITLE:
            return False
        if self.author is False or self.container is False:
            return False
        if self.year is YearFit.OFF:
            return False
        # Without an author to confirm, insist on the year.
        return self.author is True or self.year is YearFit.EXACT


def compare(ref: Reference, record: RegistryRecord) -> Comparison:
    title = title_similarity(ref.title, record.title) if ref.title and record.title else None
    return Comparison(
        title=title,
        author=first_author_fits(ref, record),
        year=year_fit(ref.year, record),
        container=container_fits(ref, record),
    )


class Verdict(StrEnum):
    MATCH = "match"
    AMBIGUOUS = "ambiguous"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Choice:
    verdict: Verdict
    record: RegistryRecord | None = None
    comparison: Comparison | None = None
    best_title: float = 0.0  # the best title similarity among all candidates


def choose(ref: Reference, candidates: Sequence[RegistryRecord]) -> Choice:
    """The one candidate that describes the entry's work, if exactly one clearly does."""
    scored = [(compare(ref, c), c) for c in candidates]
    best_title = max((cmp.title or 0.0 for cmp, _ in scored), default=0.0)
    accepted = sorted(
        ((cmp, c) for cmp, c in scored if cmp.accepted), key=lambda x: x[0].score, reverse=True
    )
    if not accepted:
        return Choice(Verdict.NONE, best_title=best_title)
    top_cmp, top = accepted[0]
    rivals = [
        c
        for cmp, c in accepted[1:]
        if c.doi != top.doi and top_cmp.score - cmp.score < AMBIGUITY_MARGIN
    ]
    if rivals:
        return Choice(Verdict.AMBIGUOUS, top, top_cmp, best_title)
    return Choice(Verdict.MATCH, top, top_cmp, best_title)
