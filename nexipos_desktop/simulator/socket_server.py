"""A NEXI terminal on the ECR–POS socket protocol: an asyncio TCP server around a :class:`TerminalModel`.

Like a real terminal it serves one request per connection and one transaction at a time: ECHO gets the TID and
app version; AMOUNT gets CONFIRMED, then (after the card, PIN and host) RESULT; the connection is closed after
the final reply. It answers ERROR 999 while busy, 002 on a repeated session number, 003 on a syntax error,
004 on a currency other than euro, 001 on an unknown protocol version. Replies are tagged ``MEL`` for version
``01`` and ``POS`` for version ``10`` requests, with the request's variant.

The transaction runs to its end on the terminal whatever happens to the connection (a real terminal cannot
tell that the register gave up): the ledger therefore shows what was charged even when the reply was lost.

Fault injection (:class:`Fault`, settable at any time through :attr:`SocketTerminalSimulator.faults`):
``drop_before_confirmed`` closes the connection before CONFIRMED (the request is dropped, nothing charged);
``garbage`` sends junk bytes instead of every reply; ``split_frames`` sends replies in 3-byte chunks;
``slow_drip`` sends them one byte at a time with ``drip_delay_s`` between bytes; ``wrong_session`` puts another
session number in the RESULT and ``wrong_confirmation`` in the CONFIRMED; ``drop_after_approval`` books any
approval and then drops the connection without RESULT (like 13.13 €).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from enum import StrEnum

from nexipos_desktop.payments.contract import ProviderProof
from nexipos_desktop.payments.ecr_codec import AmountRequest, Confirmed, EchoReply, EchoRequest, ErrorCode
from nexipos_desktop.payments.ecr_codec import ErrorReply, FrameReader, Header, Message, ProtocolError, Result
from nexipos_desktop.payments.ecr_codec import TransactionType, TransData, Variant, Version, decode, encode
from nexipos_desktop.payments.ecr_fields import TRANS_DATA_LAYOUT
from nexipos_desktop.payments.ecr_types import Direction
from nexipos_desktop.payments.ecr_values import format_timestamp
from nexipos_desktop.simulator.terminal_model import Approval, Charge, ChargeOperation, Refusal, TerminalModel
from nexipos_desktop.simulator.terminal_model import TerminalOutcome

log = logging.getLogger(__name__)

EURO = 978
GARBAGE = b"\x00\x0e\x89PNG\r\n\x1a\n\x00\x00\x00\rIH"  # a plausible length prefix, then bytes of no protocol
_OPERATIONS = {
    TransactionType.SALE: ChargeOperation.SALE, TransactionType.CASH_ADVANCE: ChargeOperation.CASH_ADVANCE,
    TransactionType.REFUND: ChargeOperation.REFUND, TransactionType.VOID: ChargeOperation.VOID,
}
_REFUSAL_CODES = {Refusal.BUSY: ErrorCode.BUSY, Refusal.DUPLICATE: ErrorCode.DUPLICATE_SESSION}


class Fault(StrEnum):
    """Faults to inject into replies (see the module docstring)."""

    DROP_BEFORE_CONFIRMED = "drop_before_confirmed"
    GARBAGE = "garbage"
    SPLIT_FRAMES = "split_frames"
    SLOW_DRIP = "slow_drip"
    WRONG_SESSION = "wrong_session"
    WRONG_CONFIRMATION = "wrong_confirmation"
    DROP_AFTER_APPROVAL = "drop_after_approval"


def reply_header(request: Header) -> Header:
    """The header of a reply to ``request``: ``MEL`` for version 01, ``POS`` for version 10, same variant."""
    direction = Direction.POS if request.version is Version.A1155 else Direction.MEL
    return Header(direction, request.variant, request.version)


def _header_of_frame(frame: bytes) -> Header:
    """Best-effort reply header for a frame that may not decode (falls back to ``MEL0101``)."""
    version = Version.A1155 if frame[7:9] == b"10" else Version.BASE
    variant = Variant.REGISTER_PRINTS if frame[5:7] == b"02" else Variant.STANDARD
    return reply_header(Header(Direction.ECR, variant, version))


def trans_data(approval: Approval, version: Version) -> TransData:
    """The ``/D`` trans-data of an approval in ``version``'s layout (unknown v10 subfields are ``0``)."""
    values = {
        "card_type": approval.card_type, "pan_masked": approval.pan_masked,
        "amount": str(approval.amount_cents), "final_amount": str(approval.final_amount_cents),
        "acquirer_id": approval.acquirer_id, "tid": approval.tid, "batch": approval.batch, "rrn": approval.rrn,
        "stan": approval.stan, "auth_code": approval.auth_code, "datetime": format_timestamp(approval.time),
    }
    return TransData(tuple(values.get(name or "", "0") for name in TRANS_DATA_LAYOUT[version]), version)


class _Connection:
    """One register connection: reads one request frame, writes replies with the injected faults."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 server: SocketTerminalSimulator) -> None:
        self._reader, self._writer, self._server = reader, writer, server
        self._frames = FrameReader()

    async def read_frame(self, timeout: float) -> bytes | None:
        """The first complete frame, or None when the register hung up or stayed silent."""
        async with asyncio.timeout(timeout):
            while True:
                data = await self._reader.read(4096)
                if not data:
                    return None
                frames = self._frames.feed(data)
                if frames:
                    return frames[0]

    async def send(self, message: Message) -> bool:
        """Send one reply (as the faults dictate); True when the bytes went out intact."""
        faults = self._server.faults
        data = GARBAGE if Fault.GARBAGE in faults else encode(message)
        chunk = 1 if Fault.SLOW_DRIP in faults else 3 if Fault.SPLIT_FRAMES in faults else len(data)
        delay = self._server.drip_delay_s if Fault.SLOW_DRIP in faults else 0.001
        try:
            for start in range(0, len(data), chunk):
                if self._writer.is_closing():
                    return False
                self._writer.write(data[start:start + chunk])
                await self._writer.drain()
                if chunk < len(data):
                    await asyncio.sleep(delay)
        except (ConnectionError, OSError):
            return False
        return data is not GARBAGE

    async def close(self) -> None:
        """Close the connection (what the terminal does after its final reply)."""
        self._writer.close()
        with contextlib.suppress(ConnectionError, OSError):
            await self._writer.wait_closed()


class SocketTerminalSimulator:
    """The simulated terminal's TCP server. ``await start(host, port)`` (port 0: any free port) → :attr:`port`."""

    def __init__(self, model: TerminalModel | None = None, faults: Iterable[Fault | str] = (), *,
                 drip_delay_s: float = 0.002, idle_timeout_s: float = 30.0) -> None:
        self.model = model if model is not None else TerminalModel()
        self.faults: set[Fault] = {Fault(fault) for fault in faults}
        self.drip_delay_s = drip_delay_s
        self.idle_timeout_s = idle_timeout_s
        self.host = ""
        self.port = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[object]] = set()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen on ``host:port``; the bound port is then in :attr:`port`."""
        self._server = await asyncio.start_server(self._on_connection, host, port)
        self.host, self.port = self._server.sockets[0].getsockname()[:2]

    async def serve_forever(self) -> None:
        """Serve until cancelled (Ctrl-C on the command line)."""
        assert self._server is not None, "start() first"
        await self._server.serve_forever()

    async def wait_idle(self) -> None:
        """Wait until every connection, and the transaction it carries, has finished."""
        while self._handlers:
            await asyncio.gather(*list(self._handlers), return_exceptions=True)

    async def close(self) -> None:
        """Stop listening and end running transactions."""
        if self._server is not None:
            self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*list(self._handlers), return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def __aenter__(self) -> SocketTerminalSimulator:
        if self._server is None:
            await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _on_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        connection = _Connection(reader, writer, self)
        try:
            await self._serve(connection)
        except Exception:  # a simulator bug must not kill the server; the register sees a dropped connection
            log.exception("Σφάλμα του προσομοιωτή")
        finally:
            await connection.close()
            self._handlers.discard(task)

    async def _serve(self, connection: _Connection) -> None:
        try:
            frame = await connection.read_frame(self.idle_timeout_s)
        except ProtocolError as exc:  # a length prefix no terminal would accept
            await connection.send(ErrorReply(exc.error_code.value))
            return
        except (TimeoutError, ConnectionError, OSError):
            return
        if frame is None:
            return
        header = _header_of_frame(frame)
        if self.model.busy:
            await connection.send(ErrorReply(ErrorCode.BUSY.value, header))
            return
        try:
            request = decode(frame)
        except ProtocolError as exc:
            await connection.send(ErrorReply(exc.error_code.value, header))
            return
        if isinstance(request, EchoRequest):
            log.info("ECHO → TID %s", self.model.tid)
            await connection.send(EchoReply(request.text, self.model.tid, self.model.app_version,
                                            header=reply_header(request.header)))
        elif isinstance(request, AmountRequest):
            await self._amount(connection, request)
        else:  # a reply sent to the terminal
            await connection.send(ErrorReply(ErrorCode.SYNTAX_ERROR.value, header))

    async def _amount(self, connection: _Connection, request: AmountRequest) -> None:
        header = reply_header(request.header)
        if (request.currency, request.exponent) != (EURO, 2):
            await connection.send(ErrorReply(ErrorCode.CURRENCY_MISMATCH.value, header))
            return
        charge = self._charge(request)
        refusal = self.model.accept(charge)
        if refusal is not None:
            log.info("%s συνεδρία %s ποσό %d → ERROR %s", charge.operation, charge.reference, charge.amount_cents,
                     _REFUSAL_CODES[refusal].value)
            await connection.send(ErrorReply(_REFUSAL_CODES[refusal].value, header))
            return
        try:
            await self._transaction(connection, request, charge, header)
        finally:
            self.model.finish()

    async def _transaction(self, connection: _Connection, request: AmountRequest, charge: Charge,
                           header: Header) -> None:
        if Fault.DROP_BEFORE_CONFIRMED in self.faults:
            return  # the request is dropped: nothing charged
        session = self._other(request.session) if Fault.WRONG_CONFIRMATION in self.faults else request.session
        await connection.send(Confirmed(session, request.amount_cents, header=header))
        outcome = await self.model.process(charge)
        log.info("%s συνεδρία %s ποσό %d → %s %s", charge.operation, charge.reference, charge.amount_cents,
                 outcome.response_code.value, outcome.message)
        approval = outcome.approval
        if outcome.drop_reply or (approval is not None and Fault.DROP_AFTER_APPROVAL in self.faults):
            if approval is not None:  # booked, but the RESULT never leaves the terminal
                self.model.record(charge, approval, delivered=False)
            return
        delivered = await connection.send(self._result(request, header, outcome))
        if approval is not None:
            self.model.record(charge, approval, delivered=delivered)

    def _result(self, request: AmountRequest, header: Header, outcome: TerminalOutcome) -> Result:
        session = self._other(request.session) if Fault.WRONG_SESSION in self.faults else request.session
        a1155 = header.version is Version.A1155  # A.1155 terminals echo R, T and M before C
        return Result(
            session=session, response_code=outcome.response_code.value,
            trans_data=None if outcome.approval is None else trans_data(outcome.approval, header.version),
            ecr_id=request.ecr_id if a1155 else None, receipt_no=request.receipt_no if a1155 else None,
            custom=request.custom if a1155 else None, header=header,
        )

    def _charge(self, request: AmountRequest) -> Charge:
        proof = None
        data, signature = request.provider_data, request.provider_signature
        if data is not None or signature is not None:
            proof = ProviderProof(
                uid=data.uid if data else "", mark=data.mark if data else "",
                timestamp=data.signature_timestamp if data else "", net_cents=data.net_cents if data else 0,
                vat_cents=data.vat_cents if data else 0, total_cents=data.total_cents if data else 0,
                provider_id=data.provider_id if data else "", signature_der=signature or b"",
            )
        signed = None
        if request.ecr_token is not None:  # the token covers the command as sent, without its /Q field
            signed = request.raw.decode("ascii").replace(f"/Q{request.ecr_token}", "")
        return Charge(_OPERATIONS[request.kind], request.amount_cents, f"{request.session:06d}", proof,
                      request.ecr_token, signed)

    @staticmethod
    def _other(session: int) -> int:
        return (session + 1) % 1_000_000

