"""Raw HTML in Markdown whose content no reader of the page sees.

Markdown passes raw HTML through, and a browser (GitHub, Pandoc's HTML, Quarto)
shows none of ``<div hidden>``, ``<span style="display:none">``,
``visibility:hidden``, ``<template>``, ``<script>`` or ``<style>``, nor text drawn
with no size or no opacity (``font-size:0``, ``opacity:0`` in any unit). The audit read
them as text: "(Smith, 2019)" inside ``<div hidden>`` cited Smith's entry, and the
uncited entry the editor would have been told of was hidden from the audit (and a
hidden citation of a work not listed was reported "missing" for nothing the editor
could find). HTML comments were blanked already (`markdown.hide_non_text`); these
are blanked the same way, column for column, so every later position still points
where it was written.

One pass, a line at a time, the open hidden element carried to the next line: its
tag name and how many of that name are open inside it, so ``<div hidden><div>..
</div>(Smith, 2019)</div>`` ends where the hidden one does. Tags are found with a
bounded, linear pattern; an element never closed hides to the end of the text, as a
browser would.
"""

from __future__ import annotations

import re

# A start or end tag: its attributes cannot hold '<' or '>' (an attribute value
# holding one is rare, and then the tag is not seen: its text is read, as before).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,40})([^<>]{0,4000})>")
_ALWAYS_HIDDEN = frozenset({"script", "style", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
)
# ``hidden`` as an attribute of its own (not ``aria-hidden``, ``data-hidden``, nor a
# word in a quoted value: values are emptied before the look)
_HIDDEN_ATTRIBUTE = re.compile(r"(?:^|\s)hidden(?:\s|=|/|$)", re.IGNORECASE)
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_STYLE = re.compile(r"""(?:^|\s)style\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_HIDING_STYLES = ("display:none", "visibility:hidden")
# a declaration that draws the text with no size or no opacity: zero in any unit
# ("font-size:0", "0px", "0.0em", "opacity:0"), at a declaration's start
_ZERO_STYLE = re.compile(
    r"(?:^|;)(?:font-size|opacity):[+]?0*(?:\.0*)?(?:[a-z%]{0,4})(?:!important)?(?:;|$)"
)

# (tag name, how many elements of that name are open, the hidden one included)
Hiding = tuple[str, int] | None


def _hides(name: str, attributes: str) -> bool:
    if name in _ALWAYS_HIDDEN:
        return True
    if _HIDDEN_ATTRIBUTE.search(_QUOTED.sub('""', attributes)):
        return True
    style = _STYLE.search(attributes)
    if style is None:
        return False
    declarations = _SPACE.sub("", (style[1] or style[2] or "").lower())
    return any(hiding in declarations for hiding in _HIDING_STYLES) or bool(
        _ZERO_STYLE.search(declarations)
    )


def blank_hidden_html(text: str, hiding: Hiding) -> tuple[str, Hiding]:
    """`text` with what hidden HTML elements hold blanked (spaces, tags included), and
    the element still open at its end -- pass it with the next line. The values of
    tags' unshown attributes (tooltips, alternative texts, data) are blanked too."""
    if hiding is None and "<" not in text:
        return text, None
    out: list[str] = []
    start = 0 if hiding is not None else -1  # where the blanked stretch began
    done = 0  # text up to here is in `out`
    for match in _TAG.finditer(text):
        closing, name, attributes = match[1] == "/", match[2].lower(), match[3]
        if hiding is None:
            if closing or name in _VOID or attributes.rstrip().endswith("/"):
                continue
            if _hides(name, attributes):
                hiding, start = (name, 1), match.start()
            continue
        if name != hiding[0] or (not closing and attributes.rstrip().endswith("/")):
            continue
        depth = hiding[1] + (-1 if closing else 1)
        if depth > 0:
            hiding = (hiding[0], depth)
            continue
        out.append(text[done:start])
        out.append(" " * (match.end() - start))
        done, hiding, start = match.end(), None, -1
    if hiding is not None:
        out.append(text[done:start])
        out.append(" " * (len(text) - start))
        done = len(text)
    out.append(text[done:])
    return _without_unshown_attributes("".join(out)), hiding


# An attribute whose value no reader of the page sees as text: a tooltip, an image's
# alternative text, an accessibility label, a script's data. (href and src stay: the
# link is checked; id and class stay: the reader finds ``<div id="refs">`` by them.)
_UNSHOWN_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?:title|alt|aria-label|aria-description|data-[A-Za-z0-9_.-]{1,40}+)"""
    r"""\s*+=\s*+(?:"([^"<>]{0,2000}+)"|'([^'<>]{0,2000}+)')""",
    re.IGNORECASE,
)


def _without_unshown_attributes(text: str) -> str:
    """`text` with the values of its tags' unshown attributes blanked, column for column.

    Why: ``<span title="(Smith, 2019)">`` or ``<img alt="Smith et al. 2019">`` shows no
    such words on the page, yet the line was read whole and the attribute cited
    Smith's entry -- an uncited entry hidden from the audit."""
    if "=" not in text:
        return text
    pieces: list[str] = []
    done = 0
    for tag in _TAG.finditer(text):
        if tag[1] == "/" or "=" not in tag[3]:
            continue
        for value in _UNSHOWN_ATTRIBUTE.finditer(text, tag.start(3), tag.end(3)):
            group = 1 if value.start(1) >= 0 else 2
            start, end = value.span(group)
            pieces += [text[done:start], " " * (end - start)]
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


_NOT_NOTED = frozenset({"script", "style"})  # code and CSS: no text a reader would miss
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def hidden_html_elements(lines: list[str]) -> int:
    """How many hidden elements holding text on purpose (``hidden``, ``display:none``,
    ``visibility:hidden``, ``font-size:0``, ``opacity:0``, ``<template>``) the lines
    open, outside fenced code and one-line comments: what the reader blanks
    (`blank_hidden_html`) and says it did.

    Why a count of its own: the blanking runs inside the Markdown reader's pass over
    fences, comments and metadata, which hands back only the text; an editor told
    nothing took "uncited" at its word while the file held a hidden citation meant
    for the audit alone."""
    count = 0
    fence: str | None = None
    in_comment = False
    for line in lines:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3 :], False
        opened = _FENCE.match(line)
        if fence is not None:
            if (
                opened is not None
                and opened.group(1)[0] == fence[0]
                and len(opened.group(1)) >= len(fence)
            ):
                fence = None
            continue
        if opened is not None:
            fence = opened.group(1)
            continue
        if "<" not in line:
            continue
        line, in_comment = _without_comments(line)
        for match in _TAG.finditer(line):
            name, attributes = match[2].lower(), match[3]
            if match[1] == "/" or name in _VOID or name in _NOT_NOTED:
                continue
            if _hides(name, attributes):
                count += 1
    return count


def _without_comments(line: str) -> tuple[str, bool]:
    """The line with its comments cut out, and whether the last runs on past it. One
    forward pass (a pattern looking for each "<!--"'s end from every one of them was
    quadratic on a line of openings)."""
    kept: list[str] = []
    at = 0
    while True:
        start = line.find("<!--", at)
        if start < 0:
            kept.append(line[at:])
            return "".join(kept), False
        kept.append(line[at:start])
        end = line.find("-->", start + 4)
        if end < 0:
            return "".join(kept), True
        at = end + 3


def hidden_html_message(count: int) -> str:
    """The reader's one note for `count` hidden elements."""
    return (
        f"the document holds hidden HTML ({count:,} element(s): hidden, display:none, "
        "visibility:hidden, font-size:0, opacity:0 or <template>): not read, as a browser "
        "does not show it -- a citation or an entry there is not one the editor can see"
    )
