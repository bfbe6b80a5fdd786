"""ABNT's undated corporate citations: "(GIT)", "(MATERIALIZECSS)", "(PHP)".

ABNT cites a work by a body with no date as the body's name in capitals alone; its
entry opens with that name and carries no year ("GIT. Documentação oficial.
Disponível em: ... Acesso em: ..."). With no year in the parenthesis no other reader
takes it, and the entry was "never cited". A parenthesis holding only one word in
capitals is read when an entry of the manuscript's own list opens with that word and
a full stop; the citation is WEAK, undated, so `citeaudit.matching.citations` keeps it
only when an undated entry has the name -- "World Health Organization (WHO)", an
acronym defined in the text, is no citation unless such an entry exists, and then
harmless.

A work with no author is cited, undated, by its title's first words and source
("(Perfil do leitor. Expresso. s/d)", the entry "PERFIL DE LEITOR. Expresso. ...
Acesso em: 7 abr. 2022."): the words before the parenthesis's first full stop are
read when they are an entry's words before its first full stop, short linking words
("do" for "de") aside -- the writer retypes the title, the list keeps its spelling.
The citation names the entry's head as written in the list, WEAK and undated.

Linear: bounded patterns, entry heads in a set; the undated marker is found first
and its parenthesis looked for at most `_TITLED_REACH` characters before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Certainty, Citation, CitationKind

_CAPITALS = re.compile(r"\((?P<name>[A-ZÀ-Þ][A-ZÀ-Þ0-9&\-]{1,30})\)")
# "s/d", "s.d.", "n.d.", "sem data" (Spanish "s/f", "s.f.", "sin fecha") closing a
# parenthesis's first part. A blank starts a match only after no blank: from each blank
# of a long run the search read the rest of the run (quadratic; same matches).
_UNDATED = re.compile(
    r"(?:[.,;]|(?<!\s)\s)\s*+(?:s/[df]|s\.\s?[df]\.|n\.\s?d\.|sem data|sin fecha)"
    r"(?=[\s)\[\].,;])",
    re.I,
)
_TITLED_REACH = 160
_TITLE_HEAD = re.compile(r"^\s*(?:[-*+•]\s+)?[*_]*(?P<head>[^\W\d_][^.\n]{2,80}?)\.\s")
# Short linking words a retyped title may change ("do" / "de"); longer words must agree.
_LINKING = 3
# A person's name before the first full stop, "SILVA, J" of "SILVA, J. Title.": no title.
# Read as one, an initial stood for a short linking word, and "(SILVA, s.d.; SOUZA, s/d)"
# was "SILVA, s" -- the first work alone, the group's others lost.
_PERSON_HEAD = re.compile(r",\s*[A-ZÀ-Þ]$")
_ENTRY_HEAD = re.compile(r"^\s*(?:[-*+•]\s+)?[*_]*(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ0-9&\-]{1,30})\.\s")


class UndatedCorporateExtractor(CitationExtractor):
    syntax: ClassVar[str] = "undated-corporate"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (`extract_at_most` holds only those it keeps)."""
        heads = {
            m.group("name")
            for entry in document.reference_entries
            if (m := _ENTRY_HEAD.match(entry.raw[:60]))
        }
        yield from self._capitals(document, heads)

    def _capitals(self, document: Document, heads: set[str]) -> Iterator[Marker]:
        if not heads:
            return
        for m in _CAPITALS.finditer(document.text):
            name = m.group("name")
            if name not in heads:
                continue
            citation = Citation(
                id="",
                text=shown(m.group()),
                location=document.location_at(m.start()),
                kind=CitationKind.AUTHOR_YEAR,
                item=name,
                authors=(name,),
                no_date=True,
                certainty=Certainty.WEAK,
            )
            yield Marker(m.start(), m.end(), (citation,))


class UndatedTitleExtractor(CitationExtractor):
    """A work with no author cited undated by its title's first words (module docstring).

    Runs before the author-year reader, which would take "(Perfil do leitor. Expresso.
    s/d)" for a work of "Expresso"; it claims only a parenthesis whose first words are
    a listed entry's head, so it takes nothing that reader should have.
    """

    syntax: ClassVar[str] = "undated-title"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """ "(Perfil do leitor. Expresso. s/d)": the entry whose head its first words are."""
        titled = {
            _words(m.group("head")): m.group("head")
            for entry in document.reference_entries
            if (m := _TITLE_HEAD.match(entry.raw[:100]))
            and len(_words(m.group("head"))) >= 2
            and not _PERSON_HEAD.search(m.group("head"))
        }
        if not titled:
            return
        text = document.text
        last = -1
        for u in _UNDATED.finditer(text):
            open_at = text.rfind("(", max(u.start() - _TITLED_REACH, 0), u.start())
            if open_at <= last or any(c in text[open_at : u.start()] for c in ");"):
                continue  # closed, or another work's before: "(SILVA, s.d.; SOUZA, s/d)"
            close_at = text.find(")", u.end(), u.end() + _TITLED_REACH)
            head = text[open_at + 1 : u.start()].split(".", 1)[0]
            if close_at < 0 or "\n" in text[open_at:close_at]:
                continue
            listed = _same_title(_words(head), titled)
            if listed is None:
                continue
            citation = Citation(
                id="",
                text=shown(text[open_at : close_at + 1]),
                location=document.location_at(open_at),
                kind=CitationKind.AUTHOR_YEAR,
                item=head.strip(),
                authors=(listed,),
                no_date=True,
                certainty=Certainty.WEAK,
            )
            last = open_at
            yield Marker(open_at, close_at + 1, (citation,))


def _words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return tuple(re.findall(r"[^\W_]+", plain))


def _same_title(cited: tuple[str, ...], titled: dict[tuple[str, ...], str]) -> str | None:
    """The listed head the cited words spell, short linking words aside."""
    if len(cited) < 2:
        return None
    if cited in titled:
        return titled[cited]
    found = [
        head
        for words, head in titled.items()
        if len(words) == len(cited)
        and all(
            a == b or (len(a) <= _LINKING and len(b) <= _LINKING)
            for a, b in zip(words, cited, strict=True)
        )
        and any(a == b and len(a) > _LINKING for a, b in zip(words, cited, strict=True))
    ]
    return found[0] if len(found) == 1 else None
