"""Linking in-text citations to bibliography entries.

`match_citations` decides which extracted citations are real, and which entries each
one cites. Its rules, each chosen so that a finding built on them is never a false
alarm:

* **Keys** (``\\cite{key}``, ``[@key]``) match as BibTeX matches them: an entry whose
  key is written the same way, else -- as BibTeX's case-insensitive lookup does -- an
  entry whose key differs only in case. biber is case-sensitive and would fail on
  the latter, so a rule can warn whenever ``citation.key != reference.key`` for a
  target (BibTeX warns too). ``\\nocite{*}`` (key ``*``) cites every entry. A narrative
  Pandoc ``@name`` is kept only when some entry has a key at all: in a manuscript
  whose reference list has no keys, ``@name`` is a handle, not a citation.
* **Numbers** match the entry at that position (`Reference.index`). Numeric
  citations are kept only when the reference list is numbered (an entry's raw text
  starts with ``[1]``, ``1.``, ``(1)`` or ``1)``) or numbers outnumber the other
  citations; otherwise ``[3]`` in an author-year paper is not taken for a citation.
* **Author-year** citations match on the first author's family name, normalised
  (case, accents, markup, stray punctuation, particles: "Van der Berg" ~ "van der
  Berg", "DeKirty" ~ "Dekirty"; organisations by name or acronym: "CSTO" ~
  "Collective Security Treaty Organization (CSTO)"), and on the year label: ``2020a``
  needs the entry labelled 2020a; ``2020`` with entries 2020a and 2020b targets both
  (ambiguous). The number of authors ("A", "A & B", "A et al.") picks among several
  entries that fit. Entries whose authors fit but whose year does not are returned
  as `CitationMatch.year_mismatch`.
* **Narrative candidates** (``Smith (2019)``, ``Smith and Lee (2019)``) without
  "et al." are kept only when their first name is an author of some entry: a word
  before a year in parentheses is as often a country or a list item. A name that
  took in the word before it ("Menurut Hadiwinata") is cut to the part that matched.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence

from citeaudit.manuscript.citations.names import CONNECTORS, PARTICLES
from citeaudit.model.citation import Citation, CitationKind, CitationMatch
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = ["match_citations", "names_match", "normalise_name"]

_NUMBER_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[\d+\]|\(\d+\)|\d+[.)])\s")
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})
_INSIDE = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


def match_citations(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> tuple[tuple[Citation, ...], tuple[CitationMatch, ...]]:
    """The citations kept, and one CitationMatch per kept citation, in the same order."""
    numeric_ok = _numeric_style(citations, references)
    has_keys = any(_ref_keys(r) for r in references)
    keys = _KeyIndex(references)
    kept: list[Citation] = []
    matches: list[CitationMatch] = []
    for citation in citations:
        if citation.kind is CitationKind.NUMERIC:
            if not numeric_ok:
                continue
            match = _match_number(citation, references)
        elif citation.kind is CitationKind.KEY:
            if citation.narrative and citation.command == "pandoc" and not has_keys:
                continue
            match = keys.match(citation)
        else:
            confirmed = _confirm(citation, references)
            if confirmed is None:
                continue
            citation = confirmed
            match = _match_author_year(citation, references)
        kept.append(citation)
        matches.append(match)
    return tuple(kept), tuple(matches)


# -- numbers -------------------------------------------------------------------------


def _numeric_style(citations: Sequence[Citation], references: Sequence[Reference]) -> bool:
    if any(_NUMBER_LABEL.match(r.raw) for r in references):
        return True
    numeric = sum(1 for c in citations if c.kind is CitationKind.NUMERIC)
    others = sum(
        1
        for c in citations
        if c.kind is CitationKind.KEY or (c.kind is CitationKind.AUTHOR_YEAR and not c.narrative)
    )
    return numeric > others


def _match_number(citation: Citation, references: Sequence[Reference]) -> CitationMatch:
    targets = tuple(r.id for r in references if r.index == citation.number)
    return CitationMatch(citation.id, targets=targets)


# -- keys ----------------------------------------------------------------------------


def _ref_keys(reference: Reference) -> tuple[str, ...]:
    if reference.key:
        return (reference.key,)
    if reference.id and not re.fullmatch(r"ref-\d+(?:~\d+)?", reference.id):
        return (reference.id,)
    return ()


class _KeyIndex:
    """Keys looked up the way BibTeX does: exact first, then ignoring case.

    Built once per audit so that matching is linear in the number of citations, not
    citations times entries (a 5,000-entry .bib is common in theses).
    """

    def __init__(self, references: Sequence[Reference]) -> None:
        self._all = tuple(r.id for r in references)
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        for ref in references:
            for key in _ref_keys(ref):
                self._exact.setdefault(key, []).append(ref.id)
                self._folded.setdefault(key.casefold(), []).append(ref.id)

    def match(self, citation: Citation) -> CitationMatch:
        key = citation.key or ""
        if key == "*":
            return CitationMatch(citation.id, targets=self._all)
        exact = self._exact.get(key)
        if exact:
            return CitationMatch(citation.id, targets=tuple(exact))
        return CitationMatch(citation.id, targets=tuple(self._folded.get(key.casefold(), ())))


# -- names ---------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """Case-folded, accents and markup stripped, words kept: ``*Šimić.*`` -> ``simic``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’]", "", plain)
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def _forms(name: str) -> tuple[set[str], set[str]]:
    """Comparable spellings of a family or organisation name: (names, acronyms).

    Names are the whole name, the name without leading particles and any part in
    parentheses or brackets ("... (CSTO)", "... [WHO]"); acronyms are built from the
    initials of a name of two or more significant words.
    """
    names: set[str] = set()
    acronyms: set[str] = set()
    candidates = [_INSIDE.sub(" ", name)] + [m.group(1) for m in _INSIDE.finditer(name)]
    for candidate in candidates:
        words = normalise_name(candidate).split()
        if not words:
            continue
        names.add("".join(words))
        while len(words) > 1 and words[0] in PARTICLES:
            words = words[1:]
        names.add("".join(words))
        significant = [w for w in words if w not in CONNECTORS]
        if len(significant) >= 2:
            acronyms.add("".join(w[0] for w in significant))
    return {n for n in names if len(n) > 1}, acronyms


def names_match(cited: str, family: str) -> bool:
    """Whether a name as cited and an entry's family name denote the same author.

    An acronym only ever meets a whole name ("CSTO" ~ "Collective Security Treaty
    Organization"), never another acronym, so two different two-word family names
    with the same initials do not match.
    """
    cited_names, cited_acronyms = _forms(cited)
    family_names, family_acronyms = _forms(family)
    return bool(
        cited_names & family_names or cited_acronyms & family_names or cited_names & family_acronyms
    )


def _authors(reference: Reference) -> tuple[Person, ...]:
    return reference.authors or reference.editors


# -- narrative confirmation ----------------------------------------------------------


def _confirm(citation: Citation, references: Sequence[Reference]) -> Citation | None:
    """The citation (its name cut to what matched), or None for an unconfirmed candidate."""
    if not citation.narrative or not citation.authors:
        return citation
    first = citation.authors[0]
    words = first.split()
    for i in range(len(words)):
        suffix = " ".join(words[i:])
        if any(names_match(suffix, p.family) for r in references for p in _authors(r)):
            return citation if i == 0 else _cut(citation, words[i:])
    return citation if citation.et_al else None


def _cut(citation: Citation, words: list[str]) -> Citation:
    """Drop the leading words of a narrative name ("Menurut Hadiwinata" -> "Hadiwinata")."""
    pattern = r"[\s*_]+".join(re.escape(w) for w in words)
    found = re.search(pattern, citation.text)
    authors = (" ".join(words), *citation.authors[1:])
    if found is None:
        return dataclasses.replace(citation, authors=authors)
    cut = found.start()
    location = citation.location
    column = None if location.column is None else location.column + cut
    return dataclasses.replace(
        citation,
        authors=authors,
        text=citation.text[cut:],
        item=citation.item[cut:] if citation.item.startswith(citation.text) else citation.item,
        location=Location(location.file, location.line, column),
    )


# -- author-year ---------------------------------------------------------------------


def _form_score(citation: Citation, reference: Reference) -> int:
    """How well the cited authors fit the entry's: 3 fully, 2 nearly, 1 first only, 0 not."""
    authors = _authors(reference)
    cited = citation.authors
    if not authors or not cited:
        return 0
    if not names_match(cited[0], authors[0].family):
        if len(cited) > 1 and names_match(" and ".join(cited), authors[0].family):
            return 3 if len(authors) == 1 else 1  # "Organisation for X and Y"
        return 0
    later = all(
        i < len(authors) and names_match(name, authors[i].family)
        for i, name in enumerate(cited[1:], start=1)
    )
    if not later:
        return 1
    if citation.et_al:
        if len(authors) >= 3:
            return 3
        return 2 if len(authors) == 2 else 1
    if len(authors) == len(cited):
        return 3
    return 1


def _year_fits(citation: Citation, reference: Reference) -> str:
    """ "exact", "family" (2020 cited, entry 2020a) or "" (a different year)."""
    if citation.year is None:
        if reference.year is not None or citation.no_date != reference.no_date:
            return ""
        return "exact" if citation.year_suffix == reference.year_suffix else ""
    if reference.year != citation.year:
        return ""
    if citation.year_suffix == reference.year_suffix:
        return "exact"
    return "family" if citation.year_suffix is None else ""


def _best(scored: Iterable[tuple[int, Reference]]) -> tuple[str, ...]:
    pairs = [(s, r) for s, r in scored if s > 0]
    if not pairs:
        return ()
    top = max(s for s, _ in pairs)
    return tuple(r.id for s, r in pairs if s == top)


def _match_author_year(citation: Citation, references: Sequence[Reference]) -> CitationMatch:
    scored = [(_form_score(citation, r), r) for r in references]
    fitting = [(s, r) for s, r in scored if s > 0]
    exact = _best((s, r) for s, r in fitting if _year_fits(citation, r) == "exact")
    if exact:
        return CitationMatch(citation.id, targets=exact)
    family = _best((s, r) for s, r in fitting if _year_fits(citation, r) == "family")
    if family:
        return CitationMatch(citation.id, targets=family)
    return CitationMatch(citation.id, year_mismatch=_best(fitting))
