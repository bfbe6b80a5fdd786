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

Text that is there but that no reader sees is left out too (`Looks`,
`run_unseen`): white on the white page -- set on the run, its character style, its
paragraph's style or the defaults, ``w:themeColor="background1"`` included -- and
type of 1 pt or less. White shows on a ground, and is read there: the run's shading
or highlight, its paragraph's shading (own or its style's), a table's cell (a table
style may shade it, which is not judged here), a text box, a page background that is
not white. Text of any colour drawn on a ground of its own colour, or nearly
(`run_blends`: black on black shading, near-white on the white page), is left out
too; light grey and every colour with some contrast are taken as shown.

What the audit cannot judge it says (`unseen_notes`): tracked changes not accepted
(the reader takes the document as it prints with them accepted -- deletions out,
insertions in -- and the editor may be looking at the markup), hidden, white and
hairline text left out, white text read on a table's or a text box's ground, and
parts in another format Word shows in place (``w:altChunk``: HTML, RTF) that are
not read at all. One note a kind with its count, never one a run: a hostile file's
million runs make five lines.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lxml import etree  # type: ignore[import-untyped]

from citeaudit.manuscript.docx_style_chains import nearest_along, styles_read

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_TRUE = frozenset({"", "1", "true", "on"})
_HIDING = ("vanish", "specVanish")
_MAX_CHAIN = 32  # basedOn links followed: Word allows far fewer; a cycle stops too
_WHITE = frozenset({"ffffff", "white"})
_WHITE_THEMES = frozenset({"background1", "light1"})  # the theme's page colour: white
_CLEAR_FILLS = frozenset({"", "auto", "ffffff", "white"})
_MAX_GROUND_STEPS = 64  # ancestors looked through for a table cell or a text box
_TINY_HALF_POINTS = 2  # w:sz is in half-points: 1 pt and under shows as a hairline
_THIN_SCALE = 10  # w:w, the width in percent: 10% and under draws the letters as a smear


def _q(local: str) -> str:
    return f"{{{_W}}}{local}"


_T = TypeVar("_T")
_P, _R, _TC, _BOX = _q("p"), _q("r"), _q("tc"), _q("txbxContent")
# tracked changes, counted by the XML library's own walk (`iter`), not a Python loop
# per level: nested 200 deep they cost nothing. Not an XPath union ("count(.//w:ins |
# .//w:del)"): libxml2 merges a union's node sets by checking every node of one against
# every node of the other, quadratic -- 40,000 insert/delete pairs in one word cost
# 2.7 s, 200,000 a minute (docx29).
_CHANGES = (_q("ins"), _q("del"), _q("moveFrom"), _q("moveTo"))
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
    for style in styles_read(styles_root):
        style_id = style.get(_q("styleId")) or ""
        if not style_id:
            continue
        own[style_id] = _hiding(style.find("w:rPr", _NS))
        parent = style.find("w:basedOn", _NS)
        if parent is not None and parent.get(_q("val")):
            based_on[style_id] = parent.get(_q("val")) or ""
    settings = {k: v for k, v in own.items() if v is not None}
    found = nearest_along(own, settings, based_on, _MAX_CHAIN)  # each chain walked once
    return frozenset(k for k, v in found.items() if v)


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


@dataclass(frozen=True, slots=True)
class Looks:
    """How a document's text looks, resolved once from its styles part: which styles
    hide, each style's colour and size through its ``basedOn`` chain, and which
    paragraph styles shade their paragraph. `page_ground`: the page is not white."""

    hidden: frozenset[str] = frozenset()
    hidden_default: bool = False
    colors: dict[str, str] = field(default_factory=dict)  # style id -> "white" or "other"
    sizes: dict[str, int] = field(default_factory=dict)  # style id -> half-points
    shaded: frozenset[str] = frozenset()  # paragraph styles with a shading fill
    default_color: str = ""
    default_size: int | None = None
    page_ground: bool = False
    # the style of a paragraph that names none (Word's default paragraph style,
    # "Normal"): its settings stand over the document defaults
    default_paragraph: str = ""
    # colours as six hex digits, for text the colour of its ground: each style's text
    # colour and paragraph fill (inherited), the defaults' text colour, the page's
    hexes: dict[str, str] = field(default_factory=dict)
    fills: dict[str, str] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)  # style id -> width in percent
    default_scale: int | None = None
    default_hex: str = ""
    page_hex: str = "ffffff"


def style_looks(styles_root: Any, document_root: Any = None) -> Looks:
    """The document's `Looks`: its styles (None: none) and its page background."""
    page_ground = _page_ground(document_root)
    page_hex = _page_hex(document_root)
    if styles_root is None:
        return Looks(page_ground=page_ground, page_hex=page_hex)
    colors: dict[str, str] = {}
    sizes: dict[str, int] = {}
    shading: dict[str, bool] = {}
    based_on: dict[str, str] = {}
    hexes: dict[str, str] = {}
    fills: dict[str, str] = {}
    scales: dict[str, int] = {}
    for style in styles_read(styles_root):
        style_id = style.get(_q("styleId")) or ""
        if not style_id:
            continue
        properties = style.find("w:rPr", _NS)
        color, size = _color(properties), _size(properties)
        if color:
            colors[style_id] = color
        if size is not None:
            sizes[style_id] = size
        written = _hex(properties)
        if written is not None:
            hexes[style_id] = written
        scale = _scale(properties)
        if scale is not None:
            scales[style_id] = scale
        shade = style.find("w:pPr/w:shd", _NS)
        if shade is not None:
            shading[style_id] = _filled(shade)
            sets, fill = _shading(shade)
            if sets:
                fills[style_id] = fill or ""  # "": a ground of no known colour
        parent = style.find("w:basedOn", _NS)
        if parent is not None and parent.get(_q("val")):
            based_on[style_id] = parent.get(_q("val")) or ""
    defaults = styles_root.find("w:docDefaults/w:rPrDefault/w:rPr", _NS)
    normal = next(
        (
            style.get(_q("styleId")) or ""
            for style in styles_read(styles_root)
            if style.get(_q("type")) == "paragraph"
            and (style.get(_q("default")) or "").lower() in ("1", "true", "on")
        ),
        "",
    )
    return Looks(
        hidden=hidden_styles(styles_root),
        hidden_default=default_hidden(styles_root),
        colors=_inherited(colors, based_on),
        sizes=_inherited(sizes, based_on),
        shaded=frozenset(k for k, v in _inherited(shading, based_on).items() if v),
        default_color=_color(defaults),
        default_size=_size(defaults),
        page_ground=page_ground,
        default_paragraph=normal,
        hexes=_inherited(hexes, based_on),
        fills=_inherited(fills, based_on),
        default_hex=_hex(defaults) or "",
        page_hex=page_hex,
        scales=_inherited(scales, based_on),
        default_scale=_scale(defaults),
    )


def _inherited(own: dict[str, _T], based_on: dict[str, str]) -> dict[str, _T]:
    """Each style's value: its own, else the nearest ancestor's (a cycle or a chain
    longer than Word allows ends the walk)."""
    return nearest_along(set(own) | set(based_on), own, based_on, _MAX_CHAIN)


def _page_ground(document_root: Any) -> bool:
    background = document_root.find("w:background", _NS) if document_root is not None else None
    if background is None:
        return False
    color = (background.get(_q("color")) or "").lower()
    return color not in _CLEAR_FILLS or background.get(_q("themeColor")) is not None


def _color(properties: Any) -> str:
    """ "white", "other" or "" (not set) for a w:rPr's colour."""
    color = properties.find("w:color", _NS) if properties is not None else None
    if color is None:
        return ""
    theme = color.get(_q("themeColor"))
    if theme is not None and color.get(_q("themeShade")) is None:
        # the theme's page colour, or another; lightened (themeTint) white stays white
        return "white" if theme in _WHITE_THEMES else "other"
    # no theme, or a theme colour darkened ("White, Background 1, Darker 25%"): the
    # value Word computed for it says
    return "white" if (color.get(_q("val")) or "").lower() in _WHITE else "other"


def _size(properties: Any) -> int | None:
    size = properties.find("w:sz", _NS) if properties is not None else None
    if size is None:
        return None
    try:
        return int((size.get(_q("val")) or "")[:8])
    except ValueError:
        return None


def _scale(properties: Any) -> int | None:
    """A w:rPr's character width in percent (w:w), None when unset."""
    scale = properties.find("w:w", _NS) if properties is not None else None
    if scale is None:
        return None
    try:
        return int((scale.get(_q("val")) or "").strip().rstrip("%")[:8])
    except ValueError:
        return None


def _shading(shade: Any) -> tuple[bool, str | None]:
    """(whether a w:shd sets a ground, its colour as six hex digits -- None when not
    known). A solid pattern (``w:val="solid"``) is drawn in the pattern's colour
    (``w:color``; automatic: black) over the fill; a clear one shows the fill; another
    pattern (``pct50``, stripes) mixes them (a ground of no one colour); ``nil`` none."""
    if shade is None:
        return False, None
    pattern = (shade.get(_q("val")) or "").lower()
    if pattern == "nil":
        return False, None
    if pattern == "solid":
        color = (shade.get(_q("color")) or "").lower()
        return True, (_six_hex(color) or ("000000" if color in ("", "auto") else None))
    fill = (shade.get(_q("fill")) or "").lower()
    if pattern in ("", "clear"):
        if fill in ("", "auto"):
            return False, None
        return True, "ffffff" if fill == "white" else _six_hex(fill)
    return True, None


def _filled(shade: Any) -> bool:
    """The shading sets a ground white text shows on: any but a white one."""
    sets, color = _shading(shade)
    return sets and color != "ffffff"


def _run_grounded(properties: Any) -> bool:
    """The run sets a ground of its own: a shading fill or a highlight."""
    if properties is None:
        return False
    shade = properties.find("w:shd", _NS)
    if shade is not None and _filled(shade):
        return True
    highlight = properties.find("w:highlight", _NS)
    return highlight is not None and (highlight.get(_q("val")) or "none") != "none"


def _resolved(own: _T | None, character: str, paragraph: str, by_style: dict[str, _T]) -> _T | None:
    """The run's own setting, else its character style's, else its paragraph style's."""
    if own is not None:
        return own
    if character and character in by_style:
        return by_style[character]
    return by_style.get(paragraph) if paragraph else None


WHITE_RUN = "white"
TINY_RUN = "tiny"
THIN_RUN = "thin"


def run_look(run: Any, paragraph_style_id: str, looks: Looks) -> str | None:
    """`TINY_RUN` for a run of 1 pt or less, `THIN_RUN` for one squeezed to
    `_THIN_SCALE` percent of its width or less (``w:w``: its letters drawn on top of
    each other, a smear no one reads), `WHITE_RUN` for a white run on no ground of its
    own (its paragraph's ground is the caller's), else None."""
    properties = run.find("w:rPr", _NS)
    style = properties.find("w:rStyle", _NS) if properties is not None else None
    character = (style.get(_q("val")) or "") if style is not None else ""
    size = _resolved(_size(properties), character, paragraph_style_id, looks.sizes)
    if size is None:
        size = looks.default_size
    if size is not None and size <= _TINY_HALF_POINTS:
        return TINY_RUN
    scale = _resolved(_scale(properties), character, paragraph_style_id, looks.scales)
    if scale is None:
        scale = looks.default_scale
    if scale is not None and 0 < scale <= _THIN_SCALE:
        return THIN_RUN
    color = _resolved(_color(properties) or None, character, paragraph_style_id, looks.colors)
    if color is None:
        color = looks.default_color
    if color == "white" and not looks.page_ground and not _run_grounded(properties):
        return WHITE_RUN
    return None


def paragraph_grounded(paragraph: Any, looks: Looks) -> bool:
    """The paragraph stands on a ground white text shows on: its shading (own or its
    style's), a table's cell or a text box around it, a page that is not white. Its
    ancestors are looked through `_MAX_GROUND_STEPS` deep (deeper: taken as a ground,
    the text read as before)."""
    if _shaded(paragraph, looks):
        return True
    node = paragraph.getparent()
    for _ in range(_MAX_GROUND_STEPS):
        if node is None:
            return False
        if node.tag in (_TC, _BOX):
            return True
        node = node.getparent()
    return True


def run_unseen(
    run: Any, paragraph_style_id: str, looks: Looks, grounded: Callable[[], bool]
) -> bool:
    """Whether no reader sees `run`: hidden, 1 pt or less, or white off any ground
    (`grounded`, asked only then: the paragraph's ground)."""
    paragraph_style_id = paragraph_style_id or looks.default_paragraph
    if run_hidden(run, paragraph_style_id, looks.hidden, looks.hidden_default):
        return True
    look = run_look(run, paragraph_style_id, looks)
    if look in (TINY_RUN, THIN_RUN) or (look == WHITE_RUN and not grounded()):
        return True
    return run_blends(run, paragraph_style_id, looks)


def unseen_notes(body: Any, looks: Looks) -> list[str]:
    """Sentences for what the editor may see otherwise than the audit reads it.

    One walk, the paragraph styles open carried down, and the table cells and text
    boxes open counted: looking each run's paragraph up cost as many steps as the run
    is deep (tests/security/test_docx_nesting.py)."""
    changes = sum(1 for _ in body.iter(*_CHANGES)) - (body.tag in _CHANGES)
    hidden_runs = 0
    unseen: Counter[str] = Counter()  # white and hairline runs, by kind
    on_cells = 0  # white runs read on a table's or a text box's ground
    paragraphs: list[tuple[str, bool]] = []  # open paragraphs: (style, shaded), innermost last
    cells = 0  # open table cells and text boxes
    tags = (_P, _R, _TC, _BOX)
    for event, node in etree.iterwalk(body, events=("start", "end"), tag=tags):
        if node.tag in (_TC, _BOX):
            cells += 1 if event == "start" else -1
            continue
        if node.tag == _P:
            if event == "start":
                paragraphs.append((paragraph_style(node), _shaded(node, looks)))
            else:
                paragraphs.pop()
            continue
        if event == "end" or not _has_text(node):
            continue
        style, shaded = paragraphs[-1] if paragraphs else ("", False)
        style = style or looks.default_paragraph
        if run_hidden(node, style, looks.hidden, looks.hidden_default):
            hidden_runs += 1
            continue
        look = run_look(node, style, looks)
        if look == TINY_RUN:
            unseen["under 1 pt high"] += 1
        elif look == THIN_RUN:
            unseen[f"squeezed to {_THIN_SCALE}% of its width or less"] += 1
        elif look == WHITE_RUN and not shaded and not cells:
            unseen["white on the white page"] += 1
        elif run_blends(node, style, looks):
            unseen["the colour of its ground"] += 1
        elif look == WHITE_RUN and not shaded:
            on_cells += 1
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
    if unseen:
        kinds = ", ".join(f"{n:,} {why}" for why, n in unseen.most_common())
        notes.append(
            f"the document holds text no reader sees ({sum(unseen.values()):,} run(s): "
            f"{kinds}): not read -- a citation or an entry there is not one the editor "
            "can see"
        )
    if on_cells:
        notes.append(
            f"the document holds white text in a table or a text box ({on_cells:,} "
            "run(s)): read as text, as a shaded cell or box shows it -- check it is "
            "meant to be there"
        )
    return notes


# -- text the colour of its ground ---------------------------------------------------

# Word's highlight colours (w:highlight), as six hex digits
_HIGHLIGHTS = {
    "black": "000000", "blue": "0000ff", "cyan": "00ffff", "green": "00ff00",
    "magenta": "ff00ff", "red": "ff0000", "yellow": "ffff00", "white": "ffffff",
    "darkblue": "000080", "darkcyan": "008080", "darkgreen": "008000",
    "darkmagenta": "800080", "darkred": "800000", "darkyellow": "808000",
    "darkgray": "808080", "lightgray": "c0c0c0",
}  # fmt: skip
_HEX_DIGITS = frozenset("0123456789abcdef")
# below this contrast ratio (WCAG's, 1 to 21) no reader makes the text out: "FEFEFE"
# on white is 1.01, "F5F5F5" 1.09; light grey ("DDDDDD", 1.36) is taken as shown
_UNSEEN_CONTRAST = 1.1


def _six_hex(value: str | None) -> str | None:
    value = (value or "").lower()
    return value if len(value) == 6 and set(value) <= _HEX_DIGITS else None


def _hex(properties: Any) -> str | None:
    """A w:rPr's text colour as six hex digits; None when unset or automatic (Word's
    automatic colour turns light on a dark ground: it always shows)."""
    color = properties.find("w:color", _NS) if properties is not None else None
    return None if color is None else _six_hex(color.get(_q("val")))


def _fill_hex(shade: Any) -> str | None:
    """A w:shd's ground as six hex digits; None when it sets none or one of no known
    colour (`_shading`)."""
    return _shading(shade)[1]


def _page_hex(document_root: Any) -> str:
    """The page's colour as six hex digits: white unless a background is set, "" when
    one is set that is not written so (a theme's colour: not judged)."""
    background = document_root.find("w:background", _NS) if document_root is not None else None
    if background is None:
        return "ffffff"
    if background.get(_q("themeColor")) is not None:
        return ""
    return _six_hex(background.get(_q("color"))) or ""


def _luminance(hex_color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _ground(run: Any, properties: Any, paragraph_style_id: str, looks: Looks) -> str | None:
    """The colour `run` is drawn on, as six hex digits: its own shading or highlight,
    its paragraph's shading (own or its style's), its table cell's, the page's. None
    when it is not known: a text box, a cell with no fill of its own (a table style
    may shade it), a theme-coloured page, deeper than `_MAX_GROUND_STEPS`."""
    if properties is not None:
        sets, shade = _shading(properties.find("w:shd", _NS))
        if sets:
            return shade
        highlight = properties.find("w:highlight", _NS)
        if highlight is not None:
            named = _HIGHLIGHTS.get((highlight.get(_q("val")) or "").lower())
            if named is not None:
                return named
    node = run.getparent()
    paragraph_seen = False
    for _ in range(_MAX_GROUND_STEPS):
        if node is None:
            return looks.page_hex or None
        if node.tag == _BOX:
            return None
        if node.tag == _P and not paragraph_seen:
            paragraph_seen = True
            shade = node.find("w:pPr/w:shd", _NS)
            if shade is not None:
                sets, fill = _shading(shade)
                if sets:
                    return fill
            elif paragraph_style_id in looks.fills:
                return looks.fills[paragraph_style_id] or None
        if node.tag == _TC:  # its own fill, else a table style's perhaps: not judged
            return _fill_hex(node.find("w:tcPr/w:shd", _NS))
        node = node.getparent()
    return None


def run_blends(run: Any, paragraph_style_id: str, looks: Looks) -> bool:
    """Whether `run`'s text is the colour of its ground (or nearly: a contrast under
    `_UNSEEN_CONTRAST`): black on black shading, yellow on a yellow highlight, navy on
    a navy paragraph, near-white on the white page. Text with no colour of its own,
    style's or default's (automatic), always shows.

    Why: only white on the white page was taken for unseen; "(Smith, 2019)" in black
    on a black-shaded run -- a bar the editor reads as nothing, or as a redaction --
    was read as a citation, and the uncited entry hidden from the audit."""
    properties = run.find("w:rPr", _NS)
    style = properties.find("w:rStyle", _NS) if properties is not None else None
    character = (style.get(_q("val")) or "") if style is not None else ""
    color = _resolved(_hex(properties), character, paragraph_style_id, looks.hexes)
    if color is None:
        color = looks.default_hex or None
    if color is None:
        return False
    ground = _ground(run, properties, paragraph_style_id, looks)
    return ground is not None and _contrast(color, ground) < _UNSEEN_CONTRAST


# -- alternate content ---------------------------------------------------------------

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CHOICE, FALLBACK = f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# Namespaces Word understands in a Choice's ``Requires``: its own (Office's and the
# Open XML standard's, every version). Another -- a made-up one, or a prefix declared
# nowhere -- is one Word does not know, and it shows the Fallback instead.
_UNDERSTOOD_PREFIXES = (
    "http://schemas.microsoft.com/office/",
    "http://schemas.openxmlformats.org/",
    "http://purl.oclc.org/ooxml/",
    "urn:schemas-microsoft-com:",
)
_MAX_REQUIRES = 32  # prefixes one Choice may name: more is no document Word writes
_MAX_BRANCHES = 16  # branches of one block looked at; a branch past them is not read


def _understood(choice: Any) -> bool:
    prefixes = (choice.get("Requires") or "").split()
    if not prefixes or len(prefixes) > _MAX_REQUIRES:
        return False
    spaces = choice.nsmap
    return all((spaces.get(prefix) or "").startswith(_UNDERSTOOD_PREFIXES) for prefix in prefixes)


def alternative_shown(branch: Any) -> bool:
    """Whether Word shows `branch`, an ``mc:Choice`` or ``mc:Fallback`` of an
    ``mc:AlternateContent``: the first Choice whose ``Requires`` names only namespaces
    Word knows is shown, else the Fallback, and no other branch.

    Why: both branches were read (the Fallback only skipped for text boxes), so a
    citation put in a Fallback behind a Choice Word shows -- or in a Choice naming a
    namespace Word does not know, behind the Fallback it shows -- was read by the audit
    and seen by no one; an entry cited only there was "cited"."""
    alternate = branch.getparent()
    if alternate is None:
        return True
    # `_MAX_BRANCHES` looked at, from the first: a hostile block of a million Choices
    # costs each branch that many steps, not a million (Word writes one and a Fallback)
    before = itertools.islice(branch.itersiblings(preceding=True), _MAX_BRANCHES)
    if sum(1 for _ in before) >= _MAX_BRANCHES:
        return False
    for sibling in itertools.islice(alternate.iterchildren(CHOICE, FALLBACK), _MAX_BRANCHES):
        if sibling.tag == FALLBACK or _understood(sibling):
            return sibling is branch
    return False


def _shaded(paragraph: Any, looks: Looks) -> bool:
    if looks.page_ground:
        return True
    shade = paragraph.find("w:pPr/w:shd", _NS)
    if shade is not None:
        return _filled(shade)
    return (paragraph_style(paragraph) or looks.default_paragraph) in looks.shaded


def _has_text(run: Any) -> bool:
    return any((t.text or "").strip() for t in run.iterfind("w:t", _NS))
