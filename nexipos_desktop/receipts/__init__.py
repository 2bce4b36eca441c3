"""Receipts in myDATA terms: document types, carts, totals, UID."""
