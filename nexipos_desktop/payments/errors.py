"""Errors of the payment service, importable without loading the database layer."""


class PaymentError(ValueError):
    """A request the service refuses before anything is sent (Greek message for the cashier)."""
