"""A Vancouver entry's wrapped tail: "Journal of Hand Studies. 2007;27:642–650."

A journal's name, its year, then ";" and the volume: how a Vancouver (ICMJE) entry
ends, never how one opens -- an entry whose head is a short name and a year has a
full stop or a bracket after the year ("OECD. 2019.", "Roe J (2019)"). Read as an
opening (a short head, then the year), a hard-wrapped entry whose journal fell on a line
of its own was cut there: the head an entry without its journal, the tail an entry of
its own, never cited (a study PeerJ article as converted Markdown: 8 of 110 so).
"""

from __future__ import annotations

import re

# head: one run of words, no bracket, digit, comma or full stop inside ("Smith J. Title.
# J Biol. 2019;12" is a whole entry: its head has a full stop before the journal), a
# full stop, the year; then ";" and a volume digit. One reading per character: linear.
_JOURNAL_TAIL = re.compile(r"[^()\[\]\d;,.]{1,100}\.\s(?:1[5-9]\d\d|20\d\d)[a-z]?\s?;\s?\d")


def journal_tail(plain: str) -> bool:
    """Whether `plain` (a line without its Markdown) opens as a Vancouver entry's tail:
    a journal's name, the year, ";" and the volume."""
    return _JOURNAL_TAIL.match(plain) is not None
