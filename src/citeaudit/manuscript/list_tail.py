"""Where a reference list stops without a heading, and which of its lines carry on an entry.

Why: publishers' proofs and authors' Word files put unheaded back matter right after
the last entry -- MDPI's "Disclaimer/Publisher's Note: The statements ...", "© 2024 by
the authors", "Received: ...", "Conflicts of Interest: ...", figure and table captions.
Read as entries, each became a false "uncited" ("Disclaimer et al."). And hand-edited
Word lists split one entry over paragraphs ("Blume, J. D., ... (2018)." then "Second-
generation p-values: ... PLOS ONE, 13(3)..."): in a list whose entries carry a date,
a paragraph with no date at all, that does not open as a person's name does, is the
rest of the entry before it, not a work of its own.
"""

from __future__ import annotations

import itertools
import re

from citeaudit.model.publication_status import NO_DATE, STATUS

__all__ = [
    "dated",
    "ends_list",
    "is_dated_list",
    "note_label",
    "notes_or_prose_start",
    "opens_abstract",
    "opens_with_capitals_surname",
    "opens_with_person",
    "reads_as_running_text",
    "wrapped_into",
]

# Run-in labels of back matter, as the line's first words followed by a colon (or a
# full stop: "Acknowledgments. We thank ..."), in the languages journals print them.
_LABELS = (
    r"disclaimer(?:\s*/\s*publisher['’]?s\s+note)?|publisher['’]?s\s+note|note\s+from\s+the\s+publisher"
    r"|copyright(?:\s+notice)?|licen[cs]e(?:e)?|open\s+access|citation|cite\s+this\s+article"
    r"|academic\s+editors?|received|revised|accepted|published(?:\s+online)?|handling\s+editor"
    r"|conflicts?\s+of\s+interests?|competing\s+interests?|declaration\s+of\s+(?:competing\s+)?interests?"
    r"|author\s+contributions?|authors['’]?\s+contributions?|credit\s+authorship\s+contribution\s+statement"
    r"|funding|financial\s+support|data\s+availability(?:\s+statement)?|code\s+availability"
    r"|institutional\s+review\s+board\s+statement|informed\s+consent\s+statement|ethics\s+statement"
    r"|acknowledge?ments?|supplementary\s+materials?|supporting\s+information|abbreviations"
    r"|nota\s+del\s+editor|conflictos?\s+de\s+inter[eé]s(?:es)?|financiaci[óo]n|agradecimientos"
    r"|contribuci[óo]n\s+de\s+los\s+autores|recibido|aceptado|publicado"
    r"|conflitos?\s+de\s+interesses?|contribui[çc][õo]es\s+dos\s+autores|financiamento|agradecimentos"
    r"|recebido|aceito|publicado|aprovado|submetido|editor(?:a)?\s+(?:respons[aá]vel|associad[oa]|chefe)"
    r"|contribui[çc][ãa]o\s+dos\s+autores|contribuciones\s+de\s+los\s+autores|financiamiento"
    r"|apoio\s+financeiro|fontes?\s+de\s+financiamento|fuentes?\s+de\s+financiaci[óo]n"
    r"|disponibilidade\s+de\s+dados|disponibilidad\s+de\s+datos|editor\s+asociado"
    r"|(?:endere[çc]o\s+para\s+)?correspond[êe]ncia|(?:direcci[óo]n\s+para\s+)?correspondencia"
    r"|autor(?:a)?\s+(?:correspondente|para\s+correspondencia)"
    r"|como\s+citar(?:\s+este\s+artigo)?|c[óo]mo\s+citar(?:\s+este\s+art[íi]culo)?"
    r"|interessenkonflikt|finanzierung|danksagung|eingegangen|angenommen"
    r"|conflits?\s+d['’]int[ée]r[êe]ts?|financement|remerciements|re[çc]u|accept[ée]"
)
# Labels that are back matter only with a colon: "Fonte: IBGE, 2010." is a table's source
# line, but "FONTE. Title" could open an entry of a body so named
# a closing in another language: "Abstract: ...", "Palavras-chave: ..."
_ABSTRACT_LABELS = (
    r"abstract|resumo|resumen|r[ée]sum[ée]|zusammenfassung|abstrak|key\s?words"
    r"|palavras[\s-]chave|palabras\s+clave|mots[\s-]cl[ée]s|kata\s+kunci"
)
_DECLARATION = (
    r"(?:the|all|both)\s+(?:two\s+)?authors?\s+(?:declares?|reports?|ha(?:s|ve)\s+no\s|"
    r"state|confirms?|thanks?\s|(?:is|are)\s+grateful|acknowledges?|wish(?:es)?\s+to\s+thank)"
    r"|(?:los|las)\s+autor(?:es|as)\s+(?:declaran|manifiestan|agradecen)"
    r"|(?:os|as)\s+autor(?:es|as)\s+(?:declaram|agradecem)"
    r"|die\s+autor(?:en|innen)\s+(?:erkl[äa]ren|danken)|les\s+auteur(?:e)?s\s+(?:d[ée]clarent|remercient)"
    r"|gli\s+autori\s+(?:dichiarano|ringraziano)"
)
_COLON_LABELS = rf"fonte|fuente|source|nota|notas|note|notes|{_ABSTRACT_LABELS}"
_ABSTRACT = re.compile(rf"^\W{{0,3}}(?:{_ABSTRACT_LABELS})\s*:\s", re.IGNORECASE)
_BACK_MATTER = re.compile(
    rf"^\W{{0,3}}(?:(?:{_LABELS})(?:\s+(?:em|el|en|on|in))?\s*[:.]\s|(?:{_COLON_LABELS})\s*:\s|©|\(c\)\s*(?:1[5-9]|20)\d\d|"
    # a figure's or table's caption: "Figure 2.", "Table S1:", "Fig. 3", "Tabela 1 -"
    r"(?:fig(?:ure|ura)?\.?|table|tabla|tabela|tabelle|tableau|abbildung|gr[áa]fico|quadro)"
    r"\s*S?\d{1,3}[a-z]?(?:\s*[.:\-–—|]|\s*$|\s+[^\W\d_a-z])"
    # an unlabelled declaration set under the list: "The authors declare that there are
    # no conflicts of interests.", "All authors have no ...", "Los autores declaran ..."
    rf"|{_DECLARATION})",
    re.IGNORECASE,
)

# A year, "n.d." or a status in the year slot: what dates an author-date or numbered entry
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20[0-3]\d)(?!\d)")
_DATE_WORD = re.compile(
    rf"(?<!\w)(?:n\.\s?d\.|s\.\s?[df]\.|o\.\s?J\.|t\.\s?t\.|s/d|{STATUS}|{NO_DATE})(?!\w)"
)
# "Surname, A." / "Surname-Other, A. B." / "van der Berg, J." / "Surname AB," (Vancouver):
# a person's name opens the line, which then starts an entry even without a date
_PERSON = re.compile(
    r"^\W{0,2}(?:(?:van|von|der|den|de|da|di|du|del|della|dos|la|le)\s+){0,3}"
    r"[^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*){0,2},?\s(?:[^\W\d_a-z]\.\s?-?){1,3}"
    r"|^\W{0,2}[^\W\d_][\w'’\-]+\s[^\W\d_a-z]{1,3},\s"
)


def ends_list(text: str) -> bool:
    """Whether `text` is back matter that ends a reference list with no heading of its own."""
    return _BACK_MATTER.match(text.strip()) is not None


def opens_abstract(text: str) -> bool:
    """Whether `text` opens an abstract or keywords by their run-in label ("Abstract: ")."""
    return _ABSTRACT.match(text.strip()) is not None


def dated(text: str) -> bool:
    """Whether `text` names a year, "n.d." or a status where an entry's year goes."""
    return _YEAR.search(text) is not None or _DATE_WORD.search(text) is not None


def is_dated_list(starts: list[str]) -> bool:
    """A list whose entries carry dates: of the lines that open as entries do, at least
    three, and three in four of them dated."""
    lines = [t for t in starts if t.strip()]
    return len(lines) >= 3 and sum(1 for t in lines if dated(t)) * 4 >= len(lines) * 3


def opens_with_person(text: str) -> bool:
    """Whether `text` opens with a person's name and initials ("Lindqvist, P.")."""
    return _PERSON.match(text.strip()) is not None


_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
# ABNT's person: a surname in capitals, a comma, a given name written out ("SILVA,
# João", "DE LA CRUZ, Ana", "SOUZA-LIMA, Rui"); bounded and anchored
_CAPITALS_SURNAME = re.compile(
    rf"\W{{0,2}}((?:[{_UP}][^\W\d_]*\s+){{0,2}}[{_UP}][^\W\d_'’\-]+(?:[\-'’][^\W\d_]+)?),\s[{_UP}]"
)


def opens_with_capitals_surname(text: str) -> bool:
    """Whether `text` opens with a surname in capitals and a comma, as ABNT writes a
    person ("SILVA, João."): a body ("Instituto Alfa, Recife.") is not in capitals."""
    found = _CAPITALS_SURNAME.match(text.strip())
    return found is not None and found.group(1).isupper() and len(found.group(1)) > 1


# -- where a list gives way to notes or prose ----------------------------------------
#
# Why: a Word manuscript saved as text puts its endnotes after the list ("[1] See
# Lee 2001, p. 4.", "1. On this point ..."), and authors add biographies, a closing
# remark or an abstract in another language after it. Read as entries, each note was
# an "uncited" entry, and a notes block of two "[1]"-labelled lines made an author-date
# list "numbered", so every entry was cut wrongly. The list ends where its entries stop
# looking like entries: numbered notes starting at 1 after entries that carry no number
# (or the numbering starting again at 1), or paragraphs of running text.

# "[1] text", "1. text", "1) text", "1 Text" (a bare number only before a word)
_NOTE_LABEL = re.compile(
    r"^\s*(?:\[(?P<bracket>\d{1,3})\]|(?P<dotted>\d{1,3})[.)](?=\s)|(?P<bare>\d{1,3})(?=\s+[^\W\d_]))"
)
_MIN_CELLS = 3  # short lines in a row: a table; no list holds three entries that short
_CELL_CHARS = 24
_LOOKAHEAD = 12  # lines in which note 2 must follow note 1 when the label is a bare number
# Words of running text that titles seldom hold three of: a biography, a closing
# remark, an abstract ("He is ...", "This article was ...", "Esta pesquisa foi ...").
_RUNNING_WORDS = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "he", "she", "his", "her", "we"}
    | {"our", "they", "their", "this", "that", "which", "who", "will", "would", "can"}
    | {"also", "been", "its", "these", "those", "there", "é", "foi", "são", "está", "não"}
    | {"ele", "ela", "nós", "esta", "este", "isso", "também", "seu", "sua", "fue", "es"}
    | {"nosotros"}
)
_WORDS = re.compile(r"[^\W\d_]+")
_RUNNING_MIN_CHARS = 100
_RUNNING_MIN_WORDS = 3
_IDENTIFIER = re.compile(r"\b10\.\d{4,9}/|https?://|\bwww\.", re.IGNORECASE)


def note_label(text: str) -> int | None:
    """The number a note (or a numbered entry) opens with, or None."""
    m = _NOTE_LABEL.match(text)
    if m is None:
        return None
    return int(m.group("bracket") or m.group("dotted") or m.group("bare"))


def reads_as_running_text(text: str) -> bool:
    """Whether a paragraph reads as prose rather than an entry: long, several words of
    running text, no DOI or URL, no year in its opening (where an entry's date goes)."""
    plain = text.strip()
    if len(plain) < _RUNNING_MIN_CHARS or _IDENTIFIER.search(plain):
        return False
    if note_label(plain) is not None or opens_with_person(plain):
        return False  # a numbered entry, or one that opens with its author
    if _YEAR.search(plain[:40]):
        return False
    words = {w.casefold() for w in _WORDS.findall(plain)}
    return len(words & _RUNNING_WORDS) >= _RUNNING_MIN_WORDS


def notes_or_prose_start(texts: list[str]) -> int | None:
    """The index in `texts` (a list's lines, its heading excluded) where the list gives
    way to notes or running text, or None when it runs to the end.

    Numbered notes: a line labelled 1 after at least two dated entry lines that carry
    no label (a bare "1 Word" also needs a line labelled 2 soon after, as an entry may
    open with a number), or a label 1 again after a numbered list reached 3 or more.
    Running text: two paragraphs of it in a row (one alone may be an annotation or a
    split entry), or one that ends the list in a list with no other.
    """
    dated_unlabelled = 0
    highest = 0
    running_from: int | None = None
    running_seen = False
    cells = 0
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        cells = cells + 1 if _table_cell(text) else 0
        if cells == _MIN_CELLS:  # a table's cells, one a line (Word saved as text)
            return _first_of_run(texts, i, _MIN_CELLS)
        found = _NOTE_LABEL.match(text)
        if found is not None and i > 0 and wrapped_into(texts[i - 1]):
            found = None  # "Volume 1, part" / "1. The crown agents ...": a hard wrap
        label = note_label(text) if found is not None else None
        after_entries = dated_unlabelled >= 2 and highest == 0
        if (
            label == 1
            and found is not None
            and (after_entries or highest >= 3)
            and _next_label(texts, i) in ((2, None) if after_entries else (2,))
            and (found.group("bare") is None or _next_label(texts, i) == 2)
        ):
            return running_from if running_from is not None else i
        if found is not None and found.group("bare") is None:
            highest = max(highest, label or 0)
        elif found is None and dated(text):
            dated_unlabelled += 1
        if reads_as_running_text(text):
            if running_from is not None:
                return running_from
            running_from = i
        else:
            running_seen = running_seen or running_from is not None
            running_from = None
    return None if running_seen else running_from


def wrapped_into(before: str) -> bool:
    """Whether the line before a labelled one runs on into it, as a hard wrap cuts an
    entry ("Flora of West Tropical Africa, Volume 1, part" then "1. The crown agents
    ..."): it has text and ends in a letter, a comma or a hyphen, not in an address.
    The label is then the entry's word, not a note's number (class HW: the list was
    cut at the wrap and its other entries read as notes; converted Markdown wrapped at
    72-80 columns). An entry ends in a full stop, a bracket or an address; a list
    saved from Word keeps each entry on one line."""
    stripped = before.rstrip()
    if not stripped or not (stripped[-1].isalpha() or stripped[-1] in ",-\u2010"):
        return False
    last = stripped.rsplit(None, 1)[-1]
    return "/" not in last and "." not in last


def _table_cell(text: str) -> bool:
    """A line as short as a table cell: a value or a label of a word or two."""
    plain = text.strip()
    if len(plain) > _CELL_CHARS or len(plain.split()) > 2 or _YEAR.search(plain):
        return False
    return _NOTE_LABEL.match(plain) is None and not plain.startswith(("[", "("))  # "7. ()."


def _first_of_run(texts: list[str], i: int, length: int) -> int:
    """The index of the first of the `length` non-blank lines ending at `i`."""
    j = i
    seen = 0
    while j >= 0:
        if texts[j].strip():
            seen += 1
            if seen == length:
                return j
        j -= 1
    return 0


def _next_label(texts: list[str], i: int) -> int | None:
    """The label of the next labelled line within a few lines after `i`, or None.

    Notes count on from 1 to 2; a "1." that the next entry follows as "18." is an
    entry misnumbered, not the start of notes."""
    # by index and within a bound of lines, blank ones included: a slice of the rest, or
    # an unbounded walk over blank lines, at each "1." was quadratic on a hostile list
    for text in itertools.islice(texts, i + 1, i + 1 + 4 * _LOOKAHEAD):
        if not text.strip():
            continue
        label = note_label(text)
        if label is not None:
            return label
    return None
