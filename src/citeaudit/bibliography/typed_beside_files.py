"""A typed reference list in a Pandoc source that also names a bibliography file.

Why: a Quarto or R Markdown manuscript cites its ``bibliography: refs.bib`` with
``@keys``, and citeproc prints those entries; but authors also type a section by hand
("# Supplementary References", works cited in an appendix as "(Boyd, 2019)"), which
Pandoc leaves as text. Both are the paper's entries. Reading only the file (the typed
list was used only when no file was read) made every work of the typed section
"missing" and its entries unread.

Only a Pandoc source counts -- a Markdown document that itself cites by ``@key``: a
rendered document (a Word or Markdown file whose list was printed from the same .bib,
given with ``--bib``) holds the file's entries a second time, and reading both would
list every work twice. And only what reads as entries (opening as an entry does, with
a date or an identifier): under the heading where citeproc puts the list, authors
leave comments and notes ("Nothing typed here.") that are no works, and notes that
cite the .bib themselves ("Seminal: @blondel2008 (Blondel et al. 2008, ...)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeaudit.bibliography.embedded import bibliography_from_entries
from citeaudit.bibliography.interface import Bibliography
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.standalone_list import reads_like_entry
from citeaudit.model.citation import Citation, CitationKind

__all__ = ["typed_lists_beside_files"]

_PANDOC_FORMATS = ("markdown",)  # .md, .qmd, .Rmd
_KEY_CITED = re.compile(r"(?<![\w.])-?@\{?\w")  # "@key", "[-@key]"; not "a@b.org"


def typed_lists_beside_files(
    documents: Sequence[Document], citations: Sequence[Citation]
) -> list[Bibliography]:
    """The typed lists of Pandoc sources, to be read beside their bibliography files."""
    key_cited = {
        c.location.file for c in citations if c.kind is CitationKind.KEY and c.command == "pandoc"
    }
    found: list[Bibliography] = []
    for document in documents:
        if document.format not in _PANDOC_FORMATS or not document.reference_entries:
            continue
        if key_cited.isdisjoint(document.files or (document.path,)):
            continue
        entries = tuple(
            e
            for e in document.reference_entries
            if reads_like_entry(e) and not _KEY_CITED.search(e.raw)
        )
        if entries:
            found.append(bibliography_from_entries(document.path, entries))
    return found
