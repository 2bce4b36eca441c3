"""The myDATA UID of a document: upper-case hex SHA-1 of its identity, hashed as ISO-8859-7."""

from __future__ import annotations

import hashlib
from datetime import date


def mydata_uid(
    issuer_vat: str,
    issue_date: date,
    branch: int,
    invoice_type: str,
    series: str,
    number: int | str,
    variation_type: int | None = None,
) -> str:
    """Compute the 40-character UID myDATA expects for a document.

    The fields are joined by ``-`` and hashed as ISO-8859-7 bytes, so a Greek series letter such as ``Α``
    hashes differently from the Latin ``A`` (mydata.md).
    """
    parts = [issuer_vat, issue_date.isoformat(), str(branch), invoice_type, series, str(number)]
    if variation_type is not None:
        parts.append(str(variation_type))
    return hashlib.sha1("-".join(parts).encode("iso-8859-7")).hexdigest().upper()
