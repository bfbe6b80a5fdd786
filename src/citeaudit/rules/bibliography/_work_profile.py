"""What two entries are compared on, normalised once per entry.

Folding text (accents, case, punctuation) costs far more than comparing the folded
strings; doing it once per entry instead of once per compared pair is what keeps the
duplicate search linear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from citeaudit.model.reference import Reference

# Titles longer than this are run-on parses, not titles; comparing their heads is
# enough and bounds the cost of one comparison.
_MAX_FOLDED = 300
# Searched in lower-cased text: a case-insensitive alternation costs several times more
# per character, and an entry's extra fields (abstracts, notes) are most of its text.
_PREPRINT = re.compile(r"arxiv|biorxiv|medrxiv|ssrn|preprint|research ?square|osf\.io|zenodo")
_NUMBERS = re.compile(r"\b(?:\d+|[ivxlc]+)\b")
_NON_WORD = re.compile(r"[^\w\s]+")
_URL_HEAD = re.compile(r"^(?:https?://)?(?:www\d?\.)?", re.I)
_RESOLVER = re.compile(r"^(?:dx\.)?doi\.org/", re.I)


@dataclass(frozen=True, slots=True)
class WorkProfile:
    """One entry's comparable parts; empty strings where the entry gives none."""

    ref: Reference
    order: int
    author: str
    year: int | None
    suffix: str | None
    title: str
    title_numbers: tuple[str, ...]
    container: str
    publisher: str
    volume: str
    issue: str
    pages: str
    edition: str
    kind: str
    preprint: bool
    urls: frozenset[str]
    comparable: bool  # has what a same-work verdict without a DOI needs

    @classmethod
    def of(
        cls,
        ref: Reference,
        order: int,
        folded: dict[str, str],
        preprints: dict[str, bool] | None = None,
    ) -> WorkProfile:
        """`folded` remembers folds across one list: its entries repeat the same
        authors, containers and publishers; `preprints` which long values name a
        preprint server (an acknowledgement or a note repeated in every entry)."""

        def fold(text: str | None) -> str:
            if not text:
                return ""
            if text not in folded:
                folded[text] = _fold(text)[:_MAX_FOLDED]
            return folded[text]

        title = fold(ref.title)
        author = fold(ref.first_author_family)
        return cls(
            ref=ref,
            order=order,
            author=author,
            year=ref.year,
            suffix=ref.year_suffix,
            title=title,
            title_numbers=tuple(_NUMBERS.findall(title)),
            container=fold(ref.container),
            publisher=fold(ref.publisher),
            volume=fold(ref.volume),
            issue=fold(ref.issue),
            pages=fold(ref.pages),
            edition=fold(next((value for name, value in ref.extra if name == "edition"), None)),
            kind=ref.kind or "",
            preprint=_is_preprint(ref, {} if preprints is None else preprints),
            urls=frozenset(u for u in map(_url_key, ref.urls) if u),
            comparable=bool(author and title),
        )


def fold_text(text: str) -> str:
    """`text` folded as entries' fields are (for fields a profile does not keep)."""
    return _fold(text)


def _fold(text: str) -> str:
    """Lower-case, accents and punctuation dropped, single spaces; only the head of a
    long field, so a run-on entry costs no more than a normal one."""
    head = text[: 2 * _MAX_FOLDED]
    if head.isascii():
        plain = head.casefold()
        if plain.isalnum():
            return plain  # one word or number (a surname, a volume): nothing to drop
    else:
        plain = _without_marks(unicodedata.normalize("NFKD", head)).casefold()
    # str.split() splits where re's \s matches, and faster than a second pattern
    return " ".join(_NON_WORD.sub(" ", plain.replace("–", "-")).split())


# Combining marks (accents once decomposed), by code point, for `str.translate`;
# characters already asked about, marks or not. Filled as characters are met: a
# list's text uses a few hundred distinct characters, so `unicodedata.combining` is
# asked once per character instead of once per character of every folded value.
_MARKS: dict[int, None] = {}
_ASKED: set[str] = set()


def _without_marks(text: str) -> str:
    """`text` without its combining marks (those `unicodedata.combining` names)."""
    new = set(text).difference(_ASKED)
    for char in new:
        if unicodedata.combining(char):
            _MARKS[ord(char)] = None
    _ASKED.update(new)  # after `_MARKS`: a character asked about is never missed
    return text.translate(_MARKS)


# Values shorter than this are not remembered by `_is_preprint` (cheap to search,
# and mostly unique: dates, page ranges); at most this many are.
_PREPRINT_REMEMBERED = 40
_PREPRINT_CACHE = 50_000


def _is_preprint(ref: Reference, known: dict[str, bool]) -> bool:
    """Whether a field names a preprint server. The short fields are searched at once
    (no pattern spans two), the long ones alone, each verdict remembered in `known`."""
    texts = (
        ref.container or "",
        ref.publisher or "",
        ref.doi or "",
        *ref.urls,
        *(value for _, value in ref.extra),
    )
    short = "\n".join(text for text in texts if 0 < len(text) < _PREPRINT_REMEMBERED)
    if short and _PREPRINT.search(short.lower()):
        return True
    for text in texts:
        if len(text) < _PREPRINT_REMEMBERED:
            continue
        found = known.get(text)
        if found is None:
            found = _PREPRINT.search(text[:_MAX_FOLDED].lower()) is not None
            if len(known) >= _PREPRINT_CACHE:
                known.clear()
            known[text] = found
        if found:
            return True
    return False


def _url_key(url: str) -> str:
    """A web address without scheme, ``www.`` and trailing slash; DOI links dropped
    (the DOI is compared on its own)."""
    key = _URL_HEAD.sub("", url.strip()).rstrip("/")
    if _RESOLVER.match(key):
        return ""
    host, _, path = key.partition("/")
    return f"{host.lower()}/{path}" if path else host.lower()
