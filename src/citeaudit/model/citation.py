"""An in-text citation of one work."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citeaudit.model.location import Location


class Certainty(StrEnum):
    """How sure the extractor is that a marker is a citation at all.

    Only a SURE citation with no entry is a missing-reference. A CANDIDATE
    (``See also Thompson (2015)``: a name before a year, in a citing context) is kept
    when an entry confirms it and is otherwise a possible-missing-reference. A WEAK one
    (a name before a bare year in running text, a name that is also a word like "May")
    counts only when an entry confirms it, and is never reported on its own.
    """

    SURE = "sure"
    CANDIDATE = "candidate"
    WEAK = "weak"


class CitationKind(StrEnum):
    AUTHOR_YEAR = "author-year"  # (Smith, 2019), Smith (2019)
    NUMERIC = "numeric"  # [3], [1-4]
    KEY = "key"  # \cite{smith2019}, [@smith2019]


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited work inside a citation marker.

    A marker that cites several works -- ``(Smith, 2019; Lee & Park, 2020a)``,
    ``[1-4]``, ``\\citep{a,b}`` -- yields one Citation per work, all sharing `text`
    (the marker as written) and `location` (where the marker starts), so each can be
    matched and reported on its own.
    """

    id: str
    text: str
    location: Location
    kind: CitationKind
    item: str = ""  # this work's part of the marker, e.g. "Lee & Park, 2020a"
    authors: tuple[str, ...] = ()  # family names as written, in order
    et_al: bool = False
    year: int | None = None
    year_suffix: str | None = None
    no_date: bool = False
    key: str | None = None
    number: int | None = None
    narrative: bool = False
    command: str | None = None  # LaTeX command ("citep") or "pandoc"
    certainty: Certainty = Certainty.SURE


@dataclass(frozen=True, slots=True)
class CitationMatch:
    """What a citation was matched to in the bibliography.

    `targets` are references that fit the citation fully. `year_mismatch` are
    references whose authors fit but whose year does not: the citation-year-mismatch
    rule reports those, and they count as cited so the entry is not also "uncited".
    """

    citation_id: str
    targets: tuple[str, ...] = ()
    year_mismatch: tuple[str, ...] = ()
    # the one target was found only through a near spelling of the first author's name
    # ("McBreaty" for McBrearty): linked, and reported by citation-name-mismatch
    name_mismatch: bool = False
    # Candidates fitting past those listed: a long list is held whole at its first
    # citation only, every later citation of it lists the first few and counts the rest
    # here (`citeaudit.candidate_lists`), so what an audit holds, stores and writes is
    # linear in the upload (N citations of a list of N entries were N x N ids).
    more_targets: int = 0
    more_year_mismatch: int = 0
