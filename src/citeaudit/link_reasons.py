"""A link check's reason in words: what the link rules' findings and `citeaudit links`
say of a link that failed.

Its own module, importing nothing: `citeaudit links` printing a failed link loaded the
rules package for it (every link rule, the rules' base, the audit's data model and
the readers': a seventh of a small links run's CPU).
"""

from __future__ import annotations

__all__ = ["REASONS", "describe"]

REASONS = {
    "dns": "its host name does not resolve",
    "dns-unanswered": "the name server did not answer for its host name",
    "connection-refused": "the server refuses connections",
    "status-404": "the server answers 404 Not Found",
    "status-410": "the server answers 410 Gone",
    "soft-404": 'the server answers with its "not found" page',
    "redirect-to-home": "it now redirects permanently to the site's home page",
    "redirect-to-login": "it now redirects permanently to a login page",
    "doi-not-found": "the DOI is not registered (the DOI resolver does not know it)",
    "malformed-doi": "the DOI is malformed (a dot segment, a control character) and was not asked",
    "invalid-url": "it is not a valid web address (its host, port or characters)",
    "url-too-long": (
        "it is longer than 8,192 characters, past what web servers commonly accept; "
        "it was not checked"
    ),
    "redirect-invalid": (
        "it redirects to an address that cannot be followed (unreadable, or too long)"
    ),
    "host-not-supported": (
        "its host is one our HTTP client cannot encode (a symbol browsers accept); "
        "it was not checked"
    ),
    "bot-wall": "the site answered with a bot challenge",
    "auth-required": "the site asks for a login (401)",
    "login-required": "the site sends visitors to a login page",
    "rate-limited": "the site kept answering 429 Too Many Requests",
    "timeout": "the site did not answer in time",
    "tls": "a secure connection could not be made (TLS)",
    "connection-reset": "the connection was reset",
    "network-down": "our own network was unreachable",
    "out-of-time": "it was not checked: the audit's time for link checks ran out",
    "network-unreachable": "the network path to the site was unreachable",
    "private-address": "it points to a private or local network address, which is not checked",
    "redirect-loop": "its redirects go round in a loop",
    "too-many-redirects": "it redirects too many times",
}


def describe(reason: str | None) -> str:
    if not reason:
        return "it could not be checked"
    if reason.startswith("doi-target-"):
        inner = reason.removeprefix("doi-target-")
        return f"the DOI is registered but its target page is dead: {describe(inner)}"
    if reason.startswith("status-"):
        return REASONS.get(reason, f"the server answers HTTP {reason.removeprefix('status-')}")
    if reason.startswith("resolver-"):
        return f"the DOI resolver could not be asked ({reason.removeprefix('resolver-')})"
    return REASONS.get(reason, reason)
