"""First run: a till without a shop opens the setup wizard; its demo button (or NEXIPOS_DEMO=1, as `make run` sets)
gives the demo shop with the built-in terminal simulator."""

from __future__ import annotations

import pytest
import platformdirs

from nexipos_desktop.app import Startup
from nexipos_desktop.ui.main_window import MainWindow, TillContext
from nexipos_desktop.ui.tasks import spawn

from pin_helpers import until


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
    assert startup.window.context.db is None  # the till waits for the wizard
    wizard.welcome.demo_button.click()
    wait_until(lambda: startup.window.context.payments is not None)
    window = startup.window
    assert window.terminal_label.text().startswith("Τερματικό: Προσομοιωτής NEXI · TID ")
    assert window.context.admin_gate is not None and window.context.shop_name == "Μίνι Μάρκετ Η Γωνιά"


def test_demo_mode_needs_no_human(startup, monkeypatch, wait_until):
    monkeypatch.setenv("NEXIPOS_DEMO", "1")
    spawn(startup.run())
    wait_until(lambda: startup.window.context.payments is not None)
    assert getattr(startup.window, "wizard", None) is None
