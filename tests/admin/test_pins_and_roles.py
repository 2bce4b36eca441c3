"""Users, PIN hashing and the admin check with lockout."""

from datetime import timedelta

import pytest
from sqlmodel import select

from nexipos_desktop.admin.pins import PinError, hash_pin, verify_pin
from nexipos_desktop.admin.roles import PinRejected, Role, RoleError, authenticate, has_admin, list_users, save_user
from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.models import AuditEntry, Cashier
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_CASHIER, DEMO_PINS


def test_pin_hash_is_salted_scrypt_with_its_parameters():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert verify_pin("1234", first) and not verify_pin("1235", first)
    assert not verify_pin("1234", None) and not verify_pin("1234", "garbage")
    assert "1234" not in first


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "١٢٣٤"])
def test_pins_are_four_to_eight_ascii_digits(pin):
    with pytest.raises(PinError):
        hash_pin(pin)


def test_the_demo_shop_has_an_admin_and_a_cashier_with_the_documented_pins(db):
    with db.read() as session:
        users = {u.name: u.role for u in list_users(session)}
        rows = {c.name: c.pin_hash for c in session.exec(select(Cashier))}
        assert has_admin(session)
    assert users == {DEMO_CASHIER: Role.CASHIER, DEMO_ADMIN: Role.ADMIN}
    assert all(verify_pin(DEMO_PINS[name], rows[name]) for name in users)


def test_admin_pin_authorises_and_is_audited(db):
    user = authenticate(db, DEMO_ADMIN, "1234", action="void", details={"receipt": "Α-1"})
    assert user.role is Role.ADMIN
    with db.read() as session:
        entry = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.actor, entry.action) == (DEMO_ADMIN, "admin.void") and "Α-1" in entry.details


def test_a_cashier_cannot_authorise_admin_actions(db):
    with pytest.raises(PinRejected, match="δικαίωμα"):
        authenticate(db, DEMO_CASHIER, "0000", action="void")


def test_wrong_pins_lock_the_user_with_growing_waits_even_for_the_right_pin(db):
    now = athens_now()
    for left in (2, 1):
        with pytest.raises(PinRejected, match=f"απομένουν {left}"):
            authenticate(db, DEMO_ADMIN, "9999", action="settings", now=now)
    with pytest.raises(PinRejected) as locked:
        authenticate(db, DEMO_ADMIN, "9999", action="settings", now=now)
    assert locked.value.locked_s == 30
    with pytest.raises(PinRejected, match="δοκιμάστε ξανά"):
        authenticate(db, DEMO_ADMIN, "1234", action="settings", now=now + timedelta(seconds=10))
    later = now + timedelta(seconds=31)
    with pytest.raises(PinRejected) as again:
        authenticate(db, DEMO_ADMIN, "9999", action="settings", now=later)
    assert again.value.locked_s == 60
    user = authenticate(db, DEMO_ADMIN, "1234", action="settings", now=later + timedelta(seconds=61))
    assert user.name == DEMO_ADMIN
    with pytest.raises(PinRejected, match="απομένουν 2"):  # a right PIN clears the count
        authenticate(db, DEMO_ADMIN, "9999", action="settings", now=later + timedelta(seconds=62))
    with db.read() as session:
        actions = [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.actor == DEMO_ADMIN))]
    assert actions.count("pin.rejected") == 5 and actions.count("admin.settings") == 1


def test_the_last_admin_cannot_be_demoted(db):
    with db.write() as session, pytest.raises(RoleError):
        save_user(session, DEMO_ADMIN, Role.CASHIER, None, actor="test")
