"""Word (.docx) manuscripts.

Lines are paragraphs: `Line.number` is the paragraph's 1-based position in the body,
counting paragraphs inside tables and content controls in reading order -- the
closest thing a .docx has to a line number, and what "paragraph 42" in a finding
means. Footnotes and endnotes follow the body as lines of the pseudo-files
``<path>#footnotes`` and ``<path>#endnotes``, numbered as Word numbers the notes.

Paragraph text is taken from the XML rather than `Paragraph.text`, because reference
managers put citations in content controls (Mendeley) and fields (Zotero, EndNote)
that python-docx's text skips; tracked deletions are left out. python-docx does not
expose footnotes at all, so those parts are read from the package with lxml.

A file that is not a ZIP, has no ``word/document.xml``, or would unpack to more than
`MAX_UNPACKED_BYTES` is refused with an InputError before anything is decompressed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.errors import InputError
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.plaintext import document_from_lines
from citeaudit.manuscript.reading import InputProblem

__all__ = ["MAX_UNPACKED_BYTES", "DocxReader"]

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_MAX_RATIO = 1000  # a real .docx part compresses perhaps 10-50 times, never 1000
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_HEADING_STYLE = re.compile(
    r"(?:heading|judul|überschrift|titre|título|titulo|titolo|kop|rubrik|otsikko|"
    r"nagłówek|заголовок|标题|見出し)\s*(\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_PSEUDO_HEADING_LEVEL = 7


class DocxReader(ManuscriptReader):
    format: ClassVar[str] = "docx"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        name = str(path)
        notes_xml = _check_package(Path(path), name)
        document = _open(Path(path), name)
        lines: list[Line] = []
        levels: dict[int, int] = {}
        problems: list[InputProblem] = []
        styles = {
            s.style_id: (s.name or "", bool(getattr(getattr(s, "font", None), "bold", False)))
            for s in document.styles
            if s.style_id
        }
        for element in _paragraph_elements(document.element.body):
            index = len(lines)
            lines.append(Line(name, index + 1, _paragraph_text(element)))
            level = _heading_level(element, styles)
            if level is not None:
                levels[index] = level
        base = document_from_lines(name, self.format, lines, levels=levels)
        notes: list[Line] = []
        for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            data = notes_xml.get(part)
            if data is None:
                continue
            try:
                notes.extend(_notes(data, f"{name}#{kind}s", kind))
            except etree.XMLSyntaxError as exc:
                problems.append(
                    InputProblem(name, None, f"{part} is damaged, notes skipped: {exc}")
                )
        return (
            Document(
                path=base.path,
                format=base.format,
                lines=base.lines + tuple(notes),
                reference_entries=base.reference_entries,
                reference_heading=base.reference_heading,
                files=(name,),
            ),
            problems,
        )


def _check_package(path: Path, name: str) -> dict[str, bytes]:
    """Refuse what is not a sane .docx; return the notes parts, read within the cap."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        hint = " (an old .doc or a password-protected file?)" if _is_ole(path) else ""
        raise InputError(name, f"not a DOCX file: not a ZIP archive{hint}") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise InputError(name, "not a DOCX file: the ZIP has no word/document.xml")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNPACKED_BYTES:
            raise InputError(
                name,
                f"refused: would unpack to {total // (1024 * 1024)} MB, more than "
                f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB (a damaged file or a ZIP bomb)",
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > _MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise InputError(
                    name,
                    f"refused: {info.filename} is compressed over {_MAX_RATIO}:1 (a ZIP bomb?)",
                )
        notes: dict[str, bytes] = {}
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            if part in names:
                try:
                    notes[part] = archive.read(part)
                except (zipfile.BadZipFile, OSError, EOFError) as exc:
                    raise InputError(name, f"damaged DOCX: {part} cannot be unpacked") from exc
        return notes


def _is_ole(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError:
        return False


def _open(path: Path, name: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(name, f"damaged DOCX, cannot be opened: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"damaged DOCX, its XML is broken: {exc}") from exc


def _paragraph_elements(container: Any) -> list[Any]:
    """Body paragraphs in reading order, through tables, content controls and custom XML."""
    found: list[Any] = []
    for child in container.iterchildren():
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "p":
            found.append(child)
        elif tag in {"tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins"}:
            found.extend(_paragraph_elements(child))
    return found


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr"):
        if _inside(node, paragraph, {"del", "txbxContent", "moveFrom"}):
            continue
        local = etree.QName(node).localname
        parts.append(node.text or "" if local == "t" else (" " if local != "tab" else "\t"))
    return "".join(parts)


def _inside(node: Any, stop: Any, tags: set[str]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if etree.QName(parent).localname in tags:
            return True
        parent = parent.getparent()
    return False


def _heading_level(paragraph: Any, styles: dict[str, tuple[str, bool]]) -> int | None:
    """A level for Word headings, 7 for a short all-bold paragraph, else None."""
    style_id = _xpath(paragraph, "string(./w:pPr/w:pStyle/@w:val)")
    style_name, style_bold = styles.get(style_id, ("", False))
    for label in (style_name, style_id):
        if label.strip().lower() in {"title", "judul"}:
            return 0
        found = _HEADING_STYLE.search(label)
        if found is not None:
            return int(found.group(1))
    outline = _xpath(paragraph, "string(./w:pPr/w:outlineLvl/@w:val)")
    if outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    text = _paragraph_text(paragraph).strip()
    if not text or len(text) > 80 or len(text.split()) > 8 or _YEAR.search(text):
        return None
    runs = [r for r in paragraph.iter(f"{{{_W}}}r") if "".join(r.itertext()).strip()]
    if runs and all(_bold(r) or style_bold for r in runs):
        return _PSEUDO_HEADING_LEVEL
    return None


def _bold(run: Any) -> bool:
    value = _xpath(run, "string(./w:rPr/w:b/@w:val)")
    present = bool(_xpath(run, "./w:rPr/w:b"))
    return present and value.lower() not in {"0", "false", "off"}


def _xpath(element: Any, expression: str) -> Any:
    """Plain lxml XPath: python-docx elements override `xpath` without `namespaces`."""
    return etree._Element.xpath(element, expression, namespaces=_NS)


def _notes(data: bytes, file: str, kind: str) -> list[Line]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    lines: list[Line] = []
    for note in root.iterfind(f"w:{kind}", _NS):
        note_type = note.get(f"{{{_W}}}type")
        if note_type not in (None, "normal"):
            continue  # separators and continuation notices
        text = " ".join(
            t for t in (_paragraph_text(p) for p in note.iterfind(".//w:p", _NS)) if t.strip()
        )
        lines.append(Line(file, len(lines) + 1, text.strip()))
    return lines
