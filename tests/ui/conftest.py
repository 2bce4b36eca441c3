"""GUI fixtures: one qasync loop per test, a till window on a fresh seeded database, waiting helpers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import qasync

from nexipos_desktop.simulator.ledger import Ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.ui.main_window import MainWindow, TillContext
from nexipos_desktop.ui.tasks import drain


class TestLoop(qasync.QEventLoop):
    """qasync's loop that stays the thread's *running* loop between ``run_until_complete`` calls, as in the app
    (which lives inside ``run_forever``). qasync clears it when a run ends and then processes Qt events once more;
    a task woken there or in a ``qtbot`` wait (a PIN dialog's answer, a worker thread's result) failed on its next
    ``asyncio.sleep`` or socket with "no running event loop" — a race that made a void test flaky in CI."""

    def run_forever(self):
        try:
            return super().run_forever()
        finally:
            asyncio.events._set_running_loop(self)

    def run_until_complete(self, future):
        try:
            return super().run_until_complete(future)
        finally:
            asyncio.events._set_running_loop(self)


@pytest.fixture(scope="session")
def session_loop(qapp):
    """One qasync loop for the whole run, as in the app (loops closed mid-run leave Qt socket notifiers behind)."""
    event_loop = TestLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.run_until_complete(event_loop.shutdown_default_executor())
    asyncio.events._set_running_loop(None)
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def loop(session_loop):
    asyncio.set_event_loop(session_loop)
    asyncio.events._set_running_loop(session_loop)  # for the whole test, as inside the app's run_forever
    yield session_loop
    session_loop.run_until_complete(drain())
    asyncio.events._set_running_loop(None)


@pytest.fixture
def wait_until(loop):
    """Run the Qt + asyncio loop until ``predicate()`` holds (or fail after ``timeout`` seconds), then let the
    work it started finish (a print after an issue), so nothing resumes later outside the loop."""

    def wait(predicate, timeout: float = 10.0):
        async def poll():
            deadline = loop.time() + timeout
            while not predicate():
                if loop.time() > deadline:
                    raise AssertionError(f"condition not met within {timeout} s")
                await asyncio.sleep(0.01)

        loop.run_until_complete(poll())
        loop.run_until_complete(drain())

    return wait


@pytest.fixture
def simulator(loop, tmp_path):
    """The socket terminal simulator on a free port, answering after 50 ms, with its own ledger."""
    sim = SocketTerminalSimulator(TerminalModel(processing_delay_s=0.05, ledger=Ledger(tmp_path / "ledger.jsonl")))
    loop.run_until_complete(sim.start("127.0.0.1", 0))
    yield sim
    loop.run_until_complete(sim.close())


@pytest.fixture
def run(loop):
    """Run one coroutine to completion on the test's loop."""
    return loop.run_until_complete


@pytest.fixture
def pos_window(qtbot, loop, db_path: Path, tmp_path: Path):
    """A factory for the till window on the test's seeded database; receipts go to ``tmp_path/receipts``."""
    opened = []

    def make(**overrides) -> MainWindow:
        db = open_database(db_path, busy_timeout_ms=overrides.pop("busy_timeout_ms", 5000))
        opened.append(db)
        context = TillContext(db=db, cashier="Ταμίας 1", shop_name="Μίνι Μάρκετ Η Γωνιά",
                              receipts_dir=tmp_path / "receipts", printer_name="pdf", **overrides)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()  # offscreen windows are not activated by show()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    loop.run_until_complete(drain())  # no worker thread may still use a database we are about to close
    for db in opened:
        db.close()
