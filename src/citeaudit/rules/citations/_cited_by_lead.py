"""Citations whose entry opens with the cited name and holds the cited year.

Why: an entry the parser read wrongly (an organisation split into given and family
names, "R Core Team" read as "Team, R. C."; a year it did not find; a name in capitals
or with a particle it cut) cannot be matched by its fields, and the audit then says
two false things at once: the citation is "missing" and the entry "never cited". An
editor looking at the list sees the entry at once: it opens with the name the text
cites and carries the year. So does this check, on the entry's text as written, not
on its parsed fields.

What counts: the citation's first name, folded as the matcher folds names, is the
whole run of words the entry opens with (after a list label such as "12." or "[12]"),
and the entry's text holds the citation's year as a word ("2016", or "2016a" when the
citation writes the letter). Only one entry may fit; two or more leave the citation
to the matcher's verdict. Only citations the extractor is sure of, by author and year,
that the matcher left without any entry are looked at, and only entries whose parsed
fields disagree with their own opening (first family name other than the opening
words, or no year, or another year than the one cited): where the parser read the
entry as it opens and the matcher still refused it ("Smith (2010)" against "Smith, J.,
& Lee, K. (2010)", two authors for one), the refusal had its reason and stands.

Linear: each entry's opening words are read once and indexed by their first word;
each citation then looks at the entries sharing its first word, at most `CROWD` of
them (a longer run of one opening word is a list of one author's works, where the
matcher's verdict stands).
"""

from __future__ import annotations

import re

from citeaudit.audit_data import AuditData
from citeaudit.matching.names import normalise_name
from citeaudit.model.citation import Certainty, CitationKind
from citeaudit.rules.citations._cited import matched_citations

CROWD = 40
OPENING = 160  # characters of an entry read for its opening name
_LABEL = re.compile(r"^\s*(?:\[\s*\d{1,4}\s*\]|\(\s*\d{1,4}\s*\)|\d{1,4}\s*[.)])?\s*")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)([a-z]?)\b")


def cited_by_lead(data: AuditData) -> dict[str, str]:
    """Citation id -> the one entry whose opening words are the citation's name."""
    if not data.manuscripts or not data.references:
        return {}
    matched = matched_citations(data.matches)
    wanted = [
        c
        for c in data.citations
        if c.id not in matched
        and c.kind is CitationKind.AUTHOR_YEAR
        and c.certainty is Certainty.SURE
        and c.authors
        and c.year is not None
    ]
    if not wanted:
        return {}
    by_first: dict[str, list[tuple[tuple[str, ...], set[str], str, str, str]]] = {}
    for ref in data.references:
        raw = ref.raw[:OPENING]
        words = tuple(normalise_name(_LABEL.sub("", raw, count=1)).split())
        if not words:
            continue
        years = {y + s for y, s in _YEAR.findall(ref.raw)}
        family = normalise_name(ref.first_author_family or "")
        by_first.setdefault(words[0], []).append((words, years, family, ref.year_label, ref.id))
    found: dict[str, str] = {}
    for cit in wanted:
        name = tuple(normalise_name(cit.authors[0]).split())
        entries = by_first.get(name[0], []) if name else []
        if not entries or len(entries) > CROWD:
            continue
        year = f"{cit.year}{cit.year_suffix or ''}"
        whole = " ".join(name)
        fits = {
            rid
            for words, years, family, label, rid in entries
            if words[: len(name)] == name and year in years and (family != whole or label != year)
        }
        if len(fits) == 1:
            found[cit.id] = fits.pop()
    return found
