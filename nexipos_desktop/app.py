"""Starting the GUI: Qt application, translations, the asyncio loop (qasync), the database, the till window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nexipos_desktop import __version__
from nexipos_desktop.resources import resources_dir

log = logging.getLogger("nexipos")


def setup_logging(log_dir: Path) -> Path:
    """Log to a rotating file in the user's log directory (never secrets, never card numbers)."""
    from logging.handlers import RotatingFileHandler

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "nexipos.log"
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook() -> None:
    """An unhandled error anywhere (including async slots) is logged and shown, never lost."""

    def hook(kind, value, tb) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unhandled error:\n%s", text)
        sys.__stderr__.write(text)
        if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "NexiPOS", f"Απρόσμενο σφάλμα: {value}\n\nΚαταγράφηκε στο αρχείο καταγραφής.")

    sys.excepthook = hook


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Greek is the source language; any other language loads ``resources/translations/nexipos_<lang>.qm``."""
    QLocale.setDefault(QLocale(QLocale.Language.Greek if language == "el" else QLocale.Language.English))
    if language == "el":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"nexipos_{language}.qm")):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s", language)
    return None


def load_fonts() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"):
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))


def demo_mode() -> bool:
    """``NEXIPOS_DEMO=1`` (set by ``make run``): an unconfigured till becomes the demo shop without asking."""
    return os.environ.get("NEXIPOS_DEMO", "").strip().lower() in ("1", "true", "yes")


def open_till_database(db_path: Path, *, demo: bool | None = None):
    """Open the database; in demo mode a new one becomes the demo shop with its simulated terminal. Returns it with
    its settings (``is_configured(settings)`` is False on a first run outside demo mode: the wizard's turn)."""
    from nexipos_desktop.admin.demo import set_up_demo
    from nexipos_desktop.admin.setup_apply import is_configured
    from nexipos_desktop.admin.terminals import adopt_configured_terminal, default_terminal
    from nexipos_desktop.storage.db import open_database
    from nexipos_desktop.storage.settings import all_settings

    db = open_database(db_path)
    with db.read() as session:
        settings = all_settings(session)
        default = default_terminal(session)
    if not is_configured(settings) and (demo_mode() if demo is None else demo):
        set_up_demo(db)
    elif settings.get("terminal.driver") and (default is None or not _mirrors(default, settings)):
        with db.write() as session:  # configured outside the terminals table (older till, CLI): keep it in step
            adopt_configured_terminal(session)
    with db.read() as session:
        return db, all_settings(session)


def _mirrors(row, settings: dict) -> bool:
    """Whether the settings still describe the default terminal row (cheap check before any write)."""
    return (settings.get("terminal.name"), settings.get("terminal.host"), int(settings.get("terminal.port") or 0),
            settings.get("terminal.tid"), settings.get("terminal.driver")) == (
        row.name, row.host, row.port, row.tid, row.driver)


def till_context(db, settings: dict, payments=None, mydata=None, *, cashier: str | None = None, admin_gate=None,
                 reconfigure=None):
    """What the till window works with, for an open database (``cashier`` None: the first active user)."""
    from platformdirs import user_data_path

    from nexipos_desktop.fiscal.mydata_setup import print_wait_s
    from nexipos_desktop.ui.main_window import TillContext

    return TillContext(
        db=db,
        cashier=cashier_name(db) if cashier is None else cashier,
        shop_name=settings["shop.name"],
        receipts_dir=user_data_path("NexiPOS", "NexiPOS") / "receipts",
        paper=settings["printing.paper"],
        printer_name=settings["printing.printer"],
        payments=payments,
        terminal_name=payments.terminal_name if payments else None,
        mydata=mydata,
        mydata_print_wait_s=print_wait_s(settings) if mydata else 0.0,
        admin_gate=admin_gate,
        reconfigure=reconfigure,
    )


async def start_payments(db, settings: dict, cashier: str):
    """The card service (and the embedded simulator when configured); (None, None) without a terminal."""
    from platformdirs import user_data_path

    from nexipos_desktop.payments.setup import build_service, terminal_settings

    terminal = terminal_settings(settings)
    if terminal is None:
        return None, None
    simulator = None
    if terminal.simulator:
        from nexipos_desktop.simulator.embedded import start_embedded_simulator

        ledger = user_data_path("NexiPOS", "NexiPOS") / "simulator-ledger.jsonl"
        simulator, terminal = await start_embedded_simulator(terminal, settings.get("simulator.public_key", ""), ledger)
        log.info("embedded terminal simulator on 127.0.0.1:%s", simulator.port)
    try:
        return build_service(db, terminal, cashier=cashier), simulator
    except ValueError as exc:  # e.g. a missing signing key: the till still sells for cash
        log.error("card payments unavailable: %s", exc)
        return None, simulator


async def start_mydata(db, settings: dict):
    """The myDATA sender (and the embedded fake myDATA when configured); (None, fake) when not set up."""
    from nexipos_desktop.fiscal.mydata_client import MyDataClient
    from nexipos_desktop.fiscal.mydata_setup import (
        SIMULATOR_SUBSCRIPTION_KEY, SIMULATOR_USER_ID, mydata_config, uses_simulator,
    )
    from nexipos_desktop.fiscal.outbox_sender import OutboxSender

    fake = None
    if uses_simulator(settings):
        from nexipos_desktop.simulator.mydata_server import start_embedded_mydata

        fake = await start_embedded_mydata(SIMULATOR_USER_ID, SIMULATOR_SUBSCRIPTION_KEY)
        log.info("embedded myDATA simulator on %s", fake.url)
    try:
        config = mydata_config(settings, simulator_url=fake.url if fake else None)
    except ValueError as exc:  # a wrong setting: receipts wait in the outbox, the admin sees why
        log.error("myDATA transmission unavailable: %s", exc)
        return None, fake
    if config is None:
        log.info("myDATA transmission not configured: receipts wait in the outbox")
        return None, fake
    return OutboxSender(db, MyDataClient(config)), fake


async def check_saved_terminal(window, db, settings: dict) -> bool:
    """At start: ECHO a TCPSocket terminal at its saved address; if it stays silent, warn (its IP may have changed)."""
    from nexipos_desktop.admin.connection import echo_terminal
    from nexipos_desktop.admin.terminals import record_check
    from nexipos_desktop.payments.contract import EchoResult
    from nexipos_desktop.ui.tasks import off_thread

    if settings.get("terminal.driver") != "ecr_socket":
        return True
    host, port, name = settings.get("terminal.host", ""), int(settings.get("terminal.port") or 0), settings.get("terminal.name", "")
    outcome = await echo_terminal(host, port)
    ok = isinstance(outcome, EchoResult)

    def write() -> None:
        with db.write() as session:
            record_check(session, name, ok, "" if ok else outcome.message)

    await off_thread(write)
    if not ok:
        log.warning("terminal %s at %s:%s does not answer: %s", name, host, port, outcome.code)
        window.warn_terminal_silent(f"{host}:{port}", outcome.message)
    return ok


def show_recovery(window) -> None:
    """Unanswered card attempts become in doubt; they and open sales are settled before new sales."""
    from nexipos_desktop.payments.journal import recover_after_crash
    from nexipos_desktop.ui.recovery_dialog import RecoveryDialog

    service = window.context.payments
    if service is None:
        return
    in_doubt = recover_after_crash(window.context.db)
    sales = service.open_sales()
    if in_doubt or sales:
        window.recovery_dialog = RecoveryDialog(service, in_doubt, sales, parent=window)
        window.recovery_dialog.open()


class Startup:
    """The till's start: the window is shown at once, the database and the terminal are opened behind it."""

    def __init__(self, window, db_path: Path) -> None:
        self.window = window
        self.db_path = db_path
        self.db = None
        self.simulator = None
        self.mydata = None
        self.fake_mydata = None
        self.gate = None
        self.failed = False

    async def run(self) -> None:
        from nexipos_desktop.admin.setup_apply import is_configured
        from nexipos_desktop.admin.sign_in import starting_cashier
        from nexipos_desktop.storage.errors import StorageError
        from nexipos_desktop.ui.pin_dialog import AdminGate
        from nexipos_desktop.ui.tasks import off_thread

        try:
            self.db, settings = await off_thread(open_till_database, self.db_path)
        except StorageError as exc:
            self.failed = True
            QMessageBox.critical(self.window, "NexiPOS", str(exc))
            self.window.close()
            return
        self.gate = AdminGate(self.db)
        if not is_configured(settings):
            settings = await self.first_run()
        try:
            self.mydata, self.fake_mydata = await start_mydata(self.db, settings)
        except Exception:  # transmission trouble must not stop the till: receipts wait in the outbox
            log.exception("myDATA transmission could not start")
        starting = await off_thread(starting_cashier, self.db, demo=demo_mode())
        if starting.must_sign_in:
            self.window.sign_in.set_locked(True)  # before the till is attached: no sale slips in before sign-in
        await self.start_terminal(settings, starting.name)
        if self.mydata is not None:
            from nexipos_desktop.payments.preload import add_completion_hook

            add_completion_hook(self.wake_mydata)  # a deferred card payment settled: SendPaymentsMethod is queued
            self.mydata.start()  # after the window: transmission runs behind the first sale
        log.info("NexiPOS %s ready on %s", __version__, self.db_path)
        if starting.must_sign_in:  # PINs are set: nobody sells (nor settles a crash's leftovers) before signing in
            self.window.sign_in.require(then=lambda: show_recovery(self.window))
        else:
            show_recovery(self.window)

    def wake_mydata(self, _receipt_id: int, _payment_id: int) -> None:
        if self.mydata is not None:
            self.mydata.wake()

    async def first_run(self) -> dict:
        """No shop yet: the setup wizard (or its one-click demo) before the till; returns the settings after it."""
        import asyncio

        from nexipos_desktop.storage.settings import all_settings
        from nexipos_desktop.ui.tasks import off_thread
        from nexipos_desktop.ui.wizard import SetupWizard
        from nexipos_desktop.ui.wizard.webecr_panel import default_pairing
        from nexipos_desktop.ui.wizard.wizard import read_setup_state

        state, existing = await off_thread(read_setup_state, self.db, first_run=True, pairing=default_pairing())
        self.window.wizard = wizard = SetupWizard(self.db, state, actor="setup", existing=existing, parent=self.window)
        done = asyncio.get_event_loop().create_future()
        wizard.finished.connect(lambda result: done.done() or done.set_result(result))
        wizard.open()
        await done
        self.window.wizard = None
        with self.db.read() as session:
            return all_settings(session)

    async def start_terminal(self, settings: dict, cashier: str) -> None:
        """Build the card service from the settings, attach the till to it, and check the terminal answers.
        ``cashier`` is who is signed in ("" while the till is locked): on the receipts and card attempts."""
        from nexipos_desktop.ui.tasks import spawn

        payments, self.simulator = await start_payments(self.db, settings, cashier)
        self.window.attach(till_context(self.db, settings, payments, self.mydata, cashier=cashier,
                                        admin_gate=self.gate, reconfigure=self.reconfigure))
        if payments is not None and not self.simulator:
            spawn(check_saved_terminal(self.window, self.db, settings))

    async def reconfigure(self) -> None:
        """After the admin saved settings: the till works with the new terminal (the old one is released)."""
        from nexipos_desktop.storage.settings import all_settings
        from nexipos_desktop.ui.tasks import off_thread

        def read() -> dict:
            with self.db.read() as session:
                return all_settings(session)

        settings = await off_thread(read)
        old = self.window.context.payments
        if old is not None:
            await old.driver.close()
        if self.simulator is not None:
            await self.simulator.close()
            self.simulator = None
        await self.start_terminal(settings, self.window.context.cashier)  # whoever is signed in stays

    async def close(self) -> None:
        from nexipos_desktop.ui.tasks import drain

        await drain()  # let a running sale or print finish before the database closes
        if self.mydata is not None:
            from nexipos_desktop.payments.preload import remove_completion_hook

            remove_completion_hook(self.wake_mydata)
            await self.mydata.stop()
        if self.fake_mydata is not None:
            await self.fake_mydata.close()
        if self.simulator is not None:
            await self.simulator.close()
        if self.db is not None:
            self.db.close()


def run_app(db_path: Path, language: str | None = None) -> int:
    """Run the till until its window closes; returns the exit code.

    The window is painted first (Qt only); logging, the asyncio loop, the database layer and the terminal load
    behind it, so the till appears at once whatever the size of its database.
    """
    from nexipos_desktop.storage.quick_settings import read_setting
    from nexipos_desktop.ui.main_window import MainWindow, TillContext

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("NexiPOS")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "nexipos.png")))
    install_translator(app, language or read_setting(Path(db_path), "ui.language", "el"))
    window = MainWindow(TillContext())
    window.show()
    app.processEvents()
    reporting = bool(os.environ.get("NEXIPOS_REPORT_SHOWN"))
    if reporting:  # benchmarks: the window is up; "ready" follows once the database and terminal are open
        print("shown", flush=True)

    import asyncio

    import qasync
    from platformdirs import user_log_path

    from nexipos_desktop.ui.tasks import spawn

    setup_logging(user_log_path("NexiPOS", "NexiPOS"))
    install_excepthook()
    load_fonts()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    startup = Startup(window, Path(db_path))
    spawn(_report_ready(startup, loop) if reporting else startup.run())
    app.lastWindowClosed.connect(loop.stop)
    with loop:
        loop.run_forever()
        loop.run_until_complete(startup.close())
    return 3 if startup.failed else 0


async def _report_ready(startup: Startup, loop) -> None:
    try:
        await startup.run()
        print("ready", flush=True)
    finally:
        loop.stop()


def cashier_name(db) -> str:
    from sqlmodel import select

    from nexipos_desktop.storage.models import Cashier

    with db.read() as session:
        cashier = session.exec(select(Cashier).where(Cashier.active).order_by(Cashier.id)).first()
    return cashier.name if cashier else "—"


def qt_versions() -> str:
    """For ``nexipos selftest``: start Qt, build the till window offscreen, and name the versions."""
    import PySide6
    from PySide6.QtCore import qVersion

    from nexipos_desktop.ui.main_window import MainWindow, TillContext

    app = QApplication.instance() or QApplication([])
    window = MainWindow(TillContext())
    window.close()
    app.processEvents()
    return f"PySide6 {PySide6.__version__} (Qt {qVersion()})"
