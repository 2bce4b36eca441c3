"""First run: a demo shop with issuer details, ~300 Greek products and one cashier."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, select

from nexipos_desktop.resources import resources_dir
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Cashier, Product
from nexipos_desktop.storage.product_import import import_products, read_products_csv
from nexipos_desktop.storage.settings import get_setting, set_setting

DEMO_SHOP = {
    "shop.name": "Μίνι Μάρκετ Η Γωνιά",
    "shop.activity": "Λιανικό εμπόριο τροφίμων",
    "shop.vat": "094014201",
    "shop.tax_office": "Α' Αθηνών",
    "shop.address": "Ερμού 25, 105 63 Αθήνα",
    "shop.phone": "210 3250000",
    "shop.branch": 0,
}
DEMO_CASHIER = "Ταμίας 1"
DEMO_ADMIN = "Διαχειριστής"
#: Demo PINs (README «Ρόλοι και PIN»); a real shop sets its own in the setup wizard.
DEMO_PINS = {DEMO_CASHIER: "0000", DEMO_ADMIN: "1234"}
QUICK_KEY_COUNT = 24
# Words that start the names of the everyday items a kiosk puts on quick keys.
_QUICK_KEY_WORDS = ("Νερό", "Γάλα", "Ψωμί", "Καφές", "Φέτα", "Τυρόπιτα", "Κουλούρι", "Μπανάνες", "Ντομάτες",
                    "Αναψυκτικό", "Μπύρα", "Σοκολάτα", "Πατατάκια", "Εφημερίδα", "Αυγά", "Γιαούρτι")


def is_seeded(session: Session) -> bool:
    return bool(get_setting(session, "shop.seeded", False))


def seed_demo_shop(db: Database) -> bool:
    """Fill an empty database with the demo shop; returns False when the shop was already set up."""
    with db.read() as session:
        if is_seeded(session):
            return False
    records = read_products_csv(resources_dir() / "demo" / "products.csv")
    with db.write() as session:
        if is_seeded(session):
            return False
        for key, value in DEMO_SHOP.items():
            set_setting(session, key, value)
        import_products(session, records)
        _assign_quick_keys(session)
        if session.exec(select(Cashier)).first() is None:
            from nexipos_desktop.admin.pins import hash_pin

            session.add(Cashier(name=DEMO_CASHIER, role="cashier", pin_hash=hash_pin(DEMO_PINS[DEMO_CASHIER])))
            session.flush()
            session.add(Cashier(name=DEMO_ADMIN, role="admin", pin_hash=hash_pin(DEMO_PINS[DEMO_ADMIN])))
        set_setting(session, "shop.seeded", True)
        audit(session, "system", "shop.seeded", products=len(records))
    return True


def _assign_quick_keys(session: Session) -> None:
    products = session.exec(select(Product).order_by(Product.id)).all()
    chosen: list[Product] = []
    for word in _QUICK_KEY_WORDS:
        match = next((p for p in products if p.name.startswith(word) and p not in chosen), None)
        if match is not None:
            chosen.append(match)
    chosen += [p for p in products if p not in chosen][: QUICK_KEY_COUNT - len(chosen)]
    session.execute(update(Product).values(quick_key=None))
    for key, product in enumerate(chosen[:QUICK_KEY_COUNT], start=1):
        product.quick_key = key
        session.add(product)
