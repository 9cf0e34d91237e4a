"""Checkpoints of the embedded store, for query workers that read it from other processes.

Measured with pyoxigraph 0.5.13 (see DESIGN.md): a read-only open of the live store directory
while the writer flushes fails now and then, and sees the store only as it was when opened; a
read-only open of a `Store.backup()` copy never failed. So the writer makes a checkpoint after
each committed write, and workers open the newest one read-only. A backup on the same file
system hard-links RocksDB's immutable files, so a checkpoint costs milliseconds and little disk.

Layout: `<store>.checkpoints/<generation>` with generations numbered upwards; a checkpoint is
made under a temporary name and renamed, so a directory with a number as its name is complete.
"""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

_TEMP_PREFIX = "making-"


def checkpoint_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".checkpoints")


class Checkpoints:
    """The writer's checkpoints and who uses them: pinned ones are never deleted.

    Readers `acquire()` the newest checkpoint (pinning it) and `release()` it when they have
    moved on; every checkpoint older than the newest and no longer pinned is deleted.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self._pins: Counter[int] = Counter()
        self._newest: int | None = None
        self._on_remove: list[Callable[[], None]] = []
        # Whatever a previous run left behind is stale: this process is now the one writer.
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)

    def make(self, store: ox.Store) -> Path:
        """Back the store up as the next generation; called after each committed write."""
        with self._lock:
            generation = (self._newest or 0) + 1
            temporary = self.directory / f"{_TEMP_PREFIX}{generation}"
            # What a make that failed (a full disk) left under this name.
            shutil.rmtree(temporary, ignore_errors=True)
            store.backup(str(temporary))
            final = self.path(generation)
            temporary.rename(final)
            self._newest = generation
            self._prune()
        return final

    def path(self, generation: int) -> Path:
        return self.directory / f"{generation:08d}"

    def newest(self) -> Path | None:
        with self._lock:
            return None if self._newest is None else self.path(self._newest)

    def acquire(self) -> Path:
        """The newest checkpoint, pinned until `release()`."""
        with self._lock:
            if self._newest is None:
                raise RuntimeError("No checkpoint has been made yet.")
            self._pins[self._newest] += 1
            return self.path(self._newest)

    def release(self, path: Path | str) -> None:
        with self._lock:
            generation = int(Path(path).name)
            self._pins[generation] -= 1
            if self._pins[generation] <= 0:
                del self._pins[generation]
            self._prune()

    def existing(self) -> list[Path]:
        return sorted(p for p in self.directory.iterdir() if p.name.isdigit())

    def when_removed(self, callback: Callable[[], None]) -> None:
        """Call `callback` before the checkpoints go (when the store closes): readers stop first."""
        self._on_remove.append(callback)

    def remove_all(self) -> None:
        callbacks, self._on_remove = self._on_remove, []
        for callback in callbacks:  # outside the lock: they release their pins
            callback()
        with self._lock:
            self._newest = None
            self._pins.clear()
            shutil.rmtree(self.directory, ignore_errors=True)

    def _prune(self) -> None:
        # Called with the lock held. Deleting a checkpoint a reader still has open could break
        # that reader's lazily opened files, hence the pins.
        for path in self.existing():
            generation = int(path.name)
            if generation != self._newest and self._pins[generation] == 0:
                shutil.rmtree(path, ignore_errors=True)
