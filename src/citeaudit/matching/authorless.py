"""Whether an entry with no personal author names, in its text, the names a citation gives.

A title-first list ("The condition of upland pastures. (2020). FAO.", "Arquitetura de
Redes – Bia Moura Caio Teles, 2011.", "Banjir. (2020). Kompas.com.", "Title. (2023). In
Wikipedia.") is read with the title for its author, so "(FAO, 2020)", "[Moura & Teles,
2011]" or "(Wikipedia, 2023)" fit no first author. An editor links such a citation to the
one authorless entry of that year whose text names the body, site or persons cited:
`AuthorIndex` asks `names_all` of each entry of the cited year, and takes one only.

Where the name stands matters. After the year is the source's place -- the body, site or
publisher ("(2020). FAO.", "(2019, 4 mai). Gazette Marine."): any name found there is the
one the work is known by. Before the year is the title's (and, in a title-first list, the
persons' after it): only one-word names (surnames) are looked for there, and never the
entry's first word; a name of two words there is a person's or a place's as often as a
body's ("Digest of notices. Harbour Board (2003).").

Plain string searches over the entry's first characters (folded once per entry): linear,
no regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeaudit.matching.names import normalise_name

HEAD = 600  # characters of an entry searched for the cited names


@dataclass(frozen=True)
class EntryText:
    """An entry's first characters folded as names are (case, accents, punctuation) and
    padded with spaces, so a name is found as whole words only: all of it, and the part
    from its year on."""

    raw: str
    whole: str
    after_year: str
    first_word: str


def entry_text(raw: str, year: int | None) -> EntryText:
    head = raw[:HEAD]
    at = head.find(str(year)) if year is not None else -1
    whole = " " + normalise_name(head) + " "
    after = " " + normalise_name(head[at:]) + " " if at >= 0 else " "
    return EntryText(head, whole, after, (whole.split() or [""])[0])


def names_all(text: EntryText, cited: tuple[str, ...]) -> bool:
    """Whether the entry names every cited name where such a name stands (see above),
    none of them only as a place before a publisher ("Recife: Editora Litoral")."""
    if not cited:
        return False
    for name in cited:
        words = normalise_name(name)
        if not words:
            return False
        if f" {words} " in text.after_year:
            pass
        elif " " in words or words == text.first_word or f" {words} " not in text.whole:
            return False
        if _only_a_place(text.raw, name):
            return False
    return True


def _only_a_place(raw: str, name: str) -> bool:
    """Whether the name as written stands right before a colon (the imprint's place)."""
    low = raw.casefold()
    at = low.find(name.casefold())
    if at < 0:
        return False
    while at >= 0:
        after = raw[at + len(name) :].lstrip(" ")
        if not after.startswith(":"):
            return False
        at = low.find(name.casefold(), at + 1)
    return True
