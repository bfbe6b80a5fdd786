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

import re

from citeaudit.model.publication_status import NO_DATE, STATUS

__all__ = ["dated", "ends_list", "is_dated_list", "opens_with_person"]

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
_COLON_LABELS = r"fonte|fuente|source|nota|notas|note|notes"
_BACK_MATTER = re.compile(
    rf"^\W{{0,3}}(?:(?:{_LABELS})(?:\s+(?:em|el|en|on|in))?\s*[:.]\s|(?:{_COLON_LABELS})\s*:\s|©|\(c\)\s*(?:1[5-9]|20)\d\d|"
    # a figure's or table's caption: "Figure 2.", "Table S1:", "Fig. 3", "Tabela 1 -"
    r"(?:fig(?:ure|ura)?\.?|table|tabla|tabela|tabelle|tableau|abbildung|gr[áa]fico|quadro)"
    r"\s*S?\d{1,3}[a-z]?\s*[.:\-–—|])",
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
