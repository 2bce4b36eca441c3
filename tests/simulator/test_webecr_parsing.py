"""What the WebECR simulator reads from the network never crashes it: request bodies, bearer tokens, filters.

Hypothesis feeds arbitrary JSON and text; the only allowed failures are the simulator's own 400/401/403 errors,
and a valid body is read back exactly.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nexipos_desktop.simulator.webecr_auth import Accounts, AuthError, SimClock
from nexipos_desktop.simulator.webecr_records import INTENT_FILTERS, TRANSACTION_FILTERS, FilterError, Intent
from nexipos_desktop.simulator.webecr_records import TxnType, matches
from nexipos_desktop.simulator.webecr_requests import IntentRequest, RequestError, parse_txninit, parse_void

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
    max_leaves=10)
FIELDS = ["TxnType", "Amount", "CurrencyCode", "CustomerReference", "TipAmount", "Instalments", "Timeout",
          "PreloadTransaction", "PreloadExpiration", "InitialTransaction", "ProviderData", "EcrTokenData",
          "IsTaxFree", "OriginalIdentifier", "OriginalIdentifierType"]
bodies = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), json_values, max_size=10)


@settings(max_examples=300, deadline=None)
@given(json_values | bodies)
def test_any_json_body_is_read_or_refused_with_a_400(body: Any) -> None:
    for parse in (parse_txninit, parse_void):
        try:
            parse(body)
        except RequestError as exc:
            assert exc.status == 400 and isinstance(exc.body, dict) and exc.body


@settings(max_examples=200, deadline=None)
@given(txn_type=st.sampled_from([t for t in TxnType if t is not TxnType.PREAUTH_COMPLETION]),
       amount=st.integers(1, 10**9), reference=st.text(min_size=1, max_size=50).filter(str.strip),
       tip=st.integers(0, 10**6), instalments=st.integers(0, 99), timeout=st.integers(0, 180))
def test_a_valid_txninit_body_is_read_back_exactly(txn_type: TxnType, amount: int, reference: str, tip: int,
                                                   instalments: int, timeout: int) -> None:
    body = {"TxnType": int(txn_type), "Amount": amount, "CurrencyCode": 978, "CustomerReference": reference,
            "TipAmount": tip, "Instalments": instalments, "Timeout": timeout, "Unknown": {"kept": "ignored"}}
    assert parse_txninit(body) == IntentRequest(txn_type, amount, reference, tip, 0, instalments,
                                                timeout_s=timeout)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.builds(lambda a, b, c: f"{a}.{b}.{c}", st.text(max_size=40),
                                         st.text(max_size=40), st.text(max_size=40)))
def test_any_bearer_token_is_accepted_only_when_issued_here(token: str) -> None:
    accounts = Accounts(SimClock())
    issued = accounts.login("nexipos-demo", "nexipos-demo-webecr")
    for header in (f"Bearer {token}", token):
        try:
            user = accounts.user_of(header)
        except AuthError as exc:
            assert exc.status == 401
        else:
            assert header == f"Bearer {issued['access']}" and user == "nexipos-demo"
    try:
        accounts.refresh(token)
    except AuthError as exc:
        assert exc.status == 401


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*INTENT_FILTERS, *TRANSACTION_FILTERS, "Timestamp_min", "Timestamp_max",
                                        "Amount_min", "Amount_max"]) | st.text(max_size=12),
                       st.text(max_size=30), max_size=4))
def test_any_filter_query_matches_or_is_a_400(params: dict[str, str]) -> None:
    intent = Intent("abc", 1001, "64999999", TxnType.SALE, 100, "ref-1", datetime.fromisoformat(
        "2026-11-27T12:00:00+02:00"))
    try:
        assert matches(intent.to_json(), params, INTENT_FILTERS) in (True, False)
    except FilterError as exc:
        assert exc.name in params
