"""Walking the setup wizard's pages the way an admin fills them (shared by the wizard tests)."""

from __future__ import annotations

import socket

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from nexipos_desktop.ui.wizard import SetupWizard


def free_port() -> int:
    """A port nobody listens on (bound, then closed): connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def key_file(tmp_path):
    path = tmp_path / "provider.pem"
    key = ec.generate_private_key(ec.SECP256R1())
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return path


def fill_welcome(wizard):
    wizard.next()
    assert wizard.currentId() == SetupWizard.WELCOME and "Σημειώστε" in wizard.welcome.problem.text()
    for check in wizard.welcome.checks:
        check.setChecked(True)
    wizard.next()
    assert wizard.currentId() == SetupWizard.BUSINESS


def fill_business(wizard, vat="094014201"):
    page = wizard.business
    page.name.setText("Καφενείο Η Πλατεία")
    page.vat.setText("094014202")
    page.tax_office.setText("Δ' Πειραιά")
    page.address.setText("Πλατεία Κοραή 3, Πειραιάς")
    page.mydata_user.setText("plateia")
    page.subscription_key.setText("0123abcd-subscription")
    wizard.next()
    assert wizard.currentId() == SetupWizard.BUSINESS and "ψηφίο ελέγχου" in page.problem.text()
    page.vat.setText(vat)
    wizard.next()
    assert wizard.currentId() == SetupWizard.FISCAL, page.problem.text()


def fill_fiscal(wizard, run, tmp_path):
    page = wizard.fiscal
    page.provider_radio.setChecked(True)
    page.provider_id.setText("999")
    wizard.next()
    assert wizard.currentId() == SetupWizard.FISCAL and "PEM" in page.problem.text()
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
    assert not run(page.import_key(bad)) and "ECDSA" in page.key_status.text()
    assert run(page.import_key(key_file(tmp_path)))
    assert "επαληθεύτηκε" in page.key_status.text()
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL


def fill_tcp_terminal(wizard, run, simulator):
    page = wizard.terminal
    tcp = page.tcp
    assert page.tcp_radio.isChecked()
    tcp.host.setText("192.168.1.300")
    assert not run(tcp.run_test())
    assert "δεν είναι διεύθυνση IP" in tcp.result.text()
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL and "IP" in page.problem.text()
    tcp.host.setText("127.0.0.1")
    tcp.port.setText(str(free_port()))
    assert not run(tcp.run_test())
    assert tcp.result.text().startswith("Άρνηση σύνδεσης")
    wizard.next()
    assert wizard.currentId() == SetupWizard.TERMINAL and "Δοκιμή σύνδεσης" in page.problem.text()
    tcp.port.setText(str(simulator.port))
    assert run(tcp.run_test())
    assert tcp.result.text() == f"Συνδέθηκε: TID 64123456 · έκδοση εφαρμογής {simulator.model.app_version}"
    page.name.setText("Ταμείο μπαρ")
    wizard.next()
    assert wizard.currentId() == SetupWizard.PRINTER
