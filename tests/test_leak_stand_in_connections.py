"""leak: a loopback stand-in stopped with a client still connected left its transport.

`ThreadedServer` (the watch site, the link farm, the links tests' timed hosts) closed
its servers and its loop; `asyncio.Server.close()` leaves accepted connections open
(before Python 3.13), so a connection still held by a client -- a service process's
idle keep-alive one -- kept its handler waiting, and its transport was collected
later, in whichever test ran then: "unclosed transport", an error in this suite (the
timed hosts' did so in a clean-clone run; 0c896359 fixed theirs alone). Now the runner
cancels what still runs and lets the transports close before the loop does
(`tests.stand_ins.threaded._wind_down`).
"""

from __future__ import annotations

import gc
import socket
import warnings

from tests.stand_ins.threaded import ThreadedServer
from tests.watch.site import Site


def test_a_stand_in_stopped_under_an_open_connection_leaves_no_transport() -> None:
    assert issubclass(Site, ThreadedServer)
    site = Site(hosts=1).start()
    host, port = site.base[0].removeprefix("http://").split(":")
    client = socket.create_connection((host, int(port)), timeout=10)
    try:
        client.sendall(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
        assert client.recv(12).startswith(b"HTTP/1.1 200")  # answered; kept alive
    finally:
        site.stop()  # the client's connection still open
        client.close()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        gc.collect()
    left = [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)]
    assert left == [], left
