"""Links in any text: plain text, Markdown, HTML, or a list with one per line.

Only real URLs (with an http or https scheme) and DOIs are taken. A DOI is found as
``doi:10.…``, ``https://doi.org/10.…`` or a bare ``10.NNNN/…``; it is checked at the
resolver, never turned into a host name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from citeaudit.links.targets import LinkTarget, target_for

_URL = re.compile(r"""https?://[^\s<>"'`{}|\\^\[\]]+""", re.IGNORECASE)
_DOI = re.compile(r"""(?<![\w/.])(?:doi:\s*)?10\.\d{4,9}/[^\s"'<>`{}]+""", re.IGNORECASE)
_TRAILING = ".,;:!?*_~'\""
# The attribute run is bounded: "<a " repeated without a ">" would otherwise be
# scanned to the end from every "<a ".
_HTML_HINT = re.compile(r"<(html|body|a\s[^<>]{0,500}?href|p>|div|!doctype)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundLink:
    target: LinkTarget
    text: str  # as written
    line: int  # 1-based
    column: int  # 1-based


def _trim(candidate: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets.

    Brackets are counted once, not again for every character cut (a run of ``)``
    would make that quadratic).
    """
    opens, closes = candidate.count("("), candidate.count(")")
    end = len(candidate)
    while end:
        last = candidate[end - 1]
        unbalanced = last == ")" and opens < closes
        if last in _TRAILING or unbalanced or last == ">":
            end -= 1
            closes -= last == ")"
        else:
            break
    return candidate[:end]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def extract_from_text(text: str) -> list[FoundLink]:
    """URLs and DOIs in plain text or Markdown (links, autolinks, reference definitions)."""
    starts = _line_starts(text)
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        url = _trim(match.group(0))
        found.append((match.start(), url))
        spans.append((match.start(), match.start() + len(url)))
    # Both lists are in text order: one walk finds the DOIs inside a URL (linear,
    # where testing every DOI against every URL was quadratic on a page of links).
    span = 0
    for match in _DOI.finditer(text):
        while span < len(spans) and spans[span][1] <= match.start():
            span += 1
        if span < len(spans) and spans[span][0] <= match.start():
            continue
        found.append((match.start(), _trim(match.group(0))))
    found.sort()
    out = []
    for offset, raw in found:
        line, column = _position(starts, offset)
        out.append(FoundLink(target_for(raw), raw, line, column))
    return out


class _Anchors(HTMLParser):
    ATTRS = frozenset({"href", "src", "cite", "data"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[FoundLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        for name, value in attrs:
            if name in self.ATTRS and value:
                value = value.strip()
                target = target_for(value)
                if target.kind != "other":
                    self.found.append(FoundLink(target, value, line, col + 1))

    def handle_data(self, data: str) -> None:
        line, col = self.getpos()
        for link in extract_from_text(data):
            column = link.column + (col if link.line == 1 else 0)
            self.found.append(FoundLink(link.target, link.text, line + link.line - 1, column))


def extract_from_html(text: str) -> list[FoundLink]:
    parser = _Anchors()
    parser.feed(text)
    parser.close()
    return parser.found


def extract_links(text: str, kind: str = "auto") -> list[FoundLink]:
    """Every link in `text`; `kind` is auto, text, markdown, html or list."""
    if kind == "html" or (kind == "auto" and _HTML_HINT.search(text[:20000])):
        return extract_from_html(text)
    return extract_from_text(text)
