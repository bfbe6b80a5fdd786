"""deceptive-link: a link or DOI that reads one way and opens another."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from citeaudit.audit_data import AuditData
from citeaudit.doi import (
    INVISIBLE_IN_DOI,
    ascii_look_alikes,
    find_dois,
    mark_invisible,
    unicode_names,
)
from citeaudit.manuscript.document import Document, Line
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.location import Location
from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography._written import as_written, written_location
from citeaudit.rules.citations._describe import describe_reference
from citeaudit.trailing_punctuation import trim_trailing

# doi.org links in entries are malformed-doi's (it names the same characters in a DOI).
_RESOLVER_URL = re.compile(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/")
_LONGEST = 2_000  # longer values are no link anyone clicks; not diagnosed
# A web address in running text, as `links.extract` takes it (an invisible character
# is no space: it stays inside the match, as it stays inside the link a reader clicks).
_URL = re.compile(r"""https?://[^\s<>"'`{}|\\^\[\]]{1,2000}+""", re.IGNORECASE)
_TRAILING = frozenset(".,;:!?*_~'\">")
_LISTED = 25  # findings in a manuscript's text at most, then one that counts the rest


class DeceptiveLink(Rule):
    """Reports a link or DOI that reads one way and opens another.

    Why: a zero-width space, soft hyphen, word joiner or bidirectional control
    (U+200B-U+200F, U+00AD, U+2060, U+FEFF, U+202A-U+202E, U+2066-U+2069) inside a
    URL or DOI prints nothing, so the text reads right while a click or a copy opens
    the address with the character (a page not found, or, with a direction override,
    another address than the one shown); a host written with letters of another
    script drawn like Latin ones (Cyrillic "е" and "а" in "exаmple.org") reads as one
    site and is another. The audit reads a manuscript as shown; this rule says what
    is written -- in reference entries' links and in the text's links and DOIs (the
    entries' DOIs are malformed-doi's). A host wholly in another script
    ("пример.рф") or with its own accented letters ("müller.de") is an international
    name and is not reported.

    Example: ``url = {https://example.org/papers/riv\\u200bers}`` in a BibTeX entry.

    Fix: delete the invisible character the message names (a safe edit: the link
    then opens what it shows); for look-alike letters, check which site or DOI is
    meant and write it in ASCII.
    """

    name = "deceptive-link"
    code = "BIB005"
    severity = Severity.WARNING
    summary = (
        "Link or DOI that reads one way and opens another (invisible or look-alike characters)"
    )

    def check(self, data: AuditData) -> Iterable[Finding]:
        for document in data.manuscripts:
            found = self._in_text(document)
            for count, finding in enumerate(found):
                if count == _LISTED:
                    more = 1 + sum(1 for _ in found)
                    yield self.finding(
                        f"{more:,} more links or DOIs in the text read one way and open "
                        f"another (not listed one by one)",
                        Location(finding.location.file),
                        severity=Severity.INFO,
                    )
                    break
                yield finding
        for bibliography in data.bibliographies:
            in_text = bibliography.format == "freetext"
            for ref in bibliography.references:
                for url in dict.fromkeys(ref.urls):
                    if len(url) > _LONGEST or _RESOLVER_URL.match(url):
                        continue
                    written = as_written(ref, url) if in_text else url
                    if written.isascii():
                        continue
                    where = written_location(ref, written)
                    yield from self._judge(describe_reference(ref), written, where, ref.id)

    def _in_text(self, document: Document) -> Iterator[Finding]:
        """Links and DOIs in the manuscript's body, judged as written."""
        yield from self._shown_elsewhere(document)
        unit = "paragraph" if document.format == "docx" else "line"
        for line in document.lines:
            if line.written is None and line.text.isascii():
                continue  # nothing was taken out or replaced, and nothing looks alike
            for start, shown, doi in _links(line.text):
                written = _written_span(line, start, len(shown))
                if written.isascii():
                    continue
                column = line.written_column(start) + 1
                where = Location(line.file, line.number, column, page=line.page, unit=unit)
                yield from self._judge(f"{unit} {line.number}", written, where, None, doi=doi)

    def _shown_elsewhere(self, document: Document) -> Iterator[Finding]:
        """A Markdown link whose text is itself an address or a DOI that its target is
        not: ``[https://doi.org/10.1/a](https://elsewhere.example/x)`` shows one work
        and opens another page -- in the text and in the list's entries."""
        places: list[tuple[str, Location, int | None]] = [
            (ln.text, Location(ln.file, ln.number), ln.number) for ln in document.lines
        ]
        yield from self._links_apart(document)
        places += [(e.raw, e.location, None) for e in document.reference_entries]
        targets = _definitions(document.lines)
        for text, where, number in places:
            for column, shown, target in _shown_links(text, targets):
                if _same_address(shown, target):
                    continue
                at = where if number is None else Location(where.file, number, column + 1)
                yield self.finding(
                    f"the link shows {shown} but opens {target}: a reader who clicks it "
                    "reaches another address than the one printed",
                    at,
                    fix=Fix("Make the link's target the address its text shows (or the reverse)"),
                )

    def _links_apart(self, document: Document) -> Iterator[Finding]:
        """Links whose target the reader keeps apart from their text (a Word
        hyperlink's relationship, a ``HYPERLINK`` field's instruction), judged as the
        Markdown ones are: the text is an address or a DOI the target is not."""
        for link in document.shown_links:
            shown = link.shown.strip()
            if not _SHOWN_ALONE.fullmatch(shown) or _same_address(shown, link.target):
                continue
            yield self.finding(
                f"the link shows {shown} but opens {link.target}: a reader who clicks it "
                "reaches another address than the one printed",
                link.location,
                fix=Fix(
                    "Edit the hyperlink (Word: right-click, Edit Hyperlink) so that its "
                    "address is the one its text shows (or the reverse)"
                ),
            )

    def _judge(
        self, who: str, written: str, where: Location, reference: str | None, *, doi: bool = False
    ) -> Iterable[Finding]:
        hidden = sorted(set(written) & INVISIBLE_IN_DOI)
        clean = "".join(c for c in written if c not in INVISIBLE_IN_DOI)
        what = "DOI" if doi else "link"
        if hidden:
            many = len(hidden) > 1
            codes = ", ".join(f"U+{ord(c):04X}" for c in hidden)
            yield self.finding(
                f"{who}: the {what} '{mark_invisible(written)}' holds the invisible "
                f"character{'s' if many else ''} {unicode_names(hidden)}: it reads as "
                f"{clean}, but a click or a copy opens it with "
                f"{'them' if many else 'the character'} (shown here as <U+...>)",
                where,
                reference=reference,
                fix=Fix(
                    f"Delete the invisible character{'s' if many else ''} {codes} in the {what}",
                    clean,
                    Applicability.SAFE,
                ),
            )
        if doi:
            look_alikes = ascii_look_alikes(clean)
            if look_alikes:
                yield self.finding(
                    f"{who}: the DOI '{clean}' is written with look-alike characters "
                    f"({_named(look_alikes)}): the resolver does not find it",
                    where,
                    reference=reference,
                    fix=Fix(f"Write the DOI in ASCII: {_replaced(clean, look_alikes)}"),
                )
            return
        host = _host(clean)
        if host is None or host.isascii():
            return
        look_alikes = ascii_look_alikes(host)
        if not look_alikes:
            return
        shown = _replaced(host, look_alikes)
        yield self.finding(
            f"{who}: the link's host '{host}' reads as {shown} but is written with "
            f"look-alike letters ({_named(look_alikes)}): a click opens another site",
            where,
            reference=reference,
            fix=Fix(f"Check which site is meant; write its host in ASCII ({shown}?)"),
        )


# A Markdown link whose text is an address or a DOI; possessive, disjoint pieces: linear.
_SHOWN_LINK = re.compile(
    r"\[(?P<shown>(?:https?://|doi:[ ]?|10\.\d{4,9}/)[^\[\]\s]{1,500}+)\]"
    r"\(<?(?P<target>https?://[^()\s<>]{1,2000}+)"
)
_SHOWN = r"(?:https?://|doi:[ ]?|10\.\d{4,9}/)[^\[\]\s<>]{1,500}+"
_SHOWN_ALONE = re.compile(_SHOWN + r"[.,;:]?+")  # a link's whole text: an address or DOI
# An HTML anchor in Markdown whose text is an address or a DOI: its attributes hold no
# '<' or '>', its text no tag; the href is taken from the attributes apart.
_ANCHOR = re.compile(rf"<a\s(?P<attributes>[^<>]{{0,2000}}+)>\s*+(?P<shown>{_SHOWN})\s*+</a>", re.I)
_HREF = re.compile(r"""(?:^|\s)href\s*=\s*(?:"([^"]{0,2000}+)"|'([^']{0,2000}+)')""", re.I)
# LaTeX's ``\href{target}{text}`` (hyperref) whose text is an address or a DOI
_HREF_COMMAND = re.compile(
    r"\\href\s*+\{\s*+(?P<target>https?://[^{}\s]{1,2000}+)\s*+\}\s*+"
    r"\{\s*+(?:\\(?:url|nolinkurl|texttt)\s*+\{)?+"
    r"(?P<shown>(?:https?://|doi:[ ]?|10\.\d{4,9}/)[^\[\]\s<>{}]{1,500}+)"
)
# A reference-style link whose text is an address or a DOI: ``[shown][label]``, the
# collapsed ``[shown][]`` or the shortcut ``[shown]`` (not an inline link, not a
# definition: no "(" or ":" after it)
_REFERENCE_LINK = re.compile(
    rf"(?<![\]\\])\[(?P<shown>{_SHOWN})\](?:\[(?P<label>[^\[\]]{{0,200}}+)\])?+(?![(:\[])"
)
# A link reference definition (CommonMark: up to three spaces, the label, a colon, the
# destination, perhaps in angle brackets); it renders nothing, a link uses it
_DEFINITION = re.compile(
    r" {0,3}\[(?P<label>[^\[\]]{1,200}+)\]:[ \t]*+<?(?P<target>https?://[^\s<>]{1,2000}+)"
)
_MAX_DEFINITIONS = 10_000
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})


def _label(text: str) -> str:
    """A reference label as CommonMark matches it: case and runs of blanks aside."""
    return " ".join(text.split()).casefold()


def _definitions(lines: Iterable[Line]) -> dict[str, str]:
    """The document's link reference definitions, label -> target; the first of a
    label stands, as CommonMark takes it."""
    found: dict[str, str] = {}
    for line in lines:
        if "]:" not in line.text:
            continue
        match = _DEFINITION.match(line.text)
        if match is not None and len(found) < _MAX_DEFINITIONS:
            found.setdefault(_label(match.group("label")), match.group("target"))
    return found


def _shown_links(text: str, targets: dict[str, str]) -> Iterator[tuple[int, str, str]]:
    """(0-based column, text shown, target) of the links in `text` whose text is an
    address or a DOI: inline Markdown links, HTML anchors, LaTeX's ``\\href`` and
    reference-style links (their targets from `targets`, the document's definitions)."""
    if "](" in text:
        for match in _SHOWN_LINK.finditer(text):
            yield match.start(), match.group("shown"), match.group("target")
    if "<" in text:
        for match in _ANCHOR.finditer(text):
            href = _HREF.search(match.group("attributes"))
            target = (href.group(1) or href.group(2) or "").strip() if href else ""
            if target.lower().startswith(("http://", "https://")):
                yield match.start(), match.group("shown"), target
    if "\\href" in text:
        for match in _HREF_COMMAND.finditer(text):
            yield match.start(), match.group("shown"), match.group("target")
    if targets and "[" in text and _DEFINITION.match(text) is None:
        for match in _REFERENCE_LINK.finditer(text):
            label = match.group("label") or match.group("shown")
            target = targets.get(_label(label))
            if target is not None:
                yield match.start(), match.group("shown"), target


# a run of backslashes before ASCII punctuation ("_" too), tried once a run: linear
_ESCAPES = re.compile(r"(?<!\\)\\++(?=[!-/:-@\[-`{-~])")


def _same_address(shown: str, target: str) -> bool:
    """Whether the link opens what its text shows: the same host (``www.`` and case
    aside) and path, a DOI in any case; the target may add a query or a fragment.
    A text cut short ("https://example.org/a-long…") is taken at its word."""
    if shown.endswith(("…", "...")):
        return True
    # Markdown's and LaTeX's escapes print nothing and open nothing: "1\\_7" is "1_7"
    shown, target = _ESCAPES.sub("", shown), _ESCAPES.sub("", target)
    seen, opened = _address(shown), _address(target)
    if seen is None or opened is None:
        return True  # not an address either side can be judged by
    if seen.startswith("doi.org/") and _holds_doi(unquote(target).lower(), seen[7:]):
        return True  # the DOI shown, opened at a publisher's page for it
    return opened == seen or opened.startswith((seen + "?", seen + "#", seen + "/"))


def _holds_doi(target: str, doi: str) -> bool:
    """Whether `target` (lower case) names `doi` ("/10.5555/q") whole: followed by its
    end, a query, a fragment or another path step -- not "/10.5555/q1"."""
    at = target.find(doi)
    while at >= 0:
        after = target[at + len(doi) : at + len(doi) + 1]
        if after in ("", "?", "#", "/", "&"):
            return True
        at = target.find(doi, at + 1)
    return False


def _address(text: str) -> str | None:
    text = trim_trailing(text.strip(), _TRAILING, {")": "("})
    if text.lower().startswith(("doi:", "10.")):
        return "doi.org/" + unquote(text.split(":", 1)[-1].strip()).lower()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if not host:
        return None
    path = unquote(parts.path).rstrip("/")
    if host in _DOI_HOSTS:
        return "doi.org" + path.lower()
    address = host + path
    return (
        address
        + ("?" + parts.query if parts.query else "")
        + ("#" + parts.fragment if parts.fragment else "")
    )


def _named(look_alikes: dict[str, str]) -> str:
    return "; ".join(f"{unicode_names([c])} for '{a}'" for c, a in sorted(look_alikes.items()))


def _replaced(text: str, look_alikes: dict[str, str]) -> str:
    return "".join(look_alikes.get(c, c) for c in text)


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # a malformed port or bracket: no host to judge
        return None


def _links(text: str) -> list[tuple[int, str, bool]]:
    """(0-based column, as shown, is a DOI) of the web addresses and DOIs in a line;
    a DOI inside a web address is the address's (a doi.org address is a DOI)."""
    found: list[tuple[int, str, bool]] = []
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        url = trim_trailing(match.group(), _TRAILING, {")": "("})
        found.append((match.start(), url, bool(_RESOLVER_URL.match(url))))
        spans.append((match.start(), match.start() + len(url)))
    span = 0  # both in text order: one walk (a page of links stays linear)
    for offset, written, _ in find_dois(text):
        while span < len(spans) and spans[span][1] <= offset:
            span += 1
        if span < len(spans) and spans[span][0] <= offset:
            continue
        found.append((offset, written, True))
    return found


def _written_span(line: Line, start: int, length: int) -> str:
    """The characters as written behind `line.text[start:start + length]`."""
    if line.written is None or not length:
        return line.text[start : start + length]
    first = line.written_column(start)
    last = line.written_column(start + length - 1)
    return line.written[first : last + 1]
