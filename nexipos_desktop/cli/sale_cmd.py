"""``nexipos sale --item CODE_OR_BARCODE[xQTY] … --cash AMOUNT``: a cash sale without the GUI."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from nexipos_desktop.cli.common import CliError, open_db, print_json, subcommand
from nexipos_desktop.money import AmountError, format_cents, parse_amount, parse_quantity
from nexipos_desktop.printing.receipt_text import render_receipt_text
from nexipos_desktop.receipts.cart import Cart, CartLine
from nexipos_desktop.storage.catalogue import find_product
from nexipos_desktop.storage.receipt_store import SaleError, issue_cash_sale


def register(commands: argparse._SubParsersAction) -> None:
    sale = subcommand(commands, "sale", "έκδοση απόδειξης πώλησης με μετρητά")
    sale.add_argument("--item", action="append", required=True, metavar="CODE_OR_BARCODE[xQTY]",
                      help="κωδικός ή γραμμωτός κώδικας, προαιρετικά xΠΟΣΟΤΗΤΑ (π.χ. 5201234567890x2, P0007x0.750)")
    sale.add_argument("--cash", metavar="AMOUNT", help="ποσό που έδωσε ο πελάτης (π.χ. 20 ή 20,00)")
    sale.add_argument("--card", nargs="?", const="", metavar="AMOUNT",
                      help="πληρωμή με κάρτα στο ρυθμισμένο τερματικό: όλο το ποσό, ή AMOUNT και τα υπόλοιπα --cash")
    extras = sale.add_mutually_exclusive_group()
    extras.add_argument("--instalments", type=int, metavar="N", help="πληρωμή με κάρτα σε N δόσεις (2–60)")
    extras.add_argument("--tip", metavar="AMOUNT", help="φιλοδώρημα στην κάρτα, πέρα από το ποσό της απόδειξης")
    sale.add_argument("--socket", metavar="HOST:PORT", help="τερματικό TCPSocket αντί του ρυθμισμένου")
    sale.add_argument("--type", dest="invoice_type", choices=("11.1", "11.2"), default="11.1",
                      help="11.1 απόδειξη λιανικής (προεπιλογή) ή 11.2 απόδειξη παροχής υπηρεσιών")
    sale.add_argument("--cashier", default="cli", help="όνομα ταμία για το ημερολόγιο ενεργειών")
    sale.add_argument("--pdf", type=Path, metavar="FILE", help="αποθήκευση της απόδειξης και ως PDF")
    sale.add_argument("--json", action="store_true", help="έξοδος JSON")
    sale.set_defaults(handler=sale_command)


def split_item(spec: str) -> tuple[str, Decimal]:
    """``CODE``, ``CODExQTY`` or ``CODE*QTY`` → (code, quantity)."""
    for separator in ("x", "X", "*", "×"):
        code, found, qty = spec.rpartition(separator)
        if found and code:
            try:
                return code.strip(), parse_quantity(qty)
            except AmountError:
                if any(ch.isdigit() for ch in qty) and qty.replace(",", "").replace(".", "").isdigit():
                    raise
    return spec.strip(), Decimal(1)


def build_cart(session, items: list[str]) -> Cart:
    cart = Cart()
    for spec in items:
        code, quantity = split_item(spec)
        product = find_product(session, code)
        if product is None:
            raise CliError(f"άγνωστος κωδικός ή γραμμωτός κώδικας «{code}»", exit_code=2)
        cart.add(CartLine(product.id, product.code, product.name, product.price_cents, product.vat_category,
                          product.unit, quantity, vat_exemption=product.vat_exemption))
    return cart


def sale_command(args: argparse.Namespace) -> int:
    if args.card is not None:
        return card_sale_command(args)
    if args.cash is None:
        raise CliError("δώστε --cash ΠΟΣΟ ή/και --card [ΠΟΣΟ]", 2)
    db = open_db(args)
    try:
        with db.read() as session:
            cart = build_cart(session, args.item)
        document = issue_cash_sale(db, cart.lines, parse_amount(args.cash), invoice_type=args.invoice_type,
                                   cashier=args.cashier)
    except (AmountError, SaleError) as exc:
        raise CliError(f"{exc} — δεν εκδόθηκε απόδειξη", exit_code=2) from exc
    finally:
        db.close()
    if args.pdf:
        from nexipos_desktop.printing import render_receipt_pdf

        args.pdf.write_bytes(render_receipt_pdf(document))
    if args.json:
        print_json(document.to_json())
    else:
        print(render_receipt_text(document), end="")
    return 0


def card_sale_command(args: argparse.Namespace) -> int:
    """A sale paid wholly or partly by card: the receipt is issued only if the card is approved."""
    from nexipos_desktop.cli.terminal_cmd import EXIT_CODES, on_terminal, outcome_json, report_outcome
    from nexipos_desktop.payments.contract import Operation, UnsupportedOperation
    from nexipos_desktop.payments.service import PaymentError

    db = open_db(args)
    try:
        with db.read() as session:
            cart = build_cart(session, args.item)
        card = parse_amount(args.card) if args.card else cart.total_cents
        rest = cart.total_cents - card
        tendered = parse_amount(args.cash) if args.cash else None
        if card > cart.total_cents:
            raise CliError("το ποσό της κάρτας υπερβαίνει το σύνολο", 2)
        if rest > 0 and (tendered is None or tendered < rest):
            raise CliError(f"το υπόλοιπο {format_cents(rest)} € θέλει --cash που να το καλύπτει", 2)
        options: dict = {}
        if args.instalments is not None:
            if not 2 <= args.instalments <= 60:
                raise CliError("οι δόσεις πρέπει να είναι 2–60", 2)
            options = {"operation": Operation.INSTALMENTS, "instalments": args.instalments}
        elif args.tip:
            options = {"operation": Operation.TIP, "tip_cents": parse_amount(args.tip)}

        async def pay(service):
            if options and options["operation"] not in service.capabilities:  # before a number is reserved
                raise UnsupportedOperation(f"Το τερματικό δεν υποστηρίζει «{options['operation'].value}»")
            sale = service.open_sale(cart.lines, invoice_type=args.invoice_type)
            result = await service.charge(sale, card, **options)
            if result.outcome.kind == "approved":
                return result, service.issue(sale, cash_tendered_cents=tendered if rest > 0 else None)
            if result.outcome.kind != "in_doubt":  # nothing charged: the number goes to the next sale
                service.abandon(sale)
            return result, None

        result, document = on_terminal(db, args, pay, cashier=args.cashier)
        if document is None:
            report_outcome(result.outcome, card, as_json=args.json, reference=result.reference)
            return EXIT_CODES.get(result.outcome.kind, 1)
    except (AmountError, SaleError, PaymentError, UnsupportedOperation) as exc:
        raise CliError(f"{exc} — δεν εκδόθηκε απόδειξη", exit_code=2) from exc
    finally:
        db.close()
    if args.pdf:
        from nexipos_desktop.printing import render_receipt_pdf

        args.pdf.write_bytes(render_receipt_pdf(document))
    if args.json:
        print_json({**document.to_json(), "outcome": "approved", "card": outcome_json(result.outcome, card,
                                                                                     result.reference)})
    else:
        print(render_receipt_text(document), end="")
    return 0
