"""One entry editor per bibliography format; `editor_for` picks it by format name."""

from __future__ import annotations

from citeaudit.fix.editors.bibtex import BibtexEditor
from citeaudit.fix.editors.csl_json import CslJsonEditor
from citeaudit.fix.editors.freetext import FreetextEditor
from citeaudit.fix.editors.interface import CannotFix, EntryEditor
from citeaudit.fix.editors.ris import RisEditor

EDITORS: dict[str, EntryEditor] = {
    editor.format: editor
    for editor in (BibtexEditor(), RisEditor(), CslJsonEditor(), FreetextEditor())
}


def editor_for(format: str) -> EntryEditor | None:
    return EDITORS.get(format)


__all__ = ["EDITORS", "CannotFix", "EntryEditor", "editor_for"]
