"""Whatever habanero sends with, it goes through the address rule or not at all.

The Crossref module puts a stand-in for the ``httpx2`` module into each habanero
module that sends (`crossref._HABANERO_SENDERS`): its ``get`` uses our pinned client.
Every other name was the real module's (``__getattr__``): ``httpx2.post``,
``httpx2.stream`` or ``httpx2.Client()`` inside habanero -- what a later release of it
may well call -- sent with no address rule, no bounded read and the environment's
proxies, straight to a private service. Now the verbs go through the pinned client as
``get`` does, and what cannot (a stream, a client or transport of its own) is refused.

Stand-in: the security folder's private service on 127.0.0.1 (`intranet`), which
counts every connection; habanero's calls outside a registry's request use the
strict fallback client (private networks refused).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import habanero
import httpx2
import pytest

from citeaudit.resolve import crossref
from tests.stand_ins.private_service import PrivateService


def _senders() -> list[ModuleType]:
    return crossref._senders()


@pytest.mark.parametrize("verb", ["post", "put", "delete", "head", "options", "patch"])
def test_every_verb_of_a_habanero_sender_meets_the_address_rule(
    intranet: PrivateService, verb: str
) -> None:
    for module in _senders():
        with pytest.raises(httpx2.HTTPError):
            getattr(module.httpx2, verb)(intranet.url("/admin"))
    assert intranet.contacts == 0


@pytest.mark.parametrize("name", ["stream", "Client", "HTTPTransport"])
def test_what_would_send_around_our_client_is_refused(intranet: PrivateService, name: str) -> None:
    for module in _senders():
        with pytest.raises(httpx2.HTTPError):
            made = getattr(module.httpx2, name)
            if name == "stream":
                with made("GET", intranet.url("/admin")):
                    pass
            elif name == "Client":
                with made() as client:
                    client.get(intranet.url("/admin"))
            else:
                with httpx2.Client(transport=made()) as client:
                    client.get(intranet.url("/admin"))
    assert intranet.contacts == 0


def test_every_habanero_module_holding_httpx2_holds_the_stand_in() -> None:
    """Found by walking habanero, not from the Crossref module's own list: a list of
    five senders left ``habanero_utils`` holding the real module (any new sender of a
    later release would have been left so too)."""
    holding = []
    for info in pkgutil.walk_packages(habanero.__path__, "habanero."):
        module = importlib.import_module(info.name)
        if "httpx2" in vars(module):
            holding.append(module)
    assert holding
    assert [m.__name__ for m in holding if not isinstance(m.httpx2, crossref._Shim)] == []


def test_the_modules_other_names_are_its_own() -> None:
    """Exception classes and the version habanero reads stay the library's."""
    for module in _senders():
        assert module.httpx2.HTTPStatusError is httpx2.HTTPStatusError
        assert module.httpx2.ConnectTimeout is httpx2.ConnectTimeout
        assert module.httpx2.__version__ == httpx2.__version__
