"""deceptive-link: an entry's link that reads one way and opens another."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from citeaudit.audit_data import AuditData
from citeaudit.doi import INVISIBLE_IN_DOI, ascii_look_alikes, mark_invisible, unicode_names
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography._written import as_written, written_location
from citeaudit.rules.citations._describe import describe_reference

# doi.org links are malformed-doi's (it names the same characters in a DOI).
_RESOLVER_URL = re.compile(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/")
_LONGEST = 2_000  # longer values are no link anyone clicks; not diagnosed


class DeceptiveLink(Rule):
    """Reports an entry's link that reads one way and opens another.

    Why: a zero-width space, soft hyphen, word joiner or bidirectional control
    (U+200B-U+200F, U+00AD, U+2060, U+FEFF, U+202A-U+202E, U+2066-U+2069) inside a
    URL prints nothing, so the entry reads right while a click or a copy opens the
    URL with the character (a page not found, or, with a direction override, another
    address than the one shown); a host written with letters of another script drawn
    like Latin ones (Cyrillic "е" and "а" in "exаmple.org") reads as one site and is
    another. The audit reads a manuscript as shown; this rule says what is written.
    A host wholly in another script ("пример.рф") or with its own accented letters
    ("müller.de") is an international name and is not reported.

    Example: ``url = {https://example.org/papers/riv\\u200bers}`` in a BibTeX entry.

    Fix: delete the invisible character the message names (a safe edit: the link
    then opens what it shows); for a look-alike host, check which site is meant and
    write its name in ASCII.
    """

    name = "deceptive-link"
    code = "BIB005"
    severity = Severity.WARNING
    summary = "Link that reads one way and opens another (invisible or look-alike characters)"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for bibliography in data.bibliographies:
            in_text = bibliography.format == "freetext"
            for ref in bibliography.references:
                for url in dict.fromkeys(ref.urls):
                    if len(url) > _LONGEST or _RESOLVER_URL.match(url):
                        continue
                    written = as_written(ref, url) if in_text else url
                    if written.isascii():
                        continue
                    yield from self._check_url(ref, written)

    def _check_url(self, ref: Reference, written: str) -> Iterable[Finding]:
        hidden = sorted(set(written) & INVISIBLE_IN_DOI)
        clean = "".join(c for c in written if c not in INVISIBLE_IN_DOI)
        where = written_location(ref, written)
        if hidden:
            many = len(hidden) > 1
            codes = ", ".join(f"U+{ord(c):04X}" for c in hidden)
            yield self.finding(
                f"{describe_reference(ref)}: the link '{mark_invisible(written)}' holds the "
                f"invisible character{'s' if many else ''} {unicode_names(hidden)}: it reads "
                f"as {clean}, but a click or a copy opens it with "
                f"{'them' if many else 'the character'} (shown here as <U+...>)",
                where,
                reference=ref.id,
                fix=Fix(
                    f"Delete the invisible character{'s' if many else ''} {codes} in the link",
                    clean,
                    Applicability.SAFE,
                ),
            )
        host = _host(clean)
        if host is None or host.isascii():
            return
        look_alikes = ascii_look_alikes(host)
        if not look_alikes:
            return
        shown = "".join(look_alikes.get(c, c) for c in host)
        named = "; ".join(f"{unicode_names([c])} for '{a}'" for c, a in sorted(look_alikes.items()))
        yield self.finding(
            f"{describe_reference(ref)}: the link's host '{host}' reads as {shown} but is "
            f"written with look-alike letters ({named}): a click opens another site",
            where,
            reference=ref.id,
            fix=Fix(f"Check which site is meant; write its host in ASCII ({shown}?)"),
        )


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # a malformed port or bracket: no host to judge
        return None
