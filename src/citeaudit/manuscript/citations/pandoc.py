"""Pandoc citations: ``[@key]``, ``[see @a, p. 3; -@b]``, narrative ``@key`` and braces.

What Pandoc, Quarto and R Markdown render as a citation, and nothing else -- an
author's CI fails on every false "missing" or "uncited":

* A narrative ``@key`` counts after whitespace, the start of a line or an opening mark
  (``(@key)``, ``"@key"``, ``*@key*``), never after a letter, digit, ``/``, ``.`` or
  ``\\``: e-mail addresses (``name@example.org``), URLs (``medium.com/@x``) and
  escapes (``\\@ref(fig:x)``, bookdown's cross-reference) stay out. Braced keys are read
  as Pandoc writes them (``@{key}``) and as ``{@key}``.
* A bracketed citation may run over line breaks inside its paragraph. Keys may be
  parted by commas as well as semicolons (``[@a, @b]``), or by blanks alone
  (``[@a @b]``): pandoc renders each. A prefix may end in a mark glued to the key
  (``[=@a]``).
* Cross-references are no citations: Quarto's ``@fig-x``, ``@tbl-x``, ``@sec-x``,
  ``@eq-x``, ``@apx-x``..., pandoc-crossref's ``@fig:x``; nor are the labels of Pandoc
  example lists (``(@good)``) the document defines. A bracket of cross-references only
  (``[@fig-a; @fig-b]``) is no citation; one that mixes both keeps its citations.
* Manubot's identifiers (``[@doi:10.1/x]``, ``[@arxiv:1607.07519]``, ``[@url:...]``)
  and tags (``[@tag:x]``, aliased by a ``[@tag:x]: doi:...`` line, itself no
  citation) are WEAK: linked to an entry with that id, never reported missing.
* ``nocite:`` in the YAML metadata (which the Markdown reader leaves visible) cites the
  keys it lists; ``@*`` there cites every entry (key ``*``).
* Code makes citations too, when its output is Markdown: an ``@key`` inside an
  executable chunk (```` ```{r} ````, whose fence lines the Markdown reader keeps and
  whose ``@`` tokens it leaves visible) or inside inline code (```` `r ...` ````,
  ```` `{python} ...` ````) -- a table of ``"@key"`` cells; and papaja's ``cite_r()``
  cites every ``R-`` entry its ``r_refs()`` wrote (key ``R-*``). Such citations are
  WEAK: they cite the entry they name, and one that names no entry (a decorator, an
  S4 slot, ``"@"`` in a regular expression) is never reported. Anything else in code
  is not a citation.

Every Citation has ``command="pandoc"``. Linear on hostile input: a bracket is
matched without a second quantifier around its ``@`` (``[`` then thousands of ``@``
and no ``]`` was quadratic); it stops at the next bracket or blank line; offsets are
looked up in spans by bisection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.marker import Marker, shown
from citeaudit.manuscript.citations.markup import code_index
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.spans import SpanIndex
from citeaudit.model.citation import Certainty, Citation, CitationKind

# Pandoc: a key starts with a letter, digit or "_" and may hold SINGLE internal
# punctuation characters, each followed by a word character: "@Foo_bar--baz" is the
# key Foo_bar (pandoc's manual), so "@smith2001---the" (an em-dash typed as "---")
# cites smith2001. Pandoc's one exception: ":" or "/" before "/", so that
# "@url:https://example.org/x" (Manubot) is one key. The repetition is possessive,
# as pandoc's parser never gives back a character; each character has at most one
# way to match, so the pattern is linear.
_KEY = (
    r"(?:\{(?P<braced>[^{}\s]+)\}"
    r"|(?P<plain>\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*+))"
)
# An item's key after whitespace, "[" or ";" -- or after a mark a prefix may end in,
# "[=@key]", "[~@key]", "[*@key*]" (class PP): pandoc reads the mark as the prefix and
# the key as a citation (only a word character glued before "@" makes no key).
_ITEM_KEY = re.compile(r"(?:^|(?<=[\s\[;=~*_\"'(“‘«]))(?P<suppress>-?)@" + _KEY)
# A further key after a comma or a blank in one item: "[@a, @b]" (authors write it for
# "[@a; @b]"), and "[@a @b @c]" (no separator at all, class SP) -- pandoc renders each
# (the keys after the first are read in its suffix, and cite).
_FURTHER_KEY = re.compile(r"(?:,[ \t\n]*|(?<=[ \t\n]))-?@" + _KEY)
# A bracket's body: no bracket inside, and no blank line (the paragraph ends there).
_BRACKET = re.compile(r"\[(?P<body>[^\[\]\n]*(?:\n(?![ \t]*\n)[^\[\]\n]*)*)\](?!\()")
_OPENING = r"\"'(\[*_~“‘«"  # an unclosed "[" too: its bracket was no citation
# (after "]:" too: a footnote's definition glued to its text, "[^n1]:@key", whose
# text pandoc reads from just after the colon -- the label is checked in code,
# `_NOTE_DEFINITION`)
_NARRATIVE = re.compile(
    r"(?:(?<=[\s"
    + _OPENING
    + r"])|(?<=\]:)|^)@"
    + _KEY
    + r"|(?:(?<=\s)|^)\{@(?P<curly>[\w][^{}\s]*)\}",
    re.MULTILINE,
)
# a footnote's definition up to its colon, alone from its line's start: "[^n1]:"
_NOTE_DEFINITION = re.compile(r"[ \t]{0,3}\[\^[^\]\s]{1,80}\]:")
# In code an "@key" is a string's start ("@key", '@key') or a word of its own.
_CODE_KEY = re.compile(r"(?<![\w@.\\/$])@" + _KEY)
_CITE_R = re.compile(r"\bcite_r\b")
_INLINE_CODE = re.compile(r"`(?:r|python|\{r\}|\{python\})\s")
# Quarto cross-reference types ("@fig-x"), pandoc-crossref's ("@fig:x").
_CROSSREF = re.compile(
    r"(?:(?:fig|tbl|lst|eq|sec|apx|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|tip|nte|wrn|imp|cau)-"
    r"|(?:fig|tbl|eq|lst|sec):)[\w]",
    re.IGNORECASE,
)
_EXAMPLE_LABEL = re.compile(r"^[ \t]*\(@(?P<label>[\w-]+)\)[ \t]", re.MULTILINE)
# The YAML field, as the Markdown reader leaves it: its value, then indented or "- " lines.
# possessive indent: a blank indented line (no \S) was tried at every split of its
# spaces between "[ \t]+" and "[^\n]*" (quadratic in the line)
_NOCITE = re.compile(
    r"^nocite[ \t]*+:[^\n]*+(?:\n[ \t]++[^\n]*\S[^\n]*+|\n-[^\n]*+)*+", re.MULTILINE
)
_NOCITE_KEY = re.compile(r"@(?:(?P<star>\*)|" + _KEY + ")")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.MULTILINE)
_R_PACKAGES = "R-*"
# Manubot: a key that is a persistent identifier ("@doi:10.1/x", "@arxiv:1607.07519",
# "@pmid:123", "@url:https://...") describes its work itself and is resolved when the
# manuscript is built, with no bibliography entry: WEAK, linked when an entry has it
# as its id, never a missing reference. A tag ("@tag:Okoro2019") is an alias a
# Markdown link-reference line defines ("[@tag:Okoro2019]: doi:10.1/x"): the
# definition is no citation, and the tag cites its target.
_IDENTIFIER = re.compile(r"(?:doi|arxiv|pmid|pmcid|url|isbn|wikidata|tag|raw):", re.IGNORECASE)
_MANUBOT_ALIAS = re.compile(
    r"^[ \t]{0,3}\[@tag:(?P<tag>[^\[\]\s]{1,200})\]:[ \t]*(?P<target>\S{1,500})", re.MULTILINE
)  # the keys papaja's r_refs() writes: R-base, R-ggplot2, ...


class PandocExtractor(CitationExtractor):
    syntax: ClassVar[str] = "pandoc"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        """The markers, yielded as found (not held: a page of ``@a`` is 300,000 of them).

        Not in text order: brackets, then narrative keys, then declared and code ones.
        Each kind skips the spans of the others, so no two overlap and the order
        decides nothing; `extract_at_most` puts them in order.
        """
        text = document.text
        if "@" not in text and "cite_r" not in text:
            # every marker holds an "@" (a key, a nocite's "@*", a Manubot tag) or is a
            # `cite_r` call: a page of neither is not scanned seven times to find none
            return
        spans = code = code_index(text)  # compact: a page may be all code spans
        metadata = [(m.start(), m.end()) for m in _NOCITE.finditer(text)]
        chunks = list(_executable_chunks(text))
        aliases = {m.group("tag"): m.group("target") for m in _MANUBOT_ALIAS.finditer(text)}
        definitions = [(m.start(), m.end()) for m in _MANUBOT_ALIAS.finditer(text)]
        outside = SpanIndex([*metadata, *chunks, *definitions])
        examples = {m.group("label") for m in _EXAMPLE_LABEL.finditer(text)}
        # the brackets read as citations, a byte per character: a list of their spans
        # grew by 80 bytes a bracket (128 MB for an 8 MB page of "[@a] ")
        taken = bytearray(len(text) + 1)
        for m in _BRACKET.finditer(text):
            if "@" not in m.group("body") or code.covers(m.start()) or outside.covers(m.start()):
                continue
            if m.start() and text[m.start() - 1] == "^":
                continue  # an inline footnote, "^[see @a and @b.]": its keys are narrative
            keys = _bracket_keys(m.group("body"))
            if keys is None:
                continue
            keys = [_aliased(key, aliases) for key in keys]
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            if keys:
                yield _marker(document, m.start(), m.end(), keys, narrative=False)
        for m in _NARRATIVE.finditer(text):
            if code.covers(m.start()) or taken[m.start()] or outside.covers(m.start()):
                continue
            if text.startswith("]:", m.start() - 2) and not _opens_a_note(text, m.start()):
                continue  # "[the desk]:@rook": a colon of prose, no note's definition
            key = m.group("curly") or m.group("braced") or m.group("plain")
            if _CROSSREF.match(key) or key in examples:
                continue
            key = _aliased(key, aliases)
            yield _marker(document, m.start(), m.end(), [key], narrative=True)
        for start, end in metadata:
            yield from _declared(document, start, end)
        # a Manubot alias line cites nothing, and no other reader may take it
        yield from (Marker(start, end, ()) for start, end in definitions)
        inline = [(s, e) for s, e in spans if _INLINE_CODE.match(text, s)]
        for start, end in [*chunks, *inline]:
            yield from _by_code(document, start, end)


def _opens_a_note(text: str, at: int) -> bool:
    """The "@" at `at` opens a footnote's text: its line up to there is the note's
    label and colon alone ("[^n1]:@key"). Only the line's first 90 characters are
    looked at."""
    line_start = text.rfind("\n", max(at - 90, 0), at) + 1
    if line_start == 0 and at > 90:
        return False
    return _NOTE_DEFINITION.fullmatch(text, line_start, at) is not None


def _aliased(key: str, aliases: dict[str, str]) -> str:
    """A Manubot tag's target (``[@tag:Okoro2019]: doi:10.1/x`` makes ``@tag:Okoro2019``
    cite ``doi:10.1/x``); any other key as it is."""
    if key.startswith("tag:"):
        return aliases.get(key[4:], key)
    return key


def _bracket_keys(body: str) -> list[str] | None:
    """Keys of a bracketed citation, cross-references left out; None when an item has
    no ``@key`` of its own (a bracket of prose, a link's text)."""
    keys: list[str] = []
    for item in body.split(";"):
        m = _ITEM_KEY.search(item.strip())
        if m is None:
            return None
        found = [m.group("braced") or m.group("plain")]
        # "[@a, @b, @c]", "[@a @b @c]": keys after a comma or a blank are citations
        # too, as pandoc renders them
        found += [k.group("braced") or k.group("plain") for k in _FURTHER_KEY.finditer(item)]
        keys.extend(key for key in dict.fromkeys(found) if not _CROSSREF.match(key))
    return keys


def _executable_chunks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of executable code chunks (```` ```{r} ```` ... ```` ``` ````): the lines a
    Markdown reader kept of them, fence to fence. A chunk left open runs to the end."""
    opened: tuple[int, str] | None = None
    for m in _FENCE.finditer(text):
        if opened is None:
            if m.group("info").lstrip().startswith("{"):
                opened = (m.start(), m.group("fence"))
        elif m.group("fence").startswith(opened[1]) and not m.group("info").strip():
            yield opened[0], m.end()
            opened = None
    if opened is not None:
        yield opened[0], len(text)


def _declared(document: Document, start: int, end: int) -> Iterator[Marker]:
    """``nocite:`` keys: cited by declaration (``@*``: every entry). Keys inside an HTML
    comment (``nocite: | <!-- @a, @b -->``, an author's switched-off list) are raw HTML
    to pandoc, which cites none of them."""
    text = document.text
    comments: list[tuple[int, int]] = []
    at = text.find("<!--", start, end)
    while at >= 0:
        close = text.find("-->", at + 4, end)
        stop = end if close < 0 else close + 3
        comments.append((at, stop))
        at = text.find("<!--", stop, end)
    ahead = 0  # keys and comments come in text order: one walk over both
    for m in _NOCITE_KEY.finditer(text, start, end):
        while ahead < len(comments) and comments[ahead][1] <= m.start():
            ahead += 1
        if ahead < len(comments) and comments[ahead][0] <= m.start():
            continue
        key = "*" if m.group("star") else m.group("braced") or m.group("plain")
        yield _marker(document, m.start(), m.end(), [key], narrative=False)


def _by_code(document: Document, start: int, end: int) -> Iterator[Marker]:
    """Citations code may print: ``@key`` tokens and ``cite_r()``, all WEAK."""
    text = document.text
    for m in _CODE_KEY.finditer(text, start, end):
        key = m.group("braced") or m.group("plain")
        if not _CROSSREF.match(key):
            yield _marker(document, m.start(), m.end(), [key], narrative=True, weak=True)
    for m in _CITE_R.finditer(text, start, end):
        yield _marker(document, m.start(), m.end(), [_R_PACKAGES], narrative=False, weak=True)


def _marker(
    document: Document,
    start: int,
    end: int,
    keys: list[str],
    *,
    narrative: bool,
    weak: bool = False,
) -> Marker:
    text = shown(document.text[start:end])
    location = document.location_at(start)
    return Marker(
        start,
        end,
        tuple(
            Citation(
                id="",
                text=text,
                location=location,
                kind=CitationKind.KEY,
                item=key,
                key=key,
                narrative=narrative,
                command="pandoc",
                certainty=Certainty.WEAK if weak or _IDENTIFIER.match(key) else Certainty.SURE,
            )
            for key in keys
        ),
    )
