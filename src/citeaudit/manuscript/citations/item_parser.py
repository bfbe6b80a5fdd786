"""The works inside one parenthesis or pair of brackets: ``(e.g., Moreira 2009, Park et
al. 2018; BIC; Schwarz, 1978, p. 4)``.

The parser is anchored on years, not on separators, because writers separate works
with semicolons, commas or nothing at all ("Tanaka 2001 apud Ito 2005"). Each run of
years takes the names written just before it; what lies between two works --
a locator, a cue ("reviewed in", "apud", "e.g."), a label ("Dryad:", "BIC;") -- is cut
away. A semicolon inside the names joins co-authors only when every part is written
a name, as ABNT does (``GÓMEZ; FERREIRA, 2018``).

The certainty of a work drops to WEAK whenever the names were found by a guess:
lower-case words dropped before them, a bare preposition before them ("in Paris,
1992"), a name that is also a common word ("May 2011"), or words other than a
locator after the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from citeaudit.manuscript.citations.dates import date_before_year, names_before_date
from citeaudit.manuscript.citations.names import (
    AND_WORDS,
    CJK_NAME,
    CONNECTORS,
    ET_AL,
    NOT_NAMES,
    PARTICLES,
    is_camel,
    is_capitalised,
    is_common_word,
    parse_names,
    valid_name,
    word_set,
)
from citeaudit.manuscript.citations.narrative import GLUED_WORDS
from citeaudit.manuscript.citations.years import YEAR, YearLabel, parse_years
from citeaudit.model.citation import Certainty

# How a work read through another is introduced, beyond "apud" and "cited in", as each
# language writes it: "cit. por", "como se citó en" (Spanish APA), "como citado em"
# (Portuguese APA), "tel que cité dans", "zit. nach", "citato in", "dikutip oleh",
# "navedeno v" (Slovenian)
_THROUGH = (
    r"cit\.\s?(?:por|en|em|in|da|v|par|dans|nach)"
    r"|(?:tal\s+)?(?:como|conforme|tel\s+que)\s+(?:se\s+)?cit(?:ó|o|a|ad[oa]s?|ée?s?)\s+"
    r"(?:en|em|por|in|dans|par)"
    r"|zit(?:\.|iert)\s?nach|citat[oa]\s+(?:in|da)|dikutip\s+(?:dalam|oleh|dari)"
    r"|(?:navedeno|citirano)\s+v"
)
_STRONG_CUES = (
    rf"{_THROUGH}|see\s+also|see,?\s+e\.\s?g\.|see|but\s+see|e\.\s?g\.|i\.\s?e\.|cfr?\.?|compare|vide|"
    r"viz\.|(?:as\s+)?(?:reviewed|summari[sz]ed|discussed|described|cited|quoted)\s+(?:in|by)|"
    r"review\s+in|apud|according\s+to|based\s+on|(?:data|adapted|modified|redrawn|taken)\s+from|"
    r"after|following|for\s+(?:a\s+)?(?:review|reviews|example|instance|details|discussion)"
    r"(?:,?\s+see)?|among\s+others|also|contra|"
    r"citad[oa]s?\s+(?:em|por|en)|cité\s+(?:dans|par)|zit\.\s*n\.|zitiert\s+(?:in|nach)|"
    r"dikutip\s+dalam|lihat(?:\s+juga)?|misalnya|vgl\.|siehe(?:\s+auch)?|z\.\s?B\.|"
    r"véase(?:\s+también)?|ver(?:\s+também|\s+también)?|voir(?:\s+aussi)?|p\.\s?ex\.|"
    r"por\s+ejemplo|por\s+exemplo|par\s+exemple|segundo|conforme|según|selon|laut|menurut"
)
_WEAK_CUES = r"in|from|by|with|per|sensu|via|de|em|en|dans|nach|von|dalam|oleh|on|at|v"
_CUE = re.compile(rf"^(?:(?P<strong>{_STRONG_CUES})|(?P<weak>{_WEAK_CUES}))(?:[\s,:]+|$)", re.I)
# Lower-case only: "A FOLHA", "I Congresso" start names, "a"/"i" join them.
_AND = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in sorted(AND_WORDS, key=len, reverse=True)) + r")\s+"
)
_LOCATOR = re.compile(
    r"(?:\s*[,:]\s*(?:(?:(?:pp?|S|hlm|h|pág|págs|pag|f|ff|para|ch|chap|cap|fig|tab|sec|vol)\.?\s*"
    r"(?:\d+|[IVXLCivxlc]+\b))|\d+)(?:\s*[-–—]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*)?"
)
_INNER_CUE = re.compile(
    r"\b(?:apud|cited\s+in|quoted\s+in|citad[oa]\s+(?:por|em|en)|dikutip\s+dalam|zit\.\s*n\."
    rf"|{_THROUGH})\s+",
    re.IGNORECASE,
)
# "Jermy and Rankin in Alston et al.": botanists' "X in Y" -- X wrote a part of Y's
# work, and the list holds Y. Only before a capital: "Smith in press" is a year.
_IN_WORK = re.compile(r"(?<=[^\W\d_])\s+in\s+(?=[A-ZÀ-Þ])")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_QUOTES = '"“”„«»'
# A translation's gloss after a name, "(Redação [Editors]. Veja, 2021)", "(Ministério da
# Saúde [Ministry of Health], 2019)": SciELO's English versions keep the Portuguese
# name the list holds and add the gloss in brackets; read as names, nothing was cited.
# Words with a lower-case letter, several of them or one before a full stop: one word
# before a comma is as likely an acronym in title case ("[Fiocruz], 2019"), read as
# the name's acronym; capitals ("[OPS]"), a year ("[1968]") and "[s.d.]" stay.
# The gloss's first word is taken whole at once (atomic): it must run to a blank, a
# hyphen or the bracket anyway, and tried split at each lower-case letter a long word
# was quadratic from one bracket (redos_scan, round 9).
_GLOSS = re.compile(
    r"(?<=[^\W\d_.])\s*+\[[A-ZÀ-Þ](?>[^\W\d_]*[a-zà-ÿ][^\W\d_]*)"
    r"(?:(?:[ -][^\W\d_]++){1,6}\]|\](?=\.))"
)
# A quoted title between a work's names and its year, as Chicago's notes-turned-dates
# and humanities writers cite a work by an author of several: "(Roe, Pan and Li,
# “Quorum, consensus”, 2017)", "(Roe, "Votes" 2017)". The title's commas split it into
# names ("consensus"), and the work was read as no one's; the title is dropped, the
# names and year kept. Only after a name's letter (or "al."), only before a year; a
# quote's body holds no quote mark: one pass, linear.
_QUOTED_TITLE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=l\.)),?[ ]?[“\"«„‘][^“”\"«»„‘’\n]{1,200}[”\"»“’],?"
    r"(?=[ ]?(?:1[5-9]\d\d|20[0-3]\d)(?!\d))"
)
# Searched from the blanks' first only (not after a blank): tried from every blank of a
# run with no bracket after it, each try ran to the run's end (quadratic).
_BRACKETED_ACRONYM = re.compile(r"(?<!\s)\s*+\[([A-ZÀ-Þ][A-ZÀ-Þa-z&.\-]{0,14})\]$")
_PHRASE = re.compile(r"^[^\W\d_][\w'’&-]*(?:\s+[\w'’&-]+){0,7}$")
_ORGANISATION_ENDS = frozenset(
    {
        "team",
        "project",
        "consortium",
        "group",
        "community",
        "network",
        "initiative",
        "foundation",
        "collaboration",
        "contributors",
        "developers",
        "committee",
        "council",
        "organization",
        "organisation",
        "agency",
        "institute",
        "association",
        "society",
    }
)
# from a run's first blank only: tried from each blank of a run with no mark after it,
# each try ran to the run's end (quadratic; the parenthesis is collapsed before, still)
_TIGHT = re.compile(r"(?<!\s)\s++([,;:])")
# A role written after the names, in lower case: the work is theirs all the same.
_ROLE = re.compile(r"(?<=[^\W\d_])(?:,[ ]?|[ ])\(?(?:editors?|eds?|ed|orgs?|coords?|comps?)\.?\)?$")
# After a year, ";32:1345" or ";32(4):1345" is a journal's volume and pages: the
# parenthesis is a Vancouver locator ("Med Sci Sports Exerc 2000;32:1345"), no work.
_JOURNAL_LOCATOR = re.compile(r"^\s*;\s*\d+\s*(?:\([^()]{1,12}\)\s*)?:\s*\d")
# A work followed by "apud X" / "cited in X" is the original, read through X: the list
# holds X, and often not the original, so the original is never reported on its own.
_READ_THROUGH = re.compile(
    r"^[\s,;]*(?:apud|(?:as\s+)?cited\s+(?:in|by)|quoted\s+in|citad[oa]s?\s+(?:por|em|en)|"
    rf"cité\s+(?:dans|par)|zit\.\s*n\.|zitiert\s+(?:in|nach)|dikutip\s+dalam|{_THROUGH})\b",
    re.IGNORECASE,
)
# or by the word "in" alone, before the name of the work it is read in: "(Sutarno, 1973
# dalam Wibowo, 1990)", "(Piquet, 1970, en Rovira, 1991)", "(Mlakar, 2005, v Kovač,
# 2010)" ("in press", "en prensa" are a year, lower case)
_IN_A_WORK = re.compile(r"^[\s,;]*(?:in|en|em|dans|dalam|v)\s+(?=[^\W\d_])", re.IGNORECASE)


def reads_through(tail: str) -> bool:
    """Whether the text after a work's years says it is read through another work:
    "apud X" right after them, or after a page of the work read ("(FREIRE, 1987, p. 12
    apud SILVA, 2006)", "Freire (1970, p. 33 apud RAMOS, 2005)", as ABNT quotes so)."""
    if _through(tail):
        return True
    locator = _LOCATOR.match(tail)
    return bool(locator and locator.end() and _through(tail[locator.end() :]))


def _through(tail: str) -> bool:
    if _READ_THROUGH.match(tail):
        return True
    in_a_work = _IN_A_WORK.match(tail)
    if in_a_work is None or not tail[in_a_work.end()].isupper():
        return False
    # the other work is cited with its year ("en Rovira, 1991"); a venue named after the
    # year has none ("(Smith, 2001, in Nature)", "(Lima, 2010, em Cadernos de Saúde
    # Pública)"): the work is cited itself, not read through the venue
    item_end = tail.find(";", in_a_work.end())
    return YEAR.search(tail, in_a_work.end(), len(tail) if item_end < 0 else item_end) is not None


# Shapes of a product or a catalogue number, not of a name: capitals run into lower case
# ("BIAcore", "EpiInfo", "GraphPad"), or several short all-capital codes ("FMNH PR").
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St", "O")
_INNER_CAPITAL = re.compile(r"^(?:[A-Z]{2,}[a-z]{2,}|(?P<head>[A-Z][a-z]+)[A-Z][a-z]+)$")
_CODE = re.compile(r"^[A-Z]{1,5}$")


@dataclass(frozen=True, slots=True)
class ParsedWork:
    """One cited work: its names as written, the names, and its years."""

    name_text: str
    authors: tuple[str, ...]
    et_al: bool
    labels: tuple[YearLabel, ...]
    item: str  # this work's part of the marker, e.g. "Lee & Park, 2020a, p. 4"
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class _Names:
    offset: int  # where the names start in the segment
    text: str
    authors: tuple[str, ...]
    et_al: bool
    weak: bool


# A separator typed before "et al.", "(DIAS; et al., 2016)": the co-authors of the name
# before it, not another work (read as one, the work was lost).
_SEPARATED_ET_AL = re.compile(r"(?<=[^\W\d_]);\s?(?=et\.?\s?al\b)")


@lru_cache(maxsize=8192)
def parse_group(content: str) -> tuple[ParsedWork, ...]:
    """Every work cited in a parenthesis' or brackets' content; () when none is.

    Remembered per content: manuscripts repeat their citations, floods repeat more.
    """
    text, glued = _unglued(" ".join(_GLOSS.sub("", unglued_cue(content)).split()))
    text = _SEPARATED_ET_AL.sub(" ", text)  # "(DIAS; et al., 2016)": one work
    text = _QUOTED_TITLE.sub(",", text)  # "(Roe, Pan and Li, “Quorum, consensus”, 2017)"
    runs = _year_runs(text)
    if not runs or (runs[0][0] in (0, date_before_year(text)) and len(runs) == 1):
        return ()  # no year, or "(2019)", "(4 May 2019)" alone: a narrative's, not a work
    works: list[ParsedWork] = []
    previous: ParsedWork | None = None
    prev_end = 0
    for i, (start, end, labels) in enumerate(runs):
        segment_start = prev_end
        segment = text[prev_end:start]
        prev_end = end
        next_start = runs[i + 1][0] if i + 1 < len(runs) else len(text)
        tail = text[end:next_start]
        if _JOURNAL_LOCATOR.match(tail):
            previous = None  # "(Med Sci Sports Exerc 2000;32:1345–1360)": a journal locator
            continue
        past = _past_personal(segment)
        if past is None or _PERSONAL.match(tail.lstrip(" ,")):
            previous = None  # "(J. Moran, pers. comm. to L. Ito, 2013)": never listed
            continue
        if past:  # "(Lund pers. comm., Ruiz 2011)": the communication is an item of its own
            segment_start += past
            segment = segment[past:]
        tail_ok = _tail_ok(tail)
        dated = names_before_date(segment)
        if dated is not None:
            segment = segment[:dated]  # "(Ward & Osei, 4 May 2011)": a date's day and month
        names = _names_in(segment)
        if names is None:
            if segment.strip(" ,;:&") or previous is None:
                previous = None  # "(Smith, 2019; the data for 2020)"
                continue
            name_text, authors, et_al = previous.name_text, previous.authors, previous.et_al
            weak = previous.certainty is Certainty.WEAK
            item_start = start
        else:
            name_text, authors, et_al = names.text, names.authors, names.et_al
            weak = names.weak
            item_start = segment_start + names.offset
        if not tail_ok or dated is not None or (authors and is_common_word(authors[-1])):
            # "May 2011", and a date's month after other words: "(Fatu Hiva, Nov. 2009)"
            weak = True
        # the work read in another is followed by that one's year, past the tail
        if reads_through(text[end:]) or _not_a_name(authors) or start in glued or _camel(authors):
            weak = True
        if _publisher(authors):
            weak = True  # "(New York: Some Press, 2021)": a note's imprint, not an author
        if any(CJK_NAME.search(a) for a in authors):
            # "(王伟, 2019)": no case tells a name from a word ("(据统计, 2019)", "by the
            # statistics"; "等" is "etc." as often as "et al."): kept on an entry's word
            weak = True
        typed = full_reference(segment)
        if typed:
            # "[A. Rossi, B. Verdi, Imparare per esempi, Rivista, 1986]": the authors are
            # the first names, not the venue's before the year; weak (a list may not
            # hold it: no missing work)
            name_text, authors, et_al, weak = ", ".join(typed), typed[:2], len(typed) > 2, True
            if et_al:
                authors = typed[:1]
        locator = _LOCATOR.match(text, end)
        item_end = locator.end() if locator else end
        item = _TIGHT.sub(r"\1", text[item_start:item_end].strip(" ,;"))
        if names is None:
            item = f"{name_text}, {item}"
        work = ParsedWork(
            name_text=name_text,
            authors=authors,
            et_al=et_al,
            labels=tuple(labels),
            item=item,
            certainty=Certainty.WEAK if weak else Certainty.SURE,
        )
        works.append(work)
        previous = work
        prev_end = max(prev_end, item_end)  # "(SANTOS, 2015a, p. 12; 2015b)"
    return tuple(works)


# A name written with its initials, as a full reference gives its authors: "A. Rossi",
# "A.B. Rossi", "Rossi A.", "Rossi, A. B." (not a citation's "Rossi").
_INITIALLED = re.compile(
    r"(?:[A-ZÀ-Þ]\.[ \t]?-?){1,3}[ \t]?[A-ZÀ-Þ][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?|"
    r"[A-ZÀ-Þ][^\W\d_'’\-]+(?:[-'’][^\W\d_]+)?[ \t](?:[A-ZÀ-Þ]\.?[ \t]?){1,3}"
)
_NAMES_JOINED = re.compile(r"(?<![ \t])[ \t]++(?:and|&|e|y|et|und|i)[ \t]++")
# A title's word: lower case, three letters or more ("rappresentazioni", "per" not).
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zà-ÿ]{3,}(?![^\W\d_])")
_LEAST_TITLE_WORDS = 3
_MOST_PIECES = 24
_WORD_RUN = re.compile(r"[^\W\d_]+")


def full_reference(segment: str) -> tuple[str, ...]:
    """The authors' surnames when the text before a year is a whole reference typed in
    brackets, not a pointer to a list, else (): authors with their initials ("A.
    Rossi, B. Verdi"), then a title (three words or more, two of them in lower case),
    then something more (a journal, a publisher) before the year. The names just
    before the year are the venue's ("Rivista Esempio"), never the cited work's
    authors: read so, the full reference was a missing work (a thesis citing so has
    no list at all)."""
    pieces = [p.strip(" \t\"“”«»'") for p in segment.split(",", _MOST_PIECES)]
    while pieces and not pieces[-1]:
        pieces.pop()
    if len(pieces) < 3:
        return ()
    surnames: list[str] = []
    for piece in pieces[:-1]:
        names = [n for n in _NAMES_JOINED.split(piece) if n]
        if names and all(_INITIALLED.fullmatch(n) for n in names):
            surnames.extend(_surname(n) for n in names)
            continue
        if (
            len(_WORD_RUN.findall(piece)) >= _LEAST_TITLE_WORDS
            and len(_LOWER_WORD.findall(piece)) >= 2
        ):
            return tuple(surnames)
        return ()
    return ()


def _surname(name: str) -> str:
    """ "A. Rossi" -> "Rossi", "Rossi A." -> "Rossi": the word that is no initial."""
    words = [w for w in name.replace(".", ". ").split() if len(w.rstrip(".-")) > 1]
    return words[0] if words else name


# A year glued to what comes before it, as text pasted from PDFs and Word runs joins
# them: "et al.2019" (sure: nothing else ends so), "Lomé2018" (a guess: product names
# and keys are written so too, "Windows2000", "Smith2019").
_GLUED_YEAR = re.compile(
    r"(?:(?P<al>(?<=\bal\.))|(?<=[^\W\d_]{3}))(?=(?:1[5-9]\d\d|20[0-3]\d)[a-z]?(?![\w/]))"
)


# "apud" glued to the year before it or the name after it ("1985apudNascimento et al.",
# "2011, aputDelabary 2012"), as text pasted from italic runs or typed in a hurry joins
# them; "aput" is a common slip for it. Not inside a word ("Caputo").
# So is a short cue or preposition glued to the name after it ("sensuWaldemarin 2004",
# "scales ofBell, 2012"), as italic runs and XML that drops the space before a link
# write them; only before a capitalised word ("sensulato", "inVivo" stay).
# Zero-width spaces and joiners, which Word and web pages leave between items
# ("2014b\u200b,Lee 2014"), are dropped: between a year and its comma they ended the
# run of works.
_GLUED_CUE = re.compile(rf"(?<![^\W\d_])(?:apu[dt](?![a-z])|{GLUED_WORDS}(?=[A-ZÀ-Þ][a-zà-ÿ]))")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def unglued_cue(text: str) -> str:
    """`text` with "apud", "sensu" and the like set apart by spaces where they were glued (and
    "aput" read as "apud"), so the years before them and the work after them are read;
    zero-width characters dropped."""
    text = text.translate(_ZERO_WIDTH)
    if _GLUED_CUE.search(text) is None:
        return text
    return _GLUED_CUE.sub(_set_apart, text)


def _set_apart(cue: re.Match[str]) -> str:
    return " apud " if cue.group().startswith("apu") else f" {cue.group()} "


def _unglued(text: str) -> tuple[str, frozenset[int]]:
    """`text` with a space before each glued year, and where the years glued to a word
    (not to "et al.") now start: the works they date are weak."""
    if _GLUED_YEAR.search(text) is None:
        return text, frozenset()
    parts: list[str] = []
    weak: set[int] = set()
    last = 0
    for inserted, m in enumerate(_GLUED_YEAR.finditer(text), start=1):
        parts.append(text[last : m.start()])
        parts.append(" ")
        last = m.start()
        if m.group("al") is None:
            weak.add(m.start() + inserted)  # the year's offset in the new text
    parts.append(text[last:])
    return "".join(parts), frozenset(weak)


# The last word of a publisher's name. In a notes-bibliography manuscript ("Person,
# Some Book (New York: Some Press, 2021), 12.") the imprint stands where an
# author-date citation would: it is kept only when an entry is by that body.
_PUBLISHER_WORDS = word_set(
    """
    press presses verlag publishers publisher publishing publications editora editorial
    éditions editions ediciones edições edizioni uitgeverij forlag förlag wydawnictwo
    """
)


def _publisher(authors: tuple[str, ...]) -> bool:
    """Whether the last name cited ends as a publisher's does ("Some Press", "Editora X"
    ends otherwise, so its first word is checked too)."""
    if not authors:
        return False
    words = authors[-1].casefold().split()
    return bool(words) and (words[-1] in _PUBLISHER_WORDS or words[0] in _PUBLISHER_WORDS)


def _camel(authors: tuple[str, ...]) -> bool:
    """Whether a cited name opens with a brand's lower-case word ("speciesLink"): a
    name, or a word glued to one ("followingOstrom"); weak either way."""
    return any(is_camel(a.split()[0]) for a in authors if a.split())


def _not_a_name(authors: tuple[str, ...]) -> bool:
    """A lone "author" shaped like a product ("BIAcore", "EpiInfo") or a catalogue code
    ("FMNH PR"): kept only if an entry confirms it, never reported as missing."""
    if len(authors) != 1:
        return False
    words = authors[0].split()
    if len(words) >= 2 and all(_CODE.match(w) for w in words):
        # ... but "DA SILVA", "DE LA CRUZ", "DOS SANTOS": ABNT's capitals of a surname
        # with its particles (class c13-PC), never a code's
        return not any(w.casefold() in PARTICLES for w in words[:-1])
    if len(words) != 1:
        return False
    shape = _INNER_CAPITAL.match(words[0])
    return shape is not None and (shape.group("head") or "") not in _NAME_PREFIXES


def _year_runs(text: str) -> list[tuple[int, int, list[YearLabel]]]:
    runs: list[tuple[int, int, list[YearLabel]]] = []
    pos = 0
    while True:
        m = YEAR.search(text, pos)
        if m is None:
            return runs
        parsed = parse_years(text, m.start())
        if parsed is None:  # pragma: no cover - YEAR matched at this offset
            return runs
        labels, end = parsed
        runs.append((m.start(), end, labels))
        pos = max(end, m.start() + 1)


# particles after the first that a surname may open with: "de la", "van der", "de los"
_MORE_PARTICLES = 2


def _particle_of_a_name(rest: str, cue: re.Match[str]) -> bool:
    """Whether a weak cue word is a surname's particle: "de", "von" and the like
    right before one capitalised name and the year ("(de Meester 1993; ...)"). A cue
    ("de Silva e Lopes", "in Smith et al.") reads the same, but a parenthesis opening
    with "from" in Portuguese is rare, and "de Vries", "de Meester" are common names.
    So too before one name and "et al." ("(de Santos et al. 2017)"): read as a cue it
    left "Santos", weak, which an entry "DeSantos" never confirmed."""
    word = cue.group().strip(" ,:").casefold()
    if word not in PARTICLES or cue.group()[-1:] != " ":
        return False
    after = rest[cue.end() :].strip(" ,")  # "de Santos et al., 2017": the comma too
    # "de la Fuente", "De Los Santos", "DE LA CRUZ": a second particle (in any case)
    # before the name, as Spanish and Portuguese surnames open (class c13-PC)
    for _ in range(_MORE_PARTICLES):
        more = after.split(maxsplit=1)
        if len(more) < 2 or more[0].casefold() not in PARTICLES:
            break
        after = more[1]
    first = after.split(maxsplit=1)
    if not first or not first[0][:1].isupper():
        return False
    if len(first) == 1:
        return True
    tail = ET_AL.match(after, len(first[0]))
    return tail is not None and not after[tail.end() :].strip(" ,.")


def _tail_ok(tail: str) -> bool:
    """What follows a work's years: a locator, a separator, "and", a cue, or nothing."""
    tail = tail.strip()
    if not tail or tail[0] in ",;:)]":
        return True
    return bool(_AND.match(tail + " ") or _CUE.match(tail))


def _names_in(segment: str) -> _Names | None:
    """The names that end `segment` (the text between the previous work and a year)."""
    cut = _last_digit_cut(segment)
    # "1000 Genomes Project Consortium" is a name; "0.1.0.9492, Aust & Barth" and "v1.1;
    # Bates et al." are a version (or a label) and then the names: a separator follows
    lead = _ARTICLE_LEAD.match(segment[: _word_start(segment, cut)]) if cut > 0 else None
    after_number = segment[cut:].lstrip()
    digit_lead = (
        lead is not None
        and not after_number.startswith((",", ";", ":"))
        # "1,760,000 estimated in 2002": a count and lower-case words, no name
        and not after_number[:1].islower()
    )
    if lead is not None and digit_lead:
        # "1000 Genomes Project Consortium", "The 1000 Genomes ...": a name, whole
        cut = lead.start(1) if lead.group(1) else _word_start(segment, cut)
    elif cut > 0:
        phrase = _numbered_phrase(segment, cut)
        if phrase is not None:
            # "Ley 115 de 1994", "Lei nº 9.394, 1996", "Base de dados ... I3N Brasil 2016"
            cut, digit_lead = phrase, True
    bracket = segment.rfind("[")
    if bracket >= 0 and "]" in segment[bracket:]:
        bracket = -1  # "World Health Organization [WHO]": closed, an acronym
    opening = max(segment.rfind("(", cut), bracket, cut - 1)
    cut = opening + 1  # "[GenBank no. X (Agency 2008)]": a group inside a group
    inner = [m.end() for m in _INNER_CUE.finditer(segment, cut)]
    inner += [m.end() for m in _IN_WORK.finditer(segment, cut) if not _place_of(segment, m.start())]
    inner.sort()
    if inner:
        cut = inner[-1]  # "PANKARARU, apud GRUPIONI": the work read is the one cited
    cut = _semicolon_cut(segment, _skip(segment, cut, " ,;"))
    colon = segment.rfind(":", cut)
    if colon >= 0:
        cut = colon + 1  # "Dryad: Lee 2014"
    weak = digit_lead
    cut = _skip(segment, cut, " ,;:")
    for _ in range(4):
        rest = segment[cut:]
        and_word = _AND.match(rest)
        if and_word:
            cut = _skip(segment, cut + and_word.end(), " ,")
            continue
        cue = _CUE.match(rest)
        if cue and cue.group("weak") and _particle_of_a_name(rest, cue):
            break  # "(de Meester 1993)": the name's particle, not "de" (from, by)
        if cue and cue.end() < len(rest):
            weak = weak or cue.group("weak") is not None
            cut = _skip(segment, cut + cue.end(), " ,:")
            continue
        break
    rest = segment[cut:].strip(" ,")
    quoted = len(rest) > 2 and rest[0] in _QUOTES and rest[-1] in _QUOTES
    lowered = cut if digit_lead or quoted else _skip_lower_lead(segment, cut)
    if lowered != cut:
        dropped = segment[cut:lowered].rstrip()
        weak = weak or not dropped.endswith((",", ":"))
        cut = lowered
    text = _ELLIPSIS.sub("", segment[cut:].strip(" ,"))  # "(ÍNDIO..., 2014)": a title cut short
    text = _ROLE.sub("", text)  # "(FTEA editors 1952–2012)", "(Lee and Park eds 2003)"
    if quoted:
        # APA cites a work with no author by its quoted title: ("Handbook of Sensing," 2010)
        text = text.strip(_QUOTES).strip(" ,")
    if not text or _NUMERIC_BRACKET.search(text):
        return None  # "(estimated by ARPAE [22] over the period 1991–2015)": cited by number
    if digit_lead:  # "1000 Genomes Project Consortium et al.": weak, kept whole
        tail = ET_AL.search(text)
        name = text[: tail.start()].strip(" ,") if tail else text
        return _Names(cut, text, (name,), tail is not None, True) if name else None
    acronym = _BRACKETED_ACRONYM.search(text)
    if acronym and parse_names(text[: acronym.start()]) is not None:
        # "World Health Organization [WHO]": APA's first citation of an organisation
        # gives the acronym later citations use; the matcher knows either.
        (*others, last), et_al = parse_names(text[: acronym.start()])  # type: ignore[misc]
        authors = (*others, f"{last} [{acronym.group(1)}]")
        return _Names(cut, text, authors, et_al, weak)
    names = parse_names(text.replace(";", ",")) or _joint_organisation(text)
    if names is None and text.split()[-1].casefold() in _CLAUSE_ENDS:
        return None  # "(1,760,000 estimated in 2002)": a clause, no name
    if names is None:
        lower = _lower_case_names(text)
        if lower is not None:  # "yeates et al.", "hart and lomé": names all the same
            return _Names(cut, text, lower[0], lower[1], True)
        described = _after_description(text)
        if described is not None:  # "lme function in R package nlme, Pinheiro et al."
            offset, authors, et_al = described
            return _Names(cut + offset, text[offset:], authors, et_al, weak)
        titled = _author_before_title(text)
        if titled is not None:  # "Cleveland, Visualizing data": the author, then a title
            return _Names(cut, text, titled[0], titled[1], True)
        after_word = _after_last_lower_word(text)
        if after_word is not None:  # "Galium tardum Ortega and Devesa": a name first
            offset, authors, et_al = after_word
            return _Names(cut + offset, text[offset:], authors, et_al, True)
        if _PHRASE.match(text):
            # "The pandas development team", "lavaan": an organisation with lower-case
            # words, or a clause; sure only when it ends as organisations' names do.
            sure = text[0].isupper() and text.split()[-1].casefold() in _ORGANISATION_ENDS
            return _Names(cut, text, (text,), False, weak or not sure)
        after = _after_inner_et_al(text)
        if after is not None:  # "Moreau et al. Dubois 2003": the year is Dubois's
            offset, authors, et_al = after
            return _Names(cut + offset, text[offset:], authors, et_al, True)
        return None
    authors, et_al = names
    comma = text.find(",")
    if len(authors) >= 2 and comma > 0 and _label_before_work(authors[0], text[comma + 1 :]):
        # "Barcoding of Life Data Systems, Ratnasingham and Hebert": a database or a
        # place named before the work's own authors; kept weak, as it is a guess.
        offset = _skip(text, comma + 1, " ")
        return _Names(cut + offset, text[offset:], authors[1:], et_al, True)
    return _Names(cut, text, authors, et_al, weak)


# a numeric citation among the words before a year: they are no name ("by ARPAE [22]
# over the period 1991–2015"), and the bracket is the citation
_NUMERIC_BRACKET = re.compile(r"\[\d{1,3}(?:\s?[-–,]\s?\d{1,3}){0,8}\]")


# Words a clause ends on before a year and no name does: "(1,760,000 estimated in 2002)"
_CLAUSE_ENDS = word_set("in on at of by for from to with since until em desde")


# What may stand before a name that opens with a number: nothing, or an article ("The
# 1000 Genomes Project Consortium"; cut at the number, the name was "Genomes Project
# Consortium", no entry's, and the entry was called uncited).
_ARTICLE_LEAD = re.compile(r"^[\s,;:]*(?:([Tt]he)\s+)?$")


# Words that open a phrase with a number and are no name: a part of a document or of the
# work cited, "(Quadro 2 SILVA 2010)". `NOT_NAMES` holds the English and most others.
_LOCATOR_WORDS = word_set(
    "quadro gráfico grafico mapa anexo apêndice apendice appendix box cuadro eq equation "
    "step etapa passo item"
)
_NUMBERED_PHRASE = re.compile(r"(?<![^\s,;:(\[])[A-ZÀ-Þ][^\W\d_]*(?:\s+[^\s,;:()\[\]]+){0,11}\s+$")


def _numbered_phrase(segment: str, cut: int) -> int | None:
    """Where a name or title that holds a number starts, when the number is part of it:
    a law cited by its number ("Ley 115 de 1994", "Lei nº 9.394, 1996"), a body whose
    name holds a code ("Base de dados ... I3N Brasil 2016"). Cut after the number, the
    citation was "de" or "Brasil", a missing work, and the entry named so uncited.
    Capitalised words with no separator before the number and none after it (a label
    and then the names, "v1.1; Bates", stay cut); not after a word of a document's
    parts ("Figure 4 Smith", "Tabela 2"). The caller reads the phrase as one weak
    name: kept when an entry's author or head is written so, never reported missing."""
    start = _word_start(segment, cut)
    after = segment[cut:]
    if after.strip(" ,;:") and after.lstrip()[:1] in (",", ";", ":"):
        return None  # "R 4.0.2, R Core Team": a version, then the names
    phrase = _NUMBERED_PHRASE.search(segment, 0, start)
    if phrase is None or re.search(r"[,;:()\[\]]", segment[phrase.start() : start]):
        return None
    first = phrase.group().split()[0].strip(".").casefold()
    if first in NOT_NAMES or first in _LOCATOR_WORDS or _CUE.match(phrase.group()):
        return None
    return phrase.start()


def _place_of(segment: str, at: int) -> bool:
    """Whether the "in" at `at` says where an organisation is ("Royal Botanic Gardens
    in Kew"), not whose work a part is ("Jermy and Rankin in Alston"): three or more
    capitalised words stand before it, and a person's surname is not so long."""
    words = segment[:at].split()[-3:]
    return len(words) == 3 and all(w[:1].isupper() for w in words)


# A personal communication or observation: named and dated, but never in a list, so
# neither a citation nor a missing reference, in the work's names or right after its
# year ("Ruiz 2011, pers. obs.").
_PERSONAL = re.compile(
    r"\b(?:pers(?:onal)?\.?\s*(?:comm|obs|com)\w*\.?|com(?:m|unica[cç][aã]o|unicaci[oó]n)?\.?"
    r"\s*pers(?:oal|onal)?\b\.?)",
    re.IGNORECASE,
)


# After a personal communication, a separator and then a name: the next item of the
# group ("Lund personal communication, Ruiz 1990a"), not the communication's date.
_NEXT_ITEM = re.compile(r"\s*[,;]\s*(?=[^\W\d_])")


def _past_personal(segment: str) -> int | None:
    """Where the work's names start past a personal communication in `segment` (after
    its last semicolon): 0 when there is none; None when the communication is the
    thing dated ("Ruiz, com. pers. 2011", "pers. comm. to L. Ito, 2013"). A
    communication set apart by a comma is an item of the group before the work: read
    as one, the works after it ("..., Lund pers. comm., Ruiz 1990a, 1990b") were lost
    and their entries called uncited."""
    found = list(_PERSONAL.finditer(segment, segment.rfind(";") + 1))
    if not found:
        return 0
    last = found[-1]
    item = _NEXT_ITEM.match(segment, last.end())
    return item.end() if item else None


def _lower_case_names(text: str) -> tuple[tuple[str, ...], bool] | None:
    """Names typed all in lower case ("yeates et al.", "hart and lomé"), as pasted or
    careless text writes them: read as names when, capitalised, they are names of at
    most three words each. A guess (a clause in lower case reads so too): the caller
    makes the work weak, kept only when an entry has the name and the year."""
    if any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return None
    keep = PARTICLES | AND_WORDS
    raised = " ".join(w if w in keep else w[:1].upper() + w[1:] for w in text.split(" "))
    found = parse_names(raised.replace(";", ","))
    if found is None or any(len(name.split()) > 3 for name in found[0]):
        return None
    return tuple(name.casefold() for name in found[0]), found[1]


def _joint_organisation(text: str) -> tuple[tuple[str, ...], bool] | None:
    """Organisations that author a work together, joined by a slash: "World Cancer
    Research Fund / American Institute for Cancer Research" is one author, written
    whole as the list writes it (read apart, the connector "for" cut it to "Cancer
    Research"). Each part must be a name of two words or more: "Lee/Park" is left to
    the other readings."""
    parts = [part.strip() for part in text.split("/")]
    if len(parts) < 2:
        return None
    found = [parse_names(part) for part in parts]
    if any(f is None or len(f[0]) != 1 or len(f[0][0].split()) < 2 for f in found):
        return None
    et_al = bool(found[-1] and found[-1][1])
    return (" / ".join(f[0][0] for f in found if f),), et_al


# "et al." inside the names, a capitalised name after it: "Brandt et al. Okonkwo et al.",
# "Moreau et al. Dubois". One fixed word and a look-ahead: linear.
_INNER_ET_AL = re.compile(r"(?<![^\W\d_])et\.?[ ]?al\.?,?[ ]+(?=[A-ZÀ-Þ])")


def _after_inner_et_al(text: str) -> tuple[int, tuple[str, ...], bool] | None:
    """The names after the last "et al." inside `text`, where the whole reads as no
    names: "(Brandt et al. Okonkwo et al. 2004; ...)", "(Moreau et al. Dubois 2003)".
    "et al." closes an author run, so a name after it opens another work, the one
    the year belongs to; the work before it lost its year (a writer's slip, or a
    year deleted with its separator). Read whole, neither was read and both entries
    were "never cited". The later work is a guess of the split, so it is weak (cites
    an entry whose authors and year fit, never a missing work); the yearless one is
    left unread."""
    found = list(_INNER_ET_AL.finditer(text))
    if not found:
        return None
    offset = found[-1].end()
    names = parse_names(text[offset:])
    if names is None:
        return None
    return offset, names[0], names[1]


def _label_before_work(first: str, rest: str) -> bool:
    """Whether the first "author" is a label: an organisation-like name (a connector
    such as "of" or "and" inside it, or four words and more) followed, after a comma,
    by a whole author list of its own ("Ratnasingham and Hebert", "Kroll et al.")."""
    words = first.split()
    org_like = len(words) >= 4 or any(w in CONNECTORS and w not in PARTICLES for w in words[1:-1])
    return org_like and _names_of_a_work(rest.strip())


def _after_description(text: str) -> tuple[int, tuple[str, ...], bool] | None:
    """The names after a description that ends with a comma ("lme function in R
    package nlme, Pinheiro et al."): the shortest cut that leaves names, when what it
    cuts away holds a lower-case word (a description, never a name)."""
    for found in re.finditer(r",\s*", text):
        head, rest = text[: found.start()], text[found.end() :]
        described = any(w[:1].islower() and w.casefold() not in PARTICLES for w in head.split())
        if described:
            names = parse_names(rest.replace(";", ","))
            if names is not None:
                return found.end(), names[0], names[1]
        # "by Bornmüller, see also Freitag and Kuhle", "as Ludwigia, as established by
        # Baillon": a cue, or words in lower case, before the names after the comma --
        # no name list holds them, so what came before the comma was a description.
        lead = _lead_before_names(rest)
        if lead:
            names = parse_names(rest[lead:].replace(";", ","))
            if names is not None:
                return found.end() + lead, names[0], names[1]
    return None


_TITLE_WORDS = 12


def _author_before_title(text: str) -> tuple[tuple[str, ...], bool] | None:
    """The author before a title's first words: "(Cleveland, Visualizing data 1993)",
    "(Bertin, Semiology of graphics, 1967)", "(Tufte, The visual display 1983)". Names
    before the first comma, then a capitalised phrase of at most twelve words that is
    no list of names (it holds a lower-case word other than a particle or connector).
    A guess, so the caller makes the work weak: kept when an entry has the author and
    the year, never reported as missing."""
    comma = text.find(",")
    if comma <= 0:
        return None
    names = parse_names(text[:comma])
    if names is None:
        return None
    words = text[comma + 1 :].replace(",", " ").split()
    if not 1 <= len(words) <= _TITLE_WORDS or not words[0][:1].isupper():
        return None
    lower = [w for w in words[1:] if w[:1].islower()]
    if not lower or any(not w.strip(".:;'’\"").isalpha() for w in words):
        return None
    if all(w.casefold() in PARTICLES or w.casefold() in AND_WORDS for w in lower):
        return None  # "Lee, Park and Kim": names joined by "and"
    return names


def _after_last_lower_word(text: str) -> tuple[int, tuple[str, ...], bool] | None:
    """The names after the last lower-case word, when they are names: a species'
    name before its authors ("Galium tardum Ortega and Devesa 2003"), words of a
    sentence before a name. A guess: the caller makes the work weak."""
    words = list(re.finditer(r"\S+", text))
    for k in range(len(words) - 1, 0, -1):
        word = words[k - 1].group()
        folded = word.casefold()
        if not word[:1].islower() or folded in PARTICLES or folded in AND_WORDS:
            continue
        if is_capitalised(word):
            continue  # "pro-iBiosphere": a name's word
        if ET_AL.search(text[: words[k - 1].end()]):
            return None  # "et al." is no sentence word
        names = parse_names(text[words[k].start() :].replace(";", ","))
        if names is None:
            return None
        return words[k].start(), names[0], names[1]
    return None


def _lead_before_names(rest: str) -> int:
    """How many characters of cue words or lower-case words open `rest` before a
    capitalised word (0 when none do, or when no capitalised word follows)."""
    cut = 0
    for _ in range(4):
        cue = _CUE.match(rest[cut:])
        if not cue or cue.end() >= len(rest) - cut:
            break
        cut = _skip(rest, cut + cue.end(), " ,:")
    return _skip_lower_lead(rest, cut)


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at `end` starts."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _skip(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _last_digit_cut(segment: str) -> int:
    """After the word holding the last digit: a locator or a label with a number
    ("p. 12", "ISO 690", "Figure 4B", "CPS5") is no name."""
    for i in range(len(segment) - 1, -1, -1):
        if segment[i].isdigit():
            end = i + 1
            while end < len(segment) and not segment[end].isspace() and segment[end] not in ",;:":
                end += 1
            return end
    return 0


# ABNT's initials after a surname that others share, "(SILVA, J.; SOUZA, B., 2019)".
_INITIALS_AFTER = re.compile(r",\s*(?:[A-ZÀ-Þ]\.\s?(?:(?:de|da|do|dos|das)\s)?)+$")


def _semicolon_cut(segment: str, cut: int) -> int:
    """After the last semicolon, unless every part is a name: ABNT and some journals
    join co-authors with semicolons (``GÓMEZ; FERREIRA``, ``Lopes; Borges``). A label
    before a work (``BIC; Schwarz``) is then read as a first name, and the matcher
    drops it when the names after it fit an entry."""
    last = segment.rfind(";", cut)
    if last < 0:
        return cut
    parts = [_INITIALS_AFTER.sub("", p.strip(" ,")) for p in segment[cut:].split(";")]
    if all(p and valid_name(p) for p in parts) and not _names_of_a_work(parts[-1]):
        return cut
    return last + 1


def _names_of_a_work(part: str) -> bool:
    """Whether the part after the last semicolon is already a whole author list
    ("Goodman and O'Grady", "Park et al."): ABNT joins co-authors with semicolons and
    no "and", so what came before the semicolon was a label ("Dicranomyia; Goodman and
    O'Grady 2013"), not a co-author."""
    if ET_AL.search(part):
        return True
    return any(w in AND_WORDS and w not in ("a", "i", "e") for w in part.split()[1:-1])


def _skip_lower_lead(segment: str, cut: int) -> int:
    """Past lower-case words before the first capitalised one, keeping name particles
    ("van der Berg") and stopping where no capitalised word follows."""
    words = list(re.finditer(r"\S+", segment[cut:]))
    # "pro-iBiosphere Consortium": a brand's lower-case start is the name's first word
    first_upper = next((k for k, w in enumerate(words) if is_capitalised(w.group())), None)
    if not first_upper:
        return cut
    k = first_upper
    while k > 0 and words[k - 1].group().casefold() in PARTICLES:
        k -= 1
    if k == 0:
        return cut
    return cut + words[k].start()
