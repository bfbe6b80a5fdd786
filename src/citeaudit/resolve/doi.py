"""doi.org's Handle API: the authority on whether a DOI exists at all.

Crossref holds only Crossref DOIs; a Crossref 404 says nothing about a DataCite,
mEDRA or JaLC DOI. ``GET /api/handles/{doi}`` answers for every registration agency:
``responseCode`` 1 is a registered handle, 100 is "handle not found". A shortDOI
(``10/abcd``) is a handle whose ``HS_ALIAS`` value names the long DOI.
"""

from __future__ import annotations

from typing import Any

from citeaudit.doi import UnsafeDoi, doi_path
from citeaudit.errors import ResolverError
from citeaudit.resolve.interface import Answer, DoiLookup
from citeaudit.resolve.records import registry_doi
from citeaudit.resolve.sending import HttpRegistry, send_get

__all__ = ["HandleRegistry"]


def _alias(payload: Any) -> str | None:
    values = payload.get("values") if isinstance(payload, dict) else None
    if not isinstance(values, list):  # a stranger's JSON: 5 raised TypeError here
        return None
    for value in values:
        if isinstance(value, dict) and value.get("type") == "HS_ALIAS":
            data = value.get("data")
            text = data.get("value") if isinstance(data, dict) else data
            # The alias is asked for next, and may be reported as the DOI: the same
            # judge as any DOI a registry names (`records.registry_doi`).
            alias = registry_doi(text)
            if alias.startswith("10."):
                return alias
    return None


class HandleRegistry(HttpRegistry):
    name = "doi.org"

    default_url = "https://doi.org"

    def lookup(self, doi: str) -> DoiLookup:
        doi = doi.lower()
        cached = self.cache.get("handle", doi) if self.cache else None
        if cached is not None:
            self.channel.stats.hit()
            if cached.found:
                return DoiLookup(Answer.FOUND, alias=_alias(cached.body), cached=True)
            return DoiLookup(Answer.NOT_FOUND, cached=True)
        try:
            url = f"{self.base_url}/api/handles/{doi_path(doi)}"
        except UnsafeDoi as exc:
            return DoiLookup(Answer.UNAVAILABLE, reason=f"not asked: {exc.reason}")
        try:
            reply = self.channel.request("handle", send_get(self._client, url))
        except ResolverError as exc:
            return DoiLookup(Answer.UNAVAILABLE, reason=exc.reason)
        code = reply.payload.get("responseCode") if isinstance(reply.payload, dict) else None
        if reply.status == 200 and code == 1:
            if self.cache is not None:
                self.cache.put("handle", doi, found=True, body=reply.payload, url=url)
            return DoiLookup(Answer.FOUND, alias=_alias(reply.payload))
        if code == 100 or (reply.status == 404 and code is None and not reply.payload):
            if self.cache is not None:
                self.cache.put("handle", doi, found=False, body=reply.payload, url=url)
            return DoiLookup(Answer.NOT_FOUND)
        return DoiLookup(
            Answer.UNAVAILABLE, reason=f"unexpected answer {reply.status} responseCode {code}"
        )
