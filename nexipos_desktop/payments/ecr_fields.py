"""The field letters of the ECR socket protocol and the order each message sends them in.

Every letter lives here, so a wrong guess is corrected in one place. Names are the attribute names of the message
dataclasses in :mod:`nexipos_desktop.payments.ecr_messages`. Sources: Mellon "ECR–MELLON POS integration, the
basic communication protocol" v1.00B for the base protocol; public A.1155-era examples for version ``10``
(``ecr-socket-protocol.md``). Entries marked PROVISIONAL have no public spec behind them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from nexipos_desktop.payments.ecr_types import Version

BASE_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "session": "S",
        "amount": "F",  # <amount>:<currency>:<exponent>
        "timestamp": "D",  # AMOUNT: YYYYMMDDhhmmss
        "ecr_no": "R",
        "operator": "H",
        "receipt_no": "T",
        "vat_slots": "G",
        "custom": "M",
        "response_code": "C",
        "trans_data": "D",  # RESULT: subfields separated by ':'
        "print_data": "P",  # RESULT: always last, runs to the end of the frame
        "terminal": "T",  # ECHO reply: <tid>:<app-version>
    }
)

# The A.1155 fields: the single place to correct them.
A1155_FIELDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ecr_id": "R",  # fiscal device id; public example ECR0110A/…/RABC00111222/…
        "ecr_token": "Q",  # 8-hex MAC over the command; public example …/QD93EDE48
        "provider_data": "U",  # PROVISIONAL: <uid>:<mark>:<timestamp>:<net>:<vat>:<total>:<provider-id>
        "provider_signature": "K",  # PROVISIONAL: DER ECDSA signature, upper-case hex
    }
)

FIELD_LETTERS: Final[Mapping[str, str]] = MappingProxyType({**BASE_FIELDS, **A1155_FIELDS})

# AMOUNT field order per version. The v10 order is the one of the public ECR-token example
# (S F R D M H T Q); where G, U and K go in v10 is PROVISIONAL (U and K "after /T" per the reference).
AMOUNT_FIELD_ORDER: Final[Mapping[Version, tuple[str, ...]]] = MappingProxyType(
    {
        Version.BASE: ("session", "amount", "timestamp", "ecr_no", "operator", "receipt_no", "vat_slots", "custom"),
        Version.A1155: (
            "session", "amount", "ecr_id", "timestamp", "custom", "operator", "receipt_no", "vat_slots",
            "provider_data", "provider_signature", "ecr_token",
        ),
    }
)

CONFIRMED_FIELD_ORDER: Final[tuple[str, ...]] = ("session", "amount")

# v01 sends S C D P; A.1155 terminals echo R, T and M before C (public example POS0110R/S…/R…/T…/M0/C00/D…).
RESULT_FIELD_ORDER: Final[tuple[str, ...]] = (
    "session", "ecr_id", "receipt_no", "custom", "response_code", "trans_data",
)
RESULT_TAIL_FIELD: Final[str] = "print_data"

# Positions of the RESULT trans-data subfields; None marks a subfield whose meaning is unknown.
# v01 is documented. The v10 layout is PROVISIONAL, inferred from one public example
# (IRIS:00:****************:100:100:0:0:0:109:77615701:005:251008120304:005003:710178e3:20251008150238:0),
# which matches the v01 order from the acquirer id onwards.
TRANS_DATA_LAYOUT: Final[Mapping[Version, tuple[str | None, ...]]] = MappingProxyType(
    {
        Version.BASE: (
            "card_type", "pan_masked", "amount", "final_amount", "acquirer_id", "tid", "batch", "rrn", "stan",
            "auth_code", "datetime",
        ),
        Version.A1155: (
            "card_type", None, "pan_masked", "amount", "final_amount", None, None, None, "acquirer_id", "tid",
            "batch", "rrn", "stan", "auth_code", "datetime", None,
        ),
    }
)


def letters_to_names(names: Iterable[str]) -> dict[str, str]:
    """Map each field letter of one message to its field name; a letter used twice is a table error."""
    result: dict[str, str] = {}
    for name in names:
        letter = FIELD_LETTERS[name]
        if letter in result:
            raise ValueError(f"ECR field letter {letter!r} is used by both {result[letter]!r} and {name!r}")
        result[letter] = name
    return result
