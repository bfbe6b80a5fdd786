"""LaTeX markup in BibTeX fields, turned into the Unicode text a reader sees.

Titles and names are compared with registry records and with in-text citations,
which are plain Unicode: ``M{\\"u}ller`` must become ``Müller`` and ``{DNA} --`` must
become ``DNA –``.

Most values need little or nothing: a value without a backslash, brace, ``$``, tie
or TeX quote/dash ligature is returned as written (spaces tidied). The markup real
bibliographies hold -- accents, special letters, escaped symbols, font switches,
``\\emph{...}``, logos -- is converted by one linear scan driven by the tables below,
which give what pylatexenc gives for the same markup (tests/bibliography compare
the two on every form). pylatexenc is thorough but slow (tens of microseconds per
character; one full parse per value made a LaTeX-heavy real bibliography read at
~400 entries/s), so it is given only the pieces the tables do not cover -- an inline
formula, a macro it knows with its braced arguments, an environment -- each alone,
which is what it gives for that piece inside the whole value (``\\url`` and
``\\cite`` are rendered as its definitions say, without it); a value whose piece
cannot be cut out cleanly (a comment, unbalanced braces, ``$$``) goes to it whole.
Converted values (up to a few thousand characters: an ``@string`` acknowledgement
repeated in every entry) and pieces are cached, within bounds.

Two bounds keep pylatexenc from holding a worker for minutes on a hostile file made
of markup: a value longer than `MAX_FULL_DECODE` characters (an abstract or a note,
never a name or title) has its markup stripped rather than decoded, and a caller may
open a `decoding_budget` for one file, past which every value pylatexenc would
decode is stripped instead; the caller can then say so. The table-driven scan is
linear and needs no bound.

Where both part from pylatexenc's defaults, on purpose (pylatexenc is given the
same definitions, so the two paths agree): logos (``\\TeX``, ``\\LaTeX``,
``\\BibTeX``...) are written out, where pylatexenc drops them as unknown macros;
``\\texttt{grep}``, ``\\mbox{...}`` and their kind keep their text, which pylatexenc
drops; ``\\par`` separates words. And a bare ``%`` or ``&`` in a value is kept as
written, as in a value without markup (pylatexenc would read ``%`` as a comment and
``&`` as a table column).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text

__all__ = [
    "MAX_FULL_DECODE",
    "DecodingBudget",
    "decoding_budget",
    "latex_to_unicode",
    "strip_braces",
]

MAX_FULL_DECODE = 10_000
# Converted values up to this length are cached (names, journals, @string values:
# TUGboat's 800-character acknowledgement macro is in every entry), at most this many
# of them and this many characters in all: a bounded cache, emptied when full.
_CACHED_LENGTH = 4_096
_CACHE_SIZE = 20_000
_CACHE_CHARACTERS = 2_000_000

_CONTROL_SEQUENCE = re.compile(r"\\(?:[A-Za-z@]+\*?|.)", re.DOTALL)
# What asks for conversion at all: without any of these a value is plain text.
_MARKUP = re.compile(r"[\\{}$~]|--|``|''|[!?]`")
_PLAIN_MARKUP = (
    ("---", "\u2014"),
    ("--", "\u2013"),
    ("``", "\u201c"),
    ("''", "\u201d"),
    ("~", " "),
)

# TeX's ligatures and ties, as pylatexenc renders them ("specials").
_SPECIALS = re.compile(r"---|--|``|''|!`|\?`|~")
_SPECIAL_TEXT = {
    "---": "\u2014",
    "--": "\u2013",
    "``": "\u201c",
    "''": "\u201d",
    "!`": "\u00a1",
    "?`": "\u00bf",
    "~": "\u00a0",
}
# Accent macros: the combining mark put after their argument's letter.
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
# Control words that stand for a character (TeX drops the spaces after them).
_SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "dj": "đ",
    "DJ": "Đ",
    "dots": "…",
    "ldots": "…",
    "textendash": "–",
    "textemdash": "—",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "guillemotleft": "«",
    "guillemotright": "»",
    "textasciitilde": "~",
    "texttrademark": "™",
    "textregistered": "®",
    "par": "\n\n",  # pylatexenc drops it, joining the words around it (given it, as logos)
}
# Logos, written out (pylatexenc is given them too; unknown to it, it drops them).
# The space after one is kept when the source has one: "\TeX and" reads "TeX and".
LOGOS = {
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e",
    "BibTeX": "BibTeX",
    "AmSTeX": "AMS-TeX",
    "AmS": "AMS",
    "AMS": "AMS",
    "MF": "Metafont",
    "MP": "MetaPost",
    "METAFONT": "METAFONT",
    "METAPOST": "METAPOST",
    "ConTeXt": "ConTeXt",
    "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX",
    "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX",
    "eTeX": "e-TeX",
    "SliTeX": "SliTeX",
    "LyX": "LyX",
}
# Text-style macros with one argument, rendered as that argument.
_STYLED = frozenset(
    {
        "emph",
        "textit",
        "textbf",
        "textsc",
        "textrm",
        "textsl",
        "textnormal",
        "textsuperscript",
        "textsubscript",
        "hbox",
        *("texttt", "textsf", "textup", "textmd", "mbox"),  # pylatexenc drops their text
    }
)
# Given to pylatexenc, so both paths agree: its default drops these with their text.
_KEEP_TEXT = ("texttt", "textsf", "textup", "textmd", "mbox")
# Control symbols that stand for a character.
_ESCAPES = {
    "&": "&",
    "%": "%",
    "#": "#",
    "_": "_",
    "$": "$",
    "{": "{",
    "}": "}",
    ",": " ",
    ";": " ",
    ":": " ",
    " ": " ",
    "\t": " ",
    "\n": " ",
    "!": "",
    ">": "",
    "/": "",
    "@": "",
    "-": "\u00ad",
    "\\": "\n",
}

_TOKEN = re.compile(
    r"\\(?P<word>[A-Za-z]+)(?P<space>[ \t\n]*)"  # control word; TeX drops the spaces after it
    r"|\\(?P<symbol>.)"  # control symbol
    r"|(?P<brace>[{}])"
    r"|(?P<text>[^\\{}$]+)"
    # Inline math, "$" to "$" (escaped dollars inside, no comment, not "$$" display
    # math): pylatexenc converts it alone, a few characters instead of the whole value.
    r"|(?P<math>\$(?:\\.|[^$%\\])+\$)(?!\$)",
    re.DOTALL,
)
# An accent's argument: a letter, {letter}, \i or \j (braced or not), or {} (no accent).
# Each run of spaces is followed by something that is not a space, so a long run is
# scanned once, never tried split two ways.
_ACCENT_ARGUMENT = re.compile(
    r"[ \t\n]*(?:"
    r"(?P<letter>[A-Za-z])"
    r"|\{[ \t\n]*"
    r"(?:(?P<braced>[A-Za-z])[ \t\n]*|\\(?P<braced_dotless>[ij])(?![A-Za-z])[ \t\n]*)?\}"
    r"|\\(?P<dotless>[ij])(?![A-Za-z])[ \t\n]*"
    r")"
)
_STYLED_ARGUMENT = re.compile(r"[ \t\n]*[{A-Za-z]")


@dataclass(slots=True)
class DecodingBudget:
    """Characters pylatexenc may still decode for one file."""

    left: int
    exhausted: bool = False


_BUDGET: ContextVar[DecodingBudget | None] = ContextVar("latex_budget", default=None)
_CACHE: dict[str, str] = {}
# pylatexenc's text for short pieces of values (`_segment_text`: formulas, macros).
_SEGMENTS: dict[str, str] = {}
_SEGMENT_LENGTH = 256
_BRACES = re.compile(r"(?<!\\)[{}]")
_ENVIRONMENT = re.compile(r"\{([A-Za-z]+\*?)\}")
_cached_characters = 0


@contextmanager
def decoding_budget(characters: int) -> Iterator[DecodingBudget]:
    """Within the block, pylatexenc decodes at most `characters` in all; the values it
    would decode past that are stripped of their markup instead."""
    budget = DecodingBudget(characters)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def latex_to_unicode(text: str) -> str:
    """Plain Unicode text (NFC, single spaces) for a LaTeX field value."""
    cached = _CACHE.get(text)
    if cached is not None:
        return cached  # one string for a value every entry repeats (ISSN, journal, note)
    if not _MARKUP.search(text):
        result = _tidy(text)
    else:
        converted = table_driven(text)
        if converted is None:
            if not _may_decode(text):
                return _tidy(_strip_markup(text))  # not cached: another file may decode it
            converted = pylatexenc_text(text)
        result = _tidy(converted)
    if len(text) <= _CACHED_LENGTH:
        _remember(text, result)
    return result


def _remember(text: str, result: str) -> None:
    global _cached_characters
    if len(_CACHE) >= _CACHE_SIZE or _cached_characters >= _CACHE_CHARACTERS:
        _CACHE.clear()
        _cached_characters = 0
    _CACHE[text] = result
    _cached_characters += len(text) + len(result)


def table_driven(text: str) -> str | None:
    """The text pylatexenc would give, by one linear scan: the tables convert what
    they cover, pylatexenc the formulas, macros and environments they do not, piece by
    piece; None when such a piece cannot be cut out of the value (a comment, unbalanced
    braces, display math, a macro whose arguments are not all braced)."""
    out: list[str] = []
    pos = 0
    end = len(text)
    while pos < end:
        m = _TOKEN.match(text, pos)
        if m is None:
            return None  # "$" (math) or a backslash at the very end
        pos = m.end()
        kind = m.lastgroup
        if kind == "text":
            chunk = m.group("text")
            out.append(_SPECIALS.sub(_special, chunk) if _SPECIALS.search(chunk) else chunk)
        elif kind == "brace":
            continue  # a group renders as its content
        elif kind == "math":
            math = _segment_text(m.group("math"))
            if math is None:
                return None
            out.append(math)
        elif kind == "symbol":
            symbol = m.group("symbol")
            if symbol in _ACCENTS:
                pos = _accent(text, pos, _ACCENTS[symbol], out)
                if pos < 0:
                    return None
            elif symbol in _ESCAPES:
                out.append(_ESCAPES[symbol])
            else:
                return None
        else:
            word = m.group("word")
            if word in _SYMBOLS:
                out.append(_SYMBOLS[word])
            elif word in _ACCENTS:
                pos = _accent(text, pos, _ACCENTS[word], out)
                if pos < 0:
                    return None
            elif word in LOGOS:
                out.append(LOGOS[word] + (" " if m.group("space") else ""))
            elif word in _STYLED:
                if not _STYLED_ARGUMENT.match(text, pos):
                    return None  # \emph\'e: pylatexenc takes the accent as the argument
            elif word == "end":
                return None  # an environment's end without its start
            elif word == "begin" or word in _known_to_pylatexenc():
                stop = _segment_end(text, pos, word)
                converted = None if stop < 0 else _macro_text(text, m.start(), pos, stop, word)
                if converted is None:
                    return None
                out.append(converted)
                pos = stop
            # else: a switch (\it, \bf, \em...), \relax or a macro of the bibliography's
            # own; unknown to pylatexenc too, which drops it and keeps what follows.
    return "".join(out)


def _macro_text(text: str, start: int, pos: int, stop: int, word: str) -> str | None:
    """pylatexenc's text for the macro at `start` with its arguments, up to `stop`:
    ``\\url{...}`` and ``\\cite{...}`` as its definitions render them, others by it."""
    segment = text[start:stop]
    if "%" in segment.replace("\\%", ""):
        return None  # a comment: pylatexenc's arguments would not end where the braces do
    if word == "cite":
        return "<cit.>"
    if word == "url" and "\\url" not in segment[4:]:
        inner = table_driven(text[text.index("{", pos) + 1 : stop - 1])
        return None if inner is None else f"<{inner}>"
    return _segment_text(segment)


def _segment_text(segment: str) -> str | None:
    """pylatexenc's text for one self-contained piece of a value -- an inline formula
    (``$\\lambda$``), a macro with its braced arguments (``\\url{...}``), an
    environment -- which is what it gives for that piece inside the whole value: a few
    characters parsed instead of a whole abstract. None when the piece's braces are
    unbalanced or it holds a comment (then the whole value goes to pylatexenc), or
    the decoding budget is spent."""
    known = _SEGMENTS.get(segment)
    if known is not None:
        return known
    if "%" in segment.replace("\\%", ""):
        return None
    depth = 0
    for brace in _BRACES.findall(segment):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return None
    if depth or not _may_decode(segment):
        return None
    converted = pylatexenc_text(segment)
    if len(segment) <= _SEGMENT_LENGTH:
        if len(_SEGMENTS) >= _CACHE_SIZE:
            _SEGMENTS.clear()
        _SEGMENTS[segment] = converted
    return converted


def _segment_end(text: str, pos: int, word: str) -> int:
    """Where the arguments of macro `word` (known to pylatexenc) end, when `pos` is
    right after its name: -1 unless all are written out -- ``*``, ``[...]`` and
    ``{...}`` as its definition lists them, the last one braced -- or, for
    ``\\begin{name}``, the end of its ``\\end{name}`` with no other ``\\begin{name}``
    between."""
    if word == "begin":
        name = _ENVIRONMENT.match(text, pos)
        if name is None:
            return -1
        close = text.find(f"\\end{{{name.group(1)}}}", name.end())
        if close < 0 or f"\\begin{{{name.group(1)}}}" in text[name.end() : close]:
            return -1
        return close + len(name.group(1)) + 6
    spec = _argument_spec(word)
    if not spec or spec[-1] != "{" or spec.strip("*[{"):
        return -1
    for kind in spec:
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        opening = text[pos : pos + 1]
        if kind == "*":
            pos += opening == "*"
        elif kind == "[" and opening == "[":
            pos = text.find("]", pos)
            if pos < 0 or "{" in text[pos - 1 : pos]:
                return -1
            pos += 1
        elif kind == "{":
            if opening != "{":
                return -1
            pos = _group_end(text, pos)
            if pos < 0:
                return -1
    return pos


def _group_end(text: str, pos: int) -> int:
    """The position after the brace group opening at `pos`; -1 when it never closes."""
    depth = 0
    for brace in _BRACES.finditer(text, pos):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.end()
    return -1


@lru_cache(maxsize=512)
def _argument_spec(word: str) -> str:
    """The arguments pylatexenc's parser reads after macro `word` (``"*[[{"`` for
    ``\\cite``), or "" when it has no such list."""
    from pylatexenc import latexwalker

    spec = latexwalker.get_default_latex_context_db().get_macro_spec(word)
    argspec = getattr(getattr(spec, "args_parser", None), "argspec", None)
    return argspec if isinstance(argspec, str) else ""


def _accent(text: str, pos: int, mark: str, out: list[str]) -> int:
    """Append the accented letter of the argument at `pos`; the position after it,
    or -1 when the argument is not one the tables cover."""
    m = _ACCENT_ARGUMENT.match(text, pos)
    if m is None:
        return -1
    letter = m.group("letter") or m.group("braced")
    if letter is None:
        dotless = m.group("dotless") or m.group("braced_dotless")
        if dotless is None:
            return m.end()  # \'{}: an accent on nothing
        letter = dotless  # an accented \i is an accented i
    out.append(letter + mark)
    return m.end()


def _special(match: re.Match[str]) -> str:
    return _SPECIAL_TEXT[match.group()]


def _tidy(text: str) -> str:
    """Single spaces (ties and line breaks too), no space at either end, NFC."""
    text = " ".join(text.split())  # str.split() splits on what re's \s matches, and faster
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def _known_to_pylatexenc() -> frozenset[str]:
    """Every macro pylatexenc has a definition for (it drops all others)."""
    from pylatexenc import latex2text, latexwalker

    databases = (
        latex2text.get_default_latex_context_db(),
        latexwalker.get_default_latex_context_db(),
    )
    return frozenset(spec.macroname for db in databases for spec in db.iter_macro_specs())


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    # Imported here: most bibliographies never need it, and the command line starts
    # faster without it.
    from pylatexenc import latex2text

    # Its warnings are about the value at hand ("macro '\frac' failed its
    # substitution!" for a \frac without arguments), one per hostile value: a file of
    # them wrote three times its size to the worker's log. Errors still show.
    logging.getLogger("pylatexenc").setLevel(logging.ERROR)

    context = latex2text.get_default_latex_context_db()
    context.add_context_category(
        "citeaudit",
        prepend=True,
        macros=[
            *(latex2text.MacroTextSpec(name, simplify_repl=_logo) for name in LOGOS),
            *(latex2text.MacroTextSpec(name, simplify_repl="%s") for name in _KEEP_TEXT),
            latex2text.MacroTextSpec("par", simplify_repl=_SYMBOLS["par"]),
        ],
    )
    return latex2text.LatexNodes2Text(math_mode="text", latex_context=context)


def _logo(node: Any) -> str:
    return LOGOS[node.macroname] + (" " if node.macro_post_space else "")


def pylatexenc_text(text: str) -> str:
    """pylatexenc's text for `text` (the logos written out), or the text without its
    braces when pylatexenc cannot parse it."""
    from pylatexenc.latexwalker import LatexWalkerError

    try:
        converted: str = _converter().latex_to_text(text)
    except (LatexWalkerError, RecursionError, IndexError, KeyError, ValueError, TypeError):
        # pylatexenc's own slips on damaged input (a \footnote whose argument is cut
        # off raises KeyError inside its replacement table): the braces-free text.
        return strip_braces(text)
    return converted


def _may_decode(text: str) -> bool:
    if len(text) > MAX_FULL_DECODE:
        return False
    budget = _BUDGET.get()
    if budget is None:
        return True
    if len(text) > budget.left:
        budget.exhausted = True
        return False
    budget.left -= len(text)
    return True


def _strip_markup(text: str) -> str:
    """Linear, markup-free text: commands and braces dropped, accents lost."""
    text = strip_braces(_CONTROL_SEQUENCE.sub("", text)).replace("$", "")
    for markup, plain in _PLAIN_MARKUP:
        text = text.replace(markup, plain)
    return text


def strip_braces(text: str) -> str:
    """The text without BibTeX's case-protecting braces, for when decoding fails."""
    return text.replace("{", "").replace("}", "")
