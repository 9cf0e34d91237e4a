"""Writing files that hold secrets (the server record's admin token, the submitters' tokens)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# O_EXCL with O_CREAT refuses any existing name, a symlink included; O_NOFOLLOW says so twice.
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def write_private(path: Path, data: bytes) -> None:
    """Put `data` at `path`, readable and writable by its owner only (0600), whatever was there.

    Opening `path` itself kept an existing file's mode (a token landed in 0644 and 0666 files)
    and followed a symlink planted there. So the bytes go to a fresh name in the same folder,
    made here and nowhere else, and a rename puts it in place: rename replaces a symlink at
    `path` instead of writing through it, and readers see the old or the new file, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.writing")
    fd = os.open(temporary, _FLAGS, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask may take bits away, never add them; be exact anyway
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
