"""The simulator's ledger: every charge, refund or void the simulated terminal approved, in order.

It is the simulator's truth for in-doubt scenarios: when the register lost the reply (13.13 €), the ledger still
shows the charge, with ``delivered = false``. Entries are JSON lines, appended and fsync'ed one by one, so a
crash loses at most the entry being written. Nothing secret and no full card number is ever stored.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class LedgerEntry:
    """One approved transaction as the terminal booked it.

    ``reference`` is the socket session number (6 digits) or a WebECR reference; ``delivered`` tells whether the
    terminal managed to send the final reply to the register.

    The fields after ``delivered`` let a restarted WebECR simulator rebuild its cloud history (transactions and
    intents) as the real host keeps it: ``txn_type`` (WebECR TxnType), ``customer_reference`` (the register's
    CustomerReference; "" when none, None when not recorded), ``intent_id``, ``original_transaction_id`` (what a
    void, linked refund or completion refers to), ``cashback_cents``, ``instalments`` and ``preload``. They have
    defaults, so lines written before them still load.
    """

    seq: int
    time: str  # ISO 8601, Europe/Athens
    reference: str
    operation: str
    amount_cents: int
    final_amount_cents: int
    rrn: str
    stan: str
    auth_code: str
    transaction_id: str
    tid: str
    batch: str
    card_type: str
    pan_masked: str
    delivered: bool
    txn_type: int | None = None
    customer_reference: str | None = None
    intent_id: str | None = None
    original_transaction_id: str | None = None
    cashback_cents: int = 0
    instalments: int = 0
    preload: bool = False

    def to_json(self) -> dict[str, Any]:
        """A plain dict for JSON."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LedgerEntry:
        """Read an entry back; unknown keys are ignored, so older simulators' files stay readable."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


class LedgerError(ValueError):
    """The ledger file cannot be read (a Greek message, fit to show)."""


class Ledger:
    """Approved transactions, in memory and (optionally) appended to a JSON-lines file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: list[LedgerEntry] = read_ledger(path) if path is not None and path.exists() else []

    def __iter__(self) -> Iterator[LedgerEntry]:
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> list[LedgerEntry]:
        """A copy of the entries, oldest first."""
        return list(self._entries)

    @property
    def next_seq(self) -> int:
        """The sequence number the next entry gets."""
        return self._entries[-1].seq + 1 if self._entries else 1

    def append(self, entry: LedgerEntry) -> LedgerEntry:
        """Book ``entry``: in memory, then on disk (one line, flushed and fsync'ed) when there is a file."""
        with self._lock:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(line)
                    handle.flush()
                    os.fsync(handle.fileno())
            self._entries.append(entry)
        return entry


def read_ledger(path: Path) -> list[LedgerEntry]:
    """Read a ledger file; a missing file is an empty ledger, a torn last line (crash mid-write) is skipped."""
    if not path.exists():
        return []
    entries: list[LedgerEntry] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(LedgerEntry.from_json(json.loads(line)))
        except (ValueError, TypeError) as exc:
            if number == len(lines):
                break  # the entry being written when the simulator stopped
            raise LedgerError(f"Μη αναγνώσιμη γραμμή {number} στο αρχείο {path}: {exc}") from exc
    return entries
