"""Entries cited MLA's way: by author and page, with no year.

Why: MLA cites "(Hartley 45)", "(Kowalski and Brandt 7; Osei et al. 220)" or, when
the sentence names the author, the page alone: "As Moreno argues, the harbour is a
stage (112-13)". No year stands in the text, so no author-year reader sees a
citation, and a manuscript in MLA -- most of literature, languages and the arts --
was all "never cited". An editor reads the name and the page and knows the work.

What counts, for an entry of an unnumbered list that no citation cites:
- a parenthesis whose item is the entry's first author's family name (folded, its
  last word) -- "and"/"et al." and further names may follow, and a short title when
  the author has several works -- then page numbers (digits or roman, ranges, lists),
  no year among them; when the author heads several entries, the item must hold the
  opening word of one entry's title and only that one is cited;
- a parenthesis of page numbers alone, in a paragraph that names the family name
  within `REACH` words before it, the author heading one entry only.
Only in a text whose citations the readers mostly missed, as for notes
(`_cited_by_name_and_title.years_unread`). A numbered list's works are cited by
number: "(12)" is a citation number there, and its entries are never spared here.

Linear: each paragraph is read once by patterns without nested quantifiers; names
are looked up in a dict of the wanted entries' family names, and an author's works by
the opening word of their titles (`Heads`): an item's words look up their works, never
every work of the author (10,000 entries of one author beside 10,000 "(Smith Zed 4)"
were 10^8 title foldings).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from citeaudit.audit_data import AuditData
from citeaudit.model.reference import Reference
from citeaudit.rules.citations._cited_by_mention import NUMBERED_ENTRY
from citeaudit.rules.citations._cited_by_name_and_title import (
    Paragraph,
    body_paragraphs,
    family_word,
    folded_words,
    title_opening,
    years_unread,
)

REACH = 30
_GROUP = re.compile(r"\(([^()]{1,200})\)")
_PAGE = r"(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[-–—]\s*\d{1,4})?"
_PAGES = re.compile(rf"(?:{_PAGE})(?:\s*,\s*{_PAGE})*", re.IGNORECASE)
_ITEM = re.compile(rf"(?P<names>[^\W\d_][^;\d]{{0,120}}?)[\s,]+(?P<pages>{_PAGES.pattern})\s*")


@dataclass(slots=True)
class Heads:
    """The list's entries by their first author's folded family name (`works`), and
    each author's works by their title's opening word (`by_opening`)."""

    works: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    by_opening: dict[str, dict[str, list[Reference]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    def add(self, word: str, ref: Reference) -> None:
        self.works[word].append(ref)
        opening = title_opening(ref.title)
        if opening:
            self.by_opening[word][opening[0]].append(ref)

    def get(self, word: str) -> list[Reference]:
        return self.works.get(word, [])

    def titled(self, word: str, names: Sequence[str]) -> list[Reference]:
        """The works of `word` whose title opens with one of `names`: as many lookups
        as names, whatever the author's number of works."""
        openings = self.by_opening.get(word, {})
        return [ref for name in dict.fromkeys(names) for ref in openings.get(name, ())]


def cited_by_author_page(data: AuditData, candidates: Sequence[Reference]) -> set[str]:
    """Ids of `candidates` cited by author and page (module docstring), in a text whose
    citations the readers mostly missed (`years_unread`)."""
    if not years_unread(data):
        return set()
    heads = Heads()
    for ref in data.references:
        word = family_word(ref)
        if word is not None:
            heads.add(word, ref)
    wanted = {
        ref.id
        for ref in candidates
        if not NUMBERED_ENTRY.match(ref.raw) and family_word(ref) is not None
    }
    if not wanted or not data.manuscripts:
        return set()
    found: set[str] = set()
    for paragraph in body_paragraphs(data):
        for m in _GROUP.finditer(paragraph.text):
            found |= _cited_in(m, paragraph, heads) & wanted
    return found


def _cited_in(group: re.Match[str], paragraph: Paragraph, heads: Heads) -> set[str]:
    body = group.group(1)
    if _PAGES.fullmatch(body.strip()) is not None:
        if _has_year(body):
            return set()
        return _named_before(paragraph, group.start(), heads)
    cited: set[str] = set()
    for item in body.split(";"):
        m = _ITEM.fullmatch(item.strip())
        if m is None or _has_year(m.group("pages")):
            continue
        names = folded_words(m.group("names"))
        if not names:
            continue
        works = heads.get(names[0])
        if len(works) > 1:
            works = heads.titled(names[0], names[1:])
        if len(works) == 1:
            cited.add(works[0].id)
    return cited


def _named_before(paragraph: Paragraph, offset: int, heads: Heads) -> set[str]:
    """The one work of an author the paragraph names within REACH words before."""
    last = bisect.bisect_right(paragraph.ends, offset)
    for i in range(last - 1, max(last - REACH, 0) - 1, -1):
        works = heads.get(paragraph.words[i])
        if len(works) == 1:
            return {works[0].id}
    return set()


def _has_year(pages: str) -> bool:
    return any(1500 <= int(n) <= 2100 for n in re.findall(r"\d{4}", pages))
