"""How citation rules name references and citations in their messages."""

from __future__ import annotations

from citeaudit.manuscript.docx_citation_markers import FIELD_ITEM
from citeaudit.model.citation import Citation
from citeaudit.model.reference import Reference

# A name or key shown longer than this is cut: the handle is repeated in a finding
# per citation, and a hostile entry keyed by 400,000 characters, cited 1,000 times by
# name with another year, wrote 400 MB of messages. No real name or key is this long.
_LONGEST_SHOWN = 200


def describe_reference(ref: Reference) -> str:
    """A short handle an editor recognises: "Yani et al. (2017)" or "[12]" or the key."""
    if ref.authors:
        first = _shown(ref.authors[0].family)
        more = len(ref.authors)
        name = (
            first
            if more == 1
            else f"{first} & {_shown(ref.authors[1].family)}"
            if more == 2
            else f"{first} et al."
        )
    else:
        name = _shown(ref.key) if ref.key else (ref.title or ref.raw)[:40]
    year = ref.year_label
    head = f"{name} ({year})" if year else name
    if ref.key and _shown(ref.key) != name:
        head = f"{head} [{_shown(ref.key)}]"
    return head


def _shown(text: str) -> str:
    """`text` as a message shows it: whole, or its head and "..." past `_LONGEST_SHOWN`."""
    return text if len(text) <= _LONGEST_SHOWN else f"{text[: _LONGEST_SHOWN - 3]}..."


def describe_citation(cit: Citation) -> str:
    """The citation as the reader finds it in the text.

    A Word field's work is keyed by its entry internally ("ref-21"); nobody typed that
    key, so it is described by the text Word shows for it (its piece of a cluster). A
    work the list lacks keeps its description (names, year, title and the shown text)."""
    if cit.command == FIELD_ITEM and cit.key is not None and cit.text:
        return cit.text
    if cit.key is not None:
        return f'{cit.text} (key "{cit.key}")' if cit.text and cit.key not in cit.text else cit.text
    if cit.number is not None and cit.text and str(cit.number) not in cit.text:
        return f"{cit.text} (entry {cit.number})"
    item = cit.item or cit.text
    return f'"{item}"' if item else cit.text
