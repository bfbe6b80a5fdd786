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

__all__ = [
    "MAX_ENTRY_CHARS",
    "MAX_LIST_CHARS",
    "MODEL_CHARS",
    "bibliography_from_entries",
    "embedded_bibliography",
]

# Longer than any real entry (a 100-author list is ~5,000); the parser's cost grows with
# the entry, so a run-on "entry" (an unclosed \bibitem[ label swallowing the rest of
# the list) is read only this far, and said so.
MAX_ENTRY_CHARS = 10_000
# The parser's cost is per character (~10 us with the tagger, ~4 without), and 20,000
# entries of 10,000 characters each -- what the two caps above allowed, a 20 MB upload
# -- asked for ~200 CPU seconds: a worker held to the parse stage's time limit. A list
# is therefore read within a budget of characters: the tagger reads its first
# `MODEL_CHARS` (a 5,000-entry list of 300-character entries; real lists stay under
# 600,000), the rules alone read on to `MAX_LIST_CHARS` (authors and year, what
# matching needs most, come from the rules), and later entries are not read (one
# problem says where): ~30 CPU seconds at most for a list, whatever is uploaded.
MODEL_CHARS = 1_500_000
MAX_LIST_CHARS = 5_000_000


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
    parsed = 0  # characters handed to the parser so far
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
        if parsed >= MAX_LIST_CHARS:
            problems.append(_text_cut(entry, index))
            break
        if parsed < MODEL_CHARS <= parsed + len(text):
            problems.append(_tagger_stopped(entry))
        ref = parse_reference(
            text,
            id=key or f"ref-{index}",
            index=index,
            location=entry.location,
            raw=entry.raw,
            use_model=parsed < MODEL_CHARS,
        )
        parsed += len(text)
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


def _tagger_stopped(entry: RawEntry) -> ParseProblem:
    return ParseProblem(
        entry.location,
        f"the reference list is longer than {MODEL_CHARS:,} characters, longer than any "
        "real one; from the entry after this one its entries are read by the rules alone "
        "(titles and journals less surely told apart)",
        entry.raw[:200],
    )


def _text_cut(entry: RawEntry, index: int) -> ParseProblem:
    return ParseProblem(
        entry.location,
        f"the reference list is longer than {MAX_LIST_CHARS:,} characters, longer than any "
        f"real one; entries from number {index:,} on (here) are not read -- split the list",
        entry.raw[:200],
    )
