"""myDATA in the till: the status-bar counts, the admin view with Greek errors and retry, MARK on the printed
receipt, cancellation from the history."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fiscal"))
from mydata_helpers import KEY, USER, closed_port  # noqa: E402
from pin_helpers import enter_pin, until  # noqa: E402

from nexipos_desktop.fiscal.mydata_client import MyDataClient, MyDataConfig  # noqa: E402
from nexipos_desktop.fiscal.outbox_sender import Backoff, OutboxSender  # noqa: E402
from nexipos_desktop.printing import DEFAULT_PENDING_NOTE  # noqa: E402
from nexipos_desktop.simulator.mydata_server import FakeMyData, MyDataFault  # noqa: E402
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS  # noqa: E402

MILK = "5200480147201"


@pytest.fixture
def fake(run):
    server = FakeMyData(user_id=USER, subscription_key=KEY)
    run(server.start())
    yield server
    run(server.close())


@pytest.fixture
def till(pos_window, run, db_path):
    """A till window with a running sender to ``url`` (the fake server unless told otherwise)."""
    senders = []

    def make(url: str, *, wait_s: float = 0.0, gated: bool = False):
        from nexipos_desktop.storage.db import open_database
        from nexipos_desktop.ui.pin_dialog import AdminGate

        db = open_database(db_path)
        sender = OutboxSender(db, MyDataClient(MyDataConfig("provider", url, USER, KEY, timeout_s=2)),
                              backoff=Backoff(first_s=1, time_scale=100))
        senders.append((sender, db))
        window = pos_window(mydata=sender, mydata_print_wait_s=wait_s, admin_gate=AdminGate(db) if gated else None)
        sender.start()
        return window, sender

    yield make
    for sender, db in senders:
        run(sender.stop())
        db.close()


def outbox_states(db_path):
    with sqlite3.connect(db_path) as conn:
        return [row[0] for row in conn.execute("SELECT state FROM mydata_outbox ORDER BY id")]


def sell(window, run, *, print_it=False):
    window.catalogue.add_by_code(MILK)
    return run(window.issue_cash(5000, print_it=print_it))


def test_without_transmission_the_status_bar_counts_what_waits(pos_window, run, wait_until):
    window = pos_window()
    wait_until(lambda: window.mydata_indicator.text() == "myDATA: δεν έχει ρυθμιστεί")
    sell(window, run)
    sell(window, run)
    wait_until(lambda: window.mydata_indicator.text() == "myDATA: δεν έχει ρυθμιστεί · 2 σε αναμονή")


def test_refused_receipt_shows_in_greek_and_is_retried_from_the_admin_view(till, fake, run, wait_until, qtbot,
                                                                           db_path):
    fake.script(MyDataFault.XSD_ERROR)
    window, sender = till(fake.url + "myDataProvider/", gated=True)
    wait_until(lambda: window.mydata_indicator.text() == "myDATA ✓")
    sell(window, run)
    wait_until(lambda: window.mydata_indicator.text() == "myDATA: 1 απορρίφθηκαν")
    assert "#8a1c12" in window.mydata_indicator.styleSheet()  # red
    qtbot.mouseClick(window.mydata_indicator, Qt.MouseButton.LeftButton)
    dialog = window.mydata_dialog
    wait_until(lambda: dialog.model.rowCount() == 1)
    assert [dialog.model.item(0, c).text() for c in (1, 3)] == ["Παραστατικό", "Απορρίφθηκε"]
    assert dialog.model.item(0, 6).text().startswith("Το έγγραφο δεν είναι έγκυρο κατά το XSD του myDATA")
    dialog.table.selectRow(0)
    assert dialog.retry_button.isEnabled()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # admin only: the PIN first
    enter_pin(window.context.admin_gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    wait_until(lambda: outbox_states(db_path) == ["sent"])
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT actor FROM audit_log WHERE action IN ('admin.mydata_retry', 'mydata.retry') "
                            "ORDER BY id").fetchall() == [(DEMO_ADMIN,), (DEMO_ADMIN,)]
    wait_until(lambda: window.mydata_indicator.text() == "myDATA ✓" and dialog.model.rowCount() == 0)
    dialog.show_sent.setChecked(True)
    wait_until(lambda: dialog.model.rowCount() == 1 and dialog.model.item(0, 3).text() == "Διαβιβάστηκε")
    assert dialog.model.item(0, 5).text() == str(fake.mark_of(window.last_document.uid))


def test_printed_receipt_carries_mark_and_authentication_code(till, fake, run, wait_until, tmp_path):
    window, _ = till(fake.url + "myDataProvider/", wait_s=3)
    document = sell(window, run, print_it=True)
    pdf = tmp_path / "receipts" / f"11.1-{document.series}-{document.number}.pdf"
    wait_until(pdf.exists)
    text = PdfReader(pdf).pages[0].extract_text()
    mark = fake.mark_of(document.uid)
    assert f"ΜΑΡΚ: {mark}" in text and DEFAULT_PENDING_NOTE not in text
    assert "αυθεντικοποίησης" in text


def test_printed_while_offline_says_pending_and_the_reprint_carries_the_mark(till, fake, run, wait_until,
                                                                              tmp_path, db_path):
    fake.always.add(MyDataFault.SERVER_ERROR)
    window, sender = till(fake.url + "myDataProvider/", wait_s=0.2)
    document = sell(window, run, print_it=True)
    first = tmp_path / "receipts" / f"11.1-{document.series}-{document.number}.pdf"
    wait_until(first.exists)
    assert DEFAULT_PENDING_NOTE in PdfReader(first).pages[0].extract_text()
    wait_until(lambda: "1 σε αναμονή" in window.mydata_indicator.text())
    fake.always.clear()  # myDATA is back; the backoff brings the receipt through
    wait_until(lambda: outbox_states(db_path) == ["sent"])
    window.reprint_last()
    copy = tmp_path / "receipts" / f"11.1-{document.series}-{document.number}-copy.pdf"
    wait_until(copy.exists)
    text = PdfReader(copy).pages[0].extract_text()
    assert f"ΜΑΡΚ: {fake.mark_of(document.uid)}" in text and "ΑΝΤΙΓΡΑΦΟ" in text
    assert DEFAULT_PENDING_NOTE not in text


def test_offline_indicator(till, run, wait_until):
    window, sender = till(f"http://127.0.0.1:{closed_port()}/myDataProvider/")
    sell(window, run)
    wait_until(lambda: window.mydata_indicator.text() == "myDATA: χωρίς σύνδεση · 1 σε αναμονή")
    assert "σύνδεση" in window.mydata_indicator.toolTip()


def test_cancel_a_transmitted_receipt_from_the_history(till, fake, run, wait_until, monkeypatch, db_path):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window, _ = till(fake.url + "myDataProvider/", gated=True)
    document = sell(window, run)
    wait_until(lambda: outbox_states(db_path) == ["sent"])
    window.show_history()
    dialog = window.history_dialog
    wait_until(lambda: dialog.document is not None and dialog.cancel_mydata_button.isEnabled())
    mark = fake.mark_of(document.uid)
    assert dialog.status.text() == f"Διαβιβάστηκε στο myDATA · ΜΑΡΚ {mark}"
    gate = window.context.admin_gate
    dialog.cancel_mydata_button.click()  # admin only: the PIN dialog first; cancelling it cancels nothing
    until(lambda: gate.dialog is not None and gate.dialog.isVisible())
    gate.dialog.reject()
    until(lambda: gate.dialog is None)
    assert outbox_states(db_path) == ["sent"]
    dialog.cancel_mydata_button.click()
    enter_pin(gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    wait_until(lambda: outbox_states(db_path) == ["sent", "sent"])
    cancellation = fake.invoices[document.uid].cancellation_mark
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT cancellation_mark FROM mydata_outbox WHERE kind = 'cancel'").fetchall() == [
            (cancellation,)]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT actor FROM audit_log WHERE action = 'admin.mydata_cancel'").fetchall() == [
            (DEMO_ADMIN,)]
    run(dialog.load())
    wait_until(lambda: dialog.status.text() == f"Ακυρώθηκε στο myDATA · ΜΑΡΚ ακύρωσης {cancellation}")
    assert not dialog.cancel_mydata_button.isEnabled()


def test_demo_till_starts_the_embedded_fake_mydata_and_transmits(qtbot, run, wait_until, tmp_path, monkeypatch):
    """`make run` on a new database: the till points at the fake myDATA inside it (provider channel)."""
    from nexipos_desktop.app import Startup
    from nexipos_desktop.ui.main_window import MainWindow, TillContext

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the terminal simulator's ledger
    monkeypatch.setenv("NEXIPOS_DEMO", "1")  # as under `make run`: a new database becomes the demo shop
    window = MainWindow(TillContext())
    qtbot.addWidget(window)
    startup = Startup(window, tmp_path / "demo.db")
    run(startup.run())
    try:
        assert startup.fake_mydata is not None and window.context.mydata is startup.mydata
        assert window.context.mydata_print_wait_s == 3.0
        document = sell(window, run)
        wait_until(lambda: outbox_states(tmp_path / "demo.db") == ["sent"])
        with sqlite3.connect(tmp_path / "demo.db") as conn:
            ((mark, auth),) = conn.execute("SELECT mark, authentication_code FROM receipt WHERE status = 'issued'")
        assert mark == startup.fake_mydata.mark_of(document.uid) and auth
        wait_until(lambda: window.mydata_indicator.text() == "myDATA ✓")
    finally:
        run(startup.close())
