"""The WebECR reply parser: garbage in never raises anything but a clean ReplyFormatError; unknown fields kept."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from nexipos_desktop.payments.contract import Approved, PaymentOutcome
from nexipos_desktop.payments.webecr.messages import ReplyFormatError, intent_outcome, parse_intent
from nexipos_desktop.payments.webecr.messages import parse_transaction

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)
FIELDS = ["Id", "Status", "Result", "TxnType", "Amount", "TipAmount", "CustomerReference", "Transaction",
          "TransactionId", "PreloadTransaction", "PreloadExpiresAt", "Message"]
intent_like = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, intent_like), st.integers(min_value=1, max_value=10**7))
def test_any_json_gives_an_outcome_or_a_clean_error(data, amount):
    try:
        intent = parse_intent(data)
    except ReplyFormatError as exc:
        assert str(exc)
        return
    outcome = intent_outcome(intent, reference="NXREF", amount_cents=amount)
    assert outcome is None or isinstance(outcome, PaymentOutcome.__args__)
    if isinstance(outcome, Approved):  # never approved for another amount or reference
        assert outcome.amount_cents == amount and intent.reference in (None, "NXREF")


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_transaction_rows_never_raise(row):
    parsed = parse_transaction(row)
    assert parsed is None or isinstance(parsed.amount_cents, int)


@given(st.dictionaries(st.text(min_size=1, max_size=10).filter(lambda k: k not in FIELDS), json_values, max_size=5))
def test_unknown_fields_are_ignored_and_kept_in_raw(extra):
    reply = {"Id": 9, "Status": 3, "Result": 1, "Amount": 200, "CustomerReference": "NXREF", **extra,
             "Transaction": {"Amount": 200, "RRN": "000000000001", "AuthCode": "A1B2C3", "Future": [1]}}
    text = json.dumps(reply, ensure_ascii=False)
    outcome = intent_outcome(parse_intent(json.loads(text), text), reference="NXREF", amount_cents=200)
    assert isinstance(outcome, Approved) and outcome.raw == text and outcome.rrn == "000000000001"


def test_float_amounts_are_not_cents():
    try:
        parse_intent({"Id": 1, "Status": 3, "Result": 1, "Amount": 2.0})
    except ReplyFormatError as exc:
        assert "Amount" in str(exc)
    else:
        raise AssertionError("a float amount was accepted")
