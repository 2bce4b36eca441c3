"""WebECR (cloud) for NEXI terminals: the REST contract of ``webecr-api.md``.

- :mod:`.account` — base URL presets, path prefix, auth method, credentials from settings + keyring;
- :mod:`.client` — one long-lived ``httpx.AsyncClient`` with token refresh/re-login and ``X-Api-Key``;
- :mod:`.pairing` — redeem the terminal's code, list terminals, save the pairing (wizard and CLI);
- :mod:`.messages` — request bodies and reply parsing as pure functions;
- the driver is :mod:`nexipos_desktop.payments.drivers.webecr`.
"""
