"""Importing the keys of the A.1155 fiscal route, checked before anything is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from nexipos_desktop.fiscal.ecr_token import EcrTokenError, decrypt_session_key, generate_session_key, key_exchange
from nexipos_desktop.fiscal.provider_signature import ProviderSigner, SigningError, signature_clear_text
from nexipos_desktop.fiscal.provider_signature import signature_timestamp, verify_signature

PROVIDER_KEY_SECRET = "fiscal.provider_private_key"
ECR_MASTER_KEY_SECRET = "fiscal.ecr_master_key"
_PROVIDER_ID = re.compile(r"[0-9A-Za-z]{1,15}")
_ECR_ID = re.compile(r"[0-9A-Za-z]{1,15}")


class FiscalKeyError(ValueError):
    """A key or id that cannot be used (Greek message)."""


@dataclass(frozen=True)
class ProviderKey:
    pem: str  # PKCS#8, unencrypted: what goes to the keyring
    public_pem: str
    test_text: str  # what was signed and verified


def load_provider_key(path: Path) -> ProviderKey:
    """Read a PEM private key, sign a test text with it and verify the signature with its public half."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FiscalKeyError(f"Δεν διαβάζεται το αρχείο «{path}»: {exc.strerror}") from None
    try:
        signer = ProviderSigner(data)
    except SigningError as exc:
        raise FiscalKeyError(f"Το αρχείο δεν είναι ιδιωτικό κλειδί ECDSA P-256: {exc}") from None
    text = signature_clear_text("0" * 40, "", signature_timestamp(), 100, 24, 124, 124, "00000000")
    if not verify_signature(signer.public_key_pem, text, signer.sign(text)):
        raise FiscalKeyError("Το κλειδί δεν παράγει επαληθεύσιμη υπογραφή.")
    key = serialization.load_pem_private_key(data, password=None)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode("ascii")
    return ProviderKey(pem, signer.public_key_pem.decode("ascii"), text)


def validate_provider_id(text: str) -> str:
    text = text.strip()
    if not _PROVIDER_ID.fullmatch(text):
        raise FiscalKeyError("Ο αριθμός παρόχου (ΥΠΑΗΕΣ) είναι 1–15 λατινικοί χαρακτήρες ή ψηφία (π.χ. 999).")
    return text


def validate_ecr_id(text: str) -> str:
    text = text.strip()
    if not _ECR_ID.fullmatch(text):
        raise FiscalKeyError("Ο αριθμός μητρώου του ΦΗΜΑΣ είναι 1–15 λατινικοί χαρακτήρες ή ψηφία (π.χ. ABC00111222).")
    return text


def check_master_key(ecr_id: str, hex_key: str) -> str:
    """Validate the 3DES master key (32 hex digits) by a trial key exchange; returns the trial's KCV (hex)."""
    cleaned = "".join(hex_key.split()).upper()
    if not re.fullmatch(r"[0-9A-F]{32}", cleaned):
        raise FiscalKeyError("Το master key είναι 32 δεκαεξαδικά ψηφία (3DES δύο κλειδιών).")
    master = bytes.fromhex(cleaned)
    session = generate_session_key()
    try:
        exchange = key_exchange(validate_ecr_id(ecr_id), master, session)
    except EcrTokenError as exc:
        raise FiscalKeyError(str(exc)) from None
    if decrypt_session_key(master, exchange.encrypted_session_key) != session:
        raise FiscalKeyError("Η δοκιμαστική ανταλλαγή κλειδιού απέτυχε.")
    return exchange.kcv_hex
