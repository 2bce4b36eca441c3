"""``codec``: throughput of the ECR socket codec vs trivial ``b"/".join`` / ``bytes.split(b"/")`` on the same bytes.

Four kinds of message, each as ``codec_messages`` distinct messages (session, amount, receipt number, card data
vary), built the way the app builds them:

* AMOUNT v01: ``build_amount_request`` of the socket driver for an unsigned sale (what the till sends today);
* AMOUNT v10: the same for the A.1155 ECR-token route (``/R`` ECR id, ``/Q`` token);
* RESULT v01 / v10 approved: the simulator's replies (``trans_data`` of an approval in each version's layout;
  v10 echoes ``/R``, ``/T``, ``/M``), as the driver decodes them.

``encode(message)`` and ``decode(frame)`` are timed over all messages of a kind, ``codec_repeats`` passes
interleaved with the baselines; the throughput is the median pass. Every message is checked first:
``decode(encode(m)) == m`` and the baseline's bytes equal the codec's.

**Baselines** (same run, same payloads): encode = the length prefix + ``b"/".join(fields)`` of the frame's
already-split fields (the same bytes, no formatting or validation); decode = ``frame[2:].split(b"/")`` (no typing,
no validation). The ratio baseline/codec says how many times slower than merely joining or splitting the bytes
the codec is; it is information only (no target).

**FrameReader**: ``codec_stream_frames`` frames (AMOUNT, CONFIRMED and RESULT of both versions, shuffled) in one
byte stream, fed in random chunks of 1–512 bytes (seeded), as TCP may deliver them; frames/s and MB/s. Its
baseline is a trivial incremental splitter over the same chunks (a ``bytearray``, the 2-byte length prefix, no
checks).
"""

from __future__ import annotations

import gc
import math
import random
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from benchmarks.harness import Context, Outcome, Table, fmt, median, say, step

NAME = "codec"
DESCRIPTION = "ECR codec encode/decode and FrameReader throughput vs trivial join/split of the same bytes"
UNIT = "msg/s"
CHUNK_MAX = 512


# ----- the messages -----

def amount_requests(count: int, rng: random.Random, *, a1155: bool) -> list:
    """AMOUNT requests exactly as the socket driver builds them (v01 unsigned, or v10 with an ECR token)."""
    from nexipos_desktop.payments.contract import EcrTokenProof, Operation, PaymentRequest
    from nexipos_desktop.payments.drivers.ecr_socket import build_amount_request

    start = datetime(2026, 3, 2, 9, 0, 0)
    messages = []
    for i in range(count):
        token = EcrTokenProof("ABC00111222", f"{rng.getrandbits(32):08X}") if a1155 else None
        request = PaymentRequest(Operation.SALE, f"NX{i:020d}", rng.randint(10, 50_000),
                                 receipt_number=f"Α-{i + 1}", session=i % 999_999 + 1, operator="Ταμίας 1",
                                 ecr_token=token)
        messages.append(build_amount_request(request, ecr_no="1", timestamp=start + timedelta(seconds=37 * i)))
    return messages


def approved_results(requests: Sequence, rng: random.Random) -> list:
    """The simulator's approved RESULT for each request (its version's trans-data layout and echoes)."""
    from nexipos_desktop.payments.ecr_codec import Result, Version
    from nexipos_desktop.simulator.socket_server import reply_header, trans_data
    from nexipos_desktop.simulator.terminal_model import Approval

    cards = (("Visa Credit", "************0010"), ("Mastercard Debit", "************4444"),
             ("Maestro", "************0019"))
    results = []
    for i, request in enumerate(requests):
        card_type, pan = cards[i % len(cards)]
        stan = i % 999_999 + 1
        approval = Approval(
            tid="64999999", card_type=card_type, pan_masked=pan, amount_cents=request.amount_cents,
            final_amount_cents=request.amount_cents, acquirer_id="11", batch="000001",
            rrn=f"26061{stan:07d}", stan=f"{stan:06d}", auth_code=f"{rng.randrange(1_000_000):06d}",
            transaction_id=f"{rng.getrandbits(128):032x}", time=request.timestamp,
        )
        header = reply_header(request.header)
        a1155 = header.version is Version.A1155
        results.append(Result(
            session=request.session, response_code="00", trans_data=trans_data(approval, header.version),
            ecr_id=request.ecr_id if a1155 else None, receipt_no=request.receipt_no if a1155 else None,
            custom=request.custom if a1155 else None, header=header,
        ))
    return results


def confirmations(requests: Sequence) -> list:
    from nexipos_desktop.payments.ecr_codec import Confirmed
    from nexipos_desktop.simulator.socket_server import reply_header

    return [Confirmed(r.session, r.amount_cents, header=reply_header(r.header)) for r in requests]


# ----- the baselines -----

def join_frame(fields: list[bytes]) -> bytes:
    body = b"/".join(fields)
    return len(body).to_bytes(2, "big") + body


def split_frame(frame: bytes) -> list[bytes]:
    return frame[2:].split(b"/")


def trivial_frames(chunks: Sequence[bytes]) -> int:
    """Cut a chunked stream into length-prefixed frames with nothing else: the FrameReader baseline."""
    buffer = bytearray()
    count = 0
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= 2:
            end = 2 + int.from_bytes(buffer[:2], "big")
            if len(buffer) < end:
                break
            bytes(buffer[:end])
            del buffer[:end]
            count += 1
    return count


def reader_frames(chunks: Sequence[bytes]) -> int:
    from nexipos_desktop.payments.ecr_codec import FrameReader

    reader = FrameReader()
    count = 0
    for chunk in chunks:
        count += len(reader.feed(chunk))
    return count


def chunked(stream: bytes, rng: random.Random) -> list[bytes]:
    chunks, at = [], 0
    while at < len(stream):
        size = rng.randint(1, CHUNK_MAX)
        chunks.append(stream[at:at + size])
        at += size
    return chunks


# ----- timing -----

def rate(fn: Callable[[object], object], items: Sequence) -> float:
    """Items per second of ``fn`` over ``items`` (one pass)."""
    start = time.perf_counter_ns()
    for item in items:
        fn(item)
    return len(items) / ((time.perf_counter_ns() - start) / 1e9)


def geomean(values: list[float]) -> float:
    clean = [v for v in values if v > 0 and not math.isnan(v)]
    return math.exp(sum(math.log(v) for v in clean) / len(clean)) if clean else math.nan


def run(ctx: Context) -> list[Outcome]:
    from nexipos_desktop.payments.ecr_codec import decode, encode

    sizes = ctx.sizes
    count, repeats = sizes.codec_messages, sizes.codec_repeats
    rng = random.Random(ctx.seed)
    done = step(f"building {count:,} messages of each kind and checking decode(encode(m)) == m")
    v01, v10 = amount_requests(count, rng, a1155=False), amount_requests(count, rng, a1155=True)
    kinds = {"AMOUNT v01": v01, "AMOUNT v10 (ECR token)": v10,
             "RESULT v01 approved": approved_results(v01, rng), "RESULT v10 approved": approved_results(v10, rng)}
    frames = {kind: [encode(m) for m in messages] for kind, messages in kinds.items()}
    fields = {kind: [split_frame(f) for f in kind_frames] for kind, kind_frames in frames.items()}
    for kind, messages in kinds.items():
        for message, frame, parts in zip(messages, frames[kind], fields[kind]):
            if decode(frame) != message or join_frame(parts) != frame:
                raise AssertionError(f"{kind}: the codec does not round-trip {message!r}")
    done()

    encode_rates = {kind: [] for kind in kinds}
    join_rates = {kind: [] for kind in kinds}
    decode_rates = {kind: [] for kind in kinds}
    split_rates = {kind: [] for kind in kinds}
    done = step(f"encode/decode: {repeats} passes over each kind, interleaved with join/split")
    for kind, messages in kinds.items():  # warm-up pass
        rate(encode, messages[:200])
        rate(decode, frames[kind][:200])
    gc.collect()
    for _ in range(repeats):
        for kind, messages in kinds.items():
            encode_rates[kind].append(rate(encode, messages))
            join_rates[kind].append(rate(join_frame, fields[kind]))
            decode_rates[kind].append(rate(decode, frames[kind]))
            split_rates[kind].append(rate(split_frame, frames[kind]))
    done()

    pool = [f for kind_frames in frames.values() for f in kind_frames]
    pool += [encode(m) for m in confirmations(v01 + v10)]
    stream_frames = [rng.choice(pool) for _ in range(sizes.codec_stream_frames)]
    stream = b"".join(stream_frames)
    chunks = chunked(stream, rng)
    from nexipos_desktop.payments.ecr_codec import FrameReader

    reader, out = FrameReader(), []
    for chunk in chunks:
        out += reader.feed(chunk)
    if out != stream_frames or trivial_frames(chunks) != len(stream_frames):
        raise AssertionError("FrameReader does not cut the stream into the frames it was made of")
    done = step(f"FrameReader: {len(stream_frames):,} frames ({len(stream) / 1e6:.2f} MB) in {len(chunks):,} "
                f"random chunks of 1–{CHUNK_MAX} bytes, {repeats} passes interleaved with a trivial splitter")
    reader_rates, trivial_rates = [], []
    gc.collect()
    for _ in range(repeats):
        start = time.perf_counter_ns()
        reader_frames(chunks)
        reader_rates.append(len(stream_frames) / ((time.perf_counter_ns() - start) / 1e9))
        start = time.perf_counter_ns()
        trivial_frames(chunks)
        trivial_rates.append(len(stream_frames) / ((time.perf_counter_ns() - start) / 1e9))
    done()

    table = Table(["message", "bytes", "encode", "join (base)", "base/enc", "decode", "split (base)", "base/dec"])
    outcomes: list[Outcome] = []
    encode_ratios, decode_ratios = [], []
    for kind in kinds:
        enc, join = median(encode_rates[kind]), median(join_rates[kind])
        dec, split = median(decode_rates[kind]), median(split_rates[kind])
        encode_ratios.append(join / enc)
        decode_ratios.append(split / dec)
        size = sum(map(len, frames[kind])) / len(frames[kind])
        table.rows.append([kind, f"{size:.0f}", fmt(enc, UNIT), fmt(join, UNIT), fmt(join / enc, "x"),
                           fmt(dec, UNIT), fmt(split, UNIT), fmt(split / dec, "x")])
        outcomes.append(Outcome(NAME, f"encode {kind}", enc, UNIT, higher_is_better=True))
        outcomes.append(Outcome(NAME, f"decode {kind}", dec, UNIT, higher_is_better=True))
    say(f"   median of {repeats} passes over {count:,} messages per kind (µs per message = 1e6 / rate):")
    for line in table.render().splitlines():
        say("     " + line)
    say("     " + "; ".join(f"{kind}: encode {1e6 / median(encode_rates[kind]):.1f} µs, decode "
                            f"{1e6 / median(decode_rates[kind]):.1f} µs" for kind in kinds))
    reader_rate, trivial_rate = median(reader_rates), median(trivial_rates)
    mb = len(stream) / len(stream_frames) / 1e6
    say(f"   FrameReader: {fmt(reader_rate, 'frames/s')} ({reader_rate * mb:.1f} MB/s); trivial splitter (base): "
        f"{fmt(trivial_rate, 'frames/s')} ({trivial_rate * mb:.1f} MB/s); base/FrameReader "
        f"{fmt(trivial_rate / reader_rate, 'x')}")
    say(f"   geometric mean over the 4 kinds: join/encode {fmt(geomean(encode_ratios), 'x')}, "
        f"split/decode {fmt(geomean(decode_ratios), 'x')} (information only; one card payment encodes 1 and "
        f"decodes 2 messages)")
    outcomes += [
        Outcome(NAME, "FrameReader, random chunks", reader_rate, "frames/s", higher_is_better=True),
        Outcome(NAME, "ratio join/encode (geomean of 4 kinds)", geomean(encode_ratios), "x"),
        Outcome(NAME, "ratio split/decode (geomean of 4 kinds)", geomean(decode_ratios), "x"),
        Outcome(NAME, "ratio trivial splitter/FrameReader", trivial_rate / reader_rate, "x"),
    ]
    return outcomes
