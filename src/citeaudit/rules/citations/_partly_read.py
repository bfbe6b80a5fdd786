"""Whether a list's citations were read only in part: its unread entries' authors named.

Why: the not-recognised summary (`_coverage`) once stood only where almost nothing was
read. As the readers learnt more forms, articles citing in a style they know only
partly (MLA's "(Karnopp 102)" read, its "(Amorim)", "following Valli," and "Zilles
observes" not) fell under that bar, and every entry still unlinked was reported one by
one: on a 37-entry article, 18 "never cited" findings of which 2 were true (study split
fresh5 as converted Markdown), and on the held-out split 20 more false findings with no
true one gained. An editor reading eighteen false alarms stops reading.

What counts, all of it together:

* after every way the uncited check has of finding an entry cited (a matched citation,
  its address, its opening, a mention with its year, its author's name and title, an
  author and page), at least `SHARE` of the manuscript's own list (and `MIN_LEFT`
  entries) is still uncited -- far more than a slip leaves (real articles leave one or
  two);
* and the text names, outside the list, the first author of at least `NAMED_SHARE` of
  those entries: a citation form was there and was not read. A list padded with works
  the text never mentions keeps its per-entry findings, however long it is.

What is no mention of an unread citation (acc33; without these the summary hid 98 true
uncited findings on two Pensoft taxonomic articles of study split fresh, and was reverted):

* a describer's name in a species' authority ("Aus bus Smith, 1949", "Quercus alba
  L.", `_taxon_authority.authority_names`): a taxonomic paper names its species'
  describers throughout, and their other works stay truly uncited;
* a name inside a citation the readers read ("(Attems 1930b)"): the author's other works
  in the list are uncited whatever form the text uses, and the form was read.

The family name is the entry's first author's last word, folded as the matcher folds
names ("Sutton-Spence" whole, "van der Berg" as "berg"), three letters at least; an
organisation's name is not looked for (its words are common words). The list's own
lines are no mention of their authors.

Linear: the manuscript's words are read once by one regular expression with no nested
quantifier, each folded once however often the text repeats it.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

from citeaudit.audit_data import AuditData
from citeaudit.matching.names import normalise_name
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES
from citeaudit.rules.citations._taxon_authority import authority_names

SHARE = 0.4
MIN_LEFT = 8
NAMED_SHARE = 0.5
# a word, keeping a parenthesis before it and a stop after it ("(D.", "L."), or a
# number: the tokens `authority_names` reads
_TOKEN = re.compile(r"\(?[^\W\d_][\w'’\-]*\.?|\d+")
_POSSESSIVE = re.compile(r"['’]s$")
_Place = tuple[str, int | None, int | None]


def partly_read(data: AuditData, entries: Sequence[Reference], left: Sequence[Reference]) -> bool:
    """Whether `left` (the entries of `entries` nothing found cited) is so large a share,
    and so many of its authors named in the text, that the citations were read in part."""
    if len(left) < MIN_LEFT or len(left) < SHARE * len(entries):
        return False
    keys = {ref.id: key for ref in left if (key := _family_key(ref)) is not None}
    if len(keys) < NAMED_SHARE * len(left):
        return False
    named = _named(data, set(keys.values()))
    return sum(1 for key in keys.values() if key in named) >= NAMED_SHARE * len(left)


def _family_key(ref: Reference) -> str | None:
    """The first author's family name, folded, when it is a person's (one word, or one
    after particles) of three letters or more."""
    family = ref.first_author_family
    if not family:
        return None
    words = normalise_name(family).split()
    if not words or len(words[-1]) < 3 or not all(w in PARTICLES for w in words[:-1]):
        return None
    return words[-1]


def _named(data: AuditData, wanted: set[str]) -> set[str]:
    """The names of `wanted` the manuscripts write outside the list's own lines."""
    listed = {(r.location.file, r.location.page, r.location.line) for r in data.references}
    read = _citation_spans(data)
    folded: dict[str, str] = {}
    found: set[str] = set()
    for doc in data.manuscripts:
        for line in doc.lines:
            place = (line.file, line.page, line.number)
            if place in listed:
                continue
            matches = list(_TOKEN.finditer(line.text))
            tokens = [m.group() for m in matches]
            authorities = authority_names(tokens)
            spans = read.get(place, [])
            for k, token in enumerate(tokens):
                if k in authorities or token[:1].isdigit():
                    continue
                if spans and _inside(spans, matches[k].start()):
                    continue
                word = _POSSESSIVE.sub("", token.lstrip("(").rstrip("."))
                key = folded.get(word)
                if key is None:
                    key = folded[word] = normalise_name(word)
                if key in wanted:
                    found.add(key)
    return found


def _citation_spans(data: AuditData) -> dict[_Place, list[tuple[int, int]]]:
    """Each line's citations the readers read, as sorted (start, end) columns: a name
    inside "(Attems 1930b)" is a citation read, not one missed -- a taxonomic paper
    cites an author's few works and lists the rest uncited, and those names said
    nothing about a form left unread."""
    spans: dict[_Place, set[tuple[int, int]]] = {}
    for cit in data.citations:
        where = cit.location
        if where.line is None or where.column is None:
            continue
        start = where.column - 1
        spans.setdefault((where.file, where.page, where.line), set()).add(
            (start, start + len(cit.text))
        )
    return {place: _merged(sorted(s)) for place, s in spans.items()}


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted `spans` joined where they overlap (a group and its items): disjoint."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` lies in one of `spans` (disjoint, sorted)."""
    at = bisect.bisect_right(spans, (offset, sys.maxsize)) - 1
    return at >= 0 and offset < spans[at][1]
