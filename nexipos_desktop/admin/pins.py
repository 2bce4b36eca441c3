"""PINs hashed with a slow, memory-hard KDF (scrypt), self-describing so the parameters can be raised later.

Stored form: ``scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>``. Comparison is constant-time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

PIN_MIN, PIN_MAX = 4, 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # ~16 MB and tens of milliseconds per try
_DKLEN = 32


class PinError(ValueError):
    """A PIN that cannot be set (Greek message)."""


def check_pin_format(pin: str) -> str:
    """The PIN if it is 4–8 digits; else :class:`PinError`."""
    if not (pin.isascii() and pin.isdigit()) or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise PinError(f"Το PIN πρέπει να έχει {PIN_MIN} έως {PIN_MAX} ψηφία.")
    return pin


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def encode(self) -> str:
        b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
        return f"scrypt${self.n}${self.r}${self.p}${b64(self.salt)}${b64(self.digest)}"

    @classmethod
    def decode(cls, text: str) -> PinHash:
        scheme, n, r, p, salt, digest = text.split("$")
        if scheme != "scrypt":
            raise ValueError(f"unknown PIN hash scheme {scheme!r}")
        return cls(int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=_DKLEN)


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new salted hash of a valid PIN, in the stored form."""
    check_pin_format(pin)
    salt = os.urandom(16)
    return PinHash(n, r, p, salt, _scrypt(pin, salt, n, r, p)).encode()


def verify_pin(pin: str, stored: str | None) -> bool:
    """Whether ``pin`` matches the stored hash (False for no hash, malformed PINs or hashes)."""
    if not stored or not pin.isascii():
        return False
    try:
        params = PinHash.decode(stored)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(_scrypt(pin, params.salt, params.n, params.r, params.p), params.digest)
