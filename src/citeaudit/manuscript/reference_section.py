"""Finding the reference list inside a manuscript and cutting it into entries.

Authors title the list in their own language and style -- ``## REFERENCES``,
``**Daftar Pustaka**``, ``7. Literaturverzeichnis``, ``\\section*{Références}``, a Word
paragraph in the "Heading 1" style -- and a table of contents may name it first, so
the *last* heading that names a reference list wins. Lines that only look like headings
(a bold line, a line in capitals, a bare line) count when no real heading names the
list, and a bare line counts only when nothing stronger does.

Entries are numbered, bulleted or hanging paragraphs, and word processors leave
stray blank lines inside them: a paragraph that does not start the way an entry
starts (an author, an organisation and a year, a number) continues the previous one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from citeaudit.manuscript.citations.list_labels import ALPHA_LABEL
from citeaudit.manuscript.document import Layout, Line, RawEntry
from citeaudit.manuscript.entry_so_far import EntrySoFar
from citeaudit.manuscript.field_list import field_starts
from citeaudit.manuscript.imprint_tail import imprint_tail
from citeaudit.manuscript.journal_tail import journal_tail
from citeaudit.manuscript.list_footnotes import closing_footnotes_start
from citeaudit.manuscript.list_tail import (
    dated,
    ends_list,
    is_dated_list,
    notes_or_prose_start,
    opens_abstract,
    opens_with_capitals_surname,
    opens_with_person,
    wrapped_into,
)
from citeaudit.manuscript.list_wraps import (
    authors_end,
    dash_year_bullets,
    label_headed,
    plus_wraps,
)
from citeaudit.manuscript.markup import strip_latex, strip_markdown
from citeaudit.manuscript.misspelt_titles import misspelt_title
from citeaudit.manuscript.particle_start import particle_surname_start
from citeaudit.manuscript.pointed_list import MOST_POINTER_LINES, list_pointer, pointed_lines
from citeaudit.model.location import Location

__all__ = [
    "AFTER_REFERENCE_TITLES",
    "REFERENCE_TITLES",
    "Heading",
    "Layout",
    "ReferenceSection",
    "earlier_reference_sections",
    "find_headings",
    "find_reference_section",
    "is_reference_title",
    "list_marker",
    "looks_like_entry_start",
    "normalize_title",
    "split_entries",
    "split_entries_with_layout",
    "title_only_entry",
]

# Normalised: case-folded, accents removed, single spaces.
REFERENCE_TITLES: frozenset[str] = frozenset(
    {
        # English
        "references", "reference", "reference list", "list of references", "references cited",
        "bibliography", "select bibliography", "selected bibliography", "works cited",
        "literature cited", "cited literature", "literature", "sources", "sources cited",
        "works consulted", "citations", "bibliography and references", "notes and references",
        "further reading", "further readings", "additional reading", "recommended reading",
        "suggested reading", "references and further reading", "bibliography and further reading",
        "selected reading", "selected readings", "references and notes", "notes and bibliography",
        "bibliography and notes", "bibliographic references", "sources and references",
        "cited works",
        # Indonesian / Malay
        "daftar pustaka", "daftar referensi", "referensi", "rujukan", "senarai rujukan",
        "kepustakaan", "pustaka", "bibliografi", "daftar rujukan", "pustaka acuan",
        "bacaan lanjutan", "daftar bacaan",
        # Spanish / Portuguese / Catalan
        "referencias", "referencias bibliograficas", "bibliografia", "referencies",
        "referencias citadas", "obras citadas", "fuentes", "referencias bibliograficas citadas",
        "lecturas recomendadas", "lectura recomendada", "lecturas adicionales",
        "lecturas complementarias", "bibliografia complementaria", "bibliografia complementar",
        "bibliografia recomendada", "bibliografia consultada", "obras consultadas",
        "leitura adicional", "leituras adicionais", "leituras recomendadas", "leitura recomendada",
        "leituras complementares", "fontes", "fontes consultadas", "referencias complementares",
        "literatura citada", "literatura consultada", "bibliografia citada", "fuentes consultadas",
        "fuentes citadas", "referencias consultadas", "referencias citadas y consultadas",
        "bibliografia citada y consultada", "obras consultadas y citadas", "obras referidas",
        "referencias bibliograficas consultadas", "bibliografia referenciada", "referencia",
        "referencias y notas", "notas y referencias", "referencias e notas", "notas e referencias",
        "referencias bibliograficas e notas", "referencias bibliograficas y notas",
        "bibliografia y notas", "bibliografia e notas", "notas y bibliografia",
        "fuentes documentales", "referencias documentales", "documentos consultados",
        "fuentes bibliograficas", "fontes bibliograficas", "webgrafia", "hemerografia",
        "bibliohemerografia", "bibliografia y fuentes", "fuentes y bibliografia",
        "fontes e bibliografia", "bibliografia e fontes",
        # a webography: the list of a thesis's web sources, often bare addresses
        "sitografia", "webografia", "webography", "webliography", "sitography",
        "sitographie", "webographie", "online sources", "web sources", "internet sources",
        "internetquellen", "onlinequellen",
        # German
        "literaturverzeichnis", "literatur", "quellen", "quellenverzeichnis",
        "literatur und quellen", "quellen und literatur", "literaturangaben",
        "weiterfuhrende literatur", "zum weiterlesen", "literaturhinweise",
        # French
        "references bibliographiques", "bibliographie", "ouvrages cites", "sources citees",
        "pour aller plus loin", "lectures complementaires", "bibliographie complementaire",
        "lectures recommandees",
        # Italian
        "riferimenti bibliografici", "riferimenti", "bibliografia citata", "letture consigliate",
        "per approfondire", "bibliografia essenziale",
        # Dutch / Scandinavian / Finnish
        "literatuur", "literatuurlijst", "referenties", "bronnen", "bronvermelding",
        "litteratur", "referenser", "kallor", "litteraturliste", "kilder", "kirjallisuus",
        "lahteet",
        # Central/Eastern Europe, Turkey
        "literatura", "bibliografie", "pismiennictwo", "kaynaklar", "kaynakca", "irodalom",
        "irodalomjegyzek", "hivatkozasok", "felhasznalt irodalom", "felhasznalt szakirodalom",
        "seznam pouzite literatury", "seznam pouzitych zdroju", "pouzita literatura",
        "seznam pouzite literatury a zdroju", "zoznam pouzitej literatury",
        "zdroje", "viri", "izvori", "zrodła", "zrodla", "popis literature",
        "koristena literatura", "seznam literatury", "seznam literatury a zdroju",
        "literatura citirana", "citirana literatura", "bibliografija",
        # Cyrillic, Greek
        "список литературы", "литература", "библиография", "список использованных источников",
        "используемая литература", "перечень ссылок", "литература и источники",
        "источники и литература", "перелік посилань", "використана література",
        "список використаної літератури",
        "список используемых источников", "список использованной литературы",
        "список используемой литературы", "библиографический список", "список источников",
        "использованные источники", "использованная литература",
        "список використаних джерел", "список літератури", "література",
        "βιβλιογραφια", "αναφορες",
        # Asian, Arabic
        "参考文献", "参考资料", "引用文献", "文献", "참고문헌", "참고 문헌", "المراجع",
        "المصادر والمراجع", "tai lieu tham khao", "บรรณานุกรม", "เอกสารอ้างอิง",
        "قائمة المراجع", "المصادر", "مراجع", "منابع", "فهرست منابع", "منابع و مآخذ",
        "حوالہ جات", "کتابیات", "ביבליוגרפיה", "מקורות", "רשימת מקורות", "संदर्भ",
        "संदर्भ सूची", "ग्रंथसूची", "তথ্যসূত্র", "參考文獻", "参考文獻", "參考資料",
        "參考書目", "参考书目", "主要参考文献", "参照文献", "引用・参考文献", "文献一覧",
        # more lists' titles: English variants, Nordic, Baltic, Balkan, Turkish
        "sources consulted", "bibliography and sources", "sources and bibliography",
        "bibliographical references", "referanser", "referanseliste", "kildeliste",
        "kildehenvisninger", "referencer", "heimildir", "kallforteckning",
        "litteraturforteckning", "referenslista", "viitteet", "lahdeluettelo",
        "kirjallisuusluettelo", "allikad", "kasutatud kirjandus", "kasutatud allikad",
        "saltiniai", "naudota literatura", "avoti", "izmantota literatura", "burimet",
        "literatura e perdorur", "източници", "използвана литература", "библиографија",
        "користена литература", "bibliyografya", "yararlanılan kaynaklar",
        "başvuru kaynakları", "literatur- und quellenverzeichnis",
        "quellen- und literaturverzeichnis", "fontes e referencias", "references citees",
    }
)  # fmt: skip
# Compared as `normalize_title` folds a heading: combining marks out (an accent, and
# the vowel signs of Devanagari or Bengali, which a literal "संदर्भ सूची" keeps).
REFERENCE_TITLES = frozenset(
    " ".join(
        "".join(
            c for c in unicodedata.normalize("NFKD", t.casefold()) if not unicodedata.combining(c)
        ).split()
    )
    for t in REFERENCE_TITLES
)


def _number_free(title: str) -> str:
    """A title with each word's plural "s" taken off ("referencias bibliograficas" ->
    "referencia bibliografica")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in title.split())


# Each title of two words or more by its number-free form (see `_number_slip`); of two
# known titles with one such form, the first in sorted order.
_NUMBER_SLIPS: dict[str, str] = {
    _number_free(t): t for t in sorted(REFERENCE_TITLES, reverse=True) if " " in t
}

# Lists of further reading: works the text does not cite, by design. Their entries are
# marked (`RawEntry.further_reading`) so that uncited-reference leaves them alone; a
# mixed heading ("References and further reading") is not one of them.
FURTHER_READING_TITLES: frozenset[str] = frozenset(
    {
        "further reading", "further readings", "additional reading", "recommended reading",
        "suggested reading", "selected reading", "selected readings", "bacaan lanjutan",
        "lecturas recomendadas", "lectura recomendada", "lecturas adicionales",
        "lecturas complementarias", "bibliografia complementaria", "bibliografia complementar",
        "bibliografia recomendada", "leitura adicional", "leituras adicionais",
        "leituras recomendadas", "leitura recomendada", "leituras complementares",
        "referencias complementares", "weiterfuhrende literatur", "zum weiterlesen",
        "pour aller plus loin", "lectures complementaires", "bibliographie complementaire",
        "lectures recommandees", "letture consigliate", "per approfondire",
    }
)  # fmt: skip

# Chinese and Japanese back matter: acknowledgements, appendices, afterword, the authors'
# notes; such a title runs on into its label ("附录A", "附录一：问卷").
_CJK_AFTER_TITLES = (
    "致谢", "致謝", "谢辞", "謝辞", "謝詞", "誌謝", "附录", "附錄", "付録", "后记", "後記",
    "作者简介", "作者簡介",
)  # fmt: skip

# Sections that follow a reference list; a heading starting with one of these ends it.
AFTER_REFERENCE_TITLES: tuple[str, ...] = (
    "appendix", "appendices", "lampiran", "anhang", "annexe", "annexes", "annex", "anexo",
    "anexos", "apendice", "apendices", "appendice", "appendici", "bijlage", "bilaga",
    "liite", "приложение", "biography", "biographies", "author biography",
    "author biographies", "about the author", "about the authors", "biodata", "riwayat hidup",
    "acknowledgment", "acknowledgments", "acknowledgement", "acknowledgements",
    "ucapan terima kasih", "supplementary", "supporting information", "tables", "figures",
    "figure captions", "figure legends", "tabel", "notes", "endnotes", "footnotes",
    "author contributions", "conflict of interest", "conflicts of interest", "funding",
    "data availability", "declarations", "glossary", "index",
    # Portuguese and Spanish back matter after the list (SciELO prints notes, the
    # authors' notes and contributions there): read as entries, each was "uncited"
    "notas", "nota", "notas de rodape", "notas al pie", "notas finales", "notas de fim",
    "agradecimentos", "agradecimientos", "sobre os autores", "sobre o autor", "sobre a autora",
    "sobre los autores", "sobre el autor", "sobre la autora", "material suplementar",
    "material suplementario", "contribuicao dos autores", "contribuicoes dos autores",
    "contribucion de los autores", "contribuciones de los autores", "financiamento",
    "financiacion", "financiamiento", "conflito de interesses", "conflitos de interesse",
    "conflito de interesse", "conflicto de intereses", "conflictos de intereses",
    "disponibilidade de dados", "disponibilidad de datos", "glossario", "glosario",
    "abreviaturas",
    # the closing in another language some journals ask for after the list (SciELO):
    # the title again, then its abstract and keywords
    "abstract", "resumo", "resumen", "resume", "zusammenfassung", "riassunto", "abstrak",
    "keywords", "key words", "palavras-chave", "palabras clave", "mots-cles", "schlusselworter",
    "kata kunci",
    # acknowledgements and appendices in the other languages lists are titled in: typed
    # as a plain line after a numbered list, the title and its paragraph were the rest of
    # the last entry (compared folded, as `normalize_title` folds a heading)
    "danksagung", "danksagungen", "anhange", "remerciements", "ringraziamenti",
    "dankwoord", "dankbetuiging", "bijlagen", "tack", "bilagor", "bilag", "vedlegg",
    "kiitokset", "liitteet", "podziękowania", "załącznik", "załączniki", "aneks", "poděkování",
    "příloha", "přílohy", "teşekkür", "ekler", "phụ lục", "lời cảm ơn", "благодарности",
    "благодарность", "приложения", "сведения об авторах", "сведения об авторе",
    "информация об авторах", "информация об авторе", "об авторах", "об авторе",
    "відомості про авторів", "інформація про авторів", "про авторів", "подяка", "подяки",
    "додаток", "додатки", "παράρτημα",
    "ευχαριστίες", "شكر وتقدير", "الملاحق", "ملحق", "תודות", "נספחים", "감사의 글", "부록",
    "사사", *_CJK_AFTER_TITLES,
)  # fmt: skip

# The title ends on a character that is not a space: tried at every space of a run,
# "# a", 20,000 spaces and "b" took 7 s (each try rescanned the rest of the run).
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+((?:.*?[^ \t\n])??))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_LATEX_HEADING = re.compile(
    r"^\s*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s*+"  # possessive:
    r"(?:\[[^\]]*+\])?\s*+\{(.*)\}\s*$"  # two runs of spaces side by side were quadratic
)
_LATEX_LEVELS = {
    "part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5,
}  # fmt: skip
_LATEX_END = re.compile(r"^\s*\\(?:end\{document\}|appendix\b|begin\{appendix|backmatter\b)")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*[:.]?\s*$")
_NUMBERING = re.compile(
    # "5.0 - Referências", "5 – References", "5.0 References" first: read as "5." the
    # heading was "0 - referencias" and the list was lost (REAL_MANUSCRIPTS_13, NH)
    r"^(?:\d+(?:\.\d+)*\.?\s*[-–—]\s*|\d+(?:\.\d+)*\s+"
    r"|(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]\s*|(?:bab|chapter|part)\s+"
    r"[\divxlcdm]+[.:]?\s+"
    # Chinese numbering: "七、", "5、", "（五）", "第七章 " (class HC)
    r"|(?:[一二三四五六七八九十百零〇]+|\d+)[、．]\s*|[(（](?:[一二三四五六七八九十]+|\d+)[)）]\s*"
    r"|第[一二三四五六七八九十百零〇\d]+[章节部分篇]+\s*)",
    re.IGNORECASE,
)
# A number may carry a reader's mark after it, as review journals flag the papers "of
# special interest" (•) and "of outstanding interest" (••): "6.•• Roe B. ...", "18•
# Doe A. ...". The mark is no part of the label; read as no label, each marked entry
# was joined to the one before and the list came out short.
# A list of web sources typed by hand may glue its label to the address ("1)https://...")
# and give one source several numbers ("2,3,4) https://..."); read as no label, each was
# joined to the entry before.
_SHARED_NUMBERS = r"\d{1,4}(?:[ ]?,[ ]?\d{1,4}){1,9}"
_MARKER = re.compile(
    # a dash before a year is the repeated-author dash, "— (2019a). Title." (biblatex's
    # dashed style), no bullet: taken off as one, the entry lost its authors and was
    # read as by "(2019a)" (REAL_MANUSCRIPTS_13, class RD)
    r"^\s*(?:(?P<bullet>[*+•·▪‣◦●■]|[-–—](?![ (\[]{0,3}(?:1[5-9]|20)\d\d(?!\d)))(?:\s+|$)"
    # "1- Gries, M. (2004)", "12 - Roe", "3.- Poe": a number and a dash, as some Word
    # lists are typed; read as no marker, the list was one entry a page (class DL)
    # a converter's escaped label, "12\. Roe" and "\[12\] Roe" (pandoc writes a
    # paragraph's "12." so, not to open a list): read as no marker, an entry after one
    # ending without a full stop was joined to it
    r"|(?P<number>\d{1,3}[a-z]?\\?[.)]|\(\d{1,3}[a-z]?\)|\d{1,3}(?=[•●])|\d{1,3}(?=\s?[-–]\s)"
    rf"|\(?{_SHARED_NUMBERS}\))[•●]{{0,2}}(?:\s?[-–](?=\s))?(?:\s+|$|(?=https?://|www\.))"
    rf"|(?P<bracket>\\?\[\d{{1,4}}[a-z]?\\?\]|\\?\[{_SHARED_NUMBERS}\\?\])\s*"
    r"|(?P<item>\\item(?:\[[^\]]*\])?)(?:\s+|$))"
)
# A sub-label without punctuation, as Wiley prints its chemistry lists ("1a A. Bauer,
# Chem. Rev. 2001, 1, 1-9;" / "1b C. Diaz, ..." / "2. E. Fox, ..."): an entry opens
# there when the list holds several (see `_sub_labels`); alone, "3d printing" is text.
_SUB_LABEL = re.compile(r"^\s*(\d{1,4})([a-z])\s+(?=[^\W\d_])")
_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
# A template's instruction to its user left in the list, a whole line in double angle
# brackets ("<<surnames in capitals, in alphabetical order>>"): no entry. One pair, no
# bracket inside, so a line is matched once, in linear time.
_INSTRUCTION = re.compile(r"^\s*<<[^<>\n]{1,400}>>\s*$")
# a line wholly in parentheses, of words: "(Formatted citations to be finalized.)",
# "*(to be completed)*" -- a note to the reader, no entry (`_leading_notes_taken_off`)
_PARENTHESISED_NOTE = re.compile(r"\s*\((?=[^\W\d_])[^()\n]{2,400}\)[.:]?\s*")
_LATEX_COMMAND_LINE = re.compile(
    r"^\s*\\(?!item\b)[A-Za-z@]+\*?\s*(?:\[[^\]]*\]\s*)?(?:\{[^{}]*\}\s*)*$"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?(?!\d)")
_NAME = r"[^\W\d_][\w'’`\-]*"
_PARTICLE = (
    r"(?:(?:van|von|der|den|de|da|di|du|del|della|dos|das|la|le|el|al|bin|binti|ter|ten)\s+)"
)
# the words of a surname, joined by a space or a hyphen; the word itself holds no hyphen,
# so each character has one reading (an overlapping form backtracks exponentially on
# "Aa-Aa-Aa-...", issue 11)
_SURNAME_WORD = r"[^\W\d_][\w'’`]*"
_SURNAME_COMMA = re.compile(rf"^{_PARTICLE}*{_SURNAME_WORD}(?:[\s\-]{_SURNAME_WORD}){{0,3}},\s")
_INITIALS_FIRST = re.compile(rf"^(?:[^\W\d_]\.\s?-?){{1,3}}\s*{_PARTICLE}*{_NAME}[,.]?\s")
# "Azzouz M., Martin-Rendon E., ...", "Weaver DD, Palmer CG, ...": a surname, its
# initials and a comma, then the next author's name (Vancouver, Frontiers); the line of
# a hard-wrapped entry often holds no year, and read as no start, entries after a hard
# break were joined ("11 entries" of 248)
_SURNAME_INITIALS = re.compile(
    rf"^{_PARTICLE}*{_SURNAME_WORD}(?:[\s\-]{_SURNAME_WORD}){{0,2}}\s"
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.?[\s\-]?){1,3},\s+"
    rf"{_PARTICLE}*[A-ZÀ-ÖØ-ÞĀ-ſ]"
)
# ... or no year yet: "Bell & Brink (in press) Bell PR, ..." (PeerJ's label; read as no
# entry's start, it was joined to the entry above)
_AUTHOR_THEN_YEAR = re.compile(
    r"^[^()\[\]]{1,120}?[.,]?\s*(?:\((?:1[5-9]\d\d|20\d\d)[a-z]?[^)]{0,20}\)|\((?:n\.\s?d\.|s\.f\.|o\.\s?J\.|t\.t\.|in\spress|forthcoming|no\sprelo|en\sprensa|im\sDruck)\))",
    re.IGNORECASE,
)
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_YEAR_ALT = r"(?:1[5-9]\d\d|20\d\d)"
# other ways an entry starts; each is anchored and bounded (linear on any line)
_OTHER_STARTS = re.compile(
    # the repeated-author dash: "———. 2018." / "---. 2018." / "______, ed."
    r"(?:[-—–‐_]{2,}|—)\s*[.,]"
    # a short head, then the year: "OECD 2020.", "INSTITUTO ALFA. 2023.", "Bünsow R. 1953."
    rf"|[^()\[\]\d]{{1,100}}?[.,]?\s\(?{_YEAR_ALT}[a-z]?\)?[.,:;]"
    # ... or no date in its place: "Global Fish Archive. n.d. “Title.”" (Chicago)
    r"|[^()\[\]\d]{1,100}?[.,]\s\(?(?:n\.\s?d|s\.\s?f|s\.\s?d)\.\)?[.,]?\s"
    # a year first: "(2023). Title" (the bracket is already stripped)
    rf"|{_YEAR_ALT}[a-z]?\)?[.,:]\s"
    # Vancouver "Antón SC. 2003.", "HAINMUELLER J. Entropy", "De Wit CT, Lee M."
    rf"|{_SURNAME_WORD}(?:[\s\-]{_SURNAME_WORD}){{0,2}}\s[{_UP}]{{1,3}}[.,:;]?\s"
    # ABNT capitals: "BRASIL. Lei…", "INSTITUTO ALFA.", "O ESTADO.", "DICIONÁRIO on-line…"
    rf"|[{_UP}]+(?:\s[{_UP}]{{2,}})+[.,;]\s|[{_UP}]{{2,}}[.,;]\s|[{_UP}]{{4,}}\s[a-z]"
)
# an entry of an unusual author in lower case or digits: "nick1627 (2019).",
# "lavaan project. (2017)."
_LOWER_START = re.compile(rf"[^()\[\]]{{1,60}}?\s\({_YEAR_ALT}[a-z]?\)")
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Heading:
    """A line that heads a section.

    `level` 0 (title, part) to 6 for real headings, 7 for lines that only look like one,
    -1 for the end of a LaTeX document body. `strength` 2 = real heading (Markdown,
    LaTeX, Word style), 1 = bold or capitalised line, 0 = a bare short line.
    """

    index: int
    level: int
    title: str
    strength: int
    span: int = 1


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    """`lines[start:end]` is the heading and the list; `entries` the list cut up.

    `layout` says how the entries were told apart (see `Layout`): a report can say how
    many entries were found and how, so a list whose count is uncertain shows it.
    """

    heading: Heading
    start: int
    end: int
    entries: tuple[RawEntry, ...]
    layout: Layout | None = None


def normalize_title(text: str) -> str:
    """Heading text as compared: no markup, numbering, trailing colon, case or accents."""
    plain = strip_markdown(text).strip()
    plain = _NUMBERING.sub("", plain, count=1) if not is_reference_title_raw(plain) else plain
    plain = plain.strip().rstrip(":：.").strip()
    decomposed = unicodedata.normalize("NFKD", plain.casefold())
    stripped = " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
    return _qualified_cjk(_number_slip(_bilingual(stripped)))


_CJK_LIST_TITLES = ("参考文献", "參考文獻", "参考资料", "参考书目", "引用文献")
# what qualifies the title in a proposal's or a chapter's list: "已查阅的主要参考文献"
# (the main references consulted), "本章参考文献" (this chapter's references)
_CJK_QUALIFIER = re.compile(r"(?:[\u4e00-\u9fff]{0,6}(?:的|主要)|本章|本文|本节|本篇)")


def _qualified_cjk(title: str) -> str:
    """A Chinese list title with a short qualifier before it, "5.已查阅的主要参考文献",
    "本章参考文献", as the title itself; any other title unchanged. Not taken, a
    proposal's list of fourteen works was read as body text and none was reported
    uncited (REAL_MANUSCRIPTS_10, class HC). Only the qualifiers a list's heading uses
    (ending in 的 or 主要, or naming this chapter or text): a sentence ending in the
    word, "详见参考文献", is no heading."""
    if title in REFERENCE_TITLES or not title.endswith(_CJK_LIST_TITLES):
        return title
    base = next(t for t in _CJK_LIST_TITLES if title.endswith(t))
    qualifier = title[: -len(base)]
    return base if _CJK_QUALIFIER.fullmatch(qualifier) else title


def _number_slip(title: str) -> str:
    """A known title of two words or more written with a slip of number in one of them,
    "REFERENCIA BIBLIOGRÁFICAS:", "Referência bibliográficas", as the known title;
    any other title unchanged. Not taken, the Spanish paper's list was found only from
    the document's end back to an entry broken over two paragraphs, and the entries
    above the break were lost (REAL_MANUSCRIPTS_9, class HN). A single word is left
    alone: "Fuente:" over a table's note is no list, as "Fuentes" would be."""
    if title in REFERENCE_TITLES or " " not in title:
        return title
    return _NUMBER_SLIPS.get(_number_free(title), title)


def _bilingual(title: str) -> str:
    """A heading naming the list in two languages, "References/Referenties",
    "Referências / References", "Bibliografía | Bibliography", as the first of them
    (a reference title when each part is one); any other title unchanged."""
    if "/" not in title and "|" not in title:
        return title
    parts = [" ".join(p.split()).rstrip(":.") for p in _BILINGUAL_SPLIT.split(title)]
    if len(parts) >= 2 and all(p in REFERENCE_TITLES for p in parts):
        return parts[0]
    return title


_BILINGUAL_SPLIT = re.compile(r"[/|]")


def is_reference_title_raw(text: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", text.strip().rstrip(":：.").casefold())
    plain = " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
    return plain in REFERENCE_TITLES


def is_reference_title(text: str) -> bool:
    """Whether a heading's text names a reference list, in any of the known languages."""
    return normalize_title(text) in REFERENCE_TITLES


# one set look-up and one startswith over a tuple (both in C) per line: the title tested
# against each of ~100 words in a Python loop was half the reading time of a long text
# (20,000 short lines: 1.2 of 2.4 s)
def _folded(title: str) -> str:
    """A known title as `normalize_title` folds a heading: case, accents and the marks
    that combine (a Hangul syllable is compared as its letters)."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


_AFTER_TITLES = frozenset(map(_folded, AFTER_REFERENCE_TITLES))
_AFTER_PREFIXES = (
    *(w + sep for w in sorted(_AFTER_TITLES) for sep in (" ", ":")),
    # a Chinese or Japanese title runs on into its label: "附录A", "附录一：问卷"
    *map(_folded, _CJK_AFTER_TITLES),
)


def _is_after_title(title: str) -> bool:
    return title in _AFTER_TITLES or title.startswith(_AFTER_PREFIXES)


def list_marker(text: str) -> re.Match[str] | None:
    """The list marker a line starts with (``-``, ``1.``, ``[1]``, ``(1)``, ``\\item``)."""
    return _MARKER.match(text)


def marker_label(marker: re.Match[str]) -> str:
    """The label an entry keeps from its list marker: "3." for "3.", "3 -" or "3•"
    (a bare number gets its full stop, as the parser takes "3." for a label and "3"
    for the start of a name: "18 VIVE United Kingdom" was one author), "[3]" as is."""
    label = (marker.group("number") or marker.group("bracket") or "").replace("\\", "")
    return label + "." if label.isdigit() else label


def looks_like_entry_start(text: str, strip: Callable[[str], str] = strip_markdown) -> bool:
    """Whether a line reads like the beginning of a reference rather than its middle.

    True for "Surname, ...", "A. B. Surname, ...", and "Anything short (2019)" (an
    organisation as author), also after a list marker; False for a title's tail such as
    "*Approaches*. Sage Publication." or a line starting in lower case. `strip` is
    `strip_markdown` or a cached copy of it (see `split_entries_with_layout`).
    """
    marker = list_marker(text)
    if marker is not None:
        return True
    plain = strip(text).lstrip(" \"'“‘([")
    if not plain or plain[0] in ",;":
        # the rest of an entry cut by Enter (", SA, 2014."): no entry opens so
        return False
    if _PROSE_OPENING.match(plain) or journal_tail(plain) or imprint_tail(plain):
        # ... nor a Vancouver entry's wrapped tail, "Paleobiology. 1981;7:252-61.", nor
        # a book's imprint alone, "Cambridge: Cambridge University Press; 1994."
        return False
    surname = _SURNAME_COMMA.match(plain)
    if surname is not None and _name_words(surname.group(0)):
        return True
    if _OTHER_STARTS.match(plain) or (plain[0].islower() and _LOWER_START.match(plain)):
        return True
    if not plain[0].isupper():
        # "von Hoff K., Bergström A., ...": a particle in lower case (particle_start)
        return particle_surname_start(plain)
    return bool(
        _INITIALS_FIRST.match(plain)
        or _AUTHOR_THEN_YEAR.match(plain)
        or _year_near_start(plain)
        or _SURNAME_INITIALS.match(plain)
    )


# A sentence's opening: a word that opens sentences and no name, then a lower-case word
# or a number ("Em 2019, os dados ...", "Nesse sentido, Rocha (2020) ...", "According
# to Lee (2019) ..."). The year in it made it pass for an entry, so a wrapped entry was
# cut at a title's line, or a paragraph after the list became an entry. Words that are
# also surnames ("Del", "Hay", "Son", "Sin", "Na", "Um", "Ao", "Al") are not among them;
# a word in capitals ("COMO fazer ...", ABNT's title-first entry) is not either.
_PROSE_WORDS = (
    "Em|Nesse|Neste|Nesta|Nessa|Nestes|Nesses|Segundo|Conforme|Como|Para|Por|Pelo|Pela|"
    "Entre|Sobre|Com|Quando|Onde|Assim|Também|Portanto|Contudo|Entretanto|Além|Diante|"
    "Apesar|Após|Foi|Foram|Mas|Já|Ainda|Isso|Isto|Esse|Essa|Esses|Essas|Este|Esta|Estes|"
    "Estas|En|Según|Cuando|Donde|Así|Además|Asimismo|Fue|Fueron|Pero|Aunque|Mientras|"
    "Desde|Hasta|Dicho|Dicha|Con|Estos|Esos|Esas|In|According|However|Thus|Moreover|"
    "Although|While|When|We|Our|This|These|Those|Since|Because|Here|It|There"
)
_PROSE_OPENING = re.compile(rf"(?:{_PROSE_WORDS})\s+(?:[^\W\d_A-ZÀ-ÖØ-Þ]|\d)")


def _name_words(head: str) -> bool:
    """Names like "van der Berg," and "Quijal-Zamorano,"; not "Journal of Things,"."""
    words = head.rstrip(", ").replace("-", " ").split()
    particles = re.compile(_PARTICLE.rstrip("+") + "$")
    names = [w for w in words if not particles.match(w + " ")]
    return bool(names) and all(w[0].isupper() for w in names)


def _year_near_start(plain: str) -> bool:
    """ "Surname A, Other B. Title. 2019" (Vancouver) and "Surname. 2019." (Chicago)."""
    head = plain[:60]
    first = head.split(" ", 1)[0]
    return bool(re.match(r"^[^\W\d_][\w'’\-]+[,.]$", first)) and bool(_YEAR.search(head))


def _pseudo_heading(text: str) -> tuple[str, int] | None:
    """(title, strength) for a lone short line that may be a heading."""
    stripped = text.strip()
    if stripped.endswith("\\") and not stripped.endswith("\\\\"):
        # a Markdown hard break ends the line, it is no character of it: kept, a list
        # entry's wrapped last line "USA.\\" read as a heading in capitals (the full
        # stop no longer ended it) and ended the list there (72 of 94 entries lost)
        stripped = stripped[:-1].rstrip()
    if not stripped or len(stripped) > _HEADING_MAX_CHARS:
        return None
    if list_marker(stripped):
        # a list item, unless it is the numbered section that holds the list: "5.
        # References", "5. Kaynaklar" typed as a chapter's number and title
        # (weak: a table of contents lists it too, and the later one must win)
        title = normalize_title(stripped)  # once: `is_reference_title` folds it so
        if title not in REFERENCE_TITLES and misspelt_title(title) is None:
            return None
        return strip_markdown(stripped), 0
    bold = _BOLD_LINE.match(stripped)
    plain = strip_markdown(stripped)
    if not plain or len(plain.split()) > _HEADING_MAX_WORDS or _YEAR.search(plain):
        return None
    if bold is not None:
        return plain, 1
    if plain.endswith((".", ",", ";")) and not is_reference_title_raw(plain):
        return None
    letters = [ch for ch in plain if ch.isalpha()]
    # mostly letters: an identifier on a line of its own, a wrapped entry's DOI
    # ("10.1172/JCI57367", with a hard break), has capitals but is no heading (it ended
    # a converted list at entry 13 of 248)
    wordy = len(letters) * 2 >= sum(1 for ch in plain if not ch.isspace())
    if (
        len(letters) >= 3
        and wordy
        and all(ch.isupper() for ch in letters if ch.lower() != ch.upper())
    ):
        return plain, 1
    return plain, 0


# "APÊNDICE A: Histórias ...", "ANEXO 1 – Questionário", "Appendix B. Tables": a back-matter
# part opened by its word and label in a paragraph that goes on (a Word TCC types the
# label in bold and the caption after it, no heading style)
_LABELLED_PART = re.compile(
    r"([^\W\d_]++) (?:[a-z]|\d{1,3}|[ivxlc]{1,5}) ?[:.\u2013\u2014-](?: |$)"
)


def _labelled_part(text: str) -> bool:
    """Whether a line opens a labelled appendix or annex ("APÊNDICE A: ...")."""
    found = _LABELLED_PART.match(normalize_title(text[:60]))
    return found is not None and found.group(1) in _AFTER_TITLES


# A chapter's label opening a plain line: "Chapter 2", "Capítulo II – Resultados",
# "Глава 2", "第2章". A thesis saved as text keeps its headings as such lines; the list
# closing the chapter before ran on over it and over the next chapter's first paragraph.
_CHAPTER_LABEL = re.compile(
    r"(?:chapter|chapitre|cap[ií]tulo|capitolo|kapitel|hoofdstuk|kapittel|rozdzia[łl]|kapitola"
    r"|b[öo]l[üu]m|bab|глава|розділ)\s(?:\d{1,3}|[ivxlc]{1,6})\b"
    r"|第[一二三四五六七八九十百零〇\d]{1,4}章",
    re.IGNORECASE,
)


def _chapter_label(text: str) -> bool:
    """Whether a line opens with a chapter's label (see _CHAPTER_LABEL)."""
    return _CHAPTER_LABEL.match(strip_markdown(text).strip()) is not None


# the fewest words of a paragraph's first line that a chapter's label line stands over
_PROSE_MIN_WORDS = 8


def _label_between_entry_and_prose(lines: Sequence[Line], i: int) -> bool:
    """Whether a chapter's label line with no empty line before it (text saved from
    Word keeps none) stands between an entry's end and a paragraph of prose: the line
    before ends as entries end, the line after is long and does not open as entries
    do. "Chapter 2" wrapped onto a line inside an entry ("In: Book.", "Chapter 2",
    "pp. 3-9.") has no paragraph after it and stays the entry's."""
    if i == 0 or i + 1 >= len(lines):
        return False
    after = lines[i + 1].text
    return (
        _ends_entry(lines[i - 1].text)
        and len(after.split()) >= _PROSE_MIN_WORDS
        and list_marker(after) is None
        and not looks_like_entry_start(after)
    )


def _wrapped_on(text: str) -> bool:
    """A line that carries on the line above it, as a hard wrap leaves it: it opens in
    lower case ("notes on scolopendrid centipedes (Chilopoda:" under "Lewis JGE (2006)
    Taxonomic and nomenclatural"). No heading opens so; read as a plain "Notes ..."
    heading, it ended the list there and its other entries were body text (class HW,
    converted Markdown wrapped at 72-80 columns)."""
    plain = strip_markdown(text).lstrip(" \"'“‘(")
    return bool(plain) and plain[0].islower()


def _item_continuation(lines: Sequence[Line], i: int) -> bool:
    """A line indented under the list item above it, no blank line between: the item's
    wrapped rest, as a converter indents it ("- 14.  Roe A, ..." then "      Abstract
    627. Available from:"). Markdown reads no heading there; read as "Abstract ...", a
    heading after the references, it ended a converted list at entry 14 of 26."""
    text = lines[i].text
    indent = len(text) - len(text.lstrip(" "))
    if indent < 2:
        return False
    # up through the item's lines (no blank), to its marker at a smaller indent; an
    # item runs to a few lines, so the walk is bounded
    for j in range(i - 1, max(-1, i - 1 - _ITEM_LINES_MAX), -1):
        above = lines[j].text
        if not above.strip():
            return False
        above_indent = len(above) - len(above.lstrip(" "))
        if above_indent < indent:
            return list_marker(above) is not None
    return False


_ITEM_LINES_MAX = 30


def _number_in_item(lines: Sequence[Line], k: int) -> bool:
    """Whether line `k` opens with a number label other than 1 ("247.") while indented
    under the list item above it (`_item_continuation`): an item's wrapped rest."""
    marker = list_marker(lines[k].text)
    if marker is None or marker.group("number") is None:
        return False
    return _label_number(lines[k].text) != 1 and _item_continuation(lines, k)


def find_headings(lines: Sequence[Line], levels: Mapping[int, int] | None = None) -> list[Heading]:
    """Every line that heads a section, real or apparent; `levels` are known heading levels
    by line index (Word paragraph styles)."""
    headings: list[Heading] = []
    known = levels or {}
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        text = line.text
        if i in known:
            headings.append(Heading(i, known[i], normalize_title(text), 2))
            continue
        atx = _ATX.match(text)
        if atx is not None:
            headings.append(Heading(i, len(atx.group(1)), normalize_title(atx.group(2) or ""), 2))
            continue
        latex = _LATEX_HEADING.match(text)
        if latex is not None:
            level = _LATEX_LEVELS[latex.group(1)]
            headings.append(Heading(i, level, normalize_title(strip_latex(latex.group(2))), 2))
            continue
        if _LATEX_END.match(text):
            title = "appendix" if "appendix" in text else ""
            headings.append(Heading(i, -1 if not title else 1, title, 2))
            continue
        if not text.strip():
            continue
        previous_blank = i == 0 or not lines[i - 1].text.strip()
        if (
            i + 1 < len(lines)
            and previous_blank
            and _SETEXT.match(lines[i + 1].text)
            and not list_marker(text)
            and not _RULE.match(text)
        ):
            level = 1 if lines[i + 1].text.strip().startswith("=") else 2
            headings.append(Heading(i, level, normalize_title(text), 2, span=2))
            skip_next = True
            continue
        pseudo = _pseudo_heading(text)
        if pseudo is not None and pseudo[1] == 0 and not previous_blank and _wrapped_on(text):
            pseudo = None  # a hard-wrapped line's rest: "notes on centipedes (Chilopoda:"
        if (
            pseudo is None or (pseudo[1] == 0 and not is_reference_title_raw(pseudo[0]))
        ) and _item_continuation(lines, i):
            # a list item's indented rest: "      Abstract 627. Available from:"
            continue
        if (
            pseudo is not None
            and not previous_blank
            and _BOLD_LINE.match(text.strip()) is None
            and lines[i - 1].text.rstrip().endswith((",", "-", "\u2010"))
        ):
            # the line before runs on into this one ("... UK and New York," then "NY
            # USA"): the rest of a wrapped line in capitals, no heading
            pseudo = None
        if (
            pseudo is not None
            and pseudo[1] == 0
            and _chapter_label(text)
            and (previous_blank or _label_between_entry_and_prose(lines, i))
        ):
            pseudo = (pseudo[0], 1)
        if pseudo is not None:
            title = normalize_title(pseudo[0])
            if (
                pseudo[1] > 0
                or title in REFERENCE_TITLES
                or _is_after_title(title)
                or misspelt_title(title) is not None
            ):
                level = _TYPED_NUMBERED if list_marker(text.strip()) else 7
                headings.append(Heading(i, level, title, pseudo[1]))
        elif _labelled_part(text):
            headings.append(Heading(i, 7, normalize_title(text[:_HEADING_MAX_CHARS]), 1))
    return headings


def find_reference_section(
    lines: Sequence[Line],
    levels: Mapping[int, int] | None = None,
    clean: Callable[[str], str] = strip_markdown,
    *,
    follow_pointer: bool = True,
) -> ReferenceSection | None:
    """The reference list: from the last heading naming one to the next heading of the
    same or a higher level, an appendix-like heading, or the end. A list that only
    points at a sibling file is that file's (`_pointed_list_read`; not followed again
    from there: `follow_pointer`)."""
    headings = find_headings(lines, levels)
    candidates = [
        h
        for h in headings
        if h.title in REFERENCE_TITLES and not _prose_under_citations(lines, h, clean)
    ]
    if not candidates:
        section = _under_misspelt_title(lines, headings, clean)
    else:
        strong = [h for h in candidates if h.strength > 0]
        section = _section_at(lines, headings, (strong or candidates)[-1], clean)
    return _pointed_list_read(lines, section, clean) if follow_pointer else section


def _pointed_list_read(
    lines: Sequence[Line], section: ReferenceSection | None, clean: Callable[[str], str]
) -> ReferenceSection | None:
    """`section` with the list of the file it points at, when its only entries are
    lines pointing at a file ("See `references.md`."; `pointed_list`): that file's
    list (under its own heading, else the whole file) when it lies beside the
    manuscript, else no entry at all -- the citations then give one "no list" finding,
    not one "entry 7 of 1" each. Any other section unchanged."""
    if section is None or not section.entries or len(section.entries) > MOST_POINTER_LINES:
        return section
    targets = [list_pointer(entry.text) for entry in section.entries]
    target = targets[-1]
    if target is None or any(t is None for t in targets):
        return section
    pointed = pointed_lines(lines[section.start].file, target)
    if not pointed:
        return replace(section, entries=(), layout=None)
    inner = find_reference_section(pointed, None, clean, follow_pointer=False)
    if inner is not None and inner.entries:
        return replace(section, entries=inner.entries, layout=inner.layout)
    entries, layout = split_entries_with_layout(pointed, clean)
    read = sum(1 for e in entries if _DATED.search(e.text) and looks_like_entry_start(e.text))
    if read * 2 <= len(entries):
        return replace(section, entries=(), layout=None)  # a file of something else
    return replace(section, entries=tuple(entries), layout=layout)


def _under_misspelt_title(
    lines: Sequence[Line], headings: Sequence[Heading], clean: Callable[[str], str]
) -> ReferenceSection | None:
    """The list under the last heading that is a near miss of a list's title ("##
    Refences", "6. refences", "Bibliograpy"; see `misspelt_titles`), when no heading
    names one exactly and what follows reads as a list: two entries or more, most of
    them opening as entries do and dated or with an address (a numbered list too).
    "## Preferences" over settings, or "Reverences" over a poem, stays a section."""
    for heading in reversed(headings):
        known = misspelt_title(heading.title)
        if known is None:
            continue
        named = replace(heading, title=known)
        retitled = [named if h is heading else h for h in headings]
        section = _section_at(lines, retitled, named, clean)
        entries = section.entries
        read = sum(1 for e in entries if _DATED.search(e.text) and looks_like_entry_start(e.text))
        if len(entries) >= 2 and read * 2 > len(entries):
            return section
    return None


# titles that also head a paragraph on how to cite: a JOSS/Markdown template's
# "# Citations" section tells the author how to write citations ("Citations to entries
# in paper.bib should be in ... format"), in prose; read as the list, its lines were
# "entries" and the document's real list (often empty until pandoc fills it) lost
_HOW_TO_CITE_TITLES = frozenset({"citations", "citation"})


def _prose_under_citations(
    lines: Sequence[Line], heading: Heading, clean: Callable[[str], str]
) -> bool:
    """Whether `heading` is a "Citations" heading whose first line of text below opens
    no entry (see _HOW_TO_CITE_TITLES): a section of prose, no list."""
    if heading.title not in _HOW_TO_CITE_TITLES:
        return False
    for line in lines[heading.index + heading.span : heading.index + heading.span + 50]:
        text = clean(line.text).strip()
        if text:
            return not looks_like_entry_start(text, clean)
    return False


# at most this many lists before the last are read (a thesis has one a chapter or a
# part): each is one pass over the text before it, so the reading stays linear
_MAX_EARLIER_LISTS = 48


def earlier_reference_sections(
    lines: Sequence[Line],
    last: ReferenceSection,
    levels: Mapping[int, int] | None = None,
    clean: Callable[[str], str] = strip_markdown,
) -> list[ReferenceSection]:
    """The reference lists that close a chapter or a part before `last` (the document's
    last list), first to last.

    Why: a thesis compiled from its chapters or stage reports prints a list after each;
    with the last list alone read, the others' entries were lost and their citations
    "missing" (REAL_MANUSCRIPTS_9 and _10, class TL). A list is taken only when it reads
    as one: most of its entries carry a year or an address, and it is not numbered (a
    numbered list per chapter restarts at [1], and its numbers would name two entries
    once the lists are read as one). A numbered `last` list keeps the document to it."""
    if _numbered_layout(last):
        return []
    headings = find_headings(lines, levels)
    # a typed "3. References" before the last list is the table of contents' line (see
    # _first_of_chain): never a list of its own
    candidates = [
        h
        for h in headings
        if h.title in REFERENCE_TITLES and h.index < last.start and h.level != _TYPED_NUMBERED
    ]
    found: list[ReferenceSection] = []
    bound = last.start
    # the headings tried are bounded too: each try is a pass over the text before it, and
    # a hostile text of 10,000 "References" lines none of which heads a list would
    # otherwise be read 10,000 times
    for tried, heading in enumerate(reversed(candidates)):
        if len(found) >= _MAX_EARLIER_LISTS or tried >= 2 * _MAX_EARLIER_LISTS:
            break
        if heading.index >= bound:
            continue  # a heading of a chain already read with the list after it
        prefix = lines[:bound]
        section = _section_at(prefix, [h for h in headings if h.index < bound], heading, clean)
        if section.end <= section.start or not _reads_as_list(section):
            continue
        found.append(section)
        bound = section.start
    return found[::-1]


def _numbered_layout(section: ReferenceSection) -> bool:
    return section.layout is not None and section.layout.kind == "numbered"


_DATED = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|://|\bn\.\s?d\.|\bs\.\s?d\.")


def _reads_as_list(section: ReferenceSection) -> bool:
    """Whether a list before the last reads as a reference list: some entries, most of
    them opening as an entry does and dated or with an address, and not numbered (see
    earlier_reference_sections). A table of contents' line naming the list gives its
    next lines and the text after them ("1. Introduction", "Maps help (Roe, 2017).")
    as entries: no such list."""
    entries = section.entries
    if not entries or _numbered_layout(section):
        return False
    read = sum(1 for e in entries if _DATED.search(e.text) and looks_like_entry_start(e.text))
    return read * 2 > len(entries)


def _section_at(
    lines: Sequence[Line],
    headings: Sequence[Heading],
    heading: Heading,
    clean: Callable[[str], str],
) -> ReferenceSection:
    """The list under `heading`: to the next heading of the same or a higher level, an
    appendix-like heading, or the end of `lines`."""
    first = _first_of_chain(heading, headings)
    end = len(lines)
    inner: set[int] = set()
    for h in headings:
        if h.index < first.index + first.span:
            continue
        if h.title in REFERENCE_TITLES and h.index <= heading.index:
            # "References" then "Further reading": both lists, read as one
            inner.update(range(h.index, h.index + h.span))
            continue
        ends = (
            h.level == -1
            or (h.strength == 2 and h.level <= heading.level)
            or _is_after_title(h.title)
            or (heading.strength < 2 and h.strength >= 1 and h.title not in REFERENCE_TITLES)
        )
        if ends:
            end = h.index
            break
        inner.update(range(h.index, h.index + h.span))
    end = _back_matter(lines, first.index + first.span, end)
    end = _rule_then_note(lines, first.index + first.span, end)
    end = _notes_or_prose(lines, first.index + first.span, end, inner)
    end = _closing_footnotes(lines, first.index + first.span, end, inner)
    kept = [
        (j, line)
        for j, line in enumerate(lines[first.index + first.span : end], first.index + first.span)
        if j not in inner
    ]
    entries, layout = split_entries_with_layout([line for _, line in kept], clean)
    further = _further_reading(headings, first, heading, end)
    if further:
        entries = _mark_further_reading(entries, kept, further)
    if first is not heading:
        entries = _repeats_in_chain_dropped(entries, kept, _chain(headings, first, heading))
    return ReferenceSection(heading, first.index, end, tuple(entries), layout)


def _chain(headings: Sequence[Heading], first: Heading, heading: Heading) -> list[Heading]:
    """The reference-list headings from `first` to `heading`: the parts of one list."""
    return [
        h
        for h in headings
        if first.index <= h.index <= heading.index and h.title in REFERENCE_TITLES
    ]


def _first_lines(entries: Sequence[RawEntry], kept: Sequence[tuple[int, Line]]) -> list[int | None]:
    """Each entry's first line as an index of the document's lines (None: not found).

    Entries are matched to their first line in order (a PDF's line numbers restart on
    each page, so a number alone could name two lines)."""
    out: list[int | None] = []
    k = 0
    for entry in entries:
        start = k
        while k < len(kept) and (kept[k][1].file, kept[k][1].number) != (
            entry.location.file,
            entry.location.line,
        ):
            k += 1
        if k == len(kept):
            k = start
            out.append(None)
            continue
        out.append(kept[k][0])
    return out


def _repeats_in_chain_dropped(
    entries: Sequence[RawEntry], kept: Sequence[tuple[int, Line]], chain: Sequence[Heading]
) -> list[RawEntry]:
    """`entries` less those an earlier part of the chain already gave word for word.

    Why: a thesis's last chapter list followed directly by its closing bibliography (no
    chapter heading between) is one chain of headings, read as one list; the closing
    list repeats the chapter's works, and each was a "duplicate" the author never wrote
    (the lists before the last are read once the same way: plaintext._joined_entries).
    A part's own repeated entry stays: that duplicate the author did write."""
    starts = [h.index for h in chain]
    seen: set[str] = set()  # the texts of the parts before the current one
    current: set[str] = set()
    part = -1
    out: list[RawEntry] = []
    for entry, index in zip(entries, _first_lines(entries, kept), strict=True):
        if index is not None:
            at = bisect.bisect_right(starts, index) - 1
            if at != part:
                seen |= current
                current = set()
                part = at
        key = " ".join(entry.text.casefold().split())
        current.add(key)
        if key not in seen:
            out.append(entry)
    return out


def _further_reading(
    headings: Sequence[Heading], first: Heading, heading: Heading, end: int
) -> list[range]:
    """The line ranges (indices) under the list's "Further reading" headings: from such
    a heading to the next reference-list heading of the chain, or the list's end."""
    chain = [
        h
        for h in headings
        if first.index <= h.index <= heading.index and h.title in REFERENCE_TITLES
    ]
    return [
        range(h.index, nxt.index if nxt is not None else end)
        for h, nxt in zip(chain, [*chain[1:], None], strict=True)
        if h.title in FURTHER_READING_TITLES
    ]


def _mark_further_reading(
    entries: Sequence[RawEntry], kept: Sequence[tuple[int, Line]], further: Sequence[range]
) -> list[RawEntry]:
    """`entries` with those whose first line stands in `further` marked.

    Why: a list of further reading is uncited by design, yet each of its entries was
    reported as never cited. Entries are matched to their first line by `_first_lines`."""
    out: list[RawEntry] = []
    # a line stands in a part when a part starting at or before it reaches past it: one
    # bisection an entry (testing every part was quadratic: n headings over one entry
    # each, 128 million tests at 16,000)
    parts = sorted((r for r in further if r), key=lambda r: r.start)
    starts = [r.start for r in parts]
    reach = list(itertools.accumulate((r.stop for r in parts), max))
    for entry, index in zip(entries, _first_lines(entries, kept), strict=True):
        if index is None:
            out.append(entry)
            continue
        last = bisect.bisect_right(starts, index) - 1
        inside = last >= 0 and reach[last] > index
        out.append(replace(entry, further_reading=True) if inside else entry)
    return out


def _back_matter(lines: Sequence[Line], start: int, end: int) -> int:
    """Where unheaded back matter ("Disclaimer/Publisher's Note: ...", "© 2024 by the
    authors", "Figure 2. ...") follows the list's first line: the list ends there and
    the rest is body text again (see list_tail)."""
    seen = False
    last = -1  # the last non-blank line before j
    for j in range(start, end):
        text = lines[j].text
        if seen and _table_head(lines, j, end):
            # a table set after the entries (a submission's tables follow its list):
            # its rows are data, never the last entry's rest nor entries of their own;
            # a list kept in a table starts right under its heading (_table_rows_as_entries)
            return j
        if seen and ends_list(text):
            # the title a closing abstract repeats ("TITLE IN ENGLISH", then "Abstract:
            # ..."): no digits, no full stop -- no entry ends so
            title = lines[last].text.strip()
            repeated = len(title) <= _HEADING_MAX_CHARS * 2 and not re.search(r"[\d.:/]", title)
            return last if last > start and repeated and opens_abstract(text) else j
        if text.strip():
            seen, last = True, j
    return end


# how a note under a closing rule opens: "<sup>1</sup> The survey ...", "¹ ...", "* Note:
# ...", "Notes: ..." -- a footnote's mark or a note's word, never an entry's opening
_NOTE_OPENING = re.compile(
    r"\s*(?:<sup>\s*[\d*†‡]{1,3}\s*</sup>\s*\S|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]{1,3}\s"
    r"|(?:\\?\*){0,3}[ \t]?(?:notes?|notas?|anmerkungen?|remarques?)[ \t]?[:.])",
    re.IGNORECASE,
)


def _rule_then_note(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a thematic break ("---") after the list's entries is followed by a
    footnote-like note ("<sup>1</sup> The survey was run ...", "¹ ...", "* Note: ..."):
    the list ends at the rule. Read on, the note was joined to the last entry (a
    Markdown list ends at a rule, but the rule was dropped as no text). A rule before a
    "Further reading" heading or more entries still leaves the list whole."""
    seen = False
    for j in range(start, end):
        text = lines[j].text
        if not text.strip():
            continue
        if seen and _RULE.match(text):
            after = next((k for k in range(j + 1, end) if lines[k].text.strip()), None)
            if after is not None and (
                _NOTE_OPENING.match(lines[after].text) or _status_note(lines[after].text)
            ):
                return j
        seen = True
    return end


def _status_note(text: str) -> bool:
    """A line under a closing rule that is a note, not an entry: emphasised whole
    ("*Updated 2026-06-30. Status of the sections:*"), reading as no entry's start and
    naming no list ("*Further reading*" heads more entries). Class ST (survey 12): a
    draft's status list after the rule was read as six entries, each "never cited"."""
    stripped = text.strip()
    if len(stripped) < 3 or stripped[0] not in "*_" or stripped[-1] not in "*_:":
        return False
    return not looks_like_entry_start(stripped) and not is_reference_title(stripped)


def _table_head(lines: Sequence[Line], j: int, end: int) -> bool:
    """Whether a Markdown pipe table starts at line `j`: a row, and the rule under it."""
    if j + 1 >= end or not _TABLE_ROW.match(lines[j].text):
        return False
    rule = lines[j + 1].text
    if not _TABLE_ROW.match(rule):
        return False
    cells = rule.strip()[1:-1].split("|")
    return all(_DELIMITER_CELL.fullmatch(c) for c in cells)


# a pipe table's delimiter cell: one hyphen or more, a colon at either end to align
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


def _notes_or_prose(lines: Sequence[Line], start: int, end: int, inner: set[int]) -> int:
    """Where numbered notes or paragraphs of running text follow the list (a Word file
    saved as text puts its endnotes there): the list ends, the rest is body text again
    and its citations count (see list_tail)."""
    texts = ["" if j in inner else lines[j].text for j in range(start, end)]
    cut = notes_or_prose_start(texts)
    return end if cut is None else start + cut


def _closing_footnotes(lines: Sequence[Line], start: int, end: int, inner: set[int]) -> int:
    """Where Pandoc footnote definitions typed after the last entry start ("[^3]: ..."):
    the list ends there and the notes are body text again, their citations counted
    (see list_footnotes; survey 15, class FN)."""
    texts = ["" if j in inner else lines[j].text for j in range(start, end)]
    cut = closing_footnotes_start(texts)
    return end if cut is None else start + cut


# The level of a typed numbered heading ("5. References"): a line a table of contents
# holds too, so it heads no chain of lists and joins none.
_TYPED_NUMBERED = 8


def _next_with_text(lines: Sequence[Line], test: Callable[[int, str], bool]) -> list[bool]:
    """For each line, whether `test` holds of the next line with text (its index and
    text; one pass from the end: linear)."""
    found = [False] * len(lines)
    following = False
    for k in range(len(lines) - 1, -1, -1):
        found[k] = following
        text = lines[k].text
        if text.strip():
            following = test(k, text)
    return found


_GROUP_HEADING_WORDS = 8


def _group_heading(text: str, numbered: set[int], k: int) -> bool:
    """A short unmarked line with no number over a numbered list's next entry: the
    heading of a group of the list ("Tài liệu tiếng anh", "Sources from the internet",
    "Artigos"), no entry and no part of the entry before it (read as either, the
    numbers after it shifted or the entry before grew a title)."""
    plain = text.strip()
    return (
        k not in numbered
        and list_marker(plain) is None
        and len(plain.split()) <= _GROUP_HEADING_WORDS
        and not any(ch.isdigit() for ch in plain)
        and not plain.endswith((".", ",", ";"))
        and "://" not in plain
    )


def _wraps_on(lines: Sequence[Line], k: int, broken: Collection[tuple[str, int]]) -> bool:
    """In a list typed with hard breaks (a converter's: `_hard_broken`), whether line
    `k` ends with a soft newline and the next line has text: it wraps onto that line,
    part of one paragraph with it. A group's heading stands alone, so this is none --
    "Ferny Works. Ferny Works Review. Lyon: Ferny" over "Works, ([2015]). ...", an
    organisation's entry, was dropped as a heading and its wrapped rest read as an
    entry of its own (class GW)."""
    if not broken or (lines[k].file, lines[k].number) in broken:
        return False
    return k + 1 < len(lines) and bool(lines[k + 1].text.strip())


def _first_of_chain(heading: Heading, headings: Sequence[Heading]) -> Heading:
    """The first of the reference-list headings that follow one another directly
    ("References", then "Further reading" or "Bibliografía complementaria"): the
    lists under them are all reference lists, never text to find citations in. A
    heading of another section between two of them (a table of contents naming
    "References" first) breaks the chain."""
    before = [h for h in headings if h.index < heading.index]
    first = heading
    if heading.level == _TYPED_NUMBERED:
        return heading  # "5. References": its table of contents' line is no list
    for h in reversed(before):
        if h.level == _TYPED_NUMBERED:
            break
        if h.title in REFERENCE_TITLES and h.strength >= min(first.strength, 1):
            first = h
            continue
        deeper = h.strength == 2 and h.level > first.level
        if not deeper:
            break
    return first


def split_entries(
    lines: Sequence[Line], clean: Callable[[str], str] = strip_markdown
) -> list[RawEntry]:
    """Cut a reference list into entries: numbered, bulleted, hanging or one per line."""
    return split_entries_with_layout(lines, clean)[0]


def split_entries_with_layout(
    lines: Sequence[Line], clean: Callable[[str], str] = strip_markdown
) -> tuple[list[RawEntry], Layout]:
    """The entries and how they were told apart.

    The layout is decided for the whole list, as a reader does at a glance:

    - markers (``1.``, ``[1]``, ``-``, or bare numbers counting up) start entries;
    - hanging paragraphs: entries hard-wrapped over several lines, blank lines between
      them (Chicago at ~80 columns): each paragraph is an entry, and a line inside a
      paragraph starts one only where the line before is short and ends an entry;
    - hanging indent (entries hard-wrapped, every line after an entry's first indented,
      as Chicago and APA print them): a line at the margin starts an entry, an indented
      one continues it -- the indent says so, nothing is guessed;
    - wrapped lines with no separator: a line starts an entry where it reads like the
      start of one and the line before ends one;
    - otherwise one entry per line (Word paragraphs, pasted lists): every line is an
      entry unless it plainly continues the one before (the line before ends mid-way,
      or this one starts in lower case) -- short entries ("OECD 2020. Title.") and
      entries of unusual shape are not merged into their neighbours.

    Each line's Markdown is stripped once (`strip`, a cache for this call): a line is
    asked whether it opens an entry, continues one and is cleaned as one, and on a
    manuscript exported as a single 5 MB line each strip cost over half a second.
    Whether the list is dated (`dated_list`) is only asked of a line after the first.
    """
    strip = functools.cache(strip_markdown)
    # Cut and parsed as seen (invisible characters out, look-alike digits as ASCII):
    # a reader's lines before their Document are as written; each keeps `written`.
    lines = _block_quote_taken_off([ln.seen() for ln in lines])
    broken = _hard_broken(lines)
    lines = _table_rows_as_entries(_html_items([_hard_break_taken_off(ln) for ln in lines]))
    useful = [
        ln
        for ln in lines
        if not _RULE.match(ln.text)
        and not _LATEX_COMMAND_LINE.match(ln.text)
        and not _HTML_LIST_TAG.match(ln.text)
        and not _INSTRUCTION.match(ln.text)
    ]
    useful = _leading_notes_taken_off(useful, strip)
    groups = _paragraphs(useful)
    numbered = _bare_numbers(useful, broken)
    numbered |= _bare_among_labels(useful, strip) | _sub_labels(useful)
    numbered |= _long_labels(useful)
    # a "+" a hard wrap fell on ("Ca2" then "+ channels ..."): no bullet (list_wraps)
    plus = plus_wraps(useful, _ends_entry)
    markers = sum(1 for k, ln in enumerate(useful) if list_marker(ln.text) and k not in plus)
    # "-  (2023). Title." among "-  Roe, A." bullets: a bullet, no repeated-author dash
    year_bullets = dash_year_bullets(useful)
    markers += len(numbered) + len(year_bullets)
    list_mode = markers >= 2
    # a full entry under its own label line ("Roe & Doe (1999)"): the label's rest
    headed = label_headed(useful, strip) if not list_mode else set()
    texts = [ln.text for ln in useful if ln.text.strip()]
    multi = sum(1 for g in groups if len(g) > 1)
    if list_mode:
        kind = "numbered" if numbered or _numbered(useful) else "bulleted"
    elif len(groups) > 1 and multi * 3 >= len(groups) and _hard_wrapped(texts):
        kind = "hanging paragraphs"
    elif len(groups) == 1 and _hanging_indent(texts, strip):
        kind = "hanging indent"
    elif len(groups) == 1 and _hard_wrapped(texts):
        kind = "wrapped lines"
    else:
        kind = "one per line"
    width = _wrap_width(texts)
    spaced = kind == "one per line" and _blank_spaced(groups)
    answer: list[bool] = []  # whether the list is dated, once a line asks

    def dated_list() -> bool:
        if not answer:
            opening = [t for t in texts if looks_like_entry_start(t, strip)]
            answer.append(kind == "one per line" and is_dated_list(opening))
        return answer[0]

    labelled = _alpha_labelled(useful, strip) if not list_mode else set()
    stray_bullets = _stray_bullets(useful) if kind == "numbered" else set()
    dashes_in_items = _dashes_in_items(useful) if list_mode else set()
    # entries that open indented (a hanging indent typed as spaces before each one)
    indented = len(texts) >= 3 and 2 * sum(1 for t in texts if t[:1].isspace()) > len(texts)
    with_text = [k for k, ln in enumerate(useful) if ln.text.strip()]
    by_field = field_starts([useful[k].text for k in with_text]) if list_mode else None
    field_works = None if by_field is None else {with_text[k] for k in by_field}
    entries: list[list[Line]] = []
    # what is asked of entries[-1] (dated? finished?), kept as it grows: joining its
    # lines again for every line was quadratic in one entry's lines (entry_so_far)
    so_far = EntrySoFar()
    joined = 0
    last_key: tuple[str, int] | None = None
    blank_before = True
    marked_next = (  # the next line with text opens with an entry's marker
        _next_with_text(useful, lambda k, t: k in numbered or list_marker(t) is not None)
        if kind == "numbered"
        else []
    )
    opening_next = (  # ... or opens as an entry does
        [] if list_mode else _next_with_text(useful, lambda _k, t: looks_like_entry_start(t, strip))
    )
    address_next = (  # ... or is an address alone
        _next_with_text(useful, lambda _k, t: _bare_address(t, strip))
        if kind in ("wrapped lines", "one per line")
        else []
    )
    # a numbered list's labels, and for each line the label of the next labelled line
    # after it (one pass from the end): a label out of the count, with the count going
    # on right after it, is a wrapped line's number ("Release date: 2010 June" then
    # "06. <http://...>", "Ed." then "10. Stockholm 1: 1-824."), not an entry (class HW)
    label_after: list[int | None] = []
    if kind == "numbered":
        following: int | None = None
        for ln in reversed(useful):
            label_after.append(following)
            if ln.text.strip():
                following = _label_number(ln.text) if list_marker(ln.text) else following
        label_after.reverse()
    last_label: int | None = None
    opened_after_blank = False  # whether entries[-1] opened after a blank line
    for k, line in enumerate(useful):
        if not line.text.strip():
            blank_before = True
            if entries:
                entries[-1].append(line)
                so_far = so_far.grown(line.text)
            continue
        if (
            marked_next
            and marked_next[k]
            and _group_heading(line.text, numbered, k)
            and not _wraps_on(useful, k, broken)
            and (not entries or so_far.complete)
        ):
            blank_before = True  # "Tài liệu tiếng anh" over the list's English works
            continue
        # in a list typed with hard breaks (a converter's), a line after a soft newline
        # is the wrapping of the entry before: never a group's heading nor an entry,
        # however it opens ("Princeton." then "599p.\\", "2015." then "Model-based
        # total evidence phylogeny ..."; class HW)
        soft_wrapped = bool(broken) and bool(entries) and not blank_before
        soft_wrapped = soft_wrapped and last_key not in broken
        if (
            opening_next
            and not soft_wrapped
            and opening_next[k]
            and (not entries or blank_before or _ends_entry(_last_text(entries)))
            # no heading comes right after an author list ("..., Padian K."), nor inside
            # a paragraph of a list of paragraphs: "Detecting heteroplasmy from ..."
            # under "Li M, ... 2010." is a wrapped title (its rest had been an entry)
            and (blank_before or not authors_end(_last_text(entries)))
            and (blank_before or kind != "hanging paragraphs")
            and _group_heading(line.text, numbered, k)
            and not _wraps_on(useful, k, broken)
            and not looks_like_entry_start(line.text, strip)
            and (not entries or so_far.complete)
        ):
            # "Books", "Archival sources", "Websites" between a list's entries, typed
            # as a plain line (a text file, a Word paragraph in no heading style): the
            # heading of a group, no entry ("Books ... never cited") and no part of one
            blank_before = True
            continue
        prev = _last_text(entries)
        if not entries or k in numbered or k in year_bullets:
            starts = True
        elif k in plus or k in headed:
            starts = False
        elif field_works is not None:
            # one field a bullet ("- Autor: ...", "- URL: ..."): a work starts where
            # the first field comes again (field_list; REAL_MANUSCRIPTS_10, class AL)
            starts = k in field_works
        elif labelled:
            # a list whose entries open with their author-year label ("[Kuhn 2008] Kuhn,
            # S., ..."): a line without one is the rest of the entry before, however
            # it opens ("Helander, M., ..." after a line break in the author list)
            starts = k in labelled
        elif (
            not list_mode and _bare_address(line.text, strip) and _address_only(entries[-1], strip)
        ):
            # a webography ("Sitografia", "Webgrafía", "Online sources"): an address
            # alone after an entry that is an address alone is the next source; read
            # as its rest (it opens in lower case), the list was one entry and every
            # other source was lost (REAL_MANUSCRIPTS_11, class UL)
            starts = True
        elif (
            label_after
            and not blank_before
            and opened_after_blank
            and _same_label(line.text, entries[-1][0].text)
        ):
            # the entry's own label again inside it, in a list whose entries are parted
            # by blank lines: a copy editor's note quoting the original ("... 10.1016/x"
            # then "24. Dunmire SK, ... Edifix has not found an issue number ..."), the
            # entry's rest; read as an entry, the note was one never cited
            starts = False
        elif (
            label_after
            and last_label is not None
            and list_marker(line.text)
            # the same number again is a sub-entry ("[1a]" then "[1b]"), not a wrap
            and _label_number(line.text) not in (None, last_label, last_label + 1)
            and label_after[k] == last_label + 1
        ):
            starts = False
        elif (
            not blank_before
            and _number_under_bullet(line.text, entries[-1][0].text)
            and not soft_wrapped
            # "2." after an unlabelled first entry carries the count on: an entry; so
            # does "17." near the count when a stray line was taken for an entry (read
            # as a wrap, every numbered entry after it was joined into one)
            and abs((_label_number(line.text) or 0) - (len(entries) + 1)) > _COUNT_SLACK
        ):
            # "376. http://dx.doi.org/..." wrapped under "-  Roe, A. ... pp.": a number
            # other than 1 starts no ordered list inside a paragraph (CommonMark), and
            # an entry opened by a bullet goes on (class NB)
            starts = False
        elif k in dashes_in_items:
            # "     - Taxas por idade ..." under "- 7.  Roe ... Campo Alto. I": a title's
            # dash at a hard wrap, the item's rest (class DI)
            starts = False
        elif k in stray_bullets:
            # a dash alone in a numbered list ("-" then "yzX8Crq...&Key-Pair-Id=..."):
            # a long address broken at its hyphen, the rest of the entry before, no
            # bullet; read as one, the address's tail was an entry never cited (class PB)
            starts = False
        elif not blank_before and _number_in_item(useful, k):
            # a wrapped line of a converter's list item, indented under it, opening with
            # a number ("      247. <https://doi.org/...>", a page after "44(3):"):
            # Markdown starts no list there (one that interrupts a paragraph starts at
            # 1), so it is the item's rest, not an entry never cited
            starts = False
        elif list_marker(line.text):
            # a line that is only a number ("164.") in a list without markers is the
            # end of a page range the paragraph before was cut in, not an entry; nor is
            # a hard wrap's "1. The crown agents ..." under "Volume 1, part" (class HW)
            lone = _LONE_NUMBER.match(line.text) is not None
            # ... nor, in a marked list, a page range's end wrapped under its item
            # ("Saudi Pharm J. 2018;26(8):1112 -" then "      9."): no entry is a number
            # ... nor, in a list of no markers, a wrapped issue or page under a line that
            # ends mid-way ("Revista ... 24" then "(1) 208-237. 10.1590/...")
            starts = (list_mode and not (lone and not blank_before and wrapped_into(prev))) or (
                not lone
                and (blank_before or (not wrapped_into(prev) and _ends_entry(prev)))
                and not soft_wrapped
            )
        elif _imprint_line(line.text, strip) and not so_far.dated:
            # "São Paulo: Alfa, 2015." after an entry with no year yet: its imprint
            # wrapped onto a line of its own, not an entry (it opens like "OECD 2020.")
            starts = False
        elif address_next and _web_entry_after_address(line.text, prev, address_next[k], strip):
            starts = True
        elif not list_mode and broken and not blank_before:
            # in a list typed with Markdown hard breaks ("  " or "\\" at a line's end: a
            # converter's line breaks inside one paragraph), the line after a break that
            # opens as entries do is an entry, though the one before ends without a full
            # stop ("Nat Commun 9: 3140  "); the soft newlines between are the wrapping,
            # so a wrapped line is no entry however it opens ("Matzke M. 2009. A ...")
            # After a break under an entry that is whole (ended, or dated), a line that
            # opens in capitals and goes on no entry ("Available from:") opens one however
            # it reads ("HAINMUELLER J.; XU, Y.", "IBGE - Instituto ...", "Tropicos (...)
            # 2015."): the converter breaks between entries, and joined, each was lost
            starts = last_key in broken and (
                looks_like_entry_start(line.text, strip)
                or (
                    (so_far.dated or _ends_entry(prev))
                    and not _continues(line.text, strip)
                    and _CONTINUATION_OPENS.match(strip(line.text).lstrip(" *_\"'“‘")) is None
                )
            )
        elif list_mode:
            starts = blank_before and (
                looks_like_entry_start(line.text, strip) or _stray_then_label(line.text) is not None
            )
        elif kind == "hanging paragraphs":
            if blank_before:
                starts = looks_like_entry_start(line.text, strip) or (
                    _ends_entry(prev) and not _continues(line.text, strip)
                )
            else:
                starts = (
                    _ends_entry(prev)
                    and len(prev.rstrip()) < 0.75 * width
                    and looks_like_entry_start(line.text, strip)
                )
        elif kind == "hanging indent":
            starts = not line.text[:1].isspace()
        elif kind == "wrapped lines":
            # "... Horner JR, Padian K." ends the author list, not the entry: the wrap
            # fell before the title ("Variation in dinosaur ..."; list_wraps)
            starts = (
                _ends_entry(prev)
                and not authors_end(prev)
                and looks_like_entry_start(line.text, strip)
            )
        elif (
            spaced
            and not blank_before
            and _rest_of_spaced_entry(line.text, prev, so_far.dated, dated_list)
        ) or (
            kind == "one per line"
            and _rest_of_author_list(line.text, prev, so_far.dated, indented, dated_list)
        ):
            starts = False
        else:
            # a Word entry split over paragraphs: an undated paragraph that does not open
            # as entries do, in a dated list, is the rest of the entry before it ("Boca
            # Raton: CRC Press.", "Second-generation p-values: ...", see list_tail)
            starts = looks_like_entry_start(line.text, strip) or (
                _ends_entry(prev)
                and not _continues(line.text, strip)
                and not (
                    dated_list()
                    and not dated(line.text)
                    and not opens_with_person(line.text)
                    and not _web_entry(line.text, strip)
                    and so_far.dated
                )
            )
        last_key = (line.file, line.number)
        if starts:
            entries.append([line])
            opened_after_blank = blank_before
            so_far = EntrySoFar().grown(line.text)
            if label_after:
                last_label = _label_number(line.text) if list_marker(line.text) else None
        else:
            entries[-1].append(line)
            so_far = so_far.grown(line.text)
            joined += int(blank_before or kind == "one per line")
        blank_before = False
    # A numbered or bulleted list's markers say where entries start, so a line without
    # one can only continue the entry before: joining it is no guess.
    uncertain = kind == "wrapped lines" or (kind not in ("numbered", "bulleted") and joined > 0)
    layout = Layout(kind, joined, uncertain)
    cleaned = strip if clean is strip_markdown else clean
    # A placeholder a draft keeps under its heading ("…", "---", "[...]") has no letter
    # or digit: no entry, never 'never cited' (REAL_MANUSCRIPTS_8, class PH)
    cut = [_entry(group, cleaned) for group in entries]
    kinds = _kinds_of_source(cut)
    return [
        e
        for k, e in enumerate(cut)
        if any(ch.isalnum() for ch in e.text)
        and not _template_instruction(e.text)
        and k not in kinds
        and not title_only_entry(e.text)
    ], layout


def title_only_entry(text: str) -> bool:
    """Whether an entry is only the list's title, repeated, or a page number, or both:
    a PDF's running header over each page of the list ("Bibliografía" and "57") joined
    into an 'entry' that was reported never cited (REAL_MANUSCRIPTS_10, class RH). No
    work is written as a bare number of four digits or fewer."""
    tokens = text.split()
    # a bare number is a page's; "[7]" or "(7)" is a label, which opens an entry
    words = [w for w in tokens if not w.rstrip(".").isdigit()]
    if not words:  # the page number alone, its header taken for the list's heading
        return 0 < len(tokens) <= 2 and all(len(t) <= 4 for t in tokens)
    return len(words) <= _TITLE_ONLY_WORDS and all(is_reference_title(w) for w in words)


_TITLE_ONLY_WORDS = 4


_BULLETS = ("•", "◦", "▪", "‣", "-", "*", "–", "·", "○", "■", "□")
_KIND_MAX_WORDS = 6


def _kind_of_source(entry: RawEntry) -> bool:
    """A bulleted item naming a kind of source, "• Bücher, in denen nachgeschlagen
    wurde", "• Normen", "• Artigos de periódicos": a few words, no digit, no address, no
    full stop or colon inside -- no work is written so."""
    raw = entry.raw.lstrip()
    if not raw.startswith(_BULLETS):
        return False
    text = entry.text.strip().lstrip("".join(_BULLETS)).strip().rstrip(".;,")
    return (
        0 < len(text.split()) <= _KIND_MAX_WORDS
        and not any(ch.isdigit() for ch in text)
        and "://" not in text
        and not any(ch in text for ch in ".:")
    )


def _kinds_of_source(entries: Sequence[RawEntry]) -> set[int]:
    """The entries in runs of two or more bulleted kinds of source: a template's
    example of what the list may hold ("Hier wird verwendete Literatur angegeben, z.B.:"
    then "• Bücher", "• Artikel aus Zeitschriften", "• Normen"), left under the heading.
    Read as entries, ten of them were 'never cited' (REAL_MANUSCRIPTS_10, class TB). One
    such item alone is left an entry: a student's "• Wikipedia" is what the list says."""
    out: set[int] = set()
    run: list[int] = []
    for k, entry in enumerate([*entries, None]):
        if entry is not None and _kind_of_source(entry):
            run.append(k)
            continue
        if len(run) >= 2:
            out.update(run)
            intro = run[0] - 1  # "..., z.B.:" over the run: the template's words too
            if intro >= 0 and _introduces(entries[intro].text):
                out.add(intro)
        run = []
    return out


def _introduces(text: str) -> bool:
    """A line that introduces the items after it: it ends in a colon and holds no digit
    ("Hier wird verwendete Literatur angegeben, z.B.:", "Liste aqui, por exemplo:")."""
    plain = text.strip()
    return plain.endswith((":", "：")) and not any(ch.isdigit() for ch in plain)


# A template's instruction to its user left under the list's heading: a verb telling
# what to do, then the style or the list to write ("Usar a ABNT", "Use APA style",
# "Insira aqui as referências", "Fügen Sie hier die Literatur ein"). Both parts bounded and
# the line anchored: linear.
_INSTRUCTION_VERB = re.compile(
    r"(?:usar|use|utilizar|utilize|utilice|inserir|insira|insert|incluir|inclua|"
    r"include|listar|liste|list|colocar|coloque|adicionar|adicione|add|agregar|agregue|"
    r"añadir|añada|seguir|siga|follow|escreva|escriba|write|digite|type|formate|format|"
    r"aplicar|aplique|apply|einfügen|fügen)\b",
    re.IGNORECASE,
)
_INSTRUCTION_OBJECT = re.compile(
    r"\b(?:abnt|apa|vancouver|ieee|harvard|chicago|mla|nbr|normas?|estilo|style|formato|"
    r"refer[eê]ncias?|references?|bibliograf\w{0,8}|literatur\w{0,12}|here|aqui|aquí|hier|"
    r"einfügen)\b",
    re.IGNORECASE,
)


def _template_instruction(text: str) -> bool:
    """Whether an entry is a template's instruction left under the heading ("Usar a
    ABNT" and the template's credit line after it): it opens with a verb telling what
    to do, names a style or the list, and holds no year, address or page number. Read
    as an entry, it was 'never cited' (REAL_MANUSCRIPTS_9, class TI)."""
    head = text[:300].lstrip()
    if any(ch.isdigit() for ch in head) or "://" in head:
        return False
    verb = _INSTRUCTION_VERB.match(head)
    return verb is not None and _INSTRUCTION_OBJECT.search(head[: verb.end() + 60]) is not None


# An entry's own author-year label opening its line, as DIN 1505 and alpha styles print
# them: "[Kuhn 2008]", "[Voelter et al 2010]", "[Stahl/Völter et al 2007]", "[OMG 2015b]".
# Bounded: linear on any line.
_ALPHA_LABEL = re.compile(r"\s*\[[^\W\d_][^\[\]\n]{0,60}?[\s,]\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?\]")


def _alpha_labelled(lines: Sequence[Line], strip: Callable[[str], str]) -> set[int]:
    """The lines that open with an author-year label, when such labels open the list's
    entries (three or more, and most of the lines that read as an entry's start);
    else none. A line of a labelled entry after a line break ("Benutzeroberflächen-
    modellierung, 2008, URL:", "Helander, M., Kats, L., ...") read as an entry of its
    own: the labelled entry's citation matched the first part, and the second was
    'never cited' (REAL_MANUSCRIPTS_8, class LC)."""
    found = {k for k, ln in enumerate(lines) if _ALPHA_LABEL.match(ln.text)}
    if len(found) < 3 or not _ALPHA_LABEL.match(
        next((ln.text for ln in lines if ln.text.strip()), "")
    ):
        return set()
    starts = sum(
        1 for k, ln in enumerate(lines) if k in found or looks_like_entry_start(ln.text, strip)
    )
    return found if len(found) * 5 >= starts * 3 else set()


# A book's imprint alone on a line: a place of one to four words ("São Paulo", "Rio de
# Janeiro", "New York"), a colon, a publisher, then the year ("São Paulo: Alfa, 2015.",
# "Porto Alegre: Artmed; 2005.", "Madrid: Síntesis, 2015. 230 p."). Anchored, each part
# bounded: linear on any line.
_PLACE_WORD = rf"[{_UP}][a-zß-öø-ÿ][^\W\d_]{{0,30}}"  # "São", "Rio": not a title in capitals
_IMPRINT_LINE = re.compile(
    rf"{_PLACE_WORD}(?:[ \-](?:{_PLACE_WORD}|de|do|da|del|la|di|du|am|upon|on|sur)){{0,3}}"
    rf":\s[^:()\[\]\d]{{1,80}}?[,;]\s\[?{_YEAR_ALT}[a-z]?\]?[.,;]?(?:\s|$)"
)


# ABNT's container and its locator alone on a line: "Revista Alfa, v. 2, n. 3, p. 1-9,
# 2015.", "Cadernos de Beta, Rio de Janeiro, v. 31, ...": a journal's name (no digit,
# comma, colon, bracket or sentence break in it), perhaps its place, then "v." or "n."
# and a number. Bounded and anchored: linear.
_CONTAINER_WORDS = r"(?:[^\d,:.()\[\]]|\.(?!\s)){1,100}?"
_ABNT_CONTAINER_LINE = re.compile(
    rf"[{_UP}]{_CONTAINER_WORDS}(?:,\s{_CONTAINER_WORDS})?,\s[vn]\.\s?\d"
)


def _imprint_line(text: str, strip: Callable[[str], str]) -> bool:
    """Whether a line is the rest of a wrapped entry, nothing before it: its imprint and
    year ("São Paulo: Alfa, 2015."), or its journal and locator in ABNT's form."""
    plain = strip(text).strip()
    if _IMPRINT_LINE.match(plain) is not None:
        return True
    return _ABNT_CONTAINER_LINE.match(plain) is not None and not opens_with_person(plain)


def _blank_spaced(groups: Sequence[Sequence[Line]]) -> bool:
    """Whether empty lines are the list's separator: four paragraphs at least, two in
    three of them a single line (an entry each). A list with a stray empty line or two
    (one paragraph of many lines) is not so spaced."""
    singles = sum(1 for g in groups if len(g) == 1)
    return len(groups) >= 4 and singles * 3 >= len(groups) * 2


def _rest_of_spaced_entry(
    text: str, prev: str, entry_dated: bool, dated_list: Callable[[], bool]
) -> bool:
    """In a list spaced by empty lines, whether a line that no empty line sets apart is
    the rest of the entry before it, cut by Enter: it does not open as a person's name
    does ("SILVA, João." is an entry whose empty line was forgotten), and the line
    before ends mid-way, or -- the list being dated -- the entry before has no year yet
    or this line has none ("Universidade X. 2014." under "Dissertação de Mestrado.",
    "Instituto Alfa, Recife." under a dated thesis). Two dated entries stay two."""
    if (
        opens_with_person(text)
        or opens_with_capitals_surname(text)
        or list_marker(text) is not None
    ):
        return False
    if not _ends_entry(prev):
        return True
    return dated_list() and not (entry_dated and dated(text))


def _rest_of_author_list(
    text: str, prev: str, entry_dated: bool, indented: bool, dated_list: Callable[[], bool]
) -> bool:
    """A Word entry cut inside its author list, one paragraph a line ("Roe, A., Poe, B.,
    Lee, C.," then "Dee, D., and Fox, E. (2015) Title. Journal."): the line before ends
    with a comma, mid-list, so this line goes on with the names. Told apart from the
    next entry by one of two signs: where the list opens each entry indented, this
    line is at the margin; in a list with no indent, the entry so far has no year and
    this line has it, in a dated list. Read as an entry each, the first half was an
    undated entry never cited and every citation of the work a year mismatch
    (REAL_MANUSCRIPTS_13, class LW)."""
    if not prev.rstrip().endswith(","):
        return False
    if indented:  # the indent says where entries open
        return not text[:1].isspace()
    return not entry_dated and dated(text) and dated_list()


def _last_text(entries: list[list[Line]]) -> str:
    if not entries:
        return ""
    return next((ln.text for ln in reversed(entries[-1]) if ln.text.strip()), "")


def _stray_bullets(lines: Sequence[Line]) -> set[int]:
    """In a numbered list, the lines that are a dash and nothing else ("-" where a long
    address broke at its hyphen), when no more than one line in ten is one: a list
    whose works are bullets under numbered groups keeps them."""
    dashes = {
        k
        for k, ln in enumerate(lines)
        if list_marker(ln.text) and (ln.text.strip() in ("-", "–") or _wrapped_dash(lines, k))
    }
    labelled = sum(1 for ln in lines if (m := list_marker(ln.text)) and m.group("bullet") is None)
    return dashes if dashes and len(dashes) * 10 <= labelled else set()


def _wrapped_dash(lines: Sequence[Line], k: int) -> bool:
    """A dash opening a line right under one that ends in a number: a page range the
    hard wrap cut at its dash ("... 2002;18(6):1725" then "- 36. https://doi.org/..."),
    no bullet (read as one, "- 36. https://..." was an entry, never cited)."""
    text = lines[k].text.lstrip()
    if k == 0 or not text.startswith(("- ", "– ")):
        return False
    above = lines[k - 1].text.rstrip().rstrip("\\").rstrip()
    return bool(above) and above[-1].isdigit()


def _dashes_in_items(lines: Sequence[Line]) -> set[int]:
    """The lines opening with a dash indented under a numbered item ("9\\.  Roe ...",
    or "- 7.  Roe ...", a converter's label after its bullet; or at the margin in the
    item's paragraph), right under a line that ends mid-way (no full stop,
    address or access note): a title's " - " the wrap fell on ("... Campo Alto. I" then
    "     - Taxas por idade ..."), no bullet. Read as one, the title's rest was an entry
    never cited. Kept when more than one item in three has one: a list whose works are
    bullets under numbered groups."""
    found = set()
    for k, ln in enumerate(lines):
        text = ln.text.lstrip()
        if k == 0 or not text.startswith(("- ", "– ")) or list_marker(text[2:]) is not None:
            continue
        above = lines[k - 1].text.rstrip().rstrip("\\").rstrip()
        if not above or _ends_entry(above):
            continue
        # indented under the item, or at the margin in the item's paragraph
        item = _item_line(lines, k) if _item_continuation(lines, k) else _paragraph_item(lines, k)
        if item is not None and _numbered_item(lines[item].text):
            found.add(k)
    items = sum(1 for ln in lines if _numbered_item(ln.text))
    return found if found and len(found) * 3 <= items else set()


_COUNT_SLACK = 2  # entries a stray line or a joined pair may have moved the count by


def _number_under_bullet(text: str, first: str) -> bool:
    """Whether `text` opens with a number label other than 1 ("376.") and `first`, the
    first line of the entry it follows with no blank line between, opens with no label:
    a bullet alone ("- Roe, A. ...") or nothing (a paragraph). Markdown reads the
    number as the paragraph's rest (an ordered list interrupts a paragraph only at 1):
    a page range's end or a volume the wrap fell on; read as an entry, "376.
    http://..." was never cited."""
    marker = list_marker(text)
    if marker is None or marker.group("number") is None or _label_number(text) == 1:
        return False
    opening = list_marker(first)
    if opening is None and (_BARE_NUMBER.match(first) or _SUB_LABEL.match(first)):
        # labelled after all, "3b M. Nash, ..." or "4 Roe A. ...": the next number is the
        # next entry, as in any numbered list ("3b" then "4." had been read as one)
        return False
    if opening is None:
        # a plain paragraph's entry (Pensoft's, blank lines between): "Flora of the
        # USSR, Vol." then "24. Akademiya Nauk Press, ..." is its wrapped volume
        return True
    return opening.group("bullet") is not None and list_marker(first[opening.end() :]) is None


def _same_label(text: str, first: str) -> bool:
    """Whether `text` opens with a number label written as `first`, an entry's first
    line, opens ("24." and "24.", not "1a" and "1b" nor "24." and "25.")."""
    here, there = list_marker(text), list_marker(first)
    if here is None or there is None or here.group("number") is None:
        return False
    return here.group(0).strip() == there.group(0).strip()


def _numbered_item(text: str) -> bool:
    """A list item that opens with a number label: "9\\.  Roe A. ...", "4 Roe A.
    ...", or a converter's "- 7.  Roe A. ..."."""
    marker = list_marker(text)
    if marker is None:
        return _BARE_NUMBER.match(text) is not None  # "4 Roe A. ...", a bare number
    if marker.group("bullet") is None:
        return marker.group("number") is not None or marker.group("bracket") is not None
    rest = text[marker.end() :]
    inner = list_marker(rest)
    return (inner is not None and inner.group("number") is not None) or bool(
        _BARE_NUMBER.match(rest)
    )


def _paragraph_item(lines: Sequence[Line], i: int) -> int | None:
    """The index of the line opening with a label or marker that line `i`'s paragraph
    (no blank line between) runs on from, a few lines up at most."""
    for j in range(i - 1, max(-1, i - 1 - _ITEM_LINES_MAX), -1):
        above = lines[j].text
        if not above.strip():
            return None
        if list_marker(above) is not None or _BARE_NUMBER.match(above):
            return j
    return None


def _item_line(lines: Sequence[Line], i: int) -> int | None:
    """The index of the list item line `i` is indented under (`_item_continuation`)."""
    indent = len(lines[i].text) - len(lines[i].text.lstrip(" "))
    for j in range(i - 1, max(-1, i - 1 - _ITEM_LINES_MAX), -1):
        above = lines[j].text
        if len(above) - len(above.lstrip(" ")) < indent:
            return j
    return None


def _numbered(lines: Sequence[Line]) -> bool:
    return any(
        (m := list_marker(ln.text)) is not None and m.group("bullet") is None for ln in lines
    )


_LONE_NUMBER = re.compile(r"^\s*\d{1,5}[.)]?\s*$")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")
_MAX_LABEL_GAP = 3


def _bare_numbers(
    lines: Sequence[Line], broken: Collection[tuple[str, int]] = frozenset()
) -> set[int]:
    """Indexes of lines numbered "1 Author…", "2 Author…" (a list number without its
    full stop, as some journals print it): counted only when most lines carry one and
    they count up by one (or skip an entry or two taken out, before a name), so a
    wrapped line starting with a volume number is not."""
    rising: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        m = _BARE_NUMBER.match(line.text)
        if m is None and rising and _lone_next_number(lines, k, rising[-1][1]):
            # "12" alone, its entry (an address) on the next line: the number of the
            # entry, not a line to join to the one before ("11 Conley ... 12" merged)
            rising.append((k, rising[-1][1] + 1))
            continue
        if m is None or list_marker(line.text) is not None:
            continue
        n = int(m.group(1))
        last = rising[-1][1] if rising else n - 1
        # the next number, or one a little further when an entry was taken out ("22",
        # "24") and a name follows it, as an entry's does (a volume "24 (3)" does not)
        gap = last + 1 < n <= last + _MAX_LABEL_GAP and line.text[m.end() : m.end() + 1].isalpha()
        if n == last + 1 or gap:
            rising.append((k, n))
    nonblank = sum(1 for ln in lines if ln.text.strip())
    if len(rising) >= 3 and len(rising) * 2 >= nonblank:
        return {k for k, _ in rising}
    if _wrapped_bare_numbers(lines, rising, nonblank, broken):
        return {k for k, _ in rising}
    return set()


# entries of a hard-wrapped list span two to four lines of 72-80 columns
_WRAPPED_LINES_PER_ENTRY = 4
_WRAPPED_RUN_MIN = 5


def _lone_next_number(lines: Sequence[Line], k: int, last: int) -> bool:
    """Whether line `k` is the list's next number and nothing else ("12"), a line of
    text after it: a converter broke the line after the label of an entry that is an
    address ("12" then "<https://www.example.com/...>, accessed in 2021.")."""
    text = lines[k].text.strip().rstrip("\\").rstrip()
    if not text.isdigit() or int(text) != last + 1 or k + 1 >= len(lines):
        return False
    return bool(lines[k + 1].text.strip())


def _wrapped_bare_numbers(
    lines: Sequence[Line],
    rising: Sequence[tuple[int, int]],
    nonblank: int,
    broken: Collection[tuple[str, int]] = frozenset(),
) -> bool:
    """Whether a run of bare numbers ("1 Weaver DD, ...") numbers a hard-wrapped list.

    A converter that wraps at 72-80 columns spreads each entry over two to four lines,
    so fewer than half the lines carry a number and the list was read as one entry
    (with hard breaks at the entries' ends: 2 of 38 entries read; every later number
    "missing"). The run still numbers the list when it is long, starts at 1, covers a
    quarter of the lines, and every number opens a line after one that ends an entry
    (a full stop, an address, a blank): a wrapped line opening with a volume number
    follows an entry's middle, not its end. A line ending in a hard break (`broken`:
    the converter's break between entries) ends one too, however it ends ("...
    index.php?area=060702" before "11 Ministério ...": the list was one entry).
    """
    if not rising or rising[0][1] != 1:
        return False
    if len(rising) < _WRAPPED_RUN_MIN and not _short_bare_run(lines, rising):
        return False
    # each number opening a paragraph of its own (blank lines between the entries, a
    # DOI's link on a line of its own): the blank lines say where entries start, however
    # many lines each runs to (five an entry: "fewer than a quarter" read 8 of 30)
    paragraphs = 1 + sum(
        1 for k in range(1, len(lines)) if not lines[k - 1].text.strip() and lines[k].text.strip()
    )
    opening = all(k == 0 or not lines[k - 1].text.strip() for k, _ in rising)
    if len(rising) * _WRAPPED_LINES_PER_ENTRY < nonblank and not (
        opening and len(rising) * 2 >= paragraphs
    ):
        return False
    for k, _ in rising[1:]:
        if (lines[k - 1].file, lines[k - 1].number) in broken:
            continue
        before = lines[k - 1].text.rstrip().rstrip("\\").rstrip()
        if before and not _ends_entry(before):
            return False
    return True


def _short_bare_run(lines: Sequence[Line], rising: Sequence[tuple[int, int]]) -> bool:
    """Whether a run of two to four bare numbers numbers a short hard-wrapped list.

    Too short for `_WRAPPED_RUN_MIN`, a three-entry list "1 Author ...", wrapped with
    neither blank lines nor hard breaks between entries, was read as one entry (every
    number after 1 "missing", the works it merged never cited). It is read as numbered
    only where nothing else could be: the list opens with "1", the numbers run on by one
    with no gap, each before a name (a capital letter), and every entry spans no more
    lines than a wrapped entry does -- a wrapped line opening "2 ed." or a volume does not
    pass, nor a list whose "1" opens a paragraph of prose.
    """
    if len(rising) < 2:
        return False
    first = next((k for k, ln in enumerate(lines) if ln.text.strip()), -1)
    if rising[0][0] != first:
        return False
    starts = [k for k, _ in rising]
    ends = [*starts[1:], len(lines)]
    for i, (k, n) in enumerate(rising):
        if n != i + 1:
            return False
        m = _BARE_NUMBER.match(lines[k].text)
        if m is None or not lines[k].text[m.end() : m.end() + 1].isupper():
            return False
        span = sum(1 for ln in lines[k : ends[i]] if ln.text.strip())
        if span > _WRAPPED_LINES_PER_ENTRY:
            return False
    return True


def _sub_labels(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines opening with a bare sub-label ("1a A. Bauer, ...", "12c M.
    Roe, ..."): an entry each. Read as no label, every sub-entry was joined to the one
    before (7 entries read of 92) and every later number read as missing. Counted only
    when at least two lines carry one and their letters run on from "a" (1a, 1b, 2a) or
    their numbers rise, so a wrapped line "3d ed." or "2a" inside an entry is not."""
    found: list[tuple[int, int, str]] = []
    for k, line in enumerate(lines):
        m = _SUB_LABEL.match(line.text)
        if m is None:
            continue
        n, letter = int(m.group(1)), m.group(2)
        if found:
            _, last_n, last_letter = found[-1]
            runs_on = n == last_n and ord(letter) == ord(last_letter) + 1
            if not (runs_on or (n > last_n and letter == "a")):
                continue
        elif letter != "a":
            continue
        found.append((k, n, letter))
    return {k for k, _, _ in found} if len(found) >= 2 else set()


_DIGITS = re.compile(r"\d+")


def _label_number(text: str) -> int | None:
    """The number of a line's list label ("3.", "3)", "(3)", "[3]"), or None."""
    marker = list_marker(text)
    label = None if marker is None else marker.group("number") or marker.group("bracket")
    digits = None if label is None else _DIGITS.search(label)
    return None if digits is None else int(digits.group())


# a four-digit label, "1000." or "1000)": a list marker only where it carries on the
# list's numbers (`_long_labels`) -- alone, "2019." opening a line is a wrapped year
_LONG_LABEL = re.compile(r"^\s*(\d{4})[.)](?:\s+|$)")
_LONG_FROM = 999  # the highest label `_MARKER` reads (three digits)


def _long_labels(lines: Sequence[Line]) -> set[int]:
    """Indexes of lines labelled "1000.", "1001." ... in a list numbered up to 999: a
    review's list of a thousand works and more. `_MARKER` reads three digits only, so
    that a wrapped entry's line opening "2019." stays part of its entry; read so, the
    list stopped at 999 entries, the rest joined to the 999th and their citations lost.
    A four-digit label counts when it carries on the labels before it (the next one, or
    one a little further where entries were taken out) -- one walk over the lines."""
    found: set[int] = set()
    if not any(_LONG_LABEL.match(line.text) for line in lines):
        return found  # the usual list: no line to weigh
    last: int | None = None
    for k, line in enumerate(lines):
        m = _LONG_LABEL.match(line.text)
        if m is None:
            if (n := _label_number(line.text)) is not None and n > (last or 0):
                last = n  # a three-digit label (or a bracket's "[1000]")
            continue
        n = int(m.group(1))
        if (
            last is not None
            and last >= _LONG_FROM - _MAX_LABEL_GAP
            and last < n <= last + _MAX_LABEL_GAP
        ):
            found.add(k)
            last = n
    return found


def _bare_among_labels(lines: Sequence[Line], strip: Callable[[str], str]) -> set[int]:
    """Indexes of lines "3 Muller EV, ..." in a list labelled "1.", "2.", "4.": an
    entry whose label lost its full stop (as a journal's copy prints one or two). Read
    as no label, it was joined to the entry before, and every later one shifted. A
    bare number counts when it carries on the labels before it (the next one, or one
    a little further where entries were taken out), no later label goes back below
    it, and what follows it opens as an entry does (or, as a paragraph of its own, in
    capitals: "5 Ministry of Health (XX).") -- so a wrapped line "3 (2):1-2." or "12
    and 13." inside an entry stays part of it."""
    labels = [_label_number(line.text) for line in lines]
    if sum(1 for n in labels if n is not None) < 2:
        return set()
    later: list[int | None] = [None] * len(lines)  # the next label after each line
    upcoming: int | None = None
    for k in range(len(lines) - 1, -1, -1):
        later[k] = upcoming
        upcoming = labels[k] if labels[k] is not None else upcoming
    found: set[int] = set()
    last: int | None = None
    for k, line in enumerate(lines):
        if labels[k] is not None:
            last = labels[k]
            continue
        m = _BARE_NUMBER.match(line.text)
        if m is None or last is None:
            continue
        n = int(m.group(1))
        rest = line.text[m.end() :]
        after = later[k]
        alone = k == 0 or not lines[k - 1].text.strip()  # a paragraph of its own
        if (
            last < n <= last + _MAX_LABEL_GAP
            and (after is None or after > n)
            and rest[:1].isalpha()
            and ((alone and rest[:1].isupper()) or looks_like_entry_start(rest, strip))
        ):
            found.add(k)
            last = n
    return found


# a stray number or mark before an entry's label: "1 32. Centers for ...", "* 7. Lee"
# (a footnote mark or a page number a copy from the web or a PDF left in front of it)
_STRAY_LABEL = re.compile(r"^\s*[\d*†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}\s+(\d{1,3}[.)]\s+\S)")


def _stray_then_label(text: str) -> re.Match[str] | None:
    """The label of a list entry that a stray mark stands before, or None."""
    return _STRAY_LABEL.match(text)


def _hanging_indent(texts: Sequence[str], strip: Callable[[str], str] = strip_markdown) -> bool:
    """Lines in hanging indent: the first at the margin, indented lines each after a
    line at the margin or another indented one, and at least a third of the lines
    indented (a stray indented line in a one-per-line list is not the layout). Every
    margin line must open as entries do and every entry so cut be dated: a list whose
    lines were all indented but its first, or prose indented by accident, is not a
    list in hanging indent."""
    if len(texts) < 3 or texts[0][:1].isspace():
        return False
    margin = [t for t in texts if not t[:1].isspace()]
    indented = len(texts) - len(margin)
    if len(margin) < 2 or indented * 3 < len(texts):
        return False
    if not all(looks_like_entry_start(t, strip) for t in margin):
        return False
    groups: list[str] = []  # each entry's text, so that each can be seen to be dated
    for text in texts:
        if text[:1].isspace():
            groups[-1] += " " + text.strip()
        else:
            groups.append(text)
    return all(map(dated, groups))


def _wrap_width(texts: Sequence[str]) -> int:
    """The width lines were cut at: the longest line of more than one word. A word
    longer than the width (an address, "<http://www.ncbi.nlm.nih.gov/entrez/...>")
    stands alone on a longer line, as a converter wraps; taken for the width, a list
    wrapped at 76 columns read as one entry a line, every entry cut at its lines."""
    several = [len(t.rstrip()) for t in texts if " " in t.strip()]
    return max(several or [len(t.rstrip()) for t in texts] or [0])


def _hard_wrapped(texts: Sequence[str]) -> bool:
    """Lines cut at a fixed width: many of them as long as the longest, which is short."""
    if len(texts) < 4:
        return False
    width = _wrap_width(texts)
    full = sum(1 for t in texts if len(t.rstrip()) >= 0.85 * width)
    return width <= 120 and full * 3 >= len(texts)


def _continues(text: str, strip: Callable[[str], str] = strip_markdown) -> bool:
    """A line that carries on the entry before it: it starts in lower case or with
    punctuation, and names no year near its start ("and Methods. Sage."); "pandas
    (2020)." and "lavaan project. (2017)." are entries."""
    plain = strip(text).lstrip(" *_\"'“‘")
    if not plain:
        return True
    if plain[0] in ",;:)]}.":
        return True
    return plain[0].islower() and not _YEAR.search(plain[:60])


def _ends_entry(text: str) -> bool:
    """A line that ends as entries end: a full stop, a URL or DOI, or an access note
    ("[accessed 16.05.2013]")."""
    stripped = text.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return (
        stripped.endswith((".", ">"))
        # an address, also as a converter's link to itself ("[https://doi.org/…](…)")
        or bool(re.match(r"\[?(?:https?://|doi:|10\.\d)", last, re.IGNORECASE))
        or _ACCESS_NOTE_END.search(stripped[-80:]) is not None
        or _IDENTIFIER_END.search(stripped[-60:]) is not None
    )


# An entry's record number at its very end, with no full stop after it ("... 10.1/x,
# PMID: 17586620", "PMCID: PMC123456", "arXiv:2101.01234v2"): the entry ends there.
# Read as open, the next entry was joined to it when its year came late ("Roe A., Poe
# B., Example Study Group (2002). Title.").
_IDENTIFIER_END = re.compile(
    # "\s*(?::\s*)?", not "\s*:?\s*": two runs of spaces side by side were quadratic
    r"(?:\b(?:PMID|PMCID|PubMed(?:\s?ID)?|arXiv)\s*(?::\s*)?(?:PMC)?\d[\d.]*(?:v\d+)?"
    r"|\bPMC\d+)[;,]?\s*$",
    re.IGNORECASE,
)


# "[accessed 16.05.2013]", "(last accessed 2 May 2020)", "[acesso em 3 mar. 2021]."
_ACCESS_NOTE_END = re.compile(
    r"[\[(]\s*(?:last\s+)?(?:accessed|acessado|acesso|consultado|abgerufen|viewed|retrieved)"
    r"\b[^\[\]()]{0,40}[\])]\s*\.?$",
    re.IGNORECASE,
)
# how the rest of a Word entry split over paragraphs opens: "Available from: http://..."
_CONTINUATION_OPENS = re.compile(
    r"(?:available|dispon[ií]vel|retrieved|recuperado|consultado|acesso|accessed|from|url|"
    r"doi|in|em|en|dans|im)\b",
    re.IGNORECASE,
)


def _web_entry(text: str, strip: Callable[[str], str] = strip_markdown) -> bool:
    """A whole entry for a web resource with no date of its own: "Flora Fictiva:
    http://example.org/ [accessed 16.05.2013]" -- a name, its address, an access note;
    not the address that ends an entry split over paragraphs ("Available from: ...")."""
    plain = strip(text).strip()
    return (
        "://" in plain
        and _ACCESS_NOTE_END.search(plain[-80:]) is not None
        and _CONTINUATION_OPENS.match(plain) is None
    )


def _bare_address(text: str, strip: Callable[[str], str] = strip_markdown) -> bool:
    """A line that is a web address and nothing else ("https://example.org/a")."""
    plain = strip(text).strip().strip("<>")
    return " " not in plain and plain.lower().startswith(("http://", "https://", "www."))


def _address_only(entry: Sequence[Line], strip: Callable[[str], str] = strip_markdown) -> bool:
    """Whether an entry so far is one line that is a web address and nothing else."""
    texts = [ln.text for ln in entry if ln.text.strip()]
    return len(texts) == 1 and _bare_address(texts[0], strip)


# how an access or archive note after an entry's address opens ("last accessed 3 May
# 2020, archived at https://...", "zuletzt abgerufen am ...")
_ACCESS_NOTE_OPENS = re.compile(
    r"(?:last|archived|archive|zuletzt|abgerufen|visited|viewed|acedido|visitado|consulté)\b",
    re.IGNORECASE,
)


def _web_entry_after_address(
    text: str, prev: str, address_next: bool, strip: Callable[[str], str] = strip_markdown
) -> bool:
    """Whether a line after an entry that ends in its web address opens an entry of its
    own: a web resource's title with its own address ("About the indexer.
    https://..."), or a description whose address is the next line ("cad a 3d" over
    "https://..."). Read as the rest of the entry before, it was lost: never reported
    uncited (REAL_MANUSCRIPTS_9, class UJ). An access note, an address alone or a
    line opening as an entry's rest ("Available from", "consultado el ...") without an
    address of its own or one after it still carries the entry on."""
    stripped = prev.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    if not last.lower().lstrip("<").startswith(("http://", "https://", "www.")):
        return False
    plain = strip(text).strip()
    if not plain or plain[0] in ",;:)]}.([<" or _bare_address(plain, strip):
        return False
    if (
        _CONTINUATION_OPENS.match(plain)
        or _ACCESS_NOTE_OPENS.match(plain)
        or _ACCESS_NOTE_END.search(plain[-80:])
    ):
        return False
    if plain.lower().startswith(("http://", "https://", "www.")):
        return False
    return address_next or "://" in plain


def _leading_notes_taken_off(lines: list[Line], strip: Callable[[str], str]) -> list[Line]:
    """The list's lines without the notes wholly in parentheses that come before its
    first entry: "(Formatted citations to be finalized for the target journal.)" under
    the heading was read as an entry "never cited" (REAL_MANUSCRIPTS_14, class NL). A
    note between entries, or a line in parentheses after the first entry, is left to
    the cut (it may be an entry's part); only lines with text before the first line
    that is no such note are dropped, and never all of them (a "list" that is only a
    note in parentheses keeps it: it is no note above entries)."""
    k = 0
    notes = 0
    while k < len(lines):
        text = lines[k].text
        if text.strip():
            if _PARENTHESISED_NOTE.fullmatch(strip(text)) is None:
                break
            notes += 1
        k += 1
    if notes == 0 or k == len(lines):
        return lines
    return lines[k:]


def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _entry(group: list[Line], clean: Callable[[str], str]) -> RawEntry:
    while group and not group[-1].text.strip():
        group.pop()
    first = group[0]
    # The raw text is what the file holds (`fix` finds the entry by it); the text
    # parsed for names and year is the one shown.
    raw = "\n".join(_written(line) for line in group)
    parts = [line.text.strip() for line in group if line.text.strip()]
    stray = _stray_then_label(parts[0]) if list_marker(parts[0]) is None else None
    if stray is not None:
        # "1 32. Centers ...": the entry is labelled 32, in what it is cited by too (its
        # raw text starts at the label: the mark before it belongs to no entry)
        parts[0] = parts[0][stray.start(1) :]
        raw = raw[_written_offset(group, parts[0][:8]) :]
    marker = list_marker(parts[0])
    if marker is not None:
        label = marker_label(marker)
        parts[0] = (label + " " if label else "") + parts[0][marker.end() :]
    elif (alpha := _ALPHA_LABEL_OPENING.match(parts[0])) is not None:
        # "[Sm2019]: Smith, J. (2019)" (a Markdown list of link labels), "[AbCd15] Abel,
        # Anna:": the label names the entry (its raw text keeps it, for the matcher),
        # it is no part of the author -- parsed with it, the year became a second author
        parts[0] = parts[0][alpha.end() :]
    text = clean(" ".join(parts))
    return RawEntry(text=text, location=Location(first.file, first.number), raw=raw)


# an alphabetic label opening an entry, as DIN 1505, BibTeX's alpha style and Markdown's
# link labels write it; never digits alone (a number's label is a list marker)
_ALPHA_LABEL_OPENING = re.compile(rf"\s*(?:\*\*|__)?\[(?:{ALPHA_LABEL})\](?:\*\*|__)?:?\s+")


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")
_TABLE_LABEL = re.compile(r"\[?(\d{1,4})[.)]?\]?")
_FEWEST_ROWS = 3


def _table_rows_as_entries(lines: list[Line]) -> list[Line]:
    """A list laid out as a Markdown pipe table (Pandoc's rendering of a Word list kept
    in a table), as entries: each row one, a number in its first cell its label, the
    header row and the rule under it none. Only when rows are half the list's lines at
    least (three rows at least), most of them dated: a row or two among entries, or a
    table of data after the list, is left as it is. Each row
    keeps its written text; an empty line after it sets it apart."""
    rows = [k for k, ln in enumerate(lines) if _TABLE_ROW.match(ln.text)]
    nonblank = sum(1 for ln in lines if ln.text.strip())
    if len(rows) < _FEWEST_ROWS or len(rows) * 2 < nonblank:
        return lines
    cells = {k: [c.strip() for c in lines[k].text.strip()[1:-1].split("|")] for k in rows}
    rules = {k for k in rows if all(_TABLE_RULE_CELL.fullmatch(c) for c in cells[k])}
    if sum(1 for k in rows if dated(lines[k].text)) * 2 < len(rows) - len(rules):
        return lines  # a table of data, not of entries (entries carry their years)
    out: list[Line] = []
    for k, line in enumerate(lines):
        if k not in cells:
            out.append(line)
            continue
        if k in rules or (k + 1 in rules and not dated(line.text)):
            continue  # the rule, and the header above it
        filled = [c for c in cells[k] if c]
        if not filled:
            continue
        label = _TABLE_LABEL.fullmatch(filled[0])
        if label is not None and len(filled) > 1:
            text = f"{label.group(1)}. " + " ".join(filled[1:])
        else:
            text = " ".join(filled)
        written = line.written if line.written is not None else line.text
        out.append(replace(line, text=text, written=written, removed=""))
        out.append(Line(line.file, line.number, ""))
    return out


_QUOTE_MARKS = re.compile(r"^ {0,3}(?:> ?){1,8}")


def _block_quote_taken_off(lines: list[Line]) -> list[Line]:
    """The list's lines without Markdown's block-quote marks ("> Smith, J. ...", ">"
    alone an empty line), when most of its lines are quoted: read with them, every
    author was "> Smith" and the list had no empty line. Written text kept."""
    nonblank = [ln for ln in lines if ln.text.strip()]
    quoted = sum(1 for ln in nonblank if _QUOTE_MARKS.match(ln.text))
    if not nonblank or quoted * 2 <= len(nonblank):
        return lines
    out: list[Line] = []
    for line in lines:
        marks = _QUOTE_MARKS.match(line.text)
        if marks is None:
            out.append(line)
            continue
        written = line.written if line.written is not None else line.text
        out.append(replace(line, text=line.text[marks.end() :], written=written, removed=""))
    return out


# an HTML list inside Markdown: its own tags ("<ol>", "</ul>") alone on a line, and an
# item opening with "<li>" (attributes bounded) and perhaps closing with "</li>"
_HTML_LIST_TAG = re.compile(r"^\s*</?(?:ol|ul)\b[^<>]{0,200}>\s*$", re.IGNORECASE)
_HTML_ITEM = re.compile(r"^\s*<li\b[^<>]{0,200}>\s*", re.IGNORECASE)
_HTML_ITEM_END = "</li>"


def _without_item_end(text: str) -> str:
    """`text` without a closing "</li>" at its end (and the blanks around it). Not a
    pattern searched from every position: "blanks, </li>, blanks, end" read a run of
    blanks once for each of its characters (80,000 blanks in one item: 10.5 CPU s)."""
    kept = text.rstrip()
    if kept[-len(_HTML_ITEM_END) :].lower() != _HTML_ITEM_END:
        return text
    return kept[: -len(_HTML_ITEM_END)].rstrip()


def _html_items(lines: list[Line]) -> list[Line]:
    """HTML list items ("<li>Smith, J. ...</li>") as the list a reader sees: numbered
    "1.", "2." inside an "<ol>", bulleted otherwise. Read as text, "<li>Smith" was the
    entry's author. Each keeps its written text."""
    out: list[Line] = []
    number = 0  # the next item's number inside an <ol>; 0 outside one
    for line in lines:
        tag = _HTML_LIST_TAG.match(line.text)
        if tag is not None:
            opened = line.text.strip()[1:3].lower()
            number = 1 if opened == "ol" else 0
            out.append(line)
            continue
        opening = _HTML_ITEM.match(line.text)
        if opening is None:
            out.append(line)
            continue
        marker = f"{number}. " if number else "- "
        number += 1 if number else 0
        text = marker + _without_item_end(line.text[opening.end() :])
        written = line.written if line.written is not None else line.text
        out.append(replace(line, text=text, written=written, removed=""))
    return out


def _hard_broken(lines: Sequence[Line]) -> set[tuple[str, int]]:
    """The lines ending with a Markdown hard break (two spaces or a backslash), where a
    list has two or more and most of its lines have none: a converter's line breaks
    between entries of one paragraph, the other lines its wrapping (text from a PDF
    whose every line keeps trailing blanks says nothing so)."""
    found = {
        (ln.file, ln.number)
        for ln in lines
        if ln.text.strip()
        and (ln.text.endswith("  ") or (ln.text.endswith("\\") and not ln.text.endswith("\\\\")))
    }
    written = sum(1 for ln in lines if ln.text.strip())
    return found if len(found) >= 2 and len(found) * 10 <= written * 7 else set()


def _hard_break_taken_off(line: Line) -> Line:
    """The line without Markdown's hard line break, a backslash before the newline (how
    Pandoc writes Word's Shift+Enter): the line ends where the backslash stands, as the
    reader sees it. Kept in, a list typed with line breaks ended no line as entries end
    and read as one entry. Its written text keeps the backslash; an escaped one ("\\\\")
    is text."""
    text = line.text
    if not text.endswith("\\") or text.endswith("\\\\"):
        return line
    written = line.written if line.written is not None else text
    return replace(line, text=text[:-1].rstrip(), written=written)


def _written(line: Line) -> str:
    return line.written if line.written is not None else line.text


def _written_offset(group: list[Line], head: str) -> int:
    """Where `head` (shown text) starts in the group's lines as written, joined."""
    offset = 0
    for line in group:
        at = line.text.find(head)
        if at >= 0:
            return offset + line.written_column(at)
        offset += len(_written(line)) + 1
    return 0
