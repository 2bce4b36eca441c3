"""A protocol-independent model of a NEXI card terminal: what it decides, whatever protocol asked.

The socket server and the WebECR server turn requests into :class:`Charge` objects and reply from the
:class:`TerminalOutcome`; both may share one model (one terminal, one ledger, one busy flag). The model keeps the TID, app version, busy flag, batch, the session numbers or
references it has seen, verifies A.1155 proofs, and books every approval in its :class:`Ledger`.

Magic amounts (certification-scenarios.md; the first three are the acquirers', the rest are ours). They apply
to every amount operation (sale, MOTO, pre-authorisation, completion, cash advance, refund, void); delays are
divided by ``time_scale``:

==========  ======================================================================================
 amount      behaviour
==========  ======================================================================================
 9.99 €      declined by the host (response 05)                                   — scenario 14
 22.22 €     approved after 150 s                                                 — scenario 15
 13.13 €     approved and booked, then the connection drops before the reply      — scenario 16
 3.33 €      cancelled by the operator on the terminal, red key (response 03)     — scenario 13
 7.77 €      terminal busy: refused at once (socket: ERROR 999)                   — scenario 18
 8.88 €      batch full: refused after the request was accepted (response 66)     — scenario 18
 5.55 €      slow PIN entry: approved after 30 s
 4.44 €      approved with a 0.50 € tip added on the terminal (final amount ≠ amount)
 4.04 €      declined by the terminal (response 04)
 6.06 €      communication problem (response 06)
 9.09 €      host unreachable (response 09)
 6.66 €      the terminal never reports a result: nothing charged, no reply (WebECR: Result UNKNOWN)
==========  ======================================================================================

Batch full: the socket protocol has no batch-full code; a terminal whose batch is full accepts the request and
answers RESULT ``66`` (system error), so the register can only show "system error — close the batch". The
simulator does the same for 8.88 € and whenever ``batch_capacity`` approvals are already in the batch; the
outcome says ``batch_full`` so that WebECR can answer MAX_TRANSACTIONS.
Any other amount is approved after ``processing_delay_s`` (scaled; 0 for benchmarks).

Proofs: a provider signature is verified against every configured public key (PEM) over the A.1155 clear text
with the request's amount and this terminal's TID; a bad one is declined (04). An ECR token is checked when a
``token_verifier`` is configured (the real MAC is not public). Unsigned requests are accepted unless
``require_signature`` (then a provider signature or an ECR token is required).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from nexipos_desktop.clock import athens_now
from nexipos_desktop.fiscal.provider_signature import SigningError, signature_clear_text, verify_signature
from nexipos_desktop.payments.contract import ProviderProof
from nexipos_desktop.payments.ecr_types import ResponseCode
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry

DEFAULT_TID = "64999999"
DEFAULT_APP_VERSION = "NEXIPOS-SIM 1.0"
ACQUIRER_ID = "11"
_TEST_CARDS = (("Visa Credit", "************0010"), ("Mastercard Debit", "************4444"),
               ("Maestro", "************0019"))


class ChargeOperation(StrEnum):
    """What a register asked the terminal to do with an amount."""

    SALE = "sale"
    CASH_ADVANCE = "cash_advance"
    REFUND = "refund"
    VOID = "void"
    MOTO = "moto"
    PREAUTH = "preauth"
    PREAUTH_COMPLETION = "preauth_completion"


class Refusal(StrEnum):
    """Why the terminal refused a request before taking it (nothing booked, the session is not used up)."""

    BUSY = "busy"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class MagicAmount:
    """One row of the magic-amount table: an amount that forces an outcome."""

    cents: int
    description: str
    response_code: ResponseCode = ResponseCode.APPROVED
    delay_s: float | None = None  # unscaled; None: the normal processing delay
    busy: bool = False
    drop_after_approval: bool = False
    tip_cents: int = 0
    batch_full: bool = False
    no_report: bool = False


MAGIC_AMOUNTS: dict[int, MagicAmount] = {
    magic.cents: magic
    for magic in (
        MagicAmount(999, "απόρριψη από την τράπεζα (κωδικός 05)", ResponseCode.DECLINED_BY_HOST),
        MagicAmount(2222, "έγκριση μετά από 150 δευτερόλεπτα", delay_s=150.0),
        MagicAmount(1313, "έγκριση και καταχώριση, μετά διακοπή σύνδεσης πριν την απάντηση",
                    drop_after_approval=True),
        MagicAmount(333, "ακύρωση από τον χειριστή στο τερματικό (κωδικός 03)", ResponseCode.CANCELLED),
        MagicAmount(777, "τερματικό απασχολημένο (ERROR 999)", busy=True),
        MagicAmount(888, "γεμάτο πακέτο: σφάλμα συστήματος (κωδικός 66)", ResponseCode.SYSTEM_ERROR,
                    batch_full=True),
        MagicAmount(555, "αργή πληκτρολόγηση PIN: έγκριση μετά από 30 δευτερόλεπτα", delay_s=30.0),
        MagicAmount(444, "έγκριση με φιλοδώρημα 0,50 € (τελικό ποσό ≠ ποσό)", tip_cents=50),
        MagicAmount(404, "απόρριψη από το τερματικό (κωδικός 04)", ResponseCode.DECLINED_BY_TERMINAL),
        MagicAmount(606, "πρόβλημα επικοινωνίας (κωδικός 06)", ResponseCode.COMMUNICATION_PROBLEM),
        MagicAmount(909, "δεν υπάρχει σύνδεση με την τράπεζα (κωδικός 09)", ResponseCode.HOST_UNREACHABLE),
        MagicAmount(666, "το τερματικό δεν αναφέρει αποτέλεσμα: τίποτα δεν χρεώνεται, καμία απάντηση",
                    ResponseCode.SYSTEM_ERROR, no_report=True),
    )
}


def new_transaction_id() -> str:
    """A fresh 21-digit transaction id, the unique payment id Greek law asks for (e.g. ``075121702285176315144``)."""
    return f"{secrets.randbelow(10**21):021d}"


def magic_amount_lines() -> list[str]:
    """The magic-amount table as text lines (for the command line)."""
    return [f"{m.cents // 100:>5},{m.cents % 100:02d} €  {m.description}" for m in MAGIC_AMOUNTS.values()]


@dataclass(frozen=True)
class Charge:
    """One amount request, whatever protocol carried it.

    ``reference`` is the socket session number (6 digits) or a WebECR reference; ``signed_command`` is the text an
    ECR token covers (the socket AMOUNT command without ``/Q``); ``tip_cents`` is a tip the register asked for
    (the terminal may add its own).
    """

    operation: ChargeOperation
    amount_cents: int
    reference: str
    provider_proof: ProviderProof | None = None
    ecr_token: str | None = None
    signed_command: str | None = None
    tip_cents: int = 0
    proof_checked: bool = False  # no proof needed here: a void of a signed payment, a preload signed when sent,
    # or a transaction keyed on the terminal's own menu


@dataclass(frozen=True)
class Approval:
    """What the terminal and the host produced for an approved charge."""

    tid: str
    card_type: str
    pan_masked: str
    amount_cents: int
    final_amount_cents: int
    acquirer_id: str
    batch: str
    rrn: str
    stan: str
    auth_code: str
    transaction_id: str
    time: datetime


@dataclass(frozen=True)
class TerminalOutcome:
    """The terminal's answer to an accepted charge.

    ``drop_reply``: no reply reaches the register (an approval is booked first; without one nothing was charged);
    ``batch_full``: refused because the batch is full (close it on the terminal).
    """

    response_code: ResponseCode
    message: str
    approval: Approval | None = None
    drop_reply: bool = False
    batch_full: bool = False


class TerminalModel:
    """A NEXI terminal's state and decisions (one transaction at a time)."""

    def __init__(
        self,
        *,
        tid: str = DEFAULT_TID,
        app_version: str = DEFAULT_APP_VERSION,
        time_scale: float = 1.0,
        processing_delay_s: float = 0.2,
        public_keys: Iterable[bytes | str] = (),
        require_signature: bool = False,
        token_verifier: Callable[[str, str], bool] | None = None,
        ledger: Ledger | None = None,
        batch_number: int = 1,
        batch_capacity: int | None = None,
        clock: Callable[[], datetime] = athens_now,
    ) -> None:
        if not (tid.isascii() and tid.isalnum() and 1 <= len(tid) <= 16):
            raise ValueError(f"Μη έγκυρο TID: {tid!r}")
        if time_scale <= 0 or processing_delay_s < 0:
            raise ValueError("Η κλίμακα χρόνου πρέπει να είναι θετική και η καθυστέρηση μη αρνητική")
        self.tid = tid
        self.app_version = app_version
        self.time_scale = time_scale
        self.processing_delay_s = processing_delay_s
        self.public_keys = tuple(public_keys)
        for key in self.public_keys:
            verify_signature(key, "check", b"")  # raises SigningError for an unusable key, now rather than later
        self.require_signature = require_signature
        self.token_verifier = token_verifier
        self.ledger = ledger if ledger is not None else Ledger()
        self.batch_number = batch_number
        self.batch_capacity = batch_capacity
        self.busy = False
        self.sessions_seen: set[str] = set()
        self._clock = clock
        self._stan = max((int(e.stan) for e in self.ledger if e.stan.isdigit()), default=0)
        self._in_batch = sum(1 for e in self.ledger if e.batch == f"{batch_number:06d}")

    def now(self) -> datetime:
        """The terminal's clock (Europe/Athens)."""
        return self._clock()

    def scaled(self, seconds: float) -> float:
        """Real seconds to wait for ``seconds`` of terminal time."""
        return seconds / self.time_scale

    def accept(self, charge: Charge) -> Refusal | None:
        """Take ``charge`` (the terminal becomes busy and the reference is used up) or say why not."""
        magic = MAGIC_AMOUNTS.get(charge.amount_cents)
        if self.busy or (magic is not None and magic.busy):
            return Refusal.BUSY
        if charge.reference in self.sessions_seen:
            return Refusal.DUPLICATE
        self.sessions_seen.add(charge.reference)
        self.busy = True
        return None

    def finish(self) -> None:
        """The accepted charge is over; the terminal takes the next request."""
        self.busy = False

    async def process(self, charge: Charge) -> TerminalOutcome:
        """Verify the proof, wait (card, PIN, host) and decide. An approval is not booked yet: see :meth:`record`."""
        problem = self._proof_problem(charge)
        if problem is not None:
            return TerminalOutcome(ResponseCode.DECLINED_BY_TERMINAL, problem)
        magic = MAGIC_AMOUNTS.get(charge.amount_cents)
        delay = magic.delay_s if magic is not None and magic.delay_s is not None else self.processing_delay_s
        await asyncio.sleep(self.scaled(delay))
        if magic is not None and magic.response_code != ResponseCode.APPROVED:
            return TerminalOutcome(magic.response_code, magic.description, drop_reply=magic.no_report,
                                   batch_full=magic.batch_full)
        if self.batch_capacity is not None and self._in_batch >= self.batch_capacity:
            return TerminalOutcome(ResponseCode.SYSTEM_ERROR, "Το πακέτο είναι γεμάτο", batch_full=True)
        approval = self._approve(charge, magic.tip_cents if magic is not None else 0)
        dropped = magic is not None and magic.drop_after_approval
        return TerminalOutcome(ResponseCode.APPROVED, ResponseCode.APPROVED.message, approval, dropped)

    def record(self, charge: Charge, approval: Approval, *, delivered: bool, **details: Any) -> LedgerEntry:
        """Book an approved charge in the ledger, saying whether its reply reached the register; ``details`` are
        the protocol's own :class:`LedgerEntry` fields (WebECR: ``txn_type``, ``customer_reference``, …)."""
        entry = LedgerEntry(
            seq=self.ledger.next_seq, time=approval.time.isoformat(timespec="seconds"),
            reference=charge.reference, operation=charge.operation.value, amount_cents=approval.amount_cents,
            final_amount_cents=approval.final_amount_cents, rrn=approval.rrn, stan=approval.stan,
            auth_code=approval.auth_code, transaction_id=approval.transaction_id, tid=approval.tid,
            batch=approval.batch, card_type=approval.card_type, pan_masked=approval.pan_masked,
            delivered=delivered, **details,
        )
        return self.ledger.append(entry)

    def close_batch(self) -> int:
        """Close the batch («Κλείσιμο Πακέτου»); returns the new batch number."""
        self.batch_number += 1
        self._in_batch = 0
        return self.batch_number

    def _proof_problem(self, charge: Charge) -> str | None:
        if charge.proof_checked:
            return None
        if charge.provider_proof is not None:
            return None if self._signature_valid(charge) else "Μη έγκυρη υπογραφή παρόχου (A.1155)"
        if charge.ecr_token is not None:
            verifier = self.token_verifier
            if verifier is not None and not verifier(charge.signed_command or "", charge.ecr_token):
                return "Μη έγκυρο ECR token (A.1155)"
            return None
        return "Λείπει η υπογραφή A.1155" if self.require_signature else None

    def _signature_valid(self, charge: Charge) -> bool:
        proof = charge.provider_proof
        assert proof is not None
        if not self.public_keys:  # nothing to verify against: accepted unless proofs are required
            return not self.require_signature
        try:
            text = signature_clear_text(proof.uid, proof.mark, proof.timestamp, proof.net_cents, proof.vat_cents,
                                        proof.total_cents, charge.amount_cents, self.tid)
        except SigningError:
            return False
        return any(verify_signature(key, text, proof.signature_der) for key in self.public_keys)

    def _approve(self, charge: Charge, tip_cents: int) -> Approval:
        self._stan += 1
        self._in_batch += 1
        now = self._clock()
        card_type, pan = _TEST_CARDS[self._stan % len(_TEST_CARDS)]
        return Approval(
            tid=self.tid, card_type=card_type, pan_masked=pan, amount_cents=charge.amount_cents,
            final_amount_cents=charge.amount_cents + charge.tip_cents + tip_cents, acquirer_id=ACQUIRER_ID,
            batch=f"{self.batch_number:06d}", rrn=f"{now:%y}{now.timetuple().tm_yday:03d}{self._stan:07d}",
            stan=f"{self._stan % 1_000_000:06d}", auth_code=f"{(self._stan * 7919 + 104729) % 1_000_000:06d}",
            transaction_id=new_transaction_id(), time=now,
        )
