"""Soft 404s: a 200 page that is really a "not found" page.

We ask the same host for a URL that surely does not exist (same directory, random
name). A host that answers that with 404 is honest, and our page is alive. A host
that answers 200 is compared with our page: the same final URL after redirects
(everything sent to one place), or the same page text *and* a "not found" wording,
make our page a soft 404. A page that is neither redirected nor worded as "not found"
cannot be one, so the host is asked only for the others. Pages of single-page apps
(the same shell for every path, with no "not found" wording) are therefore never
called broken.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# Page bodies come from any server. Each pattern stops at the next "<", and the end of
# a title, script or style is looked for once from where it opens: a body of
# "<script" or "<title" repeated with no end (which made ".*?" scan to the end of the
# body from every opening) is read in one pass.
_TITLE_OPEN = re.compile(r"<title\b[^<>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_TAG = re.compile(r"<(?:(script|style)\b)?[^<>]*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# "Not found" in the languages reference lists are written in. Only a page in such
# wording is compared with the host's answer for an absent page, so a phrase here
# can make a page broken only when that answer is the same page.
#
# Every live page is searched for these words, so the search must be cheap: the text
# is lower-cased and the pattern has no IGNORECASE and no leading "\b", which lets
# the regex engine skip ahead to the letters an alternative can start with (about 40x
# faster on 2,000 characters of ordinary text). "404" alone needs word boundaries: it
# is looked for separately, only in a text that contains it.
NOT_FOUND_WORDS = re.compile(
    r"not\s+found|page\s+(does\s+not|doesn't|cannot|can't|could\s+not)\s+"
    r"(exist|be\s+found)|no\s+longer\s+(available|exists)|nicht\s+gefunden|"
    r"existiert\s+nicht|page\s+introuvable|n'existe\s+(pas|plus)|no\s+encontrad[ao]|"
    r"no\s+se\s+(ha\s+)?encontr|page\s+not\s+available|nothing\s+(was\s+)?found|"
    r"tidak\s+(dapat\s+)?ditemukan|halaman\s+tidak\s+ada|n[ãa]o\s+(foi\s+)?encontrad[ao]|"
    r"non\s+(è\s+stat[ao]\s+)?trovat[ao]|niet\s+gevonden|nie\s+znaleziono|"
    r"bulunamad[ıi]|hittades\s+inte|nebyla\s+nalezena|không\s+tìm\s+thấy|"
    r"не\s+найден|не\s+знайден|页面不存在|找不到|未找到|見つかりません|찾을\s*수\s*없|"
    r"غير\s+موجود|یافت\s+نشد"
)
_404 = re.compile(r"\b404\b")
# A word each alternative above contains as written (lower case): a text with none of
# them cannot match, and `in` finds that out far faster than the pattern.
NOT_FOUND_KEYS = (
    "found", "exist", "longer", "gefunden", "introuvable", "encontr", "available",
    "ditemukan", "halaman", "trovat", "gevonden", "znaleziono", "bulunamad", "hittades",
    "nalezena", "không", "найден", "знайден", "不存在", "找不到", "未找到", "見つかりません",
    "찾을", "موجود", "یافت", "404",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # what was asked
    final_url: str  # after redirects
    status: int
    text: str  # decoded, capped body


def absent_url(url: str) -> str:
    """A URL on the same host, in the same directory, that surely does not exist."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    name = f"citeaudit-absent-{secrets.token_hex(12)}"
    return urlunsplit((parts.scheme, parts.netloc, f"{directory}/{name}", "", ""))


def probe_key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    return (parts.scheme, parts.netloc.lower(), directory)


def title_of(text: str) -> str:
    opening = _TITLE_OPEN.search(text)
    if opening is None:
        return ""
    closing = _TITLE_CLOSE.search(text, opening.end())
    if closing is None:
        return ""
    return _SPACE.sub(" ", html.unescape(text[opening.end() : closing.start()])).strip()


def _strip_tags(text: str) -> str:
    """The text between tags; scripts and styles dropped with their content."""
    out: list[str] = []
    pos = 0
    for tag in _TAG.finditer(text):
        if tag.start() < pos:
            continue  # inside a script or style already skipped
        out.append(text[pos : tag.start()])
        out.append(" ")
        pos = tag.end()
        element = tag.group(1)
        if element:
            closing = re.compile(rf"</{element}\s*>", re.IGNORECASE).search(text, pos)
            pos = closing.end() if closing else len(text)
    out.append(text[pos:])
    return "".join(out)


def visible_text(text: str, *, drop: tuple[str, ...] = ()) -> str:
    plain = html.unescape(_strip_tags(text))
    for token in drop:
        if token:
            plain = plain.replace(token, " ")
    return _SPACE.sub(" ", plain).strip()


def _tokens(url: str) -> tuple[str, ...]:
    parts = urlsplit(url)
    return tuple(t for t in (url, parts.path, parts.path.rsplit("/", 1)[-1]) if len(t) > 1)


def _page_text(page: Page) -> str:
    return visible_text(page.text, drop=_tokens(page.url) + _tokens(page.final_url))


def _says_not_found(title: str, text: str) -> bool:
    head = (title + " " + text[:2000]).lower()
    if not any(key in head for key in NOT_FOUND_KEYS):
        return False
    if NOT_FOUND_WORDS.search(head) is not None:
        return True
    return "404" in head and _404.search(head) is not None


def could_be_soft_404(page: Page) -> bool:
    """Whether asking the host for an absent page could make `page` a soft 404.

    Only a redirected page, or one in "not found" wording, can be (see `is_soft_404`);
    any other page is alive whatever the host says for the absent one, so the probe
    request is not sent for it.
    """
    if page.url != page.final_url:
        return True
    return _says_not_found(title_of(page.text), _page_text(page))


def is_soft_404(page: Page, absent: Page) -> bool:
    """True when `page` is the host's "not found" page in disguise."""
    if not 200 <= absent.status < 300:
        return False  # the host says 404 for what is missing: `page` is real
    if page.url != page.final_url and page.final_url == absent.final_url:
        return True  # both sent to the same place
    page_title = title_of(page.text)
    page_text = _page_text(page)
    if not _says_not_found(page_title, page_text):
        return False
    if page_title != title_of(absent.text):
        return False
    absent_text = visible_text(absent.text, drop=_tokens(absent.url) + _tokens(absent.final_url))
    a, b = page_text[:8000], absent_text[:8000]
    if a == b:
        return True
    from rapidfuzz import fuzz  # imported when two pages are first compared

    # The share of the two texts in common (their longest common subsequence), in time
    # bounded by the product of their lengths over 64 (bit-parallel). difflib's matcher,
    # used before, was quadratic and then some on a page of few distinct characters: a
    # hostile host's two 8,000-character pages of "a" and "b" took 7 s per link.
    return fuzz.ratio(a, b, score_cutoff=90) >= 90
