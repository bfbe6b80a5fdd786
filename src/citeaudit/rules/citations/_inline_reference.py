"""A whole reference typed in the text: Vancouver names, the year, then a title.

eLife's data-availability statements (and authors who cite a dataset or a work
in passing without listing it) write the reference in full inside the brackets:
"(Orrin Q, Lasky J, Webb C, 2014, Facial gestalt images from ordinary photographs
database)". That is no pointer to a list entry -- it is the reference -- so its absence
from the list is no missing work. Two marks together tell it from a pointer: every
name is written with its initials the Vancouver way ("Fitzroy DR"), as a list writes
them and a pointer never does, and a title (three words or more, two of them in lower
case) follows the year inside the same marker. Either alone is not enough: "(Orrin
Q, Lasky J, 2014)" is a pointer with initials, "(Orrin, Lasky and Webb, 2014, in
the caudal fin)" one with a comment.
"""

from __future__ import annotations

from citeaudit.model.citation import Citation, CitationKind

_LEAST_NAMES = 2
_LEAST_TITLE_WORDS = 3
_LEAST_LOWER_WORDS = 2
_MOST_NAME_WORDS = 4


def is_inline_reference(cit: Citation) -> bool:
    """Whether an author-year citation is a whole reference typed in the text."""
    if cit.kind is not CitationKind.AUTHOR_YEAR or cit.et_al or cit.year is None:
        return False
    if len(cit.authors) < _LEAST_NAMES or not all(map(_vancouver_name, cit.authors)):
        return False
    return _title_follows(cit)


def _vancouver_name(name: str) -> bool:
    """ "Fitzroy DR", "van der Berg AB": surname words, then one to three capitals."""
    words = name.split()
    if not 2 <= len(words) <= _MOST_NAME_WORDS:
        return False
    initials = words[-1]
    if not (1 <= len(initials) <= 3 and initials.isalpha() and initials.isupper()):
        return False
    surname = words[-2]
    return len(surname) >= 2 and surname[0].isupper() and not surname.isupper()


def _title_follows(cit: Citation) -> bool:
    """Whether the marker goes on after the citation's year with a title: its next
    piece (up to a semicolon or the marker's end) has three words or more, two of
    them in lower case."""
    at = cit.text.find(cit.item) if cit.item else -1
    if at < 0:
        return False
    tail = cit.text[at + len(cit.item) :].lstrip(" ,.:")
    piece = tail.split(";", 1)[0].rstrip(" )]")
    words = [w for w in piece.replace(",", " ").split() if w.isalpha()]
    lower = sum(1 for w in words if w.islower())
    return len(words) >= _LEAST_TITLE_WORDS and lower >= _LEAST_LOWER_WORDS
