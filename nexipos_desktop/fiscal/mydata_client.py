"""The myDATA REST client (httpx): ``SendInvoices``, ``CancelInvoice?mark=`` and ``SendPaymentsMethod``.

Two channels: ``erp`` (the entity's own software) and ``provider`` (an authorised provider, ΥΠΑΗΕΣ, whose
answers add ``authenticationCode``), each with a dev and a prod base URL (``shared/reference/mydata.md``), or a
custom one (the fake server). Credentials (``aade-user-id``, ``ocp-apim-subscription-key``) come from the
secrets store and never appear in logs or exception texts.

Transport failures are told apart because the outbox treats them differently:
:class:`MyDataUnreachable` — no connection was made, the request surely never arrived;
:class:`MyDataNoAnswer` — the request may have arrived but no answer came (re-sent later; a duplicate answer
then carries the MARK); :class:`MyDataHttpError` — myDATA answered with an HTTP error status.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from nexipos_desktop.fiscal.mydata_response import ResponseError, ResponseItem, parse_response

CHANNELS = ("erp", "provider")
ENVIRONMENTS = ("dev", "prod", "custom")
BASE_URLS: dict[tuple[str, str], str] = {
    ("erp", "dev"): "https://mydataapidev.aade.gr/",
    ("erp", "prod"): "https://mydatapi.aade.gr/myDATA/",
    ("provider", "dev"): "https://mydataapidev.aade.gr/myDataProvider/",
    ("provider", "prod"): "https://mydatapi.aade.gr/myDataProvider/",
}
#: Secrets store names of the credentials (``nexipos config set mydata.user_id …``).
SECRET_USER_ID = "mydata.user_id"
SECRET_SUBSCRIPTION_KEY = "mydata.subscription_key"


class MyDataTransportError(Exception):
    """The request did not get an answer from myDATA (message in Greek)."""


class MyDataUnreachable(MyDataTransportError):
    """No connection to myDATA: the request never left the till."""


class MyDataNoAnswer(MyDataTransportError):
    """The request may have reached myDATA, but no (readable) answer came back."""


class MyDataHttpError(MyDataTransportError):
    """myDATA answered with an HTTP error status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

    @property
    def retryable(self) -> bool:
        return self.status >= 500 or self.status in (408, 429)


@dataclass(frozen=True)
class MyDataConfig:
    """Where and as whom to transmit. ``repr`` never shows the subscription key."""

    channel: str = "erp"
    base_url: str = BASE_URLS[("erp", "dev")]
    user_id: str = field(default="", repr=False)
    subscription_key: str = field(default="", repr=False)
    timeout_s: float = 30.0

    @property
    def provider(self) -> bool:
        return self.channel == "provider"


def base_url(channel: str, environment: str, custom: str = "") -> str:
    """The base URL of a channel in an environment (``custom``: the given URL, e.g. the fake server)."""
    if channel not in CHANNELS:
        raise ValueError(f"Άγνωστο κανάλι myDATA «{channel}» (erp ή provider)")
    if environment == "custom":
        if not custom.startswith(("http://", "https://")):
            raise ValueError("Ορίστε το mydata.base_url (http://… ή https://…) για περιβάλλον custom")
        return custom if custom.endswith("/") else custom + "/"
    try:
        return BASE_URLS[(channel, environment)]
    except KeyError:
        raise ValueError(f"Άγνωστο περιβάλλον myDATA «{environment}» (dev, prod ή custom)") from None


class MyDataClient:
    """One long-lived ``httpx.AsyncClient`` per till; ``close()`` on exit."""

    def __init__(self, config: MyDataConfig, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self._http = httpx.AsyncClient(
            base_url=config.base_url, timeout=config.timeout_s, transport=transport,
            headers={"aade-user-id": config.user_id, "ocp-apim-subscription-key": config.subscription_key,
                     "Content-Type": "text/xml"})

    async def send_invoices(self, body: bytes) -> list[ResponseItem]:
        """``POST SendInvoices`` with an ``InvoicesDoc``."""
        return await self._post("SendInvoices", body)

    async def cancel_invoice(self, mark: int) -> ResponseItem:
        """``POST CancelInvoice?mark=`` for a transmitted receipt."""
        return (await self._post("CancelInvoice", b"", params={"mark": str(int(mark))}))[0]

    async def send_payment_methods(self, body: bytes) -> list[ResponseItem]:
        """``POST SendPaymentsMethod`` with a ``PaymentMethodsDoc``."""
        return await self._post("SendPaymentsMethod", body)

    async def close(self) -> None:
        await self._http.aclose()

    async def _post(self, path: str, body: bytes, params: dict[str, str] | None = None) -> list[ResponseItem]:
        try:
            reply = await self._http.post(path, content=body, params=params)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise MyDataUnreachable(f"Δεν υπάρχει σύνδεση με το myDATA ({type(exc).__name__})") from None
        except httpx.TransportError as exc:  # read/write timeouts, dropped connections: may have arrived
            raise MyDataNoAnswer(f"Καμία απάντηση από το myDATA ({type(exc).__name__})") from None
        if reply.status_code in (401, 403):
            raise MyDataHttpError(reply.status_code, "Το myDATA αρνήθηκε την πρόσβαση: ελέγξτε το aade-user-id και "
                                  f"το κλειδί συνδρομής (HTTP {reply.status_code})")
        try:
            items = parse_response(reply.content)
        except ResponseError as exc:
            if reply.status_code != 200:
                raise MyDataHttpError(reply.status_code, f"Το myDATA απάντησε HTTP {reply.status_code}") from None
            raise MyDataNoAnswer(str(exc)) from None
        if reply.status_code >= 500:  # a ResponseDoc with a server error: not an answer about the document
            raise MyDataHttpError(reply.status_code, f"Το myDATA απάντησε HTTP {reply.status_code}: "
                                  f"{items[0].greek_errors()}")
        return items
