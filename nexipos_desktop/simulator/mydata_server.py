"""A fake myDATA (aiohttp): ``SendInvoices``, ``CancelInvoice?mark=``, ``SendPaymentsMethod`` on both channels.

ERP channel at ``/``, provider channel at ``/myDataProvider/`` (answers add ``authenticationCode``). It checks
the ``aade-user-id`` / ``ocp-apim-subscription-key`` headers (401 without them, or when they differ from the
configured ones) and ``Content-Type: text/xml``, validates bodies against the official XSDs when they are found
(else it says so at start and accepts any well-formed XML), gives MARKs, UIDs (computed from the header like
myDATA does) and QR URLs, and refuses a second invoice with a known UID with error :data:`DUPLICATE_CODE`,
naming the MARK it already gave. Repeating a cancellation answers with the same cancellation MARK.

Faults for tests and demos: :meth:`FakeMyData.script` queues faults for the next requests (one each);
``always`` faults hit every request. What it received is kept in ``requests``.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import logging
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from aiohttp import web
from lxml import etree

from nexipos_desktop.fiscal.mydata_response import DUPLICATE_CODE, ResponseErrorItem, ResponseItem, response_doc
from nexipos_desktop.fiscal.xsd import SchemaNotFound, validate
from nexipos_desktop.receipts.uid import mydata_uid

log = logging.getLogger(__name__)
FIRST_MARK = 400001000000001
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


class MyDataFault(str, Enum):
    """A scripted misbehaviour of the fake server."""

    SERVER_ERROR = "server_error"  # HTTP 500, nothing registered
    SLOW = "slow"  # registered, answered after ``slow_s`` (the till times out: no answer)
    DROP = "drop"  # registered, then the connection is closed without an answer
    XSD_ERROR = "xsd_error"  # refused as not valid against the XSD (code 101)
    BUSINESS_ERROR = "business_error"  # refused by a business rule (code 207, totals)


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes
    query: dict[str, str] = field(default_factory=dict)


@dataclass
class _Registered:
    mark: int
    uid: str
    cancellation_mark: int | None = None


class FakeMyData:
    """The fake server's state and HTTP handlers; ``start()`` listens, ``close()`` stops."""

    def __init__(self, *, user_id: str | None = None, subscription_key: str | None = None,
                 always: tuple[MyDataFault, ...] = (), slow_s: float = 5.0, check_xsd: bool = True) -> None:
        self.user_id = user_id
        self.subscription_key = subscription_key
        self.always = set(always)
        self.slow_s = slow_s
        self.check_xsd = check_xsd
        self.requests: list[ReceivedRequest] = []
        self.invoices: dict[str, _Registered] = {}  # by UID
        self.payment_methods: list[tuple[int, int]] = []  # (invoice MARK, paymentMethodMark)
        self._marks = itertools.count(FIRST_MARK)
        self._scripted: list[MyDataFault] = []
        self._runner: web.AppRunner | None = None
        self.host = "127.0.0.1"
        self.port = 0
        self.xsd_note = self._xsd_note()

    # ----- control -----
    def script(self, *faults: MyDataFault) -> None:
        """The next requests meet these faults, one each, in order."""
        self._scripted.extend(faults)

    @property
    def url(self) -> str:
        """The ERP channel base URL; the provider channel is ``url + "myDataProvider/"``."""
        return f"http://{self.host}:{self.port}/"

    def mark_of(self, uid: str) -> int | None:
        registered = self.invoices.get(uid)
        return registered.mark if registered else None

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application()
        for prefix in ("", "/myDataProvider"):
            app.router.add_post(f"{prefix}/SendInvoices", self._send_invoices)
            app.router.add_post(f"{prefix}/CancelInvoice", self._cancel_invoice)
            app.router.add_post(f"{prefix}/SendPaymentsMethod", self._send_payment_methods)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host, self.port = host, self._runner.addresses[0][1]

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ----- handlers -----
    async def _send_invoices(self, request: web.Request) -> web.StreamResponse:
        return await self._handle(request, "InvoicesDoc", self._register_invoices)

    async def _send_payment_methods(self, request: web.Request) -> web.StreamResponse:
        return await self._handle(request, "PaymentMethodsDoc", self._register_payments)

    async def _cancel_invoice(self, request: web.Request) -> web.StreamResponse:
        return await self._handle(request, None, self._register_cancel)

    async def _handle(self, request: web.Request, schema: str | None, register) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(ReceivedRequest(request.path, dict(request.headers), body, dict(request.query)))
        refused = self._check_headers(request)
        if refused is not None:
            return refused
        fault = self._next_fault()
        if fault is MyDataFault.SERVER_ERROR:
            return web.Response(status=500, text="Internal Server Error")
        provider = request.path.startswith("/myDataProvider/")
        if schema is None:
            items = register(request.query.get("mark", ""), provider)
        else:
            document, problem = self._parse(body, schema, fault)
            items = [problem] if problem is not None else register(document, provider, fault, request)
        answer = web.Response(body=response_doc(items), content_type="application/xml")
        if fault is MyDataFault.DROP:
            request.transport.close()  # registered, but the answer never leaves
            return answer
        if fault is MyDataFault.SLOW:
            await asyncio.sleep(self.slow_s)
        return answer

    def _check_headers(self, request: web.Request) -> web.Response | None:
        user, key = request.headers.get("aade-user-id"), request.headers.get("ocp-apim-subscription-key")
        if not user or not key or (self.user_id and user != self.user_id) or (
                self.subscription_key and key != self.subscription_key):
            return web.Response(status=401, text="Access denied due to invalid subscription key or user.")
        if request.method == "POST" and request.path.endswith(("SendInvoices", "SendPaymentsMethod")) and \
                not request.headers.get("Content-Type", "").startswith("text/xml"):
            return web.Response(status=415, text="Content-Type must be text/xml")
        return None

    def _next_fault(self) -> MyDataFault | None:
        if self._scripted:
            return self._scripted.pop(0)
        return next(iter(sorted(self.always, key=lambda f: f.value)), None)

    def _parse(self, body: bytes, schema: str, fault: MyDataFault | None
               ) -> tuple[etree._Element | None, ResponseItem | None]:
        try:
            document = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError as exc:
            return None, _error("XMLSyntaxError", "101", f"XML Syntax Validation Error: {exc}")
        errors = ["scripted XSD error"] if fault is MyDataFault.XSD_ERROR else self._validate(document, schema)
        if errors:
            return None, _error("XMLSyntaxError", "101", "XML Syntax Validation Error: " + "; ".join(errors[:3]))
        return document, None

    def _validate(self, document: etree._Element, schema: str) -> list[str]:
        if not self.check_xsd or self.xsd_note:
            return []
        return validate(document, schema)

    def _xsd_note(self) -> str:
        if not self.check_xsd:
            return "XSD έλεγχος απενεργοποιημένος: γίνεται δεκτό κάθε καλοσχηματισμένο XML"
        try:
            validate(etree.fromstring(b"<x/>"), "InvoicesDoc")
        except SchemaNotFound as exc:
            return f"{exc}: γίνεται δεκτό κάθε καλοσχηματισμένο XML"
        return ""

    # ----- what myDATA does with a document -----
    def _register_invoices(self, root: etree._Element, provider: bool, fault: MyDataFault | None,
                           request: web.Request) -> list[ResponseItem]:
        items = []
        for index, invoice in enumerate(_children(root, "invoice"), start=1):
            if fault is MyDataFault.BUSINESS_ERROR:
                items.append(_error("ValidationError", "207", "Invoice summary totals do not match", index))
                continue
            uid = _uid_of(invoice)
            known = self.invoices.get(uid)
            if known is not None:
                items.append(_error("ValidationError", DUPLICATE_CODE,
                                    f"Duplicate invoice: already registered with mark {known.mark}", index))
                continue
            mark = next(self._marks)
            self.invoices[uid] = _Registered(mark, uid)
            auth = hashlib.sha1(f"{uid}-{mark}".encode()).hexdigest().upper() if provider else None
            qr = f"{request.scheme}://{request.host}/TimologioQR/QRInfo?q={uid[:20]}{mark}"
            items.append(ResponseItem("Success", index, uid=uid, mark=mark, qr_url=qr, authentication_code=auth))
        return items

    def _register_payments(self, root: etree._Element, _provider: bool, _fault: MyDataFault | None,
                           _request: web.Request) -> list[ResponseItem]:
        items = []
        for index, methods in enumerate(_children(root, "paymentMethods"), start=1):
            mark = int(_text(methods, "invoiceMark") or 0)
            if not any(r.mark == mark for r in self.invoices.values()):
                items.append(_error("ValidationError", "404", f"Invoice with mark {mark} not found", index))
                continue
            payment_mark = next(self._marks)
            self.payment_methods.append((mark, payment_mark))
            items.append(ResponseItem("Success", index, payment_method_mark=payment_mark))
        return items

    def _register_cancel(self, mark_text: str, _provider: bool) -> list[ResponseItem]:
        registered = next((r for r in self.invoices.values() if str(r.mark) == mark_text), None)
        if registered is None:
            return [_error("ValidationError", "404", f"Invoice with mark {mark_text or '-'} not found")]
        if registered.cancellation_mark is None:
            registered.cancellation_mark = next(self._marks)
        return [ResponseItem("Success", cancellation_mark=registered.cancellation_mark)]


def _error(status: str, code: str, message: str, index: int | None = None) -> ResponseItem:
    return ResponseItem(status, index, errors=(ResponseErrorItem(code, message),))


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and etree.QName(child).localname == name]


def _text(element: etree._Element, name: str) -> str:
    for child in element.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip()
    return ""


def _uid_of(invoice: etree._Element) -> str:
    """The UID myDATA computes from the issuer and header (``shared/reference/mydata.md``)."""
    issuer = _children(invoice, "issuer")[0]
    header = _children(invoice, "invoiceHeader")[0]
    return mydata_uid(_text(issuer, "vatNumber"), date.fromisoformat(_text(header, "issueDate")),
                      int(_text(issuer, "branch") or 0), _text(header, "invoiceType"), _text(header, "series"),
                      _text(header, "aa"))


async def start_embedded_mydata(user_id: str, subscription_key: str) -> FakeMyData:
    """The fake myDATA inside the till (``mydata.simulator = true``, ``make run``) on a free loopback port."""
    server = FakeMyData(user_id=user_id, subscription_key=subscription_key)
    await server.start("127.0.0.1", 0)
    if server.xsd_note:
        log.info("fake myDATA: %s", server.xsd_note)
    return server
