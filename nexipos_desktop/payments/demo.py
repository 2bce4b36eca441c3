"""First run: the till is wired to the built-in terminal simulator, signing like a provider would.

A demo signing key is generated (its private half goes to the secrets store, its public half to the simulator's
settings), so the demo shows the real A.1155 flow: every card payment is signed and the simulator verifies it.
The demo terminal speaks the socket protocol; ``protocol="webecr"`` (or later ``nexipos config set
terminal.driver webecr``) makes it the WebECR cloud simulator, with the demo account and a stored pairing key.
"""

from __future__ import annotations

import secrets

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.settings import get_setting, set_setting
from nexipos_desktop.simulator.terminal_model import DEFAULT_TID
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME

DEMO_TERMINAL = {
    "terminal.driver": "ecr_socket",
    "terminal.simulator": True,
    "terminal.kind": "A920Pro",
    "terminal.name": "Προσομοιωτής NEXI",
    "terminal.host": "127.0.0.1",
    "terminal.port": 0,  # any free port, chosen when the simulator starts
    "terminal.tid": DEFAULT_TID,
    "fiscal.route": "provider",
    "fiscal.provider_id": "999",
}
#: What changes when the demo terminal is the WebECR simulator (its URL is set when it starts).
DEMO_WEBECR = {
    "terminal.driver": "webecr",
    "webecr.environment": "custom",
    "webecr.auth": "both",
    "webecr.username": DEMO_USERNAME,
    "webecr.mode": "sync",
}


def demo_webecr_credentials() -> tuple[str, str]:
    """The WebECR simulator's password and pairing key from the secrets store, created on first use."""
    password = get_secret("webecr.password")
    if not password:
        password = DEMO_PASSWORD
        set_secret("webecr.password", password)
    api_key = get_secret("webecr.api_key")
    if not api_key:
        api_key = secrets.token_urlsafe(32)
        set_secret("webecr.api_key", api_key)
    return password, api_key


def configure_demo_terminal(db: Database, protocol: str = "socket") -> bool:
    """Wire an unconfigured till to the embedded simulator (``socket`` or ``webecr``); False when a terminal is
    already configured."""
    with db.read() as session:
        if get_setting(session, "terminal.driver", ""):
            return False
    key = ec.generate_private_key(ec.SECP256R1())
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode("ascii")
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    set_secret("fiscal.provider_private_key", private_pem)
    with db.write() as session:
        settings = DEMO_TERMINAL | (DEMO_WEBECR if protocol == "webecr" else {})
        for name, value in settings.items():
            set_setting(session, name, value)
        set_setting(session, "simulator.public_key", public_pem)
        audit(session, "system", "terminal.demo_configured", driver=settings["terminal.driver"], simulator=True)
    return True
