"""Where a name that does not resolve was sent: the last name of its CNAME chain.

A link's host that names our own network is refused before it is looked up, with the
one answer a private address gets, whether it exists or not (local-only names:
`safety.is_local_name`; our own zones: `internal_zones`). A name of the uploader's own
domain can stand in front of one: ``x.attacker.example CNAME vault.corp.example.com.``
is asked of our resolver, which follows the chain into our zone -- "private-address"
when the machine exists, and, when it does not, "does not resolve" (NXDOMAIN is said of
the chain's last name). One DNS server answering every guess with a CNAME mapped our
zone again, past the refusal.

So where private networks are refused, a name whose look-up found no such name is asked
once more for its chain (`chain_end`, the resolver the system's configuration names);
when it ends in a name of our network (`network_name`), the link is refused as one
(`NameInOurNetwork`): one answer, whether the machine exists or not.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dns.resolver

__all__ = ["CHAIN_TIMEOUT", "SYSTEM_LOOKUP", "asked_of_dns", "chain_end", "make_resolver"]

CHAIN_TIMEOUT = 2.0  # seconds the chain's look-up may take (it follows a failed one)
# The C library's look-up, as the process started with it: the chain is asked of the
# DNS behind it. A process that stands another resolver in (a test's stand-in name
# server) has no chain to ask there.
SYSTEM_LOOKUP = socket.getaddrinfo


def asked_of_dns() -> bool:
    """Names are looked up by the system's own resolver (`SYSTEM_LOOKUP`), whose DNS
    a chain can be asked of."""
    return socket.getaddrinfo is SYSTEM_LOOKUP


def make_resolver() -> dns.resolver.Resolver:
    """A resolver of the system's configuration (/etc/resolv.conf)."""
    # dnspython is imported here, as a chain is first asked: a link check whose names
    # all resolve (or that allows private networks) never loads it.
    import dns.resolver

    return dns.resolver.Resolver()


def chain_end(name: str, timeout: float = CHAIN_TIMEOUT) -> str | None:
    """The last name of `name`'s CNAME chain when the chain leads elsewhere (lower case,
    no final dot): from a "no such name" answer or one without address records; None
    otherwise (no chain, a failure to ask)."""
    import dns.exception
    import dns.name
    import dns.resolver

    try:
        asked = dns.name.from_text(name.rstrip(".") + ".")
        resolver = make_resolver()
        resolver.lifetime = timeout
        resolver.timeout = timeout
        # An answer without records (NOERROR, no data) names its chain's end too: a
        # chain to a name of our zone that exists with no address record read "does
        # not resolve" where a missing one read "private-address" (rt36s).
        end = resolver.resolve(asked, "A", search=False, raise_on_no_answer=False).canonical_name
    except dns.resolver.NXDOMAIN as exc:
        try:
            end = exc.canonical_name
        except TypeError:  # raised without its responses
            return None
    except (dns.exception.DNSException, ValueError, UnicodeError, OSError):
        return None
    if end == asked:
        return None
    return str(end.to_text(omit_final_dot=True)).lower()
