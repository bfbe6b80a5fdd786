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

# A work on its way: accepted, in press, submitted, under review, in preparation...
_STATUS_WORDS = (
    # English (APA, Harvard, Chicago; with the "manuscript ..." forms APA gives)
    r"(?:manuscript\s+)?(?:(?:provisionally|conditionally)\s+)?accepted(?:\s+for\s+publication)?",
    r"(?:manuscript\s+)?submitted(?:\s+for\s+publication)?",
    r"(?:manuscript\s+)?in\s+prep(?:aration|\.)?",
    r"(?:manuscript\s+)?(?:under|in)\s+(?:review|revision|submission)",
    r"revised\s+and\s+resubmitted|revise\s+and\s+resubmit",
    # not "unpublished": "(Toledo, unpublished data)" cites what no list holds
    r"in\s+press|in\s+print|forthcoming|to\s+appear|preprint|unpublished\s+manuscript",
    r"advance\s+online\s+publication|(?:e-?pub\s+)?ahead\s+of\s+print|online\s+first",
    # Portuguese, Spanish, Catalan, Galician
    r"no\s+prelo|em\s+(?:prepara[çc][ãa]o|revis[ãa]o|avalia[çc][ãa]o)|submetid[oa]|aceit[oea]",
    r"en\s+prensa|en\s+preparaci[óo]n|en\s+revisi[óo]n|aceptad[oa]|enviad[oa]|sometid[oa]",
    r"en\s+premsa|en\s+preparaci[óo]|acceptat",
    # French, Italian
    r"sous\s+presse|[àa]\s+para[îi]tre|en\s+pr[ée]paration|soumis|accept[ée]|en\s+r[ée]vision",
    r"in\s+(?:corso\s+di\s+)?stampa|in\s+preparazione|accettato|in\s+revisione",
    # German, Dutch, Scandinavian
    r"im\s+Druck|in\s+Vorbereitung|eingereicht|angenommen|im\s+Erscheinen|in\s+Begutachtung",
    r"in\s+druk|ter\s+perse|in\s+voorbereiding|ingediend|geaccepteerd",
    r"i\s+tryck|under\s+utgivning|i\s+trykk|under\s+udgivelse",
    # Indonesian, Polish, Czech, Turkish, Russian
    r"dalam\s+(?:proses|persiapan|penerbitan)|w\s+druku|v\s+tisku|bask[ıi]da|в\s+печати",
)

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

_WHOLE = re.compile(rf"(?:{STATUS}|{NO_DATE})")


def is_status(text: str) -> bool:
    """Whether `text` (stripped of brackets and stops) is a status or no-date word."""
    return _WHOLE.fullmatch(text.strip(" .,;:()[]")) is not None


__all__ = ["NO_DATE", "STATUS", "is_status"]
