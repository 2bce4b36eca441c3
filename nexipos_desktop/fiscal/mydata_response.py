"""myDATA ``ResponseDoc`` (``response-v2.0.1.xsd``, no namespace) parsed into plain data, and its errors in Greek.

One ``response`` per document sent: ``statusCode`` ``Success`` with ``invoiceUid``, ``invoiceMark``, ``qrUrl``,
``authenticationCode`` (provider channel), ``cancellationMark`` or ``paymentMethodMark``; or an error status
(``ValidationError``, ``TechnicalError``, ``XMLSyntaxError``) with ``errors/error{message, code}``.

A document whose UID myDATA already holds is refused with :data:`DUPLICATE_CODE`; the XSD lets an error carry
no MARK, so myDATA names the existing MARK in the message text, which :attr:`ResponseItem.duplicate_mark`
reads. (This is how the till learns the MARK of a receipt whose first answer was lost.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

SUCCESS = "Success"
#: myDATA's error code for a document already registered under the same UID (assumed; see the README).
DUPLICATE_CODE = "228"
_MARK_IN_TEXT = re.compile(r"mark\D{0,20}?(\d{6,19})", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

#: Greek explanations of the myDATA error codes an admin is likely to meet.
GREEK_ERRORS: dict[str, str] = {
    "101": "Το έγγραφο δεν είναι έγκυρο κατά το XSD του myDATA",
    "102": "Ο ΑΦΜ δεν ανήκει σε ενεργή επιχείρηση",
    "104": "Μη έγκυρος ελληνικός ΑΦΜ",
    "203": "Λάθος κατηγορία χαρακτηρισμού εσόδων για τον τύπο παραστατικού",
    "207": "Λάθος σύνολα: τα αθροίσματα των γραμμών δεν συμφωνούν με τη σύνοψη",
    "210": "Λάθος ποσό ΦΠΑ για την κατηγορία ΦΠΑ της γραμμής",
    DUPLICATE_CODE: "Το παραστατικό έχει ήδη διαβιβαστεί με το ίδιο UID",
    "401": "Λάθος στοιχεία πρόσβασης στο myDATA (aade-user-id / κλειδί συνδρομής)",
    "XSD": "Το έγγραφο δεν είναι έγκυρο κατά το XSD του myDATA",
}
STATUS_GREEK: dict[str, str] = {
    "ValidationError": "Σφάλμα ελέγχου",
    "TechnicalError": "Τεχνικό σφάλμα του myDATA",
    "XMLSyntaxError": "Σφάλμα σύνταξης XML",
}


class ResponseError(ValueError):
    """The answer is not a ResponseDoc (message in Greek)."""


@dataclass(frozen=True)
class ResponseErrorItem:
    code: str
    message: str


@dataclass(frozen=True)
class ResponseItem:
    """What myDATA answered for one document."""

    status_code: str
    index: int | None = None
    uid: str | None = None
    mark: int | None = None
    qr_url: str | None = None
    authentication_code: str | None = None
    cancellation_mark: int | None = None
    payment_method_mark: int | None = None
    errors: tuple[ResponseErrorItem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status_code == SUCCESS

    @property
    def duplicate_mark(self) -> int | None:
        """The MARK of the already registered document when myDATA refused this one as a duplicate."""
        for error in self.errors:
            if error.code == DUPLICATE_CODE:
                found = _MARK_IN_TEXT.search(error.message)
                if found:
                    return int(found.group(1))
        return None

    @property
    def is_duplicate(self) -> bool:
        return any(error.code == DUPLICATE_CODE for error in self.errors)

    def greek_errors(self) -> str:
        """The errors as the admin reads them: Greek explanation, then myDATA's own text and code."""
        if not self.errors:
            return STATUS_GREEK.get(self.status_code, f"Απάντηση myDATA: {self.status_code}")
        return "; ".join(greek_error(e.code, e.message) for e in self.errors)


def greek_error(code: str | None, message: str) -> str:
    """«Εξήγηση (myDATA 101: original text)» for a known code, else «Σφάλμα myDATA 123: original text»."""
    known = GREEK_ERRORS.get(code or "")
    if known:
        return f"{known} (myDATA {code}: {message})" if message else known
    return f"Σφάλμα myDATA {code}: {message}" if code else message


def parse_response(body: bytes) -> list[ResponseItem]:
    """The ``response`` items of a ``ResponseDoc``; :class:`ResponseError` when it is not one."""
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ResponseError(f"Η απάντηση του myDATA δεν είναι XML: {exc}") from None
    if etree.QName(root).localname != "ResponseDoc":
        raise ResponseError(f"Η απάντηση του myDATA δεν είναι ResponseDoc (ρίζα {etree.QName(root).localname})")
    items = [_item(response) for response in root if _name(response) == "response"]
    if not items:
        raise ResponseError("Κενή απάντηση ResponseDoc από το myDATA")
    return items


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _item(response: etree._Element) -> ResponseItem:
    values = {_name(child): (child.text or "").strip() for child in response}
    errors = tuple(
        ResponseErrorItem(code=_child_text(error, "code"), message=_child_text(error, "message"))
        for child in response if _name(child) == "errors" for error in child if _name(error) == "error"
    )
    return ResponseItem(
        status_code=values.get("statusCode", ""),
        index=_int(values.get("index")),
        uid=values.get("invoiceUid") or None,
        mark=_int(values.get("invoiceMark")),
        qr_url=values.get("qrUrl") or None,
        authentication_code=values.get("authenticationCode") or None,
        cancellation_mark=_int(values.get("cancellationMark")),
        payment_method_mark=_int(values.get("paymentMethodMark")),
        errors=errors,
    )


def _child_text(element: etree._Element, name: str) -> str:
    for child in element:
        if _name(child) == name:
            return (child.text or "").strip()
    return ""


def _int(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ResponseError(f"Μη αριθμητική τιμή στην απάντηση του myDATA: «{text}»") from None


def response_doc(items: list[ResponseItem]) -> bytes:
    """A ``ResponseDoc`` of ``items`` (the fake server answers with it; the parser reads it back)."""
    root = etree.Element("ResponseDoc")
    for item in items:
        response = etree.SubElement(root, "response")
        if item.index is not None:
            etree.SubElement(response, "index").text = str(item.index)
        if item.errors:
            errors = etree.SubElement(response, "errors")
            for error in item.errors:
                element = etree.SubElement(errors, "error")
                etree.SubElement(element, "message").text = error.message
                etree.SubElement(element, "code").text = error.code
        else:
            for name, value in (("invoiceUid", item.uid), ("invoiceMark", item.mark),
                                ("cancellationMark", item.cancellation_mark),
                                ("paymentMethodMark", item.payment_method_mark),
                                ("authenticationCode", item.authentication_code), ("qrUrl", item.qr_url)):
                if value is not None:
                    etree.SubElement(response, name).text = str(value)
        etree.SubElement(response, "statusCode").text = item.status_code
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
