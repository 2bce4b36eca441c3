"""An in-doubt deferred payment in the in-doubt panel: no slip to declare, only the terminal's host can say; when
it says the payment waits on the terminal, the panel says so (not "not charged")."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "payments"))
from preload_fake_driver import FakePreloadTerminal  # noqa: E402

from nexipos_desktop.payments.contract import InDoubt, Pending  # noqa: E402
from nexipos_desktop.payments.preload import PreloadService  # noqa: E402
from nexipos_desktop.payments.service import PaymentService  # noqa: E402
from nexipos_desktop.receipts.cart import CartLine  # noqa: E402
from nexipos_desktop.storage.models import CardAttempt, Receipt  # noqa: E402
from nexipos_desktop.ui.in_doubt_panel import InDoubtPanel  # noqa: E402


def test_an_in_doubt_preload_is_asked_about_never_declared(db, qtbot, run):
    terminal = FakePreloadTerminal(db)
    payments = PaymentService(db, terminal, tid="64999999", cashier="Ταμίας 1")
    terminal.preload_answer = InDoubt("Χάθηκε η σύνδεση")
    sale = payments.open_sale([CartLine(None, "P1", "Γάλα", 189, 2, 1, Decimal(1))])
    result = run(PreloadService(payments).send(sale, expiry_minutes=30))
    with db.read() as session:
        attempt = session.get(CardAttempt, result.card.attempt_id)
    panel = InDoubtPanel(payments, attempt)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.query_button.isVisible()
    assert not panel.approved_button.isVisible() and not panel.not_approved_button.isVisible()
    resolved = []
    panel.resolved.connect(resolved.append)
    terminal.answers[result.card.reference] = Pending(result.card.reference)
    run(panel.query())
    assert resolved == [False] and "περιμένει στο τερματικό" in panel.problem.text()
    with db.read() as session:
        assert session.exec(select(Receipt.status).where(Receipt.id == sale.receipt_id)).one() == "issued"
    assert len(terminal.requests) == 1  # asked, never sent again
