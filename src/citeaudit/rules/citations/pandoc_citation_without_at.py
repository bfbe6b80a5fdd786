"""pandoc-citation-without-at: ``[jones2019]``, a pandoc citation key without its ``@``."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.manuscript.citations.bare_keys import BARE_KEY
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.rules.base import Rule

_NAMED = 6  # keys named in the message at most


class PandocCitationWithoutAt(Rule):
    """Reports brackets of citation keys written without pandoc's ``@``.

    Why: pandoc, Quarto and R Markdown cite only ``[@key]``; ``[jones2019]`` is printed
    as written, so the reader sees a key instead of a citation. It is one slip, made
    the same way throughout a manuscript: reported once, naming the keys and places,
    never as a missing reference of "Jones 2019" (the key is not an author-year
    citation) and without calling its entry uncited (the matcher links the key to its
    entry, by key or by the name and year it is made of).

    Example: "Rivers flood often [jones2019]." in a Markdown manuscript whose .bib
    has ``@article{jones2019, ...}``.

    Fix: write the ``@``: ``[@jones2019]``, ``[@smith_lee2020; @park2018]``.
    """

    name = "pandoc-citation-without-at"
    code = "CIT008"
    severity = Severity.WARNING
    summary = "Bracketed citation key without pandoc's '@'"

    def check(self, data: AuditData) -> Iterable[Finding]:
        bare = [c for c in data.citations if c.command == BARE_KEY]
        if not bare:
            return
        matched = {m.citation_id for m in data.matches if m.targets}
        keys = list(dict.fromkeys(c.key or c.item for c in bare))
        named = ", ".join(f"[{k}]" for k in keys[:_NAMED])
        if len(keys) > _NAMED:
            named += f" and {len(keys) - _NAMED} more"
        unlisted = sorted({c.key or c.item for c in bare if c.id not in matched})
        first = bare[0]
        places = list(
            dict.fromkeys(
                f"line {c.location.line}"
                for c in bare[1:]
                if c.location.line and c.location.line != first.location.line
            )
        )
        where = f" (also at {', '.join(places[:12])})" if places else ""
        message = (
            f"{first.text} looks like a pandoc citation without its '@' "
            f"({len(bare)} such keys: {named}){where}; pandoc prints it as written"
        )
        if unlisted:
            message += f"; no entry has {', '.join(unlisted[:_NAMED])}"
        key = first.key or first.item
        yield self.finding(
            message,
            first.location,
            citation=first.id,
            fix=Fix(f"Write the '@' before each key: [@{key}]"),
        )
