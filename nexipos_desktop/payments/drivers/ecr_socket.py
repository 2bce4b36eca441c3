"""The LAN driver: a NEXI terminal over the ECR–POS socket protocol ("TCPSocket", ``ecr-socket-protocol.md``).

One request per connection: connect, send, read CONFIRMED (or ERROR) within ``confirm_timeout_s``, then RESULT
within ``result_timeout_s``, close. The rule that shapes everything: once the request bytes have been written,
the terminal may have charged the card, so any loss from then on (closed or reset connection, silence, garbage,
a reply for another session) is :class:`InDoubt` — never :class:`Failed`, never retried. :class:`Failed` means
nothing was charged: the connection could not be made, or the terminal refused the request with an ERROR.

Version: a request with an ECR token or a provider signature is sent as A.1155 version ``10`` (``/R`` carries the
fiscal device's ECR id, or our ``ecr_no`` on the provider route; ``/Q`` the token; the provisional ``/U`` and
``/K`` the signature); anything else as version ``01``. Tip and instalments are chosen on the terminal within the
sale flow, so TIP and INSTALMENTS are sent as a plain sale.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import ClassVar

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.contract import Approved, Busy, Cancelled, Declined, EchoResult, Failed, InDoubt
from nexipos_desktop.payments.contract import Operation, PaymentOutcome, PaymentRequest, ProgressCallback
from nexipos_desktop.payments.contract import TerminalConfig, TerminalState, UnsupportedOperation
from nexipos_desktop.payments.drivers.progress import SafeProgress
from nexipos_desktop.payments.ecr_codec import AmountRequest, Confirmed, EchoReply, EchoRequest, ErrorCode
from nexipos_desktop.payments.ecr_codec import ErrorReply, FrameReader, Header, ProtocolError, ProviderSignatureData
from nexipos_desktop.payments.ecr_codec import Reply, ResponseCode, Result, TransactionType, Version, decode
from nexipos_desktop.payments.ecr_codec import encode
from nexipos_desktop.payments.registry import register_driver

log = logging.getLogger(__name__)

DEFAULT_CONNECT_TIMEOUT_S = 5.0
_UNREACHABLE = frozenset({errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EADDRNOTAVAIL})
_KINDS: dict[Operation, TransactionType] = {
    Operation.SALE: TransactionType.SALE, Operation.TIP: TransactionType.SALE,
    Operation.INSTALMENTS: TransactionType.SALE, Operation.CASH_ADVANCE: TransactionType.CASH_ADVANCE,
    Operation.REFUND: TransactionType.REFUND, Operation.VOID: TransactionType.VOID,
}
_DECLINES = frozenset({ResponseCode.DECLINED, ResponseCode.DECLINED_BY_TERMINAL, ResponseCode.DECLINED_BY_HOST,
                       ResponseCode.COMMUNICATION_PROBLEM, ResponseCode.HOST_UNREACHABLE,
                       ResponseCode.SYSTEM_ERROR})
_HINTS = {ResponseCode.SYSTEM_ERROR: " (αν το πακέτο είναι γεμάτο: «Πακέτο» → «Κλείσιμο Πακέτου» στο τερματικό)"}
_CHECK = " Ελέγξτε στο τερματικό ή στην απόδειξή του αν έγινε η συναλλαγή· μην την επαναλάβετε χωρίς έλεγχο."
_BUSY_HERE = "Το ταμείο περιμένει ήδη απάντηση από το τερματικό για άλλη συναλλαγή"
# ELOT 743 transliteration (single letters; accents are stripped first) for the ASCII-only receipt number.
_GREEK = str.maketrans({"Α": "A", "Β": "V", "Γ": "G", "Δ": "D", "Ε": "E", "Ζ": "Z", "Η": "I", "Θ": "TH",
                        "Ι": "I", "Κ": "K", "Λ": "L", "Μ": "M", "Ν": "N", "Ξ": "X", "Ο": "O", "Π": "P",
                        "Ρ": "R", "Σ": "S", "Τ": "T", "Υ": "Y", "Φ": "F", "Χ": "CH", "Ψ": "PS", "Ω": "O"})


def protocol_alnum(text: str, fallback: str) -> str:
    """``text`` as the protocol's 1..8 ASCII alphanumerics (receipt no, operator), or ``fallback`` if nothing is left.

    Upper-cased, accents stripped, Greek letters transliterated (ELOT 743: «Α-12» → ``A12``), everything else
    dropped; when longer than 8, the *last* 8 characters are kept, since the running number is at the end.
    """
    text = "".join(c for c in unicodedata.normalize("NFD", text.upper()) if not unicodedata.combining(c))
    kept = "".join(c for c in text.translate(_GREEK) if c.isascii() and c.isalnum())
    return kept[-8:] or fallback


def build_amount_request(request: PaymentRequest, *, ecr_no: str, timestamp: datetime) -> AmountRequest:
    """The AMOUNT message for ``request``; raises ValueError/UnsupportedOperation for a programming error."""
    kind = _KINDS.get(request.operation)
    if kind is None:
        raise UnsupportedOperation(f"Ο οδηγός ecr_socket δεν εκτελεί «{request.operation}»")
    if request.session is None:
        raise ValueError("PaymentRequest.session is required by the socket protocol (allocated by the service)")
    if request.ecr_token is not None and request.provider_proof is not None:
        raise ValueError("A payment carries either an ECR token or a provider signature, not both")
    plain = AmountRequest(
        kind=kind, session=request.session, amount_cents=request.amount_cents, timestamp=timestamp, ecr_no=ecr_no,
        operator=protocol_alnum(request.operator, "1"),
        receipt_no=protocol_alnum(request.receipt_number, f"{request.session:06d}"),
    )
    token, proof = request.ecr_token, request.provider_proof
    if token is None and proof is None:
        return plain
    data = None if proof is None else ProviderSignatureData(
        proof.uid, proof.mark, proof.timestamp, proof.net_cents, proof.vat_cents, proof.total_cents, proof.provider_id
    )
    return replace(  # A.1155: /R is the fiscal device's id (ECR token route) or our ecr_no (provider route)
        plain, header=Header(version=Version.A1155), ecr_no=None, vat_slots=None,
        ecr_id=token.ecr_id if token else ecr_no, ecr_token=token.token if token else None,
        provider_data=data, provider_signature=proof.signature_der if proof else None,
    )


class _ConnectFailure(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message, self.code = message, code


class _Closed(Exception):
    """The terminal closed the connection."""


class _Link:
    """One TCP connection to the terminal: frames out, typed replies in."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader, self._writer = reader, writer
        self._frames = FrameReader()
        self._ready: deque[bytes] = deque()

    async def send(self, frame: bytes) -> None:
        self._writer.write(frame)
        await self._writer.drain()

    async def receive(self, timeout: float) -> Reply:
        """The next whole reply within ``timeout`` s (split frames and slow drips are reassembled)."""
        async with asyncio.timeout(timeout):
            while not self._ready:
                data = await self._reader.read(4096)
                if not data:
                    self._frames.feed(b"")  # a bad length prefix seen earlier is the real cause: raise it
                    raise _Closed
                self._ready.extend(self._frames.feed(data))
        message = decode(self._ready.popleft())
        if isinstance(message, EchoRequest | AmountRequest):
            raise ProtocolError("Το τερματικό έστειλε αίτημα αντί για απάντηση")
        return message

    async def close(self) -> None:
        self._writer.close()
        with contextlib.suppress(ConnectionError, OSError):
            await self._writer.wait_closed()


def _raw(message: Reply) -> str:
    return message.raw.decode("iso-8859-7", errors="replace")


def _lost(exc: BaseException, waiting_for: str, timeout: float) -> str:
    """Why the reply is unknown, in words the cashier understands."""
    if isinstance(exc, TimeoutError):
        what = f"Το τερματικό δεν απάντησε ({waiting_for}) μέσα σε {timeout:g} δευτερόλεπτα."
    elif isinstance(exc, _Closed):
        what = f"Η σύνδεση με το τερματικό έκλεισε πριν έρθει {waiting_for}."
    elif isinstance(exc, ProtocolError):
        what = f"Το τερματικό έστειλε μη αναγνώσιμη απάντηση αντί για {waiting_for}."
    elif isinstance(exc, OSError):
        what = f"Η σύνδεση με το τερματικό διακόπηκε πριν έρθει {waiting_for}."
    else:
        what = f"Απρόβλεπτο σφάλμα ενώ αναμενόταν {waiting_for}."
    return what + _CHECK


def _approved(result: Result, amount_cents: int) -> Approved:
    data = result.trans_data
    if data is None:  # approved without trans-data: nothing but the amount is known
        return Approved(tid="", amount_cents=amount_cents, final_amount_cents=amount_cents,
                        received_at=athens_now(), raw=_raw(result))
    amount = data.amount_cents if data.amount_cents is not None else amount_cents
    return Approved(
        tid=data.tid or "", amount_cents=amount,
        final_amount_cents=data.final_amount_cents if data.final_amount_cents is not None else amount,
        pan_masked=data.pan_masked or "", card_type=data.card_type or "", rrn=data.rrn or "",
        stan=data.stan or "", batch=data.batch or "", auth_code=data.auth_code or "",
        terminal_time=data.value("datetime") or "", received_at=athens_now(), raw=_raw(result),
    )


def settle(result: Result, amount_cents: int) -> PaymentOutcome:
    """The outcome a RESULT (of the right session) stands for; an unknown response code is in doubt."""
    code, raw = result.response, _raw(result)
    if code is ResponseCode.APPROVED:
        return _approved(result, amount_cents)
    if code is ResponseCode.CANCELLED:
        return Cancelled(code.message, raw)
    if code in _DECLINES:
        return Declined(code.value, code.message + _HINTS.get(code, ""), raw)
    return InDoubt(f"Άγνωστος κωδικός απάντησης τερματικού «{result.response_code}»." + _CHECK, raw)


def refusal(error: ErrorReply) -> Failed | Busy:
    """ERROR: the terminal refused the request, nothing was charged (999: busy, try again later)."""
    if error.error is ErrorCode.BUSY:
        return Busy(error.message, _raw(error))
    return Failed(error.message, error.code, _raw(error))


@register_driver("ecr_socket")
class EcrSocketDriver:
    """A terminal on the LAN, reached at ``config.host:config.port`` (Mellon/NEXI default port 4000).

    ``config.extra["connect_timeout_s"]`` overrides the connect timeout (default 5 s). ``clock`` gives the
    ``/D`` timestamp of AMOUNT requests (Athens local time).
    """

    name: ClassVar[str] = "ecr_socket"
    capabilities: ClassVar[frozenset[Operation]] = frozenset({Operation.ECHO, *_KINDS})
    uses_session_numbers: ClassVar[bool] = True  # the service allocates and persists PaymentRequest.session

    def __init__(self, config: TerminalConfig, *, clock: Callable[[], datetime] = athens_now) -> None:
        self._host, self._port = config.host, config.port
        self._ecr_no = protocol_alnum(config.ecr_no, "1")
        self._confirm_timeout = config.confirm_timeout_s
        self._result_timeout = config.result_timeout_s
        self._connect_timeout = float(config.extra.get("connect_timeout_s", DEFAULT_CONNECT_TIMEOUT_S))
        self._clock = clock
        self._lock = asyncio.Lock()

    async def echo(self) -> EchoResult | Failed:
        """Connection test: the terminal's TID and app version, or a Failed with a specific code and message.

        Codes: ``refused``, ``timeout``, ``unreachable`` (bad or unknown address, no route), ``wrong_protocol``
        (something answered, but not an ECR terminal), or the terminal's own ERROR code (``999`` also while this
        driver is busy with a payment).
        """
        if self._lock.locked():
            return Failed(_BUSY_HERE, ErrorCode.BUSY.value)
        async with self._lock:
            try:
                link = await self._connect()
            except _ConnectFailure as failure:
                return Failed(failure.message, failure.code)
            try:
                await link.send(encode(EchoRequest()))
                reply = await link.receive(self._confirm_timeout)
            except TimeoutError:
                return Failed(f"Η συσκευή στο {self._address} δεν απάντησε στο ECHO μέσα σε "
                              f"{self._confirm_timeout:g} δευτερόλεπτα.", "timeout")
            except (ProtocolError, _Closed, OSError):
                return Failed(f"Η συσκευή στο {self._address} δεν μιλά το πρωτόκολλο ECR (λάθος θύρα ή συσκευή;).",
                              "wrong_protocol")
            finally:
                await link.close()
        if isinstance(reply, ErrorReply):
            return Failed(reply.message, reply.code, _raw(reply))
        if not isinstance(reply, EchoReply):
            return Failed(f"Απρόσμενη απάντηση στο ECHO από το {self._address}.", "wrong_protocol", _raw(reply))
        return EchoResult(reply.tid, reply.app_version or "", _raw(reply))

    async def execute(self, request: PaymentRequest, progress: ProgressCallback | None = None) -> PaymentOutcome:
        """Run one amount operation on the terminal. Expected results are outcomes; see the module docstring."""
        message = build_amount_request(request, ecr_no=self._ecr_no, timestamp=self._clock())
        if self._lock.locked():  # checked and taken without an await in between: atomic under asyncio
            return Busy(_BUSY_HERE)
        async with self._lock:
            outcome = await self._execute(message, SafeProgress(progress))
        log.info("ECR %s συνεδρία %06d ποσό %d: %s", message.kind.value, message.session, message.amount_cents,
                 outcome.kind)
        return outcome

    async def close(self) -> None:
        """Nothing to release: every exchange opens and closes its own connection."""

    @property
    def _address(self) -> str:
        return f"{self._host}:{self._port}"

    async def _execute(self, message: AmountRequest, progress: SafeProgress) -> PaymentOutcome:
        progress(TerminalState.CONNECTING)
        try:
            link = await self._connect()
        except _ConnectFailure as failure:
            return Failed(f"{failure.message} Δεν έγινε χρέωση.", failure.code)
        try:
            return await self._exchange(link, message, progress)
        finally:
            await link.close()

    async def _exchange(self, link: _Link, message: AmountRequest, progress: SafeProgress) -> PaymentOutcome:
        waiting_for, timeout = "η επιβεβαίωση", self._confirm_timeout
        try:  # from the first byte written on, the card may have been charged: every loss is in doubt
            await link.send(encode(message))
            progress(TerminalState.SENT)
            first = await link.receive(timeout)
            if isinstance(first, ErrorReply):
                return refusal(first)
            if isinstance(first, Confirmed) and not first.matches(message):
                return InDoubt(f"Το τερματικό επιβεβαίωσε άλλη συναλλαγή (συνεδρία {first.session:06d}, "
                               f"ποσό {first.amount_cents}) αντί για {message.session:06d}." + _CHECK, _raw(first))
            final = first
            if isinstance(first, Confirmed):
                progress(TerminalState.WAITING_FOR_CARD)
                waiting_for, timeout = "το αποτέλεσμα", self._result_timeout
                final = await link.receive(timeout)
        except Exception as exc:  # noqa: BLE001  (whatever went wrong, the payment is in doubt, not failed)
            log.warning("ECR συνεδρία %06d: απώλεια απάντησης (%s)", message.session, type(exc).__name__)
            return InDoubt(_lost(exc, waiting_for, timeout))
        if not isinstance(final, Result):
            return InDoubt(f"Απρόσμενη απάντηση τερματικού αντί για {waiting_for}." + _CHECK, _raw(final))
        if final.session != message.session:
            return InDoubt(f"Το αποτέλεσμα αφορά άλλη συνεδρία ({final.session:06d} αντί για "
                           f"{message.session:06d})." + _CHECK, _raw(final))
        return settle(final, message.amount_cents)

    async def _connect(self) -> _Link:
        """Open the connection; every failure here happens before a byte is sent (nothing charged)."""
        where = self._address
        if not self._host or not 0 < self._port < 65536:
            raise _ConnectFailure(f"Μη έγκυρη διεύθυνση τερματικού «{where}».", "unreachable")
        try:
            async with asyncio.timeout(self._connect_timeout):
                reader, writer = await asyncio.open_connection(self._host, self._port)
        except ConnectionRefusedError:
            raise _ConnectFailure(f"Το τερματικό στο {where} αρνήθηκε τη σύνδεση: είναι ανοιχτή η εφαρμογή "
                                  "πληρωμών και σωστή η θύρα;", "refused") from None
        except TimeoutError:
            raise _ConnectFailure(f"Καμία απάντηση από το {where} μέσα σε {self._connect_timeout:g} "
                                  "δευτερόλεπτα: είναι αναμμένο το τερματικό και στο ίδιο δίκτυο;", "timeout") from None
        except (socket.gaierror, OSError, ValueError, OverflowError) as exc:
            reason = "η διεύθυνση δεν βρέθηκε" if isinstance(exc, socket.gaierror) else (
                "δεν υπάρχει διαδρομή στο δίκτυο" if getattr(exc, "errno", None) in _UNREACHABLE else "σφάλμα δικτύου")
            raise _ConnectFailure(f"Το τερματικό στο {where} δεν είναι προσβάσιμο ({reason}): ελέγξτε τη "
                                  "διεύθυνση IP (στατική;) και το δίκτυο.", "unreachable") from None
        return _Link(reader, writer)

