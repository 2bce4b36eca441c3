"""TCPSocket: the terminal's IP and port, «Δοκιμή σύνδεσης» (ECHO, asynchronous), the static-IP advice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nexipos_desktop.admin.connection import DEFAULT_PORT, AddressError, is_local, validate_ip
from nexipos_desktop.admin.connection import validate_port
from nexipos_desktop.payments.contract import EchoResult
from nexipos_desktop.ui.tasks import spawn
from nexipos_desktop.ui.wizard.common import SetupState, note_label, ok_style, problem_label


class TcpPanel(QWidget):
    """Knows the last successful test; Next needs one for the address now typed."""

    tested = Signal(bool)

    def __init__(self, state: SetupState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.verified: tuple[str, int, str, str] | None = None  # host, port, TID, app version
        self.testing = False
        self.saved_address: tuple[str, int] | None = None
        self.host = QLineEdit(objectName="terminalHost", placeholderText="192.168.1.50")
        self.port = QLineEdit(str(DEFAULT_PORT), objectName="terminalPort", maxLength=5)
        self.test_button = QPushButton(self.tr("Δοκιμή σύνδεσης"), objectName="testButton")
        self.result = QLabel(objectName="testResult", wordWrap=True)
        self.warning = problem_label("addressWarning")
        form = QFormLayout()
        form.addRow(self.tr("Διεύθυνση IP:"), self.host)
        form.addRow(self.tr("Θύρα:"), self.port)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(note_label(self.tr("Στο τερματικό: «Ρυθμίσεις» → «Ρυθμίσεις ECR» → «Ρυθμίσεις Server» δείχνει την IP και τη θύρα. Στο SoftPOS τις δείχνει η αρχική οθόνη του FinConnect.")))
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(note_label(self.tr(
            "Η IP του τερματικού μπορεί να αλλάζει σε κάθε επανασύνδεση στο δίκτυο. Ορίστε στατική IP στο "
            "τερματικό: «Ρυθμίσεις» → Wi-Fi → δίκτυο → «Advanced Options» → «IP settings» → «Static»: «IP Address», "
            "«Gateway» και «DNS server» τη διεύθυνση του router, «network prefix» 255.255.255.0 → «Connect»."),
            "staticIpNote"))
        self.test_button.clicked.connect(lambda _=False: self.start_test())
        self.host.textEdited.connect(lambda _t: self._forget())
        self.port.textEdited.connect(lambda _t: self._forget())

    def load(self, host: str, port: int, *, saved: bool) -> None:
        self.host.setText(host)
        self.port.setText(str(port or DEFAULT_PORT))
        if saved and host:
            self.saved_address = (host, port)
            self.start_test()

    def address(self) -> tuple[str, int]:
        """The typed address, or AddressError."""
        return validate_ip(self.host.text()), validate_port(self.port.text())

    def _forget(self) -> None:
        self.verified = None
        self.result.clear()

    def start_test(self) -> None:
        if not self.testing:
            spawn(self.run_test(), on_error=lambda exc: self._show(False, str(exc)))

    async def run_test(self) -> bool:
        """ECHO on the asyncio loop: the window stays responsive; the button is off while it runs."""
        try:
            host, port = self.address()
        except AddressError as exc:
            self._show(False, str(exc))
            return False
        self.testing = True
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Δοκιμή σύνδεσης με {0}:{1}…").format(host, port))
        ok_style(self.result, True)
        try:
            outcome = await self.state.echo(host, port)
        finally:
            self.testing = False
            self.test_button.setEnabled(True)
        if (host, port) != self.address_or_none():
            return False  # the admin typed another address meanwhile
        if isinstance(outcome, EchoResult):
            self.verified = (host, port, outcome.tid, outcome.app_version)
            self.warning.clear()
            self._show(True, self.tr("Συνδέθηκε: TID {0} · έκδοση εφαρμογής {1}").format(
                outcome.tid, outcome.app_version or "—"))
            return True
        self._show(False, self._failure_text(outcome, host))
        if self.saved_address == (host, port):
            self.warning.setText(self.tr("Το τερματικό δεν απαντά πια στην αποθηκευμένη διεύθυνση {0}:{1}. Αν άλλαξε η IP του (DHCP), δείτε τη νέα στις «Ρυθμίσεις Server» του τερματικού, γράψτε την εδώ και ορίστε στατική IP.").format(host, port))
        return False

    def address_or_none(self) -> tuple[str, int] | None:
        try:
            return self.address()
        except AddressError:
            return None

    def _failure_text(self, failed, host: str) -> str:
        titles = {"refused": self.tr("Άρνηση σύνδεσης"), "timeout": self.tr("Λήξη χρόνου"),
                  "unreachable": self.tr("Μη προσβάσιμη διεύθυνση"), "wrong_protocol": self.tr("Λάθος πρωτόκολλο")}
        title = titles.get(failed.code, self.tr("Σφάλμα τερματικού {0}").format(failed.code))
        text = f"{title}: {failed.message}"
        if not is_local(host):
            text += " " + self.tr("(Η διεύθυνση δεν είναι τοπικού δικτύου: το τερματικό TCPSocket είναι στο ίδιο LAN.)")
        return text

    def _show(self, ok: bool, text: str) -> None:
        self.result.setText(text)
        ok_style(self.result, ok)
        self.tested.emit(ok)
