"""Tests reach loopback stand-ins through two doors only: a service URL handed in by the
operator (its exact origin exempt, `safety.allowed`) and a rule's address test handed
in as a Python argument (`forbidden`). Nothing an upload carries opens either door:
not a request's options, not a project's ``citeaudit.toml``, not a confined checkout's
configuration; and a production setting of a well-known public service is never an
exemption. Pinned here so a later setting cannot quietly become one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.config.load import parse_table
from citeaudit.errors import ConfigurationError
from citeaudit.links.confined_network import confined_overrides
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.service.enrichers import phase_options
from citeaudit.settings import ServiceSettings

# Every name an upload might try for the two doors.
DOORS = {
    "allow_private_networks": True,
    "allow_own_machine": True,
    "crossref_url": "http://127.0.0.1:6379/",
    "doi_url": "http://127.0.0.1:2375/",
    "datacite_url": "http://10.0.0.5/",
    "archive_url": "http://169.254.169.254/",
    "probe_urls": ["http://127.0.0.1/"],
    "forbidden": None,
    "allowed_origins": [["127.0.0.1", 6379]],
}


def _service(monkeypatch: pytest.MonkeyPatch) -> ServiceSettings:
    for name in ("ALLOW_PRIVATE_NETWORKS", "ALLOW_OWN_MACHINE"):
        monkeypatch.delenv(f"CITEAUDIT_{name}", raising=False)
    return ServiceSettings(database_url="sqlite://")


def test_the_service_refuses_private_networks_and_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = LinkPolicy.from_settings(_service(monkeypatch))
    assert policy.allow_private_networks is False
    assert policy.allow_own_machine is False


def test_an_audit_request_options_name_no_network_setting() -> None:
    options = phase_options({**DOORS, "offline": False, "links": True})
    fields = {f for f in type(options).__dataclass_fields__}
    assert not fields & set(DOORS), fields & set(DOORS)


@pytest.mark.parametrize(
    "key",
    ["allow-private-networks", "allow-own-machine", "crossref-url", "doi-url", "datacite-url",
     "archive-url", "internal-networks", "own-services", "nat64-prefixes"],
)  # fmt: skip
def test_a_projects_configuration_names_no_door(key: str) -> None:
    with pytest.raises(ConfigurationError):
        parse_table(Path("citeaudit.toml"), {"network": {key: "http://127.0.0.1/"}}, [])


def test_a_confined_checkout_cannot_allow_private_networks() -> None:
    out = confined_overrides({"allow_private_networks": True, "allow_own_machine": True}, {})
    assert out["allow_private_networks"] is False
    assert out["allow_own_machine"] is False


@pytest.mark.parametrize(
    "url",
    [
        "https://api.crossref.org",
        "https://API.Crossref.org./",
        "https://doi.org:443/",
        "https://web.archive.org/wayback/available",
    ],
)
def test_a_public_service_setting_is_never_an_exemption(url: str) -> None:
    assert allowed([url]) == frozenset()


def test_an_exempt_origin_is_exact() -> None:
    rule = AddressRule(allowed_origins=allowed(["http://127.0.0.1:8080/api"]))
    assert rule.exempt("127.0.0.1", 8080)
    for host, port in (("127.0.0.1", 8081), ("127.0.0.2", 8080), ("localhost", 8080)):
        assert not rule.exempt(host, port)
        assert rule.host_refusal(host, port) is not None
