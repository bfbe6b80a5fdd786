"""Title, container and the rest of an entry once its authors (and year) are known.

Journal sentences with their locators, chapters ("In: …, edited by …"), books with
place and publisher, Vancouver's "Journal. 2019;4(2):1-9", and the kind of work
guessed from what was found.
"""

from __future__ import annotations

import bisect
import re

from citeaudit.bibliography.freetext_parsed import ParsedFields
from citeaudit.bibliography.freetext_patterns import (
    _CHAPTER_MARK,
    _DASH,
    _EDITED_BY,
    _EDITOR_ROLE,
    _GENRE,
    _LOC_START,
    _LOC_WORDS,
    _MONTH,
    _NEWS_WORDS,
    _NO_DATE,
    _PUBLISHER_WORDS,
    _REPORT,
    _THESIS,
    _TRAILING_PAREN,
    _UP,
    _YEAR,
)
from citeaudit.bibliography.freetext_sentences import _boundaries, _clean, _sentences
from citeaudit.bibliography.freetext_vocab import FOREIGN_MONTH_ABBREVIATIONS
from citeaudit.bibliography.freetext_years import pick_year

# --------------------------------------------------------------------------------------
# title, container and the rest


def _quoted(rest: str) -> tuple[str, str] | None:
    """(title, after) when `rest` starts with a quoted title."""
    if not rest:
        return None
    o = rest[0]
    closers = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'", "„": "“"}
    if o not in closers:
        return None
    c = closers[o]
    if o in "'‘":
        m = re.search(rf"{re.escape(c)}(?=[,.:;]|\s|$)", rest[1:])
        m2 = re.search(rf"{re.escape(c)}(?=[,.:;])", rest[1:])
        m = m2 or m
        if m is None:
            return None
        end = m.start() + 1
    else:
        end = rest.find(c, 1)
        if end < 0:
            return None
    title = rest[1:end].strip().rstrip(",.;:").strip()
    return title, rest[end + 1 :].strip(" ,.;:")


def _parse_after_authors(rest: str, f: ParsedFields, *, need_year: bool) -> None:
    q = _quoted(rest)
    if q is not None:
        f.title, after = q
        f.title = _clean(f.title)
        _parse_container_tail(after, f)
        if need_year:
            _year_from(after, f)
        return
    sents = _split_at_comma_chapter(_sentences(rest))
    if not sents:
        return
    if need_year and (
        re.search(r"\[Internet\]", rest, re.IGNORECASE)
        or any(
            re.match(rf"^{_YEAR}[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*;", x)
            for x in _sentences(rest, vancouver=True)[2:]
        )
    ):
        f.style = "vancouver"
        _parse_vancouver_rest(rest, f)
        return
    has_url = bool(f.urls or f.doi)
    chap = next((i for i, x in enumerate(sents) if i >= 1 and _CHAPTER_MARK.match(x)), None)
    journal = next(
        (
            i
            for i, x in enumerate(sents)
            if i >= 1 and (_journal_like(x) or _bare_locators(sents, i))
        ),
        None,
    )
    tail: list[str]
    if chap is not None and (journal is None or chap <= journal):
        title_parts, tail = sents[:chap], sents[chap:]
        _parse_chapter(tail, f)
    elif journal is not None:
        start = _abbreviated_journal_start(sents, journal)
        title_parts, tail = sents[:start], sents[start:]
        _parse_journal(sents[journal], f)
        if start < journal:
            # the locator sentence's own name, when it has one ("Fed. | Proc. 38 (2)")
            own = f.container if f.container and re.search(r"[^\W\d_]", f.container) else ""
            name = " ".join([*sents[start:journal], own])
            f.container = _clean(re.sub(rf",\s{_YEAR}[a-z]?\.?\s*$", "", name))
    else:
        title_parts, tail = _title_and_tail(sents, has_url=has_url, need_year=need_year)
        _parse_book_tail(tail, f, has_url=has_url)
    title_parts = [t for t in title_parts if not _GENRE.match(t)] or title_parts[:1]
    if len(title_parts) == 1 and f.container is None and chap is None and journal is None:
        title_parts[0] = _journal_after_comma(title_parts[0], f)
    if (
        len(title_parts) == 1
        and not tail
        and ", " in title_parts[0]
        and not re.search(r"[\[(]", title_parts[0])
    ):
        pieces = title_parts[0].split(", ")
        k = next(
            (
                k
                for k in range(1, len(pieces))
                if _PUBLISHER_WORDS.search(pieces[k])
                and len(pieces[k].split()) <= 6
                and all(len(p.split()) <= 6 for p in pieces[k:])
            ),
            None,
        )
        if k is not None:
            f.publisher = _clean(pieces[k])
            if k >= 2 and _PLACE_PIECE.fullmatch(pieces[k - 1]):
                k -= 1  # the place before it: "…, Hong Kong, Hong Kong University Press"
            title_parts = [", ".join(pieces[:k])]
    if len(title_parts) == 1 and not tail and chap is None and journal is None:
        title_parts[0] = _without_comma_imprint(title_parts[0], f)
    f.title = _clean_title(" ".join(title_parts))
    if need_year:
        _year_from(" ".join(tail), f)
        if f.year is None and not f.no_date:
            _year_from(rest, f, avoid=f.title)


_ABBREVIATION_SENTENCE = re.compile(rf"(?:[{_UP}][a-z]{{0,8}}\.\s?){{1,3}}")


def _abbreviated_journal_start(sents: list[str], journal: int) -> int:
    """Where the journal begins when its abbreviated name was split into sentences of its
    own ("Title. Mol. Ther. 2015, 23, 1416–1417." -> "Mol.", "Ther.", "2015, 23, …"):
    the first of the abbreviation-only sentences just before a locator sentence that names
    no journal itself (only a year). Otherwise `journal`, unchanged.

    Why: ACS and some chemistry and medicine styles put the year first in the locators,
    so the sentence the rules recognise as the journal's holds only the year, and the
    abbreviated journal name was read as the end of the title."""
    body = sents[journal].rstrip(" .")
    m = _loc_start(body)
    if m is None and not _BARE_LOC.fullmatch(body):
        return journal
    name = body[: m.start()].strip() if m is not None else ""
    # "Fed. | Proc. 38 (2): 215-223": the sentence's own name is one more abbreviation
    own_name = re.search(r"[^\W\d_]", re.sub(rf"\b{_YEAR}[a-z]?\b", "", name))
    if own_name and not _ABBREVIATION_SENTENCE.fullmatch(name.rstrip(".") + "."):
        return journal
    start = journal
    while start - 1 >= 1 and _ABBREVIATION_SENTENCE.fullmatch(sents[start - 1].strip()):
        start -= 1
    if (
        start == journal
        and not own_name
        and journal >= 2
        and _SERIAL_NAME.fullmatch(sents[journal - 1].strip())
    ):
        # "Title. Fictive Review. 46(4): 5-18." / "… Rheumatology. 56(3), 344–350.": the
        # locators a sentence of their own, the journal's whole name the one before
        start -= 1
    elif start < journal and start >= 2 and _ABBREVIATED_HEAD.fullmatch(sents[start - 1].strip()):
        # "Harvard Pap. | Bot. | 13: 165–170": the name's first words whole, its last one
        # abbreviated
        start -= 1
    return start


# the head of an abbreviated journal's name: one to three words, the last abbreviated
_ABBREVIATED_HEAD = re.compile(rf"(?:[{_UP}][\w'’\-]*+\s){{1,2}}[{_UP}][a-z]{{0,8}}\.")


# a journal's name standing as a sentence of its own: words with no digit, at most
# twelve of them ("Russian Social Science Review.", "Michigan Bot."), perhaps with the
# year after a comma as EndNote's numbered style prints it ("Curr Gene Ther, 2005.")
_SERIAL_NAME = re.compile(rf"[^\W\d_][^\d\s]*+(?:\s[^\d\s]++){{0,11}}(?:(?<=,)\s{_YEAR}[a-z]?\.?)?")


def _given_name_first(s: str, m: re.Match[str]) -> bool:
    """The "Vancouver block" is one given name and a middle initial ("Thomas D." of
    "Thomas D. Gillespie. Fundamentals of Vehicle Dynamics. …", IEEE and ACM lists): the
    one capitalised word and full stop after it is the family name, not the title.

    Why: read as Vancouver, the family name became the title and the given name the
    author. A true Vancouver entry with a one-word title ("Kumar A. Bioinformatics.")
    reads the same; one-word article titles are far rarer than this."""
    names = m.group("names")
    if "," in names or not re.search(rf"\s[{_UP}]$", names):
        return False
    word = re.match(rf"[{_UP}][\w'’\-]+\.\s+(?=[{_UP}\d\"“'‘])", s[m.end() :])
    return word is not None and not _journal_date_follows(s[m.end() + word.end() :])


def _journal_date_follows(rest: str) -> bool:
    """Whether `rest` opens as a Vancouver journal and its date: "Trop Med. 2011;12(3):
    45-50", "Malar J. 2009;8:12", "Lancet 2015;385:1-2", or a short journal name of
    capitalised words and a bare year ("Trop Med. 2011.").

    Why: "Costa M. Resistance. Trop Med. 2011" was read given name first, the one-word
    title ("Resistance", "Vaccines", "Nets") as the author's family, and the entry then
    reported as never cited. A book's title after a given name ("Thomas D. Gillespie.
    Fundamentals of Vehicle Dynamics. SAE, 1992.") is no journal before a date."""
    sents = _sentences(rest, vancouver=True)
    if sents and _journal_with_date(["", sents[0]]) is not None:
        return True
    if len(sents) >= 2 and re.match(rf"{_YEAR}[a-z]?\s*;\s*\d", sents[1]):
        return True
    bare = _SHORT_JOURNAL_AND_YEAR.fullmatch(rest.strip())
    return bare is not None and all(
        w[:1].isupper() or w[:1] == "(" for w in bare.group("journal").split()
    )


# "Trop Med. 2011.": a journal's name of at most five words, then the year alone
_SHORT_JOURNAL_AND_YEAR = re.compile(
    rf"(?P<journal>[^\s.;:]+(?: [^\s.;:]+){{0,4}})\.\s+{_YEAR}[a-z]?\.?"
)


def _journal_after_comma(sentence: str, f: ParsedFields) -> str:
    """Cut "Title words, Journal Name, v. 71, pp. 318-327, 1982" (commas, no full stops,
    common in the earth sciences and in reference lists typed by hand) into its title and
    journal; returns the title part, or `sentence` unchanged when it has no such shape.

    Why: with no full stop between them the title, journal and locators make one
    sentence, and the rules took it all as the title (and the tagger, trained on that
    reading, often cut such titles short at a word it took for the journal). The journal
    is the last comma piece before the locators: short, and capitalised."""
    if not _journal_like(sentence):
        return sentence
    body = sentence.rstrip(" .")
    m = _loc_start(body)
    if m is None or _PAGE_COUNT.search(body, m.end()):
        # "Rethinking harbours, Lagos, Sol Press, 2007, 179p.": a book's page count
        # closes it, no journal's locators; the piece before is the publisher
        return sentence
    head = body[: m.start()]
    cut = head.rfind(", ")
    if cut < 0:
        return sentence
    title, journal = head[:cut].strip(), head[cut + 2 :].strip()
    if (
        len(title.split()) < 2
        or not 1 <= len(journal.split()) <= 8
        or not journal[:1].isupper()
        or re.search(r"\d", journal)
    ):
        return sentence
    f.container = _clean(journal)
    _locators(body[m.end() :], f)
    return title


# a book's page count closing the entry: "179p", "380 p", "231 pages", "272 S." (a
# journal's page is written the other way round: "p. 5")
_PAGE_COUNT = re.compile(r"(?<![\w\-–—])\d{1,5}\s?(?:p|pp|pages|S|str|hlm|blz)\.?$")


# a chapter mark with its colon after a comma: "Die Stadt am Fluss, in: Geschichte …",
# "An incident response system, in: Proceedings …" -- the colon makes "in" the mark, not
# a word of the title, so the sentence ends before it as if a full stop stood there
_COMMA_CHAPTER = re.compile(r",\s+(?=(?:[Ii]n|[Ee]n|[Ee]m|[Dd]ans|[Ii]m)\s?:\s)")


def _split_at_comma_chapter(sents: list[str]) -> list[str]:
    """The sentences with each cut before a comma-joined chapter mark (`_COMMA_CHAPTER`)."""
    out: list[str] = []
    for x in sents:
        m = _COMMA_CHAPTER.search(x)
        if m is not None and m.start() > 0:
            out.extend([x[: m.start()], x[m.end() :]])
        else:
            out.append(x)
    return out


# a place standing alone between commas: one to three capitalised words
_PLACE_PIECE = re.compile(rf"[{_UP}][^\W\d_]+(?:[ \-][{_UP}][^\W\d_]+){{0,2}}\.?")


# the imprint after a comma at the end of a one-sentence rest: "From Text to Action,
# London: Athlone, 1991" (place, colon, publisher, perhaps the year), or the bare year
# alone: "Digital Opportunity: A review, 2011"
_COMMA_IMPRINT = re.compile(
    rf",\s+(?P<place>[{_UP}][^,:;()]{{1,40}}):\s*(?P<pub>[^,:;()]{{2,60}}?)"
    rf"(?:,\s*{_YEAR}[a-z]?)?[\s.]*$"
)
# the lower-case words inside a place's name: "Rio de Janeiro", "Frankfurt am Main"
_PLACE_JOINERS = frozenset(["de", "do", "da", "del", "di", "du", "la", "le", "am", "upon"])
_COMMA_YEAR = re.compile(rf",\s*{_YEAR}[a-z]?[\s.]*$")
_COMMA_PAGE_COUNT = re.compile(r",\s*\d{1,5}\s?(?:p|pp|pages|S|str|hlm|blz)\.?$")


def _without_comma_imprint(title: str, f: ParsedFields) -> str:
    """`title` without an imprint or a year a comma joins to its end (`_COMMA_IMPRINT`);
    the publisher is kept. A title of its own stays (nothing left before the comma)."""
    count = _COMMA_PAGE_COUNT.search(title)
    if count is not None and count.start() > 0:
        title = title[: count.start()]  # "…, Paris: CRL, 554p": the book's page count
    m = _COMMA_IMPRINT.search(title)
    if m is not None and m.start() > 0:
        f.publisher = f.publisher or _clean(m.group("pub"))
        return title[: m.start()]
    y = _COMMA_YEAR.search(title)
    if (y is None or y.start() == 0) and count is None:
        return title
    out = title[: y.start()] if y is not None and y.start() > 0 else title
    for _ in range(3):
        # the place or publisher between title and year: "Nations and Nationalism,
        # Ithaca, 1983", "la guerre hors limite, Payot, 1999" (at most three capitalised
        # words after the last comma, two words or more of title left before it)
        body, comma, last = out.rpartition(",")
        words = last.split()
        place = (
            1 <= len(words) <= 3
            and words[0][:1].isupper()
            and all(
                (w[:1].isupper() or w in _PLACE_JOINERS) and w.strip(".").replace("’", "").isalpha()
                for w in words
            )
        )
        publisher = 1 <= len(words) <= 6 and bool(_PUBLISHER_WORDS.search(last))
        # a one-word title may be left before them when a year closed them ("Arrabales,
        # Montevideo, 1958": the place, then the year); before a page count alone, two words
        if not comma or not (place or publisher) or len(body.split()) < (1 if y else 2):
            break
        out = body
    return out


def _title_and_tail(
    sents: list[str], *, has_url: bool, need_year: bool
) -> tuple[list[str], list[str]]:
    if len(sents) == 1:
        return sents, []
    n_title = 1
    # "Why do coalitions collapse? Party politics in East Africa. Routledge."
    while (
        n_title < len(sents) - 1
        and sents[n_title - 1].rstrip("'’”\"").endswith(("?", "!"))
        and _subtitle_like(sents[n_title])
    ):
        n_title += 1
    if n_title == 1 and _subtitle_before_imprint(sents):
        # "Common Knowledge. An Ethnography of Wikipedia. Palo Alto (CA): Stanford UP.":
        # the sentence between a book's title and its imprint is the subtitle (not when
        # the title has one after a colon: there it is most often the series)
        n_title = 2
    if has_url and not need_year and n_title == 1 and len(sents) >= 3:
        # web pages and news: "Title. More title? Site. URL"
        last = sents[-1]
        if not _PUBLISHER_WORDS.search(last) and not any(_GENRE.match(x) for x in sents[1:]):
            n_title = len(sents) - 1
    return sents[:n_title], sents[n_title:]


def _subtitle_before_imprint(sents: list[str]) -> bool:
    """Whether `sents` is a book's title, its subtitle as a sentence of its own, perhaps
    a translator or an edition, then the imprint and at most two sentences of its year,
    extent or series: "Voir loin. L’espace des villes. Traduction de A. Roe. Paris :
    Alfa, 1982. 240 p. (Essais)." Without it the subtitle was left to no field (ABNT
    and French books give the extent and series after the imprint)."""
    if (
        len(sents) < 3
        or ":" in sents[0]
        or not _subtitle_like(sents[1])
        or _ROLE_SENTENCE.search(sents[1])
        or _ROLE_SENTENCE.search(sents[0].rsplit(",", 1)[-1])
    ):
        return False
    k = 3 if len(sents) > 3 and _ROLE_SENTENCE.search(sents[2]) else 2
    after = sents[k + 1 :]
    return (
        bool(_IMPRINT.fullmatch(sents[k].rstrip(" .")))
        and len(after) <= 2
        and all(_AFTER_IMPRINT.fullmatch(x.strip()) for x in after)
    )


# what follows a book's imprint: its year, its extent ("211 p.", "xii, 300 pp."), its
# series in brackets ("(Métiers et pratiques)")
_AFTER_IMPRINT = re.compile(
    rf"(?:{_YEAR}[a-z]?|(?:[ivxlc]{{1,8}},?\s?)?\d{{1,5}}\s?(?:p|pp|pages|S|f|fl|h))\.?"
    r"(?:\s?\([^()]{1,80}\)\.?)?|\([^()]{1,80}\)\.?"
)


# a book's imprint as a sentence: "Paris: L’Harmattan", "Palo Alto (CA): Stanford
# University Press", "München: Juventa, 2010"
_IMPRINT = re.compile(r"[^\W\d_][^:;.]{1,40}:\s?[^\W\d_][^:;]{1,60}")


# a sentence naming a translator, an editor or an edition, never a subtitle
# ("Translated by …", "(Ed.) J. Smith", "Tradução de …", "Title, ed. | J. Smith"), not
# "Introduction", "transition" or "tradition"
_ROLE_SENTENCE = re.compile(
    r"(?i:\btrans(?:l|\.)|\btrad(?:\.|u)|übersetz|\bedit(?:ed|or|ion|ad)|\béd(?:\.|it)|"
    r"\beds?\.|\bhrsg|\bhg\.|\bcomp\.|\borg\.)"
)


def _subtitle_like(sentence: str) -> bool:
    return (
        not re.search(r"\d", sentence)
        and not _CHAPTER_MARK.match(sentence)
        and not _PUBLISHER_WORDS.search(sentence)
        and not re.search(r"\b(?:ed|edn|eds)\.", sentence)
        and ":" not in sentence
        and len(sentence.split()) >= 2
    )


# a book's imprint in brackets closing the title, perhaps with the page cited after it
# (Chicago notes): "(Boulder: Westview Press, 1998), p. 20"; the place is one to four
# capitalised words and a year or a publisher's word follows, so "(Part 2: Methods)" and
# a taxon's "(Lepidoptera: Nymphalidae)" stay the title's
_BRACKETED_IMPRINT = re.compile(
    rf"\([{_UP}][\w.'’\-]*+(?:,?\s[{_UP}][\w.'’\-]*+){{0,3}}:\s?[^():]{{1,100}}\)"
    r"(?:[,.;:]?\s*(?:pp?\.\s*)?\d[\d\-–, ]*+)?[,.;:]?"
)


def _without_bracketed_imprint(t: str) -> str:
    """`t` without a bracketed imprint at its end (one candidate: the last bracket)."""
    i = t.rfind("(")
    if (
        i > 0
        and _BRACKETED_IMPRINT.fullmatch(t, i)
        and re.search(r"[^\W\d_]", t[:i])
        and (re.search(rf"\b{_YEAR}\b", t[i:]) or _PUBLISHER_WORDS.search(t[i:]))
    ):
        return t[:i].rstrip(" ,.;:")
    return t


# the editors named after a book's title with their role: "Studio sulle opere (1859),
# Ugo Piovano (ed.)", "A History, J. Roe and M. Poe (eds)" -- one to four names of one to
# four capitalised words or initials
_EDITORS_AFTER_TITLE = re.compile(
    rf",\s*(?:[{_UP}][\w'’\-.]*+\s?){{1,4}}(?:(?:,|\s+and|\s*&)\s*(?:[{_UP}][\w'’\-.]*+\s?){{1,4}}){{0,3}}"
    r"\s*\((?i:eds?|editors?|hrsg|hg|dirs?|coords?|orgs?)\.?\)$"
)


def _clean_title(t: str | None) -> str | None:
    t = _clean(t)
    if not t:
        return None
    t = _without_bracketed_imprint(t)
    t = _EDITORS_AFTER_TITLE.sub("", t)
    prev = None
    while prev != t:
        prev = t
        t = _TRAILING_PAREN.sub("", t).rstrip(" .,;:")
    t = re.sub(r"\s*\[(?:internet|online|electronic resource)\]$", "", t, flags=re.IGNORECASE)
    # closed at the end (the lookahead) and its first ":" (possessive): each year or ":"
    # of an unclosed "(a:a1500 1500 …" was tried against the rest (10 s an entry)
    t = re.sub(rf",?\s*\((?=[^()]*+\)$)[^():]*+:[^()]*{_YEAR}[^()]*\)$", "", t)
    t = re.sub(
        # (?<!\d): from a run of digits' first only, or 10,000 digits took seconds
        r",?\s*(?<!\d)\d+(?:st|nd|rd|th|a|e|ª)?\.?\s*(?:edn|ed|Aufl|éd)\.?$",
        "",
        t,
        flags=re.IGNORECASE,
    )
    # the imprint in brackets without a place: "Classical Electrodynamics (Wiley, 1998)"
    t = re.sub(rf",?\s*\([^():]{{2,60}},\s*{_YEAR}[a-z]?\)$", "", t)
    t = _clean(t) or ""
    return t or None


# the pages after "volume:": "1754-1760", "e1002389", "327—333", "257– 259" (a spaced
# dash, one space at most on each side)
_PAGE_RUN = rf"[eE]?\d[\w{_DASH}]{{0,15}}(?:\s?[{_DASH}]\s?\w{{1,10}})?"


# the dash of a page range, spaced or not, doubled as TeX writes it ("40--44")
_TO = rf"\s*[{_DASH}]{{1,2}}\s*"


# "Journal Name 25:1754-1760" / "Journal 8(3):e1002389" (eLife, PLOS, bioRxiv): the
# locators after a space, no comma; only at the sentence's end, so a title's "2:1" ratio
# is not one; or "Biomacromolecules 14 (2013) 1134–1142" (Elsevier: the year in brackets)
_SPACE_LOC = re.compile(
    rf"\s(?=\d{{1,5}}[A-Za-z]?(?:(?:\s?\([^()]{{1,15}}\))?\s?:|\s?\({_YEAR}\))\s?{_PAGE_RUN}$)"
)


# "38 (2): 215-223" standing alone: the locators of a journal whose abbreviated name the
# full stops cut into sentences before it ("Fed. | Fict. | 38 (2): 215-223")
_BARE_LOC = re.compile(
    rf"\d{{1,5}}[A-Za-z]?(?:\s?\([^()]{{1,15}}\))?\s?:\s?(?:pp?\.\s?)?{_PAGE_RUN}"
)


def _bare_locators(sents: list[str], i: int) -> bool:
    """A sentence of locators alone after one naming a journal, abbreviated or whole."""
    prev = sents[i - 1].strip() if i >= 2 else ""
    return bool(_BARE_LOC.fullmatch(sents[i].rstrip(" ."))) and bool(
        _ABBREVIATION_SENTENCE.fullmatch(prev) or _SERIAL_NAME.fullmatch(prev)
    )


def _loc_start(body: str) -> re.Match[str] | None:
    """Where the locators of a journal sentence begin: ", 12(3), 4-9" or " 12:4-9"
    (the latter only after a name: not after a Vancouver date, "2013 Jul; 32(7): e1")."""
    m = _LOC_START.search(body)
    if m is not None:
        return m
    m = _SPACE_LOC.search(body)
    if m is None or ";" in body[: m.start()] or not re.search(r"[^\W\d_]{2}", body[: m.start()]):
        return None
    return m


def _journal_like(sentence: str) -> bool:
    body = sentence.rstrip(" .")
    m = _loc_start(body)
    if m is None or m.start() == 0:
        return False
    loc = body[m.end() :]
    if not re.search(r"\d", re.sub(rf"\b{_YEAR}[a-z]?\b", "", loc)):
        return False
    words = [w.lower().rstrip(".") for w in re.findall(r"[^\W\d_]+\.?", loc)]
    odd = [w for w in words if w not in _LOC_WORDS and len(w) > 1]
    return len(odd) <= 1 and not re.search(r"[:;]\s*[A-Z]", loc)


def _parse_journal(sentence: str, f: ParsedFields) -> None:
    body = sentence.rstrip(" .")
    m = _loc_start(body)
    if m is None:
        if _BARE_LOC.fullmatch(body):
            _locators(body, f)
        return
    name = body[: m.start()].strip()
    if _VOLUME_AND_ISSUE.fullmatch(name):
        # "56(3), 344–350": the volume before the comma, the name in the sentence before
        _locators(body, f)
        return
    f.container = _clean(name)
    _locators(body[m.end() :], f)


_VOLUME_AND_ISSUE = re.compile(rf"(?!{_YEAR}\b)\d{{1,4}}[A-Za-z]?(?:\s?\([^()]{{1,15}}\))?")


# A volume at the head of the locators ("12(3)", "12 Suppl 2:"), and an edition
# statement alone ("2nd ed.", "3. Aufl."). Digit runs are possessive and start at a run's
# first digit only: a long run of digits was retried from each of its digits and each try
# read to the run's end (quadratic); now every digit is read once wherever they are tried.
_LEADING_VOLUME = re.compile(r"(?<!\d)(\d++[A-Za-z]?(?:\s++\w++\s++\d++)?)\s*(?=\(|,|:|$|\s)")
_EDITION_ONLY = re.compile(r"(?<!\d)\d++(?:st|nd|rd|th|a|e|\.)?\s*(?:edn|ed|Aufl|éd)\.?")


def _locators(loc: str, f: ParsedFields) -> None:
    loc = loc.strip()
    vm = re.search(r"(?:\bvols?\.?|\bv\.|\bBd\.|\bJg\.|\bT\.)\s*(\w+)", loc, re.IGNORECASE)
    if vm:
        f.volume = vm.group(1)
    else:
        vm = _LEADING_VOLUME.match(loc)
        if vm:
            f.volume = vm.group(1)
    for im in (
        re.search(
            r"\b(?:no|nos|n|nr|núm|num|issue|heft|h)\.?\s*(\d\w*(?:[-–/]\w+)?)", loc, re.IGNORECASE
        ),
        re.search(r"\(\s*([^()]{1,20}?)\s*\)", loc),
    ):
        if im and not re.fullmatch(rf"{_YEAR}[a-z]?", im.group(1)):
            f.issue = im.group(1)
            break
    pm = re.search(
        rf"\b(?:pp?|S|hlm|hal|págs?|art)\.\s*([A-Za-z]?\d+[A-Za-z]?(?:{_TO}[A-Za-z]?\d+[A-Za-z]?)?)",
        loc,
    ) or re.search(rf"([A-Za-z]?(?<!\d)\d+[A-Za-z]?{_TO}[A-Za-z]?\d+[A-Za-z]?)", loc)
    pm = pm or re.search(r"(?<=:)\s?([eE]?\d+)\b", loc)  # "8:e1002389", "307:1598"
    if pm:
        f.pages = pm.group(1).replace(" ", "")
    elif f.volume:
        em = re.search(r",\s*([A-Za-z]?\d+)\s*$", loc)
        if em and em.group(1) != f.volume:
            f.pages = em.group(1)


def _parse_chapter(tail: list[str], f: ParsedFields) -> None:
    f.kind = "chapter"
    text = " ".join(tail)
    text = _CHAPTER_MARK.sub("", text, count=1).strip(" :")
    role = _EDITOR_ROLE.search(text)
    if role is not None and re.search(r"\d", text[: role.start()]):
        # "dans Book, vol. 2, The Era, BURNS W. (éd.), Westport": the role after the
        # book's locators closes its editors' names, it opens no book
        role = None
    if role is None:
        plain = _EDITORS_THEN_ROLE.match(text)
        if plain is not None and not _NAMES_THEN_LOCATOR.match(text, plain.end()):
            role = plain  # not "In Book, ed. Mary Roe and Al Poe, 12-30": names after it
    if role:
        after = text[role.end() :].strip(" ,.:")
        f.container = _container_cut(after)
    else:
        editors = _ABNT_EDITORS.match(text) or _INITIALS_FIRST_EDITORS.match(text)
        book = text[editors.end() :] if editors else text
        f.container = _container_cut(book, chapter=True)
    pm = re.search(rf"\b(?:pp?|S|hlm|hal|págs?)\.\s*(\w+(?:{_TO}\w+)?)", text)
    if pm:
        f.pages = pm.group(1).replace(" ", "")
    pub = re.search(r"(?:^|[.)]\s)(?:[^.:;()]{2,40}:\s*)?([^.:;()]*?)(?:[;,]\s*\d{4})?\.?$", text)
    if pub and pub.group(1) and _PUBLISHER_WORDS.search(pub.group(1)):
        f.publisher = _clean(pub.group(1))


# editors named before the role after a comma, the book after it: "In: Otto Lang, ed.
# The Oxford History …", "In: Boden, A. and Erik, K. G., eds., Deep Drilling …"; the
# names hold no sentence (bounded: linear)
_EDITORS_THEN_ROLE = re.compile(
    rf"^[^().:;]{{2,120}}?(?:[{_UP}]\.[^().:;]{{0,60}}?)*,\s*(?:eds?|editors?|Hrsg|hg)\.?,?\s+"
    rf"(?=[{_UP}\d“\"])"
)


# names after a role, then a comma, bracket or page: "ed. Mary Roe and Al Poe, 12-30",
# "eds. C.G. Cereti & M. Maggi. 147" -- the role then follows the book, not its editors
_NAME_WORD = rf"(?:[{_UP}][\w'’\-.]*+|van|von|de|der|den|da|del|di|du|la|le|dos|das)\s?"
_NAMES_THEN_LOCATOR = re.compile(
    rf"(?:{_NAME_WORD}){{1,5}}"
    rf"(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:{_NAME_WORD}){{1,5}}){{0,8}}"
    rf"(?:\s*et al\.?)?\s*[,(\d]"
)


# editors named initials first, no role, before the book: "In C. Smith & D. Nylund,
# Narrative therapies …" -- no book's title opens on an initial's full stop
_INITIALS_FIRST_EDITORS = re.compile(
    rf"^(?:[{_UP}]\.\s?)++[{_UP}][\w'’\-]++"
    rf"(?:(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)(?:[{_UP}]\.\s?)++[{_UP}][\w'’\-]++){{0,8}}"
    rf",\s+(?=[{_UP}<“\"\d])"
)


# ABNT's editors after "In:" without a role ("In: GARCIA, D. A.; SOARES, A. S. F. De
# 1969 a 2019: um percurso. Campinas: …"): surnames in capitals, initials with their
# stops; the book's title starts after them
_ABNT_NAME = rf"[{_UP}][{_UP}'’\-]+(?: [{_UP}][{_UP}'’\-]+)*,\s*(?:[{_UP}][a-zà-ÿ]*\.\s?)+"
_ABNT_EDITORS = re.compile(
    rf"^{_ABNT_NAME}(?:;\s*{_ABNT_NAME})*(?:\s*et al\.)?\s*(?=[{_UP}0-9][^\W_]*\s)"
)


_DATE_WORDS = (
    r"winter|spring|summer|fall|autumn|hiver|printemps|été|automne|invierno|primavera|verano|"
    r"otoño|inverno|verão|outono|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|"
    r"setembro|outubro|dezembro|januar|februar|märz|juni|juli|oktober|dezember"
)


_CONTAINER_CUT = re.compile(
    r"(?:,\s*(?:vols?\.|v\.\s*\d|pages?\s+\d|no\.|nos?\.|n\.\s*\d|nr\.|n[úu]m\.|pp?\.|S\.\s*\d|hlm\.|hal\.|"
    r"Bd\.|Jg\.|edited by|ed\. by|eds?\.|hrsg\.|hg\.\s|translated by|trans\.|trad\.?\s|tr\.\s|"
    r"(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+)"
    # a number after "the" names the meeting, not its volume: "Proceedings of the 1990
    # ACM International Conference", "Proc. of the 9th Workshop"
    r"|(?<!\bthe)(?<!\bThe),?\s+\(?\d+(?![\w])|,\s*\d|,\s*"
    + _MONTH
    + r"\s|\s*\[|;\s|\s+\(pp?\.|\s+\((?:hlm|S)\.|,\s*\()"
    r"|,\s*(?:n\.\s?d|s\.\s?f|o\.\s?J|t\.\s?t)\b|(?<=\)),\s"
    # a season or a month in another language before a day or year: "Lutheran Forum,
    # Winter 2008", "J Gynecol Obstet (Paris) Décembre 2016"
    rf"|,?\s+(?i:{_DATE_WORDS})\.?\s+\d"
    # a bracket that opens a date, an edition or a volume: "Federal Reserve Bulletin
    # (August-September, 1921)", "Numerical Recipes (3rd ed.)", "Systems (Vol. 1)"
    rf"|\s+\((?=(?:{_MONTH}|(?i:{_DATE_WORDS})|\d+(?:st|nd|rd|th|e)?\s*(?:ed|éd|Aufl)|[Vv]ol\.))"
)


_JOURNAL_ABBREV_END = re.compile(
    r"\b(?:Lett|Rev|Sci|Med|Res|Phys|Chem|Eng|Soc|Stud|Inst|Bull|Ann|Proc|Trans|Conf|Int|Natl|"
    r"Biol|Ecol|Econ|Psychol|Educ|Sociol|Polit|Hist|Geogr|Comput|Math|Appl|Environ|Clin|Surg|J|"
    r"Symp|Syst|Technol|Mater|Commun|Dev|Manag|Adm|Hum|Am|Eur|Br|Can|Aust)$"
)


def _container_cut(text: str, *, chapter: bool = False) -> str | None:
    """The container at the start of `text`, up to the first locator or sentence end."""
    cut = _container_cut_raw(text, chapter=chapter)
    if cut and _JOURNAL_ABBREV_END.search(cut):
        t = text.strip(" ,;:")
        if t.startswith(cut + "."):
            return cut + "."
    return cut


# an abbreviated serial's name up to its locators ("Biophys. J.", "Contemp. Music Rev.",
# "Proc. IEEE"): short capitalised words and acronyms, the last abbreviated, before a
# comma and the locators ("Biophys. J., vol. 25"); its full stops end no sentence
_ABBREVIATED_NAME = re.compile(
    rf"(?:(?:[{_UP}][a-z]{{0,10}}\.?|[{_UP}]{{2,8}}|of|and|the|&|de|für|in|on)\s)*"
    rf"(?:[{_UP}][a-z]{{0,8}}\.|[{_UP}]{{2,8}})"
)


# a bracket opening on a capital and closing on a letter or a year: an acronym the name
# carries, "(ICCM 2010)", "(IJCAI-19)", not a locator or a date
_NAMED_BRACKET = re.compile(rf"\([{_UP}]{{2,}}[^()]{{0,30}}\)")


def _inside(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `at` stands strictly inside one of `spans` (sorted, not overlapping)."""
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and spans[k][0] < at < spans[k][1]


def _container_cut_raw(text: str, *, chapter: bool = False) -> str | None:
    t = text.strip(" ,.;:")
    # a name's own bracket holds no cut: "Conference on Modeling (ICCM 2010)"
    # the brackets do not overlap (one finditer), so one bisection tells whether a cut
    # stands inside one: testing every cut against every bracket was quadratic (an
    # entry of 10,000 characters of "(ABC 1) x, 1 " took 0.6 s; freeze23)
    named = [(m.start(), m.end()) for m in _NAMED_BRACKET.finditer(t)]
    starts = [a for a, _ in named]
    cuts = [m.start() for m in _CONTAINER_CUT.finditer(t) if not _inside(m.start(), named, starts)]
    b = _boundaries(t)
    first = min(cuts, default=0)
    if b and not (t[first : first + 1] == "," and _ABBREVIATED_NAME.fullmatch(t[:first])):
        cuts.append(b[0] - 1)
    if chapter:
        e = _EDITED_BY.search(t)
        if e:
            cuts.append(e.start())
    end = min(cuts) if cuts else len(t)
    return _clean(t[:end])


def _parse_container_tail(after: str, f: ParsedFields) -> None:
    """After a quoted title: "Container, vol. 12, no. 3, ..." / "In Book, edited by ..."."""
    a = after.strip(" ,.;:")
    if not a:
        return
    if _CHAPTER_MARK.match(a):
        _parse_chapter([a], f)
        return
    f.container = _container_cut(a)
    if f.container and f.container.lower() in {"in", "ed", "available"}:
        f.container = None
    rest = a[len(f.container or "") :]
    _locators(rest, f)
    if f.container and _GENRE.match(f.container):
        f.kind = "thesis"
        f.container = None
    if f.volume and not re.search(r"\d", f.volume):
        f.volume = None


def _parse_book_tail(tail: list[str], f: ParsedFields, *, has_url: bool) -> None:
    tail = [t for t in tail if not _GENRE.match(t)]
    if not tail:
        return
    first = _clean(tail[0]) or ""
    first = re.sub(
        r"^\d+(?:st|nd|rd|th|a|e|ª)?\.?\s*(?:edn|ed|Aufl|éd)\.?,?\s*", "", first, flags=re.I
    )
    if not first and len(tail) > 1:
        first = _clean(tail[1]) or ""
    # "Place: Publisher, 2019" / "Publisher; 2019" / "Site Name"
    pm = re.match(
        r"^(?:[^:;,]{2,40}(?:,\s*[A-Z]{2,})?:\s*)?(?P<pub>[^;]+?)(?:[;,]\s*\d{4}[a-z]?)?$", first
    )
    candidate = _clean(pm.group("pub")) if pm else first
    if candidate and _EDITION_ONLY.fullmatch(candidate):
        candidate = _clean(tail[1]) if len(tail) > 1 else None
        if candidate:
            pm = re.match(
                r"^(?:[^:;,]{2,40}:\s*)?(?P<pub>[^;]+?)(?:[;,]\s*\d{4}[a-z]?)?$", candidate
            )
            candidate = _clean(pm.group("pub")) if pm else candidate
    if not candidate or re.fullmatch(r"[\d\s.,;:–-]+", candidate):
        return
    candidate = re.sub(rf",\s*{_YEAR}[a-z]?$", "", candidate).strip()
    if has_url and not _PUBLISHER_WORDS.search(candidate) and ":" not in first:
        f.container = candidate
    else:
        f.publisher = candidate


def _parse_vancouver_rest(rest: str, f: ParsedFields) -> None:
    sents = _sentences(rest, vancouver=True)
    if not sents:
        return
    year_i = next(
        (
            i
            for i, x in enumerate(sents)
            if i >= 1
            and re.match(rf"^(?:{_DATE_PARTS}{_YEAR}[a-z]?|\[date unknown\]|n\.d\.)(?:\W|$)", x)
        ),
        None,
    )
    chap = next((i for i, x in enumerate(sents) if i >= 1 and _CHAPTER_MARK.match(x)), None)
    if chap is not None:
        title_parts = sents[:chap]
        f.kind = "chapter"
        # "In: Editor AB, editor. Container. Place: Publisher; 2019. p. 1-10."
        rest_parts = (
            sents[chap + 1 :] if re.search(r"\beditors?\.?$", sents[chap]) else sents[chap:]
        )
        if rest_parts:
            f.container = _clean(_CHAPTER_MARK.sub("", rest_parts[0]))
        pm = re.search(r"\bp\.\s*(\w+(?:[-–]\w+)?)", rest)
        if pm:
            f.pages = pm.group(1)
    elif year_i is not None and year_i >= 2:
        journal_i = year_i - 1
        if journal_i >= 2 and _DATE_PARTS_ONLY.fullmatch(sents[journal_i]):
            # "Ibis. Dec. 2008;156": the month's abbreviation cut off as a sentence
            journal_i -= 1
        title_parts = sents[:journal_i]
        f.container = _clean(re.sub(r"\s*\[Internet\]", "", sents[journal_i]))
        _vancouver_locators(_DATE_PARTS_FIRST.sub("", sents[year_i]), f)
        f.kind = "article"
    elif (glued := _journal_with_date(sents)) is not None:
        i, name, date = glued
        title_parts = sents[:i]
        f.container = _clean(name)
        _vancouver_locators(date, f)
        f.kind = "article"
    else:
        inet = next((i for i, x in enumerate(sents) if re.search(r"\[Internet\]", x, re.I)), None)
        if inet is not None:
            title_parts, tail = sents[: inet + 1], sents[inet + 1 :]
        else:
            title_parts, tail = _title_and_tail(sents, has_url=False, need_year=True)
        # web: "Title [Internet]. Site; 2022 [cited ...]."; book: "Place: Publisher; 2019."
        if tail:
            first = tail[0]
            if inet is not None or (f.urls and ";" in first):
                f.container = _clean(first.split(";")[0])
                f.kind = "webpage"
            else:
                _parse_book_tail(tail, f, has_url=False)
    f.title = _clean_title(" ".join(title_parts))
    _year_from(" ".join(sents[1:]), f)
    _year_from(rest, f, avoid=f.title)


# the date's parts before its year ("Dec 2008;", "Winter 2008.", "Dec 3, 2008;", "3 Dec
# 2008", "Jan-Feb 2008"): a Vancouver sentence so opened is the date, never the journal
# (the sentence before it is). Bounded, no nested repetition
# months as other languages abbreviate them ("Dic", "dez.", "févr.", "Okt")
_MONTH_ABBREVIATIONS = "|".join(sorted(FOREIGN_MONTH_ABBREVIATIONS))
_A_MONTH = rf"(?:{_MONTH}|(?i:{_DATE_WORDS}|{_MONTH_ABBREVIATIONS})\.?)"
_DATE_PARTS = (
    rf"(?:(?:\d{{1,2}}\s+)?{_A_MONTH}"
    rf"(?:[-–/]{_A_MONTH})?\s+(?:\d{{1,2}},?\s+)?)?"
)
_DATE_PARTS_FIRST = re.compile(rf"^{_DATE_PARTS}(?={_YEAR})")
_DATE_PARTS_ONLY = re.compile(
    rf"(?:\d{{1,2}}\s+)?{_A_MONTH}(?:[-–/]{_A_MONTH})?(?:\s+\d{{1,2}})?[.,]?"
)


# "Rev Fict (Paris) Décembre 2016;45(10):1205-6": the journal and its date in one
# sentence (no full stop after the journal's name, or a month word before the year).
# Found by the date ("2016;45"), then the name before it: one search, linear.
_DATE_THEN_VOLUME = re.compile(
    rf"(?:(?<=\s)(?i:{_DATE_WORDS})\.?\s+|(?<=\s){_MONTH}\s+)?(?<!\d){_YEAR}[a-z]?"
    # "Ibis 2008 Dec;156", "2008 Dec 3;156", "2008 Sep-Oct;156": the month after the year
    rf"(?:\s{_A_MONTH}(?:[-–/]{_A_MONTH})?(?:\s\d{{1,2}})?)?\s*;\s*\d"
)


def _journal_with_date(sents: list[str]) -> tuple[int, str, str] | None:
    """(index, journal, date and locators) of the first sentence shaped so, or None."""
    for i in range(1, len(sents)):
        body = sents[i].rstrip(" .")
        m = _DATE_THEN_VOLUME.search(body)
        if m is None:
            continue
        name = body[: m.start()].strip(" ,")
        if re.search(r"[^\W\d_]", name) and ";" not in name and len(name.split()) <= 12:
            date = body[m.start() :]
            return i, name, date[re.search(_YEAR, date).start() :]  # type: ignore[union-attr]
    return None


def _vancouver_locators(s: str, f: ParsedFields) -> None:
    m = re.match(
        rf"^(?P<y>{_YEAR})(?P<s>[a-z])?[^;:]*?(?:;\s*(?P<v>[^(:;.]+?)?\s*(?:\((?P<i>[^)]+)\))?)?"
        rf"(?::\s*(?P<p>[\w\-–]+))?\.?$",
        s.strip(),
    )
    if m:
        f.volume = (m.group("v") or "").strip() or None
        f.issue = m.group("i")
        f.pages = m.group("p")


def _year_from(
    text: str, f: ParsedFields, avoid: str | None = None, *, locators: bool = False
) -> None:
    """Fill `f.year` from `text` (without `avoid`, most often the title) unless it is
    filled; a number in a locator's place only with `locators` (see `freetext_years`)."""
    if f.year is not None:
        return
    if avoid:
        text = text.replace(avoid, " ")
    best = pick_year(text, locators=locators)
    if best is not None:
        f.year, f.year_suffix = best.year, best.suffix
        return
    if re.search(rf"(?<!\w)(?:{_NO_DATE})(?!\w)", text):
        f.no_date = True


def _finish(f: ParsedFields, s: str) -> None:
    if f.title and f.container and _norm(f.title) == _norm(f.container):
        f.container = None
    if f.container and not re.search(r"[^\W\d_]", f.container):
        f.container = None
    if f.container and _GENRE.match(f.container):
        f.container = None
    f.kind = f.kind or _guess_kind(f, s)
    if f.kind == "chapter" and not f.container:
        f.kind = "book"


def _guess_kind(f: ParsedFields, s: str) -> str:
    if _THESIS.search(s):
        return "thesis"
    if f.container and (f.volume or f.issue or f.pages) and not _NEWS_WORDS.search(f.container):
        return "article"
    if f.container and _NEWS_WORDS.search(f.container):
        return "news"
    if _REPORT.search(f.title or "") or re.search(r"\(Report No\.|\bStd\b", s):
        return "report"
    if f.container and f.urls:
        return "webpage"
    if f.container:
        return "article"
    if f.publisher or re.search(r"\b\d+(?:st|nd|rd|th|a|e)?\.? ?(?:ed|edn|Aufl)\b", s):
        return "book"
    if f.urls:
        return "webpage"
    return "book"


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())
