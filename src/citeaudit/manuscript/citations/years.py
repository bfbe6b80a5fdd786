"""Year labels as citations write them: ``2019``, ``2020a``, ``n.d.``, ``in press``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An optional original year ("1900/1999") is skipped: the reference carries the later one.
YEAR = re.compile(
    r"(?:1[5-9]\d\d\s*/\s*)?"
    r"(?:(?P<year>1[5-9]\d\d|20\d\d)(?:-?(?P<suffix>[a-z]))?(?![\w/])"
    r"|(?P<nd>n\.\s?d\.|t\.\s?t\.|s\.\s?f\.|o\.\s?J\.|s\.\s?a\.)(?:\s?-\s?(?P<ndsuffix>[a-z])(?!\w))?"
    r"|(?P<press>in press|forthcoming|dalam proses|im Druck|en prensa|sous presse)\b)"
)
_SEPARATOR = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class YearLabel:
    year: int | None
    suffix: str | None
    no_date: bool
    text: str

    @classmethod
    def from_match(cls, m: re.Match[str]) -> YearLabel:
        if m.group("year"):
            return cls(int(m.group("year")), m.group("suffix"), False, m.group())
        if m.group("nd"):
            return cls(None, m.group("ndsuffix"), True, m.group())
        return cls(None, None, False, m.group())


def parse_years(text: str, start: int = 0) -> tuple[list[YearLabel], int] | None:
    """Years from `start`, comma-separated (``2019a, 2019b``); returns them and the end."""
    m = YEAR.match(text, start)
    if not m:
        return None
    labels = [YearLabel.from_match(m)]
    end = m.end()
    while True:
        sep = _SEPARATOR.match(text, end)
        if not sep:
            break
        nxt = YEAR.match(text, sep.end())
        if not nxt:
            break
        labels.append(YearLabel.from_match(nxt))
        end = nxt.end()
    return labels, end
