"""From what a fetch saw to a verdict: ok, redirected, broken, unverified.

Pure functions, no I/O. The rule is the project's "unknown is not broken": only
answers that say the page is gone (404, 410, a name that does not resolve while
others do, a refused connection, a permanent move to the home or login page, a
soft 404) make a link broken; everything that only stops us from telling (bot
walls, 401, 429, 5xx, timeouts, TLS, resets, our own network) is unverified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from citeaudit.links import errors
from citeaudit.model.link import Hop, LinkOutcome

PERMANENT = frozenset({301, 308})
TEMPORARY = frozenset({302, 303, 307})
REDIRECTS = PERMANENT | TEMPORARY
GONE = frozenset({404, 410})

# Reasons that say the target is gone (given our network is up).
BROKEN_ERRORS = frozenset({errors.DNS, errors.REFUSED})

CHALLENGE_MARKERS = (
    "cf-chl",
    "challenge-platform",
    "just a moment...",
    "attention required! | cloudflare",
    "checking your browser",
    "_incapsula_resource",
    "px-captcha",
    "captcha-delivery.com",
    "g-recaptcha",
    "h-captcha",
    "hcaptcha.com",
    "are you a robot",
    "verify you are human",
    "ddos protection by",
    "awswaf",
    "enable javascript and cookies to continue",
)

_LOGIN_PATH = re.compile(
    r"(^|/)(login|log-in|signin|sign-in|sign_in|logon|auth|sso|"
    r"account/login|users/sign_in|cas/login|idp|shibboleth)(/|$|\.|\?)",
    re.IGNORECASE,
)
_HOME_PATH = re.compile(
    r"^/?((index|default|home)\.(html?|php|aspx?))?$|^/[a-z]{2}([-_][a-z]{2})?/?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: LinkOutcome
    reason: str | None = None
    fix_url: str | None = None  # the final URL of a permanent move


def is_challenge(status: int, headers: dict[str, str], body: str) -> bool:
    """A bot wall's answer: a challenge header, or a challenge page."""
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    if headers.get("x-amzn-waf-action", "").lower() in {"challenge", "captcha"}:
        return True
    if "x-datadome" in headers and status in {401, 403, 405, 429}:
        return True
    if status == 202 and not body.strip():
        return headers.get("x-amzn-waf-action") is not None
    lowered = body[:65536].lower()
    return any(marker in lowered for marker in CHALLENGE_MARKERS)


def is_home(url: str, original: str) -> bool:
    """`url` is a site's home page (and `original` was not)."""
    path = urlsplit(url).path
    return bool(_HOME_PATH.match(path)) and not _HOME_PATH.match(urlsplit(original).path)


def is_login(url: str, original: str) -> bool:
    """`url` is a login page (and `original` was not)."""
    return bool(_LOGIN_PATH.search(urlsplit(url).path)) and not _LOGIN_PATH.search(
        urlsplit(original).path
    )


def permanent_target(hops: tuple[Hop, ...], final_url: str) -> str | None:
    """Where the leading run of permanent moves ends, or None if the first move is not one."""
    target = None
    for i, hop in enumerate(hops):
        if hop.status not in PERMANENT:
            break
        target = hops[i + 1].url if i + 1 < len(hops) else final_url
    return target


def classify_error(reason: str, *, network_up: bool, dns_ok: bool) -> Verdict:
    """A request that got no HTTP answer."""
    if not network_up:
        return Verdict(LinkOutcome.UNVERIFIED, "network-down")
    if reason == errors.DNS:
        if dns_ok:
            return Verdict(LinkOutcome.BROKEN, errors.DNS)
        return Verdict(LinkOutcome.UNVERIFIED, errors.DNS)
    if reason in BROKEN_ERRORS:
        return Verdict(LinkOutcome.BROKEN, reason)
    return Verdict(LinkOutcome.UNVERIFIED, reason)


def classify_status(
    url: str,
    status: int,
    headers: dict[str, str],
    body: str,
    hops: tuple[Hop, ...],
    final_url: str,
) -> Verdict:
    """An HTTP answer at the end of the redirect chain (soft 404s are judged apart)."""
    if is_challenge(status, headers, body) and status not in GONE:
        return Verdict(LinkOutcome.UNVERIFIED, "bot-wall")
    if status in GONE:
        return Verdict(LinkOutcome.BROKEN, f"status-{status}")
    if status == 401:
        return Verdict(LinkOutcome.UNVERIFIED, "auth-required")
    if status == 429:
        return Verdict(LinkOutcome.UNVERIFIED, "rate-limited")
    if status in REDIRECTS:
        return Verdict(LinkOutcome.UNVERIFIED, "redirect-without-location")
    if not 200 <= status < 300:
        return Verdict(LinkOutcome.UNVERIFIED, f"status-{status}")
    moved_to = permanent_target(hops, final_url)
    if moved_to is not None:
        if is_home(moved_to, url):
            return Verdict(LinkOutcome.BROKEN, "redirect-to-home", moved_to)
        if is_login(moved_to, url):
            return Verdict(LinkOutcome.BROKEN, "redirect-to-login", moved_to)
        return Verdict(LinkOutcome.REDIRECTED, "moved-permanently", moved_to)
    if hops and is_login(final_url, url):
        return Verdict(LinkOutcome.UNVERIFIED, "login-required")
    return Verdict(LinkOutcome.OK)
