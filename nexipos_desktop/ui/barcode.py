"""Barcode scanners as keyboard wedges: fast digits followed by Enter, anywhere in the window."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MAX_GAP_S = 0.05  # scanners type a digit every few ms; people need over 50 ms
MIN_DIGITS = 6


class BarcodeScanner(QObject):
    """Watches the keys typed while ``window`` is active and turns a scanner burst into ``scanned(code)``.

    Digits are held back for up to ``MAX_GAP_S``; if no more digits or Enter follow in time, they are handed on
    to the focused widget unchanged, so typing by hand still works everywhere.
    """

    scanned = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._held: list[QKeyEvent] = []
        self._last = 0.0
        self._replaying = False
        self._flush = QTimer(self, singleShot=True, interval=int(MAX_GAP_S * 1000), timeout=self._release)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying or event.type() != QEvent.Type.KeyPress or not self._window.isActiveWindow():
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        key = event.key()
        now = time.monotonic()
        fast = not self._held or now - self._last <= MAX_GAP_S
        self._last = now
        if event.text().isdigit() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if not fast:
                self._release()
            self._held.append(QKeyEvent(event.type(), key, event.modifiers(), event.text()))
            self._flush.start()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and fast and len(self._held) >= MIN_DIGITS:
            code = "".join(e.text() for e in self._held)
            self._held.clear()
            self._flush.stop()
            self.scanned.emit(code)
            return True
        self._release()
        return False

    def _release(self) -> None:
        """Hand held-back digits to the focused widget, as typed."""
        self._flush.stop()
        held, self._held = self._held, []
        target = QApplication.focusWidget()
        if target is None or not held:
            return
        self._replaying = True
        try:
            for event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
