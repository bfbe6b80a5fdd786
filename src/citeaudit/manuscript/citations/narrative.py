"""Names written before a year: ``Smith and Lee (2019)``, ``Hart and Lomé, 2019``.

`names_before` reads backwards from the year over a bounded window, so a manuscript
that is one long line costs the same per citation as any other. It may take in a
capitalised word before the names ("Menurut Hadiwinata", "Na Argentina, Rojas e
Pinto"); `citeaudit.matching.citations` cuts such words away when an entry shows
where the names really start.

`citing_context` says whether the words around the marker are how writers cite
("See also Thompson (2015)", "Thompson (2015) showed"): only such an unconfirmed
narrative is worth a possible-missing-reference, not "Georgia (1993)" in a list of
accession years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from citeaudit.manuscript.citations.et_al import AFTER_AND, ALONE, et_al_words
from citeaudit.manuscript.citations.names import (
    AND_WORDS,
    APOSTROPHES,
    COMBINING_MARKS,
    CONNECTORS,
    DASH_IN_NAME,
    LETTERS,
    PARTICLES,
    clean_word,
    is_capitalised,
    is_initial,
    valid_name,
    word_set,
)

# An opening bracket is a token of its own: in "[Dhir and Tsai (2017); ...]" the names
# start after it (glued to "Dhir" it hid the first author: "Tsai (2017)" was read).
# A sentence's end glued to the next word ("in 2008.Niemelä and Spence (1999)", as
# text pasted from XML runs joins them) is a token of its own: glued, the name was lost.
# A cue or connecting word glued to the name after it: "inWerning", "andEvans".
# ... and "the", "por", "pelo", "pela" ("for example thePubPeer (2017)", "citados
# porEPdata (2020)": SciELO's XML drops the space before a link, class c13-GW), before
# a capital and a lower-case letter or a short run of capitals and one ("EPdata")
GLUED_WORDS = "(?:sensu|see|and|in|of|by|from|the|por|pelo|pela)"
GLUED_NAME = "(?=[A-ZÀ-Þ]{1,3}[a-zà-ÿ])"
_GLUED_WORD = re.compile(rf"{GLUED_WORDS}{GLUED_NAME}")
# So is a short word glued to the name after it ("as reported inHorner & Currie (1994)",
# "sensuLeal (2004)"), as XML that drops the space before a link writes it.
# A hyphenated name a wrapped source breaks at its hyphen ("Fernández-\nGarcía") is one
# token, its line break taken out of the name (`_unwrapped`).
# CJK punctuation writes no blank after it: "研究。Smith（2015）", "如下，Jones et al.
# (2014)" -- each such mark is a token of its own, or the name glued to it was lost.
_WIDE = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_TOKEN = re.compile(
    rf"(?<![^\W\d_]){GLUED_WORDS}{GLUED_NAME}|"
    rf"{LETTERS}(?:[-{APOSTROPHES}.]{LETTERS}|-\n[ \t]*+{LETTERS})*+\.?|&|,|[(\[{{]"
    rf"|[\d.)\]]++(?=[^\W\d_])"
    rf"|[{_WIDE}]|[^\s,&{_WIDE}]+"
)
# A possessive ("Smith's", "Jones'", "et al.'s") or a case ending after an apostrophe,
# as Turkish (and Finnish, Estonian) inflect a name: "Çelik'e (2017) göre", "Aydın'ın
# (2015a, 2015b)": lower-case letters only, so "O'Brien (2019)" keeps its name.
# A name of two or three capitals alone in a comma-joined run: a place's code ("SP",
# "RJ", "EUA", "UK"), read as a place-and-date stamp, not an author list.
_PLACE_CODE = re.compile(r"[A-Z]{2,3}")
_POSSESSIVE = re.compile(r"['’][^\W\d_A-ZÀ-Þ]{0,4}$")
# An article elided onto the name, as Italian and French write them: "secondo l'ISTAT
# (2020)", "nell'Organizzazione ... (2016)", "selon l'UNESCO (2018)", and any elided word
# before an acronym ("i dati dell'OCSE (2019)"). The name starts after the apostrophe.
# A particle of a surname stays ("d'Aubrac", "dell'Orso"), and so does a capital before
# the apostrophe ("O'Brien", "D'Angelo"; "O'NEILL" in capitals too), but not a
# sentence's capital "L'" or "Dell'" before an acronym ("L'INSEE (2021)").
_ELIDED = re.compile(
    r"^(?:(?:l|nell|all|dall|sull|coll|qu)['’](?=[A-ZÀ-Þ])"
    r"|(?:L|[A-Za-zà-ÿ][a-zà-ÿ]{1,3}|[a-zà-ÿ])['’](?=[A-ZÀ-Þ][A-ZÀ-Þ\d&-]*(?![^\W\d_])))"
)
# A possessive name and the one or two lower-case words of what it names before the
# year: "Clarke’s description (1881)", "Ruiz and Pavon’s synonymy (1802)", "Huft’s
# treatment (1994)" -- the work is the name's, cited by its year. (Bounded: linear.)
_POSSESSIVE_NOUN = re.compile(r"(?<=[^\W\d_])['’]s?(?:[ \t]+[^\W\d_A-ZÀ-Þ]{3,20}){1,2}$")
_POSSESSIVE_NOUN_REACH = 48
_NAME_MARKS = "-." + APOSTROPHES
# Searched from the blanks' first only (not after a blank): tried from every blank of a
# run with no bracket after it, each try ran to the run's end (quadratic).
_BRACKETED_ACRONYM = re.compile(r"(?<!\s)\s*+\[([A-ZÀ-Þ][A-ZÀ-Þa-z&.\-]{0,14})\]$")
# ... or in parentheses, capitals only: "Badan Pusat Statistik (BPS) (2019)"
_PARENTHESISED_ACRONYM = re.compile(r"(?<!\s)\s*+\(([A-ZÀ-Þ][A-ZÀ-Þ&.\-]{1,14})\)$")
# A translation's gloss after the name, "Ministério da Saúde [Ministry of Health] (2019)",
# as SciELO's English versions write it: the list holds the name before it (a
# capitalised run of two words or more with a lower-case letter; one word is as likely
# an acronym in title case, "Fundação Oswaldo Cruz [Fiocruz] (2019)", read below).
# (The same first blank only; the first word taken whole at once, as it runs to a blank,
# a hyphen or the bracket anyway: split at each lower-case letter, quadratic.)
_BRACKETED_GLOSS = re.compile(
    r"(?<!\s)\s*+\[[A-ZÀ-Þ](?>[^\W\d_]*[a-zà-ÿ][^\W\d_]*)(?:[ -][^\W\d_]++){1,6}\]$"
)
_GLOSS_REACH = 64
_COLLEAGUES = word_set(
    "colleagues coworkers co-workers collaborators colaboradores collaborateurs kollegen "
    "others outros otros kawan-kawan"
)
# Capitalised words that open a sentence before a name, never part of one. Articles
# ("The ENCODE Consortium", "A FOLHA") and particles ("De", "Van", "La") stay.
_STARTERS = word_set(
    """
    in on at as see also according following after before for from by with
    while although unlike like since when both thus however recently later earlier
    further furthermore moreover similarly indeed here this these that those our we
    na no nos nas em segundo conforme consoante para com como seguindo já assim ainda
    según en para con dans selon comme pour avec nach laut im
    menurut dalam oleh pada seperti
    """
)
_LAST_WORDS = (
    _COLLEAGUES
    | {form for word in (*AFTER_AND, *ALONE) for form in (word, f"{word}.")}
    | {"al.", "al"}
)
_CUE_BEFORE = word_set(
    """
    see also cf cf. following per like unlike as apud segundo conforme según selon nach
    laut gemäß menurut lihat ver véase vgl. vgl siehe e.g. e.g., i.e. consoante secondo
    """
)
# "Para Bronstein (2013), ..." is Portuguese and Spanish for "according to", but only
# where it opens the sentence: "os dados para Minas Gerais (2010)" is "for" a place.
_OPENING_CUES = frozenset({"Para"})
# "by" cites only after a participle of research ("shown by"), not "ratified by".
_BY_AFTER = word_set(
    """
    shown proposed described reported suggested developed defined introduced used adapted
    modified reviewed discussed found noted observed presented demonstrated argued studied
    investigated examined analysed analyzed measured estimated obtained performed conducted
    published given written explained outlined summarised summarized
    """
)
_CUE_PAIRS = frozenset(
    {
        "according to",
        "similar to",
        "contrary to",
        "compared to",
        "compared with",
        "in contrast to",
        "analogous to",
        "work of",
        "study of",
        "studies of",
        "de acordo",
        "de acuerdo",
        "acordo com",
        "acuerdo con",
        "palavras de",
        "palabras de",
        "parole di",
        "nas palavras",
        "en palabras",
    }
)
# Portuguese and Spanish reporting verbs whose stem is also a noun's or a participle's
# ("o Censo (2010) realizado pelo IBGE", "estudos", "avaliação"): their finite forms
# only, the third persons of the present and the past ("estudou", "estudió", "estudia",
# "desenvolveu", "desarrolló", "identificaram", "definen").
_IBERIAN_FINITE = r"(?:ou|aram|am|a|ó|aron|an|eu|eram|em|e|iu|iram|ió|ieron|en|ia|iam|ian)\b"
_IBERIAN_VERBS = (
    r"(?:estud|verific|identific|encontr|constat|relat|demonstr|evidenci|ressalt|enfatiz|"
    r"investig|explic|desenvolv|desarroll|caracteriz|avali|evalu|realiz|defin|descrev|"
    rf"sintetiz|discorr){_IBERIAN_FINITE}"
    r"|prop(?:ôs|õe|õem|useram|uso|usieron|one|onen)\b|sugir|evalú|aponta|postul"
)
# Verbs a writer puts after a cited author ("Thompson (2015) showed"), not after a law,
# a treaty or a country ("the Protocol (1997) established").
_REPORTING = re.compile(
    r"^[\s,]*(?:(?:has|have|had|also|then|later|further|recently|first|previously|"
    r"clearly|already|thus|também|también|já|ya|ainda|aún)\s+)?"
    rf"(?:{_IBERIAN_VERBS}|"
    r"(?:show|found|find|argu|report|suggest|propos|describ|demonstrat|not(?:e|ed|es)\b|"
    r"observ|conclud|claim|point(?:s|ed)?\s+out|emphasi[sz]|explain|discuss|"
    r"hypothesi[sz]|posit|contend|assert|wrote|writ|analy[sz]|examin|investigat|studi|"
    r"review|summari[sz]|treat|recogni[sz]|consider|regard|transferr|synonymi[sz]|"
    r"list(?:s|ed)\b|record(?:s|ed)\b|mostr|afirm|apont|destac|defend|suger|conclu|"
    r"argument|discut|analis|"
    r"señal|muestr|sostien|plante|sugier|zeig|argumentier|betont|beschreib|"
    r"menyatakan|mengatakan|menjelaskan|berpendapat|mengemukakan|menemukan|menunjukkan|"
    r"montr|affirm|soulign|écrit))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NamesBefore:
    offset: int  # where the first name starts in the text given
    authors: tuple[str, ...]
    et_al: bool
    possessive: bool
    guessed: bool = False  # a lower-case name before "et al.": weak, whatever the context


# `names_ending_at` gives the fields by position: a field added must fail here, at import.
assert tuple(f.name for f in fields(NamesBefore)) == (
    "offset",
    "authors",
    "et_al",
    "possessive",
    "guessed",
), "NamesBefore's fields changed: update names_ending_at"


def may_end_names(text: str, end: int) -> bool:
    """A cheap test before `names_before`: does the word ending at `end` (spaces, a
    possessive and markup blanks skipped) look like the end of names -- capitalised,
    "et al.", "colleagues"? "in 2019" and "= (2019)" are ruled out without tokenising."""
    j = end - 1
    while j >= 0 and end - j < 8 and text[j] in " \t\n\xa0,":
        j -= 1
    if j >= 0 and text[j].islower():  # "Clarke’s description (1881)": the name before
        noun = _POSSESSIVE_NOUN.search(text, max(0, j + 1 - _POSSESSIVE_NOUN_REACH), j + 1)
        if noun is not None:
            j = noun.start() + (2 if text[noun.start() + 1 : noun.start() + 2] == "s" else 1)
            j -= 1
    if j >= 0 and text[j] in "])":  # "World Health Organization [WHO] (2020)", a gloss
        opening = text.rfind("[" if text[j] == "]" else "(", max(0, j - _GLOSS_REACH), j)
        if opening < 0:
            return False
        j = opening - 1
        while j >= 0 and text[j] == " ":
            j -= 1
    if j >= 1 and text[j] in "'’":
        j -= 1
    elif j >= 2 and text[j] == "s" and text[j - 1] in "'’":
        j -= 2
    stop = j + 1
    while (
        j >= 0
        and stop - j <= 40
        and (text[j].isalpha() or text[j] in _NAME_MARKS or text[j] in COMBINING_MARKS)
    ):
        j -= 1
    if stop - j == 2 and text[stop - 1] == "." and j >= 0 and text[j] == " ":
        j -= 1  # "et al . (2018)": the full stop set apart from "al"
        while j >= 0 and stop - j <= 40 and text[j].isalpha():
            j -= 1
    word = text[j + 1 : stop].replace(" ", "")
    if not word or not word[0].isalpha():
        return False
    glued = _GLUED_WORD.match(word)
    if glued:
        word = word[glued.end() :]  # "described inWerning (2012)"
    elided = _ELIDED.match(word)
    if elided:
        word = word[elided.end() :]  # "secondo l'ISTAT (2020)"
    return is_capitalised(word) or word.casefold() in _LAST_WORDS


def names_ending_at(text: str, end: int, floor: int) -> NamesBefore | None:
    """`names_before` on ``text[floor:end]``, offsets into `text`; a short window first,
    the whole one only when the names may reach further back (most lookups fail fast)."""
    start = max(floor, end - 48)
    found = names_before(text[start:end])
    glossed = found is None and text[start:end].rstrip(" ,").endswith(("]", ")"))
    if start > floor and (glossed or (found is not None and found.offset < 16)):
        # ... or a gloss in brackets after the names took the short window: "IBGE
        # [Brazilian Institute of Geography and Statistics] (2020)"
        start = floor
        found = names_before(text[start:end])
    if found is None:
        return None
    # the fields by position: `dataclasses.replace` cost as much as the rest (a one-line
    # manuscript asks this for every "Name (2019)")
    return NamesBefore(
        start + found.offset, found.authors, found.et_al, found.possessive, found.guessed
    )


@lru_cache(maxsize=4096)
def names_before(prefix: str) -> NamesBefore | None:
    """Author names that end `prefix` (the text before a year), or None.

    Remembered per window: repetitive text (tables, floods) asks the same again."""
    body = DASH_IN_NAME.sub("-", prefix.rstrip())  # "Segura–García": one character each
    if body.endswith(","):
        body = body[:-1].rstrip()  # "Borrell et al., (1997) showed": a comma before the year
    if body.endswith(" .") and body[:-2].endswith(" al"):
        body = body[:-2] + "."  # "Magnier et al . (2018)": the full stop set apart
    possessive = _POSSESSIVE.search(body) or _POSSESSIVE_NOUN.search(body)
    if possessive:
        body = body[: possessive.start()]
    gloss = _BRACKETED_GLOSS.search(body)
    if gloss:  # "Ministério da Saúde [Ministry of Health] (2019)": the name before it
        body = body[: gloss.start()]
    acronym = (
        None if gloss else _BRACKETED_ACRONYM.search(body) or _PARENTHESISED_ACRONYM.search(body)
    )
    if acronym:  # "World Health Organization [WHO] (2020)", "... Statistik (BPS) (2019)"
        body = body[: acronym.start()]
    tokens = [_unelided(t.group(), t.start()) for t in _TOKEN.finditer(body)]
    i = len(tokens) - 1
    et_al = False
    if (
        i >= 1
        and tokens[i][0].casefold() in ("al.", "al")
        and tokens[i - 1][0] in ("et", "et.", "el", "at")  # "et. al.", "el al.", "at al."
    ):
        et_al, i = True, i - 2
    elif n := et_al_words([t for t, _ in tokens[max(i - 1, 0) : i + 1]]):
        et_al, i = True, i - n  # "McNeill ve ark.", "Novak in sod.", "Lee dkk.", "y col."
    elif (
        i >= 1
        and tokens[i][0].casefold() in _COLLEAGUES
        and tokens[i - 1][0].casefold() in AND_WORDS
    ):
        et_al, i = True, i - 2  # "Ramos and colleagues (2015)"
    comma_et_al = et_al and i >= 1 and tokens[i][0] == ","
    if comma_et_al:
        i -= 1  # "Pereira, et al. (2017)", "Santoso, dkk (2016)"
    i = _past_suffix(tokens, i)  # "Kaelin, Jr (2005)": Kaelin's
    first = _name_back(tokens, i)
    if first is None:
        if et_al and i >= 0 and _lower_name(tokens[i][0]):
            # "yeates et al. (2019)": a name typed in lower case; only before "et al."
            return NamesBefore(tokens[i][1], (tokens[i][0],), True, possessive is not None, True)
        return None
    names = [first]
    j = first[0] - 1
    # "et al." follows one name only: in "the tribe Aeae, and Olmstead et al. (2008)"
    # the words before "and" belong to the sentence, not to the citation.
    if j >= 0 and tokens[j][0].casefold() in AND_WORDS and not et_al:
        k = j - 1 if j >= 1 and tokens[j - 1][0] == "," else j
        second = _name_back(tokens, _past_suffix(tokens, k - 1))
        if second is not None:
            names.insert(0, second)
            j = second[0] - 1
            while j >= 1 and tokens[j][0] == "," and len(names) < 8:
                more = _name_back(tokens, j - 1)
                if more is None:
                    break
                names.insert(0, more)
                j = more[0] - 1
    elif not et_al and j >= 1 and tokens[j][0] == ",":
        # "Lobato, Lobo, Oliveira (2018)": three names or more joined by commas alone
        # are the work's authors (read as "Oliveira (2018)", no entry's first author:
        # REAL_MANUSCRIPTS_13, class LO); two ("In Brazil, Oliveira (2018)") are a
        # sentence's words and a name, as before
        listed: list[tuple[int, str]] = []
        k = j
        while k >= 1 and tokens[k][0] == "," and len(listed) + len(names) < 8:
            more = _name_back(tokens, k - 1)
            if more is None:
                break
            listed.insert(0, more)
            k = more[0] - 1
        # ... unless one of them is a state's or country's code: "São Paulo, SP, Brasil,
        # 2020" under a table is where and when its data were taken, and read as three
        # authors it was linked to an entry of 2020 in a numbered article (lf15's rule)
        if len(listed) >= 2 and not any(_PLACE_CODE.fullmatch(name) for _, name in listed):
            names[:0] = listed
            j = k
    elif comma_et_al:
        # "Tanaka, Jones, et al. (2020)": APA's second name, added to tell two works
        # of "Tanaka et al. (2020)" apart -- the list starts at the first name (a
        # sentence's words before it are dropped below, or by the matcher's shorter
        # readings: "In Brazil, Pereira, et al. (2017)")
        while j >= 1 and tokens[j][0] == "," and len(names) < 8:
            more = _name_back(tokens, j - 1)
            if more is None:
                break
            names.insert(0, more)
            j = more[0] - 1
    while len(names) > 1 and names[0][1].casefold() in _STARTERS:
        names.pop(0)  # "Later, Quillfeldt and Arno": a sentence's first word and a comma
    first_token, first_name = names[0]
    words = first_name.split()
    dropped = 0
    while len(words) > 1 and words[0].casefold() in _STARTERS:
        words.pop(0)  # "Seguindo Costal et al.", "See Thompson": a sentence's first word
        dropped += 1
    names[0] = (first_token + dropped, " ".join(words))
    authors = tuple(name for _, name in names)
    if acronym and not et_al:
        authors = (*authors[:-1], f"{authors[-1]} [{acronym.group(1)}]")
    return NamesBefore(tokens[names[0][0]][1], authors, et_al, possessive is not None)


# a name's generation written after a comma: "Kaelin, Jr (2005)", "Vale, Sr. (2007)",
# "Tarn, III (2008)" -- with or without its full stop
_SUFFIXES = frozenset(("Jr", "Jr.", "Sr", "Sr.", "Jnr", "Jnr.", "Snr", "Snr.", "II", "III", "IV"))


def _past_suffix(tokens: list[tuple[str, int]], i: int) -> int:
    """The token the name ends at when token `i` is a generation after a comma ("Kaelin,
    Jr"): the name before the comma; else `i`. Read as the name, "Jr (2005)" was a
    possible missing reference and Kaelin's entry "never cited" (REAL_MANUSCRIPTS_13,
    class JR); with its full stop, "Jr." opened no name and the citation was lost."""
    if i >= 2 and tokens[i][0] in _SUFFIXES and tokens[i - 1][0] == ",":
        return i - 2
    return i


def _unelided(token: str, start: int) -> tuple[str, int]:
    """A token with an elided article or preposition before a name ("l'ISTAT",
    "dell'OCSE") as the name alone, and where the name starts."""
    elided = _ELIDED.match(token)
    if elided is None:
        return token, start
    return token[elided.end() :], start + elided.end()


def _lower_name(word: str) -> bool:
    """Whether a lower-case word before "et al." may be a surname typed in lower case:
    letters only, three or more, and no word of a sentence's own ("and", "the")."""
    folded = word.casefold()
    return (
        len(word) >= 3
        and word.isalpha()
        and word.islower()
        and folded not in _STARTERS
        and folded not in CONNECTORS
        and folded not in AND_WORDS
        and folded not in _LAST_WORDS
    )


def _name_back(tokens: list[tuple[str, int]], i: int) -> tuple[int, str] | None:
    """The name ending at token `i`: (index of its first token, the name)."""
    if i < 0:
        return None
    words: list[str] = []
    j = i
    while j >= 0 and len(words) < 5:
        word = tokens[j][0]
        if not word[0].isalpha():
            break
        if word.endswith(".") and not is_initial(word) and j != i:
            break  # the end of the previous sentence
        folded = word.casefold()
        if not is_capitalised(word) and folded not in PARTICLES and folded not in CONNECTORS:
            break
        if (folded in AND_WORDS and not word[0].isupper()) or word == "in":
            break  # "Rankin in Alston et al. (1981)": the work is Alston's
        words.insert(0, word)
        j -= 1
    while words and not is_capitalised(words[0]) and words[0].casefold() not in PARTICLES:
        words.pop(0)
    if words and len(words) == i - j and words[-1].casefold() in _NUMBERED_ORGANISATIONS:
        words = _numbered_organisation(tokens, j, words)
    first = i - len(words) + 1
    # Leading initials belong to a given name ("J. Smith"): drop them.
    while words and is_initial(words[0]):
        words.pop(0)
        first += 1
    if not words:
        return None
    words = [_unwrapped(w) for w in words]
    name = " ".join(clean_word(w) for w in words)
    if not valid_name(" ".join(w for w in words if not w.isdigit())):
        return None
    return first, name


# the last words of an organisation whose name holds a number: "1000 Genomes Project
# Consortium", "Drosophila 12 Genomes Consortium"
_NUMBERED_ORGANISATIONS = frozenset(
    ("consortium", "project", "group", "team", "network", "initiative", "collaboration")
)
_NAME_NUMBER = re.compile(r"\d{1,4}")
_YEAR_LIKE = re.compile(r"(?:1[5-9]|20)\d\d")


def _numbered_organisation(tokens: list[tuple[str, int]], j: int, words: list[str]) -> list[str]:
    """An organisation's name taken on past a number inside it (token `j`): "Drosophila
    12 Genomes Consortium (2007)" was "Genomes Consortium", no entry's, and the entry
    was called never cited. Only a number of at most four digits that is no year ("in
    2010 Genomes ..."), before a capitalised word, and the capitalised words before it."""
    if j < 0 or not _NAME_NUMBER.fullmatch(tokens[j][0]) or _YEAR_LIKE.fullmatch(tokens[j][0]):
        return words
    if not is_capitalised(words[0]):
        return words
    before = tokens[j - 1][0] if j >= 1 else ""
    if before.casefold() == "the":
        return [tokens[j][0], *words]  # "the 1000 Genomes Project Consortium"
    taken = [tokens[j][0], *words]
    k = j - 1
    while k >= 0 and len(taken) < 6 and tokens[k][0][:1].isalpha() and is_capitalised(tokens[k][0]):
        word = tokens[k][0]
        if (word.endswith(".") and not is_initial(word)) or word.casefold() in _ARTICLES:
            break
        taken.insert(0, word)
        k -= 1
    if len(taken) == len(words) + 1 or taken[len(taken) - len(words) - 2].casefold() in _LABELS:
        return words  # "grew 12 Research Group", "Figure 12 Genomes Project": a count, a label
    return taken


_ARTICLES = frozenset(("the", "a", "an"))
# words whose number a label's is: "Figure 12 Genomes Project" is no name
_LABELS = word_set(
    "figure fig table tab chapter section box study group phase step stage day week "
    "year grade version appendix panel model"
)


_HYPHEN_BREAK = re.compile(r"-\n[ \t]*")


def _unwrapped(word: str) -> str:
    """A name as written before a wrapped line cut it at its hyphen."""
    return _HYPHEN_BREAK.sub("-", word) if "\n" in word else word


def citing_context(before: str, after: str) -> bool:
    """Whether the words just before the names or just after the year are how a writer
    introduces a citation."""
    raw = before.split()[-2:]
    words = [w.casefold().strip(",") for w in raw]
    if words and words[-1] in _CUE_BEFORE:
        return True
    if raw and raw[-1] in _OPENING_CUES and _opens_sentence(before, len(raw[-1])):
        return True
    if len(words) == 2 and (
        " ".join(words) in _CUE_PAIRS or (words[1] == "by" and words[0] in _BY_AFTER)
    ):
        return True
    return bool(_REPORTING.match(after.lstrip(" )]")))


def _opens_sentence(before: str, cue_length: int) -> bool:
    """Whether the cue word ending `before` opens a sentence: at the text's start or
    after a sentence's end (a full stop, a question or exclamation mark, a colon)."""
    rest = before.rstrip()[:-cue_length].rstrip(" \t\xa0*_\"'“«")
    return not rest or rest.endswith(("\n", ".", "?", "!", ":", ";"))
