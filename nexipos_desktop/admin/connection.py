"""Checking a TCPSocket terminal's address: validation of what the admin typed, and the ECHO test."""

from __future__ import annotations

import ipaddress

from nexipos_desktop.payments.contract import EchoResult, Failed, TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver

DEFAULT_PORT = 4000


class AddressError(ValueError):
    """An IP address or port that cannot be right (Greek message)."""


def validate_ip(text: str) -> str:
    """The IP address (IPv4 or IPv6) as typed, or :class:`AddressError`."""
    text = text.strip()
    if not text:
        raise AddressError("Συμπληρώστε τη διεύθυνση IP του τερματικού (Ρυθμίσεις ECR → Ρυθμίσεις Server).")
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise AddressError(f"«{text}» δεν είναι διεύθυνση IP (π.χ. 192.168.1.50).") from None
    if address.is_unspecified or address.is_multicast or (address.version == 4 and str(address).endswith(".255")):
        raise AddressError(f"Η διεύθυνση {text} δεν μπορεί να είναι τερματικό.")
    return str(address)


def validate_port(text: str | int) -> int:
    text = str(text).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise AddressError(f"Μη έγκυρη θύρα «{text}» (1–65535, συνήθως {DEFAULT_PORT}).")
    return int(text)


def is_local(host: str) -> bool:
    """Whether the address is on a local network (a terminal on the LAN has one)."""
    address = ipaddress.ip_address(host)
    return address.is_private or address.is_loopback or address.is_link_local


async def echo_terminal(host: str, port: int, *, timeout_s: float = 5.0) -> EchoResult | Failed:
    """ECHO the terminal at ``host:port`` (asyncio, never blocks): its TID and app version, or a coded Failed
    (``refused``, ``timeout``, ``unreachable``, ``wrong_protocol``, or the terminal's own error code)."""
    driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host=host, port=port, confirm_timeout_s=timeout_s,
                                            extra={"connect_timeout_s": str(timeout_s)}))
    try:
        return await driver.echo()
    finally:
        await driver.close()
