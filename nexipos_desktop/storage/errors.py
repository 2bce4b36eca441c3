"""Errors of the storage layer, importable without loading SQLAlchemy (the GUI shows its window first)."""


class StorageError(RuntimeError):
    """The database cannot be opened or written. The message is Greek and meant for the user."""


class SaleError(ValueError):
    """A sale cannot be issued as asked; the Greek message says why."""
