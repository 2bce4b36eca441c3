"""The setup wizard walked page by page, against the socket terminal simulator; what Finish saved."""

from __future__ import annotations


import pytest
from sqlmodel import select

from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.storage.admin_models import Terminal
from nexipos_desktop.storage.models import AuditEntry, Cashier, Setting
from nexipos_desktop.storage.settings import all_settings
from nexipos_desktop.ui.wizard import SetupWizard
from nexipos_desktop.ui.wizard.wizard import read_setup_state

from wizard_steps import fill_business, fill_fiscal, fill_tcp_terminal, fill_welcome

SECRETS = ("mydata.subscription_key", "fiscal.provider_private_key", "webecr.password")


@pytest.fixture
def simulator(loop):
    sim = SocketTerminalSimulator(TerminalModel(tid="64123456", processing_delay_s=0.01))
    loop.run_until_complete(sim.start("127.0.0.1", 0))
    yield sim
    loop.run_until_complete(sim.close())


@pytest.fixture
def clean_secrets():
    for name in SECRETS:
        set_secret(name, None)
    yield
    for name in SECRETS:
        set_secret(name, None)


@pytest.fixture
def new_wizard(qtbot, qapp, empty_db, tmp_path, clean_secrets):
    """A wizard on its own (no till window behind it: closing it must not quit the test's application)."""
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)

    def make(db=empty_db, **options) -> SetupWizard:
        state, existing = read_setup_state(db, receipts_dir=tmp_path / "receipts", **options)
        wizard = SetupWizard(db, state, actor="setup", existing=existing)
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard

    yield make
    qapp.setQuitOnLastWindowClosed(quits)


def test_whole_wizard_over_tcpsocket_saves_everything_at_finish(new_wizard, run, wait_until, simulator, tmp_path,
                                                                empty_db):
    wizard = new_wizard()
    assert wizard.state.first_run and wizard.welcome.demo_button.isVisible()
    fill_welcome(wizard)
    fill_business(wizard)
    fill_fiscal(wizard, run, tmp_path)
    fill_tcp_terminal(wizard, run, simulator)
    wizard.printer.pdf_radio.setChecked(True)
    assert run(wizard.printer.test_print())
    assert list((tmp_path / "receipts").glob("*.pdf"))
    wizard.next()
    assert wizard.currentId() == SetupWizard.USERS  # no admin yet
    users = wizard.users
    users.admin_name.setText("Ελένη")
    users.admin_pin.setText("2468")
    users.admin_pin2.setText("2467")
    wizard.next()
    assert wizard.currentId() == SetupWizard.USERS and "διαφέρουν" in users.problem.text()
    users.admin_pin2.setText("2468")
    users.cashier_pin.setText("1357")
    wizard.next()
    assert wizard.currentId() == SetupWizard.SUMMARY
    summary = wizard.summary.text.text()
    assert "094014201" in summary and "Ταμείο μπαρ" in summary and "0123abcd" not in summary
    with empty_db.read() as session:  # nothing is written before Finish
        assert session.exec(select(Setting)).all() == [] and get_secret("mydata.subscription_key") is None
    saved = []
    wizard.saved.connect(lambda: saved.append(True))
    wizard.accept()
    wait_until(lambda: saved and not wizard.isVisible())
    with empty_db.read() as session:
        values = all_settings(session)
        [terminal] = session.exec(select(Terminal)).all()
        users = {c.name: c.role for c in session.exec(select(Cashier))}
        audit = [(e.actor, e.action) for e in session.exec(select(AuditEntry))]
        stored = {s.key for s in session.exec(select(Setting))}
    assert (values["shop.vat"], values["shop.name"], values["fiscal.route"], values["fiscal.provider_id"]) == (
        "094014201", "Καφενείο Η Πλατεία", "provider", "999")
    assert (values["terminal.driver"], values["terminal.host"], values["terminal.port"], values["terminal.tid"]) == (
        "ecr_socket", "127.0.0.1", simulator.port, "64123456")
    assert (values["printing.printer"], values["shop.configured"]) == ("pdf", True)
    assert "mydata.user_id" not in values and get_secret("mydata.user_id") == "plateia"  # keyring, not settings
    assert (terminal.name, terminal.protocol, terminal.kind, terminal.tid, terminal.is_default) == (
        "Ταμείο μπαρ", "tcp", "A920Pro", "64123456", True)
    assert users == {"Ταμίας 1": "cashier", "Ελένη": "admin"}
    assert ("setup", "setup.completed") in audit and ("setup", "terminal.added") in audit
    assert get_secret("mydata.subscription_key") == "0123abcd-subscription"
    assert get_secret("fiscal.provider_private_key").startswith("-----BEGIN PRIVATE KEY-----")
    assert not any("subscription" in key for key in stored - {"mydata.user_id"})


def test_cancel_leaves_nothing(new_wizard, run, simulator, tmp_path, empty_db):
    wizard = new_wizard()
    fill_welcome(wizard)
    fill_business(wizard)
    fill_fiscal(wizard, run, tmp_path)
    fill_tcp_terminal(wizard, run, simulator)
    wizard.reject()
    with empty_db.read() as session:
        assert session.exec(select(Setting)).all() == []
        assert session.exec(select(Terminal)).all() == [] and session.exec(select(AuditEntry)).all() == []
    assert all(get_secret(name) is None for name in SECRETS)


def test_the_demo_button_sets_up_the_demo_shop_with_the_simulator(new_wizard, wait_until, empty_db):
    wizard = new_wizard()
    chosen = []
    wizard.demo_chosen.connect(lambda: chosen.append(True))
    wizard.welcome.demo_button.click()
    wait_until(lambda: chosen and not wizard.isVisible())
    assert wizard.result() == SetupWizard.DialogCode.Accepted
    with empty_db.read() as session:
        values = all_settings(session)
        [terminal] = session.exec(select(Terminal)).all()
    assert values["shop.vat"] == "094014201" and values["terminal.simulator"] is True
    assert terminal.simulator and terminal.is_default


def test_fiscal_device_route_checks_the_master_key_by_a_trial_exchange(new_wizard, run, wait_until):
    wizard = new_wizard()
    fill_welcome(wizard)
    fill_business(wizard)
    page = wizard.fiscal
    page.device_radio.setChecked(True)
    assert page.device_box.isEnabled() and not page.provider_box.isEnabled()
    page.ecr_id.setText("ABC00111222")
    page.master_key.setText("0123")
    wizard.next()
    assert wizard.currentId() == SetupWizard.FISCAL and "32" in page.problem.text()
    page.master_key.setText("0123456789ABCDEF FEDCBA9876543210")
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL
    assert page.exchange_status.text().startswith("Η δοκιμαστική ανταλλαγή κλειδιού πέτυχε (KCV ")
    plan = wizard.state.plan
    assert (plan.settings["fiscal.route"], plan.settings["fiscal.ecr_id"]) == ("ecr_token", "ABC00111222")
    assert plan.secrets["fiscal.ecr_master_key"] == "0123456789ABCDEFFEDCBA9876543210"
    assert "fiscal.provider_private_key" not in plan.secrets
