"""Length-prefixed pickle frames over pipes between the batch parent and its worker processes."""

from __future__ import annotations

import pickle
import struct
from typing import Any, BinaryIO

HEADER = struct.Struct(">I")
"""A frame is a 4-byte big-endian length followed by that many bytes of pickle."""


def encode(obj: Any) -> bytes:
    """One frame holding ``obj``."""
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def write_frame(out: BinaryIO, obj: Any) -> None:
    """Write one frame and flush."""
    out.write(encode(obj))
    out.flush()


def _read_exact(inp: BinaryIO, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = inp.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_frame(inp: BinaryIO) -> Any | None:
    """The next object, or None at end of stream (blocking; for the worker side)."""
    head = _read_exact(inp, HEADER.size)
    if head is None:
        return None
    payload = _read_exact(inp, HEADER.unpack(head)[0])
    return None if payload is None else pickle.loads(payload)


class FrameBuffer:
    """Incremental decoder for the parent side: feed whatever ``os.read`` returned, take whole frames."""

    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Any]:
        """Add bytes; return the frames now complete."""
        self._buf += data
        frames: list[Any] = []
        while len(self._buf) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._buf)
            if len(self._buf) < HEADER.size + size:
                break
            payload = bytes(self._buf[HEADER.size : HEADER.size + size])
            del self._buf[: HEADER.size + size]
            frames.append(pickle.loads(payload))
        return frames
