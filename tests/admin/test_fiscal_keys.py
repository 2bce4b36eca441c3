"""Importing the fiscal route's keys."""

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from nexipos_desktop.admin.fiscal_keys import FiscalKeyError, check_master_key, load_provider_key
from nexipos_desktop.fiscal.provider_signature import ProviderSigner


def write_key(path: Path, key) -> Path:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                       serialization.NoEncryption()))
    return path


def test_a_p256_key_is_verified_and_normalised_to_pkcs8(tmp_path):
    key = load_provider_key(write_key(tmp_path / "k.pem", ec.generate_private_key(ec.SECP256R1())))
    assert key.pem.startswith("-----BEGIN PRIVATE KEY-----")
    assert ProviderSigner(key.pem.encode()).public_key_pem.decode() == key.public_pem


@pytest.mark.parametrize("make, says", [
    (lambda p: write_key(p, rsa.generate_private_key(65537, 2048)), "P-256"),
    (lambda p: write_key(p, ec.generate_private_key(ec.SECP384R1())), "P-256"),
    (lambda p: (p.write_text("not a key"), p)[1], "ECDSA"),
    (lambda p: p, "Δεν διαβάζεται"),
])
def test_unusable_files_are_refused(tmp_path, make, says):
    with pytest.raises(FiscalKeyError, match=says):
        load_provider_key(make(tmp_path / "key.pem"))


def test_master_key_trial_exchange(tmp_path):
    assert len(check_master_key("ABC00111222", "0123456789ABCDEFFEDCBA9876543210")) == 6
    with pytest.raises(FiscalKeyError, match="32"):
        check_master_key("ABC00111222", "0123")
    with pytest.raises(FiscalKeyError, match="ΦΗΜΑΣ"):
        check_master_key("", "0123456789ABCDEFFEDCBA9876543210")
