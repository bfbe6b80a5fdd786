"""The IPv6 twins of the clouds' 169.254 metadata services are metadata too.

Where private networks are allowed (the CLI by default), a metadata service is still
refused -- but only AWS's, GCP's and Linode's IPv6 prefixes were known. Oracle Cloud
answers its instance metadata (instance-principal credentials included) at
``[fd00:c1::a9fe:a9fe]`` as at 169.254.169.254, Scaleway at ``[fd00:42::42]`` as at
169.254.42.42, Alibaba at ``[fd00:100::100:200]`` as at 100.100.100.200: each was a
link like any intranet page, for a link, a redirect's hop or a name that answers one.
"""

from __future__ import annotations

import ipaddress

import pytest

from citeaudit.links.safety import AddressRule, is_metadata_address
from citeaudit.model.link import LinkOutcome
from tests.security.ssrf_loopback import check_answering
from tests.security.webhook_refusal import assert_webhook_refused

TWINS = [
    "fd00:c1::a9fe:a9fe",  # Oracle Cloud IMDS
    "fd00:c1::1",
    "fd00:42::42",  # Scaleway
    "fd00:100::100:200",  # Alibaba
]


@pytest.mark.parametrize("address", TWINS)
def test_the_ipv6_twins_are_metadata(address: str) -> None:
    assert is_metadata_address(ipaddress.ip_address(address))
    rule = AddressRule(allow_private=True)
    assert rule.url_refusal(f"http://[{address}]/opc/v2/instance/") is not None
    assert rule.redirect_refusal(f"http://[{address}]/", f"//[{address}]/") is not None


@pytest.mark.parametrize("address", ["fd00:c2::1", "fd00:43::42", "fd00:101::1", "fd42::1"])
def test_neighbouring_unique_local_addresses_stay_intranet(address: str) -> None:
    AddressRule(allow_private=True).check("intranet.test", 80, [address])


@pytest.mark.parametrize("address", TWINS)
def test_a_name_answering_a_twin_is_refused_with_private_allowed(address: str) -> None:
    check, asked = check_answering(address, "http://imds.test/opc/v2/instance/")
    assert asked
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", check


@pytest.mark.parametrize("address", TWINS)
def test_a_webhook_to_a_twin_is_refused_with_private_allowed(address: str) -> None:
    assert_webhook_refused(address, allow_private=True)
