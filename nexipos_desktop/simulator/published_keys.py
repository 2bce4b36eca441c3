"""Published test keys the simulators can verify against (public halves only; never a production key)."""

from __future__ import annotations

#: Mellon Technologies' published A.1155 test key pair, public half (shared/vectors/mellon-test-public-key.pem):
#: what acquirers' sandboxes verify test provider signatures with (test provider id 999).
MELLON_TEST_PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEpzk6G8Y2bV3n539vK/+y7n4wZjD5
fmhCXuTSxo+bg8t4NEqy8WHWzF9SmHC7HnarnJ8p3gukw8Noxmavs7hPSw==
-----END PUBLIC KEY-----
"""
