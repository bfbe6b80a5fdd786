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
    """httpx's verifying context (certifi's CA store), loaded once a process (40 ms each).

    ``trust_env=False``: the environment's SSL_CERT_FILE and SSL_CERT_DIR do not choose
    whom we trust, as proxy variables do not choose where we connect -- every client
    of ours (links, registries, webhooks) verifies against the same store."""
    return httpx.create_ssl_context(trust_env=False)
