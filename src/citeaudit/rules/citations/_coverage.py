"""Whether the citations read cover the reference list at all.

When almost every entry of a manuscript's own reference list is uncited, the
likelier story is not forty forgotten works but one citation style citeaudit did
not read (numbers in round brackets, superscripts, a style it has never seen). Then
one finding saying so is worth more than forty uncited-reference warnings -- and
an editor who sees forty false alarms stops reading. A ``.bib`` database is left
alone: it holds works the paper never meant to cite, and BibTeX's own verdicts say
which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeaudit.audit_data import AuditData
from citeaudit.model.citation import Certainty, CitationKind
from citeaudit.model.reference import Reference
from citeaudit.rules.citations._cited import cited_ids
from citeaudit.rules.citations._cited_by_address import cited_by_address
from citeaudit.rules.citations._cited_by_author_page import cited_by_author_page
from citeaudit.rules.citations._cited_by_lead import cited_by_lead
from citeaudit.rules.citations._cited_by_mention import cited_by_mention
from citeaudit.rules.citations._cited_by_name_and_title import cited_by_name_and_title
from citeaudit.rules.citations._partly_read import SHARE as PARTLY_SHARE
from citeaudit.rules.citations._partly_read import partly_read

MIN_ENTRIES = 5
UNCITED_SHARE = 0.8
# A numbered list cited by numbers: a true slip leaves one or two entries uncited, and
# a third of the list uncited means numbers the reader did not see (plain numbers after
# words, superscripts that lost their markup) -- read some, missed many.
NUMERIC_UNCITED_SHARE = 0.3
NUMERIC_MIN_UNCITED = 4

_NAMED_HINT = (
    "the text names the authors of most of them without a citation citeaudit reads "
    '(a name alone, as in "(Amorim)" or "following Valli,"); are those the citations?'
)
_ROUND_NUMBERS = re.compile(r"\(\d{1,3}(?:\s*[,;–—-]\s*\d{1,3})*\)")
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SQUARE_NUMBERS = re.compile(r"\[\d{1,3}(?:\s*[,;–—-]\s*\d{1,3})*\]")
# a superscript flattened into the line, spaced off its word: "in large formats 1. Then"
_LONE_NUMBERS = re.compile(r"(?<=[^\W\d_]{3} )\d{1,3}(?=[.,;] [^\W\d_])")


@dataclass(frozen=True, slots=True)
class Coverage:
    entries: tuple[Reference, ...]  # the list entries the summary stands for
    uncited: int
    citations: int  # citations recognised in the text
    hint: str


def poor_coverage(data: AuditData) -> Coverage | None:
    """The summary to give instead of one uncited finding per entry, or None."""
    if not data.manuscripts:
        return None
    if any(c.kind is CitationKind.KEY for c in data.citations):
        return None
    entries = tuple(r for b in data.bibliographies if b.format == "freetext" for r in b.references)
    if len(entries) < MIN_ENTRIES:
        return None
    cited = cited_ids(data.matches)
    left = [r for r in entries if r.id not in cited]
    uncited = len(left)
    recognised = sum(1 for c in data.citations if c.certainty is Certainty.SURE)
    if uncited < partly_read_share(entries):
        return None
    if uncited >= _share_for(data) * len(entries) and uncited >= NUMERIC_MIN_UNCITED:
        # a style cited without years (notes, MLA's author and page) is a style read
        named = cited_by_name_and_title(data, left) | cited_by_author_page(data, left)
        if uncited - len(named) >= _share_for(data) * len(entries) and (
            uncited - len(named) >= NUMERIC_MIN_UNCITED
        ):
            return Coverage(entries, uncited - len(named), recognised, _hint(data))
    # read in part: what is left after every check the uncited rule makes, if its
    # authors are named in the text (`_partly_read`)
    still = _left_after_every_check(data, left)
    if partly_read(data, entries, still):
        return Coverage(entries, len(still), recognised, _NAMED_HINT)
    return None


def partly_read_share(entries: tuple[Reference, ...]) -> float:
    """The fewest uncited entries either summary can stand for."""
    return min(PARTLY_SHARE * len(entries), NUMERIC_UNCITED_SHARE * len(entries))


def _left_after_every_check(data: AuditData, left: list[Reference]) -> list[Reference]:
    """The entries of `left` that no check of the uncited rule finds cited."""
    found = cited_by_address(data) | set(cited_by_lead(data).values())
    rest = [r for r in left if r.id not in found and ("further_reading", "true") not in r.extra]
    found = cited_by_mention(data, rest)
    found |= cited_by_name_and_title(data, rest) | cited_by_author_page(data, rest)
    return [r for r in rest if r.id not in found]


def _share_for(data: AuditData) -> float:
    """The uncited share past which the list's citations were probably not read: lower
    when the text cites by number (nearly every citation that found an entry numeric)."""
    kinds = [c.kind for c in data.citations if c.certainty is Certainty.SURE]
    numeric = sum(1 for kind in kinds if kind is CitationKind.NUMERIC)
    if kinds and numeric >= 0.9 * len(kinds):
        return NUMERIC_UNCITED_SHARE
    return UNCITED_SHARE


def _hint(data: AuditData) -> str:
    text = "\n".join(d.text for d in data.manuscripts)
    counts = [
        (_count(_ROUND_NUMBERS, text), 'numbers in round brackets such as "(3)"'),
        (_count(_SUPERSCRIPTS, text), "superscript numbers"),
        (_count(_SQUARE_NUMBERS, text), 'numbers in square brackets such as "[3]"'),
        (
            _count(_LONE_NUMBERS, text),
            'numbers standing alone after words, such as "formats 1." (superscripts '
            "that lost their formatting?)",
        ),
    ]
    count, form = max(counts)
    if count >= 3:
        return f"the text has {count} {form}; are those the citations?"
    return "is the citation style one citeaudit reads (author-year, numbers, keys)?"


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many times `pattern` occurs in `text`, one match held at a time: a list of
    every match (`findall`) of an upload's 20 MB of "(3) " held five million strings,
    about 300 MB, to be counted."""
    return sum(1 for _ in pattern.finditer(text))
