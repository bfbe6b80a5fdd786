"""A link's cached success is served only under the address rule it was checked under.

A CLI run (private networks allowed: an author's intranet page) must not leave a
success that a strict run -- the service -- later serves without a connection."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.run import check_links
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from citeaudit.settings import Settings


class _Page(BaseHTTPRequestHandler):
    asked = 0

    def do_GET(self) -> None:
        type(self).asked += 1
        body = b"<html><body>An intranet page with plenty of words on it.</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _intranet_name() -> str:
    """A host NAME that resolves to loopback (this machine's own name): an address
    literal is refused before any cache is asked, a name only once it is looked up."""
    name = socket.gethostname()
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(name, 80, socket.AF_INET)}
    except OSError:
        addresses = set()
    if addresses != {"127.0.0.1"}:
        pytest.skip("this machine's name does not resolve to 127.0.0.1 alone")
    return name


@pytest.fixture
def intranet() -> Iterator[str]:
    name = _intranet_name()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://{name}:{server.server_address[1]}/pay"
    finally:
        server.shutdown()
        server.server_close()


def _run(url: str, settings: Settings, allow_private: bool) -> LinkOutcome:
    policy = LinkPolicy.from_settings(settings, allow_private_networks=allow_private)
    checks, _ = check_links([target_for(url)], settings, policy=policy, probe_urls=())
    return checks[0].outcome


def test_a_success_under_the_lenient_rule_is_not_served_under_the_strict(
    intranet: str, tmp_path: Path
) -> None:
    settings = Settings(cache_dir=tmp_path)
    assert _run(intranet, settings, allow_private=True) is LinkOutcome.OK
    asked = _Page.asked
    # The lenient rule's own cache still answers it (no second request)...
    assert _run(intranet, settings, allow_private=True) is LinkOutcome.OK
    assert _Page.asked == asked
    # ...but the strict rule judges the address afresh and refuses it.
    assert _run(intranet, settings, allow_private=False) is not LinkOutcome.OK
    assert _Page.asked == asked
