"""A restarted WebECR simulator remembers, like the real cloud: its history is rebuilt from the terminal's ledger.

Every approved transaction of the ledger (whatever protocol asked for it, or the terminal's own menu) becomes a
``transaction/`` row again; voids mark their original voided, linked refunds and completions count against
theirs; and what a register started with a ``CustomerReference`` gets back its completed intent, so that
``transactionintent/?CustomerReference=…``, ``txnvoid`` by intent Id or TransactionId and refunds by
``InitialTransaction`` work on sales made before the restart.

Only approvals are in the ledger: declined, cancelled or failed intents and preloads still waiting are not
rebuilt (nothing was charged for them). Lines written before the WebECR fields existed are read as well as can
be: the TxnType from the operation, the reference as CustomerReference unless it is a socket session number or
a by-hand one, and a void without its original's id voids the latest earlier transaction of its amount.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Protocol

from nexipos_desktop.payments.ecr_types import ResponseCode
from nexipos_desktop.simulator.ledger import LedgerEntry
from nexipos_desktop.simulator.webecr_records import ATHENS, HostTransaction, Intent, Result, TxnType

#: The TxnType of a ledger line that does not say (written before the WebECR fields existed).
TXN_TYPES = {"sale": TxnType.SALE, "refund": TxnType.REFUND, "preauth": TxnType.PREAUTH,
             "preauth_completion": TxnType.PREAUTH_COMPLETION, "moto": TxnType.MOTO,
             "cash_advance": TxnType.CASH_ADVANCE}


class _Terminal(Protocol):
    id: int
    mid: str
    acquirer: str

    @property
    def tid(self) -> str: ...


def customer_reference(entry: LedgerEntry) -> str:
    """The register's CustomerReference of a ledger line ("" for the socket protocol and the terminal's menu)."""
    if entry.customer_reference is not None:
        return entry.customer_reference
    reference = entry.reference
    return "" if reference.isdigit() or reference.startswith("TERMINAL-") else reference


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ATHENS)


def rebuild(entries: Iterable[LedgerEntry], terminals: Mapping[int, _Terminal]
            ) -> tuple[list[HostTransaction], list[Intent]]:
    """The host's transactions and intents as they were when ``entries`` (oldest first) were booked.

    Entries of a TID no terminal of the host has are left out.
    """
    by_tid = {t.tid: t for t in terminals.values()}
    transactions: list[HostTransaction] = []
    intents: list[Intent] = []
    by_id: dict[str, HostTransaction] = {}
    for entry in entries:
        terminal = by_tid.get(entry.tid)
        if terminal is None:
            continue
        at = _time(entry.time)
        reference = customer_reference(entry)
        original = by_id.get(entry.original_transaction_id or "")
        if entry.operation == "void":
            original = original or _voided_by_old_line(entry, transactions)
            if original is None or original.voided:
                continue
            original.voided, original.void_timestamp = True, at
            transaction = original
            txn_type, amount, tip = original.txn_type, original.amount, original.tip
        else:
            txn_type = TxnType(entry.txn_type) if entry.txn_type is not None else \
                TXN_TYPES.get(entry.operation, TxnType.SALE)
            amount, tip = entry.amount_cents, entry.final_amount_cents - entry.amount_cents
            transaction = HostTransaction(
                len(transactions) + 1, entry.transaction_id, txn_type, at, entry.tid, terminal.mid,
                terminal.acquirer, amount, tip=tip, cashback=entry.cashback_cents, instalments=entry.instalments,
                pan_masked=entry.pan_masked, card_type=entry.card_type, stan=entry.stan, batch=entry.batch,
                rrn=entry.rrn, auth_code=entry.auth_code, original_rrn=original.rrn if original else None,
                original_auth_code=original.auth_code if original else None, customer_reference=reference or None)
            transactions.append(transaction)
            by_id[entry.transaction_id] = transaction
            if original is not None and txn_type is TxnType.REFUND:
                original.refunded += amount
            elif original is not None and txn_type is TxnType.PREAUTH_COMPLETION:
                original.completed = True
        if not reference:
            continue  # no register asked for it: nothing to find by CustomerReference
        intent = Intent(entry.intent_id or f"restored-{entry.seq}", terminal.id, entry.tid, txn_type, amount,
                        reference, at, tip=tip, cashback=entry.cashback_cents, instalments=entry.instalments,
                        initial_transaction=original.transaction_id if original else None,
                        is_void=entry.operation == "void", preload=entry.preload)
        intent.complete(Result.APPROVED, ResponseCode.APPROVED.message, ResponseCode.APPROVED.value, transaction)
        intents.append(intent)
    return transactions, intents


def _voided_by_old_line(entry: LedgerEntry, transactions: list[HostTransaction]) -> HostTransaction | None:
    """The transaction an old void line (no original id) voided: the latest earlier one of its TID and amount."""
    return next((t for t in reversed(transactions) if t.tid == entry.tid and t.amount == entry.amount_cents
                 and not t.voided and t.txn_type is not TxnType.REFUND), None)


def ordered(ledgers: Iterable[Iterable[LedgerEntry]]) -> list[LedgerEntry]:
    """The entries of several ledgers, oldest first (each ledger keeps its own order for equal times)."""
    return sorted((entry for ledger in ledgers for entry in ledger), key=lambda e: _time(e.time))
