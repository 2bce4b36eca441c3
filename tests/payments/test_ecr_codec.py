"""ECR socket codec: the published examples byte for byte, errors, framing, and hypothesis properties."""

from __future__ import annotations

import string
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nexipos_desktop.payments.ecr_codec import (
    AmountRequest,
    Confirmed,
    Direction,
    EchoReply,
    EchoRequest,
    ErrorCode,
    ErrorReply,
    FrameReader,
    Header,
    Message,
    PrintData,
    ProtocolError,
    ProviderSignatureData,
    ResponseCode,
    Result,
    TransactionType,
    TransData,
    Variant,
    Version,
    decode,
    encode,
)
from nexipos_desktop.payments.ecr_fields import A1155_FIELDS, AMOUNT_FIELD_ORDER, FIELD_LETTERS

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "ecr-socket-protocol.md"
V10 = Header(version=Version.A1155)
POS10 = Header(Direction.POS, Variant.STANDARD, Version.A1155)

SALE_V01 = "ECR0101A/S000677/F2500:978:2/D20211122123652/R8/H121/T000677/G:0:0:0:0/M123456789"
APPROVED_V01 = (
    "MEL0101R/S000728/C00/DVisa Credit:************3489:2000:1500:11:64999999:000091:133030119089:000065:787032"
    ":20211126180454"
)
DECLINED_V01 = "MEL0101R/S000677/C33"
BUSY_V01 = "MEL0101E/999"
SALE_V10 = "ECR0110A/S000011/F100:978:2/RABC00111222/D20240412124019/M0/H0/T11/QD93EDE48"
RESULT_V10 = (
    "POS0110R/S001153/RDCN99999901/T000001/M0/C00/DIRIS:00:****************:100:100:0:0:0:109:77615701:005"
    ":251008120304:005003:710178e3:20251008150238:0"
)
EXAMPLES = [SALE_V01, APPROVED_V01, DECLINED_V01, BUSY_V01, SALE_V10, RESULT_V10]


def frame(text: str) -> bytes:
    payload = text.encode("iso-8859-7")
    return len(payload).to_bytes(2, "big") + payload


# ------------------------------------------------------------------------------------------ published examples


def test_examples_are_quoted_from_the_reference() -> None:
    if not REFERENCE.is_file():
        pytest.skip(f"reference {REFERENCE} is not available (shared/ sits beside the project)")
    text = REFERENCE.read_text(encoding="utf-8").replace("\n", "")
    for example in EXAMPLES:
        assert example in text


def test_worked_sale_example_encodes_byte_for_byte_with_prefix_0051() -> None:
    request = AmountRequest(
        TransactionType.SALE, 677, 2500, datetime(2021, 11, 22, 12, 36, 52), ecr_no="8", operator="121",
        receipt_no="000677", vat_slots=("", "0", "0", "0", "0"), custom="123456789",
    )
    data = encode(request)
    assert data[:2] == b"\x00\x51"
    assert data == b"\x00\x51" + SALE_V01.encode("ascii")


def test_default_vat_slots_follow_the_text_g0000() -> None:
    request = AmountRequest(TransactionType.SALE, 1, 100, datetime(2024, 1, 2, 3, 4, 5), "1", "1", "1")
    assert encode(request)[2:] == b"ECR0101A/S000001/F100:978:2/D20240102030405/R1/H1/T1/G0:0:0:0/M0"


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_decodes_and_re_encodes_byte_for_byte(example: str) -> None:
    message = decode(frame(example))
    assert message.raw == example.encode("ascii")
    assert encode(message) == frame(example)


def test_approved_v01_result_is_parsed_by_field() -> None:
    result = decode(frame(APPROVED_V01))
    assert isinstance(result, Result)
    assert (result.session, result.response_code, result.approved) == (728, "00", True)
    assert result.response is ResponseCode.APPROVED
    data = result.trans_data
    assert data is not None
    assert (data.card_type, data.pan_masked) == ("Visa Credit", "************3489")
    assert (data.amount_cents, data.final_amount_cents) == (2000, 1500)
    assert (data.acquirer_id, data.tid, data.batch) == ("11", "64999999", "000091")
    assert (data.rrn, data.stan, data.auth_code) == ("133030119089", "000065", "787032")
    assert data.transaction_time == datetime(2021, 11, 26, 18, 4, 54)
    assert result.header == Header(Direction.MEL)
    assert result.raw.decode("ascii") == APPROVED_V01


def test_declined_and_busy_examples() -> None:
    declined = decode(frame(DECLINED_V01))
    assert declined == Result(677, "33")
    assert declined.approved is False and declined.trans_data is None
    assert declined.response is ResponseCode.DECLINED and declined.message == "Η συναλλαγή απορρίφθηκε"
    busy = decode(frame(BUSY_V01))
    assert busy == ErrorReply("999")
    assert busy.error is ErrorCode.BUSY
    assert busy.message == "Το τερματικό είναι απασχολημένο με άλλη συναλλαγή"


def test_v10_token_sale_encodes_in_the_example_field_order() -> None:
    request = AmountRequest(
        TransactionType.SALE, 11, 100, datetime(2024, 4, 12, 12, 40, 19), operator="0", receipt_no="11",
        vat_slots=None, custom="0", ecr_id="ABC00111222", ecr_token="D93EDE48", header=V10,
    )
    assert encode(request) == frame(SALE_V10)
    assert decode(frame(SALE_V10)) == request


def test_v10_result_echoes_r_t_m_and_keeps_all_trans_data_subfields() -> None:
    result = decode(frame(RESULT_V10))
    assert isinstance(result, Result)
    assert result.header == POS10
    assert (result.session, result.ecr_id, result.receipt_no, result.custom) == (1153, "DCN99999901", "000001", "0")
    assert result.approved
    data = result.trans_data
    assert data is not None and len(data.subfields) == 16 and data.subfields[1] == "00"
    # Provisional v10 layout (ecr_fields.TRANS_DATA_LAYOUT), inferred from this example.
    assert (data.card_type, data.pan_masked, data.amount_cents, data.final_amount_cents) == (
        "IRIS", "****************", 100, 100)
    assert (data.acquirer_id, data.tid, data.batch, data.rrn) == ("109", "77615701", "005", "251008120304")
    assert (data.stan, data.auth_code) == ("005003", "710178e3")
    assert data.transaction_time == datetime(2025, 10, 8, 15, 2, 38)


def test_trans_data_reading_never_fails_on_short_or_odd_subfields() -> None:
    data = TransData(("Visa", "", "12x"))
    assert (data.card_type, data.pan_masked, data.amount_cents, data.tid, data.transaction_time) == (
        "Visa", None, None, None, None)
    assert TransData(("a",) * 10 + ("20211399000000",)).transaction_time is None


# ------------------------------------------------------------------------------------------ other messages


@pytest.mark.parametrize(
    ("kind", "letter"),
    [(TransactionType.SALE, b"A"), (TransactionType.CASH_ADVANCE, b"H"), (TransactionType.REFUND, b"Z"),
     (TransactionType.VOID, b"V")],
)
def test_transaction_types_use_their_letters(kind: TransactionType, letter: bytes) -> None:
    request = AmountRequest(kind, 5, 1999, datetime(2025, 1, 2, 3, 4, 5), "1", "7", "R42")
    assert encode(request)[2:] == b"ECR0101" + letter + b"/S000005/F1999:978:2/D20250102030405/R1/H7/TR42/G0:0:0:0/M0"
    assert decode(encode(request)) == request


def test_echo_request_and_reply() -> None:
    assert encode(EchoRequest("Test σύνδεσης".encode("ascii", "ignore").decode())) == frame("ECR0101X/Test ")
    reply = decode(frame("MEL0101X/hello there/T64999999:2.1.7"))
    assert reply == EchoReply("hello there", "64999999", "2.1.7")
    assert decode(frame("POS0110X/ping/T77615701")) == EchoReply("ping", "77615701", None, header=POS10)


def test_confirmed_is_checked_against_the_request() -> None:
    request = AmountRequest(TransactionType.SALE, 677, 2500, datetime(2021, 11, 22, 12, 36, 52))
    short = decode(frame("MEL0101A/S000677/F2500"))
    full = decode(frame("MEL0101A/S000677/F2500:978:2"))
    assert short == Confirmed(677, 2500) and full == Confirmed(677, 2500, 978, 2)
    assert short.matches(request) and full.matches(request)
    assert not Confirmed(677, 2501).matches(request) and not Confirmed(678, 2500).matches(request)


def test_print_data_runs_to_the_end_and_keeps_esc_codes() -> None:
    slip = "\x1bCΑΠΟΔΕΙΞΗ 12/03/2025\n\x1bBΣΥΝΟΛΟ: 25,00\n\x1b\x0c"
    text = "MEL0201R/S000001/C00/DVisa:****1234:2500:2500:11:64999999:1:2:3:4:20250312101010/P" + slip
    result = decode(frame(text))
    assert isinstance(result, Result) and result.print_data is not None
    assert result.print_data.raw == slip.encode("iso-8859-7")
    assert result.print_data.lines == ("\x1bCΑΠΟΔΕΙΞΗ 12/03/2025", "\x1bBΣΥΝΟΛΟ: 25,00", "\x1b\x0c")
    assert result.print_data.plain_lines == ("ΑΠΟΔΕΙΞΗ 12/03/2025", "ΣΥΝΟΛΟ: 25,00", "")
    assert result.header.variant is Variant.REGISTER_PRINTS
    assert encode(result) == frame(text)
    assert PrintData.from_lines(["\x1bCΑΠΟΔΕΙΞΗ 12/03/2025", "x"]).raw == "\x1bCΑΠΟΔΕΙΞΗ 12/03/2025\nx".encode(
        "iso-8859-7")


def test_provisional_provider_signature_fields() -> None:
    data = ProviderSignatureData("D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC", "", "20240510164340", 100, 24, 124, "999")
    request = AmountRequest(
        TransactionType.SALE, 12, 124, datetime(2024, 5, 10, 16, 43, 40), operator="1", receipt_no="12",
        vat_slots=None, ecr_id="ABC00111222", provider_data=data, provider_signature=b"\x30\x06\xab\xcd\x01\x02",
        header=V10,
    )
    expected = ("ECR0110A/S000012/F124:978:2/RABC00111222/D20240510164340/M0/H1/T12"
                "/UD4F6A5F5C6123658F78369E5191ED5C9D73CB7AC::20240510164340:100:24:124:999/K3006ABCD0102")
    assert encode(request) == frame(expected)
    assert decode(frame(expected)) == request


def test_a1155_letters_live_in_one_table() -> None:
    assert dict(A1155_FIELDS) == {"ecr_id": "R", "ecr_token": "Q", "provider_data": "U", "provider_signature": "K"}
    assert all(FIELD_LETTERS[name] == letter for name, letter in A1155_FIELDS.items())
    assert set(A1155_FIELDS) <= set(AMOUNT_FIELD_ORDER[Version.A1155])
    assert not set(A1155_FIELDS) & set(AMOUNT_FIELD_ORDER[Version.BASE])


@pytest.mark.parametrize(
    "kwargs",
    [{"ecr_token": "D93EDE48"}, {"ecr_id": "ABC00111222"}, {"provider_signature": b"\x30"}],
)
def test_a1155_fields_need_version_10(kwargs: dict[str, object]) -> None:
    with pytest.raises(ProtocolError, match="έκδοση 01"):
        AmountRequest(TransactionType.SALE, 1, 1, datetime(2024, 1, 1), **kwargs)  # type: ignore[arg-type]


def test_v10_sends_the_ecr_id_not_the_ecr_number() -> None:
    with pytest.raises(ProtocolError, match="ecr_no"):
        AmountRequest(TransactionType.SALE, 1, 1, datetime(2024, 1, 1), ecr_no="8", header=V10)


def test_codes_have_greek_messages() -> None:
    assert {code.value for code in ResponseCode} == {"00", "33", "03", "04", "05", "06", "09", "66"}
    assert {code.value for code in ErrorCode} == {"001", "002", "003", "004", "100", "999"}
    messages = [code.message for code in ResponseCode] + [code.message for code in ErrorCode]
    assert len(set(messages)) == len(messages)
    assert all(any("\u0370" <= ch <= "\u03ff" for ch in message) for message in messages)
    assert ResponseCode.CANCELLED.message == "Η συναλλαγή ακυρώθηκε από τον χρήστη ή λόγω λήξης χρόνου"
    assert Result(1, "77").response is None and "77" in Result(1, "77").message
    assert ErrorReply("123").error is None and "123" in ErrorReply("123").message


# ------------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "μικρό"),
        (b"\x00\x52" + SALE_V01.encode(), "δηλώνει 82"),
        (frame("XYZ0101E/999"), "κεφαλίδα"),
        (frame("MEL0301E/999"), "κεφαλίδα"),
        (frame("MEL0101Q/S000001"), "τύπος απάντησης"),
        (frame("ECR0101R/S000001/C00"), "τύπος αιτήματος"),
        (frame("MEL0101R/S00067/C00"), "6 ψηφία"),
        (frame("MEL0101R/S000677"), "C"),
        (frame("MEL0101R/S000677/C00/C00"), "δύο φορές"),
        (frame("MEL0101R/S000677//C00"), "Κενό"),
        (frame("MEL0101RS000677"), "'/'"),
        (frame("MEL0101E/99"), "E"),
        (frame("MEL0101E/999/1"), "ένα πεδίο"),
        (frame("ECR0101A/S000677/F2500:978/D20211122123652"), "F"),
        (frame("ECR0101A/S000677/F2500:978:2/D20211322123652"), "ημερομηνία"),
        (frame("ECR0101A/S000677/F2500:978:2/D20211122123652/QD93EDE48"), "Άγνωστο πεδίο 'Q'"),
        (frame("ECR0101A/S000677/F0:978:2/D20211122123652"), "F.amount"),
        (frame("MEL0101X/hello"), "ECHO"),
        (frame("MEL0101R/S000677/C0ά"), "εκτυπώσιμοι"),
        (frame("ECR0110A/S000011/F100:978:2/D20240412124019/K3AB"), "K"),
    ],
)
def test_malformed_frames_raise_protocol_error(data: bytes, match: str) -> None:
    with pytest.raises(ProtocolError, match=match) as caught:
        decode(data)
    assert isinstance(caught.value, ValueError)
    assert caught.value.error_code is ErrorCode.SYNTAX_ERROR


def test_unsupported_version_maps_to_error_001() -> None:
    with pytest.raises(ProtocolError) as caught:
        decode(frame("ECR0102X/hello"))
    assert caught.value.error_code is ErrorCode.VERSION_NOT_SUPPORTED


def test_encode_refuses_what_the_wire_cannot_carry() -> None:
    with pytest.raises(ProtocolError):
        EchoRequest("a/b")
    with pytest.raises(ProtocolError):
        AmountRequest(TransactionType.SALE, 1_000_000, 1, datetime(2024, 1, 1))
    with pytest.raises(ProtocolError):
        Result(1, "00", header=Header())  # a reply cannot travel as ECR
    with pytest.raises(ProtocolError, match="Μήκος"):
        encode(Result(1, "00", print_data=PrintData(b"x" * 70_000)))


# ------------------------------------------------------------------------------------------ framing


def test_frame_reader_handles_split_and_joined_frames() -> None:
    frames = [frame(example) for example in EXAMPLES]
    stream = b"".join(frames)
    reader = FrameReader()
    received = [f for byte in stream for f in reader.feed(bytes([byte]))]
    assert received == frames and reader.buffered == 0
    assert FrameReader().feed(stream) == frames
    partial = FrameReader()
    assert partial.feed(stream[:5]) == [] and partial.buffered == 5
    assert partial.feed(stream[5:]) == frames


@pytest.mark.parametrize("prefix", [b"\x00\x00", b"\x00\x07", b"\x40\x01", b"\xff\xff"])
def test_frame_reader_rejects_absurd_lengths_until_reset(prefix: bytes) -> None:
    reader = FrameReader()
    with pytest.raises(ProtocolError, match="μήκος"):
        reader.feed(prefix + b"MEL0101E/999")
    with pytest.raises(ProtocolError):
        reader.feed(frame(BUSY_V01))
    reader.reset()
    assert reader.feed(frame(BUSY_V01)) == [frame(BUSY_V01)]


def test_frames_before_a_bad_prefix_are_still_delivered() -> None:
    reader = FrameReader()
    assert reader.feed(frame(DECLINED_V01) + b"\xff\xff") == [frame(DECLINED_V01)]
    with pytest.raises(ProtocolError):
        reader.feed(b"")


# ------------------------------------------------------------------------------------------ properties

PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))
TEXT = st.text(alphabet=PRINTABLE.replace("/", "").replace("\\", ""), max_size=40)
REPLY_TEXT = st.text(alphabet=PRINTABLE.replace("/", ""), max_size=40)
SUBFIELD = st.text(alphabet=PRINTABLE.replace("/", "").replace(":", ""), max_size=20)
ALNUM = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=8)
DIGITS = st.text(alphabet=string.digits, max_size=12)
MOMENTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31, 23, 59, 59)).map(
    lambda moment: moment.replace(microsecond=0))
SESSIONS = st.integers(0, 999_999)
ECR_IDS = st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=15)
CENTS = st.integers(1, 999_999_999_999)
VARIANTS = st.sampled_from(Variant)
REQUEST_HEADERS = st.builds(Header, st.just(Direction.ECR), VARIANTS, st.sampled_from(Version))
REPLY_HEADERS = st.builds(Header, st.sampled_from([Direction.MEL, Direction.POS]), VARIANTS, st.sampled_from(Version))


def _optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def _extras(known: str) -> st.SearchStrategy:
    letters = [c for c in string.ascii_letters if c not in known]
    return st.lists(st.tuples(st.sampled_from(letters), REPLY_TEXT), max_size=3).map(tuple)


PROVIDER_DATA = st.builds(
    ProviderSignatureData, st.text(alphabet="0123456789ABCDEF", min_size=40, max_size=40),
    st.text(alphabet=string.digits, max_size=20), MOMENTS.map(lambda m: m.strftime("%Y%m%d%H%M%S")),
    st.integers(0, 10**12 - 1), st.integers(0, 10**12 - 1), st.integers(0, 10**12 - 1), ALNUM,
)


@st.composite
def amount_requests(draw: st.DrawFn) -> AmountRequest:
    header = draw(REQUEST_HEADERS)
    v10 = header.version is Version.A1155
    return AmountRequest(
        draw(st.sampled_from(TransactionType)), draw(SESSIONS), draw(CENTS), draw(MOMENTS),
        ecr_no=None if v10 else draw(_optional(ALNUM)), operator=draw(_optional(ALNUM)),
        receipt_no=draw(_optional(ALNUM)),
        vat_slots=draw(_optional(st.lists(st.text(string.digits, max_size=12), min_size=1, max_size=8).map(tuple))),
        custom=draw(_optional(TEXT)),
        ecr_id=draw(_optional(ECR_IDS)) if v10 else None,
        ecr_token=draw(_optional(st.text("0123456789ABCDEF", min_size=8, max_size=8))) if v10 else None,
        provider_data=draw(_optional(PROVIDER_DATA)) if v10 else None,
        provider_signature=draw(_optional(st.binary(min_size=1, max_size=72))) if v10 else None,
        currency=draw(st.integers(0, 999)), exponent=draw(st.integers(0, 9)), header=header,
    )


@st.composite
def results(draw: st.DrawFn) -> Result:
    header = draw(REPLY_HEADERS)
    trans = st.lists(SUBFIELD, min_size=1, max_size=18).map(lambda s: TransData(tuple(s), header.version))
    return Result(
        draw(SESSIONS), draw(st.text(string.ascii_letters + string.digits, min_size=2, max_size=2)),
        trans_data=draw(_optional(trans)), print_data=draw(_optional(st.binary(max_size=300).map(PrintData))),
        ecr_id=draw(_optional(REPLY_TEXT)), receipt_no=draw(_optional(REPLY_TEXT)), custom=draw(_optional(REPLY_TEXT)),
        extra_fields=draw(_extras("SRTMCDP")), header=header,
    )


@st.composite
def confirmations(draw: st.DrawFn) -> Confirmed:
    currency, exponent = draw(st.tuples(st.integers(0, 999), st.integers(0, 9)) | st.just((None, None)))
    return Confirmed(
        draw(SESSIONS), draw(st.integers(0, 999_999_999_999)), currency, exponent,
        extra_fields=draw(_extras("SF")), header=draw(REPLY_HEADERS),
    )


MESSAGES = st.one_of(
    st.builds(EchoRequest, st.text(alphabet=PRINTABLE.replace("/", "").replace("\\", ""), max_size=200),
              REQUEST_HEADERS),
    st.builds(EchoReply, REPLY_TEXT, st.text(alphabet=PRINTABLE.replace("/", "").replace(":", ""), min_size=1,
                                             max_size=32), _optional(REPLY_TEXT), _extras("T"), REPLY_HEADERS),
    amount_requests(), confirmations(), results(),
    st.builds(ErrorReply, st.text(string.digits, min_size=3, max_size=3), REPLY_HEADERS),
)

# Payloads that look like the protocol, so the fuzzer gets past the header into the field parsers.
PROTOCOLISH = st.builds(
    lambda head, body: head.encode() + body,
    st.sampled_from(["ECR0101", "ECR0110", "MEL0101", "POS0110", "MEL0201", "ECR0102", "MEL01"]),
    st.lists(st.sampled_from([b"A", b"R", b"X", b"E", b"H", b"/", b":", b"S000001", b"F100:978:2", b"C00",
                              b"D20240412124019", b"DVisa:1:2", b"P\x1b\xc1/", b"Q", b"U", b"K0A", b"T1:2", b"G",
                              b"M0", b"999", b"\xff", b"\x00"]), max_size=12).map(b"".join),
)
SETTINGS = settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])


def _decode_or_protocol_error(data: bytes) -> Message | None:
    try:
        return decode(data)
    except ProtocolError as error:
        assert error.__cause__ is None, f"codec bug turned into ProtocolError: {error.__cause__!r}"
        return None


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_to_a_message_or_protocol_error(data: bytes) -> None:
    _decode_or_protocol_error(data)
    _decode_or_protocol_error(len(data).to_bytes(2, "big") + data)


@SETTINGS
@given(PROTOCOLISH)
def test_protocol_like_payloads_decode_to_a_message_or_protocol_error(payload: bytes) -> None:
    message = _decode_or_protocol_error(len(payload).to_bytes(2, "big") + payload)
    if message is not None:
        assert message.raw == payload
        assert decode(encode(message)) == message


@SETTINGS
@given(st.lists(st.binary(max_size=40), max_size=10))
def test_frame_reader_yields_frames_or_protocol_error(chunks: list[bytes]) -> None:
    reader = FrameReader()
    try:
        for chunk in chunks:
            for item in reader.feed(chunk):
                assert int.from_bytes(item[:2], "big") == len(item) - 2
                _decode_or_protocol_error(item)
    except ProtocolError:
        pass


@SETTINGS
@given(MESSAGES)
def test_encode_decode_round_trip(message: Message) -> None:
    data = encode(message)
    decoded = decode(data)
    assert decoded == message
    assert decoded.raw == data[2:]
    assert encode(decoded) == data


@SETTINGS
@given(st.lists(MESSAGES, min_size=1, max_size=4), st.lists(st.integers(0, 2000), max_size=6))
def test_frame_reader_reassembles_any_split(messages: list[Message], cuts: list[int]) -> None:
    frames = [encode(message) for message in messages]
    stream = b"".join(frames)
    points = sorted({min(cut, len(stream)) for cut in cuts} | {0, len(stream)})
    reader = FrameReader()
    received = [f for start, end in zip(points, points[1:], strict=False) for f in reader.feed(stream[start:end])]
    assert received == frames
    assert [decode(f) for f in received] == messages
