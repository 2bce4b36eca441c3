"""Receipt totals: sums of lines, with a breakdown per VAT category."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nexipos_desktop.money import LineAmounts, VatCategory, vat_category


@dataclass(frozen=True)
class VatTotals:
    """Net, VAT and gross of all lines in one VAT category."""

    category: VatCategory
    net_cents: int
    vat_cents: int
    gross_cents: int


def vat_breakdown(lines: Iterable[tuple[int, LineAmounts]]) -> list[VatTotals]:
    """Group line amounts by VAT category code, in code order."""
    sums: dict[int, list[int]] = {}
    for code, amounts in lines:
        acc = sums.setdefault(int(code), [0, 0, 0])
        acc[0] += amounts.net_cents
        acc[1] += amounts.vat_cents
        acc[2] += amounts.gross_cents
    return [VatTotals(vat_category(code), *sums[code]) for code in sorted(sums)]
