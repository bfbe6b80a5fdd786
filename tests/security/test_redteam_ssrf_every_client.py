"""Every place the package opens a connection or asks a name server, and that each goes
through the one guard.

Read from the source (its syntax tree), so a new client, socket or mailer anywhere in
``src/citeaudit`` fails here until it is listed with the guard it goes through:

- link checks: ``httpx.AsyncClient`` on `PerHostTransport` (fetch.py, and the trusted
  client of checker.py), whose aiohttp sessions resolve through `CheckedResolver`;
- registries and webhooks: httpx and httpx2 transports whose network backend is
  `PinnedBackend` (pinned.py), built by `pinned_client` / `pinned_client2` only;
- e-mail: ``smtplib.SMTP`` to the operator's relay (`CITEAUDIT_SMTP_HOST`), each
  recipient's domain judged first (`WebhookPolicy.mail_refusal`);
- name look-ups: the guard's own (safety.py, pinned.py) and the NAT64 prefix probe.

Every HTTP client and transport is made with ``trust_env=False`` (no proxy from
HTTP_PROXY / HTTPS_PROXY / ALL_PROXY would connect for us past the check, no .netrc,
no SSL_CERT_FILE) and on a transport of ours. The httpx registries took a ``client``
of their caller's, which nothing used: any client handed in went around the rule, so
they take none now.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from citeaudit.resolve.sending import HttpRegistry

SOURCE = Path(__file__).resolve().parents[2] / "src" / "citeaudit"

# Calls that open a connection, make a client or transport, or resolve a name.
NETWORK_CALLS = frozenset(
    {
        "Client",
        "AsyncClient",
        "HTTPTransport",
        "AsyncHTTPTransport",
        "ClientSession",
        "TCPConnector",
        "SMTP",
        "SMTP_SSL",
        "LMTP",
        "socket",
        "create_connection",
        "open_connection",
        "urlopen",
        "HTTPConnection",
        "HTTPSConnection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
    }
)
CLIENTS = frozenset(
    {"Client", "AsyncClient", "HTTPTransport", "AsyncHTTPTransport", "ClientSession"}
)

# (module, call): the guard it goes through.
GUARDED = {
    ("links/checker.py", "httpx.AsyncClient"): "PerHostTransport (trusted origins exempt)",
    ("links/fetch.py", "httpx.AsyncClient"): "PerHostTransport",
    ("links/transport.py", "aiohttp.ClientSession"): "its TCPConnector",
    ("links/transport.py", "aiohttp.TCPConnector"): "CheckedResolver",
    ("links/pinned.py", "httpx.HTTPTransport"): "PinnedBackend",
    ("links/pinned.py", "httpx2.HTTPTransport"): "PinnedBackend",
    ("links/pinned.py", "socket.getaddrinfo"): "PinnedBackend checks what it answers",
    ("links/safety.py", "loop.getaddrinfo"): "AddressRule checks what it answers",
    ("links/nat64.py", "socket.getaddrinfo"): "ipv4only.arpa only (RFC 7050)",
    ("watch/mailer.py", "smtplib.SMTP"): "the operator's relay; mail_refusal first",
}


def _calls() -> list[tuple[str, str, ast.Call]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in NETWORK_CALLS:
                module = path.relative_to(SOURCE).as_posix()
                found.append((module, ast.unparse(func), node))
    return found


def test_every_connection_of_the_package_is_a_guarded_one() -> None:
    found = {(module, call) for module, call, _ in _calls()}
    assert found == set(GUARDED), "a new network call: list it with the guard it goes through"


def test_the_link_checkers_connections_resolve_through_the_checked_resolver() -> None:
    [connector] = [n for m, c, n in _calls() if c == "aiohttp.TCPConnector"]
    keywords = {k.arg: ast.unparse(k.value) for k in connector.keywords}
    assert keywords["resolver"] == "self._resolver"
    assert keywords["use_dns_cache"] == "False"  # asked, and checked, per connection


@pytest.mark.parametrize(
    ("module", "call", "node"),
    [c for c in _calls() if c[1].rsplit(".", 1)[-1] in CLIENTS],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_http_client_ignores_the_environment_and_has_our_transport(
    module: str, call: str, node: ast.Call
) -> None:
    keywords = {k.arg: ast.unparse(k.value) for k in node.keywords}
    assert keywords.get("trust_env") == "False", (module, call)
    if call.endswith("Client"):
        assert "transport" in keywords, (module, call)
    if call.endswith("ClientSession"):
        assert "connector" in keywords, (module, call)


def test_the_httpx_registries_take_no_client_of_their_callers() -> None:
    assert "client" not in inspect.signature(HttpRegistry).parameters
