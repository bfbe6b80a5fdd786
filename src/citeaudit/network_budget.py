"""How much network work one audit may ask for: a budget of checks per network phase.

An upload is cheap to make and expensive to check: 200,000 distinct URLs or DOIs in
one bibliography keep a worker asking hosts and registries for hours, each request
paced politely. So each network phase gets a budget of checks per audit (the links
phase counts distinct URLs and DOIs, the resolution phase references); what is past
it is not asked at all, and the report says how much was left unchecked -- so "no
broken links" is never read as "every link checked". The budget is applied to what
an enricher is handed (`Enricher` does it for every subclass), in reference order,
so the first entries of a list are the ones checked.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution, ResolutionState
from citeaudit.target_keys import TargetKeys

__all__ = ["DEFAULT_MAX_NETWORK_CHECKS", "Cut", "apply", "cut"]

# A long review cites 1,000-1,500 works; a budget well past that never touches a real
# paper, and still ends a hostile upload's phase in minutes, not hours.
DEFAULT_MAX_NETWORK_CHECKS = 5000
SETTING = "CITEAUDIT_MAX_NETWORK_CHECKS"


@dataclass(frozen=True, slots=True)
class Cut:
    """The references an enricher may see, and what was left out of its budget."""

    data: AuditData  # the audit data with the references cut down to the budget
    skipped: tuple[Reference, ...]  # references left out entirely
    unchecked: int  # checks (links and DOIs, or look-ups) not made


def _raw_doi(text: str) -> str | None:
    value = text.strip().lower()
    return value or None


# For an enricher that says nothing: each written DOI and URL counted as it stands.
RAW_KEYS = TargetKeys(doi=_raw_doi, url=str.strip)


def _link_keys(doi: str | None, urls: tuple[str, ...], keys: TargetKeys) -> list[str]:
    """The distinct targets the links phase would check for an entry, in order."""
    found: list[str] = []
    if doi:
        key = keys.doi(doi)
        if key is not None:
            found.append(f"doi:{key}")
    found.extend(keys.url(url) for url in urls)
    return list(dict.fromkeys(found))


def _trim_links(ref: Reference, allowed: frozenset[str], keys: TargetKeys) -> Reference:
    """`ref` with only the targets in `allowed` (its DOI dropped if it is not)."""
    doi = ref.doi
    if doi and f"doi:{keys.doi(doi)}" not in allowed:
        doi = None
    urls = tuple(url for url in ref.urls if keys.url(url) in allowed)
    return dataclasses.replace(ref, doi=doi, urls=urls)


# Per reference: kept whole (True), left out (None), or trimmed to these targets.
_Plan = tuple[bool | frozenset[str] | None, ...]


@functools.lru_cache(maxsize=2)
def _link_plan(
    targets: tuple[tuple[str | None, tuple[str, ...]], ...], limit: int, keys: TargetKeys
) -> tuple[_Plan, int] | None:
    """The links cut, by each reference's (DOI, URLs) alone. Remembered: the service
    cuts the same audit once per chunk, and each cut costs a key per target."""
    seen: set[str] = set()
    plan: list[bool | frozenset[str] | None] = []
    unchecked = 0
    for doi, urls in targets:
        ref_keys = _link_keys(doi, urls, keys)
        new = [key for key in ref_keys if key not in seen]
        room = max(0, limit - len(seen))
        if len(new) <= room:
            seen.update(new)
            plan.append(True)
            continue
        unchecked += len(new) - room
        seen.update(new[:room])
        if room or len(new) < len(ref_keys):
            # Some of its targets fit, or were checked for an earlier entry.
            plan.append(frozenset(seen))
        else:
            plan.append(None)
    if not unchecked:
        return None
    return tuple(plan), unchecked


def cut(data: AuditData, phase: Phase, limit: int, keys: TargetKeys = RAW_KEYS) -> Cut | None:
    """`data` cut to `limit` checks of `phase`, or None when it is within budget."""
    refs = data.references
    if phase is Phase.RESOLUTION:
        if len(refs) <= limit:
            return None
        kept: list[Reference | None] = [*refs[:limit], *([None] * (len(refs) - limit))]
        skipped = refs[limit:]
        return Cut(_with_references(data, kept), tuple(skipped), len(skipped))
    if phase is not Phase.LINKS:
        return None
    found = _link_plan(tuple((ref.doi, tuple(ref.urls)) for ref in refs), limit, keys)
    if found is None:
        return None
    plan, unchecked = found
    kept = []
    skipped_refs: list[Reference] = []
    for ref, verdict in zip(refs, plan, strict=True):
        if verdict is True:
            kept.append(ref)
        elif verdict is None:
            kept.append(None)
            skipped_refs.append(ref)
        elif isinstance(verdict, frozenset):
            kept.append(_trim_links(ref, verdict, keys))
    return Cut(_with_references(data, kept), tuple(skipped_refs), unchecked)


def _with_references(data: AuditData, kept: Sequence[Reference | None]) -> AuditData:
    """`data` with `kept[i]` in place of its i-th reference (None: left out). By
    position, not id: two bibliographies may hold the same key."""
    position = iter(kept)
    bibliographies = []
    for bib in data.bibliographies:
        chosen = [next(position) for _ in bib.references]
        references = tuple(ref for ref in chosen if ref is not None)
        bibliographies.append(dataclasses.replace(bib, references=references))
    return dataclasses.replace(data, bibliographies=tuple(bibliographies))


def _note(phase: Phase, unchecked: int, limit: int) -> str:
    what = "links and DOIs" if phase is Phase.LINKS else "references"
    return (
        f"{unchecked} {what} not checked: past this audit's budget of {limit} "
        f"{'checks' if phase is Phase.LINKS else 'registry look-ups'} ({SETTING})"
    )


def apply(
    enrich: Callable[[AuditData], AuditData],
    data: AuditData,
    phase: Phase,
    limit: int,
    keys: TargetKeys = RAW_KEYS,
) -> AuditData:
    """Run `enrich` on `data` cut to the budget; the result has every reference back,
    and says what was not checked (left-out references "failed" for the resolution
    phase, so no rule reads them as unknown to the registries; a phase note always)."""
    part = cut(data, phase, max(0, limit), keys)
    if part is None:
        return enrich(data)
    done = enrich(part.data)
    before = len(data.phases)
    statuses = list(done.phases[before:])
    note = _note(phase, part.unchecked, limit)
    resolutions = done.resolutions
    if phase is Phase.RESOLUTION:
        resolutions = {
            **done.resolutions,
            **{
                ref.id: Resolution(ref.id, ResolutionState.FAILED, reason=note)
                for ref in part.skipped
            },
        }
    statuses = _noted(statuses, phase, note)
    return dataclasses.replace(
        done,
        bibliographies=data.bibliographies,
        resolutions=resolutions,
        phases=(*done.phases[:before], *statuses),
    )


def _noted(statuses: Sequence[PhaseStatus], phase: Phase, note: str) -> list[PhaseStatus]:
    """The phase's statuses with the note said first; a phase with none gets one (done:
    what was checked holds)."""
    out = []
    found = False
    for status in statuses:
        if status.phase is phase:
            found = True
            reason = f"{note}; {status.reason}" if status.reason else note
            status = dataclasses.replace(status, reason=reason)
        out.append(status)
    if not found:
        out.append(PhaseStatus(phase, done=True, reason=note))
    return out
