"""What a file given by name is: a manuscript, a bibliography, a compiled list, or a
support file that is never read as either.

Why one place: the CLI, the service (uploads), the watch commands and the project-ZIP
reader each sorted files by suffix with a list of their own, and the lists drifted
(``refs.csl-json`` read as a manuscript, the run "clean" having checked nothing). A
LaTeX support file uploaded or named beside the chapters (``big.sty``, ``journal.cls``,
``plainnat.bst``) was read as a manuscript of its own: seconds of CPU for a large
package, and its macros' text could yield findings. The LaTeX reader already reads the
class files a chapter loads; given alone, such a file holds no text an editor wrote.

The suffix tables stay with their readers (a reader's ``extensions``,
`manuscript.reading.FORMAT_BY_SUFFIX`); this module only composes them, so a reader's
new suffix reaches every caller.
"""

from __future__ import annotations

from enum import Enum


class InputKind(Enum):
    MANUSCRIPT = "manuscript"
    BIBLIOGRAPHY = "bibliography"  # BibTeX, RIS, CSL-JSON, CSL-YAML: read by its reader
    COMPILED_LIST = "compiled-list"  # main.bbl: read by the LaTeX reader as its list
    SUPPORT = "support"  # never read as a manuscript or a bibliography


# LaTeX's packages, classes, bibliography and biblatex styles, font and option files,
# documented sources and installers, and a CSL style (XML, named by a Quarto front
# matter's ``csl:``): a build needs them; none is a text an editor wrote.
# ``.ltx`` is not here: it is also a LaTeX manuscript's suffix (``paper.ltx``).
SUPPORT_SUFFIXES: tuple[str, ...] = (
    ".sty",
    ".cls",
    ".clo",
    ".bst",
    ".bbx",
    ".cbx",
    ".lbx",
    ".dbx",
    ".cfg",
    ".def",
    ".fd",
    ".dtx",
    ".ins",
    ".csl",
)

COMPILED_LIST_SUFFIX = ".bbl"


def bibliography_suffixes() -> tuple[str, ...]:
    """Every suffix a bibliography reader reads, from the readers themselves."""
    from citeaudit.bibliography.loading import bibliography_suffixes as of_readers

    return of_readers()


def manuscript_suffixes() -> tuple[str, ...]:
    """Every suffix a manuscript reader is chosen by (others are sniffed)."""
    from citeaudit.manuscript.reading import manuscript_suffixes as of_readers

    return of_readers()


def kind_of(name: str) -> InputKind:
    """The kind of a file by its name alone (case ignored); a name no table knows is a
    manuscript, its format sniffed by the manuscript reader."""
    lower = name.lower()
    if lower.endswith(SUPPORT_SUFFIXES):
        return InputKind.SUPPORT
    if lower.endswith(COMPILED_LIST_SUFFIX):
        return InputKind.COMPILED_LIST
    if lower.endswith(bibliography_suffixes()):
        return InputKind.BIBLIOGRAPHY
    return InputKind.MANUSCRIPT


def is_support_name(name: str) -> bool:
    """Whether `name` is a support file: skipped when given beside the chapters."""
    return kind_of(name) is InputKind.SUPPORT


def readable_suffixes() -> tuple[str, ...]:
    """The suffixes an archive's files are taken by: manuscripts, bibliographies and the
    compiled list (support files are left in the archive)."""
    return (*manuscript_suffixes(), *bibliography_suffixes(), COMPILED_LIST_SUFFIX)
