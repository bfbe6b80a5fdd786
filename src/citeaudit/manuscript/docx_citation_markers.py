"""A Word manuscript's citation fields as citation markers, ahead of every text syntax.

Why first: the field's code says which works are cited; the shown text may say it
wrongly (edited by hand, a superscript that lost its formatting). Each field's marker
claims its shown text, so no text extractor reads it again. A linked work is a
citation keyed by its entry's id (``FIELD_ITEM``: the matcher takes the key as the
target); a work no entry holds keeps its names, year and title for the
missing-reference finding.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.docx_field_citation import FieldCitation, FieldItem
from citeaudit.manuscript.visible_text import visible, visible_column
from citeaudit.model.citation import Certainty, Citation, CitationKind
from citeaudit.model.surnames import fold_name

if TYPE_CHECKING:
    from citeaudit.manuscript.citations.marker import Marker

# Imported by the citations package itself: what this module takes from it is taken
# when first used, never at import (either module may be imported first).

__all__ = ["FIELD_ITEM", "FieldCitationExtractor"]

FIELD_ITEM = "docx-field"  # Citation.command of a work a citation field names
# "12,51", "4–7", "[3]", "(2, 5-9)": numbers a numeric citation field shows
_NUMBERS = re.compile(r"\d{1,4}(?:\s*+[,;–-]\s*+\d{1,4})*+")
_BRACKETS = re.compile(r"[\[\]()]")
_MAX_RANGE = 200  # entries one range may cite
_SLACK = 40  # characters the text before a field may have lost since it was read
_REACH = 300  # characters from a field to the brackets of its parenthesis
_NAME_REACH = 80  # characters before a parenthesis where a narrative's name stands
# years typed right after a field, before the next field or the closing bracket
_TYPED_YEARS = re.compile(
    r"\s*+[,;]\s*+((?:1[5-9]\d\d|20\d\d)[a-z]?(?:\s*+[,;]\s*+(?:1[5-9]\d\d|20\d\d)[a-z]?)*+)"
    r"(?=\s*+[,;)]|\s*+$)"
)
_ENDS_IN_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)$")
_SUFFIX_LETTER = re.compile(r"[a-z](?![^\W\d_])")
# a dash (en or em dash, minus sign, hyphen) typed alone between two numbered
# fields; what such a field shows
_RANGE_DASH = re.compile(r"\s*+[\u2013\u2014\u2212-]\s*+")
_FIELD_NUMBERS = re.compile(
    r"\s*+[\[(]?\s*+\d{1,4}(?:\s*+[,;]\s*+\d{1,4})*+\s*+[,;]?\s*+[\])]?\s*+"
)
_MAX_SHOWN = 2_000  # shown text read for its years (a field's text is a citation)
_SHOWN_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
# a word of three letters or more other than a page locator: a name in the shown text
_ANY_NAME = re.compile(r"\b(?!(?:pp?|pág|págs|seite|s)\b)[^\W\d_]{3,}", re.IGNORECASE)


class FieldCitationExtractor:
    """Markers of `Document.citation_fields`, in document order."""

    def markers(self, document: Document) -> Iterator[Marker]:
        from citeaudit.manuscript.citations.marker import Marker

        if not document.citation_fields:
            return
        spans: dict[int, tuple[int, int]] = {}  # paragraph -> its text's span
        removed: dict[int, str] = {}  # paragraph -> its first line's removal map
        offset = 0
        for line in document.lines:
            if line.file == document.path:
                start, _ = spans.get(line.number, (offset, offset))
                spans[line.number] = (start, offset + len(line.text))
                removed.setdefault(line.number, line.removed)
            offset += len(line.text) + 1
        text = document.text
        by_number = _shown_numbers_agree(document)
        cursor: dict[int, int] = {}  # paragraph -> where its next field is looked for
        claimed: list[tuple[int, int, int]] = []  # (start, end, paragraph's end)
        for citation_field in document.citation_fields:
            span = spans.get(citation_field.paragraph)
            if span is None:
                continue
            # The paragraph is read as seen (`visible_text`): so is the field's shown
            # text, and where it stood is counted in the paragraph's visible columns.
            citation_field = _as_seen(citation_field, removed.get(citation_field.paragraph, ""))
            start = cursor.get(citation_field.paragraph, span[0])
            wanted = citation_field.shown.strip()
            # near where the reader met it first (the text before it may have lost a
            # label or a mark since), else anywhere after the field before it
            near = max(start, span[0] + citation_field.offset - _SLACK)
            at, end = _find(text, wanted, near, span[1])
            if at < 0:
                at, end = _find(text, wanted, start, span[1])
            if at < 0:
                continue  # the shown text is gone (a note mark taken out): nothing to claim
            # a letter typed right after a field left to its text ("Lee 2019" then "a"):
            # the year's suffix the reader sees, which tells Lee's 2019a from 2019b
            suffix = "" if citation_field.items else _typed_suffix(text, wanted, end, span[1])
            end += len(suffix)
            more: tuple[Citation, ...] = ()
            if citation_field.items:
                more, end = _typed_letters(document, wanted, at, end, span[1])
            cursor[citation_field.paragraph] = end
            if citation_field.items:
                cited = tuple(_citations(document, citation_field, at))
                if by_number:
                    cited = _unlinked_by_number(document, citation_field, wanted, at, cited)
                cited += more
            elif _NUMBERS.fullmatch(_BRACKETS.sub("", wanted)) and _entry_numbers(document, wanted):
                # the code names no usable work, but it is a citation: bare numbers
                # ("12,51") cite by number, superscript or not -- when each can be an
                # entry's ("(2015)" is a narrative citation's year)
                cited = tuple(_numbered(document, wanted, at))
            else:
                # ... and names and years are read from the shown text alone: read in
                # the paragraph, a field inside a parenthesis ("(Lee 2001, Brullo et al.
                # 2011, 2013)") lost its opening bracket to the field before it
                cited = tuple(_by_name(document, wanted + suffix, at))
                if all(c.certainty is Certainty.WEAK and c.year is None for c in cited):
                    # read alone as nothing sure and undated ("Perfil do leitor.
                    # Expresso. s/d", a title and "no date"; a doubtful dated reading,
                    # "Goodman, Sorj e Wilkison (1985", stays the field's): no field,
                    # its text read where it stands,
                    # parenthesis and all, as in a typed manuscript. Claimed, it cut
                    # its parenthesis: the rest ("[Reader's Profile. No date]") was
                    # read as a work the list lacks, and the title's entry "uncited".
                    continue
            claimed.append((at, end, span[1]))
            yield Marker(at, end, cited)
        yield from _typed_ranges(document, claimed)
        yield from _typed_beside(document, claimed)


def _as_seen(found: FieldCitation, removed: str) -> FieldCitation:
    """`found` with its shown text as a reader sees it (invisible characters out,
    look-alike digits as ASCII) and its offset in the paragraph's visible text."""
    shown = visible(found.shown).text
    offset = visible_column(removed, found.offset)
    if shown == found.shown and offset == found.offset:
        return found
    return dataclasses.replace(found, shown=shown, offset=offset)


def _typed_beside(document: Document, claimed: list[tuple[int, int, int]]) -> Iterator[Marker]:
    """Citations typed by hand inside the parenthesis of a field ("(Lee et al. 2000, "
    then Zotero's field, then ")"): the field's claim cut the parenthesis, so its rest
    is read here, the fields' text blanked out. A parenthesis is looked for within
    `_REACH` characters of a field, each once."""
    from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
    from citeaudit.manuscript.citations.marker import Marker

    text = document.text
    done: set[int] = set()
    claimed.sort()
    for at, end, stop in claimed:
        opened = text.rfind("(", max(at - _REACH, 0), at)
        if opened < 0 or opened in done or text.find(")", opened, at) >= 0:
            continue
        closed = text.find(")", end, min(end + _REACH, stop))
        if closed < 0 or text.find("(", end, closed) >= 0:
            continue
        done.add(opened)
        inside = list(text[opened : closed + 1])
        fields = [(a, e) for a, e, _ in claimed if opened <= a and e <= closed + 1]
        for a, e in fields:
            inside[a - opened : e - opened] = " " * (e - a)
        bounds = [*fields, (closed, closed + 1)]
        typed_years: list[Citation] = []
        for (a, e), (after, _) in itertools.pairwise(bounds):
            run = _TYPED_YEARS.match(text, e, after)
            if run is None:
                continue
            typed_years.extend(_years_of_field(document, text, (opened, a, e), run.group(1)))
            inside[run.start() - opened : run.end() - opened] = " " * (run.end() - run.start())
        alone = Document(
            path=document.path, format="text", lines=(Line(document.path, 1, "".join(inside)),)
        )
        read = [c for m in AuthorYearExtractor().markers(alone) for c in m.citations]
        read.extend(typed_years)
        if not read:
            continue
        # the parenthesis less its fields, each piece claimed (so no extractor reads
        # it again); the citations stand at the first
        gaps: list[tuple[int, int]] = []
        cursor = opened
        for a, e in [*fields, (closed + 1, closed + 1)]:
            if a > cursor:
                gaps.append((cursor, a))
            cursor = max(cursor, e)
        location = document.location_at(gaps[0][0])
        citations = tuple(dataclasses.replace(c, location=location) for c in read)
        for n, (a, e) in enumerate(gaps):
            yield Marker(a, e, citations if n == 0 else ())


def _typed_ranges(document: Document, claimed: list[tuple[int, int, int]]) -> Iterator[Marker]:
    """The numbers a dash typed between two numbered fields spans ("[1," field, "3"
    field, "–", "5]" field): the fields cite 3 and 5, the reader reads 3 to 5, and
    entry 4 was "uncited". Only a dash alone between two fields of one paragraph, each
    showing numbers only, the second's first above the first's last."""
    from citeaudit.manuscript.citations.marker import Marker, shown

    text = document.text
    spans = sorted(claimed)
    for (a1, e1, stop1), (a2, e2, stop2) in itertools.pairwise(spans):
        if stop1 != stop2 or not _RANGE_DASH.fullmatch(text, e1, a2):
            continue
        before = _FIELD_NUMBERS.fullmatch(text, a1, e1)
        after = _FIELD_NUMBERS.fullmatch(text, a2, e2)
        if before is None or after is None:
            continue
        low = int(re.findall(r"\d{1,4}", before.group(0))[-1])
        high = int(re.findall(r"\d{1,4}", after.group(0))[0])
        if not 1 < high - low <= _MAX_RANGE or high > len(document.reference_entries):
            continue
        location = document.location_at(a1)
        written = shown(text[a1:e2])
        yield Marker(
            e1,
            a2,
            tuple(
                Citation(
                    id="", text=written, location=location, kind=CitationKind.NUMERIC, number=n
                )
                for n in range(low + 1, high)
            ),
        )


# an entry's own number: "12. Doe", "[12] Doe", "(12) Doe", "12 Doe"
_ENTRY_LABEL = re.compile(r"\s*+[\[(]?(\d{1,4})[\].)]?\s")


def _unlinked_by_number(
    document: Document, found: FieldCitation, wanted: str, at: int, cited: tuple[Citation, ...]
) -> tuple[Citation, ...]:
    """A numbered field's works the links placed in no entry, each linked to the entry
    a number the field shows names, when that entry holds the work; and a link the
    shown numbers contradict undone when a number the field shows names no entry.

    Why: the link wants an entry led by the work's first author, and an entry opening
    with its book's title ("Handbook of ...; Orlov P., Ed.") links to nothing though
    the field shows "32" and entry 32 is the work: that entry was "uncited" and the
    work "missing". The shown number is what the reader follows -- but a number alone
    may name another work (a list renumbered after the work's entry was deleted), and
    a work whose number names no entry was reported by its number only, its name lost.
    So a number links a work only when every entry carries a number of its own, the
    entry so numbered is linked to no other work of the field, and it holds the work
    (`holds_work`: its first author and year, or its title) -- whatever the order of
    the field's works. Any other work stays unlinked: missing, under its name.

    The other way round: a work deleted from the list whose author has another entry
    of that year ("Tan & Xie 2018" gone, "Tan L, et al. ... 2018" listed, its coauthors
    unnamed) was linked to that entry, though the field shows "23" and entry 38 is the
    one linked: the missing work was silent. When the linked entry's number is not
    shown and a shown number names no entry, the reader finds nothing under that
    number: the link is undone (then kept only for an entry the number names that holds
    the work)."""
    from citeaudit.manuscript.docx_field_links import holds_work

    entries = document.reference_entries
    if (
        not entries
        or len(cited) != len(found.items)
        or not any(c.command == FIELD_ITEM for c in cited)
        or not _NUMBERS.fullmatch(_BRACKETS.sub("", wanted))
    ):
        return cited
    labels = [_ENTRY_LABEL.match(e.raw) for e in entries]
    numbers = [int(label.group(1)) for label in labels if label is not None]
    if len(numbers) != len(entries) or len(set(numbers)) != len(numbers):
        return cited  # the list's own numbers do not name one entry each
    place = {number: k for k, number in enumerate(numbers)}  # number -> entry (0-based)
    shown = [n.number for n in _numbered(document, wanted, at) if n.number is not None]
    if any(n > max(numbers) + max(3, len(numbers) // 10) for n in shown):
        return cited  # years ("2003,2005" beside a name typed before it), not numbers
    nameless = any(n not in place for n in shown)  # a shown number naming no entry
    out = list(cited)
    unlinked: list[int] = []
    linked: set[int] = set()
    for k, c in enumerate(cited):
        if c.command != FIELD_ITEM:
            continue
        entry = _linked_entry(c, len(entries))
        if entry is None:
            unlinked.append(k)
        elif nameless and numbers[entry] not in shown:
            unlinked.append(k)  # the shown numbers contradict the link
            out[k] = dataclasses.replace(c, key=None)
        else:
            linked.add(entry)
    left = [n for n in shown if n in place and place[n] not in linked]
    for k in unlinked:
        holding = [n for n in left if holds_work(entries[place[n]].raw, found.items[k])]
        if len(holding) == 1:
            out[k] = dataclasses.replace(cited[k], key=f"ref-{place[holding[0]] + 1}")
            left.remove(holding[0])
    return tuple(out)


def _shown_numbers_agree(document: Document) -> bool:
    """Whether the numbers the document's fields show are its list's own numbers: the
    fields show the labels of the entries their works are linked to, all but one in
    ten (one at most in a short text). A field agrees when each number it shows labels
    an entry its works are linked to: one showing a range's start ("14") with its end
    typed after it ("−23") names works it does not show, and counted work by work
    its unshown works made a list in citation order look sorted otherwise.

    Why: `_unlinked_by_number` trusts a shown number to name an entry. A list numbered
    in another order than the text's numbers (typed by hand, sorted by name) makes
    every shown number name another entry: there a field showing "5" whose work is
    entry 7 had its link undone once entry 5 was deleted (a false missing and a false
    uncited)."""
    labels = [_ENTRY_LABEL.match(e.raw) for e in document.reference_entries]
    numbers = [int(label.group(1)) for label in labels if label is not None]
    if not numbers or len(numbers) != len(labels) or len(set(numbers)) != len(numbers):
        return False
    agree = disagree = 0
    for found in itertools.islice(document.citation_fields, _AGREEMENT_FIELDS):
        bare = _BRACKETS.sub("", found.shown.strip())
        if not found.items or not _NUMBERS.fullmatch(bare):
            continue
        linked = {
            numbers[item.entry - 1]
            for item in found.items
            if item.entry is not None and 0 < item.entry <= len(numbers)
        }
        if linked:
            if set(_shown_list(bare)) <= linked:
                agree += 1
            else:
                disagree += 1
    return agree > 2 * disagree and disagree <= max(1, agree // 10)


_AGREEMENT_FIELDS = 5_000  # fields read to see whether the shown numbers are the list's


def _linked_entry(citation: Citation, count: int) -> int | None:
    """The entry (0-based) a field's work is linked to, None when it is linked to none."""
    key = citation.key
    if key is None or not key.startswith("ref-") or not key[4:].isdigit():
        return None
    entry = int(key[4:]) - 1
    return entry if 0 <= entry < count else None


def _years_of_field(
    document: Document, text: str, where: tuple[int, int, int], years: str
) -> list[Citation]:
    """The works a run of years typed right after a field cites: the field's author's
    other works ("(" field "Lee 2001" ", 2003, " field "Park 2010" ")"; "Lee (" field
    "2001" ", 2003)"). Blanked with the fields, "2003" had no name and Lee's 2003
    entry was "uncited". The field's shown text less its year names the author; a
    field showing only a year takes the name typed before the parenthesis."""
    from citeaudit.manuscript.citations.author_year import AuthorYearExtractor

    opened, at, end = where
    shown = text[at:end]
    starts = [found.start() for found in _SHOWN_YEAR.finditer(shown[:_MAX_SHOWN])]
    head = shown[: starts[-1]] if starts else shown
    head = head.strip(" ([;,")
    if _ANY_NAME.search(head):
        reading = f"({head} {years})"
    else:
        line_start = text.rfind("\n", 0, opened) + 1
        before = text[max(line_start, opened - _NAME_REACH) : opened]
        if not _ANY_NAME.search(before):
            return []
        reading = f"{before}({years})"
    wanted = {int(y) for y in _SHOWN_YEAR.findall(years)}
    alone = Document(path=document.path, format="text", lines=(Line(document.path, 1, reading),))
    location = document.location_at(at)
    return [
        dataclasses.replace(c, location=location)
        for m in AuthorYearExtractor().markers(alone)
        for c in m.citations
        if c.year in wanted and c.authors
    ]


# letters typed after a field ending in a lettered year: "2013a" then "-c" or ", b"
_TYPED_LETTERS = re.compile(r"\s*+[-\u2013,]\s*+([a-z])(?![^\W\d_]|\.)")  # not "p."
_ENDS_IN_LETTERED_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)([a-z])$")


def _typed_letters(
    document: Document, wanted: str, at: int, end: int, stop: int
) -> tuple[tuple[Citation, ...], int]:
    """The same author's other lettered works a range or list of letters typed right
    after a field cites ("Dalen and Nelson 2013a" then "-c": 2013b and 2013c), and
    where the citation then ends; none when nothing such follows.

    Why: read alone, the field cited 2013a and the letters were left over, so the
    entries of 2013b and 2013c were "uncited" (fresh DOCX, Pensoft; Markdown right)."""
    lettered = _ENDS_IN_LETTERED_YEAR.search(wanted[-_MAX_SHOWN:])
    typed = _TYPED_LETTERS.match(document.text, end, stop) if lettered else None
    if lettered is None or typed is None:
        return (), end
    shown_letter = lettered.group(1)
    if typed.group(1) <= shown_letter:  # letters run on: "2013a-c", "2013a, b"
        return (), end
    read = _by_name(document, wanted + typed.group(0), at)
    more = tuple(c for c in read if c.year_suffix and c.year_suffix != shown_letter)
    return (more, typed.end()) if more else ((), end)


def _typed_suffix(text: str, wanted: str, end: int, stop: int) -> str:
    """The one lower-case letter typed right after a shown text ending in a year, when
    no letter follows it ("2019" then "a)"), else ""."""
    if not _ENDS_IN_YEAR.search(wanted[-_MAX_SHOWN:]):
        return ""
    found = _SUFFIX_LETTER.match(text, end, stop)
    return found.group(0) if found else ""


def _find(text: str, wanted: str, start: int, stop: int) -> tuple[int, int]:
    if not wanted:
        return -1, -1
    at = text.find(wanted, start, stop)
    return (at, at + len(wanted)) if at >= 0 else (-1, -1)


def _citations(document: Document, found: FieldCitation, at: int) -> Iterator[Citation]:
    from citeaudit.manuscript.citations.marker import shown

    location = document.location_at(at)
    written = shown(found.shown.strip())
    years, pieces = _shown_years(document, found.shown.strip(), at)
    alone = _year_alone(found) if not years else None
    firsts = Counter(_folded(item.authors[0]) for item in found.items if item.authors)
    # years the shown text gives no author ("Bower 1918; 1923": 1923 is read alone)
    attributed = {year for key, seen in years.items() if key[0] == "*" for year in seen}
    unnamed = {int(y) for y in _SHOWN_YEAR.findall(found.shown[:_MAX_SHOWN])} - attributed
    for item in found.items:
        # the work's own piece of a cluster ("Foti et al., 1996"), where the editor
        # finds it, when the shown text gives its first author once
        piece = pieces.get(_folded(item.authors[0])) if item.authors else None
        shared = bool(item.authors) and firsts[_folded(item.authors[0])] > 1
        yield Citation(
            id="",
            text=shown(piece) if piece else written,
            location=location,
            kind=CitationKind.KEY,
            item=_described(found, item),
            authors=item.authors[:20],
            et_al=len(item.authors) > 2,
            year=alone if alone is not None else _year_shown(item, years, shared, unnamed),
            key=f"ref-{item.entry}" if item.entry is not None else None,
            command=FIELD_ITEM,
        )


def _shown_years(
    document: Document, wanted: str, at: int
) -> tuple[dict[tuple[str, ...], set[int]], dict[str, str]]:
    """The years the shown text gives each first author ("(Barlow, 1997; Lee 2001)"),
    and the piece citing each author given once ("Barlow, 1997").

    Why: the field names the work and links it, but the reader sees the shown text; an
    author who retyped "2002" as "1997" made a year mismatch the field does not have.
    """
    if len(wanted) > _MAX_SHOWN:
        return {}, {}
    years: dict[tuple[str, ...], set[int]] = {}
    for citation in _by_name(document, wanted, at):
        if citation.authors and citation.year:
            years.setdefault(_authors_key(citation.authors, citation.et_al), set()).add(
                citation.year
            )
            years.setdefault(("*", _folded(citation.authors[0])), set()).add(citation.year)
    parts = [(part.strip(" ()[]"), _folded(part)) for part in wanted.split(";")]
    pieces: dict[str, str] = {}
    for key, seen in years.items():
        if key[0] != "*":
            continue
        found = [part for part, folded in parts if key[1] in folded]
        if len(seen) == 1 and len(found) == 1 and len(parts) > 1:
            pieces[key[1]] = found[0]
    return years, pieces


def _authors_key(authors: Sequence[str], et_al: bool) -> tuple[str, ...]:
    """Which works of one first author a citation can be: "Guymer" (alone), "Guymer
    and Jessup" (with that second author), "Guymer et al." (three or more)."""
    first = _folded(authors[0])
    if et_al or len(authors) > 2:
        return (first, "+")
    return (first, _folded(authors[1])) if len(authors) == 2 else (first,)


def _year_alone(found: FieldCitation) -> int | None:
    """The one year a one-work field shows without a name -- the year of a narrative
    citation whose name is typed before the field ("Barlow (1997)": the field shows
    "(1997)") -- when it differs from the work's: the slip the reader sees.

    Only a field of one dated work, showing one year and nothing but brackets, page
    locators and that year, counts: a numbered field's "(12)" shows no year."""
    if len(found.items) != 1 or found.items[0].year is None:
        return None
    shown = found.shown.strip()
    if len(shown) > 40 or _ANY_NAME.search(shown):
        return None
    years = set(_SHOWN_YEAR.findall(shown))
    if len(years) != 1:
        return None
    year = int(next(iter(years)))
    return year if year != found.items[0].year else None


def _year_shown(
    item: FieldItem,
    years: dict[tuple[str, ...], set[int]],
    shared: bool,
    unnamed: set[int],
) -> int | None:
    """The item's year as the text shows it: the one year shown beside its authors
    ("Guymer 1998" for Guymer alone, beside "Guymer and Jessup 1986") when that differs
    from the field's, else the field's. Beside its first author alone only when no
    other work of the field has that first author: "Horner & Currie, 1994; Horner,
    de Ricqlès & Padian, 2000" gives Horner's 2000 work no 1994.

    The work's own year, shown beside its first author or given to no author ("Bower
    1918; 1923": the 1923 work's year stands alone), is the year the reader sees: the
    work's data may count its authors otherwise than the text (its book's editors
    among them, "Meerow 2010" with four names), and another year beside the name is
    another work's."""
    if not item.authors or item.year is None:
        return item.year
    if item.year in unnamed or item.year in years.get(("*", _folded(item.authors[0])), ()):
        return item.year
    seen = years.get(_authors_key(item.authors, len(item.authors) > 2))
    if not seen and not shared:
        seen = years.get(("*", _folded(item.authors[0])))
    if seen and len(seen) == 1 and item.year not in seen:
        return next(iter(seen))
    return item.year


def _folded(name: str) -> str:
    """A family name as both sides are compared: case, accents, script and marks gone."""
    plain = re.sub(r"['’]", "", fold_name(unicodedata.normalize("NFC", name)))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def _entry_numbers(document: Document, wanted: str) -> bool:
    count = len(document.reference_entries)
    return all(0 < int(n) <= count for n in re.findall(r"\d{1,4}", wanted))


def _numbered(document: Document, wanted: str, at: int) -> Iterator[Citation]:
    from citeaudit.manuscript.citations.marker import shown

    location = document.location_at(at)
    written = shown(wanted)
    for number in _shown_list(wanted):
        yield Citation(
            id="", text=written, location=location, kind=CitationKind.NUMERIC, number=number
        )


def _shown_list(wanted: str) -> list[int]:
    """The numbers a numbered field shows, ranges spelt out, each once, in order."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", _BRACKETS.sub("", wanted)):
        ends = [int(n) for n in re.findall(r"\d{1,4}", part)]
        if len(ends) == 2 and 0 < ends[1] - ends[0] <= _MAX_RANGE:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    return list(dict.fromkeys(numbers))


def _by_name(document: Document, wanted: str, at: int) -> Iterator[Citation]:
    """The author-year citations of a field's shown text, read on its own (wrapped in
    parentheses when it has none).

    A shown text without brackets ("Meyer 2002, Wood 2002") is read in brackets first:
    a reference manager inserted it, so it is a citation group, not a bare name and
    year in running text (which would be weak, its missing work unreported). Each
    citation keeps the certainty the reader gives it: a title, a date or an
    organisation the reader doubts ("Declaration of Human Rights (1948)", "agosto de
    1970") stays doubtful inside a field too -- forcing every one sure reported them
    missing (dev DOCX, SciELO: 17 false missing)."""
    from citeaudit.manuscript.citations.author_year import AuthorYearExtractor

    location = document.location_at(at)
    if wanted.startswith("("):
        texts: tuple[str, ...] = (wanted,)
    elif "(" in wanted:  # "Smith (2019)": a narrative first
        texts = (wanted, f"({wanted})")
    else:
        texts = (f"({wanted})", wanted)
    for text in texts:
        alone = Document(path=document.path, format="text", lines=(Line(location.file, 1, text),))
        found = [c for m in AuthorYearExtractor().markers(alone) for c in m.citations]
        if found:
            for citation in found:
                yield dataclasses.replace(citation, location=location)
            return


def _described(found: FieldCitation, item: FieldItem) -> str:
    """ "Smith & Lee 2019, "A title" (Zotero field shown as "(Smith, 2019)")"."""
    from citeaudit.manuscript.citations.marker import shown

    return f'{item.describe()} ({found.manager} field shown as "{shown(found.shown.strip())}")'
