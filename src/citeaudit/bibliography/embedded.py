"""A reference list written inside the manuscript, as a Bibliography."""

from __future__ import annotations

import re
from dataclasses import replace

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.interface import Bibliography
from citeaudit.manuscript.document import Document

_BIBITEM = re.compile(r"\\bibitem\s*(?:\[[^\]]*\])?\s*\{([^}]+)\}")


def embedded_bibliography(document: Document) -> Bibliography | None:
    """Parses the manuscript's own reference list; None when it has none.

    LaTeX ``\\bibitem{key}`` entries keep their key, so ``\\cite{key}`` can match them.
    """
    if not document.reference_entries:
        return None
    references = []
    for index, entry in enumerate(document.reference_entries, start=1):
        found = _BIBITEM.search(entry.raw)
        key = found.group(1).strip() if found else None
        text = _BIBITEM.sub("", entry.text).strip() if found else entry.text
        ref = parse_reference(
            text, id=key or f"ref-{index}", index=index, location=entry.location, raw=entry.raw
        )
        if key is not None and ref.key != key:
            ref = replace(ref, key=key)
        references.append(ref)
    return Bibliography(source=document.path, format="freetext", references=tuple(references))
