"""Words that mark where a free-text entry's volume, issue, pages and date stand.

The rules and the tagger's features both need them; one list keeps the two readers
of an entry agreeing on what a locator or a month is.
"""

from __future__ import annotations

MONTH_ABBREVIATIONS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
# months as Spanish, Portuguese, French, German and Italian lists abbreviate them ("Dic",
# "dez.", "févr.", "Okt"); only those no title or journal ends with ("mai", "set", "out",
# "gen" are words too), and used only where a date stands: before a year and its volume,
# or ending a journal's name read on into its date
FOREIGN_MONTH_ABBREVIATIONS = frozenset(
    [
        "ene",
        "dic",
        "fev",
        "abr",
        "ago",
        "dez",
        "janv",
        "févr",
        "avr",
        "juil",
        "déc",
        "mrz",
        "okt",
        "giu",
        "lug",
    ]
)
MONTH_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
SEASONS = frozenset(["spring", "summer", "autumn", "fall", "winter"])

# vol. 3, no. 2, pp. 4-9 and their German, Indonesian and French forms
LOCATORS = frozenset(
    [
        "vol",
        "vols",
        "v",
        "no",
        "nos",
        "n",
        "nr",
        "issue",
        "pp",
        "p",
        "s",
        "hlm",
        "hal",
        "bd",
        "jg",
        "art",
    ]
)

# French, German, Spanish, Portuguese and Italian month names (those not spelt as in
# English)
FOREIGN_MONTH_NAMES = frozenset(
    (  # noqa: SIM905 (one word list reads better as text)
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
        "januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio "
        "julio agosto septiembre setiembre octubre noviembre diciembre janeiro fevereiro março "
        "maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio "
        "giugno luglio settembre ottobre dicembre "
    ).split()
)
