"""The compose deployment names the machine its containers run on (rt35s-1).

A compose project's network has a gateway of its own (172.18.0.1), and the link rule
knows the machine the containers run on by that address and by what the hosts file
names it (`own_addresses.parse_host_machine`). Its docker0 address (172.17.0.1) is
the same machine, and only compose's ``host-gateway`` writes it into the containers'
hosts file: without it, where private networks are allowed, a link to
``http://172.17.0.1:<port>/`` reached every service of that machine bound to 0.0.0.0.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_every_app_container_names_the_machine_it_runs_on() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    for name in ("api", "worker", "beat"):
        hosts = compose["services"][name].get("extra_hosts") or []
        assert "host.docker.internal:host-gateway" in hosts, name
