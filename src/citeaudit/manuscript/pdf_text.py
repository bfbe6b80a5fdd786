"""Undoing what typesetting did to words at line ends.

A justified PDF breaks words with a hyphen ("interna-" / "tional") and URLs and DOIs
wherever the line ran out ("https://doi.org/10.1000/" / "xyz123"). Both are put back
together here, on the line where they start, so citations, names and links read as
written; the line that lost its first word keeps its place and number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from citeaudit.manuscript.pdf_layout import PdfLine
from citeaudit.manuscript.reference_section import looks_like_entry_start

__all__ = ["join_broken_citations", "join_broken_words"]

_HYPHENS = ("-", "\u00ad", "\u2010")
# one start per letter run (a start inside it finds what the run's start found), read
# once: tried from every letter of a long run, each start read the rest of it
_WORD_BEFORE_HYPHEN = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}+[-\u00ad\u2010]$")
_LOWER_START = re.compile(r"^[^\W\d_A-ZÀ-ÖØ-Þ]")
_UPPER_START = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\W\d_]")
# The last token of a line is a URL or DOI still being written (a URL cut right after
# its scheme, "https:" / "//doi.org/...", too).
_LINK_TAIL = re.compile(r"(?:https?:(?=/|$)|doi:\s?|(?<!\S)10\.\d{4,9}/|www\.)\S*$", re.IGNORECASE)
# a URL cut after one of these goes on; one ending in "." or ")" ends its sentence
_LINK_CUT = re.compile(r"[/\-_?=&#%~]$")
_SURNAME_COMMA = re.compile(r"^[^\W\d_][^\W\d_'’\-]*,\s")
# A line grown past this by joins is not a line a PDF prints: stop joining onto it, so
# a hostile chain of one-token lines costs linear time, not a search per join.
_MAX_JOINED = 4096
# Nor past this many raised marks: each join copies the line's marks, so a chain of
# one-token lines each carrying a raised mark ("1/" after "https://a.example/") was
# marks^2/2 within the 4,096 characters -- 2,000 marks a line, 0.33 s of the worker's
# CPU for each 4,000 characters of the document (3,000,000 read: minutes). A printed
# line holds a few dozen marks at most.
_MAX_JOINED_MARKS = 128
# A URL's or DOI's continuation: no spaces, path and query characters. Square brackets
# inside it too (a SICI DOI: "10.1639/0007-" / "2745(2006)109[141:FCJINZ]2.0.CO;2"), but
# never opening it: "[12]" after a URL that ended a line is a citation, not its path.
_LINK_PIECE = re.compile(r"^[\w\-._~%/?#=&+:;@!$*,()][\w\-._~%/?#=&+:;@!$*,()\[\]]*$")


def join_broken_words(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """Lines with hyphenated words and cut links joined onto the line they start on.

    Only lines that follow each other in the same flow are joined: the next line's
    first token moves up, and the next line keeps the rest. A line taken whole (a
    long URL's middle, set on a line of its own) is gone, and the line it joined now
    stands down to its baseline: the space below stays a line's space, not the gap
    between two reference entries, and the link may go on into the line after.
    """
    rights: dict[tuple[int, int], float] = {}
    for ln in lines:
        rights[(ln.page, ln.column)] = max(rights.get((ln.page, ln.column), ln.x1), ln.x1)
    if not lines:
        return []
    # One pass, the line being built carried along: a chain of one-token lines joined
    # into one costs each line once (a list deleted from in place was quadratic).
    out: list[PdfLine] = []
    current = lines[0]
    for following in lines[1:]:
        joined = _joined(current, following, rights[(current.page, current.column)])
        if joined is None:
            out.append(current)
            current = following
            continue
        before = current
        current, rest = joined
        if rest.text.strip():
            out.append(current)
            current = rest
            continue
        if following.page == before.page and following.column == before.column:
            current = dataclasses.replace(current, last_base=following.foot, x1=following.x1)
    out.append(current)
    return out


def _joined(line: PdfLine, following: PdfLine, right: float) -> tuple[PdfLine, PdfLine] | None:
    """The two lines with the next line's first word moved up, when it finishes a
    hyphenated word or a cut link of this line; else None."""
    text = line.text.rstrip()
    nxt = following.text.lstrip()
    if len(text) > _MAX_JOINED or len(line.superscripts) > _MAX_JOINED_MARKS:
        return None  # no printed line is this long: a chain built to grow one
    if not text or not nxt or abs(line.size - following.size) > 0.1 * line.size:
        return None  # a heading or a footnote is never a word's other half
    first, _, rest = nxt.partition(" ")
    full = line.x1 >= right - 2 * line.size
    joined = _word_or_link(line, text, following, nxt, first, rest, full=full)
    # asked last: most lines join nothing, and the entry-start test is the costly one
    if joined is None or _new_entry(line, following, nxt, right):
        return None
    return joined


def _word_or_link(
    line: PdfLine,
    text: str,
    following: PdfLine,
    nxt: str,
    first: str,
    rest: str,
    *,
    full: bool = False,
) -> tuple[PdfLine, PdfLine] | None:
    """`full`: the line runs to its column's edge. A typesetter that finds no break
    point in a long DOI cuts it at any character where the line runs out
    ("…/10.1523/JNEUR" / "OSCI.1241-13.2013", "…/j.1432-103" / "3.1981.tb05"): the
    cut then ends no "/" or "-", and the rest holds no "/", but the line is full and
    the next line opens with a path piece (a "." inside it, no space); a URL that
    ended its sentence leaves the line short or is followed by a word."""
    tail = _last_token(text)  # the end-anchored patterns look at the line's end only
    link = _LINK_TAIL.search(tail)
    if link is not None and (_LINK_CUT.search(text) or _looks_like_path(first)):
        if _LINK_PIECE.match(first) and (_LINK_CUT.search(text) or "/" in first or full):
            return _move(line, text, following, nxt, first, rest, keep=True)
        return None
    if (
        text.endswith(_HYPHENS)
        and _WORD_BEFORE_HYPHEN.search(text[-3:])
        and _LOWER_START.match(nxt)
    ):
        keep = text.endswith("-") and _keeps_hyphen(first)
        return _move(line, text, following, nxt, first, rest, keep=keep)
    if (
        text.endswith(("-", "\u2010"))
        and _WORD_BEFORE_HYPHEN.search(text[-3:])
        and _UPPER_START.match(nxt)
    ):
        # a compound's own hyphen before a capital ("Sanchez-" / "Moreno et al. (1998)",
        # "Brand-" / "Williams"): the name is put back whole, its hyphen kept, so the
        # citation reads the name the list gives
        return _move(line, text, following, nxt, first, rest, keep=True)
    return None


def _last_token(text: str) -> str:
    """`text`'s last token and the six characters before it: all an end-anchored pattern
    here can match (``doi: `` is the one lead-in holding a space; two letters and a
    hyphen are the hyphen test's three). Searched over the whole line, each pattern was
    tried from every position to the end: ``aaa…a-b-`` took 0.35 s a line of 4,000
    characters (the longest a join looks at), ``www.www.…`` 15 ms -- a page of them
    minutes, in the worker's own process."""
    words = text.rsplit(maxsplit=1)
    cut = len(text) - len(words[-1]) if words else len(text)
    return text[max(cut - 6, 0) :]


def _new_entry(line: PdfLine, following: PdfLine, nxt: str, right: float) -> bool:
    """The next line starts a list entry of its own, so a link ending in "/" does not
    take its first word: it reads as an entry's start ("Wang, Y. (2020)") and either
    stands to the left of this line (a hanging list's next entry), or this line ends
    well short of its column's edge (nothing was cut: the entry ended), or its first
    word is a surname and its comma ("Freyberg,"), which no link's path is."""
    if not looks_like_entry_start(nxt):
        return False
    same = line.page == following.page and line.column == following.column
    outdented = same and following.x0 < line.x0 - max(3.0, 0.5 * line.size)
    short = line.x1 < right - 4 * line.size
    return outdented or short or bool(_SURNAME_COMMA.match(nxt))


def _looks_like_path(token: str) -> bool:
    return bool(_LINK_PIECE.match(token)) and ("/" in token or "." in token.rstrip(".,;"))


def _keeps_hyphen(first: str) -> bool:
    """A compound's own hyphen ("self-" / "efficacy") is kept only where the second part
    cannot be a word's tail: an initial capital was tested before; a number stays; and
    so does a hyphen before a piece that goes on with a hyphen of its own ("debt-" /
    "to-asset", "scikit-" / "learn-mooc"): a word set with hyphens is broken at them.
    Not the other way round: "histórico-epistemo-" / "lógico" is a compound whose
    last word the typesetter hyphenated (a SciELO PDF), so a hyphen before the break
    says nothing."""
    return first[:1].isdigit() or _HYPHEN_AFTER.match(first) is not None


# the piece's first letters go on with a hyphen: the word's own, not one further on
# ("Datacarpen-" / "try/genomics-workshop")
_HYPHEN_AFTER = re.compile(r"[^\W\d_]+-[^\W\d_]")


def _move(
    line: PdfLine,
    text: str,
    following: PdfLine,
    nxt: str,
    first: str,
    rest: str = "",
    *,
    keep: bool,
    sep: str = "",
) -> tuple[PdfLine, PdfLine]:
    """`first` (the start of `nxt`) moved to the end of `line`, superscripts with it."""
    head = text if keep or not text.endswith(_HYPHENS) else text[:-1]
    head += sep
    joined = head + first
    lead = len(following.text) - len(nxt)
    remainder = nxt[len(first) :]
    rest = remainder.lstrip()
    shift = lead + len(first) + len(remainder) - len(rest)
    moved_spans = tuple(
        (s - lead + len(head), e - lead + len(head))
        for s, e in following.superscripts
        if s >= lead and e <= lead + len(first)
    )
    kept_spans = tuple(
        (s - shift, e - shift) for s, e in following.superscripts if s >= lead + len(first)
    )
    own = tuple((s, e) for s, e in line.superscripts if e <= len(head))
    return (
        dataclasses.replace(line, text=joined, superscripts=own + moved_spans),
        dataclasses.replace(following, text=rest, superscripts=kept_spans),
    )


_ET = re.compile(r"\bet$")
# "al." and what finishes the citation with it: a bracketed year ("al. (1997)"), or a
# comma and the year with its punctuation ("al., 2007;"): "al." moved up alone left
# ", 2007;" to open the next line, and the citation was read with no year
_AL = re.compile(
    r"^al\.(?:,?\s*\(\d{4}[a-z]?\)|,\s*(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\w\-–])\)?[,;.:]?)?"
)
# a word ending the line: letters, digits, apostrophes and hyphens, from a letter that
# starts a word to a last letter ("Smith", "O’Neil", "Meyer-Lübke"). Read once per
# run of such characters: tried from every word start of "’a’a’a…", each start read
# to the run's end (n^2/2). One start per run; inside it the first word start is
# taken for good (atomic): if the run reaches the end from there, it does from any.
_NAMED = re.compile(
    r"(?:\bet al\.|(?<![\w'’\-])(?>[\w'’\-]*?(?<!\w)[^\W\d_])[\w'’\-]++(?<=[^\W\d_]))$"
)
_YEAR_GROUP = re.compile(r"^\((?:\d{4}[a-z]?|in press|n\.d\.)[^()]{0,30}\)")
_GROUP_WINDOW = 160
_NAME_COMMA_END = re.compile(r"(?:\bet al\.,?|\b[A-ZÀ-ÖØ-Þ][\w'’\-]+,)$")
_YEAR_START = re.compile(r"^(?:1[5-9]\d\d|20\d\d)[a-z]?(?=[),;.]|\s|$)[),;.]?")
# "... until Reinhard" / "1934 added", "fixation of Coquillett" / "1897: 60": a name
# ending the line and a bare year opening the next, as taxonomic and author-year prose
# cites ("Townsend 1912: 110"); the year and its punctuation (a page's colon) go up
_NAME_END = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’\-]*[^\W\d_]$")
_BARE_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)[a-z]?(?=[),;.:]|\s|$)[),;.:]?")
# "Malaria Genomic" / "Epidemiology Network et al. (2014)": a narrative citation's names
# run on from the line before
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*|van|von|de|der|den|da|di|du|del|la|le|and|&|et\s+al\.)"
_NAME_RUN = re.compile(
    rf"^(?:{_NAME_WORD},?\s+){{1,6}}\((?:\d{{4}}[a-z]?|in press|n\.d\.)[^()]{{0,30}}\)"
)
# the line ends inside the names: a capitalised name, or the word joining the last two
# ("Howard &" / "Gugger (2020)", "Arboit, Bufrem e" / "Gonzáles (2011)": "and", "e",
# "y", "und" -- one-letter words and "&" are no name, so they are tested apart), or a
# small word inside a capitalised name or title ("the Open Access Pilot in" / "FP7
# (2009) or ...", "Instituto Nacional de" / "Pesquisas (2012)"): read on two lines, the
# title's citation lost its first words and with them the entry it cites
_RUN_END = re.compile(
    r"(?:\b[A-ZÀ-ÖØ-Þ][\w'’\-]*|\b(?:and|e|y|und)|&"
    r"|\b[A-ZÀ-ÖØ-Þ][\w'’\-]* (?:in|of|for|on|the|to|de|da|do|das|dos|del|der|di|du|la|le))$"
)


def join_broken_citations(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """Body lines with a citation cut at the line end finished on the line it starts on:
    "(Wang et al.," / "2016) in ..." and "Ruff et" / "al. (1997)" read as one citation,
    as the citation readers of text manuscripts expect. A line is never emptied."""
    out = list(lines)
    for i in range(len(out) - 1):
        line, following = out[i], out[i + 1]
        text = line.text.rstrip()
        nxt = following.text.lstrip()
        if not text or not nxt or abs(line.size - following.size) > 0.1 * line.size:
            continue
        raised = _raised_list_cut(line, following)
        if raised is not None:
            out[i], out[i + 1] = raised
            continue
        piece = _citation_tail(text, nxt)
        if piece and nxt[len(piece) :].strip():
            out[i], out[i + 1] = _move(line, text, following, nxt, piece, keep=True, sep=" ")
        elif piece:
            # the citation's rest is the whole next line ("... Table 3 of Malaria" /
            # "Genomic Epidemiology Network et al. (2014)" / "(page 1201) ..."): moved up
            # it would empty that line, read as a paragraph break; so the citation's
            # start goes down to it instead, and the citation reads whole there
            start = _citation_start(text, nxt)
            if start is not None and text[:start].strip():
                out[i], out[i + 1] = _move_down(line, text, following, start)
    return out


def _citation_start(text: str, nxt: str) -> int | None:
    """Where in `text` the citation that `nxt` finishes opens: the run of names ending
    the line ("of Malaria" / "Genomic ... et al. (2014)", "by Smith" / "(1997)"); None
    for the other cuts: a bracketed group cut inside ("(Mayo et al., 1989;" / "2014).")
    is read across the line end by the citation readers, and a bare year's name stays
    put."""
    low = max(len(text) - _GROUP_WINDOW, 0)
    window = text[low:]
    opener = _open_bracket(window)
    if opener is not None:
        close = _closing_bracket(nxt)
        if close is not None and re.search(r"\d", window[opener:] + nxt[: close + 1]):
            return None
    if (_NAME_COMMA_END.search(window) and _YEAR_START.match(nxt)) or _ET.search(window):
        return None  # "Jungers et al.," / "2009b", "Ruff et" / "al. (1997)": left as they are
    if _NAMED.search(window) and _YEAR_GROUP.match(nxt):
        run = _TRAILING_NAMES.search(window)
        return low + run.start() if run else None
    if _RUN_END.search(window) and _NAME_RUN.match(nxt):
        run = _TRAILING_NAMES.search(window)
        return low + run.start() if run else None
    return None


# the capitalised words (and the small words joining them) that end a line, from the
# first capitalised one: the start of a citation's names ("of Malaria", "Howard &")
_TRAILING_NAMES = re.compile(
    r"(?<!\S)[A-ZÀ-ÖØ-Þ][\w'’\-]*(?: (?:[A-ZÀ-ÖØ-Þ][\w'’\-]*|and|&|e|y|und"
    r"|van|von|de|der|den|da|di|du|del|la|le)){0,5}$"
)


def _move_down(line: PdfLine, text: str, following: PdfLine, start: int) -> tuple[PdfLine, PdfLine]:
    """`text[start:]` (the end of `line`) moved to the start of `following`, with a
    space, superscripts with it."""
    head = text[:start].rstrip()
    moved = text[start:] + " "
    nxt = following.text.lstrip()
    lead = len(following.text) - len(nxt)
    spans = tuple((s - start, e - start) for s, e in line.superscripts if s >= start)
    kept = tuple((s - lead + len(moved), e - lead + len(moved)) for s, e in following.superscripts)
    own = tuple((s, e) for s, e in line.superscripts if e <= len(head))
    return (
        dataclasses.replace(line, text=head, superscripts=own),
        dataclasses.replace(following, text=moved + nxt, superscripts=spans + kept),
    )


def _raised_list_cut(line: PdfLine, following: PdfLine) -> tuple[PdfLine, PdfLine] | None:
    """A raised citation list cut at the line end after its dash or comma ("it^1-^" /
    "^3^ and ...", "^4,^" / "^5^"), finished on its line as one raised list: read as two,
    "1-" cited 1 alone and the entries inside the range were called never cited. The
    next line must open with its raised part, and keep some text after it."""
    text = line.text.rstrip()
    nxt = following.text.lstrip()
    if not line.superscripts or not following.superscripts:
        return None
    first, last = max(line.superscripts)
    if last < len(text) or not _RAISED_OPEN.fullmatch(line.text[first:last].strip()):
        return None
    lead = len(following.text) - len(nxt)
    start, end = min(following.superscripts)
    if start != lead or not _RAISED_REST.fullmatch(following.text[start:end].strip()):
        return None
    if not following.text[end:].strip():
        return None
    piece = following.text[start:end].strip()
    joined, rest = _move(line, text, following, nxt, piece, keep=True)
    spans = tuple(s for s in joined.superscripts if s != (first, last) and s[0] < len(text))
    merged = tuple(sorted((*spans, (first, len(joined.text)))))
    return dataclasses.replace(joined, superscripts=merged), rest


# a raised list that stops on a dash or comma, and the numbers that finish it
_RAISED_OPEN = re.compile(r"\d{1,3}(?:\s?[,\-–—]\s?\d{1,3})*\s?[,\-–—]")
_RAISED_REST = re.compile(r"\d{1,3}(?:\s?[,\-–—]\s?\d{1,3})*")


def _citation_tail(text: str, nxt: str) -> str | None:
    """How much of the next line finishes a citation this line leaves open.

    Only the line's last `_GROUP_WINDOW` characters are looked at: every pattern here
    is anchored at the line's end, and searched over a whole line each was tried from
    every word boundary to the end -- n^2/2 steps on a hostile 32,000-character line
    (``a’a’a’…!``), seconds a line in the worker's own process.
    """
    text = text[-_GROUP_WINDOW:]
    opener = _open_bracket(text)
    if opener is not None:
        close = _closing_bracket(nxt)
        group = text[opener:] + nxt[: close + 1] if close is not None else ""
        if close is not None and re.search(r"\d", group):
            end = close + 1 + int(nxt[close + 1 : close + 2] in (",", ".", ";", ":"))
            return nxt[:end]  # its punctuation with it: "1987)," not "1987)" / ", and"
    if _NAME_COMMA_END.search(text):  # "Jungers et al.," / "2009b, and ..."
        year = _YEAR_START.match(nxt)
        if year:
            return year.group(0)
    if _ET.search(text):  # also inside a group that runs on over more lines
        al = _AL.match(nxt)
        return al.group(0) if al else None
    if _NAMED.search(text):
        year = _YEAR_GROUP.match(nxt)
        if year:
            return year.group(0)
    if _NAME_END.search(text):
        year = _BARE_YEAR.match(nxt)
        if year:
            return year.group(0)
    if _RUN_END.search(text):
        names = _NAME_RUN.match(nxt)
        return names.group(0) if names else None
    return None


def _open_bracket(text: str) -> int | None:
    depth = 0
    low = max(len(text) - _GROUP_WINDOW, 0)
    for k in range(len(text) - 1, low - 1, -1):
        ch = text[k]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return k
            depth -= 1
    return None


def _closing_bracket(text: str) -> int | None:
    depth = 0
    for k, ch in enumerate(text[:_GROUP_WINDOW]):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth == 0:
                return k
            depth -= 1
    return None
