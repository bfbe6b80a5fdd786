"""Which of a Word document's runs show, and what in it an editor may not see.

The audit must read what the editor sees. Word hides a run set ``w:vanish`` or
``w:specVanish`` -- set on the run, or on its character style, or on its paragraph's
style, or on the document's defaults, each through its ``basedOn`` chain. Only the
run's own setting was read: "(Smith, 2019)" in a character style marked hidden (or
a paragraph style so marked) was a citation the editor never saw, and the entry it
named was "cited" -- an uncited entry hidden from the audit. Here each style's
hiddenness is resolved once (`hidden_styles`) and a run is judged by the nearest
setting (`run_hidden`): the run's own, then its character style, then its
paragraph's style, then the defaults.

What the audit cannot judge it says (`unseen_notes`): tracked changes not accepted
(the reader takes the document as it prints with them accepted -- deletions out,
insertions in -- and the editor may be looking at the markup), hidden text left
out, text that is there but may not show -- white, or under one point high -- and
parts in another format Word shows in place (``w:altChunk``: HTML, RTF) that are
not read at all. One note a kind with its count, never one a run: a hostile file's
million runs make five lines.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_TRUE = frozenset({"", "1", "true", "on"})
_HIDING = ("vanish", "specVanish")
_MAX_CHAIN = 32  # basedOn links followed: Word allows far fewer; a cycle stops too
_WHITE = frozenset({"ffffff", "white"})
_TINY_HALF_POINTS = 2  # w:sz is in half-points: 1 pt and under shows as a hairline


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


_P, _R = _q("p"), _q("r")
# counted by the XML library, not a Python loop: nested 200 deep they cost nothing
_CHANGES = "count(.//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo)"
_CHUNKS = "count(.//w:altChunk)"


def _hiding(properties: Any) -> bool | None:
    """True or False when `properties` (a w:rPr) sets a hiding toggle, None when not."""
    if properties is None:
        return None
    found: bool | None = None
    for local in _HIDING:
        toggle = properties.find(f"w:{local}", _NS)
        if toggle is not None:
            on = (toggle.get(_q("val")) or "").lower() in _TRUE
            found = on or bool(found)
    return found


def default_hidden(styles_root: Any) -> bool:
    """Whether the document's default run properties hide text."""
    if styles_root is None:
        return False
    properties = styles_root.find("w:docDefaults/w:rPrDefault/w:rPr", _NS)
    return bool(_hiding(properties))


def hidden_styles(styles_root: Any) -> frozenset[str]:
    """The ids of the styles (character or paragraph) whose text is hidden: set on the
    style itself or, unset there, on the style it is based on."""
    if styles_root is None:
        return frozenset()
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in styles_root.iterfind("w:style", _NS):
        style_id = style.get(_q("styleId")) or ""
        if not style_id:
            continue
        own[style_id] = _hiding(style.find("w:rPr", _NS))
        parent = style.find("w:basedOn", _NS)
        if parent is not None and parent.get(_q("val")):
            based_on[style_id] = parent.get(_q("val")) or ""
    hidden: set[str] = set()
    for style_id in own:
        current: str | None = style_id
        for _ in range(_MAX_CHAIN):
            if current is None or current not in own:
                break
            setting = own[current]
            if setting is not None:
                if setting:
                    hidden.add(style_id)
                break
            current = based_on.get(current)
    return frozenset(hidden)


def paragraph_style(paragraph: Any) -> str:
    style = paragraph.find("w:pPr/w:pStyle", _NS) if paragraph is not None else None
    return (style.get(_q("val")) or "") if style is not None else ""


def run_hidden(run: Any, paragraph_style_id: str, hidden: frozenset[str], default: bool) -> bool:
    """Whether `run` is hidden: its own setting, else its character style's, else its
    paragraph style's, else the document's default."""
    properties = run.find("w:rPr", _NS)
    own = _hiding(properties)
    if own is not None:
        return own
    if properties is not None:
        style = properties.find("w:rStyle", _NS)
        if style is not None and (style.get(_q("val")) or "") in hidden:
            return True
    if paragraph_style_id and paragraph_style_id in hidden:
        return True
    return default


def unseen_notes(body: Any, hidden: frozenset[str], default: bool) -> list[str]:
    """Sentences for what the editor may see otherwise than the audit reads it.

    One walk, the paragraph styles open carried down: looking each run's paragraph up
    cost as many steps as the run is deep (tests/security/test_docx_nesting.py)."""
    changes = int(body.xpath(_CHANGES, namespaces=_NS))
    hidden_runs = 0
    faint_runs = 0
    styles: list[str] = []  # the open paragraphs' styles, innermost last
    for event, node in etree.iterwalk(body, events=("start", "end"), tag=(_P, _R)):
        if node.tag == _P:
            if event == "start":
                styles.append(paragraph_style(node))
            else:
                styles.pop()
            continue
        if event == "end" or not _has_text(node):
            continue
        elif run_hidden(node, styles[-1] if styles else "", hidden, default):
            hidden_runs += 1
        elif _faint(node.find("w:rPr", _NS)):
            faint_runs += 1
    notes: list[str] = []
    chunks = int(body.xpath(_CHUNKS, namespaces=_NS))
    if chunks:
        notes.append(
            f"the document embeds {chunks:,} part(s) in another format (w:altChunk: "
            "HTML, RTF or another document Word shows in place): their text was not "
            "read -- citations or entries in them are missing from the audit"
        )
    if changes:
        notes.append(
            f"the document holds {changes:,} tracked change(s) not accepted: it was "
            "read as it prints with them accepted (deletions out, insertions in) -- "
            "check the findings against the document with its changes accepted"
        )
    if hidden_runs:
        notes.append(
            f"the document holds hidden text ({hidden_runs:,} run(s)): not read, as "
            "Word does not show it"
        )
    if faint_runs:
        notes.append(
            f"the document holds text that may not show ({faint_runs:,} run(s) in "
            "white or under 1 pt high): read as text -- check it is meant to be there"
        )
    return notes


def _has_text(run: Any) -> bool:
    return any((t.text or "").strip() for t in run.iterfind("w:t", _NS))


def _faint(properties: Any) -> bool:
    if properties is None:
        return False
    color = properties.find("w:color", _NS)
    if color is not None and (color.get(_q("val")) or "").lower() in _WHITE:
        shade = properties.find("w:shd", _NS)
        highlight = properties.find("w:highlight", _NS)
        if shade is None and highlight is None:  # white on a coloured ground shows
            return True
    size = properties.find("w:sz", _NS)
    if size is not None:
        try:
            return int(size.get(_q("val")) or "0") <= _TINY_HALF_POINTS
        except ValueError:
            return False
    return False
