"""Page 4: the terminal: kind and protocol (with what the till can then do), and its pairing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLineEdit, QRadioButton,
    QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage,
)

from nexipos_desktop.admin.connection import AddressError
from nexipos_desktop.admin.terminals import TerminalDraft, protocol_capabilities
from nexipos_desktop.payments.contract import KIND_CAPABILITIES, Operation, TerminalKind
from nexipos_desktop.ui.wizard.common import SetupState, problem_label
from nexipos_desktop.ui.wizard.tcp_panel import TcpPanel
from nexipos_desktop.ui.wizard.webecr_panel import WebEcrPanel

KIND_LABELS = {TerminalKind.A920PRO: "NEXI Android POS A920Pro", TerminalKind.A910: "NEXI Android POS A910",
               TerminalKind.A50: "NEXI Android POS A50", TerminalKind.SOFTPOS: "NEXI SoftPOS (FinConnect)"}
YES, NO = "✓", "—"


class TerminalPage(QWizardPage):
    def __init__(self, state: SetupState, existing: TerminalDraft | None = None) -> None:
        super().__init__()
        self.state = state
        # the demo's simulator is not re-paired into a real terminal: a real one gets its own row (and name)
        self.existing = existing if existing is None or not existing.simulator else None
        self.setTitle(self.tr("Τερματικό καρτών"))
        self.setSubTitle(self.tr("Το είδος του τερματικού και το πρωτόκολλο σύνδεσης ορίζουν τι μπορεί να κάνει το ταμείο."))
        self.name = QLineEdit(objectName="terminalName")
        self.kind = QComboBox(objectName="terminalKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.tcp_radio = QRadioButton(self.tr("TCPSocket (τοπικό δίκτυο)"), objectName="protocolTcp")
        self.webecr_radio = QRadioButton(self.tr("WebECR (cloud)"), objectName="protocolWebEcr")
        group = QButtonGroup(self)
        group.addButton(self.tcp_radio)
        group.addButton(self.webecr_radio)
        self.capabilities = QTableWidget(0, 3, objectName="capabilityTable")
        self.capabilities.setHorizontalHeaderLabels([self.tr("Τερματικό"), self.tr("Πρωτόκολλο"), self.tr("Στο ταμείο")])
        self.capabilities.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.capabilities.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.capabilities.verticalHeader().setDefaultSectionSize(22)
        self.capabilities.setMinimumHeight(24 + 22 * len(self.OPERATIONS))
        self.tcp = TcpPanel(state, self)
        self.webecr = WebEcrPanel(state, self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tcp)
        self.stack.addWidget(self.webecr)
        self.problem = problem_label("terminalProblem")
        form = QFormLayout()
        form.addRow(self.tr("Όνομα (φαίνεται στον ταμία):"), self.name)
        form.addRow(self.tr("Είδος:"), self.kind)
        protocols = QHBoxLayout()
        protocols.addWidget(self.tcp_radio)
        protocols.addWidget(self.webecr_radio)
        protocols.addStretch()
        form.addRow(self.tr("Πρωτόκολλο:"), protocols)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.capabilities)
        layout.addWidget(self.stack)
        layout.addWidget(self.problem)
        self.kind.currentIndexChanged.connect(lambda _i: self.show_capabilities())
        self.tcp_radio.toggled.connect(lambda _on: self.on_protocol_changed())
        self.load()

    OPERATIONS = (Operation.SALE, Operation.VOID, Operation.REFUND, Operation.PREAUTH, Operation.PREAUTH_COMPLETION,
                  Operation.TIP, Operation.INSTALMENTS, Operation.PRELOAD, Operation.STATUS_QUERY)

    def operation_names(self) -> dict[Operation, str]:
        return {Operation.SALE: self.tr("Αγορά"), Operation.VOID: self.tr("Ακύρωση"),
                Operation.REFUND: self.tr("Επιστροφή"), Operation.PREAUTH: self.tr("Προέγκριση"),
                Operation.PREAUTH_COMPLETION: self.tr("Ολοκλήρωση Προέγκρισης"),
                Operation.TIP: self.tr("Φιλοδώρημα"), Operation.INSTALMENTS: self.tr("Δόσεις"),
                Operation.PRELOAD: self.tr("Ετεροχρονισμένες Συναλλαγές"),
                Operation.STATUS_QUERY: self.tr("Ερώτηση αποτελέσματος μετά από διακοπή")}

    def load(self) -> None:
        draft = self.existing
        self.name.setText(draft.name if draft else self.tr("Τερματικό 1"))
        self.name.setReadOnly(draft is not None and draft.id is not None)  # re-pairing keeps the name (history)
        kind = draft.kind if draft else TerminalKind.A920PRO.value
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        webecr = draft is not None and draft.protocol == "webecr"
        (self.webecr_radio if webecr else self.tcp_radio).setChecked(True)
        if draft is not None and draft.protocol == "tcp" and not draft.simulator:
            self.tcp.load(draft.host, draft.port, saved=True)
        self.on_protocol_changed()

    def protocol(self) -> str:
        return "webecr" if self.webecr_radio.isChecked() else "tcp"

    def on_protocol_changed(self) -> None:
        self.stack.setCurrentWidget(self.webecr if self.protocol() == "webecr" else self.tcp)
        self.show_capabilities()

    def show_capabilities(self) -> None:
        kind = TerminalKind(self.kind.currentData())
        by_kind, by_protocol = KIND_CAPABILITIES[kind], protocol_capabilities(self.protocol())
        names = self.operation_names()
        self.capabilities.setRowCount(len(self.OPERATIONS))
        self.capabilities.setVerticalHeaderLabels([names[op] for op in self.OPERATIONS])
        for row, op in enumerate(self.OPERATIONS):
            marks = (op in by_kind, op in by_protocol, op in by_kind and op in by_protocol)
            for column, mark in enumerate(marks):
                self.capabilities.setItem(row, column, QTableWidgetItem(YES if mark else NO))

    def validatePage(self) -> bool:
        name = self.name.text().strip()
        if not name:
            self.problem.setText(self.tr("Δώστε ένα όνομα στο τερματικό (π.χ. «Ταμείο 1»)."))
            return False
        base = dict(name=name, kind=self.kind.currentData(), id=self.existing.id if self.existing else None)
        if self.protocol() == "tcp":
            draft = self._tcp_draft(base)
        else:
            draft = self.webecr.draft(base)
            if draft is None:
                self.problem.setText(self.webecr.problem_text())
                return False
            self.state.plan.secrets.update(self.webecr.secrets())
        if draft is None:
            return False
        self.state.plan.terminal = draft
        self.problem.clear()
        return True

    def _tcp_draft(self, base: dict) -> TerminalDraft | None:
        try:
            host, port = self.tcp.address()
        except AddressError as exc:
            self.problem.setText(str(exc))
            return None
        verified = self.tcp.verified
        if self.tcp.testing:
            self.problem.setText(self.tr("Περιμένετε να τελειώσει η δοκιμή σύνδεσης."))
            return None
        if verified is None or verified[:2] != (host, port):
            self.problem.setText(self.tr("Πατήστε «Δοκιμή σύνδεσης»: το τερματικό πρέπει να απαντήσει πριν συνεχίσετε."))
            return None
        return TerminalDraft(protocol="tcp", host=host, port=port, tid=verified[2], app_version=verified[3], **base)
