"""What can go wrong talking to WebECR, each with a Greek message for the cashier or admin and a stable code.

``sent`` tells whether the request may have reached the server: False means nothing was processed (safe to say
"nothing was charged"); True means the reply was lost and a payment is in doubt. No message carries a secret.
"""

from __future__ import annotations

#: The code of a Failed outcome / echo when the API key was revoked: the admin must pair again.
PAIR_AGAIN = "pair_again"


class WebEcrError(Exception):
    """A WebECR exchange that gave no usable reply."""

    code = "error"
    sent = False

    def __init__(self, message: str, *, status: int | None = None, raw: str = "") -> None:
        super().__init__(message)
        self.message, self.status, self.raw = message, status, raw


class HostUnreachable(WebEcrError):
    """No connection could be made (DNS, refused, no route, connect timeout): nothing was sent."""

    code = "unreachable"


class TlsFailure(WebEcrError):
    """The TLS handshake failed (certificate, clock, proxy): nothing was sent."""

    code = "tls"


class LoginFailed(WebEcrError):
    """The username/password (or the refresh token and then the password) were refused."""

    code = "credentials"


class PairAgain(WebEcrError):
    """The API key was refused (revoked by the merchant): pair the register again with a new code."""

    code = PAIR_AGAIN


class Forbidden(WebEcrError):
    code = "forbidden"


class NotFound(WebEcrError):
    code = "not_found"


class Rejected(WebEcrError):
    """The server refused the request as invalid (400 and other 4xx): nothing was processed."""

    code = "rejected"


class ServerError(WebEcrError):
    """5xx: the server may have processed the request."""

    code = "server_error"
    sent = True


class ReplyLost(WebEcrError):
    """Sent, but the reply never came (timeout, dropped connection)."""

    code = "lost"
    sent = True


class MalformedReply(WebEcrError):
    """A reply that is not the JSON object expected."""

    code = "malformed"
    sent = True
