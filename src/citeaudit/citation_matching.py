"""Linking in-text citations to bibliography entries.

`match_citations` decides which extracted citations are real, and which entries each
one cites. Its rules, each chosen so that a finding built on them is never a false
alarm:

* **Keys** (``\\cite{key}``, ``[@key]``) match as BibTeX matches them: an entry whose
  key is written the same way, else -- as BibTeX's case-insensitive lookup does -- an
  entry whose key differs only in case. biber is case-sensitive and would fail on
  the latter, so a rule can warn whenever ``citation.key != reference.key`` for a
  target (BibTeX warns too). ``\\nocite{*}`` (key ``*``) cites every entry; a key
  ending in ``*`` in a WEAK citation (``R-*``, papaja's ``cite_r()``) every entry
  whose key starts so. A
  biblatex ``ids`` alias cites its entry. A narrative
  Pandoc ``@name`` is kept only when some entry has a key at all: in a manuscript
  whose reference list has no keys, ``@name`` is a handle, not a citation. A key
  written without pandoc's ``@`` (``[jones2019]``) that no entry has is linked by the
  name and year it is made of (or to the one entry of that name), so its entry is not
  called uncited; pandoc-citation-without-at reports the slip.
* **Numbers** match the entry at that position (`Reference.index`). Numeric
  citations are kept only when the reference list is numbered (an entry's raw text
  starts with ``[1]``, ``1.``, ``(1)`` or ``1)``) or numbers outnumber the other
  citations; otherwise ``[3]`` in an author-year paper is not taken for a citation.
  With no reference list at all, numbers are not kept: they are notes' markers as
  often as citations.
* **Author-year** citations match on the first author's name, normalised (case,
  accents, markup, stray punctuation, particles: "Van der Berg" ~ "van der Berg",
  "DeKirty" ~ "Dekirty"). Organisations match whole or by acronym ("CSTO" ~
  "Collective Security Treaty Organization (CSTO)", "WHO" ~ "World Health
  Organization (WHO)"), against the entry's first author however the list was read
  (a family name, "given family" when an organisation was split like a person, or
  the start of the entry's raw text). The year label must fit: ``2020a`` needs the
  entry labelled 2020a; ``2020`` with entries 2020a and 2020b targets both
  (ambiguous). The number of authors ("A", "A & B", "A et al.") picks among several
  entries that fit. Entries whose authors fit but whose year does not are returned
  as `CitationMatch.year_mismatch`.
* **Certainty** (`Certainty`): a SURE citation is kept whatever it matches. A
  narrative CANDIDATE or WEAK one (``Smith (2019)``) is kept when its first name is
  an author of some entry; a WEAK one that is not narrative (``Hart and Lomé, 2019``
  in running text, ``(May 2011)``) only when one entry fits name *and* year (several
  fitting, "Censo INE 2011" beside INE 2011a and 2011b, give no such evidence). An
  unconfirmed CANDIDATE is kept, still marked CANDIDATE, for the
  possible-missing-reference rule; an unconfirmed WEAK one is dropped.
* **A misspelt name** ("McBreaty and Brooks, 2000" for McBrearty & Brooks 2000;
  "Vološinov" for "Volóchinov") cites the one entry of that year whose first author
  is spelt within one edit (names of 6-7 letters) or two (8 or more), when no entry
  has the name as written: an editor links it, and calling the entry uncited and the
  citation missing would be two false alarms for one typo.
* **Co-authors joined by a slash** ("(BAKHTIN/VOLOCHÍNOV, 2009)", disputed
  authorship as ABNT journals write it) cite the entry whose authors are those names,
  in any order, when no entry has the slashed name itself.
* **Another transliteration** of a name ("Voloshinov", "Vološinov" for an entry of
  "Volóchinov"; "Bajtín" for "Bakhtine") cites the one entry of the cited year whose
  first author has the same `citeaudit.transliterations.skeleton`, when no entry has
  the name as written; no name mismatch is reported, for none was made.
* **An initial** after an ABNT name ("(VIANA, C., 2017)") chooses among entries of
  that name and year the ones whose first author's given name starts so.
* **A protologue's abbreviated authors** ("Humb. & Bonpl., Pl. Aequinoct. 2: 16.
  1809", `manuscript.citations.protologues`) cite the one entry of that year whose
  authors' names start as the abbreviations, in order, when no entry has them whole.
* **One plausible entry** is the one cited, as an editor would link it, when no entry
  has the cited name as its first author: the one entry of that year whose last
  authors are the cited names (a narrative list read from its end), whose text opens
  with the cited name (names glued together, "IUCN" for "IUCN Standards
  Subcommittee"), or whose five-letter first author is one letter off when "et al."
  or a second name ties them. A year read from the entry's title ("from 1980 to
  2015"), the original edition's ("[1859]", "1985/2003", "Original work published
  1971") and the first of a span ("2015–2017") cite the entry; of several other
  years, the one a year away is the mismatch. Names compare across scripts and
  accents (anyascii: "Petrenko" ~ "Петренко") and with umlauts written out.
* **Author-year in a numbered manuscript**: when the list is numbered and cited by
  number, a name and year no entry fits is only a CANDIDATE (possible missing), and
  one that fits an entry under another year is dropped ("the Hartwell (1950)
  criteria"): such a list is cited by number, the rest are mentions.
* **Where names start**: a narrative name may have taken in the words before it
  ("Menurut Hadiwinata", "Na Argentina, Rojas e Pinto"). Shorter readings -- leading
  words cut, leading names dropped -- are tried, and the one an entry fits best wins.

An index of first-author names makes matching linear in the number of citations,
not citations times entries.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from citeaudit.imprint_names import imprint_names
from citeaudit.manuscript.citations.bare_keys import BARE_KEY
from citeaudit.manuscript.citations.list_labels import bare_labels
from citeaudit.manuscript.citations.names import AND_WORDS, CONNECTORS
from citeaudit.manuscript.citations.protologues import PROTOLOGUE
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.manuscript.docx_citation_markers import FIELD_ITEM
from citeaudit.model.citation import Certainty, Citation, CitationKind, CitationMatch
from citeaudit.model.person import Person
from citeaudit.model.publication_status import STATUS, ends_pending
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES, fold_name
from citeaudit.transliterations import skeleton, transliterated

__all__ = ["match_citations", "names_match", "normalise_name"]

_NUMBER_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[\d+\]|\(\d+\)|\d+[.)])\s")
# German writes an umlaut out when the letter is missing ("Mueller" for "Müller"):
# a name with one is also compared in that spelling.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_INSIDE = re.compile(r"[(\[]([^()\[\]]+)[)\]]")
_AND_JOIN = re.compile(
    r"&|\s(?:" + "|".join(sorted(AND_WORDS - {"&"}, key=len, reverse=True)) + r")\s(?!al\b)"
)
_RAW_LABEL = re.compile(r"^\s*(?:[-*+•]\s+|\[\d+\]\s*|\(\d+\)\s*|\d+[.)]\s+)?[*_\s]*")
# begun only where a white-space run begins (the leftmost match does, so the parts are
# the same): tried from each space of a run, the run was read to its end from each
_HEAD_PARTS = re.compile(r"(?<!\s)\s+[-–—]\s+")
_BEFORE_INITIALS = re.compile(r"^(\S+(?:\s+(?!(?:[A-Z]{1,4})\b)\S+)*?)\s+[A-Z]{1,4}\b")
# Vancouver initials read as the family name ("Dirks PHGM" -> family "PHGM").
_INITIALS_ONLY = re.compile(r"^[A-Z]{1,4}$")
_GLUED_INITIALS = re.compile(r"(?<=[a-z])[A-Z]{1,3}$")
# A given name written out in one word ("Han", "Maria"), not initials ("H.", "HJ").
_WHOLE_GIVEN = re.compile(r"^[^\W\d_][^\W\d_A-Z]+$")
_MAX_NEAR_NAMES = 64
_TITLED_CHOICE = 12  # entries of one name and year a title in the citation picks among
_YEAR_ON = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_LONGEST_LABEL = 3  # capitals of a status label before a body's name, "(DD, IUCN 2016)"
_FEWEST_BODY_WORDS = 3  # significant words of a body's name shortened by a word left out
_MOST_LEFT_OUT = 1  # words of a body's name a citation may leave out
_LONGEST_ACRONYM = 8  # letters of an acronym of a body's first words
_MAX_OPENINGS = 256  # entries opening with the same two letters looked through at most
_SHORTEST_TYPO = 5  # letters: a shorter name one edit away is another name
# A year read outside these is a date in a title (a species' authority, a target
# year), not the entry's publication year.
_FIRST_PRINTED = 1800
_LATEST = datetime.date.today().year + 1
# ABNT puts a government's body under its jurisdiction: "BRASIL. Ministério da Saúde."
# The body's acronym may follow it: "BRASIL. Ministério da Saúde (MS)." (kept: `_forms`
# reads a name and the acronym in parentheses after it).
_BODY_ACRONYM = r"(?:\s?\([A-ZÀ-Þ][\w/-]{0,14}\))?"
_UNDER_JURISDICTION = re.compile(
    rf"[A-ZÀ-Þ]{{3,}}\.\s+([A-ZÀ-Þ][^\W\d_]+(?:\s+[^\W\d_]+){{1,7}}{_BODY_ACRONYM})\.\s"
)
# ... and under a jurisdiction of several words, or one a qualifier tells apart from a
# namesake: "RIO GRANDE DO SUL. Secretaria da Saúde.", "SÃO PAULO (Cidade). Secretaria
# Municipal de Saúde." (the city, not the state). A title in capitals and its source
# read the same ("GUIA DE VIAGEM. Jornal Exemplo."): the body must be named as one.
_UNDER_LONG_JURISDICTION = re.compile(
    r"[A-ZÀ-Þ]{2,}(?:[ -][A-ZÀ-Þ]+){0,4}(?:\s?\([^\W\d_]+(?:\s[^\W\d_]+)?\))?\.\s+"
    r"((?i:ministério|ministerio|secretaria|secretaría|conselho|consejo|instituto|"
    r"departamento|fundação|fundación|agência|agencia|prefeitura|câmara|cámara|senado|"
    r"tribunal|assembleia|asamblea|governo|gobierno|presidência|presidencia|coordenação|"
    r"coordinación|superintendência|diretoria|dirección|procuradoria|defensoria|"
    r"controladoria|comissão|comisión|congresso|congreso)"
    rf"(?:\s+[^\W\d_]+){{1,7}}{_BODY_ACRONYM})\.\s"
)
_RAW_HEAD_END = re.compile(r"\.\s|[(\[]?\b(?:1[5-9]\d\d|20\d\d)\b|,|:|$")


def match_citations(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> tuple[tuple[Citation, ...], tuple[CitationMatch, ...]]:
    """The citations kept, and one CitationMatch per kept citation, in the same order."""
    authors: _AuthorIndex | None = None  # built at the first author-year citation
    if _numbers_outnumber_sure_works(citations, references):
        authors = _AuthorIndex(references)
        numeric_ok = _numbers_outnumber_matched_works(citations, authors)
    else:
        numeric_ok = _numbered_list(references)
    if not references:
        # No list at all: "[7]" is a note's marker as often as a citation (a notes-style
        # text pasted with its notes at the end), and "cites entry 7, but the list has 0
        # entries" a hundred times says nothing the missing list does not
        numeric_ok = False
    has_keys = any(_ref_keys(r) for r in references)
    keys = _KeyIndex(references)
    numbers = _number_index(references)
    cites_by_number = numeric_ok and _numbered_list_cited_by_number(citations, references)
    field_targets = {(r.id, r.location.file): r for r in references if r.location and not r.key}
    kept: list[Citation] = []
    matches: list[CitationMatch] = []
    for citation in citations:
        if citation.command == FIELD_ITEM:  # a Word field's work, linked by the reader
            kept.append(citation)
            linked = (citation.key, citation.location.file) in field_targets
            ref = field_targets.get((citation.key or "", citation.location.file))
            listed = ref.year if ref is not None else None
            shown_year = citation.year is not None and str(citation.year) in citation.text
            if (
                linked
                and citation.key
                and shown_year
                and listed
                and citation.year != listed
                and not (ref is not None and _year_in_raw(citation, ref))
            ):
                # the field names the entry, the text shows another year: a year
                # mismatch at the citation (the entry still counts as cited); a year
                # only the field's data holds (a numbered citation) is not the reader's,
                # nor one the entry holds though its year was read otherwise ("(2007
                # [2006]) Tribe Vernonieae Cass. (1819)"), as for a typed citation
                matches.append(CitationMatch(citation.id, year_mismatch=(citation.key,)))
                continue
            targets = (citation.key,) if linked and citation.key else ()
            matches.append(CitationMatch(citation.id, targets=targets))
            continue
        if citation.kind is CitationKind.NUMERIC:
            if not numeric_ok:
                continue
            match = _match_number(citation, numbers)
        elif citation.kind is CitationKind.KEY:
            if citation.narrative and citation.command == "pandoc" and not has_keys:
                continue
            match = keys.match(citation)
            if citation.command == BARE_KEY and not match.targets:
                if authors is None:
                    authors = _AuthorIndex(references)
                match = _bare_key_by_name(citation, authors)
            if keys.is_family(citation):
                # one citation per entry: code cites each, none is "ambiguous"
                for n, target in enumerate(match.targets, start=1):
                    kept.append(dataclasses.replace(citation, id=f"{citation.id}.{n}"))
                    matches.append(CitationMatch(kept[-1].id, targets=(target,)))
                continue
        elif citation.command == TITLE:
            if authors is None:
                authors = _AuthorIndex(references)
            match = authors.match_title(citation)
            if not match.targets:
                continue  # an emphasised phrase that is no title of an entry
        else:
            if authors is None:
                authors = _AuthorIndex(references)  # a keyed (BibTeX) audit never needs it
            found = authors.match(citation)
            if found is None:
                continue
            guessed = citation.certainty is Certainty.WEAK and not citation.narrative
            citation, match = found
            if guessed and len(match.targets) > 1:
                # "los datos del Censo INE 2011" beside entries INE 2011a and 2011b: a
                # name and year in running text, kept only on an entry's word, which
                # several entries cannot give -- no citation, and no ambiguity
                continue
            if match.year_mismatch and not match.targets and _pending(citation):
                # "(Robinson et al., in prep.)" beside "Robinson et al. (2008)": the
                # dated entry is an earlier work, not this one with a wrong year
                match = CitationMatch(match.citation_id)
            if cites_by_number and not match.targets:
                if match.year_mismatch or citation.certainty is not Certainty.SURE:
                    continue  # "the Hartley (1950) criteria": a name, not a wrong year
                citation = dataclasses.replace(citation, certainty=Certainty.CANDIDATE)
        kept.append(citation)
        matches.append(match)
    return tuple(kept), _other_works_are_not_mismatches(kept, matches, authors)


def _bare_key_by_name(citation: Citation, authors: _AuthorIndex) -> CitationMatch:
    """A pandoc key written without its ``@`` (``[jones2019]``) that no entry has as
    its key: the entry its name and year fit, as an editor would link it, or the one
    entry of that name under another year (a key's year is often the preprint's, not
    the work's: no year mismatch is claimed, pandoc-citation-without-at reports the
    key)."""
    reading = dataclasses.replace(
        citation,
        kind=CitationKind.AUTHOR_YEAR,
        command=None,
        narrative=True,  # as "Park (2018)": a year mismatch is kept, to be taken here
        certainty=Certainty.CANDIDATE,
    )
    found = authors.match(reading)
    if found is None:
        return CitationMatch(citation.id)
    match = found[1]
    if match.targets:
        return CitationMatch(citation.id, targets=match.targets)
    if len(match.year_mismatch) == 1:
        return CitationMatch(citation.id, targets=match.year_mismatch)
    return CitationMatch(citation.id)


def _numbered_list_cited_by_number(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> bool:
    """Whether the manuscript cites a numbered list by its numbers (Vancouver, IEEE).

    Then the list can only be cited by number, and a name and a year that fit no entry
    -- "(GINA 2018)" under a table, "(Smith R, 2016, personal communication)",
    "(Stata 2009)" after the software's name -- name a source the writer did not mean
    to list: at most a possible missing reference, never a missing one. A name that
    fits an entry under another year ("the Hartley (1950) criteria", the list holding
    Hartley 2004) is an eponym or a mention, not a citation with a wrong year.
    """
    numbered = sum(1 for r in references if _NUMBER_LABEL.match(r.raw))
    if not references or (
        numbered * 2 < len(references) and not bare_labels(r.raw for r in references)
    ):
        return False
    numeric = sum(1 for c in citations if c.kind is CitationKind.NUMERIC)
    author_year = sum(
        1 for c in citations if c.kind is CitationKind.AUTHOR_YEAR and c.certainty is Certainty.SURE
    )
    return numeric > 2 * author_year


def _other_works_are_not_mismatches(
    kept: Sequence[Citation], matches: list[CitationMatch], authors: _AuthorIndex | None
) -> tuple[CitationMatch, ...]:
    """A year-mismatch candidate that another citation cites exactly is a different work.

    "(Grine et al., 1993, 1996)" with only the 1996 entry listed: 1996 is cited as
    itself, so the 1993 citation names a work missing from the list, not a wrong year.
    So too when the exact citation stands elsewhere in the text: taking "(Goetz et al.,
    2011)" for a slip of the one Goetz entry of 2008, cited "(Goetz et al., 2008)"
    too, turned works dropped from the list into year mismatches (dev bench: missing
    recall 0.855 -> 0.811, year-mismatch false alarms 21 -> 100), though a real slip
    ("FLATSCHART, 2015" beside "Flatschart (2011)") reads so as well.

    Of the candidates left, `_AuthorIndex.nearest` names the one the year is a slip
    for, or none.

    And a work cited elsewhere by the same first author and year that fits no entry
    at all ("(Niemelä and Spence 1991)", the list holding Niemelä 1994, 1997, 1999)
    is missing: "(Niemelä et al. 1991)" is that work again, not a slip for the 1997
    entry -- one work, one finding.

    Citations of one work share one tuple of targets (remembered per distinct
    citation): each distinct tuple is walked once, not once per citation (4,000
    citations of one name against 4,000 entries of it were 16 million steps).
    """
    distinct: dict[int, tuple[str, ...]] = {}
    for match in matches:
        if match.targets:
            distinct.setdefault(id(match.targets), match.targets)
    exact = {t for targets in distinct.values() for t in targets}
    out: list[CitationMatch] = []
    for citation, match in zip(kept, matches, strict=True):
        if match.year_mismatch and not match.targets:
            others = tuple(t for t in match.year_mismatch if t not in exact)
            if len(others) > 1 and authors is not None:
                others = authors.nearest(citation, others)
            if others != match.year_mismatch:
                match = CitationMatch(match.citation_id, year_mismatch=others)
        out.append(match)
    missing = {
        work
        for citation, match in zip(kept, out, strict=True)
        if not match.targets
        and not match.year_mismatch
        and citation.certainty is Certainty.SURE
        and (work := _dated_work(citation)) is not None
    }
    if missing:
        for k, (citation, match) in enumerate(zip(kept, out, strict=True)):
            if match.year_mismatch and not match.targets and _dated_work(citation) in missing:
                out[k] = CitationMatch(match.citation_id)
    return tuple(out)


def _dated_work(citation: Citation) -> tuple[str, int, str] | None:
    """An author-year citation's first author (folded), year and letter."""
    if citation.kind is not CitationKind.AUTHOR_YEAR or not citation.authors:
        return None
    if citation.year is None or citation.command is not None:
        return None
    return normalise_name(citation.authors[0]), citation.year, citation.year_suffix or ""


# -- numbers -------------------------------------------------------------------------


def _numbered_list(references: Sequence[Reference]) -> bool:
    """Whether the list's entries carry numbers ("[1]", "1.", bare "1 Smith"): numbers
    in the text then cite it."""
    return any(_NUMBER_LABEL.match(r.raw) for r in references) or bool(
        bare_labels(r.raw for r in references)
    )


def _numeric_markers(citations: Sequence[Citation]) -> int:
    """How many numeric markers the text holds: "(3–5)" is one marker, though it
    gives three citations. Counted by citations, the ranges of a species description
    ("petals (3–)5–7", "[7-10] setae") outweighed a paper's author-year works."""
    return len({(c.text, c.location) for c in citations if c.kind is CitationKind.NUMERIC})


def _numbers_outnumber_sure_works(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> bool:
    """Whether an unnumbered list may still be cited by number: more numeric markers
    than keyed and sure author-year citations. Then `_numbers_outnumber_matched_works`
    decides."""
    if _numbered_list(references):
        return False
    markers = _numeric_markers(citations)
    if not markers:
        return False
    others = sum(
        1
        for c in citations
        if c.kind is CitationKind.KEY
        or (c.kind is CitationKind.AUTHOR_YEAR and c.certainty is Certainty.SURE)
    )
    return markers > others


def _numbers_outnumber_matched_works(citations: Sequence[Citation], authors: _AuthorIndex) -> bool:
    """Numbers cite an unnumbered list only when they outnumber the works cited by
    name that an entry confirms (linked, or under another year), whatever their
    certainty: "Kanehira (1933)" that the list holds is evidence of author-year style,
    "New Guinea (11)" and "[7-10] setae" are counts, not citations."""
    others = 0
    for c in citations:
        if c.kind is CitationKind.KEY:
            others += 1
        elif c.kind is CitationKind.AUTHOR_YEAR:
            found = authors.match(c)
            if found is not None and (found[1].targets or found[1].year_mismatch):
                others += 1
    return _numeric_markers(citations) > others


_LABEL_NUMBER = re.compile(r"^\s*(?:[-*+]\s+)?[\[(]?(\d{1,5})[\].)]\s")


def _number_index(references: Sequence[Reference]) -> dict[int, tuple[str, ...]]:
    """Entries by the number a citation gives: the list's own labels when every entry
    has a distinct one (a list "1., 2., 4." cites 4 as the third entry), else position.
    Built once: matching is linear in citations, not citations times entries."""
    numbers = _mended([n for n in _list_labels(r.raw for r in references) if n is not None])
    by_label = len(numbers) == len(references) > 0 and len(set(numbers)) == len(numbers)
    if not by_label:
        bare = bare_labels(r.raw for r in references)
        if bare:
            numbers, by_label = bare, True
    index: dict[int, list[str]] = {}
    for ref, number in zip(references, numbers if by_label else [], strict=False):
        index.setdefault(number, []).append(ref.id)
    if not by_label:
        for ref in references:
            index.setdefault(ref.index, []).append(ref.id)
    return {n: tuple(ids) for n, ids in index.items()}


_BARE_LABEL = re.compile(r"^\s*(\d{1,4})\s+(?=[^\W\d_])")


def _list_labels(raws: Iterable[str]) -> list[int | None]:
    """Each entry's label ("3.", "[3]"), or None. An entry whose label lost its full
    stop ("3 Moe DE, ...", as a journal's copy prints one or two in a list of "2.",
    "4.") takes its bare number when it rises from the label before by at most 3: so
    the list keeps its labels, and a list with an entry taken out is not cited by
    position (every number after the gap cited the entry after its own)."""
    out: list[int | None] = []
    last: int | None = None
    for raw in raws:
        found = _LABEL_NUMBER.match(raw)
        bare = None if found is not None or last is None else _BARE_LABEL.match(raw)
        number = int(found.group(1)) if found else int(bare.group(1)) if bare else None
        if found is None and number is not None and last is not None:
            number = number if last < number <= last + 3 else None
        out.append(number)
        last = number if number is not None else last
    return out


def _mended(numbers: list[int]) -> list[int]:
    """Labels with a slip mended: a label between two that leave room for exactly one
    ("16., 1., 18.") is that one, as the list's order says; a last label lower than
    the one before follows it. A gap ("4., 6.") stays: an entry was taken out."""
    out = list(numbers)
    for i in range(1, len(out)):
        if i + 1 < len(out):
            slip = out[i] != out[i - 1] + 1 and out[i + 1] == out[i - 1] + 2
        else:
            slip = out[i] <= out[i - 1]  # the last one: only when it goes back
        if slip:
            out[i] = out[i - 1] + 1
    return out


def _match_number(citation: Citation, numbers: dict[int, tuple[str, ...]]) -> CitationMatch:
    return CitationMatch(citation.id, targets=numbers.get(citation.number or 0, ()))


# -- keys ----------------------------------------------------------------------------


def _ref_keys(reference: Reference) -> tuple[str, ...]:
    """The keys that cite an entry: its own and -- biblatex's ``ids`` field -- the old
    keys it is still cited by (``ids = {smith19, smithOld}``)."""
    if reference.key:
        aliases = [v for name, v in reference.extra if name == "ids"]
        if aliases:
            return (reference.key, *(a.strip() for a in aliases[0].split(",") if a.strip()))
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
        self._families: dict[str, tuple[str, ...]] = {}
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for ref in references:
            for key in _ref_keys(ref):
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


# -- names ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Case-folded, accents, script and markup stripped, words kept: ``*Šimić.*`` ->
    ``simic``, ``Иванов`` -> ``ivanov`` (transliterated as `fold_name` does)."""
    plain = re.sub(r"['’]", "", fold_name(unicodedata.normalize("NFC", name)))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


@lru_cache(maxsize=65536)
def _forms(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Comparable spellings of a family or organisation name: (names, acronyms).

    Names are the whole name, the name without leading particles and any part in
    parentheses or brackets ("... (CSTO)", "... [WHO]"); acronyms are built from the
    initials of a name of two or more significant words.
    """
    names: set[str] = set()
    acronyms: set[str] = set()
    candidates = [_INSIDE.sub(" ", name)] + [m.group(1) for m in _INSIDE.finditer(name)]
    candidates += [c.translate(_UMLAUTS) for c in candidates if c.translate(_UMLAUTS) != c]
    for candidate in candidates:
        words = normalise_name(candidate).split()
        if not words:
            continue
        if len(words) > 1 and words[-1] == "jr":
            words[-1] = "junior"  # "SILVA JR." and "SILVA JÚNIOR" are one name
        names.add("".join(words))
        while len(words) > 1 and (words[0] in PARTICLES or words[0] == "the"):
            words = words[1:]
        names.add("".join(words))
        significant = [w for w in words if w not in CONNECTORS]
        if len(significant) >= 2:
            acronyms.add("".join(w[0] for w in significant))
        # "Conselho Nacional de Justiça" is CNJ, "Portal do Turismo de Pirenópolis" PTP:
        # Romance names leave their particles out of the acronym.
        core = [w for w in significant if w not in PARTICLES]
        if len(core) >= 2:
            acronyms.add("".join(w[0] for w in core))
            # "Perfil do leitor" ~ "PERFIL DE LEITOR": a body's name whatever its joining words
            names.add(" ".join(core))
            names.update(_bags(core))
    return frozenset(n for n in names if len(n) > 1), frozenset(acronyms)


_BAG = "+"  # marks a name's words taken in any order, so no other form equals it
_MAX_BAG_WORDS = 10


def _bags(core: list[str]) -> set[str]:
    """A body's name as a set of words, whatever their order, and with any run of two
    or more of its words written as their acronym: "Secretariat of the Convention on
    Biological Diversity" is cited "CBD Secretariat" and "Secretariat of the CBD" --
    both the bag {cbd, secretariat}. Names of at most ten words: a run per pair of
    ends, so the forms stay few."""
    if len(core) > _MAX_BAG_WORDS:
        return set()
    bags = {_BAG + "".join(sorted(core))}
    for i in range(len(core)):
        for j in range(i + 2, len(core) + 1):
            if j - i == len(core):
                continue  # the whole name's acronym is an acronym form already
            shorter = [*core[:i], "".join(w[0] for w in core[i:j]), *core[j:]]
            bags.add(_BAG + "".join(sorted(shorter)))
    return bags


@lru_cache(maxsize=65536)
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


def _first_author_spellings(reference: Reference) -> list[str]:
    """Every way the list may have written the entry's first author.

    An organisation the list side read as a person ("Archive, Baltic Weather" for
    "Baltic Weather Archive.") is found again as given + family, and as the start of
    the raw entry ("World Health Organization (WHO). (2020)...", "O ESTADO. Title").
    """
    spellings: list[str] = []
    authors = _authors(reference)
    if authors:
        first = authors[0]
        spellings.append(first.family)
        if first.given:
            spellings.append(f"{first.given} {first.family}")
            if _WHOLE_GIVEN.match(first.given) and " " not in first.family:
                # "Xu Han" cited for an entry read as given "Han", family "Xu" (or the
                # other way round): a full name written in the other order
                spellings.append(f"{first.family} {first.given}")
        double = first.family.split()
        if (
            len(double) == 2
            and all(w[:1].isupper() for w in double)
            and double[0].casefold() not in PARTICLES
        ):
            spellings.append(double[0])  # "Troitiño Vinuesa" is cited as "Troitiño"
        joined = _before_inner_particle(first.family) if first.given else None
        if joined and not first.organisation:
            spellings.append(joined)  # "de Lange del Castillo" is cited as "de Lange"
        hyphened = first.family.split("-")
        if len(hyphened) == 2 and len(hyphened[0]) >= 3 and hyphened[1][:1].isupper():
            spellings.append(hyphened[0])  # "Gómez-Ferreira" is cited as "Gómez" too
        if first.given and _INITIALS_ONLY.match(first.family) and first.given[:1].isupper():
            spellings.append(first.given)  # "Dirks PHGM" read as given "Dirks", family "PHGM"
        glued = _GLUED_INITIALS.sub("", first.family)
        if glued != first.family:
            spellings.append(glued)  # "RogersRR": initials glued to the family name
    head = _raw_head(reference.raw)
    if head:
        spellings.append(head)
        opening = _RAW_LABEL.sub("", reference.raw[:300], count=1)
        below = _UNDER_JURISDICTION.match(opening) or _UNDER_LONG_JURISDICTION.match(opening)
        if below:  # "BRASIL. Ministério da Saúde. ...": cited "(MINISTÉRIO DA SAÚDE, 2019)"
            spellings.append(below.group(1))
        spellings.extend(p for p in _HEAD_PARTS.split(head) if p.strip())  # "IBGE - Instituto"
        before_initials = _BEFORE_INITIALS.match(head)
        if before_initials:
            spellings.append(before_initials.group(1))  # "Dodd AN" -> "Dodd"
    return spellings


def _opening(raw: str) -> str:
    """The entry's first characters in ASCII, case kept, its list label taken off."""
    return anyascii(_RAW_LABEL.sub("", raw[:200], count=1))[:120]


def _opens(opening: str, cited: list[str]) -> bool:
    """Whether `opening` starts with the first cited name (folded), not inside a longer
    word ("Dana" opens "DanaED…" and "Dana, E.", not "Danaher"), and holds the others."""
    low = opening.lower()
    first = cited[0]
    if not low.startswith(first):
        return False
    after = opening[len(first) : len(first) + 1]
    return not after.islower() and all(name in low for name in cited[1:])


_MOST_SYLLABLE = 4  # letters a word of a body's name may give its acronym
_SYLLABLE_WORDS = 12  # words of a name looked at for one


def _syllables_spell(acronym: str, head: str, whole: bool = False) -> bool:
    """Whether `acronym` (folded) is made of the first letters of the words of a body's
    name `head` (as written), in order, each word giving one to four: "VLIZ" for
    "Vlaams Instituut voor de Zee", "EMBRAPA" for "Empresa Brasileira de Pesquisa
    Agropecuária", "CEPAL" for "Comisión Económica para América Latina y el Caribe".
    Bodies name their acronyms so, and `_forms` knows only one letter a word. Every
    word gives a letter, except a joining word (written in lower case, or a connector
    or particle), which may give one or none; words after the acronym's last letter
    are left out, as for "USP"; two words at least give letters. `whole`: a word in title
    case ("Embrapa", "Minsal") is read as an acronym only when some word gives two
    letters or more -- one letter a word is a surname's shape as often."""
    words = re.findall(r"[^\W\d_]+", head)[:_SYLLABLE_WORDS]
    folded = [normalise_name(w).replace(" ", "") for w in words]
    optional = [
        w[:1].islower() or w.casefold() in CONNECTORS or w.casefold() in PARTICLES for w in words
    ]
    seen: set[tuple[int, int, int]] = set()

    def spells(i: int, j: int, used: int) -> bool:
        if j == len(acronym):
            return used >= 2 and (not whole or used < len(acronym))
        if i == len(folded) or (i, j, used) in seen:
            return False
        seen.add((i, j, used))
        if optional[i] and spells(i + 1, j, used):
            return True
        word = folded[i]
        return any(
            acronym.startswith(word[:n], j) and spells(i + 1, j + n, used + 1)
            for n in range(1, min(_MOST_SYLLABLE, len(word)) + 1)
        )

    return spells(0, 0, 0)


_MOST_GIVEN_WORDS = 3


def _a_person(first: Person) -> bool:
    """Whether an entry's first author was read as a person: a given name of at most
    three words. A body's name ending in a full stop ("Empresa Brasileira de Pesquisa
    Agropecuária. (2016).") is read by some lists as given "Empresa Brasileira de
    Pesquisa", family "Agropecuária": a body all the same."""
    return (
        bool(first.given)
        and not first.organisation
        and (len((first.given or "").split()) <= _MOST_GIVEN_WORDS)
    )


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Whether every word of `part` is in `whole`, in the same order (gaps allowed)."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _raw_head(raw: str) -> str:
    """The entry's first words, up to the first full stop, comma, colon or year."""
    text = _RAW_LABEL.sub("", raw[:300], count=1)
    end = _RAW_HEAD_END.search(text)
    head = text[: end.start() if end else len(text)]
    return head.strip(" *_.;")


# -- author-year ---------------------------------------------------------------------

_Key = tuple[tuple[str, ...], bool, int | None, str | None, bool, bool, Certainty]


class _AuthorIndex:
    """Entries by the spellings of their first author, and every author name, built
    once per audit; results are remembered per distinct citation."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self._refs = list(references)
        self._position = {r.id: i for i, r in enumerate(self._refs)}
        self._spellings = [_first_author_spellings(r) for r in self._refs]
        self._by_name: dict[str, list[int]] = {}
        self._by_acronym: dict[str, list[int]] = {}
        self._any_author: dict[str, list[int]] = {}
        self._any_acronym: dict[str, list[int]] = {}
        for i, ref in enumerate(self._refs):
            for spelling in self._spellings[i]:
                names, acronyms = _forms(spelling)
                _add(self._by_name, names, i)
                _add(self._by_acronym, acronyms, i)
            for person in _authors(ref):
                names, acronyms = _forms(person.family)
                _add(self._any_author, names, i)
                _add(self._any_acronym, acronyms, i)
        self._memo: dict[_Key, tuple[Citation, CitationMatch] | None] = {}
        self._heads = [normalise_name(_raw_head(r.raw)) + " " for r in self._refs]
        self._by_head_word: dict[str, list[int]] = {}
        for i, head in enumerate(self._heads):
            if head.strip():
                self._by_head_word.setdefault(head.split()[0], []).append(i)
        self._head_memo: dict[str, set[int]] = {}
        self._by_imprint: dict[str, list[int]] | None = None  # built at the first need
        self._by_body_initial: dict[str, list[int]] | None = None  # so is this
        self._by_skeleton: dict[str, list[int]] | None = None  # so is this
        self._by_title_word: dict[str, list[int]] | None = None  # so is this
        self._title_openings: dict[int, list[str]] = {}
        self._by_whole_title: dict[str, list[int]] = {}
        self._whole_titles: dict[int, str] = {}
        self._openings = [_opening(r.raw) for r in self._refs]
        self._by_opening: dict[str, list[int]] = {}
        for i, opening in enumerate(self._openings):
            if len(opening) >= 2:
                self._by_opening.setdefault(opening[:2].lower(), []).append(i)
        self._by_year_initial: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for i, ref in enumerate(self._refs):
            if ref.year is None:
                continue
            for spelling in self._spellings[i]:
                for name in _forms(spelling)[0]:
                    if len(name) >= _SHORTEST_TYPO and not name.startswith(_BAG):
                        key = (ref.year, name[0])
                        self._by_year_initial.setdefault(key, []).append((i, name))

    # candidates --------------------------------------------------------------------

    def _first_fits(self, cited: str) -> set[int]:
        names, acronyms = _forms(cited)
        found: set[int] = set()
        for name in names:
            found.update(self._by_name.get(name, ()))
            found.update(self._by_acronym.get(name, ()))
        for acronym in acronyms:
            found.update(self._by_name.get(acronym, ()))
        return found

    def _is_an_author(self, cited: str) -> bool:
        """Whether the cited name is an author of some entry (whole, or as an
        acronym). A two-letter acronym is no evidence: "Lagoa Santa" is "LS", and a
        list of initials read as family names ("Pereira LS") holds many such."""
        names, acronyms = _forms(cited)
        return any(n in self._any_author or n in self._any_acronym for n in names) or any(
            a in self._any_author for a in acronyms if len(a) > 2
        )

    # matching ----------------------------------------------------------------------

    def match(self, citation: Citation) -> tuple[Citation, CitationMatch] | None:
        key: _Key = (
            citation.authors,
            citation.et_al,
            citation.year,
            citation.year_suffix,
            citation.no_date,
            citation.narrative,
            citation.certainty,
        )
        if key not in self._memo:
            self._memo[key] = self._decide(citation)
        decided = self._memo[key]
        if decided is None:
            return None
        template, match = decided
        if template.authors != citation.authors:
            citation = _cut(citation, template.authors)
        if template.certainty is not citation.certainty:
            citation = dataclasses.replace(citation, certainty=template.certainty)
        if match.citation_id != citation.id:
            match = CitationMatch(citation.id, match.targets, match.year_mismatch)
        if 1 < len(match.targets) <= _TITLED_CHOICE:
            match = self._by_title(citation, match)
        if len(match.targets) > 1:
            match = self._by_cited_initial(citation, match)
        return citation, match

    def _by_cited_initial(self, citation: Citation, match: CitationMatch) -> CitationMatch:
        """Of several entries, those whose first author's given name starts with the
        initial the citation gives after the name, as ABNT writes two authors of one
        surname apart: "(VIANA, C., 2017)" beside VIANA, C. 2017 and VIANA, M. 2017.
        Unchanged when no initial is given or none or all of the entries have it."""
        if not citation.authors:
            return match
        # str.find and one compiled pattern, not a pattern per cited name (re's cache)
        text = citation.item or citation.text
        at = text.find(citation.authors[0])
        found = _CITED_INITIAL.match(text, at + len(citation.authors[0])) if at >= 0 else None
        if found is None:
            return match
        initial = normalise_name(found.group(1))
        narrowed = tuple(
            t
            for t in match.targets
            if (authors := _authors(self._refs[self._position[t]]))
            and normalise_name(authors[0].given or "")[:1] == initial
        )
        if not narrowed or len(narrowed) == len(match.targets):
            return match
        return CitationMatch(match.citation_id, narrowed, match.year_mismatch, match.name_mismatch)

    def _by_title(self, citation: Citation, match: CitationMatch) -> CitationMatch:
        """Of several entries, the one whose title opens with the title words the
        citation gives after the name: Word's citation engine writes "(Dalby, Seeing
        Numbers 1994)" when the list holds two Dalby 1994 works. Unchanged unless
        exactly one entry's title opens so."""
        _, comma, rest = (citation.item or citation.text).partition(",")
        cited = title_words(_YEAR_ON.split(rest, maxsplit=1)[0]) if comma else ""
        if not cited:
            return match
        narrowed = tuple(
            t
            for t in match.targets
            if (title_words(self._refs[self._position[t]].title or "") + " ").startswith(
                cited + " "
            )
        )
        if len(narrowed) != 1:
            return match
        return CitationMatch(match.citation_id, narrowed, match.year_mismatch, match.name_mismatch)

    def _decide(self, citation: Citation) -> tuple[Citation, CitationMatch] | None:
        sure = citation.certainty is Certainty.SURE
        readings = _readings(citation)
        best: tuple[int, Citation, CitationMatch] | None = None
        for variant in readings:
            match, score = self._match_reading(variant)
            quality = (2 if match.targets else 1 if match.year_mismatch else 0) * 10 + score
            if match.name_mismatch and variant is not citation:
                # "Okafor & Berry (1987)" for Okafor, Tran & Berry: the reading as written
                # fits its entry by the first name; a shorter one ("Berry", the entry's
                # last author) is no better for fitting only through a near spelling
                quality -= 2
            if best is None or quality > best[0]:
                best = (quality, variant, match)
            if variant is citation and match.targets and score == 3:
                break  # the reading as written fits fully: no shorter one does better
        assert best is not None
        quality, variant, match = best
        if len(match.targets) > 1 and variant.authors != citation.authors:
            match = self._by_given_initial(citation, variant, match)
        if sure:
            same_names = len(variant.authors) == len(citation.authors)
            label_dropped = quality >= 23 and not _joined_by_and(citation, variant)
            if match.targets and (same_names or label_dropped):
                return variant, match
            return citation, self._match_reading(citation)[0]
        if _yearless(citation) and variant.authors != citation.authors:
            return None  # "(Tanaka et al.)" cites Tanaka's work, or none
        if match.targets:
            return dataclasses.replace(variant, certainty=Certainty.SURE), match
        if citation.narrative and quality >= 10:
            if _co_author_dropped(citation, variant):
                # "Nicolson and Fosberg (2004)" beside Fosberg (1990): the pair's work,
                # missing, not Fosberg's under a wrong year
                return dataclasses.replace(citation, certainty=Certainty.SURE), CitationMatch(
                    citation.id
                )
            return dataclasses.replace(variant, certainty=Certainty.SURE), match
        if citation.narrative:
            for reading in readings:
                if self._is_an_author(reading.authors[0]):
                    if _co_author_dropped(citation, reading):
                        # "Nicolson and Fosberg (2004)", Fosberg an author of another
                        # entry: the names confirm the citation as written, and the
                        # missing work is the pair's, not "Fosberg (2004)"
                        reading = citation
                    confirmed = dataclasses.replace(reading, certainty=Certainty.SURE)
                    return confirmed, CitationMatch(citation.id)
        if citation.certainty is Certainty.CANDIDATE:
            return citation, CitationMatch(citation.id)
        return None

    def _by_given_initial(
        self, citation: Citation, variant: Citation, match: CitationMatch
    ) -> CitationMatch:
        """Of several entries of the family a cut reading fits, those whose first
        author's given name starts as the word cut away: "Han Xu (2011)" is the
        entry of Xu, H., not of Xu, L. of the same year. All of them when none does."""
        cited, kept = citation.authors[0].split(), variant.authors[0].split()
        if len(variant.authors) != len(citation.authors) or len(kept) >= len(cited):
            return match
        initial = normalise_name(cited[-len(kept) - 1])[:1]
        narrowed = tuple(
            t
            for t in match.targets
            if (authors := _authors(self._refs[self._position[t]]))
            and normalise_name(authors[0].given or "")[:1] == initial
        )
        if not narrowed or len(narrowed) == len(match.targets):
            return match
        return CitationMatch(match.citation_id, targets=narrowed, name_mismatch=match.name_mismatch)

    def _match_reading(self, citation: Citation) -> tuple[CitationMatch, int]:
        if not citation.authors:
            return CitationMatch(citation.id), 0
        candidates = self._first_fits(citation.authors[0])
        if len(citation.authors) > 1:
            candidates |= self._first_fits(" and ".join(citation.authors))
            candidates |= self._first_fits(" ".join(citation.authors))  # "Troitiño e Vinuesa"
        if not candidates and _truncated(citation):
            candidates = self._head_starts(citation.authors[0])  # "(PROFESSOR..., 2015)"
        if not candidates and len(citation.authors) == 1:
            candidates = self._slashed(citation.authors[0])  # "(BAKHTIN/VOLOCHÍNOV, 2009)"
        if not candidates:
            opening = self._opens_with(citation)
            if opening is not None:
                return CitationMatch(citation.id, targets=self._ids([opening])), 2
            variant = self._transliterated(citation)
            if variant is None:
                variant = self._abbreviated(citation)
            if variant is None:
                variant = self._part_of_body(citation)
            if variant is not None:
                return CitationMatch(citation.id, targets=self._ids([variant])), 2
            misspelt = self._misspelt(citation)
            if misspelt is None:
                misspelt = self._swapped(citation)
            if misspelt is not None:
                return (
                    CitationMatch(citation.id, targets=self._ids([misspelt]), name_mismatch=True),
                    2,
                )
            # "Chan (2005)" for Roberts & Chan (2005): a narrative list read from its end
            # (the names before it on the line before, or joined oddly), linked as an
            # editor would; no name is misspelt, so citation-name-mismatch says nothing
            # ("spells the author 'Chan'" was a false alarm each time)
            # (scored as a first-name-only fit: a reading that keeps the names before
            # it, "Okafor & Berry (1987)" for Okafor, Tran & Berry, is no worse)
            last = self._last_authors(citation)
            if last is None:
                last = self._after_a_label(citation)
            if last is not None:
                return CitationMatch(citation.id, targets=self._ids([last])), 1
            imprint = self._published_by(citation)
            if imprint is None:
                imprint = self._title_opens(citation)
            if imprint is not None:
                return CitationMatch(citation.id, targets=self._ids([imprint])), 2
        scored = [(self._form_score(citation, i), i) for i in sorted(candidates)]
        fitting = [(s, i) for s, i in scored if s > 0]
        if _yearless(citation):
            # "(Tanaka et al.)": no year to hold against any entry; the authors decide
            best = _best(fitting)
            return CitationMatch(citation.id, targets=self._ids(best)), max(
                (s for s, _ in fitting), default=0
            )
        fits = {i: _year_fits(citation, self._refs[i]) for _, i in fitting}
        for fit in ("exact", "family"):
            same_year = [(s, i) for s, i in fitting if fits[i] == fit]
            if same_year:
                return CitationMatch(citation.id, targets=self._ids(_best(same_year))), max(
                    s for s, _ in same_year
                )
        suffixed = [i for _, i in fitting if fits[i] == "suffix"]
        by_letter = _by_suffix_position(citation, suffixed)
        if by_letter is None and len(suffixed) == 1:
            by_letter = suffixed[0]  # "2018b", the lone 2018 entry: nothing to tell apart
        if by_letter is not None:
            score = next(s for s, i in fitting if i == by_letter)
            return CitationMatch(citation.id, targets=self._ids([by_letter])), score
        in_raw = [(s, i) for s, i in fitting if _year_in_raw(citation, self._refs[i])]
        if in_raw:
            return CitationMatch(citation.id, targets=self._ids(_best(in_raw))), max(
                s for s, _ in in_raw
            )
        swapped = self._swapped(citation)
        if swapped is not None:
            return CitationMatch(citation.id, targets=self._ids([swapped]), name_mismatch=True), 2
        body = self._part_of_body(citation) if fitting and citation.authors[0].isupper() else None
        if body is not None and body not in candidates:
            # "(INEP, 2019)" beside INEP (2021) and "INSTITUTO NACIONAL DE ESTUDOS E
            # PESQUISAS ... (2019)": the list names the body both ways, and the one of the
            # cited year is the work -- not a wrong year of the other
            return CitationMatch(citation.id, targets=self._ids([body])), 2
        top = max((s for s, _ in fitting), default=0)
        if self._lettered_otherwise(citation, fitting):
            # "Gorczyca 2006a" beside Gorczyca 2006b alone: the list's own letter says
            # a second 2006 work existed; it is that one that is missing, not a slip
            return CitationMatch(citation.id), top
        if top < 2 and (citation.et_al or len(citation.authors) > 1):
            # "Robinson and Kahn (1986)" beside Robinson & Skvarla (2006), "Bell et al.
            # (2007)" beside Bell (1974): the names the citation adds contradict every
            # entry of that author, so it is another work, missing -- not a wrong year
            return CitationMatch(citation.id), top
        return CitationMatch(citation.id, year_mismatch=self._ids(_best(fitting))), top

    def nearest(self, citation: Citation, candidates: tuple[str, ...]) -> tuple[str, ...]:
        """Of the author's entries under other years (`candidates`, those no citation
        cites exactly), the one the cited year is a slip for; () when the evidence names
        no single entry.

        One candidate is taken as it is. Among several, the one with the cited letter
        ("Ching 1978a" for 1987a, not 1987b), then the one a year away ("Brandvold 2015"
        with Brandvold 2016 and 2009 listed), then the one a typing slip away (one digit
        changed or two swapped: "Seemann 1962" for 1862, not 1865). When several remain
        ("Jeekel 1968" beside Jeekel 1964 and 1965) no entry is named: at most one of
        them can be the work meant, and a year mismatch counts every candidate as cited,
        so it hid the others' "never cited" -- the citation is reported missing instead
        (dev bench: every such case was a work dropped from the list).
        """
        cited = citation.year
        if cited is None or len(candidates) < 2:
            return candidates
        refs = {t: self._refs[self._position[t]] for t in candidates}
        best = candidates
        if citation.year_suffix:
            lettered = tuple(t for t in best if refs[t].year_suffix == citation.year_suffix)
            best = lettered or best
            if len(best) == 1:
                return best
        if all(refs[t].year == cited for t in best):
            return best  # "2020c" beside two unlettered 2020 entries: the letter is off
        for near in (_a_year_away, _a_slip_away):
            found = tuple(t for t in best if near(cited, refs[t].year))
            if found:
                return found if len(found) == 1 else ()
        return ()

    def _lettered_otherwise(self, citation: Citation, fitting: list[tuple[int, int]]) -> bool:
        """Whether the citation's year has a letter and the list letters that author's
        works of that year otherwise ("2006a" cited, only "2006b" listed)."""
        if not citation.year_suffix or citation.year is None:
            return False
        return any(
            self._refs[i].year == citation.year and self._refs[i].year_suffix for _, i in fitting
        )

    def _misspelt(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose first author is the cited name with a
        typo; only names of that year and initial are compared, at most a fixed number,
        so a hostile list of thousands of same-year entries stays linear."""
        if citation.year is None:
            return None
        cited = "".join(normalise_name(citation.authors[0]).split())
        if len(cited) < _SHORTEST_TYPO:
            return None
        bucket = self._by_year_initial.get((citation.year, cited[0]), [])
        if len(bucket) > _MAX_NEAR_NAMES:
            return None  # a list of that many same-year, same-initial names is not a typo's
        near = {
            i
            for i, name in bucket
            if _one_typo(cited, name)
            and _year_fits(citation, self._refs[i])
            # a five-letter name is one slip from many others: more must tie them
            and (
                min(len(cited), len(name)) > _SHORTEST_TYPO
                or _more_than_the_name(citation, self._refs[i])
            )
        }
        return near.pop() if len(near) == 1 else None

    def _slashed(self, cited: str) -> set[int]:
        """Entries having an author named as a part of a slashed name ("BAKHTIN/
        VOLOCHÍNOV"); `_form_score` keeps those having every part."""
        found: set[int] = set()
        for part in _slash_parts(cited):
            for name in _forms(part)[0]:
                found.update(self._any_author.get(name, ()))
        return found if len(found) <= _MAX_OPENINGS else set()

    def _transliterated(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose first author is the cited name in
        another transliteration ("Voloshinov" for "Volóchinov", "Bajtín" for
        "Bakhtine"; `citeaudit.transliterations`). Looked up by (year, skeleton),
        an index built at the first need."""
        if citation.year is None:
            return None
        cited = skeleton(citation.authors[0])
        if not cited:
            return None
        if self._by_skeleton is None:
            self._by_skeleton = {}
            for i, ref in enumerate(self._refs):
                if ref.year is not None:
                    for spelling in self._spellings[i]:
                        if skeleton(spelling):
                            _add(self._by_skeleton, [f"{ref.year} {skeleton(spelling)}"], i)
        bucket = self._by_skeleton.get(f"{citation.year} {cited}", ())
        near = {
            i
            for i in bucket
            if _year_fits(citation, self._refs[i]) in ("exact", "family")
            and any(transliterated(citation.authors[0], s) for s in self._spellings[i])
        }
        return near.pop() if len(near) == 1 else None

    def _abbreviated(self, citation: Citation) -> int | None:
        """The one entry of a protologue's year whose authors' names start, in order,
        as the protologue abbreviates them ("Humb. & Bonpl." for Humboldt and
        Bonpland, "Aubl." for Aublet): botanical authors are cited so. Only for a
        protologue, abbreviations of three letters at least; the year the entry's or
        one it gives ("1808" for "(1809 [1808])", published a year before its title
        page's date)."""
        if citation.command != PROTOLOGUE or citation.year is None:
            return None
        cited = ["".join(normalise_name(a).split()) for a in citation.authors]
        if not cited or any(len(c) < 3 for c in cited):
            return None
        bucket = self._by_opening.get(cited[0][:2], [])  # entries opening so
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = set()
        for i in bucket:
            authors = _authors(self._refs[i])
            if (
                authors
                and "".join(normalise_name(authors[0].family).split()).startswith(cited[0])
                and (
                    _year_fits(citation, self._refs[i]) == "exact"
                    or _year_in_raw(citation, self._refs[i])  # "(1809 [1808])"
                )
                and len(authors) >= len(cited)
                and all(
                    "".join(normalise_name(a.family).split()).startswith(c)
                    for c, a in zip(cited[1:], authors[1:], strict=False)
                )
            ):
                near.add(i)
        return near.pop() if len(near) == 1 else None

    def _part_of_body(self, citation: Citation) -> int | None:
        """The one entry of the cited year, by a body rather than a person, whose name
        the citation shortens: a word or two left out ("Brazilian Genome Project
        Consortium" for "Brazilian National Genome Project Consortium") or an acronym
        of its first words only ("USP" for "United States Pharmacopeial Convention").
        Writers shorten a long body's name so; `_forms` needs the whole name or the
        whole acronym. Three significant words at least (three letters for an
        acronym), the same first word, one word left out at most, the cited words in
        the entry's order, the year exact, and one such entry only: never a guess."""
        if citation.et_al or len(citation.authors) != 1 or citation.year is None:
            return None
        written = citation.authors[0].strip()
        cited = [w for w in normalise_name(written).split() if w not in CONNECTORS]
        short = len(cited) == 1 and 3 <= len(cited[0]) <= _LONGEST_ACRONYM
        acronym = short and written.isupper()
        # "Embrapa", "Minsal": many journals write a body's acronym as a word; read so only
        # as syllables (a word in title case is as often a person's name)
        syllables = short and (acronym or (written[:1].isupper() and written[1:].islower()))
        if not cited or (not syllables and len(cited) < _FEWEST_BODY_WORDS):
            return None
        if self._by_body_initial is None:
            self._by_body_initial = {}
            for i, ref in enumerate(self._refs):
                authors = _authors(ref)
                if authors and _a_person(authors[0]):
                    continue  # a person's entry: "Smith J" is no body's name
                words = [w for w in self._heads[i].split() if w not in CONNECTORS]
                if len(words) >= _FEWEST_BODY_WORDS:
                    self._by_body_initial.setdefault(words[0][0], []).append(i)
        bucket = self._by_body_initial.get(cited[0][0], ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = set()
        for i in bucket:
            words = [w for w in self._heads[i].split() if w not in CONNECTORS]
            if syllables:
                size = len(cited[0])
                fits = (
                    acronym
                    and len(words) > size
                    and "".join(w[0] for w in words[:size]) == cited[0]
                )
                fits = fits or _syllables_spell(
                    cited[0], _raw_head(self._refs[i].raw), whole=not acronym
                )
            else:
                fits = (
                    words[0] == cited[0]
                    and len(cited) < len(words) <= len(cited) + _MOST_LEFT_OUT
                    and _in_order(cited, words)
                )
            if fits and _year_fits(citation, self._refs[i]) == "exact":
                near.add(i)
        return near.pop() if len(near) == 1 else None

    def _published_by(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose imprint names the cited publisher,
        when no entry has that name as an author: "(Maspero, 1978)" for "Rodinson, M.
        (1978). Title. Paris: Maspero." (`citeaudit.imprint_names`). One name, no "et
        al.", the year exact, and only one such entry: never a guess among several."""
        if citation.et_al or len(citation.authors) != 1 or citation.year is None:
            return None
        cited = normalise_name(citation.authors[0])
        if not cited or self._is_an_author(citation.authors[0]):
            return None
        if self._by_imprint is None:
            self._by_imprint = {}
            for i, ref in enumerate(self._refs):
                for name in imprint_names(ref):
                    _add(self._by_imprint, [normalise_name(name)], i)
        bucket = self._by_imprint.get(cited, ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {i for i in bucket if _year_fits(citation, self._refs[i]) == "exact"}
        return near.pop() if len(near) == 1 else None

    def _title_opens(self, citation: Citation, *, any_year: bool = False) -> int | None:
        """The one entry of the cited year with no personal author whose title opens
        with the cited words: a work cited by its title's first words, "(Oxford English
        Dictionary, 2020)" for "The Oxford English Dictionary online. (2020)." Two
        words at least, a leading article aside (`citeaudit.title_words`); never "et
        al.". `any_year`: a title cited with no year ("as *The Wealth of Nations*
        shows", `manuscript.citations.titles`) opens an entry of any year."""
        if citation.et_al or len(citation.authors) != 1:
            return None
        if citation.year is None and not any_year:
            return None
        cited = title_words(citation.authors[0])
        if len(cited.split()) < 2:
            return None
        if self._by_title_word is None:
            self._index_titles()
        assert self._by_title_word is not None
        bucket = self._by_title_word.get(cited.split()[0], ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {
            i
            for i in bucket
            if (any_year or _year_fits(citation, self._refs[i]) == "exact")
            and any(t.startswith(cited + " ") for t in self._title_openings.get(i, ()))
        }
        if not near and any_year:
            # a person's work cited by its whole title: "*The Wealth of Nations*"
            near = {
                i
                for i in self._by_whole_title.get(cited.split()[0], ())
                if self._whole_titles[i] == cited
            }
        return near.pop() if len(near) == 1 else None

    def _index_titles(self) -> None:
        """Entries with no personal author by their opening words; a person's entries
        by their whole title (up to a colon), which only a title citation matches."""
        self._by_title_word = {}
        for i, ref in enumerate(self._refs):
            authors = _authors(ref)
            if authors and (authors[0].given or len(authors[0].family.split()) < 2):
                whole = title_words((ref.title or "").split(":")[0])
                if len(whole.split()) >= 2:
                    self._whole_titles[i] = whole
                    _add(self._by_whole_title, [whole.split()[0]], i)
                continue  # a person's entry: cited by its title's start only when whole
            for opening in {title_words(_raw_head(ref.raw)), title_words(ref.title or "")}:
                if opening:
                    self._title_openings.setdefault(i, []).append(opening + " ")
                    _add(self._by_title_word, [opening.split()[0]], i)

    def match_title(self, citation: Citation) -> CitationMatch:
        """A work cited by its title alone, no year: the one entry it opens, or none."""
        found = self._title_opens(citation, any_year=True)
        targets = self._ids([found]) if found is not None else ()
        return CitationMatch(citation.id, targets=targets)

    def _opens_with(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose text opens with the cited name and
        holds the other cited names, when the list reader found no such author in any
        entry: names glued together ("DanaEDSanz-ElorzaM (2005)", as pasted from some
        publishers' pages) or a body cited by its first word ("IUCN 2016" for "IUCN
        Standards and Petitions Subcommittee (2016)")."""
        cited = [anyascii(name).lower() for name in citation.authors]
        if len(cited[0]) < 3:
            return None
        bucket = self._by_opening.get(cited[0][:2], [])
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {
            i
            for i in bucket
            if _opens(self._openings[i], cited)
            and (
                _year_fits(citation, self._refs[i]) == "exact"
                or _year_in_raw(citation, self._refs[i])
            )
        }
        return near.pop() if len(near) == 1 else None

    def _last_authors(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose last authors are the cited names, when
        no entry has them first: a narrative list ("Franco, Acosta-Pereira, Costa-Hübes
        (2019)") read from its last name only. Entries of at most four authors, and
        never for "et al.": a third author cited alone ("Wang et al.") is another
        work far more often than a cut list."""
        if citation.et_al or citation.year is None:
            return None
        cited = citation.authors
        names, _ = _forms(cited[0])
        near = {
            i
            for name in names
            for i in self._any_author.get(name, ())
            if (
                _year_fits(citation, self._refs[i]) == "exact"
                or _year_in_raw(citation, self._refs[i])
            )
            and 1 < len(_authors(self._refs[i])) <= 4
            and len(cited) < len(_authors(self._refs[i]))
            and all(
                names_match(c, a.family)
                for c, a in zip(cited, _authors(self._refs[i])[-len(cited) :], strict=True)
            )
        }
        return near.pop() if len(near) == 1 else None

    def _after_a_label(self, citation: Citation) -> int | None:
        """The one entry of the cited year by the second cited name alone, when the first
        is a short label in capitals that no entry has: "(DD, IUCN 2016)", "(EN;
        IUCN 2019)" give a status category, then the body that defines it. Two bodies
        writing together ("WHO, UNICEF 2010") have an entry under both names, so they
        never get here; a label of three capitals at most, the year exact, one fit."""
        if citation.et_al or citation.year is None or len(citation.authors) != 2:
            return None
        label, body = citation.authors
        if not (label.isupper() and label.isalpha() and len(label) <= _LONGEST_LABEL):
            return None
        if self._is_an_author(label):
            return None
        alone, _score = self._match_reading(dataclasses.replace(citation, authors=(body,)))
        if len(alone.targets) != 1 or alone.name_mismatch:
            return None
        i = self._position[alone.targets[0]]
        return i if _year_fits(citation, self._refs[i]) == "exact" else None

    def _swapped(self, citation: Citation) -> int | None:
        """The one entry of the cited year by the two cited authors in the other order
        ("Zuloaga and Morrone 2012" for "Morrone O, Zuloaga FO (2012)"), when no entry
        of that year has them in the order cited: the same work with its names swapped,
        linked and reported as a name mismatch, not a missing work and an uncited
        entry. Only two-author works, never "et al.", at most a fixed number looked at."""
        if citation.et_al or citation.year is None or len(citation.authors) != 2:
            return None
        first, second = citation.authors
        names, _ = _forms(second)
        bucket = {i for name in names for i in self._any_author.get(name, ())}
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {
            i
            for i in bucket
            if len(_authors(self._refs[i])) == 2
            and names_match(second, _authors(self._refs[i])[0].family)
            and names_match(first, _authors(self._refs[i])[1].family)
            and (
                _year_fits(citation, self._refs[i]) == "exact"
                or _year_in_raw(citation, self._refs[i])
            )
        }
        return near.pop() if len(near) == 1 else None

    def _head_starts(self, cited: str) -> set[int]:
        """Entries whose first words are the cited ones: ABNT cuts a title-first entry
        short with an ellipsis. Looked up by the first word, remembered per name."""
        words = normalise_name(cited)
        if len(words) < 3:
            return set()
        if words not in self._head_memo:
            self._head_memo[words] = {
                i
                for i in self._by_head_word.get(words.split()[0], ())
                if self._heads[i].startswith(words + " ")
            }
        return self._head_memo[words]

    def _ids(self, positions: Iterable[int]) -> tuple[str, ...]:
        return tuple(self._refs[i].id for i in positions)

    def _form_score(self, citation: Citation, position: int) -> int:
        """How well the cited authors fit the entry's: 3 fully, 2 nearly, 1 first only."""
        reference = self._refs[position]
        authors = _authors(reference)
        cited = citation.authors
        spellings = self._spellings[position]
        if not any(names_match(cited[0], s) for s in spellings):
            joined = (" and ".join(cited), " ".join(cited))  # "X and Y", "Troitiño e Vinuesa"
            if len(cited) > 1 and any(names_match(j, s) for j in joined for s in spellings):
                return 3 if len(authors) <= 1 else 1
            if _truncated(citation) and position in self._head_starts(cited[0]):
                return 3 if len(cited) == 1 else 1
            parts = _slash_parts(cited[0]) if len(cited) == 1 else []
            if parts and all(any(_same_person(p, a.family) for a in authors) for p in parts):
                return 3 if len(authors) == len(parts) else 2
            return 0
        if not authors:
            return 3 if len(cited) == 1 else 1
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


def _add(index: dict[str, list[int]], keys: Iterable[str], position: int) -> None:
    for key in keys:
        positions = index.setdefault(key, [])
        if not positions or positions[-1] != position:
            positions.append(position)


def _joined_by_and(citation: Citation, kept: Citation) -> bool:
    """Whether a dropped name is joined by "and" to the names kept ("Smith and Jones",
    "Rossi e Bianchi"): co-authors for sure, so none of them is a label to drop. An
    "and" among the kept names only ("(Barcode Data Systems, Ratnasingham and Hebert
    2007)") does not join the label to them."""
    item = citation.item or citation.text
    words = kept.authors[0].split() if kept.authors else []
    found = re.search(r"[\s*_]+".join(re.escape(w) for w in words), item) if words else None
    return bool(_AND_JOIN.search(item[: found.start()] if found else item))


def _co_author_dropped(citation: Citation, reading: Citation) -> bool:
    """Whether `reading` leaves out whole names that "and" joins to the ones it keeps
    ("Nicolson and Fosberg" read as "Fosberg"): co-authors, never words of the
    sentence before the names ("Na Argentina, Rojas e Pinto" may lose "Argentina")."""
    return len(reading.authors) < len(citation.authors) and _joined_by_and(citation, reading)


_FIRST_STOP = re.compile(r"[\s(\[]*([^\W\d_][^.,;:()\[\]]*?)\.\s")


def _readings(citation: Citation) -> list[Citation]:
    """The citation as extracted, then shorter readings of where its names start:
    leading words of the first name cut ("Menurut Hadiwinata" -> "Hadiwinata") and
    leading names dropped ("Na Argentina, Rojas, Pinto" -> "Rojas, Pinto"; "(IPL,
    Randlett et al., 2013)" -> "Randlett et al."). For a sure citation `_decide`
    takes a dropped-name reading only when it fits an entry fully and the names were
    not joined by "and": "(Smith and Jones, 2019)" never cites "Jones (2019)". Last,
    the first name up to a full stop: an author and then the work's periodical or
    section, as ABNT cites a newsroom ("REDAÇÃO. Veja, 2021")."""
    readings = [citation]
    authors = citation.authors
    stop = _FIRST_STOP.match(citation.item or citation.text) if authors else None
    if stop and " ".join(stop.group(1).split()) != authors[0]:
        head = " ".join(stop.group(1).split())
        if authors[0].startswith(head + " "):
            readings.append(dataclasses.replace(citation, authors=(head, *authors[1:])))
    original = _ORIGINAL_NAME.search(citation.item) if citation.narrative and authors else None
    if original and len(authors) == 1:
        # "The Ministry of Health [Ministério da Saúde] (2019)": a translation names the
        # body in English and gives the list's own name in brackets
        readings.append(dataclasses.replace(citation, authors=(original.group(1),)))
    plain = tuple(_GENERATION.sub("", a) for a in authors)
    if plain != authors and all(plain):  # "Gomes Jr" for an entry of "Gomes, A."
        readings.append(dataclasses.replace(citation, authors=plain))
    joined = _before_inner_particle(authors[0]) if authors else None
    if joined:  # "Drake del Castillo" for an entry of "Drake E"
        readings.append(dataclasses.replace(citation, authors=(joined, *authors[1:])))
    for k in range(len(authors)):
        if k:
            readings.append(dataclasses.replace(citation, authors=authors[k:]))
        words = authors[k].split()
        for i in range(1, len(words)):
            readings.append(
                dataclasses.replace(citation, authors=(" ".join(words[i:]), *authors[k + 1 :]))
            )
    return readings


# A name in brackets right before a narrative's year: the name in the list's language
# after a translated one (SciELO's English versions of Portuguese and Spanish articles).
_ORIGINAL_NAME = re.compile(r"\[([A-ZÀ-Þ][^\W\d_]*(?:[ -][^\W\d_]+){1,7})\]\s*\(")


# A generation after a surname, which many lists leave out ("Gomes Jr 2009" for "Gomes,
# A. 2009"): the name without it is a further reading.
# In any case: ABNT writes names in capitals ("PRADO JR", "LIMA NETO").
_GENERATION = re.compile(
    r"(?<=\w)\s+(?:Jr\.?|Junior|Júnior|Filho|Neto|Sobrinho|II|III)$", re.IGNORECASE
)


# Particles that join the two parts of a double surname ("Drake del Castillo", "Pérez
# de la Fuente"); either part alone is how many lists and texts write the name.
_JOINING = frozenset({"del", "de", "della", "da", "do", "dos", "das"})


def _before_inner_particle(name: str) -> str | None:
    """The first part of a surname joined to a second by a particle: "de Lange del
    Castillo" -> "de Lange", "Drake del Castillo" -> "Drake"; None for other names.
    At most four words, as a person's name is. An organisation's name of that shape
    ("Ministério da Saúde") gives "Ministério", which is only a further reading: the
    matcher takes it only when an entry's first author is written so."""
    words = name.split()
    if not 3 <= len(words) <= 4:
        return None
    for k in range(1, len(words) - 1):
        if words[k] in _JOINING and words[k - 1][:1].isupper() and words[k + 1][:1].isupper():
            return " ".join(words[:k])
    return None


def _cut(citation: Citation, authors: tuple[str, ...]) -> Citation:
    """The citation with its names starting later ("Menurut Hadiwinata" -> "Hadiwinata"),
    its text and location moved to where the kept names start."""
    words = authors[0].split()
    pattern = r"[\s*_]+".join(re.escape(w) for w in words)
    found = re.search(pattern, citation.text)
    if (
        found is None
        or not citation.narrative
        or citation.text[found.start() - 1 : found.start()] == "["
    ):
        # ... or the names in brackets after a translation of them: the text stays whole
        return dataclasses.replace(citation, authors=authors)
    cut = found.start()
    location = citation.location
    column = None if location.column is None else location.column + cut
    return dataclasses.replace(
        citation,
        authors=authors,
        text=citation.text[cut:],
        item=citation.item[cut:] if citation.item.startswith(citation.text) else citation.item,
        location=dataclasses.replace(location, column=column),
    )


def _pending(citation: Citation) -> bool:
    """Whether `citation` cites a work in preparation, submitted or under review."""
    return citation.year is None and ends_pending(citation.item)


def _yearless(citation: Citation) -> bool:
    """Whether `citation` gives no year at all -- not "n.d.", not a status ("in press"):
    "(Tanaka et al.)" (`manuscript.citations.author_year`)."""
    return (
        citation.year is None
        and not citation.no_date
        and citation.kind is CitationKind.AUTHOR_YEAR
        and _STATUS.search(citation.item or citation.text) is None
    )


_STATUS = re.compile(STATUS)


def _year_fits(citation: Citation, reference: Reference) -> str:
    """ "exact", "family" (2020 cited, entry 2020a), "suffix" (2020a cited, entry 2020)
    or "" (a different year)."""
    if citation.year is None:
        # "n.d.", "s.d.", "in press", "no prelo" on either side: both undated, the same
        if reference.year is not None:
            return ""
        return "exact" if citation.year_suffix == reference.year_suffix else ""
    if reference.year != citation.year:
        return ""
    if citation.year_suffix == reference.year_suffix:
        return "exact"
    if citation.year_suffix is None:
        return "family"
    return "suffix" if reference.year_suffix is None else ""


def _by_suffix_position(citation: Citation, positions: list[int]) -> int | None:
    """The entry a suffixed year names when the list wrote no suffixes (or they were not
    read): APA and Harvard order same-author, same-year entries a, b, c... in the list,
    so "2018b" is the second of them. None when there are not that many."""
    if not positions or not citation.year_suffix:
        return None
    rank = ord(citation.year_suffix) - ord("a")
    return positions[rank] if 0 <= rank < len(positions) else None


def _year_in_raw(citation: Citation, reference: Reference) -> bool:
    """Whether the entry as written holds the cited year although its year was read
    otherwise: then a mismatch would be the list reader's error or another edition's
    date, not the author's. So when

    * no year was read, or one no work was published in ("Erinnyis ello Linnaeus,
      1758", "towards 2030"), or one that stands only inside a range (pages
      "1505-1510");
    * the year read stands inside the entry's title or container ("… production from
      1980 to 2015. Plos one, 2022": the title's year taken for the entry's);
    * the cited year is the original edition's, as the entry says: "[1859]",
      "1985/2003", "(Original work published 1985)", "publicado originalmente em 1985".
    """
    if citation.year is None or reference.year == citation.year:
        return False
    if reference.year is None and re.search(
        rf"(?<![\d–—-]){citation.year}\s*[-–—]\s*(?:\d{{4}}|\d{{2}}|onwards?|present)(?!\d)",
        reference.raw,
        re.IGNORECASE,
    ):
        return True  # "Gann et al. 2015" for a work published "2015–2017", "2016-onward"
    if reference.year is not None and _within_span(reference.raw, reference.year, citation.year):
        return True  # "Negrobov 1974" for a work published "(1971–77)", in parts
    if reference.year is not None and _among_years(reference.raw, reference.year, citation.year):
        return True  # "Smithe (1981)" for a work dated "(1975, 1981)": one work, two parts
    if reference.year is not None and _paired_date(reference.raw, reference.year, citation.year):
        return True  # "Fairlie 1897" for a work dated "(1897 (1896))": printed, and nominal
    cited = _standalone_year(reference.raw, citation.year)
    if cited < 0:
        return False
    if reference.year is None or not _FIRST_PRINTED <= reference.year <= _LATEST:
        return True
    read = _standalone_year(reference.raw, reference.year)
    # The year read is written as a year: the entry is of that year -- unless the
    # citation gives it as the original edition's beside its own ("2019 [1928]" for
    # "O método formal [1928]. ... 2019.", as ABNT cites translations: read as the
    # entry's year, each such citation was a wrong year)
    if (
        read < 0
        or _original_edition(reference.raw, citation.year)
        or f"[{reference.year}" in (citation.item or citation.text)
    ):
        return True
    return any(
        _standalone_year(part, reference.year) >= 0 and _standalone_year(part, citation.year) < 0
        for part in (reference.title or "", reference.container or "")
    )


_ORIGINAL_WORDS = (
    r"(?:original(?:ly)?|orig\.|first|primeir[ao]|primer[ao]?|premi[eè]re?|erstmals|"
    r"ersch(?:ienen)?|publicad[oa]|publi[ée]e?|published|publication|ed\.|edi[cç][aãi][oó]?n?|"
    r"edition|ausgabe|reprint(?:ed)?|reimpr\w*|trad\w*|transl\w*)"
)


def _original_edition(raw: str, year: int) -> bool:
    """Whether `raw` gives `year` as the date of another edition of the work: bracketed
    ("[1859]"), paired with a slash ("1985/2003", "2003/1985") or after words that say
    so ("Original work published 1985", "1. ed. 1985", "publicado em 1985")."""
    y = str(year)
    return bool(
        re.search(rf"\[\s*{y}\s*\]|(?<!\d){y}\s*/\s*(?:1[5-9]|20)\d\d(?!\d)", raw)
        or re.search(rf"(?<!\d)(?:1[5-9]|20)\d\d\s*/\s*{y}(?!\d)", raw)
        or re.search(rf"{_ORIGINAL_WORDS}[^.;()\[\]]{{0,30}}(?<!\d){y}(?!\d)", raw, re.IGNORECASE)
    )


_SPAN_END = re.compile(r"\s*[-–—]\s*(\d{4}|\d{2})(?!\d)")


def _within_span(raw: str, first: int, cited: int) -> bool:
    """Whether `raw` dates the work by a span of years that opens with `first` (the
    year read) and holds `cited`: a work published in parts ("(1971–77)") is cited by
    the year of the part used."""
    if not first < cited <= first + 100:
        return False
    # the first time the year is written is the entry's date; a span later on is a
    # title's period ("(1971) Flies of the years 1971–1990")
    found = re.search(rf"(?<![\d–—-]){first}(?!\d)", raw)
    end = _SPAN_END.match(raw, found.end()) if found else None
    if end is None:
        return False
    last = int(end.group(1))
    if last < 100:  # "1971–77": the century of the first year
        last += first - first % 100 + (100 if last < first % 100 else 0)
    return cited <= last


def _paired_date(raw: str, read: int, cited: int) -> bool:
    """Whether `raw` dates the work by two years, one bracketed right after the other:
    "(1897 (1896))", "2001 (2000)", "(2003 [‘2002’])" -- zoology and botany give the
    year a work appeared and the year printed on it, and cite either. The reader takes
    one; a citation of the other is the same work, not a wrong year."""
    for first, second in ((read, cited), (cited, read)):
        if re.search(rf"(?<!\d){first}\s?[(\[][‘'\"]?{second}[’'\"]?[)\]]", raw):
            return True
    return False


_MORE_YEARS = re.compile(r"(?:[a-z]?\s{0,3}[,;/&]\s{0,3}(?:1[5-9]|20)\d\d(?!\d))+")


def _among_years(raw: str, first: int, cited: int) -> bool:
    """Whether `raw` dates the work by several years listed after `first`, the year read
    ("Smithe F (1975, 1981) Naturalists' color guide"), `cited` among them."""
    found = re.search(rf"(?<![\d–—-]){first}(?!\d)", raw)
    more = _MORE_YEARS.match(raw, found.end()) if found else None
    return more is not None and re.search(rf"(?<!\d){cited}(?!\d)", more.group()) is not None


def _standalone_year(raw: str, year: int) -> int:
    """Where `year` is written as a year in `raw`, not inside a range ("1700–2012",
    "pp. 1505-10"); -1 when it is not."""
    found = re.search(rf"(?<![\d–—-]){year}(?![\d–—-])", raw)
    return found.start() if found else -1


def _more_than_the_name(citation: Citation, reference: Reference) -> bool:
    """Whether something besides a short first name ties the citation to the entry:
    "et al." for an entry of three or more authors, or a second name that is the
    entry's second author ("Costal et al., 2014" for Costa, Lima and Reis 2014;
    "(Marsch, 2011)" alone is not tied to Marsh 2011: Marsch is a name too)."""
    authors = _authors(reference)
    if citation.et_al:
        return len(authors) >= 3
    return (
        len(citation.authors) >= 2
        and len(authors) >= 2
        and names_match(citation.authors[1], authors[1].family)
    )


# ", C., 2017" after an ABNT name: the first author's initial (and any more)
_CITED_INITIAL = re.compile(r"\s*,\s*([A-ZÀ-Þ])\.(?:\s*[A-ZÀ-Þ]\.)*\s*[,;]")


def _slash_parts(name: str) -> list[str]:
    """The names a slash joins ("BAKHTIN/VOLOCHÍNOV" -> both); [] for a name without
    one, or with an empty part ("and/or")."""
    if "/" not in name:
        return []
    parts = [p.strip() for p in name.split("/")]
    if len(parts) > 4 or not all(len(normalise_name(p)) >= 2 for p in parts):
        return []
    return parts


def _same_person(cited: str, family: str) -> bool:
    """Whether a cited name is the family name as written or in another
    transliteration ("Voloshinov" ~ "Volóchinov")."""
    if names_match(cited, family):
        return True
    return transliterated(cited, family)


def _one_typo(cited: str, listed: str) -> bool:
    """Whether two spellings of a name differ by a typo: one edit in names of 5-7
    letters, two in longer ones. The caller pairs only names of 5 letters or more
    with the same first letter (a different initial is a different name more often
    than a slip), and five-letter ones only when more than the name ties them."""
    allowed = 1 if min(len(cited), len(listed)) < 8 else 2
    return Levenshtein.distance(cited, listed, score_cutoff=allowed) <= allowed


def _a_year_away(cited: int, listed: int | None) -> bool:
    return listed is not None and abs(listed - cited) == 1


def _a_slip_away(cited: int, listed: int | None) -> bool:
    """Whether two years differ as a typing slip does: one digit changed ("1962" for
    1862) or two neighbouring digits swapped ("1978" for 1987)."""
    if listed is None:
        return False
    a, b = str(cited), str(listed)
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _truncated(citation: Citation) -> bool:
    """ "(ÍNDIO..., 2014)": the cited name is the start of a longer one."""
    if not citation.authors:
        return False
    # str.find, not a regex per name: a pattern per distinct cited name overflowed re's
    # cache and compiled at every citation of a long title-first list
    name, text = citation.authors[0], citation.text
    at = text.find(name)
    while at >= 0:
        if text[at + len(name) :].lstrip().startswith(("...", "…")):
            return True
        at = text.find(name, at + 1)
    return False


def _best(scored: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    pairs = [(s, i) for s, i in scored if s > 0]
    if not pairs:
        return ()
    top = max(s for s, _ in pairs)
    return tuple(i for s, i in pairs if s == top)
