"""The wizard's WebECR path against the WebECR simulator: pairing code with its countdown, an expired code, the
TID chosen from the account's terminals, a zero-risk test, and what Finish saved (settings, keyring, terminal)."""

from __future__ import annotations

import time

import pytest
from sqlmodel import select

from nexipos_desktop.payments.contract import EchoResult
from nexipos_desktop.payments.registry import create_driver
from nexipos_desktop.payments.setup import terminal_settings
from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.admin_models import Terminal
from nexipos_desktop.storage.models import AuditEntry
from nexipos_desktop.storage.settings import all_settings
from nexipos_desktop.ui.wizard import SetupWizard
from nexipos_desktop.ui.wizard.webecr_panel import default_pairing

from wizard_steps import fill_business, fill_fiscal, fill_welcome

WEBECR_SECRETS = ("webecr.password", "webecr.api_key", "webecr.refresh_token")


@pytest.fixture
def cloud(loop):
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(tid="64777777", processing_delay_s=0.0)))
    loop.run_until_complete(sim.start("127.0.0.1", 0))
    yield sim
    loop.run_until_complete(sim.close())


@pytest.fixture
def wizard_for(qtbot, qapp, empty_db, tmp_path):
    from nexipos_desktop.ui.wizard.wizard import read_setup_state

    for name in (*WEBECR_SECRETS, "mydata.subscription_key", "fiscal.provider_private_key"):
        set_secret(name, None)
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    state, existing = read_setup_state(empty_db, receipts_dir=tmp_path, pairing=default_pairing())
    wizard = SetupWizard(empty_db, state, actor="setup", existing=existing)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    qapp.setQuitOnLastWindowClosed(quits)
    for name in WEBECR_SECRETS:
        set_secret(name, None)


def new_code(cloud) -> str:
    terminal = cloud.host.first_terminal()
    return cloud.host.accounts.new_code(terminal.id, terminal.merchant).code


def test_whole_wizard_over_webecr(wizard_for, cloud, run, wait_until, tmp_path, empty_db):
    wizard = wizard_for
    fill_welcome(wizard)
    fill_business(wizard)
    fill_fiscal(wizard, run, tmp_path)
    page = wizard.terminal
    page.kind.setCurrentIndex(page.kind.findData("SoftPOS"))
    page.webecr_radio.setChecked(True)
    assert page.stack.currentWidget() is page.webecr
    names = [page.capabilities.verticalHeaderItem(r).text() for r in range(page.capabilities.rowCount())]
    on_till = {names[r]: page.capabilities.item(r, 2).text() for r in range(len(names))}
    assert on_till["Αγορά"] == "✓" and on_till["Επιστροφή"] == "—"  # a SoftPOS gets no refund
    panel = page.webecr
    panel.environment.setCurrentIndex(panel.environment.findData("custom"))
    panel.base_url.setText(cloud.base_url)
    panel.username.setText(DEMO_USERNAME)
    panel.password.setText(DEMO_PASSWORD)

    stale = new_code(cloud)
    panel.code.setText(stale)
    panel.on_code_edited()
    assert panel.countdown.text() in ("ισχύει ακόμη 15:00", "ισχύει ακόμη 14:59")
    cloud.host.clock.advance(16 * 60)  # the terminal's code expired on the server
    assert not run(panel.redeem())
    assert "έληξε" in panel.problem.text() and panel.tid.count() == 0

    panel.code.setText(new_code(cloud))
    panel.code_started = time.monotonic() - 15 * 60  # the till's own countdown ran out: nothing is sent
    assert not run(panel.redeem()) and panel.countdown.text() == "έληξε"

    panel.code_started = None
    panel.on_code_edited()
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL and "Σύζευξη" in page.problem.text()
    assert run(panel.redeem())
    assert panel.tid.currentData() == "64777777" and panel.countdown.text() == "χρησιμοποιήθηκε"
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL and "Δοκιμή" in page.problem.text()
    assert run(panel.test())
    assert panel.result.text().startswith("Το τερματικό 64777777 απάντησε")
    wizard.next()
    assert wizard.currentId() == SetupWizard.PRINTER
    assert get_secret("webecr.api_key") is None  # still only in memory
    wizard.printer.pdf_radio.setChecked(True)
    wizard.next()
    wizard.users.admin_pin.setText("2468")
    wizard.users.admin_pin2.setText("2468")
    wizard.users.cashier_pin.setText("1357")
    wizard.next()
    saved = []
    wizard.saved.connect(lambda: saved.append(True))
    wizard.accept()
    wait_until(lambda: saved)
    with empty_db.read() as session:
        values = all_settings(session)
        [row] = session.exec(select(Terminal)).all()
        actions = [e.action for e in session.exec(select(AuditEntry))]
    remote = str(cloud.host.first_terminal().id)
    assert (row.protocol, row.driver, row.kind, row.tid, row.remote_id, row.base_url) == (
        "webecr", "webecr", "SoftPOS", "64777777", remote, cloud.base_url)
    assert (values["terminal.driver"], values["terminal.tid"], values["webecr.terminal_id"],
            values["webecr.environment"], values["webecr.base_url"], values["webecr.username"]) == (
        "webecr", "64777777", remote, "custom", cloud.base_url, DEMO_USERNAME)
    assert get_secret("webecr.password") == DEMO_PASSWORD and get_secret("webecr.api_key")
    assert "setup.completed" in actions
    driver = create_driver(terminal_settings(values).config)  # the till's own driver, from what was saved
    try:
        echo = run(driver.echo())
    finally:
        run(driver.close())
    assert isinstance(echo, EchoResult) and echo.tid == "64777777"


def test_cancelling_after_pairing_stores_no_webecr_secret(wizard_for, cloud, run, empty_db, tmp_path):
    wizard = wizard_for
    fill_welcome(wizard)
    fill_business(wizard)
    fill_fiscal(wizard, run, tmp_path)
    wizard.terminal.webecr_radio.setChecked(True)
    panel = wizard.terminal.webecr
    panel.environment.setCurrentIndex(panel.environment.findData("custom"))
    panel.base_url.setText(cloud.base_url)
    panel.username.setText(DEMO_USERNAME)
    panel.password.setText(DEMO_PASSWORD)
    panel.code.setText(new_code(cloud))
    assert run(panel.redeem()) and run(panel.test())
    wizard.reject()
    assert all(get_secret(name) is None for name in WEBECR_SECRETS)
    with empty_db.read() as session:
        assert session.exec(select(Terminal)).all() == []
