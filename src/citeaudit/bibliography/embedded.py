"""A reference list written inside the manuscript (or standing alone), as a Bibliography."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from citeaudit.bibliography.freetext import inherit_repeated_authors, parse_reference
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.bibliography.limits import MAX_FREETEXT_ENTRIES, capped_problems, entries_cut
from citeaudit.manuscript.document import Document, RawEntry
from citeaudit.manuscript.latex import BIBITEM, bibitem_key
from citeaudit.model.reference import Reference

__all__ = ["MAX_ENTRY_CHARS", "bibliography_from_entries", "embedded_bibliography"]

# Longer than any real entry (a 100-author list is ~5,000); the parser's cost grows with
# the entry, so a run-on "entry" (an unclosed \bibitem[ label swallowing the rest of
# the list) is read only this far, and said so.
MAX_ENTRY_CHARS = 10_000


def embedded_bibliography(document: Document) -> Bibliography | None:
    """Parses the manuscript's own reference list; None when it has none."""
    if not document.reference_entries:
        return None
    return bibliography_from_entries(document.path, document.reference_entries)


def bibliography_from_entries(source: str, entries: Sequence[RawEntry]) -> Bibliography:
    """Each entry through the free-text parser.

    LaTeX ``\\bibitem{key}`` entries keep their key, so ``\\cite{key}`` can match them.
    """
    references: list[Reference] = []
    problems: list[ParseProblem] = []
    for index, entry in enumerate(entries, start=1):
        if index > MAX_FREETEXT_ENTRIES:  # `limits`: the parser's cost is per entry
            problems.append(entries_cut(source, entry.location.line or 1, MAX_FREETEXT_ENTRIES))
            break
        keyed = bibitem_key(entry.raw) if "\\bibitem" in entry.raw else None
        key = keyed[0] if keyed is not None else None
        text = entry.text
        if key is not None and "\\bibitem" in text:
            text = BIBITEM.sub("", text).strip()
        if len(text) > MAX_ENTRY_CHARS:
            problems.append(
                ParseProblem(
                    entry.location,
                    f"entry of {len(text)} characters, longer than any reference; "
                    f"only its first {MAX_ENTRY_CHARS} were read",
                    entry.raw[:200],
                )
            )
            text = text[:MAX_ENTRY_CHARS]
        ref = parse_reference(
            text, id=key or f"ref-{index}", index=index, location=entry.location, raw=entry.raw
        )
        if key is not None and ref.key != key:
            ref = replace(ref, key=key)
        if entry.further_reading:  # uncited by design (reference_section)
            ref = replace(ref, extra=(*ref.extra, ("further_reading", "true")))
        references.append(ref)
    references = inherit_repeated_authors(references)
    return Bibliography(
        source=source,
        format="freetext",
        references=tuple(references),
        problems=capped_problems(problems, source, len(references)),
    )
