"""Framing of the ECR socket protocol: a 2-byte big-endian length prefix before every message.

The prefix counts the bytes after itself; there is no STX/ETX/LRC. :class:`FrameReader` cuts a TCP byte stream
into complete frames.
"""

from __future__ import annotations

from nexipos_desktop.payments.ecr_types import ProtocolError

PREFIX_LENGTH = 2
HEADER_LENGTH = 7  # direction (3) + variant (2) + version (2)
MIN_PAYLOAD = HEADER_LENGTH + 1  # … + the message-type letter
MAX_PAYLOAD = 0xFFFF
DEFAULT_MAX_PAYLOAD = 16 * 1024  # far above a slip with print data; anything longer is garbage


def add_prefix(payload: bytes) -> bytes:
    """Put the length prefix in front of ``payload``."""
    if not MIN_PAYLOAD <= len(payload) <= MAX_PAYLOAD:
        raise ProtocolError(f"Μήκος μηνύματος εκτός ορίων: {len(payload)} bytes")
    return len(payload).to_bytes(PREFIX_LENGTH, "big") + payload


def strip_prefix(frame: bytes) -> bytes:
    """Check a whole frame's length prefix and return the payload after it."""
    if not isinstance(frame, bytes | bytearray):
        raise ProtocolError("Το πλαίσιο πρέπει να είναι bytes")
    if len(frame) < PREFIX_LENGTH + MIN_PAYLOAD:
        raise ProtocolError(f"Πλαίσιο πολύ μικρό: {len(frame)} bytes")
    declared = int.from_bytes(frame[:PREFIX_LENGTH], "big")
    if declared != len(frame) - PREFIX_LENGTH:
        raise ProtocolError(f"Το μήκος του πλαισίου δηλώνει {declared} bytes αλλά ακολουθούν {len(frame) - 2}")
    return bytes(frame[PREFIX_LENGTH:])


class FrameReader:
    """Collects bytes from a stream and hands out complete frames (prefix included), in order.

    Handles frames split across reads and several frames in one read. A length prefix below the minimum
    message size or above ``max_payload`` raises :class:`ProtocolError` (after handing out the frames before
    it, if any); the stream cannot be resynchronised after that, so the reader keeps raising until
    :meth:`reset` (close the connection).
    """

    def __init__(self, max_payload: int = DEFAULT_MAX_PAYLOAD) -> None:
        if not MIN_PAYLOAD <= max_payload <= MAX_PAYLOAD:
            raise ValueError(f"max_payload must be {MIN_PAYLOAD}..{MAX_PAYLOAD}")
        self._max_payload = max_payload
        self._buffer = bytearray()
        self._broken: str | None = None

    @property
    def buffered(self) -> int:
        """How many bytes wait for the rest of their frame."""
        return len(self._buffer)

    def reset(self) -> None:
        """Forget buffered bytes and any earlier framing error (for a new connection)."""
        self._buffer.clear()
        self._broken = None

    def feed(self, data: bytes) -> list[bytes]:
        """Add bytes read from the stream; return the frames they complete (possibly none)."""
        if self._broken is not None:
            raise ProtocolError(self._broken)
        self._buffer.extend(data)
        frames: list[bytes] = []
        try:
            while (frame := self._next_frame()) is not None:
                frames.append(frame)
        except ProtocolError:
            if not frames:
                raise
        return frames  # frames before a bad prefix are still handed out; the next feed() raises

    def _next_frame(self) -> bytes | None:
        if len(self._buffer) < PREFIX_LENGTH:
            return None
        length = int.from_bytes(self._buffer[:PREFIX_LENGTH], "big")
        if not MIN_PAYLOAD <= length <= self._max_payload:
            self._broken = f"Μη αποδεκτό μήκος πλαισίου {length} (όρια {MIN_PAYLOAD}..{self._max_payload})"
            self._buffer.clear()
            raise ProtocolError(self._broken)
        end = PREFIX_LENGTH + length
        if len(self._buffer) < end:
            return None
        frame = bytes(self._buffer[:end])
        del self._buffer[:end]
        return frame
