"""The A.1155 ECR-token route: session-key exchange and the pluggable source of AMOUNT-command tokens.

A fiscal device (ΦΗΜΑΣ) binds to the terminal, sends it a fresh session key encrypted under a pre-shared
master key (two-key 3DES, ECB) with a key check value, and then signs each socket AMOUNT command with an
8-hex-digit MAC, the "ECR token" (``aade-1155-signing.md``). The MAC algorithm is not public: the register gets
the token from the fiscal device through an :class:`EcrTokenSource`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

KEY_LENGTH = 16  # two-key 3DES: K1 || K2
KCV_LENGTH = 3
_TOKEN = re.compile(r"[0-9A-F]{8}")
_ECR_ID = re.compile(r"[0-9A-Za-z]{1,15}")  # myDATA ECRToken.SigningAuthor is at most 15 characters


class EcrTokenError(ValueError):
    """A key, KCV or token cannot be used. The message is Greek, fit to show."""


def _check_key(name: str, key: bytes) -> bytes:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_LENGTH:
        raise EcrTokenError(f"Το κλειδί {name} πρέπει να έχει {KEY_LENGTH} bytes (3DES δύο κλειδιών)")
    return bytes(key)


def _ecb(key: bytes, data: bytes, *, decrypt: bool = False) -> bytes:
    cipher = Cipher(TripleDES(key), modes.ECB())
    context = cipher.decryptor() if decrypt else cipher.encryptor()
    return context.update(data) + context.finalize()


def key_check_value(key: bytes) -> bytes:
    """Return the KCV of a two-key 3DES key: the first 3 bytes of 3DES-ECB(key, 8 zero bytes)."""
    return _ecb(_check_key("συνεδρίας", key), bytes(8))[:KCV_LENGTH]


def encrypt_session_key(master_key: bytes, session_key: bytes) -> bytes:
    """Encrypt the clear session key under the master key (two-key 3DES, ECB, no padding)."""
    return _ecb(_check_key("master", master_key), _check_key("συνεδρίας", session_key))


def decrypt_session_key(master_key: bytes, encrypted_session_key: bytes) -> bytes:
    """Recover the clear session key (what the terminal does); the inverse of :func:`encrypt_session_key`."""
    return _ecb(_check_key("master", master_key), _check_key("κρυπτογραφημένο", encrypted_session_key), decrypt=True)


def generate_session_key() -> bytes:
    """Return 16 random bytes for a new session key."""
    return os.urandom(KEY_LENGTH)


@dataclass(frozen=True)
class KeyExchange:
    """What the register sends in ``ecrkeyexchange``: the encrypted session key and the clear key's KCV."""

    ecr_id: str
    encrypted_session_key: bytes
    kcv: bytes

    @property
    def encrypted_session_key_hex(self) -> str:
        """The encrypted session key as upper-case hex."""
        return self.encrypted_session_key.hex().upper()

    @property
    def kcv_hex(self) -> str:
        """The KCV as upper-case hex (6 digits)."""
        return self.kcv.hex().upper()


def key_exchange(ecr_id: str, master_key: bytes, session_key: bytes) -> KeyExchange:
    """Build the key-exchange values for ``session_key`` under ``master_key``."""
    if not _ECR_ID.fullmatch(ecr_id):
        raise EcrTokenError(f"Μη έγκυρο αναγνωριστικό ECR: {ecr_id!r}")
    return KeyExchange(ecr_id, encrypt_session_key(master_key, session_key), key_check_value(session_key))


def check_kcv(session_key: bytes, kcv: bytes) -> bool:
    """Tell whether ``kcv`` is the KCV of ``session_key`` (constant-time comparison)."""
    return hmac.compare_digest(key_check_value(session_key), bytes(kcv))


@dataclass(frozen=True)
class EcrToken:
    """The fiscal device's proof for one AMOUNT command: the 8-hex MAC (socket ``/Q``) and its ECR id (``/R``)."""

    token: str
    ecr_id: str

    def __post_init__(self) -> None:
        if not _TOKEN.fullmatch(self.token):
            raise EcrTokenError(f"Το ECR token πρέπει να είναι 8 κεφαλαία δεκαεξαδικά ψηφία: {self.token!r}")
        if not _ECR_ID.fullmatch(self.ecr_id):
            raise EcrTokenError(f"Μη έγκυρο αναγνωριστικό ECR: {self.ecr_id!r}")


@runtime_checkable
class EcrTokenSource(Protocol):
    """Where ECR tokens come from (in production: the store's fiscal device).

    The register puts :attr:`ecr_id` into the AMOUNT command's ``/R`` field, encodes the command without the
    ``/Q`` field (no length prefix, e.g. ``ECR0110A/S000011/F100:978:2/RABC00111222/D20240412124019/M0/H0/T11``),
    asks :meth:`token_for` and appends ``/Q<token>``.
    """

    @property
    def ecr_id(self) -> str:
        """The fiscal device's id as bound to the terminal."""
        ...

    def token_for(self, amount_command: str) -> EcrToken:
        """Return the token for one AMOUNT command text (without ``/Q``)."""
        ...


class HmacTestTokenSource:
    """A deterministic token source for tests and the simulator. NOT the real A.1155 MAC algorithm.

    The token is the first 8 upper-case hex digits of HMAC-SHA256(test key, ASCII command text). It lets tests
    and the terminal simulator agree on tokens; a real terminal will reject them.
    """

    def __init__(self, ecr_id: str, key: bytes = b"nexipos-test-ecr-token-key") -> None:
        if not _ECR_ID.fullmatch(ecr_id):
            raise EcrTokenError(f"Μη έγκυρο αναγνωριστικό ECR: {ecr_id!r}")
        self._ecr_id = ecr_id
        self._key = bytes(key)

    @property
    def ecr_id(self) -> str:
        """The configured test ECR id."""
        return self._ecr_id

    def token_for(self, amount_command: str) -> EcrToken:
        """Return the test token for ``amount_command``."""
        try:
            data = amount_command.encode("ascii")
        except UnicodeEncodeError:
            raise EcrTokenError("Η εντολή AMOUNT πρέπει να είναι ASCII") from None
        digest = hmac.new(self._key, data, hashlib.sha256).hexdigest()
        return EcrToken(digest[:8].upper(), self._ecr_id)

    def verify(self, amount_command: str, token: str) -> bool:
        """Tell whether ``token`` is this source's token for ``amount_command`` (what the simulator checks)."""
        if not isinstance(token, str) or not _TOKEN.fullmatch(token.upper()):
            return False
        return hmac.compare_digest(self.token_for(amount_command).token, token.upper())
