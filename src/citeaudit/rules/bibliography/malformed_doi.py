"""malformed-doi: a DOI written so that it does not resolve, or not as a DOI at all."""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.doi import INVISIBLE_IN_DOI, doi_problem
from citeaudit.model.finding import Applicability, Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.bibliography._written import as_written, written_location
from citeaudit.rules.citations._describe import describe_reference

_MARKUP_ESCAPE = re.compile(r"\\([_%&#])")
_RESOLVER_URL = re.compile(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/")
# What a DOI may be presented with: a label or a resolver (the BibTeX doi field
# holds neither).
_PRESENTED = re.compile(
    r"(?i)^(?:doi:[ \t]*+|https?://(?:dx\.)?doi\.org/|https?://hdl\.handle\.net/)"
)
# Registered DOIs are well under 300 characters. A longer field is a run-on parse or
# a hostile value: reported as such, without the character-by-character diagnosis
# (which would also put kilobytes of it in the message).
_LONGEST = 1_000
_SHOWN = 60


class MalformedDoi(Rule):
    """Checks that each entry's DOI is written as a DOI that resolves.

    Why: a DOI with an escaped underscore (``\\_``), a trailing full stop, a space
    or a stray bracket sends readers to "DOI not found", and registries cannot match
    the entry; a value that is not a DOI at all (``10.123/``, ``11.1234/x``, a
    publisher's web address) is worse than none. Correct DOIs are never reported,
    whatever their presentation (``10.1/x``, ``doi:10.1/x``, ``https://doi.org/10.1/x``);
    old resolvers (``http://dx.doi.org/``) still work and are only an info -- except
    in a BibTeX ``doi`` field, which holds the DOI alone: BibTeX and biblatex styles
    write the resolver themselves, so ``doi = {https://doi.org/10.1/x}`` is linked as
    ``https://doi.org/https://doi.org/10.1/x`` (a warning) and ``doi = {doi:10.1/x}``
    printed "doi: doi:10.1/x" (an info); the fix writes the DOI alone. A DOI that
    reads right and resolves another way is named by the character: an invisible
    one (zero-width space, soft hyphen, bidirectional control; deleted by a safe fix)
    or a look-alike of an ASCII letter or digit (Cyrillic "е", a fullwidth "２"; the
    ASCII form is offered for a person to confirm). In a manuscript's list, which
    the audit reads as shown, the DOI is judged as written in the file.

    Example: ``doi = {10.1007/978-3-319-69790-1\\_7}`` -- BibLaTeX prints and links
    the backslash.

    Fix: write the canonical form the message gives (a safe edit: same DOI, same
    presentation); when the value is not a DOI, look the DOI up or remove the field.
    In reference lists written inside a manuscript, Markdown/LaTeX escapes and the
    sentence's final full stop are markup, not part of the DOI, and are not reported.
    """

    name = "malformed-doi"
    code = "BIB003"
    severity = Severity.ERROR
    summary = "DOI written in a form that does not resolve"

    def check(self, data: AuditData) -> Iterable[Finding]:
        for bibliography in data.bibliographies:
            in_text = bibliography.format == "freetext"
            for ref in bibliography.references:
                raw = ref.doi_raw or _resolver_url_without_doi(ref)
                if not raw:
                    continue
                if len(raw) > _LONGEST:
                    yield self.finding(
                        f"{describe_reference(ref)}: the DOI field is {len(raw):,} characters "
                        f"long ('{raw[:_SHOWN]}...'), not a DOI",
                        ref.location,
                        reference=ref.id,
                        fix=Fix("Write the DOI as 10.<registrant>/<suffix>, or remove it"),
                    )
                    continue
                if in_text:
                    raw = as_written(ref, raw)
                    raw = _MARKUP_ESCAPE.sub(r"\1", raw).rstrip(".")
                problem = doi_problem(raw)
                bare_field = bibliography.format == "bibtex" and _from_doi_field(ref)
                if problem is None:
                    if bare_field:
                        yield from self._presented(ref, raw)
                    continue
                fixed, message = problem.fixed, problem.message
                severity = Severity.INFO if problem.cosmetic else None
                if bare_field and fixed is not None:  # the field holds the DOI alone
                    bare = _PRESENTED.sub("", fixed, count=1)
                    message = message.replace(f"write '{fixed}'", f"write '{bare}'")
                    if bare != fixed and fixed.lower().startswith("http"):
                        severity = severity and Severity.WARNING  # linked twice
                    fixed = bare
                hidden = sorted(set(raw) & INVISIBLE_IN_DOI)
                if fixed is not None and problem.look_alike:
                    fix = Fix(
                        f"Check the DOI and write it in ASCII: {fixed}",
                        fixed,
                        Applicability.UNSAFE,
                    )
                elif fixed is not None and hidden:
                    codes = ", ".join(f"U+{ord(c):04X}" for c in hidden)
                    s = "s" if len(hidden) > 1 else ""
                    fix = Fix(
                        f"Delete the invisible character{s} {codes} in the DOI: {fixed}",
                        fixed,
                        Applicability.SAFE,
                    )
                elif fixed is not None:
                    fix = Fix(f"Replace the DOI with {fixed}", fixed, Applicability.SAFE)
                else:
                    fix = Fix("Write the DOI as 10.<registrant>/<suffix>, or remove it")
                yield self.finding(
                    f"{describe_reference(ref)}: {message}",
                    written_location(ref, ref.doi_raw or raw),
                    reference=ref.id,
                    fix=fix,
                    severity=severity,
                )

    def _presented(self, ref: Reference, raw: str) -> Iterable[Finding]:
        """A correct DOI written with its resolver or label in a BibTeX doi field."""
        written = raw.strip()
        shown = _PRESENTED.match(written)
        if shown is None:
            return
        bare = written[shown.end() :].strip()
        if not bare or doi_problem(bare) is not None:
            return
        url = shown.group().lower().startswith("http")
        what = (
            f"the resolver is written in the doi field ('{written}'); BibTeX and biblatex "
            f"styles add https://doi.org/ themselves, so the link reads "
            f"https://doi.org/{written}"
            if url
            else f"the doi field holds the label too ('{written}'); styles print their own "
            f"'doi:' before it"
        )
        yield self.finding(
            f"{describe_reference(ref)}: {what} -- write '{bare}'",
            written_location(ref, ref.doi_raw or raw),
            reference=ref.id,
            fix=Fix(f"Replace the DOI with {bare}", bare, Applicability.SAFE),
            severity=Severity.WARNING if url else Severity.INFO,
        )


def _from_doi_field(ref: Reference) -> bool:
    """Whether the entry's DOI was written in its own ``doi`` field (the BibTeX reader
    takes a doi.org link from ``url`` when there is none)."""
    return ref.doi_raw is not None and ref.doi_raw not in ref.urls


def _resolver_url_without_doi(ref: Reference) -> str | None:
    """A doi.org link whose path is no DOI: parsers leave `doi` empty, the link stays.

    ``https://doi.org/10.5555jp.14.1.5567`` (the slash after the prefix lost) is the
    commonest case; it resolves nowhere, so it is a malformed DOI, not merely a link.
    """
    if ref.doi is not None:
        return None
    for url in ref.urls:
        if _RESOLVER_URL.match(url):
            return url
    return None
