"""Raw bytes on stdout, after whatever click has buffered."""

from __future__ import annotations

import sys


def write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
