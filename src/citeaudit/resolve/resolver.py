"""Resolve a bibliography against Crossref, doi.org and DataCite.

Order of work, chosen to send as little as possible:

1. Entries without a DOI: grey literature (web pages, news, reports with a URL) and
   arXiv-only preprints are not sent; scholarly entries get one
   ``query.bibliographic`` per distinct query (the same work listed twice is asked
   once), validated by `matching.choose`.
2. ShortDOIs are expanded through doi.org (their HS_ALIAS).
3. DOIs with a DataCite prefix go to DataCite; all others to Crossref in batches
   as large as the URL allows (list requests have the smallest budget).
4. DOIs Crossref does not hold are asked at doi.org (does the DOI exist at all?)
   and, when they exist, at DataCite for their metadata. Only doi.org's "handle not
   found" makes a DOI not-found; a registry that could not be asked makes the
   resolution "failed", never "not-found".

The first Crossref request goes alone: if Crossref cannot be reached, nothing else is
sent to it and resolution is reported as not done, with the reason.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from citeaudit.doi import doi_refusal
from citeaudit.matching.records import Verdict, choose, compare
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import RegistryRecord, Resolution, ResolutionState
from citeaudit.resolve.classify import Genre, genre
from citeaudit.resolve.crossref import LIST, CrossrefRegistry, bibliographic_query
from citeaudit.resolve.datacite import DATACITE_PREFIXES, DataCiteRegistry
from citeaudit.resolve.doi import HandleRegistry
from citeaudit.resolve.interface import Answer, Lookup, Resolver, ResolveRun, Search
from citeaudit.resolve.journals import journal_known, looks_abbreviated
from citeaudit.resolve.run_status import run_status

__all__ = ["RegistryResolver", "is_short_doi"]

_SHORT = re.compile(r"^10/[a-z0-9]+$", re.IGNORECASE)
_ARXIV = re.compile(r"\barxiv\b", re.IGNORECASE)


def is_short_doi(doi: str) -> bool:
    return bool(_SHORT.match(doi))


def _prefix(doi: str) -> str:
    return doi.split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class _Target:
    ref: Reference
    doi: str  # the DOI to look up (a shortDOI's long form)


class RegistryResolver(Resolver):
    def __init__(
        self,
        crossref: CrossrefRegistry,
        handles: HandleRegistry,
        datacite: DataCiteRegistry,
        *,
        workers: int = 8,
        rows: int = 5,
        max_run_time: float | None = None,
    ) -> None:
        self.crossref = crossref
        self.handles = handles
        self.datacite = datacite
        self.workers = workers
        self.rows = rows
        # Seconds a run may take (None: no end). Past it no registry is asked, and the
        # references left are failed with `OUT_OF_TIME`: the run ends with what it has,
        # inside the service chunk's time limit, rather than being killed at it.
        self.max_run_time = max_run_time

    def close(self) -> None:
        for registry in (self.crossref, self.handles, self.datacite):
            registry.close()

    # -- the run ------------------------------------------------------------------------

    def resolve(self, references: Sequence[Reference]) -> ResolveRun:
        self.crossref.begin()
        self.handles.channel.reset()
        self.datacite.channel.reset()
        deadline = None if self.max_run_time is None else time.monotonic() + self.max_run_time
        for registry in (self.crossref, self.handles, self.datacite):
            registry.channel.deadline = deadline
        out: dict[str, Resolution] = {}
        to_query: list[Reference] = []
        targets: list[_Target] = []
        shorts: list[Reference] = []
        for ref in references:
            refusal = doi_refusal(ref.doi) if ref.doi else None
            if refusal is not None:
                # Never put into a registry's URL (malformed-doi reports it).
                out[ref.id] = Resolution(
                    ref.id, ResolutionState.SKIPPED, reason=f"not sent: malformed DOI ({refusal})"
                )
                continue
            if ref.doi and is_short_doi(ref.doi):
                shorts.append(ref)
                continue
            if ref.doi:
                targets.append(_Target(ref, ref.doi))
                continue
            skip = self._skip_reason(ref)
            if skip:
                out[ref.id] = Resolution(ref.id, ResolutionState.SKIPPED, reason=skip)
            else:
                to_query.append(ref)

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            # ShortDOIs first: their long form joins the batches.
            expanded = list(pool.map(lambda r: self.handles.lookup(r.doi or ""), shorts))
            for ref, handle in zip(shorts, expanded, strict=True):
                if handle.answer is Answer.FOUND and handle.alias:
                    targets.append(_Target(ref, handle.alias))
                elif handle.answer is Answer.FOUND:
                    out[ref.id] = self._registered_only(ref, ref.doi or "", "doi.org")
                elif handle.answer is Answer.NOT_FOUND:
                    out[ref.id] = self._not_registered(ref, ref.doi or "", ("doi.org",))
                else:
                    out[ref.id] = self._failed(ref, f"doi.org: {handle.reason}")

            at_datacite = [t for t in targets if _prefix(t.doi) in DATACITE_PREFIXES]
            at_crossref = [t for t in targets if _prefix(t.doi) not in DATACITE_PREFIXES]

            crossref_answers = self._ask_crossref(pool, at_crossref, to_query, out)
            misses: list[_Target] = []
            for target in at_crossref:
                lookup = crossref_answers.get(target.doi.lower())
                if lookup is None:
                    continue  # already decided (Crossref unreachable)
                if lookup.answer is Answer.FOUND and lookup.record is not None:
                    out[target.ref.id] = self._resolved(target, lookup.record, ("crossref",))
                elif lookup.answer is Answer.NOT_FOUND:
                    misses.append(target)
                else:
                    out[target.ref.id] = self._failed(target.ref, f"Crossref: {lookup.reason}")

            results = list(pool.map(self._elsewhere, misses + at_datacite))
            for target, resolution in zip(misses + at_datacite, results, strict=True):
                out[target.ref.id] = resolution

        return self._run(references, out)

    # -- pieces ----------------------------------------------------------------------

    def _skip_reason(self, ref: Reference) -> str | None:
        kind = genre(ref)
        if kind is Genre.GREY:
            return "not sent: web page, news or grey literature"
        if not ref.title:
            return "not sent: no title to search for"
        if _ARXIV.search(" ".join(filter(None, (ref.container, ref.publisher, ref.raw)))):
            return "not sent: arXiv preprint without DOI (Crossref does not hold arXiv)"
        return None

    def _ask_crossref(
        self,
        pool: ThreadPoolExecutor,
        targets: Sequence[_Target],
        to_query: Sequence[Reference],
        out: dict[str, Resolution],
    ) -> dict[str, Lookup]:
        """Batches and queries, the first alone as a reachability probe.

        Jobs that draw on different budgets run in separate thread pools: threads
        waiting for the list budget must not hold up look-ups the single-record
        budget would send at once (and the other way round).
        """
        answers, wanted = self.crossref.from_cache([t.doi for t in targets])
        jobs: list[tuple[str, Callable[[], None]]] = []

        def batch_job(chunk: list[str]) -> Callable[[], None]:
            def run() -> None:
                answers.update(self.crossref.batch(chunk))

            return run

        def query_job(group: list[Reference]) -> Callable[[], None]:
            def run() -> None:
                search = self.crossref.search(group[0], self.rows)
                for ref in group:
                    out[ref.id] = self._from_search(ref, search)

            return run

        # Entries that read the same to Crossref share one query.
        groups: dict[str, list[Reference]] = {}
        for ref in to_query:
            groups.setdefault(bibliographic_query(ref).lower(), []).append(ref)
        jobs = [(self.crossref.budget_of(c), batch_job(c)) for c in self.crossref.chunks(wanted)]
        jobs += [(LIST, query_job(g)) for g in groups.values()]
        if jobs:
            jobs[0][1]()
            if self.crossref.channel.broken:
                reason = f"Crossref {self.crossref.channel.broken}"
                for ref in to_query:
                    out[ref.id] = self._failed(ref, reason)
                for target in targets:
                    if target.doi.lower() not in answers or (
                        answers[target.doi.lower()].answer is Answer.UNAVAILABLE
                    ):
                        answers.pop(target.doi.lower(), None)
                        out[target.ref.id] = self._failed(target.ref, reason)
                return answers
            rest = jobs[1:]
            with ThreadPoolExecutor(max_workers=self.workers) as singles:
                started = [singles.submit(job) for kind, job in rest if kind != LIST]
                list(pool.map(lambda job: job(), [job for kind, job in rest if kind == LIST]))
                for future in started:
                    future.result()
        return answers

    def _from_search(self, ref: Reference, search: Search) -> Resolution:
        if search.answer is not Answer.FOUND:
            return self._failed(ref, f"Crossref: {search.reason}")
        choice = choose(ref, search.candidates)
        if choice.verdict is Verdict.MATCH and choice.record and choice.comparison:
            return Resolution(
                ref.id,
                ResolutionState.RESOLVED,
                doi=choice.record.doi,
                score=choice.comparison.score,
                record=choice.record,
                doi_registered=True,
                sources=("crossref",),
            )
        if choice.verdict is Verdict.AMBIGUOUS:
            return Resolution(
                ref.id,
                ResolutionState.AMBIGUOUS,
                reason="several registry records fit this entry equally well",
                score=choice.comparison.score if choice.comparison else None,
                record=choice.record,
                sources=("crossref",),
            )
        return Resolution(
            ref.id,
            ResolutionState.NOT_FOUND,
            reason="no registry record matches this entry",
            score=round(choice.best_title, 4),
            sources=("crossref",),
            container_registered=self._journal_known(ref, search.candidates),
        )

    def _journal_known(self, ref: Reference, candidates: Sequence[RegistryRecord]) -> bool | None:
        """Does Crossref know the article's journal? (see `journals`)"""
        container = ref.container
        if not container or genre(ref) is not Genre.ARTICLE or looks_abbreviated(container):
            return None
        if journal_known(container, (c.container or "" for c in candidates)):
            return True  # a near miss in the same journal: no need to ask
        answer, titles = self.crossref.journal_titles(container)
        return journal_known(container, titles) if answer is Answer.FOUND else None

    def _elsewhere(self, target: _Target) -> Resolution:
        """A DOI Crossref does not hold (or a DataCite one): DataCite, then doi.org."""
        asked: list[str] = []
        if _prefix(target.doi) in DATACITE_PREFIXES:
            lookup = self.datacite.work(target.doi)
            asked.append("datacite")
            if lookup.answer is Answer.FOUND and lookup.record is not None:
                return self._resolved(target, lookup.record, ("datacite",))
        else:
            asked.append("crossref")
        handle = self.handles.lookup(target.doi)
        asked.append("doi.org")
        if handle.answer is Answer.NOT_FOUND:
            return self._not_registered(target.ref, target.doi, tuple(asked))
        if handle.answer is Answer.UNAVAILABLE:
            return self._failed(target.ref, f"doi.org: {handle.reason}")
        if "datacite" not in asked:
            lookup = self.datacite.work(target.doi)
            if lookup.answer is Answer.FOUND and lookup.record is not None:
                return self._resolved(target, lookup.record, ("crossref", "doi.org", "datacite"))
        return self._registered_only(target.ref, target.doi, *asked)

    def _resolved(
        self, target: _Target, record: RegistryRecord, sources: tuple[str, ...]
    ) -> Resolution:
        return Resolution(
            target.ref.id,
            ResolutionState.RESOLVED,
            doi=record.doi or target.doi,
            score=compare(target.ref, record).score,
            record=record,
            doi_registered=True,
            sources=sources,
        )

    @staticmethod
    def _registered_only(ref: Reference, doi: str, *sources: str) -> Resolution:
        return Resolution(
            ref.id,
            ResolutionState.RESOLVED,
            reason="registered at doi.org; no metadata from Crossref or DataCite to compare",
            doi=doi,
            doi_registered=True,
            sources=tuple(dict.fromkeys(sources)),
        )

    @staticmethod
    def _not_registered(ref: Reference, doi: str, sources: tuple[str, ...]) -> Resolution:
        return Resolution(
            ref.id,
            ResolutionState.NOT_FOUND,
            reason="doi.org: handle not found",
            doi=doi,
            doi_registered=False,
            sources=sources,
        )

    @staticmethod
    def _failed(ref: Reference, reason: str) -> Resolution:
        return Resolution(ref.id, ResolutionState.FAILED, reason=reason)

    def _run(self, references: Sequence[Reference], out: dict[str, Resolution]) -> ResolveRun:
        requests: Counter[str] = Counter()
        for registry in (self.crossref, self.handles, self.datacite):
            requests.update(registry.channel.stats.requests)
        done, reason = run_status(list(out.values()), len(references), self.crossref.channel.broken)
        return ResolveRun(out, done=done, reason=reason, requests=dict(requests))
