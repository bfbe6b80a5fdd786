"""Author lists as reference styles write them, split into `Person`s.

Handles inverted lists ("Yani, M. Y., Montratama, I., & Mahyudin, E."), direct ones
("S. E. Han, G. Chen, and X. Y. Li"), MLA/Chicago mixes ("Lee, L. L., W. E. Howard, and
R. E. Marsh"), Vancouver ("Pérez-Higueras JJ, Arias A"), semicolon lists (ABNT:
"SILVA, J. C. da; SOUZA, M. A. de"), slash lists (German "Schmidt, Anna/Weber, Jörg"),
organisations ("World Health Organization", "CSTO") and mononyms ("Fakhrunisa").
Particles stay in the family name as written ("van der Berg", "de la Macorra").
"""

from __future__ import annotations

import re

from citeaudit.model.person import Person
from citeaudit.model.surnames import PARTICLES as SHARED_PARTICLES

__all__ = ["VANCOUVER_AUTHORS", "is_organisation", "parse_authors"]

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # generous upper-case range (Latin-1 + Latin Extended-A)
_LETTER = r"[^\W\d_]"

# the one list every name reader shares (matching.citations, resolve.authors, the
# citation extractor): a name kept whole here is compared whole there
PARTICLES = SHARED_PARTICLES

# a body's word may carry "sub" ("IUCN Standards and Petitions Subcommittee", "Working
# Subgroup"): without it the name was read as the people "Standards" and "Subcommittee"
_ORG_WORDS = re.compile(
    r"\b(?:sub-?)?(?:organi[sz]ations?|organizaci[oó]n|organiza[cç][aã]o|organisation|ministry|ministerio|"
    r"minist[eé]rio|minist[eè]re|ministerium|kementerian|departemen|department|dinas|badan|"
    r"komisi|lembaga|direktorat|sekretariat|secretariat|associa[tç][ãa]o|associations?|"
    r"asociaci[oó]n|institutes?|instituto|institut|university|universitas|universidad|"
    r"universidade|universit[äa]t|universit[ée]|council|bank|agency|agencia|committee|"
    r"commission|comisi[oó]n|office|bureau|foundation|fundaci[oó]n|funda[cç][aã]o|stiftung|"
    r"society|sociedad|centre|center|centro|nations|union|government|pemerintah|gobierno|"
    r"governo|bundesamt|bundesministerium|statistisches|federal|national|nacional|nasional|"
    r"republik|republic|rep[uú]blica|corporation|company|inc|ltd|llc|gmbh|group|services?|"
    r"authority|board|programme|program|fund|forum|alliance|treaty|parliament|assembly|"
    r"court|police|army|reuters|bernama|antara|bloomberg|press|news|times|network|"
    r"consortium|coalition|partnership|observatory|observatorio|collaborat\w*|"
    r"world|international|european|united|global|ministries|administration|"
    r"kantor|pusat|dewan|majelis|mahkamah|polri|tni|bappenas|kpu|kpk|"
    # bodies that publish data, software and reports under their own name
    r"archives?|archiv|archivo|arquivo|team|project|projeto|proyecto|projekt|groups?|grupo|"
    r"equipo|equipe|collective|survey|laborator(?:y|ies)|laborat[oó]rio|labor|museum|museo|"
    r"museu|library|biblioteca|bibliothek|initiative|iniciativa|panel|taskforce|registry|"
    r"database|working|contributors|developers|editors|editorial|staff|secretariat|"
    r"observatoire|agence|conselho|consejo|instituut|verband|verein|amt|rat|"
    r"statistics|statistik|estad[ií]stica|estat[ií]stica|census|survey|"
    # gardens, herbaria, academies, hospitals and schools that publish under their name
    r"gardens?|botanic(?:al)?|bot[aâá]nico|botanique|botanischer|herbarium|herb[aá]rio|"
    r"academy|academia|akademie|acad[ée]mie|hospital|hôpital|college|school|trust|"
    r"conservancy|wildlife|fisheries|forestry|geological|meteorological|directorate|"
    # companies named by their trade: "Clarivate Analytics", "Esri Technologies"
    r"analytics|solutions|technologies|software|consulting|industries|holdings|"
    r"enterprises|publishing|publishers|labs|"
    # Portuguese and Spanish bodies of government and sport (SciELO lists: "Secretaria
    # Municipal de Saúde de ...", "Prefeitura de ...", "Confederação Brasileira de ...")
    # -- without them "de" made the name a person's ("Alegre, Secretaria ... de Porto")
    r"secretar[ií]a|prefeitura|alcald[ií]a|municipalidad|confedera[cç][aã]o|"
    r"confederaci[oó]n|federa[cç][aã]o|federaci[oó]n|coordenadoria|coordena[cç][aã]o|"
    r"coordinaci[oó]n|superintend[eê]ncia|superintendencia|ag[eê]ncia|comiss[aã]o)\b",
    re.IGNORECASE,
)
# words that join the parts of an organisation's name and never a person's
_ORG_JOINERS = frozenset(
    ["of", "for", "the", "on", "für", "pour", "per", "para", "voor", "för", "and the", "on the"]
)
_CONJUNCTIONS = frozenset(["and", "&", "und", "y", "e", "et", "dan", "en", "og", "och", "ve", "és"])
_ARTICLES = frozenset(["THE", "O", "A", "OS", "AS", "EL", "LA", "LOS", "LAS", "LE", "LES", "IL"])

# Cyrillic and Greek capitals count as initials only with their full stop ("К.", "А.-В."):
# "Карпов, К. В. (2020)" is one person, not "Карпов" and "В" (REAL_MANUSCRIPTS_10, CI);
# an undotted capital there is a word ("В" is a preposition) or an acronym ("МГУ")
_DOTTED_UP = "А-ЯЁΑ-Ω"
_INITIAL = re.compile(
    rf"^[{_UP}]\.?(?:-[{_UP}a-zà-ÿ]\.|[{_UP}]\.)*$|^[{_UP}]\.(?:-?[{_UP}]\.?)*$"
    rf"|^[{_DOTTED_UP}]\.(?:-?[{_DOTTED_UP}]\.)*$"
)
_INITIAL_STRICT = re.compile(
    rf"^(?:[{_UP}]\.(?:-?[{_UP}a-zà-ÿ]\.)*|[{_UP}](?:-[{_UP}])?)$"
    rf"|^[{_DOTTED_UP}]\.(?:-?[{_DOTTED_UP}]\.)*$"
)
# "AB", and hyphenated as French and German names give them: "J-P", "K-G", "P-A"
_VANC_INITIALS = re.compile(rf"^(?:[{_UP}]{{1,4}}|[{_UP}]-[{_UP}]{{1,2}})$")
_CAP_WORD = re.compile(rf"^(?:[{_UP}][\w'’\-]*\.?|[{_UP}]['’][{_UP}][\w\-]*)$")
_ACRONYM = re.compile(rf"^[{_UP}0-9&\-]{{2,12}}$")

# A Vancouver author block at the very start: "Family AB, Family C, et al."
_V_PARTICLES = "|".join(re.escape(p) for p in sorted(PARTICLES, key=len, reverse=True))
# particles may stand inside the family too: "López de la Fuente A", "Costa e Silva AB"
_V_NAME = (
    rf"(?:(?:{_V_PARTICLES}) )*"
    rf"(?:St\. )?[{_UP}][\w'’\-]+(?: (?:(?:{_V_PARTICLES}|e|y) )*[{_UP}][\w'’\-]+){{0,2}}"
    rf" (?:[{_UP}]-[{_UP}]{{1,2}}|[{_UP}]{{1,4}}|[{_UP}]\.(?: ?-?[{_UP}]\.){{0,3}})"
    # "Luria A.R.", "Demyanenkov V. V.": the initials with full stops, as Russian and
    # other Eastern European lists write Vancouver names
    # "Modis L Jr", "Hall JW III": a generational suffix after the initials
    # "Tedeschi W Fo", "Sousa R No": Portuguese Filho / Neto, as Vancouver abbreviates them
    r"(?: (?:Jr|Sr|II|III|IV|Fo|No|Filho|Neto|Sobrinho|Júnior)(?=[,.]))?"
    # "Левин Б.Р.", "Крушинский Л. В.": Cyrillic names in the same shape
    r"|[А-ЯЁ][а-яёА-ЯЁ'\-]+ [А-ЯЁ]\.(?: ?[А-ЯЁ]\.){0,3}"
)
VANCOUVER_AUTHORS = re.compile(
    # closed by a full stop, or by a colon as F1000 writes it ("Chamberlain S : rgbif: …")
    # the last name may follow "e", "y", "and" or "&" ("Silva A, Souza B e Lima C")
    rf"^(?P<names>(?:{_V_NAME})(?:(?:, | (?:e|y|and|&) )(?:{_V_NAME}))*)"
    rf"(?P<etal>,? et al)?(?:\.|(?<=[{_UP}А-ЯЁ]\.)|\s?:)\s(?![{_UP}]\.|et\b)",
    re.UNICODE,
)

_ETAL = re.compile(
    r"(?:,\s*|\s+)(?:et\.?\s*al(?:ii)?\.?|et\s+coll\.?|dkk\.?|u\.\s?a\.|and others|"
    r"y otros|e outros|"
    r"\[et al\.?\]|et al)(?=\W|$)",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\s*[\(\[]\s*(?:eds?|editors?|hrsg|hg|coords?|orgs?|comps?|dirs?|penyunting|ed|ред)\.?\s*[\)\]]\.?"
    r"|,\s*(?:eds?|editors?|hrsg|hg)\.?\s*$",
    re.IGNORECASE,
)
_CONJ = re.compile(r"\s*,?\s+(?:&|and|und|y|e|et|dan|en|og|och|ve|és|i|a)\s+|\s*,?\s*&\s*")
_ELLIPSIS = re.compile(r"(?:\.\s){2,}\.|…|\.\.\.")


# a company's legal form ending its name ("IBM Corp.", "Johnson & Johnson Co.", "Apple
# Inc.", "Acme, LLC", "Siemens AG"): no person's name ends so, whatever stands before it
# (a "&" there joins the company's name, not two people). Two capitals without stops
# ("SA", "AG", "SE") are a Vancouver person's initials too ("Smith SA"), so only their
# dotted forms count, and "AG" after a word in capitals (ABNT's "SIEMENS AG")
_COMPANY_SUFFIX = re.compile(
    r"(?:,\s*|\s+)(?:Inc|Incorporated|Corp|Co|Ltd|Limited|LLC|L\.L\.C|LLP|[Pp][Ll][Cc]|GmbH|"
    r"Pty|Ltda|S\.\s?A|S\.p\.A|A\.G|P\.B\.C|PBC|N\.V|B\.V|S\.A\.S|S\.L|S\.R\.L|"
    r"Sdn\.?\s+Bhd|Tbk|KGaA|K\.K)\.?$"
)


# a place named as author with its kind in brackets (ABNT: "SÃO PAULO (Estado)",
# "CURITIBA (Município)", "MINAS GERAIS (Estado)"); bounded, no nested repetition
_JURISDICTION = re.compile(
    r"([^\W\d_][^()\d,;]{1,60}?)\s*\((?i:estado|munic[ií]pio|cidade|distrito federal|"
    r"prov[ií]ncia|regi[aãó]o?n?|departamento|país|state|city|county|province)\)"
)


def is_organisation(text: str, *, author_part: bool = False) -> bool:
    """Whether an author string names an organisation rather than a person.

    `author_part`: the text is known to be the author part (it stands before the year,
    or the entry's shape says so), so a name's structure alone may decide; elsewhere
    (the first words before a comma, which may be a title: "Spirits in Culture,
    History and Mind.") only the organisation words do."""
    s = text.strip().strip(".,;")
    if not s:
        return False
    words = s.split()
    if len(words) >= 2 and _COMPANY_SUFFIX.search(s):
        return True
    if len(words) == 1:
        return (bool(_ACRONYM.match(s)) and any(c.isalpha() for c in s)) or bool(
            _ORG_WORDS.fullmatch(s)
        )
    if "," in s:
        return False
    if _ORG_WORDS.search(s):
        # "Bank, J." or "Union, K." are people; organisations carry no initials. In a
        # name all in capitals (ABNT) a lone "E" or "Y" between words is "and":
        # "INSTITUTO DE GEOGRAFIA E ESTATÍSTICA"
        all_caps = s.isupper() and len(words) >= 3
        return not any(
            _INITIAL_STRICT.match(w.strip(","))
            and not (all_caps and 0 < i < len(words) - 1 and w.lower() in _CONJUNCTIONS)
            for i, w in enumerate(words[1:], start=1)
        )
    if author_part and _corporate_structure(words):
        return True
    caps = [w for w in words if w[:1].isupper()]
    return (
        len(words) >= 4
        and len(caps) >= 4
        and not any(_INITIAL_STRICT.match(w) for w in words)
        and not any(w.lower() in PARTICLES for w in words)
        # "John Smith and Mary Jones": two people in direct order, not one body
        and not any(w.lower() in _CONJUNCTIONS for w in words)
    )


def _corporate_structure(words: list[str]) -> bool:
    """A name of several words, none an initial, that a person's name cannot be: a joining
    word ("Nordic Council of Ministers", "The Dryad Collective"), or capitals throughout
    as ABNT writes an organisation ("INSTITUTO ALFA", "O ESTADO"; a person there is
    "SURNAME, Given", and "SMITH JA" ends in Vancouver initials). (A lower-case word or
    a digit is no sign: "1985: Ulf Preuss-Lausitz", "xli Ann Neurol" are junk before a
    person; "lavaan project" is known by its last word.)"""
    if _capitals_body(words):
        return True
    if any(_INITIAL_STRICT.match(w) for w in words if not w.isupper() or "." in w):
        return False
    lowered = [w.lower() for w in words]
    if words[0] in {"The", "the"} or any(w in _ORG_JOINERS for w in lowered[1:]):
        return True
    if _ACRONYM_AFTER.search(words[-1]) and len(words) >= 3:
        return True  # "Équipe … du Québec (EROP)", "Agence … (ASPC)": a body and its acronym
    if len(words) >= 3 and words[0][:1].isupper() and any(_common_word(w) for w in words[1:]):
        # "Comité de pilotage du Québec", "Équipe de rétablissement des oiseaux": a
        # lower-case word that is no particle or conjunction is in no person's name
        return True
    if any(w in _CONJUNCTIONS for w in lowered):
        return False  # "Smith and Jones": two people, split later
    letters = "".join(words)
    if letters.isupper() and "." not in letters:
        last = words[-1].strip(".,;")
        return words[0] in _ARTICLES or len(last) > 3
    return False


# the joining words of a name in capitals: "FOLHA DE S.PAULO", "JORNAL DO BRASIL"
_CAPS_JOINERS = frozenset(["DE", "DO", "DA", "DOS", "DAS", "DEL", "DI", "DU", "DES", "LA", "LOS"])


def _capitals_body(words: list[str]) -> bool:
    """A body's name as ABNT writes it, all in capitals, whose abbreviated word would
    otherwise pass for an initial: "O ESTADO DE S. PAULO", "FOLHA DE S.PAULO" (a person
    there is "SURNAME, Given"; "DE SOUZA MA" ends in Vancouver initials, so the last
    word must be longer than initials are)."""
    if len(words) < 3 or not "".join(words).replace(".", "").replace("-", "").isalpha():
        return False
    if not all(w.isupper() for w in words):
        return False
    inner = words[1:-1]
    last = words[-1].rsplit(".", 1)[-1]
    return len(last) > 3 and (words[0] in _ARTICLES or any(w in _CAPS_JOINERS for w in inner))


_ACRONYM_AFTER = re.compile(rf"^\([{_UP}][{_UP}0-9&\-]{{1,11}}\)$")
# lower-case words that stand in people's names besides the particles
_NAME_LINKS = frozenset(["ibn", "bint", "abu", "ben", "bat", "op", "'t", "mac", "af", "av"])


def _common_word(w: str) -> bool:
    """A lower-case word that no person's name holds ("pilotage", "des" is a particle;
    "al-Rahman" and "d’Alembert" are names)."""
    core = w.strip(".,;:()")
    return (
        core[:1].islower()
        and core.isalpha()
        and core.lower() not in PARTICLES
        and core.lower() not in _CONJUNCTIONS
        and core.lower() not in _NAME_LINKS
    )


def _is_initials(piece: str) -> bool:
    toks = piece.replace(".", ". ").split()
    return bool(toks) and all(_INITIAL.match(t) for t in _stop_lent(toks))


def _stop_lent(toks: list[str]) -> list[str]:
    """`toks` with a last lone Cyrillic or Greek capital given its full stop when it is
    the whole name part or a dotted initial stands before it: "С. П" is "С. П." whose
    stop the list took ("Зуев, С. П. (2020)"), "А" after "Смирнов," is "А."; inside a
    longer part ("Теория В") the capital stays a word."""
    if (
        toks
        and len(toks[-1]) == 1
        and _DOTTED_CAPITAL.match(toks[-1])
        and (len(toks) == 1 or (_INITIAL.match(toks[-2]) and toks[-2].endswith(".")))
    ):
        return [*toks[:-1], toks[-1] + "."]
    return toks


_DOTTED_CAPITAL = re.compile(rf"[{_DOTTED_UP}]")


def _is_given(piece: str) -> bool:
    """Given names after an inverted family: "J. A.", "John", "Nicholson B.", "J. C. da"."""
    toks = piece.split()
    if not toks or len(toks) > 4:
        return False
    core = [t for t in toks if t.lower() not in PARTICLES]
    if not core:
        return False
    return all(_INITIAL.match(t) or _CAP_WORD.match(t) for t in _stop_lent(core)) and not any(
        c.isdigit() for c in piece
    )


def _family_tokens(toks: list[str]) -> int:
    """How many non-particle tokens a candidate family has."""
    return len([t for t in toks if t.lower() not in PARTICLES])


# initials with full stops between them, in any script ("A.R", "J.-F.", "Л.В."): after a
# family name they are its given names ("Luria A.R.", "Крушинский Л.В.")
_SPACED_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_DOTTED_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?){1,3}[^\W\d_]\.?$")


def _direct(piece: str) -> Person:
    """ "S. E. Han", "José Carlos de la Macorra", "W. E. Howard", "Peter St. John"; also
    "Luria A.R." (a family before dotted initials: no given name ends a name so)."""
    toks = piece.split()
    if (
        len(toks) >= 2
        and _DOTTED_INITIALS.match(toks[-1])
        and toks[-1].isupper()
        and not _INITIAL.match(toks[0])
        and not _DOTTED_INITIALS.match(toks[0])
    ):
        return Person(family=" ".join(toks[:-1]), given=toks[-1])
    if (
        len(toks) >= 3
        and all(_SPACED_INITIAL.match(t) and t.isupper() for t in toks[1:])
        and toks[1].endswith(".")
        and not _SPACED_INITIAL.match(toks[0])
    ):
        # "James J. S." (GOST, "Family I. O."): initials after the family, spaced
        return Person(family=toks[0], given=" ".join(toks[1:]))
    last_initial = -1
    for i, t in enumerate(toks[:-1]):
        if _INITIAL.match(t):
            last_initial = i
    if last_initial >= 0:
        given, family = toks[: last_initial + 1], toks[last_initial + 1 :]
    else:
        j = len(toks) - 1
        while j > 0 and toks[j - 1].lower() in PARTICLES:
            j -= 1
        if j == 0 and toks[0].lower() not in {"st.", "st"}:
            j = len(toks) - 1
        given, family = toks[:j], toks[j:]
    if (
        len(family) == 1
        and family[0].strip(".").casefold() in _LUSO_KIN
        and len(given) >= 2
        and not _INITIAL.match(given[-1])
    ):
        # "Carlos Santos Filho", "João Silva Neto": Filho, Neto, Sobrinho, Júnior are part
        # of the family name (ABNT files him under "SANTOS FILHO"), not one alone
        given, family = given[:-1], [given[-1], *family]
    return Person(family=" ".join(family), given=" ".join(given) or None)


_LUSO_KIN = frozenset(
    {"filho", "filha", "neto", "neta", "sobrinho", "sobrinha", "júnior", "junior", "bisneto"}
)


# "Smith, J., Jr." / "King, M. L., Jr., & Abernathy, R. D." (APA): the generation
# after its own comma closes the person before it, and was read as one more person
# ("Jr"); dropped, as after initials (citations never write it)
_GENERATION_PIECE = re.compile(r",\s*(?:Jr|Sr|II|III|IV)\.?(?=\s*(?:[,;&]|and\s|$))")


_GENERATION = re.compile(
    rf"\s+(?:Jr|Sr|II|III|IV)\.?$|(?<=[{_UP}])\s+(?:Fo|No|Filho|Neto|Sobrinho|Júnior)\.?$"
)


def _vancouver(piece: str) -> Person:
    """ "Family AB" (a generational suffix after the initials, "Modis L Jr", is dropped:
    citations never write it)."""
    toks = _GENERATION.sub("", piece).split()
    spaced = _spaced_initials_start(toks)
    if spaced is not None:
        # "Han S. E", "Van Dyke J. R" (GOST, "Family I. O."): the family, spaced initials
        return Person(family=" ".join(toks[:spaced]), given=" ".join(toks[spaced:]))
    if len(toks) >= 2 and _VANC_INITIALS.match(toks[-1]):
        return Person(family=" ".join(toks[:-1]), given=toks[-1])
    dotted = _dotted_initials_start(toks)
    if dotted is not None:
        return Person(family=" ".join(toks[:dotted]), given=" ".join(toks[dotted:]).rstrip("."))
    return Person(family=piece)


# one to four initials, each with its full stop but perhaps the last ("R.", "A.R.", "J.-F.")
_VANC_DOTTED = re.compile(r"^[^\W\d_]\.(?:-?[^\W\d_]\.?){0,3}$")


def _dotted_initials_start(toks: list[str]) -> int | None:
    """Where the initials with full stops ending a Vancouver name start ("Murugan R.",
    "Luria A.R.", "Demyanenkov V. V."): every word before them a capitalised word, none
    an initial; None when the name is not so shaped."""
    k = len(toks)
    if k >= 2 and len(toks[-1]) == 1 and toks[-1].isupper():
        k -= 1  # the list's last initial, its full stop taken with the list's ("Смирнов А")
    while k > 0 and _VANC_DOTTED.match(toks[k - 1]) and toks[k - 1].isupper():
        k -= 1
    if k == 0 or k == len(toks) or k > 3:
        return None
    if not all(t[:1].isupper() and not t.endswith(".") and len(t) > 1 for t in toks[:k]):
        return None
    return k


def _spaced_initials_start(toks: list[str]) -> int | None:
    """Where two or more spaced initials ("S. E", "J. R.") that end a name start."""
    for k in range(1, len(toks) - 1):
        rest = toks[k:]
        if all(_SPACED_INITIAL.match(t) and t.isupper() for t in rest) and all(
            t.endswith(".") for t in rest[:-1]
        ):
            return k
    return None


def _single(piece: str) -> Person:
    """One name alone: "Family, Given", "Given Family", "Family GI" or a mononym."""
    piece = piece.strip(" ,.;")
    if is_organisation(piece, author_part=True):
        return Person(family=piece, organisation=True)
    if "," in piece:
        fam, _, giv = piece.partition(",")
        return Person(family=fam.strip(), given=giv.strip(" ,") or None)
    toks = piece.split()
    if len(toks) >= 2 and _VANC_INITIALS.match(toks[-1]) and not _ACRONYM.fullmatch(piece):
        return _vancouver(piece)
    if len(toks) >= 2:
        return _direct(piece)
    return Person(family=piece)


# "BAKHTIN, M. (VOLOCHÍNOV, V. N.)": a co-author in brackets, as ABNT writes disputed
# or attributed authorship; read as the next author. Only an inverted name with
# initials or given names (no digits, no role word: "(Ed.)" is taken off before)
_BRACKETED_CO_AUTHOR = re.compile(
    rf"(?<=\S)\s*\(\s*([{_UP}][\w'’\-]+(?: [{_UP}][\w'’\-]+){{0,3}},"
    rf"(?: [{_UP}][\w'’\-]*\.?){{1,4}})\s*\)"
)


# "Candolle AP de", "Martius CFP von", "Berg PQ van der": a Vancouver name sorted under
# its family with the particle carried behind the initials (botanical and older lists);
# the particle goes back before the family, where citations write it ("de Candolle").
# Only in a Vancouver list (its first name "Family INITIALS"), only initials without
# full stops and only lower-case particles: "SOUZA, Maria L. de" is an inverted name
# whose given names carry the particle, and a capitalised "Le" is the next family.
_VANCOUVER_NAME = r"[{up}][\w'’\-]+(?:\s[{up}][\w'’\-]+)?\s(?:[{up}]{{1,4}}|[{up}]-[{up}]{{1,2}})"
_TRAILING_PARTICLES = (
    r"(?:\s(?:van|von|der|den|de|del|della|di|da|das|do|dos|du|la|le|ten|ter|zu|zur))+"
)
_PIECE_END = r"(?=\s*(?:[,;&]|and\s|$))"
_VANCOUVER_FIRST = re.compile(
    _VANCOUVER_NAME.format(up=_UP) + rf"(?:{_TRAILING_PARTICLES})?{_PIECE_END}"
)
_PARTICLE_AFTER_INITIALS = re.compile(
    rf"(?<![^\s,;&])({_VANCOUVER_NAME.format(up=_UP)})({_TRAILING_PARTICLES}){_PIECE_END}"
)


def _particle_before_family(s: str) -> str:
    """ "Candolle AP de, Marsh A" -> "de Candolle AP, Marsh A" (see above)."""
    if _VANCOUVER_FIRST.match(s) is None:
        return s
    return _PARTICLE_AFTER_INITIALS.sub(lambda m: f"{m.group(2).strip()} {m.group(1)}", s)


# a family joined by "y", "e" or "i" before its own comma ("Ortega y Gasset, R.", "Silva
# e Souza, M."): one person, not two; bounded words, linear
_JOINED_FAMILY = re.compile(rf"[{_UP}][\w'’\-]{{0,40}} (?:y|e|i) [{_UP}][\w'’\-]{{0,40}}")


def _semicolon_pieces(s: str) -> list[str]:
    """The people of a list written with ";" between them (ABNT, Vancouver): a
    conjunction before the last person is a separator too ("Silva, A.; Souza, B. e Lima,
    C."), but not the "y"/"e" that joins a double family before its comma ("Gómez, P.;
    Ortega y Gasset, R."), which read as one made "Ortega" and "Gasset" two people."""
    pieces: list[str] = []
    for part in s.split(";"):
        head, comma, rest = part.partition(",")
        if comma and _JOINED_FAMILY.fullmatch(head.strip()):
            pieces.extend((head + comma + _CONJ.sub("; ", rest)).split(";"))
        else:
            pieces.extend(_CONJ.sub("; ", part).split(";"))
    return pieces


# one capitalised word, no initials: a person known by one name ("Jatmiko")
_MONONYM = re.compile(rf"[{_UP}][a-zà-ÿ'’\-]{{2,40}}\.?")


def _vancouver_or_generation(piece: str) -> Person:
    """A Vancouver name whose initials read as a generation ("Kolesova IV") is the
    family and those initials; any other piece as `_vancouver` reads it."""
    words = piece.split()
    if len(words) == 2 and _GENERATION.search(piece) and _VANC_INITIALS.match(words[1]):
        return Person(family=words[0], given=words[1])
    return _vancouver(piece)


def parse_authors(segment: str) -> tuple[tuple[Person, ...], bool]:
    """Split an author segment; returns the people and whether "et al." was written."""
    s = " ".join(segment.split())
    s = _particle_before_family(s)
    s = _ROLE.sub("", s)
    s = _BRACKETED_CO_AUTHOR.sub(r"; \1", s)
    et_al = False
    if _ETAL.search(s):
        et_al = True
        s = _ETAL.sub("", s)
    s = _ELLIPSIS.sub(", ", s)
    s = s.strip(" ,.;:")
    s = _GENERATION_PIECE.sub("", s)
    if s.endswith((" and", " &", " dan", " y", " und")):
        s = s.rsplit(" ", 1)[0]
    if not s:
        return (), et_al
    place = _JURISDICTION.fullmatch(s)
    if place:
        # "SÃO PAULO (Estado)", "RIO DE JANEIRO (Município)": ABNT's jurisdiction as
        # author, its kind in brackets; cited "(SÃO PAULO, 2008)"
        return (Person(family=place.group(1), organisation=True),), et_al
    if is_organisation(s, author_part=True) and (
        not re.search(r",\s*[A-Z]\.", s) or _COMPANY_SUFFIX.search(s)
    ):
        return (Person(family=s, organisation=True),), et_al
    # strong separators: ";" and "/" between names
    s = re.sub(rf"(?<={_LETTER})\s*/\s*(?=[{_UP}])", "; ", s)
    if ";" in s:
        parts = [p for p in (x.strip(" ,") for x in _semicolon_pieces(s)) if p]
        return tuple(_single(p) for p in parts), et_al
    if "," not in s and _CONJ.search(s):
        # "Smith and Jones", "John Smith and Mary Jones": without a comma nothing is
        # inverted, so the conjunction separates whole names (not family from given)
        return tuple(_single(p) for p in _CONJ.split(s) if p.strip(" .")), et_al
    joined = _vancouver_with_conjunction(s)
    if joined is not None:
        return joined, et_al
    bodies = _organisations_with_lists(s)
    if bodies is not None:
        return bodies, et_al
    s = _CONJ.sub(", ", s)
    pieces = [p.strip() for p in s.split(",") if p.strip(" .")]
    if not pieces:
        return (), et_al
    # Vancouver: every piece "Family INITIALS"
    bare = [_GENERATION.sub("", p) for p in pieces]
    vancouver = [
        len(p.split()) >= 2 and bool(_VANC_INITIALS.match(p.split()[-1])) and not _is_initials(p)
        for p in bare
    ]
    # "Prokhorova IV", "Kauvar IV": initials that read as a generation, so the piece had
    # no initials left; among Vancouver names they are the initials
    vancouver = [
        v
        or (
            r != b
            and len(r.split()) == 2
            and bool(_VANC_INITIALS.match(r.split()[-1]))
            and not _is_initials(r)
        )
        for v, r, b in zip(vancouver, pieces, bare, strict=True)
    ]
    if all(vancouver):
        return tuple(_vancouver_or_generation(p) for p in pieces), et_al
    if sum(vancouver) >= 3 and vancouver[0] and vancouver[1]:
        # "Tocheri MW, Orr CM, Sutikna T, Jatmiko, Saptomo EW": a person known by one
        # name among Vancouver names; read pairwise, every name was turned round and the
        # first author was "MW"
        mononyms = [
            not v and bool(_MONONYM.fullmatch(p)) for v, p in zip(vancouver, pieces, strict=True)
        ]
        if any(mononyms) and all(v or m for v, m in zip(vancouver, mononyms, strict=True)):
            return (
                tuple(
                    _vancouver_or_generation(p) if v else Person(family=p.strip(" ."))
                    for v, p in zip(vancouver, pieces, strict=True)
                ),
                et_al,
            )
    if (
        sum(vancouver) >= 2
        and vancouver[0]
        and all(v or _group_piece(p) for v, p in zip(vancouver, pieces, strict=True))
    ):
        # "Moreira KL, Tavares PR, Study Group on Lung Health": Vancouver names, then
        # the group they wrote for; read pairwise below, the names were turned round
        # ("KL, Moreira") and the entry's first author was its initials
        return (
            tuple(
                _vancouver(p) if v else Person(family=p.strip(" ."), organisation=True)
                for v, p in zip(vancouver, pieces, strict=True)
            ),
            et_al,
        )
    dotted = [_dotted_initials_start(p.split()) for p in bare]
    if any(d is not None and "." in p for d, p in zip(dotted, bare, strict=True)) and all(
        v or d is not None for v, d in zip(vancouver, dotted, strict=True)
    ):
        # "Murugan R., Padmanabhan K., Ramesh R.", "Luria A.R., Smith J.": Vancouver names
        # with full stops after the initials (Eastern European and engineering lists);
        # each was read as "Family, Given" with the next ("R", "Padmanabhan K")
        return tuple(_vancouver(p) for p in pieces), et_al
    if len(pieces) >= 3 and all(vancouver[1:]) and _looks_direct(pieces[0]):
        # "Xu Han, Li YD, Yang HJ (2011)": the first name written whole, the rest in
        # Vancouver form ("Li YD" was read as the person "YD, Li")
        return (_single(pieces[0]), *(_vancouver(p) for p in pieces[1:])), et_al

    out: list[Person] = []
    i = 0
    inverted = False
    while i < len(pieces):
        p = pieces[i].strip(" .") if not _is_initials(pieces[i]) else pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        toks = p.split()
        if nxt is not None and (i == 0 or inverted) and _capitals_family(toks, nxt):
            out.append(Person(family=p, given=nxt.strip()))
            inverted = True
            i += 2
            continue
        if is_organisation(p, author_part=True) and not (
            nxt and (_is_initials(nxt) or (len(toks) == 1 and _is_given(nxt)))
        ):
            out.append(Person(family=p, organisation=True))
            i += 1
            continue
        if _is_initials(p):
            # stray initials with no family before them: attach to the previous person
            if out and not out[-1].given and not out[-1].organisation:
                out[-1] = Person(family=out[-1].family, given=p)
            i += 1
            continue
        starts_initial = bool(toks) and bool(_INITIAL.match(toks[0])) and len(toks) > 1
        if nxt is not None and not starts_initial and _is_initials(nxt):
            out.append(Person(family=p, given=nxt.strip()))
            inverted = True
            i += 2
            continue
        if (
            nxt is not None
            and not starts_initial
            and (i == 0 or inverted)
            and _family_tokens(toks) <= (2 if i == 0 else 1)
            and _is_given(nxt)
            and not _ends_in_dotted_initials(toks)
            and not (i == 0 and len(pieces) > 2 and _looks_direct(nxt) and _looks_direct(p))
        ):
            out.append(Person(family=p, given=nxt.strip()))
            inverted = True
            i += 2
            continue
        if len(toks) >= 2:
            out.append(_direct(p))
        else:
            out.append(Person(family=p))
        i += 1
    return tuple(out), et_al


def _group_piece(piece: str) -> bool:
    """A piece of a Vancouver author list that is a body's name: two words or more, an
    organisation's word or build ("HALT-C Trial Group", "ESPEN" is one word and stays
    out: an acronym may be a family name in capitals)."""
    p = piece.strip(" .")
    words = p.split()
    return len(words) >= 2 and (
        is_organisation(p, author_part=True) or words[-1].lower() in _STUDY_GROUP_WORDS
    )


# the last word of a study's group in a Vancouver list ("Health ABC Study", "SPRINT
# Investigators"): no organisation's word elsewhere ("Study of ..." opens titles)
_STUDY_GROUP_WORDS = frozenset(["study", "investigators", "trialists", "writers", "authors"])


# what parts an author list: a comma, or a conjunction (with or without a comma)
_PART_SEP = re.compile(
    r"\s*,\s*(?:(?:and|&|und|y|e|et)\s+)?|\s+(?:and|&|und|y|e|et)\s+|\s*&\s*", re.IGNORECASE
)


def _organisations_with_lists(s: str) -> tuple[Person, ...] | None:
    """Organisations whose own names hold a list: "Department of Health, Education and
    Welfare", "Office of Science and Technology, Ministry of Ports".

    Why: split at every comma and "and" like a list of people, such a body became three
    authors ("Department of Health", "Education", "Welfare"), so its entry had two
    authors too many and a citation of the body whole matched none of its parts. A
    lone capitalised word after a body, with no initials or given names anywhere in the
    list, is no person (a person in a list of names is "Family, I." or "Given Family"):
    it continues the body's name, with the separator as written. Bodies written one
    after the other ("Museum of Coastal Botany, Herbarium of the Southern Isles") stay
    separate. None when the list holds anything that is not a body or such a word: the
    ordinary split then reads it."""
    parts: list[str] = []
    seps: list[str] = []
    pos = 0
    for m in _PART_SEP.finditer(s):
        parts.append(s[pos : m.start()])
        seps.append(m.group(0))
        pos = m.end()
    parts.append(s[pos:])
    if len(parts) < 2 or not is_organisation(parts[0], author_part=True):
        return None
    # a name in capitals (ABNT) goes on in capitals: "MINISTÉRIO DA AGRICULTURA,
    # PECUÁRIA E ABASTECIMENTO"; "VAN DER BORGH, Pieter" is a person
    caps = parts[0].isupper()
    names = [parts[0]]
    for sep, part in zip(seps, parts[1:], strict=True):
        word = part.strip(" .")
        if not word:
            return None
        if is_organisation(word, author_part=True) and not _lone_word(word, caps=caps):
            names.append(word)
        elif _lone_word(word, caps=caps):
            names[-1] += sep + word
        else:
            return None
    if len(names) == len(parts):
        return None  # nothing joined: the ordinary split reads it the same
    return tuple(Person(family=n.strip(" ."), organisation=True) for n in names)


def _lone_word(word: str, *, caps: bool) -> bool:
    """One capitalised word that is no initial and no acronym ("Education", "Welfare");
    with `caps`, one word in capitals ("PECUÁRIA")."""
    if caps:
        return " " not in word and word.isupper() and word.isalpha() and len(word) > 3
    return (
        " " not in word
        and _CAP_WORD.match(word) is not None
        and not word.isupper()
        and not _INITIAL.match(word)
        and not any(c.isdigit() for c in word)
    )


def _vancouver_with_conjunction(s: str) -> tuple[Person, ...] | None:
    """A Vancouver list where a family holds "e" or "y" ("Oliveira e Castro PDT", "Costa
    e Silva V", Portuguese and Spanish compound names): every piece between commas is
    "Family INITIALS" and no initials stand inside a piece, so the conjunction joins
    the family's words, not two people ("Lee CD e Costa EF" is two)."""
    pieces = [_GENERATION.sub("", p.strip()) for p in s.split(",") if p.strip(" .")]
    if not any(re.search(r"\s(?:e|y)\s", p) for p in pieces):
        return None
    for p in pieces:
        toks = p.split()
        if (
            len(toks) < 3
            and not re.search(r"\s(?:e|y)\s", p)
            and not (len(toks) == 2 and _VANC_INITIALS.match(toks[-1]))
        ):
            return None
        if not _VANC_INITIALS.match(toks[-1]) or _is_initials(p):
            return None
        if any(_VANC_INITIALS.match(t) for t in toks[:-1]) or toks[0] in ("e", "y"):
            return None
    return tuple(_vancouver(p) for p in pieces)


def _capitals_family(toks: list[str], nxt: str) -> bool:
    """ABNT's "GARCÍA PÉREZ, José María", "LIMA BARRETO, Afonso de", "VAN DER BERG,
    Pieter": a family of several words in capitals, then given names in ordinary case.
    Capitals alone make a body ("INSTITUTO ALFA"), so "José María" became a second
    author and the entry one author too many; a body's words ("INSTITUTO", "MINISTÉRIO")
    still make it a body."""
    name = " ".join(toks)
    return (
        2 <= len(toks) <= 4
        and name.isupper()
        and not any(c.isdigit() for c in name)
        and _ORG_WORDS.search(name) is None
        and _is_given(nxt)
        and not nxt.isupper()
        and not _is_initials(nxt)
    )


def _ends_in_dotted_initials(toks: list[str]) -> bool:
    """ "Luria A.R": a whole name (family, initials), never a family alone."""
    return len(toks) > 1 and toks[-1].isupper() and bool(_DOTTED_INITIALS.match(toks[-1]))


def _looks_direct(piece: str) -> bool:
    toks = piece.split()
    return 2 <= len(toks) <= 4 and all(_CAP_WORD.match(t) or _INITIAL.match(t) for t in toks)
