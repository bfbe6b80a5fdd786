"""Entries the text names by author and title: notes and humanities styles.

Why: Chicago's notes-and-bibliography style cites in footnotes by the author's name
and the work's title ("Anna Kowalski and Peter Brandt, "Harbours and Empire,"
*Modern Fiction Studies* 52 (2006): 7", later "Kowalski and Brandt, "Harbours,"
9"); MLA and much writing in the humanities name the work in the sentence ("In
*Northern Waters*, Lindgren shows"). No author-year or numeric reader sees a
citation there, and every such entry was "never cited": a whole manuscript of false
alarms. An editor sees the author and the title together and knows the work is
cited; so does this check.

When: only in a text whose citations the readers mostly missed -- fewer than
`READ_SHARE` of the list's entries cited by the citations read, titles aside
(`years_unread`). A text
cited in author-year or numeric style names its authors and subjects in passing
("Smith's Bayesian model"), and there an entry no citation cites is uncited.

What counts: in one paragraph of the body (its lines joined; a note is one), the
entry's first author's family name (folded as the matcher folds names; its
last word, so "van der Berg" is found as "Berg") and the opening words of its title
(`OPENING` words at most, a leading article skipped, at least two words: a lone word
is a taxon or a subject as often as a title), within `REACH` words of each other,
either order. A family name followed closely by another year than the entry's ("Silva
(2015)" beside Silva's entry of 2012) names that other work, not this one. A work with
no author is named by the opening of its title alone, in quotation marks or emphasis
("Tides of Empire"). Entries in the list's own lines are no mention. Only entries no
citation cites are looked at.

Linear: each paragraph's words are folded once and indexed by word; the entries are
indexed by the word a paragraph must hold to name them (the family name, or the title's
first word for a work with no author), so a paragraph looks up its own distinct words
and meets only the entries it may name -- not every entry, every paragraph (10,000
paragraphs beside 10,000 entries were 10^8 checks: 28 s of CPU, hours at the caps).
Each entry met looks up its family name and the first word of its title, at most
`LOOKS` places each, and one call checks at most `MAX_CHECKS` entries in all: a
text naming one family in every paragraph beside thousands of that family's works is
no notes-style manuscript, and its entries left unchecked stay uncited.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.citations.titles import TITLE
from citeaudit.matching.names import normalise_name
from citeaudit.model.citation import CitationKind
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES
from citeaudit.rules.citations._cited import cited_ids

OPENING = 3
READ_SHARE = 0.7
REACH = 40
LOOKS = 64
MAX_CHECKS = 200_000  # entries checked in paragraphs, per call: far past real texts
# characters of one paragraph read at once (a 1,000-page thesis holds three million in
# all; its longest paragraph a few thousand): a longer one is read in pieces, each of
# ~15 MB of index at most (distinct words: a word's string, list and dict slot)
MAX_PARAGRAPH_CHARS = 250_000
YEAR_REACH = 6  # words after a family name a year of another work is looked for in
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
QUOTE_REACH = 32  # characters before a title looked at for its opening quotation mark
_ARTICLES = frozenset(
    {"the", "a", "an", "le", "la", "les", "l", "el", "los", "las", "lo", "il", "gli"}
    | {"un", "une", "uno", "una", "der", "die", "das", "den", "ein", "eine", "het", "een"}
    | {"o", "os", "as", "um", "uma"}
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUOTED_OR_EMPHASISED = re.compile(r"[\"“”«»„‘’'*_]\s*$")
_Place = tuple[str, int | None, int | None]


def title_opening(title: str | None) -> tuple[str, ...]:
    """The first words of a title as a note shortens it, folded; () when too short to
    be told from prose. A one-word head before a colon ("Chrysomelidae: 16.
    Cassidinae", a catalogue's part) is no short title: the whole title is read."""
    if not title:
        return ()
    words = normalise_name(title.split(":")[0]).split()
    if len(words) < 2:
        words = normalise_name(title).split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    opening = tuple(words[:OPENING])
    return opening if len(opening) >= 2 else ()


def family_word(ref: Reference) -> str | None:
    """The first author's family name as one folded word (its last), or None."""
    family = ref.first_author_family
    if not family:
        return None
    words = normalise_name(family).split()
    if not words or len(words[-1]) < 3:
        return None
    if len(words) > 1 and not all(w in PARTICLES for w in words[:-1]):
        return None  # an organisation: named whole, the mention check's part
    return words[-1]


# a word folded once however often the text repeats it
_fold = lru_cache(maxsize=65536)(normalise_name)


def folded_words(text: str) -> list[str]:
    """`text`'s words, folded as the matcher folds names."""
    return [w for m in _WORD.finditer(text) if (w := _fold(m.group()))]


class Paragraph:
    """One body paragraph's folded words, indexed by word: its lines joined, since a
    citation or a sentence wraps ("(Osei et" / "al. 220)").

    Compact, as a hostile upload's one paragraph may be the whole 20 MB text: each
    word's start and end are machine integers in arrays, and a word's positions are
    kept only as far as any look goes (`LOOKS`). A list of the match objects, a tuple
    of two ints a word and every position of every word held about 300 bytes a word:
    one paragraph of "a a a ..." peaked at 150 MB a MB of text, three gigabytes for an
    upload, past a worker's memory limit."""

    __slots__ = ("ends", "positions", "starts", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        words: list[str] = []
        starts = array("q")
        ends = array("q")
        positions: dict[str, list[int]] = {}
        for i, m in enumerate(_WORD.finditer(text)):
            word = _fold(m.group())
            words.append(word)
            starts.append(m.start())
            ends.append(m.end())
            at = positions.get(word)
            if at is None:
                positions[word] = [i]
            elif len(at) < LOOKS:
                at.append(i)
        self.words = words
        self.starts = starts
        self.ends = ends
        self.positions = positions

    def phrase_at(self, phrase: Sequence[str]) -> Iterator[int]:
        """Where `phrase` starts, at most `LOOKS` places."""
        for i in self.positions.get(phrase[0], [])[:LOOKS]:
            if tuple(self.words[i : i + len(phrase)]) == tuple(phrase):
                yield i


def body_paragraphs(data: AuditData) -> Iterator[Paragraph]:
    """The manuscripts' paragraphs -- runs of lines between blank lines -- less the
    list's own entries; a paragraph past `MAX_PARAGRAPH_CHARS` in pieces of about that
    many characters, cut between words (no real paragraph is that long, and a piece's
    words are all a `Paragraph` holds at once: memory bounded whatever the upload)."""
    listed: set[_Place] = {
        (r.location.file, r.location.page, r.location.line) for r in data.references
    }
    for document in data.manuscripts:
        run: list[str] = []
        whole = document.format == "docx"  # a Word line is a paragraph already
        for line in document.lines:
            if whole and run:
                yield from _pieces(" ".join(run))
                run = []
            if (line.file, line.page, line.number) in listed or not line.text.strip():
                if run:
                    yield from _pieces(" ".join(run))
                run = []
            else:
                run.append(line.text)
        if run:
            yield from _pieces(" ".join(run))


def _pieces(text: str) -> Iterator[Paragraph]:
    """`text` as Paragraphs of at most `MAX_PARAGRAPH_CHARS`, cut at a space in the
    second half of each piece where there is one."""
    start = 0
    while len(text) - start > MAX_PARAGRAPH_CHARS:
        limit = start + MAX_PARAGRAPH_CHARS
        cut = text.rfind(" ", start + MAX_PARAGRAPH_CHARS // 2, limit)
        end = cut if cut > start else limit
        yield Paragraph(text[start:end])
        start = end
    yield Paragraph(text[start:] if start else text)


def years_unread(data: AuditData) -> bool:
    """Whether the readers missed most citations: the style may cite without years.
    Works cited by their title alone (``*Northern Waters*``) are no sign of a style
    read: a notes-style text cites books so, and the articles in quotes are left. Nor
    are works cited by name with no year ("(Hartley 45)", MLA's author and page,
    `manuscript.citations.mla_pages`): that is the yearless style these checks serve,
    and an MLA text read so was no longer looked at for its works named in the
    sentence ("As Moreno argues ... (112-13)")."""
    unread = {
        c.id
        for c in data.citations
        if c.command == TITLE
        or (c.kind is CitationKind.AUTHOR_YEAR and c.year is None and not c.no_date)
    }
    read = cited_ids(m for m in data.matches if m.citation_id not in unread)
    return len(read) < READ_SHARE * len(data.references)


def cited_by_name_and_title(data: AuditData, candidates: Sequence[Reference]) -> set[str]:
    """Ids of `candidates` whose author and title opening one paragraph names."""
    if not years_unread(data):
        return set()
    wanted = [(ref, title_opening(ref.title)) for ref in candidates]
    wanted = [(ref, opening) for ref, opening in wanted if opening]
    if not wanted or not data.manuscripts:
        return set()
    by_word: dict[str, list[tuple[Reference, tuple[str, ...]]]] = defaultdict(list)
    for ref, opening in wanted:
        family = family_word(ref)
        if family is None and ref.authors:
            continue  # authors, none read as a person's family name: never named here
        by_word[family or opening[0]].append((ref, opening))
    found: set[str] = set()
    checks = 0
    for paragraph in body_paragraphs(data):
        for word in paragraph.positions:
            for ref, opening in by_word.get(word, ()):
                if ref.id in found:
                    continue
                checks += 1
                if checks > MAX_CHECKS:
                    return found
                if _named(paragraph, ref, opening):
                    found.add(ref.id)
    return found


def _named(paragraph: Paragraph, ref: Reference, opening: tuple[str, ...]) -> bool:
    if opening[0] not in paragraph.positions:
        return False
    family = family_word(ref)
    if family is None:
        if ref.authors:
            return False
        text = paragraph.text
        starts = (paragraph.starts[i] for i in paragraph.phrase_at(opening))
        return any(  # the characters just before the title, not the paragraph's whole head
            _QUOTED_OR_EMPHASISED.search(text[max(0, start - QUOTE_REACH) : start])
            for start in starts
        )
    names = [
        n
        for n in paragraph.positions.get(family, [])[:LOOKS]
        if not _another_year_follows(paragraph.words, n, ref.year)
    ]
    if not names:
        return False
    return any(abs(i - n) <= REACH for i in paragraph.phrase_at(opening) for n in names)


def _another_year_follows(words: Sequence[str], at: int, year: int | None) -> bool:
    """Whether a year other than the entry's follows the family name at `at` within
    `YEAR_REACH` words: "Silva (2015)", "Silva em seu estudo de 2015" name Silva's 2015
    work, not the entry of 2012 whose title opening ("educação ambiental", the
    article's subject) the paragraph holds too (dev: SciELO entries counted cited so).
    The first year after the name decides; an entry with no year is never told apart."""
    if year is None:
        return False
    for word in words[at + 1 : at + 1 + YEAR_REACH]:
        if _YEAR.fullmatch(word):
            return int(word[:4]) != year
    return False
