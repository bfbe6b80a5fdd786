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

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from citeaudit.manuscript.document import Line, RawEntry
from citeaudit.manuscript.markup import strip_latex, strip_markdown
from citeaudit.model.location import Location

__all__ = [
    "AFTER_REFERENCE_TITLES",
    "REFERENCE_TITLES",
    "Heading",
    "ReferenceSection",
    "find_headings",
    "find_reference_section",
    "is_reference_title",
    "list_marker",
    "looks_like_entry_start",
    "normalize_title",
    "split_entries",
]

# Normalised: case-folded, accents removed, single spaces.
REFERENCE_TITLES: frozenset[str] = frozenset(
    {
        # English
        "references", "reference", "reference list", "list of references", "references cited",
        "bibliography", "select bibliography", "selected bibliography", "works cited",
        "literature cited", "cited literature", "literature", "sources", "sources cited",
        "works consulted", "citations", "bibliography and references", "notes and references",
        # Indonesian / Malay
        "daftar pustaka", "daftar referensi", "referensi", "rujukan", "senarai rujukan",
        "kepustakaan", "pustaka", "bibliografi", "daftar rujukan", "pustaka acuan",
        # Spanish / Portuguese / Catalan
        "referencias", "referencias bibliograficas", "bibliografia", "referencies",
        "referencias citadas", "obras citadas", "fuentes", "referencias bibliograficas citadas",
        # German
        "literaturverzeichnis", "literatur", "quellen", "quellenverzeichnis",
        "literatur und quellen", "quellen und literatur", "literaturangaben",
        # French
        "references bibliographiques", "bibliographie", "ouvrages cites", "sources citees",
        # Italian
        "riferimenti bibliografici", "riferimenti", "bibliografia citata",
        # Dutch / Scandinavian / Finnish
        "literatuur", "literatuurlijst", "referenties", "bronnen", "bronvermelding",
        "litteratur", "referenser", "kallor", "litteraturliste", "kilder", "kirjallisuus",
        "lahteet",
        # Central/Eastern Europe, Turkey
        "literatura", "bibliografie", "pismiennictwo", "kaynaklar", "kaynakca", "irodalom",
        "zdroje", "viri", "izvori",
        # Cyrillic, Greek
        "список литературы", "литература", "библиография", "список использованных источников",
        "βιβλιογραφια", "αναφορες",
        # Asian, Arabic
        "参考文献", "参考资料", "引用文献", "文献", "참고문헌", "참고 문헌", "المراجع",
        "المصادر والمراجع", "tai lieu tham khao", "บรรณานุกรม", "เอกสารอ้างอิง",
    }
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
)  # fmt: skip

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")
_LATEX_HEADING = re.compile(
    r"^\s*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s*"
    r"(?:\[[^\]]*\])?\s*\{(.*)\}\s*$"
)
_LATEX_LEVELS = {
    "part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5,
}  # fmt: skip
_LATEX_END = re.compile(r"^\s*\\(?:end\{document\}|appendix\b|begin\{appendix|backmatter\b)")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*[:.]?\s*$")
_NUMBERING = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]\s*|\d+(?:\.\d+)*\s+|(?:bab|chapter|part)\s+"
    r"[\divxlcdm]+[.:]?\s+)",
    re.IGNORECASE,
)
_MARKER = re.compile(
    r"^\s*(?:(?P<bullet>[-*+•·▪‣◦●■–—])(?:\s+|$)|(?P<number>\d{1,3}[.)]|\(\d{1,3}\))(?:\s+|$)"
    r"|(?P<bracket>\[\d{1,4}\])\s*|(?P<item>\\item(?:\[[^\]]*\])?)(?:\s+|$))"
)
_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
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
_AUTHOR_THEN_YEAR = re.compile(
    r"^[^()\[\]]{1,120}?[.,]?\s*(?:\((?:1[5-9]\d\d|20\d\d)[a-z]?[^)]{0,20}\)|\((?:n\.\s?d\.|s\.f\.|o\.\s?J\.|t\.t\.)\))",
    re.IGNORECASE,
)
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
    """`lines[start:end]` is the heading and the list; `entries` the list cut up."""

    heading: Heading
    start: int
    end: int
    entries: tuple[RawEntry, ...]


def normalize_title(text: str) -> str:
    """Heading text as compared: no markup, numbering, trailing colon, case or accents."""
    plain = strip_markdown(text).strip()
    plain = _NUMBERING.sub("", plain, count=1) if not is_reference_title_raw(plain) else plain
    plain = plain.strip().rstrip(":：.").strip()
    decomposed = unicodedata.normalize("NFKD", plain.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def is_reference_title_raw(text: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", text.strip().rstrip(":：.").casefold())
    plain = " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
    return plain in REFERENCE_TITLES


def is_reference_title(text: str) -> bool:
    """Whether a heading's text names a reference list, in any of the known languages."""
    return normalize_title(text) in REFERENCE_TITLES


def _is_after_title(title: str) -> bool:
    return any(title == w or title.startswith((w + " ", w + ":")) for w in AFTER_REFERENCE_TITLES)


def list_marker(text: str) -> re.Match[str] | None:
    """The list marker a line starts with (``-``, ``1.``, ``[1]``, ``(1)``, ``\\item``)."""
    return _MARKER.match(text)


def looks_like_entry_start(text: str) -> bool:
    """Whether a line reads like the beginning of a reference rather than its middle.

    True for "Surname, ...", "A. B. Surname, ...", and "Anything short (2019)" (an
    organisation as author), also after a list marker; False for a title's tail such as
    "*Approaches*. Sage Publication." or a line starting in lower case.
    """
    marker = list_marker(text)
    if marker is not None:
        return True
    plain = strip_markdown(text).lstrip(" \"'“‘([")
    if not plain:
        return False
    surname = _SURNAME_COMMA.match(plain)
    if surname is not None and _name_words(surname.group(0)):
        return True
    if not plain[0].isupper():
        return False
    return bool(
        _INITIALS_FIRST.match(plain) or _AUTHOR_THEN_YEAR.match(plain) or _year_near_start(plain)
    )


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
    if not stripped or list_marker(stripped) or len(stripped) > _HEADING_MAX_CHARS:
        return None
    bold = _BOLD_LINE.match(stripped)
    plain = strip_markdown(stripped)
    if not plain or len(plain.split()) > _HEADING_MAX_WORDS or _YEAR.search(plain):
        return None
    if bold is not None:
        return plain, 1
    if plain.endswith((".", ",", ";")) and not is_reference_title_raw(plain):
        return None
    letters = [ch for ch in plain if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters if ch.lower() != ch.upper()):
        return plain, 1
    return plain, 0


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
        if pseudo is not None:
            title = normalize_title(pseudo[0])
            if pseudo[1] > 0 or title in REFERENCE_TITLES or _is_after_title(title):
                headings.append(Heading(i, 7, title, pseudo[1]))
    return headings


def find_reference_section(
    lines: Sequence[Line],
    levels: Mapping[int, int] | None = None,
    clean: Callable[[str], str] = strip_markdown,
) -> ReferenceSection | None:
    """The reference list: from the last heading naming one to the next heading of the
    same or a higher level, an appendix-like heading, or the end."""
    headings = find_headings(lines, levels)
    candidates = [h for h in headings if h.title in REFERENCE_TITLES]
    if not candidates:
        return None
    strong = [h for h in candidates if h.strength > 0]
    heading = (strong or candidates)[-1]
    end = len(lines)
    inner: set[int] = set()
    for h in headings:
        if h.index < heading.index + heading.span:
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
    body = [
        line
        for j, line in enumerate(
            lines[heading.index + heading.span : end], heading.index + heading.span
        )
        if j not in inner
    ]
    entries = split_entries(body, clean)
    return ReferenceSection(heading, heading.index, end, tuple(entries))


def split_entries(
    lines: Sequence[Line], clean: Callable[[str], str] = strip_markdown
) -> list[RawEntry]:
    """Cut a reference list into entries: numbered, bulleted, hanging or one per line."""
    useful = [
        ln for ln in lines if not _RULE.match(ln.text) and not _LATEX_COMMAND_LINE.match(ln.text)
    ]
    groups = _paragraphs(useful)
    list_mode = sum(1 for ln in useful if list_marker(ln.text)) >= 2
    # Blank lines between multi-line paragraphs mean hard-wrapped entries; without any
    # blank line (Word paragraphs, one entry per line) each line may start an entry.
    wrapped = len(groups) > 1 and any(len(g) > 1 for g in groups)
    entries: list[list[Line]] = []
    blank_before = True
    for line in useful:
        if not line.text.strip():
            blank_before = True
            if entries:
                entries[-1].append(line)
            continue
        if not entries or list_marker(line.text):
            starts = True
        elif list_mode:
            starts = blank_before and looks_like_entry_start(line.text)
        elif wrapped:
            starts = (blank_before or _ends_entry(entries[-1][-1].text)) and looks_like_entry_start(
                line.text
            )
        else:
            starts = looks_like_entry_start(line.text)
        if starts:
            entries.append([line])
        else:
            entries[-1].append(line)
        blank_before = False
    return [_entry(group, clean) for group in entries]


def _ends_entry(text: str) -> bool:
    """A line that ends as entries end: a full stop, or a URL or DOI."""
    stripped = text.rstrip()
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    return stripped.endswith((".", ">")) or bool(re.match(r"(?:https?://|doi:|10\.\d)", last))


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
    raw = "\n".join(line.text for line in group)
    parts = [line.text.strip() for line in group if line.text.strip()]
    marker = list_marker(parts[0])
    if marker is not None:
        label = marker.group("number") or marker.group("bracket") or ""
        parts[0] = (label + " " if label else "") + parts[0][marker.end() :]
    text = clean(" ".join(parts))
    return RawEntry(text=text, location=Location(first.file, first.number), raw=raw)
