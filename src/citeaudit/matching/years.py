"""Whether a cited year fits an entry: labels, spans, original editions, slips.

A year is the second half of an author-year match; these helpers say when an entry's
raw text still holds the cited year though its year field was read otherwise.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.publication_status import STATUS, ends_pending
from citeaudit.model.reference import Reference

# A year read outside these is a date in a title (a species' authority, a target
# year), not the entry's publication year.
_FIRST_PRINTED = 1800
_LATEST = datetime.date.today().year + 1


def pending(citation: Citation) -> bool:
    """Whether `citation` cites a work in preparation, submitted or under review."""
    return citation.year is None and ends_pending(citation.item)


def yearless(citation: Citation) -> bool:
    """Whether `citation` gives no year at all -- not "n.d.", not a status ("in press"):
    "(Tanaka et al.)" (`manuscript.citations.author_year`)."""
    return (
        citation.year is None
        and not citation.no_date
        and citation.kind is CitationKind.AUTHOR_YEAR
        and _STATUS.search(citation.item or citation.text) is None
    )


_STATUS = re.compile(STATUS)
_STATUS_READ = 2000  # characters of an entry a status is looked for in (bounded)


def year_fits(citation: Citation, reference: Reference) -> str:
    """ "exact", "family" (2020 cited, entry 2020a), "suffix" (2020a cited, entry 2020)
    or "" (a different year)."""
    if citation.year is None:
        # "n.d.", "s.d.", "in press", "no prelo" on either side: both undated, the same;
        # letters as for a year ("n.d." beside "n.d.-a" and "n.d.-b" is either)
        if reference.year is not None:
            return ""
    elif common_era(reference.year) != common_era(citation.year):
        return ""
    if citation.year_suffix == reference.year_suffix:
        return "exact"
    if citation.year_suffix is None:
        return "family"
    return "suffix" if reference.year_suffix is None else ""


# The Thai solar calendar counts from 543 BCE: 2563 BE is 2020 CE. A year past any
# Gregorian year of publication and within the Buddhist era's modern range is one.
_BUDDHIST_ERA = 543
_LAST_BUDDHIST_YEAR = 2700


def common_era(year: int | None) -> int | None:
    """A year of the Buddhist era ("2563", Thai lists and texts) as the Gregorian year it
    mostly overlaps (2020); any other year as it is."""
    if year is not None and _LATEST + 1 < year <= _LAST_BUDDHIST_YEAR:
        return year - _BUDDHIST_ERA
    return year


def by_suffix_position(citation: Citation, positions: list[int]) -> int | None:
    """The entry a suffixed year names when the list wrote no suffixes (or they were not
    read): APA and Harvard order same-author, same-year entries a, b, c... in the list,
    so "2018b" is the second of them. None when there are not that many."""
    if not positions or not citation.year_suffix:
        return None
    rank = ord(citation.year_suffix) - ord("a")
    return positions[rank] if 0 <= rank < len(positions) else None


def year_in_raw(citation: Citation, reference: Reference) -> bool:
    """Whether the entry as written holds the cited year although its year was read
    otherwise: then a mismatch would be the list reader's error or another edition's
    date, not the author's. So when

    * no year was read, or one no work was published in ("Erinnyis ello Linnaeus,
      1758", "towards 2030"), or one that stands only inside a range (pages
      "1505-1510");
    * the year read stands inside the entry's title or container ("… production from
      1980 to 2015. Plos one, 2022": the title's year taken for the entry's);
    * the cited year is the original edition's, as the entry says: "[1859]",
      "1985/2003", "(Original work published 1985)", "publicado originalmente em 1985";
    * the citation gives a status ("in press", "no prelo") and the entry, dated since,
      still says one ("Smith, J. (2021). Title. Journal. In press."): the list was
      updated at proof, the text was not.
    """
    if citation.year is None:
        return (
            reference.year is not None
            and not citation.no_date
            and _STATUS.search(citation.item or citation.text) is not None
            and _STATUS.search(reference.raw[:_STATUS_READ]) is not None
        )
    if reference.year == citation.year:
        return False
    if _other_calendar(reference.raw, citation.year, reference.year):
        return True  # "(2563)", "1441 H" or "(1399)" in the entry for a cited 2020
    if reference.year is not None and _slash_paired(
        citation.item or citation.text, reference.year, citation.year
    ):
        return True  # "(Park 2001/2012)" for Park (2001): the citation gives both editions
    if (
        reference.year is not None
        and _bracketed(citation.item or citation.text, reference.year)
        and not _edition_year(reference, citation.year)
    ):
        return True  # "(Baker, 2005 [1998])" for Baker (1998): so does this one
    if reference.year is not None and _head_year(reference.raw) == citation.year:
        # "Olmi M. (1991) Supplement ... Frustula entomologica (1989)": the list reader
        # took the volume's year; the year after the names is the entry's, as cited
        return True
    if reference.year is None and any(
        _RANGE_ON.match(reference.raw, at + len(str(citation.year)))
        for at in _written(reference.raw, citation.year, dash_before=True)
    ):
        return True  # "Gann et al. 2015" for a work published "2015–2017", "2016-onward"
    if reference.year is not None and _within_span(reference.raw, reference.year, citation.year):
        return True  # "Negrobov 1974" for a work published "(1971–77)", in parts
    if str(citation.year) not in reference.raw:
        return False  # each test below needs the cited year written in the entry
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
        or _translation_imprint(reference.raw, read, citation.year)
    ):
        return True
    return any(
        _standalone_year(part, reference.year) >= 0 and _standalone_year(part, citation.year) < 0
        for part in (reference.title or "", reference.container or "")
    )


# Every year-specific search below is one pattern compiled once, with the year as a
# group compared afterwards, or a plain `str.find` of the year (`_written`) -- never a
# pattern built from the year at match time: re's cache holds 512 patterns, an entry's
# years and a citation's are any of hundreds (and the pairs of them any of 100,000s),
# so each entry-citation pair compiled its patterns afresh (0.1-1 ms each), and the
# pairs the matcher budgets (`author_index._SCORED`) took hours (freeze20: 100 entries
# of one surname and 100 citations of it in other years, 8 KB, 15 CPU s; 400: > 120).
_DASHES = "–—-"
_RANGE_ON = re.compile(r"\s*[-–—]\s*(?:\d{4}|\d{2}|onwards?|present)(?!\d)", re.IGNORECASE)
_BRACKETED_NUMBER = re.compile(r"\[\s*(\d+)\s*\]")
_SLASH_YEAR_ON = re.compile(r"\s*/\s*(?:1[5-9]|20)\d\d(?!\d)")
_YEAR_SLASH_NUMBER = re.compile(r"(?<!\d)(?=(?:1[5-9]|20)\d\d\s*/\s*(\d+))")
_SLASHED_PAIR = re.compile(r"(?<!\d)(?=(\d+)\s*/\s*(\d+))")
_BRACKETED_PAIR_ON = re.compile(r"\s?[(\[][‘'\"]?(\d+)[’'\"]?[)\]]")
_BRACKETED_THEN = re.compile(r"[(\[](\d+)[)\]]\s?(\d+)")


def _written(
    raw: str, year: int, *, dash_before: bool = False, dash_after: bool = False
) -> Iterator[int]:
    """Where `year` stands in `raw` as a whole number -- no digit right before or after
    it, nor a dash when asked (`(?<![\\d–—-])1985(?!\\d)`) -- by `str.find`: linear in
    `raw`, and nothing compiled for the year."""
    text = str(year)
    at = raw.find(text)
    while at >= 0:
        end = at + len(text)
        before = raw[at - 1] if at else ""
        after = raw[end] if end < len(raw) else ""
        if not (
            before.isdecimal()
            or after.isdecimal()
            or (dash_before and before != "" and before in _DASHES)
            or (dash_after and after != "" and after in _DASHES)
        ):
            yield at
        at = raw.find(text, at + 1)


# A Hijri year as lists mark it: "1441 H", "1441 AH", "1441 A.H.", "1441 هـ".
_HIJRI = re.compile(r"(?<![\d.])(1[3-4]\d\d)\s?(?:A\.?H\.?|H\.?|هـ|ه)(?![^\W\d_])")
# A Solar Hijri year (Iran, Afghanistan) as lists mark it: "1399 SH", "1399 H.S.",
# "1399 HS", "1399 ش", "1399 هـ.ش". Tried before the lunar one, which "1399 H" is.
_SOLAR_HIJRI = re.compile(
    r"(?<![\d.])(1[3-4]\d\d)\s?(?:S\.?\s?H\.?|H\.?\s?S\.?|هـ\.?\s?ش|ش)(?![^\W\d_])"
)
_HIJRI_READ = 400  # characters of an entry a Hijri year is looked for in (its head)
# Years read as an entry's own that are modern Hijri years, lunar (1300 AH = 1882) or
# solar (1300 SH = 1921), unmarked as Persian and Arabic lists write them: "(1399)".
_HIJRI_YEARS = range(1300, 1451)
_BARE_HIJRI = re.compile(r"[(\[](1[34]\d\d)[a-z]?[)\]]")
_SOLAR_EPOCH = 621  # 1 SH began at the March equinox of 622


def _other_calendar(raw: str, cited: int, listed: int | None = None) -> bool:
    """Whether the entry dates the work in another calendar to the cited Gregorian year:
    the Buddhist era's year ("2563" for 2020, written as a year), a Hijri year the
    cited year overlaps ("1441 H": August 2019 to August 2020, cited 2019 or 2020), or
    a Solar Hijri one ("1399 SH": March 2020 to March 2021). A year read as the entry's
    that is a modern Hijri year unmarked ("(1399)") is taken as either calendar's: no
    Gregorian year of those centuries is cited for a work printed so long after."""
    buddhist = cited + _BUDDHIST_ERA
    if cited <= _LATEST and _standalone_year(raw, buddhist) >= 0:
        return True
    head = raw[:_HIJRI_READ]
    solar = [int(found.group(1)) for found in _SOLAR_HIJRI.finditer(head)]
    lunar = [int(found.group(1)) for found in _HIJRI.finditer(head)]
    bare = [listed] if listed is not None else []
    if listed is None:  # the list reader took no year: "Karimi, A. (1399). Title."
        bare = [int(found.group(1)) for found in _BARE_HIJRI.finditer(head)]
    for year in bare:
        if year in _HIJRI_YEARS and year not in solar and year not in lunar:
            solar.append(year)
            lunar.append(year)
    if any(cited in _solar_to_common(year) for year in solar):
        return True
    return any(cited in _hijri_to_common(year) for year in lunar)


def _solar_to_common(solar: int) -> tuple[int, int]:
    """The two Gregorian years a Solar Hijri year falls in: it starts at the March
    equinox, so 1399 -> 2020, 2021."""
    return solar + _SOLAR_EPOCH, solar + _SOLAR_EPOCH + 1


def _hijri_to_common(hijri: int) -> tuple[int, int]:
    """The two Gregorian years a Hijri year falls in (a lunar year of 354 days that
    starts some 11 days earlier each Gregorian year): 1441 -> 2019, 2020."""
    start = int(hijri * 0.970229 + 621.5643)
    return start, start + 1


_ORIGINAL_WORDS = (
    r"(?:original(?:ly)?|orig\.|first|primeir[ao]|primer[ao]?|premi[eè]re?|erstmals|"
    r"ersch(?:ienen)?|publicad[oa]|publi[ée]e?|published|publication|ed\.|edi[cç][aãi][oó]?n?|"
    r"edition|ausgabe|reprint(?:ed)?|reimpr\w*|trad\w*|transl\w*)"
)


# The original edition's words and up to 30 characters, right before a year
_ORIGINAL_BEFORE = re.compile(rf"{_ORIGINAL_WORDS}[^.;()\[\]]{{0,30}}\Z", re.IGNORECASE)
_ORIGINAL_REACH = 30 + 16  # the 30 characters and the longest fixed word, and more


def _original_edition(raw: str, year: int) -> bool:
    """Whether `raw` gives `year` as the date of another edition of the work: bracketed
    ("[1859]"), paired with a slash ("1985/2003", "2003/1985") or after words that say
    so ("Original work published 1985", "1. ed. 1985", "publicado em 1985")."""
    y = str(year)
    if any(found.group(1) == y for found in _BRACKETED_NUMBER.finditer(raw)):
        return True
    if any(found.group(1) == y for found in _YEAR_SLASH_NUMBER.finditer(raw)):
        return True
    for at in _written(raw, year):
        if _SLASH_YEAR_ON.match(raw, at + len(y)):
            return True
        start = max(0, at - _ORIGINAL_REACH)
        while start and (raw[start - 1].isalnum() or raw[start - 1] == "_"):
            start -= 1  # a word ("reimpressão...") the window would cut in two
        if _ORIGINAL_BEFORE.search(raw, start, at):
            return True
    return False


# The entry's first year, when nothing but its names (and a list label) stands before it:
# "Olmi M. (1991) ...", "Lee, A. 2005. ...". Bounded: the names are 240 characters at most.
_HEAD_YEAR = re.compile(
    r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])?[^\d]{0,240}?"
    r"(?<![\w./-])(1[5-9]\d\d|20[0-3]\d)(?![\d/–—-])"
)


def _head_year(raw: str) -> int | None:
    """The year written first in an entry, right after its names; None when a number
    stands before it or there is none."""
    found = _HEAD_YEAR.match(raw)
    return int(found.group(1)) if found else None


def _slash_paired(text: str, listed: int, cited: int) -> bool:
    """Whether the citation pairs the entry's year with its own by a slash ("2001/2012",
    "2012/2001"): the original edition's and the one read, either of which a list
    gives."""
    a, b = str(listed), str(cited)
    return any(
        (found.group(1), found.group(2)) in ((a, b), (b, a))
        for found in _SLASHED_PAIR.finditer(text)
    )


def _bracketed(text: str, listed: int) -> bool:
    """Whether the citation gives the entry's year in square brackets beside its own
    ("2005 [1998]", "[1998] 2005"): the original edition's, which a list may give alone."""
    return any(found.group(1) == str(listed) for found in _BRACKETED_NUMBER.finditer(text))


_RAW_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
_EDITION_SCOPE = 400  # characters of an entry whose years count


def _edition_year(reference: Reference, cited: int | None) -> bool:
    """Whether the entry gives a year of its own edition beside the original's -- one
    other than its year and the cited one ("MEDVEDOV ... [1928] ... São Paulo, 2019"):
    then "(MEDVEDOV, 2021 [1928])" names an edition the list does not hold, a year
    mismatch, where "(Baker, 2005 [1998])" for an entry giving 1998 alone is not."""
    years = {int(y) for y in _RAW_YEAR.findall(reference.raw[:_EDITION_SCOPE])}
    return bool(years - {reference.year, cited})


_SPAN_END = re.compile(r"\s*[-–—]\s*(\d{4}|\d{2})(?!\d)")


def _within_span(raw: str, first: int, cited: int) -> bool:
    """Whether `raw` dates the work by a span of years that opens with `first` (the
    year read) and holds `cited`: a work published in parts ("(1971–77)") is cited by
    the year of the part used."""
    if not first < cited <= first + 100:
        return False
    # the first time the year is written is the entry's date; a span later on is a
    # title's period ("(1971) Flies of the years 1971–1990")
    found = next(_written(raw, first, dash_before=True), -1)
    end = _SPAN_END.match(raw, found + len(str(first))) if found >= 0 else None
    if end is None:
        return False
    last = int(end.group(1))
    if last < 100:  # "1971–77": the century of the first year
        last += first - first % 100 + (100 if last < first % 100 else 0)
    return cited <= last


# What says an entry is a translation: "(C. Emerson, Trans.)", "trans. by", "translated
# by", "Trad.", "tradução de", "traducción:", "traduit par", "Übers.", "übersetzt von",
# "пер. с" -- not "Trans." opening a journal's name ("Phil. Trans. R. Soc.")
_TRANSLATED = re.compile(
    r"(?:,\s?|\()(?:trans|transl|tr|trad)\.(?=\s?[);])|\b(?:trans|transl|tr)\.\s(?:by|de|por|par)\b|"
    r"\btranslated\s(?:by|from)\b|\btrad\.\s|\btradu(?:ção|cao|cción|ccion|zione)\s?(?:de|di|:)|"
    r"\btraduit\s(?:par|de)\b|\b[üu]bers\.|\b[üu]bersetzt\s(?:von|aus)\b|\bпер\.",
    re.IGNORECASE,
)


def _translation_imprint(raw: str, read: int, cited: int) -> bool:
    """Whether a translation's entry, dated by the original's year (`read`, at `raw`'s
    head), gives the cited year after the word saying it is a translation: the
    translation's imprint ("Bakhtin, M. (1975). Title (C. Emerson, Trans.). Press,
    1981."), which the text may cite. A year in the title stands before that word."""
    mark = _TRANSLATED.search(raw, read)
    return mark is not None and _standalone_year(raw[mark.end() :], cited) >= 0


# Words that date the original edition: a year after them is the original's, whatever
# translator's note stands before ("(C. Ember, Trans.). (Original work published 1934)").
_ORIGINAL_ONLY = re.compile(
    r"(?:original(?:ly|mente|ement)?|orig\.|first|primeir[ao]|primer[ao]?|premi[eè]re?|"
    r"erstmals|ursprünglich)[^.;()\[\]\d]{0,30}$",
    re.IGNORECASE,
)
_ORIGINAL_READ = 40  # characters before a year its original-edition words are sought in


def translation_year(citation: Citation, reference: Reference) -> int | None:
    """The entry's own year when `citation` fits `reference` only as its translation's
    imprint: the entry is dated by the original's year (1934) and names the cited year
    after the words saying it is a translation ("Traducción de L. Ruiz. Madrid: Delta,
    1995."). The citation names the entry -- it is matched -- but APA asks for both
    years ("(Freud, 1934/1995)") and publishers count the one as a year disagreement,
    so citation-year-mismatch notes it. None when the citation already gives both years,
    cites the original's year, or fits otherwise."""
    cited, listed = citation.year, reference.year
    if cited is None or listed is None or common_era(cited) == common_era(listed):
        return None
    text = citation.item or citation.text
    if _slash_paired(text, listed, cited) or _bracketed(text, listed):
        return None
    raw = reference.raw
    read = _standalone_year(raw, listed)
    if read < 0 or _other_calendar(raw, cited, listed) or _paired_date(raw, listed, cited):
        return None
    mark = _TRANSLATED.search(raw, read)
    if mark is None:
        return None
    at = _standalone_year(raw[mark.end() :], cited)
    if at < 0:
        return None
    at += mark.end()
    if _ORIGINAL_ONLY.search(raw[max(mark.end(), at - _ORIGINAL_READ) : at]):
        return None  # "(Original work published 1934)": the original's year, cited
    return listed if year_in_raw(citation, reference) else None


def _paired_date(raw: str, read: int, cited: int) -> bool:
    """Whether `raw` dates the work by two years, one bracketed right after the other:
    "(1897 (1896))", "2001 (2000)", "(2003 [‘2002’])" -- zoology and botany give the
    year a work appeared and the year printed on it, and cite either. The reader takes
    one; a citation of the other is the same work, not a wrong year."""
    for first, second in ((read, cited), (cited, read)):
        for at in _written(raw, first):
            paired = _BRACKETED_PAIR_ON.match(raw, at + len(str(first)))
            if paired and paired.group(1) == str(second):
                return True
        # "Weber, M. (1905) 2001.": the original's year bracketed before the edition's
        if any(
            (found.group(1), found.group(2)) == (str(first), str(second))
            for found in _BRACKETED_THEN.finditer(raw, 0, _HIJRI_READ)
        ):
            return True
    return False


_MORE_YEARS = re.compile(r"(?:[a-z]?\s{0,3}[,;/&]\s{0,3}(?:1[5-9]|20)\d\d(?!\d))+")


def _among_years(raw: str, first: int, cited: int) -> bool:
    """Whether `raw` dates the work by several years listed after `first`, the year read
    ("Smithe F (1975, 1981) Naturalists' color guide"), `cited` among them."""
    found = next(_written(raw, first, dash_before=True), -1)
    more = _MORE_YEARS.match(raw, found + len(str(first))) if found >= 0 else None
    return more is not None and next(_written(more.group(), cited), -1) >= 0


def _standalone_year(raw: str, year: int) -> int:
    """Where `year` is written as a year in `raw`, not inside a range ("1700–2012",
    "pp. 1505-10"); -1 when it is not."""
    return next(_written(raw, year, dash_before=True, dash_after=True), -1)


def a_year_away(cited: int, listed: int | None) -> bool:
    return listed is not None and abs(listed - cited) == 1


def a_slip_away(cited: int, listed: int | None) -> bool:
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
