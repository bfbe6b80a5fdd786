"""Author-year citations: ``(Smith, 2019; Lee & Park, 2020a, p. 4)`` and ``Smith (2019)``.

Three shapes are read, each with the certainty (`Certainty`) the shape deserves:

* **Groups** -- a parenthesis or square brackets holding names before years,
  ``(Moreira 2009, Park et al. 2018)``, ``[Marsh et al., 2008]``,
  ``(GÓMEZ; FERREIRA, 2018)``. Each year (or run of years, ``1987, 1991``,
  ``2019a, b``) takes the names written just before it; cue words (``e.g.``,
  ``reviewed in``, ``apud``), labels (``Dryad:``, ``BIC;``) and locators
  (``p. 12``) between works are dropped (see `item_parser.py`). Names that need a
  guess (a lower-case lead dropped, a month-like name) make the work *weak*.
* **Narrative** -- names before a year in a group: ``Smith (2019)``,
  ``Ramos and colleagues (2015)``, ``Vidal y Soto (2020, 60–62)``. A capitalised word
  before a year in parentheses is as often a country or a list item ("Georgia
  (1993)"), so without "et al." these are CANDIDATE (citing context: ``See also``,
  a reporting verb after) or WEAK, and `citeaudit.matching.citations` keeps them when
  an entry confirms the name.
* **Bare** -- names before a year in running text, ``as shown by Hart and Lomé,
  2019, the``: always WEAK.

Every look back or ahead is bounded (`_WINDOW` characters), so extraction is linear
in the size of the text even when a whole manuscript is one line.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar, cast

from citeaudit.manuscript.citations.dates import MONTHS, date_after_year, date_before_year
from citeaudit.manuscript.citations.defined_acronyms import with_defined_acronyms
from citeaudit.manuscript.citations.entry_titles import EntryTitles
from citeaudit.manuscript.citations.first_letter import by_first_letter
from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.item_parser import (
    ParsedWork,
    parse_group,
    reads_through,
    unglued_cue,
)
from citeaudit.manuscript.citations.line_hyphens import close_line_hyphens
from citeaudit.manuscript.citations.marker import Counted, Horizon, Marker
from citeaudit.manuscript.citations.markup import CodeSpans, blank_markup, code_index
from citeaudit.manuscript.citations.mla_pages import ListedHeads, mla_paged
from citeaudit.manuscript.citations.mla_titles import ListedTitles, mla_plain
from citeaudit.manuscript.citations.names import (
    AND_WORDS,
    PARTICLES,
    is_common_word,
    parse_names,
    vietnamese_surname,
    word_set,
)
from citeaudit.manuscript.citations.narrative import (
    NamesBefore,
    citing_context,
    may_end_names,
    names_ending_at,
)
from citeaudit.manuscript.citations.numeric import numbered_list_in
from citeaudit.manuscript.citations.own_lines import OwnLines
from citeaudit.manuscript.citations.specimens import (
    CollectorNumbers,
    catalogue_code,
    code_beside_catalogue_number,
    collector_numbers_near,
    specimen_context,
)
from citeaudit.manuscript.citations.statements import statement_spans
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.manuscript.citations.years import HIJRI_MARK, YEAR, YearLabel, parse_years
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.location import Location
from citeaudit.model.publication_status import NO_DATE, STATUS

# Brackets holding a parenthesis are left to the parenthesis: "[no. X (Agency 2008)]".
_GROUP = re.compile(r"\(([^()]{1,400})\)|\[([^\[\]()]{1,400})\]")
# The same groups with more characters than `_GROUP` allows, for a group whose letters
# are within its bound once the blanks are counted as one space: a converter's group
# links each of its works ("([Bertola *et al.*, 2007](#B8); [Gripp *et al.*, 2007](#B26);
# ...)"), and the links' brackets and addresses and the emphasis, blanked in place
# (`blank_markup`), made a group of twenty works too long to be read at all (class LG).
_LONG_GROUP = re.compile(r"\(([^()]{401,1600})\)|\[([^\[\]()]{401,1600})\]")
_GROUP_CHARS = 400
_WINDOW = 240
# A cheap test that a group may hold a year label at all (most parentheses do not).
_YEARISH_SOURCES = (
    (r"1[5-9]\d\d|20\d\d|[nts]\.\s?[dtfa]\.|s/[df]|o\.\s?J\.|\[(?:1[5-9]|20)[\d-]-\??\]", False),
    (r"nd\b", False),  # a bare "nd" (no date): "(Green, nd)" (years.YEAR)
    (STATUS, False),  # "under review", "no prelo" (model.publication_status)
    (NO_DATE, False),  # "no date", "sin fecha"
    (rf"1[34]\d\d\s?{HIJRI_MARK}", False),  # "1441 AH", "1398 SH" (`years.YEAR`)
)
# Its branches grouped by first letter (`first_letter`): ``a|b|...`` over a hundred-odd
# words tried them all at every character, a microsecond each, and a hostile group of
# 40,000 characters timed like a super-linear search; the same matches, 6x faster.
_YEARISH = re.compile(by_first_letter(list(_YEARISH_SOURCES)))
# `_YEARISH` tries its hundred-odd words at every character of a group (72 us for
# "(Chen, 2018)"): its digit years are looked for first, and its other forms only where
# they can stand -- each of those holds a letter, or is "[19--]".
_YEAR_DIGITS = re.compile(r"1[5-9]\d\d|20\d\d")
_MAY_HOLD_WORD = re.compile(r"[^\W\d_]|\[(?:1[5-9]|20)")


def _yearish(clean: str, start: int, end: int) -> bool:
    """`_YEARISH.search` on ``clean[start:end]`` found something: the same answer, cheaper
    (most groups of a long manuscript hold a year, or no letter at all: "[12]")."""
    if _YEAR_DIGITS.search(clean, start, end):
        return True
    return _MAY_HOLD_WORD.search(clean, start, end) is not None and (
        _YEARISH.search(clean, start, end) is not None
    )


_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+•])\s+")
_NARRATIVE_TAIL = re.compile(r"^\s*(?:[,:;]\s*[^()\[\]]*)?$")
# the venue a work appeared in, named after its year with no comma: "Ramírez (2001 en
# Revista Ejemplo)", "Costa (2010 em Anais do Congresso)", "Hale (2005 in Example
# Quarterly)" -- a capitalised name and no digit (a year after it is another work's:
# "(1985 in Lemos, 2008)" is read through that one)
_VENUE_TAIL = re.compile(r"^[ \t]++(?:en|em|in|dans|im|na|no)[ \t]++[A-ZÀ-Þ][^()\[\]\d]*+$")
_SPAN = re.compile(r"\d\s?[-–]\s?\d|onward|\+")
# A page after a narrative's year, "Bezerra (2016, p. 163)", "(2016, pp. 4-5)", "(1990:
# 45)" as Spanish and Latin American social sciences write it: writers
# give a page of a cited work only, never of a place's or a law's year, so the names
# are cited whatever words surround them (ABNT quotes so, "como sintetiza Bezerra").
_PLACE_WORDS = word_set("em na no nas nos in en at")
_PAGE_LOCATOR = re.compile(r",\s*(?:pp?|págs?|pag|S)\.\s?\d|^\s*\d{4}[a-z]?\s?:\s?\d", re.I)
_BARE_YEAR = re.compile(r"(?<![\w./\-–—])(?:1[5-9]\d\d|20[0-3]\d)(?:[a-z](?![\w]))?(?![\w/\-–—])")
_BARE_FOLLOW = re.compile(r"(?:\s*,\s*(?:1[5-9]\d\d|20[0-3]\d)[a-z]?(?![\w/]))*(?=[\s,.;:)\]]|$)")
# After a narrative's year: the work is cited through the next one.
_CITED_THROUGH = re.compile(
    r"[\s,]*(?:(?:conforme|como|as|segun|según)\s+)?"
    r"(?:citad[oa]s?\s+(?:por|em|en)|(?:cited|quoted)\s+(?:in|by)|apud|aput)\b",
    re.IGNORECASE,
)
# A pandoc citation right after a narrative's year: the narrative is its rendering.
_KEY_AFTER = re.compile(r"[ \t]*\[-?@")
# "Aus bus (Smith, 1949)": a taxonomic authority after a Latin binomial, not a citation.
# An abbreviated genus ("C. calcarifer") takes any epithet; a full one an epithet with
# a Latin ending ("Conus mappa"). Endings English shares with Latin (-er, -or, -ns, -ar,
# -io, -ex: "Bruchus pauper", "Aus discolor", "Aus lutescens") are an epithet only when
# the genus stands inside a sentence, not at its head or after an article: "Rivers
# matter (Moreau, 2019)" is a citation whose missing entry must be reported.
_BINOMIAL = re.compile(
    r"\b(?:[A-Z]\.\s+(?:\([A-Z][a-z]+\)\s+)?(?P<short>[a-z]{3,})|"
    r"[A-Z][a-z]+\s+(?:\([A-Z][a-z]+\)\s+)?"
    r"(?P<long>[a-z]+(?:us|um|a|ae|is|i|ii|ei|es|ensis|ense|oides|ata|ica|ana|osa|alis|orum|arum|"
    r"ax|ix|iens))|"
    r"(?P<genus>[A-Z][a-z]+)\s+(?:\([A-Z][a-z]+\)\s+)?(?P<shared>[a-z]+(?:er|or|ns|ar|io|ex))|"
    r"(?:[A-Z][a-z]+|[A-Z]\.)\s+(?:spp?\.|var\.\s+[a-z]+|subsp\.\s+[a-z]+)|"
    # an infraspecific name after its species: "Aus bus var. cus (León 1597)"
    r"[a-z]{3,}\s+(?:var|subsp|ssp|f)\.\s+[a-z]{3,})\s*$"
)
# What stands before a genus that heads a sentence or follows an article: then a
# shared ending is English ("Rivers matter", "The Nile river").
_SENTENCE_HEAD = re.compile(
    r"(?:^|(?<!\bcf)(?<!e\.g)(?<!i\.e)(?<!\b[A-Z])[.!?]|"
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Oo]ur|[Tt]heir|[Ii]ts))$"
)
# Articles, determiners and prepositions, capitalised at a sentence's head: never a
# genus. "Le prix (Dupont, 2004)", "La tasa (Romero, 2015)", "Uma pesquisa (Souza,
# 2018)" name a thing and cite its work -- not a species and its authority.
_NOT_GENERA = word_set(
    """
    le la les un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes
    el los las lo unos unas del al este esta estos estas ese esa esos esas su sus
    il gli uno della dei delle nel nella nei questo questa quella
    os as um uma uns umas do da dos das no na nos nas esse essa esses essas seu sua seus
    suas der die das den dem ein eine einer einen einem het een
    the an this that these those our their its his her my your one some any each every
    all en et ou und oder of in on at for with by from par pour sur dans avec sans por
    para con sin per tra fra com sem em
    """
)
# Words of running text with those endings, never an epithet ("The other (Lee 2019)").
_NOT_EPITHETS = word_set(
    """
    other under after over never ever either neither rather whether however together
    further paper water number order author factor color colour prior matrix index
    complex means plans concerns returns patterns per for nor or mayor mejor menor peor mulher
    lugar ser ter fazer hacer poder tener haber ver dar por leer hier oder aber
    """
)


# a horizon never passed: every marker made
_NEVER = Horizon()


class AuthorYearExtractor(CitationExtractor):
    syntax: ClassVar[str] = "author-year"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers in text order, each with its citations (`markers_before`)."""
        # no marker is past a horizon that never falls: none is only counted
        return cast(Iterator[Marker], self.markers_before(document, Horizon()))

    def markers_before(self, document: Document, horizon: Horizon) -> Iterator[Marker | Counted]:
        """The markers in text order, yielded as found: never all held at once.

        A page of ``(Smith, 2020) `` is hundreds of thousands of markers, and the
        audit keeps only the first `max_citations` of them (`extract_at_most`). The
        brackets' and the bare years' markers are each found in order and merged; the
        brackets' characters are marked first (one cheap pass), since a bare year
        inside one is no citation.

        A group or a narrative citation found past the `horizon` is only counted
        (`Counted`): what makes it a marker, its span and its number of citations are
        read as always, its citations (their certainty, their location) are not made.
        """
        text = document.text
        clean = close_line_hyphens(_inner_acronyms_bracketed(blank_markup(text)))
        code = code_index(text)  # compact: a page may be all code spans
        # the groups' characters, a byte each: a list of their spans grew by 130 bytes a
        # group (208 MB for an 8 MB page of "[@a] ", every bracket a group)
        groups = bytearray(len(clean) + 1)
        for m in _groups(clean):
            groups[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        found = heapq.merge(
            _grouped(
                document,
                clean,
                code,
                EntryTitles(document),
                OwnLines(document),
                CollectorNumbers(clean),
                horizon,
            ),
            _bare(document, clean, code, groups),
            key=lambda marker: marker.start,
        )
        markers = _weak_in_statements(with_defined_acronyms(found), statement_spans(document))
        if "[^" in text:
            markers = _weak_when_noted(markers, text)
        markers = _weak_editions(markers, text, clean, groups)
        if numbered_list_in(document):
            return _before_numbers(markers, text)
        return markers


# An acronym in parentheses after a body's name, before the year, inside the citation's
# own parenthesis: "(Agency for Example Soils and Waters (AESW), 2002)". Two capitals at
# least ("MoF", "AESW"); a year or "n.d." after it.
_INNER_ACRONYM = re.compile(
    r"\(([A-ZÀ-Þ][A-ZÀ-Þa-z&.\-]{0,14})\)(?=[ \t]*+(?:[,;][ \t]*+)?(?:1[5-9]\d\d|20\d\d|"
    r"[nsNS]\.[ \t]?[dfDF]\.|o\.[ \t]?J\.))"
)
_INNER_REACH = 300


def _inner_acronyms_bracketed(clean: str) -> str:
    """The text with an acronym's parentheses inside a citation's made brackets, one
    character for one: "(Agency for Example Soils and Waters [AESW], 2002)", the form
    the group reader knows (`item_parser`, `defined_acronyms`). A parenthesis cannot
    hold another (`_GROUP`), so the citation was never read and the body's entry was
    "never cited". Only where a parenthesis opened before it on the line is still open
    (a bounded look back): "Agency (AESW) 2002 report" in running text is left alone."""
    if "(" not in clean:
        return clean
    spans: list[tuple[int, int]] = []
    for m in _INNER_ACRONYM.finditer(clean):
        acronym = m.group(1)
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        floor = max(0, m.start() - _INNER_REACH, clean.rfind("\n", 0, m.start()) + 1)
        opened = clean.rfind("(", floor, m.start())
        if opened < 0 or clean.rfind(")", opened, m.start()) >= 0:
            continue
        spans.append(m.span())
    if not spans:
        return clean
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(clean[last:start])
        parts.append("[" + clean[start + 1 : end - 1] + "]")
        last = end
    parts.append(clean[last:])
    return "".join(parts)


def _groups(clean: str) -> Iterator[re.Match[str]]:
    """The bracketed groups of `clean` in order: `_GROUP`'s, and a longer one
    (`_LONG_GROUP`) with no more than `_GROUP_CHARS` characters other than blanks;
    a group inside such a one ("[...]" in its parenthesis) is left for it. One pass of
    each pattern (neither group holds a parenthesis: linear)."""
    long_groups = (
        (m for m in _LONG_GROUP.finditer(clean) if len("".join(m.group().split())) <= _GROUP_CHARS)
        if "  " in clean
        else iter(())
    )
    upcoming = next(long_groups, None)
    for m in _GROUP.finditer(clean):
        while upcoming is not None and upcoming.end() <= m.start():
            yield upcoming
            upcoming = next(long_groups, None)
        if upcoming is not None and upcoming.start() <= m.start() < upcoming.end():
            continue  # inside the longer group, which is yielded before the next
        yield m
    while upcoming is not None:
        yield upcoming
        upcoming = next(long_groups, None)


def _grouped(
    document: Document,
    clean: str,
    code: CodeSpans,
    titles: EntryTitles,
    own: OwnLines,
    collectors: CollectorNumbers,
    horizon: Horizon,
) -> Iterator[Marker | Counted]:
    """The markers of bracketed groups, in order: "(Smith, 2019)", "Smith (2019)"...
    `titles`: the list's entries with no author, cited by their title (`entry_titles`);
    `own`: the manuscript's own dated lines, which a parenthesis may point to;
    `collectors`: the page's collectors' numbers, read once for the groups in order;
    `horizon`: past it a group's and a narrative's markers are only counted -- not a
    group that opens with a narrative's years, whose marker starts at names before it
    (`_with_leading_narrative`), rare enough to be made whole."""
    listed = ListedTitles(document)
    heads = ListedHeads(document)
    for m in _groups(clean):
        start, end = m.span()
        if code and code.covers(start):
            continue
        if not _yearish(clean, start, end):
            yearless = _yearless(document, m)
            if yearless is None and m.group(1) is not None:
                # "(Roe, Lean Depots 4-5)": MLA's unquoted short title (`mla_titles`)
                yearless = mla_plain(document, m, m.group(1), listed)
            if yearless is None and m.group(1) is not None:
                # "(Hartley 45)": MLA's author and page (`mla_pages`)
                yearless = mla_paged(document, m, m.group(1), heads)
            if yearless is not None:
                yield yearless
            continue
        if m.group(1) is not None and own.names_a_line(m.group(1)):
            continue  # "Discussion (External Validation on EXS 2022)": its own section
        if _AS_OF.fullmatch(m.group(1) if m.group(1) is not None else m.group(2)):
            continue  # "(Stand März 2024)", "(as of May 2023)": a date stamp (class SD)
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        counting = horizon if _leading_years(inner) is None else _NEVER
        marker = _group(document, clean, m, titles, collectors, counting)
        if marker is None:
            marker = _narrative(document, clean, m, horizon=counting)
            if marker is None:
                marker = _month_named(document, m)
            if marker is None and m.group(1) is not None:
                # "(Roe, “Votes and Ballots” 12)": "and" looked like "nd" (no date)
                titled = _MLA_TITLED.fullmatch(m.group(1))
                if titled is not None:
                    marker = _titled_yearless(document, m, titled)
                else:  # "(Roe, Stock and Depots 12)": so for an unquoted title
                    marker = mla_plain(document, m, m.group(1), listed)
                if marker is None:  # "(Osei and Brandt 7-9)": MLA's author and page
                    marker = mla_paged(document, m, m.group(1), heads)
        else:
            marker = _with_leading_narrative(document, clean, m, marker)
        if marker is not None:
            yield marker


# A date stamp in brackets, "(Stand März 2024)", "(as of 3 May 2023)", "(Stand:
# 10/2024)", "(aktualisiert 2022)": the words say when the text's facts held, no work is
# named (class SD: "Stand" was read as an author, a missing reference). Bounded, one
# fullmatch per group: linear.
_AS_OF = re.compile(
    r"[ ]*+(?:Stand|as of|as at|updated|last updated|aktualisiert|actualizado(?: en)?|"
    r"atualizado(?: em)?|mis à jour(?: le| en)?)[ ]*+:?[ ]*+"
    r"(?:\d{1,2}\.?[ ]*+)?(?:[^\W\d_]{3,12}\.?[ ]*+|\d{1,2}[./][ ]*+)?(?:1[5-9]|20)\d\d[ ]*+"
)


# A number citing the list right after an author-year marker: "(Wirawan, 2019) [1]",
# "Wirawan (2019) [1, 2]", "(Roe, 2020)(3)", "(Roe, 2020)^3^", "(Roe, 2020)<sup>3,4</sup>",
# "(Roe, 2020)³⁻⁵".
_NUMBERS = r"\d{1,4}(?:[ \t]*[,;\u2013\u2014-][ \t]*\d{1,4}){0,20}"
_NUMBER_AFTER = re.compile(
    rf"[ \t]{{0,3}}(?:\[{_NUMBERS}\]|\({_NUMBERS}\)|\^{_NUMBERS}\^|<sup>{_NUMBERS}</sup>)|"
    r"[⁰¹²³⁴⁵⁶⁷⁸⁹]"
)


def _before_numbers(markers: Iterable[Marker | Counted], text: str) -> Iterator[Marker | Counted]:
    """Markers followed by a number of a numbered list left without citations (their
    span still claimed, so no other reader takes it): in the hybrid "(Name, year) [n]"
    that Indonesian, Turkish and engineering journals write, the number cites the entry
    and the names and year only repeat it, often with a draft's year ("(Wirawan, 2019)
    [1]" over "[1] Wirawan ... (2021)"). Judged alone, the author-year half was a
    missing reference beside a number that resolves; read at all, it could count
    another entry of the name as cited."""
    for marker in markers:
        if marker.count and _NUMBER_AFTER.match(text, marker.end):
            marker = Marker(marker.start, marker.end, ())
        yield marker


def _weak_in_statements(
    markers: Iterable[Marker | Counted], spans: list[tuple[int, int]]
) -> Iterator[Marker | Counted]:
    """Markers inside a funding, interests or thanks statement made WEAK: "received
    grants from Novartis (2019)", "(Brasil, 2017)" after a grant are no citations unless
    an entry says so (`statements.py`). "et al." stays what it was: "mapping by Harris
    et al. (1985)" in the thanks is a work (dev: a missing one, found). Both lists are
    in order: one pass."""
    if not spans:
        yield from markers
        return
    s = 0
    for marker in markers:
        while s < len(spans) and spans[s][1] <= marker.start:
            s += 1
        if (
            s < len(spans)
            and spans[s][0] <= marker.start
            and isinstance(marker, Marker)  # one only counted makes no citation to weaken
            and any(c.certainty is not Certainty.WEAK and not c.et_al for c in marker.citations)
        ):
            weak = tuple(
                c if c.et_al else dataclasses.replace(c, certainty=Certainty.WEAK)
                for c in marker.citations
            )
            marker = Marker(marker.start, marker.end, weak)
        yield marker


# A footnote's call right after a citation, "Okafor et al. (2011)[^1]", "(Berger, 2015).[^3]",
# and a footnote's definition with the start of its text, "[^1]: Okafor, Ada; ...".
_NOTE_CALL = re.compile(r"[.,;:]?[ \t]?\[\^(?P<label>[^\]\s]{1,80})\](?!:)")
_NOTE_TEXT = re.compile(
    r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,80})\]:[ \t]*(?P<text>[^\n]{0,120})", re.MULTILINE
)
_NAME_WORD = re.compile(r"[^\W\d_]+")


def _weak_when_noted(markers: Iterable[Marker | Counted], text: str) -> Iterator[Marker | Counted]:
    """A citation whose footnote gives its source made WEAK: "Okafor et al. (2011)[^1]"
    with "[^1]: Okafor, Ada; Lind, Bo: Title. URL" -- the note is the reference (an
    article that cites in notes, with no list: class FR, a false missing reference).
    Linked when an entry has the work, never reported missing. The note must name the
    citation's first author in its first 120 characters."""
    notes: dict[str, frozenset[str]] | None = None
    for marker in markers:
        if isinstance(marker, Marker) and marker.citations:
            call = _NOTE_CALL.match(text, marker.end)
            if call is not None:
                if notes is None:
                    notes = {
                        n.group("label"): frozenset(_NAME_WORD.findall(n.group("text").casefold()))
                        for n in _NOTE_TEXT.finditer(text)
                    }
                words = notes.get(call.group("label"), frozenset())
                if words and all(_names_noted(c.authors, words) for c in marker.citations):
                    marker = _weakened(marker)
        yield marker


def _weakened(marker: Marker) -> Marker:
    """`marker` with every citation WEAK: linked when an entry fits, never missing."""
    return Marker(
        marker.start,
        marker.end,
        tuple(dataclasses.replace(c, certainty=Certainty.WEAK) for c in marker.citations),
    )


def _names_noted(authors: tuple[str, ...], words: frozenset[str]) -> bool:
    """Whether the first author's name is among a note's first words."""
    name = _NAME_WORD.findall(authors[0].casefold()) if authors else []
    return bool(name) and all(word in words for word in name)


# An event's edition named by its acronym and year: "Blocksworld (IPC 2000)" beside
# "la IPC 1998", "la IPC 2023" in the running text -- a competition, a conference, a
# survey round, no author (class ED of survey 14: "IPC 2000" "has no matching entry").
# A group that is only an acronym and a year is made WEAK (linked when an entry is the
# acronym's, never reported missing) when the text outside every group also names that
# acronym beside a year, with at least `_EDITION_YEARS` years: an author's citation is
# bracketed, an edition's name stands in the prose.
_ACRONYM_YEAR = re.compile(
    r"(?<![\w.-])(?P<acronym>[A-Z]{2,8})[ \t](?P<year>(?:1[89]|20)\d\d)(?![\w.-])"
)
_ACRONYM_GROUP = re.compile(r"\((?P<acronym>[A-Z]{2,8})[ \t](?:1[89]|20)\d\d\)")
_EDITION_YEARS = 2


def _weak_editions(
    markers: Iterable[Marker | Counted], text: str, clean: str, groups: bytearray
) -> Iterator[Marker | Counted]:
    """A group "(ACR 2000)" made WEAK when the prose names ACR's editions (`_ACRONYM_YEAR`
    outside every group, `_EDITION_YEARS` years or more): an event's edition, no work."""
    editions: frozenset[str] | None = None
    for marker in markers:
        if isinstance(marker, Marker) and marker.citations:
            m = _ACRONYM_GROUP.fullmatch(text, marker.start, marker.end)
            if m is not None:
                if editions is None:
                    editions = _edition_acronyms(clean, groups)
                if m.group("acronym") in editions:
                    marker = _weakened(marker)
        yield marker


def _edition_acronyms(clean: str, groups: bytearray) -> frozenset[str]:
    """The acronyms the text outside every group names beside `_EDITION_YEARS` years or
    more ("la IPC 1998", "IPC 2011"): one pass."""
    years: dict[str, set[str]] = {}
    for m in _ACRONYM_YEAR.finditer(clean):
        if groups[m.start()]:
            continue
        seen = years.setdefault(m.group("acronym"), set())
        if len(seen) < _EDITION_YEARS:
            seen.add(m.group("year"))
    return frozenset(a for a, seen in years.items() if len(seen) >= _EDITION_YEARS)


# -- groups ---------------------------------------------------------------------------


def _after_binomial(clean: str, offset: int) -> bool:
    """Whether a Latin binomial ends at `offset` ("Conus (Stephanoconus) mappa [...]").
    Only the last four words are searched: the regex never walks a long prefix."""
    window_start = max(0, offset - 80)
    verdict = _binomial_words(" ".join(clean[window_start:offset].rsplit(None, 4)[-4:]))
    if not isinstance(verdict, str):
        return verdict
    # A shared ending: what stands before the genus decides (a bounded look back).
    genus_at = clean.rfind(verdict, window_start, offset)
    before = clean[max(0, genus_at - 12) : genus_at].rstrip()
    return _SENTENCE_HEAD.search(before) is None


@lru_cache(maxsize=4096)
def _binomial_words(last_words: str) -> bool | str:
    """Whether the last words before a group (at most four, one blank between) end in a
    Latin binomial; the genus when its epithet's ending is one English shares, for the
    text before it to decide. Remembered per words: a page of citations asks this of
    every group, and a species' name is cited again and again."""
    words = last_words.split()
    if len(words) >= 2 and words[-2][:1].isupper() and words[-2].casefold() == words[-1]:
        return True  # a tautonym, "Mops mops (de Blainville, 1840)", "Bufo bufo"
    found = _BINOMIAL.search(last_words + " ") if words else None
    if found is None:
        return False
    epithet = found.group("short") or found.group("long") or found.group("shared") or ""
    if epithet in _NOT_EPITHETS or found.group(0).split(None, 1)[0].casefold() in _NOT_GENERA:
        return False
    if found.group("shared") is None:
        return True
    return str(found.group("genus"))


# A word of an authority's names the group's parse left before the work's names:
# "Häckel," in "(holotype of Aus bus Häckel, Farkač & Sehnal, 2005)".
_AUTHORITY_WORD = re.compile(r"[^\W\d_][\w'’.-]*,?|&|and|et")
_AUTHORITY_WORDS = 4


def _authority_in_group(inner: str, work: ParsedWork) -> bool:
    """Whether the work's names follow a Latin binomial inside the group: "(Oman,
    holotype of Aus bus Häckel, Farkač & Sehnal, 2005)" names the species' authority,
    not a cited work, as "Aus bus (Smith, 1949)" does outside it. A few capitalised
    names of the authority may stand between ("Häckel,"); a word in lower case ("in",
    "see") or a separator ("Aus bus; Lee 2010") ends the look back. Bounded: the last
    few words before the names only."""
    at = inner.find(work.name_text)
    if at <= 0:
        return False
    words = inner[max(0, at - 120) : at].split()[-(_AUTHORITY_WORDS + 4) :]
    for dropped in range(_AUTHORITY_WORDS + 1):
        if len(words) < 2:
            return False
        tail = " ".join(words[-4:])
        if _after_binomial(tail, len(tail)):
            return True
        last = words[-1]
        if dropped == _AUTHORITY_WORDS or not (
            last in ("&", "and", "et") or (last[:1].isupper() and _AUTHORITY_WORD.fullmatch(last))
        ):
            return False
        words.pop()
    return False


def _group(
    document: Document,
    clean: str,
    m: re.Match[str],
    titles: EntryTitles | None = None,
    collectors_near: CollectorNumbers | None = None,
    horizon: Horizon | None = None,
) -> Marker | Counted | None:
    """`horizon`: past it the group's citations are counted (`_counted_group`)."""
    index = 1 if m.group(1) is not None else 2
    inner = m.group(index)
    works = parse_group(inner)
    if titles:
        works = titles.reread(inner, works)
    if not works:
        return None
    if horizon is not None and m.start() > horizon.start:  # past the cap
        counted = _counted_group(m, works)
        if counted is not None:
            return counted
    if len(works) == 1:  # most groups: no work before it to take "ders." from
        works = (_vietnamese_surnames(works[0], titles),)
    else:
        works = _same_authors(tuple(_vietnamese_surnames(work, titles) for work in works))
    start, end = m.start(), m.end()
    marker_text = document.text[start:end]
    location = document.location_at(start)
    after_binomial = _after_binomial(clean, start) or _photo_credit(clean, start, inner)
    specimens = specimen_context(clean, start, end)
    collectors: bool | None = None  # looked for only when a work may be a record
    citations: list[Citation] = []
    for work in works:
        certainty = work.certainty
        record = specimens and len(work.authors) == 1 and not work.et_al
        if not record and not work.et_al and len(work.authors) <= 2:
            if collectors is None:
                collectors = (
                    collectors_near.near(start, end)
                    if collectors_near is not None
                    else collector_numbers_near(clean, start, end)
                )
            record = collectors  # "(Bates 561), (Kibila, Marabo 1546)": collectors' numbers
        if (
            after_binomial
            or record
            or _authority_in_group(inner, work)
            or catalogue_code(work.authors)
            or code_beside_catalogue_number(work.authors, clean, start, end)  # "(UF 1594, K-0778)"
        ):
            certainty = Certainty.WEAK  # an authority, a specimen record, "(MZUSP 1998)"
        citations.extend(_citations(marker_text, location, work, certainty, narrative=False))
    return Marker(start, end, tuple(citations))


# A picture's credit, "Foto: [Tomás K., 2009](url)", "(Photo: Lund, 2019)", "Imagem:",
# "Crédito:", "Bild:": the photographer and the year the picture was taken, no work the
# list must hold (class PC: a false missing reference). WEAK: linked when an entry is
# the photographer's, never reported missing. The cue opens the group or stands just
# before it; looked for in the group's first and the text's last `_CREDIT_REACH`
# characters only.
_PHOTO_CREDIT = re.compile(
    r"(?:fotograf[íi]as?|fotos?|photos?|photographs?|photo[ \t]credits?|imagem|images?|bild|"
    r"cr[ée]ditos?|credits?|ilustra[çc][ãa]o|illustrations?)"
    r"[ \t]*+(?:(?:de|by|von|por|from)[ \t]++)?:[ \t]*+",
    re.IGNORECASE,
)
_CREDIT_REACH = 40


def _photo_credit(clean: str, start: int, inner: str) -> bool:
    """Whether the group at `start` (its text `inner`) is a picture's credit: the cue
    stands in it before its one work ("(Foto: Rook, 2007)", a caption's "[A farm. Foto:
    Rook, 2007]") or ends the text just before it ("Foto: [Rook, 2007]") -- the cue
    after a blank, a bracket or the line's start, never inside a word."""
    if ";" not in inner and _cue_ends(inner[-400:], anywhere=True):
        return True
    return _cue_ends(clean[max(start - _CREDIT_REACH, 0) : start], anywhere=False)


def _cue_ends(text: str, anywhere: bool) -> bool:
    """A credit's cue in `text`, after a non-letter: anywhere (`anywhere`, a group's
    text, the work after it) or ending it (the text before a group)."""
    for m in _PHOTO_CREDIT.finditer(text):
        at = m.start()
        if at and text[at - 1].isalnum():
            continue
        if anywhere or m.end() == len(text):
            return True
    return False


def _counted_group(m: re.Match[str], works: tuple[ParsedWork, ...]) -> Counted | None:
    """The group past the cap, counted: a citation per year label of each work, as
    `_citations` makes them. None (made whole) when a name ends in a bracket, "Ministry
    of Fisheries [MoF]": it may define an acronym (`defined_acronyms`) that later
    markers take, and what the group's other steps make of names ("ders." takes the
    names before, a Vietnamese name its surname) never ends in one otherwise."""
    count = 0
    for work in works:
        if _brackets_a_name(work.authors):
            return None
        count += len(work.labels)
    return Counted(m.start(), m.end(), count)


def _brackets_a_name(authors: tuple[str, ...]) -> bool:
    """Whether a name ends in a bracket, as one that defines an acronym does."""
    return any(name[-1:] == "]" for name in authors)


# "the same author(s)" in place of the names: German "ders." / "dies.", Latin "idem",
# "eadem", "iid." -- "(Müller 2001; ders. 2005)" is Müller's 2005 work
_SAME_AUTHOR = word_set("ders dies idem eadem iidem eaedem iid id ead")


def _same_authors(works: tuple[ParsedWork, ...]) -> tuple[ParsedWork, ...]:
    """The works with "ders." / "idem" given the names of the work before it (read as a
    name, "ders" was a missing work and the author's second entry "never cited")."""
    if len(works) < 2:
        return works
    out = [works[0]]
    for work in works[1:]:
        if len(work.authors) == 1 and work.authors[0].casefold().rstrip(".") in _SAME_AUTHOR:
            before = out[-1]
            work = dataclasses.replace(
                work, authors=before.authors, et_al=before.et_al, certainty=before.certainty
            )
        out.append(work)
    return tuple(out)


def _vietnamese_surnames(work: ParsedWork, titles: EntryTitles | None) -> ParsedWork:
    """The work with a Vietnamese name written whole read by its surname ("(Nguyen Van
    A, 2019)" for "Nguyen, V. A. (2019)", `names.vietnamese_surname`), unless an entry
    of the list opens with the whole name ("Nguyen Van A (2019). ...")."""
    authors = tuple(
        name
        if titles is not None and titles and titles.opens_an_entry(name)
        else vietnamese_surname(name) or name
        for name in work.authors
    )
    return work if authors == work.authors else dataclasses.replace(work, authors=authors)


# A group of a name that is also a month and a year: "(May, 2004)", "(March 2019)".
_MONTH_NAMED = re.compile(r"([A-Z][a-z]{2,9}),?[ \t]")


def _month_named(document: Document, m: re.Match[str]) -> Marker | None:
    """A group holding only a month's name and a year, read as that name's work, WEAK:
    "(May, 2004)" cites May, T. (2004) as often as it dates an event, and `parse_group`
    leaves it to a narrative's names before it, which may be none ("symbols (May,
    2004)"). Kept only when an entry has that name and year (`matching.citations`),
    so a date with no such entry stays no citation."""
    inner = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
    name = _MONTH_NAMED.match(inner)
    if name is None or name.group(1).casefold() not in MONTHS:
        return None
    parsed = parse_years(inner, name.end())
    if parsed is None or not _NARRATIVE_TAIL.match(inner[parsed[1] :]):
        return None
    work = ParsedWork(
        name.group(1), (name.group(1),), False, tuple(parsed[0]), inner, Certainty.WEAK
    )
    text = document.text[m.start() : m.end()]
    location = document.location_at(m.start())
    citations = _citations(text, location, work, Certainty.WEAK, narrative=False)
    return Marker(m.start(), m.end(), tuple(citations))


def _citations(
    marker_text: str, location: Location, work: ParsedWork, certainty: Certainty, narrative: bool
) -> list[Citation]:
    labels = work.labels
    if len(labels) == 1:  # most works: no per-label item to write
        return [
            _citation(
                marker_text,
                location,
                work.authors,
                work.et_al,
                labels[0],
                work.item,
                certainty,
                narrative,
            )
        ]
    return [
        _citation(
            marker_text,
            location,
            work.authors,
            work.et_al,
            label,
            f"{work.name_text}, {label.text}",
            certainty,
            narrative,
        )
        for label in labels
    ]


# `_citation` gives Citation's fields by position: a field added or moved in the model
# must fail here, at import, not shift every value silently.
assert tuple(f.name for f in dataclasses.fields(Citation)) == (
    "id",
    "text",
    "location",
    "kind",
    "item",
    "authors",
    "et_al",
    "year",
    "year_suffix",
    "no_date",
    "key",
    "number",
    "narrative",
    "command",
    "certainty",
), "Citation's fields changed: update author_year._citation"


def _citation(
    marker_text: str,
    location: Location,
    authors: tuple[str, ...],
    et_al: bool,
    label: YearLabel,
    item: str,
    certainty: Certainty,
    narrative: bool,
) -> Citation:
    """One author-year citation, its fields given by position: the keyword form cost a
    quarter more per citation, and a one-line manuscript holds hundreds of thousands."""
    return Citation(
        "",  # id: numbered by extract_citations
        marker_text,
        location,
        CitationKind.AUTHOR_YEAR,
        item,
        authors,
        et_al,
        label.year,
        label.suffix,
        label.no_date,
        None,  # key
        None,  # number
        narrative,
        None,  # command
        certainty,
    )


# -- no year: (Smith et al.) --------------------------------------------------------------

# Names and "et al." only, no digit: "(Tanaka et al.)". Names without "et al." are
# left alone: "(Portugal)", "(WHO)" say what a word stands for, "(Fosberg & Sachet)"
# is a species' authority and "(Covaris, MA)" a maker, far more often than a work --
# unless a cue that sends the reader to a work opens the group (`_UNDATED_CUE`).
_YEARLESS = re.compile(r"[^\d()\[\]:;=/<>]{4,120}")
_NO_YEAR = YearLabel(None, None, False, "")
# A cue sending the reader to a work, in the languages seminar papers and theses are
# written in: "(vgl. Quandt)", "(siehe auch Berger)", "(cf. Okafor)", "(see also Lind)",
# "(ver Ramos)", "(véase Soto)", "(voir Durand)", "(zie De Vries)", "(bkz. Yılmaz)",
# "(zob. Nowak)", "(lihat Santoso)". Lower case or capitalised, never a name itself.
# A figure's or table's credit, "(Fuente: ACMEWEB)", "(Source: Rook)", names its
# source's author, the year left out as credits do (class FS).
_UNDATED_CUE = re.compile(
    r"\s*(?:vgl\.?|siehe(?:\s+auch)?|s\.\s?a\.|cf\.|cfr\.|see(?:\s+also)?|compare|"
    r"voir(?:\s+aussi)?|ver(?:\s+tamb[ée]m)?|v[ée]ase(?:\s+tambi[ée]n)?|vide|vedi|"
    r"zie(?:\s+ook)?|bkz\.|zob\.|por\.|lihat(?:\s+juga)?|"
    r"(?:fuente|fonte|source|quelle|sumber|kaynak):)\s+",
    re.IGNORECASE,
)
# A page after the names, "(vgl. Berger, Lorenz S.3)", "(cf. Okafor, p. 12)": the names
# are a work's all the more. (Searched in a part's last `_LOCATOR_REACH` characters:
# from every blank of a long run, the search was quadratic.)
_UNDATED_LOCATOR = re.compile(
    r"(?<![\s,])[\s,]*+(?:S|s|p|pp|Seite|p[áa]gs?|hlm|h|cap|Kap|ch|Abs)\.?\s?\d{1,5}"
    r"(?:\s?[-–]\s?\d{1,5})?(?:\s?ff?\.)?$"
)
_LOCATOR_REACH = 40
# A reference manager's missing year printed "null", "(Stone null, S. 7)", "(Stone,
# null)": no year, as "n.d." is (class NL). Searched in a part's last characters only.
_NULL_YEAR = re.compile(r"[ \t,]{1,3}null[ \t]{0,2}(?=,|$)")


def _yearless(document: Document, m: re.Match[str]) -> Marker | None:
    """A work cited by its authors with no year at all ("(Tanaka et al.)", a slip or a
    draft's placeholder; "(vgl. Quandt)", "(vgl. Berger, Lorenz S.3)", as seminar
    papers cite undated web pages): WEAK, so it is kept only when one entry's authors
    fit it as written -- that entry is cited (the "never cited" warning was false),
    whatever its year; with none or several, it is no citation."""
    inner = m.group(1)
    if inner is None:
        inner = m.group(2)
        if inner is None or not _UNDATED_CUE.match(inner):
            return None  # "[Tanaka et al.]" is an editor's insertion as often
    cue = _UNDATED_CUE.match(inner)
    if cue is not None:
        return _cued_yearless(document, m, inner[cue.end() :])
    titled = _MLA_TITLED.fullmatch(inner)
    if titled is not None:
        return _titled_yearless(document, m, titled)
    empty = _EMPTY_YEAR.fullmatch(inner)
    if empty is not None:
        return _empty_year(document, m, empty.group("names"))
    if ";" in inner:
        return _listed_yearless(document, m, inner)
    locator = _UNDATED_LOCATOR.search(inner, max(0, len(inner) - _LOCATOR_REACH))
    paged = locator is not None and "," in locator.group() and "," not in inner[: locator.start()]
    if paged or _NULL_YEAR.search(inner):
        # "(Rook, S. 211-212)", "(Okafor, p. 12)": a name, a comma and a page, no year --
        # a work's page (no maker or authority has one), read as a cued group's part is
        # (class NY: the entry, undated, was "never cited"); "(Roe, Lean Depots, p. 4)"
        # is MLA's short title (`mla_plain`)
        return _cued_yearless(document, m, inner)
    if not _YEARLESS.fullmatch(inner):
        return None
    parsed = parse_names(inner)
    if parsed is None:
        return None
    authors, et_al = parsed
    if not et_al:
        return None  # "(Fosberg & Sachet)", "(Covaris, MA)": an authority, a maker
    text = document.text[m.start() : m.end()]
    only = _citation(
        text,
        document.location_at(m.start()),
        authors,
        et_al,
        _NO_YEAR,
        inner.strip(),
        Certainty.WEAK,
        False,
    )
    return Marker(m.start(), m.end(), (only,))


# Names, a comma and an empty year slot, "(CONDÉ T.M., )", "(Roe and Poe, )": how
# pandoc's citeproc prints a .bib entry with no date under an author-date style.
_NAMES_PART = r"[^\d()\[\]:;=/<>,]{2,120}+"
_EMPTY_YEAR = re.compile(rf"(?P<names>{_NAMES_PART}(?:;{_NAMES_PART}){{0,5}}),[ \t]*")


def _empty_year(document: Document, m: re.Match[str], names: str) -> Marker | None:
    """The names of "(CONDÉ T.M., )" of a work whose year slot is empty, read as "no
    date" -- the undated entry of those names is cited. CANDIDATE: a comma left before
    the bracket is a writer's slip as often, so with no entry it is a possible missing
    work only (class EY: 17 of a thesis' 19 undated entries were "never cited")."""
    works = parse_group(f"{names.strip()}, {_EMPTY_SLOT}")
    if len(works) != 1:
        return None
    work = works[0]
    label = YearLabel(None, None, True, "")
    text = document.text[m.start() : m.end()]
    certainty = Certainty.CANDIDATE if work.certainty is Certainty.SURE else Certainty.WEAK
    only = _citation(
        text,
        document.location_at(m.start()),
        work.authors,
        work.et_al,
        label,
        m.group(1).strip(),
        certainty,
        False,
    )
    return Marker(m.start(), m.end(), (only,))


# what the empty slot stands for while the names are parsed
_EMPTY_SLOT = "n.d."


# MLA's author, short title and page, "(Roe, “Quorum” 14)", "(Roe and Poe, "Votes and
# Ballots" 3-4)": the title tells apart an author's works, which MLA dates nowhere in
# the text. Bounded: names of 80 characters, a title of 150, no quote inside either.
_MLA_TITLED = re.compile(
    r"[ ]?(?P<names>[^“”\"«»„\d()\[\];]{2,80}?)[ ]?,?[ ]?[“\"«„]"
    r"(?P<title>[^“”\"«»„\n]{2,150})[”\"»“],?[ ]?(?:pp?\.[ ]?)?\d{1,4}(?:[ ]?[-–][ ]?\d{1,4})?[ ]?"
)


def _titled_yearless(document: Document, m: re.Match[str], titled: re.Match[str]) -> Marker | None:
    """MLA's "(Roe, “Quorum” 14)": the authors' work, with no year (`_yearless`: WEAK,
    kept when one entry's authors fit), and the title's (`titles.TITLE`: kept when it is
    the whole title of one entry), so that of two works of Roe the titled one is cited."""
    parsed = parse_names(titled.group("names"))
    if parsed is None:
        return None
    authors, et_al = parsed
    text = document.text[m.start() : m.end()]
    location = document.location_at(m.start())
    item = titled.group().strip()
    by_names = _citation(text, location, authors, et_al, _NO_YEAR, item, Certainty.WEAK, False)
    title = " ".join(titled.group("title").split()).strip(" ,.")
    by_title = Citation(
        id="",
        text=text,
        location=location,
        kind=CitationKind.AUTHOR_YEAR,
        item=title,
        authors=(title,),
        command=TITLE,
        certainty=Certainty.WEAK,
    )
    return Marker(m.start(), m.end(), (by_names, by_title))


def _listed_yearless(document: Document, m: re.Match[str], inner: str) -> Marker | None:
    """A group of names alone, "(Sutton-Spence; Perlin; Strobel)", "(QUADROS; KARNOPP)":
    ABNT and APA writers cite so when the years stand elsewhere or the works have none.
    Each part a short capitalised name, read as `_cued_yearless` reads a cued group's
    (WEAK: "(Portugal; Espanha)" confirms no entry and is dropped)."""
    parts = inner.split(";")
    if len(parts) > _LISTED_PARTS or any(
        not part.strip()[:1].isupper() or len(part) > _LISTED_PART_CHARS for part in parts
    ):
        return None
    return _cued_yearless(document, m, inner)


_LISTED_PARTS = 12
_LISTED_PART_CHARS = 60


def _cued_yearless(document: Document, m: re.Match[str], rest: str) -> Marker | None:
    """The works of a cue-led group with no year, "(vgl. Quandt; Berger, Lorenz S.3)":
    each part names one work's authors, a page after them at most. WEAK (see
    `_yearless`); None when a part is no names ("(see below)", "(vgl. Abb. 3)")."""
    text = document.text[m.start() : m.end()]
    location = document.location_at(m.start())
    citations: list[Citation] = []
    for part in rest.split(";"):
        part = part.rstrip()
        locator = _UNDATED_LOCATOR.search(part, max(0, len(part) - _LOCATOR_REACH))
        names = part if locator is None else part[: locator.start()]
        names = names[: null.start()] if (null := _NULL_YEAR.search(names)) else names
        if not _YEARLESS.fullmatch(names.strip()):
            return None
        parsed = parse_names(names)
        if parsed is None:
            return None
        authors, et_al = parsed
        citations.append(
            _citation(text, location, authors, et_al, _NO_YEAR, part.strip(), Certainty.WEAK, False)
        )
    return Marker(m.start(), m.end(), tuple(citations)) if citations else None


# -- narrative: Smith (2019) ----------------------------------------------------------


def _with_leading_narrative(
    document: Document, clean: str, m: re.Match[str], group: Marker | Counted
) -> Marker | Counted:
    """A group that opens with years and goes on with other works belongs, for those
    years, to the names before it: "Goodman and Sorj (1985 apud Lemos, 2008)",
    "Halden (2019; see also Morrow 2020)". The names' citation joins the group's."""
    leading = _leading_years(m.group(1) if m.group(1) is not None else m.group(2))
    if leading is None:
        return group
    labels, through = leading
    lead = _narrative(document, clean, m, labels, read_through=through)
    if lead is None:
        return group
    # `_grouped` counts no group that opens with years: both are made
    assert isinstance(lead, Marker) and isinstance(group, Marker)
    return Marker(lead.start, group.end, (*lead.citations, *group.citations))


@lru_cache(maxsize=4096)
def _leading_years(group: str) -> tuple[tuple[YearLabel, ...], bool] | None:
    """The years that open a group of other works ("1985 apud Lemos, 2008") and whether
    the work is read through the next one; None when the group opens with no years or
    holds them only. Remembered per group's text, as `_narrative_years` is: a page of
    citations asks this of every group, most of which open with names."""
    inner = " ".join(unglued_cue(group).split())
    parsed = parse_years(inner)
    if parsed is None:
        return None
    labels, years_end = parsed
    rest = inner[years_end:]
    if not rest.strip(" ,;:"):
        return None
    return tuple(labels), reads_through(rest)


@lru_cache(maxsize=4096)
def _narrative_years(inner: str) -> tuple[tuple[YearLabel, ...], bool]:
    """The years of ``(2019a, b)``, ``(2020, 60–62)``; () when the group is no year.
    The flag says a day and month stand beside the year, ``(2011 May)``, ``(4 May
    2011)``: a date (`dates`), an event's as often as a work's -- or a venue after it,
    ``(2001 en Revista X)``, a place's as often."""
    stripped = inner.strip()
    skip = date_before_year(stripped)
    parsed = parse_years(stripped[skip:])
    if parsed is None:
        return (), False
    labels, years_end = parsed
    tail = stripped[skip + years_end :]
    if _NARRATIVE_TAIL.match(tail):
        return tuple(labels), bool(skip)
    if len(labels) == 1 and (date_after_year(tail) or _VENUE_TAIL.match(tail)):
        # a venue is read WEAK as a date is: "Expo (1900 in Paris)" names a place
        return tuple(labels), True
    return (), False


def _narrative(
    document: Document,
    clean: str,
    m: re.Match[str],
    leading: tuple[YearLabel, ...] = (),
    read_through: object = None,
    horizon: Horizon | None = None,
) -> Marker | Counted | None:
    """`leading`: the years that open a group of other works (`_with_leading_narrative`);
    `read_through`: those are followed by "apud", so the work is read through another
    and is weak (the list holds the other); `horizon`: a marker that starts past it is
    counted, a citation per year label, when no name of it ends in a bracket (see
    `_counted_group`)."""
    dated = False
    labels = leading
    if not labels:
        labels, dated = _narrative_years(m.group(1) if m.group(1) is not None else m.group(2))
    if not labels:
        return None
    if not may_end_names(clean, m.start()):
        # "(2020) (2020)", "= (2019)": no name can end here; a handle may
        return _handle_narrative(document, m, labels)
    found, window_start, line_start = _names_before_year(document, clean, m.start())
    if found is None:
        return _handle_narrative(document, m, labels)
    start = found.offset
    while start > window_start and document.text[start - 1] in "*_":
        start -= 1  # the marker includes the name's emphasis: "*NATO* (2022)"
    after = clean[m.end() : m.end() + 60]
    in_list = line_start is not None and _LIST_ITEM.match(clean[line_start:start] + " ")
    if in_list and not clean[m.end() : _line_end(clean, m.end())].strip(" .,;:"):
        return None  # "12. SPANYOL (1982)": a list item, not a citation
    if _entry_line(clean, line_start, start, m):
        return None  # "Kim Lee. (2021, March 3). Title. Zenodo.": an entry, not a citation
    if horizon is not None and start > horizon.start and not _brackets_a_name(found.authors):
        return Counted(start, m.end(), len(labels))
    before = clean[max(window_start, found.offset - 40) : found.offset]
    certainty = _narrative_certainty(found, before, after)
    if (
        certainty is Certainty.WEAK
        and _located(found, before)
        and _PAGE_LOCATOR.search(m.group(1) if m.group(1) is not None else m.group(2))
    ):
        certainty = Certainty.CANDIDATE
    through = bool(read_through or _CITED_THROUGH.match(after))
    if dated or through or _KEY_AFTER.match(after):
        # ... or "Osei and Ward (4 May 2011)": a date beside names, an event's as often
        # ... or "Yoshikawa et al. (2019) [@doi:10.1/x]": the key cites the work
        # "Ferraz e Gil (2004), conforme citado por Dantas (2012)": read through the
        # work after it, which the list holds (ABNT lists only that one)
        certainty = Certainty.WEAK
    if any(lb.circa for lb in labels):
        # "Porto (c. 1860)": a year written "about" dates a building or an event as
        # often as a work; linked when an entry has it, never a missing work
        certainty = Certainty.WEAK
    if not found.et_al and any(_SPAN.search(lb.text) for lb in labels):
        # A span after a name is as often a life ("the botanist Karl Ostwald
        # (1853–1932)") or a period ("Lagoa Santa (1863–1866)") as a work published
        # over years: kept only when an entry confirms it.
        certainty = Certainty.WEAK
    marker_text = document.text[start : m.end()]
    location = document.location_at(start)
    if len(labels) == 1:
        only = _citation(
            marker_text,
            location,
            found.authors,
            found.et_al,
            labels[0],
            marker_text,
            certainty,
            # read through another work, the original counts as a parenthesis' does:
            # only an entry of its name *and* year is it ("Silva (2014 apud OLIVEIRA,
            # 2016)" beside "SILVA (2010)" is another work, not a wrong year)
            not through,
        )
        return Marker(start, m.end(), (only,))
    names = " ".join(found.authors)
    citations = tuple(
        _citation(
            marker_text,
            location,
            found.authors,
            found.et_al,
            label,
            f"{names} ({label.text})",
            certainty,
            not through,
        )
        for label in labels
    )
    return Marker(start, m.end(), citations)


# An entry's names end in a full stop before its year ("Kim Lee. (2021)", "Lee, K.
# (2021)"), and a full stop follows the year: no sentence is written so. "et al."
# before the year is a sentence's too ("... measured by\nLee et al. (2020). It").
_ENTRY_NAMES_END = re.compile(r"(?<!\bal)\.[ \t]*$")
_ENTRY_YEAR_END = re.compile(r"[ \t]*\.")


def _entry_line(clean: str, line_start: int | None, start: int, m: re.Match[str]) -> bool:
    """Whether names and year open a line as a reference entry does (class FR: the
    "cite this version" line of a preprint's front matter, an entry outside the list):
    the names open the line, end with a full stop, and a full stop follows the year."""
    return (
        line_start is not None
        and not clean[line_start:start].strip(" \t*_>")
        and _ENTRY_NAMES_END.search(clean, start, m.start()) is not None
        and _ENTRY_YEAR_END.match(clean, m.end()) is not None
    )


def _located(found: NamesBefore, before: str) -> bool:
    """Whether a page after the year makes these names a citation: one or two names
    read for sure (not a guess, not a word that is also a month), not after a word of
    place ("Em Natal (1990, p. 4)" is a town's record as often as a work)."""
    words = before.split()
    return (
        not (words and words[-1].casefold() in _PLACE_WORDS)
        and not found.guessed
        and len(found.authors) <= 2
        and not (len(found.authors) == 1 and is_common_word(found.authors[0]))
    )


# A user's handle as an author, as software and data are cited ("nick1627 (2019)",
# "jdoe_42 (2021)"): a lower-case word with a digit or an underscore in it, right before
# the year. Bounded and possessive: linear.
_HANDLE = re.compile(r"(?<![\w@./-])@?([a-z][a-z0-9_.-]{1,38}+)[ \t]*$")
_HANDLE_REACH = 48


def _handle_narrative(
    document: Document, m: re.Match[str], labels: tuple[YearLabel, ...]
) -> Marker | None:
    """A handle before a narrative year (no name the name reader accepts): WEAK, so it is
    kept only when an entry's author is that handle -- a list of GitHub or forum
    authors cites them so -- and never reported missing ("version2 (2019)" is none)."""
    if len(labels) != 1:
        return None
    low = max(0, m.start() - _HANDLE_REACH)
    # in the text as written: markup blanking takes a handle's underscores for emphasis
    found = _HANDLE.search(document.text, low, m.start())
    if found is None:
        return None
    handle = found.group(1).rstrip(".-")
    if not any(ch.isdigit() or ch == "_" for ch in handle) or not handle[-1:].isalnum():
        return None
    if _SUPERSCRIPT_GLUED.fullmatch(handle) or (
        _ET_AL_GLUED.fullmatch(handle) and _ET_BEFORE.search(document.text, low, found.start(1))
    ):
        return None  # "Haqqi et al.5 (2019)", "shown.4 (2015)": a flattened superscript
    return _handle_marker(document, m, labels, found.start(1), handle)


# A flattened superscript glued to the word before it, read as a handle: "al.5",
# "shown.12" (a word's full stop, then the number), or "al5" after "et". The number
# is a numeric citation, left to the numeric reader; the year after it dates the work
# the names before "et al." cite (class c9-EG). Bounded: linear.
_SUPERSCRIPT_GLUED = re.compile(r"[a-z]{1,30}\.\d{1,3}")
_ET_AL_GLUED = re.compile(r"al\d{1,3}")
_ET_BEFORE = re.compile(r"\bet[ \t]+$")


def _handle_marker(
    document: Document, m: re.Match[str], labels: tuple[YearLabel, ...], start: int, handle: str
) -> Marker:
    """The WEAK marker of a handle's narrative citation (`_handle_narrative`)."""
    marker_text = document.text[start : m.end()]
    location = document.location_at(start)
    citation = _citation(
        marker_text, location, (handle,), False, labels[0], marker_text, Certainty.WEAK, True
    )
    return Marker(start, m.end(), (citation,))


def _narrative_certainty(found: NamesBefore, before: str, after: str) -> Certainty:
    if found.guessed:
        return Certainty.WEAK  # "yeates et al. (2019)": kept only when an entry has it
    if len(found.authors) == 1 and is_common_word(found.authors[0]):
        return Certainty.WEAK  # "May (2011)": a month as often as an author
    if found.et_al:
        return Certainty.SURE
    if len(found.authors) > 2:
        return Certainty.WEAK  # "Azerbaijan, Belarus and Georgia (1993)": styles say "et al."
    if found.possessive or citing_context(before, after):
        return Certainty.CANDIDATE
    return Certainty.WEAK


def _window_before(clean: str, offset: int) -> tuple[int, int | None]:
    """Where the look-back window starts, and the line's start if it lies in the window."""
    floor = max(0, offset - _WINDOW)
    newline = clean.rfind("\n", floor, offset)
    if newline >= 0:
        return newline + 1, newline + 1
    return floor, (0 if floor == 0 else None)


def _names_before_year(
    document: Document, clean: str, end: int
) -> tuple[NamesBefore | None, int, int | None]:
    """The names ending at `end`, the look-back window's start and the start of the line
    the names start on (None when it lies before the window).

    A list of names broken by a soft line break ("as shown by Smith,\nJones and Lee
    (2019)") is read whole: read up to the line's start only it was "Jones and Lee",
    a missing work and an uncited entry for one citation. The previous line is taken
    in only where the break falls inside a list of names (the line before ends with
    a comma, "&", "and", "et" or a particle, or this one opens with "and" / "&"), and
    only where a line break is not a paragraph's end (in a Word document, only a soft
    break inside one paragraph, Shift+Enter; not after a blank line, a heading or a
    table row). So is the
    line before a year that opens its line: a source wrapped at 80 columns breaks
    "Müller\n(2016)" as often as anywhere else."""
    window_start, line_start = _window_before(clean, end)
    found = names_ending_at(clean, end, window_start)
    if not line_start or clean[line_start - 1] != "\n":
        return found, window_start, line_start
    if document.format == "docx" and (
        document.location_at(line_start - 1).line != document.location_at(line_start).line
    ):
        return found, window_start, line_start  # a paragraph's end, not its soft break
    floor = max(0, end - _WINDOW)
    if line_start - 1 <= floor:
        return found, window_start, line_start
    previous = clean.rfind("\n", floor, line_start - 1)
    previous_start = previous + 1 if previous >= 0 else floor
    tail = clean[previous_start : line_start - 1].rstrip(" \t*_")
    if not tail.strip() or tail.lstrip().startswith(_BLOCK_MARKS):
        return found, window_start, line_start
    head = clean[line_start:end].split(None, 1)
    joined = (
        not head  # the year opens the line: the names end the one before ("Müller\n(2016)")
        or tail.endswith((",", "&", "-"))  # "-": a name cut at its hyphen, "Fernández-"
        or tail.rsplit(None, 1)[-1].casefold() in _BREAK_JOINS
        or head[0].strip("*_").casefold() in _OPENING_JOINS
    )
    if not joined:
        return found, window_start, line_start
    wider = names_ending_at(clean, end, previous_start)
    if wider is None or wider.offset >= line_start:
        return found, window_start, line_start
    return wider, previous_start, previous_start if previous >= 0 else None


# What opens a line that is no continuation of the one before (Markdown blocks).
_BLOCK_MARKS = ("#", "|", ">", "```")
# A word that ends a line inside a list of names, or opens the next line of one.
_BREAK_JOINS = AND_WORDS | PARTICLES | frozenset({"et"})
_OPENING_JOINS = AND_WORDS | frozenset({"al.", "al"})


def _line_end(clean: str, offset: int) -> int:
    ceiling = min(len(clean), offset + _WINDOW)
    end = clean.find("\n", offset, ceiling)
    return ceiling if end < 0 else end


# -- bare: as shown by Hart and Lomé, 2019, the ... ----------------------------------------


def _before_initials(clean: str, j: int) -> int:
    """Where the name before initials ends: zoologists tell two authors of one name
    apart by initials after it ("Wilson M.S., 1958"). At most three initials are
    skipped, and only when a blank stands before them; else `j` unchanged."""
    k = j
    for _ in range(3):
        if k >= 1 and clean[k] == "." and clean[k - 1].isupper():
            k -= 2
        else:
            break
    if k < 0 or k == j or clean[k] != " ":
        return j
    while k >= 0 and clean[k] == " ":
        k -= 1
    return k


# Words that say "from the year" between a name and its year in running text, as German,
# Dutch and Romance-language prose names a work: "eine Studie von Roewald aus dem Jahr
# 2020", "het onderzoek van Smit uit 2018", "el estudio de Ortega del año 2017", "a
# study by Hale from 2016". The name is still read by the name reader and the citation
# is WEAK like any bare one: kept only when one entry has that name and year.
_YEAR_PHRASE = re.compile(
    r"(?<=[^\W\d_])[ \t]++(?:aus[ \t]+dem[ \t]+Jahre?|im[ \t]+Jahre?|aus|von|"
    r"uit(?:[ \t]+het[ \t]+jaar)?|van|from(?:[ \t]+the[ \t]+year)?|in[ \t]+the[ \t]+year|"
    r"del[ \t]+a[ñn]o(?:[ \t]+de)?|do[ \t]+ano(?:[ \t]+de)?|de[ \t]+l['’]ann[ée]e|"
    r"dell['’]anno)[ \t]+$"
)
_YEAR_PHRASE_REACH = 24


def _markup_blank(text: str, i: int) -> bool:
    """Whether the blank at `i` of the cleaned text is markup the page does not print
    (an emphasis mark, a link's bracket or address), not a space as written."""
    return not text[i].isspace()


def _bare(document: Document, clean: str, code: CodeSpans, groups: bytearray) -> Iterator[Marker]:
    """Bare "Name 2019" markers, in order. They never overlap each other ("Smith 2019,
    2020": one marker): one that starts inside the one before is dropped."""
    last_end = -1
    for m in _BARE_YEAR.finditer(clean):
        start = m.start()
        if groups[start] or (code and code.covers(start)):
            continue
        phrase = _YEAR_PHRASE.search(clean, max(0, start - _YEAR_PHRASE_REACH), start)
        j = (phrase.start() if phrase is not None else start) - 1
        floor = j - 2
        while j >= 0 and clean[j] == " ":
            if _markup_blank(document.text, j):
                floor -= 1  # "[Corbin **2012a**](#CR4)": emphasis and link marks print nothing
            j -= 1
        if j >= 0 and clean[j] == ",":
            j -= 1
            while j >= 0 and clean[j] == " " and _markup_blank(document.text, j):
                floor -= 1  # "*Corbin*, 2012": the emphasis closed before the comma
                j -= 1
        if j < floor:
            continue  # only "Name 2019", "Name, 2019" and "Name aus dem Jahr 2019"
        if j >= 2 and clean[j - 2 : j + 1] == "al.":
            j -= 1  # "Falk et al., 2005 were"
        elif j >= 1 and clean[j] == "." and clean[j - 1].isupper() and clean[j + 1] == ",":
            # "alaskaensis Wilson M.S., 1958": an authority, initials and a comma (not
            # "Tikhonov M. 2016. Title", a list entry quoted in the text)
            j = _before_initials(clean, j)
        if j < 0 or not clean[j].isalpha() or not may_end_names(clean, j + 2):
            continue  # not "in 2019"
        follow = _BARE_FOLLOW.match(clean, m.end())
        if follow is None:
            continue
        names, _, _ = _names_before_year(document, clean, j + 1)
        if names is None or names.possessive:
            continue
        if len(names.authors) == 1 and is_common_word(names.authors[0]):
            continue  # "in May 2019": a date
        parsed = parse_years(clean[start : follow.end()])
        if parsed is None:
            continue
        labels, years_end = parsed
        name_start = names.offset
        end = start + years_end
        marker_text = document.text[name_start:end]
        work = ParsedWork(
            name_text=" ".join(names.authors),
            authors=names.authors,
            et_al=names.et_al,
            labels=tuple(labels),
            item=marker_text,
            certainty=Certainty.WEAK,
        )
        if name_start < last_end:
            continue
        last_end = end
        location = document.location_at(name_start)
        yield Marker(
            name_start, end, tuple(_citations(marker_text, location, work, Certainty.WEAK, False))
        )


__all__ = ["YEAR", "AuthorYearExtractor", "YearLabel"]
