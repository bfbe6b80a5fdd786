"""A loopback listener standing in for a private service (an intranet host, a cloud
metadata endpoint): it counts every TCP connection it accepts, so a test can assert
that nothing ever reached it, and answers with a body no report may show."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = "PRIVATE-SERVICE-SECRET-7f3a"


class _CountingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: PrivateService, address: tuple[str, int]) -> None:
        self.owner = owner
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        request = super().get_request()
        with self.owner.lock:
            self.owner.contacts += 1
        return request


class _Handler(BaseHTTPRequestHandler):
    server: _CountingServer

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _answer(self) -> None:
        with self.server.owner.lock:
            self.server.owner.requests.append(f"{self.command} {self.path}")
        body = f'{{"secret": "{SECRET}"}}'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer


class PrivateService:
    """`contacts`: TCP connections accepted; `requests`: what was asked."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.lock = threading.Lock()
        self.contacts = 0
        self.requests: list[str] = []
        self._server = _CountingServer(self, (host, port))
        # polled every 20 ms, not 0.5 s: `stop` (shutdown) waits for the poll, once a test
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def host(self) -> str:
        return str(self._server.server_address[0])

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> PrivateService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
