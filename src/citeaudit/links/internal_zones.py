"""Our network's own DNS zones: names a link check never asks our resolver about.

Where private networks are refused, a link's host is looked up and judged by its
answer. A name only our own name servers answer (split horizon: a company's
``corp.example.com``, a cloud network's ``<vnet>.internal.cloudapp.net``, a private
hosted zone) then came back "private-address" while a name nobody knows came back
"does not resolve": an upload of guesses under such a zone mapped which of our
network's machines exist. Top-level domains kept for local use were already refused
unasked (`safety.is_local_name`); a zone under a public one is known only to us.

So the zones are ours to name: the resolver's own search list by default (the
``domain`` or ``search`` line of ``/etc/resolv.conf``, the last one winning as the
resolver reads it; ``LOCALDOMAIN`` over both; else the host name's domain): the
domains whose names our resolver completes are our network's. An operator names them
instead with ``CITEAUDIT_INTERNAL_DOMAINS`` (comma- or blank-separated; ``none`` for
none). A name in one of them (`network_name`) is refused before any look-up wherever a
local-only name is, with the same answer whether it exists or not.

Only link checks judge names so (`LinkChecker`'s rule): what a link's look-up answered
is shown to the uploader in the report. A webhook's or a mail address's refusal never
depends on a look-up, and a recipient domain in our own zone is where our own people
get their mail.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import idna

from citeaudit.links.safety import is_local_name, name_readings

__all__ = [
    "MAX_ZONES",
    "SETTING",
    "InternalZones",
    "declared_zones",
    "internal_zones",
    "network_name",
    "search_list",
]

SETTING = "CITEAUDIT_INTERNAL_DOMAINS"
MAX_ZONES = 64  # zones kept (glibc's resolver reads six; a list is no longer than that)
_MAX_FILE = 64 * 1024  # bytes of resolv.conf read
_RESOLV_CONF = Path("/etc/resolv.conf")
# A domain name's label as an operator writes one (IDNA's Unicode forms too).
_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")


def _zone(text: str) -> str | None:
    """`text` as a zone (lower case, no final dot), or None when it is none: the root,
    one label (a top-level domain is no zone of ours: a search list of ``com`` would
    refuse every .com name), or anything but a domain name."""
    name = text.strip().rstrip(".").lower()
    labels = name.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return None
    if all(label.isdigit() for label in labels):
        return None  # an address, not a zone
    return name


def search_list(text: str, environ: Mapping[str, str], hostname: str) -> tuple[str, ...]:
    """The resolver's search list, as glibc builds it: ``LOCALDOMAIN`` if set, else
    the last ``domain`` or ``search`` line of resolv.conf's `text`, else the domain of
    `hostname`. Zones only (`_zone`), the first `MAX_ZONES`."""
    words: list[str] | None = None
    local = environ.get("LOCALDOMAIN")
    if local is not None:
        words = local.split()
    else:
        for line in text.splitlines():
            fields = line.split()
            if fields and fields[0] in ("domain", "search"):
                words = []
                for word in fields[1:]:
                    if word.startswith(("#", ";")):
                        break
                    words.append(word)
                if fields[0] == "domain":
                    words = words[:1]
        if words is None:
            _, dot, domain = hostname.partition(".")
            words = [domain] if dot else []
    found: list[str] = []
    for word in words:
        zone = _zone(word)
        if zone is not None and zone not in found:
            found.append(zone)
            if len(found) == MAX_ZONES:
                break
    return tuple(found)


def declared_zones(value: str) -> tuple[str, ...]:
    """The zones ``CITEAUDIT_INTERNAL_DOMAINS`` names; ``none`` or nothing for none. A
    value that is no domain under a top-level one is an error naming the setting."""
    found: list[str] = []
    for part in value.replace(",", " ").split():
        if part.lower() == "none":
            continue
        zone = _zone(part)
        if zone is None:
            raise ValueError(
                f"{SETTING}: {part}: not a DNS zone under a top-level domain "
                "(a top-level domain alone is no internal zone)"
            )
        if zone not in found:
            found.append(zone)
    return tuple(found[:MAX_ZONES])


def _forms(name: str) -> set[str]:
    """`name` and its IDNA ASCII form, where it has one."""
    forms = {name}
    with contextlib.suppress(idna.IDNAError, UnicodeError, ValueError):
        forms.add(idna.encode(name, uts46=True).decode("ascii"))
    return forms


@dataclass(frozen=True, slots=True)
class InternalZones:
    """The DNS zones only our own name servers answer for (see the module)."""

    zones: tuple[str, ...] = ()

    @classmethod
    def from_environment(
        cls,
        environ: Mapping[str, str] | None = None,
        resolv_conf: Path = _RESOLV_CONF,
        hostname: str | None = None,
    ) -> InternalZones:
        """The operator's zones (`SETTING`) if set, else the resolver's search list."""
        env = os.environ if environ is None else environ
        declared = env.get(SETTING)
        if declared is not None:
            return cls(declared_zones(declared))
        try:
            with resolv_conf.open("rb") as handle:
                text = handle.read(_MAX_FILE).decode("utf-8", "replace")
        except OSError:
            text = ""
        return cls(search_list(text, env, socket.gethostname() if hostname is None else hostname))

    def holds(self, host: str) -> bool:
        """`host`, in any reading of it (`safety.name_readings`: case, final dots,
        full-width dots, ignored code points, %-encoding; Unicode or A-labels), is a
        zone of ours or a name in one."""
        if not self.zones:
            return False
        wanted, depth = _zone_forms(self.zones)
        for reading in name_readings(host):
            for form in _forms(reading):
                if _in(form, wanted, depth):
                    return True
        return False


@functools.lru_cache(maxsize=8)
def _zone_forms(zones: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """Every form of `zones` (`_forms`), and the most labels one has."""
    forms = frozenset(form for zone in zones for form in _forms(zone))
    return forms, max((form.count(".") + 1 for form in forms), default=0)


def _in(name: str, zones: frozenset[str], depth: int) -> bool:
    """`name` is one of `zones` or under one; only its last `depth` labels are joined
    (a hostile host of thousands of labels costs its length, not its square)."""
    labels = name.rsplit(".", depth)[-depth:] if depth else []
    return any(".".join(labels[i:]) in zones for i in range(len(labels)))


internal_zones = InternalZones.from_environment()


def network_name(host: str) -> bool:
    """`host` is a name only our own network's resolver answers: a local-only name
    (`safety.is_local_name`) or one in our own zones (`internal_zones`). The link
    checker's refusal of names where private networks are refused."""
    return is_local_name(host) or internal_zones.holds(host)
