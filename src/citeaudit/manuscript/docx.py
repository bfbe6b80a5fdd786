"""Word (.docx) manuscripts, read as hostile input.

Lines are paragraphs, or a paragraph's lines where soft line breaks cut it
(`docx_breaks`): `Line.number` is the paragraph's 1-based position in the body,
counting paragraphs inside tables and content controls in reading order, and every
place in a .docx is reported as that paragraph plus the sentence quoted
(`citeaudit.manuscript.excerpt`), since Word shows no paragraph numbers. Footnotes
and endnotes follow the body as lines of the pseudo-files ``<path>#footnotes`` and
``<path>#endnotes``, numbered as Word numbers the notes.

Text is what Word shows: runs, tabs and breaks, hyperlinks, the *results* of fields
and content controls (Zotero, Mendeley and EndNote put citations there; their field
codes and CSL-JSON are never read as text); tracked deletions and hidden text are left
out. A text box's paragraphs (a review's "Box 1", a shape's caption) are lines of the
paragraph anchoring it, after that paragraph's own text, read once (not again from the
VML copy Word writes beside a shape). Runs set superscript are recorded in `Line.superscripts`, so
numeric citations printed as superscripts can be read. A bibliography written by a
reference manager (a Zotero/Mendeley/EndNote/Word bibliography field or content
control) is the reference list even when no heading announces it.

The package is read with `zipfile` and lxml alone, part by part, never following a
relationship: an external target (a template on a server, ``file:///etc/passwd``) is
neither fetched nor read. Before `zipfile` lists the parts, the archive is refused if it
lists more than `zip_directory.MAX_PARTS`, or a record's extra field more than
`zip_directory.MAX_EXTRA_FIELDS` sub-fields (counted cheaply: `zipfile` would build a
record for each, and decode each extra field in quadratic time). Before anything is
decompressed the archive is refused if it would unpack to more than `MAX_UNPACKED_BYTES`
or a part is compressed beyond any real document, and the XML parts read may unpack to
`MAX_XML_BYTES` together (the body first; a part past what is left skipped); parts use
only the compression methods Word writes; XML with a document type declaration (where
entity bombs and external entities live) is refused in whatever encoding the part is
written (UTF-16 hides it from a byte search), and the parser never resolves entities nor
touches the network. A part with more than `MAX_TAGS` tags or `MAX_ATTRIBUTES`
attributes, or declaring an encoding that hides them from a byte count (UTF-7:
`docx_xml_size`), is refused before its tree is built, and the parts read share
`MAX_PACKAGE_TAGS` and `MAX_PACKAGE_ATTRIBUTES` (the body first, a part past what is
left skipped), and the body and then the notes are read to `reading.MAX_LINES`
paragraphs and notes, as a text manuscript is to as many lines, and to
`docx_budget.MAX_TEXT_CHARS` characters (a ZIP's bytes do not bound its text as a text
file's do). A damaged main document is an InputError (nothing can be read); a damaged
notes or styles part is an InputProblem and the rest is audited.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.bounded_read import open_regular, read_head
from citeaudit.encodable import encodable
from citeaudit.errors import InputError
from citeaudit.input_scope import DEFAULT_MAX_XML_TAGS, InputScope
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.docx_breaks import BREAK, line_segments
from citeaudit.manuscript.docx_budget import MAX_XML_BYTES, TextBudget
from citeaudit.manuscript.docx_citation_fields import FieldCollector, RawField, link_fields
from citeaudit.manuscript.docx_endnote_list import (
    ENDNOTE_MARK,
    endnote_entries,
    endnotes_read_as_list,
    titled_endnote_list,
    with_endnote_marks,
)
from citeaudit.manuscript.docx_field_citation import FieldItem
from citeaudit.manuscript.docx_field_list import field_list_span, joined_continuations
from citeaudit.manuscript.docx_front_matter import without_affiliation_marks
from citeaudit.manuscript.docx_headers import (
    MAX_PAGE_PARTS,
    PAGE_PART,
    page_part_file,
    shown_page_parts,
)
from citeaudit.manuscript.docx_hidden import (
    CHOICE,
    FALLBACK,
    Looks,
    alternative_shown,
    paragraph_grounded,
    paragraph_style,
    run_unseen,
    style_looks,
    unseen_notes,
)
from citeaudit.manuscript.docx_links import ShownLink, link_targets, paragraph_links
from citeaudit.manuscript.docx_numbering import ListLabels, paragraph_level, paragraph_list
from citeaudit.manuscript.docx_run_on import split_run_on
from citeaudit.manuscript.docx_style_chains import nearest_along, styles_read
from citeaudit.manuscript.docx_table_notes import without_note_markers
from citeaudit.manuscript.docx_table_rows import in_row, row_label
from citeaudit.manuscript.docx_word_sources import WORD_CITATION, word_sources
from citeaudit.manuscript.docx_xml_size import XmlSize, xml_size
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.list_override import visible_list_holds_marks
from citeaudit.manuscript.list_tail import dated, ends_list
from citeaudit.manuscript.markdown_tail_list import tail_list
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.reading import MAX_LINES, InputProblem
from citeaudit.manuscript.reference_section import is_reference_title, looks_like_entry_start
from citeaudit.manuscript.zip_directory import MAX_PARTS, directory_refusal
from citeaudit.manuscript.zip_kind import other_package
from citeaudit.model.location import Location

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_PACKAGE_ATTRIBUTES",
    "MAX_PACKAGE_TAGS",
    "MAX_TAGS",
    "MAX_UNPACKED_BYTES",
    "MAX_XML_BYTES",
    "DocxReader",
]

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Tags one part may hold: a 1,000-page thesis has well under a million. lxml builds a
# node of ~100 bytes per element before anything can be counted, so 64 MB of "<w:p/>"
# (11 million paragraphs, compressed past no ratio a real part has) was a 1.3 GB tree
# and, paragraph by paragraph, many minutes of a worker.
MAX_TAGS = 2_000_000
# Tags of all the parts read, together (body, styles, numbering, notes, custom XML):
# each part's tree is built whole, and a cap per part let twenty-one parts of 2,000,000
# tags each be parsed one after another (66 MB unpacked: 4.4 s and 1.1 GB for five).
MAX_PACKAGE_TAGS = 3_000_000
# Attributes, counted apart (`docx_xml_size`): each is a node of ~220 bytes, and one
# element may carry any number -- 6.4 million in a 620 KB upload's body took 1.4 GB while
# its "<" count stayed under the tag cap (rt38z). Word writes one or two per element.
MAX_ATTRIBUTES = 2_000_000
MAX_PACKAGE_ATTRIBUTES = 3_000_000
_MAX_RATIO = 1000  # a real .docx part compresses perhaps 10-50 times, never 1000
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
_MAIN = "word/document.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"  # hyperlinks' targets (docx_links)
_NOTES = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"))
# Word's bibliography sources live in a custom XML part ("customXml/item1.xml"); a
# document has a few such parts, each small
_CUSTOM = re.compile(r"customXml/item\d{1,4}\.xml")
_MAX_CUSTOM_PARTS = 16
_MAX_CUSTOM_BYTES = 8 * 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_HEADING_STYLE = re.compile(
    r"(?:heading|judul|überschrift|titre|título|titulo|titolo|kop|rubrik|otsikko|"
    r"nagłówek|заголовок|标题|見出し)\s*([0-9])",
    re.IGNORECASE,
)
_OUTLINE = re.compile(r"[0-8]")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_PSEUDO_HEADING_LEVEL = 7
_BIBLIOGRAPHY_FIELD = re.compile(
    r"^\s*(?:BIBLIOGRAPHY\b|ADDIN\s+(?:ZOTERO_BIBL|EN\.REFLIST|Mendeley\s+Bibliography|"
    r"CSL_BIBLIOGRAPHY|PAPERS2_BIBLIOGRAPHY|RW\.BIBLIOGRAPHY|CITAVI\.BIBLIOGRAPHY))",
    re.IGNORECASE,
)
_INSTRUCTION_HEAD = 200  # enough of a field code to know what the field is
_BIBLIOGRAPHY_TAG = re.compile(r"BIBLIOGRAPHY|ZOTERO_BIBL", re.IGNORECASE)
_SKIPPED = frozenset({"del", "moveFrom", "txbxContent", "instrText", "delInstrText"})
_CONTAINERS = frozenset({"tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "smartTag"})
_TRUE = frozenset({"", "1", "true", "on"})


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


@dataclass(frozen=True, slots=True)
class _Styles:
    names: dict[str, str]  # style id -> name
    bold: frozenset[str]  # paragraph styles whose text is bold
    superscript: frozenset[str]  # character styles set superscript
    # paragraph styles that put a paragraph in a list ("List Number"): style id ->
    # (numId, level), inherited through basedOn
    lists: dict[str, tuple[str, int]] = field(default_factory=dict)
    looks: Looks = field(default_factory=Looks)  # what Word hides or no one sees (docx_hidden)
    # a template's own heading style ("_ÜberSchr1", based on Heading 1): style id -> the
    # name of the nearest style it is based on that names a heading level, for styles
    # whose own name and id name none
    heading_names: dict[str, str] = field(default_factory=dict)

    def paragraph_list(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) of the list a paragraph is in: its own ``numPr``, else its
        style's. Word's "List Number" style numbers a reference list from the style
        alone: read from the paragraph only, its numbers were lost and each entry's
        boundary guessed."""
        own = paragraph_list(paragraph)
        if own is not None or not self.lists:
            return own
        style = paragraph.find("w:pPr/w:pStyle", _NS)
        if style is None:
            return None
        found = self.lists.get(style.get(_q("val")) or "")
        if found is None:
            return None
        level = paragraph_level(paragraph)  # a level without a list
        return found if level is None else (found[0], level)


class DocxReader(ManuscriptReader):
    format: ClassVar[str] = "docx"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)

    def __init__(self, scope: InputScope | None = None) -> None:
        # The audit's scope: its Word files together hand the parser at most
        # `input_scope.DEFAULT_MAX_XML_TAGS` tags (None: this file's own caps only).
        self.scope = scope

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        name = str(path)
        problems: list[InputProblem] = []
        parts = _read_package(Path(path), name, problems, self.scope)
        root, why = _parse(parts[_MAIN])
        if root is None:
            raise InputError(
                name, f"{'damaged' if why.startswith(_BROKEN) else 'refused'} DOCX: {_MAIN} {why}"
            )
        body = root.find(_q("body"))
        if body is None:
            raise InputError(name, f"not a DOCX file: {_MAIN} has no body")
        styles = _styles(parts.get(_STYLES), name, problems, root)
        # what the editor may see otherwise than it is read: tracked changes, hidden,
        # white and hairline text (docx_hidden)
        for note in unseen_notes(body, styles.looks):
            problems.append(InputProblem(name, None, note))
        numbering = _numbering(parts.get(_NUMBERING), name, problems)
        relationships = _relationships(parts.get(_RELATIONSHIPS), name, problems)
        targets = link_targets(relationships)
        shown_links: list[ShownLink] = []  # links printing one text, opening a target
        lines: list[Line] = []
        levels: dict[int, int] = {}
        bibliography: list[int] = []
        fields = _FieldState()
        citation_fields = FieldCollector()  # reference managers' in-text citations
        held: tuple[Any, str, int] | None = None  # a table row's number cell, for its entry
        budget = TextBudget()  # lines and characters, body then notes (docx_budget)
        stopped = False  # the problem that says reading stopped is listed
        # Word's paragraphs, numbered from 1; a paragraph's soft line breaks make more lines
        for paragraph, (element, in_bibliography_control) in enumerate(_paragraphs(body), 1):
            index = len(lines)
            if index >= MAX_LINES or budget.done:  # what every later pass pays for
                message = (
                    f"only the first {MAX_LINES:,} paragraphs were read -- more than "
                    "any manuscript has; the rest of the document is not audited"
                )
                problems.append(
                    InputProblem(name, None, budget.message() if budget.done else message)
                )
                stopped = True
                break
            text, superscripts = _within(budget, *_paragraph_text(element, styles))
            in_field = fields.paragraph(element)
            citation_fields.paragraph(element, paragraph)
            here = Location(name, paragraph, unit="paragraph")
            shown_links.extend(ShownLink(here, s, t) for s, t in paragraph_links(element, targets))
            if held is not None:  # a row's number cell: the label of a dated entry beside it
                row, label_text, label_paragraph = held
                held = None
                if in_row(element, row) and dated(text):
                    text, superscripts = _labelled(label_text, text, superscripts)
                else:
                    lines.append(Line(name, label_paragraph, label_text))
                    index = len(lines)
            row = row_label(element, text)
            if row is not None and index + 1 < MAX_LINES:
                held = (row, text.strip(), paragraph)
                continue
            listed = styles.paragraph_list(element)
            label = numbering.label(*listed) if listed is not None else ""
            level = _heading_level(element, text, styles)
            if label and level is None and text.strip():  # the number Word draws
                text, superscripts = _labelled(label, text, superscripts)
            if level is not None:  # a heading is one line, whatever breaks it holds
                text = text.replace(BREAK, " ")
            for segment, spans in line_segments(text, superscripts, MAX_LINES - index):
                lines.append(Line(name, paragraph, segment, spans))  # soft breaks: lines
            if level is not None:
                levels[index] = level
            # a content control's own title ("Bibliography", Word's building block) is
            # the list's heading, not its first entry; the next chapter's title typed
            # into a field's last paragraph ("DAFTAR RIWAYAT HIDUP") is no entry either
            titled = level is not None or _list_title(text)
            listed_here = (
                in_field or in_bibliography_control or _bibliography_style(element, styles)
            )
            if not titled and listed_here:
                bibliography.extend(range(index, len(lines)))
            elif not listed_here:  # a list entry's box (a logo, a stamp) is no text of it
                for box in _box_paragraphs(element):
                    if len(lines) >= MAX_LINES or budget.done:
                        break
                    citation_fields.paragraph(box, paragraph, after=True)
                    boxed, spans = _within(budget, *_paragraph_text(box, styles))
                    lines.extend(
                        Line(name, paragraph, segment, kept)
                        for segment, kept in line_segments(boxed, spans, MAX_LINES - len(lines))
                    )
        if held is not None:
            lines.append(Line(name, held[2], held[1]))
        marked_lines = lines
        lines = _body_lines(with_endnote_marks(marked_lines, numbered=False))
        notes: list[Line] = []
        budget.lines_left = min(budget.lines_left, MAX_LINES - len(lines))  # notes are lines
        for part, kind in _NOTES:
            if part in parts and not budget.done:
                notes.extend(_notes(parts[part], name, part, kind, styles, problems, budget))
        for part in shown_page_parts(body, relationships):  # the headers and footers printed
            if part in parts and not budget.done:
                notes.extend(_page_part(parts[part], name, part, styles, problems, budget))
        base = document_from_lines(name, self.format, lines, levels=levels)
        if not bibliography and not base.reference_entries:
            base = _unheaded_list(base)  # entries ending the text, no heading over them
        endnoted = [n for n in notes if n.file == f"{name}#endnotes"]
        note_list = titled_endnote_list(endnoted)
        if not bibliography and not base.reference_entries and note_list is not None:
            # one endnote holds the whole list under its title (docx_endnote_list)
            note_title, entries_in_note = note_list
            base = dataclasses.replace(
                base,
                reference_entries=entries_in_note,
                reference_heading=Location(note_title.file, note_title.number),
                reference_layout=None,
            )
            notes = [
                n
                for n in notes
                if not (n.file == note_title.file and n.number == note_title.number)
            ]
        elif not bibliography and not base.reference_entries and endnotes_read_as_list(endnoted):
            # the endnotes are the list, the marks its numbers (docx_endnote_list)
            lines = _body_lines(with_endnote_marks(marked_lines, numbered=True))
            base = dataclasses.replace(
                document_from_lines(name, self.format, lines, levels=levels),
                reference_entries=endnote_entries(endnoted),
                reference_heading=Location(endnoted[0].file, endnoted[0].number),
                reference_layout=None,
            )
            notes = [n for n in notes if n.file != endnoted[0].file]
        if bibliography:  # a reference manager's own list is the list, wherever it stands
            marked = _field_bibliography(base, lines, set(bibliography), levels)
            # ... unless its marks are leftovers inside a longer visible list
            if not visible_list_holds_marks(base, bibliography, len(marked.reference_entries)):
                base = marked
        # one entry over two paragraphs, two numbered entries in one
        entries = joined_continuations(split_run_on(base.reference_entries))
        sources = _word_sources(parts, citation_fields.fields)
        linked, unread = link_fields(citation_fields.fields, entries, sources)
        problems.extend(_field_problems(name, unread, citation_fields.cut))
        if budget.exhausted and not stopped:
            problems.append(InputProblem(name, None, budget.message()))
        return (
            Document(
                path=base.path,
                format=base.format,
                lines=base.lines + tuple(notes),
                reference_entries=tuple(
                    dataclasses.replace(e, location=_paragraph(e.location)) for e in entries
                ),
                reference_heading=(
                    _paragraph(base.reference_heading) if base.reference_heading else None
                ),
                reference_layout=base.reference_layout,
                files=(name,),
                citation_fields=linked,
                shown_links=tuple(shown_links),
            ),
            problems,
        )


def _body_lines(lines: list[Line]) -> list[Line]:
    """The body's lines without the marks that are no citations."""
    lines = without_note_markers(lines)  # a table's ¹ and ² are no citations
    return without_affiliation_marks(lines)  # nor are a title block's


def _word_sources(parts: dict[str, bytes], fields: Sequence[RawField]) -> dict[str, FieldItem]:
    """Word's own bibliography sources, by tag -- read only when a ``CITATION`` field
    needs them; a part that is damaged or declares a DTD is passed over (the fields then
    read as their shown text)."""
    if not any(WORD_CITATION.match(f.code) for f in fields):
        return {}
    roots = (_parse(data)[0] for part, data in sorted(parts.items()) if _CUSTOM.fullmatch(part))
    return word_sources(roots)


def _field_problems(name: str, unread: list[tuple[int, str]], cut: bool) -> list[InputProblem]:
    """One problem for the citation fields whose code could not be read (at the first
    of them, with the count), one for a document past the bounds on field codes."""
    problems: list[InputProblem] = []
    if unread:
        paragraph, why = unread[0]
        more = f" (and {len(unread) - 1} more such field(s))" if len(unread) > 1 else ""
        problems.append(
            InputProblem(
                name,
                paragraph,
                f"paragraph {paragraph}: the {why}{more}; the citation was read from "
                "the text Word shows instead",
            )
        )
    if cut:
        problems.append(
            InputProblem(
                name,
                None,
                "the document holds more citation-field code than any manuscript; the "
                "fields past that bound were read from the text Word shows",
            )
        )
    return problems


def _paragraph(location: Location) -> Location:
    return dataclasses.replace(location, unit="paragraph")


# -- the package ---------------------------------------------------------------------


def _read_package(
    path: Path, name: str, problems: list[InputProblem], scope: InputScope | None = None
) -> dict[str, bytes]:
    """The parts this reader uses, each read within the caps; refusals as InputError."""
    try:  # a regular file, inside the audit's folder while a stranger's (`bounded_read`)
        stream = open_regular(path)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(name, f"cannot be read: {reason}") from exc
    with stream:
        refusal = directory_refusal(stream, MAX_PARTS)
        if refusal is not None:
            raise InputError(name, f"refused: {refusal} (a damaged file or a ZIP bomb)")
        return _read_parts(stream, path, name, problems, scope)


def _read_parts(
    stream: BinaryIO,
    path: Path,
    name: str,
    problems: list[InputProblem],
    scope: InputScope | None = None,
) -> dict[str, bytes]:
    """The package opened from `stream`, its parts' declared sizes checked first."""
    try:
        archive = zipfile.ZipFile(stream)
    except NotImplementedError as exc:
        raise InputError(name, f"not a readable DOCX: {exc}") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        hint = " (an old .doc or a password-protected file?)" if _is_ole(path) else ""
        raise InputError(name, f"not a DOCX file: not a ZIP archive{hint}") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    with archive:
        infos = {info.filename: info for info in archive.infolist()}
        if _MAIN not in infos:
            other = other_package(archive, infos)  # an .odt is told to save as .docx
            raise InputError(name, other or f"not a DOCX file: the ZIP has no {_MAIN}")
        total = sum(info.file_size for info in infos.values())
        if total > MAX_UNPACKED_BYTES:
            raise InputError(
                name,
                f"refused: would unpack to {total // (1024 * 1024)} MB, more than "
                f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB (a damaged file or a ZIP bomb)",
            )
        for info in infos.values():
            if info.file_size > 1024 * 1024 and info.file_size > _MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise InputError(
                    name,
                    f"refused: {info.filename[:100]} is compressed over {_MAX_RATIO}:1 "
                    "(a ZIP bomb?)",
                )
        parts: dict[str, bytes] = {}
        custom = sorted(p for p in infos if _CUSTOM.fullmatch(p))[:_MAX_CUSTOM_PARTS]
        audit_left = scope.xml_tags_left() if scope is not None else MAX_PACKAGE_TAGS
        tags_left = min(MAX_PACKAGE_TAGS, audit_left)
        attributes_left = MAX_PACKAGE_ATTRIBUTES
        bytes_left = MAX_XML_BYTES
        parts_read = (_MAIN, _STYLES, _NUMBERING, _RELATIONSHIPS, *(p for p, _ in _NOTES))
        # headers and footers: those a section prints are read (docx_headers)
        page = sorted((p for p in infos if PAGE_PART.fullmatch(p)), key=_numbered)
        for part in (*parts_read, *custom, *page[: 2 * MAX_PAGE_PARTS]):
            found = infos.get(part)
            if found is None or (part in custom and found.file_size > _MAX_CUSTOM_BYTES):
                continue
            if found.file_size > bytes_left:  # judged before unpacking, the body first
                if part == _MAIN:
                    raise InputError(name, _xml_bytes(part, found.file_size))
                problems.append(InputProblem(name, None, _xml_bytes(part, found.file_size)))
                continue
            problem = _unreadable(found)
            data = None if problem else _unpack(archive, found)
            if data is None:
                problem = problem or "its compressed data is damaged"
                if part == _MAIN:
                    raise InputError(name, f"damaged DOCX: {part} cannot be unpacked: {problem}")
                problems.append(InputProblem(name, None, f"{part} skipped: {problem}"))
                continue
            # One budget of tags and one of attributes for the parts together, the body
            # first (its own caps, `MAX_TAGS` and `MAX_ATTRIBUTES`, are `_parse`'s): each
            # "<" is at most one element of a tree, each "=" one attribute
            # (`docx_xml_size`); a part whose encoding hides them is not parsed.
            size = xml_size(data)
            if isinstance(size, str):
                if part == _MAIN:
                    raise InputError(name, f"refused DOCX: {part} {size}")
                problems.append(InputProblem(name, None, f"{part} skipped: it {size}"))
                continue
            if part == _MAIN and size.nodes > audit_left:
                raise InputError(name, _audit_tags(size.nodes, audit_left))
            if part != _MAIN and (size.tags > tags_left or size.attributes > attributes_left):
                problems.append(InputProblem(name, None, _package_tags(part, size)))
                continue
            tags_left -= min(size.tags, tags_left)
            attributes_left -= min(size.attributes, attributes_left)
            bytes_left -= len(data)
            if scope is not None and size.tags <= MAX_TAGS and size.attributes <= MAX_ATTRIBUTES:
                # what the parser will be handed: its elements and attributes
                scope.take_xml_tags(size.nodes)
            parts[part] = data
        return parts


def _xml_bytes(part: str, size: int) -> str:
    return (
        f"{part} {'not read' if part == _MAIN else 'skipped'}: it would unpack to "
        f"{size // (1024 * 1024):,} MB of XML, past what is left of the "
        f"{MAX_XML_BYTES // (1024 * 1024)} MB a document's text parts may hold together "
        "(a 1,000-page thesis holds about 30 MB)"
    )


def _audit_tags(nodes: int, left: int) -> str:
    return (
        f"not read: its {_MAIN} holds {nodes:,} XML tags and attributes, and the audit's "
        f"other Word files leave {left:,} of the {DEFAULT_MAX_XML_TAGS:,} one audit parses"
    )


def _package_tags(part: str, size: XmlSize) -> str:
    return (
        f"{part} skipped: its {size.tags:,} XML tags and {size.attributes:,} attributes "
        f"pass what is left of the {MAX_PACKAGE_TAGS:,} tags and "
        f"{MAX_PACKAGE_ATTRIBUTES:,} attributes a document's parts may hold together, "
        "more than any Word document (each part's tree is built whole)"
    )


def _unreadable(info: zipfile.ZipInfo) -> str | None:
    if info.flag_bits & 0x1:
        return "it is encrypted"
    if info.compress_type not in _METHODS:
        return f"compression method {info.compress_type}, which Word never writes"
    return None


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """The part's bytes, or None when its data is damaged (bad deflate data, bad CRC).

    Read to its declared size, which the package's checks judged: zipfile hands the
    decompressor the size asked for and cuts to the declared one only afterwards, so
    asking for `MAX_UNPACKED_BYTES` let a part declaring 82 bytes unpack 200 MB first
    (each of the ~30 parts read, from a few MB of upload)."""
    try:
        with archive.open(info) as handle:
            data = handle.read(min(info.file_size, MAX_UNPACKED_BYTES + 1))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        return None
    except RuntimeError:  # encrypted despite its flags
        return None
    return data if len(data) <= MAX_UNPACKED_BYTES else None


def _is_ole(path: Path) -> bool:
    try:
        return read_head(path, 8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except (OSError, ValueError):
        return False


_BROKEN = "is not readable XML"
# libxml2's limits, said as what they mean for a Word part (its own words name an option)
_LIMITS = (
    ("Excessive depth", "elements nested more than 256 deep, past any Word document"),
    ("Text node too long", "a text of over 10 MB in one piece"),
    ("Buffer size limit", "a tag of over 10 MB"),
    ("Resource limit", "past the XML parser's limits"),
)


def _damaged(why: str) -> str:
    """How a part other than the body is said to be unread: "is damaged (line 3, column
    8: ...)," or its refusal's reason."""
    if why.startswith(_BROKEN):
        return f"is damaged{why[len(_BROKEN) :]},"
    return f"{why};"


def _broken(exc: etree.XMLSyntaxError) -> str:
    """`_BROKEN` with where and why: the part's line and column, and libxml2's reason
    (its limits in plain words). An upload nested past libxml2's depth of 256 was lost
    whole as "not readable XML", saying neither where nor why (rt38z)."""
    error = exc.error_log.last_error if exc.error_log else None
    message = str(error.message if error is not None else exc.msg or "")
    line, column = exc.position if exc.position else (error.line, error.column) if error else (0, 0)
    reason = next((plain for mark, plain in _LIMITS if mark in message), None)
    if reason is None:
        reason = " ".join(message.split())[:160] or "damaged"
    return f"{_BROKEN} (line {line:,}, column {column:,}: {encodable(reason)})"


_DTD = (
    "declares a document type (DTD), which Word never writes -- refused unread "
    "(entity bombs and external entities live there)"
)
_TAGS = (
    f"holds more than {MAX_TAGS:,} XML tags, more than any Word document -- refused "
    "unread (its tree alone would take gigabytes)"
)
_ATTRIBUTES = (
    f"holds more than {MAX_ATTRIBUTES:,} XML attributes, more than any Word document -- "
    "refused unread (its tree alone would take gigabytes)"
)
# "<!DOCTYPE" as it reads in every encoding an XML part may declare: a byte search for
# the UTF-8 form alone misses it in a part saved as UTF-16 or UTF-32.
_DTD_MARKS = tuple(
    mark.encode(codec)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


_STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)


def _parse(data: bytes) -> tuple[Any, str]:
    """The part's root element, or None and why: XML that is broken or declares a DTD.

    Word never writes a document type declaration; one in an upload is there for an
    entity expansion bomb or an external entity, so it is refused -- before parsing
    when its bytes show it in any encoding, and after parsing, from the parsed
    document's own record of it, whatever the encoding (EBCDIC included). The parser
    never resolves an entity nor loads a DTD, so nothing is expanded or read meanwhile.
    """
    if any(mark in data for mark in _DTD_MARKS):
        return None, _DTD
    # Word's "Strict Open XML" (ISO 29500 Strict, w:conformance="strict") writes the same
    # elements under other namespaces: read as the transitional ones, or the file had
    # 'no body' and nothing was read (REAL_MANUSCRIPTS_10, class SX). One pass each.
    for strict, transitional in _STRICT_NAMESPACES:
        data = data.replace(strict, transitional)
    size = xml_size(data)  # each "<" at most one element of the tree, each "=" one attribute
    if isinstance(size, str):
        return None, size
    if size.tags > MAX_TAGS:
        return None, _TAGS
    if size.attributes > MAX_ATTRIBUTES:
        return None, _ATTRIBUTES
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return None, _broken(exc)
    except ValueError:
        return None, _BROKEN
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        return None, _DTD
    return root, ""


def _styles(
    data: bytes | None, name: str, problems: list[InputProblem], document: Any = None
) -> _Styles:
    root, why = (None, "") if data is None else _parse(data)
    if root is None:
        if data is not None:
            what = _damaged(why)
            problems.append(InputProblem(name, None, f"{_STYLES} {what} styles ignored"))
        return _Styles({}, frozenset(), frozenset(), looks=style_looks(None, document))
    names: dict[str, str] = {}
    bold: set[str] = set()
    superscript: set[str] = set()
    own_lists: dict[str, tuple[str, int] | None] = {}
    based_on: dict[str, str] = {}
    headings: set[str] = set()
    for style in styles_read(root):
        style_id = style.get(_q("styleId")) or ""
        if not style_id:
            continue
        label = style.find("w:name", _NS)
        names[style_id] = (label.get(_q("val")) or "") if label is not None else ""
        own_lists[style_id] = paragraph_list(style)
        if style.find("w:pPr/w:outlineLvl", _NS) is not None or names[style_id].casefold() in (
            _HEADING_NAMES
        ):
            headings.add(style_id)
        parent = style.find("w:basedOn", _NS)
        if parent is not None and parent.get(_q("val")):
            based_on[style_id] = parent.get(_q("val")) or ""
        properties = style.find("w:rPr", _NS)
        if properties is not None:
            if _on(properties.find("w:b", _NS)):
                bold.add(style_id)
            if _vert_align(properties) == "superscript":
                superscript.add(style_id)
    lists = _style_lists(own_lists, based_on, headings)
    return _Styles(
        names,
        frozenset(bold),
        frozenset(superscript),
        lists,
        style_looks(root, document),
        _based_on_headings(names, based_on),
    )


def _based_on_headings(names: dict[str, str], based_on: dict[str, str]) -> dict[str, str]:
    """For each style whose name and id name no heading level, the name of the nearest
    style it is based on that does ("_ÜberSchr1" -> "heading 1"): a university template
    styles its chapters so, and its list would otherwise run on over every later chapter.
    A cycle or a chain longer than Word allows ends the walk."""
    heading = {k: name for k, name in names.items() if _HEADING_STYLE.search(name[:200])}
    walked = {
        style_id: parent
        for style_id in names
        if style_id not in heading
        and not _HEADING_STYLE.search(style_id[:200])
        and (parent := based_on.get(style_id))
    }
    # each chain walked once, from the parent (the style itself names no heading)
    nearest = nearest_along(walked.values(), heading, based_on, _MAX_BASED_ON)
    return {k: nearest[parent] for k, parent in walked.items() if parent in nearest}


def _style_lists(
    own: dict[str, tuple[str, int] | None], based_on: dict[str, str], headings: set[str]
) -> dict[str, tuple[str, int]]:
    """Each paragraph style's list, its own or the nearest ancestor's; a cycle or a
    chain longer than Word allows ends the walk (each style walks at most that far).
    A heading's numbering is no list: a style based on a numbered heading (Citavi's
    "Citavi Bibliography Heading" on "heading 1") drew "2 References" as an entry."""
    # a heading ends the walk with no list; each chain walked once
    settings: dict[str, tuple[str, int] | None] = {
        k: v for k, v in own.items() if v is not None and k not in headings
    }
    settings.update(dict.fromkeys(headings))
    found = nearest_along(own, settings, based_on, _MAX_BASED_ON)
    # numId 0 takes a style out of a list
    return {k: v for k, v in found.items() if v is not None and v[0] != "0"}


_MAX_BASED_ON = 16
_HEADING_NAMES = frozenset({"title", "subtitle", *(f"heading {n}" for n in range(1, 10))})


def _relationships(data: bytes | None, name: str, problems: list[InputProblem]) -> Any:
    """The body's relationships part (hyperlinks' targets, headers and footers: read,
    never followed), or None."""
    root, why = (None, "") if data is None else _parse(data)
    if root is None and data is not None:
        what = _damaged(why)
        problems.append(
            InputProblem(
                name,
                None,
                f"{_RELATIONSHIPS} {what} hyperlinks' targets not checked, headers and "
                "footers not read",
            )
        )
    return root


def _numbered(part: str) -> tuple[str, int]:
    """ "word/header10.xml" after "word/header2.xml"."""
    stem = part.removesuffix(".xml")
    digits = len(stem) - len(stem.rstrip("0123456789"))
    return stem[: len(stem) - digits], int(stem[len(stem) - digits :] or 0)


def _numbering(data: bytes | None, name: str, problems: list[InputProblem]) -> ListLabels:
    root, why = (None, "") if data is None else _parse(data)
    if root is None and data is not None:
        what = _damaged(why)
        problems.append(InputProblem(name, None, f"{_NUMBERING} {what} list numbers ignored"))
    return ListLabels.from_part(root)


def _labelled(
    label: str, text: str, superscripts: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The paragraph with its list label before it, superscript spans moved along."""
    shift = len(label) + 1
    return f"{label} {text}", tuple((a + shift, b + shift) for a, b in superscripts)


# -- paragraphs ----------------------------------------------------------------------


def _paragraphs(body: Any) -> Iterator[tuple[Any, bool]]:
    """Body paragraphs in reading order, through tables, content controls and custom XML.

    Iterative, not recursive; the flag says whether a bibliography content control
    (Mendeley, Word's own) holds the paragraph.
    """
    stack: list[tuple[Iterator[Any], bool]] = [(body.iterchildren(), False)]
    while stack:
        children, in_bibliography = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local == "p":
            yield child, in_bibliography
        elif local in _CONTAINERS:
            inner = in_bibliography or (local == "sdt" and _bibliography_control(child))
            stack.append((child.iterchildren(), inner))


def _bibliography_control(sdt: Any) -> bool:
    properties = sdt.find("w:sdtPr", _NS)
    if properties is None:
        return False
    tag = properties.find("w:tag", _NS)
    if tag is not None and _BIBLIOGRAPHY_TAG.search(tag.get(_q("val")) or ""):
        return True
    gallery = properties.find("w:docPartObj/w:docPartGallery", _NS)
    return gallery is not None and (gallery.get(_q("val")) or "") == "Bibliographies"


class _FieldState:
    """Complex fields open across paragraphs: which paragraphs a bibliography field holds.

    An instruction is judged once, when its result begins, from its first
    `_INSTRUCTION_HEAD` characters: linear however many pieces a field code is cut in.
    """

    def __init__(self) -> None:
        self._codes: list[list[str]] = []  # instruction pieces of each open field
        self._lengths: list[int] = []
        self._bibliography: list[bool | None] = []  # None until the result begins

    def _inside(self) -> bool:
        return any(self._bibliography)

    def paragraph(self, paragraph: Any) -> bool:
        inside = self._inside()
        for node in paragraph.iter(_q("fldChar"), _q("instrText"), _q("fldSimple")):
            local = etree.QName(node).localname
            if local == "fldSimple":
                instruction = (node.get(_q("instr")) or "")[:_INSTRUCTION_HEAD]
                inside = inside or bool(_BIBLIOGRAPHY_FIELD.match(instruction))
            elif local == "instrText":
                self._code(node.text or "")
            else:
                self._field_char(node.get(_q("fldCharType")))
            inside = inside or self._inside()
        return inside

    def _code(self, text: str) -> None:
        """Collect the head of the innermost open field's instruction."""
        if not self._codes or self._bibliography[-1] is not None:
            return
        if self._lengths[-1] < _INSTRUCTION_HEAD:
            piece = text[:_INSTRUCTION_HEAD]
            self._codes[-1].append(piece)
            self._lengths[-1] += len(piece)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin" and len(self._codes) < 64:
            self._codes.append([])
            self._lengths.append(0)
            self._bibliography.append(None)
        elif kind == "separate" and self._codes and self._bibliography[-1] is None:
            code = "".join(self._codes[-1])
            self._bibliography[-1] = bool(_BIBLIOGRAPHY_FIELD.match(code))
        elif kind == "end" and self._codes:
            self._codes.pop()
            self._lengths.pop()
            self._bibliography.pop()


_TEXT_TAGS = frozenset(_q(t) for t in ("t", "tab", "br", "cr", "noBreakHyphen", "sym"))
_LINE_BREAKS = frozenset((_q("br"), _q("cr")))
_PIECES = {_q("t"): None, _q("noBreakHyphen"): "-", _q("tab"): "\t", _q("sym"): ""}
# an endnote's mark: Word draws its number; read as a placeholder (docx_endnote_list)
_ENDNOTE_REFERENCE = _q("endnoteReference")
_ON = frozenset({"1", "true", "on"})
_TEXT_TAGS = _TEXT_TAGS | {_ENDNOTE_REFERENCE}
_PIECES[_ENDNOTE_REFERENCE] = ENDNOTE_MARK


def _outer_paragraphs(root: Any) -> Iterator[Any]:
    """The paragraphs under `root` that no paragraph holds, in order, and those in a
    text box (a paragraph's text leaves its text boxes out): a paragraph's text already
    includes the paragraphs it holds, so one nested 150 deep is not read 150 times.
    Of a shape's two copies (``mc:Choice``, the DrawingML, and ``mc:Fallback``, the
    VML Word writes beside it for old readers) the one Word shows is read
    (`docx_hidden.alternative_shown`), and deleted content is passed over: a box is
    read once, as Word shows it. One walk; each element met once."""
    box = _q("txbxContent")
    open_: list[bool] = []  # per open paragraph or text box: is it a paragraph?
    passed = 0  # open elements whose paragraphs Word does not show (fallbacks, deletions)
    for event, element in etree.iterwalk(root, events=("start", "end"), tag=_OUTER_TAGS):
        tag = element.tag
        if tag in _PASSED or (tag in _BRANCHES and not alternative_shown(element)):
            passed += 1 if event == "start" else -1
            continue
        if tag in _BRANCHES:
            continue
        if passed:
            continue
        if event == "end":
            open_.pop()
            continue
        is_paragraph = tag != box
        if is_paragraph and (not open_ or not open_[-1]):
            yield element
        open_.append(is_paragraph)


def _box_paragraphs(paragraph: Any) -> Iterator[Any]:
    """The paragraphs of a body paragraph's text boxes (nested ones too), in order.

    Why: Word shows a text box's text (a review's "Box 1", a sidebar, a caption in a
    shape) and its citations are the paper's; left out, an entry cited only inside a
    box was "uncited". Its paragraphs are read after the paragraph anchoring it."""
    return itertools.islice(_outer_paragraphs(paragraph), 1, None)


_PASSED = frozenset((_q("del"), _q("moveFrom")))
_BRANCHES = frozenset((CHOICE, FALLBACK))  # alternate content: the branch Word shows is read
_OUTER_TAGS = (_q("p"), _q("txbxContent"), *_PASSED, *_BRANCHES)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _paragraph_text(paragraph: Any, styles: _Styles) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The paragraph as Word shows it, and the spans of its superscript runs.

    One walk down the paragraph, carrying what each element's ancestors decide
    (deleted, in a text box, the run it belongs to and whether that run is hidden or
    superscript): looking each text piece's ancestors up again cost as many steps as
    the paragraph is deep -- 250 a piece under nested revision marks.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    skipped = 0  # open elements whose text Word does not show (deletions, text boxes)
    runs: list[tuple[bool, bool]] = []  # open runs, innermost last: (hidden, superscript)
    own_style = paragraph_style(paragraph)  # its hidden text style hides its runs
    # whether white text shows on the paragraph's ground: asked once, and only of a
    # paragraph holding a white run (it looks through the paragraph's ancestors)
    grounded = functools.cache(lambda: paragraph_grounded(paragraph, styles.looks))
    for event, node in etree.iterwalk(paragraph, events=("start", "end")):
        tag = node.tag
        if node is paragraph or not isinstance(tag, str):
            continue
        local = _local(tag)
        if event == "end":
            if local in _SKIPPED or (tag in _BRANCHES and not alternative_shown(node)):
                skipped -= 1
            elif local == "r":
                runs.pop()
            continue
        if tag in _TEXT_TAGS and not skipped and not (runs and runs[-1][0]):
            piece = _PIECES.get(tag, " ")
            if tag in _LINE_BREAKS and node.get(_q("type")) in (None, "textWrapping"):
                piece = BREAK  # a soft line break; a page or column break is a space
            if piece is None:
                piece = node.text or ""
            elif tag == _ENDNOTE_REFERENCE and node.get(_q("customMarkFollows")) in _ON:
                piece = ""  # a custom mark: the text after it is the mark, no number
            if piece:
                if runs and runs[-1][1]:
                    if spans and spans[-1][1] == length:
                        spans[-1] = (spans[-1][0], length + len(piece))
                    else:
                        spans.append((length, length + len(piece)))
                parts.append(piece)
                length += len(piece)
        if local in _SKIPPED or (tag in _BRANCHES and not alternative_shown(node)):
            skipped += 1  # a deletion, a text box, the alternate content Word does not show
        elif local == "r":
            runs.append(_run_state(node, styles, own_style, grounded))
    return "".join(parts), tuple(spans)


def _within(
    budget: TextBudget, text: str, superscripts: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The paragraph's text as far as `budget`'s characters allow, its superscript
    spans cut with it."""
    kept = budget.take(text)
    if len(kept) == len(text):
        return text, superscripts
    end = len(kept)
    return kept, tuple((a, min(b, end)) for a, b in superscripts if a < end)


def _run_state(
    run: Any, styles: _Styles, paragraph_style_id: str, grounded: Callable[[], bool]
) -> tuple[bool, bool]:
    """(unseen, superscript) for a run: hidden by its own properties, its character
    style, its paragraph's style or the document's defaults, or white off any ground,
    or 1 pt high (docx_hidden)."""
    unseen = run_unseen(run, paragraph_style_id, styles.looks, grounded)
    return unseen, _superscript(run, styles)


def _superscript(run: Any, styles: _Styles) -> bool:
    properties = run.find("w:rPr", _NS)
    if properties is None:
        return False
    align = _vert_align(properties)
    if align:
        return align == "superscript"
    style = properties.find("w:rStyle", _NS)
    return style is not None and (style.get(_q("val")) or "") in styles.superscript


def _vert_align(properties: Any) -> str:
    align = properties.find("w:vertAlign", _NS)
    return (align.get(_q("val")) or "") if align is not None else ""


def _on(toggle: Any) -> bool:
    return toggle is not None and (toggle.get(_q("val")) or "").lower() in _TRUE


# Paragraph styles that only a reference list wears: Word's built-in "Bibliography"
# (its own citation tool, Pandoc, R Markdown, Quarto), EndNote's, and the names
# journal templates give the entries' style. Compared without case or spaces.
_LIST_STYLES = frozenset(
    {
        "bibliography",
        "endnotebibliography",
        "bibliografia",
        "bibliografía",
        "bibliographie",
        "literaturverzeichnis",
        "referencelist",
        "referenceslist",
        "reflist",
    }
)


def _bibliography_style(paragraph: Any, styles: _Styles) -> bool:
    """The paragraph wears a reference-list style: it is an entry, wherever it stands.

    Documents converted by Pandoc (R Markdown, Quarto, papaja) put the list at the
    very end with no heading of its own -- often after appendices -- so the heading
    search alone finds no list and every citation looks unmatched.
    """
    properties = paragraph.find("w:pPr", _NS)
    style = properties.find("w:pStyle", _NS) if properties is not None else None
    style_id = (style.get(_q("val")) or "") if style is not None else ""
    if not style_id:
        return False
    return any(
        "".join(label.split()).lower() in _LIST_STYLES
        for label in (style_id[:100], styles.names.get(style_id, "")[:100])
    )


def _list_title(text: str) -> bool:
    """A few words with no digit and no full stop: the list's title in the entries' style."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and not text.rstrip().endswith(".")
        and not any(c.isdigit() for c in text)
    )


def _heading_level(paragraph: Any, text: str, styles: _Styles) -> int | None:
    """A level for Word headings, 7 for a short all-bold paragraph, else None."""
    properties = paragraph.find("w:pPr", _NS)
    style_id = ""
    if properties is not None:
        style = properties.find("w:pStyle", _NS)
        style_id = (style.get(_q("val")) or "") if style is not None else ""
    style_name = styles.names.get(style_id, "")
    if not text.strip() or _entry_in_heading_style(text):
        return None  # an empty paragraph heads nothing, whatever its style
    for label in (style_name, style_id, styles.heading_names.get(style_id, "")):
        if label.strip().lower() in {"title", "judul"}:
            return 0
        found = _HEADING_STYLE.search(label[:200])
        if found is not None:
            return int(found.group(1))
    if properties is not None:
        outline = properties.find("w:outlineLvl", _NS)
        value = (outline.get(_q("val")) or "") if outline is not None else ""
        if _OUTLINE.fullmatch(value):  # ASCII 0-8 only: not "²", not 5,000 digits
            return int(value) + 1
    text = text.strip()
    if not text or len(text) > 80 or len(text.split()) > 8 or _YEAR.search(text):
        return None
    runs = [r for r in paragraph.iter(_q("r")) if "".join(r.itertext()).strip()]
    style_bold = style_id in styles.bold
    if runs and all(style_bold or _on(_find(r, "w:rPr/w:b")) for r in runs):
        return _PSEUDO_HEADING_LEVEL
    return None


_ENTRY_MIN_CHARS = 60  # "Lancaster, K. (1966). A New Approach to Consumer Theory."


def _entry_in_heading_style(text: str) -> bool:
    """Whether a paragraph in a heading style (or outline level) is a reference entry.

    Why: a master thesis typed its whole list in its heading's style, "Heading 3" with
    bold switched off and Word's numbering on: each entry was a heading, so the list
    ended at its first entry and was empty -- every citation "missing". A long
    paragraph, dated, that opens as an entry does ("Arora, N., Ensslen, D., ... (2021,
    November 12). Title ...") is no heading, whatever its style."""
    text = text.strip()
    return (
        len(text) >= _ENTRY_MIN_CHARS
        and _YEAR.search(text) is not None
        and looks_like_entry_start(text)
    )


def _find(element: Any, path: str) -> Any:
    return element.find(path, _NS)


# -- reference-manager bibliographies ------------------------------------------------


def _field_bibliography(
    base: Document, lines: list[Line], indexes: set[int], levels: dict[int, int]
) -> Document:
    """The paragraphs of a bibliography field as the reference list, one entry each.

    The paragraph just before the field is its heading when it looks like one (a
    heading style, or a few words without a full stop); it leaves the body too. Back
    matter in the field's last paragraph (MDPI closes the field in its "Disclaimer/
    Publisher's Note: ..." paragraph) ends the list and stays body text (list_tail).
    """
    ordered = sorted(indexes)
    tail = next((k for k, i in enumerate(ordered) if k and ends_list(lines[i].text)), len(ordered))
    marked = [i for i in ordered[:tail] if lines[i].text.strip()]
    if not marked:
        return base
    heading, span = field_list_span(
        lines, marked, levels, lambda i: _heading_like(lines[i], i, levels)
    )
    entries = tuple(
        RawEntry(lines[i].text.strip(), Location(lines[i].file, lines[i].number), lines[i].text)
        for i in span
    )
    left_out = set(ordered[:tail]) | set(span) | ({heading} if heading is not None else set())
    start = lines[heading if heading is not None else span[0]]
    return dataclasses.replace(
        base,
        lines=tuple(line for i, line in enumerate(lines) if i not in left_out),
        reference_entries=entries,
        reference_heading=Location(start.file, start.number),
        reference_layout=None,  # the reference manager wrote one paragraph per entry
    )


def _unheaded_list(base: Document) -> Document:
    """The document with the run of entries that ends its text, under no heading, as
    its reference list (markdown_tail_list); itself when no such run ends it.

    Why: a Chinese 开题报告 types its "[1]张伟.标题[J].刊名,2023." list straight after its
    prose, and a Nature-style Word manuscript its "1.Surname, A. ..." list after the
    last paragraph, with no heading. No list was read: its entries' works were
    "missing", or -- the text citing none -- the file was taken for a bare list and
    its never-cited entries went unreported."""
    found = tail_list(base.lines)
    if found is None:
        return base
    start, end, entries, layout = found
    first = base.lines[start]
    return dataclasses.replace(
        base,
        lines=base.lines[:start] + base.lines[end:],
        reference_entries=entries,
        reference_heading=Location(first.file, first.number),
        reference_layout=layout,
    )


def _heading_like(line: Line, index: int, levels: dict[int, int]) -> bool:
    text = line.text.strip()
    return index in levels or (0 < len(text.split()) <= 4 and not text.endswith("."))


# -- notes ---------------------------------------------------------------------------


def _page_part(
    data: bytes,
    name: str,
    part: str,
    styles: _Styles,
    problems: list[InputProblem],
    budget: TextBudget,
) -> list[Line]:
    """A printed header's or footer's paragraphs, a line each, as lines of the
    pseudo-file ``<path>#header1`` (`docx_headers`), as far as `budget` allows."""
    root, why = _parse(data)
    if root is None:
        what = _damaged(why)
        problems.append(InputProblem(name, None, f"{part} {what} not read"))
        return []
    file = page_part_file(name, part)
    lines: list[Line] = []
    for number, paragraph in enumerate(_outer_paragraphs(root), 1):
        if budget.done or not budget.line():
            break
        text, superscripts = _within(budget, *_paragraph_text(paragraph, styles))
        if text.strip():
            lines.append(Line(file, number, text.replace(BREAK, " "), superscripts))
    return lines


def _notes(
    data: bytes,
    name: str,
    part: str,
    kind: str,
    styles: _Styles,
    problems: list[InputProblem],
    budget: TextBudget,
) -> list[Line]:
    """The part's notes, a line each, as far as `budget` allows (the caller says when
    it ran out)."""
    root, why = _parse(data)
    if root is None:
        what = _damaged(why)
        problems.append(InputProblem(name, None, f"{part} {what} notes skipped"))
        return []
    file = f"{name}#{kind}s"
    lines: list[Line] = []
    count = 0  # the notes read: Word's number of each
    for note in root.iterfind(f"w:{kind}", _NS):
        if note.get(_q("type")) not in (None, "normal"):
            continue  # separators and continuation notices
        if not budget.line():
            break
        texts: list[str] = []
        spans: list[tuple[int, int]] = []
        length = 0
        for paragraph in _outer_paragraphs(note):
            if budget.done:
                break
            text, superscripts = _within(budget, *_paragraph_text(paragraph, styles))
            text = text.replace(BREAK, " ")  # a note is one line
            if not text.strip():
                continue
            if texts:
                length += 1  # the joining space
            spans.extend((length + a, length + b) for a, b in superscripts)
            texts.append(text)
            length += len(text)
        count += 1
        if kind == "endnote" and len(texts) > 1 and is_reference_title(texts[0]):
            # a "References" endnote holding the list: a line a paragraph, so its entries
            # stay apart (docx_endnote_list.titled_endnote_list)
            lines.extend(Line(file, count, t.strip()) for t in texts)
            continue
        joined = " ".join(texts)
        lead = len(joined) - len(joined.lstrip())
        kept = tuple((a - lead, b - lead) for a, b in spans if a >= lead)
        lines.append(Line(file, count, joined.strip(), kept))
    return lines
