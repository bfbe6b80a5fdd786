"""An entry that is a legal act named by its type and number, not by authors.

"Verordnung (EU) 2023/9999 des Europäischen Parlaments und des Rates vom 13. Dezember
2023 über ...", "Regulation (EU) 2016/679 of the European Parliament and of the Council
of 27 April 2016 on ...", "Directive 2009/28/EC of ...", "Règlement (UE) 2016/679 du
Parlement européen ...": the act's type and number open the entry and its name runs on
to the first full stop. Read as author-date, its words became people ("Parlaments & vom
13") whose spelling no citation matched (a false "name mismatch"), or one
"organisation" the length of the title. Such an entry has no personal authors: its
name is its title, and the year is the act's.
"""

from __future__ import annotations

import re

__all__ = ["legal_act_title"]

_ACT_TYPES = (
    "Verordnung|Richtlinie|Durchführungsverordnung|Delegierte Verordnung|Beschluss"
    "|Regulation|Directive|Decision|Implementing Regulation|Delegated Regulation"
    "|Commission Regulation|Council Regulation|Council Directive|Commission Decision"
    "|Règlement|Directive|Décision|Reglamento|Directiva|Decisión|Regolamento|Direttiva"
    "|Decisione|Regulamento|Diretiva|Decisão|Verordening|Richtlijn|Besluit"
    "|Rozporządzenie|Dyrektywa|Nařízení|Směrnice"
)
_UNIONS = r"EU|EG|EWG|EC|EEC|UE|CE|CEE|EGKS|Euratom|GASP|CFSP|PESC"
# the type, perhaps its union in brackets and "No"/"Nr.", then a number "2023/9999",
# "2009/28/EC", "No 1907/2006"
_ACT = re.compile(
    rf"(?:{_ACT_TYPES})\s(?:\((?:{_UNIONS})(?:,\s?(?:{_UNIONS}))?\)\s)?"
    r"(?:(?:Nr\.?|No\.?|n[°º]\.?|N[°º]\.?)\s?)?\d{1,4}/\d{1,4}(?:/(?:"
    + _UNIONS
    + r"))?(?=[\s,.;:])"
)
# the end of the act's name: a full stop not after a day's number ("vom 13. Dezember")
# nor an abbreviation of one or two letters, then a space
_NAME_END = re.compile(r"(?<![\d\s])(?<!\b[^\W\d_])(?<!\b[^\W\d_]{2})\.(?=\s|$)")


def legal_act_title(text: str) -> str | None:
    """The act's name when `text` opens with a legal act's type and number; else None."""
    head = _ACT.match(text.lstrip(" •–-*"))
    if head is None:
        return None
    body = text.lstrip(" •–-*")
    end = _NAME_END.search(body, head.end())
    title = body[: end.start()] if end is not None else body
    return title.strip(" ,;:") or None
