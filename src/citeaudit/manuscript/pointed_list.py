"""A reference section that only points at another file: "See `references.md`.".

Why: a numbered manuscript ended "## References" with the one line "See
`manuscript/references.md`.", its list being that sibling file. The line was read as a
one-entry list, and each of 21 numbers "cites entry 7, but the reference list has 1
entries" (REAL_MANUSCRIPTS_14, class RP). A line that points at a file is no entry:

- `list_pointer` says whether a line is such a pointer -- short (a dozen words besides
  the name), naming a file of text or of a bibliography ("refs.md", "references.txt",
  "paper.bib") in code marks or a link, or bare after a word that points ("see", "in",
  "ver", "siehe"), with no year (an entry naming a data file, "Rook, A. (2019).
  kettles.txt [Data set].", is an entry; so is "Python Software Foundation.
  requirements.txt");
- `pointed_lines` reads the named file when it is a sibling of the manuscript: looked
  for in the manuscript's own folder only (as written from there, then by its last
  part, as a path written from the project's root, "manuscript/references.md", names
  the file beside "manuscript/paper.md"), and only when that folder's fence admits it
  (`InputScope.fence`: no ``..``, no link out, no second name of a file elsewhere).
  A stranger's upload read with no folder of its own follows no name
  (`InputScope.follows_names`), and the read is capped and held as every read is
  (`bounded_read.read_capped`).

The caller (`reference_section.find_reference_section`) takes the sibling's list as
the manuscript's; when it cannot be read the section holds no entry, so the citations
give the audit's one "no reference list" finding instead of one per number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bounded_read import read_capped
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Line
from citeaudit.model.location import Location
from citeaudit.text_decoding import BinaryContent, decode_bytes

__all__ = [
    "MAX_POINTED_BYTES",
    "MOST_POINTER_LINES",
    "PointerNote",
    "list_pointer",
    "pointed_lines",
    "unread_pointer",
]

MAX_POINTED_BYTES = 2_000_000  # a list of a few thousand entries; a larger file is no list
# lines under the heading a pointer may take: it is one sentence, perhaps two
MOST_POINTER_LINES = 3
_LONGEST_POINTER = 300  # characters of a pointer line: a sentence, never an entry's length
_MOST_OTHER_WORDS = 12
_LIST_FILES = r"(?:md|markdown|txt|text|bib|bibtex|ris|json|yaml|yml|qmd|rmd)"
# a file's name, with up to six folders before it, standing alone (not inside an
# address): "references.md", "manuscript/references.md", "./refs.bib"
_FILE_NAME = re.compile(
    rf"(?<![\w/.:@-])((?:\.{{1,2}}/)?(?:[\w-][\w.-]{{0,79}}/){{0,6}}[\w-][\w.-]{{0,119}}"
    rf"\.{_LIST_FILES})(?![\w/-])",
    re.IGNORECASE,
)
# what is read as lines of text; a bibliography's file (.bib, .ris, CSL-JSON) named so
# is pointed at but not read here (it is no typed list)
_TEXT_FILES = frozenset((".md", ".markdown", ".txt", ".text", ".qmd", ".rmd"))
# the words a pointer says it with, when the name is bare (no code marks, no link)
_CUES = frozenset(
    (
        "see", "in", "at", "listed", "found", "refer", "available", "file", "ver", "veja",
        "véase", "vea", "consulte", "consultar", "siehe", "voir", "vedi", "zie", "lihat",
    )
)  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")


def list_pointer(text: str) -> str | None:
    """The file a line points at as the reference list, or None when it is no pointer."""
    if len(text) > _LONGEST_POINTER or _YEAR.search(text):
        return None
    names = _FILE_NAME.findall(text)
    if not names or len(set(names)) > 2:
        return None
    rest = _FILE_NAME.sub(" ", text)
    words = _WORD.findall(rest)
    if len(words) > _MOST_OTHER_WORDS:
        return None
    marked = "`" in text or "](" in text
    if not marked and not any(w.casefold() in _CUES for w in words):
        return None  # "Python Software Foundation. requirements.txt": an entry
    return str(names[-1])


def pointed_lines(manuscript: str, target: str) -> list[Line] | None:
    """The lines of the file `target` names, when it lies in `manuscript`'s own folder
    and can be read as text; else None."""
    folder = Path(manuscript).parent
    written = Path(target)
    if written.suffix.casefold() not in _TEXT_FILES or written.is_absolute():
        return None
    if not InputScope().follows_names:
        return None
    fence = InputScope.fence(folder)
    for candidate in dict.fromkeys((folder / written, folder / written.name)):
        if not fence.admits(candidate) or not candidate.is_file():
            continue
        try:
            data = read_capped(candidate, MAX_POINTED_BYTES)
            text = decode_bytes(data).text
        except (OSError, BinaryContent):
            return None
        name = str(candidate)
        return [Line(name, n, t) for n, t in enumerate(text.splitlines(), start=1)]
    return None


@dataclass(frozen=True)
class PointerNote:
    """The line that points at a list no one could read, and what to tell the editor."""

    file: str
    line: int
    message: str


def unread_pointer(lines: Sequence[Line], heading: Location) -> PointerNote | None:
    """When the list under `heading` (a Document's `reference_heading`) is only a
    pointer at a file that was not read (not beside the manuscript, or not text), the
    one note that says where the list is; else None. For the reader to report as an
    input problem: the list is elsewhere, which explains why nothing matched."""
    start = next(
        (k for k, ln in enumerate(lines) if ln.number == heading.line and ln.file == heading.file),
        None,
    )
    if start is None:
        return None
    seen: list[tuple[Line, str]] = []
    for line in lines[start + 1 :]:
        text = line.text.strip()
        if not text:
            continue
        if text.startswith("#") or len(seen) == MOST_POINTER_LINES:
            break
        target = list_pointer(text)
        if target is None:
            return None
        seen.append((line, target))
    if not seen:
        return None
    line, target = seen[-1]
    return PointerNote(
        line.file,
        line.number,
        f"the reference list is in another file, '{target[:120]}', which was not read "
        "(none such beside the manuscript, or not a text file): give it with "
        "--reference-list (or --bib for a bibliography file)",
    )
