"""myDATA settings: the keys an admin sets, the client configuration they give, the demo wiring.

Settings (``nexipos config set KEY VALUE``): see :data:`MYDATA_KEYS`. Credentials go to the secrets store
(:data:`MYDATA_SECRET_KEYS`). Transmission runs when credentials are set or ``mydata.simulator`` is true
(the fake server inside the till, the default of a new demo database); otherwise receipts wait in the outbox.
"""

from __future__ import annotations

from nexipos_desktop.fiscal.mydata_client import (
    CHANNELS, ENVIRONMENTS, SECRET_SUBSCRIPTION_KEY, SECRET_USER_ID, MyDataConfig, base_url,
)
from nexipos_desktop.secrets import get_secret
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.settings import get_setting, set_setting

MYDATA_KEYS: dict[str, str] = {
    "mydata.channel": "provider (πάροχος ΥΠΑΗΕΣ) | erp (απευθείας από το ταμείο)",
    "mydata.environment": "dev (δοκιμαστικό) | prod (παραγωγή) | custom (mydata.base_url)",
    "mydata.base_url": "διεύθυνση του καναλιού για environment custom (π.χ. http://127.0.0.1:8090/myDataProvider/)",
    "mydata.simulator": "true: ο ενσωματωμένος προσομοιωτής myDATA ξεκινά με την εφαρμογή",
    "mydata.print_wait_s": "δευτερόλεπτα αναμονής ΜΑΡΚ πριν την εκτύπωση (προεπιλογή 3· 0 = καμία)",
}
MYDATA_SECRET_KEYS: dict[str, str] = {
    SECRET_USER_ID: "όνομα χρήστη myDATA (aade-user-id)",
    SECRET_SUBSCRIPTION_KEY: "κλειδί συνδρομής myDATA (ocp-apim-subscription-key)",
}
DEFAULT_PRINT_WAIT_S = 3.0
DEMO_MYDATA = {"mydata.simulator": True, "mydata.channel": "provider", "mydata.environment": "custom"}
#: Credentials the fake server accepts (the demo stores them like real ones).
SIMULATOR_USER_ID = "nexipos-demo"
SIMULATOR_SUBSCRIPTION_KEY = "nexipos-demo-key"


def uses_simulator(settings: dict) -> bool:
    return str(settings.get("mydata.simulator")).lower() in ("true", "1", "yes")


def print_wait_s(settings: dict) -> float:
    try:
        return max(float(settings.get("mydata.print_wait_s", DEFAULT_PRINT_WAIT_S)), 0.0)
    except (TypeError, ValueError):
        return DEFAULT_PRINT_WAIT_S


def mydata_config(settings: dict, *, simulator_url: str | None = None) -> MyDataConfig | None:
    """The client configuration, or None when transmission is not set up (no credentials, no simulator).

    ``simulator_url`` (the embedded fake server) overrides the base URL and supplies its credentials.
    """
    channel = str(settings.get("mydata.channel") or "erp")
    if simulator_url is not None:
        url = simulator_url + ("myDataProvider/" if channel == "provider" else "")
        return MyDataConfig(channel, url, SIMULATOR_USER_ID, SIMULATOR_SUBSCRIPTION_KEY)
    user_id, key = get_secret(SECRET_USER_ID), get_secret(SECRET_SUBSCRIPTION_KEY)
    if not user_id or not key:
        return None
    url = base_url(channel, str(settings.get("mydata.environment") or "dev"), str(settings.get("mydata.base_url") or ""))
    return MyDataConfig(channel, url, user_id, key)


def validate_mydata_setting(key: str, text: str):
    """The typed value of a myDATA setting; ValueError with a Greek message when it is not valid."""
    text = text.strip()
    if key == "mydata.channel" and text not in CHANNELS:
        raise ValueError("mydata.channel: provider ή erp")
    if key == "mydata.environment" and text not in ENVIRONMENTS:
        raise ValueError("mydata.environment: dev, prod ή custom")
    if key == "mydata.base_url" and text and not text.startswith(("http://", "https://")):
        raise ValueError("mydata.base_url: διεύθυνση http:// ή https://")
    if key == "mydata.simulator":
        return text.lower() in ("true", "1", "yes", "ναι")
    if key == "mydata.print_wait_s":
        try:
            seconds = float(text)
        except ValueError:
            raise ValueError(f"μη έγκυρος χρόνος «{text}»") from None
        if not 0 <= seconds <= 30:
            raise ValueError("η αναμονή ΜΑΡΚ πριν την εκτύπωση πρέπει να είναι 0–30 δευτερόλεπτα")
        return seconds
    return text


def configure_demo_mydata(db: Database) -> bool:
    """Point a new demo till at the embedded fake myDATA (provider channel); False when already configured."""
    with db.read() as session:
        if get_setting(session, "mydata.simulator", None) is not None:
            return False
    with db.write() as session:
        for name, value in DEMO_MYDATA.items():
            set_setting(session, name, value)
        audit(session, "system", "mydata.demo_configured", simulator=True)
    return True
