"""The index of entries by first-author spellings that author-year citations are matched against.

Built once per audit, so matching stays linear in the number of citations.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from anyascii import anyascii

from citeaudit.imprint_names import imprint_names
from citeaudit.manuscript.citations.names import AND_WORDS, CONNECTORS
from citeaudit.manuscript.citations.protologues import PROTOLOGUE
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.matching.authorless import EntryText, entry_text, names_all
from citeaudit.matching.bodies import MARK as BODY
from citeaudit.matching.declension import SHORTEST_STEM, declined
from citeaudit.matching.names import (
    BAG,
    SHORTEST_RESPELT,
    habit_form,
    name_forms,
    names_match,
    normalise_name,
    one_typo,
    respelt,
    same_person,
    slash_parts,
    syllables_spell,
)
from citeaudit.matching.script_aliases import script_aliases
from citeaudit.matching.years import (
    a_slip_away,
    a_year_away,
    by_suffix_position,
    year_fits,
    year_in_raw,
    yearless,
)
from citeaudit.model.citation import Certainty, Citation, CitationMatch
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES
from citeaudit.transliterations import skeleton, transliterated

_K = TypeVar("_K")  # an index's key: a name, or a (year, name) pair
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
_TITLE_TAILS = 12  # commas before the year after which a title is looked for
_YEAR_ON = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_LONGEST_LABEL = 3  # capitals of a status label before a body's name, "(DD, IUCN 2016)"
_FEWEST_BODY_WORDS = 3  # significant words of a body's name shortened by a word left out
_MOST_LEFT_OUT = 1  # words of a body's name a citation may leave out
_LONGEST_ACRONYM = 8  # letters of an acronym of a body's first words
_MAX_OPENINGS = 256  # entries opening with the same two letters looked through at most
_SHORTEST_TYPO = 5  # letters: a shorter name one edit away is another name
# Entries scored against citations in one audit. A decision is remembered per distinct
# citation, but each distinct one scores every entry of its first author's name:
# "(Smith & Leea, 2020)", "(Smith & Leeb, 2020)", ... beside n Smith entries was n x n
# (2,000 of each: 7.7 s; the caps allow hours). Real lists stay far below (a thesis:
# a few thousand distinct citations, a few dozen entries a name). Past it, a citation
# whose name opens more than `_WIDE_NAME` entries is decided without them: not matched.
_SCORED = 500_000
# Units of `_SCORED` one look for the cited year in an entry's text costs (a dozen
# patterns over the entry: calendars, spans, editions; measured ~80 us of CPU against
# ~5 us a scoring, and the look comes on top of the scoring). Charged one unit, the
# budget let ~500,000 looks through (freeze25: n Smith entries cited in n years none
# has, 30 KB: 8 s of CPU; at 4 units 4 s; at 16, 1.8 s with reading included).
_RAW_COST = 16
_WIDE_NAME = 50
# ABNT puts a government's body under its jurisdiction: "BRASIL. Ministério da Saúde."
# The body's acronym may follow it: "BRASIL. Ministério da Saúde (MS)." (kept: `name_forms`
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
# An entry opening with a one-letter family name and a comma: "V, M. G. (2021)".
_ONE_LETTER_FAMILY = re.compile(r"[^\W\d_],\s")
_RAW_HEAD_END = re.compile(r"\.\s|[(\[]?\b(?:1[5-9]\d\d|20\d\d)\b|,|:|$")


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
    if len(head) == 1 and not _ONE_LETTER_FAMILY.match(
        _RAW_LABEL.sub("", reference.raw[:40], count=1)
    ):
        head = ""  # "A. Smith, ...": an initial, not a one-letter family name ("V, M. G.")
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
        body = _body_with_commas(opening)
        if body:  # "United Nations Educational, Scientific and ...": cited "(UNESCO, 2020)"
            spellings.append(body)
    return spellings


# A body's name that holds commas, up to the full stop or bracket that ends it: "United
# Nations Educational, Scientific and Cultural Organization.", "National Academies of
# Sciences, Engineering, and Medicine (NASEM)." Capitalised words and joining words
# only, four to sixteen of them: anchored, each word one reading, linear.
_BODY_WORD = (
    r"(?:[A-ZÀ-Þ][^\W\d_]+(?:-[^\W\d_]+)?|and|of|the|for|on|in|&|de|do|da|dos|das|del|la|"
    r"y|e|et|und|für)"
)
_BODY_WITH_COMMAS = re.compile(
    rf"({_BODY_WORD}(?:,?\s{_BODY_WORD}){{3,15}})\s?(?:\.(?:\s|$)|[(\[])"
)
# what tells a body from people listed with their given names ("Smith, John, and Kim
# Lee."): a preposition of a body's name, or a body's word at its end
_BODY_MARK = re.compile(
    r"\b(?:of|for|on|für)\s|(?:Organi[sz]ation|Association|Institute|Council|Agency|"
    r"Commission|Foundation|Society|Union|Bank|Office|Department|Ministry|Division|"
    r"Program|Programme|Fund|Centre|Center|Board|Authority|Committee|Federation|"
    r"Secretariat|Academies|Academy)$"
)


def _body_with_commas(opening: str) -> str | None:
    """The whole name of a body that the entry opens with when it holds a comma (the
    raw head stops at the first one), or None."""
    found = _BODY_WITH_COMMAS.match(opening)
    if found is None or "," not in found.group(1):
        return None
    name = found.group(1)
    return name if _BODY_MARK.search(name) else None


def _opening(raw: str) -> str:
    """The entry's first characters in ASCII, case kept, its list label taken off."""
    return anyascii(_RAW_LABEL.sub("", raw[:200], count=1))[:120]


_SHORTEST_IMPRINT_ACRONYM = 3  # letters: "UP", "WP" stand for too many publishers
# An acronym in brackets right after a publisher's name: "Network (ATPS)."
_BRACKETED_ACRONYM = re.compile(r"\s?[(\[]([A-ZÀ-Þ][A-ZÀ-Þ0-9&-]{1,14})[)\]]")


def _imprint_acronyms(reference: Reference, name: str) -> list[str]:
    """The acronyms a citation may give for a publisher the entry names (folded): the
    one its imprint writes in brackets after the name ("Nairobi: The African Water
    Policy Network (AWPN)." is cited "(AWPN, 2013)"), and the initials of the name's
    significant words ("(AWPN, 2013)" for "Nairobi: African Water Policy Network.").
    Three letters at least."""
    acronyms = set(name_forms(name)[1])
    at = reference.raw.find(name)
    if at >= 0:
        bracketed = _BRACKETED_ACRONYM.match(reference.raw, at + len(name))
        if bracketed:
            acronyms.add(normalise_name(bracketed.group(1)).replace(" ", ""))
    return sorted(a for a in acronyms if len(a) >= _SHORTEST_IMPRINT_ACRONYM)


def _opens(opening: str, cited: list[str]) -> bool:
    """Whether `opening` starts with the first cited name (folded), not inside a longer
    word ("Dana" opens "DanaED…" and "Dana, E.", not "Danaher"), and holds the others."""
    low = opening.lower()
    first = cited[0]
    if not low.startswith(first):
        return False
    after = opening[len(first) : len(first) + 1]
    return not after.islower() and all(name in low for name in cited[1:])


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


def _a_title_read(first: Person) -> bool:
    """Whether a "person" is a title's words split like a name ("Gradient boosting." read
    as given "Gradient", family "boosting"): a family name's last word is capitalised
    (particles come before it, "van Dijk"), a title's common noun is not."""
    last = first.family.split()[-1:] or [""]
    return last[0][:1].islower()


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

_Key = tuple[tuple[str, ...], bool, int | None, str | None, bool, bool, Certainty, tuple[str, ...]]


class AuthorIndex:
    """Entries by the spellings of their first author, and every author name, built
    once per audit; results are remembered per distinct citation."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self._refs = list(references)
        self._position = {r.id: i for i, r in enumerate(self._refs)}
        self._scored = 0  # entries scored so far (`_SCORED`)
        self._spellings = [_first_author_spellings(r) for r in self._refs]
        aliases = script_aliases(self._refs)
        if aliases:  # "国家统计局. (2024)" is cited "NBS (2024)" when the list pairs the names
            for i, ref in enumerate(self._refs):
                people = _authors(ref)
                latin = aliases.get(people[0].family.strip()) if people else None
                if latin:
                    self._spellings[i].append(latin)
        self._by_name: dict[str, list[int]] = {}
        self._by_acronym: dict[str, list[int]] = {}
        self._any_author: dict[str, list[int]] = {}
        self._any_acronym: dict[str, list[int]] = {}
        for i, ref in enumerate(self._refs):
            for spelling in self._spellings[i]:
                names, acronyms = name_forms(spelling)
                _add(self._by_name, names, i)
                _add(self._by_acronym, acronyms, i)
            for person in _authors(ref):
                names, acronyms = name_forms(person.family)
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
        # first-author spellings by year and initial -- the letter written, and the one
        # spelling habits give ("Phelippe" is under p and f) -- for `_misspelt`
        self._by_year_initial: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for i, ref in enumerate(self._refs):
            if ref.year is None:
                continue
            for spelling in self._spellings[i]:
                for name in name_forms(spelling)[0]:
                    if _near_name_shape(name):
                        for initial in _initials(name):
                            key = (ref.year, initial)
                            self._by_year_initial.setdefault(key, []).append((i, name))
        self._by_year_part: dict[tuple[int, str], list[int]] | None = None  # at first need
        self._by_year: dict[int, list[int]] | None = None  # so is this
        self._raw_words: dict[int, str] = {}  # entries' texts folded, as first needed
        self._entry_texts: dict[int, EntryText] = {}  # so are these, for `authorless`
        self._authorless_by_year: dict[int, list[int]] | None = None  # at first need
        self._written: tuple[str, ...] = ()  # the names of the citation being decided

    # candidates --------------------------------------------------------------------

    def _first_fits(self, cited: str) -> set[int]:
        names, acronyms = name_forms(cited)
        found: set[int] = set()
        for name in names:
            found.update(self._by_name.get(name, ()))
            found.update(self._by_acronym.get(name, ()))
        for acronym in acronyms:
            found.update(self._by_name.get(acronym, ()))
        return found

    def _fit_count(self, citation: Citation) -> int:
        """At least as many entries as `_first_fits` gives the citation's first name,
        counted from the index's lists without building the set."""
        if not citation.authors:
            return 0
        names, acronyms = name_forms(citation.authors[0])
        by_name, by_acronym = self._by_name, self._by_acronym
        return sum(len(by_name.get(n, ())) + len(by_acronym.get(n, ())) for n in names) + sum(
            len(by_name.get(a, ())) for a in acronyms
        )

    def _is_an_author(self, cited: str) -> bool:
        """Whether the cited name is an author of some entry (whole, or as an
        acronym). A two-letter acronym is no evidence: "Lagoa Santa" is "LS", and a
        list of initials read as family names ("Pereira LS") holds many such."""
        names, acronyms = name_forms(cited)
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
            _lead_words(citation),
        )
        if key not in self._memo:
            if self._scored > _SCORED and self._fit_count(citation) > _WIDE_NAME:
                self._memo[key] = (citation, CitationMatch(citation.id))
            else:
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
        """Of several entries, those whose first author's given name the initials the
        citation gives after the name spell, as ABNT and APA write two authors of one
        surname apart: "(VIANA, C., 2017)" beside VIANA, C. 2017 and VIANA, M. 2017;
        "(Smith, J. A., 2020)" beside Smith, J. A. and Smith, J. B.; "(Kim, S.-H., 2017)"
        beside Kim, S.-H. and Kim, S.-J. Every initial compared first, then as far as
        both go, then the first alone. Unchanged when no initial is given or none or all
        of the entries have them."""
        if not citation.authors:
            return match
        # str.find and one compiled pattern, not a pattern per cited name (re's cache)
        text = citation.item or citation.text
        at = text.find(citation.authors[0])
        found = _CITED_INITIAL.match(text, at + len(citation.authors[0])) if at >= 0 else None
        if found is None:
            return match
        given = _given_initials(found.group(1))
        listed = {
            t: _given_initials(authors[0].given or "")
            for t in match.targets
            if (authors := _authors(self._refs[self._position[t]]))
        }
        for how in (0, 1, 3):
            narrowed = tuple(
                t for t in match.targets if t in listed and _given_spelt(listed[t], given, how)
            )
            if narrowed and len(narrowed) < len(match.targets):
                return CitationMatch(
                    match.citation_id, narrowed, match.year_mismatch, match.name_mismatch
                )
        return match

    def _by_title(self, citation: Citation, match: CitationMatch) -> CitationMatch:
        """Of several entries, the one whose title opens with the title words the
        citation gives after the name: Word's citation engine writes "(Dalby, Seeing
        Numbers 1994)" when the list holds two Dalby 1994 works, and authors write
        "(Roe, Pan, & Li, Quorum in der Praxis, 2017)": the title follows the last
        name, so every tail of the words before the year that starts after a comma is
        tried, longest first (a title may hold commas itself). A tail that is only the
        entries' authors' names ("Li") is no title. Unchanged unless exactly one entry's
        title opens with some tail."""
        head = _YEAR_ON.split(citation.item or citation.text, maxsplit=1)[0]
        names = {
            title_words(person.family or "")
            for t in match.targets
            for person in _authors(self._refs[self._position[t]])
        }
        titles = [
            title_words(self._refs[self._position[t]].title or "") + " " for t in match.targets
        ]
        at = head.find(",")
        for _ in range(_TITLE_TAILS):
            if at < 0:
                break
            tail = head[at + 1 :]
            at = head.find(",", at + 1)
            # MLA's page after the short title ("(Kay, Depots 7)") is no part of it:
            # the tail as written is tried first (a title may end in a number)
            for cited in dict.fromkeys((title_words(tail), title_words(_locator_off(tail)))):
                if not cited or cited in names or cited.split(" ", 1)[0] in {"et", "and"}:
                    continue
                narrowed = tuple(
                    t
                    for t, title in zip(match.targets, titles, strict=True)
                    if title.startswith(cited + " ")
                )
                if len(narrowed) == 1:
                    return CitationMatch(
                        match.citation_id, narrowed, match.year_mismatch, match.name_mismatch
                    )
        return match

    def _decide(self, citation: Citation) -> tuple[Citation, CitationMatch] | None:
        sure = citation.certainty is Certainty.SURE
        self._written = citation.authors
        readings = _readings(citation)
        best: tuple[int, Citation, CitationMatch] | None = None
        for variant in readings:
            match, score = self._match_reading(variant)
            if match.name_mismatch and _lengthened(citation, variant):
                continue  # words taken back into a name confirm a title, never a misspelling
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
        if yearless(citation) and variant.authors != citation.authors:
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
        author's given name the words cut away spell: "Han Xu (2011)" is the entry of
        Xu, H., not of Xu, L. of the same year; "(Dan E. Kay 2003)", citeproc's way of
        telling Kay, D. E. from Kay, D. F., is the first (every initial compared, then
        the initials as far as both go, then the word right before the name alone, as
        "Menurut Han Xu" has it). All of them when no reading narrows them."""
        cited, kept = citation.authors[0].split(), variant.authors[0].split()
        if len(variant.authors) != len(citation.authors) or len(kept) >= len(cited):
            return match
        given = "".join(normalise_name(w)[:1] for w in cited[: -len(kept)])
        listed = {
            t: _given_initials(authors[0].given or "")
            for t in match.targets
            if (authors := _authors(self._refs[self._position[t]]))
        }
        for how in range(3):
            narrowed = tuple(
                t for t in match.targets if t in listed and _given_spelt(listed[t], given, how)
            )
            if narrowed and len(narrowed) < len(match.targets):
                return CitationMatch(
                    match.citation_id, targets=narrowed, name_mismatch=match.name_mismatch
                )
        return match

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
                variant = self._declined(citation)
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
            if imprint is None:
                imprint = self._body_after_title(citation)
            if imprint is None:
                imprint = self._named_by_authorless(citation)
            if imprint is not None:
                return CitationMatch(citation.id, targets=self._ids([imprint])), 2
        self._scored += len(candidates)
        scored = [(self._form_score(citation, i), i) for i in sorted(candidates)]
        fitting = [(s, i) for s, i in scored if s > 0]
        if yearless(citation):
            # "(Tanaka et al.)": no year to hold against any entry; the authors decide
            best = _best(fitting)
            return CitationMatch(citation.id, targets=self._ids(best)), max(
                (s for s, _ in fitting), default=0
            )
        fits = {i: year_fits(citation, self._refs[i]) for _, i in fitting}
        for fit in ("exact", "family"):
            same_year = [(s, i) for s, i in fitting if fits[i] == fit]
            if same_year:
                return CitationMatch(citation.id, targets=self._ids(_best(same_year))), max(
                    s for s, _ in same_year
                )
        suffixed = [i for _, i in fitting if fits[i] == "suffix"]
        by_letter = by_suffix_position(citation, suffixed)
        if by_letter is None and len(suffixed) == 1:
            by_letter = suffixed[0]  # "2018b", the lone 2018 entry: nothing to tell apart
        if by_letter is not None:
            score = next(s for s, i in fitting if i == by_letter)
            return CitationMatch(citation.id, targets=self._ids([by_letter])), score
        # each look into an entry's text for the cited year costs several scorings
        self._scored += _RAW_COST * len(fitting)
        in_raw = [(s, i) for s, i in fitting if year_in_raw(citation, self._refs[i])]
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
        for near in (a_year_away, a_slip_away):
            found = tuple(t for t in best if near(cited, refs[t].year))
            if found:
                return found if len(found) == 1 else ()
        return ()

    def names_all_a_slip_away(self, citation: Citation, target: str) -> bool:
        """Whether the citation names every author of the entry `target`, two or more
        and no "et al.", and its year is a year or a typing slip away from the entry's:
        "(He and Zhang 2013)" for He & Zhang (2012)."""
        if citation.et_al or len(citation.authors) < 2 or citation.year is None:
            return False
        position = self._position.get(target)
        if position is None:
            return False
        reference = self._refs[position]
        if len(_authors(reference)) != len(citation.authors) or citation.year_suffix:
            return False
        if self._form_score(citation, position) != 3:
            return False
        return a_year_away(citation.year, reference.year) or a_slip_away(
            citation.year, reference.year
        )

    def _lettered_otherwise(self, citation: Citation, fitting: list[tuple[int, int]]) -> bool:
        """Whether the citation's year has a letter and the list letters that author's
        works of that year otherwise ("2006a" cited, only "2006b" listed)."""
        if not citation.year_suffix or citation.year is None:
            return False
        return any(
            self._refs[i].year == citation.year and self._refs[i].year_suffix for _, i in fitting
        )

    def _misspelt(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose first author is the cited name re-spelt:
        with a typo (`one_typo`), in another spelling habit (`respelt`: "Souza" for
        Sousa, "Mello" for Melo), or cut to the second half of a double surname
        (`_second_halves`: "Márquez" for García Márquez). The cited name is compared
        with and without a leading particle ("de Oliviera" for Oliveira). Only names
        of that year and initial are compared, at most a fixed number, so a hostile
        list of thousands of same-year entries stays linear; two entries near, and
        none is taken."""
        if citation.year is None:
            return None
        near: set[int] = set()
        for cited in _cited_forms(citation.authors[0]):
            near |= self._second_halves(citation, cited)
            for initial in _initials(cited):
                bucket = self._by_year_initial.get((citation.year, initial), [])
                if len(bucket) > _MAX_NEAR_NAMES:
                    return None  # so many same-year, same-initial names are no typo's
                for i, name in bucket:
                    if not year_fits(citation, self._refs[i]):
                        continue
                    if respelt(cited, name) or (
                        min(len(cited), len(name)) >= _SHORTEST_TYPO
                        and one_typo(cited, name)
                        # a five-letter name is one slip from many others: more must tie them
                        and (
                            min(len(cited), len(name)) > _SHORTEST_TYPO
                            or _more_than_the_name(citation, self._refs[i])
                        )
                    ):
                        near.add(i)
        return near.pop() if len(near) == 1 else None

    def _second_halves(self, citation: Citation, cited: str) -> set[int]:
        """Entries of the cited year whose first author, a person, has a double surname
        whose second half (or third) is the cited name: "Márquez" for "García Márquez",
        "Ferreira" for "Gómez-Ferreira", "Silva" for "Pereira da Silva". The first half
        is a spelling of the entry already (`_first_author_spellings`); the others are
        looked up by (year, half), an index built at the first need."""
        if self._by_year_part is None:
            self._by_year_part = {}
            for i, ref in enumerate(self._refs):
                authors = _authors(ref)
                if ref.year is None or not authors or not _a_person(authors[0]):
                    continue
                for half in _later_halves(authors[0].family):
                    _add(self._by_year_part, [(ref.year, half)], i)
        assert citation.year is not None
        bucket = self._by_year_part.get((citation.year, cited), ())
        if len(bucket) > _MAX_NEAR_NAMES:
            return set()
        return {i for i in bucket if year_fits(citation, self._refs[i])}

    def _slashed(self, cited: str) -> set[int]:
        """Entries having an author named as a part of a slashed name ("BAKHTIN/
        VOLOCHÍNOV"); `_form_score` keeps those having every part."""
        found: set[int] = set()
        for part in slash_parts(cited):
            for name in name_forms(part)[0]:
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
            if year_fits(citation, self._refs[i]) in ("exact", "family")
            and any(transliterated(citation.authors[0], s) for s in self._spellings[i])
        }
        return near.pop() if len(near) == 1 else None

    def _declined(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose first author is the cited name in
        another grammatical case ("Kowalskiego" for Kowalski, "Росстата" for Росстат,
        "Statistische Bundesamt" for Statistisches Bundesamt; `declined`). Only
        entries of that year and initial are compared, at most a fixed number, so a
        hostile list of thousands of same-year entries stays linear."""
        if citation.year is None:
            return None
        words = normalise_name(citation.authors[0]).split()
        while len(words) > 1 and words[0] in PARTICLES:
            words = words[1:]  # "das Statistische Bundesamt", "von Luhmanns"
        cited = " ".join(words)
        if len(cited) < SHORTEST_STEM:
            return None
        bucket = self._by_year_initial.get((citation.year, cited[0]), [])
        if len(bucket) > _MAX_NEAR_NAMES:
            return None
        near = {
            i
            for i, _ in bucket
            if year_fits(citation, self._refs[i]) in ("exact", "family")
            and any(declined(cited, normalise_name(s)) for s in self._spellings[i])
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
                    year_fits(citation, self._refs[i]) == "exact"
                    or year_in_raw(citation, self._refs[i])  # "(1809 [1808])"
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
        Writers shorten a long body's name so; `name_forms` needs the whole name or the
        whole acronym. Or the other way round, the list's name is the shorter: a body
        renamed ("R Development Core Team" cited, the list's "R Core Team") or named
        shortly in the list ("Nordic Marine Research Council" for "Nordic Research
        Council"). Three significant words at least (three letters for an acronym), the
        same first word, one word left out or added at most, the shorter name's words in
        the longer's order, the year exact, and one such entry only: never a guess."""
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
                fits = fits or syllables_spell(
                    cited[0], _raw_head(self._refs[i].raw), whole=not acronym
                )
            else:
                fits = words[0] == cited[0] and (
                    (
                        len(cited) < len(words) <= len(cited) + _MOST_LEFT_OUT
                        and _in_order(cited, words)
                    )
                    or (
                        len(words) < len(cited) <= len(words) + _MOST_LEFT_OUT
                        and _in_order(words, cited)
                    )
                )
            if fits and year_fits(citation, self._refs[i]) == "exact":
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
                    _add(self._by_imprint, [normalise_name(name), *_imprint_acronyms(ref, name)], i)
        bucket = self._by_imprint.get(cited, ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {i for i in bucket if year_fits(citation, self._refs[i]) == "exact"}
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
            return self._one_word_title(cited) if any_year else None
        if self._by_title_word is None:
            self._index_titles()
        assert self._by_title_word is not None
        bucket = self._by_title_word.get(cited.split()[0], ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {
            i
            for i in bucket
            if (any_year or year_fits(citation, self._refs[i]) == "exact")
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

    def _body_after_title(self, citation: Citation) -> int | None:
        """The one entry of the cited year whose text names the cited body whole, when
        no entry has it as an author: a list that opens an entry with the work's title
        and names the body after it ("Annual digest of port notices. Office of the
        Harbour Board (2003).") is read with the title for its author. A name of three
        significant words at least (a person's or a place's is shorter), no "et al.",
        the year exact, entries of that year looked up by it (at most a fixed number)."""
        if citation.et_al or len(citation.authors) != 1 or citation.year is None:
            return None
        words = normalise_name(citation.authors[0]).split()
        if len([w for w in words if w not in CONNECTORS]) < _FEWEST_BODY_WORDS:
            return None
        if self._by_year is None:
            self._by_year = {}
            for i, ref in enumerate(self._refs):
                if ref.year is not None:
                    _add(self._by_year, [ref.year], i)
        bucket = self._by_year.get(citation.year, ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        cited = " " + " ".join(words) + " "
        near = set()
        for i in bucket:
            if i not in self._raw_words:
                self._raw_words[i] = " " + normalise_name(self._refs[i].raw[:600]) + " "
            if cited in self._raw_words[i] and year_fits(citation, self._refs[i]) == "exact":
                near.add(i)
        return near.pop() if len(near) == 1 else None

    def _named_by_authorless(self, citation: Citation) -> int | None:
        """The one entry of the cited year with no personal author whose text names every
        cited name (`citeaudit.matching.authorless`): "(FAO, 2020)" for "The condition of
        upland pastures. (2020). FAO.", "[Moura & Teles, 2011]" for "Arquitetura de Redes
        – Bia Moura Caio Teles, 2011.", "(Wikipedia, 2023)" for "Title. (2023). In
        Wikipedia.". The year exact, no WEAK reading (a capitalised word before a year in
        running text names no work on a title's word), no name that is some entry's
        author (that is another work of theirs), one such entry only."""
        if citation.year is None or not citation.authors:
            return None
        if citation.certainty is Certainty.WEAK or self._is_an_author(citation.authors[0]):
            return None
        if citation.authors != self._written:
            return None  # a shorter reading ("Sequencing Consortium") names no such work
        if self._authorless_by_year is None:
            self._authorless_by_year = {}
            for i, ref in enumerate(self._refs):
                authors = _authors(ref)
                if ref.year is None or (
                    authors and _a_person(authors[0]) and not _a_title_read(authors[0])
                ):
                    continue
                _add(self._authorless_by_year, [ref.year], i)
        bucket = self._authorless_by_year.get(citation.year, ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = set()
        for i in bucket:
            ref = self._refs[i]
            if year_fits(citation, ref) != "exact":
                continue
            text = self._entry_texts.get(i)
            if text is None:
                text = self._entry_texts[i] = entry_text(ref.raw, ref.year)
            if names_all(text, citation.authors):
                near.add(i)
                if len(near) > 1:
                    return None
        return near.pop() if near else None

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

    def _one_word_title(self, cited: str) -> int | None:
        """The one entry with no personal author whose title is the one cited word: a
        one-word title quoted alone in a parenthesis, "(“JUnit”)", as citeproc cites
        such a work (`manuscript.citations.titles`; no other title reading gives one
        word). Its whole opening, not its first word: "JUnit" is no citation of
        "JUnit 5 User Guide"."""
        if not cited:
            return None
        if self._by_title_word is None:
            self._index_titles()
        assert self._by_title_word is not None
        bucket = self._by_title_word.get(cited, ())
        if len(bucket) > _MAX_OPENINGS:
            return None
        near = {i for i in bucket if cited + " " in self._title_openings.get(i, ())}
        return near.pop() if len(near) == 1 else None

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
                year_fits(citation, self._refs[i]) == "exact"
                or year_in_raw(citation, self._refs[i])
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
        names, _ = name_forms(cited[0])
        near = {
            i
            for name in names
            for i in self._any_author.get(name, ())
            if (
                year_fits(citation, self._refs[i]) == "exact"
                or year_in_raw(citation, self._refs[i])
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
        return i if year_fits(citation, self._refs[i]) == "exact" else None

    def _swapped(self, citation: Citation) -> int | None:
        """The one entry of the cited year by the two cited authors in the other order
        ("Zuloaga and Morrone 2012" for "Morrone O, Zuloaga FO (2012)"), when no entry
        of that year has them in the order cited: the same work with its names swapped,
        linked and reported as a name mismatch, not a missing work and an uncited
        entry. Only two-author works, never "et al.", at most a fixed number looked at."""
        if citation.et_al or citation.year is None or len(citation.authors) != 2:
            return None
        first, second = citation.authors
        names, _ = name_forms(second)
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
                year_fits(citation, self._refs[i]) == "exact"
                or year_in_raw(citation, self._refs[i])
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
            parts = slash_parts(cited[0]) if len(cited) == 1 else []
            if parts and all(any(same_person(p, a.family) for a in authors) for p in parts):
                return 3 if len(authors) == len(parts) else 2
            return 0
        if not authors:
            return 3 if len(cited) == 1 else 1
        later = all(
            i < len(authors) and _later_author(name, authors[i])
            for i, name in enumerate(cited[1:], start=1)
        )
        if not later:
            return 1
        if citation.et_al:
            if len(authors) >= 3 or _more_authors_written(reference):
                return 3
            return 2 if len(authors) == 2 else 1
        if len(authors) == len(cited):
            # every name cited, but the entry has more ("Roe A, Poe B, et al."): near
            return 2 if _more_authors_written(reference) else 3
        return 1


_MOST_FAMILY_WORDS = 3
# "et al." (or a language's "and others") closing an entry's names: "LIMA, Q. et al.",
# "Roe A, Poe B, et al.", "Silva J, y col.", "Иванов И. И. и др."
_MORE_AUTHORS = re.compile(
    r"[\s,;]\s?(?:et\.?\s?al\b|e\s+col\b|y\s+col\b|et\s+coll?\b|e\s+outros\b"
    r"|y\s+otros\b|u\.\s?a\.|и\s+др\b)",
    re.IGNORECASE,
)
_AUTHOR_PART = 200  # characters that can hold an entry's shortened author list


# A locator ending a citation after its title: "7", "7-9", "112, 118", ", p. 7", "pp.
# 3–5". Anchored at the end and bounded, each piece one reading.
_TRAILING_LOCATOR = re.compile(
    r"(?:[,;]?\s{0,3}(?:(?:pp?|S|ch|chap|par|sec|fol|col|l|ll)\.\s{0,3})?"
    r"(?<!\d)\d{1,5}(?!\d)(?:\s{0,3}[-–]\s{0,3}\d{1,5}(?!\d))?[a-z]?){1,6}\s{0,3}$"
)


_LOCATOR_SPAN = 60  # characters at a tail's end a locator is looked for in


def _locator_off(tail: str) -> str:
    """A citation's words after a name with the page (or pages) ending them cut off:
    "Depots 7" -> "Depots", MLA's short title and page."""
    return tail[:-_LOCATOR_SPAN] + _TRAILING_LOCATOR.sub("", tail[-_LOCATOR_SPAN:], count=1)


def _more_authors_written(reference: Reference) -> bool:
    """Whether the entry itself shortens its author list with "et al." (ABNT and
    Vancouver lists do past three or six names): it has more authors than were read,
    so an et-al citation fits it fully. Looked for before the title (or the year),
    where the names are: "et al." in a title is no author list's."""
    raw = reference.raw
    end = raw.find(reference.title[:20]) if reference.title else -1
    if end <= 0 and reference.year is not None:
        end = raw.find(str(reference.year))
    return _MORE_AUTHORS.search(raw, 0, end if end > 0 else _AUTHOR_PART) is not None


def _later_author(cited: str, person: Person) -> bool:
    """Whether a co-author's name as cited is the entry's author at that place: the
    family name, or one end of a family name of two or three words -- a middle name
    the list reader took into it ("C. Robert Poe" read as family "Robert Poe", cited
    "Poe" by citeproc) or a double surname cited by its first half ("García" for
    "García Márquez"). Only scores entries the first author and year fit already."""
    if names_match(cited, person.family):
        return True
    words = person.family.split()
    if person.organisation or not 2 <= len(words) <= _MOST_FAMILY_WORDS:
        return False
    return names_match(cited, words[-1]) or names_match(cited, words[0])


def _add(index: dict[_K, list[int]], keys: Iterable[_K], position: int) -> None:
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
    pattern = _written_name(kept.authors[0]) if kept.authors else None
    found = re.search(pattern, item) if pattern else None
    return bool(_AND_JOIN.search(item[: found.start()] if found else item))


# What may stand between the words of a name as written: white space and emphasis marks
# ("*Smith* and _Jones_").
_BETWEEN_WORDS = r"[\s*_]+"


def _written_name(name: str) -> str | None:
    """A pattern that finds `name` as the text writes it, its words parted by white space
    or emphasis marks; None when it has no word. Each word's own leading and trailing
    marks are left to the runs between words: a word that began or ended with one (or was
    nothing else, "_ _ _") let the runs and the words share a run of marks, and a search
    tried every way of parting it -- exponential in such words ("_" six times, then
    "Smith", against a run of 60 underscores: 1.5 s; eight times: 40 s). Stripped, every
    word begins and ends with something no run holds, so each run is read one way
    (10,000 such words against 600,000 underscores: under a millisecond)."""
    words = [w.strip("*_") for w in name.split()]
    kept = [re.escape(w) for w in words if w]
    return _BETWEEN_WORDS.join(kept) if kept else None


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
    numbered = _without_document_number(authors[0]) if authors else None
    if numbered:  # "(WHO TRS-1019, 2019)": the body's report, listed under the body
        readings.append(dataclasses.replace(citation, authors=(numbered, *authors[1:])))
    lead = _lead_words(citation)
    for k in range(1, len(lead) + 1):
        # "(Guide to Open Data, 2019)" read as "Open Data" (a lower-case word opens no
        # name): the title with the words before it, longest last, each a reading an
        # entry must confirm (its text or title opening so, of that year)
        longer = " ".join((*lead[-k:], authors[0]))
        readings.append(dataclasses.replace(citation, authors=(longer,)))
    return readings


# A word that numbers a document ("TRS-1019", "No.5", "2/2019"): letters and digits
# with a digit in them, or a run of digits with separators -- never a year alone.
_DOCUMENT_NUMBER = re.compile(r"^(?:[^\W\d_]{1,8}[-./]?)?\d[\d./-]*[^\W_]{0,3}$")
_MOST_LEAD_WORDS = 6  # words before a cut name taken back into it
# Characters of a citation's group searched for its item: far past a real group. A
# weak reading of a 600 KB run "Smith 2020, 2020, ..." gave 100,000 citations sharing
# that run as their text, each with an item ("Smith, 2020") the run does not hold
# written so: every one searched the whole run (19 CPU s; 5 MB, some twenty minutes).
_ITEM_REACH = 2_000


def _without_document_number(name: str) -> str | None:
    """A body's name without the document number written after it: "WHO TRS-1019" ->
    "WHO", "IPCC AR 6" stays (a number alone after a word may be a volume's or a
    collector's, "Bates 561"); None when the name has no such number, or is nothing
    else ("nick1627", a user's handle, is a name)."""
    words = name.split()
    if len(words) < 2 or not _DOCUMENT_NUMBER.match(words[-1]) or words[-1].isdigit():
        return None
    kept = words[:-1]
    if kept[-1].rstrip(".").casefold() in {"no", "nº", "n°", "nr", "n"} and len(kept) > 1:
        kept = kept[:-1]  # "WHO No. 1019"
    return " ".join(kept)


def _lengthened(citation: Citation, reading: Citation) -> bool:
    """Whether the reading is the name with words before it taken back (`_lead_words`)."""
    if not citation.authors or not reading.authors:
        return False
    return reading.authors[0].endswith(" " + citation.authors[0])


def _lead_words(citation: Citation) -> tuple[str, ...]:
    """The words that stand before a parenthetical work's name in its group with no
    separator between: the reader starts a name at a capital after a lower-case word,
    so "(Guide to Open Data, 2019)" gave "Open Data" and a weak citation; the words
    before it ("Guide to") may be its start. Only for a weak, single name: a sure
    citation's name is as written."""
    if citation.narrative or citation.et_al or citation.certainty is not Certainty.WEAK:
        return ()
    if len(citation.authors) != 1 or not citation.item:
        return ()
    text = citation.text
    at = text.find(citation.item, 0, _ITEM_REACH + len(citation.item))
    if at <= 0 or not text[at - 1].isspace():
        return ()
    before = text[max(0, at - 160) : at]
    before = before[max(before.rfind(s) for s in "([;") + 1 :]
    words = before.split()[-_MOST_LEAD_WORDS:]
    if not words or not words[-1][-1:].isalpha():
        return ()  # "(e.g., Lee, 2020)": a separator parts the words from the name
    return tuple(words)


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
    pattern = _written_name(authors[0])
    found = re.search(pattern, citation.text) if pattern else None
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


_LONGEST_NEAR_NAME = 40  # letters: a surname, even a double one, is shorter
_MOST_HALVES = 3  # words of a double (or triple) surname, particles aside


def _near_name_shape(name: str) -> bool:
    """Whether a folded name form is one `_misspelt` compares: long enough for a
    re-spelling to mean something, short enough to be a name, no word bag nor a body's
    shared form ("=who": the body's names are exact, never a typo's)."""
    return SHORTEST_RESPELT <= len(name) <= _LONGEST_NEAR_NAME and not name.startswith((BAG, BODY))


def _initials(name: str) -> set[str]:
    """The first letter of a folded name, and of its `habit_form` ("phelippe": p, f)."""
    return {name[0], habit_form(name)[0]}


def _cited_forms(cited: str) -> list[str]:
    """The cited name folded, whole and without a leading particle ("de oliviera",
    "oliviera"), of the shape `_misspelt` compares."""
    return sorted(n for n in name_forms(cited)[0] if _near_name_shape(n) and " " not in n)


def _later_halves(family: str) -> list[str]:
    """The folded words of a double surname after its first, particles aside: "García
    Márquez" -> ["marquez"], "Pereira da Silva" -> ["silva"], "Smith" -> []. Only
    surnames of two or three such words, each of four letters or more."""
    words = [w for w in normalise_name(family).split() if w not in PARTICLES]
    if not 2 <= len(words) <= _MOST_HALVES:
        return []
    return [w for w in words[1:] if len(w) >= SHORTEST_RESPELT]


# ", C., 2017" after an ABNT name: the first author's initial (and any more)
_CITED_INITIAL = re.compile(r"\s*,\s*([A-ZÀ-Þ]\.(?:[\s-]{0,2}[A-ZÀ-Þ]\.){0,3})\s*[,;]")


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


_GLUED_GIVEN = 4  # capitals of a given name that are initials run together ("JA")
_GIVEN_WORD = re.compile(r"[^\W\d_]+")


def _given_spelt(listed: str, cited: str, how: int) -> bool:
    """Whether an entry's given initials (`listed`) are those cited, read `how` strictly:
    0 all of them, 1 as far as both go, 2 the cited name's last initial opening them,
    3 the first initials alike."""
    if how == 0:
        return listed == cited
    if how == 1:
        return bool(listed) and (listed.startswith(cited) or cited.startswith(listed))
    if how == 2:
        return listed[:1] == cited[-1:]
    return listed[:1] == cited[:1]


def _given_initials(given: str) -> str:
    """The initials of a given name, folded: "Anna B." -> "ab", "C. R." -> "cr", "JA"
    (Vancouver's initials run together) -> "ja"."""
    if given.isupper() and given.isalpha() and len(given) <= _GLUED_GIVEN:
        return normalise_name(given).replace(" ", "")
    return "".join(normalise_name(w)[:1] for w in _GIVEN_WORD.findall(given))


def _best(scored: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    pairs = [(s, i) for s, i in scored if s > 0]
    if not pairs:
        return ()
    top = max(s for s, _ in pairs)
    return tuple(i for s, i in pairs if s == top)
