"""Provider signature (A.1155): clear text, Athens timestamps, signing and verification against the vector."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from nexipos_desktop.fiscal.provider_signature import (
    ProviderSigner,
    SignedPayment,
    SigningError,
    from_base64,
    from_hex,
    signature_clear_text,
    signature_timestamp,
    to_base64,
    to_hex_upper,
    verify_signature,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
VECTORS = SHARED / "vectors"
FIELD_ORDER = ("uid", "mark", "signature_timestamp", "net_cents", "vat_cents", "total_cents", "amount_cents", "tid")


def _shared(name: str) -> Path:
    path = VECTORS / name
    if not path.is_file():
        pytest.skip(f"shared test vector {path} is not available (shared/ sits beside the project)")
    return path


@pytest.fixture(scope="module")
def vector() -> dict[str, Any]:
    data = json.loads(_shared("provider-signature.json").read_text(encoding="utf-8"))
    first: dict[str, Any] = data["vectors"][0]
    return first


@pytest.fixture(scope="module")
def public_pem() -> bytes:
    return _shared("mellon-test-public-key.pem").read_bytes()


@pytest.fixture(scope="module")
def signer() -> ProviderSigner:
    return ProviderSigner(_shared("mellon-test-private-key.pem").read_bytes())


def _clear_text(fields: dict[str, Any]) -> str:
    return signature_clear_text(*(fields[name] for name in FIELD_ORDER))


def test_clear_text_of_the_vector_fields_is_the_published_one(vector: dict[str, Any]) -> None:
    assert _clear_text(vector["fields"]) == vector["clear_text"]
    assert vector["clear_text"] == (
        "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC;400013293980417;20240510164340;100;24;124;124;99000031"
    )


def test_empty_or_missing_mark_leaves_an_empty_field() -> None:
    args = ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", None, "20240510164340", 100, 24, 124, 50, "99000031")
    expected = "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC;;20240510164340;100;24;124;50;99000031"
    assert signature_clear_text(*args) == expected
    assert signature_clear_text(args[0], "", *args[2:]) == expected


def test_published_signature_verifies_with_the_test_public_key(vector: dict[str, Any], public_pem: bytes) -> None:
    der = from_hex(vector["signature_der_hex"])
    assert from_base64(vector["signature_der_base64"]) == der
    assert to_hex_upper(der) == vector["signature_der_hex"]
    assert to_base64(der) == vector["signature_der_base64"]
    assert verify_signature(public_pem, vector["clear_text"], der) is True
    assert verify_signature(public_pem.decode("ascii"), vector["clear_text"], der) is True


@pytest.mark.parametrize("field", FIELD_ORDER)
def test_published_signature_fails_for_any_tampered_field(
    vector: dict[str, Any], public_pem: bytes, field: str
) -> None:
    tampered = dict(vector["fields"])
    value = tampered[field]
    if isinstance(value, int):
        tampered[field] = value + 1
    elif field == "signature_timestamp":
        tampered[field] = "20240510164341"
    elif field == "mark":
        tampered[field] = ""
    else:
        tampered[field] = value[:-1] + ("0" if value[-1] != "0" else "1")
    text = _clear_text(tampered)
    assert text != vector["clear_text"]
    assert verify_signature(public_pem, text, from_hex(vector["signature_der_hex"])) is False


@pytest.mark.parametrize("signature", [b"", b"\x00" * 10, b"\x30\x06\x02\x01\x01\x02\x01\x01", b"not der at all"])
def test_malformed_signatures_give_false_not_an_exception(
    vector: dict[str, Any], public_pem: bytes, signature: bytes
) -> None:
    assert verify_signature(public_pem, vector["clear_text"], signature) is False


def test_flipped_signature_bit_fails(vector: dict[str, Any], public_pem: bytes) -> None:
    der = bytearray(from_hex(vector["signature_der_hex"]))
    der[-1] ^= 0x01
    assert verify_signature(public_pem, vector["clear_text"], bytes(der)) is False


def test_sign_then_verify_with_the_test_pair(signer: ProviderSigner, public_pem: bytes, vector: dict[str, Any]) -> None:
    first = signer.sign(vector["clear_text"])
    second = signer.sign(vector["clear_text"])
    assert first != second  # ECDSA is randomised: test by verifying, never by comparing bytes
    assert first[0] == 0x30 and 8 <= len(first) <= 72  # a DER SEQUENCE of at most 72 bytes for P-256
    assert verify_signature(public_pem, vector["clear_text"], first) is True
    assert verify_signature(public_pem, vector["clear_text"], second) is True
    assert verify_signature(public_pem, vector["clear_text"].replace(";124;124;", ";124;123;"), first) is False


def test_signer_exposes_the_matching_public_key(signer: ProviderSigner, public_pem: bytes) -> None:
    ours = serialization.load_pem_public_key(signer.public_key_pem)
    theirs = serialization.load_pem_public_key(public_pem)
    assert isinstance(ours, ec.EllipticCurvePublicKey) and isinstance(theirs, ec.EllipticCurvePublicKey)
    assert ours.public_numbers() == theirs.public_numbers()


def test_sign_payment_builds_a_verifiable_signed_payment(
    signer: ProviderSigner, public_pem: bytes, vector: dict[str, Any]
) -> None:
    fields = vector["fields"]
    signed = signer.sign_payment(
        fields["uid"], fields["mark"], fields["net_cents"], fields["vat_cents"], fields["total_cents"],
        fields["amount_cents"], fields["tid"], timestamp=fields["signature_timestamp"],
    )
    assert isinstance(signed, SignedPayment)
    assert signed.clear_text == vector["clear_text"]
    assert signed.hex == signed.signature.hex().upper()
    assert from_base64(signed.base64) == signed.signature
    assert verify_signature(public_pem, vector["clear_text"], from_base64(signed.base64)) is True
    tampered = replace(signed, amount_cents=fields["amount_cents"] - 1)
    assert verify_signature(public_pem, tampered.clear_text, tampered.signature) is False


def test_sign_payment_defaults_to_now_in_athens(signer: ProviderSigner) -> None:
    before = signature_timestamp()
    signed = signer.sign_payment("A" * 40, None, 100, 24, 124, 124, "99000031")
    after = signature_timestamp()
    assert before <= signed.signature_timestamp <= after
    assert signed.mark == ""
    assert signed.clear_text.startswith("A" * 40 + ";;")


def test_encrypted_private_key_needs_its_password(public_pem: bytes) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"s3cret"),
    )
    signer = ProviderSigner(pem, password=b"s3cret")
    assert verify_signature(signer.public_key_pem, "x;y", signer.sign("x;y")) is True
    assert verify_signature(public_pem, "x;y", signer.sign("x;y")) is False  # another key pair
    with pytest.raises(SigningError):
        ProviderSigner(pem, password=b"wrong")
    with pytest.raises(SigningError):
        ProviderSigner(pem)


def _pem(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.mark.parametrize(
    "pem",
    [
        pytest.param(lambda: _pem(ec.generate_private_key(ec.SECP384R1())), id="P-384"),
        pytest.param(lambda: _pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)), id="RSA"),
        pytest.param(lambda: b"-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n", id="garbage"),
    ],
)
def test_keys_other_than_p256_are_refused_in_greek(pem: Any) -> None:
    with pytest.raises(SigningError, match="κλειδ"):
        ProviderSigner(pem())


def test_a_non_p256_public_key_is_a_signing_error() -> None:
    public = ec.generate_private_key(ec.SECP384R1()).public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    with pytest.raises(SigningError, match="P-256"):
        verify_signature(pem, "a;b", b"\x30\x00")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2024, 5, 10, 13, 43, 40, tzinfo=UTC), "20240510164340"),  # summer, UTC+3
        (datetime(2024, 1, 15, 10, 0, 0, tzinfo=UTC), "20240115120000"),  # winter, UTC+2
        (datetime(2024, 3, 31, 0, 59, 59, tzinfo=UTC), "20240331025959"),  # last second before the change
        (datetime(2024, 3, 31, 1, 0, 0, tzinfo=UTC), "20240331040000"),  # first second of summer time
        (datetime(2024, 5, 10, 16, 43, 40, tzinfo=timezone(timedelta(hours=3))), "20240510164340"),
    ],
)
def test_signature_timestamp_is_athens_local_time(moment: datetime, expected: str) -> None:
    assert signature_timestamp(moment) == expected


def test_signature_timestamp_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        signature_timestamp(datetime(2024, 5, 10, 16, 43, 40))


def test_signature_timestamp_now_is_athens_now() -> None:
    stamp = signature_timestamp()
    now = datetime.now(UTC)
    parsed = datetime.strptime(stamp, "%Y%m%d%H%M%S")
    offset = parsed - now.replace(tzinfo=None)
    assert timedelta(hours=2) - timedelta(seconds=5) <= offset <= timedelta(hours=3) + timedelta(seconds=5)


@pytest.mark.parametrize(
    "args",
    [
        ("d4f6a5f5c6123658f78369e5191ed5c9d73cb7ac", "", "20240510164340", 1, 1, 2, 2, "99000031"),  # lower case
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7A", "", "20240510164340", 1, 1, 2, 2, "99000031"),  # 39 chars
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "12;3", "20240510164340", 1, 1, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "2024051016434", 1, 1, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20241310164340", 1, 1, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", -1, 1, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", 1.0, 1, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", 1, True, 2, 2, "99000031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", 1, 1, 2, 2, "9900;031"),
        ("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", 1, 1, 2, 2, ""),
    ],
)
def test_malformed_fields_are_refused(args: tuple[Any, ...]) -> None:
    with pytest.raises(SigningError):
        signature_clear_text(*args)


def test_bad_encodings_raise_signing_error() -> None:
    with pytest.raises(SigningError):
        from_base64("not base64!")
    with pytest.raises(SigningError):
        from_hex("XYZ")
    assert from_hex("30450220") == from_hex("30450220".lower()) == b"\x30\x45\x02\x20"
