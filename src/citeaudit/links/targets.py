"""What may be fetched: real http(s) URLs, and DOIs (checked at the resolver).

A DOI-like string such as ``10.1007/978-3-319-69790-1_7`` is a DOI, never a host
name: nothing here ever prefixes ``http://`` to a string that lacks a scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from citeaudit.doi import doi_resolver_url, normalize_doi

DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(doi:\s*|https?://(dx\.|www\.)?doi\.org/)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkTarget:
    kind: Literal["url", "doi", "other"]
    value: str  # the URL, the normalised DOI, or what was given

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"

    @property
    def display(self) -> str:
        """The URL a report shows: DOIs at the canonical resolver."""
        return doi_resolver_url(self.value) if self.kind == "doi" else self.value


def normalise_doi(text: str) -> str | None:
    """The bare lower-case DOI when `text` is one (in any of its written forms)."""
    candidate = unquote(_DOI_PREFIX.sub("", text.strip())).strip()
    if not candidate.startswith("10."):
        return None
    return normalize_doi(text)


def target_for(text: str) -> LinkTarget:
    """Classify one string from a reference or a document."""
    value = text.strip()
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in {"http", "https"} and parts.hostname:
        if parts.hostname.lower() in DOI_HOSTS:
            doi = normalise_doi(value)
            if doi is not None:
                return LinkTarget("doi", doi)
        return LinkTarget("url", value)
    doi = normalise_doi(value)
    if doi is not None:
        return LinkTarget("doi", doi)
    return LinkTarget("other", value)
