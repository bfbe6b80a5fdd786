"""Alphabetic labels: ``Nach [AbCd15] ...`` citing the entry ``[AbCd15] Abel, Anna; ...``.

DIN 1505 and BibTeX's ``alpha`` style label an entry by its authors' letters and a short
year (``[Knu84]``, ``[KMS+15]``, ``[AB15a]``, ``[Mül02]``, ``[vdA11]``) or by a word and
a number (``[ex 1]``, ``[Web 3]``), and the text cites the label as it would a number.
No other reader takes such a bracket: no year of four digits (not a pandoc key), no
name before a year (not author-year), not a number. Every entry stayed "never cited"
and the citations went unseen.

A bracket is read only where the document's own list is labelled so (`list_labels`):
at least two entries, and half of them, open with such a label. Each item of the
bracket (``;`` or ``,`` between items) must be a label or a locator (``S. 3``,
``p. 4``, ``Kap. 2``); one other word and the bracket is prose. A label the list holds
cites its entry; one it does not hold is a citation of a missing work when it has the
shape of a quarter of the list's labels at least (as many digits: ``[Ijk11]`` beside
``[AbCd15]``; the same word: ``[ex 3]`` beside ``[ex 1]``), and no citation otherwise
(``[CO2]`` is a formula, ``[Abb 3]`` a figure).

The citations are keys (`CitationKind.KEY`, command `ALPHA_LABEL`, key the label as
written); the matcher looks an entry up by its label (`list_labels.alpha_label`).

Linear: one pass of a bounded bracket pattern; each item tested with a bounded
pattern; labels held in a set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.list_labels import ALPHA_LABEL, alpha_labels
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.markup import code_index, link_syntax_around
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

ALPHA_LABEL_COMMAND = "alpha-label"  # Citation.command of a label found so

_BRACKET = re.compile(r"\[([^\[\]\n]{1,200})\]")
_ITEM_LABEL = re.compile(ALPHA_LABEL)
# A locator beside a label: "S. 3", "S.3 f.", "p. 4-5", "pp. 4", "Kap. 2", "Abschn. 3.1",
# "Folie 7", or a bare page "12".
_LOCATOR = re.compile(
    r"(?:(?:S|s|p|pp|Seite|Seiten|Kap|Abschn|Abs|Folie|ch|chap|sec|cap|pág|págs|hlm|vol|Bd|"
    r"Nr|no|fig|Abb|Tab|f|ff)\.?\s*)?\d{1,5}(?:[.\-–]\d{1,5})*(?:\s*ff?\.?)?"
)
_DIGITS = re.compile(r"\d+")


class AlphaLabelExtractor(CitationExtractor):
    syntax: ClassVar[str] = "alpha-label"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found: none unless the list is labelled so."""
        labels = alpha_labels(e.raw for e in document.reference_entries)
        if not labels:
            return
        text = document.text
        known = {label.casefold() for label in labels}
        shapes = Counter(_shape(label) for label in labels)
        usual = {shape for shape, n in shapes.items() if n * 4 >= len(labels)}
        code = code_index(text)
        for m in _BRACKET.finditer(text):
            start, end = m.span()
            if link_syntax_around(text, start, end):
                continue  # a link, a reference link, a definition, attributes
            if code and code.covers(start):
                continue
            items = _items(m.group(1))
            if not items:
                continue
            marker = _marker(document, start, end, items, known, usual)
            if marker is not None:
                yield marker


def _shape(label: str) -> tuple[str, int]:
    """What a label is made of: a word and a number ("ex 1": the word, folded), or
    letters and a year (its digits counted: "Knu84" and "Ijk11" share a shape)."""
    head, space, _ = label.partition(" ")
    if space:
        return head.casefold(), 0
    return "", len(_DIGITS.findall(label)[0])


def _items(body: str) -> list[str]:
    """The labels of a bracket, or [] when an item is neither a label nor a locator."""
    labels: list[str] = []
    for part in re.split(r"[;,]", body):
        item = part.strip()
        if _ITEM_LABEL.fullmatch(item):
            labels.append(item)
        elif not (labels and _LOCATOR.fullmatch(item)):
            # a label may carry its locator in the same item: "AbCd15 S. 3"
            head, _, rest = item.partition(" ")
            if not (_ITEM_LABEL.fullmatch(head) and _LOCATOR.fullmatch(rest.strip())):
                return []
            labels.append(head)
    return labels


def _marker(
    document: Document,
    start: int,
    end: int,
    items: list[str],
    known: set[str],
    usual: set[tuple[str, int]],
) -> Marker | None:
    """The bracket's citations: labels the list holds, and labels of its shape it does
    not hold (a missing work); None when it holds neither ("[CO2]", "[Abb 3]")."""
    cited = [
        label
        for label in items
        if label.casefold() in known
        or (_shape(label) in usual and sum(ch.isalpha() for ch in label) >= 2)
    ]
    if not cited:
        return None
    text = shown(document.text[start:end])
    location = document.location_at(start)
    citations = tuple(
        Citation(
            id="",
            text=text,
            location=location,
            kind=CitationKind.KEY,
            item=label,
            key=label,
            command=ALPHA_LABEL_COMMAND,
            certainty=Certainty.SURE,
        )
        for label in cited
    )
    return Marker(start, end, citations)
