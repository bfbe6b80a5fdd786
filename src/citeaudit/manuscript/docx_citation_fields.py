"""Reference managers' citation fields in a Word document: what each cites, and where.

Why: Zotero (``ADDIN ZOTERO_ITEM CSL_CITATION {json}``), Mendeley (``ADDIN
CSL_CITATION {json}``) and EndNote (``ADDIN EN.CITE <EndNote>...``, or its base64 in
the field's ``w:fldData``), Citavi (``ADDIN CitaviPlaceholder{base64 JSON}``,
`docx_citavi`) and Word itself (``CITATION Smi19``, its sources in a custom XML part,
`docx_word_sources`) write each in-text citation as a field whose code names the
cited works. Read from the shown text alone, a superscript that lost its formatting, a
custom style or a hand-edited result broke the link to the list. The code is what the
author cited: each work it names is linked to its entry (`docx_field_links`: the DOI,
the first author leading the entry, the year, and whatever else the code knows ruling
entries out), and a work no entry holds is a missing reference named by its author,
year and title.

A field whose code is absent, damaged or names no usable work is left to the shown
text (the ordinary extractors read it). Hostile input is bounded: an instruction is
read up to `MAX_INSTRUCTION` characters, a document up to `MAX_DOCUMENT` characters of
field codes and `MAX_FIELDS` fields; every walk is one pass; a damaged code is a
problem naming its paragraph, never an exception.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.manuscript.document import RawEntry
from citeaudit.manuscript.docx_citavi import CITAVI, citavi_items
from citeaudit.manuscript.docx_field_citation import FieldCitation, FieldItem
from citeaudit.manuscript.docx_field_links import (
    UNSURE,
    EntryIndex,
    fold,
    same_name,
    shown_suffixes,
)
from citeaudit.manuscript.docx_word_sources import WORD_CITATION, citation_tags, lookup

__all__ = ["FieldCollector", "link_fields", "parse_field"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_INSTRUCTION = 200_000  # a cluster of a dozen works with abstracts is ~30,000
MAX_DOCUMENT = 20_000_000  # field code read per document, all fields together
MAX_FIELDS = 20_000  # citation fields per document
MAX_ITEMS = 200  # works per field
_MAX_SHOWN = 2_000  # a result longer than this is no in-text citation
_HEAD = 60  # where a field's kind is told: "ADDIN ZOTERO_ITEM CSL_CITATION"

_CSL = re.compile(r"\s*ADDIN\s++(ZOTERO_ITEM\s++CSL_CITATION|CSL_CITATION)\b", re.IGNORECASE)
_ENDNOTE = re.compile(r"\s*ADDIN\s++EN\.CITE\b(\.DATA)?+", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]++", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]++")
# a shown text naming nobody: years ("2010", "(2010a, b)", "1998; 2003"), perhaps a page
# ("(2015: 278)", "(2019, p. 12)") -- what Zotero's "suppress author" or a year-only
# field shows after a name typed outside it ("Chong et al. (2010)")
_A_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?+"
_NAMELESS = re.compile(
    rf"[\s(\[]*+{_A_YEAR}(?:\s*+[,;/–-]\s*+(?:{_A_YEAR}|[a-z](?![^\W\d_]|\.)))*+"
    r"(?:\s*+[,:]\s*+(?:pp?\.\s*+)?\d{1,5}(?:\s*+[–-]\s*+\d{1,5})?+)?+[\s)\]]*+"
)


# a work the shown text names: "Casero et al. 2015", "Kupiec, 1997", "Lee & Park 2001"
_SHOWN_WORK = re.compile(
    r"(?<![^\W\d_])([^\W\d_][^\W\d_'’-]*+(?:[-'’][^\W\d_]++)?+)"
    r"(?:\s++et\s++al\.?+|\s++(?:and|&)\s++[^\W\d_]++)?+,?+\s++((?:1[5-9]|20)\d\d)(?!\d)"
)
_SHOWN_WORKS = 20  # works read from one shown text


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


# not walked: deletions, and a paragraph's text boxes -- their paragraphs are walked
# after it (`paragraph(..., after=True)`), in the order their lines are read; the VML
# copy of a shape (``mc:Fallback``) never, its fields would be read twice
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DELETED = frozenset((_q("del"), _q("moveFrom"), _q("txbxContent"), f"{{{_MC}}}Fallback"))
_FLD_SIMPLE, _FLD_CHAR, _INSTR, _T = _q("fldSimple"), _q("fldChar"), _q("instrText"), _q("t")
_ONE_CHAR = frozenset((_q("tab"), _q("br"), _q("cr")))
_WALKED = (*_DELETED, _FLD_SIMPLE, _FLD_CHAR, _INSTR, _T, *_ONE_CHAR)  # others: not met


@dataclass(slots=True)
class _Open:
    """A complex field being read: its code, its fldData and its shown result."""

    paragraph: int
    code: list[str] = field(default_factory=list)
    code_length: int = 0
    data: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    shown_length: int = 0
    separated: bool = False
    result_paragraph: int = 0
    offset: int = 0  # characters of the paragraph's text before the result


@dataclass(frozen=True, slots=True)
class RawField:
    """A field's code and result, before its code is read."""

    paragraph: int
    code: str
    data: str  # base64 of w:fldData (EndNote), "" when absent
    shown: str
    offset: int  # about where the result stands in the paragraph's text


class FieldCollector:
    """Complex fields (begin / instrText ... / separate / result / end, cut across any
    number of runs and paragraphs) and simple ones (``w:fldSimple``), one walk a paragraph.

    Only the innermost open field collects result text; a nested field's result is
    part of its parent's too, as Word shows it.
    """

    def __init__(self) -> None:
        self.fields: list[RawField] = []
        self._open: list[_Open] = []
        self._read = 0  # code characters read in the document
        self._seen = 0
        self.cut = False  # the document's bound was reached

    def paragraph(self, element: Any, number: int, after: bool = False) -> None:
        """One walk of the paragraph; tags are compared with constants, so an element
        costs no call of its own (revision marks nest runs hundreds deep). `after`: a
        text box's paragraph, read as the next line of paragraph `number`."""
        deleted = 0
        # text met in the paragraph so far: where a result starts
        self._seen = self._seen + 1 if after else 0
        for event, node in etree.iterwalk(element, events=("start", "end"), tag=_WALKED):
            tag = node.tag
            if tag in _DELETED:
                deleted += 1 if event == "start" else -1
            elif event == "end":
                if tag == _FLD_SIMPLE:
                    self._close_simple(number)
            elif deleted:
                continue
            elif tag == _T:
                if self._open and self._open[-1].separated:
                    self._shown(self._open[-1], node.text or "")
                self._seen += len(node.text or "")
            elif tag == _FLD_CHAR:
                self._char(node, number)
            elif tag == _INSTR:
                self._code(node.text or "")
            elif tag in _ONE_CHAR:
                self._seen += 1
            elif tag == _FLD_SIMPLE:
                self._open.append(
                    _Open(number, separated=True, result_paragraph=number, offset=self._seen)
                )
                self._code(node.get(_q("instr")) or "")

    def _close_simple(self, number: int) -> None:
        if self._open and self._open[-1].paragraph == number and self._open[-1].separated:
            self._finish(self._open.pop())

    def _char(self, node: Any, number: int) -> None:
        kind = node.get(_q("fldCharType"))
        if kind == "begin":
            if len(self._open) >= 64:
                return
            opened = _Open(number)
            data = node.find(_q("fldData"))
            if data is not None and data.text:
                opened.data.append(data.text[: MAX_INSTRUCTION * 2])
            self._open.append(opened)
        elif kind == "separate" and self._open and not self._open[-1].separated:
            self._open[-1].separated = True
            self._open[-1].result_paragraph = number
            self._open[-1].offset = self._seen
        elif kind == "end" and self._open:
            self._finish(self._open.pop())

    def _code(self, text: str) -> None:
        if not self._open or (self._open[-1].separated and self._open[-1].code_length):
            return
        top = self._open[-1]
        room = min(MAX_INSTRUCTION - top.code_length, MAX_DOCUMENT - self._read)
        if room <= 0:
            self.cut = self.cut or self._read >= MAX_DOCUMENT
            return
        piece = text[:room]
        top.code.append(piece)
        top.code_length += len(piece)
        self._read += len(piece)

    def _shown(self, top: _Open, text: str) -> None:
        if top.shown_length <= _MAX_SHOWN:
            top.shown.append(text[: _MAX_SHOWN + 1])
            top.shown_length += len(text)

    def _finish(self, done: _Open) -> None:
        if self._open and self._open[-1].separated:  # the parent shows this result too
            self._shown(self._open[-1], "".join(done.shown))
        if len(self.fields) >= MAX_FIELDS:
            self.cut = True
            return
        head = "".join(done.code)[:_HEAD]
        if not any(kind.match(head) for kind in (_CSL, _ENDNOTE, CITAVI, WORD_CITATION)):
            return
        if done.shown_length > _MAX_SHOWN or done.result_paragraph != done.paragraph:
            return  # a bibliography, or a field spread over paragraphs: no citation
        code, data, shown = "".join(done.code), "".join(done.data), "".join(done.shown)
        self.fields.append(RawField(done.paragraph, code, data, shown, done.offset))


# -- codes -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a field's code says: its manager and works, or why it could not be read."""

    manager: str
    items: tuple[FieldItem, ...] = ()
    problem: str = ""


def parse_field(raw: RawField, sources: Mapping[str, FieldItem] | None = None) -> Parsed | None:
    """The works a field names; None for a field that is no citation of a manager's.
    `sources` are Word's own, by tag (`docx_word_sources`)."""
    code = raw.code
    if WORD_CITATION.match(code):
        tags = citation_tags(code)
        if not tags:
            return Parsed("Word", problem="code names no source")
        # a tag with no source is an item without data: the shown text decides
        return Parsed("Word", tuple(lookup(sources or {}, tag) for tag in tags))
    citavi = CITAVI.match(code)
    if citavi is not None:
        items, problem = citavi_items(code, citavi.end())
        if problem and len(code) >= MAX_INSTRUCTION:
            problem = "citation data is cut short"
        return Parsed("Citavi", items, problem)
    csl = _CSL.match(code)
    if csl is not None:
        manager = "Zotero" if "ZOTERO" in csl.group(1).upper() else "Mendeley"
        return _csl(manager, code, csl.end())
    endnote = _ENDNOTE.match(code)
    if endnote is not None:
        return _endnote(code[endnote.end() :], raw.data)
    return None


def _csl(manager: str, code: str, start: int) -> Parsed:
    brace = code.find("{", start)
    if brace < 0:
        return Parsed(manager, problem="code holds no citation data")
    try:
        data, _ = json.JSONDecoder().raw_decode(code, brace)
    except (ValueError, RecursionError):
        why = "is cut short" if len(code) >= MAX_INSTRUCTION else "is damaged"
        return Parsed(manager, problem=f"citation data (JSON) {why}")
    items = data.get("citationItems") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return Parsed(manager, problem="citation data names no work")
    out: list[FieldItem] = []
    for item in items[:MAX_ITEMS]:
        item_data = item.get("itemData") if isinstance(item, dict) else None
        out.append(_csl_item(item_data) if isinstance(item_data, dict) else FieldItem())
    return Parsed(manager, tuple(out))


def _csl_item(data: dict[str, Any]) -> FieldItem:
    authors: list[str] = []
    for role in ("author", "editor"):
        people = data.get(role)
        if isinstance(people, list):
            for person in people[:MAX_ITEMS]:
                if isinstance(person, dict):
                    name = person.get("family") or person.get("literal")
                    if isinstance(name, str) and name.strip():
                        authors.append(name.strip()[:200])
        if authors:
            break
    title = _text(data.get("title"))
    return FieldItem(
        authors=tuple(authors),
        year=_csl_year(data.get("issued")),
        title="" if title.casefold() in _PLACEHOLDER_TITLES else title,
        doi=_doi(_text(data.get("DOI"))),
    )


# What Mendeley writes for a record the author never filled in (no author either): no
# title to link by, so such a work is left to the text Word shows ("(Roe, 2018)").
_PLACEHOLDER_TITLES = frozenset({"no title", "untitled", "[no title]", "(no title)"})


def _csl_year(issued: Any) -> int | None:
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = parts[0][0]
        if isinstance(first, int) and 1000 <= first <= 2999:
            return first
        if isinstance(first, str):
            return _first_year(first)
    for key in ("raw", "literal"):
        if isinstance(issued.get(key), str):
            return _first_year(issued[key])
    return None


def _first_year(text: str) -> int | None:
    found = _YEAR.search(text[:200])
    return int(found.group(1)) if found else None


def _text(value: Any) -> str:
    return " ".join(value.split())[:500] if isinstance(value, str) else ""


def _doi(text: str) -> str:
    found = _DOI.search(text)
    return found.group(0).rstrip(".,;)").lower() if found else ""


_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=False, load_dtd=False
)


def _endnote(code: str, data: str) -> Parsed:
    text = code.strip()
    if not text.startswith("<") and data:
        try:
            decoded = base64.b64decode("".join(data.split()), validate=False)
        except (binascii.Error, ValueError):
            return Parsed("EndNote", problem="citation data (base64) is damaged")
        text = _decoded(decoded)
    if not text.lstrip().startswith("<"):
        return Parsed("EndNote", problem="code holds no citation data")
    try:
        root = etree.fromstring(text.strip().encode("utf-8"), _XML)
    except (etree.XMLSyntaxError, ValueError):
        why = "is cut short" if len(code) >= MAX_INSTRUCTION else "is damaged"
        return Parsed("EndNote", problem=f"citation data (XML) {why}")
    items: list[FieldItem] = []
    for cite in root.iter("Cite"):
        if len(items) >= MAX_ITEMS:
            break
        items.append(_endnote_item(cite))
    if not items:
        return Parsed("EndNote", problem="citation data names no work")
    return Parsed("EndNote", tuple(items))


def _decoded(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace").strip("\x00")


def _endnote_item(cite: Any) -> FieldItem:
    authors = [
        " ".join(a.itertext()).split(",")[0].strip()[:200]
        for a in cite.iterfind("record/contributors/authors/author")
    ][:MAX_ITEMS]
    if not authors:
        author = _endnote_text(cite.find("Author"))
        authors = [author] if author else []
    year = _first_year(
        _endnote_text(cite.find("Year")) or _endnote_text(cite.find("record/dates/year"))
    )
    title = _endnote_text(cite.find("record/titles/title"))
    doi = _doi(_endnote_text(cite.find("record/electronic-resource-num")))
    return FieldItem(tuple(a for a in authors if a), year, title, doi)


def _endnote_text(node: Any) -> str:
    return " ".join(" ".join(node.itertext()).split())[:500] if node is not None else ""


# -- linking -----------------------------------------------------------------------------


def _usable(item: FieldItem) -> bool:
    return bool(item.doi or item.authors or len(item.title) >= 8)


def link_fields(
    raw_fields: Sequence[RawField],
    entries: Sequence[RawEntry],
    sources: Mapping[str, FieldItem] | None = None,
) -> tuple[tuple[FieldCitation, ...], list[tuple[int, str]]]:
    """The fields whose code names works, each work linked to its entry; and, for the
    problems, (paragraph, why) of each field whose code could not be read. `sources`
    are Word's own, by tag, for its ``CITATION`` fields.

    A field whose works cannot all be told apart from the code (a work with no name,
    title or DOI; several entries fitting one work equally) is left to its shown text.
    """
    index = EntryIndex(entries) if raw_fields else None
    linked: list[FieldCitation] = []
    problems: list[tuple[int, str]] = []
    for raw in raw_fields:
        parsed = parse_field(raw, sources)
        if parsed is None:
            continue
        found = _linked(raw, parsed, index, problems)
        if found.items or not _NAMELESS.fullmatch(raw.shown[:_MAX_SHOWN]):
            linked.append(found)
        # else a field left to a shown text naming nobody ("2010", "(2010a)") is no
        # field: the name typed before it ("Chong et al. (", "Lee (") makes the
        # citation, read with it by the text's readers. Claimed alone, the year was
        # a citation of nobody and the name's entry "uncited" (dev DOCX, Frontiers).
    return tuple(linked), problems


def _linked(
    raw: RawField, parsed: Parsed, index: EntryIndex | None, problems: list[tuple[int, str]]
) -> FieldCitation:
    """The field with its works linked; with none when the shown text must decide (the
    field still tells the extractor where its result stands)."""
    left = FieldCitation(raw.paragraph, raw.shown, parsed.manager, (), raw.offset)
    if parsed.problem:
        problems.append((raw.paragraph, f"{parsed.manager} field's {parsed.problem}"))
        return left
    if index is None or not parsed.items or not all(_usable(i) for i in parsed.items):
        return left
    items: list[FieldItem] = []
    suffixes = shown_suffixes(raw.shown)
    for item in parsed.items:
        found = index.link(item, suffixes)
        if found == UNSURE:
            return left  # one work the code cannot tell: the shown text decides them all
        if found is None and _named_otherwise(item, parsed.items, raw.shown):
            return left  # ... and one no entry holds whose place the text gives another
        if found is not None:
            found = _shown_year_entry(item, found, raw.shown, index)
            found = _shown_pair_entry(item, found, raw.shown, index)
        items.append(replace(item, entry=None if found is None else found + 1))
    items.extend(_shown_only(raw.shown, items, index))
    return FieldCitation(raw.paragraph, raw.shown, parsed.manager, tuple(items), raw.offset)


def _named_otherwise(item: FieldItem, items: Sequence[FieldItem], shown: str) -> bool:
    """Whether the shown text never names the work's first author and cites, by name
    and year, someone who is no first author of the field's works: the text was
    retyped, or the data names other people than the text.

    Why: the reader follows the shown text. A work whose data names its book's editors
    as its authors, shown as the group's acronym ("(Keng 1983, LMG 2012)" for the
    "Lantern Moss Group (LMG)" entry), links to no entry by its first author -- it was
    reported missing under the editors' names while the text plainly cites a listed
    entry (dev DOCX, Pensoft). A work the text names ("Sousounis and Tsonis 2012",
    its entry deleted), or one it abbreviates beside the others' names ("(Quenby &
    Marsh, 2015; H., 1999)"), keeps the code's reading: still missing."""
    text = set(_WORD.findall(fold(shown[:_MAX_SHOWN])))
    names = _name_words(item.authors[0]) if item.authors else []
    # named, or misspelt ("Garner 2002" for Gardner): the code's reading stands
    if not names or any(same_name(w, n) for n in names for w in text):
        return False
    firsts = {w for i in items if i.authors for w in _name_words(i.authors[0])}
    return any(
        not firsts & set(_name_words(found.group(1)))
        for found in itertools.islice(_SHOWN_WORK.finditer(shown[:_MAX_SHOWN]), _SHOWN_WORKS)
    )


def _shown_year_entry(item: FieldItem, found: int, shown: str, index: EntryIndex) -> int:
    """The entry the shown text cites for the work: `found` (0-based), unless the text
    gives the work's first author one year, not the work's, that `found` lacks and
    another entry of the work's authors holds -- then that entry.

    Why: the reader follows the text. A field whose data names Jahn & Kusber 2004
    shown as "(Jahn and Kusber 2012)" (retyped, or the data of the author's other
    work), in a list holding both works, cites the 2012 entry for the editor: linked to
    the 2004 one it was a year slip there, then a missing citation, and the 2012 entry
    "uncited" (dev DOCX, Pensoft). A year no other entry of the authors holds leaves
    the field's link (a year slip), and so does a text showing the work's own year
    anywhere (another work's year beside the name: "Quenby 2015; 2017")."""
    if not item.authors or item.year is None or str(item.year) in shown[:_MAX_SHOWN]:
        return found  # the work's own year shown ("Quenby 2015; 2017"): nothing retyped
    names = _name_words(item.authors[0])
    years = {
        int(match.group(2))
        for match in itertools.islice(_SHOWN_WORK.finditer(shown[:_MAX_SHOWN]), _SHOWN_WORKS)
        if any(same_name(w, n) for w in _name_words(match.group(1)) for n in names)
    }
    if len(years) != 1:
        return found
    year = next(iter(years))
    if year == item.year or year in index.years[found]:
        return found
    other = index.link(replace(item, year=year, title="", doi=""))
    if other is None or other < 0 or other == found or year not in index.years[other]:
        return found
    return other


def _shown_pair_entry(item: FieldItem, found: int, shown: str, index: EntryIndex) -> int:
    """The entry the shown text cites for a work of three or more authors that it
    shows as two ("Schuman and Baldwin, 2012" for Schuman, Barthel and Baldwin): the
    one entry of those two and that year naming none of the coauthors the text skips,
    else `found` (0-based).

    Why: no style writes two names for three authors, so the text was typed for the
    two-author work (or the data names another work): the editor reads the text. Linked
    by the data, the two-author entry beside it was "uncited" (dev DOCX, eLife)."""
    if len(item.authors) < 3 or item.year is None:
        return found
    names = _name_words(item.authors[0])
    for match in itertools.islice(_SHOWN_WORK.finditer(shown[:_MAX_SHOWN]), _SHOWN_WORKS):
        words = _WORD.findall(fold(match.group(0)))
        if int(match.group(2)) != item.year:
            continue  # another work's piece ("Dudareva and Pichersky, 2008; Dudareva et al.")
        paired = " and " in match.group(0) or "&" in match.group(0)
        words = [w for w in words if w != "and"]
        if not paired or len(words) != 2 or not any(same_name(words[0], n) for n in names):
            continue
        second = words[1]
        skipped = [
            w
            for author in item.authors[1:3]
            for w in _name_words(author)[-1:]
            if not same_name(second, w)
        ]
        if not skipped:
            return found
        other = index.named_pair(item.authors[0], second, int(match.group(2)), skipped)
        return found if other is None else other
    return found


def _name_words(name: str) -> list[str]:
    return [w for w in _WORD.findall(fold(name)) if len(w) >= 2]


def _shown_only(shown: str, items: Sequence[FieldItem], index: EntryIndex) -> list[FieldItem]:
    """Works the shown text names that the code does not, each linked to its entry.

    Why: a shown text edited by hand, or a field whose code names another work than
    its text ("(Elowitz et al., 2002; Kupiec, 1997)" whose code holds Elowitz and Adler),
    is read by the editor as citing what it says: the entry of Kupiec 1997 was
    "uncited" although the text cites it (dev DOCX, eLife and Pensoft). Only when some
    work of the code is not named by the shown text (a substitution, not an addition)
    and the named work leads one entry of its year; the code's works stay cited.
    """
    firsts = {fold(i.authors[0]) for i in items if i.authors}
    text = fold(shown[:_MAX_SHOWN])
    if not firsts or all(any(w in text for w in _WORD.findall(f)) for f in firsts):
        return []
    linked = {i.entry for i in items}
    out: list[FieldItem] = []
    for match in itertools.islice(_SHOWN_WORK.finditer(shown[:_MAX_SHOWN]), _SHOWN_WORKS):
        name, year = match.group(1), int(match.group(2))
        if fold(name) in firsts or len(name) < 2:
            continue
        work = FieldItem(authors=(name,), year=year)
        found = index.link(work, shown_suffixes(match.group(0)))
        if found is not None and found >= 0 and found + 1 not in linked:
            linked.add(found + 1)
            out.append(replace(work, entry=found + 1))
    return out
