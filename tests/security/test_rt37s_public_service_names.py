"""Every name of the registries' and the archive's operators is public, not only the
defaults.

net21 made the well-known services (``api.crossref.org``, ``doi.org``...) never an
exempt origin: an operator's mirror on the intranet is exempt from the private-network
test, a public service is judged like any host, so a poisoned DNS answer naming
loopback or the intranet for it is refused. The list held the default names only. The
resolver's other names (``www.doi.org``, one of `targets.DOI_HOSTS`, and the Handle
System's ``hdl.handle.net``), the registries' test and labs APIs
(``api.test.datacite.org``, ``api.labs.crossref.org``) and the archive's other hosts
were exempt when configured: a registry's look-up went wherever the answer said.
Now every name under those operators' domains is a public service
(`safety.PUBLIC_SERVICE_DOMAINS`); a look-alike outside them is still an operator's.

Stand-in: a name server answering every name with loopback; refused before any
connection, so nothing listens on 80 or 443.
"""

from __future__ import annotations

from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.resolve.sending import failure_from
from tests.security.test_net21_public_services_not_exempt import private_names

OTHER_NAMES = [
    "https://www.doi.org",
    "https://hdl.handle.net",
    "https://api.test.datacite.org",
    "https://api.labs.crossref.org",
    "https://data.crossref.org",
    "https://WWW.DOI.ORG.",
]


@pytest.mark.parametrize("url", OTHER_NAMES)
def test_an_operators_other_names_are_never_exempt(url: str) -> None:
    assert allowed([url]) == frozenset()


@pytest.mark.parametrize("url", ["https://crossref.org.mirror.example", "https://mydoi.org"])
def test_a_look_alike_outside_their_domains_is_an_operators_own(url: str) -> None:
    assert allowed([url]) != frozenset()


@pytest.mark.parametrize("make", [pinned_client, pinned_client2], ids=["httpx", "httpx2"])
@pytest.mark.parametrize("base", ["https://www.doi.org", "https://api.test.datacite.org"])
def test_a_registry_at_another_name_answering_loopback_is_refused(make: Any, base: str) -> None:
    lib = httpx if make is pinned_client else httpx2
    lookup = private_names("127.0.0.1")
    client = make(AddressRule(allowed_origins=allowed([base])), timeout=2.0, lookup=lookup)
    with client, pytest.raises(lib.HTTPError) as raised:
        client.get(base + "/api/handles/10.1000/x")
    failure = failure_from(raised.value)
    assert failure is not None and "not public" in failure.reason, failure
