"""The free-text parser's vocabulary as patterns: list numbers, URLs, lead-ins such as
"Retrieved from", abbreviations that do not end a sentence, locator and genre words,
publisher, news, thesis and report words.

Kept apart so each pass (`freetext_sentences`, `freetext_authors`, `freetext_fields`,
`freetext_merge`) reads the same words; every pattern is linear on any input (no
overlapping quantifiers, issue 11).
"""

from __future__ import annotations

import re

from citeaudit.bibliography.freetext_vocab import LOCATORS, MONTH_ABBREVIATIONS, SEASONS

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"


_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


# the dashes a page range is printed with, as a character class's body: hyphen-minus,
# en and em dash, the Unicode hyphens and the minus sign ("327—333", "401‐414")
_DASH = "\\-–—‐‑−"


_MAX_YEAR = 2035


# "———. 2018." / "---. 2018." / "______. Title." (ABNT): the same authors as the entry before
_REPEATED_AUTHORS = re.compile(r"^(?:[-—–‐_]{2,}|—)\s*[.,]?\s+")


# what the dash is read as, so the rest parses as an entry with one author
_REPEATED_STAND_IN = "Anonymous. "


# "[12]", "(12)", "12.", "12)"; a four-digit "8062." that is no year; a bare "19 " before
# what starts a name ("19 Makoul G, …", "3 Kim, H., …", "11 D’SOUZA, J.E., …")
_LIST_NUMBER = re.compile(
    r"^\s*(?:\[\s*\d{1,4}\s*\]|\(\s*\d{1,4}\s*\)"
    r"|(?:\d{1,3}|(?!1[5-9]\d\d|20\d\d)\d{4})\s*[.)](?!\d)"
    # "• Smith, J. (2001) …", "· ———. …": a bullet
    r"|[·•▪◦‣∙]\s+"
    # "17- Van Bommel E, …": a number closed by a dash
    rf"|\d{{1,3}}[-–]\s+(?=[{_UP}])"
    rf"|\d{{1,3}}\s+(?=[{_UP}][\w'’\-]+(?:,|\s[{_UP}]{{1,3}}[,.\s])))\s*"
)


_URL = re.compile(r"(?:https?://|(?<![\w@/])www\.)[^\s<>\"“”]+", re.IGNORECASE)


# "apastyle.apa.org/style/x" as MLA writes it: taken out of the text, not kept as a URL
_BARE_URL = re.compile(
    r"(?<![\w@/.\-])(?!www\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/[^\s<>\"“”]*",
    re.IGNORECASE,
)


_ESCAPE = re.compile(r"\\([\\_&%#$*\[\]()~^{}])")


_NO_DATE = (
    # "s/d", "s/f": ABNT and Spanish lists write "sem data" / "sin fecha" with a slash too
    r"n\.\s?d\.?|s\.\s?f\.?|s\.\s?d\.?|s/d\.?|s/f\.?|o\.\s?J\.?|t\.\s?t\.?|t\.\s?th\.?|"
    r"sin fecha|sem data|"
    r"tanpa tahun|ohne Jahr|sans date|n\.\s?p\.?|nd|ND|\[date unknown\]|date unknown"
)


# lead-ins that announce a URL or an access date and are no part of the entry's fields
_LEAD_INS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\(\s*(?:last\s+)?(?:accessed|retrieved|viewed|diakses|consultado|consult[ée]|"
        r"abgerufen|acesso em|acessado|zugegriffen)\b[^()]{0,60}\)",
        r"\[\s*(?:cited|accessed|diakses|consultado|citado|zitiert)\b[^\]]{0,40}\]",
        # an access note's date is never the work's: "Acesso em: 3 maio 2019", "Consultado
        # el 2 de junio de 2020", "Recuperado el 5 de mayo de 2019, de", "Fecha de consulta:"
        r"\b(?:last\s+)?(?:accessed|retrieved|viewed|diakses(?:\s+pada)?|"
        r"consultado(?:\s+(?:el|em|en|a))?|consult[ée] le|abgerufen am|acesso em|acessado em|"
        r"acess[oa]d?[oa]? em|acceso(?:\s+(?:el|en)|(?=\s*:))|accedido(?:\s+el)?|recuperado\s+el|"
        r"fecha\s+de\s+(?:consulta|acceso)|visitado(?:\s+(?:el|em))?|visto\s+em|"
        r"zugegriffen am|"
        # "Available from: URL. Cited: Aug. 6, 2019." (SciELO's English ABNT): only
        # with its colon -- "cited 2020" in a title is no note
        r"cited(?:\s+(?:on|in))?(?=\s*:))\s*+:?\s*"
        r"(?:on\s+)?[\w ,./\-]{0,30}?\d{4}(?:,\s*(?:from|de|en|em))?\.?",
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
    # "(szerk)" Hungarian, "(red.)" Polish, Dutch and Scandinavian, "(éds.)" French
    r"\(\s*(?:eds?|editors?|hrsg|hg|coords?|orgs?|comps?|dirs?|penyunting|ed|Ed|szerk|red|éds?)"
    r"\.?\s*\)\.?,?",
    re.IGNORECASE,
)


_EDITED_BY = re.compile(
    r",?\s*(?:edited by|ed\. by|eds?\.|hrsg\. v(?:on)?\.?|herausgegeben von|edited|"
    # a run of initials is tried from its first only (the lookbehinds): from every one
    # of them, searching "A. B. C. …" is quadratic (issue 11); so is a chain of editors
    # from its first (freeze23): a name after "Aa and " or "Aa & " is no start, the
    # chain read from the name before it already took it in
    r"(?<![A-Z]\.)(?<![A-Z]\.\s)(?<![\w'’\-]\sand\s)(?<![\w'’\-]\s&\s)"
    r"(?:[A-Z]\.\s?)++[A-Z][\w'’\-]++"
    # at most 20 more editors: searched from each name of "A. Aa and A. Aa and …", an
    # unbounded chain was rescanned to its end from every one of them (quadratic).
    # Possessive, each surname and the chain (freeze23): what follows a name or the
    # chain is a space, a comma or "and", never a letter of the name, so a shorter
    # surname or fewer editors cannot end in ", Eds." where the longest did not; the
    # engine gave each back one at a time anyway, and every name of a chain retraced
    # the 20 after it (a 40 KB run of " and A. Aa": 35 ms, flagged by
    # benches/redos_scan.py; now 7 ms). What the chain's start costs: "Smith and A. Bb,
    # Eds." (a first editor not initials-first) and chains of over 21 editors are not
    # found -- neither is among the labelled entries and the tests' lines (107,281
    # lines, 1,118 found by both, the same spans).
    r"(?:\s+(?:and|&)\s+(?:[A-Z]\.\s?)++[A-Z][\w'’\-]++){0,20}+,?\s+Eds?\.)",
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
    # the lookahead: the group closes at the end; without it, each keyword inside an
    # unclosed "[" was tried against the rest ("[a ed. ed. ed. …" was quadratic)
    r"\s*[\[(](?=[^\[\]()]*+[\])]$)"
    r"[^\[\]()]*(?:\bed\b|\bed\.|\bedn\b|edición|edição|[eé]dition|edizione|aufl|éd\.|"
    r"report|no\.|"
    r"dissertation|thesis|tesis|skripsi|disertasi|tese|vol\.|internet|online|"
    r"podcast|video|blog|tweet|audio|film|data ?set|software|computer program|press release|"
    r"masterarbeit|doktorarbeit|in press|forthcoming|translated|trans\.|\bed\b|"
    # a translator or editor named in brackets: "(tr. John Roe)", "(trad. Ana Lima)"
    r"\btr\.|\btrad\.|übers\.|\bhrsg\.|\bhg\.)[^\[\]()]*[\])]$",
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
