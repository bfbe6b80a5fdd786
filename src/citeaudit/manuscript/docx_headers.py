"""Which of a Word document's header and footer parts print, and under what name.

Word prints a section's headers and footers on its pages: a citation, a link or a
reference written there is on the page the editor reads. The reader read the body and
the notes only, so such text was audited nowhere (a work cited only in a footer was
"never cited"; a link there never checked). A header part no section names (left in
the package, reachable by nothing) never prints, and is not read: it would be text
for the audit alone.

A part prints when a section's ``w:headerReference`` or ``w:footerReference`` names it
through the document's relationships: the default one always, the first page's when
the section sets ``w:titlePg``, the even pages' always (whether the document sets even
and odd headers apart is in its settings, not read: taken as set). At most
`MAX_PAGE_PARTS` parts are read, each once however many sections name it.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

__all__ = ["MAX_PAGE_PARTS", "PAGE_PART", "page_part_file", "shown_page_parts"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
PAGE_PART = re.compile(r"word/(?:header|footer)\d{1,4}\.xml")
MAX_PAGE_PARTS = 12  # three headers and three footers a section, a few sections
_MAX_SECTIONS = 1_000
_MAX_RELATIONSHIPS = 50_000
_REFERENCES = (f"{{{_W}}}headerReference", f"{{{_W}}}footerReference")


def _part_names(rels_root: Any) -> dict[str, str]:
    """Relationship id -> the part it names, as a package path ("word/header1.xml")."""
    found: dict[str, str] = {}
    if rels_root is None:
        return found
    for count, relationship in enumerate(rels_root.iterfind(f"{{{_PACKAGE}}}Relationship")):
        if count >= _MAX_RELATIONSHIPS:
            break
        if relationship.get("TargetMode") == "External":
            continue
        target = (relationship.get("Target") or "")[:200]
        path = posixpath.normpath(
            target.lstrip("/") if target.startswith("/") else posixpath.join("word", target)
        )
        if PAGE_PART.fullmatch(path):
            found[relationship.get("Id") or ""] = path
    return found


def shown_page_parts(body: Any, rels_root: Any) -> list[str]:
    """The header and footer parts the body's sections print, in the order named."""
    names = _part_names(rels_root)
    if not names:
        return []
    shown: list[str] = []
    for count, section in enumerate(body.iter(f"{{{_W}}}sectPr")):
        if count >= _MAX_SECTIONS or len(shown) >= MAX_PAGE_PARTS:
            break
        title_page = _on(section.find(f"{{{_W}}}titlePg"))
        for reference in section.iterchildren(*_REFERENCES):
            kind = reference.get(f"{{{_W}}}type") or "default"
            if kind == "first" and not title_page:
                continue  # set for the first page, which shows the default one
            part = names.get(reference.get(f"{{{_R}}}id") or "")
            if part is not None and part not in shown and len(shown) < MAX_PAGE_PARTS:
                shown.append(part)
    return shown


def _on(toggle: Any) -> bool:
    if toggle is None:
        return False
    return (toggle.get(f"{{{_W}}}val") or "true").lower() in ("1", "true", "on", "")


def page_part_file(name: str, part: str) -> str:
    """The pseudo-file a part's lines are reported in: ``paper.docx#header1``."""
    return f"{name}#{posixpath.basename(part).removesuffix('.xml')}"
