"""The till's «Διαχείριση» menu: the settings screen and the setup wizard, each behind an admin's PIN."""

from __future__ import annotations

from nexipos_desktop.ui.pin_dialog import authorise
from nexipos_desktop.ui.tasks import off_thread, spawn


async def open_admin(window, what: str) -> None:
    """Open the settings (``what`` = "settings") or the wizard ("wizard") once an admin approved."""
    from nexipos_desktop.ui.settings_dialog import SettingsDialog
    from nexipos_desktop.ui.wizard import SetupWizard
    from nexipos_desktop.ui.wizard.webecr_panel import default_pairing
    from nexipos_desktop.ui.wizard.wizard import read_setup_state

    context = window.context
    if context.db is None or getattr(window, "admin_dialog", None) is not None:
        return
    if not window.model.cart.is_empty:
        window.show_error_banner(window.tr("Ολοκληρώστε ή ακυρώστε την τρέχουσα πώληση πριν από τις ρυθμίσεις."))
        return
    label = window.tr("Ρυθμίσεις") if what == "settings" else window.tr("Οδηγός ρύθμισης")
    admin = await authorise(window, what, label)
    if admin is None:
        return
    actor = admin or context.cashier or "admin"
    state, existing = await off_thread(read_setup_state, context.db, receipts_dir=context.receipts_dir,
                                       pairing=default_pairing())
    if what == "settings":
        dialog = SettingsDialog(context.db, state, actor=actor, parent=window)
    else:
        dialog = SetupWizard(context.db, state, actor=actor, existing=existing, parent=window)
    window.admin_dialog = dialog
    dialog.saved.connect(lambda: spawn(after_saved(window), on_error=window.report_error))
    dialog.finished.connect(lambda _result: setattr(window, "admin_dialog", None))
    dialog.open()


async def after_saved(window) -> None:
    """Reload the settings and the terminal so the till works with what the admin saved."""
    if window.context.reconfigure is not None:
        await window.context.reconfigure()
    window.show_banner(window.tr("Οι ρυθμίσεις αποθηκεύτηκαν."))
