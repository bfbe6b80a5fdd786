"""Links whose only job is to carry a reference manager's record, read as their text.

Zotero's Google Docs plugin exports every citation and every entry of its bibliography
as a link to a placeholder address: ``[[11, 12]](https://www.zotero.org/google-docs/?x)``
in the text, ``[12. Lee A. A Title. 2001.](https://www.zotero.org/google-docs/?x)`` in the
list. A reader of the document sees ``[11, 12]`` and ``12. Lee A. ...``; the link markup
around them hid the list from the list finder and the numbers from the citation readers.
The markup is blanked in place (the label stays where it was, so columns hold).
"""

from __future__ import annotations

import re

__all__ = ["unwrap_placeholder_links"]

_HOST = "zotero.org/google-docs"
# A label holds text and one level of brackets ("[[11, 12]]"); the alternatives start
# with different characters, so a label that never closes is one pass.
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?https?://(?:www\.)?zotero\.org/google-docs/[^()\s]*\)"
)


def unwrap_placeholder_links(text: str) -> str:
    """`text` with each placeholder link reduced to its label, padded to its length."""
    if _HOST not in text:
        return text
    return _LINK.sub(_label, text)


def _label(match: re.Match[str]) -> str:
    label = match.group(1)
    return " " + label + " " * (match.end() - match.start() - len(label) - 1)
