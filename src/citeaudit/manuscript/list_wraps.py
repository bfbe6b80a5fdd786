"""Lines of a reference list that look like entries' openings but are wrapped text.

Two shapes a converter's Markdown gives a list, each read as an extra entry before:

- a plus sign the hard wrap fell on: "... the role of Ca2" then "+ channels in
  activation ..." ("CD4 + T cells", "Na + /K + pumps"). A "+" and a space opens a
  bullet in Markdown, so the title's rest was an entry never cited, and the entry
  above lost its journal and year. A list whose works are "+" bullets keeps them:
  those open after a blank line or after a line that ends as entries end.
- a wrap right after a Vancouver author list ("Horner JR, Padian K." then "Variation in
  dinosaur ..."), whose full stop ends the authors, not the entry;
- a PeerJ-style label line: the journal prints each entry's author-year label
  ("Roe, Poe & Doe (1999)") on a line of its own above the full entry ("Roe JR, Poe
  A, Doe B. 1999. Title. ..."). Read as two entries, the label was an entry of its
  own, never cited, and the citation's match was a coin toss between the two. The
  label is the start of the entry it heads, as the published list holds it: a short
  line of names and a bracketed year and nothing else, followed by a line opening
  with the same surname, and at least two such pairs in the list (a journal's
  habit, not one entry's accident).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from citeaudit.manuscript.document import Line

__all__ = ["authors_end", "dash_year_bullets", "label_headed", "plus_wraps"]

_WRAP_MARK = re.compile(r"^\s*([+\-–—])\s")
# "Roe, Poe & Doe (1999)", "Roe et al. (2004a)", "World Health Organization (2020)":
# a name's letter first, a bounded run without brackets, a bracketed year, nothing after.
_LABEL = re.compile(r"^([^\W\d_][^()\[\]\n]{0,90}?)\s?\((?:1[5-9]\d\d|20\d\d)[a-z]?\)\s*$")
# the last of two or more authors written Vancouver's way, at a line's end: "..., Padian
# K.", "... & Farlow JO."
_LAST_AUTHOR = re.compile(r"(?:,|&|\band)\s+[^\W\d_][^\W\d_'’]{1,30}\s[A-Z]{1,3}\.$")
# a hyphen, spaces and a year: "-  (2023). Sentinel-1 RTC product guide." (no author)
_DASH_YEAR = re.compile(r"^\s*-\s+\(?(?:1[5-9]\d\d|20\d\d)(?!\d)")
_HYPHEN_BULLET = re.compile(r"^\s*-\s+(?=[^\W\d_])")
_HYPHEN_BULLETS_MIN = 3
_WORD = re.compile(r"[^\W\d_]+")
_LABEL_MAX_WORDS = 12
_WRAP_SHARE = 4  # lines with text per wrapped mark, at least
_LABEL_PAIRS_MIN = 2


def plus_wraps(lines: Sequence[Line], ends_entry: Callable[[str], bool]) -> set[int]:
    """The indexes of lines opening with "+ " (or a dash and a space) right under a line
    of text that ends mid-way (`ends_entry` false): a hard wrap's plus sign or a title's
    dash ("Dissertação (Mestrado)" then "– Universidade ..."), the entry's rest. A mark
    the list uses as its entries' bullets is left a bullet: two or more of it open after
    a blank line, at the list's top, or after a line that ends an entry."""
    wraps: dict[str, set[int]] = {}
    bullets: dict[str, int] = {}
    for k, ln in enumerate(lines):
        found = _WRAP_MARK.match(ln.text)
        if found is None:
            continue
        mark = found.group(1)
        above = lines[k - 1].text.rstrip().rstrip("\\").rstrip() if k else ""
        if above and not ends_entry(above):
            wraps.setdefault(mark, set()).add(k)
        else:
            bullets[mark] = bullets.get(mark, 0) + 1
    # ... and so is a mark opening more than one line in four: a list of bullets whose
    # entries end with no full stop ("- Roe A. Title. J Ex 2001;12:1-9")
    texts = sum(1 for ln in lines if ln.text.strip())
    return {
        k
        for mark, ks in wraps.items()
        if bullets.get(mark, 0) < 2 and (len(ks) + bullets.get(mark, 0)) * _WRAP_SHARE <= texts
        for k in ks
    }


def _folded_word(text: str) -> str:
    found = _WORD.search(text)
    if found is None:
        return ""
    plain = unicodedata.normalize("NFKD", found.group(0))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def label_headed(lines: Sequence[Line], strip: Callable[[str], str]) -> set[int]:
    """The indexes of lines that open a full entry under its label line (see the
    module's docstring): each is the rest of the entry its label opened, not an entry.
    The blank lines between a label and its entry do not matter."""
    headed: set[int] = set()
    label_word = ""
    for k, ln in enumerate(lines):
        plain = strip(ln.text).strip()
        if not plain:
            continue
        if label_word and _folded_word(plain) == label_word:
            headed.add(k)
            label_word = ""
            continue
        found = _LABEL.match(plain)
        words = len(plain.split())
        label_word = _folded_word(plain) if found and words <= _LABEL_MAX_WORDS else ""
    return headed if len(headed) >= _LABEL_PAIRS_MIN else set()


def authors_end(text: str) -> bool:
    """Whether a line of a hard-wrapped list ends where an entry's author list ends
    ("Roe JR, Doe AB, Poe K."): its full stop ends no entry, the title comes next. Read
    as an entry's end, the wrapped title ("Variation in dinosaur ...") opened an entry
    of its own and the list came out one long and cut wrongly."""
    return _LAST_AUTHOR.search(text.rstrip()[-60:]) is not None


def dash_year_bullets(lines: Sequence[Line]) -> set[int]:
    """The indexes of lines opening with a hyphen and a year ("-  (2023). Title.") in a
    list whose entries are hyphen bullets ("-  Roe, A. (2021)."): an entry with no
    author under its bullet, not the repeated-author dash ("— (2019a).", which a thesis
    typed with no bullets keeps). Read as that dash, the entry was joined to the one
    above it and lost."""
    years = {k for k, ln in enumerate(lines) if _DASH_YEAR.match(ln.text)}
    bullets = sum(1 for ln in lines if _HYPHEN_BULLET.match(ln.text))
    enough = bullets >= _HYPHEN_BULLETS_MIN and bullets >= 2 * len(years)
    return years if years and enough else set()
