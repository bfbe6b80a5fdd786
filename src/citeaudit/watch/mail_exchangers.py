"""Where the SMTP relay takes a notification: the recipient domain's mail exchangers.

`AddressRule.mail_refusal` judges a recipient's domain as written (``me@10.0.0.5``,
``me@db.internal``). But a relay that delivers by itself never connects to the domain
as written: it asks DNS for the domain's MX records and connects to port 25 of each
exchanger they name, or of the domain's own addresses where it has none (RFC 5321's
implicit MX). So ``me@in.attacker.example`` whose MX is ``db.internal.`` or
``10.0.0.5``, or whose only A record is 10.0.0.5, was handed to the relay and
delivered to a machine of its network with the audit's findings and URLs: the
mail twin of a redirect into the intranet, past the check that refuses ``me@10.0.0.5``.

Here each exchanger is judged as a webhook's host is, by the same rule: its name
(`AddressRule.host_refusal`: an address in any spelling, a name only a local resolver
answers) and every address it resolves to (`AddressRule.refuses`). A null MX (RFC
7505) and a domain that does not exist name nowhere to deliver (the relay bounces);
a name server that gives no answer for now leaves the route unknown, and the delivery
waits for a later sweep rather than going blind.

An internationalised domain is two names: IDNA 2008 (UTS 46, non-transitional:
Postfix, libidn2, dnspython) keeps ``ß`` and final ``ς`` (``faß.example`` is
``xn--fa-hia.example``), IDNA 2003 (Python's codec, which ``getaddrinfo`` applied to
the implicit MX's str, and older relays) folds them (``fass.example``). The MX records
were asked under one name and the implicit MX's addresses under the other, so a
domain whose first name pointed at 10.0.0.5 and whose second at a public address was
mailed to 10.0.0.5. Each spelling is now judged (`ascii_names`), and every question is
asked in ASCII, never left to a library's codec.

What this cannot stop: the relay asks DNS again when it delivers, so a name server
that answers otherwise a moment later (rebinding) is the relay's to refuse (Postfix:
``check_recipient_mx_access`` with a CIDR table of private ranges). A relay that
forwards everything to a smarthost outside the network (a mail provider) resolves
nothing here; the look-ups are then only redundant.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver
import idna

from citeaudit.links import lookups
from citeaudit.links.pinned import SyncLookup, system_lookup
from citeaudit.links.safety import AddressRule, IPAddress, absolute_name, embedded_ipv4

__all__ = [
    "MAX_EXCHANGERS",
    "MailDns",
    "RouteUnknown",
    "ascii_names",
    "exchanger_refusal",
    "system_dns",
]

# Exchangers judged per domain; a domain naming more is refused (relays try a handful:
# Postfix's smtp_mx_address_limit is 5), so none goes unjudged.
MAX_EXCHANGERS = 16
TIME_BUDGET = 10.0  # seconds all look-ups of one recipient may take together

# A domain's MX targets, best preference first; None when it has no MX records
# (implicit MX: the domain itself), [] for a null MX or a domain that does not exist.
# Raises `RouteUnknown` when the name server gives no answer for now.
ExchangerLookup = Callable[[str, float], list[str] | None]


class RouteUnknown(Exception):
    """DNS gave no answer for now: where the relay would deliver is not known."""


@dataclass(frozen=True, slots=True)
class MailDns:
    """The two questions the relay asks: a domain's exchangers, a name's addresses."""

    exchangers: ExchangerLookup
    addresses: SyncLookup


def _system_exchangers(domain: str, timeout: float) -> list[str] | None:
    """The MX targets of `domain` from the system's name servers (dnspython)."""
    try:
        answer = dns.resolver.resolve(
            dns.name.from_text(domain), dns.rdatatype.MX, lifetime=timeout, search=False
        )
    except dns.resolver.NoAnswer:
        return None
    except dns.resolver.NXDOMAIN:
        return []
    except (dns.exception.DNSException, ValueError, UnicodeError) as exc:
        raise RouteUnknown(f"{domain}: {type(exc).__name__}") from exc
    records = sorted(answer, key=lambda r: int(r.preference))
    return [r.exchange.to_text(omit_final_dot=True) for r in records]


@functools.cache
def system_dns() -> MailDns:
    return MailDns(_system_exchangers, system_lookup)


def exchanger_refusal(
    domain: str,
    rule: AddressRule,
    dns_: MailDns | None = None,
    *,
    budget: float = TIME_BUDGET,
) -> str | None:
    """The refused destination among the hosts the relay would deliver `domain`'s mail
    to (its MX targets, else itself), said as ``name (address)``; None when every one
    may be reached. Raises `RouteUnknown` when DNS gives no answer for now."""
    ask = dns_ or system_dns()
    ends = time.monotonic() + budget
    domain = domain.rstrip(".")
    spellings = ascii_names(domain)
    if not spellings:
        # No reader can ask DNS for it: the relay cannot route it either (it bounces).
        raise RouteUnknown(f"{domain}: not a name DNS can be asked for")
    for spelling in spellings:
        refused = _spelling_refusal(spelling, rule, ask, ends)
        if refused is not None:
            return refused
    return None


def ascii_names(domain: str) -> tuple[str, ...]:
    """The ASCII names a relay may ask DNS for when it delivers to `domain`, lower
    case, each once: IDNA 2008 (UTS 46, non-transitional) and IDNA 2003 (Python's
    codec). They differ only for an internationalised domain holding a character the
    two treat apart (``ß``, ``ς``, symbols only IDNA 2003 allows); a spelling a reader
    cannot encode is one that reader never asks for."""
    found: list[str] = []
    with contextlib.suppress(idna.IDNAError, UnicodeError, ValueError):
        found.append(idna.encode(domain, uts46=True).decode("ascii").lower())
    with contextlib.suppress(UnicodeError, ValueError):
        found.append(domain.encode("idna").decode("ascii").lower())
    return tuple(dict.fromkeys(found))


def _spelling_refusal(domain: str, rule: AddressRule, ask: MailDns, ends: float) -> str | None:
    """`exchanger_refusal` of one ASCII spelling of the recipient's domain."""
    names = ask.exchangers(domain, _left(ends))
    if names is None:
        names = [domain]  # implicit MX
    names = [n.rstrip(".") for n in names if n.rstrip(".")]  # "." alone: a null MX
    if len(names) > MAX_EXCHANGERS:
        return f"{domain} (more than {MAX_EXCHANGERS} mail exchangers)"
    for name in names:
        named = rule.host_refusal(name, 25)
        if named is not None:
            return name if named == name.lower() else f"{name} ({named})"
        for address in _addresses(ask, rule, name, ends):
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if rule.refuses(ip) or _backend(rule, ip) is not None:
                return f"{name} ({address})"
    return None


_RELAY = "smtp_host"


def _backend(rule: AddressRule, address: IPAddress) -> str | None:
    """The backend of ours (our relay aside) an exchanger at `address` is, at port 25,
    in any form of the address (mapped, NAT64, 6to4...), or None.

    The relay would deliver there: our database's, broker's or an own service's
    machine is no recipient's mail exchanger, as it is no webhook's host
    (`AddressRule.backend_refusal`). Our relay itself may be one (it may be its own
    domain's MX: mail to colleagues), and so may the machine it runs on."""
    carried = embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else ()
    for ip in (address, *carried):
        relay = rule.backends.refusal(
            ip, 25, rule.own_machine, rule.forbidden, only=lambda b: b.setting == _RELAY
        )
        if relay is not None:
            return None
        setting = rule.backends.refusal(
            ip, 25, rule.own_machine, rule.forbidden, only=lambda b: b.setting != _RELAY
        )
        if setting is not None:
            return setting
    return None


def _addresses(ask: MailDns, rule: AddressRule, name: str, ends: float) -> list[str]:
    """The addresses of exchanger `name` (none when it does not exist: the relay
    cannot connect there either), asked in a thread of its own within the budget."""
    # Absolute (no search list), as the relay's DNS look-up of an exchanger is; a
    # stand-in name server gets it as written.
    query = absolute_name(name) if ask.addresses is system_lookup else name
    try:
        return lookups.within(functools.partial(ask.addresses, query, 25), _left(ends))
    except socket.gaierror as exc:
        if exc.errno in _NO_SUCH_NAME:
            return []
        raise RouteUnknown(f"{name}: {exc}") from exc
    except (OSError, UnicodeError) as exc:  # LookupTimedOut is a TimeoutError
        raise RouteUnknown(f"{name}: {exc}") from exc


_NO_SUCH_NAME = frozenset({socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)})


def _left(ends: float) -> float:
    left = ends - time.monotonic()
    if left <= 0:
        raise RouteUnknown("the mail exchangers' look-ups took longer than their budget")
    return left
