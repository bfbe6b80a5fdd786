"""Which list entry a reference manager's citation field names: the work's own data decides.

Why: a field's code describes the cited work -- its authors in order, year, title, DOI.
An entry that only mentions the first author (as a coauthor, in a title) or holds the
same author's other work of that year is not that work. Linking it anyway hid the
missing reference when an author deleted an entry by hand and kept citing the work:
on the real-article bench's DOCX rendering, 27 of the 386 works taken out of their
lists were linked to another entry of the same author ("Sousounis and Tsonis 2012" to
"Baddour, Sousounis, Tsonis 2012"; "Jang et al. 2010b" to "Jang et al. 2010a").

So an entry must *lead* with the work's first author, and an entry is ruled out by
whatever the field knows that the entry contradicts: another DOI, a title it does not
hold, a second author it does not name, or another letter after the year than the shown
text gives ("2008a" for the list's "2008b"). A work whose first author leads no entry,
or whose every such entry is ruled out, is a missing reference, even when the author
has other entries. Only what the data cannot settle -- the author's entry under
another year, nothing contradicting it -- is left to the shown text (a year slip or a
missing work, as the text's matcher reads it); a title the entry holds settles it too.

Every look-up is bounded: entries are indexed once by DOI, name word and year; whole-list
searches (titles, near spellings) are counted per document, and so are the entries a
document's works examine (`_EXAMINED`: a few hundred entries of one author, cited by
thousands of fields, cost seconds a field); a title is compared by its opening
`_TITLE_CHARS` characters (the comparison's cost grows with the square of its length).
Past a budget, the shown text decides.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from citeaudit.manuscript.document import RawEntry
from citeaudit.manuscript.docx_field_citation import FieldItem

__all__ = ["UNSURE", "EntryIndex", "fold", "holds_work", "same_name", "shown_suffixes"]

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]++", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]++")
# "2008b" in an entry's head: the letter an author-year style gives a second work
_SUFFIXED = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)([a-z])(?![^\W\d_])")
# "2014a", "2014a, b" in a field's shown text
_SHOWN_SUFFIXED = re.compile(
    r"(?<!\d)(1[5-9]\d\d|20\d\d)([a-z])((?:\s*+,\s*+[a-z](?![^\W\d_]))*+)(?![^\W\d_])"
)
# the list shortens the authors: a missing second author says nothing
_ET_AL = re.compile(r"\bet\.?\s*al\b|\band\s+others\b|\bet\s+coll?\b|\bu\.\s*a\.")
# where an entry's first author ends: a comma, semicolon, "&", "and", a bracket, the year
# ("e", "y" with a full stop are initials: "S. E. Mann", "Y. Li")
_FIRST_AUTHOR_END = re.compile(
    r"[,;&(:]|\b(?:and|e|y|und|et)\b(?!\.)|(?<!\d)(?:1[5-9]|20)\d\d(?!\d)"
)
# where a second person's name may start: "Quenby & Marsh", "Quenby; Marsh", "Quenby and
# Marsh" -- an entry's opening words end there, whatever initials the first lacks
_NEXT_PERSON = re.compile(r"[;&]|\b(?:and|e|y|und|et)\b(?!\.)")
_CONJUNCTIONS = frozenset(("and", "e", "y", "und", "et"))
# an entry's first name word: where the first person stands ("Y. Li": "li", not "y")
_FIRST_NAME_WORD = re.compile(r"[^\W\d_]{2,}+")

_ENTRY_HEAD = 400  # where an entry's names and year stand
_HEAD_WORDS = 12  # an entry's opening words, where its first author stands
_SEARCHES = 200  # whole-list searches (titles, near names) per document
_TITLE_REACH = 600  # where an entry's title stands
_MAX_CANDIDATES = 200  # entries one first author's name may open
_TITLE_WORDS = 12  # a title's words compared with an entry
_COAUTHORS = 3  # the first author and the next two: where two works of an author differ
_EXAMINED = 50_000  # entries a document's works examine in all (a thesis: a few thousand)
_TITLE_CHARS = 150  # of a title compared with an entry: its opening tells the work
UNSURE = -1  # several entries fit, or the author's entry has another year


def fold(text: str) -> str:
    """Lower case without accents: "Gómez" and "GOMEZ" are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def shown_suffixes(shown: str) -> dict[int, set[str]]:
    """The letters a field's shown text puts after each year ("2014a, b": 2014 -> a, b)."""
    found: dict[int, set[str]] = {}
    for match in _SHOWN_SUFFIXED.finditer(shown[:2_000]):
        letters = {match.group(2).lower(), *re.findall(r"[a-z]", match.group(3).lower())}
        found.setdefault(int(match.group(1)), set()).update(letters)
    return found


def same_name(word: str, name: str) -> bool:
    """One name word as a list may write it: exactly, with initials glued on ("xiaj"),
    or spelt a little otherwise ("kopacek" for "kopac")."""
    return (
        word == name
        or (len(name) >= 3 and word.startswith(name))
        or (len(name) >= 4 and fuzz.ratio(word, name) >= 85)
    )


def _names_before_et_al(head: str) -> int | None:
    """How many authors an entry names before its "et al.", None when it has none:
    the parts between commas and semicolons holding a word of three letters or more
    (a surname; "J." and Vancouver's "SW" are initials)."""
    cut = _ET_AL.search(head)
    if cut is None:
        return None
    parts = re.split(r"[,;&]|\band\b", head[: cut.start()])
    return sum(1 for part in parts if any(len(w) >= 3 for w in _WORD.findall(part)))


def _first_person(head: str) -> str:
    """The entry's head up to where a second person may start: "Quenby & Marsh (2015)"
    opens with Quenby alone. The words counted as the first author's were the entry's
    first few whatever stood between them, so an entry listing surnames without
    initials ("Weishampel & Horner") was led by its second author."""
    first = _FIRST_NAME_WORD.search(head)
    if first is None:
        return head
    cut = _NEXT_PERSON.search(head, first.end())
    return head if cut is None else head[: cut.start()]


def _same_doi(listed: str, doi: str) -> bool:
    """One DOI, the list's perhaps cut short or run into the next word."""
    return listed.startswith(doi) or doi.startswith(listed)


# an entry's label and the quotes or brackets before its first word: "[10] „", "3. \""
_OPENING = re.compile(r"\s*+(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])?+[\W_]{0,6}+")


def _opens_with(title: str, text: str) -> bool:
    """Whether `text` (folded) opens with the folded `title`, past a label and quotes.

    Why: a work with no author is listed under its title (IEEE's quoted title, APA's
    title in the author's place), so of the entries holding a short title the one it
    opens is the work; another holds it inside a longer title or in a web address."""
    start = _OPENING.match(text)
    at = start.end() if start else 0
    if not text.startswith(title, at):
        return False
    after = text[at + len(title) : at + len(title) + 20].lstrip()[:1]
    return not after.isalnum()


def _holds_whole(title: str, text: str) -> bool:
    """Whether `text` (folded) holds the folded `title` as a title of its own: not run
    on by a further word ("exampress" in "exampress statisztika, [online]" is the
    opening of a longer title; in "exampress, [online]" it is the whole one)."""
    start = text.find(title)
    while start >= 0:
        end = start + len(title)
        before = text[start - 1] if start else " "
        after = text[end : end + 20].lstrip()[:1]
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(title, start + 1)
    return False


def _title_share(text: str, item: FieldItem) -> bool | None:
    """True when the folded entry text holds most of the item's title words, False
    when it holds almost none, None when the title is too short to say (under three
    words)."""
    words = list(dict.fromkeys(w for w in _WORD.findall(fold(item.title)) if len(w) >= 4))
    words = words[:_TITLE_WORDS]
    if len(words) < 3:
        return None
    held = sum(w in text for w in words)
    if held * 3 < len(words):
        return False
    return True if held * 3 >= len(words) * 2 else None


def holds_work(entry: str, item: FieldItem) -> bool:
    """Whether an entry's text holds the work a field names, wherever in its head the
    names stand: the first author's name among its words and the work's year among its
    years, nothing contradicting it (another DOI, another title); a work without
    authors by most of its title.

    Why: the links want an entry *led* by the first author, so a book entry opening
    with its title ("Handbook of ...; Orlov P., Ed.; 2016") links to nothing. The number
    a numbered field shows then names the entry -- but only when that entry is the
    work: a shown number alone may name another work (a list renumbered after the
    work's entry was deleted), and taking it hid a missing reference and an uncited
    entry at once."""
    text = fold(entry[:2_000])
    dois = {found.group(0).rstrip(".,;)") for found in _DOI.finditer(text)}
    if item.doi and dois and not any(_same_doi(d, item.doi) for d in dois):
        return False
    title = _title_share(text, item)
    if title is False or (not item.authors and title is not True):
        return False
    if not item.authors:
        return True
    first = _WORD.findall(fold(item.authors[0]))
    if not first:
        return False
    name = max(first, key=len)
    if not any(same_name(word, name) for word in _WORD.findall(text[:_ENTRY_HEAD])):
        return False
    return item.year is None or item.year in {int(y) for y in _YEAR.findall(text)}


class EntryIndex:
    """The list's entries indexed by DOI, by name word and by year: each item is
    linked in a few look-ups, not one comparison per entry."""

    def __init__(self, entries: Sequence[RawEntry]) -> None:
        self.texts = [fold(e.text[:2_000]) for e in entries]
        self.doi: dict[str, list[int]] = {}
        self.entry_dois: list[set[str]] = []
        self.words: dict[str, set[int]] = {}
        self.heads: list[list[str]] = []  # each entry's opening words
        self.first_persons: list[list[str]] = []  # ... before a second person may start
        self.first_authors: list[list[str]] = []  # the words before its first separator
        self.years: list[set[int]] = []
        self.suffixes: list[dict[int, set[str]]] = []  # year -> the letters after it
        self.shortened: list[int | None] = []  # names listed before "et al.", if cut
        for i, text in enumerate(self.texts):
            dois = {found.group(0).rstrip(".,;)") for found in _DOI.finditer(text)}
            for doi in dois:
                self.doi.setdefault(doi, []).append(i)
            self.entry_dois.append(dois)
            head = text[:_ENTRY_HEAD]
            words = _WORD.findall(head)
            for word in words:
                self.words.setdefault(word, set()).add(i)
            self.heads.append(words[:_HEAD_WORDS])
            self.first_persons.append(_WORD.findall(_first_person(head))[:_HEAD_WORDS])
            first = _FIRST_AUTHOR_END.split(head[:200], maxsplit=1)[0]
            self.first_authors.append(_WORD.findall(first)[:_HEAD_WORDS])
            self.years.append({int(y) for y in _YEAR.findall(text)})
            letters: dict[int, set[str]] = {}
            for match in _SUFFIXED.finditer(head):
                letters.setdefault(int(match.group(1)), set()).add(match.group(2))
            self.suffixes.append(letters)
            self.shortened.append(_names_before_et_al(head))
        self.searches = 0
        self.examined = 0
        self.sorted_words = sorted(self.words)

    def _spend(self, entries: int) -> bool:
        """Whether examining `entries` more entries fits the document's `_EXAMINED`
        (then counted): past it, every work is left to its shown text."""
        if self.examined + entries > _EXAMINED:
            return False
        self.examined += entries
        return True

    def _near(self, name: str) -> set[int] | None:
        """Entries holding a word the name opens or nearly spells: the list glues the
        initials on ("XiaJ") or spells the name a little otherwise ("Kopacek" for
        "Kopac"). None when the document's searches are spent."""
        if self.searches >= _SEARCHES:
            return None
        self.searches += 1
        found: set[int] = set()
        if len(name) >= 3:
            at = bisect.bisect_left(self.sorted_words, name)
            for word in itertools.islice(self.sorted_words, at, at + _MAX_CANDIDATES):
                if not word.startswith(name):
                    break
                found |= self.words[word]
        for word, _score, _ in process.extract(
            name, self.sorted_words, scorer=fuzz.ratio, score_cutoff=85, limit=20
        ):
            found |= self.words[word]
        return found

    def _leads(self, i: int, first: list[str]) -> bool:
        """Whether entry i opens with the first author: the name's longest word among
        the entry's first words (a label's digits are no words) before any other
        person could stand ("Smith J, Lee K" is led by Smith, not Lee), or before the
        entry's first separator ("J. A. Smith, K. Lee": given names first). An "&" or
        "and" ends the first person ("Quenby & Marsh" is not led by Marsh), unless the
        name itself holds the word ("Food and Agriculture Organization"). An entry
        opening with a long name word for word is led by it, wherever its longest word
        stands ("Task force of the European Society of Cardiology and ...")."""
        if len(first) > 2 and self.heads[i][: min(len(first), _HEAD_WORDS)] == first[:_HEAD_WORDS]:
            return True
        name = max(first, key=len)
        heads = self.heads[i] if _CONJUNCTIONS.intersection(first) else self.first_persons[i]
        opening = [*heads[: len(first) + 1], *self.first_authors[i]]
        return any(same_name(word, name) for word in opening)

    def link(self, item: FieldItem, suffixes: Mapping[int, set[str]] | None = None) -> int | None:
        """The entry's index (0-based) the item names, None for a work the list lacks,
        or UNSURE when the shown text must decide; `suffixes` are the letters the
        field's shown text gives after each year."""
        if item.doi and len(self.doi.get(item.doi, ())) == 1:
            return self.doi[item.doi][0]
        if not item.authors:
            return self._by_title(item, range(len(self.texts)))
        first = _WORD.findall(fold(item.authors[0]))
        if not first:
            return None
        # the first author's every word ("van der Berg": berg; "World Bank": world, bank)
        sets = sorted((self.words.get(w, set()) for w in first[:6]), key=len)
        if len(sets[0]) > _MAX_CANDIDATES or not self._spend(len(sets[0])):
            return UNSURE  # a name in hundreds of entries: the shown text decides
        named = {i for i in sets[0] if all(i in other for other in sets[1:])}
        led = {i for i in named if self._leads(i, first)}
        if not led:
            near = self._near(max(first, key=len))
            if near is None or not self._spend(len(near)):
                return UNSURE  # no searches left: the shown text decides
            led = {i for i in near if self._leads(i, first)}
        fitting = {i for i in led if not self._rules_out(i, item, suffixes or {})}
        if not fitting:
            # the first author leads no entry, or each such entry is another work: the
            # work is missing unless its title finds an entry without its names
            return self._by_title(item, range(len(self.texts)), strict=True)
        candidates = fitting
        if item.year is not None:
            candidates = {i for i in fitting if item.year in self.years[i]}
        if len(candidates) == 1:
            return next(iter(candidates))
        if not candidates:
            # the author's entry under another year, nothing contradicting it: its
            # title says whether it is this work (a year slip), else the shown text
            found = self._holding_title(item, fitting)
            return UNSURE if found is None else found
        decided = self._by_title(item, sorted(candidates))
        if decided is None:
            decided = self._by_names(item, candidates)
        return UNSURE if decided is None else decided

    def named_pair(self, first: str, second: str, year: int, skipped: Sequence[str]) -> int | None:
        """The one entry led by `first`, naming `second`, of `year`, naming none of the
        `skipped` authors (name words, folded); None when no entry or several fit."""
        words = _WORD.findall(fold(first))
        if not words or not self._spend(len(self.words.get(max(words, key=len), ()))):
            return None
        fitting = [
            i
            for i in sorted(self.words.get(max(words, key=len), ()))[:_MAX_CANDIDATES]
            if year in self.years[i]
            and self._leads(i, words)
            and any(same_name(w, second) for w in self._words_of(i))
            and not any(same_name(w, name) for name in skipped for w in self._words_of(i))
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _rules_out(self, i: int, item: FieldItem, suffixes: Mapping[int, set[str]]) -> bool:
        """Whether entry i contradicts what the field knows of the work."""
        dois = self.entry_dois[i]
        if item.doi and dois and not any(_same_doi(d, item.doi) for d in dois):
            return True  # another DOI: another work
        share = self._title_share(i, item)
        if share is not None:
            return not share  # the title settles it; nothing weaker overrules it
        names = self.shortened[i]
        for k, author in enumerate(item.authors[1:_COAUTHORS], start=1):
            if names is not None and k >= names:
                break  # the list names fewer authors before "et al."
            words = _WORD.findall(fold(author))
            if words:
                name = max(words, key=len)
                if not any(same_name(word, name) for word in self._words_of(i)):
                    return True  # the work's second (third) author is not in the entry
        if item.year is not None and len(item.title) < 8:  # a title tells them apart better
            letters, shown = self.suffixes[i].get(item.year), suffixes.get(item.year)
            if letters and shown and not letters & shown:
                return True  # "2008a" shown, the entry is 2008b
        return False

    def _words_of(self, i: int) -> list[str]:
        return _WORD.findall(self.texts[i][:_ENTRY_HEAD])

    def _title_share(self, i: int, item: FieldItem) -> bool | None:
        """True when entry i holds most of the item's title words, False when it holds
        almost none, None when the title is too short to say (under three words)."""
        return _title_share(self.texts[i], item)

    def _holding_title(self, item: FieldItem, candidates: Iterable[int]) -> int | None:
        """The one candidate holding the item's title, or None."""
        holding = [i for i in candidates if self._title_share(i, item)]
        return holding[0] if len(holding) == 1 else None

    def _by_names(self, item: FieldItem, candidates: Iterable[int]) -> int | None:
        """Of several entries of one first author and year, the one holding most of the
        other authors' names -- when one alone does."""
        others = [w for name in item.authors[1:8] for w in _WORD.findall(fold(name))[:1]]
        if not others:
            return None
        scored = sorted(
            ((sum(i in self.words.get(w, ()) for w in others), i) for i in candidates),
            reverse=True,
        )
        if len(scored) > 1 and scored[0][0] > scored[1][0]:
            return scored[0][1]
        return None

    def _by_title(
        self, item: FieldItem, candidates: Iterable[int], strict: bool = False
    ) -> int | None:
        """The entry whose text holds the item's title best, when one stands out.

        A search of the whole list costs one comparison per entry: a document gets
        `_SEARCHES` of them (near names too), after which an unfound work is left unsure."""
        title = fold(item.title)
        if len(title) < (25 if strict else 8):
            return None
        title = title[:_TITLE_CHARS]
        candidates = list(candidates)
        if not self._spend(len(candidates)):
            return UNSURE
        if strict:
            if self.searches >= _SEARCHES:
                return UNSURE
            self.searches += 1
        scored = sorted(
            ((fuzz.partial_ratio(title, self.texts[i][:_TITLE_REACH]), i) for i in candidates),
            reverse=True,
        )
        cutoff = 92 if strict else 80
        if not scored or scored[0][0] < cutoff:
            return None
        best = scored[0][1]
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 3:
            # a short title inside a longer one or a web address scores alike
            # ("Exampress" in "Exampress statisztika", "https://exampress.org"): the
            # one entry it opens, else the one holding it whole, is the work
            tied = [i for score, i in scored if score >= scored[0][0] - 3]
            texts = [self.texts[i][:_TITLE_REACH] for i in tied]
            leading = [i for i, text in zip(tied, texts, strict=True) if _opens_with(title, text)]
            whole = [i for i, text in zip(tied, texts, strict=True) if _holds_whole(title, text)]
            found = leading if len(leading) == 1 else whole
            if len(found) != 1:
                return None
            best = found[0]
        if strict and item.year is not None and item.year not in self.years[best]:
            return None
        return best
