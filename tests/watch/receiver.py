"""A loopback webhook receiver that verifies each delivery's HMAC-SHA256 signature.

Runs in a thread of the test process, so the processes that send can be restarted
while it keeps what it received.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Receiver:
    def __init__(self) -> None:
        self.secret = ""
        self.deliveries: list[dict[str, Any]] = []  # verified ones, in order
        self.bad_signatures = 0
        self.fail_next = 0  # answer this many requests with 500 first
        self.attempts = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hook"

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def events(self) -> list[str]:
        with self._lock:
            return [d["event_id"] for d in self.deliveries]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                expected = (
                    "sha256=" + hmac.new(outer.secret.encode(), body, hashlib.sha256).hexdigest()
                )
                given = self.headers.get("X-Citeaudit-Signature", "")
                with outer._lock:
                    outer.attempts += 1
                    if outer.fail_next > 0:
                        outer.fail_next -= 1
                        status = 500
                    elif not hmac.compare_digest(expected, given):
                        outer.bad_signatures += 1
                        status = 401
                    else:
                        payload = json.loads(body)
                        payload["_event_header"] = self.headers.get("X-Citeaudit-Event")
                        outer.deliveries.append(payload)
                        status = 204
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

        return Handler
