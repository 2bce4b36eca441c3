"""The caller's progress callback as every driver calls it: a failing callback never disturbs the payment."""

from __future__ import annotations

import logging

from nexipos_desktop.payments.contract import ProgressCallback, TerminalState

log = logging.getLogger(__name__)


class SafeProgress:
    """Wraps the caller's progress callback; a failing callback is logged and never disturbs the payment."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._callback = callback

    def __call__(self, state: TerminalState) -> None:
        if self._callback is None:
            return
        try:
            self._callback(state)
        except Exception:  # noqa: BLE001
            log.exception("Σφάλμα στην αναφορά προόδου πληρωμής")
