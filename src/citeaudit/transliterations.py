"""One name as different languages transliterate it: Voloshinov, Vološinov,
Volóchinov, Volochínov; Bakhtin, Bakhtine, Bajtín, Bachtin.

A Russian (or other Cyrillic) author reaches a Portuguese, Spanish, French or English
reference list through that language's own transliteration, and the text may follow
another edition's: "(VOLOSHINOV, 2017)" for an entry of "VOLÓCHINOV, V. 2017". The
spellings differ by more than a typo (Bakhtin / Bajtín is three edits), yet an editor
links them at once, and calling the citation missing and the entry uncited would be
two false alarms; nor is it a misspelling to report.

`skeleton` folds what transliterations disagree on -- the letters for х, ш, ч, щ, ж
(kh, h, ch, sh, sch, shch, j, x, zh: one class), a caron written out (š -> sh), w
for v, a French final "e", y for i, doubled letters, the ending -ий/-ый/-ой written
-y, -ii, -ij, -iy or -i (Vygotsky, Vygotskii, Vygotskij) and the й or the iotation
of е written between vowels or not (Dostoyevsky, Dostoevsky; Sergeyev, Sergeev) --
and keeps every vowel and
every other consonant, so names that differ in anything else (Hansen, Hanson) keep
different skeletons. `citeaudit.matching.citations` uses it only when no entry has the
cited name, for the one entry of the cited year whose first author has the same
skeleton.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["skeleton", "transliterated"]

# Letters with a caron or acute that a transliteration writes as two (Czech/Croatian
# scholarly transliteration vs English/French/Portuguese practice).
_CARONS = str.maketrans({"š": "sh", "č": "ch", "ž": "zh", "ć": "ch", "ś": "sh", "ź": "zh"})
# х, ш, ч, щ, ж as languages write them, longest first; one class "H".
_HUSHING = re.compile(r"shch|sch|tsch|tch|sh|ch|kh|zh|j|x|h")
_DOUBLED = re.compile(r"(.)\1+")
# й written at a name's end after a vowel, or -ий/-ый (-ij, -iy, -ii, -yj, -yi, -y)
_FINAL_GLIDE = re.compile(r"(?:[iy][ijy]|[jy])$")
# й, or the iotation of е/ё/ю/я, written "y" or "j" between vowels, or not written
_GLIDE = re.compile(r"(?<=[aeiou])[yj](?=[aeiou])")
SHORTEST = 6  # letters: a shorter name has too few letters to tell transliteration


# What marks a name as transliterated from Cyrillic: a Slavic ending or a cluster only
# transliteration writes. "Fisher" and "Fischer" share a skeleton, but neither is.
_SLAVIC = re.compile(r"kh|zh|shch|(?:ov|ev|in|ine|ii|ij|iy|sky|ski|skii|enko|vich)$")


def transliterated(cited: str, listed: str) -> bool:
    """Whether two different spellings are one name transliterated twice: the same
    first letter and `skeleton`, and one of them written with an accent or caron
    ("Bajtín", "Vološinov") or shaped as a Cyrillic name is ("Voloshinov"). Other
    names sharing a skeleton (Fisher, Fischer) are a misspelling to report."""
    a, b = skeleton(cited), skeleton(listed)
    if not a or a != b or a[0] != b[0]:
        return False
    for name in (cited, listed):
        letters = unicodedata.normalize("NFC", name).lower()
        if any(ord(ch) > 127 and ch.isalpha() for ch in letters):
            return True
        if _SLAVIC.search(re.sub(r"[^a-z]", "", letters)):
            return True
    return False


# Names longer than this are folded afresh on each call, not cached: a name is a few
# dozen characters, and a hostile list of 65,536 distinct 10 kB "names" (a .bib author
# field, a raw entry's head) would otherwise keep gigabytes alive in a long-lived worker
# after its audit ended. Bounded so, the cache holds at most 65,536 x 100 characters
# (tens of megabytes even in four-byte characters); a longer name is rare and cheap.
CACHED_LONGEST = 100


def skeleton(name: str) -> str:
    """The name with transliteration differences folded ("" for names shorter than
    `SHORTEST` letters): "Bajtín" and "Bakhtine" -> "baHtin", "Vološinov" and
    "Volóchinov" -> "voloHinov"."""
    if len(name) > CACHED_LONGEST:
        return _fold(name)
    return _cached_fold(name)


def _fold(name: str) -> str:
    """`skeleton`, uncached."""
    low = unicodedata.normalize("NFC", name).lower().translate(_CARONS)
    letters = re.sub(r"[^a-z]", "", anyascii(low).lower())
    if len(letters) < SHORTEST:
        return ""
    letters = _FINAL_GLIDE.sub("i", letters)  # Vygotskij, Vygotskii, Vygotsky: one ending
    letters = _GLIDE.sub("", letters)  # Dostoyevsky ~ Dostoevsky, Sergeyev ~ Sergeev
    folded = _HUSHING.sub("H", letters).replace("w", "v").replace("y", "i")
    folded = _DOUBLED.sub(r"\1", folded)
    if folded.endswith("e") and len(folded) > SHORTEST:
        folded = folded[:-1]  # "Bakhtine", "Dostoievske" are French spellings
    return folded


_cached_fold = lru_cache(maxsize=65536)(_fold)
