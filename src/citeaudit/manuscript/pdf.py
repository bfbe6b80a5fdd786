"""PDF manuscripts: the text layer, read as a reader reads the page.

Editors often hold only the PDF. Its text layer is read with pdfium (pypdfium2,
Apache-2.0/BSD: fast C++, chosen over pdfminer.six by measurement -- a 41-page
two-column article's characters and boxes in 0.4 s of CPU against 2.0 s for
pdfminer's layout alone); `pdf_layout` turns glyphs into lines in reading order
(columns, superscripts, accents, ligatures) and drops running headers, footers and
page numbers; `pdf_text` joins hyphenated words and cut links; `pdf_references`
cuts the reference list by its indentation. Every place is a page and the line on
that page, as the editor sees it.

A PDF is hostile input like any other: pages, characters and link annotations are
capped, so time and memory stay bounded; an encrypted or damaged file is one clear
error, and so is a scan with no text layer (OCR is not done here).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.docx_links import ShownLink
from citeaudit.manuscript.interface import ManuscriptReader
from citeaudit.manuscript.pdf_captions import float_captions
from citeaudit.manuscript.pdf_footnotes import note_runs_on, opens_note, split_footnotes
from citeaudit.manuscript.pdf_layout import PdfLine, body_size
from citeaudit.manuscript.pdf_links import LinkArea
from citeaudit.manuscript.pdf_pages import MAX_CHARS, MAX_PAGES, PageRead, pdf_problem, read_pages
from citeaudit.manuscript.pdf_references import split_pdf_entries, trailing_zone
from citeaudit.manuscript.pdf_text import join_broken_citations, join_broken_words
from citeaudit.manuscript.reading import InputProblem
from citeaudit.manuscript.reference_section import (
    REFERENCE_TITLES,
    ReferenceSection,
    find_reference_section,
    is_reference_title,
    looks_like_entry_start,
)
from citeaudit.model.location import Location

__all__ = ["MAX_CHARS", "MAX_PAGES", "PdfReader", "pdf_problem"]


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Pages:
    lines: list[PdfLine]
    links: dict[int, list[LinkArea]]
    lefts: dict[tuple[int, int], float]
    problems: list[InputProblem]
    notes: list[PdfLine] = dataclasses.field(default_factory=list)  # footnotes, apart


def _read_pages(path: Path, name: str) -> _Pages:
    """The pages read in this process (what `pdf_isolated` does in a child)."""
    return finished_pages(read_pages(path, name), name)


def finished_pages(read: PageRead, name: str) -> _Pages:
    """The engine's pages with each page's footnotes kept apart from its body (set in
    type smaller than the body's, which only the whole text tells) and the problems
    named by file. A note left unfinished at a page's foot goes on at the next page's
    foot unmarked, and is read with the notes too."""
    size = body_size([read.lines])
    lines: list[PdfLine] = []
    notes: list[PdfLine] = []
    runs_on = False
    for _, page in itertools.groupby(read.lines, key=lambda ln: ln.page):
        body, page_notes = split_footnotes(list(page), size, continued=runs_on)
        lines.extend(body)
        notes.extend(page_notes)
        runs_on = note_runs_on(page_notes)
    problems = [InputProblem(name, None, message) for message in read.problems]
    return _Pages(lines, read.links, read.lefts, problems, notes)


class PdfReader(ManuscriptReader):
    format: ClassVar[str] = "pdf"
    extensions: ClassVar[tuple[str, ...]] = (".pdf",)

    def __init__(self, scope: InputScope | None = None) -> None:
        # The audit's scope: its PDFs share one allowance of the engine's CPU seconds
        # (`pdf_isolated.Limits.audit_cpu_seconds`; None: each file's own limit only).
        self.scope = scope

    def read(self, path: Path) -> Document:
        return self.read_with_problems(path)[0]

    def read_with_problems(self, path: Path) -> tuple[Document, list[InputProblem]]:
        name = str(path)
        from citeaudit.manuscript.pdf_isolated import read_pages_isolated

        # pdfium in a child process under memory and CPU limits (pdf_isolated.py)
        pages = read_pages_isolated(Path(path), name, self.scope)
        flow = join_broken_words(pages.lines)
        flow = [ln for ln in flow if ln.text.strip()]
        flow, breaks = float_captions(flow)
        lines = [Line(name, ln.number, ln.text, ln.superscripts, page=ln.page) for ln in flow]
        size = body_size([flow])
        levels = {
            i: lv for i, ln in enumerate(flow) if (lv := _heading_level(ln, size)) is not None
        }
        for i in range(_title_block_end(flow, levels)):
            lines[i] = _without_affiliation_marks(lines[i])
        probe, probe_levels = _without_run_ons(flow, _without_cells(flow, lines), levels)
        sections = [_trimmed(sec, flow) for sec in _reference_sections(probe, probe_levels)]
        if not sections:
            return self._headless(name, flow, lines, pages, breaks)
        listed = {i for sec in sections for i in range(sec.start, sec.end)}
        outside = [i for i in range(len(lines)) if i not in listed]
        _join_citations(flow, lines, outside)
        notes = _note_lines(name, pages.notes)
        entries: list[RawEntry] = []
        layouts = []
        for sec in sections:
            inside = [(flow[j], lines[j]) for j in range(sec.start + 1, sec.end) if j not in levels]
            found, layout = split_pdf_entries(inside, pages.lefts, pages.links, _clean)
            entries.extend(found)
            layouts.append((len(found), layout))
        first = lines[sections[0].start]
        return (
            Document(
                path=name,
                format=self.format,
                lines=_with_paragraph_breaks(flow, lines, outside, breaks) + notes,
                reference_entries=tuple(entries),
                reference_heading=Location(name, first.number, page=first.page),
                reference_layout=max(layouts, key=lambda t: t[0])[1],
                files=(name,),
                shown_links=_shown_links(name, pages.links),
            ),
            pages.problems,
        )

    def _headless(
        self, name: str, flow: list[PdfLine], lines: list[Line], pages: _Pages, breaks: set[int]
    ) -> tuple[Document, list[InputProblem]]:
        """No heading names a list: the hanging entries at the end, if any, are it."""
        pairs = list(zip(flow, lines, strict=True))
        start = trailing_zone(pairs, pages.lefts)
        end = _list_end(flow, start, len(lines)) if start is not None else 0
        start = start if start is not None else len(lines)
        entries, layout = split_pdf_entries(pairs[start:end], pages.lefts, pages.links, _clean)
        outside = list(range(start)) + list(range(max(end, start), len(lines)))
        _join_citations(flow, lines, outside)
        body = _with_paragraph_breaks(flow, lines, outside, breaks)
        body += _note_lines(name, pages.notes)
        document = Document(
            name,
            self.format,
            body,
            reference_entries=tuple(entries),
            reference_layout=layout if entries else None,
            files=(name,),
            shown_links=_shown_links(name, pages.links),
        )
        return document, pages.problems


def _shown_links(name: str, links: Mapping[int, Sequence[LinkArea]]) -> tuple[ShownLink, ...]:
    """The link annotations whose text may be an address (`pdf_links`), for
    deceptive-link to compare with what they open, each at its page."""
    return tuple(
        ShownLink(Location(name, page=page), area.shown, area.uri)
        for page, areas in sorted(links.items())
        for area in areas
        if area.shown
    )


def _note_lines(name: str, notes: Sequence[PdfLine]) -> tuple[Line, ...]:
    """Footnotes after the body, a blank line before each page's notes, so a note's
    citations are read but never run on into the body's sentences -- but none before a
    note's unmarked continuation from the page before (`note_runs_on`): its sentence,
    and a citation cut at that page break, read on."""
    out: list[Line] = []
    page = None
    for k, note in enumerate(notes):
        if note.page != page:
            if not (k and note_runs_on(notes[k - 1 : k]) and not opens_note(note)):
                out.append(Line(name, note.number, "", page=note.page))
            page = note.page
        out.append(Line(name, note.number, note.text, note.superscripts, page=note.page))
    return tuple(out)


def _join_citations(flow: list[PdfLine], lines: list[Line], indexes: Sequence[int]) -> None:
    """Citations cut at a body line's end finished on their first line (in place)."""
    joined = join_broken_citations([flow[i] for i in indexes])
    for i, line in zip(indexes, joined, strict=True):
        if line is not flow[i]:
            flow[i] = line
            lines[i] = dataclasses.replace(lines[i], text=line.text, superscripts=line.superscripts)


_MAX_LISTS = 4


def _reference_sections(lines: list[Line], levels: dict[int, int]) -> list[ReferenceSection]:
    """Every reference list, in order: the last one the heading search finds, and the
    ones before it under headings of their own -- a journal PDF often prints the
    article's list and then, after an appendix or the supplementary material, that
    material's own list; the entries of both are the article's."""
    found: list[ReferenceSection] = []
    end = len(lines)
    while len(found) < _MAX_LISTS:
        if found and not any(_may_name_list(ln.text) for ln in lines[:end]):
            break  # no line before could head a list: the full search would find none
        head = {i: lv for i, lv in levels.items() if i < end}
        section = find_reference_section(lines[:end], head, _clean)
        if section is None or (found and section.heading.strength < 1):
            break
        found.insert(0, section)
        end = section.start
    return found


def _may_name_list(text: str) -> bool:
    """A short line whose words name a reference list (the heading search's test,
    on the few lines short enough to be a heading).

    Asked of every line before a list found (most lines of a two-column page are
    short enough), the title test -- markup stripped, accents folded -- cost a
    30-page article ~40 ms. A plain ASCII line (no markup, no entity that stripping
    could turn into a letter: stripping leaves it as it is) that holds none of the
    titles' longest words cannot be a title, and is told so by one search."""
    if len(text) > _TITLE_CHARS:
        return False
    if text.isascii() and not _MARKUP.search(text) and not _TITLE_WORD.search(text.casefold()):
        return False
    return is_reference_title(text)


_TITLE_CHARS = 80
_MARKUP = re.compile(r"[*_`~\[\]<>&\\]")
# each known title's longest word (folded titles: ASCII for the Latin-script ones)
_TITLE_WORD = re.compile(
    "|".join(
        sorted(
            {re.escape(max(title.split(), key=len)) for title in REFERENCE_TITLES},
            key=len,
            reverse=True,
        )
    )
)


def _trimmed(section: ReferenceSection, flow: Sequence[PdfLine]) -> ReferenceSection:
    """The list ended where a line set across both columns follows entries set in
    columns: the journal's licence note at the foot of the page, or the heading of
    the supplementary material ("SUPPLEMENTARY MATERIAL (only available ...)") that
    no heading search knows -- a list never spans the page's gutter."""
    end = _list_end(flow, section.start + 1, section.end)
    return section if end == section.end else dataclasses.replace(section, end=end)


def _list_end(flow: Sequence[PdfLine], start: int, end: int) -> int:
    """Where a list from `start` ends: at the first line set across both columns
    after three in a column (see `_trimmed`), or at a heading set in the body's
    type after it ("Colaboradores", "Agradecimentos" below a list set smaller: no
    larger than the body, no heading search knows it), else `end`."""
    if end - start < 3:
        return end
    size = statistics.median(ln.size for ln in flow[start:end])
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for ln in flow[start:end]:
        left, right = edges.get((ln.page, ln.column), (ln.x0, ln.x1))
        edges[(ln.page, ln.column)] = (min(left, ln.x0), max(right, ln.x1))
    in_columns = 0
    for j in range(start, end):
        line = flow[j]
        if line.column == -1:
            if in_columns >= 3:
                return j
            in_columns = 0
        else:
            in_columns += 1
        left, right = edges[(line.page, line.column)]
        heading = j > start + 2 and _heading_after_list(flow[j - 1], line, size, left, right)
        if heading and not _entry_follows(flow, j, end, left):
            return j
    return _end_at_space(flow, start, end)


_DATED = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\b[ns]\.\s?d\.|doi|https?:|www\.", re.I)
_SPACE_FACTOR = 1.8  # of the list's widest usual gap: more is space set between blocks


def _end_at_space(flow: Sequence[PdfLine], start: int, end: int) -> int:
    """Where the list ends at space wider than any between its entries, when the
    block after the space reads as no entries: back matter set in the list's type
    with nothing but space above it -- the editor who handled the paper, the
    licence note, the authors' biographies, the address for correspondence --
    whose lines would each be read as an entry and reported as uncited.

    Space alone ends nothing: a list's own sub-heading ("Archival sources"), an entry,
    or the rest of one cut by a figure stand after space too. So the list ends at
    such space only when no line after it opens an entry dated on that line or the
    next: a name and a role in capitals read
    as an entry's opening but date nothing, a biography dates its citations but opens
    no entry with them."""
    gaps: list[tuple[int, float]] = []
    for j in range(start + 1, end):
        above, line = flow[j - 1], flow[j]
        if (above.page, above.column) == (line.page, line.column) and above.foot > line.base:
            gaps.append((j, above.foot - line.base))
    if len(gaps) < 4:
        return end
    usual = sorted(g for _, g in gaps)[int(0.9 * (len(gaps) - 1))]
    wide = [
        j
        for j, g in gaps
        if j > start + 2 and g > _SPACE_FACTOR * usual and g > usual + 0.8 * flow[j].size
    ]
    cut = end  # the back matter is the list's tail: from the last block up, while undated
    for j in reversed(wide):
        if _opens_dated_entry(flow[j:cut]):
            break
        cut = j
    return cut


def _opens_dated_entry(block: Sequence[PdfLine]) -> bool:
    """Some line of the block opens an entry dated on it or on the line after it."""
    for i, line in enumerate(block):
        dated = _DATED.search(line.text) or (
            i + 1 < len(block) and _DATED.search(block[i + 1].text)
        )
        if dated and not _CITE_THIS.match(line.text) and looks_like_entry_start(line.text):
            return True
    return False


# the article's own citation, printed for the reader to copy ("How to cite this
# article: Roe, J. (2024). ..."): dated and opening with a name, but no entry of its list
_CITE_THIS = re.compile(
    r"\s*(?:how to cite|to cite this|cite this|citation\s*:|como citar|cómo citar|para citar"
    r"|comment citer|pour citer|zitierweise|zitiervorschlag)",
    re.IGNORECASE,
)


def _heading_after_list(
    before: PdfLine, line: PdfLine, size: float, left: float, right: float
) -> bool:
    """A short line set larger than the list's entries, space above it or centred
    between the list's edges, ending in no punctuation: a heading, not an entry's."""
    text = line.text.strip()
    if line.size < 1.08 * size or len(text.split()) > 5 or text[-1:] in ".,;:)":
        return False
    spaced = before.page == line.page and before.foot - line.base > 2.2 * size
    centred = line.x0 - left > 3 * size and right - line.x1 > 3 * size
    return spaced or centred


def _entry_follows(flow: Sequence[PdfLine], j: int, end: int, left: float) -> bool:
    """The line after the heading at `j` opens an entry, flush with the list's left
    edge: the heading is the list's own ("Primary sources"), not the back matter's
    (whose paragraph opens set in: "As autoras L. Santos e R. Rodrigues ...")."""
    if j + 1 >= end:
        return False
    after = flow[j + 1]
    return after.x0 <= left + 0.5 * after.size and looks_like_entry_start(after.text)


def _without_cells(flow: Sequence[PdfLine], lines: Sequence[Line]) -> list[Line]:
    """The lines as the reference-list search sees them: a short line that shares its
    baseline with another in its column is a table's cell ("Reference" heading the
    column of a table of indices), never a section heading, so it is blanked there."""
    rows: dict[tuple[int, int, int], int] = Counter(
        (ln.page, ln.column, round(ln.base)) for ln in flow
    )
    out = list(lines)
    for i, ln in enumerate(flow):
        key = (ln.page, ln.column, round(ln.base))
        shared = rows[key] + rows.get((ln.page, ln.column, key[2] - 1), 0)
        shared += rows.get((ln.page, ln.column, key[2] + 1), 0)
        if shared > 1 and len(ln.text) < 40:
            out[i] = dataclasses.replace(lines[i], text="")
    return out


# a line that stops on a plain word ("... A Qualitative"): its sentence goes on below
_OPEN_END = re.compile(r"(?:^|\s)[^\W\d_]+[,\-]?$")


def _without_run_ons(
    flow: Sequence[PdfLine], lines: Sequence[Line], levels: dict[int, int]
) -> tuple[list[Line], dict[int, int]]:
    """The lines and heading levels as the reference-list search sees them, with the
    lines that run on from the line above one heading or one sentence.

    A PDF gives a paragraph line by line, so a line's own words can read as a heading
    that ends the list: an entry's title that goes on "A Qualitative" / "Index of
    Spatial Extent ..." ended it at "Index" (a back-matter title), and a heading set
    over several lines in a narrow column ("... from the Recent" / "Literature") was
    taken for a reference list headed "Literature". So a heading's lines are read as
    one heading on its first line, and a line in the type and leading of the unfinished
    line above it (same column, not set apart, not bold) is that sentence's, no heading."""
    out = list(lines)
    kept = dict(levels)
    into: dict[int, int] = {}  # a heading's later line -> the line it is read on
    for i in range(1, len(flow)):
        above, line = flow[i - 1], flow[i]
        if (above.page, above.column) != (line.page, line.column):
            continue
        if abs(above.size - line.size) > 0.05 * line.size:
            continue
        if above.foot - line.base > 1.6 * line.size:
            continue
        if i in levels and i - 1 in levels and levels[i] == levels[i - 1]:
            first = into.get(i - 1, i - 1)
            into[i] = first
            joined = f"{out[first].text.rstrip()} {line.text.strip()}"
            out[first] = dataclasses.replace(out[first], text=joined)
            out[i] = dataclasses.replace(out[i], text="")
            del kept[i]
        elif i not in levels and i - 1 not in levels and _runs_on(above, line):
            out[i] = dataclasses.replace(out[i], text="")
    return out, kept


def _runs_on(above: PdfLine, line: PdfLine) -> bool:
    """`line` (not bold) goes on with the sentence `above` stopped in on a plain word."""
    return not line.bold and _OPEN_END.search(above.text.rstrip()) is not None


_AFTER_NAME = re.compile(r"(?:^|[\s,])[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*\s?$")
_NAME_WINDOW = 100  # characters before a mark looked at: no name and its space is longer


def _without_affiliation_marks(line: Line) -> Line:
    """A title-block line without the raised numbers after authors' names ("Hatami^3,6"):
    they point at affiliations, and read flat ("Hatami3,6") they pass for citations.

    One pass over the marks (they never overlap), each looking back at most
    `_NAME_WINDOW` characters for the name it follows: searching the whole line before
    every mark, and rebuilding the line and shifting the later marks at each, was
    marks x length -- a hostile author line of 4,000 marks took seconds.
    """
    text = line.text
    pieces: list[str] = []
    kept: list[tuple[int, int]] = []  # the marks that stay, in the new line's offsets
    done = removed = 0  # text copied up to `done`; characters taken out before it
    for a, b in sorted(line.superscripts):
        if a >= done and _AFTER_NAME.search(text, max(a - _NAME_WINDOW, 0), a):
            pieces.append(text[done:a])
            done, removed = b, removed + (b - a)
        else:
            kept.append((a - removed, b - removed))
    if not pieces:
        return line
    pieces.append(text[done:])
    cut = "".join(pieces)
    if cut == line.text:
        return line
    return dataclasses.replace(line, text=cut, superscripts=tuple(sorted(kept)))


_TITLE_LEADING = 1.5  # of the title's size: its lines stand no further apart


def _title_block_end(flow: Sequence[PdfLine], levels: dict[int, int]) -> int:
    """Where the title block ends: the first section heading on the first page after
    the title ("Abstract", "Summary", "Introduction"), or 0 when the page shows none.
    Above it stand the title and the authors, whose raised numbers ("Hatami^3,6")
    point at affiliations: a numeric-citation reader would take them for citations."""
    if not flow:
        return 0
    first = flow[0].page
    heads = [i for i in sorted(levels) if flow[i].page == first]
    if len(heads) < 2:
        return 0
    # a title set over several lines is one heading: its lines follow one another in
    # the title's type ("Can you predict the future? A tutorial for the National" /
    # "Ecological Observatory Network" / "Challenge"), and the authors come after them.
    # Each at the title's leading: a heading set in the title's type after a space
    # ("Summary") is the first section's, and the block ends there -- read as the
    # title's, it ran the block on to the next heading, and the summary's raised
    # citation numbers were dropped as affiliation marks
    k = 1
    size = flow[heads[0]].size
    while (
        k < len(heads)
        and heads[k] == heads[k - 1] + 1
        and abs(flow[heads[k]].size - size) <= 0.05 * size
        and flow[heads[k - 1]].base - flow[heads[k]].base <= _TITLE_LEADING * size
    ):
        k += 1
    return heads[k] if k < len(heads) else 0


def _heading_level(line: PdfLine, size: float) -> int | None:
    """A short line set larger than the body is a heading; the larger, the higher."""
    text = line.text.strip()
    if len(text) > 100 or len(text.split()) > 12 or line.size < 1.15 * size:
        return None
    return 1 if line.size >= 1.5 * size else 2


def _with_paragraph_breaks(
    flow: Sequence[PdfLine],
    lines: Sequence[Line],
    indexes: Sequence[int],
    breaks: set[int] | None = None,
) -> tuple[Line, ...]:
    """The body's lines with a blank line where the page leaves space between
    paragraphs (or a heading's size changes), as the text readers see paragraphs,
    and before each line in `breaks` (a caption read apart, and the text after it)."""
    gaps = [
        a.foot - b.base
        for a, b in itertools.pairwise(flow)
        if a.page == b.page and a.column == b.column and a.foot > b.base
    ]
    leading = statistics.median(gaps) if gaps else 12.0
    rights: dict[tuple[int, int], float] = {}
    for ln in flow:
        key = (ln.page, ln.column)
        rights[key] = max(rights.get(key, ln.x1), ln.x1)
    foot = _text_foot(flow)
    ragged = _ragged(flow, rights)
    out: list[Line] = []
    previous: PdfLine | None = None
    for i in indexes:
        line = flow[i]
        if previous is not None:
            same = previous.page == line.page and previous.column == line.column
            spaced = same and previous.foot - line.base > 1.3 * leading
            resized = abs(previous.size - line.size) > 0.1 * line.size
            right = rights[(previous.page, previous.column)]
            ends = _ends_sentence(previous.text)
            short = previous.x1 < right - 4 * previous.size and ends
            # flush-left text: a line ends short where the next word did not fit
            short = short and (not ragged or _word_fits(line, right - previous.x1))
            # a column left a line's room above the foot the text reaches elsewhere
            # (`_text_foot`): what the next column opens with is a new paragraph
            raised = not same and ends and previous.base - foot > 1.1 * leading
            if spaced or resized or short or raised or (breaks and i in breaks):
                out.append(Line(lines[i].file, lines[i].number, "", page=lines[i].page))
        out.append(lines[i])
        previous = line
    return tuple(out)


_FEWEST_RAGGED_LINES = 8  # lines of several words: fewer tell nothing of the setting


def _ragged(flow: Sequence[PdfLine], rights: dict[tuple[int, int], float]) -> bool:
    """The text is set flush left, not justified: fewer than half its lines of
    several words reach their column's right edge. Justified text takes every line
    but a paragraph's last to the edge; flush-left text (a word processor's
    manuscript saved as PDF) ends each line where the next word did not fit."""
    long = [ln for ln in flow if ln.text.count(" ") >= 3]
    if len(long) < _FEWEST_RAGGED_LINES:
        return False
    edge = sum(ln.x1 >= rights[(ln.page, ln.column)] - 0.5 * ln.size for ln in long)
    return edge < 0.5 * len(long)


def _word_fits(line: PdfLine, room: float) -> bool:
    """The line's first word, and a space, would have fitted in `room` (points) at the
    end of the line above: its width estimated from the line's mean letter width."""
    text = line.text.strip()
    first = text.split(" ", 1)[0]
    if not text or line.x1 <= line.x0:
        return True
    width = len(first) * (line.x1 - line.x0) / len(text)
    return room > width + 0.25 * line.size


def _text_foot(flow: Sequence[PdfLine]) -> float:
    """The lowest baseline a column's text reaches: the foot of the text block.

    Text runs to the foot of every column, so a column whose last line stands more
    than a line above it left room for a line that did not follow: a typesetter keeps
    a paragraph's first line off the foot (and a heading with its text), so the next
    column opens a new paragraph. The last line of each column but the document's
    last (which ends where the text does) is looked at; with fewer than two columns
    there is nothing to compare, and the foot is set so low that no column is raised.
    """
    ends = [a.base for a, b in itertools.pairwise(flow) if (a.page, a.column) != (b.page, b.column)]
    return min(ends) if len(ends) >= 2 else -math.inf


def _ends_sentence(text: str) -> bool:
    """A paragraph's last line ends as a sentence does (a short line ending mid-sentence
    is a heading's or a list's, left to the other cues)."""
    return text.rstrip().endswith((".", "!", "?", ":", ".)", ".”", '."', "?”"))
