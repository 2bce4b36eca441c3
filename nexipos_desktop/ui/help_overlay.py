"""F1: a translucent overlay over the till listing the function keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget


class HelpOverlay(QWidget):
    """Covers its parent; any key or click closes it."""

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#helpOverlay { background: rgba(15, 22, 30, 235); } QLabel { color: white; font-size: 16px; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = QLabel(self.tr("Πλήκτρα συντόμευσης"))
        title.setStyleSheet("font-size: 24px; font-weight: bold;")
        table = QWidget()
        table.setMaximumWidth(760)
        grid = QGridLayout(table)
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(1, 1)
        for row, (key, action) in enumerate(shortcuts):
            key_label = QLabel(key)
            key_label.setStyleSheet("font-weight: bold; font-family: monospace; color: #ffd166;")
            grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(QLabel(action), row, 1)
        hint = QLabel(self.tr("Πατήστε οποιοδήποτε πλήκτρο για κλείσιμο"))
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(table, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        layout.setContentsMargins(120, 40, 120, 40)
        parent.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()
            self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.hide()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.hide()
