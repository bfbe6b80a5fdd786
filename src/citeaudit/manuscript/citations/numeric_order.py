"""Flattened superscripts read by the order a Vancouver list is numbered in.

A superscript citation that lost its markup is a bare number in the sentence:
"dentre outros 6.", "in 1999 5,6. The", "Miranda 20 argues", "the literature, 60
this being". Read on its own such a number is as often a count, a value or a label
("12 patients", "in 2010, 11 were"), and `numeric`'s spaced form refuses most of
these places on purpose.

What tells them apart is the list's own numbering. A list numbered by first
citation (Vancouver, and most journals printing superscripts) is cited 1, 2, 3, ...:
each work's first citation carries the next number. So where the manuscript's sure
citations (brackets, marked superscripts, the spaced numbers that are its style)
follow that order, a bare number standing where a superscript stands, that carries
exactly the next number not yet cited, is that work's first citation. A count is
almost never the very number the list expects next at that point, and it is refused
otherwise. Nothing is read this way unless:

* the manuscript has a list, and its sure numeric citations introduce their numbers
  in order (`ordered`): an author-year paper with footnote digits, or a list numbered
  alphabetically, reads none of these;
* the number stands apart where a flattened superscript stands: after a space that
  follows a word, punctuation or another number (a year: "em 1999 5,6"), not after a
  label word ("Table 1"), a unit, a month, a comparison sign, and not before a unit,
  a percent sign, a decimal or a letter glued to it;
* its first number is the next one (or the next one cited anywhere: the order skips
  an uncited entry), or its numbers are cited nowhere else and fit between the numbers
  cited before and after it; and its numbers rise.

A list numbered alphabetically (cited out of order) gives no order to follow: there a
bare number is read only where its entry is cited nowhere else, once. Never read: a
number after a citation and a comma ("grew.^5^, 6 plates failed"), prose going on.

Numbers already cited before are not read at such places: only a first citation has
the order's evidence, and it is the one whose loss made an entry look uncited.

Half brackets set off by a space -- "common 1)", "spreads 2,4)", "as reported 3-5)."
-- are read the same way, and only in a paper whose sure citations mostly close with
a half bracket ("walls1)", `half_bracket_style`): there the bracket is the citation's
own mark, so a number cited before is read again as well. Never a bracket some "("
on the line opened ("(see Figure 1)"), an item of an inline enumeration ("aims: 1) to
fire, and 2) to cool"), a list item opening its line, or a number after a sign or a
label ("n = 12)", "step 2)").

Every pattern here is linear: separators are single characters or fixed strings that
cannot start with a digit, so no two quantified parts compete for the same text.
"""

from __future__ import annotations

import bisect
import collections
import heapq
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from citeaudit.manuscript.citations.numeric_candidate import (
    Candidate,
    determined,
    expand,
    word_before,
)

# the separators of a flattened list, as publishers' XML leaves them: plain ("5,6",
# "46-48"), marked superscript alone ("12^,^13"), or SciELO's bracketed superscript
# whose brackets alone kept the markup ("10^),(^11", "9^)-(^11" for ^(10),(11)^), or
# lost it with them ("3), (4")
_SEPARATOR = r"(?:\^\)?[,;\-–]\(?\^|\) ?[,\-–] ?\(|[,;\-–])"
_LOOSE = re.compile(rf"(?<= )(?P<list>\d{{1,3}}(?:{_SEPARATOR}\d{{1,3}})*+)")
# a superscript set after a number, which `numeric` refuses as an exponent: "em
# 2013^(15)^", "RDC No. 530^15^"
# a half-bracket citation set off by a space, "common 1)", "spreads 2,4)": the
# closing bracket is the citation's own mark (see `half_bracket_style`)
_HALF = re.compile(rf"(?<= )(?P<list>\d{{1,3}}(?:{_SEPARATOR}\d{{1,3}})*+)(?=\))")
# the first two items of an inline enumeration: "aims: 1) to ...; 2) to", "were 1) x,
# and 2) y" (an item follows a colon, a comma, a semicolon or a word leading a list)
_ITEM_LEAD = (
    r"(?:^|[:;,]\s|\b(?:to|are|were|is|was|be|as|include|includes|including|namely|"
    r"that|which|whether|and|or|e|y|ou|o|und|et|então|são|foram|fueron|son)\s)"
)
_FIRST_ITEM = re.compile(rf"{_ITEM_LEAD}1\)(?= [^\W\d_])", re.IGNORECASE)
_SECOND_ITEM = re.compile(rf"{_ITEM_LEAD}2\)(?= [^\W\d_])", re.IGNORECASE)
_AFTER_NUMBER = re.compile(r"(?<=\d)\^\(?(?P<list>\d{1,3}(?:[,\-–]\d{1,3})*+)\)?\^")
# a number before the comma, not a year: "(6, 7, 11, 18)" but "in 1999, 11 when"
_NUMBER_BEFORE = re.compile(r"(?<!\d)(?!(?:1[5-9]|20)\d\d,)\d{1,4},$")
_POWER_BASE = re.compile(r"(?<![\d.,])10$")
_THOUSANDS = re.compile(r",\d{3}")
# a drug's or a gene's code name ending in digits: "HM61713", "AZD9291" (two capitals
# or more, then digits; "CD4" and "IL-6" are counted by the words after them)
_CODE_NAME = re.compile(r"(?<![^\W\d_])[A-Z]{2,6}\d{3,6}\Z")
_ET_AL = re.compile(r"\bet al\.? $")
_LOOKBACK = 40
_HALF_LOOKBACK = 300  # an unclosed bracket, an enumeration's items: within a few sentences


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# where a flattened superscript cannot stand: after these, a number is a value
_SIGNS_BEFORE = frozenset("=<>≤≥±×~+*/#№$€£")
_MONTHS = _words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec janeiro fevereiro "
    "março abril maio junho julho agosto setembro outubro novembro dezembro enero "
    "febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre"
)
# Words after which a bare number is a count, a version, a label: "into 17 groups",
# "version 10", "exon 7", "Nesses 20 anos", "of which 30".
_COUNT_LEADS = _words(
    "into in on for with within after before over under per than about around nearly "
    "almost only all these those the an its their our which whom version versions "
    "release exon exons intron chromosome chromosomes lane lanes well wells "
    "nos nas aos às pelos pelas cerca apenas todos todas estes estas esses essas "
    "nesses nessas destes destas os as um uma versão versões "
    "unos unas estos estas esos esas versión versiones todos hace durante há "
    # a part of a whole counted after a relative pronoun or a total's word: "dos quais
    # 20 eram", "de los cuales 20", "dont 20", "von denen 20", "totalizando 22 equipes"
    # (read as the next number in the list's order, the count cited that entry)
    "quais qual cuales cuáles cual dont lesquels lesquelles desquels denen deren quali "
    "totalizando totalling totaling totalizing totalisant totalizzando insgesamt "
)
# Words a count is of, when they follow it: "20 anos", "6-12 months", "50 mL".
_COUNTED = _words(
    "years year months month weeks week days day hours hour minutes minute seconds "
    "second times patients cases participants subjects studies articles items women "
    "men children persons people mice rats cells samples mm cm ml µl μl mg kg g h "
    "min s y yr yrs mo wk wks d anos ano meses mês semanas semana dias dia horas hora "
    "minutos segundos vezes pacientes casos artigos estudos mulheres homens crianças "
    "años año semanas días horas veces that who whom of"
)
# Enough sure citations introduced in order before the order is evidence.
_LEAST_ORDERED = 4
# Sure citations closed by a half bracket before a spaced one is read ("walls1)").
_LEAST_HALVES = 3
_ORDER_SHARE = 0.8
# The forms of a superscript style, marked or flattened: where else a bare number is
# a count. In a paper citing in brackets or round brackets a bare number is a value.
_SUPERSCRIPT_FORMS = frozenset(("superscript", "superscript-number", "spaced", "glued"))
_SUPERSCRIPT_SHARE = 0.5
# A first citation introduces a few works at once ("63-65"); "12-30 mL" is a span.
_MOST_INTRODUCED = 6
_NEXT_TOKEN = re.compile(r"[ \t]{1,4}+(?P<word>[^\W\d_]{1,40}+)(?P<rest>.{0,2})")
# a unit written in mixed case: "mEq", "mL", "mmHg", "kDa"
_UNIT_CASE = re.compile(r"[a-zµμ]{1,3}[A-Z]")
# words joining numbers of a series: "12 e 24 meses", "5 to 10", "3 or 4"
_SERIES = _words("e and y or ou o to a até and-or")
# what makes the number before it a count of a whole: its share in brackets ("36
# (85,7%)", "12 (n = 40%)" is no share), or the whole itself ("8 out of 125")
_SHARE_AFTER = re.compile(r"[ \t]\(\d{1,3}(?:[.,]\d{1,3})? ?%|[ \t]out of\b")
# an item a label or a number opens: "Research question 2: How", "Plot 1: Latitude",
# "a saber: 1. Na sua", "; 2. Em". A first citation before a colon opening a
# sentence, or as an item opening a clause, is rare; a label there is common.
_LABEL_COLON = re.compile(r":[ \t][^\W_a-z]")
_ITEM_STOP = re.compile(r"\.[ \t][^\W\d_]")


def loose_candidates(text: str, refused_words: frozenset[str]) -> list[Iterator[Candidate]]:
    """Bare numbers where a flattened superscript may stand (weighed by `in_order`).

    `refused_words` are the words after which a number is a label or a value (the
    caller's label, unit and value words: "Table 1", "5 mg", "foi 8"). Three streams,
    each in text order: bare numbers, superscripts set after a number, and numbers
    closed by a half bracket ("common 1)", read only in a paper citing so).
    """
    return [
        _bare_numbers(text, refused_words),
        _after_numbers(text),
        _half_brackets(text, refused_words),
    ]


def _start(candidate: Candidate) -> int:
    return candidate.start


def _bare_numbers(text: str, refused_words: frozenset[str]) -> Iterator[Candidate]:
    for m in _LOOSE.finditer(text):
        start, end = m.start(), m.end()
        if not _free_after(text, end) or not _free_before(text, start - 1, refused_words):
            continue
        if _counted(text, end) or _labelled_item(text, start, end):
            continue
        if in_count_series(text, start, end):
            continue  # "11 indicadores de saúde, 20 indicadores sociais (2019)"
        if _THOUSANDS.search(m.group("list")):
            continue  # "North, 211,009 in 2000": a count with a thousands separator
        body = re.sub(r"[\^() ]", "", m.group("list"))
        numbers = expand(body)
        if numbers:
            yield Candidate(start, end, numbers, "loose")


def _half_brackets(text: str, refused_words: frozenset[str]) -> Iterator[Candidate]:
    """ "common 1)", "spreads 2,4)", "as reported 3-5).": a number a space sets off,
    closed by a bracket no bracket opened. The span is the numbers, as the glued form's
    ("common1)") is. Never after a sign or a label word ("n = 12)", "(see Figure 1)"
    is refused twice: the word and the open bracket), never an item of an enumeration
    ("aims: 1) to", "wing, 2) tail")."""
    for m in _HALF.finditer(text):
        start, end = m.start(), m.end()
        if text[max(start - 2, 0) : start] in (": ", "; ") or not _free_after(text, end + 1):
            continue
        if not _free_before(text, start - 1, refused_words) or _opened_before(text, start):
            continue
        if _THOUSANDS.search(m.group("list")) or _enumeration_item(text, start, end):
            continue
        numbers = expand(re.sub(r"[\^() ]", "", m.group("list")))
        if numbers:
            yield Candidate(start, end, numbers, "half")


def _line_before(text: str, start: int) -> str:
    """The line up to `start`, at most `_HALF_LOOKBACK` back (linear on a one-line page)."""
    low = max(start - _HALF_LOOKBACK, 0)
    return text[text.rfind("\n", low, start) + 1 or low : start]


def _opened_before(text: str, start: int) -> bool:
    """A round bracket opened before on the line and not closed: the ")" closes it."""
    line = _line_before(text, start)
    return line.count("(") > line.count(")")


def _enumeration_item(text: str, start: int, end: int) -> bool:
    """An item of an inline enumeration: it opens a clause ("2) estimate"), and the
    items 1) and 2) stand on its line within a few sentences."""
    after = text[end + 1 : end + 3]
    if len(after) < 2 or after[0] != " " or not after[1].isalpha():
        return False
    window = _line_before(text, start) + text[start : start + _HALF_LOOKBACK]
    # both items' "1)" and "2)" must be there: a plain substring test spares the two
    # word-alternation searches on most candidates (same answer, a quarter of the read)
    if "1)" not in window or "2)" not in window:
        return False
    return _FIRST_ITEM.search(window) is not None and _SECOND_ITEM.search(window) is not None


def half_bracket_style(text: str, sure: Iterable[Candidate]) -> bool:
    """Whether the paper closes its numeric citations with a half bracket: most of its
    sure citations are followed by a ")" no bracket opened ("walls1)", "^1)^"). Only
    then is a spaced "common 1)" a citation rather than an item, a value or a label."""
    total = closed = 0
    for candidate in sure:
        total += 1
        marked = text[candidate.start : candidate.end]
        if text[candidate.end : candidate.end + 1] == ")" or (")" in marked and "(" not in marked):
            closed += not _opened_before(text, candidate.start)
    return closed >= _LEAST_HALVES and closed >= _SUPERSCRIPT_SHARE * total


def _after_numbers(text: str) -> Iterator[Candidate]:
    for m in _AFTER_NUMBER.finditer(text):
        if _POWER_BASE.search(text, max(m.start() - 4, 0), m.start()):
            continue  # "10^5^ cells": a power
        numbers = expand(m.group("list"))
        if numbers and _free_after(text, m.end()):
            yield Candidate(m.start(), m.end(), numbers, "after-number")


def _counted(text: str, end: int) -> bool:
    """What follows makes the number a count or a value: "20 anos", "1,6 mEq/L",
    "12 e 24 meses", "5 to 10", "36 (85,7%)", "8 out of 125", "3 Nov 1990"."""
    if _SHARE_AFTER.match(text, end):
        return True
    following = _NEXT_TOKEN.match(text, end)
    if following is None:
        return False
    word, rest = following.group("word"), following.group("rest")
    if word.casefold() in _COUNTED or _UNIT_CASE.match(word) or rest.startswith("/"):
        return True
    if word.casefold() in _MONTHS:
        return True  # "PERU. 3 Nov 1990": a date's day
    return word.casefold() in _SERIES and rest[:1] == " " and rest[1:2].isdigit()


# A number and the words after it, as a series of counts writes each item: "11
# indicadores de saúde", "20 social indicators". Bounded words, bounded window.
_COUNT_ITEM = re.compile(r"(?<![\w.,/])\d{1,5}(?P<words>(?:[ \t]{1,3}[a-zà-ÿ][^\W\d_]{0,30}){1,3})")
_SERIES_REACH = 120  # characters each side of the number looked at
_SERIES_WORD = 4  # letters a shared word has at least ("de", "the", "of" are not)
# verbs after which no word names the counted thing: "12 was used", "5 foi usada"
_SERIES_VERBS = _words(
    "was were is are has have had be been will would can could may might should "
    "foi foram é são era eram está estão fue fueron es son ha han fut sont est"
)
_SERIES_STOP = _words("with from that this were have than para como pelo pela entre sobre")


def in_count_series(text: str, start: int, end: int) -> bool:
    """Whether the number at `start:end` is one of a series of counts of one thing:
    another number nearby is followed by the same noun ("11 indicadores de saúde, 20
    indicadores sociais", "12 health indicators and 20 social indicators", "3 dias de
    chuva e 5 dias secos"). Read by the list's order, the first number of such a
    one-line series cited the entry of that number and the year after the last ("20
    indicadores sociais (2019)") made nothing of it; a flattened superscript is never
    followed by the noun another number is."""
    own = _COUNT_ITEM.match(text, start)
    if own is None or own.end("words") <= end:
        return False
    words = _series_words(own.group("words"))
    if not words:
        return False
    low, high = max(0, start - _SERIES_REACH), min(len(text), end + _SERIES_REACH)
    for other in _COUNT_ITEM.finditer(text, low, high):
        if other.start() == start:
            continue
        if words & _series_words(other.group("words")):
            return True
    return False


def _series_words(words: str) -> frozenset[str]:
    """The words naming what a number counts: those before a verb. "5 kilns were fired"
    counts kilns; in "(CA) 5 was used" the number is a verb's subject, "used" no noun,
    and two such numbers ("version 12 was used") share no counted thing."""
    named: list[str] = []
    for w in words.split():
        folded = w.casefold()
        if folded in _SERIES_VERBS:
            break
        named.append(folded)
    return frozenset(w for w in named if len(w) >= _SERIES_WORD and w not in _SERIES_STOP)


def _labelled_item(text: str, start: int, end: int) -> bool:
    """A number that labels what follows: one before a colon opening a new clause
    ("Research question 2: How", "Plot 1: Latitude"), or an enumeration's item after a
    colon or a semicolon ("a saber: 1. Na sua", "; 2. Em")."""
    if _LABEL_COLON.match(text, end):
        return True
    return text[max(start - 2, 0) : start] in (": ", "; ") and bool(_ITEM_STOP.match(text, end))


def _free_after(text: str, end: int) -> bool:
    """The number ends there: a space, the line's end, or punctuation closing it."""
    after = text[end : end + 2]
    if not after or after[0] in " \t\n":
        return True
    # not ")": "2) Strategies" numbers an item, "(DP 10)" gives a value
    if after[0] in ".,;:" and (len(after) == 1 or not after[1].isalnum()):
        return True
    return after[0] in ".;:" and after[1].isalpha()


def _free_before(text: str, space: int, refused_words: frozenset[str]) -> bool:
    """What precedes the space before the number lets a superscript stand there."""
    if space < 1:
        return False
    before = text[space - 1]
    if before.isspace() or before in _SIGNS_BEFORE:
        return False
    if before.isdigit():
        # a number before: a year or a quantity the citation follows ("em 1999 5,6");
        # not a decimal, a time or a list of numbers ("1,5 2", "10:30 4")
        token = text[max(space - _LOOKBACK, 0) : space].rsplit(None, 1)[-1]
        # ... or a code name of letters and digits, cited like a word: "olmutinib/HM61713
        # 32 were introduced" (not a decimal, a time, a value: no two letters in them)
        return (token.isdigit() and len(token) == 4) or _CODE_NAME.search(token) is not None
    at, written = word_before(text, max(space - _LOOKBACK, 0), space + 1)
    word = written.casefold()
    if _ET_AL.search(text, max(space - 8, 0), space + 1):
        return True  # "Constance et al 6 showed"
    compound = at >= 0 and text[at - 1 : at] == "-"
    if word in _DETERMINED_LEADS and determined(text, at) and _sentence_ends(text, space + 1):
        return True  # "in this group 10.": a group spoken of, no labelled "group 2"
    if not compound and (word in refused_words or word in _MONTHS or word in _COUNT_LEADS):
        return False  # "Table 5", "5 mg", "in 5"; but "c-section 4." is no section label
    if before.isalpha():
        # not after a two-letter abbreviation: "DP 10", "SD 2", "OR 3"
        return len(word) > 2 or (len(word) == 2 and not written.isupper())
    if before == "," and _NUMBER_BEFORE.search(text, max(space - _LOOKBACK, 0), space):
        return False  # "(6, 7, 11, 18)": one item of a series of numbers
    return before in ".,;:)]”\"’'%"


# the labelled nouns a determiner names as things spoken of: "in this group 10."
_DETERMINED_LEADS = _words("group stage phase level grade type class sample site")
_ENDS_SENTENCE = re.compile(r"\d{1,3}[.;](?:[ \t]+[^\W\d_a-z]|[ \t]*(?:\n|\Z))")


def _sentence_ends(text: str, start: int) -> bool:
    """Whether the number at `start` ends its sentence ("group 10. The", "group 10.")."""
    return _ENDS_SENTENCE.match(text, start) is not None


def ordered(introduced: Iterable[int]) -> bool:
    """Whether the sure citations introduce their numbers in the list's order
    (`introduced`: each number where it is first cited, in text order).

    A number is introduced in order when it is at most two past the highest cited
    before (one citation may have been missed: a table, a caption).
    """
    highest = 0
    in_order = introduced_count = 0
    for n in introduced:
        introduced_count += 1
        in_order += highest < n <= highest + 2
        highest = max(highest, n)
    return introduced_count >= _LEAST_ORDERED and in_order >= _ORDER_SHARE * introduced_count


def in_order(
    text: str,
    sure: Callable[[], Iterator[Candidate]],
    loose: Callable[[], list[Iterator[Candidate]]],
    entries: int,
) -> Iterator[Candidate]:
    """The loose candidates that are first citations in the list's order, in text order.

    `sure()` streams the citations already kept, in text order; a loose candidate they
    overlap is theirs. Walking the text, the highest number cited so far says which
    number a first citation carries next. The sure stream is read twice, holding only
    numbers: once for where each number is first cited (at most a thousand), once
    beside the loose candidates.
    """
    if entries == 0:
        return
    total = superscripts = 0
    introductions: list[tuple[int, int]] = []  # (offset, number), in text order
    cited: set[int] = set()

    def counted() -> Iterator[Candidate]:
        nonlocal total, superscripts
        for candidate in sure():
            total += 1
            superscripts += candidate.form in _SUPERSCRIPT_FORMS
            for n in candidate.numbers:
                if n not in cited:
                    cited.add(n)
                    introductions.append((candidate.start, n))
            yield candidate

    halves = half_bracket_style(text, counted())
    if not total or superscripts < _SUPERSCRIPT_SHARE * total:
        return  # not a superscript paper: a bare number is a value
    walk = _Walk(text, sure())
    pending = walk.free(loose())
    if not halves:
        pending = (c for c in pending if c.form != "half")
    if not ordered(n for _, n in introductions):
        yield from _filling_gaps(set(cited), pending, entries)
        return
    sure_cited = sorted(cited)
    later = 0
    for candidate in pending:
        while later < len(introductions) and introductions[later][0] < candidate.start:
            later += 1
        following = introductions[later][1] if later < len(introductions) else entries + 1
        seen, highest = walk.seen, walk.highest
        expected = {highest + 1, _next_cited(sure_cited, highest)}
        if (
            _next_in_order(candidate.numbers, seen, expected, entries)
            or _fits_a_gap(candidate.numbers, cited, highest, following)
            or _cited_again(candidate, seen)
        ):
            cited.update(candidate.numbers)
            seen.update(candidate.numbers)
            walk.highest = max(highest, *candidate.numbers)
            yield candidate


class _Walk:
    """The sure citations read beside the loose candidates, in text order: what was
    cited before a candidate (`seen`, `highest`), and whether a sure citation overlaps
    it. Holds the sure citations within one candidate's span and the ends just behind
    it, not the stream."""

    def __init__(self, text: str, sure: Iterator[Candidate]) -> None:
        self.text = text
        self.sure = sure
        self.ahead: collections.deque[Candidate] = collections.deque()
        self.next: Candidate | None = next(sure, None)
        self.seen: set[int] = set()
        self.highest = 0
        self.reached = -1  # the furthest end of the sure citations passed
        self.ends: list[int] = []  # a heap of their ends, the near ones kept

    def free(self, loose: list[Iterator[Candidate]]) -> Iterator[Candidate]:
        """The loose candidates, in text order, that no sure citation overlaps and that
        follow no citation and a comma."""
        for candidate in heapq.merge(*loose, key=_start):
            self._pass(candidate.start, candidate.end)
            covered = self.reached > candidate.start or any(
                c.start == candidate.start or c.start < candidate.end <= c.end for c in self.ahead
            )
            if not covered and not self._after_a_citation(candidate.start):
                yield candidate

    def _pass(self, start: int, end: int) -> None:
        while self.next is not None and self.next.start <= end - 1:
            self.ahead.append(self.next)
            self.next = next(self.sure, None)
        while self.ahead and self.ahead[0].start < start:
            passed = self.ahead.popleft()
            self.seen.update(passed.numbers)
            self.highest = max(self.highest, *passed.numbers)
            self.reached = max(self.reached, passed.end)
            heapq.heappush(self.ends, passed.end)
        while self.ends and self.ends[0] < start - 3:
            heapq.heappop(self.ends)

    def _after_a_citation(self, start: int) -> bool:
        """ "grew.^5^, 6 plates", "then ^7^ , 3 more": a number after a citation and a
        comma is prose going on (a superscript list's rest is `numeric`'s to join)."""
        comma = start - 2
        text = self.text
        if text[comma] not in ",;":
            return False
        return comma in self.ends or (text[comma - 1] == " " and comma - 1 in self.ends)


def _fits_a_gap(numbers: tuple[int, ...], cited: set[int], highest: int, following: int) -> bool:
    """Numbers no citation cites, standing where their place in the order is: above
    every number cited before, below the next one introduced after ("c-section 4." in
    a list whose entry 3 no longer is cited: the order skips it, 4 still fits)."""
    if any(n in cited for n in numbers) or len(numbers) > _MOST_INTRODUCED:
        return False
    rising = all(a < b for a, b in itertools.pairwise(numbers))
    return rising and highest < numbers[0] and numbers[-1] < following


def _cited_again(candidate: Candidate, seen: set[int]) -> bool:
    """A half-bracket citation of works cited before ("as above 2)"): its bracket is
    the mark a bare number lacks, so a later citation is read as well as a first one
    (`in_order` passes half brackets only in a paper citing so)."""
    numbers = candidate.numbers
    rising = all(a < b for a, b in itertools.pairwise(numbers))
    return candidate.form == "half" and rising and all(n in seen for n in numbers)


def _filling_gaps(
    cited: set[int], pending: Iterator[Candidate], entries: int
) -> Iterator[Candidate]:
    """In a list not numbered by first citation (alphabetical Vancouver), the first
    loose candidate carrying only numbers no sure citation cites (`cited`): the one
    place the entry is cited ("usando o pacote mirt 3 do software R"), else it is
    uncited. A half bracket ("common 12)", in a paper citing so) is read wherever it
    stands, its numbers within the list and rising."""
    for candidate in pending:
        numbers = candidate.numbers
        if candidate.form == "half":
            if max(numbers) <= entries and all(a < b for a, b in itertools.pairwise(numbers)):
                yield candidate
            continue
        if candidate.form != "loose":
            continue
        if max(numbers) > entries or len(numbers) > _MOST_INTRODUCED:
            continue
        if any(a >= b for a, b in itertools.pairwise(numbers)):
            continue
        if any(n in cited for n in numbers):
            continue
        cited.update(numbers)
        yield candidate


def _next_cited(cited: list[int], highest: int) -> int:
    """The first number above `highest` a sure citation cites (`cited` sorted): the order
    skips the numbers of entries cited nowhere, so "4" may follow "2" when 3 is uncited."""
    at = bisect.bisect_right(cited, highest)
    return cited[at] if at < len(cited) else highest + 1


def _next_in_order(
    numbers: tuple[int, ...], seen: set[int], expected: set[int], entries: int
) -> bool:
    """A first citation: it opens with the next number, introduces a few, and rises."""
    if numbers[0] not in expected or max(numbers) > entries:
        return False
    if sum(n not in seen for n in numbers) > _MOST_INTRODUCED:
        return False
    return all(a < b for a, b in itertools.pairwise(numbers))
