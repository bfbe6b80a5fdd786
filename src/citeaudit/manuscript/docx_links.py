"""Word's links as the editor sees them and as they open: their shown text and target.

A Word hyperlink keeps its address apart from its text: a ``w:hyperlink`` names a
relationship (``r:id``) whose target is in ``word/_rels/document.xml.rels``, and a
``HYPERLINK "address"`` field keeps it in its instruction, the shown text in its
result. The reader reads the text only, so a link printing
"https://doi.org/10.5555/abc" and opening "https://elsewhere.example/x" was audited
as the DOI it prints while a click reached another page -- the deceptive link
deceptive-link (BIB005) named in Markdown went unseen in Word. Here each paragraph's
links are read as (shown, target) pairs (`paragraph_links`), the relationships once
(`link_targets`); the rule compares them.

Bounded: a paragraph gives at most `_MAX_PER_PARAGRAPH` links, a shown text is read
to `_MAX_SHOWN` characters, an address to `_MAX_TARGET`; a relationships part is
read to `_MAX_RELATIONSHIPS` entries. Deleted text (``w:del``, ``w:moveFrom``), field
codes and the branch of alternate content Word does not show (a text box's second
copy: its links would be counted twice) are no shown text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from citeaudit.manuscript.docx_hidden import CHOICE, FALLBACK, alternative_shown
from citeaudit.model.location import Location

__all__ = ["ShownLink", "link_targets", "paragraph_links"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK_TYPE = _R + "/hyperlink"
_MAX_PER_PARAGRAPH = 64
_MAX_SHOWN = 500
_MAX_TARGET = 2_000
_MAX_RELATIONSHIPS = 50_000
_MAX_INSTRUCTION = 2_200  # a HYPERLINK instruction's head: the keyword and its address
_MAX_FIELD_DEPTH = 64
# ``HYPERLINK "https://..."`` or unquoted; switches (\l for a place inside the
# document, \o a tooltip) follow
_HYPERLINK = re.compile(r'\s*HYPERLINK\s++(?:"([^"]{1,2000}+)"|([^\s"\\]{1,2000}+))', re.I)
_WEB = re.compile(r"(?i)https?://")


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


_HYPERLINK_TAG, _FIELD_CHAR, _INSTRUCTION = _q("hyperlink"), _q("fldChar"), _q("instrText")
_SIMPLE, _TEXT = _q("fldSimple"), _q("t")
_UNSHOWN = frozenset((_q("del"), _q("moveFrom"), _q("instrText"), _q("delText")))
_BRANCHES = frozenset((CHOICE, FALLBACK))


@dataclass(frozen=True, slots=True)
class ShownLink:
    """A link whose address is kept apart from the text it shows (a Word hyperlink's
    relationship, a field's instruction): where it stands, what it shows, what it
    opens."""

    location: Location
    shown: str
    target: str


def link_targets(rels_root: Any) -> dict[str, str]:
    """The document's external hyperlink relationships: id -> target address."""
    if rels_root is None:
        return {}
    found: dict[str, str] = {}
    for count, relationship in enumerate(rels_root.iterfind(f"{{{_PACKAGE}}}Relationship")):
        if count >= _MAX_RELATIONSHIPS:
            break
        if relationship.get("Type") != _HYPERLINK_TYPE:
            continue
        target = (relationship.get("Target") or "").strip()
        if relationship.get("Id") and _WEB.match(target) and len(target) <= _MAX_TARGET:
            found[relationship.get("Id") or ""] = target
    return found


def paragraph_links(paragraph: Any, targets: dict[str, str]) -> list[tuple[str, str]]:
    """(shown text, target) of the paragraph's web links: ``w:hyperlink`` elements
    naming a relationship in `targets`, and ``HYPERLINK`` fields (simple or complex,
    their instruction and result in this paragraph)."""
    found: list[tuple[str, str]] = []
    for hyperlink in paragraph.iter(_HYPERLINK_TAG):
        if len(found) >= _MAX_PER_PARAGRAPH:
            return found
        target = targets.get(hyperlink.get(f"{{{_R}}}id") or "")
        if target is not None and not _unshown(hyperlink, paragraph):
            found.append((_shown(hyperlink), target))
    for simple in paragraph.iter(_SIMPLE):
        if len(found) >= _MAX_PER_PARAGRAPH:
            return found
        target = _field_target(simple.get(_q("instr")) or "")
        if target is not None and not _unshown(simple, paragraph):
            found.append((_shown(simple), target))
    found.extend(_complex_fields(paragraph, _MAX_PER_PARAGRAPH - len(found)))
    return [(shown, target) for shown, target in found if shown]


def _field_target(instruction: str) -> str | None:
    match = _HYPERLINK.match(instruction[:_MAX_INSTRUCTION])
    if match is None:
        return None
    target = (match.group(1) or match.group(2) or "").strip()
    return target if _WEB.match(target) else None


def _shown(element: Any) -> str:
    """The text `element` shows: its ``w:t`` pieces outside deletions and field codes."""
    pieces: list[str] = []
    length = 0
    for text in element.iter(_TEXT):
        if _unshown(text, element):
            continue
        piece = text.text or ""
        pieces.append(piece[: _MAX_SHOWN - length])
        length += len(pieces[-1])
        if length >= _MAX_SHOWN:
            break
    return "".join(pieces).strip()


def _unshown(element: Any, top: Any) -> bool:
    """Whether Word does not show `element`, below `top`: it is deleted, a field's
    code, or in the branch of alternate content Word does not show (a text box's
    second copy); deeper than `_MAX_FIELD_DEPTH`, taken as unshown."""
    node = element.getparent()
    for _ in range(_MAX_FIELD_DEPTH):
        if node is None or node is top:
            return False
        if node.tag in _UNSHOWN or (node.tag in _BRANCHES and not alternative_shown(node)):
            return True
        node = node.getparent()
    return True


class _Field:
    """A complex field open in the paragraph: its instruction and result so far."""

    __slots__ = ("code", "code_length", "result", "result_length", "separated")

    def __init__(self) -> None:
        self.code: list[str] = []
        self.result: list[str] = []
        self.code_length = 0
        self.result_length = 0
        self.separated = False

    def add_code(self, text: str) -> None:
        if not self.separated and self.code_length < _MAX_INSTRUCTION:
            self.code.append(text)
            self.code_length += len(text)

    def add_result(self, text: str) -> None:
        if self.result_length < _MAX_SHOWN:
            self.result.append(text)
            self.result_length += len(text)


def _complex_fields(paragraph: Any, most: int) -> list[tuple[str, str]]:
    """Complex ``HYPERLINK`` fields begun and ended in the paragraph: the instruction's
    address and the result's text. One walk, the open fields on a stack."""
    found: list[tuple[str, str]] = []
    open_: list[_Field] = []  # innermost last
    if most <= 0:
        return found
    for node in paragraph.iter(_FIELD_CHAR, _INSTRUCTION, _TEXT):
        if node.tag == _FIELD_CHAR:
            kind = node.get(_q("fldCharType"))
            if kind == "begin" and len(open_) < _MAX_FIELD_DEPTH:
                open_.append(_Field())
            elif kind == "separate" and open_:
                open_[-1].separated = True
            elif kind == "end" and open_:
                done = open_.pop()
                target = _field_target("".join(done.code))
                shown = "".join(done.result).strip()
                if target is not None and shown:
                    found.append((shown, target))
                    if len(found) >= most:
                        return found
                if open_ and open_[-1].separated:  # an inner field's text is the outer's too
                    open_[-1].add_result("".join(done.result))
        elif not open_:
            continue
        elif node.tag == _INSTRUCTION:
            open_[-1].add_code(node.text or "")
        elif open_[-1].separated and not _unshown(node, paragraph):
            open_[-1].add_result(node.text or "")
    return found
