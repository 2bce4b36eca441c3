"""How a card payment proves it belongs to a receipt (A.1155): provider signature, ECR token, or nothing."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Protocol

from nexipos_desktop.fiscal.ecr_token import EcrTokenSource
from nexipos_desktop.fiscal.provider_signature import ProviderSigner, signature_clear_text, signature_timestamp
from nexipos_desktop.payments.contract import EcrTokenProof, ProviderProof


@dataclass(frozen=True)
class ReceiptTotals:
    """What a signature covers besides the amount: the receipt's identity and totals."""

    uid: str
    mark: str
    net_cents: int
    vat_cents: int
    total_cents: int


@dataclass(frozen=True)
class Proof:
    provider: ProviderProof | None = None
    ecr_token: EcrTokenProof | None = None
    timestamp: str | None = None
    text: str | None = None  # what the journal keeps: base64 signature or the token


class FiscalRoute(Protocol):
    name: str

    def prove(self, receipt: ReceiptTotals, amount_cents: int, tid: str, command: str) -> Proof: ...


class ProviderRoute:
    """The shop issues receipts through an e-invoicing provider (ΥΠΑΗΕΣ): ECDSA signature per payment."""

    name = "provider"

    def __init__(self, signer: ProviderSigner, provider_id: str) -> None:
        self._signer = signer
        self.provider_id = provider_id

    def prove(self, receipt: ReceiptTotals, amount_cents: int, tid: str, command: str) -> Proof:
        stamp = signature_timestamp()
        text = signature_clear_text(receipt.uid, receipt.mark, stamp, receipt.net_cents, receipt.vat_cents,
                                    receipt.total_cents, amount_cents, tid)
        der = self._signer.sign(text)
        proof = ProviderProof(uid=receipt.uid, mark=receipt.mark, timestamp=stamp, net_cents=receipt.net_cents,
                              vat_cents=receipt.vat_cents, total_cents=receipt.total_cents,
                              provider_id=self.provider_id, signature_der=der)
        return Proof(provider=proof, timestamp=stamp, text=base64.b64encode(der).decode("ascii"))


class EcrTokenRoute:
    """The shop fiscalises on a ΦΗΜΑΣ: the fiscal device signs the AMOUNT command (an 8-hex token)."""

    name = "ecr_token"

    def __init__(self, source: EcrTokenSource) -> None:
        self._source = source

    def prove(self, receipt: ReceiptTotals, amount_cents: int, tid: str, command: str) -> Proof:
        token = self._source.token_for(command)
        return Proof(ecr_token=EcrTokenProof(ecr_id=token.ecr_id, token=token.token), text=token.token)


class UnsignedRoute:
    """No proof (demo and simulator only: a real NEXI terminal declines unsigned payments under A.1155)."""

    name = "none"

    def prove(self, receipt: ReceiptTotals, amount_cents: int, tid: str, command: str) -> Proof:
        return Proof()
