"""The record a running `kg serve` leaves beside its store, so that local `kg` commands that
write send their writes through the server (the one writer) instead of opening the store."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from kg.private_files import write_private


@dataclass(frozen=True)
class ServerRecord:
    url: str
    pid: int
    token: str


def record_path(store: str) -> Path:
    return Path(store.rstrip("/") + ".serve.json")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def write_record(store: str, record: ServerRecord) -> Path:
    path = record_path(store)
    # Readable by its owner only: the token authorises writes.
    write_private(path, json.dumps({"url": record.url, "pid": record.pid,
                                    "token": record.token}).encode("utf-8"))
    return path


def read_record(store: str) -> ServerRecord | None:
    """The record of a server that is still running, or None."""
    path = record_path(store)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        record = ServerRecord(str(data["url"]), int(data["pid"]), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(record.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return record


def remove_record(store: str, pid: int) -> None:
    record = read_record(store)
    if record is not None and record.pid == pid:
        record_path(store).unlink(missing_ok=True)
