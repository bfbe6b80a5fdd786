"""DOI normalisation: from whatever an author wrote to the canonical bare DOI.

Authors write DOIs as URLs (old and new resolvers), with ``doi:`` labels, with
LaTeX/Markdown escapes (``10.1007/978-3-319-69790-1\\_7``), %-encoded, followed by the
sentence's full stop or the closing parenthesis of a Markdown link, wrapped in ``<>``.
Registries, duplicate detection and the malformed-doi rule all need one canonical
form: lower-case (DOIs are case-insensitive), bare ``10.<registrant>/<suffix>``.

Parentheses and ``<>`` inside a DOI are kept when balanced: older Elsevier DOIs
(``10.1016/0006-2952(79)90007-x``) and SICI DOIs
(``10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0``) contain them.

Every URL built from a DOI (a registry's API, the resolver link) is built here, by
`doi_path` and `doi_resolver_url`: a DOI is text from a stranger's file, and
``10.1000/../../api/x`` or ``10.1000/x?y#z`` put raw into a URL would send the request
somewhere else. `doi_refusal` says which DOIs are never put into a URL at all.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

__all__ = [
    "INVISIBLE_IN_DOI",
    "DoiProblem",
    "UnsafeDoi",
    "ascii_look_alikes",
    "doi_path",
    "doi_problem",
    "doi_refusal",
    "doi_resolver_url",
    "find_dois",
    "mark_invisible",
    "normalize_doi",
    "unicode_names",
]

MAX_DOI_LENGTH = 1000  # real DOIs, SICIs included, stay far below
_URL_PREFIX = re.compile(r"10(?:\.[0-9]+)*")
# Characters a resolver link keeps as written (RFC 3986 path characters); anything
# else -- "%", "?", "#", "\\", spaces, "<>", non-ASCII -- is %-encoded.
_READABLE = "/:@!$&'()*+,;=-._~"


class UnsafeDoi(ValueError):
    """A DOI that is never put into a URL (see `doi_refusal`)."""

    def __init__(self, doi: str, reason: str) -> None:
        super().__init__(f"DOI refused: {reason}")
        self.doi = doi
        self.reason = reason


def doi_refusal(doi: str) -> str | None:
    """Why `doi` must not be put into any URL we request, or None when it may.

    Refused: a prefix that is not ``10`` or ``10.<digits>[.<digits>...]``, no suffix,
    control, format or unassigned characters, whitespace, more than
    `MAX_DOI_LENGTH` characters, and a suffix with a ``.`` or ``..`` path segment --
    however it is disguised (%-encoded once or more, ``\\`` as the separator, a
    ``;`` parameter as in ``..;``, full-width dots). No registered DOI has one; a
    server that normalises the path would take it as "go up".
    """
    if len(doi) > MAX_DOI_LENGTH:
        return f"longer than {MAX_DOI_LENGTH} characters"
    prefix, slash, suffix = doi.partition("/")
    if not slash or not suffix:
        return "no suffix after the prefix"
    if not _URL_PREFIX.fullmatch(prefix):
        return "the prefix is not 10.<registrant>"
    for char in doi:
        if char.isspace() or unicodedata.category(char)[0] in "CZ":
            return f"a control or invisible character (U+{ord(char):04X})"
    if _has_dot_segment(suffix):
        return "a '.' or '..' path segment in the suffix"
    return None


def _has_dot_segment(suffix: str) -> bool:
    text = suffix
    for _ in range(4):  # %-decoded up to three times: %252e%252e is still ".."
        for piece in re.split(r"[/\\]", unicodedata.normalize("NFKC", text)):
            if piece.split(";", 1)[0].strip() in (".", ".."):
                return True
        decoded = unquote(text)
        if decoded == text:
            return False
        text = decoded
    return True  # still encoded after three rounds: nothing legitimate looks like that


def doi_path(doi: str, *, keep_slashes: bool = True) -> str:
    """The DOI as the last part of a URL path, every unsafe character %-encoded.

    ``prefix/suffix`` with everything in the suffix outside ``A-Z a-z 0-9 - . _ ~``
    %-encoded. `keep_slashes`: a "/" inside the suffix stays a "/" (doi.org and
    DataCite take DOIs as written); otherwise every "/" is ``%2F`` and the DOI is one
    path segment (Crossref's ``/works/{doi}``). Raises `UnsafeDoi` for a refused DOI,
    so no request is ever built from one.
    """
    reason = doi_refusal(doi)
    if reason is not None:
        raise UnsafeDoi(doi, reason)
    if not keep_slashes:
        return quote(doi, safe="")
    prefix, _, suffix = doi.partition("/")
    return f"{prefix}/{quote(suffix, safe='/')}"


def doi_resolver_url(doi: str, base: str = "https://doi.org") -> str:
    """The resolver link of a DOI, for people to follow (reports, link lists).

    Readable where that is safe (``(``, ``:``, ``;`` as written); a refused DOI is
    wholly %-encoded into one path segment, so even a browser that follows the link
    stays on the resolver.
    """
    root = base.rstrip("/")
    if doi_refusal(doi) is not None:  # lone surrogates too: "replace" keeps quote whole
        return f"{root}/{quote(doi, safe='', errors='replace')}"
    prefix, _, suffix = doi.partition("/")
    return f"{root}/{prefix}/{quote(suffix, safe=_READABLE)}"


# Characters that never belong to a DOI and that copy-paste from PDFs and web pages
# smuggles in. Bidirectional marks, embeddings, overrides and isolates print nothing
# either: a DOI that holds one reads right on the page and is another DOI for a click
# or a copy (`doi_problem` names them).
_INVISIBLE_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
INVISIBLE_IN_DOI = frozenset(_INVISIBLE_CHARS)
# Letters of other scripts drawn like an ASCII letter (Unicode's confusables for the
# Latin alphabet, the common ones): "10.5555/r\u0435g" (Cyrillic "е") reads as
# "10.5555/reg" and is "DOI not found". Fullwidth and other compatibility forms and
# the digits of other scripts are found by NFKC and their decimal value instead.
# Pairs: the look-alike, then the ASCII letter it is drawn like.
_LOOK_ALIKE_PAIRS = (
    # Cyrillic small, then capital
    "\u0430a\u0435e\u043eo\u0440p\u0441c\u0445x\u0443y\u0456i\u0458j\u0455s\u04bbh\u0501d\u051bq\u051dw"
    "\u0410A\u0412B\u0415E\u041aK\u041cM\u041dH\u041eO\u0420P\u0421C\u0422T\u0425X\u0406I\u0408J\u0405S"
    # Greek small
    "\u03bfo\u03b1a\u03bdv\u03c1p\u03b9i\u03bak"
    # Greek capital
    "\u0391A\u0392B\u0395E\u0396Z\u0397H\u0399I\u039aK\u039cM\u039dN\u039fO\u03a1P\u03a4T\u03a5Y\u03a7X"
)
_LOOK_ALIKES = dict(zip(_LOOK_ALIKE_PAIRS[::2], _LOOK_ALIKE_PAIRS[1::2], strict=True))
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")

# A DOI's start: "10." then a registrant code (dotted sub-codes allowed) then "/".
# Inside free text, an unlabelled DOI must have the 4-9 digit registrant code that
# every Crossref/DataCite DOI has, so that "10.5/11" in prose is not taken for one.
_START_ANY = re.compile(r"(?<![\w.\-])10(?:\.\d+)+(?:/|%2[fF])")
_START_STRICT = re.compile(r"(?<![\w.\-])10\.\d{4,9}(?:\.\d+)*(?:/|%2[fF])")
_SHORT = re.compile(r"(?<![\w.\-])10/(?=[0-9]*[a-z])[a-z0-9]{2,}(?![\w/]|\.\w)", re.IGNORECASE)

# What may stand before a DOI and is a way of presenting it, not part of it.
_PREFIX_TAIL = re.compile(
    r"(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|hdl\.handle\.net/"
    r"|\bdoi\s*:\s*|\bdoi\s+|info:doi/|urn:doi:)$",
    re.IGNORECASE,
)

_TRAILING_PUNCT = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}
_LATEX_ESCAPES = re.compile(
    r"\{\\textunderscore\}|\\textunderscore(?:\{\}|\s?)|\{\\([_%&#$])\}|\\([!-/:-@\[-`{-~])|[{}]"
)


@dataclass(frozen=True, slots=True)
class DoiProblem:
    """What is wrong with a DOI as written, and the certain fix when there is one.

    `fixed` keeps the author's presentation (URL, ``doi:`` label or bare DOI) and is
    None when we cannot be sure what was meant. `cosmetic` problems still resolve
    (an old resolver), so the rule reports them at a lower severity.
    """

    message: str
    fixed: str | None
    cosmetic: bool = False
    # Written with a look-alike letter or digit: `fixed` is another DOI (surely the
    # one meant), so a person confirms it.
    look_alike: bool = False


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One DOI found in a text, with what was cleaned away to get it."""

    start: int  # offset of the presentation prefix, or of "10." if none
    doi_start: int
    end: int  # exclusive, after trimming
    prefix: str  # resolver URL or label as written ("" if none)
    doi: str  # cleaned, case kept
    trimmed: str  # characters cut from the end (punctuation, unbalanced closers)
    escapes: tuple[str, ...]  # LaTeX/Markdown escapes that were undone
    percent: bool  # %-encoding was undone
    joined_spaces: bool  # a space inside the DOI was removed


def normalize_doi(text: str) -> str | None:
    """The canonical lower-case bare DOI in `text`, or None if there is none.

    `text` is what an author put in a DOI field or next to a "doi:" label; the first
    DOI found is returned.
    """
    candidate = _field_candidate(text)
    return candidate.doi.lower() if candidate else None


def find_dois(text: str) -> list[tuple[int, str, str]]:
    """Every DOI in a free text, as (offset, as written, normalised).

    "As written" starts with the resolver URL or ``doi:`` label when there is one
    (so `doi_problem` can judge the presentation) and stops before punctuation that
    belongs to the sentence, not the DOI (a final full stop, a Markdown link's ``)``).
    Unlabelled DOIs need a 4-9 digit registrant code, so prose like "10.5/11" is not
    taken for one; ShortDOIs (``10/abcd``) count only after a resolver or label.

    One pass over the text: every possible start is looked at once, and what a start
    looks back at or forward over is bounded, so a page of ``10.1000/x`` costs time in
    proportion to its length.
    """
    found: list[tuple[int, str, str]] = []
    cursor = 0
    marks = _Marks(text)
    for start, short in _starts(text):
        if start < cursor:
            continue
        if short:
            match = _SHORT.match(text, start)
            candidate = _short_at(text, match) if match else None
        elif _START_STRICT.match(text, start) or _prefix_before(text, start):
            candidate = _candidate_at(text, start, join_spaces=False, marks=marks)
        else:
            candidate = None
        if candidate is None:
            continue
        found.append(
            (candidate.start, text[candidate.start : candidate.end], candidate.doi.lower())
        )
        cursor = max(candidate.end, candidate.doi_start + 1)
    return found


def _starts(text: str) -> list[tuple[int, bool]]:
    """Where a DOI may start, in order: (offset, is a ShortDOI)."""
    starts = [(m.start(), False) for m in _START_ANY.finditer(text)]
    starts += [(m.start(), True) for m in _SHORT.finditer(text)]
    starts.sort()
    return starts


def _short_at(text: str, match: re.Match[str]) -> _Candidate | None:
    """A ShortDOI in running text: only after a resolver or a label."""
    prefix_match = _prefix_before(text, match.start())
    if prefix_match is None:
        return None
    return _Candidate(
        start=match.start() - len(prefix_match.group(0)),
        doi_start=match.start(),
        end=match.end(),
        prefix=prefix_match.group(0),
        doi=match.group(0),
        trimmed="",
        escapes=(),
        percent=False,
        joined_spaces=False,
    )


# How far before a DOI its resolver URL or label is looked for ("https://dx.doi.org/"
# is 19 characters; a label may have a few spaces around its colon).
_PREFIX_REACH = 48


def _prefix_before(text: str, end: int) -> re.Match[str] | None:
    """The resolver URL or ``doi:`` label that ends at `end`, if any (bounded look-back)."""
    return _PREFIX_TAIL.search(text, max(0, end - _PREFIX_REACH), end)


def doi_problem(raw: str) -> DoiProblem | None:
    """Whether a DOI field's value is malformed, with the certain fix if there is one.

    A correct value in any usual presentation (``10.1/x``, ``doi:10.1/x``,
    ``https://doi.org/10.1/x``, any letter case) is not a problem. Empty values are
    not either: a missing DOI is not a malformed one.
    """
    text = raw.translate(_INVISIBLE).strip()
    if not text:
        return None
    # The value as quoted in messages: an invisible character marked, never printed
    # (a direction override would reorder the report's own line).
    shown = mark_invisible(raw.strip())
    inner, wrapped = _unwrap(text)
    candidate = _field_candidate(text)
    if candidate is None:
        return DoiProblem(f"'{shown}' is not a DOI: {_why_not(inner)}", None)
    look_alikes = ascii_look_alikes(candidate.doi)
    if look_alikes:
        candidate = dataclasses.replace(
            candidate, doi="".join(look_alikes.get(c, c) for c in candidate.doi)
        )
    refusal = doi_refusal(candidate.doi.lower())
    if refusal is not None:
        return DoiProblem(
            f"DOI '{shown[:200]}' is not a usable DOI and is not looked up: {refusal}",
            None,
        )

    issues: list[str] = []
    cosmetic_issues: list[str] = []
    fixed_ok = True
    before = inner[: candidate.start]
    after = inner[candidate.end + len(candidate.trimmed) :].strip()
    presentation = _presentation(candidate.prefix)

    hidden = sorted(set(raw) & set(_INVISIBLE_CHARS))
    if hidden:
        many = len(hidden) > 1
        issues.append(
            f"the invisible character{'s' if many else ''} {unicode_names(hidden)} inside "
            f"it: the DOI reads right, but a click or a copy takes it with "
            f"{'them' if many else 'the character'} (shown here as <U+...>)"
        )
    if look_alikes:
        issues.append(
            "; ".join(
                f"{unicode_names([c])}, which looks like the ASCII '{a}'"
                for c, a in sorted(look_alikes.items())
            )
            + " (the resolver does not find a DOI written with a look-alike)"
        )
    if wrapped:
        issues.append("angle brackets '<>' around it")
    if before.strip():
        if re.match(r"[a-z][a-z0-9+.\-]*://", before.strip(), re.IGNORECASE):
            return DoiProblem(
                f"'{shown}' is a web address, not a DOI; "
                f"the DOI in it seems to be '{candidate.doi}'",
                None,
            )
        issues.append(f"extra text '{before.strip()}' before the DOI")
    if candidate.escapes:
        issues.append(_escape_issue(candidate.escapes))
    if candidate.percent and presentation != "url":
        issues.append("%-encoded characters (only a URL may be %-encoded)")
    if candidate.joined_spaces:
        issues.append("a space inside the DOI")
    if candidate.trimmed:
        issues.extend(_trim_issues(candidate.trimmed))
    if after:
        if _next_candidate(after, 0, strict=False, join_spaces=False) is not None:
            issues.append("more than one DOI in the field")
            fixed_ok = False
        else:
            issues.append(f"extra text '{after}' after the DOI")
    scheme = (candidate.prefix.split("//")[0] + "//").lower() if "//" in candidate.prefix else ""
    host = candidate.prefix.lower().removeprefix(scheme).rstrip("/")
    if presentation == "url":
        if host == "dx.doi.org":
            cosmetic_issues.append("the obsolete resolver 'dx.doi.org' (use https://doi.org/)")
        elif host == "hdl.handle.net":
            cosmetic_issues.append("the Handle resolver (the DOI resolver is https://doi.org/)")
        if scheme == "http://":
            cosmetic_issues.append("'http://' (the DOI resolver is served over https://)")

    if not issues and not cosmetic_issues:
        return None
    if presentation == "url":
        fixed: str | None = f"https://doi.org/{candidate.doi}"
    elif presentation == "label":
        fixed = f"{candidate.prefix}{candidate.doi}"
    else:
        fixed = candidate.doi
    message = f"DOI '{shown}' has " + _join(issues + cosmetic_issues)
    if fixed_ok:
        message += f"; write '{fixed}'"
    return DoiProblem(
        message, fixed if fixed_ok else None, cosmetic=not issues, look_alike=bool(look_alikes)
    )


# --- internals -------------------------------------------------------------------


def mark_invisible(text: str) -> str:
    """`text` with each invisible character written as ``<U+200B>``."""
    if text.isascii():
        return text
    return "".join(f"<U+{ord(c):04X}>" if c in INVISIBLE_IN_DOI else c for c in text)


def unicode_names(chars: list[str]) -> str:
    """Characters by code point and name, as an editor searches for them."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED CHARACTER')}" for c in chars)


def ascii_look_alikes(doi: str) -> dict[str, str]:
    """The non-ASCII characters of `doi` and the ASCII letter or digit each is drawn
    like -- only when every non-ASCII character is one: a DOI in another script
    ("10.1234/вестник") is written so on purpose, a lone Cyrillic "е" among Latin
    letters is not."""
    if doi.isascii():
        return {}
    found: dict[str, str] = {}
    for char in set(doi):
        if char.isascii():
            continue
        ascii_form = _ascii_look_alike(char)
        if ascii_form is None:
            return {}
        found[char] = ascii_form
    return found


def _ascii_look_alike(char: str) -> str | None:
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1 and folded.isascii() and (folded.isalnum() or folded in "-._;()/:"):
        return folded
    return None


def _field_candidate(text: str) -> _Candidate | None:
    """The first DOI of a field value; a lone ShortDOI counts here."""
    text = text.translate(_INVISIBLE).strip()
    inner, _ = _unwrap(text)
    candidate = _next_candidate(inner, 0, strict=False, join_spaces=True)
    if candidate is not None:
        return candidate
    return _short_candidate(inner, whole=True)


def _unwrap(text: str) -> tuple[str, bool]:
    if len(text) > 2 and text[0] == "<" and text[-1] == ">" and text.count("<") == 1:
        return text[1:-1].strip(), True
    return text, False


def _next_candidate(text: str, pos: int, *, strict: bool, join_spaces: bool) -> _Candidate | None:
    long_start = (_START_STRICT if strict else _START_ANY).search(text, pos)
    if strict:
        # A labelled or resolver DOI may have any registrant code.
        loose = _START_ANY.search(text, pos)
        while loose is not None and (long_start is None or loose.start() < long_start.start()):
            if _prefix_before(text, loose.start()):
                long_start = loose
                break
            loose = _START_ANY.search(text, loose.start() + 1)
    short = _short_candidate(text, whole=False, pos=pos)
    marks = _Marks(text)
    while long_start is not None:
        candidate = _candidate_at(text, long_start.start(), join_spaces=join_spaces, marks=marks)
        if candidate is not None:
            if short is not None and short.start < candidate.start:
                return short
            return candidate
        long_start = (_START_STRICT if strict else _START_ANY).search(text, long_start.start() + 1)
    return short


def _short_candidate(text: str, *, whole: bool, pos: int = 0) -> _Candidate | None:
    """A ShortDOI ("10/gbrb4b"): alone in a field, or after a resolver/label in text."""
    lead = len(text) - len(text.lstrip())
    for match in _SHORT.finditer(text, pos):
        if whole and match.start() > lead + _PREFIX_REACH:
            return None  # alone in the field means at its start, after a label at most
        prefix_match = _prefix_before(text, match.start())
        prefix = prefix_match.group(0) if prefix_match else ""
        start = match.start() - len(prefix)
        if whole:
            rest = text[match.end() :]
            trimmed = rest if rest and all(c in _TRAILING_PUNCT for c in rest) else ""
            if text[:start].strip() or (rest and not trimmed):
                continue
        elif not prefix:
            continue
        else:
            trimmed = ""
        return _Candidate(
            start=start,
            doi_start=match.start(),
            end=match.end(),
            prefix=prefix,
            doi=match.group(0),
            trimmed=trimmed,
            escapes=(),
            percent=False,
            joined_spaces=False,
        )
    return None


def _candidate_at(
    text: str, doi_start: int, *, join_spaces: bool, marks: _Marks
) -> _Candidate | None:
    end = _token_end(text, doi_start, marks)
    joined = False
    if join_spaces:
        end, joined = _join_broken(text, doi_start, end, marks)
    token = text[doi_start:end]
    kept, trimmed = _trim(token)
    escapes = tuple(m.group(0) for m in _LATEX_ESCAPES.finditer(kept))
    cleaned = _LATEX_ESCAPES.sub(_unescape, kept)
    cleaned = _SPACES.sub("", cleaned)
    percent = bool(re.search(r"%[0-9a-fA-F]{2}", cleaned))
    if percent:
        cleaned = unquote(cleaned)
    if "&" in cleaned:
        cleaned = html.unescape(cleaned)
    prefix_part, _, suffix = cleaned.partition("/")
    if not suffix or not any(c.isalnum() for c in suffix):
        return None
    prefix_match = _prefix_before(text, doi_start)
    prefix = prefix_match.group(0) if prefix_match else ""
    return _Candidate(
        start=doi_start - len(prefix),
        doi_start=doi_start,
        end=doi_start + len(kept),
        prefix=prefix,
        doi=f"{prefix_part}/{suffix}",
        trimmed=trimmed,
        escapes=escapes,
        percent=percent,
        joined_spaces=joined,
    )


def _unescape(match: re.Match[str]) -> str:
    if match.group(0) in "{}":
        return ""
    return match.group(1) or match.group(2) or "_"


class _Marks:
    """Where a text's whitespace and ``>`` are, found once per text.

    A DOI token stops at whitespace, or at a ``<`` with no ``>`` before the next
    whitespace. Searching forward for those from every candidate start is quadratic
    on a long run without whitespace (``doi:10.1234/<`` repeated); a bisection in
    lists made once is not.
    """

    __slots__ = ("closes", "size", "spaces")

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.spaces = [m.start() for m in _SPACE.finditer(text)]
        self.closes = [i for i, c in enumerate(text) if c == ">"]

    def next_space(self, i: int) -> int:
        k = bisect.bisect_left(self.spaces, i)
        return self.spaces[k] if k < len(self.spaces) else self.size

    def closed(self, i: int, limit: int) -> bool:
        """A ``>`` stands at or after `i` and before `limit`."""
        k = bisect.bisect_left(self.closes, i)
        return k < len(self.closes) and self.closes[k] < limit


def _token_end(text: str, start: int, marks: _Marks) -> int:
    """Where a DOI candidate starting at `start` stops: whitespace, quotes, or a `<`
    that opens no SICI segment (no `>` before the next whitespace)."""
    limit = marks.next_space(start)
    i = start
    while i < limit:
        c = text[i]
        if c in '"`|' or (c == "<" and not marks.closed(i, limit)):
            break
        i += 1
    return i


_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")


def _join_broken(text: str, start: int, end: int, marks: _Marks) -> tuple[int, bool]:
    """Extend a field's DOI over spaces that a line break left inside it.

    Only where the break is unmistakable: after "/", "-" or "_", before "." or "/",
    or after "." when digits follow ("10.1016/j.cell. 2019.01.001").
    """
    joined = False
    while end < len(text) and text[end].isspace():
        after = _NON_SPACE.search(text, end)
        if after is None:
            break
        nxt = after.start()
        piece_end = _token_end(text, nxt, marks)
        last, first = text[end - 1], text[nxt]
        if _START_ANY.match(text, nxt):
            break
        if last in "/-_" or first in "./" or (last == "." and first.isdigit()):
            end, joined = piece_end, True
        else:
            break
    return end, joined


def _trim(token: str) -> tuple[str, str]:
    """Cut sentence punctuation and unbalanced closing brackets off the end.

    The brackets are counted once and the counts kept as characters are cut (counting
    again per character is quadratic on a run of ``)``).
    """
    counts = {c: token.count(c) for c in (*_PAIRS, *_PAIRS.values())}
    end = len(token)
    while end:
        last = token[end - 1]
        unbalanced = last in _PAIRS and counts[_PAIRS[last]] < counts[last]
        if last in _TRAILING_PUNCT or last == "\\" or unbalanced:
            end -= 1
            if last in counts:
                counts[last] -= 1
        else:
            break
    return token[:end], token[end:]


def _presentation(prefix: str) -> str:
    if not prefix:
        return "bare"
    if prefix.rstrip().endswith("/") and "doi/" not in prefix.lower():
        return "url"
    return "label"


def _escape_issue(escapes: tuple[str, ...]) -> str:
    if all("_" in e or "textunderscore" in e for e in escapes):
        shown = escapes[0]
        return f"an escaped underscore '{shown}' (a DOI field takes a plain '_')"
    return "LaTeX/Markdown escapes " + ", ".join(f"'{e}'" for e in dict.fromkeys(escapes))


def _trim_issues(trimmed: str) -> list[str]:
    issues = []
    closers = "".join(c for c in trimmed if c in _PAIRS)
    punct = "".join(c for c in trimmed if c not in _PAIRS and c != "\\")
    if punct:
        issues.append(f"a trailing '{punct}' (not part of the DOI)")
    if closers:
        issues.append(f"an unbalanced '{closers}' at the end")
    if not issues:
        issues.append(f"a trailing '{trimmed}'")
    return issues


def _why_not(text: str) -> str:
    if re.match(r"^(?:doi:\s*)?10(?:\.\d+)+/?\s*$", text, re.IGNORECASE):
        return "there is nothing after the prefix (a DOI is 10.<registrant>/<suffix>)"
    if re.match(r"^(?:doi:\s*)?\d+\.\d+/", text, re.IGNORECASE):
        return "a DOI starts with '10.'"
    return "expected 10.<registrant>/<suffix>"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
