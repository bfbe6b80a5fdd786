"""Whether an address or a URL is public, as far as this run knows: what decides
what a third party (the archive) is told, and which hops a landing page may take."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from citeaudit.links.fetch import Fetcher
from citeaudit.links.safety import AddressRule, IPAddress

__all__ = ["public_peer", "public_url"]


def public_url(url: str, forbidden: Callable[[IPAddress], bool], fetcher: Fetcher | None) -> bool:
    """`url`'s host is public as far as this run knows: no non-public address in
    any spelling, no name only a local resolver answers (the strict rule, even
    where private networks are allowed), and no look-up of it named a private
    address. Only such a URL is told to a third party (the archive): a dead
    intranet link's address, path and query are our network's, not theirs."""
    strict = AddressRule(False, frozenset(), forbidden)
    if strict.url_refusal(url) is not None:
        return False
    return fetcher is None or not fetcher.went_private(url)


def public_peer(peer: str | None, forbidden: Callable[[IPAddress], bool]) -> bool:
    """An answer came from a public address: a landing page it names is then a hop
    from the public Internet, like a redirect's. Judged by the address the answer
    came from (the resolver's name may say otherwise, or its own look-up fail);
    where that is not known, public (fail closed: the landing page may not be a
    private one)."""
    if peer is None:
        return True
    try:
        address = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return True
    return not forbidden(address)
