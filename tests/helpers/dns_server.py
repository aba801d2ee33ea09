"""A DNS server on 127.0.0.1 (UDP, a free port) answering MX queries: every name under one of
`domains` has an MX record (mx.<name>), every other name is NXDOMAIN. For benches and tests of
the real MX lookup path, with no network."""

import socket
import threading

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset


class DNSServer:
    def __init__(self, domains: tuple[str, ...] = ("example", "gmail.com")) -> None:
        self.domains = domains
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.queries: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> "DNSServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    @property
    def nameserver(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            query = dns.message.from_wire(data)
            reply = dns.message.make_response(query)
            question = query.question[0]
            name = question.name.to_text().rstrip(".").lower()
            self.queries.append(name)
            if question.rdtype == dns.rdatatype.MX and any(name == d or name.endswith("." + d)
                                                           for d in self.domains):
                reply.answer.append(dns.rrset.from_text(question.name, 300, "IN", "MX", f"10 mx.{name}."))
            else:
                reply.set_rcode(dns.rcode.NXDOMAIN)
            reply.flags |= dns.flags.RA
            self.sock.sendto(reply.to_wire(), peer)
