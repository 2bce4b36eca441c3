"""First run: a till without a shop opens the setup wizard; its demo button (or NEXIPOS_DEMO=1, as `make run` sets)
gives the demo shop with the built-in terminal simulator."""

from __future__ import annotations

import pytest
import platformdirs

from nexipos_desktop.app import Startup
from nexipos_desktop.ui.main_window import MainWindow, TillContext
from nexipos_desktop.ui.tasks import spawn

from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_CASHIER, DEMO_PINS

from pin_helpers import sign_in, until


@pytest.fixture
def startup(qtbot, tmp_path, monkeypatch, loop):
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *args, **kw: tmp_path / "data")
    window = MainWindow(TillContext())
    qtbot.addWidget(window)
    window.show()
    started = Startup(window, tmp_path / "new.db")
    yield started
    loop.run_until_complete(started.close())


def test_first_run_opens_the_wizard_and_its_demo_button_sets_up_the_demo(startup, monkeypatch, wait_until):
    monkeypatch.delenv("NEXIPOS_DEMO", raising=False)
    spawn(startup.run())
    until(lambda: getattr(startup.window, "wizard", None) is not None and startup.window.wizard.isVisible())
    wizard = startup.window.wizard
    assert wizard.currentId() == wizard.WELCOME and wizard.welcome.demo_button.isVisible()
    note = wizard.welcome.demo_pins.text()  # the demo shop has PINs: the admin is told them before the till asks
    assert f"«{DEMO_CASHIER}» {DEMO_PINS[DEMO_CASHIER]}" in note and f"«{DEMO_ADMIN}» {DEMO_PINS[DEMO_ADMIN]}" in note
    assert startup.window.context.db is None  # the till waits for the wizard
    wizard.welcome.demo_button.click()
    wait_until(lambda: startup.window.context.payments is not None)
    window = startup.window
    assert window.terminal_label.text().startswith("Τερματικό: Προσομοιωτής NEXI · TID ")
    assert window.context.admin_gate is not None and window.context.shop_name == "Μίνι Μάρκετ Η Γωνιά"
    till = window.sign_in  # chosen in the wizard, not by NEXIPOS_DEMO: the till asks who is at it
    until(lambda: till.locked and till.dialog is not None and till.dialog.isVisible())
    sign_in(till.dialog, DEMO_CASHIER, DEMO_PINS[DEMO_CASHIER])
    until(lambda: not till.locked)
    assert window.context.cashier == DEMO_CASHIER


def test_demo_mode_needs_no_human(startup, monkeypatch, wait_until):
    monkeypatch.setenv("NEXIPOS_DEMO", "1")
    spawn(startup.run())
    wait_until(lambda: startup.window.context.payments is not None)
    assert getattr(startup.window, "wizard", None) is None


def test_a_saved_address_that_stopped_answering_is_flagged_at_start(qtbot, tmp_path, db_path, loop, wait_until,
                                                                    monkeypatch):
    import socket

    from sqlmodel import select

    from nexipos_desktop.admin.terminals import TerminalDraft, save_terminal
    from nexipos_desktop.storage.admin_models import Terminal
    from nexipos_desktop.storage.db import open_database

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = open_database(db_path)
    with db.write() as session:
        save_terminal(session, TerminalDraft(name="Ταμείο 1", host="127.0.0.1", port=port, tid="64000001"),
                      make_default=True, actor="test")
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *args, **kw: tmp_path / "data")
    window = MainWindow(TillContext())
    qtbot.addWidget(window)
    window.show()
    started = Startup(window, db_path)
    try:
        spawn(started.run())
        wait_until(lambda: "δεν απαντά" in window.banner.text())
        assert f"127.0.0.1:{port}" in window.banner.text() and "στατική IP" in window.banner.text()
        assert window.terminal_label.text().endswith("⚠") and "αρνήθηκε" in window.terminal_label.toolTip()
        with db.read() as session:
            row = session.exec(select(Terminal)).one()
        assert row.last_check_ok is False and "αρνήθηκε" in row.last_check_message
    finally:
        loop.run_until_complete(started.close())
        db.close()
