"""Cloud services on unique-local IPv6 prefixes are metadata, even with private allowed.

Where private networks are allowed (the CLI by default), only the listed metadata
addresses and link-local ones were refused. AWS answers on more of fd00:ec2::/32 than
the metadata address ::254 (EKS Pod Identity hands out credentials at ::23), Akamai
(Linode) puts its metadata service at fd00:a9fe:a9fe::1, and Oracle Cloud Classic at
192.0.0.192: each was a link like any intranet page. A name server stand-in answers
the address; nothing may be connected to, and the refusal is "private-address".
"""

from __future__ import annotations

import ipaddress

import pytest

from citeaudit.links.safety import AddressRule, is_metadata_address
from citeaudit.model.link import LinkOutcome
from tests.security.ssrf_loopback import check_answering
from tests.security.webhook_refusal import assert_webhook_refused

CLOUD_SERVICES = [
    "fd00:ec2::23",  # EKS Pod Identity (credentials)
    "fd00:ec2::253",  # AWS's resolver
    "fd00:ec2::1:254",
    "fd20:ce::1",
    "fd00:a9fe:a9fe::1",  # Akamai (Linode) metadata
    "192.0.0.192",  # Oracle Cloud Classic metadata
    "::ffff:192.0.0.192",
]


@pytest.mark.parametrize("address", CLOUD_SERVICES)
def test_cloud_service_prefixes_are_metadata(address: str) -> None:
    assert is_metadata_address(ipaddress.ip_address(address))
    literal = f"[{address}]" if ":" in address else address
    assert AddressRule(allow_private=True).url_refusal(f"http://{literal}/v1/credentials")


@pytest.mark.parametrize("address", ["fd00:ec3::23", "fd12:3456:789a::1", "fc00::1", "192.0.0.9"])
def test_other_unique_local_and_private_addresses_stay_allowed(address: str) -> None:
    AddressRule(allow_private=True).check("intranet.test", 80, [address])


@pytest.mark.parametrize("address", CLOUD_SERVICES)
def test_a_link_naming_a_cloud_service_is_refused_with_private_allowed(address: str) -> None:
    check, asked = check_answering(address, "http://pod-identity.test/v1/credentials")
    assert asked
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", check


@pytest.mark.parametrize("address", CLOUD_SERVICES)
def test_a_webhook_to_a_cloud_service_is_refused_with_private_allowed(address: str) -> None:
    assert_webhook_refused(address, allow_private=True)
