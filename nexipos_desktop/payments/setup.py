"""Building the till's payment service from its settings: driver by name, terminal kind, fiscal route, keys."""

from __future__ import annotations

from dataclasses import dataclass

from nexipos_desktop.fiscal.ecr_token import HmacTestTokenSource
from nexipos_desktop.fiscal.provider_signature import ProviderSigner
from nexipos_desktop.payments.contract import TerminalConfig, TerminalKind
from nexipos_desktop.payments.fiscal_route import EcrTokenRoute, FiscalRoute, ProviderRoute, UnsignedRoute
from nexipos_desktop.payments.registry import create_driver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.secrets import get_secret
from nexipos_desktop.storage.db import Database

#: Settings of the terminal and the fiscal route (`nexipos config set KEY VALUE`); secrets are listed apart.
TERMINAL_KEYS: dict[str, str] = {
    "terminal.driver": "οδηγός: ecr_socket (TCPSocket, τοπικό δίκτυο) | webecr (cloud), κενό = χωρίς τερματικό",
    "terminal.kind": "A920Pro | A910 | A50 | SoftPOS",
    "terminal.name": "όνομα που βλέπει ο ταμίας",
    "terminal.host": "διεύθυνση IP του τερματικού (Ρυθμίσεις ECR → Ρυθμίσεις Server)",
    "terminal.port": "θύρα TCP (συνήθως 4000)",
    "terminal.tid": "Terminal ID (συμπληρώνεται από τη δοκιμή σύνδεσης)",
    "terminal.result_timeout_s": "αναμονή αποτελέσματος σε δευτερόλεπτα (προεπιλογή 180)",
    "terminal.simulator": "true: ο ενσωματωμένος προσομοιωτής ξεκινά με την εφαρμογή",
    "terminal.preload_expiry_minutes": "λήξη πληρωμής αργότερα (προφόρτωση) σε λεπτά (προεπιλογή 60)",
    "webecr.environment": "WebECR: sandbox (δοκιμαστικό NEXI) | production (παραγωγή NEXI) | custom",
    "webecr.base_url": "WebECR: διεύθυνση API όταν webecr.environment = custom (https://…)",
    "webecr.path_prefix": "WebECR: πρόθεμα διαδρομής, π.χ. /v2.2 (κενό = κανένα)",
    "webecr.auth": "WebECR: both (token + κλειδί σύζευξης, προεπιλογή) | token | api_key",
    "webecr.username": "WebECR: όνομα χρήστη του λογαριασμού ERP (ο κωδικός πάει στο keyring)",
    "webecr.terminal_id": "WebECR: αριθμός (id) του τερματικού στον διακομιστή (συμπληρώνεται στη σύζευξη)",
    "webecr.signature_field": "WebECR: όνομα πεδίου υπογραφής: Signature (προεπιλογή) | ProviderSignature",
    "webecr.mode": "WebECR: sync (αναμονή αποτελέσματος, προεπιλογή) | async (έναρξη και έλεγχος)",
    "webecr.connect_timeout_s": "WebECR: χρόνος σύνδεσης σε δευτερόλεπτα (προεπιλογή 10)",
    "webecr.request_timeout_s": "WebECR: αναμονή απάντησης σε αιτήματα εκτός πληρωμής, δευτερόλεπτα (προεπιλογή 30)",
    "webecr.poll_interval_s": "WebECR: κάθε πόσα δευτερόλεπτα ελέγχεται μια συναλλαγή σε εξέλιξη (προεπιλογή 2)",
    "webecr.recovery_s": "WebECR: πόσο επιμένει ο έλεγχος μετά από χαμένη απάντηση (προεπιλογή 60)",
    "fiscal.route": "provider (υπογραφή παρόχου) | ecr_token (ΦΗΜΑΣ) | none",
    "fiscal.provider_id": "αριθμός έγκρισης παρόχου (SigningAuthor)",
    "fiscal.ecr_id": "αριθμός μητρώου φορολογικού μηχανισμού (ECR id)",
}
SECRET_KEYS: dict[str, str] = {
    "fiscal.provider_private_key": "ιδιωτικό κλειδί PEM του παρόχου (ECDSA P-256)",
    "fiscal.ecr_token_key": "κλειδί της πηγής ECR token (δοκιμαστικό)",
    "fiscal.ecr_master_key": "ΦΗΜΑΣ: κοινό κύριο κλειδί 3DES με το τερματικό (32 δεκαεξαδικά) για την ανταλλαγή κλειδιού",
    "fiscal.ecr_session_key": "ΦΗΜΑΣ: κλειδί συνεδρίας (το γράφει η εντολή nexipos terminal ecr-bind)",
    "webecr.password": "WebECR: κωδικός του λογαριασμού ERP",
    "webecr.refresh_token": "WebECR: refresh token (το γράφει η εφαρμογή μετά τη σύνδεση)",
    "webecr.api_key": "WebECR: κλειδί σύζευξης (το γράφει η εντολή nexipos terminal pair)",
}


@dataclass(frozen=True)
class TerminalSettings:
    config: TerminalConfig
    tid: str
    route: str
    provider_id: str
    ecr_id: str
    simulator: bool


def terminal_settings(values: dict) -> TerminalSettings | None:
    """The terminal part of the settings, or None when no terminal is configured."""
    driver = str(values.get("terminal.driver") or "")
    if not driver:
        return None
    config = TerminalConfig(
        driver=driver,
        kind=TerminalKind(values.get("terminal.kind") or TerminalKind.A920PRO),
        name=str(values.get("terminal.name") or driver),
        host=str(values.get("terminal.host") or ""),
        port=int(values.get("terminal.port") or 0),
        result_timeout_s=float(values.get("terminal.result_timeout_s") or 180.0),
        extra={key: str(value) for key, value in values.items()
               if key.startswith("webecr.") and value not in (None, "")} | {"tid": str(values.get("terminal.tid") or "")},
    )
    return TerminalSettings(config, str(values.get("terminal.tid") or ""), str(values.get("fiscal.route") or "none"),
                            str(values.get("fiscal.provider_id") or ""), str(values.get("fiscal.ecr_id") or ""),
                            str(values.get("terminal.simulator")).lower() in ("true", "1", "yes"))


def fiscal_route(settings: TerminalSettings) -> FiscalRoute:
    """The configured A.1155 route; the private key comes from the keyring."""
    if settings.route == "provider":
        pem = get_secret("fiscal.provider_private_key")
        if not pem:
            raise ValueError("Λείπει το ιδιωτικό κλειδί του παρόχου (nexipos config set fiscal.provider_private_key FILE.pem)")
        return ProviderRoute(ProviderSigner(pem.encode("ascii")), settings.provider_id or "999")
    if settings.route == "ecr_token":
        key = (get_secret("fiscal.ecr_token_key") or "").encode("utf-8") or b"nexipos-test-ecr-token-key"
        return EcrTokenRoute(HmacTestTokenSource(settings.ecr_id or "ABC00111222", key))
    return UnsignedRoute()


def build_service(db: Database, settings: TerminalSettings, *, cashier: str = "") -> PaymentService:
    driver = create_driver(settings.config)
    return PaymentService(db, driver, kind=settings.config.kind, terminal_name=settings.config.name,
                          tid=settings.tid, route=fiscal_route(settings), cashier=cashier)
