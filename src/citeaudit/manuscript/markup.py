"""Turning a reference written in Markdown or LaTeX into the plain text a parser needs.

Reference lists pasted from word processors into Markdown carry every kind of noise:
emphasis around titles, links whose text is the URL again (sometimes with the URL
escaped twice, ``[https://doi.org/10.1007/x\\\\_7](https://doi.org/10.1007/x_7)``),
autolinks, backslash escapes and HTML entities. A DOI or URL must come out exactly
once and exactly as it resolves, so URLs are shielded from the emphasis stripping
that would otherwise eat their underscores.

Entries come from strangers' files, so nothing here may take more than linear time
(n log n at worst) in the length of the text: code spans and emphasis are matched by
scanning for delimiters once, not by lazy patterns that rescan the rest of the line
from every opening backtick or asterisk (a line of 16 KB of backticks took minutes).
"""

from __future__ import annotations

import bisect
import functools
import heapq
import html
import io
import itertools
import re
from array import array
from collections.abc import Callable, Sequence
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalkerError, get_default_latex_context_db

__all__ = ["collapse_spaces", "strip_latex", "strip_markdown", "unescape_markdown"]

_PUNCT = r"!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"
_ESCAPE = re.compile(r"\\+([" + _PUNCT + r"])")
_ESCAPE_BASE = 0xE000  # private-use characters stand in for escaped punctuation
_ESCAPED = re.compile("[\ue000-\ue07f]")
_URL_SHIELD = 0xF000  # and for URLs while emphasis is stripped
# Possessive where giving back cannot help (the next token cannot match what was given
# back), and the title's leading space seen by a lookbehind instead of `\s+` after
# `\s*`: "[a](" and 50,000 spaces took seconds (each split of the spaces tried).
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\(\s*+<?([^()\s<>]*+(?:\([^()\s]*+\)[^()\s<>]*+)*+)>?"
    r"(?:\s*+(?<=\s)\"[^\"]*+\")?+\s*+\)"
)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|www\.[^<>\s]+)>", re.IGNORECASE)
_BARE_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]+|\b10\.\d{4,9}/[^\s<>\"]+", re.IGNORECASE
)
_URLISH = re.compile(
    r"^(?:(?:(?:https?|ftp)://|www\.|doi:|10\.\d{4,9}/|mailto:)\S+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?)$",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?(?:em|i|b|strong|u|sup|sub|span|small|cite|br|a)(?:\s[^<>]*)?/?>", re.I)
_BACKTICKS = re.compile(r"`+")
_ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f]+")
_TRAILING_URL_PUNCT = ".,;:!?'\"*_"


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def unescape_markdown(text: str) -> str:
    """Backslash escapes to the characters they stand for; runs of backslashes count as one.

    ``\\\\_`` is what a Markdown writer produces from an already escaped ``\\_``; in a
    reference, a literal backslash before punctuation is never meant, so both become ``_``.
    """
    return _ESCAPE.sub(lambda m: m.group(1), text)


# a character some step of `strip_markdown` acts on; text without one is only
# collapsed (most lines of a manuscript: the eleven passes cost ~50 us a short line)
_MARKUP_CHARACTER = re.compile(r"[\\\[<`*_~&\ue000-\ue07f\uf000-\uffff]")


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown fragment: emphasis, links, escapes and entities resolved."""
    if _MARKUP_CHARACTER.search(text) is None:
        return collapse_spaces(text)
    shielded = _ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    urls: list[str] = []

    def shield(url: str) -> str:
        urls.append(url)
        return chr(_URL_SHIELD + len(urls) - 1)

    shielded = _LINK.sub(lambda m: _link_text(m, shield), shielded)
    shielded = _AUTOLINK.sub(lambda m: shield(m.group(1)), shielded)
    shielded = _BARE_URL.sub(lambda m: _shield_bare(m.group(0), shield), shielded)
    shielded = _unwrap_code(shielded)
    shielded = _HTML_TAG.sub("", shielded)
    shielded = _unwrap(shielded, ("**", "__"))
    shielded = _unwrap(shielded, ("~~",))
    shielded = _unwrap(shielded, ("*",))
    shielded = _unwrap(shielded, ("_",), word_bound=True)
    shielded = shielded.replace("***", "").replace("**", "")
    shields = urls or _ESCAPED.search(shielded)
    restored = "".join(_restore(ch, urls) for ch in shielded) if shields else shielded
    return collapse_spaces(html.unescape(restored))


def _unwrap_code(text: str) -> str:
    """Code spans to their content: a run of n backticks up to the next run of exactly n
    on the same line; a run with no partner stays as written. One pass over the runs.

    The runs' offsets are held in arrays and the result written to a buffer: as lists
    of tuples and of pieces, a line of '`a` ' repeated cost 84 bytes of memory a
    character (a 20 MB upload, 1.7 GB); now about 25."""
    starts, ends = array("q"), array("q")
    for m in _BACKTICKS.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    if len(starts) < 2:
        return text
    partner = array("q", [-1]) * len(starts)
    later: dict[int, int] = {}  # run length -> index of the nearest such run to the right
    for k in range(len(starts) - 1, -1, -1):
        length = ends[k] - starts[k]
        partner[k] = later.get(length, -1)
        later[length] = k
    breaks = _line_breaks(text)
    out = io.StringIO()
    done = k = 0
    while k < len(starts):
        j = partner[k]
        if j >= 0 and not _break_between(breaks, ends[k], starts[j]):
            out.write(text[done : starts[k]])
            out.write(text[ends[k] : starts[j]])
            done = ends[j]
            k = j + 1
        else:
            k += 1
    out.write(text[done:])
    return out.getvalue()


def _line_breaks(text: str) -> array[int]:
    return array("q", (m.start() for m in re.finditer("\n", text)))


def _break_between(breaks: Sequence[int], start: int, end: int) -> bool:
    """Whether a line break lies in text[start:end] (spans and emphasis stay on a line)."""
    k = bisect.bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end


def _unwrap(text: str, delimiters: Sequence[str], *, word_bound: bool = False) -> str:
    """Emphasis to its content, as ``D(?=\\S)(.+?)(?<=\\S)D`` would, in n log n.

    An opener is a delimiter followed by a non-space; its closer the nearest later
    delimiter, on the same line, after a non-space and at least one character on. With
    `word_bound` (underscores) neither may touch an ASCII letter or digit outside.
    """
    if not any(d in text for d in delimiters):
        return text
    n = len(text)

    def occurrences(d: str) -> array[int]:
        found, at = array("q"), text.find(d)
        while at >= 0:
            found.append(at)
            at = text.find(d, at + 1)
        return found

    def outside_ok(at: int) -> bool:
        return not word_bound or at < 0 or at >= n or text[at] not in _ASCII_WORD

    # arrays, a lazy merge and a buffer rather than lists of ints, tuples and pieces:
    # a line of '*a* ' cost 56 bytes of memory a character
    opens = {d: occurrences(d) for d in delimiters}
    closes = {
        d: array(
            "q", (j for j in at if j > 0 and not text[j - 1].isspace() and outside_ok(j + len(d)))
        )
        for d, at in opens.items()
    }
    candidates = heapq.merge(*(zip(at, itertools.repeat(d)) for d, at in opens.items()))
    breaks = _line_breaks(text)
    out = io.StringIO()
    done = 0
    for i, d in candidates:
        inner = i + len(d)
        if i < done or inner >= n or text[inner].isspace() or not outside_ok(i - 1):
            continue
        k = bisect.bisect_left(closes[d], inner + 1)
        if k == len(closes[d]):
            continue
        j = closes[d][k]
        if _break_between(breaks, inner, j):
            continue
        out.write(text[done:i])
        out.write(text[inner:j])
        done = j + len(d)
    out.write(text[done:])
    return out.getvalue()


def _restore(ch: str, urls: list[str]) -> str:
    code = ord(ch)
    if _URL_SHIELD <= code < _URL_SHIELD + len(urls):
        return _unshield(urls[code - _URL_SHIELD])
    if _ESCAPE_BASE <= code < _ESCAPE_BASE + 128:
        return chr(code - _ESCAPE_BASE)
    return ch


def _unshield(text: str) -> str:
    return "".join(
        chr(ord(ch) - _ESCAPE_BASE) if _ESCAPE_BASE <= ord(ch) < _ESCAPE_BASE + 128 else ch
        for ch in text
    )


def _shield_bare(url: str, shield: Callable[[str], str]) -> str:
    core = url.rstrip(_TRAILING_URL_PUNCT)
    if core.endswith(")") and core.count("(") < core.count(")"):
        core = core[:-1]
    return shield(core) + url[len(core) :]


def _link_text(match: re.Match[str], shield: Callable[[str], str]) -> str:
    image, label, target = match.group(1), match.group(2), match.group(3)
    label_plain = strip_markdown(_unshield(label))
    target_plain = unescape_markdown(_unshield(target))
    if target_plain.lower().startswith("mailto:"):
        return label_plain or target_plain[len("mailto:") :]
    if image:
        return label_plain
    if not target_plain:
        return label_plain
    if _same_url(label_plain, target_plain) or _URLISH.match(label_plain):
        return shield(target_plain)
    return f"{label_plain} {shield(target_plain)}" if label_plain else shield(target_plain)


def _same_url(label: str, target: str) -> bool:
    def norm(url: str) -> str:
        url = unescape_markdown(url).strip().rstrip("/").lower()
        return re.sub(r"^(?:https?://)?(?:dx\.)?(?:www\.)?", "", url)

    return norm(label) == norm(target)


_LATEX_URL = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>")
_LATEX_WORDS = re.compile(r"\\[A-Za-z]+\*?|[{}]")
_LATEX_SPECIAL = re.compile(r"[\\{}$~%&#^_`'\-]")
_NESTING = re.compile(r"[{}]|\\begin|\\end")
_MAX_LATEX_CHARS = 20_000  # ten times the longest real entry
_MAX_LATEX_NESTING = 40


def strip_latex(text: str) -> str:
    """Plain text of a LaTeX fragment (a ``\\bibitem`` body): accents, braces, commands gone.

    pylatexenc recurses per group and is slow per character, so a fragment no real
    entry resembles -- longer than any entry, or nested deeper -- keeps its words by the
    plain fallback instead; so does one pylatexenc cannot parse.
    """
    cleaned = re.sub(r"\\newblock\b", " ", text)
    cleaned = re.sub(r"\\doi\{([^{}]*)\}", r"https://doi.org/\1", cleaned)
    plain: str | None = None
    if not _LATEX_SPECIAL.search(cleaned):
        plain = cleaned  # nothing for pylatexenc to do, and it costs ~1 ms per entry
    elif len(cleaned) <= _MAX_LATEX_CHARS and _nesting(cleaned) <= _MAX_LATEX_NESTING:
        converter, context = _latex_to_text()
        try:
            plain = str(converter.latex_to_text(cleaned, latex_context=context))
        except (LatexWalkerError, IndexError, ValueError, RecursionError):
            plain = None  # broken input: keep the words
    if plain is None:
        plain = _LATEX_WORDS.sub(" ", cleaned)
    plain = _LATEX_URL.sub(r"\1", plain)
    return collapse_spaces(plain.replace("\u00a0", " "))


@functools.cache
def _latex_to_text() -> tuple[LatexNodes2Text, Any]:
    """One converter and one parser table: building them took longer than most entries."""
    return LatexNodes2Text(math_mode="verbatim"), get_default_latex_context_db()


def _nesting(text: str) -> int:
    """The deepest brace or environment nesting in `text`, in one pass."""
    depth = deepest = 0
    for token in _NESTING.finditer(text):
        depth += 1 if token.group() in ("{", "\\begin") else -1
        deepest = max(deepest, depth)
    return deepest
