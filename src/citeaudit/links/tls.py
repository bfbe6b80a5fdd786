"""The one verifying TLS context a process uses for outgoing requests.

Its own module, so the synchronous registry clients (`pinned.py`) can have it without
importing the link checker's HTTP engine.
"""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """httpx's verifying context; the CA store is loaded once a process (40 ms each)."""
    return httpx.create_ssl_context()
