"""Field accuracy of the free-text parser against labelled entries.

Used by ``benches/freetext_accuracy.py`` and by the accuracy test. Comparison is on
normalised strings: case-folded, punctuation dropped, whitespace collapsed; containers
also without a leading "In" and a closing run of numbers on either side (see
`norm_container`); titles without a closing chapter mark ("…,” in") on either side
(see `norm_title`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference

__all__ = ["FIELDS", "Score", "norm", "norm_container", "norm_title", "parse_row", "score_rows"]

FIELDS = ("first_family", "all_families", "year", "title", "container", "doi")


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[^\w\s]|_", " ", s)
    return " ".join(s.split())


# "In", "in:", "En", "Em", "Dans", "Im" before a book's or proceedings' title: AnyStyle's
# gold keeps it in the container, the parser leaves it out (it is the word that marks a
# chapter, not part of the book's name). Scoring drops it from BOTH sides, gold and
# parsed alike, so neither reading is favoured; a name that truly starts with the word
# ("In Vivo") then also matches "Vivo", a leniency of one word on such names.
_IN_MARK = re.compile(r"^(?:in|en|em|dans|im)\b\s*")


# A run of numbers closing a container is its volume, issue or year ("Fictive Letters
# 202,", "Proc. of Made-up Conf 2013,"): AnyStyle's gold sometimes labels them inside
# the container-title where the rest of the data labels them volume or date, and the
# parser gives them as the volume. Scoring drops such a run from BOTH sides, so a name
# read without its locator is not a miss; a name that truly ends on a number ("Made-up
# Systems 6") then also matches its bare name, a leniency of one number on such names.
def _without_closing_numbers(s: str) -> str:
    words = s.split()
    while words and words[-1].isdigit():
        words.pop()
    return " ".join(words)


# "In <editors> (Eds.)," before a book's title ("In J. Roe & Associates (Eds.), The
# Handbook"): AnyStyle's gold labels the editors apart in most entries and inside the
# container-title in some, the parser gives the book's name alone. Scoring drops them
# from BOTH sides, only after an "In" mark and up to an editor's word in brackets.
_EDITORS_AFTER_IN = re.compile(
    r"^\s*(?:in|en|dans|im)\b\s*:?\s*[^()]{1,150}?"
    r"\((?:eds?|hrsg|hg|dir|éds?|coords?|orgs?)\.?\)[.,:]?\s*",
    re.IGNORECASE,
)


def norm_container(s: str | None, *, strict: bool = False) -> str:
    """`norm`, then without a leading "In" (see `_IN_MARK`); unless `strict` (the
    comparison before issue 12's f1 round, printed beside by the bench), also without
    the editors after the "In" (see `_EDITORS_AFTER_IN`) and a closing run of numbers
    (see `_without_closing_numbers`)."""
    if s and not strict:
        s = _EDITORS_AFTER_IN.sub("", s)
    s = _IN_MARK.sub("", norm(s))
    return s if strict else _without_closing_numbers(s)


# "in", "dans", … closing a title after its punctuation ("“An Essay,” in", "« Un essai »,
# dans"): AnyStyle's gold often keeps the chapter's mark with the quoted title before
# the book (a few in every fold, "in" the commonest tail of a missed title), the parser
# leaves it out (the mark belongs to neither title). Scoring drops it from BOTH sides;
# only after a comma, full stop or closing quotation mark, so a title ending on the word
# ("Logging in") is compared whole.
_CLOSING_IN_MARK = re.compile(r"(?<=[,.;”\"’'»›])\s*(?:in|en|dans|im|em)\s*:?\s*$", re.IGNORECASE)


def norm_title(s: str | None) -> str:
    """`norm`, after dropping a closing chapter mark (see `_CLOSING_IN_MARK`)."""
    return norm(_CLOSING_IN_MARK.sub("", s or ""))


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)

    def accuracy(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total[name] else None


def parse_row(row: Mapping[str, Any], i: int = 1) -> Reference:
    return parse_reference(
        row["text"], id=f"ref-{i}", index=i, location=Location("labelled.jsonl", i)
    )


def field_results(row: Mapping[str, Any], ref: Reference) -> dict[str, bool]:
    gold_fams = [norm(a["family"]) for a in row.get("authors") or []]
    pred_fams = [norm(a.family) for a in ref.authors]
    return {
        "first_family": (gold_fams[:1] == pred_fams[:1]),
        "all_families": gold_fams == pred_fams,
        "year": row.get("year") == ref.year,
        "title": norm_title(row.get("title")) == norm_title(ref.title),
        "container": norm_container(row.get("container")) == norm_container(ref.container),
        "doi": (row.get("doi") or "").lower() == (ref.doi or ""),
    }


def score_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    group: Callable[[Mapping[str, Any]], str] = lambda r: str(r.get("style")),
    parse: Callable[[str], Reference] | None = None,
) -> tuple[Score, dict[str, Score], list[tuple[Mapping[str, Any], Reference, dict[str, bool]]]]:
    """Overall score, score per group, and every row's result (for listing failures)."""
    overall = Score()
    groups: dict[str, Score] = defaultdict(Score)
    results = []
    for i, row in enumerate(rows, 1):
        ref = parse(row["text"]) if parse is not None else parse_row(row, i)
        res = field_results(row, ref)
        for name, ok in res.items():
            overall.add(name, ok)
            groups[group(row)].add(name, ok)
        results.append((row, ref, res))
    return overall, dict(groups), results
