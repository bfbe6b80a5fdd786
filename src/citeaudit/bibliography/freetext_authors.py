"""Where the author list ends when no year follows it (IEEE, MLA, Chicago notes,
ABNT): a quoted title, an organisation before a comma, IEEE initials-first names, or
a walk over "Name, Name and Name," forms. The names themselves are split by
`freetext_names.parse_authors`.
"""

from __future__ import annotations

import re

from citeaudit.bibliography.freetext_names import _ORG_WORDS, _is_given, is_organisation
from citeaudit.bibliography.freetext_names import PARTICLES as _NAME_PARTICLES
from citeaudit.bibliography.freetext_patterns import _UP, _YEAR
from citeaudit.bibliography.freetext_sentences import _boundaries

# --------------------------------------------------------------------------------------
# authors when no year follows them


def _split_authors(s: str) -> tuple[int, int, bool]:
    """Where the author list ends and the rest starts; True when the title is quoted."""
    # a quotation mark opens a word: one after a letter is an apostrophe or a
    # transliteration's ʿayn ("Al-Ma‘tūq, A. M., “Al-Alfāẓ …”"), not a quoted title
    q = re.search(r"(?<![^\W\d_])[“\"«‘]", s)
    first_boundary = _boundaries(s)
    if (
        q is not None
        and (not first_boundary or q.start() <= first_boundary[0] + 2)
        # names and perhaps a date before it: a quote after a title, its place, year
        # and pages ("ARENDT, Hannah, Between past and future, New York, 2006, 298p.,
        # coll. « … »", two numbers) quotes a series, not the title
        and len(re.findall(r"\d{3,}", s[: q.start()])) < 2
    ):
        return q.start(), q.start(), True
    # "World Health Organization, Global action plan ..." (IEEE with an organisation)
    org = re.match(r"^([^,.:]+),\s+", s)
    if (
        org
        and is_organisation(org.group(1))
        and not re.match(rf"[{_UP}]\.|(?:and|&)\s", s[org.end() :])
        # the given names end at ";" too: "SOUZA, Mariana; PEREIRA, João." (ABNT) is a
        # person, not the acronym "SOUZA" before a title
        and not _is_given(re.split(r"[,.;]", s[org.end() :])[0])
    ):
        return org.end() - 1, org.end(), False
    # "Harbour Survey Working Group: Guidelines for …" (F1000 closes the authors with a
    # colon): an organisation of several words before the first colon
    body = BODY_BEFORE_COLON.match(s)
    if body and is_organisation(body.group(1), author_part=True):
        return body.end(1), body.end(), False
    # IEEE-like: "S. E. Han, G. Chen, and X. Y. Li, Title ..."
    ieee = _ieee_names_end(s)
    if ieee is not None:
        return ieee, ieee, False
    walked = _names_prefix(s)
    if walked is not None:
        limit = first_boundary[0] if first_boundary else len(s)
        between = s[walked[1] : limit]
        if walked[0] < limit - 1 and (
            _title_like(between) or _GENERATION_AFTER.search(s, max(0, walked[0] - 8), walked[0])
        ):
            # "Ortiz Brandt, Mercedes D. Guía …": two family names walked as one
            # "Given Family", the given names then taken for the title's first words
            weak_end = _inverted_single_name_end(s[:limit])
            if weak_end is not None and weak_end > walked[1]:
                return weak_end, weak_end, False
            return walked[0], walked[1], False
        if walked[0] < limit - 1 and _initials_then_comma_piece(s, walked):
            return walked[0], walked[1], False
    if not first_boundary:
        return 0, 0, False
    cut = first_boundary[0]
    head = s[:cut]
    if _title_first(head, s[cut:]):
        return 0, 0, False
    weak_end = _inverted_single_name_end(head)
    if weak_end is not None:
        return weak_end, weak_end, False
    # the same after the last ";" of an ABNT list: "BASSET, Gilbert; KOENKER, R. Regression
    # quantiles." -- the last person's initials, then the title's first words
    last = head.rfind(";")
    if last > 0:
        tail = head[last + 1 :]
        offset = last + 1 + len(tail) - len(tail.lstrip())
        weak_end = _inverted_single_name_end(tail.lstrip())
        if weak_end is not None:
            return offset + weak_end, offset + weak_end, False
    # "SILVA, J. Rios. São Paulo: Alfa, 2018.": what follows the first full stop is only
    # the imprint, so the one word after the initials is the title, not a given name
    # The same after the last ";" of an ABNT list ("SANTOS FILHO, C.; MARTINS, P.
    # Memórias. Recife: UFPE, 2001.")
    if _IMPRINT.fullmatch(_SINE_MARK.sub("Sine", s[cut:].strip(" ."))):
        start = last + 1 if last > 0 else 0
        tail = head[start:]
        offset = start + len(tail) - len(tail.lstrip())
        short = _INVERTED_THEN_ONE_WORD.match(tail.strip().rstrip(" ."))
        if short:
            return offset + short.end(), offset + short.end(), False
    # "Pfeffer, C.; Olsen, B. R. Editorial. J Neg Res, v. 1, 2002.": every earlier
    # person of the list has initials alone, so the one word after the last one's
    # initials is a one-word title ("Editorial", "Apresentação"), not a given name
    if last > 0 and _INITIALS_ONLY_PEOPLE.fullmatch(head, 0, last):
        tail = head[last + 1 :]
        offset = last + 1 + len(tail) - len(tail.lstrip())
        short = _INVERTED_THEN_ONE_WORD.match(tail.strip().rstrip(" ."))
        if short:
            return offset + short.end(), offset + short.end(), False
    return cut, cut, False


# ABNT people written with initials alone: "PFEFFER, C.; OLSEN, B. R." (bounded pieces)
_INITIALS_ONLY_PEOPLE = re.compile(
    rf"[^,.;]{{1,60}},\s?(?:[{_UP}]\.\s?(?:-\s?[{_UP}]\.\s?)?){{1,4}}"
    rf"(?:;\s?[^,.;]{{1,60}},\s?(?:[{_UP}]\.\s?(?:-\s?[{_UP}]\.\s?)?){{1,4}}){{0,30}}"
)


def _initials_then_comma_piece(s: str, walked: tuple[int, int]) -> bool:
    """Whether the walked names end on an initial and a comma, the rest opening on a
    piece that is no such name: "Quiroga, H., Arrabales, Editorial Sur, 1958." A list
    written with initials goes on with initials, so "Arrabales, Editorial Sur" is the
    title and the imprint, not a second person (read so, the entry had no title)."""
    end, start = walked
    last = s.rfind(",", 0, end)
    # the last name's given names are initials alone ("Benet, L.", not "Roe, Mia L."
    # nor "Carrasco A."), a comma after them, a word after that
    if (
        last < 0
        or not _INITIALS_ONLY.fullmatch(s, last + 1, end)
        or not s.startswith(",", end)
        or not re.match(rf"[{_UP}]", s[start:])
    ):
        return False
    piece = s[start:].split(",", 1)
    # the piece after is itself "Family, I." (a name the walk could not take): not so
    return not (len(piece) == 2 and _INITIAL_HEAD.match(piece[1]))


_INITIALS_ONLY = re.compile(rf"(?:\s?[{_UP}]\.(?:\s?-\s?[{_UP}]\.)?)+")
_INITIAL_HEAD = re.compile(rf"\s*[{_UP}]\.")


# what follows a book's title and never a person's name: an edition ("3rd ed.", "2. Aufl.",
# "Revised edition") or a translator, editor or illustrator ("Translated by", "Trad. de")
_EDITION_OR_ROLE_HEAD = re.compile(
    r"[\s.]*(?:\d{1,2}(?:st|nd|rd|th|e|ª|a|\.)?\s?(?i:ed\b|edn\b|edition\b|éd|aufl|edi[cç])"
    r"|(?i:first|second|third|fourth|fifth|revised|new|rev\.)\s(?i:ed\b|edition\b)"
    r"|(?i:translated|edited|introduced|illustrated|compiled)\sby\b"
    r"|(?:Trans|Ed)\.\sby\b|Übers(?:etzt)?\.?\svon\b|Trad(?:\.|ucci[oó]n|u[cç][aã]o)\sde\b)"
)


def _title_first(head: str, rest: str) -> bool:
    """Whether the first sentence `head` is the title of an entry with no author: an
    edition, a translator or only the imprint follows it ("Field Guide to Coastal Lichens.
    3rd ed. Halifax: Tern Press, 2011.", "Saga. Translated by …", "Ulysses. Paris: Alfa,
    1922."). Read as an author, the entry had no title and a book for a person. A head
    with a comma or an initial is a name ("Smith, J."), one with an organisation's word a
    body that stays whole before its title ("Harbour Survey Institute. 2nd ed." is rare,
    its title after it is the rule)."""
    words = head.split()
    if (
        not words
        or re.search(r"[,;&]", head)
        or "." in head.rstrip(" .")  # "Anonymous. ed. Title": a sentence inside
        or _ORG_WORDS.search(head)
        or any(re.fullmatch(rf"[{_UP}]\.?", w) for w in words)
    ):
        return False
    if _EDITION_OR_ROLE_HEAD.match(rest):
        return True
    # only the imprint after it, its place and publisher: "Paris: Alfa, 1922" ("Jason
    # Roe. Newsgroups dataset, 2008." is a person and a title with its year)
    imprint = _SINE_MARK.sub("Sine", rest.strip(" ."))
    return ":" in imprint and bool(_IMPRINT.fullmatch(imprint))


_INVERTED_THEN_ONE_WORD = re.compile(
    rf"^[^,.;]+,\s*(?:[{_UP}][\w'’\-]+\s+)?(?:[{_UP}]\.\s?)+(?=[{_UP}][\w'’\-]+$)"
)


# a name of two to eight words, no sentence end or list inside, then a colon and the
# title's first word; bounded, and the words cannot overlap (linear on any input)
BODY_BEFORE_COLON = re.compile(
    rf"^([{_UP}][^\s,.:;]*+(?: [^\s,.:;]++){{1,7}})\s?:\s+(?=[{_UP}\d“\"'‘])"
)


# "Keohane, Robert O. Power and …": a family, given names, initials, then the title's
# first word and another word. That first word may be one capital letter when a word
# in lower case follows it ("SILVA, J. A cidade …", "SANTOS FILHO, C. O título …",
# "Smith, J. A study of …": an article, which no initial is without its full stop), or
# the article "A"/"O" before two words ("Smith, J. A Rational Theory …")
_INVERTED_THEN_TITLE = re.compile(
    rf"^([^,.]+,\s*(?:[{_UP}][\w'’\-]+\s+)*(?:[{_UP}]\.\s?)+)"
    rf"(?=[{_UP}][\w'’\-]+\s+[\w'’\-]|[{_UP}]\s+[^\W\d_A-ZÀ-Þ]|[AO]\s+[{_UP}][\w'’\-]+\s+\w)"
)


def _inverted_single_name_end(head: str) -> int | None:
    """Where an inverted single name ending in an initial ends: "Keohane, Robert O. Power
    and …" (`head` is the text up to the first sentence boundary)."""
    weak = _INVERTED_THEN_TITLE.match(head)
    if weak and not re.match(rf"^[{_UP}]\.", head) and "," not in head[weak.end() :].split(".")[0]:
        return weak.end()
    return None


# ABNT's marks of an unknown place or publisher ("[S.l.: s.n.]", "[s.l.]: [s.n.]",
# "S.l.: s.n.", "[s.e.]"): each stands for a word of the imprint, so it is read as one
# ("Sine: Sine, 1987") and the one word before it stays the title (a given name never
# stands before an imprint)
_SINE_MARK = re.compile(r"\[?(?<![^\W\d_])[sS]\.\s?[lLnNeE]\.(?:\s?\])?")


# "São Paulo: Alfa, 2018" / "Alfa, 2018" / "Paris : Seuil, s.d.": place, publisher, year
_IMPRINT = re.compile(
    rf"(?:[^.:;]{{2,40}}\s?:\s*)?[^.:;,]{{2,60}}(?:,\s*[^.:;,]{{2,40}})?[,;]\s*"
    rf"(?:{_YEAR}[a-z]?|[sn]\.\s?d\.?)(?:\.\s*\d+\s*p)?"  # ABNT's extent: "240 p."
)


def _title_like(chunk: str) -> bool:
    words = [w.strip(",.;:()") for w in chunk.split()]
    lower = [
        w for w in words if w[:1].islower() and len(w) >= 3 and w.lower() not in _NAME_PARTICLES
    ]
    return (len(words) >= 3 and bool(lower)) or bool(re.search(r"[:?]", chunk))


_PART = r"(?:(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|ten|ter)\s+)*"


# possessive (++): a word's hyphens stay in it, so "Aa-Aa-Aa-…" has one reading, not one
# per hyphen (quadratic backtracking, issue 11)
_FAM = rf"{_PART}[{_UP}][\w'’\-]++(?: [{_UP}][\w'’\-]++)?"


# a family written before its given names may hold a particle or a joining word inside
# it: "Martínez de la Torre, J. L.", "Silva de Oliveira, M.", "Ortega y Gasset, R."
# (Spanish and Portuguese double surnames). Only in the inverted forms: given names
# first, "Martínez de la Torre," has no such reading to tell apart. Each particle is a
# word of its own in lower case and the family word after it opens with a capital, so
# the pieces cannot overlap (linear).
_INNER = r"(?:(?:de|del|della|di|da|das|do|dos|du|la|las|los|van|von|der|den|y|e|i)\s)*+"
_FAM_INV = rf"{_PART}[{_UP}][\w'’\-]++(?: {_INNER}[{_UP}][\w'’\-]++){{0,2}}"


# "W.E.", "J.-P.", and hyphenated initials without stops ("J-S", "L-J.")
_INITS = rf"(?:[{_UP}]\.\s?(?:-\s?[{_UP}]\.\s?)*|[{_UP}]-[{_UP}]\b\.?\s?)+"


_NAME_FORMS = [
    re.compile(rf"{_FAM_INV},\s*{_INITS}"),  # "Sanford, W.E."
    # "Murugan R.," (Vancouver with full stops, then a comma: the list goes on or ends)
    re.compile(rf"{_FAM_INV}\s(?:[{_UP}]\.(?:-?[{_UP}]\.){{0,3}})(?=,)"),
    re.compile(rf"{_INITS}\s*{_FAM}"),  # "A. Connell"
    re.compile(
        rf"[{_UP}][a-zà-ÿ]+(?:\s+[{_UP}]\.|\s+[{_UP}][a-zà-ÿ]+)?\s+{_FAM}(?=,)"
    ),  # "Carl Pletsch,"
    # "Arnold E. Pratt and …": before "and" only with a middle initial ("The Government
    # and Politics" is a title's start)
    re.compile(rf"[{_UP}][a-zà-ÿ]+\s+[{_UP}]\.\s+{_FAM}(?=\s+(?:and|&)\s)"),
]


# the last name of a list after "and", given names first, closed by a full stop:
# "Hollis, Jennifer, Arnold E. Pratt and Miriam L. Walton. Border Lines …"
_LAST_AFTER_AND = re.compile(
    rf"[{_UP}][a-zà-ÿ]+(?:\s+[{_UP}]\.|\s+[{_UP}][a-zà-ÿ]+)?\s+{_FAM}(?=\.\s)"
)


# "WERNER, Ernst,"
_FIRST_ONLY = re.compile(rf"{_FAM_INV},\s*[{_UP}][a-zà-ÿ]+(?:\s+[{_UP}]\.)?(?=,)")


_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|;\s*)")


# a generation after the name, behind its own comma: "Smith, John, Jr." (Chicago, APA)
_GENERATION_AFTER = re.compile(r",\s*(?:Jr|Sr|II|III|IV)\.?(?=[\s,;]|$)")
# (and the names so closed end there, whatever the title's length: "Smith, John, Jr.
# Nest predation.")


_ET_AL = re.compile(r",?\s*et\s+al\.?,?")


def _names_prefix(s: str) -> tuple[int, int] | None:
    """Walk "Name, Name and Name," from the start; (end of names, start of the rest)
    when at least one name is followed by something that is not a name."""
    pos = 0
    count = 0
    end = 0
    after_and = False
    while True:
        m = None
        for form in _NAME_FORMS if count else [_FIRST_ONLY, *_NAME_FORMS]:
            m = form.match(s, pos)
            if m:
                break
        if m is None and after_and:
            m = _LAST_AFTER_AND.match(s, pos)
        if m is None:
            break
        count += 1
        end = m.end()
        generation = _GENERATION_AFTER.match(s, end)
        if generation:
            end = generation.end()  # "Smith, John, Jr., and Mary Jones"
        e = _ET_AL.match(s, end)
        if e:
            end = e.end()
            break
        sep = _NAME_SEP.match(s, end)
        if not sep or sep.end() == end:
            break
        pos = sep.end()
        after_and = bool(re.search(r"\b(?:and)\s+$|&\s*$", sep.group(0)))
    if count == 0:
        return None
    if re.match(r",?\s*(?:and|&)\s", s[end:]):
        return None
    rest = re.match(r"[\s,.;:]*", s[end:])
    start = end + (rest.end() if rest else 0)
    if start >= len(s) or not re.match(r"[\w“\"'‘«¿¡(]", s[start]):
        return None
    return end, start


_IEEE_NAME = re.compile(
    rf"(?:\s*(?:and|&)\s+)?[{_UP}]\.(?:\s?-?[{_UP}a-z]\.)*\s*"
    rf"(?:(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|St\.)\s+)*"
    rf"[{_UP}][\w'’\-]+(?:\s+[{_UP}][\w'’\-]+)?(?:,?\s+et al\.?)?"
)


def _ieee_names_end(s: str) -> int | None:
    if not re.match(rf"^[{_UP}]\.", s):
        return None
    pos = 0
    last_end = None
    while True:
        m = _IEEE_NAME.match(s, pos)
        if not m:
            break
        last_end = m.end()
        rest = s[m.end() :]
        sep = re.match(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", rest)
        if not sep:
            break
        nxt = s[m.end() + sep.end() :]
        if not re.match(rf"(?:and\s+)?[{_UP}]\.", nxt):
            return m.end() + sep.end() if sep.group(0).strip() == "," else m.end()
        pos = m.end() + sep.end()
    return last_end
