"""Entries the text cites by their web address.

Databases, software and web pages are often cited by the address the entry gives:
"localities were searched in Google Earth (http://www.google.com/earth/index.html)"
for the entry "Google Earth: http://www.google.com/earth/index.html [accessed ...]",
or a DOI link in a sentence. No author-year or number reader sees such a citation,
and the entry was called "never cited" although a reader follows the link to it.

An entry counts as cited when an address it holds -- and no other entry holds --
appears in the manuscript's text more often than the entry's own line there prints it
(where a reader keeps the list's lines in the text, they are no citation). Addresses
compare without scheme, "www." and trailing punctuation, case-folded.

Linear: every address of the manuscript is read once by one regular expression with
no nested quantifier, and counted; each entry then costs a look-up per address.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from citeaudit.audit_data import AuditData

_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]{}\"'“”‘’`|]{3,500}", re.IGNORECASE)
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_TRAILING = ".,;:!?/*_"


def addresses(text: str) -> Iterable[str]:
    """The web addresses written in `text`, normalised."""
    for m in _ADDRESS.finditer(text):
        address = _SCHEME.sub("", m.group()).rstrip(_TRAILING).casefold()
        if "." in address:
            yield address


def cited_by_address(data: AuditData) -> set[str]:
    """Ids of entries whose own address the manuscript's text cites."""
    if not data.manuscripts:
        return set()
    in_text: Counter[str] = Counter()
    # a place is (file, page, line): a PDF numbers its lines again on every page
    read: set[tuple[str, int | None, int | None]] = set()
    for document in data.manuscripts:
        in_text.update(addresses(document.text))
        read.update((line.file, line.page, line.number) for line in document.lines)
    if not in_text:
        return set()
    held_by: dict[str, set[str]] = {}
    in_list: Counter[str] = Counter()
    for ref in data.references:
        own = list(addresses(ref.raw))
        if (ref.location.file, ref.location.page, ref.location.line) in read:
            in_list.update(own)  # the list's own line, read with the text: no citation
        for address in own:
            held_by.setdefault(address, set()).add(ref.id)
    cited: set[str] = set()
    for address, holders in held_by.items():
        if len(holders) == 1 and in_text[address] > in_list[address]:
            cited.update(holders)
    return cited
