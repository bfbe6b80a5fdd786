"""What an author name looks like in an in-text citation, and what it does not.

The test that keeps sentences out: a name is one to six words, each capitalised
(``Smith``, ``NATO``, ``Šimić``, ``GÓMEZ``), a particle (``van``, ``der``, ``de``) or a
connector inside an organisation's name (``Ministry of Health``). A lower-case
verb or noun ("bergabung", "shows") means the text is a clause, not a name.

Words that are also surnames (May, Law, Page, Young, Field, Long) are not refused
here: `is_common_word` only marks them, and the extractor makes such a citation
*weak* -- kept when an entry confirms it, never reported as missing on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citeaudit.manuscript.citations.et_al import pattern as et_al_forms


def word_set(words: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string, as lists of words read best."""
    return frozenset(words.split())


# Lower-case words allowed inside a name: name particles and organisation connectors.
PARTICLES = word_set(
    "van von der den de del della des di da do dos das du la le los las ten ter zu zur "
    "al el bin binti ibn af av"
)
CONNECTORS = word_set("of for the on in and und y e et dan für pour para per")

# Words that join two authors of one work, in the languages of reference lists.
AND_WORDS = word_set(
    "and & dan y e und et en och og i ve a és ja și si oraz und và"
    # Arabic and Persian "و", Hebrew "ו", Hindi "और" / "एवं", Bengali "ও" / "এবং", Thai "และ"
    " و ו और एवं ও এবং และ"
)

# Capitalised words that head a parenthesis with a year without being an author.
NOT_NAMES = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januari februari maret mei juni juli agustus oktober desember
    januar februar märz mai oktober dezember
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    janvier février mars avril juin juillet août septembre octobre novembre décembre
    spring summer autumn fall winter
    monday tuesday wednesday thursday friday saturday sunday
    year years tahun jahr año ano since sejak until till hingga sampai pada in on by at
    circa ca around about approximately before after early late mid end awal akhir
    pertengahan anfang mitte seit frühjahr herbst etwa meados início mediados principios
    finales comienzos début milieu
    figure fig figura table tabel tabela tabla gambar chapter bab page vol no
    figures figs figuras tables tab tabs plate plates pl pls pag
    nomor section pasal article act law ad bc ce bce est established founded born died
    source sources fonte fuente sumber quelle author authors autor autores elaborated
    elaborado elaboración own data dados datos census censo
    version versions versão versión versione release
    """
)

# Apostrophes as typists write them: ' ’ and the accents and quotes that stand in for
# one ("D´Arcy", "O‘Brien", "Ma`ruf"). Never a character that is also a letter (the
# modifier apostrophe "ʼ" is one, and a word already holds it): in `_WORD` a mark
# that both letters and separators match makes every split of a run a reading, and
# the match exponential.
APOSTROPHES = "'’´‘`"
# A slash joins the parts of a committee's acronym ("CQFS-RS/SC").
# possessive: "ʼ" (U+02BC) is a letter and an apostrophe, so "Aʼʼʼ…ʼ-" had one reading
# per split of its run: exponential (30 of them 0.3 s, 50 an hour)
# A letter with the combining accents written after it: text pasted from PDFs and some
# XML spells "Marín" as "Mari" + U+0301, and the accent alone is no letter to `\w`.
COMBINING = "\u0300-\u036f"
LETTERS = rf"(?:[^\W\d_][{COMBINING}]*+)++"
COMBINING_MARKS = frozenset(chr(c) for c in range(0x300, 0x370))
_WORD = re.compile(rf"^{LETTERS}(?:[-{APOSTROPHES}./]{LETTERS})*+\.?$")

# A run of white space is entered only at its start ("(?<!\s)") and read whole
# ("\s++": every reading after it opens with a letter): searched from each blank of a
# long run, "(?:,?\s+|^)" re-read the run's rest each time (5,000 blanks 6.5 s).
ET_AL = re.compile(
    r"(?:(?<=[a-z])etal\.?|(?:(?<!\s),?\s++|^)(?:(?:e[tl]|at)\.?\s*al\b\s?\.?|dkk\b\.?|u\.\s?a\.|[ye]\s+cols?\b\.?|et\s+coll?\b\.?|"
    r"(?:and|e|y|et|und)\s+(?:colleagues|co-?workers|collaborators|colaboradores|"
    r"collaborateurs|kollegen|others|outros|otros)|dan\s+kawan-kawan|"
    r"ve\s+(?:diğ(?:erleri)?|ark(?:adaşları)?)\b\.?|" + et_al_forms() + r"))\s*$",
    re.IGNORECASE,
)
# Chinese, Japanese and Korean names: ideographs, kana or Hangul, no case and no
# blank between surname and given name ("王伟", "山田太郎", "김민수"), two to five of
# them. Their co-authors are joined by an ideographic comma or a middle dot ("王伟、李娜",
# "山田・佐藤"); "et al." is glued to the name ("王伟等", "山田ら", "김민수 외").
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_NAME = re.compile(rf"[{CJK_LETTERS}]{{2,5}}")
# Letters of scripts with blanks between words and no capitals: Arabic (with Persian
# and Urdu letters), Hebrew, Devanagari, Bengali, Thai, Georgian. A name in them cannot
# be told by its case ("الشمري", "כהן", "शर्मा"); callers make it weak.
CASELESS_LETTERS = (
    "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u05d0-\u05ea\u0900-\u0963"
    "\u0980-\u09e3\u0e01-\u0e3a\u0e40-\u0e4e"
    "\u10d0-\u10fa"
)
CASELESS_NAME = re.compile(rf"[{CASELESS_LETTERS}][{CASELESS_LETTERS}\u064b-\u065f\u0670'’-]*")
_CJK_ET_AL = re.compile(rf"(?<=[{CJK_LETTERS}])[ \t]?(?:等人|等|ら|ほか|他|외|등)[ \t]*$")
_AND = "|".join(sorted((re.escape(w) for w in AND_WORDS if w != "&"), key=len, reverse=True))
# No leading "\s*": searched from every position of a long run of white space it
# rescanned the run's rest each time (quadratic); the parts are stripped anyway.
_SPLIT = re.compile(rf"(?:,\s*(?:&|(?:{_AND})\s)\s*|,|&|、|・|\s(?:{_AND})\s)\s*")


_DASHES = re.compile(r"[-–—/]")


def is_initial(word: str) -> bool:
    """``P.``, ``J.-P.``: a given-name initial, never a family name."""
    letters = word.replace(".", "").replace("-", "")
    return len(letters) <= 2 and word.endswith(".") and letters.isalpha()


_APOSTROPHE_LIKE = str.maketrans({c: "’" for c in APOSTROPHES if c not in "'’"})


def clean_word(word: str) -> str:
    """Drop stray punctuation a typist left on a name: ``Fakhrunisa.`` -> ``Fakhrunisa``;
    an accent or quote standing for an apostrophe is one (``D´Arcy`` -> ``D’Arcy``)."""
    return word.strip(".,;:'’\"“”").translate(_APOSTROPHE_LIKE)


@lru_cache(maxsize=8192)
def is_common_word(name: str) -> bool:
    """A one-word name that is also a month, a unit of a document or a function word.

    Remembered: the same few names are asked about at every citation of a manuscript.
    """
    words = name.split()
    if len(words) != 1:
        return False
    parts = [p for p in _DASHES.split(clean_word(words[0]).casefold()) if p]
    return bool(parts) and all(p in NOT_NAMES for p in parts)  # "June-September", "May"


# An elided particle written in lower case before the capital of the name:
# "d’Humieres", "l’Hospital", "dell’Acqua" -- a capitalised name all the same; so is
# an Arabic article joined by a hyphen ("el-Hajj", "al-Rashid", "ash-Shami").
_ELIDED = re.compile(
    r"(?:(?:d|l|dall|dell|degli|nell|de)['’]|(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-)(?=[^\W\d_])"
)


# A name written in lower case with a capital inside, as projects, databases and firms
# write theirs: "eBird", "iNaturalist", "speciesLink", "bioRxiv", "pro-iBiosphere".
# Two lower-case letters at least after the capital: "mRNA", "pH", "mAb", "cDNA" are
# terms, not names.
_CAMEL = re.compile(r"^[^\W\d_A-ZÀ-Þ]{1,12}(?:-[^\W\d_A-ZÀ-Þ]{1,12})?[A-ZÀ-Þ][a-zà-ÿ]{2}")


# ... but a word of the sentence glued to the name after it is none ("inWerning",
# "andEvans", "withJones", as text pasted from XML runs writes them).
_GLUED_HEAD = re.compile(
    r"(?:the|with|to|at|on|for|by|and|in|of|from|see|sensu|as|also|following|versus|after|cf"
    r"|em|na|no|nas|nos|por|para"
    r"|com|del|la|el|en|et|und|le|les|des|du|dans|um|uma|un|una|an)[A-ZÀ-Þ]"
)


def is_camel(word: str) -> bool:
    """A brand's lower-case start with a capital inside ("eBird", "pro-iBiosphere"): a
    name, but also the shape of a word glued to a name ("followingOstrom"), so a work
    cited by one is kept only when an entry confirms it."""
    return word[:1].islower() and _ELIDED.match(word) is None and is_capitalised(word)


def is_capitalised(word: str) -> bool:
    """Whether a word starts the way a name does: a capital, an elided particle and a
    capital ("d’Humieres"), or a brand's lower-case start ("eBird", "pro-iBiosphere")."""
    if word[:1].isupper():
        return True
    elided = _ELIDED.match(word)
    if elided is not None:
        return word[elided.end()].isupper()
    camel = _CAMEL.match(word) if word[:1].isalpha() else None
    return camel is not None and _GLUED_HEAD.match(word) is None


def valid_name(part: str) -> bool:
    """Whether `part` has the shape of one author's (or organisation's) name."""
    words = part.split()
    if not 1 <= len(words) <= 6:
        return False
    if len(words) == 1 and CJK_NAME.fullmatch(words[0]):
        return True  # "王伟", "김민수": no case to tell a name by (callers make it weak)
    if len(words) <= 3 and all(CASELESS_NAME.fullmatch(w) for w in words):
        return True  # "الشمري", "עבד אללה": no case either (callers make it weak)
    if all(is_initial(w) for w in words) or (len(words) == 1 and len(words[0]) < 2):
        return False  # "P.", "B" (of "Figure 4B"): a letter is no name on its own
    capitalised = 0
    for i, word in enumerate(words):
        if not _WORD.match(word):
            return False
        if is_capitalised(word):
            capitalised += 1
        elif word.casefold() in PARTICLES or (
            word.casefold() in CONNECTORS and 0 < i < len(words) - 1
        ):
            continue
        else:
            return False
    return capitalised > 0 and is_capitalised(words[-1])


# A dash other than the hyphen between two letters: a double surname as typists and
# typesetters write it, "Segura–García" (en dash), "Iturralde‐Vinent" (U+2010),
# "Lund‑Olsen" (non-breaking hyphen), "Kowalska‒Nowak" (figure dash); the reference
# list spells it with a hyphen. Between digits the same dash is a range, left alone.
DASH_IN_NAME = re.compile(r"(?<=[^\W\d_])[‐‑‒–](?=[^\W\d_])")


# Vietnamese names are written whole in citations, surname first ("Nguyen Van A",
# "Nguyễn Văn An", "Tran Thi Binh"), while many lists give them as "Nguyen, V. A.": the
# surname is the first word (`author_year` reads it so unless an entry opens with the
# whole name). Read whole, the name was a missing work and the entry "never cited".
# Only a common surname followed by a common middle name (or any word with a letter
# only Vietnamese writes: "ư", "ơ", "đ", "ạ"), two to four words: "Le Monde", "Ho Chi
# Minh City" and "Van Gogh" stay as written.
_VI_SURNAMES = word_set(
    "nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ "
    "dang đặng bui bùi do đỗ ho hồ ngo ngô duong dương ly lý truong trương dinh đinh "
    "lam lâm mai trinh trịnh cao luong lương ha hà ta tạ doan đoàn"
)
_VI_MIDDLE = word_set(
    "van văn thi thị duc đức huu hữu quoc quốc dinh đình minh thanh ngoc ngọc xuan xuân "
    "hong hồng kim anh thu thuy thúy tuan tuấn cong công trung hoang hoàng phuong phương "
    "bao bảo gia manh mạnh tien tiến"
)
_VI_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def vietnamese_surname(name: str) -> str | None:
    """The surname of a Vietnamese name written whole, or None (comment above)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0].casefold() not in _VI_SURNAMES:
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    if words[1].casefold() in _VI_MIDDLE or any(_VI_LETTERS.search(w) for w in words[1:]):
        return words[0]
    return None


# A surname of one capital letter ("O", "E", "V": Chinese and Korean names romanised
# so, Dutch "E"), read only beside other names of a work.
_ONE_LETTER = re.compile(r"[A-ZÀ-Þ]")


def parse_names(text: str) -> tuple[tuple[str, ...], bool] | None:
    """Names before the year of a parenthetical item, or None when they are not names."""
    text = DASH_IN_NAME.sub("-", " ".join(text.split()).strip(" ,"))
    et_al = False
    m = ET_AL.search(text) or _CJK_ET_AL.search(text)
    if m:
        et_al = True
        text = text[: m.start()].strip(" ,")
    if not text:
        return None
    pieces = _SPLIT.split(text)
    joins = ["", *_SPLIT.findall(text)]  # what stands before each piece
    parts = [p.strip() for p in pieces if p.strip()]
    if not parts or len(parts) > 8:
        return None
    names: list[str] = []
    for k, raw in enumerate(pieces):
        part = raw.strip()
        if not part:
            continue
        if _ONE_LETTER.fullmatch(part) and len(parts) > 1:
            # "(O & Ng, 2014)", "(E, Li, & O, 2012)": a one-letter surname first or
            # after "&"; after a name and a comma it is that name's initial ("Smith, J")
            if k == 0 or joins[k].strip(" ,"):
                names.append(part)
            continue
        words = part.split()
        if any(is_initial(w) for w in words) and all(
            is_initial(w) or w in PARTICLES for w in words
        ):
            continue  # "Smith, J., 2019", "SANTOS, B. de S.": initials are noise, no author
        if not valid_name(part):
            return None
        names.append(" ".join(clean_word(w) for w in part.split()))
    if not names or all(len(name) == 1 for name in names):
        return None  # "(A & B, 2014)": letters alone are labels, not names
    return tuple(names), et_al
