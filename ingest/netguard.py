"""Which addresses a fetch may connect to: public unicast only, unless a setting allows more.

Rules: an address is refused when it is loopback, private (RFC 1918), link-local (169.254/16,
including the cloud metadata address 169.254.169.254, and fe80::/10), shared/CGNAT (100.64/10),
unique-local IPv6 (fc00::/7), unspecified (0.0.0.0, ::), multicast, or otherwise reserved or
not globally routable. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d,
IPv4-compatible, 6to4 2002::/16, NAT64 64:ff9b::/96) are judged by that IPv4 address. The setting
BRIEFBOT_ALLOW_PRIVATE_FETCH ("1" for every address, or a comma list of addresses and networks,
e.g. "127.0.0.1,10.0.0.0/8") is for local testing. Pure functions: nothing here sends traffic.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_METADATA = (ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"))
_6TO4 = ipaddress.ip_network("2002::/16")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_V4COMPAT = ipaddress.ip_network("::/96")
_TRUE = ("1", "true", "yes", "on", "all")


def parse_ip(text: str) -> IPAddress | None:
    """An IP address written as a URL host or a resolver answer ("[::1]", "fe80::1%eth0"); else None."""
    text = (text or "").strip().strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _6TO4:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _V4COMPAT and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress | str) -> str | None:
    """Why the address is not a public one ("loopback", "link-local (cloud metadata)", ...), or None."""
    if isinstance(ip, str):
        parsed = parse_ip(ip)
        if parsed is None:
            return "not an IP address"
        ip = parsed
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None:
            why = classify(inner)
            return f"IPv6 carrying {inner}: {why}" if why else None
    if ip in _METADATA:
        return "link-local (cloud metadata)"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "shared address space (CGNAT)"
    if isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.ip_network("fc00::/7"):
        return "unique-local"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "not globally routable"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    allow_all: bool = False
    """BRIEFBOT_ALLOW_PRIVATE_FETCH=1: any address (local testing only)."""
    allowed: tuple[Network, ...] = ()
    """Non-public networks allowed anyway."""

    @classmethod
    def from_setting(cls, value: str | None) -> "AddressPolicy":
        """"1"/"true" allows every address; a comma list of addresses or networks allows those; empty, "0" none."""
        value = (value or "").strip()
        if value.lower() in _TRUE:
            return cls(allow_all=True)
        if value.lower() in ("", "0", "false", "no", "off"):
            return cls()
        nets = []
        for part in value.split(","):
            if part.strip():
                try:
                    nets.append(ipaddress.ip_network(part.strip().strip("[]"), strict=False))
                except ValueError:
                    raise ValueError(f"BRIEFBOT_ALLOW_PRIVATE_FETCH: {part.strip()!r} is not an address or "
                                     "network; use 1, or e.g. 127.0.0.1,10.0.0.0/8") from None
        return cls(allowed=tuple(nets))

    def refusal(self, ip: IPAddress | str) -> str | None:
        """None when a connection to `ip` is allowed; else the reason (safe to show an admin)."""
        parsed = parse_ip(ip) if isinstance(ip, str) else ip
        if parsed is None:
            return f"{ip!r} is not an IP address"
        why = classify(parsed)
        if why is None or self.allow_all:
            return None
        if any(parsed.version == net.version and parsed in net for net in self.allowed):
            return None
        return f"{parsed} is {why}"
