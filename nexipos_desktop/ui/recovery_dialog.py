"""At start-up: card payments left in doubt and sales left open are settled before any new sale."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.service import OpenSale, PaymentError, PaymentService
from nexipos_desktop.storage.models import CardAttempt
from nexipos_desktop.ui.in_doubt_panel import InDoubtPanel
from nexipos_desktop.ui.tasks import off_thread, spawn


class RecoveryDialog(QDialog):
    """Lists every in-doubt attempt (resolve each) and every open sale (issue it if paid, or release it)."""

    def __init__(self, service: PaymentService, attempts: list[CardAttempt], sales: list[OpenSale],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Εκκρεμότητες από την προηγούμενη λειτουργία"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Το ταμείο έκλεισε με εκκρεμείς πληρωμές. Ολοκληρώστε τις πριν από νέα πώληση."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.panels = []
        for attempt in attempts:
            panel = InDoubtPanel(service, attempt, self)
            panel.resolved.connect(lambda _approved, p=panel: p.setEnabled(False))
            layout.addWidget(panel)
            self.panels.append(panel)
        self.sale_rows = []
        for sale in sales:
            label = QLabel(self.tr("Ανοιχτή πώληση {0}: {1} €").format(sale.label, format_cents(sale.total_cents)))
            issue = QPushButton(self.tr("Έκδοση απόδειξης (πληρώθηκε με κάρτα)"))
            release = QPushButton(self.tr("Ακύρωση πώλησης"))
            issue.clicked.connect(lambda _=False, s=sale, l=label: spawn(self.issue(s, l), on_error=self.show_error))
            release.clicked.connect(lambda _=False, s=sale, l=label: spawn(self.release(s, l), on_error=self.show_error))
            for widget in (label, issue, release):
                layout.addWidget(widget)
            self.sale_rows.append((sale, label))
        self.problem = QLabel(objectName="recoveryProblem")
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        done = QPushButton(self.tr("Κλείσιμο"))
        done.clicked.connect(self.accept)
        layout.addWidget(done)

    async def issue(self, sale: OpenSale, label: QLabel) -> None:
        try:
            document = await off_thread(self.service.issue, sale)
        except PaymentError as exc:
            self.problem.setText(str(exc))
            return
        label.setText(self.tr("Εκδόθηκε {0}-{1}").format(document.series, document.number))

    async def release(self, sale: OpenSale, label: QLabel) -> None:
        try:
            await off_thread(self.service.abandon, sale)
        except PaymentError as exc:
            self.problem.setText(str(exc))
            return
        label.setText(self.tr("Η πώληση {0} ακυρώθηκε· ο αριθμός θα δοθεί στην επόμενη").format(sale.label))

    def show_error(self, error: BaseException) -> None:
        self.problem.setText(str(error))
