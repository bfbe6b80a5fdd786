"""Works cited by their title alone: "as *The Wealth of Nations* shows".

A work with no personal author -- a dictionary, a manual, an anonymous classic --
is cited by its title, set in italics, often with no year. Without a reading of it
the entry was "never cited". Only an emphasised phrase (``*...*``, ``_..._``) of two
to twelve words, capitalised, whose words stand in an entry of the manuscript's own
list (in its first 200 characters, a leading article aside) is read; the citation is
WEAK (`command == TITLE`, no year) and `citeaudit.matching.citations` links it only
to the one entry with no personal author whose title opens so, or else to the one
entry whose whole title it is. Never reported as missing.

ABNT opens an entry with no author by its title, the first word in capitals
("DICIONÁRIO on-line de português. Verbete. Disponível em: ..."), and the text names
the work by that title unemphasised ("O Dicionário on-line de português define").
Such a head -- a word of three or more capitals, then a word in lower case, three
words at least, up to the first full stop -- is looked for as plain words, any case;
an organisation in capitals ("COMISSÃO NACIONAL DA VERDADE.") or led by its acronym
("NCD Risk Factor Collaboration (NCD-RisC). 2016.") is no such head. WEAK
and TITLE too, so never reported as missing.

Linear: one emphasis pattern of bounded length, entry openings looked up by their
first word; at most `_MOST_HEADS` plain heads, one bounded pattern each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.title_words import title_words
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

TITLE = "title"  # Citation.command of a work cited by its title

_EMPHASIS = re.compile(
    r"(?<![*_\w])(\*{1,2}|_{1,2})(?=[^\W\d_])([^*_\n]{3,150}?)(?<=\S)\1(?![*_\w])"
)
_ENTRY_LABEL = re.compile(r"^\s*(?:[-*+•]\s+|\[\d+\]\s*|\d+[.)]\s+)?[*_\s]*")
_MOST_WORDS = 12
_ENTRY_HEAD = 200  # characters of an entry that may hold its title
_LOOKED_AT = 64  # entries holding a word compared at most (a list of one word repeated)
# An ABNT title-first entry's head: "DICIONÁRIO on-line de português." (module docstring)
_CAPITALISED_HEAD = re.compile(
    r"^\s*(?:[-*+•]\s+|\[\d+\]\s*|\d+[.)]\s+)?[*_]*"
    r"(?P<head>[A-ZÀ-Þ]{3,}[ ](?=[a-zà-ÿ])[^.\n]{4,120}?)\.(?:\s|$)"
)
_MOST_HEADS = 32
# A parenthesis holding a quoted title alone, its closing comma or stop inside the quotes
# as American punctuation puts it: "(“JUnit.”)". Bounded, no quote inside: linear.
_QUOTED_ALONE = re.compile(r"\([ ]?[“\"«„](?P<title>[^“”\"«»„()\n]{2,150})[”\"»“][ ]?\)")
_HEAD_WORDS = 3
_WORD = re.compile(r"[^\W_]+")


class TitleExtractor(CitationExtractor):
    syntax: ClassVar[str] = "title"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (`extract_at_most` holds only those it keeps)."""
        # each entry's first words, looked up by the words they hold
        by_word: dict[str, list[str]] = {}
        for entry in document.reference_entries:
            head = title_words(_ENTRY_LABEL.sub("", entry.raw[:_ENTRY_HEAD], count=1))
            for word in set(head.split()):
                by_word.setdefault(word, []).append(f" {head} ")
        if not by_word:
            return
        text = document.text
        yield from _plain_heads(document)
        yield from _quoted_alone(document, by_word)
        for m in _EMPHASIS.finditer(text):
            phrase = " ".join(m.group(2).split())
            if not phrase[:1].isupper() or len(phrase.split()) > _MOST_WORDS:
                continue
            cited = title_words(phrase)
            first, _, rest = cited.partition(" ")
            if not rest:
                continue
            entries = by_word.get(first, [])
            if not any(f" {cited} " in e for e in entries[:_LOOKED_AT]):
                continue
            yield _weak_title(document, m, phrase)


def _quoted_alone(document: Document, by_word: dict[str, list[str]]) -> Iterator[Marker]:
    """A parenthesis holding only a quoted title, "(“JUnit”)", "(\"Harbour Tools
    Manual\")": citeproc cites a work with no author so, its title in the author's
    place and no date. Read when an entry of the list opens with the title's words (a
    work with no author: its title heads the entry), one word enough -- the quotes in
    a parenthesis of their own say a title is meant."""
    for m in _QUOTED_ALONE.finditer(document.text):
        phrase = " ".join(m.group("title").split()).strip(" ,.")
        cited = title_words(phrase)
        if not cited or len(cited.split()) > _MOST_WORDS:
            continue
        entries = by_word.get(cited.split(" ", 1)[0], [])
        if any(e.startswith(f" {cited} ") for e in entries[:_LOOKED_AT]):
            yield _weak_title(document, m, phrase)


def _plain_heads(document: Document) -> Iterator[Marker]:
    """ABNT title-first entries named by their title in plain text (module docstring)."""
    heads: list[str] = []
    for entry in document.reference_entries:
        m = _CAPITALISED_HEAD.match(entry.raw[:_ENTRY_HEAD])
        if m is None:
            continue
        head = m.group("head")
        if len(_WORD.findall(head)) < _HEAD_WORDS:
            continue  # too short to be told from prose
        heads.append(head)
        if len(heads) == _MOST_HEADS:
            break
    text = document.text
    for head in heads:
        words = _WORD.findall(head)
        pattern = re.compile(
            r"(?<![^\W_])" + r"[\W_]{1,3}".join(map(re.escape, words)) + r"(?![^\W_])",
            re.IGNORECASE,
        )
        for m in pattern.finditer(text):
            phrase = " ".join(m.group().split())
            yield _weak_title(document, m, phrase)


def _weak_title(document: Document, m: re.Match[str], phrase: str) -> Marker:
    """A work named by its title: weak, since title words also occur in prose."""
    citation = Citation(
        id="",
        text=shown(m.group()),
        location=document.location_at(m.start()),
        kind=CitationKind.AUTHOR_YEAR,
        item=phrase,
        authors=(phrase,),
        command=TITLE,
        certainty=Certainty.WEAK,
    )
    return Marker(m.start(), m.end(), (citation,))
