"""An organisation's acronym the text itself defines: "(Ministry of Fisheries [MoF],
2018)" first, "(MoF, 2018)" after.

APA's rule for a body with a well-known abbreviation: the first citation gives the
name and the abbreviation in brackets, later ones the abbreviation alone. The group
reader keeps the first as "Ministry of Fisheries [MoF]" (`item_parser`), and the
matcher knows the entry by either; but the later "(MoF, 2018)" stood alone, and an
entry "Ministry of Fisheries. (2018)" spells no "MoF" by its capitals (the "o" of
"of"; "DfE", "MoH", "DoJ" likewise): a missing-reference finding for a cited work.

The text says what the acronym stands for, so a later citation whose only author is
that acronym, as written, takes the defining citation's names -- where the name's
capitals do not spell it already ("World Health Organization [WHO]": the matcher reads
those, and "(WHO, 2020)" stays as written). Definitions count from
where they stand on (the rule defines before use); at most `_MOST` are kept.

A marker past the citation cap that its extractor only counted (`Counted`) passes as
it is: it has no citation to give names to, and it defines nothing, since an extractor
counts only markers none of whose names ends in a bracket (no "Name [ACR]" is in it).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from citeaudit.manuscript.citations.marker import Counted, Marker

# "Ministry of Fisheries [MoF]": the form `item_parser` gives a name with its acronym
_DEFINED = re.compile(r"\S \[(?P<acronym>[A-ZÀ-Þ][A-ZÀ-Þa-z&.\-]{0,14})\]\Z")
_MOST = 512

# the markers an extractor yields: all made, or some past the cap only counted
_Markers = TypeVar("_Markers", Marker, Marker | Counted)


def with_defined_acronyms(markers: Iterable[_Markers]) -> Iterator[_Markers]:
    """The markers, in order, a citation by a defined acronym given the names that
    defined it."""
    defined: dict[str, tuple[str, ...]] = {}
    for marker in markers:
        if isinstance(marker, Counted):
            yield marker
            continue
        changed = False
        citations = []
        for citation in marker.citations:
            authors = citation.authors
            if len(authors) == 1 and not citation.et_al:
                full = defined.get(authors[0])
                if full is not None:
                    citation = dataclasses.replace(citation, authors=full)
                    changed = True
                elif len(defined) < _MOST and authors[0].endswith("]"):
                    m = _DEFINED.search(authors[0])
                    if m is not None and not _spelt_by_capitals(m.group("acronym"), authors[0]):
                        defined.setdefault(m.group("acronym"), authors)
            citations.append(citation)
        yield Marker(marker.start, marker.end, tuple(citations)) if changed else marker


def _spelt_by_capitals(acronym: str, name: str) -> bool:
    """Whether the name's capitals spell the acronym ("Instituto Nacional de Pesca
    [INP]"): the matcher reads those, and the citation stays as written."""
    words = name[: name.rfind("[")].split()
    return acronym == "".join(w[0] for w in words if w[:1].isupper())
