"""Free-text references: one reference-list entry as written in a manuscript -> `Reference`.

A rule-based parser for the styles manuscripts use — APA (6th/7th), Harvard, Chicago
(author-date and notes-bibliography), MLA, IEEE, Vancouver, ABNT — in any Latin-script
language. It works in the order a reader does:

1. take off what is not the entry (a list number ``[12]``, ``12.``, ``12)``) and what is
   unambiguous wherever it stands (DOIs, URLs, "Retrieved from", "[cited …]");
2. find the shape: a Vancouver author block ("Family AB, Family C."), a year right after
   the authors (author-date styles), or a quoted title (IEEE, MLA, Chicago);
3. cut authors, title and the container/locators by sentence boundaries that respect
   initials, abbreviations, brackets and quotes.

When the CRF model ships (``models/freetext-crf.model``), a tagger that has seen the
rules' reading then overrules the title and container where it doubts them, and fills
a missing year or author list (`refine_with_tagger`, `freetext_crf`). Without the model
the parser is the rules alone.

The work is split by concern, each module readable and testable alone:
``freetext_patterns`` (the vocabulary as patterns), ``freetext_parsed`` (the fields
being filled), ``freetext_sentences`` (sentence boundaries), ``freetext_names`` (author
lists into people and organisations), ``freetext_authors`` (where the authors end when
no year follows them), ``freetext_years`` (which four-digit number is the year, never a
page, volume or article number), ``freetext_fields`` (title, container, locators, kind),
``freetext_merge`` (the tagger's say) and this module, the pipeline.

Accuracy is measured on ``references/labelled/freetext.jsonl`` and on AnyStyle's
held-out sample by
``benches/freetext_accuracy.py``. Nothing here raises on odd input: the worst case is a
`Reference` with fewer fields filled.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citeaudit.bibliography.freetext_authors import BODY_BEFORE_COLON, _names_prefix, _split_authors
from citeaudit.bibliography.freetext_emphasis import without_emphasis
from citeaudit.bibliography.freetext_fields import (
    _clean_title,
    _finish,
    _given_name_first,
    _parse_after_authors,
    _parse_vancouver_rest,
    _year_from,
)
from citeaudit.bibliography.freetext_journal_head import with_journal_head
from citeaudit.bibliography.freetext_legal_acts import legal_act_title
from citeaudit.bibliography.freetext_merge import (
    CONTAINER_GATE,
    TITLE_GATE,
    refine_with_tagger,
    rule_hints,
)
from citeaudit.bibliography.freetext_name_order import natural_order_names
from citeaudit.bibliography.freetext_names import (
    PARTICLES,
    VANCOUVER_AUTHORS,
    is_organisation,
    parse_authors,
)
from citeaudit.bibliography.freetext_parsed import ParsedFields
from citeaudit.bibliography.freetext_patterns import (
    _BARE_URL,
    _ESCAPE,
    _LEAD_INS,
    _LIST_NUMBER,
    _MAX_YEAR,
    _MONTH,
    _NO_DATE,
    _REPEATED_AUTHORS,
    _REPEATED_STAND_IN,
    _UP,
    _URL,
    _YEAR,
)
from citeaudit.bibliography.freetext_sentences import _boundaries
from citeaudit.bibliography.freetext_spans import Covered, FirstContaining, trim_url
from citeaudit.bibliography.freetext_vocab import (
    FOREIGN_MONTH_ABBREVIATIONS,
    FOREIGN_MONTH_NAMES,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
)
from citeaudit.doi import find_dois
from citeaudit.encodable import encodable
from citeaudit.model.location import Location
from citeaudit.model.publication_status import NO_DATE, STATUS
from citeaudit.model.reference import Reference

__all__ = [
    "CONTAINER_GATE",
    "TITLE_GATE",
    "ParsedFields",
    "inherit_repeated_authors",
    "parse_fields",
    "parse_reference",
    "refine_with_tagger",
    "rule_hints",
]


def parse_reference(
    text: str,
    *,
    id: str,
    index: int,
    location: Location,
    raw: str | None = None,
    use_model: bool = True,
) -> Reference:
    """Parse one reference-list entry (markup already stripped) into a `Reference`.

    The rules read the entry; then, when the CRF model is there and `use_model`, the
    tagger (which sees the rules' reading) settles the title and container — see
    `freetext_crf` for why.
    """
    # A lone surrogate (an API caller's string, a CSL-JSON escape) breaks the CRF's
    # C encoder; the entry is still parsed, with U+FFFD in its place.
    text = encodable(text)
    raw = encodable(raw) if raw is not None else text
    text = without_emphasis(text)
    f = parse_fields(text)
    if use_model:
        refine_with_tagger(_unglue_year(_stand_in_for_dash(text) or f.tagged_text or text), f)
        if f.repeated_authors:
            f.authors = ()
        if f.title and len(f.authors) == 1 and f.authors[0].organisation:
            f.title = _without_subordinate_units(f.title, title=True)
    act = legal_act_title(text)
    if act is not None:  # a law's words are no people (freetext_legal_acts)
        f.authors, f.et_al, f.title = (), False, act
    f.container = _without_trailing_locator(_without_trailing_month(f.container))
    f.title = _without_leading_date(_without_trailing_imprint(f.title, f.year, text))
    f.title, f.container = with_journal_head(f.title, f.container, text)
    extra: list[tuple[str, str]] = []
    if f.et_al:
        extra.append(("et_al", "true"))
    if f.repeated_authors:
        extra.append(("repeated_authors", "true"))
    if f.style:
        extra.append(("freetext_shape", f.style))
    return Reference(
        id=id,
        index=index,
        location=location,
        raw=raw,
        kind=f.kind,
        authors=f.authors,
        year=f.year,
        year_suffix=f.year_suffix,
        no_date=f.no_date,
        title=f.title,
        container=f.container,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        publisher=f.publisher,
        doi=f.doi,
        doi_raw=f.doi_raw,
        urls=tuple(f.urls),
        extra=tuple(extra),
    )


# --------------------------------------------------------------------------------------
# the pipeline


def inherit_repeated_authors(references: list[Reference]) -> list[Reference]:
    """Entries whose authors are a dash ("———. 2018.") take the authors of the entry
    before them, as the style means (Chicago, MLA, ABNT's "______."); and the list's
    order of names settles the entries that read either way (`natural_order_names`)."""
    out: list[Reference] = []
    for ref in references:
        if out and ("repeated_authors", "true") in ref.extra and not ref.authors:
            ref = replace(ref, authors=out[-1].authors)
        out.append(ref)
    # the list's convention settles names one entry leaves open (freetext_name_order)
    return natural_order_names(out)


# a journal's name never ends in a month's
_MONTHS = MONTH_NAMES | FOREIGN_MONTH_NAMES


def _without_trailing_month(container: str | None) -> str | None:
    """The container without a month name ending it ("Lete Raha March 17-23, 2002",
    "J Gynecol Obstet Biol Reprod (Paris) Décembre 2016.45(10)": the issue's date read
    on with the journal's name)."""
    if not container:
        return container
    head, _, last = container.rpartition(" ")
    if head and last.strip(".,;:").casefold() in _MONTHS:
        return head.rstrip(" ,;:") or container
    return container


# what may end a container read on into its locators: a volume's word with or without
# its number ("Vol", "Vol.II", "No. 6" as two words), a bare volume of up to three
# digits, a month's abbreviation ("Dec", "nov.-déc"), a Roman volume after a comma (with
# its issue or without), the medium in brackets
_TRAILING_LOCATOR = re.compile(
    r"(?:\s+(?:[Vv]ol(?:ume)?|[Nn][or]|[Nn]º|[Nn]°)\.?(?:\s?(?:[IVXLC]+|\d{1,4}))?"
    r"|\s+\d{1,3}"
    rf"|\s+(?:{'|'.join(sorted(MONTH_ABBREVIATIONS | FOREIGN_MONTH_ABBREVIATIONS))})\.?(?:-\w+)?"
    r"|,\s*[IVXLC]{2,7}"
    # a Roman volume with its issue ("Window on Wake Forest, XII(3)")
    r"|,\s*[IVXLC]{1,7}\s?\(\d{1,4}\)"
    # the medium in brackets ("Kinephanos [en ligne]", "Rev Saude [serial online]")
    r"|\s*\[(?:en\s+ligne|on-?line|internet|em\s+linha|en\s+l[ií]nea|electronic\s+resource"
    r"|serial\s+on-?line|elektronische\s+ressource)\])$",
    re.IGNORECASE,
)


def _without_trailing_locator(container: str | None) -> str | None:
    """The container without a locator read on with it ("Africa Today Vol", "Wilson
    Bulletin 111", "J Clin Oncol. Dec", "Psychological Review, LXV"): where the rules
    or the tagger ran the journal's name into its volume, issue or month, the name is
    the journal's. A name that is only such words stays as it is."""
    if not container:
        return container
    out = container
    for _ in range(3):
        m = _TRAILING_LOCATOR.search(out)
        if m is None or m.start() == 0:
            break
        out = out[: m.start()].rstrip(" ,;:.")
    return out or container


_YEAR_WORD = re.compile(r"\(?(\d{4})[a-z]?\)?")
_VOLUME_COUNT = re.compile(r",\s*\d{1,2}\s+vols?\.?$")


def _without_trailing_imprint(title: str | None, year: int | None, text: str) -> str | None:
    """The title without the place and year of its book read on with it ("La promozione
    della salute, Udine, 1979", "… a Company Town, Minneapolis 2007") or a count of
    volumes ("Sense and Sensibility, 2 vols"): entries written without a publisher put
    the imprint straight after the title, and the rules, finding no container, ran the
    title on to the end. The place is cut only when the year ending the title is the
    entry's year and stands nowhere else in it (a title naming a year, "Paris, 1968",
    of a book published that year elsewhere in the entry keeps it), after a comma, and
    is at most three capitalised words; what is left must be two words or more."""
    if not title:
        return title
    m = _VOLUME_COUNT.search(title)
    if m is not None and len(title[: m.start()].split()) >= 2:
        return title[: m.start()].rstrip(" ,")
    if year is None or text.count(str(year)) != 1:
        return title
    head, _, last = title.rstrip(" .").rpartition(" ")
    ym = _YEAR_WORD.fullmatch(last.strip(".,;:"))
    if not head or ym is None or int(ym.group(1)) != year:
        return title
    body, comma, place = head.rstrip(" ,").rpartition(",")
    words = place.split()
    if (
        not comma
        or not 1 <= len(words) <= 3
        or not all(w[:1].isupper() and w.strip(".").isalpha() for w in words)
        or len(body.split()) < 2
    ):
        return title
    return body.rstrip(" ,;:")


def _unglue_year(text: str) -> str:
    """ "2006.Differential responses …" with the space after the year put back: the
    tagger labels whitespace tokens, and a year glued to the title's first word made
    it cut that word off the title. A year run onto the sentence before it is set apart
    too, as the rules read it (`_YEAR_RUN_ON`): the tagger must see the same tokens."""
    return _GLUED_YEAR.sub(r"\1. ", _YEAR_RUN_ON.sub(" ", text))


_GLUED_YEAR = re.compile(rf"(?<![\w.])({_YEAR}[a-z]?)\.(?=[{_UP}][a-z])")


# "… tidal gauges (HSWG-RP-3-2011).2011. Reference Source", "… Facility API.2017.": a
# year run onto the sentence before it (F1000 prints the year so), which then ended the
# title; a blank put back between them. Both sides fixed-width: linear on any input
_YEAR_RUN_ON = re.compile(rf"(?<=[^\W\d_]\.|\)\.)(?={_YEAR}[a-z]?\.(?:\s|$))")


def _stand_in_for_dash(text: str) -> str | None:
    s = _LIST_NUMBER.sub("", " ".join(text.replace("\u00a0", " ").split()), count=1)
    m = _REPEATED_AUTHORS.match(s)
    return _REPEATED_STAND_IN + s[m.end() :] if m else None


def parse_fields(text: str) -> ParsedFields:
    """All fields of one entry; see the module docstring for the order of work."""
    stand_in = _stand_in_for_dash(text)
    if stand_in is not None:
        f = parse_fields(stand_in)
        f.authors, f.repeated_authors = (), True
        return f
    f = ParsedFields()
    s = " ".join(text.replace("\u00a0", " ").split())
    s = _LIST_NUMBER.sub("", s, count=1)
    s = _YEAR_RUN_ON.sub(" ", s)
    s = _take_identifiers(s, f)
    s = _ESCAPE.sub(r"\1", s)
    # TeX's quotation marks, as BibTeX-made lists keep them: ``Title'' is “Title”
    s = _TEX_QUOTED.sub(r"“\1”", s)
    for lead in _LEAD_INS:
        s = lead.sub(" ", s)
    s = " ".join(s.split()).strip(" ,;:")
    s = re.sub(r"\s+([.,;:])", r"\1", s)
    s = re.sub(r"\(\s*\)|\[\s*\]", "", s).strip(" ,;:")
    if not s:
        return f

    labelled = _labelled_entry(s) or _year_first_entry(s)
    if labelled is not None:
        return labelled
    if _parse_gost(s, f):
        _finish(f, s)
        return f
    m = VANCOUVER_AUTHORS.match(s + " ")
    if m and _given_name_first(s, m):
        m = None
    ad_first = _author_date_match(s)
    ym = (_YEAR_SENTENCE.match(s, m.end()) or _YEAR_BEFORE_TITLE.match(s, m.end())) if m else None
    if m and ym:
        # "Guo Z, Segal M. 2017. Title. Journal 1505:151-166." (eLife, bioRxiv): Vancouver
        # names with the year standing after them, as author-date styles put it
        f.style = "author-date"
        f.authors, f.et_al = parse_authors(m.group("names"))
        f.et_al = f.et_al or bool(m.group("etal"))
        y, suffix = ym.group("y"), ym.group("s")
        if y is None:  # the bare year of `_YEAR_BEFORE_TITLE`
            y, suffix = ym.group("y2"), ym.group("s2")
        f.year, f.year_suffix = int(y), suffix
        _parse_after_authors(s[ym.end() :].strip(" .,:;"), f, need_year=False)
    elif m and (ad_first is None or ad_first[0] >= m.end() - 1):
        f.style = "vancouver"
        f.authors, f.et_al = parse_authors(m.group("names"))
        f.et_al = f.et_al or bool(m.group("etal"))
        _parse_vancouver_rest(s[m.end() :].strip(), f)
    elif (ad := _author_date_match(s)) is not None:
        f.style = "author-date"
        start, end, year, suffix, nd = ad
        names_end = _names_before_title_piece(s[:start]) if only_locators(s[end:]) else None
        if names_end is not None:
            # "Okafor, T., Fens of the north, Journal of Wet Places, 45, 1966, 368-391.":
            # the year of a comma-joined entry's journal or imprint, only pages after it.
            # Read as the author-date year, the title and journal became names and the
            # pages the title; the names end where a comma piece reads as a title
            f.style = "sentence"
            f.authors, f.et_al = parse_authors(s[:names_end])
            f.year, f.year_suffix = year, suffix
            _parse_after_authors(s[names_end:].strip(" .,:;"), f, need_year=False)
        else:
            f.authors, f.et_al = parse_authors(s[:start])
            f.year, f.year_suffix, f.no_date = year, suffix, nd
            rest = s[end:].strip(" .,:;")
            _parse_after_authors(rest, f, need_year=False)
    else:
        authors_end, rest_start, quoted = _split_authors(s)
        role = _ROLE_AFTER_NAMES.search(s, 0, 300)
        if role is not None and _names_only(s[: role.start()]):
            # "Van de Walle, Etienne, and Elisha Renne (Eds.). Title." / "Roe, Mia (Hrsg.):
            # Titel.": an edited book's editors stand as its authors, their role closing them
            authors_end, rest_start, quoted = role.start(), role.end(), False
            year_first = _YEAR_AFTER_ROLE.match(s, rest_start)
            if year_first is not None:  # "Barnard, C. (comp.) 1987. Title": the year found later
                rest_start = year_first.end()
        elif not quoted:
            authors_end, rest_start = _authors_before_chapter(s, authors_end, rest_start)
            names_end = (
                _names_before_title_piece(s[:authors_end])
                if not _reads_as_title(s[rest_start:])
                else None
            )
            if names_end is not None and not _INITIAL_HEAD.match(s, names_end + 2):
                # "Ames, P. R. and Lund,K.T., Breccia dykes of a crater rim, Planetary
                # Letters, v. 12, p. 101-118. 1991.": no author-date year (it closes the
                # entry) and the walk ran on through the title and the journal as names,
                # leaving the year alone after them (120-odd AnyStyle entries, their
                # author lists full of title words); when what is left after the names
                # reads as no title, they end where a comma piece reads as one
                authors_end, rest_start = names_end, names_end + 2
        f.style = "quoted" if quoted else "sentence"
        f.authors, f.et_al = parse_authors(s[:authors_end])
        rest = s[rest_start:].strip(" ,;:")
        if len(f.authors) == 1 and f.authors[0].organisation:
            rest = _without_subordinate_units(rest)
        _parse_after_authors(rest, f, need_year=True)
    if f.year is None and not f.no_date and m is not None and ad_first is not None:
        # "Pando F, et al. (1994–2010) Title": the date right after the Vancouver names
        start, _, year, suffix, _ = ad_first
        if year is not None and start <= m.end() + 1:
            f.year, f.year_suffix = year, suffix
    if f.year is None and not f.no_date:
        _year_from(s, f, avoid=f.title)
        if f.year is None and f.title and f.title != s:
            _year_from(s, f)
        if f.year is None and not f.no_date:
            # the last resort: a number in a locator's place (see `freetext_years`)
            _year_from(s, f, avoid=f.title, locators=True)
    if (
        f.year is None
        and not f.no_date
        and re.search(rf"(?<!\w)(?:{_NO_DATE})(?!\w)", s.replace("(", " ").replace(")", " "))
    ):
        f.no_date = True
    _finish(f, s)
    return f


# a piece opening on an initial or a joining word ("K. T. Title …", "and Institut de …")
# still belongs to the names before it
_INITIAL_HEAD = re.compile(rf"\s*(?:[{_UP}]\.|(?:and|&|et|und|y|e)\s)")


# the editors' role closing an author list: "(Eds.).", "(Hrsg.):", ", eds."
_ROLE_AFTER_NAMES = re.compile(
    r"(?:\s*\((?i:eds?|editors?|hrsg|hg|coords?|orgs?|dirs?|comps?|éds?|szerk|red)\.?\)|"
    r",\s*(?i:eds?|editors?)\.)[.:,]?\s+(?=\S)"
)


_YEAR_AFTER_ROLE = re.compile(rf"\(?{_YEAR}[a-z]?\)?[.,:]?\s+")


def _names_only(prefix: str) -> bool:
    """Whether `prefix` can be a list of names: no digit, no sentence inside (initials'
    stops are none), at most twelve words."""
    p = prefix.strip()
    return (
        bool(p)
        and not re.search(r"\d|[:;?!\"“”‘’«»„]|\b[Ii]n:?\s", p)
        and not _boundaries(p)
        and len(p.split()) <= 12
    )


_TEX_QUOTED = re.compile(r"``([^`']{1,400}?)''")


# a chapter mark after a sentence or a comma: "…. In: Editors (Hrsg.): Book",
# "…, in: Book"; the title stands before it, the book after it
_CHAPTER_AT = re.compile(
    r"(?<=[.,;?!”\"»’])\s+(?:(?:In|in|En|en|Em|em|Dans|dans|Im|im)\s?:|(?<=\.\s)In)\s"
)
_ROLE_BEFORE = re.compile(r"\b(?:editors?|eds?|Hrsg|hg|dirs?|coords?|orgs?)[.)]*\s*$", re.I)
# names closed by a colon before the title, no sentence inside: "Karl Weber: Vorrede",
# "Weber, Karl: Akzeptanz …", "Roe, Mia; Lang, Otto: Titel" (German lists); one to four
# capitalised words or initials per name, joined by commas, semicolons, slashes or "und"
_NAMES_BEFORE_COLON = re.compile(
    rf"^(?:[{_UP}][\w'’\-.]*+(?:\s[{_UP}][\w'’\-.]*+){{0,3}}(?:[,;/]\s?|\s(?:und|and|&)\s)?)"
    rf"{{1,8}}(?<![,;/\s]):\s"
)


def _authors_before_chapter(s: str, authors_end: int, rest_start: int) -> tuple[int, int]:
    """The author split, moved back when it ran into the chapter.

    With no year after the names, the walk over them can take the title too ("Karl
    Weber: Vorrede. In: P. Lang (Hrsg.) Das Buch" read "Vorrede" as a person), and the
    chapter sentence then becomes the title. A chapter's own title always stands before
    its chapter mark, so when the rest starts at the mark (or the names run past it) the
    names end earlier: at a colon closing a names-only head, where the name walk stops,
    or at the head's last sentence or comma.
    """
    cm = _CHAPTER_AT.search(s)
    if cm is None or cm.start() < 3:
        return authors_end, rest_start
    if ":" not in cm.group(0) and _ROLE_BEFORE.search(s, 0, cm.start()):
        # "Roe, Mia and Al Poe, editors. In the Embrace of …": a book's editors, its
        # title opening on the word "In"
        return authors_end, rest_start
    if authors_end > 0 and s[rest_start:].strip(" ,.;:") and rest_start < cm.start():
        return authors_end, rest_start  # a title stands between the names and the mark
    head = s[: cm.start()].rstrip(" ,.;")
    colon = _NAMES_BEFORE_COLON.match(head)
    if colon is not None and colon.end() < len(head):
        return colon.end() - 2, colon.end()
    walked = _names_prefix(head)
    if walked is not None and walked[1] < len(head):
        return walked
    cuts = [m.end() for m in re.finditer(r"[.,]\s", head)]
    bounds = _boundaries(head)
    cut = max(bounds[-1:] + cuts[-1:], default=None) if bounds or cuts else None
    if cut is None or cut >= len(head):
        return authors_end, rest_start
    return cut - 1, cut


# the units under a body that is the author, each a sentence of its own, as ABNT writes
# them ("BRASIL. Ministério da Saúde. Secretaria de Atenção à Saúde. Guia alimentar.";
# "SÃO PAULO (Estado). Secretaria da Educação. Proposta curricular."): they are the
# author's, not the title. A sentence opening with a unit's word, of at most twelve
# words, with more of the entry after it
_SUBORDINATE_UNIT = re.compile(
    r"(?:Minist[eé]rio|Ministry|Minist[eè]re|Secretar[ií]a|Secretariat|Subsecretar[ií]a|"
    r"Departamento|Department|D[eé]partement|Instituto|Institute|Conselho|Consejo|Council|"
    r"Coordena[cç][aã]o|Coordinaci[oó]n|Diretoria|Direcci[oó]n|Directorate|Funda[cç][aã]o|"
    r"Ag[eê]ncia|Agency|C[aâ]mara|Senado|Presid[eê]ncia|Gabinete|Superintend[eê]ncia|"
    r"Comiss[aã]o|Comisi[oó]n|Divis[aã]o|Divisi[oó]n|Division|Bureau|Office|N[uú]cleo|"
    r"Servi[cç]o|Servicio|Tribunal|Procuradoria|Prefeitura|Governo|Gobierno)"
    r"\b[^.]{0,120}?\.\s+(?=\S)",
    re.IGNORECASE,
)


def _without_subordinate_units(rest: str, *, title: bool = False) -> str:
    """`rest` without the units of the body before it (at most four): more of the entry
    must follow them (a sentence end), or with `title` any words (the title as the
    tagger read it, run on from the units)."""
    for _ in range(4):
        m = _SUBORDINATE_UNIT.match(rest)
        if m is None or len(m.group(0).split()) > 12:
            break
        after = rest[m.end() :]
        if not (after.strip() if title else _boundaries(after)):
            break
        rest = after
    return rest


# "Gates et al. (2007) Gates TA, Sampson SD, … Title. Journal. 2007;151:351–76.": the
# citation the entry answers to, then the entry whole (PeerJ prints its lists so, as
# label-first styles do). Bounded, one lazy run without nested quantifiers
_CITATION_LABEL = re.compile(
    rf"^(?P<label>[^\s()][^()]{{0,118}}?)\s?\((?P<y>{_YEAR})(?P<s>[a-z])?\)\s+(?=[{_UP}a-z])"
)


def _labelled_entry(s: str) -> ParsedFields | None:
    """The entry after its citation label, when it has one, else None.

    Why: read as an author-date entry, the label's names ("Gates et al.", "Horner, de
    Ricqlès & Padian") became the authors -- one author where the entry lists four, or
    a co-author's family taken for a given name -- and the entry's own names became the
    title, so "Gates et al., 2007" could not tell Gates & Sampson 2007 from Gates,
    Sampson, De Jesús … 2007. The entry proper is read instead, when it opens with the
    label's first name and its reading agrees (that name first, and the label's year
    among the entry's, or the entry opening with a Vancouver author block); the
    label's year and letter stand ("2009a" is the label's, not the entry's)."""
    m = _CITATION_LABEL.match(s)
    if m is None:
        return None
    rest = s[m.end() :]
    label_first = m.group("label").split()[0].strip(",.;:").casefold()
    if rest.split()[0].strip(",.;:").casefold() != label_first:
        return None
    f = parse_fields(rest)
    f.tagged_text = rest  # what the tagger must read: the rules' tokens
    if not f.authors or f.authors[0].family.split()[0].casefold() != label_first:
        return None
    year = int(m.group("y"))
    if f.year != year and not VANCOUVER_AUTHORS.match(rest + " "):
        return None
    f.year, f.year_suffix, f.no_date = year, m.group("s"), False
    return f


# a publication list ordered by year, each entry opening on it and a colon, the names
# closed by a colon after it: "1991: Karl Weber: Titel. In: Buch." (German CVs)
_YEAR_FIRST = re.compile(rf"(?P<y>{_YEAR})(?P<s>[a-z]?):\s(?=[{_UP}])")


def _year_first_entry(s: str) -> ParsedFields | None:
    """The entry read with the year that opens it moved after the names that follow it,
    closed by a colon ("1991: Karl Weber: Titel. In: …" read as "Karl Weber (1991).
    Titel. In: …"), else None.

    Why: read from the start, the year and the names became one author ("1991: Karl
    Weber: Titel") or the title's words names, and the title was lost. The year stands;
    the rest is read as the entry (`_NAMES_BEFORE_COLON` says names come first, so
    "2001: A Space Odyssey. Dir. …", a title, is not taken unless names follow)."""
    m = _YEAR_FIRST.match(s)
    rest = s[m.end() :] if m is not None else ""
    names = _NAMES_BEFORE_COLON.match(rest)
    if m is None or names is None:
        return None
    # read as the author-date entry it is: "Karl Weber (1991). Titel. In: …"
    names_text = rest[: names.end()].rstrip().rstrip(":").rstrip()
    entry = f"{names_text} ({m.group('y')}{m.group('s')}). {rest[names.end() :]}"
    f = parse_fields(entry)
    f.tagged_text = entry  # what the tagger must read: the rules' tokens
    if not f.authors or f.year != int(m.group("y")):
        return None
    return f


# GOST (Russian and neighbouring lists): "Family I.O., Family I.O. Title // Journal.
# 1980. Vol. 24. P. 5-9." -- names with dotted initials after the family, the title,
# then "//" before the journal or book the work is part of
_GOST_NAME = r"[^\W\d_][\w'’\-]+\s(?:[^\W\d_]\.\s?){1,3}"
_GOST = re.compile(
    # The lookahead first: names, title and container hold no "/", so the first "/"
    # must open the "//"; without it, every split of a long run of names rescanned the
    # rest (10,000 characters of "Aa A., " took seconds).
    r"^(?=[^/]*+//\s*+\S)"
    rf"(?P<names>{_GOST_NAME}(?:,\s*{_GOST_NAME})*(?:,?\s*et al\.?|,?\s*и др\.?)?)\s*"
    r"(?P<title>[^/\s][^/]{2,}?)\s*//\s*(?P<rest>\S.*)$"
)
_GOST_CONTAINER_END = re.compile(
    rf"\.\s+(?={_YEAR}|[TТ]\.\s?\d|Vol|Вып|Т\.|№|[NnС]\.|[PpSs]\.\s?\d|\d)|[.,]\s+{_YEAR}"
)


def _parse_gost(s: str, f: ParsedFields) -> bool:
    """Names, title and container of a GOST entry (see `_GOST`); False when `s` is none."""
    g = _GOST.match(s)
    if g is None:
        return False
    f.style = "gost"
    f.authors, f.et_al = parse_authors(g.group("names"))
    f.title = _clean_title(g.group("title"))
    rest = g.group("rest")
    end = _GOST_CONTAINER_END.search(rest)
    f.container = _clean_title(rest[: end.start()] if end else rest)
    _year_from(rest, f)
    return True


# a run of backslashes before an escaped character: tried only at the run's first
# backslash and never given back, so a hostile run not followed by one is one scan
# (`\\+` alone was retried from every backslash of the run: quadratic)
_DOI_ESCAPES = re.compile(r"(?<!\\)\\++([_&%#$])")


def _take_identifiers(s: str, f: ParsedFields) -> str:
    """Take DOIs and URLs out of the text into `f`; returns the text without them.

    A resolver URL ("https://doi.org/10...") gives the DOI and is kept as a URL as
    written; a bare DOI is never turned into a URL.
    """
    spans: list[tuple[int, int]] = []
    for offset, written, normalised in find_dois(s):
        if f.doi is None:
            # a doubled Markdown escape ("1\\_7") survives one round of unescaping
            f.doi, f.doi_raw = _DOI_ESCAPES.sub(r"\1", normalised), written
        spans.append((offset, offset + len(written)))
    # URL matches never overlap, so a URL is only ever inside a DOI's span, and a bare
    # address inside a DOI's or a URL's (`freetext_spans`: one sweep, not a search each)
    in_doi = FirstContaining(list(spans))
    for m in _URL.finditer(s):
        url = trim_url(m.group(0))
        inside = in_doi.at(m.start())
        if inside is not None:
            url = trim_url(s[m.start() : max(inside[1], m.start() + len(url))])
        else:
            spans.append((m.start(), m.start() + len(url)))
        f.urls.append(_ESCAPE.sub(r"\1", url))
    taken = Covered(list(spans))
    for m in _BARE_URL.finditer(s):
        if not taken.at(m.start()):
            spans.append((m.start(), m.start() + len(trim_url(m.group(0)))))
    if not spans:
        return s
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            last = max(last, b)
            continue
        out.append(s[last:a])
        last = b
    out.append(s[last:])
    return " ".join("".join(out).split())


# a date in brackets at a title's head ("[ca. 1850]. Título"): the tagger may read the
# editor's supplied date on into the title that follows it
_LEADING_DATE = re.compile(rf"[\[(]\s*(?:(?:ca?|circa)\.?\s*)?{_YEAR}\??\s*[\])][.:,]?\s+")


def _without_leading_date(title: str | None) -> str | None:
    """The title without a bracketed date opening it, when a title is left."""
    if not title:
        return title
    m = _LEADING_DATE.match(title)
    return title[m.end() :] if m and title[m.end() :].strip() else title


# "2001 (2000)", "1998 [1997]": after the year the work appeared in, the (earlier) year
# its volume bears; the first is the one its citations give ("Shpeley and Ball (2001)")
_OTHER_YEAR = rf"\s*(?:\({_YEAR}\)|\[{_YEAR}\])"


_AD_PATTERNS = (
    re.compile(
        # "(1998 [1997])": the year printed, then the one the volume bears
        rf"\(\s*(?P<y>{_YEAR})(?P<s>[a-z])?(?:\s*[,/][^()]{{0,40}}|\s*\[{_YEAR}\])?\s*\)(?:\s*\[{_YEAR}\])?[.:,]?"
        rf"|\(\s*(?P<nd>{_NO_DATE}|{STATUS}|{NO_DATE})(?:\s?-\s?(?P<s3>[a-z]))?\s*\)[.:,]?"
        # "Thiers B [continuously updated] Index ...": a status in square brackets
        rf"|\[\s*(?P<nd2>{STATUS}|{NO_DATE}|{_NO_DATE})\s*\][.:,]?"
        # "Quist, A. [ca. 1850].", "(c. 1850)", "[1850?]": a year the editor supplied,
        # in brackets, perhaps "circa" and a query -- the date, not a second author
        rf"|[\[(]\s*(?:(?:ca?|circa)\.?\s*)?(?P<y4>{_YEAR})\??\s*[\])][.:,]?"
        rf"|\(\s*(?P<y2>{_YEAR})(?P<s2>[a-z])?\s*[,;]\s*(?:{_MONTH}|\d{{1,2}})[^()]{{0,30}}\)[.:,]?"
        # "(1998–2001)", "(1971–77)", "(2009+)", "(2016-onwards)": a work published over
        # years is dated by its first, as its citations date it
        rf"|\(\s*(?P<y3>{_YEAR})\s*(?:[-–—]\s*(?:{_YEAR}|\d\d|onwards?|present)|\+)\s*\)[.:,]?"
    ),
    re.compile(
        rf"(?:(?<=[.,:])|^)\s*(?:\[\d{{4}}\]\s*)?(?P<y>{_YEAR})(?P<s>[a-z])?"
        rf"(?:,\s*{_MONTH}(?:\s+\d{{1,2}})?)?(?:\s*\[\d{{4}}\]|{_OTHER_YEAR})?"
        rf"(?:\s*[.,:](?=\s|$)|(?<=[\d)\]])(?=\s+[{_UP}“\"]))"
        rf"|(?:(?<=[.,])|^)\s*(?P<nd>{_NO_DATE})(?=\s|$)"
        # "Lindqvist, Pia. Forthcoming. Title" (Chicago): a status as the year's sentence
        rf"|(?:(?<=[.,])|^)\s*(?P<st>{STATUS}|{NO_DATE})[.,](?=\s|$)"
    ),
    # "Plato 1999." / "ASTM International (ASTM) 2004."
    re.compile(rf"^(?:[^\s.,]+\s){{1,4}}(?P<y>{_YEAR})(?P<s>[a-z])?\.(?=\s)"),
    # "Kriel, R 2017 Title" / "UNOSOM 2016a Title" (Harvard as some publishers set it,
    # with no stop after the names or the year): a few words, the year, a capital;
    # "Shpeley D, Ball GE 2001 (2000) Title" / "Varga P, Holm TR 1998. Title" (Pensoft,
    # Vancouver names, the year bare, perhaps a full stop or the volume's own year after);
    # "Weber, Karl 2008: Der Titel" (German lists close the bare year with a colon)
    re.compile(
        rf"^(?:[^\s.]+\s){{1,6}}(?P<y>{_YEAR})(?P<s>[a-z])?(?:{_OTHER_YEAR})?"
        rf"(?=[.:]?\s+[{_UP}“\"‘])[.:]?"
    ),
    # "Cobb, Charles R., Anthony M. Krus, and Dawnie W. Steadman 2015 Bayesian …" (SAA,
    # American Antiquity): more names than the pattern above allows, the year bare
    # after the last family name, then the title
    re.compile(
        rf"(?<=[^\W\d_]{{2}}) (?P<y>{_YEAR})(?P<s>[a-z])?(?:{_OTHER_YEAR})?"
        rf"(?=[.:]?\s+[{_UP}“\"‘])[.:]?"
    ),
)


# a year standing as a sentence of its own: "2017. " / "2015a. " / "2006.Title" (a space lost)
_YEAR_SENTENCE = re.compile(rf"(?P<y>{_YEAR})(?P<s>[a-z])?\.(?:\s|(?=[{_UP}]))")


# a year right after Vancouver names, in brackets or bare, with the title after it:
# "Saunders L. G. (1959) Methods …", "Ruiz A. (1999) : “Title”", "Fritz C., Menu M.
# 1993 La gravure …" -- the title then opens on a capital or a quotation mark
_YEAR_BEFORE_TITLE = re.compile(
    rf"(?:\((?P<y>{_YEAR})(?P<s>[a-z])?\)|(?P<y2>{_YEAR})(?P<s2>[a-z])?(?=\s))"
    rf"\s?[.:,]?\s+(?=[{_UP}“\"‘«„'])"
)


# a year standing as a sentence of its own later in the entry (", 2022." / ". 2022."):
# the work's, when the year after the names runs straight into a title's words
_LATER_YEAR = re.compile(rf"[.,]\s+{_YEAR}[a-z]?[.,]?(?:\s|$)")


# the last name of a list, right before a bare year: after a comma or "and", one to
# three capitalised words or initials ("and Dawnie W. Steadman", ", James Parker")
_LAST_NAME_BEFORE_YEAR = re.compile(
    rf"(?:,|\band|&)\s(?:[{_UP}][^\W\d_]*\.?[\-\s]?){{0,2}}[{_UP}][^\W\d_'’\-]+(?:[\-'’][^\W\d_]+)?$"
)


def _author_date_match(s: str) -> tuple[int, int, int | None, str | None, bool] | None:
    """A year (or "n.d.") standing right after the author list: (start, end, year, suffix, nd)."""
    best: tuple[int, int, int | None, str | None, bool] | None = None
    for k, pat in enumerate(_AD_PATTERNS):
        for m in pat.finditer(s):
            start = m.start("y") if k >= 2 else m.start()
            if k == 4 and start > 300:
                break  # no author list is longer (`_plausible_author_prefix`): linear time
            prefix = s[:start]
            if not _plausible_author_prefix(prefix, parenthesised=k == 0):
                continue
            groups = m.groupdict()
            if groups.get("y3") and _reads_as_title(prefix):
                continue  # "Le port pendant la Ligue (1589-1595)": a title's period
            if k == 1 and (":" in prefix or not s[m.end() :].strip(" .,;:")):
                # "Ricoeur, Paul, From Text to Action: Essays, London: Athlone, 1991.":
                # no name holds a colon, and a year closing the entry is the imprint's;
                # the year after an author list has the title after it
                continue
            if k == 4 and not _LAST_NAME_BEFORE_YEAR.search(prefix.rstrip()):
                continue  # "… Inventory Policy IIE Transactions 1998": no name before it
            if k >= 3 and _reads_as_title(prefix, words=1):
                continue  # "Global report 2016 World …": a title, not names
            if (
                k == 1
                and "," not in prefix
                and s[m.end() - 1 : m.end()].isalnum()
                and _LATER_YEAR.search(s, m.end())
            ):
                # "Clarivate Analytics. 2021 Journal Citation Reports. 2022.": a year run
                # into a title's words, the work's own standing alone after it
                continue
            y = groups.get("y") or groups.get("y2") or groups.get("y3") or groups.get("y4")
            suf = groups.get("s") or groups.get("s2") or groups.get("s3")
            year = int(y) if y else None
            if year is not None and year > _MAX_YEAR:
                continue
            cand = (start, m.end(), year, suf, year is None)
            if best is None or cand[0] < best[0]:
                best = cand
            break
    return best


# one locator token: a page, range, volume or count ("368-391", "179p", "7(5):",
# "N°1", "pp.", "S.", "et"); each is matched alone, so the test is linear
_LOCATOR_TOKEN = re.compile(
    r"[(\[]?[A-Za-z]{0,2}°?\.?\d[\w()\-–—_?/]{0,20}+[)\]]?[,.;:]?"
    r"|(?i:pp?|s|n°?|nos?|vol|v|t|et|ff?|pages?)\.?[,.;:]?|[\-–—]"
)


def only_locators(rest: str) -> bool:
    """Whether `rest` holds nothing but locators (pages, volume, issue, a page count), at
    least one with a digit, at most eight tokens: what follows a journal's or an
    imprint's year at an entry's end ("…, 1966, 368-391.", "…, 2007, 179p.")."""
    toks = rest.split()
    if not toks or len(toks) > 8:
        return False
    return any(c.isdigit() for c in rest) and all(_LOCATOR_TOKEN.fullmatch(t) for t in toks)


def _names_before_title_piece(prefix: str) -> int | None:
    """Where the names end in a comma-joined `prefix` ("Charles Perrin, Note sur la
    population, Le Moyen Âge, 69"): after the comma pieces from the start that can only
    be names (`_names_only`, every word capitalised), when a later piece reads as a title
    (`_reads_as_title`). None when no piece reads so (names, then a journal: "Zulfikar,
    M. A.; Suri, F. I., International Journal of Environmental Studies") or the first
    piece is no name ("Beaubourg reconsidéré, un entretien avec …")."""
    end = None
    at = prefix.find(", ")
    while at > 0 and _names_only(prefix[:at]) and _capitalised_words(prefix[:at]):
        end = at
        at = prefix.find(", ", at + 2)
    if end is None:
        return None
    pieces = prefix[end + 2 :].split(", ")
    return end if any(_reads_as_title(piece) for piece in pieces) else None


def _capitalised_words(names: str) -> bool:
    """Whether every word of `names` is capitalised, an initial or a joining word
    ("and", "&", "et", a particle): "Beaubourg reconsidéré" is a title's head."""
    joining = PARTICLES | {"and", "&", "et", "e", "y", "und"}
    words = re.findall(r"[^\W\d_][^\s,;()]*", names)
    return bool(words) and all(w[:1].isupper() or w.lower() in joining for w in words)


# a lower-case word of four letters or more: "port", "pendant" (a title's words; the
# joining words of an organisation's name, "of", "the", "for", "and", are shorter)
_CONTENT_WORD = re.compile(r"(?<![\w\-])[^\W\d_A-Z]{4,}(?![\w\-])")


def _reads_as_title(prefix: str, *, words: int = 2) -> bool:
    """Whether the text before a year reads as a title, not as authors: it holds
    `words` lower-case words or more that no name holds."""
    found = _CONTENT_WORD.findall(prefix)
    return sum(1 for w in found if not w[0].isupper() and w not in PARTICLES) >= words


_PAREN_GROUP = re.compile(r"\([^()]{0,120}\)")


def _plausible_author_prefix(prefix: str, *, parenthesised: bool) -> bool:
    p = prefix.strip()
    if not p:
        return False
    if len(p) > 300 or any(q in p for q in '“”"«»'):
        return False
    # digits belong to no name, except in a body's qualifier: "Regional Workshop
    # (Fictive Trees Costa Rica November 1996) (1998)"
    if re.search(r"\d{3,}", _PAREN_GROUP.sub(" ", p) if parenthesised else p):
        return False
    body = p.rstrip(" .,:")
    if _boundaries(body) and not _body_under_its_country(body):
        return False
    colon = BODY_BEFORE_COLON.match(body)
    if colon and is_organisation(colon.group(1), author_part=True):
        return False  # "Harbour Survey Working Group: Guidelines … 2011.": a body, a title
    if re.search(r"[?!]", body):
        return False
    if not parenthesised:
        # "Brown, R. 2015." / "Walt, Stephen M. 1987." / "CSTO. 2022."
        return len(body.split()) <= 40
    # "Repiso, R. Impacto de las revistas emergentes en Web of Science (2017). Journal,
    # 2019.": a title after the first person's initials, the year in brackets its own
    title = _TITLE_AFTER_INITIALS.match(body)
    return title is None or not _reads_as_title(title.group(1))


# a country (one or two capitalised words) and a government body under it, as
# Australian and Commonwealth lists write the author: "Australia. Department of Health."
_COUNTRY_THEN_BODY = re.compile(rf"([{_UP}][a-z]+(?: [{_UP}][a-z]+)?)\. ([{_UP}].+)")


def _body_under_its_country(body: str) -> bool:
    """Whether the author part before a year is a country and a body under it ("Canada.
    Ministry of Imaginary Affairs"): one author, whose full stop ends no sentence. The
    part after the country must read as an organisation on its words alone and hold no
    sentence end of its own."""
    m = _COUNTRY_THEN_BODY.fullmatch(body)
    if m is None or _boundaries(m.group(2)):
        return False
    return is_organisation(m.group(2)) and not is_organisation(m.group(1))


# one inverted name with initials, then a capitalised word that opens a title
_TITLE_AFTER_INITIALS = re.compile(
    rf"^[^,;&]{{1,60}},\s*(?:[{_UP}]\.\s?-?){{1,4}}\s*([{_UP}]\w+\s.+)$"
)


def authors_look_like_organisation(text: str) -> bool:
    """Exposed for other readers: whether a whole author string is an organisation."""
    return is_organisation(text)
