"""A reference list written inside the manuscript (or standing alone), as a Bibliography."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from citeaudit.bibliography.entry_ids import entry_id
from citeaudit.bibliography.freetext import inherit_repeated_authors, parse_reference
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.bibliography.limits import (
    MAX_FREETEXT_ENTRIES,
    MAX_LIST_CHARS,
    MODEL_CHARS,
    TextBudget,
    capped_problems,
    current_text_budget,
    entries_cut,
)
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
# How many characters of free-text lists are read: `limits.TextBudget` (one an audit).


def embedded_bibliography(
    document: Document, budget: TextBudget | None = None
) -> Bibliography | None:
    """Parses the manuscript's own reference list; None when it has none."""
    if not document.reference_entries:
        return None
    return bibliography_from_entries(document.path, document.reference_entries, budget)


def bibliography_from_entries(
    source: str, entries: Sequence[RawEntry], budget: TextBudget | None = None
) -> Bibliography:
    """Each entry through the free-text parser, within `budget` of characters (by
    default the running audit's, shared with every other list it reads).

    LaTeX ``\\bibitem{key}`` entries keep their key, so ``\\cite{key}`` can match them.
    """
    budget = budget if budget is not None else current_text_budget()
    references: list[Reference] = []
    problems: list[ParseProblem] = []
    for index, entry in enumerate(entries, start=1):
        if index > MAX_FREETEXT_ENTRIES:  # `limits`: the parser's cost is per entry
            problems.append(entries_cut(source, entry.location.line or 1, MAX_FREETEXT_ENTRIES))
            break
        if budget.spent:  # said once, where reading stopped; later lists say nothing
            if budget.stop(entry.location):
                problems.append(_text_cut(source, entry, index))
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
        if budget.crosses_model(len(text)):
            problems.append(_tagger_stopped(entry))
        ref = parse_reference(
            text,
            id=entry_id(key) if key else f"ref-{index}",  # bounded (ids29)
            index=index,
            location=entry.location,
            raw=entry.raw,
            use_model=budget.use_model,
        )
        budget.spend(len(text))
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
        f"the reference lists read hold more than {MODEL_CHARS:,} characters, more than "
        "any real paper's; from the entry after this one, entries (of this list and any "
        "read after it) are read by the rules alone (titles and journals less surely "
        "told apart)",
        entry.raw[:200],
    )


def _text_cut(source: str, entry: RawEntry, index: int) -> ParseProblem:
    return ParseProblem(
        entry.location,
        f"the reference lists read hold more than {MAX_LIST_CHARS:,} characters, more than "
        f"any real paper's; reading stopped here ({source}, line {entry.location.line}, "
        f"entry {index:,}): its entries from here on, and any reference list read after "
        "it, are not read -- split the upload",
        entry.raw[:200],
    )
