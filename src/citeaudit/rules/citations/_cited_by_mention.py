"""Entries whose first author and year the text names together.

Why: "never cited" is a claim about the text, and an editor who finds the work named
in it ("as Okafor argued in her 2017 survey", "Okafor, 2017, p. 4 in table 2", a
citation form no reader knows) stops trusting the report. When the body names an
entry's first author within a few words before the entry's year, the work is cited in
some form; whether the form is right is another question, and calling the entry
uncited would be a false alarm. Real published articles showed it: most uncited-
reference findings left on them were entries cited in forms the readers did not
know.

What counts: the first author's family name (its last word, so "van der Berg" is
found as "Berg"; folded as the matcher folds names) among the last `WINDOW` words
before a year written as the entry writes it ("2017", "2017a"). Only a key that one
entry holds (first-author name and year) counts: two entries "Okafor 2017" and one
mention in the text leave both to the matcher. Names shorter than three letters
never count ("Li", "Wu" are words of other languages too). Lines that are the list's own
entries (where a reader keeps them in the text) are no mention: the window starts
afresh after each. Nor are citations already read and matched to an entry: "Lee" in
"(Park and Lee 2010)" is a co-author of Park's work, not a mention of "Lee 2010"; nor
the names of a species' authority ("Chesneya nubigena (D.Don) Ali ... 1959": the
describer), told by a binomial of a Latin shape and a run of names from it to the year
(`_taxon_authority`: any capitalised word and lower-case one once counted, and "as
Okafor argued in her 2017 survey" lost Okafor); nor is any entry of a numbered list
spared, whose works are cited by number (its authors named with a year in the text
are data sources: "the IBGE's census of 2010"). The window reads the text a reader
sees, inside one block of it (`_mention_blocks`): it starts afresh at a paragraph
break, a heading, a table row, a list item ("... from Okafor." / "2017 was a wet
year" names no work), and a Markdown link's label, address or title is no text.

An undated entry (a database, a web site, an organisation's page: "Quillmark Seed
Archive Online Catalogue. http://... [accessed 3 May 2013]") cannot be cited by name
and year; the text names it ("images from the Quillmark Seed Archive"), and an editor
finds it so. Such an entry is cited when the text writes its opening words as the
entry does, capitals and all: at least two of them capitalised ("Landesamt für
Gewässerkunde"), so a phrase of running prose ("the seed archive") or a lone word
never counts. Opening words that two entries share (dated or not) cite neither: the
mention is ambiguous.

Linear: a line's matched citations are blanked once each (their spans de-duplicated:
the works of one marker share its span), then the line is read once by one regular
expression with no nested quantifier; each year found keeps the words before it in a
set of at most `WINDOW` keys (of the last `_HISTORY` tokens, read for a species' name);
each entry then costs one look-up. A line with no year (most lines) is split into
words by one call, its last `_HISTORY` kept. Undated entries'
openings are looked up only at words that begin one, at most `_LEAD_WORDS` lengths each.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.document import Document
from citeaudit.matching.names import normalise_name
from citeaudit.model.reference import Reference
from citeaudit.model.surnames import PARTICLES
from citeaudit.rules.citations._cited import matched_citations
from citeaudit.rules.citations._mention_blocks import Blocks, shown_markdown
from citeaudit.rules.citations._taxon_authority import taxon_tokens

WINDOW = 6
_HISTORY = 16  # tokens kept: the window's words, years, and a species' name before them
_PARTS = 12
# a numbered list's entry ("12. ", "[12] ", "12 "): its works are cited by number, and
# its authors named with a year in the text are data sources ("IBGE's 2010 census").
NUMBERED_ENTRY = re.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?\s)")
# a place in the input: a PDF numbers its lines again on each page
_Place = tuple[str, int | None, int | None]
_POSSESSIVE = re.compile(r"['’]s$")
# an entry's opening words end at a sentence's or a field's stop, a date, a bracket or a
# web address (cut before, by `_ADDRESS`); bounded by the slice read
_LEAD = re.compile(r"[^.:;,(\[\d]*")
_ADDRESS = re.compile(r"https?:|www\.", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_LEAD_WORDS = 6
_LEAD_CHARS = 300
_TOKEN = re.compile(r"(?P<year>\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b)|(?P<word>\(?[^\W\d_][\w'’\-]*+\.?)")
# a line's words for the window, a stop after one kept ("Aus bus. Okafor": the
# sentence ended; "A. bus": a genus's initial) and a parenthesis before one ("Britton
# ex Standley (Standley 1918)": the authority ended, a citation follows)
_WINDOW_WORD = re.compile(r"\(?[^\W\d_][\w'’\-]*+\.?")
# what every year `_TOKEN` finds contains: a line without it holds words alone, read
# by `_WINDOW_WORD` in one call (the same words: it is `_TOKEN`'s word branch)
_YEAR_DIGITS = re.compile(r"1[5-9]\d\d|20\d\d")


def _family_key(ref: Reference) -> str | None:
    """The family name, folded: one word ("berg" of "van der Berg"), or an
    organisation's whole name ("plano diretor de pirenopolis": its last word alone is
    often a place, "in Pirenopolis in 2002")."""
    family = ref.first_author_family
    if not family or ref.year is None:
        return None
    words = normalise_name(family).split()
    if not words or len(words[-1]) < 3:
        return None
    person = len(words) == 1 or all(w in PARTICLES for w in words[:-1])
    return words[-1] if person else " ".join(words)


def _mentions(
    documents: Iterable[Document],
    listed: set[_Place],
    read: dict[_Place, list[tuple[int, int]]],
) -> set[tuple[str, str]]:
    """(folded word, year label) for every word within WINDOW words before a year, in
    the text a reader sees, inside one block of it (`_mention_blocks`)."""
    found: set[tuple[str, str]] = set()
    names: dict[str, str] = {}  # word -> normalise_name(word): a text repeats its words
    for doc in documents:
        # the last tokens read: words (a stop after one kept) and years; longer than
        # the window, so a species' name before the window's words is still seen
        recent: list[str] = []
        blocks = Blocks(doc.format)
        markdown = doc.format == "markdown"
        previous: _Place | None = None
        for line in doc.lines:
            where = (line.file, line.page, line.number)
            if previous is not None and (
                where[0] != previous[0] or (doc.format == "docx" and where != previous)
            ):
                recent.clear()  # another file, or a Word paragraph's end (its soft breaks
                # are lines of one number)
            previous = where
            if where in listed:
                recent.clear()
                continue
            text = line.text
            if where in read:
                text = _blanked(text, read[where])
            if markdown:
                text = shown_markdown(text)
            starts, ends = blocks.bounds(text)
            if starts:
                recent.clear()
            _read(text, recent, found, names)
            if ends:
                recent.clear()
    return found


def _read(text: str, recent: list[str], found: set[tuple[str, str]], names: dict[str, str]) -> None:
    """Read one line into `recent`, adding to `found` the words before each year."""
    if _YEAR_DIGITS.search(text) is None:
        # no year on the line (most lines): only its last `_HISTORY` words matter --
        # kept as they are found (a list of every word of a 20 MB line held each word)
        last = deque(_WINDOW_WORD.finditer(text), maxlen=_HISTORY)
        recent.extend(_token(m.group()) for m in last)
        del recent[:-_HISTORY]
        return
    for m in _TOKEN.finditer(text):
        year = m.group("year")
        if year is None:
            recent.append(_token(m.group("word")))
        else:
            _named_before(recent, year, found, names)
            recent.append(year)
        if len(recent) > _HISTORY:
            del recent[0]


def _token(word: str) -> str:
    """A word as the window keeps it: no possessive, a stop after it and a parenthesis
    before it kept ("bus.", "(Smith")."""
    if word.endswith("."):
        return _POSSESSIVE.sub("", word[:-1]) + "."
    return _POSSESSIVE.sub("", word)


def _named_before(
    recent: list[str], year: str, found: set[tuple[str, str]], names: dict[str, str]
) -> None:
    """Add (word, year) for the last WINDOW words of `recent`, but a species' name
    and its authority ("Aus bus Smith, 1949": `_taxon_authority`)."""
    words = [k for k, token in enumerate(recent) if not token[:1].isdigit()][-WINDOW:]
    if not words:
        return
    taxa = taxon_tokens(recent)
    kept = [recent[k].lstrip("(").rstrip(".") for k in words if k not in taxa]
    # the last words only: a hyphenated run of a thousand "words" stays bounded
    parts = [p for word in kept for p in _normalised(word, names).split()]
    parts = parts[-_PARTS:]
    for i, part in enumerate(parts):
        found.add((part, year))
        for n in range(2, len(parts) - i + 1):  # a name of several words
            found.add((" ".join(parts[i : i + n]), year))


def _normalised(word: str, names: dict[str, str]) -> str:
    """`normalise_name(word)`, remembered in `names` for the rest of the text."""
    folded = names.get(word)
    if folded is None:
        folded = names[word] = normalise_name(word)
    return folded


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the citations read and matched blanked out: a name there is one
    co-author of another work ("(Park and Lee 2010)" does not name "Lee 2010")."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _matched_spans(data: AuditData) -> dict[_Place, list[tuple[int, int]]]:
    matched = matched_citations(data.matches)
    spans: dict[_Place, set[tuple[int, int]]] = {}
    for cit in data.citations:
        where = cit.location
        if cit.id in matched and where.line is not None and where.column is not None:
            start = where.column - 1
            place = (where.file, where.page, where.line)
            spans.setdefault(place, set()).add((start, start + len(cit.text)))
    return {k: sorted(v) for k, v in spans.items()}


def _openings(ref: Reference) -> list[tuple[str, ...]]:
    """The entry's opening words, two to `_LEAD_WORDS` of them, each run holding at
    least two capitalised words: the ways the text can name it."""
    head = ref.raw[:_LEAD_CHARS]
    address = _ADDRESS.search(head)
    lead = _LEAD.match(head[: address.start()] if address else head)
    words = _WORD.findall(lead.group() if lead else "")[:_LEAD_WORDS]
    runs: list[tuple[str, ...]] = []
    for n in range(2, len(words) + 1):
        if sum(1 for w in words[:n] if w[0].isupper()) >= 2 and words[0][0].isupper():
            runs.append(tuple(words[:n]))
    return runs


def _cited_by_opening(data: AuditData, candidates: Iterable[Reference]) -> set[str]:
    """Ids of undated `candidates` whose opening words, shared with no other entry, the
    text writes as the entry does."""
    wanted = [r for r in candidates if r.year is None and not NUMBERED_ENTRY.match(r.raw)]
    if not wanted:
        return set()
    holders = Counter(run for ref in data.references for run in set(_openings(ref)))
    runs: dict[tuple[str, ...], str] = {}
    for ref in wanted:
        for run in _openings(ref):
            if holders[run] == 1:
                runs[run] = ref.id
    if not runs:
        return set()
    listed = {(r.location.file, r.location.page, r.location.line) for r in data.references}
    firsts = {run[0] for run in runs}
    found: set[str] = set()
    for doc in data.manuscripts:
        for line in doc.lines:
            if (line.file, line.page, line.number) in listed:
                continue
            # the line's words through a window of `_LEAD_WORDS` (a list of every word
            # of a 20 MB line held each word): each run is looked up from its first word
            window: deque[str] = deque(maxlen=_LEAD_WORDS)
            for m in _WORD.finditer(line.text):
                if len(window) == _LEAD_WORDS:
                    _opening_at(window, firsts, runs, found)
                window.append(m.group())
            while window:
                _opening_at(window, firsts, runs, found)
                window.popleft()
    return found


def _opening_at(
    window: deque[str],
    firsts: set[str],
    runs: dict[tuple[str, ...], str],
    found: set[str],
) -> None:
    """Add the entry whose opening run starts at the window's first word, if any."""
    if window[0] not in firsts:
        return  # no opening starts with this word (most words)
    words = tuple(window)
    for n in range(2, len(words) + 1):
        rid = runs.get(words[:n])
        if rid is not None:
            found.add(rid)


def cited_by_mention(data: AuditData, candidates: Iterable[Reference]) -> set[str]:
    """Ids of `candidates` whose unique first-author-and-year key the text names, and
    undated ones whose unique opening words it writes."""
    candidates = list(candidates)
    by_opening = _cited_by_opening(data, candidates) if data.manuscripts else set()
    keyed = {
        ref.id: (key, ref.year_label)
        for ref in data.references
        if (key := _family_key(ref)) is not None
    }
    wanted = {
        ref.id: keyed[ref.id]
        for ref in candidates
        if ref.id in keyed and not NUMBERED_ENTRY.match(ref.raw)
    }
    if not wanted or not data.manuscripts:
        return by_opening
    holders = Counter(keyed.values())
    listed = {(r.location.file, r.location.page, r.location.line) for r in data.references}
    mentioned = _mentions(data.manuscripts, listed, _matched_spans(data))
    named = {rid for rid, key in wanted.items() if holders[key] == 1 and key in mentioned}
    return named | by_opening
