"""A DNS server on loopback that answers CNAME chains, shared by the chain tests
(rt35s, rt36s): a name of `chains` answers its CNAME, then NOERROR with no data when
its target exists without an address (`no_data`), else NXDOMAIN (as a resolver says a
chain ends nowhere); any other name NXDOMAIN. Every name asked is kept."""

from __future__ import annotations

import socket
import threading
from collections.abc import Collection, Mapping

import dns.message
import dns.rcode
import dns.resolver
import dns.rrset


class ChainServer:
    def __init__(self, chains: Mapping[str, str], no_data: Collection[str] = ()) -> None:
        self.chains = chains
        self.no_data = no_data
        self.asked: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            query = dns.message.from_wire(data)
            answer = dns.message.make_response(query)
            question = query.question[0]
            name = question.name.to_text(omit_final_dot=True).lower()
            self.asked.append(name)
            target = self.chains.get(name)
            if target is not None:
                answer.answer.append(
                    dns.rrset.from_text(question.name, 60, "IN", "CNAME", target + ".")
                )
            if target not in self.no_data:
                answer.set_rcode(dns.rcode.NXDOMAIN)
            self.sock.sendto(answer.to_wire(), peer)

    def resolver(self) -> dns.resolver.Resolver:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = self.port
        return resolver

    def close(self) -> None:
        self.sock.close()
