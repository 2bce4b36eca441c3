"""The till's card payment path as a killable process, for ``test_crash_recovery.py``.

Usage: ``python crash_worker.py DB_PATH HOST PORT SEED N``

Opens the till database (seeding the demo shop if it is new), builds a :class:`PaymentService` around the real
:class:`EcrSocketDriver` pointed at ``HOST:PORT`` and then, like the app on start:

1. turns unanswered card attempts into in doubt (``journal.recover_after_crash``);
2. settles the sales a crash left open: a sale with an unsettled (in-doubt) attempt is left for the cashier;
   a sale with approved card payments is issued (any rest in cash, as the cashier would take it); a sale
   with nothing approved is abandoned (its number goes back).

Then it rings up ``N`` random sales: open the sale with a few catalogue lines, charge the total by card (or a
card part and the rest in cash, or two cards, or a magic amount: declined, cancelled, tip, lost reply), issue
when approved, abandon when not, leave the sale open when the outcome is in doubt.

Every step prints one flushed line ``<step> <details…>`` on stdout so the test can SIGKILL the process at chosen
points: ``recovering``, ``recovered``, ``opened``, ``charging``, ``state connecting|sent|waiting_for_card|done``
(the driver's progress: journal says ``sent``; request written; CONFIRMED read; reply read, outcome not yet
committed), ``reply`` (the driver returned, outcome not yet committed), ``outcome`` (committed), ``issuing``,
``issued``, ``abandoning``, ``abandoned``, ``left``, ``finished``.
"""

from __future__ import annotations

import asyncio
import random
import sys
from decimal import Decimal
from pathlib import Path

from sqlmodel import select

from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.service import OpenSale, PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.db import Database, open_database
from nexipos_desktop.storage.models import Product
from nexipos_desktop.storage.seed import seed_demo_shop

TID = "64999999"
CASHIER = "Ταμίας 1"
#: Card amounts the worker sends on purpose (simulator magic amounts): declined, cancelled, tip, lost reply.
MAGIC_CARD_AMOUNTS = (999, 333, 444, 1313)
#: Magic amounts it never sends: minutes-long waits (22.22 €, 5.55 €) and a terminal that is always busy (7.77 €).
AVOIDED_AMOUNTS = frozenset({2222, 555, 777})
BUSY_RETRIES = 50


def say(*parts: object) -> None:
    print(*parts, flush=True)


class ReportingDriver(EcrSocketDriver):
    """The real socket driver; it only reports when the terminal's reply is in, before the service commits it."""

    async def execute(self, request, progress=None):
        outcome = await super().execute(request, progress)
        say("reply", request.session, outcome.kind)
        return outcome


def build_service(db: Database, host: str, port: int) -> PaymentService:
    config = TerminalConfig(driver="ecr_socket", name="Προσομοιωτής", host=host, port=port,
                            confirm_timeout_s=2.0, result_timeout_s=15.0)
    return PaymentService(db, ReportingDriver(config), terminal_name="Προσομοιωτής", tid=TID, cashier=CASHIER)


def cash_tendered(rest_cents: int) -> int | None:
    """What the customer hands over for the rest: the next multiple of 5 € (None when nothing is left)."""
    return -(-rest_cents // 500) * 500 if rest_cents > 0 else None


def settle_open_sales(service: PaymentService, db: Database) -> None:
    """Start-up recovery, as the app does it, with the cashier's obvious choices for open sales."""
    say("recovering")
    in_doubt = journal.recover_after_crash(db)
    say("recovered", len(in_doubt), *(f"{a.id}:{a.session}" for a in in_doubt))
    for sale in service.open_sales():
        with db.read() as session:
            attempts = journal.attempts_for_receipt(session, sale.receipt_id)
        if any(a.state in journal.UNSETTLED for a in attempts):
            say("left", sale.receipt_id, sale.label, "in_doubt")
            continue
        paid = sum(a.amount_cents for a in attempts if a.state in journal.APPROVED_STATES)
        if paid > 0:
            issue(service, sale, sale.total_cents - paid)
        else:
            abandon(service, sale)


def issue(service: PaymentService, sale: OpenSale, rest_cents: int) -> None:
    say("issuing", sale.receipt_id, sale.label, sale.total_cents, rest_cents)
    document = service.issue(sale, cash_tendered_cents=cash_tendered(rest_cents))
    say("issued", sale.receipt_id, f"{document.series}-{document.number}")


def abandon(service: PaymentService, sale: OpenSale) -> None:
    say("abandoning", sale.receipt_id, sale.label)
    service.abandon(sale)
    say("abandoned", sale.receipt_id, sale.label)


def catalogue(db: Database) -> list[Product]:
    with db.read() as session:
        products = session.exec(select(Product).where(Product.active).order_by(Product.id)).all()
    return [p for p in products if p.price_cents <= 3000]


def random_lines(rng: random.Random, products: list[Product]) -> list[CartLine]:
    chosen = rng.sample(products, rng.randint(1, 4))
    return [CartLine(p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, Decimal(rng.randint(1, 3)),
                     vat_exemption=p.vat_exemption) for p in chosen]


def _sendable(cents: int) -> int:
    return cents - 1 if cents in AVOIDED_AMOUNTS else cents


def card_parts(rng: random.Random, total: int) -> list[int]:
    """How the customer pays by card: the whole total, a part (rest cash), two cards, or a magic amount."""
    roll = rng.random()
    if roll < 0.15:
        magic = rng.choice([m for m in MAGIC_CARD_AMOUNTS if m <= total] or [_sendable(total)])
        return [magic]  # any rest in cash
    if total < 2 or roll < 0.65:
        return [_sendable(total)]  # when the total is an avoided amount, 1 cent is paid in cash
    first = _sendable(rng.randint(1, total - 1))
    if roll < 0.85:
        return [first]  # the rest in cash
    return [first, _sendable(total - first)]  # two cards


def progress_reporter(receipt_id: int):
    return lambda state: say("state", state.value, receipt_id)


async def one_sale(service: PaymentService, rng: random.Random, products: list[Product], index: int) -> None:
    sale = service.open_sale(random_lines(rng, products))
    say("opened", sale.receipt_id, sale.label, sale.total_cents, index)
    approved = 0
    for part in card_parts(rng, sale.total_cents):
        for _ in range(BUSY_RETRIES):  # busy: nothing was charged, a new attempt (new session) is allowed
            say("charging", sale.receipt_id, part)
            result = await service.charge(sale, part, progress=progress_reporter(sale.receipt_id))
            kind = result.outcome.kind
            say("outcome", sale.receipt_id, result.attempt_id, kind)
            if kind != "busy":
                break
            await asyncio.sleep(0.02)
        if kind == "in_doubt":  # the cashier must read the terminal: the sale keeps its number meanwhile
            say("left", sale.receipt_id, sale.label, "in_doubt")
            return
        if kind != "approved":
            break
        approved += part
    if approved:
        issue(service, sale, sale.total_cents - approved)
    else:
        abandon(service, sale)


async def run(db_path: Path, host: str, port: int, seed: int, count: int) -> None:
    db = open_database(db_path)
    try:
        seed_demo_shop(db)
        service = build_service(db, host, port)
        settle_open_sales(service, db)
        rng = random.Random(seed)
        products = catalogue(db)
        for index in range(count):
            await one_sale(service, rng, products, index)
        say("finished", count)
    finally:
        db.close()


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print("usage: crash_worker.py DB_PATH HOST PORT SEED N", file=sys.stderr)
        return 2
    db_path, host, port, seed, count = argv
    asyncio.run(run(Path(db_path), host, int(port), int(seed), int(count)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
