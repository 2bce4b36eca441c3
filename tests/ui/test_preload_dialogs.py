"""The pay-later dialog when the terminal's answer is lost: it asks the terminal, never sends a second preload."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from nexipos_desktop.payments.contract import InDoubt, Operation, Pending
from nexipos_desktop.payments.preload import PreloadService
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import CardAttempt
from nexipos_desktop.ui.preload_send_dialog import PreloadSendDialog

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(1))]


class LostReplyTerminal:
    """Takes the preload but the reply is lost; ``answer`` is what a later query says."""

    name = "lost_reply"
    capabilities = frozenset({Operation.SALE, Operation.PRELOAD, Operation.STATUS_QUERY})
    uses_session_numbers = False

    def __init__(self):
        self.sent, self.answer = [], None

    async def execute(self, request, progress=None):
        self.sent.append(request)
        return InDoubt("Χάθηκε η σύνδεση")

    async def query(self, reference):
        return self.answer

    async def echo(self):
        return None

    async def close(self):
        pass


@pytest.fixture
def preloads(db_path):
    db = open_database(db_path)
    terminal = LostReplyTerminal()
    yield PreloadService(PaymentService(db, terminal, tid="64999999", cashier="Ταμίας 1")), terminal
    db.close()


@pytest.mark.parametrize("answer", ["pending", "unknown"])
def test_lost_reply_is_resolved_by_asking_the_terminal(preloads, qtbot, wait_until, answer):
    service, terminal = preloads
    sale = service.payments.open_sale(LINES)
    dialog = PreloadSendDialog(service, sale, sale.total_cents, 30)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.query_button.isVisible())
    assert "ΜΗΝ" in dialog.state.text() and not dialog.send_button.isEnabled()
    terminal.answer = Pending(terminal.sent[0].reference) if answer == "pending" else None
    qtbot.mouseClick(dialog.query_button, Qt.MouseButton.LeftButton)
    if answer == "pending":
        wait_until(lambda: dialog.document is not None)
        assert dialog.document.number == sale.number and dialog.document.payments[0].status == "pending"
    else:
        wait_until(lambda: dialog.query_button.isHidden())
        assert "δεν έλαβε" in dialog.state.text() and dialog.send_button.isEnabled()
        with service.db.read() as session:
            assert session.exec(select(CardAttempt)).one().state == "resolved_not_approved"
    assert len(terminal.sent) == 1  # never a second preload
