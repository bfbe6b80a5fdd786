"""Words that stand in a work's year slot when it has no year yet, in every language.

Why: author-date styles put the work's status where its year goes, in the citation and
in the entry alike -- ``(Lindqvist et al., under review)`` cites ``Lindqvist, P., ...
(under review). Title.`` Read as a name or as nothing, each such word made a false
"uncited" entry, a false "missing" citation and a misread author ("Kovacs & (submitted)").
Both readers (the citations' year labels and the free-text entry parser) take their
vocabulary from here, so a word learnt once is read on both sides; the matcher then
pairs an undated citation with an undated entry of the same authors.

The patterns are regex sources, matched case-insensitively by the ``(?i:...)`` they
carry, with no anchors of their own: each reader puts its own boundaries around them.
"""

from __future__ import annotations

import re

# A work not yet accepted: in preparation, submitted, under review. Lists often leave
# these out (nothing to find yet), so a citation of one with no entry is a warning only.
_PENDING_WORDS = (
    # English (APA, Harvard, Chicago; with the "manuscript ..." forms APA gives)
    r"(?:manuscript\s+)?submitted(?:\s+for\s+publication)?",
    r"(?:manuscript\s+)?in\s+prep(?:aration|\.)?",
    r"(?:manuscript\s+)?(?:under|in)\s+(?:review|revision|submission)",
    r"revised\s+and\s+resubmitted|revise\s+and\s+resubmit",
    # Portuguese, Spanish, Catalan, Galician
    r"em\s+(?:prepara[çc][ãa]o|revis[ãa]o|avalia[çc][ãa]o)|submetid[oa]",
    r"en\s+preparaci[óo]n|en\s+revisi[óo]n|enviad[oa]|sometid[oa]|en\s+preparaci[óo]",
    # French, Italian
    r"en\s+pr[ée]paration|soumis|en\s+r[ée]vision|in\s+preparazione|in\s+revisione",
    # German, Dutch
    r"in\s+Vorbereitung|eingereicht|in\s+Begutachtung|in\s+voorbereiding|ingediend",
    # Indonesian
    r"dalam\s+(?:proses|persiapan)",
)

# A work accepted or out: in press, forthcoming, online first. Lists hold these.
_ACCEPTED_WORDS = (
    r"(?:manuscript\s+)?(?:(?:provisionally|conditionally)\s+)?accepted(?:\s+for\s+publication)?",
    # not "unpublished": "(Toledo, unpublished data)" cites what no list holds
    r"in\s+press|in\s+print|forthcoming|to\s+appear|preprint|unpublished\s+manuscript",
    r"advance\s+online\s+publication|(?:e-?pub\s+)?ahead\s+of\s+print|online\s+first",
    r"no\s+prelo|aceit[oea]|en\s+prensa|aceptad[oa]|en\s+premsa|acceptat",
    r"sous\s+presse|[àa]\s+para[îi]tre|accept[ée]|in\s+(?:corso\s+di\s+)?stampa|accettato",
    r"im\s+Druck|angenommen|im\s+Erscheinen|in\s+druk|ter\s+perse|geaccepteerd",
    # German abbreviations: "i. E." (im Erscheinen), "i. Dr." (im Druck)
    r"i\.\s?E\.?|i\.\s?Dr\.?",
    r"i\s+tryck|under\s+utgivning|i\s+trykk|under\s+udgivelse",
    r"dalam\s+penerbitan|w\s+druku|v\s+tisku|bask[ıi]da|в\s+печати",
    # a database or index kept up to date: "Thiers B (continuously updated) Index ..."
    r"(?:continuously|continually|regularly)\s+updated|updated\s+(?:continuously|regularly)",
)

# Every status word: accepted or pending.
_STATUS_WORDS = _PENDING_WORDS + _ACCEPTED_WORDS

# No date given: spelt out (the abbreviations, "n.d.", "s.d.", "o.J.", stay with each
# reader, which knows their spacing)
_NO_DATE_WORDS = (
    r"no\s+date|date\s+unknown|undated|sin\s+fecha|sem\s+data|sans\s+date|senza\s+data",
    r"ohne\s+Jahr|zonder\s+jaar|tanpa\s+tahun|bez\s+daty|без\s+даты",
)

STATUS = r"(?i:" + "|".join(_STATUS_WORDS) + r")"
"""A regex source for a status word in the year slot ("under review", "no prelo")."""

NO_DATE = r"(?i:" + "|".join(_NO_DATE_WORDS) + r")"
"""A regex source for "no date" written out ("no date", "sin fecha", "ohne Jahr")."""

PENDING = r"(?i:" + "|".join(_PENDING_WORDS) + r")"
"""A regex source for a status of a work not yet accepted ("in prep.", "submitted")."""

_WHOLE = re.compile(rf"(?:{STATUS}|{NO_DATE})")
# The pending status closing a citation's item: "Lee, in prep.", "Ortiz et al. submitted"
_PENDING_TAIL = re.compile(rf"(?:^|[\s,;(])(?:{PENDING})[\s.,;:)\]]*$")
# An item's year slot is at its end: a longer tail is read no further
_TAIL_CHARS = 80


def is_status(text: str) -> bool:
    """Whether `text` (stripped of brackets and stops) is a status or no-date word."""
    return _WHOLE.fullmatch(text.strip(" .,;:()[]")) is not None


def ends_pending(item: str) -> bool:
    """Whether a citation's item has a pending status in its year slot ("Kim, submitted").

    Why: a work in preparation or under review is often left out of the list (there is
    nothing to find yet), so the citation rules report it as possibly missing only.
    """
    return _PENDING_TAIL.search(item[-_TAIL_CHARS:]) is not None


__all__ = ["NO_DATE", "PENDING", "STATUS", "ends_pending", "is_status"]
