"""DataCite's REST API, for the DOIs Crossref does not hold (arXiv, Zenodo, datasets)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from citeaudit.doi import UnsafeDoi, doi_path
from citeaudit.errors import ResolverError
from citeaudit.resolve.channel import no_record
from citeaudit.resolve.interface import Answer, Lookup, WorkRegistry
from citeaudit.resolve.records import datacite_record
from citeaudit.resolve.sending import HttpRegistry, send_get

__all__ = ["DATACITE_PREFIXES", "DataCiteRegistry"]

# Prefixes known to be DataCite's: asked there first, never at Crossref.
DATACITE_PREFIXES = frozenset({"10.48550", "10.5281", "10.6084", "10.5061", "10.17605", "10.7910"})


class DataCiteRegistry(HttpRegistry, WorkRegistry):
    name = "datacite"

    default_url = "https://api.datacite.org"

    def works(self, dois: Sequence[str]) -> Mapping[str, Lookup]:
        return {doi.lower(): self.work(doi) for doi in dict.fromkeys(dois)}

    def work(self, doi: str) -> Lookup:
        doi = doi.lower()
        cached = self.cache.get("datacite", doi) if self.cache else None
        if cached is not None:
            self.channel.stats.hit()
            if cached.found:
                return Lookup(Answer.FOUND, datacite_record(cached.body), cached=True)
            return Lookup(Answer.NOT_FOUND, cached=True)
        try:
            url = f"{self.base_url}/dois/{doi_path(doi)}"
        except UnsafeDoi as exc:
            return Lookup(Answer.UNAVAILABLE, reason=f"not asked: {exc.reason}")
        try:
            reply = self.channel.request("datacite", send_get(self._client, url))
        except ResolverError as exc:
            return Lookup(Answer.UNAVAILABLE, reason=exc.reason)
        if reply.status == 200 and isinstance(reply.payload, dict):
            if self.cache is not None:
                self.cache.put("datacite", doi, found=True, body=reply.payload, url=url)
            return Lookup(Answer.FOUND, datacite_record(reply.payload))
        if reply.status == 404:
            if self.cache is not None:
                self.cache.put("datacite", doi, found=False, body=reply.payload, url=url)
            return Lookup(Answer.NOT_FOUND)
        return Lookup(Answer.UNAVAILABLE, reason=no_record(reply))
