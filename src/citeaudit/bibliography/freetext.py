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

Accuracy is measured on ``references/labelled/freetext.jsonl`` and on AnyStyle's
held-out sample by
``benches/freetext_accuracy.py``. Nothing here raises on odd input: the worst case is a
`Reference` with fewer fields filled.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from citeaudit.bibliography import freetext_crf
from citeaudit.bibliography.freetext_names import (
    PARTICLES as _NAME_PARTICLES,
)
from citeaudit.bibliography.freetext_names import (
    VANCOUVER_AUTHORS,
    _is_given,
    is_organisation,
    parse_authors,
)
from citeaudit.bibliography.freetext_vocab import LOCATORS, MONTH_ABBREVIATIONS, SEASONS
from citeaudit.doi import find_dois
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference

__all__ = [
    "ParsedFields",
    "inherit_repeated_authors",
    "parse_fields",
    "parse_reference",
    "refine_with_tagger",
    "rule_hints",
]

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_MAX_YEAR = 2035

# "———. 2018." / "---. 2018." / "______. Title." (ABNT): the same authors as the entry before
_REPEATED_AUTHORS = re.compile(r"^(?:[-—–‐_]{2,}|—)\s*[.,]?\s+")
# what the dash is read as, so the rest parses as an entry with one author
_REPEATED_STAND_IN = "Anonymous. "
_LIST_NUMBER = re.compile(r"^\s*(?:\[\s*\d{1,4}\s*\]|\(\s*\d{1,4}\s*\)|\d{1,3}\s*[.)](?!\d))\s*")
_URL = re.compile(r"(?:https?://|(?<![\w@/])www\.)[^\s<>\"“”]+", re.IGNORECASE)
# "apastyle.apa.org/style/x" as MLA writes it: taken out of the text, not kept as a URL
_BARE_URL = re.compile(
    r"(?<![\w@/.\-])(?!www\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/[^\s<>\"“”]*",
    re.IGNORECASE,
)
_ESCAPE = re.compile(r"\\([\\_&%#$*\[\]()~^{}])")
_NO_DATE = (
    r"n\.\s?d\.?|s\.\s?f\.?|s\.\s?d\.?|o\.\s?J\.?|t\.\s?t\.?|t\.\s?th\.?|sin fecha|sem data|"
    r"tanpa tahun|ohne Jahr|sans date|n\.\s?p\.?|nd|ND|\[date unknown\]|date unknown"
)
# lead-ins that announce a URL or an access date and are no part of the entry's fields
_LEAD_INS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\(\s*(?:last\s+)?(?:accessed|retrieved|viewed|diakses|consultado|consult[ée]|"
        r"abgerufen|acesso em|acessado|zugegriffen)\b[^()]{0,60}\)",
        r"\[\s*(?:cited|accessed|diakses|consultado|citado|zitiert)\b[^\]]{0,40}\]",
        r"\b(?:last\s+)?(?:accessed|retrieved|viewed|diakses(?:\s+pada)?|consultado(?:\s+el)?|"
        r"consult[ée] le|abgerufen am|acesso em|acessado em|zugegriffen am)\s*:?\s*"
        r"(?:on\s+)?[\w ,.]{0,30}?\d{4}(?:,\s*from)?\.?",
        r"\blast modified\s+[\w ,.]{0,30}?\d{4}\.?",
        r"\[\s*online\s*\]\.?",
        r"\b(?:retrieved|recuperado|diakses|disponible|dispon[ií]vel|available|tersedia|abrufbar|"
        r"consultable|accessible)(?:\s+(?:from|at|de|dari|en|em|online|on|di|unter|sur|in|"
        r"from the world wide web))*\s*(?:online)?\s*:?\s*(?=\W*$|\W*\s)",
        r"\b(?:URL|Online|Web|Link)\s*:\s*",
    )
]
_ABBREV = frozenset(
    [
        "ed",
        "eds",
        "edn",
        "vol",
        "vols",
        "no",
        "nos",
        "nr",
        "núm",
        "num",
        "pp",
        "p",
        "trans",
        "rev",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "vs",
        "etc",
        "cf",
        "dept",
        "univ",
        "hlm",
        "hal",
        "coord",
        "org",
        "orgs",
        "hrsg",
        "hg",
        "bd",
        "jg",
        "ca",
        "approx",
        "fig",
        "ch",
        "chap",
        "sec",
        "pt",
        "suppl",
        "proc",
        "int",
        "conf",
        "intell",
        "transp",
        "syst",
        "symp",
        "oper",
        "des",
        "implement",
        "natl",
        "acad",
        "sci",
        "am",
        "soc",
        "lett",
        "phys",
        "chem",
        "res",
        "med",
        "eng",
        "tech",
        "comput",
        "assoc",
        "nat",
        "j",
        "u",
        "s",
        "b",
        "e",
        "g",
        "i",
        "dir",
        "comp",
        "tr",
        "repr",
        "bull",
        "ann",
        "intl",
        "inst",
        "mag",
        "ser",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "dept",
        "gov",
        "govt",
        "dkk",
        "jr",
        "op",
        "cit",
        "ibid",
        "id",
        "tel",
        "ext",
        "approx",
    ]
)
_CHAPTER_MARK = re.compile(r"^(?:In|in|Dalam|dalam|En|en|Em|em|Dans|dans|Nel|nel|In:|En:|Em:)[:\s]")
_EDITOR_ROLE = re.compile(
    r"\(\s*(?:eds?|editors?|hrsg|hg|coords?|orgs?|comps?|dirs?|penyunting|ed|Ed)\.?\s*\)\.?,?",
    re.IGNORECASE,
)
_EDITED_BY = re.compile(
    r",?\s*(?:edited by|ed\. by|eds?\.|hrsg\. v(?:on)?\.?|herausgegeben von|edited|"
    # a run of initials is tried from its first only (the lookbehinds): from every one
    # of them, searching "A. B. C. …" is quadratic (issue 11)
    r"(?<![A-Z]\.)(?<![A-Z]\.\s)(?:[A-Z]\.\s?)++[A-Z][\w'’\-]+"
    r"(?:\s+(?:and|&)\s+(?:[A-Z]\.\s?)++[A-Z][\w'’\-]+)*,?\s+Eds?\.)",
)
_LOC_START = re.compile(
    r",\s*(?=\d|[A-Za-z]?\d|vol\b|vols?\.|v\.\s*\d|no\.|nos?\.\s*\d|n\.\s*\d|nr\.|n[úu]m\.|issue|"
    r"pp?\.\s*[A-Za-z]?\d|s\.\s*\d|hlm\.|hal\.|bd\.|jg\.|art\.|e\d)",
    re.IGNORECASE,
)
_LOC_WORDS = (
    LOCATORS
    | MONTH_ABBREVIATIONS
    | SEASONS
    | frozenset(
        [
            "num",
            "núm",
            "number",
            "suppl",
            "supplement",
            "part",
            "special",
            "pt",
            "series",
            "ser",
            "article",
            "e",
        ]
    )
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_GENRE = re.compile(
    r"^\s*[\[(]?\s*(?:(?:unpublished\s+)?(?:doctoral|master'?s?|ph\.?\s?d\.?|bachelor'?s?|"
    r"m\.?a\.?|b\.?a\.?|undergraduate)\s+(?:dissertation|thesis)|dissertation|thesis|tesis|"
    r"skripsi|disertasi|tesis doctoral|tese|dissertação|masterarbeit|doktorarbeit|thèse|"
    r"working paper|report|laporan|white paper|policy brief)\b[^\])]*[\])]?\.?\s*$",
    re.IGNORECASE,
)
_TRAILING_PAREN = re.compile(
    r"\s*[\[(][^\[\]()]*(?:\bed\b|\bed\.|\bedn\b|edición|edição|aufl|éd\.|report|no\.|"
    r"dissertation|thesis|tesis|skripsi|disertasi|tese|vol\.|internet|online|"
    r"podcast|video|blog|tweet|audio|film|data ?set|software|computer program|press release|"
    r"masterarbeit|doktorarbeit|in press|forthcoming|translated|trans\.|\bed\b)[^\[\]()]*[\])]$",
    re.IGNORECASE,
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:press|publish\w*|publications?|verlag|books|editora|editorial|ediciones|éditions|"
    r"edizioni|routledge|springer|wiley|elsevier|sage|palgrave|macmillan|penguin|mcgraw|pearson|"
    r"gramedia|pustaka|penerbit|rajawali|kencana|prenada|erlangga|gallimard|seuil|harper|"
    r"random house|norton|knopf|cambridge|oxford|university|universitas|universidad|universität|"
    r"université|universidade|institute|longman|de gruyter|mulino|tecnos|atlas|paz e terra|"
    r"siglo|alianza|fondo de cultura)\b",
    re.IGNORECASE,
)
_NEWS_WORDS = re.compile(
    r"\b(?:news|post|times|tribune|herald|guardian|journal\.com|kompas|tempo|detik|cnn|bbc|"
    r"reuters|bloomberg|jakarta|el país|el tiempo|le monde|spiegel|zeit|folha|globo|"
    r"telegraph|independent|gazette|daily|suara|republika|antara|liputan6|okezone|tribun|"
    r"cnbc|idn ?times|katadata|nytimes|washington)\b",
    re.IGNORECASE,
)
_THESIS = re.compile(
    r"\b(?:dissertation|thesis|tesis|skripsi|disertasi|tese|thèse|masterarbeit|doktorarbeit|"
    r"ph\.\s?d\.|phd)\b",
    re.IGNORECASE,
)
_REPORT = re.compile(
    r"\b(?:report|laporan|working paper|white paper|buku putih|policy brief|informe|relatório|"
    r"bericht|std\.?|standard|outlook|statistik|census|censo)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ParsedFields:
    """The fields one entry yields; `Reference` is built from it."""

    authors: tuple[Person, ...] = ()
    et_al: bool = False
    year: int | None = None
    year_suffix: str | None = None
    no_date: bool = False
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    doi_raw: str | None = None
    urls: list[str] = field(default_factory=list)
    kind: str | None = None
    style: str | None = None  # the shape recognised: "author-date", "quoted", "vancouver", ...
    repeated_authors: bool = False  # a dash for "the same authors as the entry before"


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
    f = parse_fields(text)
    if use_model:
        refine_with_tagger(_stand_in_for_dash(text) or text, f)
        if f.repeated_authors:
            f.authors = ()
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
        raw=raw if raw is not None else text,
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
# the tagger's say


def rule_hints(f: ParsedFields) -> freetext_crf.RuleHints:
    """The rules' reading of an entry in the form the tagger is trained on."""
    return freetext_crf.RuleHints(
        families=tuple(a.family for a in f.authors),
        year=f.year,
        title=f.title,
        container=f.container,
        style=f.style,
    )


# the tagger's least "title" probability on the rules' title tokens below which its own
# title is taken (and the same for the container): tuned on AnyStyle's dev sample and the
# labelled set, never on the held-out sample (benches/freetext_accuracy.py)
TITLE_GATE = 0.3
CONTAINER_GATE = 0.2


def refine_with_tagger(text: str, f: ParsedFields) -> bool:
    """Let the CRF tagger overrule the title and container in `f`; False when no model.

    The rules' title stands unless the tagger, having seen it, gives some of its words a
    low probability of being title: the rules are near perfect on the styles they know,
    and there the tagger agrees with them; where they guessed, it does not. Names, year,
    DOI and URLs stay the rules': they are better at them on both the project's labelled
    set and AnyStyle's held-out sample.
    """
    toks = freetext_crf.tokens(text)
    tagging = freetext_crf.tag(toks, rule_hints(f))
    if tagging is None:
        return False
    title = _clean_tagged(tagging.spans.get("title"))
    if title:
        if (tagging.title_support or 0.0) < TITLE_GATE:
            if not _cut_mid_phrase(toks, tagging):
                f.title = title
        elif _title_begins_earlier(toks, tagging):
            f.title = title
    container = _clean_tagged(tagging.spans.get("container"))
    if _publisher_not_container(f, container):
        pass
    elif (tagging.container_support or 0.0) < CONTAINER_GATE:
        # the tagger doubting the rules' container without finding one of its own (most
        # often a news site it reads as publisher): the rules' stands; so does a
        # container the tagger cuts mid-phrase ("Routledge | Handbook of …"), as titles
        if not _cut_mid_phrase(toks, tagging, "container", "C"):
            f.container = container or f.container
    elif container and (
        _container_abbreviation_goes_on(toks, tagging)
        or _container_abbreviation_begins_earlier(toks, tagging)
    ):
        f.container = container
    if f.title and f.container and _norm(f.title) == _norm(f.container):
        f.container = None
    # gaps only: where the rules found no year or no authors, the tagger's date and
    # author spans are better than nothing (and never overrule what the rules found)
    if f.year is None and not f.no_date:
        ym = re.search(rf"(?<!\d)({_YEAR})([a-z])?(?!\d)", tagging.spans.get("date", ""))
        if ym and int(ym.group(1)) <= _MAX_YEAR:
            f.year, f.year_suffix = int(ym.group(1)), ym.group(2)
    if not f.authors and tagging.spans.get("author"):
        f.authors, f.et_al = parse_authors(tagging.spans["author"].strip(" ,;:"))
    return True


def _publisher_not_container(f: ParsedFields, container: str | None) -> bool:
    """The tagger's container is what the rules, finding no container, read as the
    publisher, and it looks like one: a publisher's name ("Title. 2nd ed., De Gruyter,
    2014.", MLA) or the authoring organisation publishing its own report ("World Health
    Organization. Global action plan …. World Health Organization, 2019."). The rules'
    reading stands. (The rules' "publisher" is often a journal the tagger rightly calls a
    container — "Journal of Marketing. 65 (2)" — hence the narrow test.)"""
    if f.container is not None or not container or not f.publisher:
        return False
    if _norm(container) != _norm(f.publisher):
        return False
    # the organisation itself, perhaps shortened ("Kementerian Pertahanan Republik
    # Indonesia" publishing as "Kementerian Pertahanan RI"): the same first two words
    head = f.publisher.split()[:2]
    own = any(
        _norm(a.family) == _norm(f.publisher) or (len(head) == 2 and a.family.split()[:2] == head)
        for a in f.authors
    )
    press_release = re.search(r"\bpress release", f.publisher, re.IGNORECASE)
    return own or (bool(_PUBLISHER_WORDS.search(f.publisher)) and not press_release)


# When the two readings nest, which is right shows in the text around the difference:
# the three checks below each look at one such case (found on AnyStyle's dev sample and
# the labelled set, benches/freetext_accuracy.py).

_IN_MARKS = frozenset(["In", "in", "In:", "in:", "En", "en", "En:", "Em", "em", "Dans", "dans"])
_BREAK_AFTER = tuple(".,:;?!\"”’'»)]*>")
_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_ABBREVIATED_WORD = re.compile(rf"[{_UP}][a-z]{{0,5}}\.")


def _rules_run(rules: tuple[str, ...], label: str) -> tuple[int, int] | None:
    at = [i for i, r in enumerate(rules) if r == label]
    return (at[0], at[-1] + 1) if at else None


def _title_begins_earlier(toks: list[str], tagging: freetext_crf.Tagging) -> bool:
    """The tagger's title is the rules' plus what comes before it, right after the author
    ("Schnell, Irmtraud: Geschichte der Integration. Gemeinsames Lernen ...", where the
    rules took the second sentence alone). An organisation read partly as title ("World
    Health | Organization. Global action plan ...") has no break before the tagger's."""
    t, r = freetext_crf.first_run(tagging.labels, "title"), _rules_run(tagging.rules, "T")
    if t is None or r is None or not (t[0] < r[0] and t[1] == r[1]):
        return False
    return tagging.labels[t[0] - 1] == "author" and toks[t[0] - 1].endswith((",", ":", ";", "."))


def _cut_mid_phrase(
    toks: list[str], tagging: freetext_crf.Tagging, label: str = "title", rule: str = "T"
) -> bool:
    """The tagger's title lies inside the rules' and leaves off a few plain words with no
    punctuation at the cut ("THE POLITICS OF WATER SCARCITY | IN THE JORDAN BASIN"):
    a title does not end or start there, so the rules' stands. (Left-off words with
    digits, brackets or commas are most often a volume, a medium or a place: the
    tagger's cut is right there.) The same holds for the container (`label`
    "container", `rule` "C"): "Routledge | Handbook of Russian Foreign Policy"."""
    t, r = freetext_crf.first_run(tagging.labels, label), _rules_run(tagging.rules, rule)
    if t is not None and label == "container" and toks[t[0]] in _IN_MARKS and t[1] - t[0] > 1:
        t = (t[0] + 1, t[1])  # "in Violencia y memoria …": the rules leave "in" out
    if t is None or r is None or t == r or not (r[0] <= t[0] and t[1] <= r[1]):
        return False
    rest = [*range(r[0], t[0]), *range(t[1], r[1])]
    if len(rest) > 4:
        return False
    if (t[0] > r[0] and toks[t[0] - 1].endswith(_BREAK_AFTER)) or (
        t[1] < r[1] and toks[t[1] - 1].endswith(_BREAK_AFTER)
    ):
        return False
    for i in rest:
        w = toks[i].rstrip(".,;:'’\"”") if i == r[1] - 1 else toks[i]
        if i == r[0]:
            w = w.lstrip("'‘\"“")
        if not _PLAIN_WORD.fullmatch(w) or w.lower() in _LOC_WORDS:
            return False  # "Centennial Review | vol. 9": a locator word is no phrase's
    return True


def _container_abbreviation_goes_on(toks: list[str], tagging: freetext_crf.Tagging) -> bool:
    """The rules' container stops at an abbreviation's full stop ("J. Appl." of "J. Appl.
    Phys., vol. 3") and the tagger's goes on over words without digits: the tagger's."""
    t, r = freetext_crf.first_run(tagging.labels, "container"), _rules_run(tagging.rules, "C")
    if t is None or r is None or not (t[0] == r[0] and t[1] > r[1]):
        return False
    if not _ABBREVIATED_WORD.fullmatch(toks[r[1] - 1]):
        return False
    # a place before a publisher ("Latina. Buenos Aires: Siglo XXI") is not the journal's
    return not any(re.search(r"[\d/@]|:$", toks[i]) for i in range(r[1], t[1]))


def _container_abbreviation_begins_earlier(toks: list[str], tagging: freetext_crf.Tagging) -> bool:
    """The rules' container starts after an abbreviation's full stop ("Math." of "Appl.
    Numer. Math., 1 273", "Res." of "J. Intellect Disabil. Res. 2016;60") and the
    tagger's is the same with the capitalised words before it: the tagger's."""
    t, r = freetext_crf.first_run(tagging.labels, "container"), _rules_run(tagging.rules, "C")
    if t is None or r is None or not (t[0] < r[0] and t[1] == r[1]) or r[0] - t[0] > 5:
        return False
    if not _ABBREVIATED_WORD.fullmatch(toks[r[0] - 1]):
        return False
    return all(re.fullmatch(rf"[{_UP}][^\d\s]*", toks[i]) for i in range(t[0], r[0]))


def _clean_tagged(piece: str | None) -> str | None:
    if not piece:
        return None
    p = piece.strip(" ,;:")
    for a, b in (("``", "''"), ("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("„", "“")):
        if p.startswith(a):
            p = p[len(a) :]
            p = p.rstrip(" ,.;:")
            if p.endswith(b):
                p = p[: -len(b)]
            break
    p = _ESCAPE.sub(r"\1", p)
    return _clean_title(p.strip(" ,;:\"“”«»'‘’`"))


# --------------------------------------------------------------------------------------
# the pipeline


def inherit_repeated_authors(references: list[Reference]) -> list[Reference]:
    """Entries whose authors are a dash ("———. 2018.") take the authors of the entry
    before them, as the style means (Chicago, MLA, ABNT's "______.")."""
    out: list[Reference] = []
    for ref in references:
        if out and ("repeated_authors", "true") in ref.extra and not ref.authors:
            ref = replace(ref, authors=out[-1].authors)
        out.append(ref)
    return out


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
    s = _take_identifiers(s, f)
    s = _ESCAPE.sub(r"\1", s)
    for lead in _LEAD_INS:
        s = lead.sub(" ", s)
    s = " ".join(s.split()).strip(" ,;:")
    s = re.sub(r"\s+([.,;:])", r"\1", s)
    s = re.sub(r"\(\s*\)|\[\s*\]", "", s).strip(" ,;:")
    if not s:
        return f

    m = VANCOUVER_AUTHORS.match(s + " ")
    if m and _given_name_first(s, m):
        m = None
    ad_first = _author_date_match(s)
    if m and (ad_first is None or ad_first[0] >= m.end() - 1):
        f.style = "vancouver"
        f.authors, f.et_al = parse_authors(m.group("names"))
        f.et_al = f.et_al or bool(m.group("etal"))
        _parse_vancouver_rest(s[m.end() :].strip(), f)
    elif (ad := _author_date_match(s)) is not None:
        f.style = "author-date"
        start, end, year, suffix, nd = ad
        f.authors, f.et_al = parse_authors(s[:start])
        f.year, f.year_suffix, f.no_date = year, suffix, nd
        rest = s[end:].strip(" .,:;")
        _parse_after_authors(rest, f, need_year=False)
    else:
        authors_end, rest_start, quoted = _split_authors(s)
        f.style = "quoted" if quoted else "sentence"
        f.authors, f.et_al = parse_authors(s[:authors_end])
        _parse_after_authors(s[rest_start:].strip(" ,;:"), f, need_year=True)
    if f.year is None and not f.no_date:
        _year_from(s, f, avoid=f.title)
        if f.year is None and f.title and f.title != s:
            _year_from(s, f)
    if (
        f.year is None
        and not f.no_date
        and re.search(rf"(?<!\w)(?:{_NO_DATE})(?!\w)", s.replace("(", " ").replace(")", " "))
    ):
        f.no_date = True
    _finish(f, s)
    return f


def _take_identifiers(s: str, f: ParsedFields) -> str:
    """Take DOIs and URLs out of the text into `f`; returns the text without them.

    A resolver URL ("https://doi.org/10...") gives the DOI and is kept as a URL as
    written; a bare DOI is never turned into a URL.
    """
    spans: list[tuple[int, int]] = []
    for offset, written, normalised in find_dois(s):
        if f.doi is None:
            # a doubled Markdown escape ("1\\_7") survives one round of unescaping
            f.doi, f.doi_raw = re.sub(r"\\+([_&%#$])", r"\1", normalised), written
        spans.append((offset, offset + len(written)))
    for m in _URL.finditer(s):
        url = _trim_url(m.group(0))
        inside = next((sp for sp in spans if sp[0] <= m.start() < sp[1]), None)
        if inside is not None:
            url = _trim_url(s[m.start() : max(inside[1], m.start() + len(url))])
        else:
            spans.append((m.start(), m.start() + len(url)))
        f.urls.append(_ESCAPE.sub(r"\1", url))
    for m in _BARE_URL.finditer(s):
        if not any(a <= m.start() < b for a, b in spans):
            spans.append((m.start(), m.start() + len(_trim_url(m.group(0)))))
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


def _trim_url(url: str) -> str:
    while url and (
        url[-1] in ".,;:'\"”’>*"
        or (url[-1] == ")" and url.count("(") < url.count(")"))
        or (url[-1] == "]" and url.count("[") < url.count("]"))
    ):
        url = url[:-1]
    return url


_AD_PATTERNS = (
    re.compile(
        rf"\(\s*(?P<y>{_YEAR})(?P<s>[a-z])?(?:\s*[,/][^()]{{0,40}})?\s*\)[.:,]?"
        rf"|\(\s*(?P<nd>{_NO_DATE})\s*\)[.:,]?"
        rf"|\(\s*(?P<y2>{_YEAR})(?P<s2>[a-z])?\s*[,;]\s*(?:{_MONTH}|\d{{1,2}})[^()]{{0,30}}\)[.:,]?"
    ),
    re.compile(
        rf"(?:(?<=[.,:])|^)\s*(?:\[\d{{4}}\]\s*)?(?P<y>{_YEAR})(?P<s>[a-z])?"
        rf"(?:,\s*{_MONTH}(?:\s+\d{{1,2}})?)?(?:\s*\[\d{{4}}\])?"
        rf"(?:\s*[.,:](?=\s|$)|(?<=\d)(?=\s+[{_UP}“\"]))"
        rf"|(?:(?<=[.,])|^)\s*(?P<nd>{_NO_DATE})(?=\s|$)"
    ),
    # "Plato 1999." / "ASTM International (ASTM) 2004."
    re.compile(rf"^(?:[^\s.,]+\s){{1,4}}(?P<y>{_YEAR})(?P<s>[a-z])?\.(?=\s)"),
)


def _author_date_match(s: str) -> tuple[int, int, int | None, str | None, bool] | None:
    """A year (or "n.d.") standing right after the author list: (start, end, year, suffix, nd)."""
    best: tuple[int, int, int | None, str | None, bool] | None = None
    for k, pat in enumerate(_AD_PATTERNS):
        for m in pat.finditer(s):
            start = m.start("y") if k == 2 else m.start()
            prefix = s[:start]
            if not _plausible_author_prefix(prefix, parenthesised=k == 0):
                continue
            y = m.groupdict().get("y") or m.groupdict().get("y2")
            suf = m.groupdict().get("s") or m.groupdict().get("s2")
            year = int(y) if y else None
            if year is not None and year > _MAX_YEAR:
                continue
            cand = (start, m.end(), year, suf, year is None)
            if best is None or cand[0] < best[0]:
                best = cand
            break
    return best


def _plausible_author_prefix(prefix: str, *, parenthesised: bool) -> bool:
    p = prefix.strip()
    if not p:
        return False
    if len(p) > 300 or any(q in p for q in '“”"«»'):
        return False
    if re.search(r"\d{3,}", p):
        return False
    body = p.rstrip(" .,:")
    if _boundaries(body):
        return False
    if re.search(r"[?!]", body):
        return False
    if not parenthesised:
        # "Brown, R. 2015." / "Walt, Stephen M. 1987." / "CSTO. 2022."
        return len(body.split()) <= 40
    return True


# --------------------------------------------------------------------------------------
# sentences


def _boundaries(s: str) -> list[int]:
    """Offsets just after each sentence end ('.', '?', '!' then space), outside brackets
    and double quotes, and not after an initial or a known abbreviation."""
    out: list[int] = []
    depth = 0
    dq = False
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        elif c == "“" or c == "«":
            dq = True
        elif c == "”" or c == "»":
            dq = False
        elif c == '"':
            dq = not dq
        elif c in ".?!" and depth == 0:
            j = i + 1
            while j < n and s[j] in "'’”\"»":
                j += 1
            if j < n and s[j] == " " and (not dq or j > i + 1):
                nxt = s[j + 1 : j + 2]
                lower_next = (
                    bool(nxt)
                    and nxt.islower()
                    and not re.match(rf"(?:in|dalam|en|em|dans)\s+[{_UP}]", s[j + 1 :])
                )
                if c == "." and (_protected(s, i) or lower_next):
                    i += 1
                    continue
                if j > i + 1 and s[i + 1] in '"”»':
                    dq = False
                out.append(j)
                i = j
                continue
        i += 1
    return out


def _protected(s: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an initial or an abbreviation."""
    k = dot
    while k > 0 and (s[k - 1].isalnum() or s[k - 1] in "'’-"):
        k -= 1
    word = s[k:dot]
    if not word:
        return dot == 0 or s[dot - 1] not in ")]}'’”\"»"
    if word.lower() in {"ed", "eds", "hrsg", "hg"} and s.endswith(", ", 0, k):
        return False  # "Tester, Keith, ed. The Flâneur."
    # a window, not s[:k]: this runs at every full stop (quadratic on "ed. ed. ed. …")
    if word.lower() in {"ed", "edn"} and re.search(r"\d\S*\s+$", s[max(0, k - 80) : k]):
        return False  # "2nd ed. Berlin: ..." ends the edition statement
    if len(word) == 1 and word.isalpha():
        return True
    if len(word) == 1 and word.isdigit():
        return True
    if word.lower() in _ABBREV:
        return True
    if k > 0 and s[k - 1] == "." and len(word) <= 2:  # "U.S.", "e.g.", "J.-P."
        return True
    return bool(re.fullmatch(r"\d+(?:st|nd|rd|th|e|a|ª|º)", word))


_VANCOUVER_DATE = re.compile(
    rf"(?<=\.)\s+(?=(?:{_YEAR}[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*[;:(.]"
    r"|\[date unknown\]))"
)


def _sentences(s: str, *, vancouver: bool = False) -> list[str]:
    cuts = _boundaries(s)
    if vancouver:
        cuts = sorted({*cuts, *(m.end() for m in _VANCOUVER_DATE.finditer(s))})
    cuts = [0, *cuts, len(s)]
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = s[a:b].strip()
        if piece:
            out.append(piece)
    return out


def _clean(piece: str | None) -> str | None:
    if piece is None:
        return None
    p = piece.strip()
    p = re.sub(r"^[\s,.;:]+", "", p)
    p = re.sub(r"[\s,;:]+$", "", p)
    if p.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\w)\.$|\b(?:al|etc|Inc|Ltd|Co)\.$", p):
        p = p[:-1].rstrip()
    return p or None


# --------------------------------------------------------------------------------------
# authors when no year follows them


def _split_authors(s: str) -> tuple[int, int, bool]:
    """Where the author list ends and the rest starts; True when the title is quoted."""
    q = re.search(r"[“\"«‘]", s)
    first_boundary = _boundaries(s)
    if q is not None and (not first_boundary or q.start() <= first_boundary[0] + 2):
        return q.start(), q.start(), True
    # "World Health Organization, Global action plan ..." (IEEE with an organisation)
    org = re.match(r"^([^,.]+),\s+", s)
    if (
        org
        and is_organisation(org.group(1))
        and not re.match(rf"[{_UP}]\.|(?:and|&)\s", s[org.end() :])
        and not _is_given(re.split(r"[,.]", s[org.end() :])[0])
    ):
        return org.end() - 1, org.end(), False
    # IEEE-like: "S. E. Han, G. Chen, and X. Y. Li, Title ..."
    ieee = _ieee_names_end(s)
    if ieee is not None:
        return ieee, ieee, False
    walked = _names_prefix(s)
    if walked is not None:
        limit = first_boundary[0] if first_boundary else len(s)
        between = s[walked[1] : limit]
        if walked[0] < limit - 1 and _title_like(between):
            return walked[0], walked[1], False
    if not first_boundary:
        return 0, 0, False
    cut = first_boundary[0]
    head = s[:cut]
    # an inverted single name ending in an initial: "Keohane, Robert O. Power and ..."
    weak = re.match(
        rf"^([^,.]+,\s*(?:[{_UP}][\w'’\-]+\s+)*(?:[{_UP}]\.\s?)+)(?=[{_UP}][\w'’\-]+\s+[\w'’\-])",
        head,
    )
    if weak and not re.match(rf"^[{_UP}]\.", s) and "," not in head[weak.end() :].split(".")[0]:
        return weak.end(), weak.end(), False
    return cut, cut, False


def _title_like(chunk: str) -> bool:
    words = [w.strip(",.;:()") for w in chunk.split()]
    lower = [
        w for w in words if w[:1].islower() and len(w) >= 3 and w.lower() not in _NAME_PARTICLES
    ]
    return (len(words) >= 3 and bool(lower)) or bool(re.search(r"[:?]", chunk))


_PART = r"(?:(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|ten|ter)\s+)*"
# possessive (++): a word's hyphens stay in it, so "Aa-Aa-Aa-…" has one reading, not one
# per hyphen (quadratic backtracking, issue 11)
_FAM = rf"{_PART}[{_UP}][\w'’\-]++(?: [{_UP}][\w'’\-]++)?"
_INITS = rf"(?:[{_UP}]\.\s?(?:-\s?[{_UP}]\.\s?)*)+"
_NAME_FORMS = [
    re.compile(rf"{_FAM},\s*{_INITS}"),  # "Sanford, W.E."
    re.compile(rf"{_INITS}\s*{_FAM}"),  # "A. Connell"
    re.compile(
        rf"[{_UP}][a-zà-ÿ]+(?:\s+[{_UP}]\.|\s+[{_UP}][a-zà-ÿ]+)?\s+{_FAM}(?=,)"
    ),  # "Carl Pletsch,"
]
_FIRST_ONLY = re.compile(rf"{_FAM},\s*[{_UP}][a-zà-ÿ]+(?:\s+[{_UP}]\.)?(?=,)")  # "WERNER, Ernst,"
_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|;\s*)")
_ET_AL = re.compile(r",?\s*et\s+al\.?,?")


def _names_prefix(s: str) -> tuple[int, int] | None:
    """Walk "Name, Name and Name," from the start; (end of names, start of the rest)
    when at least one name is followed by something that is not a name."""
    pos = 0
    count = 0
    end = 0
    while True:
        m = None
        for form in _NAME_FORMS if count else [_FIRST_ONLY, *_NAME_FORMS]:
            m = form.match(s, pos)
            if m:
                break
        if m is None:
            break
        count += 1
        end = m.end()
        e = _ET_AL.match(s, end)
        if e:
            end = e.end()
            break
        sep = _NAME_SEP.match(s, end)
        if not sep or sep.end() == end:
            break
        pos = sep.end()
    if count == 0:
        return None
    if re.match(r",?\s*(?:and|&)\s", s[end:]):
        return None
    rest = re.match(r"[\s,.;:]*", s[end:])
    start = end + (rest.end() if rest else 0)
    if start >= len(s) or not re.match(r"[\w“\"'‘«¿¡(]", s[start]):
        return None
    return end, start


_IEEE_NAME = re.compile(
    rf"(?:\s*(?:and|&)\s+)?[{_UP}]\.(?:\s?-?[{_UP}a-z]\.)*\s*"
    rf"(?:(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|St\.)\s+)*"
    rf"[{_UP}][\w'’\-]+(?:\s+[{_UP}][\w'’\-]+)?(?:,?\s+et al\.?)?"
)


def _ieee_names_end(s: str) -> int | None:
    if not re.match(rf"^[{_UP}]\.", s):
        return None
    pos = 0
    last_end = None
    while True:
        m = _IEEE_NAME.match(s, pos)
        if not m:
            break
        last_end = m.end()
        rest = s[m.end() :]
        sep = re.match(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", rest)
        if not sep:
            break
        nxt = s[m.end() + sep.end() :]
        if not re.match(rf"(?:and\s+)?[{_UP}]\.", nxt):
            return m.end() + sep.end() if sep.group(0).strip() == "," else m.end()
        pos = m.end() + sep.end()
    return last_end


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
    sents = _sentences(rest)
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
    journal = next((i for i, x in enumerate(sents) if i >= 1 and _journal_like(x)), None)
    tail: list[str]
    if chap is not None and (journal is None or chap <= journal):
        title_parts, tail = sents[:chap], sents[chap:]
        _parse_chapter(tail, f)
    elif journal is not None:
        start = _abbreviated_journal_start(sents, journal)
        title_parts, tail = sents[:start], sents[start:]
        _parse_journal(sents[journal], f)
        if start < journal:
            f.container = _clean(" ".join(sents[start:journal]))
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
            title_parts = [", ".join(pieces[:k])]
            f.publisher = _clean(pieces[k])
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
    m = _LOC_START.search(body)
    if m is None or re.sub(rf"\b{_YEAR}[a-z]?\b|[\W_]", "", body[: m.start()]):
        return journal
    start = journal
    while start - 1 >= 1 and _ABBREVIATION_SENTENCE.fullmatch(sents[start - 1].strip()):
        start -= 1
    return start


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
    return bool(re.match(rf"[{_UP}][\w'’\-]+\.\s+[{_UP}\d\"“'‘]", s[m.end() :]))


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
    m = _LOC_START.search(body)
    if m is None:
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
    if has_url and not need_year and n_title == 1 and len(sents) >= 3:
        # web pages and news: "Title. More title? Site. URL"
        last = sents[-1]
        if not _PUBLISHER_WORDS.search(last) and not any(_GENRE.match(x) for x in sents[1:]):
            n_title = len(sents) - 1
    return sents[:n_title], sents[n_title:]


def _subtitle_like(sentence: str) -> bool:
    return (
        not re.search(r"\d", sentence)
        and not _CHAPTER_MARK.match(sentence)
        and not _PUBLISHER_WORDS.search(sentence)
        and not re.search(r"\b(?:ed|edn|eds)\.", sentence)
        and ":" not in sentence
        and len(sentence.split()) >= 2
    )


def _clean_title(t: str | None) -> str | None:
    t = _clean(t)
    if not t:
        return None
    prev = None
    while prev != t:
        prev = t
        t = _TRAILING_PAREN.sub("", t).rstrip(" .,;:")
    t = re.sub(r"\s*\[(?:internet|online|electronic resource)\]$", "", t, flags=re.IGNORECASE)
    t = re.sub(rf",?\s*\([^()]*:[^()]*{_YEAR}[^()]*\)$", "", t)
    t = re.sub(
        r",?\s*\d+(?:st|nd|rd|th|a|e|ª)?\.?\s*(?:edn|ed|Aufl|éd)\.?$", "", t, flags=re.IGNORECASE
    )
    t = _clean(t) or ""
    return t or None


def _journal_like(sentence: str) -> bool:
    body = sentence.rstrip(" .")
    m = _LOC_START.search(body)
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
    m = _LOC_START.search(body)
    if m is None:
        return
    f.container = _clean(body[: m.start()])
    _locators(body[m.end() :], f)


def _locators(loc: str, f: ParsedFields) -> None:
    loc = loc.strip()
    vm = re.search(r"(?:\bvols?\.?|\bv\.|\bBd\.|\bJg\.|\bT\.)\s*(\w+)", loc, re.IGNORECASE)
    if vm:
        f.volume = vm.group(1)
    else:
        vm = re.match(r"(\d+[A-Za-z]?(?:\s+\w+\s+\d+)?)\s*(?=\(|,|$|\s)", loc)
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
        r"\b(?:pp?|S|hlm|hal|págs?|art)\.\s*([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)",
        loc,
    ) or re.search(r"([A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)", loc)
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
    if role:
        after = text[role.end() :].strip(" ,.:")
        f.container = _container_cut(after)
    else:
        f.container = _container_cut(text, chapter=True)
    pm = re.search(r"\b(?:pp?|S|hlm|hal|págs?)\.\s*(\w+(?:\s*[-–—]\s*\w+)?)", text)
    if pm:
        f.pages = pm.group(1).replace(" ", "")
    pub = re.search(r"(?:^|[.)]\s)(?:[^.:;()]{2,40}:\s*)?([^.:;()]*?)(?:[;,]\s*\d{4})?\.?$", text)
    if pub and pub.group(1) and _PUBLISHER_WORDS.search(pub.group(1)):
        f.publisher = _clean(pub.group(1))


_CONTAINER_CUT = re.compile(
    r"(?:,\s*(?:vols?\.|v\.\s*\d|no\.|nos?\.|n\.\s*\d|nr\.|n[úu]m\.|pp?\.|S\.\s*\d|hlm\.|hal\.|"
    r"Bd\.|Jg\.|edited by|ed\. by|eds?\.|hrsg\.|translated by|trans\.|"
    r"(?:[A-Z]\.\s?)+[A-Z][\w'’\-]+)"
    r"|,?\s+\(?\d+(?![\w])|,\s*\d|,\s*" + _MONTH + r"\s|\s*\[|;\s|\s+\(pp?\.|\s+\((?:hlm|S)\.)"
    r"|,\s*(?:n\.\s?d|s\.\s?f|o\.\s?J|t\.\s?t)\b|(?<=\)),\s"
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


def _container_cut_raw(text: str, *, chapter: bool = False) -> str | None:
    t = text.strip(" ,.;:")
    cuts = [m.start() for m in _CONTAINER_CUT.finditer(t)]
    b = _boundaries(t)
    if b:
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
    if candidate and re.fullmatch(r"\d+(?:st|nd|rd|th|a|e|\.)?\s*(?:edn|ed|Aufl|éd)\.?", candidate):
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
            if i >= 1 and re.match(rf"^(?:{_YEAR}[a-z]?|\[date unknown\]|n\.d\.)(?:\W|$)", x)
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
        title_parts = sents[: year_i - 1]
        f.container = _clean(re.sub(r"\s*\[Internet\]", "", sents[year_i - 1]))
        _vancouver_locators(sents[year_i], f)
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


def _year_from(text: str, f: ParsedFields, avoid: str | None = None) -> None:
    if f.year is not None:
        return
    if avoid:
        text = text.replace(avoid, " ")
    for pat in (
        rf"\(\s*(?P<y>{_YEAR})(?P<s>[a-z])?\s*\)",
        rf"(?<![\w\-–/.])(?P<y>{_YEAR})(?P<s>[a-z])?(?![\w\-–/]|\.\d)",
    ):
        for m in re.finditer(pat, text):
            y = int(m.group("y"))
            if y > _MAX_YEAR:
                continue
            f.year, f.year_suffix = y, m.group("s")
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


def authors_look_like_organisation(text: str) -> bool:
    """Exposed for other readers: whether a whole author string is an organisation."""
    return is_organisation(text)
