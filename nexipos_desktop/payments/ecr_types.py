"""Basic types of the ECR–POS socket protocol: header values, codes and the one error type of the codec."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    """The terminal's ``E/<code>`` error codes."""

    VERSION_NOT_SUPPORTED = "001"
    DUPLICATE_SESSION = "002"
    SYNTAX_ERROR = "003"
    CURRENCY_MISMATCH = "004"
    TERMINAL_INTERNAL = "100"
    BUSY = "999"

    @property
    def message(self) -> str:
        """A Greek explanation fit for the cashier."""
        return _ERROR_MESSAGES[self]


_ERROR_MESSAGES = {
    ErrorCode.VERSION_NOT_SUPPORTED: "Το τερματικό δεν υποστηρίζει αυτό το πρωτόκολλο ή την έκδοσή του",
    ErrorCode.DUPLICATE_SESSION: "Διπλός αριθμός συνεδρίας: το τερματικό έχει ήδη δεχτεί αυτόν τον αριθμό",
    ErrorCode.SYNTAX_ERROR: "Συντακτικό σφάλμα στο μήνυμα προς το τερματικό",
    ErrorCode.CURRENCY_MISMATCH: "Το νόμισμα δεν ταιριάζει με το νόμισμα του τερματικού",
    ErrorCode.TERMINAL_INTERNAL: "Εσωτερικό σφάλμα του τερματικού",
    ErrorCode.BUSY: "Το τερματικό είναι απασχολημένο με άλλη συναλλαγή",
}


class ResponseCode(StrEnum):
    """The ``/C`` response codes of a RESULT; only ``00`` means the card was charged."""

    APPROVED = "00"
    DECLINED = "33"
    CANCELLED = "03"
    DECLINED_BY_TERMINAL = "04"
    DECLINED_BY_HOST = "05"
    COMMUNICATION_PROBLEM = "06"
    HOST_UNREACHABLE = "09"
    SYSTEM_ERROR = "66"

    @property
    def message(self) -> str:
        """A Greek explanation fit for the cashier."""
        return _RESPONSE_MESSAGES[self]


_RESPONSE_MESSAGES = {
    ResponseCode.APPROVED: "Η συναλλαγή εγκρίθηκε",
    ResponseCode.DECLINED: "Η συναλλαγή απορρίφθηκε",
    ResponseCode.CANCELLED: "Η συναλλαγή ακυρώθηκε από τον χρήστη ή λόγω λήξης χρόνου",
    ResponseCode.DECLINED_BY_TERMINAL: "Η συναλλαγή απορρίφθηκε από το τερματικό",
    ResponseCode.DECLINED_BY_HOST: "Η συναλλαγή απορρίφθηκε από την τράπεζα",
    ResponseCode.COMMUNICATION_PROBLEM: "Πρόβλημα επικοινωνίας κατά τη συναλλαγή",
    ResponseCode.HOST_UNREACHABLE: "Δεν υπάρχει σύνδεση με την τράπεζα",
    ResponseCode.SYSTEM_ERROR: "Σφάλμα συστήματος στο τερματικό",
}


class ProtocolError(ValueError):
    """A frame or message does not follow the protocol (the codec raises nothing else).

    ``error_code`` is the ``E/<code>`` a terminal would answer to it (used by the simulator).
    """

    def __init__(self, message: str, error_code: ErrorCode = ErrorCode.SYNTAX_ERROR) -> None:
        super().__init__(message)
        self.error_code = error_code


class Direction(StrEnum):
    """Bytes 2–4 of a frame: who sends it."""

    ECR = "ECR"  # register → terminal
    MEL = "MEL"  # terminal → register (v01 examples)
    POS = "POS"  # terminal → register (A.1155 examples)

    @property
    def is_request(self) -> bool:
        """True for register → terminal frames."""
        return self is Direction.ECR


class Variant(StrEnum):
    """Bytes 5–6: who prints the card slip."""

    STANDARD = "01"
    REGISTER_PRINTS = "02"  # the terminal sends its receipt text in /P


class Version(StrEnum):
    """Bytes 7–8: protocol version."""

    BASE = "01"
    A1155 = "10"


class TransactionType(StrEnum):
    """The message-type letter of an AMOUNT request."""

    SALE = "A"
    CASH_ADVANCE = "H"
    REFUND = "Z"
    VOID = "V"


@dataclass(frozen=True)
class Header:
    """Direction, variant and version: the 7 ASCII bytes after the length prefix."""

    direction: Direction = Direction.ECR
    variant: Variant = Variant.STANDARD
    version: Version = Version.BASE

    def __str__(self) -> str:
        return f"{self.direction}{self.variant}{self.version}"


REQUEST_HEADER = Header()
REPLY_HEADER = Header(Direction.MEL)
