"""Whether a bare "ver" before a number is Portuguese or Spanish "see".

"(ver 25)" cites entry 25 in a Portuguese or Spanish text, but in English "ver" is a
program's version: "analysed with SPSS (ver 25)" was read as a citation of entry 25,
so an entry nobody cited was not reported (and a version past the list's end would be
a missing work). The stopped "ver." is refused already (`numeric._OTHER_CUE`); the bare
word is judged by the words just before it: it is a version only where English
function words outnumber Portuguese and Spanish ones there. The longer cues ("ver também",
"ver también", "véase", "veja") are never a version and are not judged.
"""

from __future__ import annotations

import re

# how far back the words are weighed: the sentence's own clause, about
_WINDOW = 160
_WORD = re.compile(r"[^\W\d_]+")
# function words of each language that the other never writes as a word of its own
# ("a", "o", "e", "no" are in both or are letters; names such as "de Souza" are rare
# enough before a version not to tip a clause of English)
_IBERIAN = frozenset(
    str.split(
        "que em para com con los las del uma una dos das el la en se não na da do pelo pela "
        "por como foi fue são son este esta esse essa isso esto nos nas ao aos às sobre entre "
        "estudo estudio estudos estudios também también mais más"
    )
)
_ENGLISH = frozenset(
    str.split(
        "the of and with was were is are to in for by using used as on from this that these "
        "we our at or be been which software version program package"
    )
)


def bare_ver(prefix: str) -> bool:
    """The cue is the bare word "ver" (any case), not a longer or stopped form."""
    return prefix.strip().casefold() == "ver"


def reads_as_see(text: str, start: int) -> bool:
    """The words before `start` are not English rather than Portuguese or Spanish: a
    bare "ver" there is "see", not a version. A tie (no function word of either, as in
    a short clause "Descrito antes (ver 8)") keeps the citation: only English refuses."""
    before = text[max(start - _WINDOW, 0) : start]
    words = [w.casefold() for w in _WORD.findall(before)]
    iberian = sum(w in _IBERIAN for w in words)
    english = sum(w in _ENGLISH for w in words)
    return english <= iberian
