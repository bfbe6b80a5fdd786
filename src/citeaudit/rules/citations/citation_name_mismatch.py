"""citation-name-mismatch: the text spells a cited author differently from the list."""

from __future__ import annotations

from collections.abc import Iterable

from citeaudit.audit_data import AuditData
from citeaudit.matching.names import names_match, normalise_name
from citeaudit.model.finding import Finding, Fix, Severity
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.citations._describe import describe_citation, describe_reference


class CitationNameMismatch(Rule):
    """Reports a citation that names its entry's first author with a different spelling.

    Why: a misspelt name ("McBreaty" for McBrearty, "Vološinov" for Volóchinov) is a
    real slip an editor corrects, but it is not a missing work: calling the entry
    uncited *and* the citation missing would be two false alarms for one typo. The
    matcher links the citation to the one entry of that year spelt within a letter or
    two (and only when no entry has the name as written); this rule says so, so the
    typo is still seen.

    Example: the text cites "(McBreaty and Brooks, 2000)"; the list has "McBrearty, S.,
    & Brooks, A. S. (2000)" and no McBreaty.

    A double surname cut to its second half ("Márquez, 2011" for "García Márquez, G.
    (2011)") is linked so too, and this rule says which part is missing.

    A citation naming a later author of the entry first ("(Ortega et al., 2019)" for
    Díaz, Ortega & Ruiz 2019), linked when that entry is otherwise uncited, is said to
    name the authors out of order.

    The matcher also links a two-author citation whose names are the entry's in the
    other order ("Zuloaga and Morrone 2012" for "Morrone & Zuloaga (2012)"); this rule
    then says the order differs.

    Fix: correct the spelling in the text (or in the entry, if the entry is wrong).
    """

    name = "citation-name-mismatch"
    code = "CIT007"
    severity = Severity.WARNING
    summary = "Citation spells the first author differently from the matching entry"

    def check(self, data: AuditData) -> Iterable[Finding]:
        refs = {r.id: r for r in data.references}
        citations = {c.id: c for c in data.citations}
        for match in data.matches:
            if not match.name_mismatch or len(match.targets) != 1:
                continue
            ref = refs.get(match.targets[0])
            cit = citations.get(match.citation_id)
            if ref is None or cit is None:
                continue
            listed = ref.first_author_family or describe_reference(ref)
            if _swapped(cit.authors, ref):
                message = (
                    f"{describe_citation(cit)} names the authors in another order than "
                    f"{describe_reference(ref)} at line {ref.location.line}"
                )
                fix = Fix(f"Name the authors in the entry's order ({listed} first)")
            elif (place := _later_place(cit.authors, ref)) is not None:
                message = (
                    f"{describe_citation(cit)} names {cit.authors[0]!r} first, the "
                    f"entry's {_ORDINALS.get(place, f'{place + 1}th')} author; the "
                    f"reference list has {describe_reference(ref)} at line {ref.location.line}"
                )
                fix = Fix(f"Name the entry's first author first ({listed})")
            elif cit.authors and _half_of(cit.authors[0], listed):
                message = (
                    f"{describe_citation(cit)} names the author by part of the surname "
                    f"{listed!r} only; the reference list has {describe_reference(ref)} "
                    f"at line {ref.location.line}"
                )
                fix = Fix(
                    f"Cite the surname as the entry writes it ({listed}), or correct the entry"
                )
            else:
                message = (
                    f"{describe_citation(cit)} spells the author "
                    f"{cit.authors[0] if cit.authors else '?'!r}, but the reference list "
                    f"has {describe_reference(ref)} at line {ref.location.line}"
                )
                fix = Fix(f"Spell the name as the entry does ({listed}), or correct the entry")
            yield self.finding(message, cit.location, citation=cit.id, reference=ref.id, fix=fix)


def _swapped(cited: tuple[str, ...], ref: Reference) -> bool:
    """Whether the two cited names are the entry's two authors in the other order."""
    listed = ref.authors
    return (
        len(cited) == 2
        and len(listed) == 2
        and names_match(cited[0], listed[1].family)
        and names_match(cited[1], listed[0].family)
    )


_ORDINALS = {1: "second", 2: "third", 3: "fourth", 4: "fifth"}


def _later_place(cited: tuple[str, ...], ref: Reference) -> int | None:
    """The place (from 0) among the entry's later authors of the cited first name,
    when it is not the entry's first author's: "(Ortega et al., 2019)" for Díaz,
    Ortega & Ruiz (2019) is 1 (`citeaudit.matching.pairs`)."""
    people = ref.authors or ref.editors
    if not cited or not people or names_match(cited[0], people[0].family):
        return None
    return next((k for k in range(1, len(people)) if names_match(cited[0], people[k].family)), None)


def _half_of(cited: str, listed: str) -> bool:
    """Whether the cited name is a later word of the listed double surname ("Márquez"
    of "García Márquez"), not the whole."""
    name = normalise_name(cited)
    words = normalise_name(listed).split()
    return len(words) > 1 and " " not in name and name in words[1:]
