"""The addresses a room can listen on: this computer's local network addresses, via Qt.

A room binds to one chosen address, never to every interface unless the facilitator
asks. `lan_addresses()` lists the up, running, non-loopback interfaces with a private or
link-local IPv4 address (the ones phones on the same Wi-Fi can reach): wireless ones
first, then wired ones, and last the virtual ones (containers, VMs, VPNs) that no phone
can reach; `choices()` adds "this computer only" and, last, "every network".
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from alignment_workshop.i18n import _

LOOPBACK = "127.0.0.1"
EVERYWHERE = "0.0.0.0"


@dataclass(frozen=True, slots=True)
class Address:
    """One address to listen on, with the words that describe it."""

    ip: str
    label: str


#: Name prefixes of interfaces no phone reaches: containers, virtual machines, VPNs.
VIRTUAL_PREFIXES = ("docker", "br-", "virbr", "veth", "vmnet", "vboxnet", "lxc", "lxd", "tun",
                    "tap", "tailscale", "zt", "wg", "utun", "podman", "cni", "flannel")  # fmt: skip


def interface_rank(name: str, wireless: bool) -> int:
    """0 for Wi-Fi, 1 for a wired network, 2 for a virtual interface no phone can reach."""
    if name.lower().startswith(VIRTUAL_PREFIXES):
        return 2
    return 0 if wireless or name.startswith(("wl", "wlan")) else 1


def _wireless(interface: QNetworkInterface) -> bool:
    kinds = (QNetworkInterface.InterfaceType.Wifi, QNetworkInterface.InterfaceType.Ieee80211)
    return interface.type() in kinds


def lan_addresses() -> list[Address]:
    """This computer's addresses on its local networks, wireless interfaces first."""
    flags = QNetworkInterface.InterfaceFlag
    found: list[tuple[int, Address]] = []
    for interface in QNetworkInterface.allInterfaces():
        up = flags.IsUp in interface.flags() and flags.IsRunning in interface.flags()
        if not up or flags.IsLoopBack in interface.flags():
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = ip.toString()
            parsed = ipaddress.IPv4Address(text)
            if parsed.is_loopback or not (parsed.is_private or parsed.is_link_local):
                continue
            name = interface.humanReadableName() or interface.name()
            rank = interface_rank(interface.name(), _wireless(interface))
            found.append((rank, Address(text, f"{text} ({name})")))
    return [address for _, address in sorted(found, key=lambda pair: pair[0])]


def choices() -> list[Address]:
    """The addresses to offer: the local networks, then this computer, then everywhere."""
    return [
        *lan_addresses(),
        Address(
            LOOPBACK,
            _("{LOOPBACK} (this computer only: for trying it out)").format(LOOPBACK=LOOPBACK),
        ),
        Address(
            EVERYWHERE,
            _("{EVERYWHERE} (every network this computer is on: not advised)").format(
                EVERYWHERE=EVERYWHERE
            ),
        ),
    ]
