"""The myDATA indicator of the status bar: documents owed to AADE and refused ones; a click opens the admin view.

The sender reports changes through a plain callback; :class:`MyDataSignals` turns it into a Qt signal.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from nexipos_desktop.ui.tasks import off_thread, spawn

log = logging.getLogger(__name__)


class MyDataSignals(QObject):
    """``changed`` whenever the sender changed the outbox (emitted on the GUI thread: qasync runs the loop there)."""

    changed = Signal()
    _sender = None

    def attach(self, sender) -> None:
        if sender is not self._sender:  # once per sender, however often the window is re-attached
            self._sender = sender
            sender.add_listener(self.changed.emit)


class MyDataIndicator(QPushButton):
    """«myDATA ✓» when nothing is owed, else the counts; red when myDATA refused a document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="mydataStatus")
        self.setFlat(True)
        self.context = None
        self.pending = 0
        self.failed = 0
        self._loading = False
        self._again = False
        self.setText(self.tr("myDATA"))

    def attach(self, context) -> None:
        self.context = context
        self.refresh()

    def refresh(self) -> None:
        """Re-read the counts off the GUI thread (coalesced: one read at a time, one more if asked meanwhile)."""
        if self.context is None or self.context.db is None:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        spawn(self._load(), on_error=lambda exc: log.warning("myDATA counts: %s", exc))

    async def _load(self) -> None:
        from nexipos_desktop.storage.mydata_outbox import outbox_counts

        try:
            counts = await off_thread(outbox_counts, self.context.db)
        finally:
            self._loading = False
        self.show_counts(counts.pending, counts.failed)
        if self._again:
            self._again = False
            self.refresh()

    def show_counts(self, pending: int, failed: int) -> None:
        self.pending, self.failed = pending, failed
        sender = getattr(self.context, "mydata", None)
        parts = []
        if pending:
            parts.append(self.tr("{0} σε αναμονή").format(pending))
        if failed:
            parts.append(self.tr("{0} απορρίφθηκαν").format(failed))
        if sender is None:
            parts.insert(0, self.tr("δεν έχει ρυθμιστεί"))
        elif sender.online is False:
            parts.insert(0, self.tr("χωρίς σύνδεση"))
        self.setText(self.tr("myDATA: {0}").format(" · ".join(parts)) if parts else self.tr("myDATA ✓"))
        colour = "#8a1c12" if failed else ("#8a5a00" if pending else "#0d5223")
        self.setStyleSheet(f"QPushButton {{ color: {colour}; font-weight: bold; border: none; padding: 0 6px; }}")
        problem = sender.last_problem if sender is not None else ""
        self.setToolTip(problem or self.tr("Διαβίβαση παραστατικών στην ΑΑΔΕ (myDATA): κλικ για λεπτομέρειες"))
