"""Citation keys looked up as BibTeX looks them up (exact, then ignoring case)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.manuscript.citations.list_labels import alpha_label
from citeaudit.model.citation import Certainty, Citation, CitationMatch
from citeaudit.model.reference import Reference


def ref_keys(reference: Reference) -> tuple[str, ...]:
    """The keys that cite an entry: its own and -- biblatex's ``ids`` field -- the old
    keys it is still cited by (``ids = {smith19, smithOld}``); an entry of a typed list
    its alphabetic label (``[AbCd15] Abel, Anna: ...``, DIN 1505 / BibTeX alpha), which
    the text cites as it would a key."""
    if reference.key:
        aliases = [v for name, v in reference.extra if name == "ids"]
        known = _identifier_keys(reference)
        if aliases:
            listed = (a.strip() for a in aliases[0].split(",") if a.strip())
            return (reference.key, *listed, *known)
        return (reference.key, *known)
    if reference.id and not re.fullmatch(r"ref-\d+(?:~\d+)?", reference.id):
        return (reference.id,)
    label = alpha_label(reference.raw)
    return () if label is None else (label,)


# Manubot writes each item it fetched with the identifier the manuscript cited it by, in
# the item's note: "... citation-by-identifier.\nstandard_id: doi:10.1002/jcc.10128"; its
# references.json gives the item a short id ("LxrgIkt0") the text never writes.
_STANDARD_ID = re.compile(r"\bstandard_id:\s*(\S+)")


def _identifier_keys(reference: Reference) -> tuple[str, ...]:
    """The keys a citation by identifier cites the entry by (Manubot's ``[@doi:10.x/y]``,
    ``[@url:https://...]``, ``[@pmid:123]``): its ``standard_id`` and ``doi:`` + its DOI.
    Without them a Manubot manuscript's every entry was 'never cited' (65 of 71)."""
    found: list[str] = []
    for name, value in reference.extra:
        if name == "note" and "standard_id" in value:
            found.extend(m.group(1) for m in _STANDARD_ID.finditer(value))
    if reference.doi:
        found.append(f"doi:{reference.doi}")
    return tuple(dict.fromkeys(k for k in found if k != reference.key))


class KeyIndex:
    """Keys looked up the way BibTeX does: exact first, then ignoring case.

    Built once per audit so that matching is linear in the number of citations, not
    citations times entries (a 5,000-entry .bib is common in theses).
    """

    def __init__(self, references: Sequence[Reference]) -> None:
        self._all = tuple(r.id for r in references)
        self._families: dict[str, tuple[str, ...]] = {}
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for ref in references:
            for key in ref_keys(ref):
                exact.setdefault(key, []).append(ref.id)
                folded.setdefault(key.casefold(), []).append(ref.id)
        # One tuple a key, shared by every citation of it: a copy each, N citations of a
        # key that N entries carry held N x N ids
        self._exact = {key: tuple(ids) for key, ids in exact.items()}
        self._folded = {key: tuple(ids) for key, ids in folded.items()}

    @staticmethod
    def is_family(citation: Citation) -> bool:
        """A WEAK key ending in ``*``: every entry whose key starts so (``R-*``)."""
        key = citation.key or ""
        return len(key) > 1 and key.endswith("*") and citation.certainty is Certainty.WEAK

    def _family(self, prefix: str) -> tuple[str, ...]:
        """Entries whose key starts with `prefix` (papaja's ``cite_r()``: ``R-``), once."""
        if prefix not in self._families:
            family = {i for k, ids in self._exact.items() if k.startswith(prefix) for i in ids}
            self._families[prefix] = tuple(i for i in self._all if i in family)
        return self._families[prefix]

    def match(self, citation: Citation) -> CitationMatch:
        key = citation.key or ""
        if key == "*":
            return CitationMatch(citation.id, targets=self._all)
        if self.is_family(citation):
            return CitationMatch(citation.id, targets=self._family(key[:-1]))
        exact = self._exact.get(key)
        if exact:
            return CitationMatch(citation.id, targets=exact)
        return CitationMatch(citation.id, targets=self._folded.get(key.casefold(), ()))
