"""ECR-token route: 3DES session-key exchange against the shared vector, and the test token source."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nexipos_desktop.fiscal.ecr_token import (
    EcrToken,
    EcrTokenError,
    EcrTokenSource,
    HmacTestTokenSource,
    KeyExchange,
    check_kcv,
    decrypt_session_key,
    encrypt_session_key,
    generate_session_key,
    key_check_value,
    key_exchange,
)
from nexipos_desktop.payments.ecr_codec import AmountRequest, TransactionType, decode, encode
from nexipos_desktop.payments.ecr_types import Header, Version

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
V10 = Header(version=Version.A1155)
EXAMPLE_COMMAND = "ECR0110A/S000011/F100:978:2/RABC00111222/D20240412124019/M0/H0/T11"


@pytest.fixture(scope="module")
def vector() -> dict[str, Any]:
    path = SHARED / "vectors" / "ecr-key-exchange.json"
    if not path.is_file():
        pytest.skip(f"shared test vector {path} is not available (shared/ sits beside the project)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_session_key_is_encrypted_as_in_the_vector(vector: dict[str, Any]) -> None:
    master = bytes.fromhex(vector["master_key"])
    session = bytes.fromhex(vector["clear_session_key"])
    assert encrypt_session_key(master, session).hex().upper() == vector["encrypted_session_key"]
    assert encrypt_session_key(master, session) == bytes.fromhex("8FF79564430DD13EF06B5F199278FADC")


def test_kcv_is_the_first_three_bytes_of_the_zero_block_under_the_clear_session_key(vector: dict[str, Any]) -> None:
    session = bytes.fromhex(vector["clear_session_key"])
    assert key_check_value(session).hex().upper() == vector["kcv"] == "4C8166"
    # Not the master key's KCV, and not a KCV of the encrypted key: the vector pins which key is checked.
    assert key_check_value(bytes.fromhex(vector["master_key"])).hex().upper() != vector["kcv"]
    assert key_check_value(bytes.fromhex(vector["encrypted_session_key"])).hex().upper() != vector["kcv"]


def test_key_exchange_bundles_the_vector_values(vector: dict[str, Any]) -> None:
    exchange = key_exchange(
        vector["ecr_id"], bytes.fromhex(vector["master_key"]), bytes.fromhex(vector["clear_session_key"])
    )
    assert exchange == KeyExchange(
        "ABC00111222", bytes.fromhex(vector["encrypted_session_key"]), bytes.fromhex(vector["kcv"])
    )
    assert exchange.encrypted_session_key_hex == vector["encrypted_session_key"]
    assert exchange.kcv_hex == vector["kcv"]


def test_decrypt_recovers_the_session_key_and_the_kcv_checks(vector: dict[str, Any]) -> None:
    master = bytes.fromhex(vector["master_key"])
    encrypted = bytes.fromhex(vector["encrypted_session_key"])
    session = decrypt_session_key(master, encrypted)
    assert session.hex().upper() == vector["clear_session_key"]
    assert check_kcv(session, bytes.fromhex(vector["kcv"])) is True
    assert check_kcv(session, bytes.fromhex("4C8167")) is False


def test_generated_session_keys_round_trip_and_differ() -> None:
    master = bytes(range(16))
    first, second = generate_session_key(), generate_session_key()
    assert len(first) == 16 and first != second
    assert decrypt_session_key(master, encrypt_session_key(master, first)) == first


@pytest.mark.parametrize("length", [0, 8, 15, 17, 24])
def test_keys_must_be_two_key_3des(length: int) -> None:
    with pytest.raises(EcrTokenError, match="16 bytes"):
        encrypt_session_key(bytes(length), bytes(16))
    with pytest.raises(EcrTokenError, match="16 bytes"):
        key_check_value(bytes(length))


def test_key_exchange_refuses_a_bad_ecr_id() -> None:
    with pytest.raises(EcrTokenError):
        key_exchange("ABC/001", bytes(16), bytes(16))


def test_test_token_source_is_a_documented_hmac_and_satisfies_the_protocol() -> None:
    source = HmacTestTokenSource("ABC00111222")
    assert isinstance(source, EcrTokenSource)
    assert source.ecr_id == "ABC00111222"
    token = source.token_for(EXAMPLE_COMMAND)
    assert token == EcrToken("718D847B", "ABC00111222")
    expected = hmac.new(b"nexipos-test-ecr-token-key", EXAMPLE_COMMAND.encode(), hashlib.sha256).hexdigest()
    assert token.token == expected[:8].upper()
    assert token.token != "D93EDE48"  # the public example's real token: this source is not the real MAC


def test_test_tokens_depend_on_command_and_key() -> None:
    source = HmacTestTokenSource("ABC00111222")
    assert source.token_for(EXAMPLE_COMMAND).token != source.token_for(EXAMPLE_COMMAND + "2").token
    other = HmacTestTokenSource("ABC00111222", key=b"other")
    assert other.token_for(EXAMPLE_COMMAND).token == "75C706CC"
    assert source.verify(EXAMPLE_COMMAND, "718d847b") is True
    assert source.verify(EXAMPLE_COMMAND, "75C706CC") is False
    assert source.verify(EXAMPLE_COMMAND, "ΧΧΧΧΧΧΧΧ") is False
    with pytest.raises(EcrTokenError):
        source.token_for("ECR0110A/Mκαφές")


@pytest.mark.parametrize(("token", "ecr_id"), [("d93ede48", "ABC1"), ("D93EDE4", "ABC1"), ("D93EDE48", ""),
                                              ("D93EDE48", "A" * 16), ("G93EDE48", "ABC1")])
def test_ecr_token_values_are_checked(token: str, ecr_id: str) -> None:
    with pytest.raises(EcrTokenError):
        EcrToken(token, ecr_id)


def test_token_signs_the_socket_amount_command_without_q() -> None:
    """The whole route: /R from the source, token over the command text, /Q appended last."""
    source = HmacTestTokenSource("ABC00111222")
    request = AmountRequest(
        TransactionType.SALE, 11, 100, datetime(2024, 4, 12, 12, 40, 19), operator="0", receipt_no="11",
        vat_slots=None, custom="0", ecr_id=source.ecr_id, header=V10,
    )
    unsigned = encode(request)[2:].decode("ascii")
    assert unsigned == EXAMPLE_COMMAND
    signed = replace(request, ecr_token=source.token_for(unsigned).token)
    frame = encode(signed)
    assert frame[2:].decode("ascii") == EXAMPLE_COMMAND + "/Q718D847B"
    received = decode(frame)
    assert isinstance(received, AmountRequest) and received.ecr_token is not None
    assert source.verify(encode(replace(received, ecr_token=None))[2:].decode("ascii"), received.ecr_token)
