"""The publisher an entry names in its imprint, as a citation may give it for an author.

A reference list writes a book's imprint as "Place: Publisher" ("Paris: Maspero.",
"São Paulo: Moderna, 2000.", "Porto Alegre: Bookman; 2005."), and a writer citing
from the title page sometimes gives the publisher where the author goes:
"(Maspero, 1978)" for "Rodinson, M. (1978). Islam and capitalism. Paris: Maspero."
`citeaudit.matching.citations` links such a citation to the one entry of that year
published so, when no entry has the cited name as an author.

Read from the entry's raw text only, where a colon parts place and publisher (a
parser's `Reference.publisher` may hold a place: "... London." read as publisher
London made "London (1781)" cite the entry), first 400 characters, colon by colon:
linear, no regular expression that can backtrack.
"""

from __future__ import annotations

from citeaudit.manuscript.citations.names import word_set
from citeaudit.model.reference import Reference

_HEAD = 400
_PLACE_WORDS = 4  # "Rio de Janeiro", "New York", "Porto Alegre"
_LONGEST = 60
_ENDS = ".,;()[]"
# A publisher's generic words, left out for the name a citation gives ("Hobart Press"
# is cited "Hobart").
_GENERIC = word_set(
    """
    press presses publisher publishers publishing publications verlag editora editorial
    éditions editions ediciones edições edizioni ed ltd inc co company books
    """
)


# Words before a colon that introduce something else than a publisher.
_NOT_PLACES = word_set(
    """
    in em en dans im available disponível disponivel accessed retrieved acesso acessado
    consultado doi url http https from online pmid pmcid isbn issn editor editors eds
    ed organizador organizadores org orgs note notes series vol volume
    """
)


def imprint_names(reference: Reference) -> list[str]:
    """The publisher's names an entry gives, as written: whole and without its generic
    words ("Hobart Press", "Hobart"); [] when no imprint is read."""
    found: list[str] = []
    raw = reference.raw[:_HEAD]
    colon = raw.find(":")
    while colon > 0:
        publisher = _after(raw, colon)
        if publisher and _place_before(raw, colon):
            found.append(publisher)
        colon = raw.find(":", colon + 1)
    names: list[str] = []
    for name in found:
        names.append(name)
        kept = [w for w in name.split() if w.casefold().strip(".") not in _GENERIC]
        if kept and len(kept) < len(name.split()):
            names.append(" ".join(kept))
    return list(dict.fromkeys(n for n in names if n))


def _after(raw: str, colon: int) -> str:
    """The capitalised words after ``:`` up to the next stop: the publisher."""
    end = colon + 1
    limit = min(len(raw), colon + 1 + _LONGEST)
    while end < limit and raw[end] not in _ENDS and not raw[end].isdigit():
        end += 1
    if end == limit and end < len(raw):
        return ""  # runs on: a subtitle, not an imprint
    words = raw[colon + 1 : end].split()
    if not words or not all(w[:1].isupper() or w in ("&", "and", "de", "du", "der") for w in words):
        return ""
    return " ".join(words)


def _place_before(raw: str, colon: int) -> bool:
    """Whether one to four capitalised words, after a stop, stand before ``:``: a place
    ("Paris", "Rio de Janeiro"), not a title's main clause."""
    start = colon
    floor = max(0, colon - 40)
    while start > floor and raw[start - 1] not in ".,;)]":
        start -= 1
    if start == floor and floor > 0:
        return False
    words = raw[start:colon].split()
    if not 1 <= len(words) <= _PLACE_WORDS or words[-1].casefold() in _NOT_PLACES:
        return False  # "In: Smith J, editor", "Available from: ..."
    return words[0][:1].isupper() and words[-1][:1].isupper()
