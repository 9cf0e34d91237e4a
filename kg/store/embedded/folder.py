"""The embedded store's folder: opening it (busy while another process holds it), and putting
back the rollback copy that a write without a transaction makes first (kg.store.embedded.bulk)."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreBusy


def open_writable(path: Path) -> ox.Store:
    store = open_or_busy(path)
    # A bulk write that was cut short (killed, power loss) left its rollback copy: the store
    # itself may be half-written, the copy is the state before that write began. Only the
    # holder of the lock may put it back (a running writer may be mid-write).
    if rollback_path(path).is_dir():
        del store
        gc.collect()
        put_back(path, rollback_path(path))
        store = open_or_busy(path)
    shutil.rmtree(rollback_path(path, making=True), ignore_errors=True)
    return store


def rollback_path(store: Path, *, making: bool = False) -> Path:
    return store.with_name(store.name + (".rollback-making" if making else ".rollback"))


def put_back(store: Path, copy: Path) -> None:
    """Replace the store's directory by the rollback copy (the store must be closed)."""
    failed = store.with_name(store.name + ".failed-write")
    shutil.rmtree(failed, ignore_errors=True)
    if store.exists():
        store.rename(failed)
    copy.rename(store)
    shutil.rmtree(failed, ignore_errors=True)


def open_or_busy(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(
                f"The store {path} is in use by another process (a running `kg serve`?). "
                "Stop it, or send writes through its API (`kg load` does so by itself when "
                "the server left its address beside the store)."
            ) from None
        raise
