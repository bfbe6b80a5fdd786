"""A title's words as a citation and a list entry are compared: normalised, a
leading article left out ("The Oxford English Dictionary" ~ "oxford english
dictionary"), so a work with no personal author can be found by its title's first
words."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from citeaudit.manuscript.citations.names import word_set

_ARTICLES = word_set("the a an o os as el la los las le les l der die das il lo gli")
_NON_WORD = re.compile(r"[\W_]+")


def title_words(text: str) -> str:
    """Lower-case ASCII words of `text`, without a leading article."""
    plain = anyascii(unicodedata.normalize("NFC", text)).casefold().replace("'", "")
    words = _NON_WORD.sub(" ", plain).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)
