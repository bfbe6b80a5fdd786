"""A surname declined by grammatical case: "Kowalskiego (2017)" cites Kowalski.

Polish, Czech, Slovak, Slovene, Croatian, Serbian, Lithuanian, Russian, Ukrainian and
German texts decline the names they cite: "Zdaniem Kowalskiego (2017)" (Polish
genitive of Kowalski), "według Nowaka (2019)", "badania Wiśniewskiej (2020)" (of
Wiśniewska), "podle Dvořáka (2016)", "по данным Росстата (2021)" (of Росстат), "das
Statistische Bundesamt (2021)" and "vom Statistischen Bundesamt (2021)" for an entry
of Statistisches Bundesamt. An editor reads each as the listed name at once. Unread,
the entry was "never cited"; read as a misspelling, the citation drew a
citation-name-mismatch for correct grammar.

`declined` compares two folded names (`citeaudit.matching.names.normalise_name`:
lower case, accents and script folded, so Cyrillic is compared in Latin letters):
the listed name's stem with one of its nominative endings cut, and the cited name's
with one of the case endings these languages put there. Only those endings: a free
suffix would make "Browne" a form of Brown and "Smithson" one of Smith, two other
people. Not the German genitive "-s" either ("Luhmanns (1984) Systemtheorie"):
Roberts, Williams and Rochas are names of their own beside Robert, William and Rocha,
so that one stays a citation-name-mismatch, a warning an editor can dismiss. The
stem must be four letters or more (a short stem declined is too often another name).
Multi-word names (organisations) compare word by word, each word the same or
declined, so "statistische bundesamt" is "statistisches bundesamt".

Callers use it only where no entry has the cited name as written, for the one entry
of the cited year it fits, as for another transliteration.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["declined"]

SHORTEST_STEM = 4  # letters

# Nominative endings a declined form replaces (folded spellings): Kowalsk-i,
# Wiśniewsk-a, Novotn-ý/-á, Dostoevsk-ii/-ij/-iy/-y (-ий), Tolst-oi (-ой),
# Kazlausk-as, Statistisch-es (German strong adjective), or nothing (Nowak, Ivanov).
_LISTED = frozenset(
    {
        "",
        "a",
        "i",
        "y",
        "ii",
        "ij",
        "iy",
        "yi",
        "yj",
        "oi",
        "oj",
        "aia",
        "aya",
        "as",
        "is",
        "us",
        "es",
    }
)
# Case endings (folded): Polish -a -u -owi -em -iem -ego -emu -im -ym -ej -iej -ą (a);
# Czech/Slovak -a -ovi -em -ého -ému -ém -ým -é -ou; Slovene/Croatian/Serbian -a -u
# -om -em; Lithuanian -o -ui -ą (a) -u; Russian (folded) -a -u -om -ym -im -oi -oj
# -ogo -omu -ei -ej -oi -oiu -uiu -ia (й and я folded as y, ya: -oy -ey -oyu -ya);
# German -e -en (weak adjective: "das Statistische", "vom Statistischen").
_CASE = frozenset(
    {
        "a",
        "u",
        "o",
        "ovi",
        "owi",
        "em",
        "iem",
        "om",
        "ego",
        "iego",
        "emu",
        "iemu",
        "im",
        "ym",
        "ej",
        "iej",
        "ei",
        "ou",
        "ui",
        "ogo",
        "omu",
        "oi",
        "oj",
        "oiu",
        "uiu",
        "iu",
        "ia",
        "ikh",
        "ykh",
        "ami",
        "ovoi",
        "evoi",
        "oy",
        "ey",
        "oyu",
        "eyu",
        "uyu",
        "yu",
        "ya",
        "e",
        "en",
    }
)
# Endings that decline only some nominatives: German weak endings on a German
# adjective or noun (cut from "-es" or added to nothing), Slavic "-e" of the locative
# and of Czech feminine adjectives ("Novotné" for Novotná) -- but never "-e" added to a
# name ending in a consonant ("Browne" for Brown is another person); Lithuanian "-o"
# and "-ui" only for "-as", "-us", "-is" (Paulo, Paul). No bare "-i" or "-y", nor
# "-en" added to a name: Lorenzi, Hansen are names of their own beside Lorenz, Hans.
_ONLY_AFTER = {
    "e": frozenset({"es", "a", "y"}),
    "en": frozenset({"es"}),
    "o": frozenset({"as", "us", "is"}),
    "ui": frozenset({"as", "us", "is"}),
}
# Nominative endings that decline into a few cases only: Finnish "-nen" (Virtanen,
# "Virtasen (2019) mukaan"), Latvian "-s"/"-š" (Bērziņš, "Bērziņa"), Greek "-os"
# (Παπαδόπουλος, "Παπαδόπουλου"), Ukrainian "-o" (Шевченко, "Шевченка"). Only these
# pairs: "-s" or "-o" followed by any case ending would make Evans "Evana" and Rosso
# "Rossi".
_ONLY_CASES = {
    "nen": frozenset({"sen", "sta", "selle", "sella", "sesta", "seen"}),
    "s": frozenset({"a"}),
    "os": frozenset({"ou", "oy", "o"}),  # ου folds as "oy"
    "o": frozenset({"a", "u", "om", "ovi"}),
}
LONGEST_WORDS = 6


@lru_cache(maxsize=16384)
def declined(cited: str, listed: str) -> bool:
    """Whether the folded cited name is the folded listed name in another grammatical
    case (word by word for names of several words; at least one word declined)."""
    cited_words, listed_words = cited.split(), listed.split()
    if not cited_words or len(cited_words) != len(listed_words) or len(cited_words) > LONGEST_WORDS:
        return False
    changed = False
    for c, li in zip(cited_words, listed_words, strict=True):
        if c == li:
            continue
        if not _declined_word(c, li):
            return False
        changed = True
    return changed


def _declined_word(cited: str, listed: str) -> bool:
    for cut in range(0, 4):
        if cut > len(listed) - SHORTEST_STEM:
            break
        stem, ending = listed[: len(listed) - cut], listed[len(listed) - cut :]
        if not cited.startswith(stem):
            continue
        case = cited[len(stem) :]
        only = _ONLY_CASES.get(ending)
        if only is not None:
            if case in only:
                return True
            continue
        if ending not in _LISTED or case == ending or case not in _CASE:
            continue
        allowed = _ONLY_AFTER.get(case)
        if allowed is not None and ending not in allowed:
            continue
        return True
    return False
