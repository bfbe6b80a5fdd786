"""A URL's ``user:password@`` is never sent as Basic credentials by either pinned client.

ssrf30 made the link checker, its redirect hops and the httpx pinned client (doi.org,
DataCite, webhooks) send no credentials a URL carries. The httpx2 client habanero
sends Crossref's requests with was built by a second copy of the same recipe, without
the empty ``auth``: a Crossref base URL (or any habanero call's URL) with
``alice:s3cret@`` went out as ``Authorization: Basic ...`` -- credentials of the URL's
choosing, sent where every other client of ours sends none. Both clients are now made
by one recipe (`pinned._pinned_client_of`), so they cannot drift apart again.

Stand-in: the security folder's public web server (`public`: 127.0.0.2, which records
each request's Authorization header); the rule lets only 127.0.0.2 through.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.test_ssrf_hops import Hops, only_127_0_0_2_is_public

RULE = AddressRule(forbidden=only_127_0_0_2_is_public)


def _with_credentials(url: str) -> str:
    return url.replace("http://", "http://alice:s3cret@", 1)


@pytest.mark.parametrize("make", [pinned_client, pinned_client2], ids=["httpx", "httpx2"])
def test_neither_pinned_client_sends_a_urls_credentials(
    public: Hops, make: Callable[..., Any]
) -> None:
    with make(RULE, timeout=2.0) as client:
        assert client.get(_with_credentials(public.url) + "/x").status_code == 200
    assert public.authorizations == [""]


def test_crossref_at_a_base_url_with_credentials_is_asked_without_them(
    public: Hops, tmp_path: Path
) -> None:
    """The registry clients end to end: Crossref (habanero, httpx2), DataCite and
    doi.org (httpx), each at a base URL that carries credentials."""
    base = _with_credentials(public.url)
    resolver = build_resolver(settings_for(base, tmp_path / "cache"), policy=FAST_RETRY)
    try:
        resolver.resolve(
            [
                ref("crossref", title="A", doi="10.1038/nature14539"),
                ref("datacite", title="B", doi="10.5281/zenodo.1234"),
            ]
        )
    finally:
        resolver.close()
    assert public.authorizations, "the registries were asked"
    assert set(public.authorizations) == {""}
