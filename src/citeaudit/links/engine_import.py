"""aiohttp, imported without loading the system's CA store for two contexts we never use.

aiohttp makes two default TLS contexts as `aiohttp.connector` is imported, one
verifying and one not, each loading the system's CA store (``set_default_verify_paths``):
about 0.13 s of CPU, a fifth of `citeaudit links`'s start-up, spent on contexts the
link checker never uses -- every https pool of `PerHostTransport` is handed our own
(`tls.default_ssl_context`), a plain-http pool starts no TLS, and redirects are
followed by hand, each hop in its own scheme's pool.

So while aiohttp is first imported, ``set_default_verify_paths`` does nothing *in the
importing thread*: aiohttp's verifying default then trusts no certificate authority
(a connection made with it fails verification: closed, never open), its unverifying
one verifies nothing either way. Any other thread making a context meanwhile gets the
real method, and the method is put back as soon as the import ends. Where aiohttp was
imported before (by anything else in the process), this changes nothing.

Import aiohttp's modules from here (``from citeaudit.links.engine_import import
aiohttp``), never ``import aiohttp`` first: whichever import comes first decides.
"""

from __future__ import annotations

import ssl
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["aiohttp"]

_METHOD = "set_default_verify_paths"


@contextmanager
def _no_default_trust_store() -> Iterator[None]:
    """Within, in this thread only: ``SSLContext.set_default_verify_paths`` loads nothing."""
    if "aiohttp.connector" in sys.modules:
        yield
        return
    importing = threading.get_ident()
    own = ssl.SSLContext.__dict__.get(_METHOD)  # a method set on the class itself, if any
    real = getattr(ssl.SSLContext, _METHOD)

    def set_default_verify_paths(self: ssl.SSLContext) -> None:
        if threading.get_ident() != importing:
            real(self)  # another thread's context: as it always is

    setattr(ssl.SSLContext, _METHOD, set_default_verify_paths)
    try:
        yield
    finally:
        if own is None:
            delattr(ssl.SSLContext, _METHOD)
        else:
            setattr(ssl.SSLContext, _METHOD, own)


with _no_default_trust_store():
    import aiohttp
    import aiohttp.abc
    import aiohttp.client_proto
    import aiohttp.http_exceptions
