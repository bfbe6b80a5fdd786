"""Whether an entry with no personal author names, in its text, the names a citation gives.

A title-first list ("The condition of upland pastures. (2020). FAO.", "Arquitetura de
Redes – Bia Moura Caio Teles, 2011.", "Banjir. (2020). Kompas.com.", "Title. (2023). In
Wikipedia.") is read with the title for its author, so "(FAO, 2020)", "[Moura & Teles,
2011]" or "(Wikipedia, 2023)" fit no first author. An editor links such a citation to the
one authorless entry of that year whose text names the body, site or persons cited:
`AuthorIndex` asks `names_all` of each entry of the cited year, and takes one only.

Plain string searches over the entry's first characters (folded once per entry): linear,
no regular expression.
"""

from __future__ import annotations

from citeaudit.matching.names import normalise_name

HEAD = 600  # characters of an entry searched for the cited names


def folded_text(raw: str) -> str:
    """The entry's first characters folded as names are (case, accents, punctuation),
    padded with spaces so a name is found as whole words only."""
    return " " + normalise_name(raw[:HEAD]) + " "


def names_all(folded: str, raw: str, cited: tuple[str, ...]) -> bool:
    """Whether the entry names every cited name as whole words, none of them only as a
    place before a publisher ("Recife: Editora Litoral" names no author Recife)."""
    if not cited:
        return False
    for name in cited:
        words = normalise_name(name)
        if not words or f" {words} " not in folded:
            return False
        if _only_a_place(raw[:HEAD], name):
            return False
    return True


def _only_a_place(raw: str, name: str) -> bool:
    """Whether the name as written stands right before a colon (the imprint's place)."""
    low = raw.casefold()
    at = low.find(name.casefold())
    while at >= 0:
        after = raw[at + len(name) :].lstrip(" ")
        if not after.startswith(":"):
            return False
        at = low.find(name.casefold(), at + 1)
    return True
