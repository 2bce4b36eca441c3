"""The one-click demo: the demo shop (products, users with demo PINs) wired to the built-in terminal simulator."""

from __future__ import annotations

from nexipos_desktop.admin.terminals import adopt_configured_terminal
from nexipos_desktop.fiscal.mydata_setup import configure_demo_mydata
from nexipos_desktop.payments.demo import configure_demo_terminal
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.seed import seed_demo_shop


def set_up_demo(db: Database) -> bool:
    """Seed the demo shop and its simulated terminal; False when the shop was already set up."""
    if not seed_demo_shop(db):
        return False
    configure_demo_terminal(db)
    configure_demo_mydata(db)
    with db.write() as session:
        adopt_configured_terminal(session)
    return True
