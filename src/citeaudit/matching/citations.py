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
  fitting, "Censo INE 2011" beside INE 2011a and 2011b, give no such evidence) --
  unless "et al." or a second name marks it ("Tahir et al. 2016" beside Tahir et al.
  2016a and 2016b is a citation, ambiguous). An
  unconfirmed CANDIDATE is kept, still marked CANDIDATE, for the
  possible-missing-reference rule; an unconfirmed WEAK one is dropped -- unless it is
  narrative and `pair_missing_with_uncited` links it to the one otherwise uncited
  entry its name is a slip off ("..., Audey (1952), Medway (1958)" for Audy 1952).
* **A misspelt name** ("McBreaty and Brooks, 2000" for McBrearty & Brooks 2000;
  "Vološinov" for "Volóchinov") cites the one entry of that year whose first author
  is spelt within one edit (names of 6-7 letters) or two (8 or more), two letters
  swapped counting as one ("Jonhson"), when no entry has the name as written: an
  editor links it, and calling the entry uncited and the citation missing would be
  two false alarms for one typo. So too a name in another spelling habit ("Souza"
  for Sousa, "Mello" for Melo, "MacKay" for McKay), one with a particle the entry
  leaves out ("de Oliviera" for Oliveira), and the second half of a double surname
  ("Márquez" for García Márquez, "Silva" for Pereira da Silva). The year (and its
  letter) must fit, and one entry only be near: citation-name-mismatch reports it.
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
from collections.abc import Sequence

from citeaudit.manuscript.citations.bare_keys import BARE_KEY
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.manuscript.docx_citation_markers import FIELD_ITEM
from citeaudit.matching.author_index import AuthorIndex
from citeaudit.matching.keys import KeyIndex, ref_keys
from citeaudit.matching.names import normalise_name
from citeaudit.matching.numbers import (
    match_number,
    number_index,
    numbered_list,
    numbered_list_cited_by_number,
    numbers_outnumber_sure_works,
    numeric_markers,
)
from citeaudit.matching.pairs import pair_missing_with_uncited
from citeaudit.matching.years import pending, year_in_raw
from citeaudit.model.citation import Certainty, Citation, CitationKind, CitationMatch
from citeaudit.model.reference import Reference

__all__ = ["match_citations"]


def match_citations(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> tuple[tuple[Citation, ...], tuple[CitationMatch, ...]]:
    """The citations kept, and one CitationMatch per kept citation, in the same order."""
    authors: AuthorIndex | None = None  # built at the first author-year citation
    if numbers_outnumber_sure_works(citations, references):
        authors = AuthorIndex(references)
        numeric_ok = _numbers_outnumber_matched_works(citations, authors)
    else:
        numeric_ok = numbered_list(references)
    if not references:
        # No list at all: "[7]" is a note's marker as often as a citation (a notes-style
        # text pasted with its notes at the end), and "cites entry 7, but the list has 0
        # entries" a hundred times says nothing the missing list does not
        numeric_ok = False
    has_keys = any(ref_keys(r) for r in references)
    keys = KeyIndex(references)
    numbers = number_index(references)
    cites_by_number = numeric_ok and numbered_list_cited_by_number(citations, references)
    field_targets = {(r.id, r.location.file): r for r in references if r.location and not r.key}
    kept: list[Citation] = []
    matches: list[CitationMatch] = []
    provisional: set[str] = set()  # weak narratives kept for pairing only
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
                and not (ref is not None and year_in_raw(citation, ref))
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
            match = match_number(citation, numbers)
        elif citation.kind is CitationKind.KEY:
            if citation.narrative and citation.command == "pandoc" and not has_keys:
                continue
            match = keys.match(citation)
            if citation.command == BARE_KEY and not match.targets:
                if authors is None:
                    authors = AuthorIndex(references)
                match = _bare_key_by_name(citation, authors)
            if keys.is_family(citation):
                # one citation per entry: code cites each, none is "ambiguous"
                for n, target in enumerate(match.targets, start=1):
                    kept.append(dataclasses.replace(citation, id=f"{citation.id}.{n}"))
                    matches.append(CitationMatch(kept[-1].id, targets=(target,)))
                continue
        elif citation.command == TITLE:
            if authors is None:
                authors = AuthorIndex(references)
            match = authors.match_title(citation)
            if not match.targets:
                continue  # an emphasised phrase that is no title of an entry
        else:
            if authors is None:
                authors = AuthorIndex(references)  # a keyed (BibTeX) audit never needs it
            found = authors.match(citation)
            if found is None:
                if _slip_candidate(citation):
                    # "..., Audey (1952), Medway (1958)" beside an uncited Audy (1952):
                    # kept only if `pair_missing_with_uncited` links it, else dropped
                    provisional.add(citation.id)
                    kept.append(dataclasses.replace(citation, certainty=Certainty.CANDIDATE))
                    matches.append(CitationMatch(citation.id))
                continue
            guessed = citation.certainty is Certainty.WEAK and not citation.narrative
            citation, match = found
            if guessed and len(match.targets) > 1 and not _marked(citation):
                # "los datos del Censo INE 2011" beside entries INE 2011a and 2011b: a
                # name and year in running text, kept only on an entry's word, which
                # several entries cannot give -- no citation, and no ambiguity. But
                # "Tahir et al. 2016" or "Moreau & Petit 2018" is marked as a citation
                # by its own form: kept, ambiguous (dropped, every entry it fits was
                # called uncited: fresh5 bench)
                continue
            if match.year_mismatch and not match.targets and pending(citation):
                # "(Robinson et al., in prep.)" beside "Robinson et al. (2008)": the
                # dated entry is an earlier work, not this one with a wrong year
                match = CitationMatch(match.citation_id)
            if cites_by_number and not match.targets:
                if match.year_mismatch or citation.certainty is not Certainty.SURE:
                    continue  # "the Hartley (1950) criteria": a name, not a wrong year
                citation = dataclasses.replace(citation, certainty=Certainty.CANDIDATE)
        kept.append(citation)
        matches.append(match)
    if cites_by_number and provisional:
        kept, matches = _without(kept, matches, provisional)
        provisional = set()
    settled = _other_works_are_not_mismatches(kept, matches, authors)
    if cites_by_number:
        return tuple(kept), settled  # names in a numbered text are mentions, not its citations
    paired_c, paired_m = pair_missing_with_uncited(kept, settled, references)
    if not provisional:
        return paired_c, paired_m
    unpaired = {m.citation_id for m in paired_m if m.citation_id in provisional and not m.targets}
    out_c, out_m = _without(list(paired_c), list(paired_m), unpaired)
    return tuple(out_c), tuple(out_m)


def _slip_candidate(citation: Citation) -> bool:
    """Whether a citation the matcher dropped may still name an otherwise uncited entry
    with a slip of its name: a weak narrative name and year ("Audey (1952)"), read
    weak because a capitalised word before a bracketed year may be no citation. Only
    `pair_missing_with_uncited` may keep it: linked there, or dropped as before."""
    return (
        citation.kind is CitationKind.AUTHOR_YEAR
        and citation.certainty is Certainty.WEAK
        and citation.narrative
        and citation.command is None
        and bool(citation.authors)
        and citation.year is not None
    )


def _without(
    kept: list[Citation], matches: list[CitationMatch], dropped: set[str]
) -> tuple[list[Citation], list[CitationMatch]]:
    """The citations and their matches without those whose ids are in `dropped`."""
    if not dropped:
        return kept, matches
    pairs = [(c, m) for c, m in zip(kept, matches, strict=True) if c.id not in dropped]
    return [c for c, _ in pairs], [m for _, m in pairs]


def _marked(citation: Citation) -> bool:
    """Whether a name and year read in running text carry a citation's own mark: "et
    al." or a second author (a phrase's capitalised word and a year has neither). A
    name with no year ("(Tamura et al.)", an authority) is a citation only when one
    entry fits it: several give no year to tell them by, nor evidence of a citation."""
    return citation.year is not None and (citation.et_al or len(citation.authors) > 1)


def _bare_key_by_name(citation: Citation, authors: AuthorIndex) -> CitationMatch:
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


def _other_works_are_not_mismatches(
    kept: Sequence[Citation], matches: list[CitationMatch], authors: AuthorIndex | None
) -> tuple[CitationMatch, ...]:
    """A year-mismatch candidate that another citation cites exactly is a different work.

    "(Grine et al., 1993, 1996)" with only the 1996 entry listed: 1996 is cited as
    itself, so the 1993 citation names a work missing from the list, not a wrong year.
    So too when the exact citation stands elsewhere in the text: taking "(Goetz et al.,
    2011)" for a slip of the one Goetz entry of 2008, cited "(Goetz et al., 2008)"
    too, turned works dropped from the list into year mismatches (dev bench: missing
    recall 0.855 -> 0.811, year-mismatch false alarms 21 -> 100), though a real slip
    ("FLATSCHART, 2015" beside "Flatschart (2011)") reads so as well.

    Of the candidates left, `AuthorIndex.nearest` names the one the year is a slip
    for, or none.

    And a work cited elsewhere by the same first author and year that fits no entry
    at all ("(Niemelä and Spence 1991)", the list holding Niemelä 1994, 1997, 1999)
    is missing: "(Niemelä et al. 1991)" is that work again, not a slip for the 1997
    entry -- one work, one finding.

    But a citation naming every author of the one entry in question, two or more and
    no "et al.", a year or a typing slip away from it and not beside it in its own
    group, is that entry with a slip of the year ("(He and Zhang 2013)" beside "(He
    and Zhang 2012)" cited four times, the list holding their 2012 work only): the
    names leave no other work to mean, as "et al." does.

    Citations of one work share one tuple of targets (remembered per distinct
    citation): each distinct tuple is walked once, not once per citation (4,000
    citations of one name against 4,000 entries of it were 16 million steps).
    """
    distinct: dict[int, tuple[str, ...]] = {}
    for match in matches:
        if match.targets:
            distinct.setdefault(id(match.targets), match.targets)
    exact = {t for targets in distinct.values() for t in targets}
    # each group's distinct tuples of targets, by identity: a tuple shared by the
    # citations of many groups (10,000 lines citing a key 10,000 entries repeat) was
    # copied into each group's set, 10^8 steps (freeze22); now each tuple is made a set
    # once, when a group is first asked about it
    grouped: dict[tuple[str, int | None, str], dict[int, None]] = {}
    for citation, match in zip(kept, matches, strict=True):
        if match.targets:
            grouped.setdefault(_group(citation), {})[id(match.targets)] = None
    as_sets: dict[int, frozenset[str]] = {}

    def in_group(citation: Citation, target: str) -> bool:
        for shared in grouped.get(_group(citation), ()):
            if shared not in as_sets:
                as_sets[shared] = frozenset(distinct[shared])
            if target in as_sets[shared]:
                return True
        return False

    # the candidates left for one shared tuple and one cited year and letter (all that
    # `nearest` reads): n copies of "(Smith, 1999)" beside n Smith entries of other
    # years narrowed the n candidates n times (8,000 of each: 14 s)
    narrowed: dict[tuple[int, int | None, str | None], tuple[str, ...]] = {}
    out: list[CitationMatch] = []
    for citation, match in zip(kept, matches, strict=True):
        if match.year_mismatch and not match.targets:
            key = (id(match.year_mismatch), citation.year, citation.year_suffix)
            others = narrowed.get(key)
            if others is None:
                others = tuple(t for t in match.year_mismatch if t not in exact)
                if len(others) > 1 and authors is not None:
                    others = authors.nearest(citation, others)
                narrowed[key] = others
            if (
                not others
                and len(match.year_mismatch) == 1
                and authors is not None
                and not in_group(citation, match.year_mismatch[0])
                and authors.names_all_a_slip_away(citation, match.year_mismatch[0])
            ):
                others = match.year_mismatch
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


def _group(citation: Citation) -> tuple[str, int | None, str]:
    """Where a citation's group stands, and its text: citations of one group share it."""
    return citation.location.file, citation.location.line, citation.text


def _dated_work(citation: Citation) -> tuple[str, int, str] | None:
    """An author-year citation's first author (folded), year and letter."""
    if citation.kind is not CitationKind.AUTHOR_YEAR or not citation.authors:
        return None
    if citation.year is None or citation.command is not None:
        return None
    return normalise_name(citation.authors[0]), citation.year, citation.year_suffix or ""


def _numbers_outnumber_matched_works(citations: Sequence[Citation], authors: AuthorIndex) -> bool:
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
    return numeric_markers(citations) > others
