"""Links in any text: plain text, Markdown, HTML, or a list with one per line.

Only real URLs (with an http or https scheme) and DOIs are taken. A DOI is found as
``doi:10.…``, ``https://doi.org/10.…`` or a bare ``10.NNNN/…``; it is checked at the
resolver, never turned into a host name.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from citeaudit.links.html_scan import Attribute, scan
from citeaudit.links.targets import LinkTarget, target_for
from citeaudit.trailing_punctuation import trim_trailing

_URL = re.compile(r"""https?://[^\s<>"'`{}|\\^\[\]]+""", re.IGNORECASE)
_DOI = re.compile(r"""(?<![\w/.])(?:doi:\s*)?10\.\d{4,9}/[^\s"'<>`{}]+""", re.IGNORECASE)
_TRAILING = frozenset(".,;:!?*_~'\">")
_PARENTHESIS = {")": "("}
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
    """Drop trailing punctuation and unbalanced closing parentheses."""
    return trim_trailing(candidate, _TRAILING, _PARENTHESIS)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def _found(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, link as written) of the URLs and DOIs in `text[start:end]`, in order."""
    stop = len(text) if end is None else end
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text, start, stop):
        url = _trim(match.group(0))
        found.append((match.start(), url))
        spans.append((match.start(), match.start() + len(url)))
    # Both lists are in text order: one walk finds the DOIs inside a URL (linear,
    # where testing every DOI against every URL was quadratic on a page of links).
    span = 0
    for match in _DOI.finditer(text, start, stop):
        while span < len(spans) and spans[span][1] <= match.start():
            span += 1
        if span < len(spans) and spans[span][0] <= match.start():
            continue
        found.append((match.start(), _trim(match.group(0))))
    found.sort()
    return found


def extract_from_text(text: str) -> list[FoundLink]:
    """URLs and DOIs in plain text or Markdown (links, autolinks, reference definitions)."""
    starts = _line_starts(text)
    out = []
    for offset, raw in _found(text):
        line, column = _position(starts, offset)
        out.append(FoundLink(target_for(raw), raw, line, column))
    return out


_LINK_ATTRIBUTES = frozenset({"href", "src", "cite", "data"})


def extract_from_html(text: str) -> list[FoundLink]:
    """Links in the link attributes of start tags and in the page's text, in page order
    (`html_scan`: one forward pass, however broken the page). Entities are replaced
    in what is found; lines and columns are those of the page as written."""
    starts = _line_starts(text)
    out: list[FoundLink] = []
    for part in scan(text):
        if isinstance(part, Attribute):
            value = html.unescape(part.value).strip()
            target = target_for(value) if part.name in _LINK_ATTRIBUTES and value else None
            if target is not None and target.kind != "other":
                out.append(FoundLink(target, value, *_position(starts, part.tag_start)))
            continue
        for offset, raw in _found(text, part.start, part.end):
            link = _trim(html.unescape(raw)) if "&" in raw else raw
            if link:
                out.append(FoundLink(target_for(link), link, *_position(starts, offset)))
    return out


def extract_links(text: str, kind: str = "auto") -> list[FoundLink]:
    """Every link in `text`; `kind` is auto, text, markdown, html or list."""
    if kind == "html" or (kind == "auto" and _HTML_HINT.search(text[:20000])):
        return extract_from_html(text)
    return extract_from_text(text)
