"""Turning a reference written in Markdown or LaTeX into the plain text a parser needs.

Reference lists pasted from word processors into Markdown carry every kind of noise:
emphasis around titles, links whose text is the URL again (sometimes with the URL
escaped twice, ``[https://doi.org/10.1007/x\\\\_7](https://doi.org/10.1007/x_7)``),
autolinks, backslash escapes and HTML entities. A DOI or URL must come out exactly
once and exactly as it resolves, so URLs are shielded from the emphasis stripping
that would otherwise eat their underscores.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalkerError

__all__ = ["collapse_spaces", "strip_latex", "strip_markdown", "unescape_markdown"]

_PUNCT = r"!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"
_ESCAPE = re.compile(r"\\+([" + _PUNCT + r"])")
_ESCAPE_BASE = 0xE000  # private-use characters stand in for escaped punctuation
_URL_SHIELD = 0xF000  # and for URLs while emphasis is stripped
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+\"[^\"]*\")?\s*\)"
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
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_EM_UNDER = re.compile(r"(?<![0-9A-Za-z])_(?=\S)(.+?)(?<=\S)_(?![0-9A-Za-z])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
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


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown fragment: emphasis, links, escapes and entities resolved."""
    shielded = _ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    urls: list[str] = []

    def shield(url: str) -> str:
        urls.append(url)
        return chr(_URL_SHIELD + len(urls) - 1)

    shielded = _LINK.sub(lambda m: _link_text(m, shield), shielded)
    shielded = _AUTOLINK.sub(lambda m: shield(m.group(1)), shielded)
    shielded = _BARE_URL.sub(lambda m: _shield_bare(m.group(0), shield), shielded)
    shielded = _CODE.sub(lambda m: m.group(2), shielded)
    shielded = _HTML_TAG.sub("", shielded)
    shielded = _STRONG.sub(lambda m: m.group(2), shielded)
    shielded = _STRIKE.sub(lambda m: m.group(1), shielded)
    shielded = _EM_STAR.sub(lambda m: m.group(1), shielded)
    shielded = _EM_UNDER.sub(lambda m: m.group(1), shielded)
    shielded = shielded.replace("***", "").replace("**", "")
    restored = "".join(_restore(ch, urls) for ch in shielded)
    return collapse_spaces(html.unescape(restored))


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


def strip_latex(text: str) -> str:
    """Plain text of a LaTeX fragment (a ``\\bibitem`` body): accents, braces, commands gone."""
    cleaned = re.sub(r"\\newblock\b", " ", text)
    cleaned = re.sub(r"\\doi\{([^{}]*)\}", r"https://doi.org/\1", cleaned)
    try:
        plain = str(LatexNodes2Text(math_mode="verbatim").latex_to_text(cleaned))
    except (LatexWalkerError, IndexError, ValueError):  # broken input: keep the words
        plain = re.sub(r"\\[A-Za-z]+\*?|[{}]", " ", cleaned)
    plain = _LATEX_URL.sub(r"\1", plain)
    return collapse_spaces(plain.replace("\u00a0", " "))
